"""Per-frame visual features that dynamic aspects are built from.

:class:`FrameFeatures` is called once per decoded frame (already at the
analysis size) and returns a flat dict of floats; it keeps the previous
frame's small planes so that frame-to-frame measures need no second pass.
"""

from __future__ import annotations

import cv2
import numpy as np


def luma(rgb: np.ndarray) -> np.ndarray:
    """Rec. 601 luma of ``rgb`` (H, W, 3) uint8 as float32 (H, W) in 0–255."""
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY).astype(np.float32)


class FrameFeatures:
    """Stateful per-frame feature extractor (holds only the previous frame's planes)."""

    def __init__(self) -> None:
        self._prev_y: np.ndarray | None = None

    def __call__(self, rgb: np.ndarray) -> dict[str, float]:
        y = luma(rgb)
        hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
        means = rgb.reshape(-1, 3).mean(axis=0)
        row = {
            "luma_mean": float(y.mean()),
            "luma_std": float(y.std()),
            "sat_mean": float(hsv[..., 1].mean() / 255.0),
            "r_mean": float(means[0]),
            "g_mean": float(means[1]),
            "b_mean": float(means[2]),
            "diff_mean": float(np.abs(y - self._prev_y).mean()) if self._prev_y is not None else 0.0,
        }
        self._prev_y = y
        return row
