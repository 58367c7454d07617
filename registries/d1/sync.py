"""Idempotent sync of the local registry store (DuckDB) to D1, and pull back.

What is pending is everything whose ``change_seq`` is above the last sequence
D1 acknowledged for this target (``d1_sync_state``): the registry store bumps
``change_seq`` on every change, so that watermark is the outbox. A sync

1. reads the pending entries, observations and discoveries (one snapshot),
2. upserts the entries; D1 answers with the name it keeps for each key (the
   first machine to post a key names it), and the local store adopts those
   names,
3. upserts the observations, recomputes ``entry_counts`` (the explorer's
   per-entry totals) of their keys from D1's observations, and upserts the
   discoveries,
4. only then moves the watermark.

Every statement is an upsert that converges whatever the order and however
often it is applied (counts are per (entry, video) and merged with ``max``,
first/last seen with ``min``/``max``, the earliest discovery wins), so a sync
cut off anywhere and run again, or two machines syncing at once, leave D1 the
same as one clean sync.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from aspects.errors import AspectsError
from aspects.settings import Settings, get_settings
from aspects.store import create_tables, transaction
from registries.d1.client import (
    MAX_PARAMS_PER_STATEMENT,
    MAX_REQUEST_BYTES,
    MAX_STATEMENT_BYTES,
    D1Client,
    D1StatementError,
    Statement,
    client_from_settings,
)
from registries.store import ensure_schema, export_json

log = logging.getLogger(__name__)

REGISTRY_TABLES = ("registry_entries", "registry_observations", "discoveries")
PULL_PAGE_ROWS = 500

LOCAL_DDL = (
    # One id per local store, so D1's sync_stores tells machines apart.
    "CREATE TABLE IF NOT EXISTS d1_store (store_id VARCHAR NOT NULL)",
    # The outbox watermark: rows with change_seq > last_seq are pending for that target.
    """CREATE TABLE IF NOT EXISTS d1_sync_state (
        target VARCHAR PRIMARY KEY,
        last_seq BIGINT NOT NULL,
        last_sync_at TIMESTAMP,
        entries BIGINT,
        observations BIGINT,
        discoveries BIGINT,
        requests BIGINT
    )""",
    # Rows a target could not take (over D1's limits, or rejected): left out so the rest goes through.
    """CREATE TABLE IF NOT EXISTS d1_rejected (
        target VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        aspect VARCHAR NOT NULL,
        key VARCHAR NOT NULL,
        video_sha256 VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        rejected_at TIMESTAMP NOT NULL,
        PRIMARY KEY (target, kind, aspect, key, video_sha256)
    )""",
)
MAX_REJECTED_REASON_CHARS = 300

ENTRY_COLUMNS = 10  # aspect, key, name, fallback name, value, depth_breakdown, primitive, first_seen, last_seen, sources
OBSERVATION_COLUMNS = 7  # aspect, key, video_sha256, count, first_seen, last_seen, generation
DISCOVERY_COLUMNS = 4  # aspect, key, video_sha256, discovered_at
GENERATION_COLUMNS = 2  # video_sha256, generation
MESSAGE_KEY_CHARS = 60  # a key (a narrative key is the value itself) is cut to this in messages


def _placeholders(rows: int, columns: int) -> str:
    group = "(" + ", ".join(["?"] * columns) + ")"
    return ", ".join([group] * rows)


def _min_sql(a: str, b: str) -> str:
    """SQLite's min() is NULL if either side is; keep the non-NULL one instead."""
    return f"min(coalesce({a}, {b}), coalesce({b}, {a}))"


def _max_sql(a: str, b: str) -> str:
    return f"max(coalesce({a}, {b}), coalesce({b}, {a}))"


def entry_upsert_sql(rows: int) -> str:
    """Upsert of ``rows`` entries, returning the name D1 keeps for each.

    A new key takes the sender's name unless another key already holds it in
    that aspect; then it takes the fallback name (the name plus a hash of the
    key). An existing key keeps its name: the first writer wins.
    """
    return (
        "INSERT INTO entries (aspect, key, name, value, depth_breakdown, primitive, first_seen, last_seen, sources) "
        "SELECT v.column1, v.column2, "
        "CASE WHEN EXISTS (SELECT 1 FROM entries e WHERE e.aspect = v.column1 AND e.name = v.column3 AND e.key <> v.column2) "
        "THEN v.column4 ELSE v.column3 END, "
        "v.column5, v.column6, v.column7, v.column8, v.column9, v.column10 "
        f"FROM (VALUES {_placeholders(rows, ENTRY_COLUMNS)}) AS v WHERE true "
        "ON CONFLICT (aspect, key) DO UPDATE SET "
        "primitive = max(entries.primitive, excluded.primitive), "
        f"first_seen = {_min_sql('entries.first_seen', 'excluded.first_seen')}, "
        f"last_seen = {_max_sql('entries.last_seen', 'excluded.last_seen')} "
        "RETURNING aspect, key, name"
    )


def observation_upsert_sql(rows: int) -> str:
    """Upsert of ``rows`` per-(entry, video) counts: the count is that video's value, never added.

    The newer generation (analysis) of the video wins; within one generation
    the larger count (a merge that any order of arrival ends at).
    """
    return (
        "INSERT INTO observations (aspect, key, video_sha256, count, first_seen, last_seen, generation) "
        f"VALUES {_placeholders(rows, OBSERVATION_COLUMNS)} "
        "ON CONFLICT (aspect, key, video_sha256) DO UPDATE SET "
        "count = CASE WHEN excluded.generation > observations.generation THEN excluded.count "
        "WHEN excluded.generation < observations.generation THEN observations.count "
        "ELSE max(observations.count, excluded.count) END, "
        "generation = max(observations.generation, excluded.generation), "
        f"first_seen = {_min_sql('observations.first_seen', 'excluded.first_seen')}, "
        f"last_seen = {_max_sql('observations.last_seen', 'excluded.last_seen')}"
    )


def generation_upsert_sql(rows: int) -> str:
    """Upsert of ``rows`` video generations: the newest analysis of a video wins (``max``)."""
    return (
        "INSERT INTO video_generations (video_sha256, generation) "
        f"VALUES {_placeholders(rows, GENERATION_COLUMNS)} "
        "ON CONFLICT (video_sha256) DO UPDATE SET generation = max(video_generations.generation, excluded.generation)"
    )


def discovery_upsert_sql(rows: int) -> str:
    """Upsert of ``rows`` discoveries: the earliest (time, video) wins, whoever sends it."""
    return (
        "INSERT INTO discoveries (aspect, key, video_sha256, discovered_at) "
        f"VALUES {_placeholders(rows, DISCOVERY_COLUMNS)} "
        "ON CONFLICT (aspect, key) DO UPDATE SET "
        "video_sha256 = excluded.video_sha256, discovered_at = excluded.discovered_at "
        "WHERE (excluded.discovered_at, excluded.video_sha256) < (discoveries.discovered_at, discoveries.video_sha256)"
    )


def count_refresh_sql(rows: int) -> str:
    """Recompute ``entry_counts`` of ``rows`` (aspect, key) pairs from the current observations (the explorer reads it).

    Sent after the observations and generations it covers, so its result is
    the sum of what D1 holds, whatever order machines sync in. A key no video
    shows any more (its rows belong to older generations) gets 0.
    """
    return (
        "INSERT INTO entry_counts (aspect, key, total_count, videos) "
        "SELECT v.column1, v.column2, coalesce(sum(o.count), 0), count(o.video_sha256) "
        f"FROM (VALUES {_placeholders(rows, 2)}) AS v "
        "LEFT JOIN current_observations o ON o.aspect = v.column1 AND o.key = v.column2 WHERE true GROUP BY v.column1, v.column2 "
        "ON CONFLICT (aspect, key) DO UPDATE SET total_count = excluded.total_count, videos = excluded.videos"
    )


def video_count_refresh_sql(rows: int) -> str:
    """Recompute ``entry_counts`` of every key that ``rows`` videos were ever observed with (after a new generation)."""
    return (
        "INSERT INTO entry_counts (aspect, key, total_count, videos) "
        "SELECT k.aspect, k.key, coalesce(sum(o.count), 0), count(o.video_sha256) "
        "FROM (SELECT DISTINCT aspect, key FROM observations "
        f"WHERE video_sha256 IN (SELECT column1 FROM (VALUES {_placeholders(rows, 1)}))) AS k "
        "LEFT JOIN current_observations o ON o.aspect = k.aspect AND o.key = k.key WHERE true GROUP BY k.aspect, k.key "
        "ON CONFLICT (aspect, key) DO UPDATE SET total_count = excluded.total_count, videos = excluded.videos"
    )


STORE_UPSERT_SQL = (
    "INSERT INTO sync_stores (store_id, last_seq, last_sync_at, entries, observations, discoveries) "
    "VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (store_id) DO UPDATE SET "
    "last_seq = max(sync_stores.last_seq, excluded.last_seq), last_sync_at = excluded.last_sync_at, "
    "entries = excluded.entries, observations = excluded.observations, discoveries = excluded.discoveries"
)


def fallback_name(name: str, key: str) -> str:
    """The name a key gets when another key already holds ``name`` in its aspect (deterministic)."""
    return f"{name}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:6]}"


def _timestamp(value: datetime | None) -> str | None:
    """ISO 8601 with microseconds, so D1 compares timestamps as text in time order."""
    return None if value is None else value.isoformat(sep="T", timespec="microseconds")


def _iso_sql(column: str) -> str:
    """A TIMESTAMP column as the text :func:`_timestamp` makes, formatted by DuckDB (fast for many rows)."""
    return f"strftime({column}, '%Y-%m-%dT%H:%M:%S.%f')"


def row_label(what: str, row: Sequence) -> str:
    """``registry entry narrative.plots/<key>`` for messages, the key cut to :data:`MESSAGE_KEY_CHARS`."""
    key = str(row[1]) if len(row) > 1 else ""
    key = key if len(key) <= MESSAGE_KEY_CHARS else key[:MESSAGE_KEY_CHARS] + "…"
    return f"{what} {row[0]}/{key}"


def chunk_statements(rows: Sequence[tuple], columns: int, make_sql: Callable[[int], str], what: str, *, oversize: Callable[[tuple, str], None] | None = None) -> list[Statement]:
    """Pack ``rows`` into multi-row statements within D1's limits.

    At most ``MAX_PARAMS_PER_STATEMENT`` bound parameters and
    ``MAX_STATEMENT_BYTES`` bytes (SQL plus parameters, as sent) each. Sizes
    are summed per row rather than re-encoding the statement for every row.
    A row that alone exceeds the limit is an error, or, with ``oversize``,
    handed to ``oversize(row, reason)`` and left out.
    """
    per_statement = MAX_PARAMS_PER_STATEMENT // columns
    # JSON size of {"sql": ..., "params": []} for each row count; a row then adds its
    # parameters and their separators, which is what json.dumps(list(row)) measures.
    base_bytes = {n: len(json.dumps(Statement(make_sql(n)).payload(), ensure_ascii=False).encode("utf-8")) for n in range(1, per_statement + 1)}
    statements: list[Statement] = []
    current: list[tuple] = []
    params_bytes = 0
    for row in rows:
        row_bytes = len(json.dumps(list(row), ensure_ascii=False).encode("utf-8"))
        if base_bytes[1] + row_bytes > MAX_STATEMENT_BYTES:
            reason = f"{base_bytes[1] + row_bytes} bytes, over D1's {MAX_STATEMENT_BYTES}-byte statement limit"
            if oversize is None:
                raise AspectsError(f"{row_label(what, row)}: {reason}")
            oversize(row, reason)
            continue
        if current and (len(current) == per_statement or base_bytes[len(current) + 1] + params_bytes + row_bytes > MAX_STATEMENT_BYTES):
            statements.append(Statement(make_sql(len(current)), tuple(p for r in current for p in r)))
            current, params_bytes = [], 0
        current.append(row)
        params_bytes += row_bytes
    if current:
        statements.append(Statement(make_sql(len(current)), tuple(p for r in current for p in r)))
    return statements


def group_requests(statements: Sequence[Statement], per_request: int, max_bytes: int = MAX_REQUEST_BYTES) -> list[list[Statement]]:
    """Split statements into requests of at most ``per_request`` statements and ``max_bytes`` bytes."""
    requests: list[list[Statement]] = []
    current: list[Statement] = []
    size = 0
    for statement in statements:
        statement_size = statement.size_bytes()
        if current and (len(current) >= per_request or size + statement_size > max_bytes):
            requests.append(current)
            current, size = [], 0
        current.append(statement)
        size += statement_size
    if current:
        requests.append(current)
    return requests


@dataclass
class Pending:
    """A snapshot of what the local store has not yet sent to one target."""

    entries: list[tuple]
    observations: list[tuple]
    discoveries: list[tuple]
    max_seq: int
    generations: list[tuple] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.entries) + len(self.observations) + len(self.discoveries)


@dataclass
class SyncReport:
    target: str
    entries: int
    observations: int
    discoveries: int
    requests: int
    renamed: int
    seconds: float
    last_seq: int
    rejected: int = 0  # rows the target could not take, left out and recorded (aspects d1 status)

    def summary(self) -> str:
        if not (self.entries or self.observations or self.discoveries):
            return f"D1 {self.target}: nothing pending (last_seq {self.last_seq})"
        rate = self.entries / self.seconds if self.seconds > 0 else float("inf")
        rejected = f"; {self.rejected} rows rejected (see aspects d1 status)" if self.rejected else ""
        return (
            f"D1 {self.target}: synced {self.entries} entries, {self.observations} observations, "
            f"{self.discoveries} discoveries in {self.requests} requests, {self.seconds:.2f} s "
            f"({rate:.0f} entries/s); {self.renamed} names adopted from D1; last_seq {self.last_seq}{rejected}"
        )

    def as_dict(self) -> dict:
        return asdict(self)


def ensure_local_tables(con: duckdb.DuckDBPyConnection) -> str:
    """Create the sync bookkeeping tables if needed; returns this store's id."""
    create_tables(con, LOCAL_DDL)
    row = con.execute("SELECT store_id FROM d1_store LIMIT 1").fetchone()
    if row:
        return row[0]
    store_id = str(uuid.uuid4())
    con.execute("INSERT INTO d1_store VALUES (?)", [store_id])
    return store_id


def _registry_tables_present(con: duckdb.DuckDBPyConnection) -> bool:
    found = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables WHERE table_name IN (?, ?, ?)", list(REGISTRY_TABLES)).fetchall()}
    if found == set(REGISTRY_TABLES):
        ensure_schema(con)  # a store made before a table was added (video_generations) gets it
        return True
    return False


def last_acknowledged(con: duckdb.DuckDBPyConnection, target: str) -> int:
    row = con.execute("SELECT last_seq FROM d1_sync_state WHERE target = ?", [target]).fetchone()
    return int(row[0]) if row else 0


def read_pending(con: duckdb.DuckDBPyConnection, after_seq: int) -> Pending:
    """Everything with ``change_seq > after_seq``, as rows ready to bind."""
    if not _registry_tables_present(con):
        return Pending([], [], [], after_seq)
    entry_rows = con.execute(
        "SELECT aspect, key, name, CAST(value AS VARCHAR), CAST(depth_breakdown AS VARCHAR), primitive, "
        f"{_iso_sql('first_seen')}, {_iso_sql('last_seen')}, CAST(sources AS VARCHAR), change_seq "
        "FROM registry_entries WHERE change_seq > ? ORDER BY aspect, key",
        [after_seq],
    ).fetchall()
    observation_rows = con.execute(
        f"SELECT o.aspect, o.key, o.video_sha256, o.count, {_iso_sql('o.first_seen')}, {_iso_sql('o.last_seen')}, "
        "coalesce(g.generation, 0), o.change_seq "
        "FROM registry_observations o LEFT JOIN video_generations g ON g.video_sha256 = o.video_sha256 "
        "WHERE o.change_seq > ? ORDER BY o.aspect, o.key, o.video_sha256",
        [after_seq],
    ).fetchall()
    generation_rows = con.execute("SELECT video_sha256, generation, change_seq FROM video_generations WHERE change_seq > ? ORDER BY video_sha256", [after_seq]).fetchall()
    discovery_rows = con.execute(
        f"SELECT aspect, key, video_sha256, {_iso_sql('discovered_at')}, change_seq FROM discoveries WHERE change_seq > ? ORDER BY aspect, key",
        [after_seq],
    ).fetchall()
    seqs = [r[-1] for rows in (entry_rows, observation_rows, discovery_rows, generation_rows) for r in rows]
    entries = [(a, k, n, fallback_name(n, k), v, d, int(bool(p)), fs, ls, s) for a, k, n, v, d, p, fs, ls, s, _ in entry_rows]
    observations = [(a, k, vid, int(c), fs, ls, int(g)) for a, k, vid, c, fs, ls, g, _ in observation_rows]
    discoveries = [row[:4] for row in discovery_rows]
    generations = [(vid, int(g)) for vid, g, _ in generation_rows]
    return Pending(entries, observations, discoveries, max(seqs, default=after_seq), generations)


def pending_counts(con: duckdb.DuckDBPyConnection, after_seq: int) -> dict[str, int]:
    """Pending rows per kind (entries, observations, discoveries)."""
    kinds = dict(zip(("entries", "observations", "discoveries"), REGISTRY_TABLES))
    if not _registry_tables_present(con):
        return {kind: 0 for kind in kinds}
    counts: dict[str, int] = {}
    for kind, table in kinds.items():
        row = con.execute(f"SELECT count(*) FROM {table} WHERE change_seq > ?", [after_seq]).fetchone()
        assert row is not None  # an aggregate query always returns one row
        counts[kind] = row[0]
    return counts


def adopt_names(con: duckdb.DuckDBPyConnection, names: dict[tuple[str, str], str]) -> int:
    """Give local entries the names D1 keeps; returns how many local names changed.

    A local entry that D1 has not seen yet but whose name D1 gave to another key
    takes its fallback name (what D1 will give it when it is posted), so names
    stay unique within an aspect locally too.
    """
    aspects = sorted({aspect for aspect, _ in names})
    if not aspects:
        return 0
    current = {(a, k): n for a, k, n in con.execute(f"SELECT aspect, key, name FROM registry_entries WHERE aspect IN ({', '.join(['?'] * len(aspects))})", aspects).fetchall()}
    final = dict(current)
    final.update({k: n for k, n in names.items() if k in current})
    holders: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for (aspect, key), name in final.items():
        holders[(aspect, name)].append((aspect, key))
    for (_aspect, name), keys in holders.items():
        if len(keys) > 1:
            for entry in keys:
                if entry not in names:
                    final[entry] = fallback_name(name, entry[1])
    changes = [(name, aspect, key) for (aspect, key), name in final.items() if current[(aspect, key)] != name]
    if changes:
        con.executemany("UPDATE registry_entries SET name = ? WHERE aspect = ? AND key = ?", changes)
        con.executemany("UPDATE discoveries SET name = ? WHERE aspect = ? AND key = ?", changes)
    return len(changes)


@dataclass(frozen=True)
class RowKind:
    """How one kind of row is sent: its label, columns, statement, and which columns identify it."""

    what: str
    columns: int
    make_sql: Callable[[int], str]
    identity: Callable[[tuple], tuple[str, str, str]]  # (aspect, key, video_sha256) of a row


ENTRY_KIND = RowKind("registry entry", ENTRY_COLUMNS, entry_upsert_sql, lambda r: (r[0], r[1], ""))
OBSERVATION_KIND = RowKind("observation", OBSERVATION_COLUMNS, observation_upsert_sql, lambda r: (r[0], r[1], r[2]))
DISCOVERY_KIND = RowKind("discovery", DISCOVERY_COLUMNS, discovery_upsert_sql, lambda r: (r[0], r[1], r[2]))
GENERATION_KIND = RowKind("video generation", GENERATION_COLUMNS, generation_upsert_sql, lambda r: ("", "", r[0]))
COUNT_KIND = RowKind("entry count", 2, count_refresh_sql, lambda r: (r[0], r[1], ""))
VIDEO_COUNT_KIND = RowKind("video entry counts", 1, video_count_refresh_sql, lambda r: ("", "", r[0]))
BOOKKEEPING_KIND = RowKind("sync bookkeeping", 6, lambda rows: STORE_UPSERT_SQL, lambda r: ("", "", r[0]))


class Outbox:
    """Statements for the target, each knowing the rows it carries; rows the target cannot take are set aside.

    A row over D1's statement limit is never sent. A request the target
    rejects (:class:`D1StatementError`: bad SQL, a constraint, a limit) is
    split into its statements, and a failed multi-row statement into single
    rows, so only the rows the target refuses on their own are left out and
    every other row goes through. When nothing of a request of several rows
    goes through, the fault is not a row's (a schema mismatch, say) and the
    error is raised instead. Auth and availability errors are never split.
    """

    def __init__(self, client: D1Client) -> None:
        self.client = client
        self.statements: list[Statement] = []
        self.kinds: dict[Statement, RowKind] = {}
        self.rejected: list[tuple[str, tuple[str, str, str], str]] = []  # (kind, identity, reason)

    def add(self, rows: Sequence[tuple], kind: RowKind) -> None:
        for statement in chunk_statements(rows, kind.columns, kind.make_sql, kind.what, oversize=lambda row, why: self.reject(kind, row, why)):
            self.add_statement(statement, kind)

    def add_statement(self, statement: Statement, kind: RowKind) -> None:
        self.statements.append(statement)
        self.kinds[statement] = kind

    def reject(self, kind: RowKind, row: tuple, reason: str) -> None:
        reason = reason[:MAX_REJECTED_REASON_CHARS]
        log.warning("D1 %s: %s left out: %s", self.client.identity, row_label(kind.what, row), reason)
        self.rejected.append((kind.what, kind.identity(row), reason))

    def send(self) -> Iterable[dict]:
        """Send everything added so far; yields every row the statements return."""
        statements, self.statements = self.statements, []
        for request in group_requests(statements, self.client.statements_per_request):
            try:
                answers = self.client.batch(request)
            except D1StatementError as exc:
                yield from self._one_by_one(request, exc)
                continue
            for answer in answers:
                yield from answer.results

    def _rows(self, statement: Statement) -> list[tuple]:
        columns = self.kinds[statement].columns
        return [tuple(statement.params[i : i + columns]) for i in range(0, len(statement.params), columns)]

    def _try(self, statement: Statement) -> list[dict] | None:
        try:
            return [r for answer in self.client.batch([statement]) for r in answer.results]
        except D1StatementError as exc:
            self._last_reason = exc.reason
            return None

    def _one_by_one(self, request: list[Statement], error: D1StatementError) -> Iterable[dict]:
        results: list[dict] = []
        passed = 0
        refused: list[tuple[RowKind, tuple, str]] = []
        for statement in request:
            kind = self.kinds[statement]
            rows = self._rows(statement)
            answer = self._try(statement)
            if answer is not None:
                results += answer
                passed += len(rows)
                continue
            if len(rows) == 1:
                refused.append((kind, rows[0], self._last_reason))
                continue
            for row in rows:
                answer = self._try(Statement(kind.make_sql(1), row))
                if answer is None:
                    refused.append((kind, row, self._last_reason))
                else:
                    results += answer
                    passed += 1
        if not passed and len(refused) > 1:
            raise error
        for kind, row, reason in refused:
            self.reject(kind, row, reason)
        yield from results


def sync_store(duckdb_path: str | Path, client: D1Client, *, full: bool = False) -> SyncReport:
    """Post what is pending in the store at ``duckdb_path`` to ``client``'s D1.

    ``full`` re-sends everything (for a D1 that was reset); harmless otherwise.
    The DuckDB file is opened only briefly, never while waiting on the network.
    """
    started = time.monotonic()
    requests_before = client.requests_sent
    with transaction(duckdb_path) as con:
        store_id = ensure_local_tables(con)
        after_seq = 0 if full else last_acknowledged(con, client.identity)
        pending = read_pending(con, after_seq)
    if not len(pending):
        return SyncReport(client.identity, 0, 0, 0, 0, 0, time.monotonic() - started, after_seq)

    outbox = Outbox(client)
    outbox.add(pending.entries, ENTRY_KIND)
    names = {(row["aspect"], row["key"]): row["name"] for row in outbox.send()}
    with transaction(duckdb_path) as con:
        renamed = adopt_names(con, names)

    now = datetime.now(UTC).isoformat(timespec="seconds")
    outbox.add(pending.observations, OBSERVATION_KIND)
    outbox.add(pending.generations, GENERATION_KIND)
    # entry_counts after the rows they sum: the keys sent, and every key of a video whose generation changed.
    outbox.add(sorted({(a, k) for a, k, *_ in pending.observations}), COUNT_KIND)
    outbox.add([(sha,) for sha, _ in pending.generations], VIDEO_COUNT_KIND)
    outbox.add(pending.discoveries, DISCOVERY_KIND)
    counts = (len(pending.entries), len(pending.observations), len(pending.discoveries))
    outbox.add_statement(Statement(STORE_UPSERT_SQL, (store_id, pending.max_seq, now, *counts)), BOOKKEEPING_KIND)
    for _ in outbox.send():
        pass

    report = SyncReport(
        client.identity,
        len(pending.entries),
        len(pending.observations),
        len(pending.discoveries),
        client.requests_sent - requests_before,
        renamed,
        time.monotonic() - started,
        pending.max_seq,
        len(outbox.rejected),
    )
    with transaction(duckdb_path) as con:
        record_rejected(con, client.identity, outbox.rejected, clear=full)
        con.execute(
            "INSERT INTO d1_sync_state VALUES (?, ?, now(), ?, ?, ?, ?) ON CONFLICT (target) DO UPDATE SET "
            "last_seq = greatest(d1_sync_state.last_seq, excluded.last_seq), last_sync_at = excluded.last_sync_at, "
            "entries = excluded.entries, observations = excluded.observations, discoveries = excluded.discoveries, requests = excluded.requests",
            [client.identity, pending.max_seq, report.entries, report.observations, report.discoveries, report.requests],
        )
    log.info(report.summary())
    return report


ENTRY_PAGE_SQL = "SELECT aspect, key, name, value, depth_breakdown, primitive, first_seen, last_seen, sources FROM entries WHERE aspect > ? OR (aspect = ? AND key > ?) ORDER BY aspect, key LIMIT ?"


def fetch_entries(client: D1Client, page_rows: int = PULL_PAGE_ROWS) -> list[dict]:
    """Every entry in D1, page by page in key order."""
    rows: list[dict] = []
    after = ("", "")
    while True:
        page = client.batch([Statement(ENTRY_PAGE_SQL, (after[0], after[0], after[1], page_rows))])[0].results
        rows.extend(page)
        if len(page) < page_rows:
            return rows
        after = (page[-1]["aspect"], page[-1]["key"])


@dataclass
class PullReport:
    target: str
    entries: int
    added: int
    renamed: int

    def summary(self) -> str:
        return f"D1 {self.target}: pulled {self.entries} entries ({self.added} new here, {self.renamed} names adopted)"


def _ensure_registry_schema(con: duckdb.DuckDBPyConnection) -> None:
    if not _registry_tables_present(con):
        ensure_schema(con)


def pull_store(duckdb_path: str | Path, client: D1Client) -> PullReport:
    """Bring D1's entries and names into the local store (a new machine starts with the shared vocabulary).

    Keys missing here are added; keys present adopt D1's name. Observations stay
    in D1: the local counts remain this machine's own. Rows added by a pull are
    already in D1, so when nothing else was pending the watermark moves past them.
    """
    rows = fetch_entries(client)
    with transaction(duckdb_path) as con:
        _ensure_registry_schema(con)
        ensure_local_tables(con)
        after_seq = last_acknowledged(con, client.identity)
        nothing_pending = not any(pending_counts(con, after_seq).values())
        present = {(a, k) for a, k in con.execute("SELECT aspect, key FROM registry_entries").fetchall()}
        new_rows = [r for r in rows if (r["aspect"], r["key"]) not in present]
        if new_rows:
            con.executemany(
                "INSERT INTO registry_entries (aspect, key, name, value, depth_breakdown, primitive, first_seen, last_seen, sources, change_seq) "
                "VALUES (?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP), ?, nextval('registry_change_seq'))",
                [[r["aspect"], r["key"], r["name"], r["value"], r["depth_breakdown"], bool(r["primitive"]), r["first_seen"], r["last_seen"], r["sources"]] for r in new_rows],
            )
        renamed = adopt_names(con, {(r["aspect"], r["key"]): r["name"] for r in rows})
        if nothing_pending and new_rows:
            row = con.execute("SELECT max(change_seq) FROM registry_entries").fetchone()
            assert row is not None  # an aggregate query always returns one row
            max_seq = row[0]
            con.execute(
                "INSERT INTO d1_sync_state (target, last_seq) VALUES (?, ?) ON CONFLICT (target) DO UPDATE SET last_seq = excluded.last_seq",
                [client.identity, max_seq],
            )
    return PullReport(client.identity, len(rows), len(new_rows), renamed)


def record_rejected(con: duckdb.DuckDBPyConnection, target: str, rejected: list[tuple[str, tuple[str, str, str], str]], *, clear: bool = False) -> None:
    """Remember the rows ``target`` could not take (``clear``: forget earlier ones first, after a full re-send)."""
    if clear:
        con.execute("DELETE FROM d1_rejected WHERE target = ?", [target])
    for kind, (aspect, key, video), reason in rejected:
        con.execute("INSERT OR REPLACE INTO d1_rejected VALUES (?, ?, ?, ?, ?, ?, now())", [target, kind, aspect, key, video, reason])


def rejected_rows(con: duckdb.DuckDBPyConnection, target: str, limit: int = 20) -> tuple[int, list[dict]]:
    """How many rows ``target`` rejected, and the latest ``limit`` of them (keys cut for display)."""
    row = con.execute("SELECT count(*) FROM d1_rejected WHERE target = ?", [target]).fetchone()
    assert row is not None  # an aggregate query always returns one row
    total = row[0]
    rows = con.execute(
        "SELECT kind, aspect, key, video_sha256, reason, rejected_at FROM d1_rejected WHERE target = ? ORDER BY rejected_at DESC, aspect, key LIMIT ?",
        [target, limit],
    ).fetchall()
    out = []
    for kind, aspect, key, video, reason, at in rows:
        key = key if len(key) <= MESSAGE_KEY_CHARS else key[:MESSAGE_KEY_CHARS] + "…"
        out.append({"kind": kind, "aspect": aspect, "key": key, "video_sha256": video or None, "reason": reason, "at": _timestamp(at)})
    return int(total), out


def store_status(duckdb_path: str | Path, client_identity: str) -> dict:
    """Target, pending counts and last sync, read from the local store only."""
    with transaction(duckdb_path) as con:
        ensure_local_tables(con)
        after_seq = last_acknowledged(con, client_identity)
        pending = pending_counts(con, after_seq)
        row = con.execute("SELECT last_sync_at, entries, observations, discoveries, requests FROM d1_sync_state WHERE target = ?", [client_identity]).fetchone()
        rejected, rejected_sample = rejected_rows(con, client_identity)
    last = None
    if row and row[0] is not None:
        last = {"at": _timestamp(row[0]), "entries": row[1], "observations": row[2], "discoveries": row[3], "requests": row[4]}
    return {
        "target": client_identity,
        "last_seq": after_seq,
        "pending": pending,
        "last_sync": last,
        "rejected": rejected,
        "rejected_rows": rejected_sample,
    }


def remote_totals(client: D1Client) -> list[dict]:
    """Per-aspect totals as D1 sees them (the aspect_totals view)."""
    return client.batch([Statement("SELECT * FROM aspect_totals ORDER BY aspect")])[0].results


def sync(settings: Settings | None = None, *, full: bool = False) -> SyncReport:
    """Sync the configured store to the configured D1 target (what the ``sync_d1`` flow runs)."""
    settings = settings or get_settings()
    with client_from_settings(settings) as client:
        report = sync_store(settings.duckdb_path, client, full=full)
    if report.renamed:
        _refresh_json_mirror(settings)
    return report


def pull(settings: Settings | None = None) -> PullReport:
    """Pull the configured D1 target's entries and names into the configured store."""
    settings = settings or get_settings()
    with client_from_settings(settings) as client:
        report = pull_store(settings.duckdb_path, client)
    if report.added or report.renamed:
        _refresh_json_mirror(settings)
    return report


def _refresh_json_mirror(settings: Settings) -> None:
    """Names adopted from D1 (or entries pulled) change the registries' JSON files too."""
    export_json(settings)
