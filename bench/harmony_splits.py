"""Tonal segments of the harmony splits and the low brass corpus, per part and per segment (issue 11, session 21).

Reads each named split of :mod:`tests.voice_corpus` (``fresh30_harmony`` …), ``low_brass:SEED`` (bench/gm_low_brass.py's
corpus) or ``gm_sweep:SEED`` (bench/gm_sweep.py's: every pitched GM program) in-process at 25 frames a second, as bench_audio.py does, and prints segments right per part, the wrong answers
per clip, and with ``--json`` one row per segment (split, clip, start, truth, answer) so two commits' reads can be compared
segment by segment (``--diff A.json B.json``). Renders are kept under ``--cache`` (one WAV per split, re-rendered when
the split's MIDI changes).

Usage: .venv/bin/python bench/harmony_splits.py SPLIT... [--cache DIR] [--json OUT] [--jobs N]
       .venv/bin/python bench/harmony_splits.py --diff BEFORE.json AFTER.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import gm_low_brass, gm_sweep  # noqa: E402
from bench.versions import versions_line  # noqa: E402
from tests import voice_corpus  # noqa: E402
from tests.audio_corpus import Clip  # noqa: E402


def split_clips(split: str) -> list[Clip]:
    if split.startswith("low_brass:"):
        return gm_low_brass.clips(int(split.split(":")[1]))
    if split.startswith("gm_sweep:"):
        return gm_sweep.clips(int(split.split(":")[1]))
    return voice_corpus.corpus(split)


def rendered(split: str, clips: list[Clip], cache: Path) -> list[np.ndarray]:
    """Each clip's samples, from ``cache`` when the split's events are unchanged (one FluidSynth pass otherwise)."""
    key = hashlib.sha256(repr([(c.name, c.duration_s, c.events) for c in clips]).encode()).hexdigest()[:16]
    npz = cache / f"{split.replace(':', '_')}-{key}.npz"
    if npz.exists():
        with np.load(npz) as z:
            return [z[f"c{i}"] for i in range(len(clips))]
    samples = voice_corpus.render(clips, cache / split.replace(":", "_"))
    cache.mkdir(parents=True, exist_ok=True)
    np.savez(npz, **{f"c{i}": x for i, x in enumerate(samples)})
    return samples


def _read(job: tuple[Clip, np.ndarray]) -> list[tuple[float, str, str]]:
    clip, x = job
    t, prim = voice_corpus.analyse(x)
    return voice_corpus.segment_results(clip, t, prim)


def read(splits: list[str], cache: Path, jobs: int) -> list[dict]:
    rows: list[dict] = []
    for split in splits:
        clips = split_clips(split)
        samples = rendered(split, clips, cache)
        with ProcessPoolExecutor(jobs) as pool:
            results = list(pool.map(_read, zip(clips, samples)))
        for clip, res in zip(clips, results):
            rows += [{"split": split, "clip": clip.name, "start": round(s, 3), "truth": a, "answer": b} for s, a, b in res]
        table(split, [r for r in rows if r["split"] == split])
    return rows


def table(split: str, rows: list[dict]) -> None:
    by: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        by[r["truth"]][r["answer"]] += 1
    right = sum(r["truth"] == r["answer"] for r in rows)
    print(f"{split}: {right}/{len(rows)}  " + "  ".join(f"{k} {v[k]}/{sum(v.values())}" for k, v in sorted(by.items())), flush=True)
    wrong: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        if r["truth"] != r["answer"]:
            wrong[r["clip"]][f"{r['truth']}->{r['answer']}"] += 1
    for clip, c in wrong.items():
        print(f"    {clip:40s} {dict(c)}")


def diff(before: Path, after: Path) -> None:
    a = {(r["split"], r["clip"], r["start"]): r for r in json.loads(before.read_text())}
    b = {(r["split"], r["clip"], r["start"]): r for r in json.loads(after.read_text())}
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for k in a.keys() & b.keys():
        ra, rb = a[k], b[k]
        s = per[k[0]]
        s[0] += ra["truth"] == ra["answer"]
        s[1] += rb["truth"] == rb["answer"]
        s[3] += 1
        if ra["answer"] != rb["answer"]:
            s[2] += 1
            gain = "+" if rb["answer"] == rb["truth"] else "-" if ra["answer"] == ra["truth"] else "~"
            print(f"  {gain} {k[0]:18s} {k[1]:40s} {k[2]:6.2f} {ra['truth']:7s} {ra['answer']} -> {rb['answer']}")
    for split, (x, y, changed, n) in sorted(per.items()):
        print(f"{split:20s} {x} -> {y} / {n}  ({changed} changed)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("splits", nargs="*")
    parser.add_argument("--cache", type=Path, default=Path(".cache/harmony_splits"))
    parser.add_argument("--json", type=Path)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--diff", nargs=2, type=Path)
    args = parser.parse_args()
    if args.diff:
        diff(*args.diff)
        return 0
    print(versions_line(), flush=True)
    rows = read(args.splits, args.cache, args.jobs)
    if args.json:
        args.json.write_text(json.dumps(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
