"""Per-frame signals as NumPy arrays, and small helpers shared by the window analysers.

Times are always seconds (``t`` of each frame, ``dt`` the time to the
previous frame), never frame numbers, so variable frame rates need no
special case.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from aspects.measure.visual import GRID


@dataclass(frozen=True)
class Signals:
    """Per-frame columns of a :class:`~aspects.pipeline.Measurements` as float arrays.

    ``t`` frame times (s), ``dt`` time since the previous frame (s; the
    first frame gets its own duration), ``duration_s`` the video's duration.
    """

    t: np.ndarray
    dt: np.ndarray
    duration_s: float
    columns: dict[str, np.ndarray]

    @classmethod
    def from_frames(cls, frames: dict, duration_s: float | None) -> Signals:
        """From the measurement columns (arrays or lists); word columns are left out."""
        columns = {}
        for name, values in frames.items():
            array = np.asarray(values)
            if array.dtype.kind in "fiu":
                columns[name] = array.astype(np.float64, copy=False)
        t = columns["t"]
        durations = columns.get("duration_s", np.full(len(t), 1 / 30))
        dt = np.diff(t, prepend=t[0] - durations[0]) if len(t) else t
        dt = np.where(dt > 0, dt, durations)
        end = float(t[-1] + durations[-1]) if len(t) else 0.0
        return cls(t=t, dt=dt, duration_s=max(float(duration_s or 0.0), end), columns=columns)

    def __getitem__(self, name: str) -> np.ndarray:
        return self.columns[name]

    def __len__(self) -> int:
        return len(self.t)

    def grid(self) -> np.ndarray:
        """The 4×4 luma grid of every frame, shape (n, GRID*GRID), 0–255."""
        return np.stack([self.columns[f"grid_{r}_{c}"] for r in range(GRID) for c in range(GRID)], axis=1)

    def colour_grid(self) -> np.ndarray:
        """The 4×4 grid's luma, Cr and Cb of every frame, shape (n, 3·GRID·GRID), 0–255 (luma only for measurements made before the colour grid existed)."""
        names = [f"{p}grid_{r}_{c}" for p in ("", "cr", "cb") for r in range(GRID) for c in range(GRID)]
        if not all(name in self.columns for name in names):
            return self.grid()
        return np.stack([self.columns[name] for name in names], axis=1)

    @cached_property
    def frame_index(self) -> dict[float, int]:
        """Each frame's index by its time to the microsecond, ``round(t, 6)``: the key of a transition's ``start`` and ``end``, which carry frame times so rounded."""
        return {round(float(t), 6): i for i, t in enumerate(self.t)}

    def between(self, start: float, end: float) -> np.ndarray:
        """Indices of frames with start ≤ t < end."""
        return np.flatnonzero((self.t >= start) & (self.t < end))


def frames_in(s: Signals, seconds: float, least: int = 1) -> int:
    """``seconds`` as a number of frames at the video's median frame rate (at least ``least``)."""
    step = float(np.median(s.dt)) if len(s) else 1 / 30
    return max(least, int(round(seconds / step)))


def slope_per_s(t: np.ndarray, values: np.ndarray) -> float:
    """Least-squares slope of ``values`` over times ``t`` (units per second); 0 with fewer than 2 points."""
    ok = np.isfinite(values)
    if ok.sum() < 2 or np.ptp(t[ok]) <= 0:
        return 0.0
    return float(np.polyfit(t[ok], values[ok], 1)[0])


def trend(t: np.ndarray, values: np.ndarray, threshold: float) -> str:
    """``increasing`` / ``decreasing`` / ``steady``: whether the fitted change over the span exceeds ``threshold`` (same units as ``values``)."""
    if len(t) < 2:
        return "steady"
    change = slope_per_s(t, values) * float(np.ptp(t) + np.median(np.diff(t)))
    if change > threshold:
        return "increasing"
    if change < -threshold:
        return "decreasing"
    return "steady"


def finite_mean(values: np.ndarray, default: float = 0.0) -> float:
    ok = values[np.isfinite(values)]
    return float(ok.mean()) if ok.size else default


def rounded(value: float, digits: int = 4) -> float:
    return round(float(value), digits)


STEPS_CHUNK = 4096  # frames whose differences ``frame_steps`` takes at once (memory stays flat on a long video)


def frame_steps(grid: np.ndarray) -> np.ndarray:
    """Per frame, the mean absolute change of its row of ``grid`` (frames × values) from the frame before; 0 for the first
    frame. The differences are taken STEPS_CHUNK frames at a time (an hour's fine grid at once: two arrays of 124 MB)."""
    steps = np.zeros(len(grid))
    for a in range(1, len(grid), STEPS_CHUNK):
        d = np.diff(grid[a - 1 : a + STEPS_CHUNK], axis=0)
        np.abs(d, out=d)
        steps[a : a + len(d)] = d.mean(axis=1)
    return steps
