"""Camera move, scene motion and depth of one window, from the per-frame global motion.

Per-frame motion (``mv_dx``, ``mv_dy`` frame widths per frame, ``mv_scale``
per frame) is turned into rates per second with each frame's own time step,
so variable frame rates need no care. Frames that start a shot (their
"motion" is the cut) and frames whose motion could not be estimated are left
out.

A window's camera velocity is the least-squares slope of the camera path
(the per-frame motions added up) over the window's frame times, not a mean
of per-frame rates: a crop or an encoder moving whole pixels (0, 0, 1, 0, 0,
1 … for a third of a pixel per frame) has a true path whose slope is exact,
and the per-frame measures, taken against a held reference frame, add up
without their noise piling up (see :class:`aspects.measure.visual.MotionTracker`).
"""

from __future__ import annotations

import math

import numpy as np

from aspects.dynamic.signals import Signals, finite_mean, rounded, slope_per_s, trend

STATIC_SPEED = 0.005  # frame widths (or half the ln-scale) per second: slower than this the camera is static (moves from 1 %/s are reported)
MOVE_SIGNIFICANCE = 4.0  # a move is reported when its speed is this many times the noise of the measured path's slope
HANDHELD_JITTER = 0.15  # frame widths per second of frame-to-frame shake around the window's mean move (0.5 % of the width per frame at 30 fps)
STILL_LEVEL = 0.5  # luma levels per frame: below this nothing moves
PULSING_CV = 0.6  # coefficient of variation of the frame difference above which motion comes in bursts
DIRECTION_DOMINANCE = 1.5  # one axis must beat the others by this factor to name a direction
MOTION_TREND = 1.0  # luma levels of change in motion level over the window to call a trend


def frame_rates(s: Signals, idx: np.ndarray, cut_frames: set[int]) -> dict[str, np.ndarray]:
    """Per-second motion rates of the frames ``idx`` whose motion is valid and not a cut.

    ``vx``, ``vy``: picture velocity, frame widths per second (positive right / down);
    ``vz``: zoom rate, d ln(scale)/dt per second (positive: content grows);
    ``noise``: 1-σ uncertainty of the shift fits behind each frame's motion, frame widths.
    """
    keep = np.array([i for i in idx if s["mv_valid"][i] > 0 and i not in cut_frames and i > 0], dtype=int)
    dt = s.dt[keep] if keep.size else np.zeros(0)
    noise = s["mv_noise"][keep] if "mv_noise" in s.columns and keep.size else np.zeros(keep.size)
    return {
        "vx": s["mv_dx"][keep] / dt if keep.size else dt,
        "vy": s["mv_dy"][keep] / dt if keep.size else dt,
        "vz": np.log(np.maximum(s["mv_scale"][keep], 1e-6)) / dt if keep.size else dt,
        "noise": noise,
        "index": keep,
    }


def path_velocity(s: Signals, r: dict[str, np.ndarray]) -> tuple[float, float, float]:
    """Window velocity (``vx``, ``vy`` frame widths/s, ``vz`` ln-scale/s) from the frames' rates ``r`` (see :func:`frame_rates`).

    With every frame kept and consecutive, the least-squares slope of the
    path through the frame before the first one (its start) and each kept
    frame; otherwise the total motion over the total time of the kept frames.
    """
    keep = r["index"]
    dt = s.dt[keep]
    total = float(dt.sum())
    steps = np.stack([r["vx"] * dt, r["vy"] * dt, r["vz"] * dt])
    if keep.size < 3 or np.any(np.diff(keep) != 1):
        return tuple(float(v) for v in steps.sum(axis=1) / total)  # type: ignore[return-value]
    times = np.concatenate([[s.t[keep[0]] - dt[0]], s.t[keep]])
    path = np.concatenate([np.zeros((3, 1)), np.cumsum(steps, axis=1)], axis=1)
    centred = times - times.mean()
    return tuple(float(v) for v in (path @ centred) / float(centred @ centred))  # type: ignore[return-value]


def camera(s: Signals, idx: np.ndarray, cut_frames: set[int]) -> dict:
    """``motion_type`` (DESIGN §3 vocabulary), ``speed`` (frame widths/s, or scale/s for a zoom), ``steadiness`` (0–1).

    The camera's move is the opposite of the picture's: content sliding
    left is a pan right, content sliding up a tilt down, content growing a
    zoom in. ``jitter`` is the frame-to-frame shake around the window's
    mean move beyond what the measurement noise explains (frame widths per
    second); ``steadiness`` = 1 / (1 + jitter / 0.05). A move slower than
    STATIC_SPEED, or than MOVE_SIGNIFICANCE times the noise of the path's
    slope (a smooth gradient under heavy grain), is no move.
    """
    r = frame_rates(s, idx, cut_frames)
    if r["vx"].size == 0:
        return {"motion_type": "static", "speed": 0.0, "steadiness": 1.0, "jitter": 0.0, "pan_speed": 0.0, "tilt_speed": 0.0, "zoom_speed": 0.0}
    vx, vy, vz = path_velocity(s, r)
    dt = s.dt[r["index"]]
    # Shake is what the frame-to-frame moves vary by beyond their own measurement noise (each step is
    # the difference of two fits); a move must stand out of the path's noise (the slope's 1-σ) as well.
    spread = float(np.mean((r["vx"] - vx) ** 2 + (r["vy"] - vy) ** 2)) if r["vx"].size > 1 else 0.0
    noise = float(np.mean(2.0 * (r["noise"] / dt) ** 2)) if r["vx"].size else 0.0
    jitter = math.sqrt(max(spread - noise, 0.0))
    span = float(dt.sum())
    slope_noise = float(np.sqrt(np.mean(r["noise"] ** 2) * 12.0 / r["vx"].size)) / span if span > 0 else 0.0
    # A zoom moves the frame's edge by half the scale change: compare like with like.
    candidates = {
        ("pan_right" if vx < 0 else "pan_left"): abs(vx),
        ("tilt_down" if vy < 0 else "tilt_up"): abs(vy),
        ("zoom_in" if vz > 0 else "zoom_out"): abs(vz) * 0.5,
    }
    kind, strength = max(candidates.items(), key=lambda kv: kv[1])
    if strength < max(STATIC_SPEED, MOVE_SIGNIFICANCE * slope_noise):
        kind = "handheld" if jitter > HANDHELD_JITTER else "static"
    elif jitter > HANDHELD_JITTER and jitter > strength:
        kind = "handheld"
    speed = {"pan": abs(vx), "tilt": abs(vy), "zoom": float(np.expm1(abs(vz)))}.get(kind.split("_")[0], float(np.hypot(vx, vy)))
    return {
        "motion_type": kind,
        "speed": rounded(0.0 if kind == "static" else speed),
        "steadiness": rounded(1.0 / (1.0 + jitter / 0.05)),
        "jitter": rounded(jitter),
        "pan_speed": rounded(-vx),
        "tilt_speed": rounded(-vy),
        "zoom_speed": rounded(vz),
    }


def motion(s: Signals, idx: np.ndarray, cut_frames: set[int]) -> dict:
    """Scene motion: ``level`` (mean absolute luma change per frame, 0–255), ``std``, ``trend``, ``direction``, ``rhythm``, ``speed``.

    ``direction`` is the dominant axis of the motion field: the global
    motion (camera) when there is one, else the mean absolute point flow
    (things moving in a still frame), else the drift of the visual centre of
    mass (a small object on a flat background): horizontal / vertical /
    radial / neutral.
    ``rhythm``: still (level < 0.5), pulsing (bursty: coefficient of
    variation ≥ 0.6), else steady. ``speed``: mean point flow, frame widths/s.
    """
    body = np.array([i for i in idx if i not in cut_frames and i > 0], dtype=int)
    level_series = s["diff_mean"][body] if body.size else np.zeros(0)
    level = finite_mean(level_series)
    std = float(level_series.std()) if level_series.size else 0.0
    r = frame_rates(s, idx, cut_frames)
    flow_h = finite_mean(s["flow_h"][body] / s.dt[body]) if body.size else 0.0
    flow_v = finite_mean(s["flow_v"][body] / s.dt[body]) if body.size else 0.0
    axes = {"horizontal": 0.0, "vertical": 0.0, "radial": 0.0}
    if r["vx"].size:
        vx, vy, vz = path_velocity(s, r)
        axes = {"horizontal": abs(vx), "vertical": abs(vy), "radial": abs(vz) * 0.5}
    if max(axes.values()) < STATIC_SPEED:  # the camera is still: what moves inside the frame
        axes = {"horizontal": flow_h, "vertical": flow_v, "radial": 0.0}
    if max(axes.values()) < STATIC_SPEED and body.size > 1:  # too small to track: follow the visual centre of mass
        axes = {"horizontal": abs(slope_per_s(s.t[body], s["mass_x"][body])), "vertical": abs(slope_per_s(s.t[body], s["mass_y"][body])), "radial": 0.0}
    ranked = sorted(axes.items(), key=lambda kv: -kv[1])
    direction = "neutral"
    if level >= STILL_LEVEL and ranked[0][1] >= STATIC_SPEED and ranked[0][1] >= DIRECTION_DOMINANCE * ranked[1][1]:
        direction = ranked[0][0]
    if level < STILL_LEVEL:
        rhythm = "still"
    elif level > 0 and std / level >= PULSING_CV:
        rhythm = "pulsing"
    else:
        rhythm = "steady"
    return {
        "level": rounded(level),
        "std": rounded(std),
        "trend": trend(s.t[body], level_series, MOTION_TREND) if body.size else "steady",
        "direction": direction,
        "rhythm": rhythm,
        "speed": rounded(float(np.hypot(flow_h, flow_v))),
    }


def depth(s: Signals, idx: np.ndarray, cut_frames: set[int]) -> dict:
    """``parallax_strength`` (frame widths/s by which the 3×3 regions move differently from one rigid motion; 0 for a flat pan),
    ``layer_count`` (distinct motion layers, median over the window's frames), ``focus`` (Laplacian variance of the analysis-size luma), ``sharpness`` (0–1)."""
    r = frame_rates(s, idx, cut_frames)
    keep = r["index"]
    parallax = finite_mean(s["parallax"][keep] / s.dt[keep]) if keep.size else 0.0
    layers = int(round(float(np.median(s["layers"][keep])))) if keep.size else 1
    focus = finite_mean(s["focus"][idx]) if len(idx) else 0.0
    return {
        "parallax_strength": rounded(parallax),
        "layer_count": max(layers, 1),
        "focus": rounded(focus, 2),
        "sharpness": rounded(focus / (focus + 100.0)),  # 100 ≈ the Laplacian variance of a mildly soft picture: sharpness 0.5
    }
