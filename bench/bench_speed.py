"""Whole processes side by side: start-up, full analysis against ffmpeg's raw decode and PySceneDetect, peak memory.

Every figure is a separate process, as a user runs it, timed from outside
(wall clock around the process; CPU seconds and peak RSS from the kernel's
accounting of the reaped child and its children, ``os.wait4``). The commands
of one comparison run in turn, round after round (A B C, A B C, ...), and
ratios are taken within a round, so they hold while a shared machine's speed
drifts. Medians are printed.

- start-up: ``aspects --help``; ``aspects analyze`` of the included sample
  (8 s, 320×180, with sound) against ``python -c pass``;
- a 1080p30 60 s H.264 + AAC clip and a 10-minute 720p30 clip (generated,
  cached in bench/out/): ``aspects analyze --json`` (every aspect) against
  the ffmpeg binary's decode of the same file to the analysis size plus the
  audio to 22.05 kHz mono (``-vf scale=256:144 -f rawvideo -pix_fmt rgb24``,
  ``-ac 1 -ar 22050 -f f32le``, one process), and PySceneDetect's
  ``detect-adaptive`` when installed (``pip install --no-deps scenedetect
  click platformdirs tqdm``: its opencv-python requirement would clash with
  opencv-python-headless);
- ``--hour``: a 60-minute clip (the 10-minute one looped six times, stream
  copied) for peak memory, against the 10-minute one in the same run
  (memory flat in length: both under 400 MB).

Clips go to ``--clips DIR`` (default bench/out/; a 60-minute clip takes 3.4 GB,
so a folder outside the repository, e.g. /tmp/aspects-bench, is better).

    python bench/bench_speed.py [--rounds 3] [--skip-long] [--hour] [--clips DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_decode import OUT, make_clip  # noqa: E402

from bench.versions import versions_line  # noqa: E402
from tests.media import ffmpeg, ffmpeg_exe  # noqa: E402

BIN = Path(sys.executable).parent


def run(command: list[str], env: dict | None = None) -> dict:
    """Run ``command`` to its end (output discarded): wall seconds, CPU seconds and peak RSS (MB) of it and its children."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    stderr_chunks = []
    # wait4 gives this child's own rusage; its children (e.g. the sound process) are folded in when it reaps them.
    assert process.stderr is not None
    stderr_chunks.append(process.stderr.read())
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}): {b''.join(stderr_chunks).decode(errors='replace')[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024}


def compare(commands: dict[str, list[str]], rounds: int, env: dict | None = None) -> dict[str, list[dict]]:
    """Each command once per round, in turn; ``{name: [figures per round]}``."""
    out: dict[str, list[dict]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            out[name].append(run(command, env))
    return out


def median(results: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in results)


def ratio(a: list[dict], b: list[dict], key: str = "wall") -> tuple[float, float, float]:
    """min, median, max of the per-round ratios a/b of ``key`` (wall or cpu seconds)."""
    r = [x[key] / y[key] for x, y in zip(a, b)]
    return min(r), statistics.median(r), max(r)


def report(title: str, results: dict[str, list[dict]], baseline: str) -> None:
    print(title)
    for name, figures in results.items():
        line = f"  {name:<34} wall {median(figures, 'wall'):7.2f} s  cpu {median(figures, 'cpu'):7.2f} s  peak RSS {max(f['rss_mb'] for f in figures):6.0f} MB"
        if name != baseline:
            lo, mid, hi = ratio(figures, results[baseline])
            cpu = ratio(figures, results[baseline], "cpu")[1]
            line += f"  ×{mid:.2f} {baseline} (rounds {lo:.2f}–{hi:.2f}; CPU ×{cpu:.2f})"
        print(line)


def raw_decode_command(path: Path) -> list[str]:
    """ffmpeg's decode of ``path`` to the analysis size (256×144 RGB) and its audio to 22.05 kHz mono float, one process."""
    return [
        ffmpeg_exe(), "-v", "error", "-nostdin", "-i", str(path),
        "-map", "0:v:0", "-vf", "scale=256:144", "-f", "rawvideo", "-pix_fmt", "rgb24", "-y", "/dev/null",
        "-map", "0:a:0?", "-ac", "1", "-ar", "22050", "-f", "f32le", "-y", "/dev/null",
    ]  # fmt: skip


def clip_commands(path: Path, out_json: Path) -> dict[str, list[str]]:
    commands = {
        "ffmpeg raw decode (+audio)": raw_decode_command(path),
        "aspects analyze (every aspect)": [str(BIN / "aspects"), "analyze", str(path), "--json", str(out_json), "--no-progress"],
    }
    if (BIN / "scenedetect").exists():
        commands["PySceneDetect detect-adaptive"] = [str(BIN / "scenedetect"), "-q", "-i", str(path), "detect-adaptive"]
    return commands


def hour_clip(ten_minutes: Path) -> Path:
    """The 10-minute clip looped six times into a 60-minute one (stream copy: seconds to make)."""
    path = ten_minutes.parent / "bench_720p30_60min.mp4"
    if not path.exists():
        ffmpeg("-stream_loop", "5", "-i", str(ten_minutes), "-c", "copy", str(path), timeout=3600)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-long", action="store_true", help="no 10-minute clip")
    parser.add_argument("--hour", action="store_true", help="also the peak memory of a 60-minute clip")
    parser.add_argument("--only", choices=("startup", "1080p", "long"), help="one part only")
    parser.add_argument("--clips", type=Path, default=OUT, help="folder for the generated clips (default bench/out/)")
    args = parser.parse_args()
    print(versions_line(), flush=True)  # first line of the output: the versions these numbers were read with

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, ASPECTS_DATA_DIR=tmp, PREFECT_HOME=str(Path(tmp) / "prefect"))
        out_json = Path(tmp) / "out.json"
        print(f"machine: {os.cpu_count()} cores, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} (shared: quote ratios, not seconds)")
        if args.only in (None, "startup"):
            sample = ROOT / "data" / "samples" / "sample.mp4"
            results = compare(
                {
                    "python -c pass": [sys.executable, "-c", "pass"],
                    "aspects --help": [str(BIN / "aspects"), "--help"],
                    "aspects analyze sample.mp4 --json": [str(BIN / "aspects"), "analyze", str(sample), "--json", str(out_json)],
                },
                max(args.rounds, 5),
                env,
            )
            report("start-up (targets: --help < 0.5 s, analyze of the 8 s sample < 2.0 s)", results, "python -c pass")
        if args.only in (None, "1080p"):
            clip = make_clip(args.clips / "bench_1080p30_60s.mp4", size="1920x1080", seconds=60)
            results = compare(clip_commands(clip, out_json), args.rounds, env)
            report("1080p30 60 s H.264 + AAC (1800 frames; target: analyze ≤ 1.3× raw decode, faster than PySceneDetect)", results, "ffmpeg raw decode (+audio)")
        if args.only in (None, "long") and not args.skip_long:
            long_clip = make_clip(args.clips / "bench_720p30_10min.mp4", size="1280x720", seconds=600)
            results = compare(clip_commands(long_clip, out_json), max(1, args.rounds - 1), env)
            report("720p30 10 min H.264 + AAC (18000 frames; targets: ≤ 1.3× raw decode, peak RSS < 400 MB)", results, "ffmpeg raw decode (+audio)")
            if args.hour:
                hour = hour_clip(long_clip)
                analyze = run([str(BIN / "aspects"), "analyze", str(hour), "--json", str(out_json), "--no-progress"], env)
                ten = max(f["rss_mb"] for f in results["aspects analyze (every aspect)"])
                print(
                    f"720p30 60 min: aspects analyze wall {analyze['wall']:.1f} s, cpu {analyze['cpu']:.1f} s, peak RSS {analyze['rss_mb']:.0f} MB"
                    f" (10 min: {ten:.0f} MB; ×{analyze['rss_mb'] / ten:.2f} for 6× the length; target < 400 MB both)"
                )


if __name__ == "__main__":
    main()
