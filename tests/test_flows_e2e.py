"""End to end: a real ``prefect server``, ``prefect deploy`` from prefect.yaml, a process worker, a run triggered through the API."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.flows_support import REPO, free_port, observation_count, wait_for

PREFECT = str(Path(sys.executable).with_name("prefect"))
FINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory):
    """``prefect server start`` on a free loopback port with its own PREFECT_HOME (one for this module's tests); yields the env to talk to it.

    Module-scoped: only this file uses it, and an idle server still costs ~3 % of a core, which a session-scoped one
    paid for the rest of the run on this worker.

    The home starts from bootstrap's migrated database of this Prefect version when there is one (flows/local_server.py):
    the server then starts without migrating (29.5 -> 12.3 CPU-s; the fixture took 27-38 s in CI); without it, as before."""
    from flows.local_server import copy_database, template_path

    tmp_path = tmp_path_factory.mktemp("prefect-server")
    if template_path().is_file():
        copy_database(template_path(), tmp_path / "prefect-home" / "prefect.db")
    port = free_port()
    env = {
        **os.environ,
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
    }
    log = open(tmp_path / "server.log", "w")
    server = subprocess.Popen([PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        import httpx

        def healthy() -> bool:
            if server.poll() is not None:
                raise AssertionError((tmp_path / "server.log").read_text()[-3000:])
            try:
                return httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200
            except httpx.HTTPError:
                return False

        wait_for(healthy, 90, "prefect server to answer", every_s=0.5)
        yield env
    finally:
        stop_group(server)


STOP_GRACE_S = 30.0  # seconds a process group gets to exit after SIGTERM before it is killed (a loaded machine can be slow to shut down)


def stop_group(proc: subprocess.Popen) -> None:
    """Stop ``proc``'s process group: SIGTERM, then SIGKILL when it has not exited within STOP_GRACE_S (teardown never fails a test)."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=STOP_GRACE_S)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:  # the group has gone already
        pass
    proc.wait()


def prefect(env: dict, *args: str, cwd: Path = REPO) -> str:
    result = subprocess.run([PREFECT, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"prefect {' '.join(args)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
    return result.stdout


def without_ticks(client, deployment_id) -> None:
    """Keep prefect.yaml's quarter-hour ticks out of a test that runs the learning-loop deployment by hand.

    The loop allows one run at a time and cancels a new one (CANCEL_NEW): a tick falling due while the test's worker
    polls takes that slot and the test's own run is cancelled ("Deployment concurrency limit reached.", CI of
    2026-12-02, a run created at 23:44:58 against the 23:45:00 tick). Pausing a deployment deletes its auto-scheduled
    runs and the scheduler makes no more; a tick the scheduler inserted while the pause committed is deleted here too.
    Runs made by hand (the test's) are never auto-scheduled and still run on a paused deployment."""
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterId, FlowRunFilter, FlowRunFilterState, FlowRunFilterStateType
    from prefect.client.schemas.objects import StateType

    client.pause_deployment(deployment_id)
    scheduled = FlowRunFilter(state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.SCHEDULED])))
    for tick in client.read_flow_runs(deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id])), flow_run_filter=scheduled):
        if tick.auto_scheduled:
            client.delete_flow_run(tick.id)
    assert not [r for r in client.read_flow_runs(deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id])), flow_run_filter=scheduled) if r.auto_scheduled]


def test_deploy_and_run_learn_video_through_a_worker(prefect_server, tmp_path, videos):
    # INFO: the stage lines reach the API; the worker polls every second instead of every 10 s.
    env = {**prefect_server, "ASPECTS_DATA_DIR": str(tmp_path / "data"), "PREFECT_LOGGING_LEVEL": "INFO", "PREFECT_WORKER_QUERY_SECONDS": "1"}
    checkout = tmp_path / "checkout"  # a clean copy of the project files prefect.yaml needs: deploy must not rely on anything else
    checkout.mkdir()
    for name in ("prefect.yaml", "flows", "tasks", "aspects", "registries", ".cache/models"):  # .cache/models: what bootstrap installs there
        src = REPO / name
        (shutil.copytree(src, checkout / name, ignore=shutil.ignore_patterns("__pycache__")) if src.is_dir() else shutil.copy(src, checkout / name))
    env["PYTHONPATH"] = str(checkout)  # the worker's flow runs import this checkout's code

    aspects = subprocess.run([str(Path(sys.executable).with_name("aspects")), "prefect-setup", "--decodes", "2"], env=env, cwd=checkout, capture_output=True, text=True, timeout=120)
    assert aspects.returncode == 0, aspects.stderr[-2000:]
    prefect(env, "--no-prompt", "deploy", "--all", cwd=checkout)

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: env["PREFECT_API_URL"]}), get_client(sync_client=True) as client:
        loop = client.read_deployment_by_name("learning-loop/learning-loop")
        assert [s.schedule.interval.total_seconds() for s in loop.schedules] == [900.0]
        assert loop.schedules[0].schedule.anchor_date.isoformat().startswith("2026-01-01T00:00:00")  # a redeploy keeps the ticks
        assert loop.global_concurrency_limit.limit == 1
        assert [limit.concurrency_limit for limit in client.read_concurrency_limits(limit=10, offset=0) if limit.tag == "decode"] == [2]
        assert loop.pull_steps == [{"prefect.deployments.steps.set_working_directory": {"directory": str(checkout)}}]
        without_ticks(client, loop.id)  # this test's worker must not start a learning-loop tick on the side
        learn = client.read_deployment_by_name("learn-video/learn-video")
        assert learn.schedules == []
        assert client.read_deployment_by_name("sync-d1/sync-d1").work_pool_name == "aspects"
        run = client.create_flow_run_from_deployment(learn.id, parameters={"video": str(videos["red"]), "prompt": "a tense red room", "window_s": 0.5})
        bad_spec = tmp_path / "clip.json"
        bad_spec.write_text('{"genre": 5}')
        failing = client.create_flow_run_from_deployment(learn.id, parameters={"video": str(videos["clip"]), "spec": str(bad_spec)})

        def finished(run_id):
            current = client.read_flow_run(run_id)
            return current if current.state_type.value in FINAL else None

        def log_lines(run_id) -> str:
            return "\n".join(entry.message for entry in client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[run_id]))))

        worker_log = open(tmp_path / "worker.log", "w")
        worker = subprocess.Popen([PREFECT, "worker", "start", "--pool", "aspects", "--type", "process"], env=env, cwd=tmp_path, stdout=worker_log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            final = wait_for(lambda: finished(run.id), 150, "the learn-video run to finish", every_s=1)
            assert final.state_type.value == "COMPLETED", (tmp_path / "worker.log").read_text()[-4000:]
            assert final.parameters == {"video": str(videos["red"]), "prompt": "a tense red room", "window_s": 0.5}
            artifacts = {a.key for a in client.read_artifacts() if a.flow_run_id == run.id}
            assert {k.split("-")[0] for k in artifacts if k} == {"new", "video", "decode"}

            # A run whose spec is malformed fails at narrative; fixed spec + "Retry" resumes there.
            assert wait_for(lambda: finished(failing.id), 150, "the malformed-spec run to finish", every_s=1).state_type.value == "FAILED"
            failed_logs = wait_for(lambda: (text := log_lines(failing.id)) and "clip.mp4  narrative failed" in text and text, 20, "the failed run's stage lines")
            message = client.read_flow_run(failing.id).state.message
            assert "bad input" in message and "fix the video or its spec" in message and "\n" not in message
            assert "Traceback" not in failed_logs and "cannot be resolved into an exception" not in failed_logs, failed_logs
            bad_spec.write_text('{"genre": "drama"}')
            prefect(env, "flow-run", "retry", str(failing.id), cwd=tmp_path)
            retried = wait_for(lambda: (r := finished(failing.id)) and r.run_count > 1 and r, 150, "the retried run to finish", every_s=1)
            assert retried.state_type.value == "COMPLETED", (tmp_path / "worker.log").read_text()[-4000:]
            logs = wait_for(lambda: (text := log_lines(failing.id)) and "clip.mp4  growth    computed" in text and text, 20, "the retried run's stage lines")
            for stage in ("decode", "static", "dynamic"):
                assert f"clip.mp4 {stage}: cached" in logs  # the retry did not redo what the failed attempt finished
            assert "clip.mp4 narrative: computed" in logs
        finally:
            stop_group(worker)
    assert observation_count(tmp_path / "data" / "aspects.duckdb") > 0
    assert list((tmp_path / "data" / "reports").glob("red-*-timeline.png"))


def test_loop_deployment_fans_out_on_a_dask_cluster(prefect_server, tmp_path, videos, monkeypatch):
    """The learning-loop deployment, run through a process worker, with ASPECTS_DASK_ADDRESS as a job variable:
    the stages run on Dask worker processes (which import ``tasks.*``/``flows.learn``, not the file-loaded ``learn``)."""
    from distributed import Client, LocalCluster
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    data = tmp_path / "data"
    env = {**prefect_server, "ASPECTS_DATA_DIR": str(data), "PREFECT_LOGGING_LEVEL": "INFO", "PREFECT_WORKER_QUERY_SECONDS": "1"}
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for key in ("clip", "red"):
        (inbox / f"{key}.mp4").write_bytes(videos[key].read_bytes())
    subprocess.run([str(Path(sys.executable).with_name("aspects")), "prefect-setup"], env=env, cwd=REPO, check=True, capture_output=True, timeout=120)
    prefect(env, "--no-prompt", "deploy", "--name", "learning-loop", cwd=REPO)
    for name in ("PREFECT_API_URL", "ASPECTS_DATA_DIR"):  # inherited by the Dask worker processes: where they report and write
        monkeypatch.setenv(name, env[name])
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as dask:
        with temporary_settings({PREFECT_API_URL: env["PREFECT_API_URL"]}), get_client(sync_client=True) as client:
            loop = client.read_deployment_by_name("learning-loop/learning-loop")
            without_ticks(client, loop.id)  # a tick due now would take the loop's one slot and cancel this run
            run = client.create_flow_run_from_deployment(loop.id, parameters={"inbox": str(inbox), "sync": False}, job_variables={"env": {"ASPECTS_DASK_ADDRESS": cluster.scheduler_address}})
            worker = subprocess.Popen(
                [PREFECT, "worker", "start", "--pool", "aspects", "--type", "process"],
                env=env,
                cwd=tmp_path,
                stdout=open(tmp_path / "worker.log", "w"),
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            try:
                final = wait_for(lambda: (r := client.read_flow_run(run.id)).state_type.value in FINAL and r, 240, "the loop run to finish", every_s=1)
            finally:
                stop_group(worker)
            assert final.state_type.value == "COMPLETED", (final.state.message, (tmp_path / "worker.log").read_text()[-4000:])
        ran = dask.run_on_scheduler(lambda dask_scheduler: sorted({ts.prefix.name for ts in dask_scheduler.tasks.values()} | set(dask_scheduler.task_prefixes)))
    assert {"decode", "growth"} <= {p.split("-")[0] for p in ran}, ran  # the stages were Dask tasks
    assert observation_count(data / "aspects.duckdb") > 0
    assert len(list((data / "reports").glob("*-timeline.png"))) == 2


def test_new_inbox_video_triggers_a_run_and_a_failure_calls_the_webhook(prefect_server, tmp_path, videos):
    """``aspects watch`` → event → learn-video's deployment trigger → worker; a failed run → automation → webhook on loopback."""
    import json
    import threading
    import time
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterName
    from prefect.settings import PREFECT_API_URL, temporary_settings

    calls: list[dict] = []

    class Hook(BaseHTTPRequestHandler):
        def do_POST(self):
            calls.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    hook = HTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=hook.serve_forever, daemon=True).start()
    aspects = str(Path(sys.executable).with_name("aspects"))
    env = {**prefect_server, "ASPECTS_DATA_DIR": str(tmp_path / "data"), "PREFECT_LOGGING_LEVEL": "INFO", "PREFECT_WORKER_QUERY_SECONDS": "1"}
    notify = f"http://127.0.0.1:{hook.server_port}/hook"
    subprocess.run([aspects, "prefect-setup", "--notify-url", notify], env=env, cwd=REPO, check=True, capture_output=True, timeout=120)
    prefect(env, "--no-prompt", "deploy", "--name", "learn-video", cwd=REPO)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    procs = [
        subprocess.Popen(
            [PREFECT, "worker", "start", "--pool", "aspects", "--type", "process"], env=env, cwd=tmp_path, stdout=open(tmp_path / "worker.log", "w"), stderr=subprocess.STDOUT, start_new_session=True
        ),
        subprocess.Popen([aspects, "watch", "--inbox", str(inbox)], env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=open(tmp_path / "watch.err", "w"), text=True, start_new_session=True),
    ]
    try:
        assert procs[1].stdout.readline().startswith("watching ")
        with temporary_settings({PREFECT_API_URL: env["PREFECT_API_URL"]}), get_client(sync_client=True) as client:
            deployment = client.read_deployment_by_name("learn-video/learn-video")

            def runs():
                return {r.parameters.get("video"): r for r in client.read_flow_runs(deployment_filter=DeploymentFilter(name=DeploymentFilterName(any_=[deployment.name])))}

            timings = {}
            for name, content in (("clip.mp4", videos["clip"].read_bytes()), ("broken.mp4", b"not a video" * 100)):
                staging = tmp_path / name
                staging.write_bytes(content)
                dropped = time.time()
                staging.rename(inbox / name)  # appears whole
                path = str(inbox / name)
                final = wait_for(lambda path=path: (r := runs().get(path)) and r.state_type.value in FINAL and r, 240, f"the triggered run of {name}", every_s=0.5)
                timings[name] = (final.end_time.timestamp() - dropped, final.state_type.value)
                print(
                    f"\n{name}: dropped -> run created {final.created.timestamp() - dropped:.1f} s, -> started {final.start_time.timestamp() - dropped:.1f} s, "
                    f"flow {final.total_run_time.total_seconds():.1f} s, -> {final.state_type.value} {final.end_time.timestamp() - dropped:.1f} s"
                )
        assert timings["clip.mp4"][1] == "COMPLETED", (timings, (tmp_path / "worker.log").read_text()[-3000:])
        assert timings["broken.mp4"][1] == "FAILED", timings
        print(f"\nlatency, file dropped -> run Completed: {timings['clip.mp4'][0]:.1f} s (5 s clip); -> Failed: {timings['broken.mp4'][0]:.1f} s")
        failed = wait_for(lambda: [c for c in calls if c.get("state") == "Failed"], 60, "the failure webhook")
        assert failed[0]["flow_run_id"] == str(final.id) and "bad input" in failed[0]["message"] and "broken.mp4" in failed[0]["message"]
    finally:
        for proc in procs:
            stop_group(proc)
        hook.shutdown()
