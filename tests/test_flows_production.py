"""Prefect in production (issue 13): honest failures, retry-safe growth, bounded concurrency, the CLI without a server."""

from __future__ import annotations

import json
import pickle

from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, FlowRunFilter, FlowRunFilterId

from aspects.settings import Settings, get_settings, machine_workers
from aspects.store import connect
from flows.learn import RunFailed, learn_video, task_runner
from registries import store
from tests.flows_support import stage_status, write_spec


def _artifacts(state) -> dict:
    with get_client(sync_client=True) as client:
        arts = client.read_artifacts(artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[state.state_details.flow_run_id])))
    return {a.key: a.data for a in arts}


def test_mirror_write_failing_once_is_repaired_by_the_retry(prefect_api, data_dir, videos, monkeypatch):
    real = store.write_json_atomic
    failures = []

    def fail_once(path, document):
        if not failures and path.name != store.MIRROR_STATE:
            failures.append(path)
            raise OSError(28, "No space left on device")  # after growth's transaction committed
        real(path, document)

    monkeypatch.setattr(store, "write_json_atomic", fail_once)
    state = learn_video(str(videos["clip"]), return_state=True)
    assert state.is_completed(), state
    summary = state.result()
    assert failures and stage_status(summary)["growth"] == "computed"
    db = get_settings().duckdb_path
    with connect(db, read_only=True) as con:
        discovered = con.execute("SELECT aspect, key, name FROM discoveries WHERE video_sha256 = ?", [summary["sha256"]]).fetchall()
        seqs = dict(con.execute("SELECT aspect, max(change_seq) FROM registry_entries GROUP BY aspect").fetchall())
    assert discovered
    # Reported: the run's summary and its discoveries table hold every discovery DuckDB recorded for the video.
    assert sorted(map(tuple, summary["new"])) == sorted(discovered)
    artifacts = _artifacts(state)
    assert "](data:image/png;base64,iVBORw0KGgo" in artifacts[f"video-{summary['sha256'][:12]}"]  # the timeline, inlined
    table = json.loads(artifacts["new-discoveries"])
    assert sorted((r["aspect"], r["key"], r["name"]) for r in table) == sorted(discovered)
    # Mirrored: every aspect's JSON file is at DuckDB's change_seq and holds the discovered keys.
    assert store.stale_aspects(get_settings()) == []
    for aspect in {a for a, _, _ in discovered}:
        mirror = json.loads(store.aspect_json_path(get_settings().registries_dir, aspect).read_text())
        assert mirror["_meta"]["change_seq"] == seqs[aspect]
        assert {k for a, k, _ in discovered if a == aspect} <= {e["key"] for e in mirror["entries"]}


def test_stale_mirror_is_rewritten_by_the_next_growth(prefect_api, data_dir, videos):
    assert learn_video(str(videos["red"]), return_state=True).is_completed()
    settings = get_settings()
    victim = store.aspect_json_path(settings.registries_dir, "static.color")
    victim.unlink()  # e.g. an export that never happened
    assert store.stale_aspects(settings) == ["static.color"]
    assert learn_video(str(videos["clip"]), return_state=True).is_completed()
    assert victim.is_file() and store.stale_aspects(settings) == []


def test_failed_run_carries_one_message_and_a_picklable_summary(prefect_api, data_dir, videos, tmp_path):
    spec = write_spec(tmp_path / "clip.json", '{"genre": 5}')
    state = learn_video(str(videos["red"]), spec=str(spec), return_state=True)
    assert state.is_failed()
    error = state.result(raise_on_failure=False)
    assert isinstance(error, RunFailed) and str(error) == state.message
    assert "\n" not in state.message and "bad input" in state.message and "fix the video or its spec" in state.message
    assert "clip.json" in state.message and "Retry" not in state.message
    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[state.state_details.flow_run_id])))
    states = {r.name.split("-")[0]: r.state_type.value for r in runs}
    assert states == {"decode": "COMPLETED", "static": "COMPLETED", "dynamic": "COMPLETED", "narrative": "FAILED", "growth": "CANCELLED", "report": "CANCELLED"}
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == str(error) and again.summary == error.summary and stage_status(again.summary)["narrative"] == "failed"


def test_thread_pool_is_bounded_by_the_machine(monkeypatch):
    assert 1 <= machine_workers() <= (__import__("os").cpu_count() or 1)
    assert Settings().workers == machine_workers()
    monkeypatch.setenv("ASPECTS_MAX_WORKERS", "3")
    get_settings.cache_clear()
    assert task_runner()._max_workers == 3


def test_cli_without_a_server_on_a_loaded_machine_and_kill_leaves_nothing(videos, tmp_path):
    """``aspects learn`` with a fresh PREFECT_HOME and no database template (the first run migrates and keeps one) while a
    CPU burner per core runs; then ``aspects loop`` with another fresh home, started from that template, and a ``kill -9``.

    The burners run until the template exists, that is until the migrated server has answered its health check (the
    start that timed out on a loaded machine); the analysis after it runs without them (it had cost this test ~170 s of
    wall and slowed every test beside it)."""
    import os
    import re
    import resource
    import sqlite3
    import subprocess
    import sys
    import time
    from pathlib import Path

    import httpx
    import prefect
    import psutil

    aspects = str(Path(sys.executable).with_name("aspects"))
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(XDG_CACHE_HOME=str(tmp_path / "cache"), PREFECT_HOME=str(tmp_path / "homes" / "first"), ASPECTS_DATA_DIR=str(tmp_path / "cli-data"), PREFECT_LOGGING_LEVEL="INFO")
    template = tmp_path / "cache" / "mp4-aspects" / f"prefect-{prefect.__version__}.db"
    burners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(os.cpu_count() or 1)]
    try:
        cpu, wall = resource.getrusage(resource.RUSAGE_CHILDREN), time.monotonic()
        outputs = tmp_path / "learn.out", tmp_path / "learn.err"  # files, not pipes: nothing blocks while the test polls
        with open(outputs[0], "w") as out, open(outputs[1], "w") as err:
            learn = subprocess.Popen([aspects, "learn", str(videos["red"])], env=env, stdout=out, stderr=err)
        while learn.poll() is None and not template.is_file() and time.monotonic() - wall < 600:
            time.sleep(0.2)
        started = time.monotonic() - wall
    finally:
        for burner in burners:
            burner.kill()
            burner.wait()
    try:
        learn.wait(timeout=600)
    finally:
        learn.kill()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"\naspects learn, fresh PREFECT_HOME, no template: the server answered after {started:.1f} s under {os.cpu_count()} CPU burners; "
        f"{time.monotonic() - wall:.1f} s wall, {after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime:.1f} s CPU in all"
    )
    done = subprocess.CompletedProcess(learn.args, learn.returncode, outputs[0].read_text(), outputs[1].read_text())
    assert done.returncode == 0, done.stderr[-3000:]
    assert [line.split()[1:3] for line in done.stdout.splitlines()[:5]] == [[s, "computed"] for s in ("decode", "static", "dynamic", "narrative", "growth")]
    assert "Timed out" not in done.stderr
    assert template.is_file()  # kept by the first run with this Prefect version

    def block_types(db: Path) -> list:
        with sqlite3.connect(db) as con:
            return con.execute("SELECT name, created FROM block_type ORDER BY name").fetchall()

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "clip.mp4").write_bytes(videos["clip"].read_bytes())
    log = tmp_path / "killed.log"
    env["PREFECT_HOME"] = str(tmp_path / "homes" / "second")
    proc = subprocess.Popen([aspects, "loop", "--inbox", str(inbox), "--no-sync"], env=env, stdout=subprocess.DEVNULL, stderr=open(log, "w"))
    deadline = time.monotonic() + 300
    while not (match := re.search(r"View at (http://127\.0\.0\.1:\d+)/", log.read_text())):
        assert proc.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
        time.sleep(0.2)
    server = match.group(1)
    assert httpx.get(f"{server}/api/health", timeout=10).status_code == 200  # the flow runs, its API answers
    # Started from the template: its block types (rows and creation times) are the template's, not registered anew.
    assert block_types(tmp_path / "homes" / "second" / "prefect.db") == block_types(template) != []
    family = psutil.Process(proc.pid).children(recursive=True)
    proc.kill()  # SIGKILL through Popen: never to a pid already reaped
    proc.wait()
    time.sleep(0.5)
    assert [p.pid for p in family if p.is_running() and p.status() != psutil.STATUS_ZOMBIE] == []
    try:
        httpx.get(f"{server}/api/health", timeout=2)
        raise AssertionError(f"{server} still answers after its command was killed")
    except httpx.ConnectError:
        pass


def test_deployment_entrypoint_hands_out_the_importable_flows():
    """prefect.yaml's entrypoint loads flows/learn.py by path (module ``learn``); the flows it yields live in ``flows.learn``."""
    from prefect.flows import load_flow_from_entrypoint

    from tests.flows_support import REPO

    for name in ("learning_loop", "learn_video", "sync_d1"):
        loaded = load_flow_from_entrypoint(f"{REPO}/flows/learn.py:{name}")
        assert loaded.fn.__module__ == "flows.learn", loaded.fn.__module__  # picklable by reference on a Dask worker


def test_run_form_has_parameter_descriptions():
    """The UI's custom-run form shows each parameter's description, parsed from the flows' Google-style ``Args:``."""
    from prefect.utilities.callables import parameter_schema

    from flows.learn import learning_loop, sync_d1

    for flow, names in ((learn_video, ("video", "spec", "prompt", "window_s")), (learning_loop, ("inbox", "window_s", "sync")), (sync_d1, ("full",))):
        properties = parameter_schema(flow).properties
        assert all(properties[name].get("description") for name in names), properties
    assert "seconds" in parameter_schema(learn_video).properties["window_s"]["description"]
