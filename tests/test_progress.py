"""The progress bar: drawn on a terminal (through a pty), absent when stderr is not one or when turned off."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios

from aspects.progress import FrameBar, expected_frames
from tests.media import REPO

BAR = re.compile(r"(\d+)/(\d+) \[[0-9:]+<[0-9:?]+, +[0-9.?]+ ?frame/s\]")  # tqdm: "125/125 [00:01<00:00, 98.1frame/s]"


def run_on_pty(args: list[str], data_dir) -> tuple[int, str]:
    """``aspects ARGS`` with stderr on a pseudo-terminal; returns (exit code, what the terminal showed)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))  # a terminal 120 columns wide
    env = dict(os.environ, ASPECTS_DATA_DIR=str(data_dir), PREFECT_HOME=str(data_dir / "prefect"))
    process = subprocess.Popen([sys.executable, "-m", "aspects.cli", *args], stdout=subprocess.DEVNULL, stderr=follower, cwd=REPO, env=env)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return process.wait(timeout=300), shown.decode(errors="replace")


def test_bar_on_a_terminal_counts_every_frame(videos, data_dir):
    code, shown = run_on_pty(["analyze", str(videos["clip"]), "--json", str(data_dir / "clip.json")], data_dir)
    assert code == 0
    counts = [(int(done), int(total)) for done, total in BAR.findall(shown)]
    assert counts, shown
    assert counts[-1] == (125, 125)  # 5 s at 25 fps, frames per second and time left shown beside


def test_no_bar_when_turned_off_or_writing_the_document_to_stdout(videos, data_dir):
    for extra in (["--json", str(data_dir / "clip.json"), "--no-progress"], ["--json", "-"]):
        code, shown = run_on_pty(["analyze", str(videos["red"]), *extra], data_dir)
        assert code == 0 and not BAR.search(shown) and "frame/s" not in shown, shown


def test_nothing_on_stderr_when_it_is_not_a_terminal(videos, data_dir):
    env = dict(os.environ, ASPECTS_DATA_DIR=str(data_dir))
    out = subprocess.run([sys.executable, "-m", "aspects.cli", "analyze", str(videos["red"]), "--json", str(data_dir / "red.json")], capture_output=True, text=True, cwd=REPO, env=env)
    assert out.returncode == 0 and out.stderr == ""


class FakeTerminal:
    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> None:
        self.text += text

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return True


def test_one_bar_over_several_videos_grows_when_a_header_under_counts():
    terminal = FakeTerminal()
    bar = FrameBar(terminal, "inbox")
    first, second = bar.track(100), bar.track(50)
    first(60, 2.0)
    second(50, 2.0)
    first(120, 4.0)  # the header said 100
    bar.close()
    assert bar._bar.n == 170 and bar._bar.total == 170
    assert expected_frames({"duration_s": 2.0, "video": {"frame_count": None, "fps": 25.0}}) == 50
