"""A progress bar on the terminal while videos are decoded (``aspects analyze``, ``learn``, ``loop``).

The decode stage reports ``progress(frames_done, t_s)``
(:data:`aspects.pipeline.ProgressFn`); :class:`FrameBar` turns those reports,
from one video or several decoded at once, into one tqdm bar on stderr:
frames done out of the frames expected, frames per second, time left.
It is drawn only when stderr is a terminal; otherwise nothing is printed.
While a bar is open, :func:`active` returns it, so the decode task of a
flow running in this process can report to it.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

_active: FrameBar | None = None


class FrameBar:
    """One bar over the frames of every video tracked; thread-safe (flows decode videos on several threads)."""

    def __init__(self, stream: IO[str], description: str) -> None:
        from tqdm import tqdm  # only when a bar is drawn

        self._lock = threading.Lock()
        self._bar = tqdm(total=0, unit="frame", desc=description, file=stream, dynamic_ncols=True, leave=False, smoothing=0.1)

    def track(self, expected_frames: int):
        """Add a video of about ``expected_frames`` frames; returns its ``progress(frames_done, t_s)`` callback."""
        with self._lock:
            self._bar.total += max(int(expected_frames), 0)
            self._bar.refresh()
        reported, expected = 0, max(int(expected_frames), 0)

        def progress(frames_done: int, t_s: float) -> None:
            nonlocal reported, expected
            with self._lock:
                if frames_done > expected:  # the header under-counted the frames
                    self._bar.total += frames_done - expected
                    expected = frames_done
                self._bar.update(frames_done - reported)
                if frames_done >= expected:  # the last frame: draw it now (tqdm skips updates within its refresh interval)
                    self._bar.refresh()
            reported = frames_done

        return progress

    def close(self) -> None:
        with self._lock:
            self._bar.close()


def wanted(enabled: bool, stream: IO[str] | None = None) -> bool:
    """Whether to draw a bar: asked for (no ``--no-progress``) and ``stream`` (stderr) is a terminal."""
    stream = stream if stream is not None else sys.stderr
    return enabled and hasattr(stream, "isatty") and stream.isatty()


@contextmanager
def frame_bar(enabled: bool, description: str = "decoding", stream: IO[str] | None = None) -> Iterator[FrameBar | None]:
    """A :class:`FrameBar` on ``stream`` (stderr) while the block runs, when :func:`wanted`; else None."""
    global _active
    stream = stream if stream is not None else sys.stderr
    if not wanted(enabled, stream):
        yield None
        return
    bar = FrameBar(stream, description)
    _active = bar
    try:
        yield bar
    finally:
        _active = None
        bar.close()


def active() -> FrameBar | None:
    """The bar open in this process, if any."""
    return _active


def expected_frames(facts: dict) -> int:
    """Frames a video should have, from its container facts (the header's count, else duration × fps)."""
    video = facts.get("video") or {}
    if video.get("frame_count"):
        return int(video["frame_count"])
    return int(round((facts.get("duration_s") or 0.0) * (video.get("fps") or 0.0)))
