"""Trial 24 (session 31, the lead's blind check): trial 22's recipe with a new seed, 220021 (drawn by ``secrets``):
videos and sounds nobody chose, from the whole of ffmpeg's xfade list, sources of every kind, colours, durations and
rates, and from General MIDI's families, kits, patterns and tempi; read with the CLI's path (``aspects.api.analyze``).
Written after session 31's rules were frozen and read once with them.

One change to the draw, from trial 23's reading: struck "chords" come only from pitched programs that die away (pianos,
chromatic percussion, guitars, pizzicato, harp, the ethnic plucked strings, tinkle bell, steel drums), not from the
whole of ``DECAYING_PROGRAMS`` — trial 23 drew GM 115 (woodblock) and 120 (guitar fret noise), whose "chords" are no
chords (10 of its 11 chord misses read `hiss`).

Usage: .venv/bin/python bench/trial24.py make|score TAG [--only video|audio] [--out DIR]
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

SEED = 220021
# GM programs whose notes have a pitch a chord can be made of: pianos and chromatic percussion, guitars, pizzicato and
# harp, sitar / banjo / shamisen / koto / kalimba, tinkle bell, steel drums
PITCHED_STRUCK = frozenset([*range(0, 16), *range(24, 32), 45, 46, *range(104, 109), 112, 114])


def run(seed: int, prefix: str, out: Path) -> None:
    """Make or score (``sys.argv``, :func:`bench.trials.main`) trial 22's recipe drawn by ``seed``, its xfade cases named
    ``prefix``-…, struck chords from :data:`PITCHED_STRUCK` only, in ``out``."""
    trial22.SEED = seed  # trial 22's draws read its module's seed, case prefix and program lists when called
    trial22.xf = partial(trials.xf, prefix)
    trial22.DECAYING_PROGRAMS = trial22.DECAYING_PROGRAMS & PITCHED_STRUCK
    trials.main(out, trial22.video_cases, trial22.audio_clips)


if __name__ == "__main__":
    print(versions_line(), flush=True)
    run(SEED, "t24", Path("/tmp/trial24"))
