"""Fixtures for the flow tests: a Prefect engine, an isolated data folder, fixture videos, registry snapshots."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aspects.settings import get_settings
from aspects.store import connect
from tests.media import click_track, make_video

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def prefect_api():
    """Prefect's test harness (a temporary server on a free port) for the whole session; yields its API URL."""
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    with prefect_test_harness(server_startup_timeout=60):
        yield PREFECT_API_URL.value()


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """``ASPECTS_DATA_DIR`` in ``tmp_path`` (settings re-read), never the repo's data/."""
    path = tmp_path / "data"
    monkeypatch.setenv("ASPECTS_DATA_DIR", str(path))
    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def videos(tmp_path_factory) -> dict[str, Path]:
    """``clip``: 5 s test pattern with a cut to red at 3 s and a 120 BPM click; ``red``: 2 s red, 220 Hz tone."""
    root = tmp_path_factory.mktemp("videos")
    clip = make_video(
        root / "clip.mp4",
        "testsrc2=s=320x240:r=25",
        "color=c=red:s=320x240:r=25",
        filter_complex="[0:v]trim=0:3,setpts=PTS-STARTPTS[a];[1:v]trim=0:2,setpts=PTS-STARTPTS[b];[a][b]concat=n=2:v=1[v]",
        duration_s=5,
        audio=click_track(120, duration_s=5),
    )
    red = make_video(root / "red.mp4", "color=c=red:s=320x240:r=25", duration_s=2, audio="sine=f=220:d=2")
    return {"clip": clip, "red": red}


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
