"""bench/versions.py: the one line of versions every bench script prints first (cheap: no media, ~0.5 s in all)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from bench import versions

BENCH = Path(__file__).resolve().parent.parent / "bench"
NAMES = ("python ", "numpy ", "scipy ", "librosa ", "onnxruntime ", "av ", "imageio-ffmpeg ", "(ffmpeg ", "fluidsynth ", "espeak-ng ", "soundfont ")


def test_line_names_every_package() -> None:
    line = versions.versions_line()
    assert line.startswith("versions: ") and "\n" not in line
    for name in NAMES:
        assert name in line, name


def test_missing_programs_read_absent(monkeypatch) -> None:
    monkeypatch.setenv("PATH", "")
    line = versions.versions_line()
    assert "fluidsynth absent" in line and "espeak-ng absent" in line
    assert "(ffmpeg absent)" not in line  # imageio-ffmpeg's binary is found by its own path, not PATH


def test_hanging_program_times_out(monkeypatch, tmp_path: Path) -> None:
    slow = tmp_path / "fluidsynth"
    slow.write_text(f"#!/bin/sh\nexec {shutil.which('sleep')} 5\n")  # PATH below holds only this script
    slow.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(versions, "PROGRAM_TIMEOUT_S", 0.2)
    started = time.monotonic()
    line = versions.versions_line()
    assert "fluidsynth timeout" in line and "espeak-ng absent" in line
    assert time.monotonic() - started < 2.0


def test_every_bench_script_prints_the_line() -> None:
    scripts = [p for p in sorted(BENCH.glob("*.py")) if 'if __name__ == "__main__"' in p.read_text() and p.name != "versions.py"]
    assert len(scripts) >= 13
    missing = [p.name for p in scripts if "print(versions_line()" not in p.read_text()]
    assert not missing, missing
