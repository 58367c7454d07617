"""Helpers shared by the dynamic-aspect tests: measure a fixture and run the dynamic stage on it."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from aspects.dynamic import dynamic_aspects
from aspects.pipeline import Measurements, measure_video

S = "s=320x240:r=25"  # the usual fixture picture: 320×240 at 25 fps


def dynamic(path: Path, window_s: float = 1.0) -> tuple[Measurements, dict]:
    """Measure ``path`` (settings from the environment; nothing is written) and return its measurements and dynamic aspects (JSON form)."""
    m = measure_video(path)
    return m, dynamic_aspects(m, window_s).model_dump(mode="json")


def frame_index(m: Measurements, t: float) -> int:
    """Index of the frame whose presentation time is ``t`` (seconds), exactly."""
    times = np.asarray(m.frames["t"])
    i = int(np.argmin(np.abs(times - t)))
    assert abs(times[i] - t) < 1e-6, f"{t} s is not a frame time"
    return int(m.frames["index"][i])
