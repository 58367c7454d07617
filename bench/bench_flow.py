"""Prefect's cost per video: a ``learn_video`` run's wall time minus its stages' own time.

On a generated 5 s 640×360 30 fps clip with a click track, against Prefect's
test server (already started, imports warm, so neither is counted): each
repeat learns the clip into a fresh data folder (every stage computed), then
again (every stage cached). The same work as plain function calls (no flow,
no cache) is the baseline. Prints medians as JSON.

    python bench/bench_flow.py [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.versions import versions_line  # noqa: E402
from tests.media import click_track, make_video  # noqa: E402


def _use_data_dir(path: Path) -> None:
    from aspects.settings import get_settings

    os.environ["ASPECTS_DATA_DIR"] = str(path)
    get_settings.cache_clear()


def plain_run(clip: Path, data_dir: Path) -> tuple[float, float]:
    """Seconds for the stages as plain calls, and with the timeline PNG and Markdown added."""
    from aspects import stages
    from aspects.settings import get_settings
    from tasks.report import markdown_summary, timeline_png

    _use_data_dir(data_dir)
    started = time.perf_counter()
    settings = get_settings()
    m = stages.decode(clip, settings)
    narrative = stages.narrative(None, None)
    document = stages.document(m, stages.static(m), stages.dynamic(m, 1.0), narrative)
    stages.growth(document, narrative, settings)
    stages_s = time.perf_counter() - started
    timeline_png(m, document, data_dir / "timeline.png")
    markdown_summary(document, None, None)
    return stages_s, time.perf_counter() - started


def flow_run(clip: Path, data_dir: Path) -> dict:
    from flows.learn import learn_video

    _use_data_dir(data_dir)
    out = {}
    for label in ("computed", "cached"):
        started = time.perf_counter()
        summary = learn_video(str(clip), return_state=True).result()
        wall = time.perf_counter() - started
        seconds = {s["stage"]: s["seconds"] for s in summary["stages"]}
        assert {s["status"] for s in summary["stages"]} == {label}, summary
        out[label] = {
            "wall_s": wall,
            "stages_sum_s": sum(seconds.values()),
            "critical_path_s": seconds["decode"] + max(seconds["static"], seconds["dynamic"], seconds["narrative"]) + seconds["growth"],
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    print(versions_line(), flush=True)  # first line of the output: the versions these numbers were read with
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from prefect.testing.utilities import prefect_test_harness

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        clip = make_video(tmp / "clip5.mp4", "testsrc2=s=640x360:r=30", duration_s=5, audio=click_track(120, duration_s=5))
        with prefect_test_harness(server_startup_timeout=60):
            flow_run(clip, tmp / "warm")
            flows = [flow_run(clip, tmp / f"flow{i}") for i in range(args.repeats)]
        plains = [plain_run(clip, tmp / f"plain{i}") for i in range(args.repeats)]

    def med(label: str, key: str) -> float:
        return round(statistics.median(f[label][key] for f in flows), 3)

    result = {
        "clip": "5 s, 640x360, 30 fps, AAC click track",
        "flow_wall_s": med("computed", "wall_s"),
        "stages_sum_s": med("computed", "stages_sum_s"),
        "critical_path_s": med("computed", "critical_path_s"),
        "prefect_overhead_s": round(med("computed", "wall_s") - med("computed", "stages_sum_s"), 3),
        "plain_stages_s": round(statistics.median(p[0] for p in plains), 3),
        "plain_stages_and_report_s": round(statistics.median(p[1] for p in plains), 3),
        "cached_rerun_wall_s": med("cached", "wall_s"),
        "cached_rerun_stages_sum_s": med("cached", "stages_sum_s"),
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
