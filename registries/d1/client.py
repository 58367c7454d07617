"""One D1 client, three targets, chosen by settings.

- ``sqlite``: an embedded SQLite file (``ASPECTS_DATA_DIR/d1.sqlite``). D1 is
  SQLite, so the same statements run unchanged; nothing to sign up for.
- ``worker``: the project's Worker (``worker/``), ``POST {ASPECTS_D1_URL}/query``
  with ``Authorization: Bearer {ASPECTS_D1_TOKEN}``.
- ``cloudflare``: the D1 REST API,
  ``POST https://api.cloudflare.com/client/v4/accounts/{account}/d1/database/{db}/query``.

The Worker and the REST API take the same body (``{"batch": [{"sql", "params"}]}``)
and answer in the same envelope, so they share one HTTP transport. A batch is
one transaction on every target: all of its statements apply, or none.

Migrations (``registries/d1/migrations/NNNN_*.sql``, the folder ``wrangler d1
migrations apply`` also uses) are applied on first use and recorded in
``d1_migrations`` exactly as wrangler records them, so either tool can take
over from the other.
"""

from __future__ import annotations

import email.utils
import json
import logging
import random
import re
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from pydantic import SecretStr

from aspects.errors import AspectsError
from aspects.settings import Settings

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
CLOUDFLARE_API = "https://api.cloudflare.com/client/v4"

# D1's documented limits per statement.
MAX_PARAMS_PER_STATEMENT = 100
MAX_STATEMENT_BYTES = 100_000
# Kept under the Worker's MAX_BODY_BYTES (worker/wrangler.jsonc) with room to spare.
MAX_REQUEST_BYTES = 1_000_000

BACKOFF_BASE_S = 0.5
BACKOFF_CAP_S = 30.0
RETRY_AFTER_CAP_S = 120.0
CONNECT_TIMEOUT_S = 10.0

Param = None | int | float | str

# Wrangler's own bookkeeping table, byte for byte (wrangler d1 migrations apply).
MIGRATIONS_TABLE_SQL = """CREATE TABLE IF NOT EXISTS d1_migrations(
		id         INTEGER PRIMARY KEY AUTOINCREMENT,
		name       TEXT UNIQUE,
		applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
)"""


@dataclass(frozen=True)
class Statement:
    """One parameterised SQL statement (``?`` placeholders)."""

    sql: str
    params: tuple[Param, ...] = ()

    def payload(self) -> dict:
        return {"sql": self.sql, "params": list(self.params)}

    def size_bytes(self) -> int:
        """Size of the statement as sent (JSON, UTF-8), bytes: SQL text plus parameters."""
        return len(json.dumps(self.payload(), ensure_ascii=False).encode("utf-8"))

    def head(self) -> str:
        """The statement's first words, for error messages."""
        text = " ".join(self.sql.split())
        return text if len(text) <= 60 else text[:57] + "..."


@dataclass(frozen=True)
class StatementResult:
    """One statement's answer: the rows it returned and D1's ``meta`` (changes, rows_read…)."""

    results: list[dict]
    meta: dict = field(default_factory=dict)


class D1Error(AspectsError):
    """A D1 request failed. Names the target, the HTTP status (if any) and the statement(s)."""

    def __init__(self, target: str, status: int | None, statements: Sequence[Statement], reason: str, index: int | None = None):
        self.target = target
        self.status = status
        self.index = index
        self.reason = reason
        where = describe_statements(statements, index)
        status_text = f"HTTP {status}" if status is not None else "no HTTP status"
        super().__init__(f"D1 {target}: {where}: {status_text}: {reason}")


class D1AuthError(D1Error):
    """The target refused the credentials (401/403). Never retried: the same token fails the same way."""


class D1StatementError(D1Error):
    """The target rejected the request or a statement in it (bad SQL, a constraint, a limit)."""


class D1UnavailableError(D1Error):
    """The target kept answering 429/5xx (or could not be reached) after every allowed attempt."""


def describe_statements(statements: Sequence[Statement], index: int | None = None) -> str:
    if index is not None and 0 <= index < len(statements):
        return f"statement {index + 1} of {len(statements)} ({statements[index].head()})"
    if len(statements) == 1:
        return f"statement ({statements[0].head()})"
    first = statements[0].head() if statements else "-"
    return f"batch of {len(statements)} statements (first: {first})"


def migration_files(folder: Path = MIGRATIONS_DIR) -> list[Path]:
    """Migration files in the order wrangler applies them (by their leading number)."""
    files = [p for p in folder.glob("*.sql") if re.match(r"^\d+_", p.name)]
    return sorted(files, key=lambda p: (int(p.name.split("_", 1)[0]), p.name))


def split_sql(text: str) -> list[str]:
    """Split a migration file into statements.

    Migrations are plain DDL: ``--`` comments on their own lines, one statement
    per ``;``, no semicolons inside literals (no triggers). D1's batch API takes
    one statement per entry, so the file is split here rather than sent whole.
    """
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("--")]
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]


class SqliteTarget:
    """The embedded target: a local SQLite file, one transaction per batch."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.identity = f"sqlite:{self.path.resolve()}"
        self.requests_sent = 0
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit mode so BEGIN/COMMIT below are the only transaction boundaries.
        self._con = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
        self._con.row_factory = sqlite3.Row

    def execute(self, statements: Sequence[Statement]) -> list[StatementResult]:
        con = self._con
        self.requests_sent += 1
        # IMMEDIATE takes the write lock up front, so two processes serialise instead of deadlocking.
        con.execute("BEGIN IMMEDIATE")
        answers = []
        try:
            for index, statement in enumerate(statements):
                before = con.total_changes
                try:
                    cursor = con.execute(statement.sql, statement.params)
                    rows = [dict(row) for row in cursor.fetchall()]
                except sqlite3.Error as exc:
                    raise D1StatementError(self.identity, None, statements, str(exc), index) from exc
                changes = con.total_changes - before
                answers.append(StatementResult(rows, {"changes": changes, "last_row_id": cursor.lastrowid, "changed_db": changes > 0}))
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
        return answers

    def close(self) -> None:
        self._con.close()


class HttpTarget:
    """The Worker or the D1 REST API: one POST per batch, bounded retries on 429/5xx.

    Every statement the sync sends is idempotent, so a request whose answer was
    lost (timeout, 5xx after commit) is simply sent again.
    """

    def __init__(
        self,
        url: str,
        token: str,
        *,
        identity: str,
        timeout_s: float,
        max_attempts: int,
        interval_s: float,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        backoff_base_s: float = BACKOFF_BASE_S,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.url = url
        self.identity = identity
        self.max_attempts = max_attempts
        self.interval_s = interval_s
        self.backoff_base_s = backoff_base_s
        self.requests_sent = 0
        self._sleep = sleep
        self._clock = clock
        self._rng = rng or random.Random()
        self._last_request_at: float | None = None
        self._http = httpx.Client(
            timeout=httpx.Timeout(timeout_s, connect=min(CONNECT_TIMEOUT_S, timeout_s)),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json", "Accept": "application/json"},
            transport=transport,
        )

    def _pace(self) -> None:
        if self._last_request_at is not None:
            wait = self.interval_s - (self._clock() - self._last_request_at)
            if wait > 0:
                self._sleep(wait)
        self._last_request_at = self._clock()

    def backoff_s(self, attempt: int, retry_after_s: float | None) -> float:
        """Wait before attempt ``attempt + 1``, seconds: exponential with jitter, at least Retry-After."""
        ceiling = min(BACKOFF_CAP_S, self.backoff_base_s * 2 ** (attempt - 1))
        jittered = ceiling / 2 + self._rng.uniform(0, ceiling / 2)
        if retry_after_s is None:
            return jittered
        return max(min(retry_after_s, RETRY_AFTER_CAP_S), jittered)

    def execute(self, statements: Sequence[Statement]) -> list[StatementResult]:
        body = json.dumps({"batch": [s.payload() for s in statements]}, ensure_ascii=False, allow_nan=False).encode("utf-8")
        for attempt in range(1, self.max_attempts + 1):
            self._pace()
            self.requests_sent += 1
            retry_after_s = None
            try:
                response = self._http.post(self.url, content=body)
            except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:  # the URL itself is wrong: retrying cannot help
                raise D1Error(self.identity, None, statements, f"bad URL {self.url!r}: {exc}") from None
            except httpx.TransportError as exc:
                status, reason = None, f"{type(exc).__name__}: {exc}"
            else:
                status = response.status_code
                if status < 300:
                    return self._answers(statements, response)
                reason = _error_text(response)
                if status in (401, 403):
                    raise D1AuthError(self.identity, status, statements, f"{reason} (check the token: ASPECTS_D1_TOKEN / CLOUDFLARE_API_TOKEN)")
                if status != 429 and status < 500:
                    raise D1StatementError(self.identity, status, statements, reason)
                retry_after_s = parse_retry_after(response.headers.get("retry-after"))
            if attempt == self.max_attempts:
                raise D1UnavailableError(self.identity, status, statements, f"{reason} (gave up after {attempt} attempts)")
            wait = self.backoff_s(attempt, retry_after_s)
            log.warning("D1 %s: attempt %d/%d failed (%s); retrying in %.2f s", self.identity, attempt, self.max_attempts, status or reason, wait)
            self._sleep(wait)
        raise AssertionError("unreachable: the loop returns or raises")

    def _answers(self, statements: Sequence[Statement], response: httpx.Response) -> list[StatementResult]:
        try:
            envelope = response.json()
            if not envelope.get("success", False):
                raise D1StatementError(self.identity, response.status_code, statements, _error_text(response))
            results = envelope["result"]
            answers = [StatementResult(list(r.get("results") or []), dict(r.get("meta") or {})) for r in results]
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise D1StatementError(self.identity, response.status_code, statements, f"unexpected answer ({exc}): {response.text[:200]}") from exc
        if len(answers) != len(statements):
            raise D1StatementError(self.identity, response.status_code, statements, f"{len(answers)} results for {len(statements)} statements")
        for index, result in enumerate(results):
            if result.get("success") is False:
                raise D1StatementError(self.identity, response.status_code, statements, "statement failed", index)
        return answers

    def close(self) -> None:
        self._http.close()


def parse_retry_after(value: str | None) -> float | None:
    """``Retry-After`` as seconds to wait (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _error_text(response: httpx.Response) -> str:
    try:
        errors = response.json().get("errors") or []
        text = "; ".join(str(e.get("message", e)) if isinstance(e, dict) else str(e) for e in errors)
    except (ValueError, AttributeError):
        text = ""
    return text or response.text[:200] or response.reason_phrase


class D1Client:
    """Batches of statements against one target, with migrations applied on first use."""

    def __init__(self, target: SqliteTarget | HttpTarget, *, statements_per_request: int = 50):
        self.target = target
        self.statements_per_request = statements_per_request
        self._migrated = False

    @property
    def identity(self) -> str:
        """Where the statements go (``sqlite:/path``, ``worker:URL``, ``cloudflare:ACCOUNT/DB``)."""
        return self.target.identity

    @property
    def requests_sent(self) -> int:
        """Requests made so far (one per batch, retries included)."""
        return self.target.requests_sent

    def batch(self, statements: Sequence[Statement]) -> list[StatementResult]:
        """Run ``statements`` as one transaction; one result per statement, in order."""
        if not statements:
            return []
        if not self._migrated:
            self.migrate()
        return self.target.execute(statements)

    def migrate(self) -> list[str]:
        """Apply the migrations this database lacks; returns the names applied now."""
        applied_now = []
        applied = self._applied_migrations()
        for path in migration_files():
            if path.name in applied:
                continue
            # The bookkeeping row goes first: if another process applied this migration
            # meanwhile, its UNIQUE name fails the batch before any DDL runs.
            statements = [Statement("INSERT INTO d1_migrations (name) VALUES (?)", (path.name,))]
            statements += [Statement(sql) for sql in split_sql(path.read_text(encoding="utf-8"))]
            try:
                self.target.execute(statements)
            except D1StatementError as exc:
                if path.name not in self._applied_migrations():
                    raise
                log.info("migration %s was applied concurrently (%s)", path.name, exc.reason)
                continue
            log.info("applied D1 migration %s to %s", path.name, self.identity)
            applied_now.append(path.name)
        self._migrated = True
        return applied_now

    def _applied_migrations(self) -> set[str]:
        answers = self.target.execute([Statement(MIGRATIONS_TABLE_SQL), Statement("SELECT name FROM d1_migrations ORDER BY id")])
        return {row["name"] for row in answers[1].results}

    def close(self) -> None:
        self.target.close()

    def __enter__(self) -> D1Client:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def sqlite_path(settings: Settings) -> Path:
    return settings.data_dir / "d1.sqlite"


def _required(value: str | SecretStr | None, variable: str, target: str) -> str:
    text = value.get_secret_value() if isinstance(value, SecretStr) else value
    if not text:
        raise AspectsError(f"D1 target {target!r} needs {variable} (environment or .env)")
    return text


def http_url(value: str, variable: str) -> str:
    """``value`` when it is an http(s) URL with a host; otherwise a clear error at once (a typo is not worth retrying)."""
    parsed = urlsplit(value.strip())
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        shown = value if len(value) <= 80 else value[:80] + "…"
        raise AspectsError(f"{variable}={shown!r} is not an http(s) URL with a host (e.g. http://127.0.0.1:8787)")
    return value.strip()


def client_from_settings(
    settings: Settings,
    *,
    transport: httpx.BaseTransport | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> D1Client:
    """The client for ``settings.d1_target``; ``transport``/``sleep`` let tests stand in for the network and the clock."""
    target_name = settings.d1_target
    if target_name == "sqlite":
        target: SqliteTarget | HttpTarget = SqliteTarget(sqlite_path(settings))
    else:
        common: dict[str, Any] = dict(
            timeout_s=settings.d1_timeout_s,
            max_attempts=settings.d1_max_attempts,
            interval_s=settings.d1_request_interval_s,
            transport=transport,
            sleep=sleep,
        )
        if target_name == "worker":
            base = http_url(_required(settings.d1_url, "ASPECTS_D1_URL", target_name), "ASPECTS_D1_URL").rstrip("/")
            token = _required(settings.d1_token, "ASPECTS_D1_TOKEN", target_name)
            target = HttpTarget(f"{base}/query", token, identity=f"worker:{base}", **common)
        else:
            account = _required(settings.cloudflare_account_id, "CLOUDFLARE_ACCOUNT_ID", target_name)
            database = _required(settings.cloudflare_d1_database_id, "CLOUDFLARE_D1_DATABASE_ID", target_name)
            token = _required(settings.cloudflare_api_token, "CLOUDFLARE_API_TOKEN", target_name)
            url = f"{CLOUDFLARE_API}/accounts/{account}/d1/database/{database}/query"
            target = HttpTarget(url, token, identity=f"cloudflare:{account}/{database}", **common)
    return D1Client(target, statements_per_request=settings.d1_statements_per_request)
