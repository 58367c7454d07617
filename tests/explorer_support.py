"""Helpers for the explorer tests: a small learned corpus, `aspects serve` in a thread, headless Chromium.

- :func:`learn_corpus` makes four small videos of known content (ffmpeg lavfi,
  160×90, 2 s), runs the stage functions on them in-process (no Prefect) to
  grow the registries of ``settings``' store, and draws each one's timeline
  PNG as the report task does.
- :class:`LocalServer` runs the explorer's FastAPI app with uvicorn on a free
  loopback port in a background thread.
- :func:`chromium` starts Debian's headless Chromium through Selenium and
  ``chromium-driver`` (version-matched by Debian; nothing is downloaded).
"""

from __future__ import annotations

import json
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from aspects import stages
from aspects.settings import Settings
from tests.media import click_track, make_video

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SIZE = "160x90"
SERVER_STOP_S = 60.0  # seconds uvicorn gets to stop after should_exit (it polls every 0.1 s; a loaded machine is slow)


@dataclass(frozen=True)
class Clip:
    name: str
    sources: tuple[str, ...]
    filter_complex: str | None
    audio: str | None
    spec: dict


CLIPS = (
    Clip(
        "red-to-blue",
        (f"color=c=red:s={SIZE}:r=25", f"color=c=0x2040d0:s={SIZE}:r=25"),
        "[0:v]trim=0:1,setpts=PTS-STARTPTS[a];[1:v]trim=0:1,setpts=PTS-STARTPTS[b];[a][b]concat=n=2:v=1[v]",
        "sine=f=220:d=2",
        {"genre": "drama", "mood": "calm", "prompt": "a red room, then a cut to a blue sky"},
    ),
    Clip("teal-noise", (f"color=c=teal:s={SIZE}:r=25",), None, "anoisesrc=d=2:c=white:a=0.3", {"genre": "documentary", "settings": "sea"}),
    Clip("pattern-clicks", (f"testsrc2=s={SIZE}:r=25",), None, "CLICKS", {"genre": "science fiction", "mood": "tense"}),
    Clip("orange-fade", (f"color=c=orange:s={SIZE}:r=25,fade=t=out:st=1:d=1",), None, "sine=f=60:d=2", {"style": "minimalist"}),
)


def make_corpus(folder: Path) -> list[tuple[Path, dict]]:
    """The corpus' MP4 files and their specs."""
    out = []
    for clip in CLIPS:
        audio = click_track(120, duration_s=2) if clip.audio == "CLICKS" else clip.audio
        path = make_video(folder / f"{clip.name}.mp4", *clip.sources, filter_complex=clip.filter_complex, duration_s=2, audio=audio)
        out.append((path, clip.spec))
    return out


def learn(path: Path, spec: dict, settings: Settings) -> dict:
    """Analyse ``path`` and grow ``settings``' registries with it; the timeline PNG lands in its reports folder."""
    from tasks.report import timeline_png  # matplotlib: imported only when learning

    m = stages.decode(path, settings)
    narrative = stages.narrative(spec, None)
    document = stages.document(m, stages.static(m), stages.dynamic(m, settings.window_s), narrative)
    stages.growth(document, narrative, settings)
    sha = document["video"]["sha256"]
    timeline_png(m, document, settings.reports_dir / f"{path.stem}-{sha[:12]}-timeline.png")
    return document


def learn_corpus(folder: Path, settings: Settings) -> list[str]:
    """Make and learn the corpus into ``settings``' store; returns the videos' sha256s."""
    return [learn(path, spec, settings)["video"]["sha256"] for path, spec in make_corpus(folder)]


def copy_store(source: Settings, target_dir: Path) -> Settings:
    """A copy of ``source``'s data folder (store, JSON mirror, reports) under ``target_dir``."""
    shutil.copytree(source.data_dir, target_dir, dirs_exist_ok=True)
    return Settings(data_dir=target_dir, explorer_token=source.explorer_token)


class LocalServer:
    """``aspects serve``'s app under uvicorn on a free loopback port, in a thread."""

    def __init__(self, settings: Settings):
        import uvicorn

        from registries.explorer.app import create_app
        from tests.d1_fixtures import free_port

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=self.port, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LocalServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/api/about", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        raise RuntimeError("the explorer did not start within 20 s")

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=SERVER_STOP_S)
        if self.thread.is_alive() and exc[0] is None:  # a server left running keeps its store and threads in this worker
            raise RuntimeError(f"the explorer did not stop within {SERVER_STOP_S:.0f} s")


def chromium(download_dir: Path, profile_dir: Path):
    """Headless Debian Chromium driven by Selenium (flags safe as root, offline, a fresh profile)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,860",
        f"--user-data-dir={profile_dir}",
    ):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(download_dir), "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(download_dir)})
    return driver


def wait_for(predicate, timeout_s: float = 15.0, what: str = "condition"):
    """Poll ``predicate`` until it returns something truthy; fail naming ``what``."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout_s:.0f} s waiting for {what}")
        time.sleep(0.05)


def wait_file(folder: Path, suffix: str, timeout_s: float = 15.0) -> Path:
    """The first complete download in ``folder`` ending with ``suffix``."""
    return wait_for(lambda: next((p for p in folder.glob(f"*{suffix}") if p.stat().st_size), None), timeout_s, f"a {suffix} download")


def json_of(response: httpx.Response) -> dict:
    return json.loads(response.text)
