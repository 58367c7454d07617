"""The learning loop's cost per video outside the stage bodies (Prefect, stage cache, report), in one process.

N generated short clips (5–10 s, 320×180, 25 fps, a click track; colours and
patterns vary) are learned three ways, side by side in one run:

- **plain**: the stage functions called directly (decode, static, dynamic,
  narrative, growth), no Prefect, no cache, no report: the stage bodies;
- **loop**: ``learning_loop`` over an inbox holding the N clips (every stage
  computed), against the in-process API ``aspects loop`` uses (a fresh
  PREFECT_HOME; its start is timed apart);
- **cached**: the same loop again after forgetting which videos were learned
  (every stage found in the stage cache).

One stage at a time (``ASPECTS_MAX_WORKERS=1``), so wall-clock differences are
costs, not lost parallelism. ``(loop - plain) / N`` is the cost per video
outside the stage bodies; ``cached / N`` the fully cached re-run per video.
Wall and process CPU seconds (this process: the flow, its stage threads and
the in-process API) are both printed: on a shared machine CPU is the steadier
figure. ``--profile`` samples every thread's stack during the loops and prints where
the time outside the stage bodies goes.

    python bench/bench_loop.py [--videos 50] [--profile]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.versions import versions_line  # noqa: E402
from tests.media import click_track, make_video  # noqa: E402

SOURCES = ("testsrc2", "smptebars", "rgbtestsrc", "color=c=red", "color=c=0x2060c0", "mandelbrot")
SAMPLE_EVERY_S = 0.01
# Innermost Python frames of threads that are blocked in C, not working.
IDLE = {"wait", "select", "_worker", "sleep", "_wait_for_tstate_lock", "get", "_connection_worker_thread", "heartbeat_loop", "accept", "readinto", "recv_into"}


def make_clips(inbox: Path, n: int) -> list[Path]:
    inbox.mkdir(parents=True, exist_ok=True)
    clips = []
    for i in range(n):
        duration = 5 + i % 6  # 5..10 s
        source = SOURCES[i % len(SOURCES)]
        graph = f"{source}:s=320x180:r=25" if "=" in source else f"{source}=s=320x180:r=25"
        clips.append(make_video(inbox / f"clip{i:03d}.mp4", graph, duration_s=duration, audio=click_track(90 + 7 * i % 80, duration_s=duration)))
    return clips


def plain(clips: list[Path]) -> tuple[float, float]:
    from aspects import stages
    from aspects.settings import get_settings

    started, cpu = time.perf_counter(), time.process_time()
    settings = get_settings()
    for clip in clips:
        m = stages.decode(clip, settings)
        narrative = stages.narrative(None, None)
        document = stages.document(m, stages.static(m), stages.dynamic(m, settings.window_s), narrative)
        stages.growth(document, narrative, settings)
    return time.perf_counter() - started, time.process_time() - cpu


class Sampler:
    """Every thread's innermost project-or-library frame, sampled every ``SAMPLE_EVERY_S``; counts by ``file:function``."""

    def __init__(self) -> None:
        self.leaves: Counter[str] = Counter()
        self.callers: Counter[str] = Counter()
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = threading.get_ident()
        while not self._stop.wait(SAMPLE_EVERY_S):
            for ident, frame in sys._current_frames().items():
                if ident == me:
                    continue
                names = []
                while frame is not None:
                    code = frame.f_code
                    names.append(f"{Path(code.co_filename).name}:{code.co_name}")
                    frame = frame.f_back
                if not names or names[0].split(":")[1] in IDLE:
                    continue  # a thread waiting in C (a lock, a queue, select, sleep)
                self.samples += 1
                self.leaves[names[0]] += 1
                for name in set(names):
                    self.callers[name] += 1

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def report(self, top: int = 40) -> str:
        lines = [f"busy samples: {self.samples} (every {SAMPLE_EVERY_S * 1000:.0f} ms, all threads)", "inclusive:"]
        lines += [f"  {100 * c / max(1, self.samples):5.1f} %  {name}" for name, c in self.callers.most_common(top)]
        lines += ["leaves:"] + [f"  {100 * c / max(1, self.samples):5.1f} %  {name}" for name, c in self.leaves.most_common(top // 2)]
        return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--videos", type=int, default=50)
    parser.add_argument("--profile", action="store_true", help="sample every thread's stack during the loop runs")
    args = parser.parse_args()
    print(versions_line(), flush=True)  # first line of the output: the versions these numbers were read with
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        os.environ.update(
            ASPECTS_MAX_WORKERS="1",
            PREFECT_HOME=str(tmp / "prefect-home"),
            PREFECT_LOGGING_LEVEL="WARNING",
            PREFECT_SERVER_ANALYTICS_ENABLED="false",
        )
        os.environ.pop("PREFECT_API_URL", None)
        clips = make_clips(tmp / "inbox", args.videos)
        from aspects.settings import get_settings

        def use_data_dir(name: str) -> None:
            os.environ["ASPECTS_DATA_DIR"] = str(tmp / name)
            get_settings.cache_clear()

        use_data_dir("warm")  # imports and numba warm-up off the clock
        plain(clips[:1])
        use_data_dir("plain")
        plain_s, plain_cpu = plain(clips)

        started = time.perf_counter()
        from flows.local_server import api_for_this_process

        with api_for_this_process():
            api_s = time.perf_counter() - started
            from flows.learn import learning_loop
            from tasks import claims

            use_data_dir("loop-warm")
            learning_loop(inbox=str(tmp / "inbox-warm"), sync=False)  # an empty inbox: the flow machinery warmed up
            use_data_dir("loop")
            samplers = {"loop": Sampler(), "cached": Sampler()} if args.profile else {}
            started, cpu = time.perf_counter(), time.process_time()
            with samplers.get("loop") or contextlib.nullcontext():
                state = learning_loop(inbox=str(tmp / "inbox"), sync=False, return_state=True)
            loop_s, loop_cpu = time.perf_counter() - started, time.process_time() - cpu
            result = state.result()
            assert all(s["status"] == "computed" for v in result["videos"] for s in v["stages"]), "a stage was not computed"
            with __import__("aspects.store", fromlist=["transaction"]).transaction(get_settings().duckdb_path) as con:
                con.execute("DELETE FROM loop_videos")  # forget what was learned: the next loop finds every stage cached
            started, cpu = time.perf_counter(), time.process_time()
            with samplers.get("cached") or contextlib.nullcontext():
                state = learning_loop(inbox=str(tmp / "inbox"), sync=False, return_state=True)
            cached_s, cached_cpu = time.perf_counter() - started, time.process_time() - cpu
            result = state.result()
            assert len(result["videos"]) == args.videos and all(s["status"] == "cached" for v in result["videos"] for s in v["stages"]), "a stage was not cached"
            assert claims  # imported with the flows
        n = args.videos
        print(
            json.dumps(
                {
                    "videos": n,
                    "clips": "5-10 s, 320x180, 25 fps, click track",
                    "plain_stages_per_video_s": round(plain_s / n, 3),
                    "loop_per_video_s": round(loop_s / n, 3),
                    "overhead_per_video_s": round((loop_s - plain_s) / n, 3),
                    "overhead_ratio_to_stages": round((loop_s - plain_s) / plain_s, 3),
                    "cached_rerun_per_video_s": round(cached_s / n, 3),
                    "cached_ratio_to_stages": round(cached_s / plain_s, 3),
                    "cpu_s_per_video": {
                        "plain_stages": round(plain_cpu / n, 3),
                        "loop": round(loop_cpu / n, 3),
                        "overhead": round((loop_cpu - plain_cpu) / n, 3),
                        "cached_rerun": round(cached_cpu / n, 3),
                    },
                    "in_process_api_start_s": round(api_s, 2),
                    "load_average_1min": round(os.getloadavg()[0], 1),
                },
                indent=1,
            )
        )
        for name, sampler in samplers.items():
            print(f"--- {name} ---\n{sampler.report()}")


if __name__ == "__main__":
    main()
