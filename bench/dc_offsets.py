"""A DC offset or a drift below hearing on drawn clips: how many frames keep their names (issue 11, session 39).

tests/test_subsonic.py checks four fixed renders under three fixed offsets. This draws ``CLIPS`` FluidR3 clips by seed —
lines (any pitched GM program 0–103, 0.2–1.0 s a note, eight notes from MIDI 48–75), triads (any pitched program,
1.2–2.5 s apart) and two-bar grooves (eight kits, 70–170 BPM), a third each — and adds to each clip three offsets of
drawn size (tests/audio_corpus.with_offset): a constant ±0.02–0.15 of full scale, one following the clip's own level
at 0.3–0.9 of its RMS, a drift of 0.02–0.12 at 0.5–4 Hz. Each offset clip is read (in-process, 25 fps) and compared
frame by frame with the clip as rendered: the share of frames named the same, how many cases keep ≥ 0.95 of them, and
whether the silence before the first note stays ``silence``. The renders themselves may carry FluidR3's own offset
(printed per clip as ``own``: |mean| / RMS).

    .venv/bin/python bench/dc_offsets.py [--seed 70469] [--cache DIR] [--json OUT]   (~3 min on one core)

Session 39 (seed 70469, drawn by ``secrets`` before the first read), 108 cases, names kept (≥ 0.95) / mean share /
silence kept: before the frames were read high-passed (25c5d07) 15 / 0.651 / 8; with them (029b772) 57 / 0.869 / 108
(constant 17, level-following 24, drift 16 of 36); with the hops around each frame high-passed too (the variant not
landed, docs/audio.md "A DC offset") 99 / 0.987 / 108.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.versions import versions_line  # noqa: E402
from tests.audio_corpus import DRUM_CH, SR, Clip, _chords, _line, _read_wav, drum_clip, groove, program, render_midi, tonal_clip, with_offset  # noqa: E402
from tests.voice_corpus import FPS, analyse  # noqa: E402

CLIPS = 36
KINDS = ("constant", "envelope", "drift")
FIRST_NOTE_S = 0.3  # every clip starts its first note or hit here
SAME_SHARE = 0.95  # as tests/test_subsonic.py
KITS = (0, 8, 16, 24, 25, 32, 40, 48)
STEPS = (0, 2, 3, 5, 7, 9, 12, -5, -3)


def drawn(seed: int) -> list[tuple[Clip, list[tuple[str, dict]]]]:
    """The clips and, for each, its three offsets (``with_offset``'s kind and sizes)."""
    rng = np.random.default_rng(seed)
    out = []
    for k in range(CLIPS):
        kind = ("line", "chords", "groove")[k % 3]
        if kind == "line":
            prog, step, base = int(rng.integers(0, 104)), float(rng.uniform(0.2, 1.0)), int(rng.integers(48, 76))
            clip = tonal_clip(f"line{k}_p{prog}", prog, _line([base + int(s) for s in rng.choice(STEPS, size=8)], step, FIRST_NOTE_S), "")
        elif kind == "chords":
            prog, step, root = int(rng.integers(0, 104)), float(rng.uniform(1.2, 2.5)), int(rng.integers(48, 66))
            clip = tonal_clip(f"chords{k}_p{prog}", prog, _chords([[root, root + 4, root + 7], [root - 3, root, root + 4], [root + 5, root + 9, root + 12]], step, FIRST_NOTE_S), "")
        else:
            kit, bpm = int(rng.choice(KITS)), float(rng.uniform(70, 170))
            clip = drum_clip(f"groove{k}_kit{kit}", groove(bpm, bars=2, start_s=FIRST_NOTE_S), 8 * 60 / bpm + 1.0, tempo_bpm=bpm)
            clip.events.insert(0, program(DRUM_CH, kit, 0.0))
        level = float(rng.uniform(0.02, 0.15)) * float(rng.choice([-1, 1]))
        share = float(rng.uniform(0.3, 0.9))
        drift_hz, drift = float(rng.uniform(0.5, 4.0)), float(rng.uniform(0.02, 0.12))
        out.append((clip, [("constant", {"level": level}), ("envelope", {"share": share}), ("drift", {"level": drift, "drift_hz": drift_hz})]))
    return out


def read(seed: int, cache: Path) -> list[dict]:
    rows = []
    for clip, offsets in drawn(seed):
        wav = cache / f"{seed}_{clip.name}.wav"
        x = (_read_wav(wav) if wav.exists() else render_midi(clip.events, wav))[: int(clip.duration_s * SR)]
        t, clean = analyse(x)
        own = abs(float(x.mean())) / max(float(np.sqrt(np.mean(x.astype(np.float64) ** 2))), 1e-9)
        before = t + 1 / FPS <= FIRST_NOTE_S
        for kind, sizes in offsets:
            _, named = analyse(with_offset(x, kind, **sizes))
            rows.append({"clip": clip.name, "kind": kind, "sizes": sizes, "own": round(own, 2), "same": round(float(np.mean(clean == named)), 3), "silence_kept": set(named[before]) <= {"silence"}})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=70469)
    parser.add_argument("--cache", type=Path, default=None, help="renders kept here (default: a temporary directory)")
    parser.add_argument("--json", type=Path, default=None, help="write every case's row here")
    args = parser.parse_args()
    print(versions_line(), flush=True)
    cache = args.cache or Path(tempfile.mkdtemp(prefix="dc_offsets_"))
    cache.mkdir(parents=True, exist_ok=True)
    rows = read(args.seed, cache)
    for kind in KINDS:
        of = [r for r in rows if r["kind"] == kind]
        kept = sum(r["same"] >= SAME_SHARE for r in of)
        print(f"{kind:9s} cases {len(of)}  names kept (≥ {SAME_SHARE}) {kept}  mean share {np.mean([r['same'] for r in of]):.3f}  silence kept {sum(r['silence_kept'] for r in of)}")
    kept = sum(r["same"] >= SAME_SHARE for r in rows)
    print(f"all       cases {len(rows)}  names kept (≥ {SAME_SHARE}) {kept}  mean share {np.mean([r['same'] for r in rows]):.3f}  silence kept {sum(r['silence_kept'] for r in rows)}")
    for r in sorted(rows, key=lambda r: r["same"])[:12]:
        print(f"    {r['clip']:22s} {r['kind']:9s} same {r['same']:.3f}  own offset {r['own']:.2f}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
