"""Dynamic aspects: per-window analysers, transitions and whole-video blends."""

from __future__ import annotations

from aspects.pipeline import Measurements


def dynamic_aspects(m: Measurements, window_s: float) -> dict:
    """``{"windows": [...], "transitions": [...], "blends": {...}}`` measured from ``m``."""
    return {"windows": [], "transitions": [], "blends": {}}
