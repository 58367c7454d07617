"""The one way to open the project's DuckDB file.

DuckDB allows one read-write process per file at a time. Every user of the
store (stage cache, registries, sync outbox) opens a short-lived connection
through :func:`connect`, which waits and retries while another process holds
the lock instead of crashing, and closes it as soon as the work is done.

Opening is serialised across processes by an advisory lock on a sibling file
(``<name>.open-lock``): a process that opens the file while another is still
creating it would otherwise read a half-written header ("exists, but it is not
a valid DuckDB database file").
"""

from __future__ import annotations

import fcntl
import logging
import random
import re
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

log = logging.getLogger(__name__)

LOCK_WAIT_S = 120.0
OPEN_LOCK_POLL_S = 0.02  # seconds between tries of the open lock (held for the milliseconds an open takes)


class StoreLockedError(RuntimeError):
    """The DuckDB file stayed locked by another process for longer than allowed."""


def _is_lock_error(exc: Exception) -> bool:
    """DuckDB's "Could not set lock … Conflicting lock is held" (or Windows' "being used by another process").

    "lock" as a word: a damaged file's "… in block at location …" is an error to raise, not a lock to wait out.
    """
    text = str(exc).lower()
    return re.search(r"\block\b", text) is not None or "conflicting" in text or "being used" in text


def lock_within(handle: IO[str], deadline: float, message: str) -> None:
    """Take an exclusive advisory lock (``flock``) on ``handle``, tried without blocking until ``deadline``
    (``time.monotonic()``), then :class:`StoreLockedError` with ``message``: a holder that hangs must not stop every other
    process for ever."""
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise StoreLockedError(message) from None
            time.sleep(OPEN_LOCK_POLL_S * (0.5 + random.random()))


@contextmanager
def _open_lock(db_path: Path, deadline: float, wait_s: float) -> Iterator[None]:
    """Hold an exclusive advisory lock on ``<db_path>.open-lock`` while the DuckDB file is opened (or created).

    Waited for until ``deadline`` (``time.monotonic()``), then :class:`StoreLockedError`: a process that hangs while it
    holds this lock (seen: a forked child deadlocked inside ``duckdb.connect``) must not stop every other user of the
    store for ever. Where the lock file cannot be made (a read-only folder), the file is opened without it.
    """
    try:
        handle = open(db_path.with_name(db_path.name + ".open-lock"), "a")  # noqa: SIM115 (closed below)
    except OSError:
        handle = None
    if handle is None:
        yield
        return
    with handle:
        lock_within(handle, deadline, f"{db_path}: another process has been opening it for more than {wait_s:.0f} s")
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def connect(db_path: str | Path, *, read_only: bool = False, wait_s: float = LOCK_WAIT_S) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open ``db_path`` (creating its folder), retrying with jittered backoff while locked.

    ``wait_s`` bounds the whole wait, for the open lock and for DuckDB's own lock: past it, :class:`StoreLockedError`.

    The connection is closed on exit; callers wrap multi-statement writes in
    ``BEGIN``/``COMMIT`` (or use :func:`transaction`).
    """
    import duckdb  # imported on first use: ``aspects analyze`` without a store never needs it

    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_s
    delay = 0.02
    while True:
        try:
            with _open_lock(db_path, deadline, wait_s):
                con = duckdb.connect(str(db_path), read_only=read_only and db_path.exists())
            break
        except duckdb.IOException as exc:
            if not _is_lock_error(exc) or time.monotonic() > deadline:
                if _is_lock_error(exc):
                    raise StoreLockedError(f"{db_path}: still locked by another process after {wait_s:.0f} s") from exc
                raise
            log.debug("%s locked, retrying in %.2f s", db_path, delay)
            time.sleep(delay * (0.5 + random.random()))
            delay = min(delay * 2, 1.0)
    try:
        yield con
    finally:
        con.close()


@contextmanager
def transaction(db_path: str | Path, **kwargs) -> Iterator[duckdb.DuckDBPyConnection]:
    """:func:`connect` plus one transaction: committed on success, rolled back on any error."""
    with connect(db_path, **kwargs) as con:
        con.execute("BEGIN TRANSACTION")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")


def create_tables(con: duckdb.DuckDBPyConnection, ddl: str | Iterable[str]) -> None:
    """Run idempotent ``CREATE … IF NOT EXISTS`` statements (one string, or several) through ``con``."""
    for statement in [ddl] if isinstance(ddl, str) else ddl:
        con.execute(statement)


_created: set[tuple[str, str]] = set()
_created_lock = threading.Lock()


def ensure_tables(db_path: str | Path, ddl: str) -> None:
    """:func:`create_tables` on ``db_path``, once per file and process.

    Concurrent ``CREATE TABLE IF NOT EXISTS`` from two threads of one process
    conflict in DuckDB's catalog, so threads take turns and later calls skip it.
    """
    marker = (str(Path(db_path).resolve()), ddl)
    if marker in _created:
        return
    with _created_lock:
        if marker not in _created:
            with connect(db_path) as con:
                create_tables(con, ddl)
            _created.add(marker)
