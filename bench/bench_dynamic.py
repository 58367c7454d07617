"""Benchmark of the full analysis (decode + static + dynamic + blends) against raw decode and PySceneDetect.

In one process, on the same generated 1080p30 60 s H.264 + AAC clip (see
``bench_decode.make_clip``; cached in bench/out/):

- raw decode of every frame to the analysis size (PyAV, no measurement),
- ``analyze_video`` (the whole ``aspects analyze`` document, every aspect),
- PySceneDetect's ``detect-adaptive`` (``scenedetect.detect(path, AdaptiveDetector())``),
  the tool people use today just to find cuts.

Prints the times, the ratios, and the peak RSS of a child process running the
full analysis on the 60 s clip and on a longer clip (memory stays flat with
length). PySceneDetect is not a project dependency: install it into the venv
for the benchmark only (``pip install --no-deps scenedetect click platformdirs tqdm``:
its own ``opencv-python`` requirement would clash with ``opencv-python-headless``).

    python bench/bench_dynamic.py [--long-minutes 5] [--skip-long]
"""

from __future__ import annotations

import argparse
import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_decode import OUT, child_peak, make_clip, raw_decode, timed  # noqa: E402

from bench.versions import versions_line  # noqa: E402

FULL_ANALYSIS = "aspects.stages:analyze_video"


def pyscenedetect_adaptive(path: Path) -> list:
    from scenedetect import AdaptiveDetector, detect

    return detect(str(path), AdaptiveDetector())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--long-minutes", type=int, default=5)
    parser.add_argument("--skip-long", action="store_true")
    args = parser.parse_args()
    print(versions_line(), flush=True)  # first line of the output: the versions these numbers were read with

    from aspects.stages import analyze_video

    clip = make_clip(OUT / "bench_1080p30_60s.mp4", size="1920x1080", seconds=60)
    analyze_video(make_clip(OUT / "warmup.mp4", size="320x240", seconds=1))  # imports and first-call caches
    raw_s, frames = timed(raw_decode, clip)
    full_s, doc = timed(analyze_video, clip)
    try:
        scene_s, scenes = timed(pyscenedetect_adaptive, clip)
    except ImportError:
        scene_s, scenes = None, None
    print(f"1080p30 60 s H.264+AAC, {frames} frames")
    print(f"  raw decode to analysis size : {raw_s:6.1f} s ({frames / raw_s:.0f} fps)")
    print(f"  full analysis (every aspect): {full_s:6.1f} s ({frames / full_s:.0f} fps), {len(doc['windows'])} windows, {len(doc['transitions'])} transitions")
    print(f"  ratio full / raw decode     : {full_s / raw_s:.2f}")
    if scene_s is not None:
        print(f"  PySceneDetect detect-adaptive: {scene_s:6.1f} s ({frames / scene_s:.0f} fps), {len(scenes)} scenes")
        print(f"  ratio full / PySceneDetect  : {full_s / scene_s:.2f}")
    else:
        print("  PySceneDetect not installed: pip install --no-deps scenedetect click platformdirs tqdm")
    print(f"  peak RSS (this process)     : {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    short = child_peak(clip, FULL_ANALYSIS)
    print(f"  child, 60 s 1080p full analysis: {short['seconds']:.1f} s, peak RSS {short['peak_rss_mb']:.0f} MB")
    if not args.skip_long:
        long_clip = make_clip(OUT / f"bench_720p30_{args.long_minutes}min.mp4", size="1280x720", seconds=60 * args.long_minutes)
        long = child_peak(long_clip, FULL_ANALYSIS)
        print(f"  child, {args.long_minutes} min 720p full analysis: {long['seconds']:.1f} s, peak RSS {long['peak_rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
