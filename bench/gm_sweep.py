"""Every pitched General MIDI program as a line at five note lengths, plus struck chords and pads (issue 11, session 36).

The trials (bench/trial16.py … trial24.py) draw their plucks, leads and melodies from short lists of programs
(``PLUCKS``, ``LEADS``: no piano, electric piano, harpsichord, celesta, organ or most synth leads among them) at a
few note lengths; the harmony splits choose theirs by hand. This sweep leaves no pitched program out: GM 0–114
(115–127 are unpitched: woodblock, taiko, toms, effects, whose "lines" have no note to name), each playing one line
at every step of ``STEPS_S`` (0.15 and 0.22 s: melodies; 0.45, 0.9 and 1.4 s: leads; a struck decaying program's line is
a pluck at every step), a random walk (steps of 1, 2, 4 or 5 semitones) in an 18-semitone window starting at MIDI
52–66, at a drawn velocity (70–119), held 0.95 of its step. Truth as in tests/voice_corpus.py: :func:`line_truth`
(``pluck`` for :data:`STRUCK_PROGRAMS`, the decaying programs less those that swell in: 93 and 103 among
the pitched ones) and :func:`by_register`
(a line whose median lies at or under BASS_CUT_MIDI is the bass). Each decaying program also strikes four triads
(:func:`chord_truth`: ``chord``, or ``pad`` on a program that swells in; 0.7–1.3 s apart) and each pad program of the
trials (``PADS``) holds three (``pad``, 1.6–2.8 s).

Read like the harmony splits (in-process at 25 frames a second, segment by segment): run it as the split
``gm_sweep:SEED`` of bench/harmony_splits.py (``--json`` and ``--diff`` compare two commits segment by segment),
or on its own for the table by family and note length:

    .venv/bin/python bench/gm_sweep.py [--seed 11] [--cache DIR] [--jobs 2] [--json OUT]   (~8 min on two cores)
    .venv/bin/python bench/gm_sweep.py --table ROWS.json   (the table of a saved read)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import trial22  # noqa: E402
from bench.versions import versions_line  # noqa: E402
from tests.audio_corpus import TRIADS, Clip, _chords, _line, tonal_clip  # noqa: E402
from tests.voice_corpus import DECAYING_PROGRAMS, by_register, chord_truth, line_truth  # noqa: E402

PROGRAMS = tuple(range(0, 115))  # every pitched GM program
STEPS_S = (0.15, 0.22, 0.45, 0.9, 1.4)
WALK = (-5, -4, -2, -1, 1, 2, 4, 5)  # semitone steps of a line's random walk
WINDOW = 18  # semitones a line's walk stays within
LOWEST_MIDI = (52, 67)  # the window starts in [52, 67)
LINE_S = 4.0  # a line lasts at least this long (at least six notes)
VELOCITY = (70, 120)
PADS = tuple(sorted(trial22.PADS))  # the trials' pad programs
FAMILIES = ("piano", "chromatic percussion", "organ", "guitar", "bass", "strings", "ensemble", "brass", "reed", "pipe", "synth lead", "synth pad", "synth effects", "ethnic", "percussive")


def family(prog: int) -> str:
    """The GM family (of eight programs) of ``prog``."""
    return FAMILIES[prog // 8]


def clips(seed: int) -> list[Clip]:
    """The sweep's clips for ``seed``: one line per program and step, then the chords and the pads."""
    rng = np.random.default_rng(seed)
    out: list[Clip] = []
    for prog in PROGRAMS:
        for step in STEPS_S:
            lo = int(rng.integers(*LOWEST_MIDI))
            pitches = [int(rng.integers(lo, lo + WINDOW + 1))]
            for _ in range(max(6, int(np.ceil(LINE_S / step))) - 1):
                pitches.append(int(np.clip(pitches[-1] + rng.choice(WALK), lo, lo + WINDOW)))
            clip = tonal_clip(f"line_p{prog}_{step}", prog, _line(pitches, step), line_truth(prog, step), velocity=int(rng.integers(*VELOCITY)))
            out.append(by_register(clip, prog, step))
    for prog in sorted(p for p in DECAYING_PROGRAMS if p in PROGRAMS):
        shift = int(rng.integers(-5, 6))
        chords = [[p + shift for p in TRIADS[int(i)]] for i in rng.integers(0, len(TRIADS), 4)]
        step = float(rng.choice([0.7, 1.0, 1.3]))
        out.append(tonal_clip(f"chord_p{prog}_{step}", prog, _chords(chords, step), chord_truth(prog), velocity=int(rng.integers(*VELOCITY))))
    for prog in PADS:
        chords = [TRIADS[int(i)] for i in rng.integers(0, len(TRIADS), 3)]
        step = float(rng.choice([1.6, 2.2, 2.8]))
        out.append(tonal_clip(f"pad_p{prog}_{step}", prog, _chords(chords, step), "pad", velocity=int(rng.integers(*VELOCITY))))
    return out


def table(rows: list[dict]) -> None:
    """Segments right per truth, per GM family and truth, per note length of the lines, and the programs read worst.
    A segment with no sounding frame (answer "": a note FluidR3's sample leaves under the −55 dBFS gate, the contrabass,
    tuba and baritone sax above their range) is counted apart, not scored."""
    silent = Counter(r["truth"] for r in rows if not r["answer"])
    rows = [r for r in rows if r["answer"]]
    by_truth: dict[str, Counter] = defaultdict(Counter)
    by_family: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    by_step: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    by_prog: dict[tuple[int, str], list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        kind, prog_s, step_s = r["clip"].split("_")
        prog, right = int(prog_s[1:]), int(r["truth"] == r["answer"])
        by_truth[r["truth"]][r["answer"]] += 1
        for key, acc in (((family(prog), r["truth"]), by_family), ((step_s if kind == "line" else kind, r["truth"]), by_step), ((prog, r["truth"]), by_prog)):
            acc[key][0] += right
            acc[key][1] += 1
    print("per truth (segments right / segments; the answers):")
    for truth, c in sorted(by_truth.items()):
        print(f"  {truth:7s} {c[truth]:5d}/{sum(c.values()):5d} {c[truth] / sum(c.values()):6.1%}  {dict(c.most_common(5))}")
    print("per GM family:")
    for (fam, truth), (right, n) in sorted(by_family.items(), key=lambda kv: (FAMILIES.index(kv[0][0]), kv[0][1])):
        print(f"  {fam:22s} {truth:7s} {right:4d}/{n:4d} {right / n:6.1%}")
    print("per note length (lines) or kind:")
    for (step, truth), (right, n) in sorted(by_step.items()):
        print(f"  {step:6s} {truth:7s} {right:4d}/{n:4d} {right / n:6.1%}")
    print("silent segments, not scored:", dict(silent))
    worst = sorted(((right / n, prog, truth, right, n) for (prog, truth), (right, n) in by_prog.items()))[:25]
    print("programs read worst:", "  ".join(f"{prog} {truth} {right}/{n}" for _, prog, truth, right, n in worst))


def main() -> int:
    from bench import harmony_splits  # the split reader (cache, jobs, rows)

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--cache", type=Path, default=Path(".cache/harmony_splits"))
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--table", type=Path, help="print the table of a saved read instead")
    args = parser.parse_args()
    if args.table:
        table(json.loads(args.table.read_text()))
        return 0
    print(versions_line(), flush=True)
    rows = harmony_splits.read([f"gm_sweep:{args.seed}"], args.cache, args.jobs)
    if args.json:
        args.json.write_text(json.dumps(rows))
    table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
