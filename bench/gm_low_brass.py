"""Low lines on brass, reeds and basses (docs/audio.md, "A low blown note without its fundamental", session 20).

Sixteen General MIDI programs (trumpet, trombone, tuba, muted trumpet, French horn, brass section, synth brass 1 and 2,
the four saxophones, acoustic and finger bass, contrabass, bassoon) each play two lines of ten notes, 0.3 and 0.5 s
apart (held 0.9 of the step), in a twelve-semitone window drawn from MIDI 26-47 (under many of these instruments' own
range, where FluidR3's samples lose their fundamental), at a drawn velocity. Truth: every note `bass` (the lines'
medians lie under BASS_CUT_MIDI). One FluidSynth pass, read in-process (25 frames a second); prints segments right and
the wrong answers by program. Seed 2020 was read with main's rules before the rule changed (then tuned on), seed 2121
was drawn with it and read once after.

Usage: .venv/bin/python bench/gm_low_brass.py [--seed 2020] [--out DIR]   (~2 min on a loaded machine)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.versions import versions_line  # noqa: E402
from tests.audio_corpus import _line, _read_wav, build_corpus, missing_tools, segment_results, tonal_clip  # noqa: E402
from tests.voice_corpus import analyse  # noqa: E402

PROGRAMS = (56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 32, 33, 43, 70)
STEPS_S = (0.3, 0.5)
LOWEST_MIDI = (26, 36)  # a line's window starts in [26, 36) and spans 12 semitones
STEPS = (-5, -3, -2, 2, 3, 4, 7)  # melodic steps (semitones) of the drawn walk


def clips(seed: int) -> list:
    rng = np.random.default_rng(seed)
    out = []
    for prog in PROGRAMS:
        for step in STEPS_S:
            lo = int(rng.integers(*LOWEST_MIDI))
            hi = lo + 12
            pitches = [int(rng.integers(lo, hi))]
            for _ in range(9):
                pitches.append(int(np.clip(pitches[-1] + rng.choice(STEPS), lo, hi)))
            out.append(tonal_clip(f"b{prog}_{step}_{lo}", prog, _line(pitches, step, legato=0.9), "bass", velocity=int(rng.integers(60, 120))))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2020)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    print(versions_line(), flush=True)
    if reason := missing_tools():
        print(f"gm_low_brass: {reason}", file=sys.stderr)
        return 2
    drawn = build_corpus(args.out or Path(tempfile.mkdtemp(prefix="gm_low_brass_")), clips(args.seed), video=False)
    rows = []
    for clip in drawn:
        t, prim = analyse(_read_wav(clip.wav))
        rows += [(clip.name, truth, answer) for _, truth, answer in segment_results(clip, t, prim)]
    print(f"seed {args.seed}: segments right {sum(a == b for _, a, b in rows)}/{len(rows)}")
    print("wrong answers:", dict(Counter(answer for _, truth, answer in rows if answer != truth).most_common()))
    print("wrong by program:", dict(Counter(name.split("_")[0] for name, truth, answer in rows if answer != truth).most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
