"""aspects.store.connect: several processes opening one DuckDB file that does not exist yet.

Before the open lock, a process opening the file while another was still creating it
read a half-written header ("exists, but it is not a valid DuckDB database file"):
about one start in 30 with three processes; this test's 15 rounds of four processes
started at one barrier fail on that code most runs.

Every child puts exactly one report (its insert closed, or its error) and the parent
reads the table only once every child is known to have exited: a child that died
without a word, one still running, an error and a lost write each fail the round
under their own name (session 14 saw a round read 3 rows with nothing reported).
The children come from a fork server, not from the test process: a fork of the
suite's worker (Prefect, uvicorn and DuckDB threads) can inherit a lock another
thread held, and that child waits forever.
"""

from __future__ import annotations

import fcntl
import multiprocessing as mp
import os
import queue
import threading
import time

import pytest

from aspects.store import StoreLockedError, _is_lock_error, connect

ROUNDS = 15
PROCESSES = 4
CHILDREN_WAIT_S = 600.0  # seconds a round's children get to finish: on a quiet machine they take well under one; only a hang should reach this
BARRIER_WAIT_S = 300.0  # seconds a child waits for its siblings to start (a sibling that died before the barrier breaks it: reported, not a hang)
STUCK_OPENER_WAIT_S = 60.0  # seconds a connect(wait_s=0.5) gets to give up on an open lock that is never released (old code: for ever)
REPORT_WAIT_S = 10.0  # seconds to read a report that an exited child has already written (it is in the pipe: only a missing one waits this long)


def _open_and_insert(db_path: str, barrier, reports) -> None:
    """Open ``db_path`` at the barrier, insert one row, and report ``("ok", pid)`` once the connection is closed, else the error."""
    try:
        barrier.wait(BARRIER_WAIT_S)
        with connect(db_path) as con:
            con.execute("CREATE TABLE IF NOT EXISTS t (x INTEGER)")
            con.execute("INSERT INTO t VALUES (1)")
    except BaseException as exc:  # reported to the parent, which fails the round with it
        reports.put(("error", os.getpid(), f"{type(exc).__name__}: {exc}"))
        raise
    reports.put(("ok", os.getpid(), ""))


def _fates(procs: list) -> list[str]:
    """Each child's pid and how it ended (exit code, or still running)."""
    return [f"{p.pid}: {'still running' if p.is_alive() else f'exit code {p.exitcode}'}" for p in procs]


def _reports(reports, count: int) -> list[tuple[str, int, str]]:
    """Up to ``count`` reports; call once every child has exited (no report can arrive later)."""
    found = []
    for _ in range(count):
        try:
            found.append(reports.get(timeout=REPORT_WAIT_S))
        except queue.Empty:
            break
    return found


@pytest.mark.skipif("forkserver" not in mp.get_all_start_methods(), reason="needs a fork server: children start at once, without re-importing")
def test_processes_creating_one_store_at_once_all_succeed(tmp_path):
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["duckdb", "aspects.store", __name__])  # the children start with these loaded (fork server)
    for n in range(ROUNDS):
        db_path = str(tmp_path / f"store{n}.duckdb")
        barrier = ctx.Barrier(PROCESSES)
        reports = ctx.Queue()
        procs = [ctx.Process(target=_open_and_insert, args=(db_path, barrier, reports)) for _ in range(PROCESSES)]
        for p in procs:
            p.start()
        try:
            deadline = time.monotonic() + CHILDREN_WAIT_S
            for p in procs:
                p.join(max(0.0, deadline - time.monotonic()))
            fates = _fates(procs)
            assert not any(p.is_alive() for p in procs), f"round {n}: children still running after {CHILDREN_WAIT_S:.0f} s: {fates}"
        finally:
            for p in procs:
                if p.is_alive():
                    p.kill()
                    p.join()
        found = _reports(reports, PROCESSES)
        errors = [f"{pid}: {text}" for status, pid, text in found if status != "ok"]
        assert errors == [], f"round {n}: {errors} ({fates})"
        assert [p.exitcode for p in procs] == [0] * PROCESSES and len(found) == PROCESSES, f"round {n}: {len(found)} reports, {fates}"
        with connect(db_path) as con:
            rows = con.execute("SELECT count(*) FROM t").fetchone()[0]
        assert rows == PROCESSES, f"round {n}: every child reported its insert closed and exited 0, the table holds {rows} rows"


def test_a_process_stuck_while_opening_costs_the_others_wait_s_not_for_ever(tmp_path):
    """The open lock is waited for within ``wait_s`` too: a holder that hangs (here this test holds it) gives StoreLockedError."""
    db_path = tmp_path / "store.duckdb"
    outcome: list = []

    def open_it() -> None:
        try:
            with connect(db_path, wait_s=0.5):
                outcome.append("opened")
        except StoreLockedError as exc:
            outcome.append(exc)

    with open(db_path.with_name(db_path.name + ".open-lock"), "a") as holder:
        fcntl.flock(holder, fcntl.LOCK_EX)  # another open file description: conflicts even within this process
        opener = threading.Thread(target=open_it, daemon=True)
        opener.start()
        opener.join(STUCK_OPENER_WAIT_S)
        stuck = opener.is_alive()
        fcntl.flock(holder, fcntl.LOCK_UN)
    opener.join()
    assert not stuck, f"connect(wait_s=0.5) still waiting for the open lock after {STUCK_OPENER_WAIT_S:.0f} s"
    assert len(outcome) == 1 and isinstance(outcome[0], StoreLockedError), outcome


def test_only_duckdbs_lock_messages_are_waited_out():
    held = 'IO Error: Could not set lock on file "/x/aspects.duckdb": Conflicting lock is held in /usr/bin/python3 (PID 42)'
    damaged = "IO Error: Corrupt database file: computed checksum 1 does not match stored checksum 2 in block at location 3"
    assert _is_lock_error(Exception(held))
    assert not _is_lock_error(Exception(damaged))
