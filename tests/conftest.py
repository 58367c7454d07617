"""Fixtures shared by the test modules.

Every test's runtime data goes to a temporary folder (``data_dir``, used
automatically), never the repository's ``data/``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import pytest

from aspects.settings import get_settings
from tests.media import click_track, make_video

# The files that take longest, started first so that `make test`'s workers (pytest-xdist, one file each at a time)
# finish together; the Prefect and Dask ones (mostly waiting on servers and processes) alternate with the corpora
# (rendered and measured on one core). Seconds in session 12's run with two workers on a loaded machine. The rest of
# the files keep pytest's order.
SLOWEST_FILES = (
    "test_flows_e2e.py",  # 330 s
    "test_audio_primitives.py",  # 255 s
    "test_flows.py",  # 325 s
    "test_tempo_corpus.py",  # 250 s
    "test_flows_production.py",  # 235 s
    "test_audio_voices.py",  # 195 s
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run :data:`SLOWEST_FILES` first, in that order (a stable sort: each file's own order is kept)."""
    rank = {name: k for k, name in enumerate(SLOWEST_FILES)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """``ASPECTS_DATA_DIR`` in ``tmp_path`` (settings re-read), never the repo's data/."""
    path = tmp_path / "data"
    monkeypatch.setenv("ASPECTS_DATA_DIR", str(path))
    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()


PREFECT_HARNESS_START_S = 180  # seconds the session's Prefect test server may take to start: 60 timed out at load 20-35 (a slow machine, not a failure)


@pytest.fixture(scope="session")
def prefect_api():
    """Prefect's test harness (a temporary server on a free port) for the whole session; yields its API URL.

    The harness's temporary database starts as a copy of bootstrap's migrated template of this Prefect version when
    there is one (flows/local_server.py), so its server starts without migrating (23.2 -> 10.3 CPU-s for the harness's server);
    without a template, or if the harness stops making its folder with ``mkdtemp``, it migrates as before."""
    from unittest import mock

    from prefect.settings import PREFECT_API_URL
    from prefect.testing import utilities
    from prefect.testing.utilities import prefect_test_harness

    from flows.local_server import copy_database, template_path

    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    template = template_path()

    def mkdtemp_from_template() -> str:
        folder = tempfile.mkdtemp()
        if template.is_file():
            copy_database(template, Path(folder) / "prefect-test.db")  # the harness's database file (Prefect 3)
        return folder

    seeded = mock.patch.object(utilities, "mkdtemp", mkdtemp_from_template) if hasattr(utilities, "mkdtemp") else contextlib.nullcontext()
    with seeded, prefect_test_harness(server_startup_timeout=PREFECT_HARNESS_START_S):
        yield PREFECT_API_URL.value()


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
