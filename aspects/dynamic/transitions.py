"""Shot transitions: cuts, fades, dissolves and wipes, from per-frame signals.

- A **cut** is one frame whose change from the previous frame (colour
  histogram change plus motion-compensated luma change) stands far above
  its neighbours' (an adaptive threshold, as PySceneDetect's
  ``detect-adaptive`` does), so fast motion does not pass for a cut, and
  whose pixel change (luma + chroma) is a step above both sides too, so a
  dissolve pushing many colours across a histogram bin edge at once does not
  either. It is
  reported at the time of the first frame of the new shot (start == end).
- A **fade** starts or ends on a run of flat frames (black, white, any
  solid colour): from the run, the contrast ramp is followed back
  (``fade_out``) or forward (``fade_in``) to where it levels off.
- A **dissolve** or **wipe** is a run of frames that keep changing more than
  the surrounding footage does (twin-comparison idea: each step is small,
  the sum is large) and whose coarse 4×4 luma grid moves monotonically from
  one state to another. It is a ``wipe`` when the grid cells switch one
  after another in an order set by their position; otherwise every frame
  must be a blend of the two ends (else it is motion, not a transition),
  and it is a ``dissolve`` (a ``fade_out`` / ``fade_in`` when one end is
  flat but the fade detector did not claim it).
- ``start`` is the last frame before the change, ``end`` the first frame
  after it.
"""

from __future__ import annotations

import numpy as np

from aspects.dynamic.signals import Signals, rounded
from aspects.measure.visual import GRID

CUT_MIN_SCORE = 0.25  # hist change (0–1) + compensated luma change / 100: below this nothing is a cut
CUT_RATIO = 3.0  # a cut's score is at least this many times its neighbours' mean
CUT_NEIGHBOURS = 2  # frames each side compared with
CUT_PIXEL_RATIO = 2.0  # …and its pixel change at least this many times its neighbours' on either side
STILL_MOTION = 0.002  # frame widths per frame: below this the camera is still and the full-frame difference is used
ACTIVE_FLOOR = 0.25  # luma levels per frame: less change than this is no transition
ACTIVE_RATIO = 1.8  # …and a transition frame changes this many times more than the local quiet level
QUIET_CONTEXT_S = 2.0  # the local quiet level: 25th percentile of activity within ± this
MIN_GRADUAL_S, MAX_GRADUAL_S = 0.2, 5.0
MIN_NET_CHANGE = 5.0  # luma levels: mean grid change from start to end of a gradual transition
MIN_MONOTONY = 0.6  # net change / path length on the grid
SOLID_STD = 4.0  # luma std (levels) of a flat frame: black, white or one colour
FADE_LOOK = 3  # frames ahead a fade's ramp must still be climbing
MAX_MIX_RESIDUAL = 0.25  # a fade or dissolve stays this close to a blend of its two ends (see mix_residual)
WIPE_SPREAD = 0.35  # cells switching over this share of the span…
WIPE_FIT = 0.8  # …in an order explained this well (R²) by their position: a wipe
WIPE_MIN_CELLS = GRID * GRID // 2  # a wipe replaces the whole picture; an object crossing it changes fewer cells


def cut_scores(s: Signals) -> np.ndarray:
    """Per-frame change against the previous frame: colour histogram change (0–1) + compensated luma change / 100."""
    return s["hist_diff"] + s["comp_diff"] / 100.0


def _peak_ratio(values: np.ndarray, i: int) -> float:
    """``values[i]`` over the mean of its CUT_NEIGHBOURS neighbours each side (inf when they are all 0; 0 when not the local peak)."""
    lo, hi = max(1, i - CUT_NEIGHBOURS), min(len(values), i + CUT_NEIGHBOURS + 1)
    around = np.concatenate([values[lo:i], values[i + 1 : hi]])
    if around.size and values[i] < around.max():
        return 0.0
    mean = float(around.mean()) if around.size else 0.0
    return float(values[i] / mean) if mean > 0 else float("inf")


def _step_ratio(values: np.ndarray, i: int) -> float:
    """``values[i]`` over the larger of the means of its CUT_NEIGHBOURS neighbours before and after (inf when both are 0).

    The last frame of a gradual transition changes as much as the frames
    before it, so it is no step even though the frames after it are still.
    """
    before = values[max(1, i - CUT_NEIGHBOURS) : i]
    after = values[i + 1 : i + CUT_NEIGHBOURS + 1]
    level = max(float(before.mean()) if before.size else 0.0, float(after.mean()) if after.size else 0.0)
    return float(values[i] / level) if level > 0 else float("inf")


def detect_cuts(s: Signals) -> list[int]:
    """Indices of frames that start a new shot after a hard cut."""
    score = cut_scores(s)
    pixel = s["comp_diff"] + s["chroma_diff"]
    return [
        i
        for i in range(1, len(score))
        if score[i] >= CUT_MIN_SCORE and _peak_ratio(score, i) >= CUT_RATIO and _step_ratio(pixel, i) >= CUT_PIXEL_RATIO
    ]


def activity(s: Signals) -> np.ndarray:
    """Luma change per frame (0–255) not explained by camera motion.

    With a still camera it is the full-frame mean difference (a wipe's edge
    counts wherever it is); with a moving camera the motion-compensated
    difference of the central region.
    """
    moving = (np.abs(s["mv_dx"]) > STILL_MOTION) | (np.abs(s["mv_dy"]) > STILL_MOTION) | (np.abs(np.log(np.maximum(s["mv_scale"], 1e-6))) > STILL_MOTION)
    a = np.where(moving, s["comp_diff"], s["diff_mean"])
    a[0] = 0.0
    return a


def _quiet_level(s: Signals, a: np.ndarray) -> np.ndarray:
    """25th percentile of ``a`` within ±QUIET_CONTEXT_S of each frame (the footage's own background change)."""
    lo = np.searchsorted(s.t, s.t - QUIET_CONTEXT_S)
    hi = np.searchsorted(s.t, s.t + QUIET_CONTEXT_S, side="right")
    return np.array([np.percentile(a[l:h], 25) for l, h in zip(lo, hi)])


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """Inclusive (first, last) index pairs of the runs of True in ``mask``."""
    edges = np.diff(np.concatenate([[0], mask.astype(np.int8), [0]]))
    return list(zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) - 1))


def _switch_order(s: Signals, grid: np.ndarray, first: int, last: int) -> dict:
    """When each changing grid cell crosses half-way between its start and end values, and how that order lines up with position.

    Returns ``cells`` (how many cells change), ``spread`` (0–1: spread of
    switch times over the span), ``fit`` (R² of switch time against the
    cell's column and row together, so diagonal edges count), and
    ``direction`` (where the moving edge goes: left/right/up/down, or two of
    them joined, e.g. ``down-right``, when both axes matter).
    """
    delta = grid[last] - grid[first]
    changing = np.flatnonzero(np.abs(delta) >= max(4.0, 0.25 * float(np.abs(delta).max())))
    t = s.t[first : last + 1]
    span = float(t[-1] - t[0])
    none = {"cells": int(changing.size), "spread": 0.0, "fit": 0.0, "direction": None}
    if changing.size < 3 or span <= 0:
        return none
    progress = (grid[first : last + 1, changing] - grid[first, changing]) / delta[changing]
    times = np.empty(changing.size)
    for k in range(changing.size):
        p = progress[:, k]
        j = int(np.argmax(p >= 0.5))
        times[k] = t[j] if j == 0 else t[j - 1] + (0.5 - p[j - 1]) / max(p[j] - p[j - 1], 1e-9) * (t[j] - t[j - 1])
    rows, cols = np.divmod(changing, GRID)
    if np.ptp(times) == 0:
        return none
    design = np.stack([np.ones(changing.size), cols, rows], axis=1).astype(float)
    coef, *_ = np.linalg.lstsq(design, times, rcond=None)
    residual = times - design @ coef
    fit = 1.0 - float(residual @ residual) / float(((times - times.mean()) ** 2).sum())
    # Cells further right switching later: the edge travels right. An axis counts when its slope is ≥ 1/3 of the other's.
    words = [("right" if coef[1] > 0 else "left", abs(coef[1])), ("down" if coef[2] > 0 else "up", abs(coef[2]))]
    strongest = max(w[1] for w in words)
    direction = "-".join(w for w, slope in sorted(words, key=lambda x: x[0] in ("left", "right")) if slope >= strongest / 3)
    return {"cells": int(changing.size), "spread": float(np.ptp(times) / span), "fit": fit, "direction": direction}


def mix_residual(grid: np.ndarray, first: int, last: int) -> float:
    """How far the frames between ``first`` and ``last`` are from a blend of those two (0 = an exact cross-fade).

    Each frame's grid is projected on the line from the first grid to the
    last; the largest distance off that line, over the length of the line,
    is returned. Fades and dissolves stay near 0; motion does not.
    """
    delta = grid[last] - grid[first]
    norm = float(np.dot(delta, delta))
    if norm <= 0:
        return float("inf")
    offsets = grid[first : last + 1] - grid[first]
    alpha = offsets @ delta / norm
    return float(np.linalg.norm(offsets - alpha[:, None] * delta[None, :], axis=1).max() / np.sqrt(norm))


def _solid(s: Signals, i: int) -> bool:
    return bool(s["luma_std"][i] < SOLID_STD)


def _fade_span(s: Signals, solid_at: int, step: int, stops: set[int]) -> int | None:
    """Walk from the solid frame ``solid_at`` in direction ``step`` (−1 back, +1 forward) up the contrast ramp; the frame where it levels off, or None when there is no ramp.

    The distance from the solid frame is luma std plus the luma-mean
    difference, so a fade to any flat colour counts. It levels off when the
    next FADE_LOOK frames add less than 2 % (+0.1 level); ``stops`` are
    cut frames the walk may not cross.
    """
    q = s["luma_std"] + np.abs(s["luma_mean"] - s["luma_mean"][solid_at])
    n = len(q)
    j = solid_at
    while 0 <= j + step < n and (j + step) not in stops and (j if step > 0 else j + step + 1) not in stops:
        ahead = q[min(max(j + step * FADE_LOOK, 0), n - 1)]
        if ahead - q[j] < 0.02 * q[j] + 0.1 and q[j] >= SOLID_STD:
            break
        if q[j + step] < SOLID_STD:
            return None  # back to flat: no ramp here
        j += step
    if abs(j - solid_at) < 3 or q[j] < 3 * SOLID_STD:
        return None
    return j


def detect_fades(s: Signals, cuts: list[int]) -> list[dict]:
    """Fades out of a shot into a flat frame (black, white, any solid colour) and in from one.

    Each run of solid frames is followed back to where its contrast ramp
    starts (``fade_out``: start = last normal frame, end = first solid one)
    and forward to where the ramp ends (``fade_in``: start = last solid
    frame, end = first normal one).
    """
    solid = s["luma_std"] < SOLID_STD
    stops = set(cuts)
    found = []
    for first, last in _runs(solid):
        if first > 0 and (start := _fade_span(s, first, -1, stops)) is not None:
            found.append({"type": "fade_out", "start": rounded(s.t[start], 6), "end": rounded(s.t[first], 6), "duration": rounded(s.t[first] - s.t[start], 6)})
        if last < len(s) - 1 and (end := _fade_span(s, last, +1, stops)) is not None:
            found.append({"type": "fade_in", "start": rounded(s.t[last], 6), "end": rounded(s.t[end], 6), "duration": rounded(s.t[end] - s.t[last], 6)})
    return found


def detect_gradual(s: Signals, cuts: list[int], fades: list[dict]) -> list[dict]:
    """Dissolves and wipes (see the module docstring); never across a cut, never over a fade."""
    if len(s) < 3:
        return []
    a = activity(s)
    for c in cuts:
        a[c] = 0.0  # the cut frame itself belongs to the cut
    active = a > np.maximum(ACTIVE_FLOOR, ACTIVE_RATIO * _quiet_level(s, a))
    # Bridge one-frame dropouts (an encoder repeating a frame mid-transition).
    gaps = (~active[1:-1]) & active[:-2] & active[2:]
    active[1:-1] |= gaps
    grid = s.grid()
    found = []
    for first, last in _runs(active):
        before, after = max(first - 1, 0), last
        if any(before < c <= after for c in cuts):
            continue
        span = float(s.t[after] - s.t[before])
        if not MIN_GRADUAL_S <= span <= MAX_GRADUAL_S:
            continue
        net = float(np.abs(grid[after] - grid[before]).mean())
        path = float(np.abs(np.diff(grid[before : after + 1], axis=0)).mean(axis=1).sum())
        if any(f["start"] <= s.t[after] and s.t[before] <= f["end"] for f in fades):
            continue
        solid_start, solid_end = _solid(s, before), _solid(s, after)
        if solid_start and solid_end:
            continue  # flat to flat: a colour change, not a shot transition
        if net < MIN_NET_CHANGE or net < MIN_MONOTONY * path:
            continue
        item = {"type": "dissolve", "start": rounded(s.t[before], 6), "end": rounded(s.t[after], 6), "duration": rounded(span, 6)}
        order = _switch_order(s, grid, before, after)
        if order["cells"] >= WIPE_MIN_CELLS and order["spread"] >= WIPE_SPREAD and order["fit"] >= WIPE_FIT:
            item.update(type="wipe", direction=order["direction"])  # a wipe to or from a solid colour is still a wipe
        elif mix_residual(grid, before, after) > MAX_MIX_RESIDUAL:
            continue  # neither a moving edge nor a blend of the two ends: motion, not a transition
        elif solid_end:
            item["type"] = "fade_out"
        elif solid_start:
            item["type"] = "fade_in"
        found.append(item)
    return found


def detect_transitions(s: Signals) -> list[dict]:
    """Every transition, sorted by start: ``{"type", "start", "end", "duration"}`` (+ ``direction`` for wipes)."""
    cuts = detect_cuts(s)
    items = [{"type": "cut", "start": rounded(s.t[i], 6), "end": rounded(s.t[i], 6), "duration": 0.0} for i in cuts]
    fades = detect_fades(s, cuts)
    items += fades + detect_gradual(s, cuts, fades)
    return sorted(items, key=lambda x: (x["start"], x["end"]))


def shots(transitions: list[dict], duration_s: float) -> list[tuple[float, float]]:
    """Shots as (start, end) seconds: a cut splits at its time; a gradual transition ends one shot at its start and begins the next at its end."""
    bounds = []
    start = 0.0
    for tr in transitions:
        if tr["start"] > start:
            bounds.append((start, tr["start"]))
        start = max(start, tr["end"])
    if duration_s > start or not bounds:
        bounds.append((start, max(duration_s, start)))
    return bounds
