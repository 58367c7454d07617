"""Time the explorer's API on a registry of 100 000 entries (local DuckDB store).

Builds a store with N entries in ``static.color`` (synthetic L/C/h values, each
seen in 2 videos) plus the seeds, then times each request two ways, side by
side in one process (the machine may be loaded): *cold*, the first request
of a page view (open the store, query, close), and *warm*, the next ones
(``aspects serve`` keeps the store open while requests come; see
``registries/explorer/app.py``). The baseline is opening and closing the
store alone.

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
from bench.versions import versions_line  # noqa: E402
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


def cold(db: Path, fn, *args) -> float:
    started = time.perf_counter()
    with connect(db) as con:
        if fn is not None:
            fn(con, *args)
    return (time.perf_counter() - started) * 1000.0


def warm(con, fn, *args) -> tuple[float, float]:
    """(wall ms, CPU ms of this process: all threads, so less sensitive to other load than wall time)."""
    started, cpu = time.perf_counter(), time.process_time()
    cursor = con.cursor()
    if fn is not None:
        fn(cursor, *args)
    cursor.close()
    return (time.perf_counter() - started) * 1000.0, (time.process_time() - cpu) * 1000.0


PAGES_IN = 20  # the deep page is read after this many pages of 200
MIN_ENTRIES = 5000  # entries the requests below need: the deep page (PAGES_IN × 200 + a page) and the key bulk0004242


def requests(db: Path) -> list[tuple[str, object, tuple]]:
    """(label, function, args) of the requests a person's browsing makes."""
    out: list[tuple[str, object, tuple]] = [("open + close the store (baseline)", None, ())]
    for sort in ("count", "recent", "name"):
        first = api.parse_list_query({"aspect": "static.color", "sort": sort})
        out.append((f"first page, sort={sort}", api.list_entries, (first,)))
        # A page deep in the list: walk 20 pages in, then time the next one.
        cursor = None
        with connect(db) as con:
            for _ in range(PAGES_IN):
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
    if args.entries < MIN_ENTRIES:
        parser.error(f"--entries {args.entries}: at least {MIN_ENTRIES} (it times a page {PAGES_IN * 200} entries in and entry bulk0004242's detail)")
    print(versions_line(), flush=True)  # first line of the output: the versions these numbers were read with
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "aspects.duckdb"
        started = time.perf_counter()
        build_store(db, args.entries)
        print(f"store: {args.entries:,} colour entries, {2 * args.entries:,} observations, built in {time.perf_counter() - started:.1f} s")
        print(f"{'request':<40} {'cold median':>11} {'cold worst':>10} {'warm median':>11} {'warm worst':>10} {'warm CPU':>9}   ms (target {TARGET_MS:.0f} ms)")
        worst_cold = worst_warm = 0.0
        todo = requests(db)
        with connect(db) as con:  # warm: one open store, a cursor per request, as aspects serve does
            warm_times = [[warm(con, fn, *fargs) for _ in range(args.runs)] for _, fn, fargs in todo]
        for (label, fn, fargs), timings in zip(todo, warm_times):
            w, cpu = [t[0] for t in timings], [t[1] for t in timings]
            c = [cold(db, fn, *fargs) for _ in range(args.runs)]
            if fn is not None:
                worst_cold, worst_warm = max(worst_cold, max(c)), max(worst_warm, max(w))
            print(f"{label:<40} {statistics.median(c):>11.1f} {max(c):>10.1f} {statistics.median(w):>11.1f} {max(w):>10.1f} {statistics.median(cpu):>9.1f}")
        for what, worst in (("cold", worst_cold), ("warm", worst_warm)):
            print(f"slowest {what} request: {worst:.1f} ms ({'within' if worst < TARGET_MS else 'OVER'} the {TARGET_MS:.0f} ms target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
