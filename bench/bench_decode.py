"""Benchmark of the decode stage (decode + every per-frame static measurement).

In one process, on the same generated file: a raw decode to the analysis
size (PyAV, same threading, no measurement) is the baseline, then
``measure_video``; prints the ratio. Peak RSS is measured in child
processes for a 60 s 1080p30 clip and a 10-minute 720p clip, to show that
memory does not grow with length.

    python bench/bench_decode.py [--long-minutes 10] [--skip-long]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import av

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))

from bench.versions import versions_line  # noqa: E402
from tests.media import ffmpeg  # noqa: E402


def make_clip(path: Path, *, size: str, seconds: int, fps: int = 30) -> Path:
    """A textured, moving H.264 clip with an AAC tone-plus-noise track (cached by name)."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        ffmpeg(
            "-f",
            "lavfi",
            "-i",
            f"testsrc2=s={size}:r={fps}:d={seconds}",
            "-f",
            "lavfi",
            "-i",
            f"sine=f=330:r=48000:d={seconds}",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "aac",
            "-ac",
            "2",
            str(path),
            timeout=3600,
        )
    return path


def raw_decode(path: Path, box=(256, 144)) -> int:
    """Decode every video frame (and the audio) to the analysis size, measure nothing. Returns frames."""
    from aspects.decode import analysis_size, downscale

    n = 0
    with av.open(str(path)) as container:
        v = container.streams.video[0]
        v.thread_type = "AUTO"
        size = analysis_size(v.codec_context.width, v.codec_context.height, box)
        for frame in container.decode(*container.streams):
            if isinstance(frame, av.VideoFrame):
                downscale(frame, size)
                n += 1
    return n


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from {module} import {function}
t = time.perf_counter(); {function}({path!r}); t = time.perf_counter() - t
print(json.dumps({{"seconds": t, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def child_peak(path: Path, target: str = "aspects.pipeline:measure_video") -> dict:
    """Run ``module:function(path)`` in a fresh process: its seconds and peak RSS (MB)."""
    module, function = target.split(":")
    code = CHILD.format(root=str(ROOT), module=module, function=function, path=str(path))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--long-minutes", type=int, default=10)
    parser.add_argument("--skip-long", action="store_true")
    args = parser.parse_args()
    print(versions_line(), flush=True)  # first line of the output: the versions these numbers were read with

    from aspects.pipeline import measure_video

    clip = make_clip(OUT / "bench_1080p30_60s.mp4", size="1920x1080", seconds=60)
    measure_video(make_clip(OUT / "warmup.mp4", size="320x240", seconds=1))  # imports, numba caches
    raw_s, frames = timed(raw_decode, clip)
    measure_s, m = timed(measure_video, clip)
    print(f"1080p30 60 s ({frames} frames): raw decode {raw_s:.1f} s ({frames / raw_s:.0f} fps), decode+static {measure_s:.1f} s ({frames / measure_s:.0f} fps): ratio {measure_s / raw_s:.2f}")
    print(f"  peak RSS (this process so far): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    short = child_peak(clip)
    print(f"  child process, 60 s 1080p: peak RSS {short['peak_rss_mb']:.0f} MB")
    if not args.skip_long:
        long_clip = make_clip(OUT / f"bench_720p30_{args.long_minutes}min.mp4", size="1280x720", seconds=60 * args.long_minutes)
        long = child_peak(long_clip)
        print(f"  child process, {args.long_minutes} min 720p ({long['seconds']:.0f} s): peak RSS {long['peak_rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
