"""The Prefect flows on the real engine (Prefect's test harness server), real DuckDB, real MP4 files."""

from __future__ import annotations

import json
import subprocess
import textwrap

from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, FlowRunFilter, FlowRunFilterId

from aspects import stages as stage_functions
from aspects.settings import get_settings
from aspects.store import connect
from flows.learn import RunFailed, learn_video, learning_loop, stage_lines, task_runner
from tasks import cache, claims, stages
from tests.flows_support import (
    learned_entries,
    observation_count,
    registry_snapshot,
    run_python,
    stage_status,
    wait_for,
    write_spec,
)

ALL = ("decode", "static", "dynamic", "narrative", "growth")


def learn(video, **kwargs) -> tuple[object, dict]:
    state = learn_video(str(video), return_state=True, **kwargs)
    result = state.result(raise_on_failure=False)
    if state.is_failed():
        assert isinstance(result, RunFailed) and str(result) == state.message, (state, result)
        return state, result.summary
    return state, result


def _task_runs(flow_run_id) -> dict[str, int]:
    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
    return {r.name.split("-")[0]: r.run_count for r in runs}


def test_second_run_is_all_cached_and_changes_nothing(prefect_api, data_dir, videos, tmp_path, monkeypatch):
    spec = write_spec(tmp_path / "spec.json", {"genre": ["Sci-Fi"], "mood": "calm", "prompt": "a test pattern cut to red"})
    updates = []
    real_update = stages.update_progress_artifact

    def recording_update(artifact_id, progress):
        updates.append(progress)
        return real_update(artifact_id, progress=progress)

    monkeypatch.setattr(stages, "PROGRESS_EVERY_S", 0.0)  # every progress callback (about one per second of video) updates
    monkeypatch.setattr(stages, "update_progress_artifact", recording_update)
    first_state, first = learn(videos["clip"], spec=str(spec))
    assert first_state.is_completed(), first
    # updated while decoding (about once per second of video), then finished
    assert updates == sorted(updates) and updates[-1] == 100.0 and len([p for p in updates if 0 < p < 100]) >= 3
    assert stage_status(first) == {s: "computed" for s in ALL}
    db = get_settings().duckdb_path
    before = registry_snapshot(db)
    assert any(o[2] == first["sha256"] for o in before["observations"])
    assert ("narrative.genre", "science fiction") in {(e[0], e[1]) for e in before["entries"]}

    state, second = learn(videos["clip"], spec=str(spec))
    assert state.is_completed()
    assert stage_status(second) == {s: "cached" for s in ALL}
    assert registry_snapshot(db) == before  # counts and change_seq untouched: nothing re-grown
    assert second["new"] == []
    assert [line.split()[2] for line in stage_lines(second)[:5]] == ["cached"] * 5

    # Artifacts of the second run: the markdown summary and the discoveries table; the timeline PNG on disk.
    flow_run_id = state.state_details.flow_run_id
    with get_client(sync_client=True) as client:
        arts = client.read_artifacts(artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id])))
        first_arts = client.read_artifacts(artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[first_state.state_details.flow_run_id])))
    keys = {(a.type, a.key) for a in arts}
    sha12 = first["sha256"][:12]
    assert ("markdown", f"video-{sha12}") in keys
    assert ("table", "new-discoveries") in keys
    markdown = next(a.data for a in arts if a.key == f"video-{sha12}")
    for heading in ("## Palette", "## Transitions", "## Camera moves", "## Tempo", "## Narrative", "science fiction"):
        assert heading in markdown
    # The first run decoded, so it also has the decode progress artifact, finished at 100 %.
    progress = [a for a in first_arts if a.type == "progress"]
    assert [(a.key, a.data) for a in progress] == [(f"decode-{sha12}", 100.0)]
    table = next(a.data for a in first_arts if a.key == "new-discoveries")
    assert first["new"] and all(f'"name": "{name}"' in table for _, _, name in first["new"])
    png = second["timeline"]
    assert png.startswith(str(get_settings().reports_dir)) and open(png, "rb").read(8) == b"\x89PNG\r\n\x1a\n"


def test_window_change_and_version_bump_recompute_only_dependants(prefect_api, data_dir, videos, monkeypatch):
    decode_reads = []
    real_load = cache.load

    def counting_load(db, key):
        decode_reads.extend([key] if "/decode/" in key else [])
        return real_load(db, key)

    monkeypatch.setattr(cache, "load", counting_load)
    _, first = learn(videos["red"])
    assert stage_status(first) == {s: "computed" for s in ALL}
    assert decode_reads == []  # decoded in this run: its readers use the measurements in memory
    _, other_window = learn(videos["red"], window_s=0.5)
    assert stage_status(other_window) == {"decode": "cached", "static": "cached", "dynamic": "computed", "narrative": "cached", "growth": "computed"}
    assert len(decode_reads) == 1  # dynamic, growth and the report all read it: once from the stage cache
    monkeypatch.setitem(stages.STAGE_VERSIONS, "static", stages.STAGE_VERSIONS["static"] + "-bumped")
    _, bumped = learn(videos["red"], window_s=0.5)
    assert stage_status(bumped) == {"decode": "cached", "static": "computed", "dynamic": "cached", "narrative": "cached", "growth": "computed"}
    monkeypatch.setitem(stages.STAGE_VERSIONS, "decode", stages.STAGE_VERSIONS["decode"] + "-bumped")
    _, redecoded = learn(videos["red"], window_s=0.5)
    assert stage_status(redecoded) == {"decode": "computed", "static": "computed", "dynamic": "computed", "narrative": "cached", "growth": "computed"}
    rows = cache.entries(get_settings().duckdb_path, first["sha256"])
    assert sorted(r["stage"] for r in rows if r["stage"] == "dynamic") == ["dynamic"] * 3  # 1.0 s, 0.5 s, 0.5 s over the new decode


def test_malformed_spec_fails_once_and_rerun_resumes(prefect_api, data_dir, videos, tmp_path):
    spec = write_spec(tmp_path / "clip.json", '{"genre": 5}')
    state, failed = learn(videos["red"], spec=str(spec))
    assert state.is_failed()
    assert stage_status(failed) == {"decode": "computed", "static": "computed", "dynamic": "computed", "narrative": "failed", "growth": "not run"}
    error = next(s["error"] for s in failed["stages"] if s["stage"] == "narrative")
    assert "clip.json" in error and "genre" in error
    assert _task_runs(state.state_details.flow_run_id)["narrative"] == 1  # bad input is not retried
    assert observation_count(get_settings().duckdb_path) == 0

    write_spec(spec, {"genre": "drama"})
    state, resumed = learn(videos["red"], spec=str(spec))
    assert state.is_completed()
    assert stage_status(resumed) == {"decode": "cached", "static": "cached", "dynamic": "cached", "narrative": "computed", "growth": "computed"}


def test_transient_error_is_retried_with_backoff(prefect_api, data_dir, videos, monkeypatch):
    calls = []
    real = stage_functions.static

    def flaky(m):
        calls.append(1)
        if len(calls) == 1:
            raise OSError("disk hiccup")
        return real(m)

    monkeypatch.setattr(stage_functions, "static", flaky)
    state, summary = learn(videos["red"])
    assert state.is_completed()
    assert stage_status(summary)["static"] == "computed"
    assert len(calls) == 2
    assert _task_runs(state.state_details.flow_run_id)["static"] == 2


def test_bad_video_fails_decode_once(prefect_api, data_dir, tmp_path):
    bad = tmp_path / "broken.mp4"
    bad.write_bytes(b"not a video at all" * 100)
    state, summary = learn(bad)
    assert state.is_failed()
    assert stage_status(summary) == {"decode": "failed", "static": "not run", "dynamic": "not run", "narrative": "not run", "growth": "not run"}
    assert summary["bad_input"]
    assert _task_runs(state.state_details.flow_run_id)["decode"] == 1


# argv: MARKER VIDEO. With a MARKER path, the process hangs right after growth
# commits (to be killed there); with "-", it learns normally and prints the summary.
LEARN_IN_A_PROCESS = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    import aspects.stages
    if sys.argv[1] != "-":
        real = aspects.stages.grow
        def grow_then_hang(*args, **kwargs):
            real(*args, **kwargs)  # the registries transaction commits...
            Path(sys.argv[1]).write_text("grown")
            time.sleep(600)  # ...and the process dies before the growth stage is cached
        aspects.stages.grow = grow_then_hang
    from flows.learn import learn_video
    print(json.dumps(learn_video(sys.argv[2], return_state=True).result(raise_on_failure=False)))
    """
)


def test_killed_process_resumes_without_redoing_or_double_counting(prefect_api, data_dir, tmp_path):
    from tests.media import click_track, make_video

    video = make_video(tmp_path / "long.mp4", "testsrc2=s=320x240:r=25", duration_s=10, audio=click_track(100, duration_s=10))
    marker = tmp_path / "grown"
    env = {"PREFECT_API_URL": prefect_api, "ASPECTS_DATA_DIR": str(data_dir), "PREFECT_LOGGING_LEVEL": "WARNING"}
    err = tmp_path / "err.log"
    proc = run_python(LEARN_IN_A_PROCESS, env, str(marker), str(video), stdout=subprocess.DEVNULL, stderr=open(err, "w"))
    try:
        wait_for(lambda: marker.exists() or proc.poll() is not None, 120, "the killable process to grow the registries")
        assert marker.exists(), err.read_text()[-3000:]
    finally:
        proc.kill()  # Popen's kill: no signal once poll() has reaped it (its pid may be another process's by then)
        proc.wait()
    db = get_settings().duckdb_path
    assert {r["stage"] for r in cache.entries(db)} == {"decode", "static", "dynamic", "narrative"}
    before = registry_snapshot(db)
    assert before["observations"]

    restarted = run_python(LEARN_IN_A_PROCESS, env, "-", str(video), stdout=subprocess.PIPE, stderr=open(err, "w"), text=True)
    out, _ = restarted.communicate(timeout=120)
    assert restarted.returncode == 0, err.read_text()[-3000:]
    resumed = json.loads(out.splitlines()[-1])
    assert stage_status(resumed) == {"decode": "cached", "static": "cached", "dynamic": "cached", "narrative": "cached", "growth": "computed"}
    after = registry_snapshot(db)
    assert after == before  # same entries, same counts, not even a change_seq moved: nothing counted twice
    # What the killed run discovered (committed, never reported) is reported by the run that finished growth.
    with connect(db, read_only=True) as con:
        discovered = con.execute("SELECT aspect, key, name FROM discoveries WHERE video_sha256 = ? ORDER BY change_seq", [resumed["sha256"]]).fetchall()
    assert discovered and resumed["new"] == [list(d) for d in discovered]


def test_claims_one_owner_per_video_and_dead_owners_release(data_dir, videos, tmp_path):
    db = get_settings().duckdb_path
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for key in ("clip", "red"):
        (inbox / f"{key}.mp4").write_bytes(videos[key].read_bytes())
    (inbox / "copy-of-red.mp4").write_bytes(videos["red"].read_bytes())
    found = claims.scan_inbox(db, inbox)
    assert len(found) == 3 and len({sha for _, sha in found}) == 2
    me = claims.owner_id("run-a")
    assert [p.name for p, _ in claims.claim(db, found, me)] == ["clip.mp4", "copy-of-red.mp4"]
    assert claims.claim(db, found, claims.owner_id("run-b")) == []  # held by a live owner (this process)

    dead = run_python("pass", {})
    dead.wait()
    host = me.split(":")[0]
    claims.release(db, found[0][1], me, "failed", "test")
    assert [p.name for p, _ in claims.claim(db, found[:1], f"{host}:{dead.pid}:run-c")] == ["clip.mp4"]
    assert [p.name for p, _ in claims.claim(db, found[:1], me)] == ["clip.mp4"]  # its owner died: free again
    claims.mark_learned(db, found[0][1], found[0][0])
    assert claims.claim(db, found, claims.owner_id("run-d")) == []
    assert {v["state"] for v in claims.states(db).values()} == {"learned", "claimed"}


def test_two_loops_at_once_learn_each_video_once(prefect_api, data_dir, videos, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for key in ("clip", "red"):
        (inbox / f"{key}.mp4").write_bytes(videos[key].read_bytes())
    write_spec(inbox / "red.json", {"mood": "tense"})
    code = "import sys; from flows.learn import learning_loop; learning_loop(sys.argv[1], sync=False)"
    env = {"PREFECT_API_URL": prefect_api, "ASPECTS_DATA_DIR": str(data_dir), "PREFECT_LOGGING_LEVEL": "WARNING"}
    procs = [run_python(code, env, str(inbox), stdout=open(tmp_path / f"out{i}.log", "w"), stderr=open(tmp_path / f"err{i}.log", "w")) for i in range(2)]
    try:
        for i, proc in enumerate(procs):
            assert proc.wait(timeout=180) == 0, (tmp_path / f"err{i}.log").read_text()[-3000:]
    finally:  # a loop left running would hold the store and the inbox for the tests after this one
        for proc in procs:
            proc.kill()
            proc.wait()
    db = get_settings().duckdb_path
    assert {v["state"] for v in claims.states(db).values()} == {"learned"} and len(claims.states(db)) == 2
    growth_rows = [r for r in cache.entries(db) if r["stage"] == "growth"]
    assert len(growth_rows) == 2
    assert ("narrative.mood", "tense") in {(e[0], e[1]) for e in registry_snapshot(db)["entries"]}

    # A third, sequential loop finds nothing new.
    state = learning_loop(str(inbox), sync=False, return_state=True)
    assert state.result()["videos"] == []


def test_dask_cluster_gives_the_same_registries_as_threads(prefect_api, tmp_path, videos, monkeypatch):
    from distributed import LocalCluster
    from prefect_dask import DaskTaskRunner

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for key in ("clip", "red"):
        (inbox / f"{key}.mp4").write_bytes(videos[key].read_bytes())
    write_spec(inbox / "clip.json", {"genre": "documentary", "style": ["glitch"]})

    results = {}
    for mode in ("threads", "dask"):
        monkeypatch.setenv("ASPECTS_DATA_DIR", str(tmp_path / mode))
        monkeypatch.setenv("PREFECT_API_URL", prefect_api)  # Dask worker processes report their task runs here
        monkeypatch.delenv("ASPECTS_DASK_ADDRESS", raising=False)
        get_settings.cache_clear()
        if mode == "threads":
            assert not isinstance(task_runner(), DaskTaskRunner)
            state = learning_loop(str(inbox), sync=False, return_state=True)
        else:
            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
                # Set after the flows module was imported: the flow reads the address when it runs.
                monkeypatch.setenv("ASPECTS_DASK_ADDRESS", cluster.scheduler_address)
                get_settings.cache_clear()
                assert isinstance(task_runner(), DaskTaskRunner)
                state = learning_loop(str(inbox), sync=False, return_state=True)
                assert cluster.scheduler.transition_counter > 0  # the stages ran on the cluster
        assert state.is_completed(), state
        assert [stage_status(v) for v in state.result()["videos"]] == [{s: "computed" for s in ALL}] * 2
        results[mode] = learned_entries(get_settings().duckdb_path)
    get_settings.cache_clear()
    assert results["threads"]["observations"]
    assert results["dask"] == results["threads"]


def test_cli_learn_and_loop_print_one_line_per_stage(prefect_api, data_dir, videos, tmp_path, capsys):
    from aspects.cli import main

    assert main(["learn", str(videos["red"]), "--window", "0.5"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[1:3] for line in out[:5]] == [[s, "computed"] for s in ALL]
    assert out[5].startswith("red.mp4  timeline  ") and out[5].endswith(".png")

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "again.mp4").write_bytes(videos["red"].read_bytes())  # same content: a learned video, found by sha256
    (inbox / "clip.mp4").write_bytes(videos["clip"].read_bytes())
    assert main(["loop", "--inbox", str(inbox)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[:3] for line in out[:5]] == [["clip.mp4", s, "computed"] for s in ALL]
    assert out[6] == f"{inbox}: 1 video(s) learned"
    assert out[7].startswith("sync: ") and "D1 sqlite" in out[7]
    assert main(["loop", "--inbox", str(inbox), "--no-sync"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"{inbox}: nothing new"]


def test_loop_reports_a_failed_sync_and_fails(prefect_api, data_dir, videos, tmp_path, monkeypatch, capsys):
    from aspects.cli import main
    from tests.flows_support import free_port

    monkeypatch.setenv("ASPECTS_D1_TARGET", "worker")
    monkeypatch.setenv("ASPECTS_D1_URL", f"http://127.0.0.1:{free_port()}")  # nothing listens there
    monkeypatch.setenv("ASPECTS_D1_TOKEN", "test-token")
    monkeypatch.setenv("ASPECTS_D1_MAX_ATTEMPTS", "1")
    get_settings.cache_clear()
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "red.mp4").write_bytes(videos["red"].read_bytes())
    assert main(["loop", "--inbox", str(tmp_path / "inbox")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-2] == f"{tmp_path / 'inbox'}: 1 video(s) learned"  # learning does not depend on D1 being reachable
    assert out[-1].startswith("sync: failed: ")
