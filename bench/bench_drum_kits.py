"""Drum names across kits (issue 11d): per-hit accuracy by kit, bed, what was struck, and drum names on drumless frames.

    .venv/bin/python -m bench.bench_drum_kits kits_tune [more splits] [--json OUT] [--cache DIR] [--beds]

Renders :mod:`tests.drum_kits` splits (``--beds``: also :mod:`tests.noise_beds`'s tune/fresh/blind), analyses each clip
in-process at 25 frames a second and prints the tables. ``--cache DIR`` keeps the rendered samples between runs.
A split of :mod:`tests.speech_corpus` (``speech_s20fresh``, ``speech_s20blind``: plain espeak-ng speech, no drum) is
read as drumless clips only: its drum names on sounding frames, by clip, bed and drum, and its frames read ``speech``.
"""

from __future__ import annotations

import argparse
import json
import pickle
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from bench.versions import versions_line
from tests.audio_corpus import hit_results
from tests.drum_kits import LEAD_IN_S, SPLITS, drumless_clips, kit_clips
from tests.noise_beds import LEAD_IN_S as BED_LEAD_IN_S
from tests.noise_beds import SPLITS as BED_SPLITS
from tests.noise_beds import bed_clips
from tests.speech_corpus import SPEECH_SPLITS, speech_clips
from tests.voice_corpus import analyse

DRUMS = {"kick", "snare", "hihat", "clap"}


def _load(split: str, cache: Path | None, work: Path):
    path = cache / f"{split}.pkl" if cache else None
    if path and path.exists():
        return pickle.loads(path.read_bytes())
    if split in SPLITS:
        data = (kit_clips(split, work / split), drumless_clips(split, work / split))
    elif split in SPEECH_SPLITS:
        data = ([], speech_clips(split, work / split))
    else:
        data = (bed_clips(split, work / split), [])
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(data))
    return data


def run(split: str, cache: Path | None, work: Path) -> dict:
    clips, drumless = _load(split, cache, work)
    lead_in = LEAD_IN_S if split in SPLITS else BED_LEAD_IN_S
    rows, false_lead, lead_frames, false_drumless, drumless_frames = [], Counter(), 0, Counter(), 0
    said: Counter = Counter()  # every sounding drumless frame's primitive (speech splits: how much reads ``speech``)
    for clip in clips:
        t, primitive = analyse(clip.samples)
        struck = getattr(clip, "struck", [""] * len(clip.hits))
        for i, ((at, truth, answer), what) in enumerate(zip(hit_results(clip, t, primitive), struck, strict=True)):  # type: ignore[arg-type]
            rows.append({"clip": clip.name, "kit": clip.kit, "bed": clip.bed, "t": at, "truth": truth, "answer": answer, "struck": what, "first": i == 0})
        lead = primitive[(t >= 0.2) & (t < getattr(clip, "lead_in_s", lead_in) - 0.1)]
        lead_frames += lead.size
        false_lead.update(str(p) for p in lead if str(p) in DRUMS)
    for name, samples in drumless:
        t, primitive = analyse(samples)
        sounding = [str(p) for p in primitive if str(p) != "silence"]
        drumless_frames += len(sounding)
        said.update(sounding)
        false_drumless.update(f"{name.split('_', 2)[-1]}:{p}" for p in sounding if p in DRUMS)
    return {"split": split, "rows": rows, "false_lead": dict(false_lead), "lead_frames": lead_frames, "false_drumless": dict(false_drumless), "drumless_frames": drumless_frames, "said": dict(said)}


def _table(rows: list[dict], key) -> str:
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[key(r)].append(r)
    lines = []
    for name in sorted(groups):
        g = groups[name]
        right = sum(r["truth"] == r["answer"] for r in g)
        wrong = Counter(r["answer"] or "-" for r in g if r["truth"] != r["answer"])
        lines.append(f"  {name:<22} {right:>4}/{len(g):<4} {100 * right / len(g):5.1f} %  {dict(wrong.most_common(4))}")
    return "\n".join(lines)


def report(result: dict) -> str:
    toms = [r for r in result["rows"] if r["truth"] == "tom"]  # a fill's toms: no primitive of their own, any drum name is false
    rows = [r for r in result["rows"] if r["truth"] != "tom"]
    right = sum(r["truth"] == r["answer"] for r in rows)
    if not rows and result["split"] in SPEECH_SPLITS:
        return _speech_report(result)
    out = [f"== {result['split']}: hits {right}/{len(rows)} = {100 * right / max(len(rows), 1):.1f} %"]
    out += [
        "by truth:",
        _table(rows, lambda r: r["truth"]),
        "first hit of a clip:",
        _table([r for r in rows if r.get("first")], lambda r: r["truth"]),
        "by kit:",
        _table(rows, lambda r: r["kit"]),
        "by bed:",
        _table(rows, lambda r: r["bed"]),
    ]
    if any(r["struck"] for r in rows):
        out += ["by struck (first word, tags):", _table(rows, lambda r: r["struck"].split("(")[0].split("+")[0] + ("(" + r["struck"].split("(")[1] if "(" in r["struck"] else ""))]
    if toms:
        said = Counter(r["answer"] or "-" for r in toms)
        out.append(f"toms (a fill's, alone): {len(toms)}, read as a drum {sum(said[d] for d in DRUMS)}: {dict(said.most_common(6))}")
    out.append(f"drum names on bed/lead-in frames: {sum(result['false_lead'].values())}/{result['lead_frames']} {result['false_lead']}")
    if result["drumless_frames"]:
        out.append(f"drum names on drumless frames: {sum(result['false_drumless'].values())}/{result['drumless_frames']} {result['false_drumless']}")
    return "\n".join(out)


def _speech_report(result: dict) -> str:
    """A speech split's drum names (name ``split_NN-language-voice-wpm-bed``, see :mod:`tests.speech_corpus`)."""
    false = result["false_drumless"]  # "NN-language-voice-wpm-bed:drum" -> frames
    by_bed: Counter = Counter()
    by_drum: Counter = Counter()
    by_clip: Counter = Counter()
    for key, n in false.items():
        clip, drum = key.rsplit(":", 1)
        by_bed[clip.rsplit("-", 1)[-1]] += n
        by_drum[drum] += n
        by_clip[clip] += n
    said = result.get("said", {})
    named = sum(false.values())
    out = [f"== {result['split']}: speech frames named a drum {named}/{result['drumless_frames']} = {100 * named / max(result['drumless_frames'], 1):.1f} %"]
    out.append(f"by drum: {dict(by_drum.most_common())}")
    out.append(f"by bed: {dict(by_bed.most_common())}")
    out.append(f"sounding frames read: {dict(Counter(said).most_common(8))}")
    out.append(f"by clip: {dict(sorted(by_clip.items()))}")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("splits", nargs="+", help=f"of {sorted(SPLITS) + sorted(BED_SPLITS) + sorted(SPEECH_SPLITS)}")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--cache", type=Path)
    args = parser.parse_args()
    print(versions_line(), flush=True)  # first line of the output: the versions these numbers were read with
    results = []
    with tempfile.TemporaryDirectory() as work:
        for split in args.splits:
            results.append(run(split, args.cache, Path(work)))
            print(report(results[-1]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results))


if __name__ == "__main__":
    main()
