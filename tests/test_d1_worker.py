"""Sync through the project's Worker running under ``wrangler dev`` (workerd, a real local D1).

One Worker serves the whole module (started here on a free loopback port with a
temporary persist dir, stopped at the end); each test starts from an empty D1.
End states are compared with an uninterrupted sync of identical stores into the
embedded ``sqlite`` target, which runs the same statements on plain SQLite.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest

from registries.d1.client import D1AuthError, D1Client, HttpTarget, SqliteTarget, Statement, migration_files
from registries.d1.sync import pull_store, store_status, sync_store
from tests.d1_fixtures import FaultProxy, bulk_store, counts_consistent, dump_d1, learn, local_names, naming_b, reset_d1, start_worker

pytestmark = pytest.mark.timeout(180)


@pytest.fixture(scope="module")
def worker(tmp_path_factory):
    local = start_worker(tmp_path_factory.mktemp("wrangler"))
    yield local
    local.stop()


def worker_client(url: str, token: str, *, per_request: int = 50, interval_s: float = 0.0, backoff_base_s: float = 0.5) -> D1Client:
    target = HttpTarget(f"{url}/query", token, identity=f"worker:{url}", timeout_s=30, max_attempts=6, interval_s=interval_s, backoff_base_s=backoff_base_s)
    return D1Client(target, statements_per_request=per_request)


@pytest.fixture
def d1(worker):
    """A client straight to the Worker, on an emptied D1."""
    with worker_client(worker.url, worker.token) as client:
        reset_d1(client)
        yield client


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """Learned once, copied per test: a (videos 0-5), b (3-8, its own names), c (0-8, everything)."""
    folder = tmp_path_factory.mktemp("stores")
    learn(folder / "a.duckdb", range(0, 6))
    learn(folder / "b.duckdb", range(3, 9), naming=naming_b)
    learn(folder / "c.duckdb", range(0, 9))

    def copy(name: str, destination: Path) -> Path:
        target = destination / f"{name}.duckdb"
        shutil.copy(folder / f"{name}.duckdb", target)
        return target

    return copy


def reference(tmp_path: Path, stores, *names: str, with_names: bool = True) -> tuple[dict, dict]:
    """D1 after clean syncs of copies of ``names`` (in order) into a fresh embedded target, and the last store's names."""
    folder = tmp_path / "reference"
    folder.mkdir(exist_ok=True)
    with D1Client(SqliteTarget(folder / "d1.sqlite")) as client:
        for name in names:
            path = stores(name, folder)
            sync_store(path, client)
        return dump_d1(client, names=with_names), local_names(path)


def test_sync_twice_leaves_the_worker_d1_unchanged(d1, stores, tmp_path, worker):
    a = stores("a", tmp_path)
    first = sync_store(a, d1)
    after_first = dump_d1(d1)
    assert sync_store(a, d1).requests == 0
    assert dump_d1(d1) == after_first
    resent = sync_store(a, d1, full=True)
    assert resent.entries == first.entries and resent.requests >= 2
    assert dump_d1(d1) == after_first
    assert after_first == reference(tmp_path, stores, "a")[0]
    # wrangler applied the migrations; the client found them recorded and applied nothing twice.
    assert [r["name"] for r in d1.batch([Statement("SELECT name FROM d1_migrations")])[0].results] == [p.name for p in migration_files()]


SYNC_IN_SUBPROCESS = "from registries.d1.sync import sync; print(sync().summary())"


@pytest.mark.parametrize("forwarded_before_kill", [3, 11])
def test_a_sync_killed_between_batches_converges_when_run_again(d1, stores, tmp_path, worker, forwarded_before_kill):
    sync_store(stores("b", tmp_path), d1)  # another machine got there first: names are arbitrated too
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    a = stores("a", tmp_path)
    a.rename(data_dir / "aspects.duckdb")
    a = data_dir / "aspects.duckdb"
    with FaultProxy(worker.url, hold_after=forwarded_before_kill) as proxy:
        env = {
            **os.environ,
            "ASPECTS_DATA_DIR": str(data_dir),
            "ASPECTS_D1_TARGET": "worker",
            "ASPECTS_D1_URL": proxy.url,
            "ASPECTS_D1_TOKEN": worker.token,
            "ASPECTS_D1_STATEMENTS_PER_REQUEST": "4",
            "ASPECTS_D1_REQUEST_INTERVAL_S": "0",
        }
        process = subprocess.Popen([sys.executable, "-c", SYNC_IN_SUBPROCESS], cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        try:
            assert proxy.holding.wait(60), f"the sync never reached request {forwarded_before_kill + 1}: {process.communicate(timeout=5)[0]!r}"
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(10)
        identity = f"worker:{proxy.url}"
        partial = dump_d1(d1)
        status = store_status(a, identity)
        assert status["last_sync"] is None and sum(status["pending"].values()) > 0  # the outbox was not acknowledged
        proxy.release()
        with worker_client(proxy.url, worker.token, per_request=4) as again:
            sync_store(a, again)
            assert sum(store_status(a, identity)["pending"].values()) == 0
    expected, expected_names = reference(tmp_path, stores, "b", "a")
    assert partial != expected
    assert dump_d1(d1) == expected and counts_consistent(expected)
    assert local_names(a) == expected_names


def test_500_and_429_are_retried_and_the_end_state_is_the_same(d1, stores, tmp_path, worker):
    a = stores("a", tmp_path)

    def fault(n: int):
        if n % 5 == 0:
            return ("after", 500, {})  # the Worker committed, the answer is lost: the retry re-applies it
        if n % 3 == 0:
            return ("before", 503, {})
        if n % 4 == 0:
            return ("before", 429, {"Retry-After": "0"})
        return None

    # A short backoff keeps the test quick; its growth and jitter are checked in test_d1_client.
    with FaultProxy(worker.url, fault=fault) as proxy, worker_client(proxy.url, worker.token, per_request=4, backoff_base_s=0.05) as client:
        report = sync_store(a, client)
    assert proxy.faults >= 5 and report.requests == proxy.seen
    assert dump_d1(d1) == reference(tmp_path, stores, "a")[0]


def test_a_permanent_401_fails_fast_and_keeps_the_outbox(d1, stores, tmp_path, worker):
    a = stores("a", tmp_path)
    with worker_client(worker.url, "not-the-token") as client:
        pending = store_status(a, client.identity)["pending"]
        started = time.monotonic()
        with pytest.raises(D1AuthError) as caught:
            sync_store(a, client)
        assert time.monotonic() - started < 5 and client.requests_sent == 1
        assert "HTTP 401" in str(caught.value) and "bearer token" in str(caught.value)
        assert store_status(a, client.identity)["pending"] == pending and sum(pending.values()) > 0
    assert dump_d1(d1)["entries"] == []


def test_two_machines_syncing_at_once_add_up_to_one_that_saw_everything(d1, stores, tmp_path, worker):
    a, b = stores("a", tmp_path), stores("b", tmp_path)
    errors = []

    def run(path: Path) -> None:
        try:
            with worker_client(worker.url, worker.token, per_request=3) as client:
                sync_store(path, client)
        except Exception as exc:  # surfaced below with the thread's store
            errors.append((path.name, exc))

    threads = [threading.Thread(target=run, args=(p,)) for p in (a, b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not any(thread.is_alive() for thread in threads), "a sync still running after 120 s"
    assert not errors
    merged = dump_d1(d1, names=False)
    expected = reference(tmp_path, stores, "c", with_names=False)[0]
    # Sources are the first writer's (documented); everything else merges to the same values.
    for dump in (merged, expected):
        for row in dump["entries"]:
            del row["sources"]
    assert merged == expected
    assert sum(r["total_count"] for r in merged["aspect_totals"]) > 0

    d1_names = {(r["aspect"], r["key"]): r["name"] for r in dump_d1(d1)["entries"]}
    for path in (a, b):
        pull_store(path, d1)
        assert local_names(path) == d1_names
    assert max(Counter((aspect, name) for (aspect, _), name in d1_names.items()).values()) == 1


BAD_INSERT = {"sql": "INSERT INTO entries (aspect, key, name, value) VALUES (?, ?, ?, ?)", "params": ["static.color", "bad", "bad", "{}"]}


def test_bad_requests_get_4xx_and_change_nothing(d1, worker):
    before = dump_d1(d1)
    url, auth = f"{worker.url}/query", {"Authorization": f"Bearer {worker.token}"}
    cases = [
        ("no token", 401, dict(json={"batch": [BAD_INSERT]})),
        ("wrong token", 401, dict(json={"batch": [BAD_INSERT]}, headers={"Authorization": "Bearer nope"})),
        ("malformed JSON", 400, dict(content=b'{"batch": [', headers=auth)),
        ("not an object", 400, dict(json=[BAD_INSERT], headers=auth)),
        ("empty batch", 400, dict(json={"batch": []}, headers=auth)),
        ("too many statements", 413, dict(json={"batch": [BAD_INSERT] * 101}, headers=auth)),
        ("too many parameters", 400, dict(json={"batch": [{"sql": BAD_INSERT["sql"], "params": ["x"] * 101}]}, headers=auth)),
        ("object parameter", 400, dict(json={"batch": [{"sql": BAD_INSERT["sql"], "params": [{"a": 1}, "k", "n", "{}"]}]}, headers=auth)),
        ("body too large", 413, dict(json={"batch": [{"sql": BAD_INSERT["sql"], "params": ["x" * 600_000, "k", "n", "y" * 600_000]}]}, headers=auth)),
        ("bad SQL after a good insert: the batch rolls back", 400, dict(json={"batch": [BAD_INSERT, {"sql": "INSERT INTO nowhere VALUES (1)"}]}, headers=auth)),
    ]
    for label, status, kwargs in cases:
        answer = httpx.post(url, timeout=10, **kwargs)
        assert answer.status_code == status, (label, answer.text)
        body = answer.json()
        assert body["success"] is False and body["errors"][0]["message"], label
    assert httpx.get(url, timeout=10).status_code == 405
    assert httpx.get(f"{worker.url}/nowhere", timeout=10).status_code == 404
    assert httpx.get(f"{worker.url}/health", timeout=10).json() == {"ok": True, "migrations": len(migration_files())}
    assert dump_d1(d1) == before


def test_throughput_and_requests_per_typical_video(d1, tmp_path, worker, capsys):
    """Measured with the default request settings (50 statements per request, 0.1 s pacing)."""
    typical = tmp_path / "typical.duckdb"
    bulk_store(typical, entries=300, observations_per_entry=2)  # ~ one video's discoveries: 300 entries, 600 observations
    large = tmp_path / "large.duckdb"
    bulk_store(large, entries=5000, observations_per_entry=2)
    with worker_client(worker.url, worker.token, per_request=50, interval_s=0.1) as client:
        client.migrate()
        video = sync_store(typical, client)
        reset_d1(client)
        started = time.monotonic()
        report = sync_store(large, client)
        seconds = time.monotonic() - started
        totals = dump_d1(client)["aspect_totals"]
    assert (video.entries, video.observations, video.discoveries) == (300, 600, 300)
    assert video.requests == 3  # 30 entry statements | 38 observation + 12 discovery + 1 bookkeeping statements
    assert sum(t["entries"] for t in totals) == 5000 and sum(t["total_count"] for t in totals) == sum(1 + (i + j) % 30 for i in range(5000) for j in range(2))
    with capsys.disabled():
        print(
            f"\nD1 worker: typical video (300 entries, 600 observations, 300 discoveries) = {video.requests} requests, {video.seconds:.2f} s;"
            f" 5000 entries + 10000 observations + 5000 discoveries in {report.requests} requests, {seconds:.2f} s"
            f" = {report.entries / seconds:.0f} entries/s ({(report.entries + report.observations + report.discoveries) / seconds:.0f} rows/s)"
        )
