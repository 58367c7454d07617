"""Per-frame sound primitives and tempo against ground truth (FluidSynth corpus + real loops).

Renders the corpus of :mod:`tests.audio_corpus` (MIDI through FluidSynth, speech
from espeak-ng, muxed into MP4), measures every clip through the real decoder
and prints:

- the confusion table of primitives (rows: truth; columns: answer) for drum
  hits (right when the onset frame or the next names the drum) and tonal
  segments (the primitive most of the segment's frames have);
- tempo per clip (whole-video tempo and the share of windows within 2 %) on
  rendered music and on recorded loops (Sonic Pi's, pygame's, LMMS's; tempo from loop length),
  with the tempo librosa's prior alone gives ("prior only", before issue 11b's
  metrical level) beside it;
- the wide tempo corpus (tests/audio_corpus.TEMPO_SPLITS), its ``tune`` and
  held-out splits counted apart;
- the confusion table of tonal parts across General MIDI families
  (:mod:`tests.voice_corpus`: leads, melodies, plucks, pads, chords, bass, a
  vocal proxy) for each of its splits: ``tune``, ``held_out``, ``fresh``
  (analysed in-process by the streaming analyser, 25 frames a second); ``fresh2``, ``fresh3`` and ``fresh3_harmony`` to ``fresh5_harmony``, ``fresh4`` to ``fresh9`` too.

Usage: ``.venv/bin/python bench/bench_audio.py [--out DIR]`` (needs fluidsynth,
fluid-soundfont-gm, sonic-pi-samples and espeak-ng: ``make bootstrap``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aspects.dynamic import dynamic_aspects  # noqa: E402
from aspects.dynamic.audio_semantic import tempo  # noqa: E402
from aspects.pipeline import measure_video  # noqa: E402
from bench.versions import versions_line  # noqa: E402
from tests import voice_corpus  # noqa: E402
from tests.audio_corpus import REAL_LOOPS, TEMPO_SPLITS, build_corpus, hit_results, missing_tools, real_loop_clip, real_loop_source, segment_results, tempo_corpus, wav_tempos  # noqa: E402

SILENT = "(silent)"  # a segment with no sounding frame: every frame of it read `silence` (docs/audio.md: not scored there)


def confusion(rows: list[tuple[str, str]]) -> str:
    """Truth × answer counts and the share right per truth; an empty answer (no sounding frame) is shown as SILENT."""
    rows = [(t, a or SILENT) for t, a in rows]
    truths = sorted({t for t, _ in rows})
    answers = sorted({a for _, a in rows} | set(truths))
    table = defaultdict(Counter)
    for t, a in rows:
        table[t][a] += 1
    width = max(len(a) for a in answers) + 1
    lines = ["truth \\ answer".ljust(16) + "".join(a.rjust(width) for a in answers) + "   right"]
    for t in truths:
        total = sum(table[t].values())
        lines.append(t.ljust(16) + "".join(str(table[t][a] or ".").rjust(width) for a in answers) + f"   {table[t][t]}/{total} ({100 * table[t][t] / total:.0f} %)")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="where to render the corpus (default: a temporary folder)")
    args = parser.parse_args()
    print(versions_line(), flush=True)  # first line of the output: the versions these numbers were read with
    if reason := missing_tools():
        print(f"bench_audio: {reason}", file=sys.stderr)
        return 2
    out = args.out or Path(tempfile.mkdtemp(prefix="bench_audio_"))
    started = time.perf_counter()
    clips = build_corpus(out)
    clips += [real_loop_clip(name, out / "real") for name in REAL_LOOPS if real_loop_source(name).exists()]
    print(f"corpus: {len(clips)} clips, {sum(c.duration_s for c in clips):.0f} s of audio, rendered in {time.perf_counter() - started:.1f} s ({out})")
    hits, segments, tempos = [], [], []
    drumless_frames, false_drums = 0, Counter()
    measure_s = 0.0
    for clip in clips:
        t0 = time.perf_counter()
        m = measure_video(clip.path)
        measure_s += time.perf_counter() - t0
        frame_t, primitive = m.frames["t"], m.sound["primitive"]
        hits += [(truth, answer) for _, truth, answer in hit_results(clip, frame_t, primitive)]
        segments += [(truth, answer) for _, truth, answer in segment_results(clip, frame_t, primitive)]
        if not clip.hits and clip.kind != "real":
            drumless_frames += len(primitive)
            false_drums.update(str(p) for p in primitive if p in ("kick", "snare", "hihat", "clap"))
        if clip.kind == "speech":
            said = Counter(str(p) for p in primitive)
            print(f"{clip.name}: frames {dict(said.most_common(5))}")
        if clip.tempo_bpm is not None:
            d = dynamic_aspects(m, 1.0).model_dump(mode="json")
            whole = d["blends"]["audio"]["tempo_bpm"]
            windows = [w["audio_semantic"]["tempo_bpm"] for w in d["windows"]]
            right = sum(w is not None and abs(w / clip.tempo_bpm - 1) <= 0.02 for w in windows)
            prior_only = tempo(np.asarray(m.envelope["onset"], float), m.envelope_hop_s)
            tempos.append((clip.name, clip.kind, clip.tempo_bpm, whole, right, len(windows), prior_only))
    print(f"measured in {measure_s:.1f} s (machine shared with other jobs: timings are noisy)\n")
    print("drum hits (onset frame or the next):")
    print(confusion(hits))
    print(f"drum names on frames of clips without drums: {sum(false_drums.values())} of {drumless_frames} frames {dict(false_drums)}")
    print("\ntonal segments (majority of the segment's frames):")
    print(confusion(segments))
    print("\ntempo (BPM): whole video, error, windows within 2 %")
    within2 = within4 = 0
    for name, kind, truth, whole, right, n, prior_only in tempos:
        err = None if whole is None else 100 * (whole / truth - 1)
        ok2, ok4 = err is not None and abs(err) <= 2, err is not None and abs(err) <= 4
        within2 += ok2
        within4 += ok4
        print(f"  {name:26s} {kind:6s} true {truth:7.2f}  prior only {_bpm(prior_only)}  read {_bpm(whole)}  error {'—' if err is None else f'{err:+6.2f} %'}  windows {right}/{n}")
    print(f"  within 2 %: {within2}/{len(tempos)} clips; within 4 % (MIREX accuracy 1): {within4}/{len(tempos)}")
    wide_corpus(out / "tempo_corpus")
    for split in ("tune", "held_out", "fresh", "fresh2", "fresh3", "fresh3_harmony", "fresh4_harmony", "fresh5_harmony", *voice_corpus.ARTICULATED):
        voices = voice_corpus.corpus(split)
        t0 = time.perf_counter()
        samples = voice_corpus.render(voices, out / f"voices_{split}")
        rows = []
        for clip, x in zip(voices, samples):
            frame_t, primitive = voice_corpus.analyse(x)
            rows += [(truth, answer) for _, truth, answer in voice_corpus.segment_results(clip, frame_t, primitive)]
        audio_s = sum(x.size for x in samples) / voice_corpus.SR
        print(f"\ntonal parts across GM families, split {split!r}: {len(voices)} clips, {audio_s:.0f} s, {time.perf_counter() - t0:.1f} s (segments: majority of sounding frames)")
        print(confusion(rows))
    return 0


def _bpm(bpm: float | None) -> str:
    return "      —" if bpm is None else f"{bpm:7.2f}"


def wide_corpus(workdir: Path) -> None:
    """Whole-track tempo on both splits of the wide tempo corpus (read in-process from the rendered WAVs)."""
    clips = build_corpus(workdir, [c for split in TEMPO_SPLITS for c in tempo_corpus(split)], video=False)
    split_of = {c.name: split for split in TEMPO_SPLITS for c in tempo_corpus(split)}
    counts: dict[str, list[int]] = {split: [0, 0, 0] for split in TEMPO_SPLITS}
    print("\nwide tempo corpus (BPM): prior only, read, error")
    for clip in clips:
        before, after = wav_tempos(clip.wav)
        split = split_of[clip.name]
        truth = float(clip.tempo_bpm or 0.0)
        ok = [b is not None and abs(b / truth - 1) <= 0.02 for b in (before, after)]
        counts[split] = [counts[split][0] + ok[0], counts[split][1] + ok[1], counts[split][2] + 1]
        err = "—" if after is None else f"{100 * (after / truth - 1):+6.2f} %"
        print(f"  {split:10s} {clip.name:36s} true {truth:6.1f}  prior only {_bpm(before)}  read {_bpm(after)}  {err}")
    for split, (b, a, n) in counts.items():
        print(f"  {split}: within 2 % prior only {b}/{n}, with the metrical level {a}/{n}")


if __name__ == "__main__":
    sys.exit(main())
