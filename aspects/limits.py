"""Limits of the analysis options, checked the same way by the settings and the command line.

A light module (no pydantic): ``aspects --help`` builds its option help from it.
"""

from __future__ import annotations

import math

WINDOW_MIN_S = 0.1  # shorter windows hold fewer than 3 frames at 25 fps and only multiply the work
WINDOW_MAX_S = 600.0  # ten minutes; a window longer than the video is one window over the whole video


def check_window_s(value: object) -> float:
    """A window length in seconds: a finite number in [WINDOW_MIN_S, WINDOW_MAX_S], else ValueError saying so."""
    number = _finite(value, "window")
    if not WINDOW_MIN_S <= number <= WINDOW_MAX_S:
        raise ValueError(f"window must be between {WINDOW_MIN_S:g} and {WINDOW_MAX_S:g} seconds, got {number:g}")
    return number


def check_frame_step(value: object) -> int:
    """A frame step: an integer >= 1 (1 = every frame), else ValueError saying so."""
    number = _finite(value, "frame step")
    if number != int(number) or number < 1:
        raise ValueError(f"frame step must be a whole number >= 1, got {value!r}")
    return int(number)


def _finite(value: object, what: str) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"{what} must be a number, got {value!r}") from None
    if isinstance(value, bool) or not math.isfinite(number):
        raise ValueError(f"{what} must be a finite number, got {value!r}")
    return number
