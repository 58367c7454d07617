"""Shared helpers that make fixture media with known content (ffmpeg from imageio-ffmpeg)."""

from __future__ import annotations

import subprocess
from functools import lru_cache

import imageio_ffmpeg


@lru_cache(maxsize=1)
def ffmpeg_exe() -> str:
    return imageio_ffmpeg.get_ffmpeg_exe()


def ffmpeg(*args: str, timeout: float = 300) -> None:
    """Run ffmpeg quietly with ``args`` (overwriting outputs); raise with its stderr on failure."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-nostdin", "-y", *args]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise RuntimeError(f"ffmpeg failed ({result.returncode}): {' '.join(cmd)}\n{result.stderr}")
