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

A fresh ``PREFECT_HOME`` costs seconds, not tens of seconds: creating and
migrating Prefect's SQLite database (and registering its block types) is done
once per installed Prefect version, the result kept as a template
(:func:`template_path`, made by ``scripts/bootstrap.sh`` or by the first run)
and copied into each new home. The in-process API sends no telemetry and
serves no UI.
"""

from __future__ import annotations

import contextvars
import os
import socket
import sqlite3
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from aspects.errors import AspectsError

STARTUP_TIMEOUT_S = 300.0  # seconds: a first start creates and migrates the database; a loaded machine is slow
POLL_S = 0.05  # seconds between two health checks while starting


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def template_path() -> Path:
    """Where the migrated database template of the installed Prefect version is kept (``$XDG_CACHE_HOME/mp4-aspects``, default ``~/.cache``)."""
    import prefect

    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "mp4-aspects" / f"prefect-{prefect.__version__}.db"


def sqlite_database() -> Path | None:
    """The file of the configured Prefect database, when it is SQLite (Prefect's default, ``PREFECT_HOME/prefect.db``)."""
    from prefect.settings import get_current_settings

    url = get_current_settings().server.database.connection_url
    text = url.get_secret_value() if url is not None else ""
    prefix = "sqlite+aiosqlite:///"
    return Path(text[len(prefix) :]) if text.startswith(prefix) and ":memory:" not in text else None


def copy_database(source: Path, target: Path) -> None:
    """Copy a SQLite database consistently (SQLite's backup API), into a temporary file first, then in place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(f".{target.name}.{os.getpid()}.part")
    with sqlite3.connect(source) as src, sqlite3.connect(part) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    os.replace(part, target)


@contextmanager
def api_for_this_process(timeout_s: float = STARTUP_TIMEOUT_S) -> Iterator[str | None]:
    """Yield the API URL to use: the configured one, else an in-process server's (started here, stopped on exit)."""
    from prefect.settings import (
        PREFECT_API_BLOCKS_REGISTER_ON_START,
        PREFECT_API_URL,
        PREFECT_SERVER_ANALYTICS_ENABLED,
        PREFECT_UI_ENABLED,
        get_current_settings,
        temporary_settings,
    )

    if PREFECT_API_URL.value():
        yield PREFECT_API_URL.value()
        return
    import httpx
    import uvicorn
    from prefect.server.api.server import create_app

    get_current_settings().home.mkdir(parents=True, exist_ok=True)  # Prefect makes only the last folder of PREFECT_HOME
    database = sqlite_database()
    fresh = database is not None and not database.exists()
    template = template_path()
    updates = {PREFECT_UI_ENABLED: False, PREFECT_SERVER_ANALYTICS_ENABLED: False}
    if fresh and database is not None and template.is_file():
        copy_database(template, database)  # migrated, block types registered: nothing left to do at start
        updates[PREFECT_API_BLOCKS_REGISTER_ON_START] = False
    port = _free_port()
    with temporary_settings(updates):  # for the app and, through a copy of this context, the server's thread
        app = create_app(ephemeral=True, final=True)
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error", lifespan="on"))
        serving = contextvars.copy_context()
    thread = threading.Thread(target=serving.run, args=(server.run,), name="prefect-api", daemon=True)  # a daemon thread dies with the process
    thread.start()
    url = f"http://127.0.0.1:{port}/api"
    deadline = time.monotonic() + timeout_s
    try:
        with httpx.Client(timeout=2) as client:
            while True:
                if not thread.is_alive():
                    raise AspectsError("the local Prefect API server stopped while starting (see the messages above)")
                try:
                    if client.get(f"{url}/health").status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise AspectsError(f"the local Prefect API server did not answer within {timeout_s:.0f} s; start one (`prefect server start`) and set PREFECT_API_URL")
                time.sleep(POLL_S)
        if fresh and database is not None and not template.is_file():
            copy_database(database, template)  # the first run with this Prefect version: the next fresh home starts from here
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


def prepare_template() -> Path:
    """Make the database template (``scripts/bootstrap.sh`` runs this): start the in-process API once on a scratch home."""
    import tempfile

    from prefect.settings import PREFECT_API_URL, PREFECT_HOME, temporary_settings

    template = template_path()
    if not template.is_file():
        with tempfile.TemporaryDirectory() as home, temporary_settings({PREFECT_HOME: home}, restore_defaults={PREFECT_API_URL}):
            if sqlite_database() != Path(home) / "prefect.db":
                raise AspectsError(f"the Prefect database is not SQLite under PREFECT_HOME ({sqlite_database()}): no template to make")
            with api_for_this_process():
                pass
    return template


if __name__ == "__main__":
    if sys.argv[1:] != ["--prepare-template"]:
        raise SystemExit("usage: python -m flows.local_server --prepare-template")
    print(prepare_template())
