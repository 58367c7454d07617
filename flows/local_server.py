"""A Prefect API for one ``aspects learn``/``loop`` when no server is configured.

Prefect's own fallback (a temporary ``uvicorn`` subprocess) gives up after
20 s, which a first run with a fresh ``PREFECT_HOME`` (database created and
migrated) or a busy machine exceeds, and a ``kill -9`` of the command leaves
that subprocess running. Here the API server runs on a daemon thread of the
command's own process instead: no second interpreter to start, no Prefect
import paid twice, nothing left behind when the process dies however it dies,
and a start-up timeout sized for a first run (``STARTUP_TIMEOUT_S``).
The database is Prefect's usual one under ``PREFECT_HOME``, so runs show in
``prefect server start``'s UI afterwards.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from aspects.errors import AspectsError

STARTUP_TIMEOUT_S = 300.0  # seconds: a first start creates and migrates the database; a loaded machine is slow
POLL_S = 0.05  # seconds between two health checks while starting


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def api_for_this_process(timeout_s: float = STARTUP_TIMEOUT_S) -> Iterator[str | None]:
    """Yield the API URL to use: the configured one, else an in-process server's (started here, stopped on exit)."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if PREFECT_API_URL.value():
        yield PREFECT_API_URL.value()
        return
    import httpx
    import uvicorn
    from prefect.server.api.server import create_app

    os.environ.setdefault("PREFECT_UI_ENABLED", "0")
    port = _free_port()
    app = create_app(ephemeral=True, final=True)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error", lifespan="on"))
    thread = threading.Thread(target=server.run, name="prefect-api", daemon=True)  # a daemon thread dies with the process
    thread.start()
    url = f"http://127.0.0.1:{port}/api"
    deadline = time.monotonic() + timeout_s
    try:
        while True:
            if not thread.is_alive():
                raise AspectsError("the local Prefect API server stopped while starting (see the messages above)")
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise AspectsError(f"the local Prefect API server did not answer within {timeout_s:.0f} s; start one (`prefect server start`) and set PREFECT_API_URL")
            time.sleep(POLL_S)
        with temporary_settings({PREFECT_API_URL: url}):
            try:
                yield url
            finally:
                _flush_to_api()
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _flush_to_api() -> None:
    """Send the logs and events still queued before the server goes away."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    APILogWorker.drain_all(timeout=5)
    EventsWorker.drain_all(timeout=5)
