"""The ``aspects`` command line: the top of the import graph.

Each command group lives next to the code it drives and adds its commands
through a ``register(subparsers)`` function; this module imports every group
explicitly and registers them in :data:`COMMAND_GROUPS` order. ``main`` turns every
:class:`~aspects.errors.AspectsError` into one clear line on stderr and a
non-zero exit (a traceback only with ``--debug``).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from aspects import commands
from aspects.errors import AspectsError
from flows import cli as flow_commands
from registries import cli as registry_commands
from registries.d1 import cli as d1_commands
from registries.explorer import cli as explorer_commands

# Command groups, each with ``register(subparsers)``: analyze; registry; learn, loop; sync, d1; serve.
COMMAND_GROUPS = (commands, registry_commands, flow_commands, d1_commands, explorer_commands)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="aspects", description="Measure every aspect of MP4 videos and grow registries of them.")
    parser.add_argument("--debug", action="store_true", help="show full tracebacks and debug logs")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(sub)
    return parser


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
