"""Benchmark of the AudioSet tagger: role confusion on a wide corpus made here, and what the tagger costs.

1. Roles: ``tests/role_corpus.py`` rendered in ``--variants`` variants (other
   tempi, keys, seeds, levels, voice/text pairs), every clip analysed through
   the real decoder; prints the confusion table of window roles (rows: truth),
   the accuracy, and the share of speech-over-music windows whose layers are
   ``[speech, music]``.
2. Instruments: one General MIDI instrument per clip, rendered with
   FluidSynth and the FluidR3 GM soundfont when installed; prints the
   families heard per window against the one expected.
3. Cost, in one process on the 60 s 1080p30 H.264 + AAC clip of
   ``bench_decode.make_clip`` (cached in bench/out/): the full analysis
   (``analyze_video``) with the tagger, and the same with the tagger replaced
   by a stub (interleaved, best of ``--repeats``); and the tagger alone
   (resampling, front end, model) on the clip's decoded audio. Prints both
   as a share of the full analysis time (target: under 10 %).

    python bench/bench_audio_tagger.py [--variants 3] [--first-variant 0] [--repeats 2]
    python bench/bench_audio_tagger.py --gm-roles 1 2 [--gm-clips 4]   # only the GM role corpus, by split

4. ``--gm-roles``: songs of General MIDI instruments, speech over them,
   sound effects over ambience, ambient beds with a tone, clicks in silence
   and role changes inside a window (bench/gm_role_corpus.py), truth per
   window; prints each split's role confusion, layers and families.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import av
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_decode import OUT, make_clip  # noqa: E402

from bench.versions import versions_line  # noqa: E402


def print_confusion(table: Counter) -> int:
    """Print the confusion table ``{(truth, measured): windows}`` (rows: truth); return the windows right."""
    roles = sorted({r for pair in table for r in pair})
    print("".join(f"{r:>9}" for r in ["", *roles]))
    for truth in roles:
        print(f"{truth:>9}" + "".join(f"{table[(truth, got)]:>9}" for got in roles))
    return sum(n for (t, g), n in table.items() if t == g)


def role_table(variants: range) -> None:
    from aspects.dynamic import dynamic_aspects
    from aspects.pipeline import measure_video
    from tests import role_corpus

    table: Counter = Counter()
    layered = layered_right = 0
    wrong: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for v in variants:
            for clip in role_corpus.build(Path(tmp) / f"v{v}", variant=v):
                for w in dynamic_aspects(measure_video(clip.path), 1.0).model_dump(mode="json")["windows"]:
                    a = w["audio_semantic"]
                    table[(clip.role, a["role"])] += 1
                    if a["role"] != clip.role:
                        wrong.append(f"v{v}/{clip.name}@{w['start']:g}s→{a['role']}")
                    if len(clip.layers) > 1:
                        layered += 1
                        layered_right += tuple(a["layers"]) == clip.layers
    total = sum(table.values())
    print(f"roles: {total} windows of 1 s, corpus variants {variants.start}–{variants.stop - 1} (rows: truth, columns: measured)")
    right = print_confusion(table)
    print(f"  accuracy {right}/{total} = {right / total:.1%}; speech over music with layers [speech, music]: {layered_right}/{layered}")
    if wrong:
        print("  wrong: " + ", ".join(wrong[:20]) + (" …" if len(wrong) > 20 else ""))


SOUNDFONT = Path("/usr/share/sounds/sf2/FluidR3_GM.sf2")
GM_CLIPS = {  # name: (General MIDI program, 0-based; None = drums on channel 10), the family expected
    "piano": (0, "keyboard"),
    "organ": (19, "keyboard"),
    "nylon guitar": (24, "guitar"),
    "electric guitar": (27, "guitar"),
    "finger bass": (33, "bass"),
    "violin": (40, "strings"),
    "string ensemble": (48, "strings"),
    "trumpet": (56, "brass"),
    "trombone": (57, "brass"),
    "alto sax": (65, "wind"),
    "flute": (73, "wind"),
    "saw lead": (81, "synthesizer"),
    "warm pad": (89, "synthesizer"),
    "marimba": (12, "mallets"),
    "drum kit": (None, "drums"),
}


def instrument_table() -> None:
    """Each General MIDI instrument playing a phrase (FluidSynth, FluidR3 GM), analysed: role and families per window."""
    import shutil
    import subprocess

    from aspects.dynamic import dynamic_aspects
    from aspects.pipeline import measure_video
    from tests.audio_corpus import smf_bytes
    from tests.media import mux_wav
    from tests.role_corpus import PICTURE

    if shutil.which("fluidsynth") is None or not SOUNDFONT.exists():
        print("instruments: skipped (needs the Debian packages fluidsynth and fluid-soundfont-gm)")
        return
    print("instruments: one General MIDI instrument per 4 s clip (FluidSynth + FluidR3 GM); families heard per window")
    right = total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, (program, family) in GM_CLIPS.items():
            events: list[tuple[float, bytes]] = []
            if program is None:
                for k in range(16):  # a 120 BPM rock beat in eighths
                    t = 0.1 + k * 0.25
                    notes = [42] + ([36] if k % 4 == 0 else []) + ([38] if k % 4 == 2 else [])
                    events += [e for n in notes for e in ((t, bytes([0x99, n, 110])), (t + 0.1, bytes([0x89, n, 0])))]
            else:
                events.append((0.0, bytes([0xC0, program])))
                low = 36 if family == "bass" else 60
                for k, step in enumerate([0, 4, 7, 12, 7, 4, 0, 5, 9, 12, 9, 5, 2, 7, 11, 7]):
                    t = 0.1 + k * 0.24
                    events += [(t, bytes([0x90, low + step, 100])), (t + 0.22, bytes([0x80, low + step, 0]))]
            mid, wav, mp4 = (Path(tmp) / f"{name}.{ext}" for ext in ("mid", "wav", "mp4"))
            mid.write_bytes(smf_bytes(events))
            subprocess.run(["fluidsynth", "-ni", "-q", "-g", "0.8", "-F", str(wav), "-r", "22050", str(SOUNDFONT), str(mid)], check=True, capture_output=True)
            mux_wav(PICTURE, wav, mp4, 4.0, audio_bitrate="128k")
            windows = [w["audio_semantic"] for w in dynamic_aspects(measure_video(mp4), 1.0).model_dump(mode="json")["windows"]]
            hits = sum(family in a["instruments"] for a in windows)
            right, total = right + hits, total + len(windows)
            print(f"  {name:16s} expect {family:12s} {hits}/{len(windows)}  " + " | ".join(f"{a['role']}: {','.join(a['instruments']) or '-'}" for a in windows))
    print(f"  expected family heard in {right}/{total} windows")


def gm_role_table(seeds: list[int], n: int, cache: Path) -> None:
    """The GM role corpus (bench/gm_role_corpus.py), split by split: role confusion, layers, families per window.

    Measurements are cached as pickles under ``cache/seed<k>/``, named by MEASURE_VERSION (the corpus is
    deterministic per seed); the role rules are read afresh every run.
    """
    import pickle

    import gm_role_corpus

    from aspects.dynamic import dynamic_aspects
    from aspects.pipeline import MEASURE_VERSION, measure_video

    for seed in seeds:
        table: Counter = Counter()
        by_kind: Counter = Counter()
        layers_n = layers_right = 0
        fam_truth: Counter = Counter()
        fam_hit: Counter = Counter()
        fam_false: Counter = Counter()
        fam_windows = 0
        wrong: list[str] = []
        workdir = cache / f"seed{seed}"
        corpus = gm_role_corpus.build(workdir, seed, n)
        (workdir / "truth.pkl").write_bytes(pickle.dumps([(c.name, c.kind, c.windows) for c in corpus]))
        for k, clip in enumerate(corpus):
            pkl = workdir / f"c{k:03d}.m{MEASURE_VERSION}.measure.pkl"
            if pkl.exists():
                m = pickle.loads(pkl.read_bytes())
            else:
                m = measure_video(clip.path)
                pkl.write_bytes(pickle.dumps(m))
            got = [w["audio_semantic"] for w in dynamic_aspects(m, gm_role_corpus.WINDOW_S).model_dump(mode="json")["windows"]]
            for j, (truth, a) in enumerate(zip(clip.windows, got, strict=False)):
                key = "change" if truth.change else clip.kind
                table[(truth.role, a["role"])] += 1
                by_kind[(key, truth.role == a["role"])] += 1
                if truth.role == a["role"] and truth.role in ("speech", "music"):
                    layers_n += 1
                    layers_right += tuple(a["layers"]) == truth.layers
                elif truth.role != a["role"] or tuple(a["layers"]) != truth.layers:
                    layers_n += truth.role in ("speech", "music")
                if truth.role != a["role"] or (truth.role in ("speech", "music") and tuple(a["layers"]) != truth.layers):
                    wrong.append(f"{clip.name}@{j}s→{'+'.join(a['layers']) or a['role']}")
                if truth.families and truth.role == "music" and not truth.change:
                    fam_windows += 1
                    for f in truth.families:
                        fam_truth[f] += 1
                        fam_hit[f] += f in a["instruments"]
                    for f in a["instruments"]:
                        fam_false[f] += f not in truth.families
        total = sum(table.values())
        print(f"GM roles, split seed {seed}: {len(corpus)} clips, {total} windows of {gm_role_corpus.WINDOW_S:g} s (rows: truth, columns: measured)")
        right = print_confusion(table)
        print(f"  roles right {right}/{total} = {right / total:.1%}; layers right (speech/music windows, role right and layers equal) {layers_right}/{layers_n}")
        kinds = sorted({k for k, _ in by_kind})
        print("  by kind: " + ", ".join(f"{k} {by_kind[(k, True)]}/{by_kind[(k, True)] + by_kind[(k, False)]}" for k in kinds))
        print(f"  families over {fam_windows} music windows: " + ", ".join(f"{f} {fam_hit[f]}/{fam_truth[f]}" for f in sorted(fam_truth)) + f"; all {sum(fam_hit.values())}/{sum(fam_truth.values())}")
        print("  families listed but not playing: " + (", ".join(f"{f} {c}" for f, c in sorted(fam_false.items()) if c) or "none"))
        for line in range(0, len(wrong), 6):
            print("  wrong: " + ", ".join(wrong[line : line + 6]))


def decoded_audio(path: Path, sr: int) -> np.ndarray:
    with av.open(str(path)) as container:
        resampler = av.AudioResampler(format="flt", layout="mono", rate=sr)
        return np.concatenate([out.to_ndarray().reshape(-1) for frame in container.decode(audio=0) for out in resampler.resample(frame)])


class NoTagger:
    """Stands in for :class:`aspects.measure.tagger.TagStream`: takes the chunks, tags nothing."""

    def __init__(self, *args) -> None:
        pass

    def add(self, t: float, samples: np.ndarray) -> None:
        pass

    def finish(self):
        return None


def cost(repeats: int) -> None:
    import aspects.pipeline as pipeline
    from aspects.measure.tagger import TagStream
    from aspects.settings import get_settings
    from aspects.stages import analyze_video

    clip = make_clip(OUT / "bench_1080p30_60s.mp4", size="1920x1080", seconds=60)
    analyze_video(make_clip(OUT / "warmup.mp4", size="320x240", seconds=1))  # imports, model session, first-call caches
    real = pipeline.TagStream
    with_tagger, without = [], []
    for _ in range(repeats):
        for stub, times in ((real, with_tagger), (NoTagger, without)):
            pipeline.TagStream = stub
            start = time.perf_counter()
            analyze_video(clip)
            times.append(time.perf_counter() - start)
    pipeline.TagStream = real
    sr = get_settings().audio_sr
    audio = decoded_audio(clip, sr)
    alone = []
    for _ in range(repeats):
        start = time.perf_counter()
        stream = TagStream(sr)
        for i in range(0, audio.size, 1024):  # the decoder's chunk size for AAC at 22.05 kHz is about this
            stream.add(i / sr, audio[i : i + 1024])
        tags = stream.finish()
        alone.append(time.perf_counter() - start)
    full, stubbed, tagger_s = min(with_tagger), min(without), min(alone)
    print(f"cost on {clip.name} ({audio.size / sr:.0f} s of audio, {len(tags.codes)} patches; best of {repeats}, interleaved):")
    print(f"  full analysis with the tagger    : {full:6.2f} s")
    print(f"  full analysis, tagger stubbed out: {stubbed:6.2f} s  → difference {full - stubbed:+.2f} s = {(full - stubbed) / full:.1%} of the full analysis")
    print(f"  tagger alone (resample, front end, model): {tagger_s:.2f} s = {tagger_s / full:.1%} of the full analysis ({1000 * tagger_s / len(tags.codes):.1f} ms a patch)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--variants", type=int, default=3)
    parser.add_argument("--first-variant", type=int, default=0, help="the thresholds were chosen on variants 0–2; 3 and on are held out")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--skip-roles", action="store_true")
    parser.add_argument("--skip-cost", action="store_true")
    parser.add_argument("--skip-instruments", action="store_true")
    parser.add_argument("--gm-roles", type=int, nargs="*", metavar="SEED", help="only the GM role corpus of these splits (1-5, 91 tuned on; 92-95 read; 96 blind in session 10)")
    parser.add_argument("--gm-clips", type=int, default=4, help="clips of each kind per GM split (changes: twice as many)")
    args = parser.parse_args()
    print(versions_line(), flush=True)  # first line of the output: the versions these numbers were read with
    if args.gm_roles is not None:
        gm_role_table(args.gm_roles or [1], args.gm_clips, OUT / "gm_roles")
        return
    if not args.skip_roles:
        role_table(range(args.first_variant, args.first_variant + args.variants))
    if not args.skip_instruments:
        instrument_table()
    if not args.skip_cost:
        cost(args.repeats)


if __name__ == "__main__":
    main()
