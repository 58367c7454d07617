"""The flows users run: ``learn_video``, ``learning_loop`` and ``sync_d1``.

``learn_video`` chains one video's stages (decode → static / dynamic /
narrative → growth → report). ``learning_loop`` scans an inbox, claims the
videos no run has learned, fans their stages out together, grows the
registries one video at a time (in path order, so the registries come out the
same whatever ran where), then syncs D1. Stages run on threads, or on a Dask
cluster when ``ASPECTS_DASK_ADDRESS`` is set (read when the flow runs).
The stages are chained by :mod:`aspects.stages` (``wire_analysis``, ``wire_growth``), the same wiring
``aspects analyze`` runs in-process.

Each flow returns a summary with one line per stage (computed / cached /
failed / not run, with seconds). A run in which a stage failed ends Failed
(the summary is its data), so the Prefect UI shows it and "Retry" re-runs it;
the stage cache makes the retry resume at the failed stage.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

from prefect import Task, flow, get_run_logger
from prefect.artifacts import create_table_artifact
from prefect.futures import PrefectFuture
from prefect.runtime import flow_run
from prefect.states import Completed, Failed, State
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from aspects.errors import BadInputError, SpecError
from aspects.paths import path_text, text_path
from aspects.settings import Settings, check_window_s, get_settings
from aspects.stages import wire_analysis, wire_growth
from registries.d1 import sync as d1_sync
from tasks import claims
from tasks.report import report
from tasks.stages import STAGES, decode, dynamic, growth, growth_output, narrative, static

STAGE_TASKS: dict[str, Task] = {"decode": decode, "static": static, "dynamic": dynamic, "narrative": narrative, "growth": growth}


def task_runner(settings: Settings | None = None) -> TaskRunner:
    """The task runner the stages are submitted to: threads, or a ``DaskTaskRunner`` on ``settings.dask_address``.

    Called when a flow runs (not at import), so the address is the one set then.
    """
    settings = settings or get_settings()
    if settings.dask_address:
        from prefect_dask import DaskTaskRunner  # dask and distributed take a second to import; only needed here

        return DaskTaskRunner(address=settings.dask_address)
    return ThreadPoolTaskRunner()


def sidecar_spec(video: str | Path) -> str | None:
    """``NAME.json`` next to ``NAME.mp4``, when it exists (the video's spec), as :func:`~aspects.paths.path_text`."""
    spec = text_path(video).with_suffix(".json")
    return path_text(spec) if spec.is_file() else None


def submit_video(runner: TaskRunner, video: str, spec: str | None, prompt: str | None, window_s: float) -> dict[str, PrefectFuture]:
    """Submit one video's analysis stages (everything but growth) to ``runner``; returns their futures by stage."""
    return wire_analysis(submitter(runner, video), window_s=window_s, spec=spec, prompt=prompt)


def submitter(runner: TaskRunner, video: str):
    """The ``run`` of :func:`aspects.stages.wire_analysis` for a flow: submit the stage's task for ``video``."""

    def submit(stage: str, *inputs) -> PrefectFuture:
        task = STAGE_TASKS[stage]
        return runner.submit(task, inspect.signature(task.fn).bind(video, *inputs).arguments)

    return submit


def finish_video(runner: TaskRunner, video: str, futures: dict[str, PrefectFuture]) -> dict:
    """Run growth and the report after the analysis stages, wait, and summarise the video.

    The summary: ``{"video", "sha256", "stages": [{"stage", "status", "seconds", "error"}],
    "failed", "bad_input", "timeline", "markdown_key", "new"}``.
    """
    futures = {**futures, "growth": wire_growth(submitter(runner, video), futures)}
    inputs = [futures[stage] for stage in STAGES]
    reported = runner.submit(report, inspect.signature(report.fn).bind(video, *inputs).arguments)
    reported.wait()
    summary: dict[str, Any] = {
        "video": str(video), "sha256": None, "stages": [], "failed": False, "bad_input": False, "spec_error": False,
        "timeline": None, "markdown_key": None, "new": [],
    }
    for stage in STAGES:
        future = futures[stage]
        future.wait()
        state = future.state
        line = {"stage": stage, "status": "not run", "seconds": None, "error": None}
        if state.is_completed():
            ref = future.result()
            line.update(status=ref["status"], seconds=ref["seconds"])
            summary["sha256"] = ref["sha256"]
        elif state.is_failed() or state.is_crashed():
            error = state.result(raise_on_failure=False)
            line.update(status="failed", error=str(error) if isinstance(error, BaseException) else state.message)
            summary["failed"] = True
            summary["bad_input"] |= isinstance(error, BadInputError) and not isinstance(error, SpecError)
            summary["spec_error"] |= isinstance(error, SpecError)
        else:
            summary["failed"] = True
        summary["stages"].append(line)
    if reported.state.is_completed():
        summary.update(reported.result())
    elif reported.state.is_failed():  # the registries grew; only the picture and summary are missing
        get_run_logger().warning("%s: report failed: %s", Path(video).name, reported.state.message)
    grown = futures["growth"].result() if futures["growth"].state.is_completed() else None
    if grown is not None and grown["status"] == "computed":  # a cached growth discovered nothing in this run
        summary["new"] = growth_output(grown)["new"]
    return summary


def stage_lines(summary: dict) -> list[str]:
    """One line per stage: ``decode     computed   1.23 s``; then the timeline path."""
    name = Path(summary["video"]).name
    lines = []
    for s in summary["stages"]:
        took = f"{s['seconds']:7.2f} s" if s["seconds"] is not None else ""
        error = f"  {s['error']}" if s["error"] else ""
        lines.append(f"{name}  {s['stage']:<9} {s['status']:<8} {took}{error}")
    if summary.get("timeline"):
        lines.append(f"{name}  timeline  {summary['timeline']}")
    return lines


def _discoveries_table(summaries: list[dict]) -> None:
    rows = [{"video": Path(s["video"]).name, "aspect": a, "name": n, "key": k} for s in summaries for a, k, n in s["new"]]
    create_table_artifact(table=rows or [{"video": "", "aspect": "", "name": "(nothing new)", "key": ""}], key="new-discoveries", description="Registry entries this run discovered")


def _outcome(summaries: list[dict], result: dict) -> State:
    log = get_run_logger()
    for summary in summaries:
        for line in stage_lines(summary):
            log.info(line)
    failed = [Path(s["video"]).name for s in summaries if s["failed"] and not s.get("quarantined")]
    if failed:
        return Failed(message=f"stages failed for {', '.join(failed)}; re-run (or Retry) resumes at the failed stage", data=result)
    if (result.get("sync") or {}).get("error"):
        return Failed(message=f"D1 sync failed: {result['sync']['error']}", data=result)
    return Completed(data=result)


@flow(name="learn-video")
def learn_video(video: str, spec: str | None = None, prompt: str | None = None, window_s: float | None = None) -> State:
    """Learn one video: analyse it (cached per stage), grow the registries, write its timeline and summary.

    ``spec``: the spec JSON (default: ``NAME.json`` next to the video when present);
    ``window_s``: window length in seconds (default: settings, 1.0).
    """
    settings = get_settings()
    spec = spec or sidecar_spec(video)
    window = settings.window_s if window_s is None else check_window_s(window_s)
    with task_runner() as runner:
        summary = finish_video(runner, video, submit_video(runner, str(video), spec, prompt, window))
    if not summary["failed"]:
        claims.mark_learned(settings.duckdb_path, summary["sha256"], text_path(video))
    _discoveries_table([summary])
    return _outcome([summary], summary)


@flow(name="sync-d1")
def sync_d1(full: bool = False) -> dict:
    """Post what the registries learned since the last sync to the configured D1 target (idempotent)."""
    result = d1_sync.sync(get_settings(), full=full)
    get_run_logger().info(result.summary())
    return result.as_dict()


@flow(name="learning-loop")
def learning_loop(inbox: str | None = None, window_s: float | None = None, sync: bool = True) -> State:
    """Learn every inbox video not learned yet (a sidecar ``NAME.json`` is its spec), then sync D1.

    ``inbox``: folder to scan (default: ``<data_dir>/inbox``); ``sync``: run ``sync_d1`` at the end.
    Safe to run twice at once: each video is claimed by one run.
    """
    settings = get_settings()
    window = settings.window_s if window_s is None else check_window_s(window_s)
    db = settings.duckdb_path
    inbox_dir = Path(inbox) if inbox else settings.data_dir / "inbox"
    owner = claims.owner_id(flow_run.get_id())
    mine = claims.claim(db, claims.scan_inbox(db, inbox_dir), owner)
    get_run_logger().info("%s: %d video(s) to learn", inbox_dir, len(mine))
    summaries = []
    try:
        with task_runner() as runner:
            submitted = [(path, sha, submit_video(runner, path_text(path), sidecar_spec(path), None, window)) for path, sha in mine]
            # Growth one video at a time, in path order: registries come out identical on threads or on Dask.
            for path, sha, futures in submitted:
                summary = finish_video(runner, path_text(path), futures)
                summaries.append(summary)
                if summary["failed"]:
                    errors = "; ".join(s["error"] for s in summary["stages"] if s["error"]) or "a stage did not run"
                    if summary["bad_input"] or summary["spec_error"]:  # the file's fault: set aside until it changes
                        claims.quarantine(db, path, sha, errors)
                        summary["quarantined"] = True
                    claims.release(db, sha, owner, "rejected" if summary["bad_input"] else "failed", errors)
                else:
                    claims.mark_learned(db, sha, path)
    finally:  # this run is ending (an error, a cancellation): hand what it did not finish to the next run
        for _path, sha in mine[len(summaries):]:
            claims.release(db, sha, owner, "failed", "the loop run ended before learning it")
    _discoveries_table(summaries)
    result: dict[str, Any] = {"inbox": path_text(inbox_dir), "videos": summaries, "sync": None, "quarantined": len(claims.quarantined(db))}
    if sync:
        synced = sync_d1(return_state=True)
        result["sync"] = synced.result() if synced.is_completed() else {"error": synced.message}
    return _outcome(summaries, result)
