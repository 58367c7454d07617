"""``aspects serve``: the registry explorer on this machine's store."""

from __future__ import annotations

import argparse
import socket

from aspects.errors import AspectsError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="browse the registries in a web page (the explorer) at http://HOST:PORT/")
    p.add_argument("--port", type=int, default=8765, help="TCP port (default 8765)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.set_defaults(func=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from registries.explorer.app import create_app

    if not 0 < args.port < 65536:
        raise AspectsError(f"--port {args.port}: not a TCP port (1-65535)")
    try:
        with socket.create_server((args.host, args.port)):
            pass
    except OSError as exc:
        raise AspectsError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc} (another server there? try --port)") from None
    app = create_app()
    print(f"explorer: http://{args.host}:{args.port}/  (Ctrl-C to stop)", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
