"""Helpers for the D1 tests: synthetic registry stores, the local Worker, a fault proxy.

- :func:`learn` fills a DuckDB store through the registries' schema with
  deterministic entries / observations / discoveries for a set of synthetic
  videos, as the growth stage would (``change_seq`` bumped on every change), so
  the D1 tests do not depend on the analysis pipeline. Two stores that learned
  overlapping videos hold the same per-(entry, video) counts for the shared
  videos, like two machines that analysed the same file.
- :func:`start_worker` runs ``wrangler dev`` (workerd with a local D1) on a free
  loopback port with a temporary persist dir, migrations applied.
- :class:`FaultProxy` sits between the client and the Worker and answers 500
  or 429 to chosen requests, or holds a request forever (to kill a sync
  between two batches).
"""

from __future__ import annotations

import hashlib
import http.server
import json
import os
import secrets
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import httpx

from aspects.store import transaction
from registries.d1.client import D1Client, Statement
from registries.store import ensure_schema

REPO = Path(__file__).resolve().parent.parent
WORKER_DIR = REPO / "worker"
WRANGLER = WORKER_DIR / "node_modules" / ".bin" / "wrangler"

ASPECTS = ("static.color", "static.sound", "dynamic.camera", "dynamic.motion", "narrative.genre")
BASE_TIME = datetime(2026, 1, 1, 12, 0, 0)
SYLLABLES = ("ba", "ko", "ri", "mu", "te", "la", "zo", "ne", "vi", "su", "da", "pe")


def video_sha(index: int) -> str:
    return hashlib.sha256(f"synthetic video {index}".encode()).hexdigest()


def _h(*parts: object) -> int:
    return int.from_bytes(hashlib.sha256("|".join(map(str, parts)).encode()).digest()[:8], "big")


def key_of(index: int) -> str:
    return f"k{index:05d}"


def name_of(aspect: str, index: int) -> str:
    """A pronounceable name, unique per (aspect, index): what machine "a" calls the key."""
    word = "".join(SYLLABLES[(_h(aspect, index, i) % len(SYLLABLES))] for i in range(3))
    return f"{word}{index}"


def naming_b(aspect: str, index: int) -> str:
    """Machine "b" names some keys differently, and gives a few the name "a" uses for another key."""
    if index % 7 == 0:
        return name_of(aspect, index + 1)
    if index % 7 == 1:
        return "b-" + name_of(aspect, index)
    return name_of(aspect, index)


def observations_of(video: int, keys_per_aspect: int, per_video: int) -> dict[tuple[str, int], int]:
    """{(aspect, key index): count} seen in synthetic video ``video`` (deterministic)."""
    seen = {}
    for aspect in ASPECTS:
        for slot in range(per_video):
            index = _h(aspect, video, slot) % keys_per_aspect
            seen[(aspect, index)] = 1 + _h("count", aspect, video, index) % 9
    return seen


def _bulk(con, sql: str, columns: list[list]) -> None:
    """Run ``sql`` once with one list per column (bound as arrays and unnested in step): fast bulk writes."""
    if columns and columns[0]:
        con.execute(sql, columns)


def learn(
    db_path: Path,
    videos: range | list[int],
    *,
    keys_per_aspect: int = 80,
    per_video: int = 12,
    naming: Callable[[str, int], str] = name_of,
) -> None:
    """Learn synthetic ``videos`` into the store at ``db_path`` as the growth stage would.

    Upserts with ``change_seq`` bumped on every changed row; re-learning a video changes nothing.
    """
    with transaction(db_path) as con:
        ensure_schema(con)
        entries = {(a, k): [n, fs, ls] for a, k, n, fs, ls in con.execute("SELECT aspect, key, name, first_seen, last_seen FROM registry_entries").fetchall()}
        known = set(entries)
        observed = {(a, k, v): c for a, k, v, c in con.execute("SELECT aspect, key, video_sha256, count FROM registry_observations").fetchall()}
        discovered = {(a, k) for a, k in con.execute("SELECT aspect, key FROM discoveries").fetchall()}
        new_entries: dict[tuple[str, str], list] = {}
        touched: set[tuple[str, str]] = set()
        observations: dict[tuple[str, str, str], tuple[int, datetime]] = {}
        discoveries: list[list] = []
        for video in videos:
            at = BASE_TIME + timedelta(hours=video)
            sha = video_sha(video)
            for (aspect, index), count in sorted(observations_of(video, keys_per_aspect, per_video).items()):
                key = key_of(index)
                if (aspect, key) not in entries:
                    name = naming(aspect, index)
                    entries[(aspect, key)] = [name, at, at]
                    new_entries[(aspect, key)] = [json.dumps({"index": index, "aspect": aspect}), index % 10 == 0, sha]
                else:
                    entry = entries[(aspect, key)]
                    if entry[1] is None or at < entry[1] or entry[2] is None or at > entry[2]:
                        entry[1], entry[2] = min(entry[1] or at, at), max(entry[2] or at, at)
                        touched.add((aspect, key))
                if observed.get((aspect, key, sha)) != count:
                    observations[(aspect, key, sha)] = (count, at)
                    observed[(aspect, key, sha)] = count
                if (aspect, key) not in discovered:
                    discoveries.append([aspect, key, entries[(aspect, key)][0], sha, at])
                    discovered.add((aspect, key))
        rows = [[a, k, entries[(a, k)][0], v, p, entries[(a, k)][1], entries[(a, k)][2], json.dumps([s])] for (a, k), (v, p, s) in new_entries.items()]
        _bulk(
            con,
            "INSERT INTO registry_entries SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
            "'{\"primitive\": 1.0}', unnest(?::BOOLEAN[]), unnest(?::TIMESTAMP[]), unnest(?::TIMESTAMP[]), unnest(?::VARCHAR[]), "
            "nextval('registry_change_seq')",
            [list(c) for c in zip(*rows)],
        )
        updates = [[a, k, entries[(a, k)][1], entries[(a, k)][2]] for a, k in sorted(touched & known)]
        _bulk(
            con,
            "UPDATE registry_entries e SET first_seen = u.f, last_seen = u.l, change_seq = nextval('registry_change_seq') "
            "FROM (SELECT unnest(?::VARCHAR[]) AS a, unnest(?::VARCHAR[]) AS k, unnest(?::TIMESTAMP[]) AS f, unnest(?::TIMESTAMP[]) AS l) u "
            "WHERE e.aspect = u.a AND e.key = u.k",
            [list(c) for c in zip(*updates)],
        )
        obs_rows = [[a, k, v, c, at, at] for (a, k, v), (c, at) in observations.items()]
        _bulk(
            con,
            "INSERT INTO registry_observations SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::BIGINT[]), "
            "unnest(?::TIMESTAMP[]), unnest(?::TIMESTAMP[]), nextval('registry_change_seq') "
            "ON CONFLICT (aspect, key, video_sha256) DO UPDATE SET count = excluded.count, change_seq = excluded.change_seq",
            [list(c) for c in zip(*obs_rows)],
        )
        _bulk(
            con,
            "INSERT INTO discoveries SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::TIMESTAMP[]), nextval('registry_change_seq')",
            [list(c) for c in zip(*discoveries)],
        )


def bulk_store(db_path: Path, entries: int, observations_per_entry: int = 2) -> None:
    """A store with ``entries`` new entries spread over the test aspects, each seen in
    ``observations_per_entry`` videos and discovered once: a sync's worth of rows, made in SQL."""
    aspects = ", ".join(f"'{a}'" for a in ASPECTS)
    with transaction(db_path) as con:
        ensure_schema(con)
        con.execute(
            f"INSERT INTO registry_entries SELECT ([{aspects}])[1 + i % {len(ASPECTS)}], 'bulk' || lpad(i::VARCHAR, 7, '0'), 'bulkname' || i, "
            "json_object('index', i, 'rgb', [i % 256, (i * 7) % 256, (i * 13) % 256]), NULL, false, "
            "TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-02 00:00:00', NULL, nextval('registry_change_seq') FROM range(?) t(i)",
            [entries],
        )
        con.execute(
            f"INSERT INTO registry_observations SELECT ([{aspects}])[1 + i % {len(ASPECTS)}], 'bulk' || lpad(i::VARCHAR, 7, '0'), "
            "sha256('video ' || j), 1 + (i + j) % 30, TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-02 00:00:00', "
            "nextval('registry_change_seq') FROM range(?) t(i), range(?) u(j)",
            [entries, observations_per_entry],
        )
        con.execute(
            f"INSERT INTO discoveries SELECT ([{aspects}])[1 + i % {len(ASPECTS)}], 'bulk' || lpad(i::VARCHAR, 7, '0'), 'bulkname' || i, "
            "sha256('video 0'), TIMESTAMP '2026-01-01 00:00:00', nextval('registry_change_seq') FROM range(?) t(i)",
            [entries],
        )


def local_names(db_path: Path) -> dict[tuple[str, str], str]:
    with transaction(db_path) as con:
        return {(a, k): n for a, k, n in con.execute("SELECT aspect, key, name FROM registry_entries").fetchall()}


def dump_d1(client: D1Client, *, names: bool = True) -> dict:
    """Everything the sync writes, in a canonical order (``names=False`` leaves names out)."""
    entry_columns = "aspect, key, " + ("name, " if names else "") + "value, depth_breakdown, primitive, first_seen, last_seen, sources"
    statements = [
        Statement(f"SELECT {entry_columns} FROM entries ORDER BY aspect, key"),
        Statement("SELECT aspect, key, video_sha256, count, first_seen, last_seen FROM observations ORDER BY aspect, key, video_sha256"),
        Statement("SELECT aspect, key, video_sha256, discovered_at FROM discoveries ORDER BY aspect, key"),
        Statement("SELECT aspect, registry, entries, primitives, total_count, videos FROM aspect_totals ORDER BY aspect"),
        Statement("SELECT aspect, key, total_count, videos FROM entry_totals ORDER BY aspect, key"),
        Statement("SELECT aspect, key, total_count, videos FROM entry_counts ORDER BY aspect, key"),
    ]
    answers = client.batch(statements)
    return dict(zip(("entries", "observations", "discoveries", "aspect_totals", "entry_totals", "entry_counts"), (a.results for a in answers)))


def counts_consistent(dump: dict) -> bool:
    """After a completed sync, the explorer's ``entry_counts`` equal the ``entry_totals`` view for every seen entry."""
    return dump["entry_counts"] == [t for t in dump["entry_totals"] if t["videos"]]


def reset_d1(client: D1Client) -> None:
    client.batch([Statement(f"DELETE FROM {table}") for table in ("entries", "observations", "discoveries", "sync_stores", "entry_counts")])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LocalWorker:
    url: str
    token: str
    persist_dir: Path
    log_path: Path
    process: subprocess.Popen

    def stop(self) -> None:
        """Stop wrangler and its workerd children (the whole process group)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def wrangler_env(tmp: Path) -> dict[str, str]:
    # Offline and quiet: no telemetry, no Request.cf download, logs kept out of $HOME.
    return {
        **os.environ,
        "WRANGLER_SEND_METRICS": "false",
        "CLOUDFLARE_CF_FETCH_ENABLED": "false",
        "WRANGLER_LOG_PATH": str(tmp / "wrangler-logs"),
        "CI": "true",
    }


def start_worker(tmp: Path, *, startup_timeout_s: float = 90.0) -> LocalWorker:
    """``wrangler dev`` on a free loopback port, with a fresh D1 (migrations applied) under ``tmp``."""
    if not WRANGLER.exists():
        raise RuntimeError(f"{WRANGLER} is missing: run `npm ci --prefix worker` first")
    persist = tmp / "state"
    env = wrangler_env(tmp)
    applied = subprocess.run(
        [str(WRANGLER), "d1", "migrations", "apply", "aspects", "--local", "--persist-to", str(persist)],
        cwd=WORKER_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if applied.returncode != 0:
        raise RuntimeError(f"wrangler d1 migrations apply failed ({applied.returncode}):\n{applied.stdout[-2000:]}\n{applied.stderr[-2000:]}")
    token = secrets.token_hex(16)
    port = free_port()
    log_path = tmp / "wrangler-dev.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [
                str(WRANGLER),
                "dev",
                "--local",
                "--ip",
                "127.0.0.1",
                "--port",
                str(port),
                "--inspector-port",
                str(free_port()),
                "--persist-to",
                str(persist),
                "--show-interactive-dev-session=false",
                "--var",
                f"AUTH_TOKEN:{token}",
            ],
            cwd=WORKER_DIR,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    worker = LocalWorker(f"http://127.0.0.1:{port}", token, persist, log_path, process)
    deadline = time.monotonic() + startup_timeout_s
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"wrangler dev exited with {process.returncode}:\n{log_path.read_text(errors='replace')[-3000:]}")
        try:
            answer = httpx.get(f"{worker.url}/health", timeout=2.0)
            if answer.status_code == 200 and answer.json().get("migrations", 0) >= 1:
                return worker
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            worker.stop()
            raise RuntimeError(f"wrangler dev not healthy after {startup_timeout_s:.0f} s:\n{log_path.read_text(errors='replace')[-3000:]}")
        time.sleep(0.25)


class FaultProxy:
    """A loopback HTTP proxy in front of the Worker.

    ``fault(n)`` is asked for request number ``n`` (from 1) and returns None
    (forward it), ``("before", status, headers)`` (answer without forwarding)
    or ``("after", status, headers)`` (forward, let the Worker commit, then
    lose the answer). Requests after ``hold_after`` forwarded ones are held
    until the proxy stops, so a test can kill the client between two batches.
    """

    def __init__(self, upstream: str, *, fault: Callable[[int], tuple | None] = lambda n: None, hold_after: int | None = None):
        self.upstream = upstream
        self.fault = fault
        self.hold_after = hold_after
        self.seen = 0
        self.forwarded = 0
        self.faults = 0
        self.holding = threading.Event()
        self._release = threading.Event()
        self._lock = threading.Lock()
        self._http = httpx.Client(timeout=30.0)
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                proxy._handle(self)

            def do_POST(self) -> None:
                proxy._handle(self)

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FaultProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
        self._server.shutdown()
        self._server.server_close()
        self._http.close()

    def release(self) -> None:
        """Stop holding: held requests end without an answer, new ones are forwarded."""
        with self._lock:
            self.hold_after = None
        self._release.set()

    def _handle(self, handler: http.server.BaseHTTPRequestHandler) -> None:
        body = handler.rfile.read(int(handler.headers.get("content-length") or 0))
        with self._lock:
            self.seen += 1
            number = self.seen
            hold = self.hold_after is not None and self.forwarded >= self.hold_after
            fault = None if hold else self.fault(number)
        if hold:
            self.holding.set()
            self._release.wait()
            return
        if fault and fault[0] == "before":
            self._answer(handler, fault[1], fault[2], b'{"success":false,"errors":[{"code":1,"message":"injected fault"}]}')
            with self._lock:
                self.faults += 1
            return
        headers = {k: v for k, v in handler.headers.items() if k.lower() in ("authorization", "content-type", "accept")}
        upstream = self._http.request(handler.command, self.upstream + handler.path, content=body or None, headers=headers)
        with self._lock:
            self.forwarded += 1
            if fault:
                self.faults += 1
        if fault:
            self._answer(handler, fault[1], fault[2], b'{"success":false,"errors":[{"code":1,"message":"injected fault after commit"}]}')
        else:
            self._answer(handler, upstream.status_code, {"content-type": upstream.headers.get("content-type", "application/json")}, upstream.content)

    @staticmethod
    def _answer(handler: http.server.BaseHTTPRequestHandler, status: int, headers: dict, body: bytes) -> None:
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.send_header("content-length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
