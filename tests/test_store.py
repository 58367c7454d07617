"""aspects.store.connect: several processes opening one DuckDB file that does not exist yet.

Before the open lock, a process opening the file while another was still creating it
read a half-written header ("exists, but it is not a valid DuckDB database file"):
about one start in 30 with three processes; this test's 15 rounds of four processes
started at one barrier fail on that code most runs.
"""

from __future__ import annotations

import multiprocessing as mp

import pytest

from aspects.store import connect

ROUNDS = 15
PROCESSES = 4


def _open_and_insert(db_path: str, barrier, errors) -> None:
    barrier.wait()
    try:
        with connect(db_path, wait_s=60) as con:
            con.execute("CREATE TABLE IF NOT EXISTS t (x INTEGER)")
            con.execute("INSERT INTO t VALUES (1)")
    except Exception as exc:  # reported to the parent, which fails the test with it
        errors.put(f"{type(exc).__name__}: {exc}")


@pytest.mark.skipif("fork" not in mp.get_all_start_methods(), reason="needs fork: children start at once, without re-importing")
def test_processes_creating_one_store_at_once_all_succeed(tmp_path):
    ctx = mp.get_context("fork")
    errors = ctx.Queue()
    for n in range(ROUNDS):
        db_path = str(tmp_path / f"store{n}.duckdb")
        barrier = ctx.Barrier(PROCESSES)
        procs = [ctx.Process(target=_open_and_insert, args=(db_path, barrier, errors)) for _ in range(PROCESSES)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(timeout=120)
        found = []
        while not errors.empty():
            found.append(errors.get())
        assert found == [], f"round {n}: {found}"
        with connect(db_path) as con:
            assert con.execute("SELECT count(*) FROM t").fetchone() == (PROCESSES,)
