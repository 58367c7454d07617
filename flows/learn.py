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
with one message saying what failed and what to do: bad input (a broken
video, a malformed spec) must be fixed first; anything else "Retry" re-runs,
and the stage cache makes the retry resume at the failed stage. The Failed
state's data is a :class:`RunFailed` carrying the summary (an exception, so
Prefect resolves it without the "dict cannot be resolved into an exception"
traceback), and the engine's re-raise of it is not logged again.

Deployments load this file by path (as a module named ``learn``); at the end
it hands them the flows of the importable module ``flows.learn`` instead, so
everything a Dask worker unpickles lives in importable packages.

The stages (:mod:`tasks.stages`, :mod:`tasks.report`, :mod:`aspects.stages`: the
measurement code, about 3.4 CPU-s to import) are imported when a flow runs, not
with this module: ``prefect deploy`` and anything else that only loads the flows
(their names, parameters, docstrings) needs Prefect alone.
"""

from __future__ import annotations

import inspect
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prefect import flow, get_run_logger
from prefect.artifacts import create_table_artifact
from prefect.futures import PrefectConcurrentFuture, PrefectFuture
from prefect.runtime import flow_run
from prefect.states import Completed, Failed, State
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from aspects.errors import BadInputError, SpecError
from aspects.paths import path_text, text_path
from aspects.settings import Settings, check_window_s, get_settings

if TYPE_CHECKING:
    from prefect import Task


def stage_tasks() -> dict[str, Task]:
    """The stages' Prefect tasks by stage name (imported here, when a flow runs: see the module's docstring)."""
    from tasks.stages import decode, dynamic, growth, narrative, static

    return {"decode": decode, "static": static, "dynamic": dynamic, "narrative": narrative, "growth": growth}


class RunFailed(Exception):
    """A flow run that ended Failed: ``str()`` is its one-line message, ``summary`` what the flow returns otherwise."""

    def __init__(self, message: str, summary: dict | None = None) -> None:
        super().__init__(message)
        self.summary = summary

    def __reduce__(self):
        return (type(self), (str(self), self.summary))


class _NoEngineTraceback(logging.Filter):
    """Drop the engine's "exited with unexpected exception" traceback of a :class:`RunFailed`: the flow logged its message."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], RunFailed))


logging.getLogger("prefect.flow_runs").addFilter(_NoEngineTraceback())


def task_runner(settings: Settings | None = None) -> TaskRunner:
    """The task runner the stages are submitted to: ``settings.workers`` threads, or a ``DaskTaskRunner`` on ``settings.dask_address``.

    Called when a flow runs (not at import), so the address is the one set then
    (a deployment's job variables, the CLI's environment).
    """
    settings = settings or get_settings()
    if settings.dask_address:
        from prefect_dask import DaskTaskRunner  # dask and distributed take a second to import; only needed here

        return DaskTaskRunner(address=settings.dask_address)
    return ThreadPoolTaskRunner(max_workers=settings.workers)  # Prefect's default is sys.maxsize threads


def sidecar_spec(video: str | Path) -> str | None:
    """``NAME.json`` next to ``NAME.mp4``, when it exists (the video's spec), as :func:`~aspects.paths.path_text`."""
    spec = text_path(video).with_suffix(".json")
    return path_text(spec) if spec.is_file() else None


def submit_video(runner: TaskRunner, video: str, spec: str | None, prompt: str | None, window_s: float) -> dict[str, PrefectFuture]:
    """Submit one video's analysis stages (everything but growth) to ``runner``; returns their futures by stage."""
    from aspects.stages import wire_analysis

    return wire_analysis(submitter(runner, video), window_s=window_s, spec=spec, prompt=prompt)


def submitter(runner: TaskRunner, video: str):
    """The ``run`` of :func:`aspects.stages.wire_analysis` for a flow: submit the stage's task for ``video``."""

    tasks = stage_tasks()

    def submit(stage: str, *inputs) -> PrefectFuture:
        task = tasks[stage]
        future = runner.submit(task, inspect.signature(task.fn).bind(video, *inputs).arguments)
        if isinstance(future, PrefectConcurrentFuture):
            future.add_done_callback(_keep_final_state)
        return future

    return submit


def _keep_final_state(future: PrefectFuture) -> None:
    """Have a finished thread-pool future hold its final state (``wait`` on a done future stores it).

    Each task Prefect starts asks every future among its parameters for its
    state, and a future that does not hold it asks the API: three to five
    requests per downstream stage, for states this process already has.
    """
    future.wait()


def finish_video(runner: TaskRunner, video: str, futures: dict[str, PrefectFuture]) -> dict:
    """Run growth and the report after the analysis stages, wait, and summarise the video.

    The summary: ``{"video", "sha256", "stages": [{"stage", "status", "seconds", "error"}],
    "failed", "bad_input", "spec_error", "timeline", "markdown_key", "new"}``.
    """
    from aspects.stages import wire_growth
    from tasks.report import report
    from tasks.stages import STAGES, growth_output

    futures = {**futures, "growth": wire_growth(submitter(runner, video), futures)}
    inputs = [futures[stage] for stage in STAGES]
    reported = runner.submit(report, inspect.signature(report.fn).bind(video, *inputs).arguments)
    reported.wait()
    summary: dict[str, Any] = {
        "video": str(video),
        "sha256": None,
        "stages": [],
        "failed": False,
        "bad_input": False,
        "spec_error": False,
        "timeline": None,
        "markdown_key": None,
        "new": [],
    }
    not_run: list[PrefectFuture] = []
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
            not_run.append(future)
            line["error"] = runner_error(future)
            if line["error"]:  # e.g. a Dask worker could not unpickle or run the task: said here, not only in the scheduler's log
                get_run_logger().error("%s %s: %s", Path(video).name, stage, line["error"])
        summary["stages"].append(line)
    if not reported.state.is_final():
        not_run.append(reported)
    cancel_not_run(not_run)
    if reported.state.is_completed():
        summary.update(reported.result())
    elif reported.state.is_failed():  # the registries grew; only the picture and summary are missing
        get_run_logger().warning("%s: report failed: %s", Path(video).name, reported.state.message)
    grown = futures["growth"].result() if futures["growth"].state.is_completed() else None
    if grown is not None and grown["status"] == "computed":  # a cached growth discovered nothing in this run
        summary["new"] = growth_output(grown)["new"]
    return summary


NOT_READY_RECORDED_S = 20.0  # seconds to wait for the API to record a not-run task (its row, then its NotReady state)
CANCELLED_HELD_S = 0.5  # seconds a not-run task's Cancelled state must hold in the API (no late event over it)


def cancel_not_run(futures: list[PrefectFuture]) -> None:
    """Move task runs that will never run (an upstream stage failed) from Pending/NotReady to Cancelled, so the UI shows no stale Pending."""
    if not futures:
        return
    import time

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.objects import StateType
    from prefect.exceptions import ObjectNotFound
    from prefect.states import Cancelled

    def recorded(client, task_run_id):  # the task run as the API has it, or None while its first event is in flight
        try:
            return client.read_task_run(task_run_id)
        except ObjectNotFound:
            return None

    with get_client(sync_client=True) as client:
        for future in futures:
            try:
                # Task run states reach the API as events, recorded asynchronously (the run's row itself may not exist yet):
                # wait for the engine's NotReady to be recorded first, or it would land after (and over) the Cancelled.
                deadline = time.monotonic() + NOT_READY_RECORDED_S
                while time.monotonic() < deadline:
                    run = recorded(client, future.task_run_id)
                    if run is not None and run.state_name == "NotReady":
                        break
                    time.sleep(0.1)
                # A state event still in flight can land over the Cancelled: set it again until it has held for a while.
                until, held_since = time.monotonic() + NOT_READY_RECORDED_S, None
                while True:
                    now = time.monotonic()
                    run = recorded(client, future.task_run_id)
                    if run is None:
                        held_since = None
                    elif run.state_type != StateType.CANCELLED:
                        client.set_task_run_state(future.task_run_id, Cancelled(message="not run: an upstream stage failed"), force=True)
                        held_since = None
                    elif held_since is None:
                        held_since = now
                    elif now - held_since >= CANCELLED_HELD_S:
                        break
                    if now > until:
                        break
                    time.sleep(0.1)
            except Exception as exc:  # cosmetic: never fail the run over it
                get_run_logger().warning("could not mark task run %s cancelled: %s", future.task_run_id, repr(exc))


def runner_error(future: PrefectFuture) -> str | None:
    """The error a task runner's own future holds for a task that never reported a state (Dask: the worker's exception)."""
    wrapped = getattr(future, "wrapped_future", None)
    if wrapped is None or getattr(wrapped, "status", None) != "error":
        return None
    try:
        error = wrapped.exception(timeout=5)
    except Exception as exc:  # the cluster went away
        return f"{type(exc).__name__}: {exc}"
    return f"{type(error).__name__}: {error}" if error is not None else None


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


def failure_message(summaries: list[dict], sync_error: str | None = None) -> str | None:
    """The one line a failed run ends with (None when nothing failed): what failed, and whether to fix the input or retry."""
    parts = []
    failed = [s for s in summaries if s["failed"] and not s.get("quarantined")]  # a quarantined video does not fail a loop run
    bad = [s for s in failed if s["bad_input"] or s["spec_error"]]
    other = [s for s in failed if not (s["bad_input"] or s["spec_error"])]
    if bad:
        errors = "; ".join(f"{Path(s['video']).name}: {e}" for s in bad for e in [next((x["error"] for x in s["stages"] if x["error"]), "bad input")])
        parts.append(f"bad input ({errors}): fix the video or its spec, then run again (a retry as is fails the same way)")
    if other:
        names = ", ".join(f"{Path(s['video']).name} ({', '.join(x['stage'] for x in s['stages'] if x['status'] == 'failed') or 'not run'})" for s in other)
        parts.append(f"stages failed for {names}: Retry (or run again) resumes at the failed stage")
    if sync_error:
        parts.append(f"D1 sync failed: {sync_error}: Retry (or `aspects loop`) syncs what is missing")
    return "; ".join(parts) or None


def _outcome(summaries: list[dict], result: dict) -> State:
    log = get_run_logger()
    for summary in summaries:
        for line in stage_lines(summary):
            log.info(line)
    message = failure_message(summaries, (result.get("sync") or {}).get("error"))
    if message:
        log.error(message)
        return Failed(message=message, data=RunFailed(message, result))
    return Completed(data=result)


@flow(name="learn-video")
def learn_video(video: str, spec: str | None = None, prompt: str | None = None, window_s: float | None = None) -> State:
    """Learn one video: analyse it (cached per stage), grow the registries, write its timeline and summary.

    Args:
        video: Path of the MP4 file on the worker's machine.
        spec: Path of the spec JSON (genre, mood, ...); default: NAME.json next to the video, when present.
        prompt: The prompt the video was generated from (kept as an excerpt in the registries' sources).
        window_s: Window length for the dynamic aspects, in seconds; default: the settings' (1.0).
    """
    from tasks import claims

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
    """Post what the registries learned since the last sync to the configured D1 target (idempotent).

    Args:
        full: Post every row again, not only what changed since the last sync.
    """
    from registries.d1 import sync as d1_sync  # its HTTP client is imported only by the runs that sync

    result = d1_sync.sync(get_settings(), full=full)
    get_run_logger().info(result.summary())
    return result.as_dict()


@flow(name="learning-loop")
def learning_loop(inbox: str | None = None, window_s: float | None = None, sync: bool = True) -> State:
    """Learn every inbox video not learned yet (a sidecar NAME.json is its spec), then sync D1.

    Safe to run twice at once: each video is claimed by one run.

    Args:
        inbox: Folder to scan; default: <data_dir>/inbox.
        window_s: Window length for the dynamic aspects, in seconds; default: the settings' (1.0).
        sync: Run sync-d1 at the end.
    """
    from tasks import claims

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
        for _path, sha in mine[len(summaries) :]:
            claims.release(db, sha, owner, "failed", "the loop run ended before learning it")
    _discoveries_table(summaries)
    result: dict[str, Any] = {"inbox": path_text(inbox_dir), "videos": summaries, "sync": None, "quarantined": len(claims.quarantined(db))}
    if sync:
        synced = sync_d1(return_state=True)
        result["sync"] = synced.result() if synced.is_completed() else {"error": synced.message}
    return _outcome(summaries, result)


if __name__ != "flows.learn" and __name__ != "__main__":  # loaded by path (a deployment's entrypoint flows/learn.py)
    from flows.learn import learn_video, learning_loop, sync_d1  # noqa: E402, F401, F811  (importable: Dask workers unpickle them)
