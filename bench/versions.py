"""The versions a bench's numbers were read with, as one line every bench script prints first.

Session 12 found the same code reading the GM role splits 2-4 points apart on two machines whose library and
synthesiser versions were never written down, so numbers quoted in README/docs could not be traced. ``versions_line()``
names python, the numeric and decoding packages (from their installed metadata: nothing heavy is imported), the
ffmpeg bundled with imageio-ffmpeg, and FluidSynth / espeak-ng / the GM soundfont when present ("absent" when not).
It never raises and waits at most ``PROGRAM_TIMEOUT_S`` for the programs, which run side by side.
"""

from __future__ import annotations

import importlib.metadata
import platform
import re
import shutil
import subprocess
import time
from pathlib import Path

PACKAGES = ("numpy", "scipy", "librosa", "onnxruntime", "av")
PROGRAM_TIMEOUT_S = 0.8  # all three `--version` calls together; each answers in ~10 ms on an idle machine, the rest is slack for a loaded one
SOUNDFONT = Path("/usr/share/sounds/sf2/FluidR3_GM.sf2")  # the file every GM corpus renders with (tests/audio_corpus.py); its size tells builds apart
_VERSION = re.compile(r"\d+(?:\.\d+)+\S*")


def _package(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except Exception:
        return "absent"


def _ffmpeg_exe() -> str | None:
    try:
        import imageio_ffmpeg

        return str(imageio_ffmpeg.get_ffmpeg_exe())
    except Exception:
        return None


def _first_version(text: str) -> str:
    """The first version-like token of the output's first line (the whole line when there is none)."""
    line = text.strip().splitlines()[0] if text.strip() else ""
    found = _VERSION.search(line)
    return found.group(0) if found else (line or "no output")


def _programs(commands: dict[str, list[str] | None]) -> dict[str, str]:
    """Each program's version, the programs started together and given PROGRAM_TIMEOUT_S in all."""
    running: dict[str, subprocess.Popen[str]] = {}
    out = {name: "absent" for name in commands}
    for name, cmd in commands.items():
        if cmd is None or shutil.which(cmd[0]) is None:
            continue
        try:
            running[name] = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True)
        except Exception as error:
            out[name] = f"unreadable ({type(error).__name__})"
    deadline = time.monotonic() + PROGRAM_TIMEOUT_S
    for name, proc in running.items():
        try:
            text, _ = proc.communicate(timeout=max(0.0, deadline - time.monotonic()))
            out[name] = _first_version(text)
        except Exception:
            proc.kill()
            proc.communicate()
            out[name] = "timeout"
    return out


def versions_line() -> str:
    """One line: ``versions: python 3.11.9, numpy 2.4.6, …, fluidsynth 2.3.1, espeak-ng 1.51, soundfont … B``."""
    parts = [f"python {platform.python_version()}"]
    parts += [f"{name} {_package(name)}" for name in PACKAGES]
    ffmpeg = _ffmpeg_exe()
    programs = _programs({"ffmpeg": [ffmpeg, "-version"] if ffmpeg else None, "fluidsynth": ["fluidsynth", "--version"], "espeak-ng": ["espeak-ng", "--version"]})
    parts.append(f"imageio-ffmpeg {_package('imageio-ffmpeg')} (ffmpeg {programs.pop('ffmpeg')})")
    parts += [f"{name} {version}" for name, version in programs.items()]
    try:
        parts.append(f"soundfont {SOUNDFONT.name} {SOUNDFONT.stat().st_size} B")
    except OSError:
        parts.append(f"soundfont {SOUNDFONT.name} absent")
    return "versions: " + ", ".join(parts)


if __name__ == "__main__":
    print(versions_line())
