"""Helpers for the flow tests: registry snapshots, ports, subprocesses, waiting (fixtures are in ``conftest.py``)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from aspects.store import connect

REPO = Path(__file__).resolve().parent.parent


def stage_status(summary: dict) -> dict[str, str]:
    return {s["stage"]: s["status"] for s in summary["stages"]}


def registry_snapshot(db_path: Path) -> dict:
    """Entries (without timestamps) and per-video observation counts: what must not change on a re-run."""
    with connect(db_path, read_only=True) as con:
        entries = con.execute("SELECT aspect, key, name, value::VARCHAR, primitive FROM registry_entries ORDER BY aspect, key").fetchall()
        observations = con.execute("SELECT aspect, key, video_sha256, count, change_seq FROM registry_observations ORDER BY aspect, key, video_sha256").fetchall()
    return {"entries": entries, "observations": observations}


def observation_count(db_path: Path) -> int:
    """Observation rows in the registries (0 before the first growth created the tables)."""
    with connect(db_path, read_only=True) as con:
        if not con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'registry_observations'").fetchone()[0]:
            return 0
        return con.execute("SELECT count(*) FROM registry_observations").fetchone()[0]


def learned_entries(db_path: Path) -> dict:
    """Non-seed entries and observation counts, without change sequence numbers (they depend on write order)."""
    snap = registry_snapshot(db_path)
    return {"entries": [e for e in snap["entries"] if not e[4]], "observations": [o[:4] for o in snap["observations"]]}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_python(code: str, env: dict, *argv: str, **kwargs) -> subprocess.Popen:
    """Start ``python -c code argv...`` in the repo with ``env`` added to this process's environment."""
    return subprocess.Popen([sys.executable, "-c", code, *argv], cwd=REPO, env={**os.environ, **env}, **kwargs)


def wait_for(predicate, timeout_s: float, what: str, every_s: float = 0.2):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every_s)
    raise AssertionError(f"timed out after {timeout_s:.0f} s waiting for {what}")


def write_spec(path: Path, spec: dict | str) -> Path:
    path.write_text(spec if isinstance(spec, str) else json.dumps(spec))
    return path
