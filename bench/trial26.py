"""Trial 26 (session 42, the lead's blind check): trial 24's recipe (trial 22's draws, struck chords from pitched
programs only) with a new seed, 565938 (drawn by ``secrets``): videos and sounds nobody chose, from the whole of
ffmpeg's xfade list, sources of every kind, colours, durations and rates, and from General MIDI's families, kits,
patterns and tempi; read with the CLI's path (``aspects.api.analyze``). Its sounds were made after session 42's
struck-by-ear rule (MEASURE_VERSION 70–71) was frozen and read once with main 6ef3b82 (session 41's rules) and once
with the rule, side by side.

Usage: .venv/bin/python bench/trial26.py make|score TAG [--only video|audio] [--out DIR]
Truths as trial 24's (bench/trial24.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import trial24  # noqa: E402
from bench.versions import versions_line  # noqa: E402

SEED = 565938

if __name__ == "__main__":
    print(versions_line(), flush=True)
    trial24.run(SEED, "t26", Path("/tmp/trial26"))
