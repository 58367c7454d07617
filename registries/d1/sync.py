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
from dataclasses import asdict, dataclass
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
)

ENTRY_COLUMNS = 10  # aspect, key, name, fallback name, value, depth_breakdown, primitive, first_seen, last_seen, sources
OBSERVATION_COLUMNS = 6  # aspect, key, video_sha256, count, first_seen, last_seen
DISCOVERY_COLUMNS = 4  # aspect, key, video_sha256, discovered_at


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
    """Upsert of ``rows`` per-(entry, video) counts: the count is that video's value, never added."""
    return (
        "INSERT INTO observations (aspect, key, video_sha256, count, first_seen, last_seen) "
        f"VALUES {_placeholders(rows, OBSERVATION_COLUMNS)} "
        "ON CONFLICT (aspect, key, video_sha256) DO UPDATE SET "
        "count = max(observations.count, excluded.count), "
        f"first_seen = {_min_sql('observations.first_seen', 'excluded.first_seen')}, "
        f"last_seen = {_max_sql('observations.last_seen', 'excluded.last_seen')}"
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
    """Recompute ``entry_counts`` of ``rows`` (aspect, key) pairs from ``observations`` (the explorer reads it).

    Sent after the observations it covers, so its result is the sum of what D1
    holds, whatever order machines sync in.
    """
    return (
        "INSERT INTO entry_counts (aspect, key, total_count, videos) "
        "SELECT o.aspect, o.key, sum(o.count), count(*) FROM observations o "
        f"WHERE (o.aspect, o.key) IN (VALUES {_placeholders(rows, 2)}) GROUP BY o.aspect, o.key "
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


def chunk_statements(rows: Sequence[tuple], columns: int, make_sql: Callable[[int], str], what: str) -> list[Statement]:
    """Pack ``rows`` into multi-row statements within D1's limits.

    At most ``MAX_PARAMS_PER_STATEMENT`` bound parameters and
    ``MAX_STATEMENT_BYTES`` bytes (SQL plus parameters, as sent) each. Sizes
    are summed per row rather than re-encoding the statement for every row.
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
            raise AspectsError(f"{what} {row[0]}/{row[1]}: {base_bytes[1] + row_bytes} bytes, over D1's {MAX_STATEMENT_BYTES}-byte statement limit")
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

    def summary(self) -> str:
        if not (self.entries or self.observations or self.discoveries):
            return f"D1 {self.target}: nothing pending (last_seq {self.last_seq})"
        rate = self.entries / self.seconds if self.seconds > 0 else float("inf")
        return (
            f"D1 {self.target}: synced {self.entries} entries, {self.observations} observations, "
            f"{self.discoveries} discoveries in {self.requests} requests, {self.seconds:.2f} s "
            f"({rate:.0f} entries/s); {self.renamed} names adopted from D1; last_seq {self.last_seq}"
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
    return found == set(REGISTRY_TABLES)


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
        f"SELECT aspect, key, video_sha256, count, {_iso_sql('first_seen')}, {_iso_sql('last_seen')}, change_seq "
        "FROM registry_observations WHERE change_seq > ? ORDER BY aspect, key, video_sha256",
        [after_seq],
    ).fetchall()
    discovery_rows = con.execute(
        f"SELECT aspect, key, video_sha256, {_iso_sql('discovered_at')}, change_seq FROM discoveries WHERE change_seq > ? ORDER BY aspect, key",
        [after_seq],
    ).fetchall()
    seqs = [r[-1] for r in entry_rows] + [r[-1] for r in observation_rows] + [r[-1] for r in discovery_rows]
    entries = [(a, k, n, fallback_name(n, k), v, d, int(bool(p)), fs, ls, s) for a, k, n, v, d, p, fs, ls, s, _ in entry_rows]
    observations = [(a, k, vid, int(c), fs, ls) for a, k, vid, c, fs, ls, _ in observation_rows]
    discoveries = [row[:4] for row in discovery_rows]
    return Pending(entries, observations, discoveries, max(seqs, default=after_seq))


def pending_counts(con: duckdb.DuckDBPyConnection, after_seq: int) -> dict[str, int]:
    """Pending rows per kind (entries, observations, discoveries)."""
    kinds = dict(zip(("entries", "observations", "discoveries"), REGISTRY_TABLES))
    if not _registry_tables_present(con):
        return {kind: 0 for kind in kinds}
    return {kind: con.execute(f"SELECT count(*) FROM {table} WHERE change_seq > ?", [after_seq]).fetchone()[0] for kind, table in kinds.items()}


def adopt_names(con: duckdb.DuckDBPyConnection, names: dict[tuple[str, str], str]) -> int:
    """Give local entries the names D1 keeps; returns how many local names changed.

    A local entry that D1 has not seen yet but whose name D1 gave to another key
    takes its fallback name (what D1 will give it when it is posted), so names
    stay unique within an aspect locally too.
    """
    aspects = sorted({aspect for aspect, _ in names})
    if not aspects:
        return 0
    current = {
        (a, k): n
        for a, k, n in con.execute(
            f"SELECT aspect, key, name FROM registry_entries WHERE aspect IN ({', '.join(['?'] * len(aspects))})", aspects
        ).fetchall()
    }
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


def _send(client: D1Client, statements: Sequence[Statement]) -> Iterable[dict]:
    """Send statements in bounded requests; yields every row the statements return."""
    for request in group_requests(statements, client.statements_per_request):
        for answer in client.batch(request):
            yield from answer.results


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

    entry_statements = chunk_statements(pending.entries, ENTRY_COLUMNS, entry_upsert_sql, "registry entry")
    names = {(row["aspect"], row["key"]): row["name"] for row in _send(client, entry_statements)}
    with transaction(duckdb_path) as con:
        renamed = adopt_names(con, names)

    now = datetime.now(UTC).isoformat(timespec="seconds")
    rest = chunk_statements(pending.observations, OBSERVATION_COLUMNS, observation_upsert_sql, "observation")
    counted = sorted({(a, k) for a, k, *_ in pending.observations})
    rest += chunk_statements(counted, 2, count_refresh_sql, "entry count")
    rest += chunk_statements(pending.discoveries, DISCOVERY_COLUMNS, discovery_upsert_sql, "discovery")
    rest.append(Statement(STORE_UPSERT_SQL, (store_id, pending.max_seq, now, len(pending.entries), len(pending.observations), len(pending.discoveries))))
    for _ in _send(client, rest):
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
    )
    with transaction(duckdb_path) as con:
        con.execute(
            "INSERT INTO d1_sync_state VALUES (?, ?, now(), ?, ?, ?, ?) ON CONFLICT (target) DO UPDATE SET "
            "last_seq = greatest(d1_sync_state.last_seq, excluded.last_seq), last_sync_at = excluded.last_sync_at, "
            "entries = excluded.entries, observations = excluded.observations, discoveries = excluded.discoveries, requests = excluded.requests",
            [client.identity, pending.max_seq, report.entries, report.observations, report.discoveries, report.requests],
        )
    log.info(report.summary())
    return report


ENTRY_PAGE_SQL = (
    "SELECT aspect, key, name, value, depth_breakdown, primitive, first_seen, last_seen, sources FROM entries "
    "WHERE aspect > ? OR (aspect = ? AND key > ?) ORDER BY aspect, key LIMIT ?"
)


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
                [
                    [r["aspect"], r["key"], r["name"], r["value"], r["depth_breakdown"], bool(r["primitive"]), r["first_seen"], r["last_seen"], r["sources"]]
                    for r in new_rows
                ],
            )
        renamed = adopt_names(con, {(r["aspect"], r["key"]): r["name"] for r in rows})
        if nothing_pending and new_rows:
            max_seq = con.execute("SELECT max(change_seq) FROM registry_entries").fetchone()[0]
            con.execute(
                "INSERT INTO d1_sync_state (target, last_seq) VALUES (?, ?) ON CONFLICT (target) DO UPDATE SET last_seq = excluded.last_seq",
                [client.identity, max_seq],
            )
    return PullReport(client.identity, len(rows), len(new_rows), renamed)


def store_status(duckdb_path: str | Path, client_identity: str) -> dict:
    """Target, pending counts and last sync, read from the local store only."""
    with transaction(duckdb_path) as con:
        ensure_local_tables(con)
        after_seq = last_acknowledged(con, client_identity)
        pending = pending_counts(con, after_seq)
        row = con.execute(
            "SELECT last_sync_at, entries, observations, discoveries, requests FROM d1_sync_state WHERE target = ?", [client_identity]
        ).fetchone()
    last = None
    if row and row[0] is not None:
        last = {"at": _timestamp(row[0]), "entries": row[1], "observations": row[2], "discoveries": row[3], "requests": row[4]}
    return {"target": client_identity, "last_seq": after_seq, "pending": pending, "last_sync": last}


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
