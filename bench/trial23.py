"""Trial 23 (session 30, the lead's blind check): trial 22's recipe with a new seed, 570676 (drawn by ``secrets``):
videos and sounds nobody chose, from the whole of ffmpeg's xfade list, sources of every kind, colours, durations and
rates, and from General MIDI's families, kits, patterns and tempi; read with the CLI's path (``aspects.api.analyze``).
Written after session 30's transition rules were frozen and read once with them.

Every real shot lies inside one shot of its reference clip (bunny 132 frames at 25, carphone 120 frames at 29.97, one
shot each; bikes.mp4's shot from frame 76 to 137, 2.44 s at 25 fps, so a bikes side is held at most 1.0 s beside a
transition of at most 1.2 s); moving objects are drawn with ``overlay`` (``moving_box``).

Usage: .venv/bin/python bench/trial23.py make|score TAG [--only video|audio] [--out DIR]
Truths as trial 21's: xfade boundaries read off the rendered frames, fade-filter and cut truths exact; single lines
named by tests.voice_corpus.line_truth, basses below MIDI 48, struck chords on decaying programs `chord`, held chords
on sustaining programs `pad`; drum hits by HIT_PRIORITY and the drums' families; tempo: the recipe's quarter note.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import trial22, trials  # noqa: E402
from bench.versions import versions_line  # noqa: E402

SEED = 570676

if __name__ == "__main__":
    trial22.SEED = SEED  # trial 22's draws read its module's seed and case prefix when called
    trial22.xf = partial(trials.xf, "t23")
    print(versions_line(), flush=True)
    trials.main(Path("/tmp/trial23"), trial22.video_cases, trial22.audio_clips)
