"""The ``aspects`` command line.

Each command group lives next to the code it drives and registers itself
here through a ``register(subparsers)`` function; ``main`` turns every
:class:`~aspects.errors.AspectsError` into one clear line on stderr and a
non-zero exit (a traceback only with ``--debug``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import sys
from pathlib import Path

from aspects.errors import AspectsError

# Modules that add sub-commands: each defines ``register(subparsers)``.
COMMAND_MODULES = (
    "aspects.commands",
    "registries.cli",
    "flows.cli",
    "registries.d1.cli",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="aspects", description="Measure every aspect of MP4 videos and grow registries of them.")
    parser.add_argument("--debug", action="store_true", help="show full tracebacks and debug logs")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def write_json(document: dict, target: str) -> None:
    """Write ``document`` to ``target`` (a path, or ``-`` for stdout)."""
    text = json.dumps(document, indent=1, ensure_ascii=False, allow_nan=False)
    if target == "-":
        sys.stdout.write(text + "\n")
        return
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text + "\n", encoding="utf-8")
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    # The temporary Prefect server would try to post telemetry and log an error on a machine without internet.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.func(args) or 0)
    except AspectsError as exc:
        if args.debug:
            raise
        print(f"aspects: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("aspects: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # an unexpected failure still gets one readable line
        if args.debug:
            raise
        print(f"aspects: error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
