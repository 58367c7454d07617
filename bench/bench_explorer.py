"""Time the explorer's API on a registry of 100 000 entries (local DuckDB store).

Builds a store with N entries in ``static.color`` (synthetic L/C/h values, each
seen in 2 videos) plus the seeds, then times, per request, what ``aspects
serve`` does: open the store read-only, run the query, close. Prints each
request's median and worst over a few runs, and the baseline of opening and
closing the store alone, side by side (the machine may be loaded).

    python bench/bench_explorer.py [--entries 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aspects.store import connect, transaction  # noqa: E402
from registries.explorer import api  # noqa: E402
from registries.store import ensure_schema, ensure_seeded, refresh_counts  # noqa: E402

TARGET_MS = 300.0


def build_store(db: Path, entries: int, videos_per_entry: int = 2) -> None:
    """``entries`` learnt colour entries (keys ``bulk…``), each observed in ``videos_per_entry`` videos, in SQL."""
    with transaction(db) as con:
        ensure_schema(con)
        ensure_seeded(con)
        con.execute(
            "INSERT INTO registry_entries SELECT 'static.color', 'bulk' || lpad(i::VARCHAR, 7, '0'), 'bulkname' || i, "
            "json_object('L', (i % 11) * 10, 'C', 15 + (i % 7) * 15, 'h', (i * 15) % 360, 'r', i % 256, 'g', (i * 7) % 256, 'b', (i * 13) % 256), "
            "json_object(CASE WHEN i % 3 = 0 THEN 'red' ELSE 'blue' END, 1.0), false, "
            "TIMESTAMP '2026-01-01 00:00:00' + to_seconds(i), TIMESTAMP '2026-01-02 00:00:00' + to_seconds(i), NULL, "
            "nextval('registry_change_seq') FROM range(?) t(i)",
            [entries],
        )
        con.execute(
            "INSERT INTO registry_observations SELECT 'static.color', 'bulk' || lpad(i::VARCHAR, 7, '0'), sha256('video ' || (i + j) % 5000), "
            "1 + (i * 31 + j) % 97, TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-02 00:00:00', nextval('registry_change_seq') "
            "FROM range(?) t(i), range(?) u(j)",
            [entries, videos_per_entry],
        )
        refresh_counts(con, con.execute("SELECT aspect, key FROM registry_observations").fetchall())


def timed(db: Path, fn, *args) -> tuple[float, object]:
    started = time.perf_counter()
    with connect(db, read_only=True) as con:
        result = fn(con, *args) if fn is not None else None
    return (time.perf_counter() - started) * 1000.0, result


def requests(db: Path) -> list[tuple[str, object, tuple]]:
    """(label, function, args) of the requests a person's browsing makes."""
    out: list[tuple[str, object, tuple]] = [("open + close the store (baseline)", None, ())]
    for sort in ("count", "recent", "name"):
        first = api.parse_list_query({"aspect": "static.color", "sort": sort})
        out.append((f"first page, sort={sort}", api.list_entries, (first,)))
        # A page deep in the list: walk 20 pages in, then time the next one.
        cursor = None
        with connect(db, read_only=True) as con:
            for _ in range(20):
                cursor = api.list_entries(con, api.parse_list_query({"aspect": "static.color", "sort": sort, "limit": "200", "after": cursor}))["next"]
        out.append((f"page after 4000 entries, sort={sort}", api.list_entries, (api.parse_list_query({"aspect": "static.color", "sort": sort, "after": cursor}),)))
    out.append(("search 'name12345'", api.list_entries, (api.parse_list_query({"aspect": "static.color", "q": "name12345"}),)))
    out.append(("hue=blue + lightness=dark", api.list_entries, (api.parse_list_query({"aspect": "static.color", "hue": "blue", "lightness": "dark"}),)))
    out.append(("primitive=red", api.list_entries, (api.parse_list_query({"aspect": "static.color", "primitive": "red"}),)))
    out.append(("facets", api.facets, ("static.color",)))
    out.append(("entry detail", api.entry_detail, ("static.color", "bulk0004242")))
    out.append(("registries summary", api.registries_summary, ()))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "aspects.duckdb"
        started = time.perf_counter()
        build_store(db, args.entries)
        print(f"store: {args.entries:,} colour entries, {2 * args.entries:,} observations, built in {time.perf_counter() - started:.1f} s")
        print(f"{'request':<40} {'median ms':>10} {'worst ms':>9}  (target {TARGET_MS:.0f} ms)")
        worst_all = 0.0
        for label, fn, fargs in requests(db):
            times = [timed(db, fn, *fargs)[0] for _ in range(args.runs)]
            worst_all = max(worst_all, max(times)) if fn is not None else worst_all
            print(f"{label:<40} {statistics.median(times):>10.1f} {max(times):>9.1f}")
        print(f"slowest request: {worst_all:.1f} ms ({'within' if worst_all < TARGET_MS else 'OVER'} the {TARGET_MS:.0f} ms target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
