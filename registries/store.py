"""Registry storage: DuckDB is the source of truth; JSON files are its readable mirror.

Tables (the D1 sync reads rows whose ``change_seq`` is above what it has sent):

- ``registry_entries``: one row per (aspect, key): name, value fields,
  depth_breakdown, primitive flag, first/last seen, up to five sources.
- ``registry_observations``: one row per (aspect, key, video) with the number
  of frames / windows / items of that video with that key. The count is *set*,
  never added, so learning a video again never double-counts; an entry's
  distinct-video count is its number of observation rows.
- ``discoveries``: what was new, when, and from which video.
- ``registry_meta``: which seed version the store holds.
- ``registry_counts``: per (aspect, key), the observations' total and distinct
  videos, refreshed by growth for the keys it touched (what the explorer sorts
  and pages by without aggregating every observation on each request).
- ``video_generations``: per video, the generation of its latest analysis
  (microseconds since the epoch when it was grown). A video's observations
  are those of its latest analysis only; the generation lets D1 drop the
  older ones idempotently (see :mod:`registries.d1.sync`).

After each growth, each touched aspect is written as JSON
(``<data>/registries/<registry>/<aspect>.json``: ``_meta``, ``count``,
``entries``) atomically, under a file lock and from the committed state, so
concurrent learners cannot leave an older state on disk.
"""

from __future__ import annotations

import fcntl
import json
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from aspects.errors import AspectsError
from aspects.files import write_text_atomic
from aspects.settings import Settings, get_settings
from aspects.store import LOCK_WAIT_S, connect, create_tables, lock_within, transaction
from registries.model import ASPECTS, split_aspect
from registries.naming import depth_breakdown, first_free_name
from registries.seeds import SEED_VERSION, seeds

if TYPE_CHECKING:
    import duckdb

JSON_FORMAT_VERSION = 1

SCHEMA = """
CREATE SEQUENCE IF NOT EXISTS registry_change_seq;
CREATE TABLE IF NOT EXISTS registry_entries (
  aspect VARCHAR NOT NULL,
  key VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  value JSON NOT NULL,
  depth_breakdown JSON,
  primitive BOOLEAN NOT NULL,
  first_seen TIMESTAMP, last_seen TIMESTAMP,
  sources JSON,
  change_seq BIGINT NOT NULL,
  PRIMARY KEY (aspect, key));
CREATE TABLE IF NOT EXISTS registry_observations (
  aspect VARCHAR NOT NULL, key VARCHAR NOT NULL, video_sha256 VARCHAR NOT NULL,
  count BIGINT NOT NULL,
  first_seen TIMESTAMP, last_seen TIMESTAMP,
  change_seq BIGINT NOT NULL,
  PRIMARY KEY (aspect, key, video_sha256));
CREATE TABLE IF NOT EXISTS discoveries (
  aspect VARCHAR NOT NULL, key VARCHAR NOT NULL, name VARCHAR NOT NULL,
  video_sha256 VARCHAR NOT NULL, discovered_at TIMESTAMP NOT NULL, change_seq BIGINT NOT NULL,
  PRIMARY KEY (aspect, key));
CREATE TABLE IF NOT EXISTS registry_meta (name VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS video_generations (
  video_sha256 VARCHAR PRIMARY KEY, generation BIGINT NOT NULL, change_seq BIGINT NOT NULL);
"""

COUNTS_SCHEMA = """
CREATE TABLE registry_counts (
  aspect VARCHAR NOT NULL, key VARCHAR NOT NULL, total BIGINT NOT NULL, videos BIGINT NOT NULL,
  PRIMARY KEY (aspect, key));
INSERT INTO registry_counts SELECT aspect, key, sum(count), count(*) FROM registry_observations GROUP BY aspect, key;
"""

INSERT_ENTRY = """
INSERT INTO registry_entries (aspect, key, name, value, depth_breakdown, primitive, first_seen, last_seen, sources, change_seq)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, nextval('registry_change_seq'))
"""


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the registry tables if they do not exist (idempotent); counts are filled in when their table is new."""
    create_tables(con, SCHEMA)
    if not con.execute("SELECT 1 FROM duckdb_tables() WHERE table_name = 'registry_counts'").fetchall():
        con.execute(COUNTS_SCHEMA)


def refresh_counts(con: duckdb.DuckDBPyConnection, keys: Iterable[tuple[str, str]]) -> None:
    """Recompute ``registry_counts`` of the (aspect, key) pairs ``keys`` from their observations."""
    pairs = sorted(set(keys))
    if not pairs:
        return
    columns = [[a for a, _ in pairs], [k for _, k in pairs]]
    con.execute(
        "INSERT OR REPLACE INTO registry_counts SELECT o.aspect, o.key, sum(o.count), count(*) FROM registry_observations o "
        "JOIN (SELECT unnest(?::VARCHAR[]) AS aspect, unnest(?::VARCHAR[]) AS key) t ON o.aspect = t.aspect AND o.key = t.key "
        "GROUP BY o.aspect, o.key",
        columns,
    )
    # A key no video shows any more (re-learning removed its last observation) has no counts row.
    con.execute(
        "DELETE FROM registry_counts c USING (SELECT unnest(?::VARCHAR[]) AS aspect, unnest(?::VARCHAR[]) AS key) t "
        "WHERE c.aspect = t.aspect AND c.key = t.key "
        "AND NOT EXISTS (SELECT 1 FROM registry_observations o WHERE o.aspect = t.aspect AND o.key = t.key)",
        columns,
    )


def ensure_seeded(con: duckdb.DuckDBPyConnection) -> bool:
    """Insert the seeded primitives the store does not have yet; True when it seeded anything.

    Call inside a transaction, after :func:`ensure_schema`.
    """
    row = con.execute("SELECT value FROM registry_meta WHERE name = 'seed_version'").fetchone()
    if row and int(row[0]) >= SEED_VERSION:
        return False
    for aspect in ASPECTS:
        known = dict(con.execute("SELECT key, name FROM registry_entries WHERE aspect = ?", [aspect]).fetchall())
        used = set(known.values())
        rows = []
        for key, (name, fields) in sorted(seeds(aspect).items()):
            if key in known:
                continue
            if name in used:  # only possible for seeds added to a store that already grew
                name = first_free_name(aspect, key, fields, used)
            used.add(name)
            rows.append((aspect, key, name, json.dumps(fields), _json_or_none(depth_breakdown(aspect, fields)), True, None, None, None))
        if rows:
            con.executemany(INSERT_ENTRY, rows)
    con.execute(
        "INSERT INTO registry_meta VALUES ('seed_version', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        [str(SEED_VERSION)],
    )
    return True


def _json_or_none(value: object) -> str | None:
    return None if value is None else json.dumps(value)


def prepare(settings: Settings | None = None) -> bool:
    """Make sure the store has its schema and seeds (one transaction); True when it seeded just now.

    When it seeds, the JSON mirror of every aspect is written too.
    """
    settings = settings or get_settings()
    with transaction(settings.duckdb_path) as con:
        ensure_schema(con)
        seeded = ensure_seeded(con)
    if seeded:
        export_json(settings)
    return seeded


ENTRY_QUERY = """
SELECT e.aspect, e.key, e.name, e.value, e.depth_breakdown, e.primitive, e.first_seen, e.last_seen, e.sources, e.change_seq,
       coalesce(sum(o.count), 0)::BIGINT AS frames, count(o.video_sha256) AS videos
FROM registry_entries e LEFT JOIN registry_observations o ON o.aspect = e.aspect AND o.key = e.key
WHERE e.aspect = ? {where}
GROUP BY ALL
"""


def entry_fields(aspect: str, key: str, name: str, value: str, breakdown: str | None, primitive: object) -> dict:
    """The fields every view of a registry entry shares, from its stored columns (``value``/``breakdown`` JSON text)."""
    return {
        "aspect": aspect,
        "key": key,
        "name": name,
        "value": json.loads(value),
        "depth_breakdown": json.loads(breakdown) if breakdown is not None else None,
        "primitive": bool(primitive),
    }


def _entry_dict(row: tuple) -> dict:
    aspect, key, name, value, breakdown, primitive, first, last, sources, change_seq, frames, videos = row
    return {
        **entry_fields(aspect, key, name, value, breakdown, primitive),
        "frames": int(frames),
        "videos": int(videos),
        "first_seen": _iso(first),
        "last_seen": _iso(last),
        "sources": json.loads(sources) if sources is not None else [],
        "change_seq": int(change_seq),
    }


def _iso(ts: datetime | None) -> str | None:
    return ts.isoformat(timespec="seconds") + "Z" if ts is not None else None


def entries(con: duckdb.DuckDBPyConnection, aspect: str) -> list[dict]:
    """Every entry of ``aspect`` with its counts (``frames``: items observed, ``videos``: distinct videos), by key."""
    split_aspect(aspect)
    rows = con.execute(ENTRY_QUERY.format(where="") + " ORDER BY e.key", [aspect]).fetchall()
    return [_entry_dict(r) for r in rows]


def find_entry(con: duckdb.DuckDBPyConnection, aspect: str, key_or_name: str) -> dict:
    """The entry of ``aspect`` whose key (or, failing that, name) is ``key_or_name``, with its observations."""
    split_aspect(aspect)
    for column in ("key", "name"):
        row = con.execute(ENTRY_QUERY.format(where=f"AND e.{column} = ?"), [aspect, key_or_name]).fetchone()
        if row:
            entry = _entry_dict(row)
            obs = con.execute(
                "SELECT video_sha256, count, first_seen, last_seen FROM registry_observations WHERE aspect = ? AND key = ? ORDER BY video_sha256",
                [aspect, entry["key"]],
            ).fetchall()
            entry["observations"] = [{"video_sha256": v, "count": int(c), "first_seen": _iso(f), "last_seen": _iso(la)} for v, c, f, la in obs]
            return entry
    raise AspectsError(f"{aspect}: no entry with key or name {key_or_name!r}")


def summary(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Per aspect: entries, of which observed at least once, of which primitives; frames and videos observed."""
    rows = con.execute(
        """
        SELECT e.aspect, count(*) AS entries, count(*) FILTER (WHERE e.primitive) AS primitives,
               count(*) FILTER (WHERE o.key IS NOT NULL) AS observed, coalesce(sum(o.frames), 0)::BIGINT AS frames
        FROM registry_entries e
        LEFT JOIN (SELECT aspect, key, sum(count) AS frames FROM registry_observations GROUP BY ALL) o
          ON o.aspect = e.aspect AND o.key = e.key
        GROUP BY e.aspect
        """
    ).fetchall()
    by_aspect = {r[0]: r[1:] for r in rows}
    out = []
    for aspect in ASPECTS:
        n_entries, primitives, observed, frames = by_aspect.get(aspect, (0, 0, 0, 0))
        out.append({"aspect": aspect, "entries": n_entries, "primitives": primitives, "observed": observed, "frames": int(frames)})
    return out


def aspect_document(con: duckdb.DuckDBPyConnection, aspect: str) -> dict:
    """The JSON mirror of one aspect: ``_meta``, ``count``, ``entries`` (sorted by key)."""
    registry, name = split_aspect(aspect)
    items = entries(con, aspect)
    for item in items:
        del item["aspect"]
    return {
        "_meta": {
            "format_version": JSON_FORMAT_VERSION,
            "registry": registry,
            "aspect": aspect,
            "change_seq": max((e["change_seq"] for e in items), default=0),
            "counts": "frames = frames/windows/items observed over all videos; videos = distinct videos",
        },
        "count": len(items),
        "entries": items,
    }


def write_json_atomic(path: Path, document: dict) -> None:
    """Write ``document`` to ``path`` as readable JSON, atomically (:func:`aspects.files.write_text_atomic`)."""
    write_text_atomic(path, json.dumps(document, indent=1, ensure_ascii=False) + "\n")


def aspect_json_path(directory: Path, aspect: str) -> Path:
    registry, name = split_aspect(aspect)
    return directory / registry / f"{name}.json"


EXPORT_LOCK_WAIT_S = LOCK_WAIT_S  # seconds an export waits for another process's export (the store's own wait)


@contextmanager
def _export_lock(settings: Settings) -> Iterator[None]:
    """Serialise JSON exports across processes, so the last one to write has read the newest state.

    Waited for at most :data:`EXPORT_LOCK_WAIT_S`, then :class:`~aspects.store.StoreLockedError`: an export that hangs
    (a stuck disk, a stopped process) must not stop every later one for ever."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    path = settings.data_dir / ".registries-export.lock"
    with open(path, "w") as handle:
        lock_within(handle, time.monotonic() + EXPORT_LOCK_WAIT_S, f"{path}: another process has been exporting the registries for more than {EXPORT_LOCK_WAIT_S:.0f} s")
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def export_json(settings: Settings | None = None, aspects: Iterable[str] | None = None, directory: str | Path | None = None) -> list[Path]:
    """Write the JSON mirror of ``aspects`` (default: all) to ``directory`` (default: the data dir's ``registries/``).

    Reads the committed state while holding an export lock, so files written
    by concurrent learners always end at the newest state.
    """
    settings = settings or get_settings()
    mirror = directory is None or Path(directory) == settings.registries_dir
    directory = Path(directory) if directory is not None else settings.registries_dir
    aspects = sorted(set(aspects)) if aspects is not None else list(ASPECTS)
    with _export_lock(settings):
        with connect(settings.duckdb_path) as con:
            ensure_schema(con)
            documents = {aspect: aspect_document(con, aspect) for aspect in aspects}
        paths = []
        written = _mirror_seqs(directory) if mirror else {}
        for aspect, document in documents.items():
            path = aspect_json_path(directory, aspect)
            write_json_atomic(path, document)
            paths.append(path)
            written[aspect] = document["_meta"]["change_seq"]
        if mirror and documents:  # recorded only once the files are written: a failed write leaves its aspect stale
            write_json_atomic(directory / MIRROR_STATE, written)
    return paths


MIRROR_STATE = ".mirror-change-seq.json"  # {aspect: change_seq the aspect's JSON file was written at}, in the registries dir


def _mirror_seqs(directory: Path) -> dict[str, int]:
    try:
        return json.loads((directory / MIRROR_STATE).read_text())
    except (OSError, ValueError):
        return {}


def stale_aspects(settings: Settings | None = None) -> list[str]:
    """Aspects whose JSON mirror is behind DuckDB (its file is missing or was written at an older ``change_seq``)."""
    settings = settings or get_settings()
    with connect(settings.duckdb_path) as con:
        ensure_schema(con)
        seqs = dict(con.execute("SELECT aspect, max(change_seq) FROM registry_entries GROUP BY aspect").fetchall())
    written = _mirror_seqs(settings.registries_dir)
    return [aspect for aspect in ASPECTS if not aspect_json_path(settings.registries_dir, aspect).is_file() or written.get(aspect, -1) < seqs.get(aspect, 0)]


def sync_mirror(settings: Settings | None = None) -> list[Path]:
    """Re-export every aspect whose JSON mirror lacks what DuckDB holds (after a failed or interrupted export too)."""
    settings = settings or get_settings()
    stale = stale_aspects(settings)
    return export_json(settings, stale) if stale else []


def discoveries_of(settings: Settings, video_sha256: str) -> list[tuple[str, str, str]]:
    """``(aspect, key, name)`` of the entries ``video_sha256`` discovered (first seen in it), in discovery order."""
    with connect(settings.duckdb_path) as con:
        ensure_schema(con)
        rows = con.execute("SELECT aspect, key, name FROM discoveries WHERE video_sha256 = ? ORDER BY change_seq", [video_sha256]).fetchall()
    return [tuple(r) for r in rows]


def known_names(settings: Settings, aspects: Iterable[str]) -> dict[str, dict[str, str]] | None:
    """``{aspect: {key: name}}`` from the store, or None when there is no store yet (nothing is created)."""
    if not settings.duckdb_path.exists():
        return None
    with connect(settings.duckdb_path) as con:
        row = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'registry_entries'").fetchone()
        assert row is not None  # an aggregate query always returns one row
        exists = row[0]
        if not exists:
            return None
        out: dict[str, dict[str, str]] = {a: {} for a in aspects}
        for aspect, key, name in con.execute("SELECT aspect, key, name FROM registry_entries WHERE list_contains(?, aspect)", [list(out)]).fetchall():
            out[aspect][key] = name
    return out
