"""The registry explorer's read API over the local DuckDB store: pure functions over a connection.

Every function takes an open connection and validated parameters and returns
plain JSON-ready data in the shape documented in ``docs/explorer.md``; the
Worker (``worker/src/explorer.js``) answers the same requests from D1 with the
same JSON. Shared words (aspects, hue families, lightness bands, limits) live
in ``static/vocabulary.json``, which the page and the Worker read too.

Lists are keyset-paginated: ``next`` is an opaque cursor (the compact JSON of
the last row's sort value and key) passed back as ``after``; no request
counts a whole table. Every value from a request is a bound parameter.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import duckdb

from aspects.errors import AspectsError
from registries.store import entry_fields

STATIC_DIR = Path(__file__).resolve().parent / "static"
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
TIMESTAMP_SQL = "'%Y-%m-%dT%H:%M:%S.%f'"  # the text D1 holds (registries.d1.sync._timestamp)

# Aspects shown in a video's view, in order, with how many of each (most observed first).
VIDEO_SECTIONS = (
    ("static.color", 16),
    ("static.sound", 8),
    ("dynamic.camera", 8),
    ("dynamic.transition", 16),
    ("dynamic.blends", 2),
    ("narrative.genre", 8),
    ("narrative.mood", 8),
    ("narrative.themes", 8),
    ("narrative.plots", 8),
    ("narrative.settings", 8),
    ("narrative.style", 8),
    ("narrative.scene_type", 8),
)


class BadRequest(AspectsError):
    """A request parameter that is missing or out of bounds (HTTP 400)."""


class NotFound(AspectsError):
    """No such entry or video (HTTP 404)."""


class Conflict(AspectsError):
    """A write that would break a rule, e.g. a name another entry holds (HTTP 409)."""


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    """The shared words and limits (``static/vocabulary.json``)."""
    return json.loads((STATIC_DIR / "vocabulary.json").read_text(encoding="utf-8"))


def all_aspects() -> list[str]:
    return [a for names in vocabulary()["aspects"].values() for a in names]


def cursor_text(value: object, key: str) -> str:
    """The opaque ``next`` cursor: compact JSON, byte-identical to the Worker's ``JSON.stringify``."""
    return json.dumps([value, key], separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True)
class ListQuery:
    """Validated parameters of ``GET /api/entries``."""

    aspect: str
    q: str = ""
    sort: str = "count"
    kind: str = "all"
    hue: str | None = None
    lightness: str | None = None
    primitive: str | None = None
    limit: int = 48
    after: tuple[object, str] | None = None


def parse_list_query(params: dict[str, str | None]) -> ListQuery:
    """Check the query string of ``GET /api/entries``; a bad value raises :class:`BadRequest` naming it."""
    vocab = vocabulary()
    aspect = params.get("aspect") or ""
    if aspect not in all_aspects():
        raise BadRequest(f"unknown aspect {aspect[:80]!r}")
    q = (params.get("q") or "").strip()
    if len(q) > vocab["max_query_chars"]:
        raise BadRequest(f"search text is {len(q)} characters; the limit is {vocab['max_query_chars']}")
    sort = params.get("sort") or "count"
    if sort not in vocab["sorts"]:
        raise BadRequest(f"sort must be one of {', '.join(vocab['sorts'])}")
    kind = params.get("kind") or "all"
    if kind not in vocab["kinds"]:
        raise BadRequest(f"kind must be one of {', '.join(vocab['kinds'])}")
    hue = params.get("hue") or None
    if hue is not None and hue not in {h["name"] for h in vocab["hue_families"]}:
        raise BadRequest("hue must be one of " + ", ".join(h["name"] for h in vocab["hue_families"]))
    lightness = params.get("lightness") or None
    if lightness is not None and lightness not in {b["name"] for b in vocab["lightness_bands"]}:
        raise BadRequest("lightness must be one of " + ", ".join(b["name"] for b in vocab["lightness_bands"]))
    primitive = params.get("primitive") or None
    if primitive is not None and len(primitive) > 100:
        raise BadRequest("primitive is longer than 100 characters")
    raw_limit = params.get("limit") or str(vocab["page_limit"]["default"])
    if not re.fullmatch(r"[0-9]{1,6}", raw_limit) or not 1 <= int(raw_limit) <= vocab["page_limit"]["max"]:
        raise BadRequest(f"limit must be an integer from 1 to {vocab['page_limit']['max']}")
    raw_after = params.get("after")
    after = _parse_cursor(raw_after, sort) if raw_after else None
    return ListQuery(aspect, q, sort, kind, hue, lightness, primitive, int(raw_limit), after)


CURSOR_TIME_RE = re.compile(r"^([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6})?$")  # a last_seen as D1 holds it, or ""
MAX_SAFE_INTEGER = 2**53 - 1  # what JavaScript (the Worker) holds exactly


def _parse_cursor(text: str, sort: str) -> tuple[object, str]:
    """``[value, key]`` from an ``after`` cursor; anything else is a :class:`BadRequest` (same rules as the Worker)."""
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = None
    if not (isinstance(parsed, list) and len(parsed) == 2 and isinstance(parsed[1], str)):
        raise BadRequest("after is not a cursor from a previous page")
    value = parsed[0]
    if sort == "count":
        ok = isinstance(value, int) and not isinstance(value, bool) and abs(value) <= MAX_SAFE_INTEGER
    elif sort == "recent":
        ok = isinstance(value, str) and CURSOR_TIME_RE.match(value) is not None
    else:
        ok = isinstance(value, str)
    if not ok:
        raise BadRequest("after is not a cursor from a previous page")
    return value, parsed[1]


def like_pattern(text: str) -> str:
    """``%text%`` for ``LIKE … ESCAPE '\\'``, lower-cased, with the text's own wildcards escaped."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def filter_sql(query: ListQuery) -> tuple[list[str], list[object]]:
    """WHERE conditions on ``e`` (an entries row) shared by both back ends' dialects, and their parameters."""
    vocab = vocabulary()
    where: list[str] = []
    params: list[object] = []
    if query.q:
        where.append("(lower(e.name) LIKE ? ESCAPE '\\' OR lower(e.key) LIKE ? ESCAPE '\\')")
        params += [like_pattern(query.q)] * 2
    if query.kind != "all":
        where.append("e.primitive = ?" if query.kind == "seed" else "NOT e.primitive = ?")
        params.append(True)
    if query.hue is not None:
        family = next(h for h in vocab["hue_families"] if h["name"] == query.hue)
        if not family["ranges"]:
            where.append("json_extract(e.value, '$.C') IS NOT NULL AND json_extract(e.value, '$.h') IS NULL")
        else:
            ranges = " OR ".join(["(CAST(json_extract(e.value, '$.h') AS DOUBLE) >= ? AND CAST(json_extract(e.value, '$.h') AS DOUBLE) < ?)"] * len(family["ranges"]))
            where.append(f"json_extract(e.value, '$.h') IS NOT NULL AND ({ranges})")
            params += [bound for pair in family["ranges"] for bound in pair]
    if query.lightness is not None:
        band = next(b for b in vocab["lightness_bands"] if b["name"] == query.lightness)
        where.append("CAST(json_extract(e.value, '$.L') AS DOUBLE) >= ? AND CAST(json_extract(e.value, '$.L') AS DOUBLE) < ?")
        params += [band["from"], band["to"]]
    if query.primitive is not None:
        # depth_breakdown is a JSON object keyed by primitive: match its quoted key followed by a colon.
        escaped = json.dumps(query.primitive, ensure_ascii=False).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where.append("e.depth_breakdown LIKE ? ESCAPE '\\'")
        params.append(f"%{escaped}:%")
    return where, params


def _iso(text: str | None) -> str | None:
    """D1's microsecond text (or DuckDB's, formatted the same) shown to the second, UTC."""
    return None if text is None else text[:19] + "Z"


def _entry(row: tuple, aspect: str) -> dict:
    key, name, value, breakdown, primitive, count, videos, first, last = row[:9]
    return {
        **entry_fields(aspect, key, name, value, breakdown, primitive),
        "count": int(count),
        "videos": int(videos),
        "first_seen": _iso(first),
        "last_seen": _iso(last),
    }


ENTRY_COLUMNS_SQL = (
    "e.key AS key, e.name AS name, CAST(e.value AS VARCHAR) AS value, CAST(e.depth_breakdown AS VARCHAR) AS breakdown, "
    "e.primitive AS primitive, coalesce(c.total, 0)::BIGINT AS total, coalesce(c.videos, 0)::BIGINT AS videos, "
    f"strftime(e.first_seen, {TIMESTAMP_SQL}) AS first_seen, strftime(e.last_seen, {TIMESTAMP_SQL}) AS seen"
)
COUNTS_JOIN = "LEFT JOIN registry_counts c ON c.aspect = e.aspect AND c.key = e.key"


def entry_rows(con: duckdb.DuckDBPyConnection, aspect: str, keys: list[str]) -> dict[str, tuple]:
    """``{key: row}`` (ENTRY_COLUMNS_SQL, then sources) of the entries of ``aspect`` with these keys (a page's worth).

    The keys are an IN list on both tables, so nothing is joined over the whole aspect.
    """
    if not keys:
        return {}
    listed = ", ".join(["?"] * len(keys))
    sql = (
        f"SELECT {ENTRY_COLUMNS_SQL}, CAST(e.sources AS VARCHAR) FROM registry_entries e "
        f"LEFT JOIN (SELECT * FROM registry_counts WHERE aspect = ? AND key IN ({listed})) c ON c.key = e.key "
        f"WHERE e.aspect = ? AND e.key IN ({listed})"
    )
    return {r[0]: r for r in con.execute(sql, [aspect, *keys, aspect, *keys]).fetchall()}


# Step 1 of a page: the keys, in order, over just the sort columns (cheap at 100k entries); step 2 reads the
# page's rows in full. Most and newest first, ties by key descending: the order the Worker walks D1's indexes in.
NEVER = "TIMESTAMP '0001-01-01 00:00:00'"  # a never-seen seed's last_seen for sorting (last when newest first)
SORTS = {
    # sort: (sort column, ORDER BY, keyset condition "after (value, key)")
    "count": ("coalesce(c.total, 0)", "v DESC, e.key DESC", "(v < ? OR (v = ? AND e.key < ?))"),
    "recent": (f"coalesce(e.last_seen, {NEVER})", "v DESC, e.key DESC", "(v < ? OR (v = ? AND e.key < ?))"),
    "name": ("e.name", "v, e.key", "(v > ? OR (v = ? AND e.key > ?))"),
}


def _cursor_param(sort: str, value: object) -> object:
    """A cursor's sort value as the step-1 query compares it (recency: D1's text back to a timestamp)."""
    if sort != "recent":
        return value
    if not isinstance(value, str) or not value:
        return datetime(1, 1, 1)
    try:
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%f")
    except ValueError:
        raise BadRequest("after is not a cursor from a previous page") from None


def list_entries(con: duckdb.DuckDBPyConnection, query: ListQuery) -> dict:
    """One page of an aspect's entries: ``{aspect, sort, entries, next}`` (``next`` None on the last page)."""
    where, params = filter_sql(query)
    column, order, keyset = SORTS[query.sort]
    after_sql, after_params = "", []
    if query.after is not None:
        value, key = query.after
        after_sql = f" WHERE {keyset.replace('e.key', 'key')}"
        after_params = [_cursor_param(query.sort, value)] * 2 + [key]
    counts = COUNTS_JOIN if query.sort == "count" else ""
    keys = [
        k
        for (k,) in con.execute(
            f"SELECT key FROM (SELECT e.key AS key, {column} AS v FROM registry_entries e {counts} "
            f"WHERE e.aspect = ?{''.join(' AND ' + w for w in where)}){after_sql} ORDER BY {order.replace('e.key', 'key')} LIMIT ?",
            [query.aspect, *params, *after_params, query.limit + 1],
        ).fetchall()
    ]
    page_keys = keys[: query.limit]
    rows = entry_rows(con, query.aspect, page_keys)
    page = [rows[k] for k in page_keys]
    next_cursor = None
    if len(keys) > query.limit:
        last = page[-1]
        value = {"count": int(last[5]), "recent": last[8] or "", "name": last[1]}[query.sort]
        next_cursor = cursor_text(value, last[0])
    return {"aspect": query.aspect, "sort": query.sort, "entries": [_entry(r, query.aspect) for r in page], "next": next_cursor}


def registries_summary(con: duckdb.DuckDBPyConnection) -> dict:
    """Every aspect, by registry, with its entries, seeded primitives, occurrences and distinct videos.

    Matches D1's ``aspect_totals`` view; aspects without entries show zeros.
    """
    rows = con.execute(
        """
        SELECT e.aspect, count(*) AS entries, count(*) FILTER (WHERE e.primitive) AS primitives,
               coalesce(sum(c.total), 0)::BIGINT AS total,
               (SELECT count(DISTINCT o.video_sha256) FROM registry_observations o WHERE o.aspect = e.aspect) AS videos
        FROM registry_entries e
        LEFT JOIN registry_counts c ON c.aspect = e.aspect AND c.key = e.key
        GROUP BY e.aspect
        """
    ).fetchall()
    return summary_document({aspect: rest for aspect, *rest in rows})


def summary_document(totals: dict[str, list]) -> dict:
    """``{registries: [{registry, aspects: [{aspect, entries, primitives, count, videos}]}]}`` in the vocabulary's order."""
    out = []
    for registry, aspects in vocabulary()["aspects"].items():
        items = []
        for aspect in aspects:
            entries, primitives, total, videos = totals.get(aspect, (0, 0, 0, 0))
            items.append({"aspect": aspect, "entries": int(entries), "primitives": int(primitives or 0), "count": int(total or 0), "videos": int(videos or 0)})
        out.append({"registry": registry, "aspects": items})
    return {"registries": out}


def check_aspect(aspect: object) -> str:
    if not isinstance(aspect, str) or aspect not in all_aspects():
        raise BadRequest(f"unknown aspect {str(aspect)[:80]!r}")
    return aspect


def facets(con: duckdb.DuckDBPyConnection, aspect: str) -> dict:
    """The filters the page offers for ``aspect``: colours' hue families and lightness bands, every aspect's primitives.

    Primitives are the keys of the seeded entries' ``depth_breakdown`` (what an
    entry of that aspect can be a case of), sorted.
    """
    check_aspect(aspect)
    vocab = vocabulary()
    rows = con.execute(
        "SELECT CAST(depth_breakdown AS VARCHAR) FROM registry_entries WHERE aspect = ? AND primitive AND depth_breakdown IS NOT NULL LIMIT 1000",
        [aspect],
    ).fetchall()
    return facets_document(aspect, [r[0] for r in rows], vocab)


def facets_document(aspect: str, breakdowns: list[str], vocab: dict) -> dict:
    out = []
    if aspect == "static.color":
        out.append({"name": "hue", "values": [h["name"] for h in vocab["hue_families"]]})
        out.append({"name": "lightness", "values": [b["name"] for b in vocab["lightness_bands"]]})
    primitives = sorted({name for text in breakdowns for name in json.loads(text)})[: vocab["facet_primitives_limit"]]
    if primitives:
        out.append({"name": "primitive", "values": primitives})
    return {"aspect": aspect, "facets": out}


def check_key(key: object) -> str:
    if not isinstance(key, str) or not key or len(key) > 400:
        raise BadRequest("key is missing or longer than 400 characters")
    return key


def entry_detail(con: duckdb.DuckDBPyConnection, aspect: str, key: str) -> dict:
    """One entry with its sources, discovery and the videos it was seen in (most first, at most ``entry_videos_limit``)."""
    check_aspect(aspect)
    check_key(key)
    limit = vocabulary()["entry_videos_limit"]
    row = entry_rows(con, aspect, [key]).get(key)
    if row is None:
        raise NotFound(f"{aspect} has no entry with key {key[:80]!r}")
    entry = _entry(row, aspect)
    entry["sources"] = json.loads(row[9]) if row[9] is not None else []
    found = con.execute(f"SELECT video_sha256, strftime(discovered_at, {TIMESTAMP_SQL}) FROM discoveries WHERE aspect = ? AND key = ?", [aspect, key]).fetchone()
    entry["discovered"] = {"video_sha256": found[0], "at": _iso(found[1])} if found else None
    seen = con.execute(
        f"SELECT video_sha256, count, strftime(first_seen, {TIMESTAMP_SQL}), strftime(last_seen, {TIMESTAMP_SQL}) "
        "FROM registry_observations WHERE aspect = ? AND key = ? ORDER BY count DESC, video_sha256 LIMIT ?",
        [aspect, key, limit + 1],
    ).fetchall()
    entry["seen_in"] = [{"video_sha256": v, "count": int(c), "first_seen": _iso(f), "last_seen": _iso(la)} for v, c, f, la in seen[:limit]]
    entry["seen_in_more"] = len(seen) > limit
    return entry


def check_sha(sha: str | None) -> str:
    if not sha or not SHA256_RE.match(sha):
        raise BadRequest("video must be a sha256 (64 lowercase hex digits)")
    return sha


def timeline_file(reports_dir: Path, sha: str) -> Path | None:
    """The newest timeline picture ``tasks/report.py`` drew for the video, if any."""
    found = sorted(Path(reports_dir).glob(f"*-{check_sha(sha)[:12]}-timeline.png"), key=lambda p: p.stat().st_mtime)
    return found[-1] if found else None


def video_view(con: duckdb.DuckDBPyConnection, sha: str, reports_dir: Path) -> dict:
    """What the registries hold of one video learned here: its palette, sounds, camera moves, transitions, blends, narrative."""
    check_sha(sha)
    sections = []
    for aspect, top in VIDEO_SECTIONS:
        rows = con.execute(
            "SELECT o.key, e.name, CAST(e.value AS VARCHAR), o.count FROM registry_observations o "
            "JOIN registry_entries e ON e.aspect = o.aspect AND e.key = o.key "
            "WHERE o.aspect = ? AND o.video_sha256 = ? ORDER BY o.count DESC, o.key LIMIT ?",
            [aspect, sha, top],
        ).fetchall()
        if rows:
            sections.append({"aspect": aspect, "entries": [{"key": k, "name": n, "value": json.loads(v), "count": int(c)} for k, n, v, c in rows]})
    if not sections:
        raise NotFound(f"no video {sha[:12]}… was learned into this store")
    (found,) = con.execute("SELECT count(*) FROM discoveries WHERE video_sha256 = ?", [sha]).fetchall()[0]
    picture = timeline_file(reports_dir, sha)
    return {
        "video_sha256": sha,
        "discoveries": int(found),
        "timeline": f"/api/video/timeline?video={sha}" if picture is not None else None,
        "sections": sections,
    }


def check_name(name: object) -> str:
    """A repaired name: a non-empty string of at most ``max_name_chars`` characters, surrounding blanks dropped."""
    limit = vocabulary()["max_name_chars"]
    if not isinstance(name, str) or not name.strip() or len(name.strip()) > limit or any(ord(ch) < 32 for ch in name):
        raise BadRequest(f"name must be 1 to {limit} printable characters")
    return name.strip()


def rename_entry(con: duckdb.DuckDBPyConnection, aspect: object, key: object, name: object) -> dict:
    """Repair an entry's name (call inside a transaction): unique within its aspect, idempotent.

    Renaming to the name it has changes nothing (``changed`` false). The entry's
    ``change_seq`` is not bumped: names are the first writer's in D1, so a local
    repair stays local until made in D1 as well (the Worker's ``POST /api/rename``).
    """
    aspect, key, name = check_aspect(aspect), check_key(key), check_name(name)
    row = con.execute("SELECT name FROM registry_entries WHERE aspect = ? AND key = ?", [aspect, key]).fetchone()
    if row is None:
        raise NotFound(f"{aspect} has no entry with key {key[:80]!r}")
    if row[0] == name:
        return {"aspect": aspect, "key": key, "name": name, "changed": False}
    holder = con.execute("SELECT key FROM registry_entries WHERE aspect = ? AND name = ? AND key <> ?", [aspect, name, key]).fetchone()
    if holder is not None:
        raise Conflict(f"{aspect}: the name {name!r} belongs to the entry {holder[0]!r}")
    con.execute("UPDATE registry_entries SET name = ? WHERE aspect = ? AND key = ?", [name, aspect, key])
    con.execute("UPDATE discoveries SET name = ? WHERE aspect = ? AND key = ?", [name, aspect, key])
    return {"aspect": aspect, "key": key, "name": name, "changed": True}
