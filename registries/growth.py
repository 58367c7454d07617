"""Growth: compare an analysis document with the registries and grow them.

A key never seen becomes a named entry and a recorded discovery; a known key
gains the video's observation. All of one document is written in one DuckDB
transaction, then every aspect whose JSON mirror is behind DuckDB is rewritten
(so a failed export is repaired by the next growth, or the retry).

Idempotent: observation counts are *set* per (aspect, key, video), so growing
the same document again changes nothing (not even ``change_seq``). Growing a
re-analysed video whose observations differ *replaces* them: entries the new
analysis no longer has lose that video's observation (a spec changed from
``comedy`` to ``drama`` counts the video as drama only), and the video gets a
new generation so that D1 drops the old rows too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from aspects.settings import Settings, get_settings
from aspects.store import transaction
from registries.annotation import tally
from registries.naming import depth_breakdown, plan_names
from registries.store import INSERT_ENTRY, ensure_schema, ensure_seeded, export_json, refresh_counts, sync_mirror

MAX_SOURCES = 5
PROMPT_EXCERPT_CHARS = 120

if TYPE_CHECKING:
    import duckdb


@dataclass
class GrowthResult:
    """What one growth did."""

    video_sha256: str
    new: list[tuple[str, str, str]] = field(default_factory=list)  # (aspect, key, name) of entries created
    known: int = 0  # distinct (aspect, key) observed that were already entries (seeds included)
    items: int = 0  # frames + windows + transitions + blends + narrative values counted
    changed: int = 0  # observation rows inserted, removed or whose count changed (0 when re-learning the same)
    removed: list[tuple[str, str]] = field(default_factory=list)  # (aspect, key) the video no longer shows (re-learnt)

    @property
    def observed(self) -> int:
        """Distinct (aspect, key) pairs the document holds."""
        return len(self.new) + self.known


def _excerpt(prompt: str | None) -> str | None:
    if not prompt:
        return None
    text = " ".join(prompt.split())
    return text if len(text) <= PROMPT_EXCERPT_CHARS else text[: PROMPT_EXCERPT_CHARS - 1] + "…"


def _merge_sources(sources: list[dict], source: dict) -> list[dict]:
    """Add ``source`` unless its video is there; keep the ``MAX_SOURCES`` smallest sha256s (order-independent)."""
    if any(s.get("video_sha256") == source["video_sha256"] for s in sources):
        return sources
    return sorted([*sources, source], key=lambda s: s["video_sha256"])[:MAX_SOURCES]


def _new_generation(con: duckdb.DuckDBPyConnection, sha: str, now: datetime) -> int:
    """Give video ``sha`` a new generation: ``now`` in microseconds since the epoch, above any it had."""
    row = con.execute("SELECT generation FROM video_generations WHERE video_sha256 = ?", [sha]).fetchone()
    generation = int(now.replace(tzinfo=UTC).timestamp() * 1_000_000)
    if row is not None:
        generation = max(generation, int(row[0]) + 1)
    con.execute(
        "INSERT INTO video_generations VALUES (?, ?, nextval('registry_change_seq')) ON CONFLICT (video_sha256) DO UPDATE SET generation = excluded.generation, change_seq = excluded.change_seq",
        [sha, generation],
    )
    return generation


def apply_growth(con: duckdb.DuckDBPyConnection, sha: str, counts: dict[tuple[str, str], tuple[int, dict]], *, prompt: str | None, now: datetime) -> GrowthResult:
    """Write one video's observations (``counts`` from :func:`tally`), new entries and discoveries through ``con``.

    Call inside a transaction.
    """
    result = GrowthResult(video_sha256=sha, items=sum(c for c, _ in counts.values()))
    source = {"video_sha256": sha, "prompt": _excerpt(prompt)}
    touched: list[tuple[str, str]] = []
    prior = {(a, k): c for a, k, c in con.execute("SELECT aspect, key, count FROM registry_observations WHERE video_sha256 = ?", [sha]).fetchall()}
    latest = {key: count for key, (count, _) in counts.items()}
    if prior and prior != latest:
        # Re-learning replaces: the video's observations become this analysis's, under a new generation.
        _new_generation(con, sha, now)
        stale = sorted(set(prior) - set(latest))
        if stale:
            con.executemany("DELETE FROM registry_observations WHERE aspect = ? AND key = ? AND video_sha256 = ?", [[a, k, sha] for a, k in stale])
        result.changed += len(stale)
        result.removed = stale
        # Every row of the video is sent again with the new generation (D1 keeps the newest generation's rows only).
        con.execute("UPDATE registry_observations SET change_seq = nextval('registry_change_seq') WHERE video_sha256 = ?", [sha])
    elif not prior:
        _new_generation(con, sha, now)
    by_aspect: dict[str, dict[str, tuple[int, dict]]] = {}
    for (aspect, key), value in counts.items():
        by_aspect.setdefault(aspect, {})[key] = value
    for aspect in sorted(by_aspect):
        existing = {k: (n, s) for k, n, s in con.execute("SELECT key, name, sources FROM registry_entries WHERE aspect = ?", [aspect]).fetchall()}
        new = {k: fields for k, (_, fields) in by_aspect[aspect].items() if k not in existing}
        names = plan_names(aspect, new, {n for n, _ in existing.values()})
        for key in sorted(by_aspect[aspect]):
            count, fields = by_aspect[aspect][key]
            if key not in new:
                result.known += 1
            before = prior.get((aspect, key))
            if before == count:
                continue
            result.changed += 1
            touched.append((aspect, key))
            if before is None:
                con.execute(
                    "INSERT INTO registry_observations VALUES (?, ?, ?, ?, ?, ?, nextval('registry_change_seq'))",
                    [aspect, key, sha, count, now, now],
                )
            else:
                con.execute(
                    "UPDATE registry_observations SET count = ?, last_seen = ?, change_seq = nextval('registry_change_seq') WHERE aspect = ? AND key = ? AND video_sha256 = ?",
                    [count, now, aspect, key, sha],
                )
            if key in new:
                name = names[key]
                breakdown = depth_breakdown(aspect, fields)
                con.execute(
                    INSERT_ENTRY,
                    [aspect, key, name, json.dumps(fields), None if breakdown is None else json.dumps(breakdown), False, now, now, json.dumps([source])],
                )
                con.execute(
                    "INSERT INTO discoveries VALUES (?, ?, ?, ?, ?, nextval('registry_change_seq'))",
                    [aspect, key, name, sha, now],
                )
                result.new.append((aspect, key, name))
            else:
                sources = json.loads(existing[key][1]) if existing[key][1] is not None else []
                con.execute(
                    "UPDATE registry_entries SET first_seen = coalesce(first_seen, ?), last_seen = ?, sources = ?, change_seq = nextval('registry_change_seq') WHERE aspect = ? AND key = ?",
                    [now, now, json.dumps(_merge_sources(sources, source)), aspect, key],
                )
    refresh_counts(con, [*touched, *result.removed])
    return result


def grow(document: dict, *, settings: Settings | None = None, prompt: str | None = None) -> GrowthResult:
    """Grow the registries with one analysis document (one transaction), then refresh the JSON mirrors.

    ``prompt`` (or the document's ``prompt`` field) is kept as a short excerpt
    in the entries' sources.
    """
    settings = settings or get_settings()
    now = datetime.now(UTC).replace(tzinfo=None)
    counts = tally(document)
    with transaction(settings.duckdb_path) as con:
        ensure_schema(con)
        seeded = ensure_seeded(con)
        result = apply_growth(con, document["video"]["sha256"], counts, prompt=prompt or document.get("prompt"), now=now)
    if seeded or result.changed:
        export_json(settings, None if seeded else {aspect for aspect, _ in counts} | {aspect for aspect, _ in result.removed})
    sync_mirror(settings)  # whatever the mirror lacks, also what an earlier growth committed but failed to export
    return result
