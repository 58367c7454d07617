"""The D1 client without a server: the cloudflare target's exact requests (httpx mock
transport in front of a real SQLite engine), retries, limits, errors, settings, migrations."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import httpx
import pytest

from aspects.errors import AspectsError
from aspects.settings import Settings, get_settings
from aspects.store import transaction
from registries.d1.client import (
    CLOUDFLARE_API,
    MAX_PARAMS_PER_STATEMENT,
    MAX_REQUEST_BYTES,
    MAX_STATEMENT_BYTES,
    MIGRATIONS_TABLE_SQL,
    D1AuthError,
    D1Client,
    D1StatementError,
    D1UnavailableError,
    HttpTarget,
    SqliteTarget,
    Statement,
    client_from_settings,
    migration_files,
    parse_retry_after,
    split_sql,
)
from registries.d1.sync import ENTRY_COLUMNS, chunk_statements, entry_upsert_sql, sync_store
from tests.d1_fixtures import dump_d1, learn

RECORDED = Path(__file__).with_name("d1_recorded") / "cloudflare_entries_request.json"
ACCOUNT, DATABASE, TOKEN = "0123456789abcdef0123456789abcdef", "5f1d7c1e-0000-4000-8000-00000000d1d1", "cf-test-token"
QUERY_URL = f"https://api.cloudflare.com/client/v4/accounts/{ACCOUNT}/d1/database/{DATABASE}/query"


@pytest.fixture
def settings(tmp_path, monkeypatch) -> Settings:
    monkeypatch.setenv("ASPECTS_DATA_DIR", str(tmp_path / "data"))
    for name in ("ASPECTS_D1_TARGET", "ASPECTS_D1_URL", "ASPECTS_D1_TOKEN", "CLOUDFLARE_ACCOUNT_ID", "CLOUDFLARE_D1_DATABASE_ID", "CLOUDFLARE_API_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no developer .env leaks in
    get_settings.cache_clear()
    yield get_settings()
    get_settings.cache_clear()


class FakeCloudflare:
    """Answers like the D1 REST API, running each batch on a real SQLite file, and records every request."""

    def __init__(self, path: Path):
        self.engine = SqliteTarget(path)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        body = json.loads(request.content)
        statements = [Statement(s["sql"], tuple(s["params"])) for s in body["batch"]]
        answers = self.engine.execute(statements)
        result = [{"results": a.results, "success": True, "meta": a.meta} for a in answers]
        return httpx.Response(200, json={"result": result, "success": True, "errors": [], "messages": []})


def cloudflare_settings(settings: Settings, **extra) -> Settings:
    return settings.model_copy(update={"d1_target": "cloudflare", "cloudflare_account_id": ACCOUNT, "cloudflare_d1_database_id": DATABASE, "cloudflare_api_token": TOKEN, **extra})


def test_cloudflare_target_sends_the_recorded_request(settings, tmp_path):
    store = tmp_path / "store.duckdb"
    learn(store, [0], per_video=1)  # one entry per aspect: five entries, five observations, five discoveries
    fake = FakeCloudflare(tmp_path / "cf.sqlite")
    sleeps = []
    with client_from_settings(cloudflare_settings(settings), transport=httpx.MockTransport(fake), sleep=sleeps.append) as client:
        report = sync_store(store, client)
    assert (report.entries, report.observations, report.discoveries) == (5, 5, 5)
    # migrations check + one request per migration + entries + observations/generations/counts/discoveries/bookkeeping
    assert len(fake.requests) == report.requests == 3 + len(migration_files())
    for request in fake.requests:
        assert request.method == "POST"
        assert str(request.url) == QUERY_URL
        assert request.headers["authorization"] == f"Bearer {TOKEN}"
        assert request.headers["content-type"] == "application/json"
        body = json.loads(request.content)
        assert list(body) == ["batch"]
        for statement in body["batch"]:
            assert list(statement) == ["sql", "params"]
            assert isinstance(statement["params"], list)
    entries_request = next(r for r in fake.requests if b"INSERT INTO entries" in r.content)
    assert json.loads(entries_request.content) == json.loads(RECORDED.read_text())
    # Pacing between requests: the default interval was waited out (the clock here is fake).
    assert sleeps and all(0 < s <= settings.d1_request_interval_s for s in sleeps)
    assert len(dump_d1(D1Client(SqliteTarget(tmp_path / "cf.sqlite")))["entries"]) == 5


def test_cloudflare_requests_stay_within_d1_limits(settings, tmp_path):
    store = tmp_path / "store.duckdb"
    learn(store, range(4))
    with transaction(store) as con:
        # Bulky values force the 100 KB-per-statement split before the 100-parameter one.
        con.execute("UPDATE registry_entries SET value = json_object('blob', repeat('x', 30000)) WHERE key < 'k00030'")
    fake = FakeCloudflare(tmp_path / "cf.sqlite")
    with client_from_settings(cloudflare_settings(settings, d1_statements_per_request=7), transport=httpx.MockTransport(fake), sleep=lambda s: None) as client:
        report = sync_store(store, client)
    sizes, params = [], []
    for request in fake.requests:
        batch = json.loads(request.content)["batch"]
        # A migration is one transaction whatever its length; the sync's own requests obey the setting.
        assert 1 <= len(batch) <= (100 if "d1_migrations" in batch[0]["sql"] else 7)
        assert len(request.content) <= MAX_REQUEST_BYTES
        for statement in batch:
            params.append(len(statement["params"]))
            sizes.append(len(json.dumps(statement, ensure_ascii=False).encode()))
    assert max(params) <= MAX_PARAMS_PER_STATEMENT and max(sizes) <= MAX_STATEMENT_BYTES
    assert max(params) >= 90  # small rows do fill statements up to the limit
    # 30 KB values: three fit in one 100 KB statement, a fourth would not.
    bulky_per_statement = [sum(isinstance(p, str) and len(p) > 30000 for p in s["params"]) for r in fake.requests for s in json.loads(r.content)["batch"]]
    assert max(bulky_per_statement) == 3
    d1 = dump_d1(D1Client(SqliteTarget(tmp_path / "cf.sqlite")))
    assert len(d1["entries"]) == report.entries and len(d1["observations"]) == report.observations


def test_an_entry_over_the_statement_limit_is_a_clear_error():
    row = ("static.color", "k1", "red", "red-abc", json.dumps({"blob": "x" * 120_000}), None, 0, None, None, None)
    with pytest.raises(AspectsError, match=r"static.color/k1: \d+ bytes, over D1's 100000-byte statement limit"):
        chunk_statements([row], ENTRY_COLUMNS, entry_upsert_sql, "registry entry")


class Scripted:
    """A mock transport that answers from a list (status, headers) and counts requests."""

    def __init__(self, answers: list):
        self.answers = list(answers)
        self.calls = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        status, headers = answer
        if status == 200:
            n = len(json.loads(request.content)["batch"])
            body = {"result": [{"results": [{"one": 1}], "success": True, "meta": {}}] * n, "success": True, "errors": [], "messages": []}
        else:
            body = {"result": [], "success": False, "errors": [{"code": 7500, "message": f"scripted {status}"}], "messages": []}
        return httpx.Response(status, json=body, headers=headers)


def http_client(transport, sleeps: list, *, attempts: int = 6, interval_s: float = 0.0, clock=None) -> D1Client:
    target = HttpTarget(
        "http://127.0.0.1:9/query",
        "tok",
        identity="worker:http://127.0.0.1:9",
        timeout_s=5,
        max_attempts=attempts,
        interval_s=interval_s,
        transport=httpx.MockTransport(transport),
        sleep=sleeps.append,
        **({"clock": clock} if clock else {}),
    )
    client = D1Client(target)
    client._migrated = True  # these tests are about one request's fate, not migrations
    return client


STATEMENT = Statement("INSERT INTO observations (aspect, key, video_sha256, count) VALUES (?, ?, ?, ?)", ("static.color", "k1", "ab", 3))


def test_429_and_5xx_are_retried_with_backoff_honouring_retry_after():
    script = Scripted([(429, {"Retry-After": "3"}), (503, {}), httpx.ConnectError("refused"), (200, {})])
    sleeps: list[float] = []
    answers = http_client(script, sleeps).batch([STATEMENT])
    assert answers[0].results == [{"one": 1}]
    assert script.calls == 4
    assert sleeps[0] >= 3.0  # Retry-After honoured
    assert 0.5 <= sleeps[1] <= 1.0 and 1.0 <= sleeps[2] <= 2.0  # exponential, jittered within [ceiling/2, ceiling]


def test_retries_are_bounded_and_the_error_names_statement_and_status():
    script = Scripted([(500, {})])
    sleeps: list[float] = []
    with pytest.raises(D1UnavailableError) as caught:
        http_client(script, sleeps, attempts=4).batch([STATEMENT])
    assert script.calls == 4 and len(sleeps) == 3
    message = str(caught.value)
    assert "HTTP 500" in message and "INSERT INTO observations" in message and "gave up after 4 attempts" in message


def test_401_fails_fast_without_retry():
    script = Scripted([(401, {})])
    sleeps: list[float] = []
    with pytest.raises(D1AuthError, match=r"HTTP 401: scripted 401 \(check the token"):
        http_client(script, sleeps).batch([STATEMENT, STATEMENT])
    assert script.calls == 1 and sleeps == []


def test_a_rejected_statement_is_not_retried():
    script = Scripted([(400, {})])
    with pytest.raises(D1StatementError, match=r"batch of 2 statements \(first: INSERT INTO observations.*HTTP 400: scripted 400"):
        http_client(script, []).batch([STATEMENT, STATEMENT])
    assert script.calls == 1


def test_requests_are_paced():
    # A clock of the test's own: 0.05 s pass between two requests, and a sleep advances it by what was slept, so the
    # pacing is read without the machine's load (a wall clock made this flaky on a loaded machine: 0.197 s slept).
    now = [100.0]

    class Slept(list):
        def append(self, seconds: float) -> None:
            super().append(seconds)
            now[0] += seconds

    sleeps = Slept()
    client = http_client(Scripted([(200, {})]), sleeps, interval_s=0.25, clock=lambda: now[0])
    for _ in range(3):
        client.batch([STATEMENT])
        now[0] += 0.05
    assert sleeps == pytest.approx([0.20, 0.20])
    client.target.interval_s = 0.0
    client.batch([STATEMENT])
    assert len(sleeps) == 2  # no interval, no wait


def test_retry_after_parsing():
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    later = datetime.now(UTC) + timedelta(seconds=30)
    assert 25 <= parse_retry_after(format_datetime(later, usegmt=True)) <= 31


def test_target_is_chosen_by_settings_with_explicit_timeouts(settings, monkeypatch, tmp_path):
    with client_from_settings(settings) as client:
        assert client.identity == f"sqlite:{(tmp_path / 'data' / 'd1.sqlite').resolve()}"
    monkeypatch.setenv("ASPECTS_D1_TARGET", "cloudflare")
    monkeypatch.setenv("CLOUDFLARE_ACCOUNT_ID", ACCOUNT)
    monkeypatch.setenv("CLOUDFLARE_D1_DATABASE_ID", DATABASE)
    get_settings.cache_clear()
    with pytest.raises(AspectsError, match="needs CLOUDFLARE_API_TOKEN"):
        client_from_settings(get_settings())
    monkeypatch.setenv("CLOUDFLARE_API_TOKEN", TOKEN)
    monkeypatch.setenv("ASPECTS_D1_TIMEOUT_S", "12")
    get_settings.cache_clear()
    with client_from_settings(get_settings()) as client:
        assert client.identity == f"cloudflare:{ACCOUNT}/{DATABASE}"
        assert client.target.url == QUERY_URL and QUERY_URL.startswith(CLOUDFLARE_API)
        timeout = client.target._http.timeout
        assert (timeout.connect, timeout.read, timeout.write) == (10.0, 12.0, 12.0)
    monkeypatch.setenv("ASPECTS_D1_TARGET", "worker")
    monkeypatch.setenv("ASPECTS_D1_URL", "http://127.0.0.1:8787/")
    get_settings.cache_clear()
    with pytest.raises(AspectsError, match="needs ASPECTS_D1_TOKEN"):
        client_from_settings(get_settings())


def test_migrations_are_applied_once_and_recorded_like_wrangler(tmp_path):
    path = tmp_path / "d1.sqlite"
    with D1Client(SqliteTarget(path)) as client:
        assert client.migrate() == [p.name for p in migration_files()]
    with D1Client(SqliteTarget(path)) as client:
        assert client.migrate() == []
    con = sqlite3.connect(path)
    rows = con.execute("SELECT id, name, applied_at FROM d1_migrations").fetchall()
    assert [(r[0], r[1]) for r in rows] == [(i + 1, p.name) for i, p in enumerate(migration_files())]
    assert all(r[2] for r in rows)
    table_sql = con.execute("SELECT sql FROM sqlite_master WHERE name = 'd1_migrations'").fetchone()[0]
    assert table_sql == MIGRATIONS_TABLE_SQL.replace("CREATE TABLE IF NOT EXISTS", "CREATE TABLE")
    objects = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert {"entries", "observations", "discoveries", "sync_stores", "entry_totals", "aspect_totals"} <= objects


def test_split_sql_keeps_statements_whole():
    text = "-- a comment; with a semicolon\nCREATE TABLE a (x INT);\n\nCREATE VIEW b AS\nSELECT x\nFROM a;\n"
    assert split_sql(text) == ["CREATE TABLE a (x INT)", "CREATE VIEW b AS\nSELECT x\nFROM a"]
