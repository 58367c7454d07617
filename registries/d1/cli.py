"""``aspects sync``, ``aspects d1 pull``, ``aspects d1 status``, ``aspects d1 migrate``."""

from __future__ import annotations

import argparse
import json

# The D1 client and sync (httpx, DuckDB) are imported when a command runs, not when ``aspects`` starts.


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sync", help="post what the registries learned since the last sync to D1 (target from ASPECTS_D1_TARGET)")
    p.add_argument("--full", action="store_true", help="re-send everything, not just what changed (e.g. after D1 was reset)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=run_sync)

    d1 = sub.add_parser("d1", help="the shared D1 registry: status, pull, migrate")
    d1_sub = d1.add_subparsers(dest="d1_command", required=True, metavar="D1_COMMAND")
    p = d1_sub.add_parser("status", help="show the target, what is pending and the last sync")
    p.add_argument("--remote", action="store_true", help="also ask D1 for its per-aspect totals")
    p.add_argument("--json", action="store_true", help="print as JSON")
    p.set_defaults(func=run_status)
    p = d1_sub.add_parser("pull", help="bring D1's entries and names into the local store")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=run_pull)
    p = d1_sub.add_parser("migrate", help="apply the D1 migrations the target lacks")
    p.set_defaults(func=run_migrate)


def run_sync(args: argparse.Namespace) -> int:
    from registries.d1.sync import sync

    report = sync(full=args.full)
    print(json.dumps(report.as_dict()) if args.json else report.summary())
    return 0


def run_pull(args: argparse.Namespace) -> int:
    from registries.d1.sync import pull

    report = pull()
    print(json.dumps(vars(report)) if args.json else report.summary())
    return 0


def run_status(args: argparse.Namespace) -> int:
    from aspects.settings import get_settings
    from registries.d1.client import client_from_settings
    from registries.d1.sync import remote_totals, store_status

    settings = get_settings()
    with client_from_settings(settings) as client:
        status = store_status(settings.duckdb_path, client.identity)
        if args.remote:
            status["remote_totals"] = remote_totals(client)
    if args.json:
        print(json.dumps(status, indent=1))
        return 0
    pending = status["pending"]
    last = status["last_sync"]
    print(f"target   {status['target']}")
    print(f"pending  {pending['entries']} entries, {pending['observations']} observations, {pending['discoveries']} discoveries (after seq {status['last_seq']})")
    print(f"last     {last['at']}: {last['entries']} entries, {last['observations']} observations in {last['requests']} requests" if last else "last     never synced to this target")
    if status["rejected"]:
        print(f"rejected {status['rejected']} rows this target could not take (left out of the sync; `aspects sync --full` tries them again):")
        for row in status["rejected_rows"]:
            what = "/".join(p for p in (row["aspect"], row["key"]) if p) or "-"
            video = f" video {row['video_sha256'][:12]}" if row["video_sha256"] else ""
            print(f"  {row['kind']} {what}{video}: {row['reason']}")
    for row in status.get("remote_totals", []):
        print(f"  {row['aspect']:<28} {row['entries']:>7} entries {row['total_count'] or 0:>10} seen {row['videos']:>6} videos")
    return 0


def run_migrate(args: argparse.Namespace) -> int:
    from aspects.settings import get_settings
    from registries.d1.client import client_from_settings

    with client_from_settings(get_settings()) as client:
        applied = client.migrate()
        print(f"D1 {client.identity}: applied {', '.join(applied)}" if applied else f"D1 {client.identity}: up to date")
    return 0
