"""``aspects registry list|show|export`` (``aspects learn`` is in :mod:`flows.cli`)."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aspects.settings import Settings

# The store (DuckDB) and the settings are imported when a command runs, not when ``aspects`` starts.


def register(sub: argparse._SubParsersAction) -> None:
    reg = sub.add_parser("registry", help="inspect and export the registries")
    rsub = reg.add_subparsers(dest="registry_command", required=True, metavar="ACTION")
    p = rsub.add_parser("list", help="entries of one aspect (most observed first), or a summary of all aspects")
    p.add_argument("aspect", nargs="?", help="e.g. static.color, dynamic.camera, narrative.genre")
    p.add_argument("--top", type=int, default=20, help="show at most N entries (0: all; default 20)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=run_list)
    p = rsub.add_parser("show", help="one entry with its observations")
    p.add_argument("aspect")
    p.add_argument("key_or_name")
    p.set_defaults(func=run_show)
    p = rsub.add_parser("export", help="write every aspect as JSON under DIR/<registry>/<aspect>.json")
    p.add_argument("directory", metavar="DIR")
    p.set_defaults(func=run_export)


def _open(settings: Settings):
    from aspects.store import connect
    from registries import store

    store.prepare(settings)
    return connect(settings.duckdb_path)


def format_entries(aspect: str, rows: list[dict], total: int) -> str:
    """The ``registry list ASPECT`` table."""
    lines = [f"{aspect}: {total} entries, showing {len(rows)} (most observed first)", f"{'name':<22} {'key':<34} {'frames':>7} {'videos':>6}  kind"]
    for e in rows:
        kind = "seed" if e["primitive"] else "learnt"
        lines.append(f"{e['name']:<22} {e['key']:<34} {e['frames']:>7} {e['videos']:>6}  {kind}")
    return "\n".join(lines)


def run_list(args: argparse.Namespace) -> int:
    from aspects.settings import get_settings
    from registries import store

    with _open(get_settings()) as con:
        if args.aspect is None:
            rows = store.summary(con)
            if args.json:
                print(json.dumps(rows, indent=1))
                return 0
            print(f"{'aspect':<24} {'entries':>7} {'seeds':>6} {'observed':>8} {'frames':>8}")
            for r in rows:
                print(f"{r['aspect']:<24} {r['entries']:>7} {r['primitives']:>6} {r['observed']:>8} {r['frames']:>8}")
            return 0
        everything = store.entries(con, args.aspect)
    ranked = sorted(everything, key=lambda e: (-e["frames"], -e["videos"], not e["primitive"], e["key"]))
    rows = ranked[: args.top] if args.top > 0 else ranked
    print(json.dumps(rows, indent=1, ensure_ascii=False) if args.json else format_entries(args.aspect, rows, len(everything)))
    return 0


def run_show(args: argparse.Namespace) -> int:
    from aspects.settings import get_settings
    from registries import store

    with _open(get_settings()) as con:
        entry = store.find_entry(con, args.aspect, args.key_or_name)
    print(json.dumps(entry, indent=1, ensure_ascii=False))
    return 0


def run_export(args: argparse.Namespace) -> int:
    from aspects.settings import get_settings
    from registries import store

    settings = get_settings()
    store.prepare(settings)
    paths = store.export_json(settings, directory=args.directory)
    print(f"{len(paths)} aspects written under {args.directory}")
    return 0
