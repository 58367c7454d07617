"""Camera move, scene motion and depth of one window, from the per-frame global motion.

Per-frame motion (``mv_dx``, ``mv_dy`` frame widths per frame, ``mv_scale``
per frame) is turned into rates per second with each frame's own time step,
so variable frame rates need no care. Frames that start a shot (their
"motion" is the cut) and frames whose motion could not be estimated are left
out.
"""

from __future__ import annotations

import numpy as np

from aspects.dynamic.signals import Signals, finite_mean, rounded, slope_per_s, trend

STATIC_SPEED = 0.01  # frame widths (or scale) per second: slower than this the camera is static
HANDHELD_JITTER = 0.15  # frame widths per second of frame-to-frame shake around the window's mean move (0.5 % of the width per frame at 30 fps)
STILL_LEVEL = 0.5  # luma levels per frame: below this nothing moves
PULSING_CV = 0.6  # coefficient of variation of the frame difference above which motion comes in bursts
DIRECTION_DOMINANCE = 1.5  # one axis must beat the others by this factor to name a direction
MOTION_TREND = 1.0  # luma levels of change in motion level over the window to call a trend


def robust_mean(values: np.ndarray, trim: float = 0.2) -> float:
    """Mean of ``values`` without the lowest and highest ``trim`` share.

    Not the median: an encoder or a crop moving a whole number of pixels per
    frame (2, 3, 3, 2, 3 … for 2.56 px) would bias a median to one step.
    """
    if values.size == 0:
        return 0.0
    ordered = np.sort(values)
    cut = int(len(ordered) * trim)
    return float(ordered[cut : len(ordered) - cut].mean()) if len(ordered) > 2 * cut else float(ordered.mean())


def frame_rates(s: Signals, idx: np.ndarray, cut_frames: set[int]) -> dict[str, np.ndarray]:
    """Per-second motion rates of the frames ``idx`` whose motion is valid and not a cut.

    ``vx``, ``vy``: picture velocity, frame widths per second (positive right / down);
    ``vz``: zoom rate, d ln(scale)/dt per second (positive: content grows).
    """
    keep = np.array([i for i in idx if s["mv_valid"][i] > 0 and i not in cut_frames and i > 0], dtype=int)
    dt = s.dt[keep] if keep.size else np.zeros(0)
    return {
        "vx": s["mv_dx"][keep] / dt if keep.size else dt,
        "vy": s["mv_dy"][keep] / dt if keep.size else dt,
        "vz": np.log(np.maximum(s["mv_scale"][keep], 1e-6)) / dt if keep.size else dt,
        "index": keep,
    }


def camera(s: Signals, idx: np.ndarray, cut_frames: set[int]) -> dict:
    """``motion_type`` (DESIGN §3 vocabulary), ``speed`` (frame widths/s, or scale/s for a zoom), ``steadiness`` (0–1).

    The camera's move is the opposite of the picture's: content sliding
    left is a pan right, content sliding up a tilt down, content growing a
    zoom in. ``jitter`` is the frame-to-frame shake around the window's
    mean move (frame widths per second); ``steadiness`` = 1 / (1 + jitter / 0.05).
    """
    r = frame_rates(s, idx, cut_frames)
    if r["vx"].size == 0:
        return {"motion_type": "static", "speed": 0.0, "steadiness": 1.0, "jitter": 0.0, "pan_speed": 0.0, "tilt_speed": 0.0, "zoom_speed": 0.0}
    vx, vy, vz = (robust_mean(r[k]) for k in ("vx", "vy", "vz"))
    jitter = float(np.sqrt(np.mean((r["vx"] - vx) ** 2 + (r["vy"] - vy) ** 2))) if r["vx"].size > 1 else 0.0
    # A zoom moves the frame's edge by half the scale change: compare like with like.
    candidates = {
        ("pan_right" if vx < 0 else "pan_left"): abs(vx),
        ("tilt_down" if vy < 0 else "tilt_up"): abs(vy),
        ("zoom_in" if vz > 0 else "zoom_out"): abs(vz) * 0.5,
    }
    kind, strength = max(candidates.items(), key=lambda kv: kv[1])
    if strength < STATIC_SPEED:
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
        axes = {"horizontal": abs(robust_mean(r["vx"])), "vertical": abs(robust_mean(r["vy"])), "radial": abs(robust_mean(r["vz"])) * 0.5}
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
