"""The explorer served locally: the page and its JSON API over the DuckDB store (``aspects serve``).

DuckDB lets one process at a time open the store. The app keeps it open
while requests come (a page view makes several; keeping its data in memory
between them is what makes a page of 100 000 entries quick) and closes it
after ``IDLE_CLOSE_S`` without a request, so a learner in another process
waits at most that long once browsing pauses (its connect retries).
Writes (``POST /api/rename``) need ``Authorization: Bearer <ASPECTS_EXPLORER_TOKEN>``;
with no token set, writes are refused.
"""

from __future__ import annotations

import hmac
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import duckdb
from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from aspects.settings import Settings, get_settings
from aspects.store import connect
from registries.explorer import api
from registries.store import export_json, prepare

IDLE_CLOSE_S = 1.0  # seconds without a request after which the store is closed for other processes


class SharedStore:
    """The store opened once for a burst of requests; each request gets its own cursor (thread-safe)."""

    def __init__(self, path: Path, idle_close_s: float = IDLE_CLOSE_S):
        self.path = path
        self.idle_close_s = idle_close_s
        self._lock = threading.Lock()
        self._stack: ExitStack | None = None
        self._con: duckdb.DuckDBPyConnection | None = None
        self._users = 0
        self._last_used = 0.0
        self._closer: threading.Thread | None = None

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._lock:
            if self._con is None:
                self._stack = ExitStack()
                self._con = self._stack.enter_context(connect(self.path))
            self._users += 1
            cursor = self._con.cursor()
        try:
            yield cursor
        finally:
            cursor.close()
            with self._lock:
                self._users -= 1
                self._last_used = time.monotonic()
                if self._closer is None:
                    self._closer = threading.Thread(target=self._close_when_idle, daemon=True)
                    self._closer.start()

    def _close_when_idle(self) -> None:
        while True:
            time.sleep(self.idle_close_s / 4)
            with self._lock:
                if self._users == 0 and time.monotonic() - self._last_used >= self.idle_close_s:
                    self.close_now()
                    self._closer = None
                    return

    def close_now(self) -> None:
        """Close the store (call with the lock held, or when no request runs)."""
        if self._stack is not None:
            self._stack.close()
        self._stack, self._con = None, None


SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "content-security-policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'",
}


def _error(status: int, message: str, **headers: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The FastAPI app for ``settings``' store (schema and seeds made on first use)."""
    settings = settings or get_settings()
    prepare(settings)
    app = FastAPI(title="mp4-aspects registry explorer", docs_url=None, redoc_url=None, openapi_url=None)

    shared = SharedStore(settings.duckdb_path)
    app.state.store = shared

    def read(fn: Callable, *args) -> JSONResponse:
        with shared.cursor() as con:
            return JSONResponse(fn(con, *args))

    @app.exception_handler(api.BadRequest)
    async def bad_request(_: Request, exc: api.BadRequest) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(api.NotFound)
    async def not_found(_: Request, exc: api.NotFound) -> JSONResponse:
        return _error(404, str(exc))

    @app.exception_handler(api.Conflict)
    async def conflict(_: Request, exc: api.Conflict) -> JSONResponse:
        return _error(409, str(exc))

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("cache-control", "no-store")
        return response

    @app.get("/api/about")
    def about() -> dict:
        return {"backend": "local", "video_view": True, "writes": settings.explorer_token is not None}

    @app.get("/api/registries")
    def registries() -> JSONResponse:
        return read(api.registries_summary)

    @app.get("/api/entries")
    def entries(request: Request) -> JSONResponse:
        query = api.parse_list_query(dict(request.query_params))
        return read(api.list_entries, query)

    @app.get("/api/facets")
    def facets(aspect: str = "") -> JSONResponse:
        return read(api.facets, aspect)

    @app.get("/api/entry")
    def entry(aspect: str = "", key: str = "") -> JSONResponse:
        return read(api.entry_detail, aspect, key)

    @app.get("/api/video")
    def video(video: str = "") -> JSONResponse:
        return read(api.video_view, video, settings.reports_dir)

    @app.get("/api/video/timeline")
    def timeline(video: str = ""):
        path = api.timeline_file(settings.reports_dir, video)
        if path is None:
            return _error(404, "no timeline picture for this video on this machine")
        return FileResponse(path, media_type="image/png")

    @app.post("/api/rename")
    async def rename(request: Request) -> JSONResponse:
        expected = settings.explorer_token.get_secret_value() if settings.explorer_token is not None else None
        if not expected:
            return _error(403, "writes are off: set ASPECTS_EXPLORER_TOKEN for `aspects serve` to allow name repairs")
        given = request.headers.get("authorization", "")
        scheme, _, token = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), expected.encode()):
            return _error(401, "missing or wrong bearer token", **{"www-authenticate": "Bearer"})
        try:
            body = await request.json()
        except ValueError:
            raise api.BadRequest('body must be JSON: {"aspect", "key", "name"}') from None
        if not isinstance(body, dict):
            raise api.BadRequest('body must be a JSON object: {"aspect", "key", "name"}')
        with shared.cursor() as con:
            con.execute("BEGIN")
            try:
                result = api.rename_entry(con, body.get("aspect"), body.get("key"), body.get("name"))
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        if result["changed"]:
            export_json(settings, [result["aspect"]])
        return JSONResponse(result)

    @app.api_route("/api/{rest:path}", methods=["GET", "POST"])
    def unknown(rest: str) -> JSONResponse:
        return _error(404, f"no API route /api/{rest[:80]}")

    app.mount("/", StaticFiles(directory=api.STATIC_DIR, html=True), name="page")
    return app
