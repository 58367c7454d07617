"""Moving pictures that hold no transition: guards over what the transition rules found.

Moving objects, camera moves and slow drifts are no transitions (issue 10).
Six guards, read on the 8 × 6 colour grid (luma, Cr, Cb; ``wipes.fine_grid``):

- **Something passed** (wipes, dissolves): a transition replaces the picture.
  When the picture at its end lies within RETURN_SHARE of the largest
  distance any of its frames went from the picture at its start, an object
  crossed the frame and left it as it was.
- **A shape moved, nothing faded** (fades): a fade scales the picture's
  distance from the blank colour C in place, so how that distance is spread
  over the grid's cells stays the same along the ramp. When the ramp frames
  (still at least SHIFT_FLOOR of the picture's distance from C) spread it
  differently from the picture next to the ramp by FADE_SHIFT or more (total
  variation, 0–1) and that distance is held in a few cells (SHAPE_CELLS of
  them: a shape on a ground, not a picture over the frame), the shape moved
  across the frame: leaving (or entering) a flat ground, not a fade to
  (from) it. Footage moving on its own under a fade spreads its distance
  over the frame.
- **The field moves as a whole** (wipes and dissolves on smooth pictures,
  edge density under SMOOTH_EDGES: gradients, flat colours): a transition
  goes between two steady pictures. A wipe whose two sides, over SIDE_S next
  to it, both change at FIELD_RATE or more of its own net rate is a moving
  gradient; a dissolve whose sides both move on along its own change (each
  at DRIFT_SIDE or more of its rate, together DRIFT_SUM), or whose sides both
  change at FIELD_RATE while its cells pass half-way over HALF_SPREAD of its
  span or more (a cross-fade moves them all together), is a drift. Textured
  footage is left to the transition rules (its texture moves on its own).
- **The picture drifts on** (fades and dissolves on smooth pictures, edge
  density under SMOOTH_EDGES): a still picture whose brightness, hue,
  saturation or contrast drifts changes, in 8-bit video, in steps of a few
  levels every few frames, each plateau held long enough to look steady next
  to a run of steps (``drift_along``). Over DRIFT_ON_S before a dissolve's
  start and after its end, or next to a fade's picture end (never into a
  neighbouring transition; at least DRIFT_ON_LEAST_S of it), a picture moving
  on along the change's own way by DRIFT_ON or more of the change (of its
  rate, where the side is shorter than the change) is a drift going on.
- **The picture moves on** (dissolves on pictures with edge density under
  MOVING_EDGES: gradients, test patterns, not footage): a shift of each
  frame's grid (optical flow on its spatial gradients) leaves at most
  FLOW_SHARE of the grid's frame-to-frame change unexplained, and the global
  motion residual (``mv_residual``) over the change stays within
  STEADY_RESIDUAL of its sides' (a cross-fade adds change no motion explains):
  a drifting gradient or a panning pattern, not a cross-fade.
- **The camera swings** (wipes): a whip pan moves the whole picture, every
  column the same way, so the global motion fit (``mv_dx``, ``mv_dy``)
  holds on its frames; a wipe moves an edge between two pictures, and the
  fit follows one of them (the one that fills more of the frame) while the
  other's share grows. A wipe over whose frames (SWING_SHARE of them) the
  fit is valid, follows SWING_INLIERS of the pixels and moves the picture
  at SWING_SPEED or more by a shift SWING_SURE times its uncertainty, as
  one picture (``parallax`` under SWING_RIGID of the shift), and whose two sides (each with a valid fit on
  half its frames or more) move at SWING_SPEED too, is the camera
  swinging: the motion is under way before the "edge" and goes on after
  it. A slide between two still pictures moves the whole picture too, but
  its sides stand still; a wipe between two textured pictures moving
  their own ways leaves half the pixels off any one fit at its middle
  (SWING_INLIERS); a smooth side (a gradient, a flat colour) tells no
  motion, and a wipe off or onto one is kept.
"""

from __future__ import annotations

import numpy as np

from aspects.dynamic import wipes
from aspects.dynamic.dissolves import SETTLED_LEVELS, STILL_STEP
from aspects.dynamic.signals import Signals, frames_in

SIDE_S = 0.3  # seconds next to a change over which its sides' own motion is read (never into another transition or across a cut)
LEVEL_S = 0.5  # seconds of picture next to a fade's outer end: the picture it fades from (to)
RETURN_SHARE = 0.3  # a wipe's or dissolve's end picture this close (share of its largest excursion) to its start picture: something passed
RETURN_LOOKBACK_S = 3.0  # …or to a picture the clip showed this long before it at most (session 22: an object entering before the change was found)
FADE_SHIFT = 0.4  # total variation (0–1) of the spread of a fade frame's distance from the blank colour over the grid's cells…
SHIFT_FLOOR = 0.25  # …on ramp frames still this share (squared distance) of the picture's distance from the blank colour
SHAPE_CELLS = 0.4  # …when the picture's distance from the blank colour is held in at most this share of the cells (participation ratio): a shape on a ground
SMOOTH_EDGES = 0.02  # edge density (share of edge pixels, median over the change and its sides): below it a picture is smooth
FIELD_RATE = 0.5  # a wipe on a smooth picture whose sides both change at this share of its net rate (grid levels per second) moves as a whole
DRIFT_SIDE = 0.1  # a dissolve on a smooth picture whose sides each move on along its change at this share of its rate…
DRIFT_SUM = 0.4  # …and together at this share: a drift…
HALF_SPREAD = 0.45  # …and so is one whose sides both move at FIELD_RATE and whose cells pass half-way over this share of its span (a cross-fade moves them together)
CHANGING_LEVELS = 4.0  # levels: a grid cell changing less than this (or than CHANGING_SHARE of the most changing cell) is not changing
CHANGING_SHARE = 0.25
FLOW_SHARE = 0.7  # a dissolve whose grid changes (frame to frame, summed over it) leave at most this share (squared) unexplained by a shift of the grid…
MOVING_EDGES = 0.1  # …on a picture with less edge density than this (median over it and its sides; footage is left to the dissolve rules)
SWING_SPEED = 0.5  # frame widths per second: a camera swinging at least this fast, before, through and after a wipe found (whip pans here: 0.9 w/s and more at their slowest frame)…
SWING_INLIERS = 0.9  # …with the global motion fit following this share of the pixels or more…
SWING_SURE = 10.0  # …and a shift this many times its own uncertainty (``mv_noise``: a fit on grain over a smooth picture wanders at 2–20 times it, a whip pan's steps are 50–500 times it)…
SWING_RIGID = 0.1  # …and the picture moving as one: the block flow left after the fit (``parallax``) under this share of the shift (a slide between moving pictures carries the incoming one's own motion: 0.15–1 of it)…
SWING_SHARE = 0.9  # …on this share of the wipe's frames (a frame at a fade's black end tells no motion)
DRIFT_ON_S = 1.0  # seconds beyond a fade's picture end or a dissolve's ends read for the picture going on (never into the neighbouring transitions)…
DRIFT_ON = 0.3  # …a smooth picture moving on along the change there by this share of it (of its rate, over a side shorter than the change) or more drifts: no transition
DRIFT_ON_LEAST_S = 0.3  # …read over at least this (seconds; a side cut shorter by the clip's ends or a neighbour tells nothing)
STEADY_RESIDUAL = (0.7, 2.5)  # …and whose global-motion residual (median over it) lies between these multiples of its louder and its quieter side's: the picture moves on


def _index(s: Signals, t: float) -> int:
    return int(np.argmin(np.abs(s.t - t)))


def _sides(s: Signals, p: int, q: int, lo: int, hi: int) -> list[tuple[int, int]]:
    """The frame pairs (first, last) of the SIDE_S before ``p`` (not before ``lo``) and after ``q`` (not after ``hi``) that span two frames or more."""
    n = frames_in(s, SIDE_S)
    out = []
    for a, b in ((max(lo, p - n), p), (q, min(hi, q + n))):
        if b - a >= 2:
            out.append((a, b))
    return out


def passed(grid: np.ndarray, p: int, q: int) -> bool:
    """Whether the picture at ``q`` is back within RETURN_SHARE of the largest distance a frame from ``p`` to ``q`` went from the one at ``p`` (``grid``: per-frame grid values)."""
    excursion = float(np.linalg.norm(grid[p : q + 1] - grid[p], axis=1).max())
    return excursion > 0 and float(np.linalg.norm(grid[q] - grid[p])) <= RETURN_SHARE * excursion


def came_back(s: Signals, grid: np.ndarray, p: int, q: int, lo: int) -> bool:
    """Whether the picture at ``q`` is one the clip showed before ``p`` (from ``lo`` on, within RETURN_LOOKBACK_S):
    ``passed`` from an earlier start — an object already entering when the change was found (its start) and gone by its end."""
    return any(passed(grid, k, q) for k in range(max(lo, p - frames_in(s, RETURN_LOOKBACK_S)), p))


def shape_moved(s: Signals, grid: np.ndarray, item: dict, lo: int, hi: int) -> bool:
    """Whether a fade's ramp frames spread their distance from the blank colour over the cells unlike the picture next to the ramp (FADE_SHIFT; see the module docstring)."""
    p, q = _index(s, item["start"]), _index(s, item["end"])
    n = frames_in(s, LEVEL_S)
    if item["type"] == "fade_out":
        blank, level = grid[q], grid[max(lo, p - n) : p + 1]
    else:
        blank, level = grid[p], grid[q : min(hi, q + n) + 1]
    if q - p < 2 or not level.size:
        return False

    def spread(frames: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        energy = ((frames - blank).reshape(len(frames), 3, -1) ** 2).sum(axis=1)
        total = energy.sum(axis=1)
        return energy / np.maximum(total, 1e-9)[:, None], total

    (picture,), (picture_total,) = spread(level.mean(axis=0)[None, :])
    if picture_total <= 0:
        return False
    shares, totals = spread(grid[p + 1 : q])
    kept = totals >= SHIFT_FLOOR * picture_total
    if not kept.any():
        return False
    shift = 0.5 * np.abs(shares[kept] - picture[None, :]).sum(axis=1)
    cells = 1.0 / float(picture @ picture) / picture.size  # participation ratio: the share of the cells the picture's distance is spread over
    return bool(shift.max() >= FADE_SHIFT and cells <= SHAPE_CELLS)


def field_moves(s: Signals, grid: np.ndarray, item: dict, lo: int, hi: int) -> bool:
    """Whether a wipe or dissolve on a smooth picture is the picture moving as a whole (FIELD_RATE, DRIFT_SIDE, DRIFT_SUM; see the module docstring)."""
    p, q = _index(s, item["start"]), _index(s, item["end"])
    n = frames_in(s, SIDE_S)
    if "edge_density" not in s.columns or q <= p:
        return False
    if float(np.median(s["edge_density"][max(lo, p - n) : min(hi, q + n) + 1])) >= SMOOTH_EDGES:
        return False
    sides = _sides(s, p, q, lo, hi)
    if len(sides) < 2:
        return False
    change = grid[q] - grid[p]
    size = float(np.linalg.norm(change))
    if size <= 0:
        return False
    rate = size / float(s.t[q] - s.t[p])  # grid levels per second
    sides_move = all(float(np.linalg.norm(grid[b] - grid[a])) / float(s.t[b] - s.t[a]) >= FIELD_RATE * rate for a, b in sides)
    if item["type"] == "wipe":
        return sides_move
    along = [0.0 if _settled(grid, a, b) else float((grid[b] - grid[a]) @ change) / size / float(s.t[b] - s.t[a]) / rate for a, b in sides]
    return (min(along) >= DRIFT_SIDE and sum(along) >= DRIFT_SUM) or (sides_move and half_way_spread(s, grid, p, q) >= HALF_SPREAD)


def _settled(grid: np.ndarray, a: int, b: int) -> bool:
    """Whether frames ``a``–``b`` of ``grid`` hold the last rounding steps of a ramp on a still picture, no motion: every
    cell keeps within 2 × SETTLED_LEVELS (its range; the ramp's ends are where its frames come within SETTLED_LEVELS of
    the still side's picture, ``dissolves.settled_ends``) and most frames hold still (their median step at most
    STILL_STEP: a slow gradient moving on steps every frame)."""
    if b - a < 2:
        return False
    steps = np.abs(np.diff(grid[a : b + 1], axis=0)).mean(axis=1)
    return float(np.ptp(grid[a : b + 1], axis=0).max()) <= 2 * SETTLED_LEVELS and float(np.median(steps)) <= STILL_STEP


def drift_along(s: Signals, grid: np.ndarray, item: dict, lo: int, hi: int) -> float:
    """How far a smooth picture next to a fade or dissolve moves on along its change, at most, as a share of the change
    (of its rate where the side is shorter than the change; 0 when the picture is not smooth or no side is long
    enough): the picture over DRIFT_ON_S before ``item``'s start and after its end (not past ``lo``/``hi``), a fade's
    blank side left out."""
    p, q = _index(s, item["start"]), _index(s, item["end"])
    n, least = frames_in(s, DRIFT_ON_S), frames_in(s, DRIFT_ON_LEAST_S)
    if "edge_density" not in s.columns or q <= p:
        return 0.0
    if float(np.median(s["edge_density"][max(lo, p - n) : min(hi, q + n) + 1])) >= SMOOTH_EDGES:
        return 0.0
    change = grid[q] - grid[p]
    size = float(np.linalg.norm(change))
    if size <= 0:
        return 0.0
    span = float(s.t[q] - s.t[p])
    sides = []
    if item["type"] != "fade_in":
        sides.append((max(lo, p - n), p))
    if item["type"] != "fade_out":
        sides.append((q, min(hi, q + n)))
    # The way moved along the change, as a share of it, over a side as long as the change (its rate's share) or longer
    # (its way's share: a one-frame step of a quantised drift is as fast as a cut, and the drift makes many such steps).
    along = [float((grid[b] - grid[a]) @ change) / size**2 / min(1.0, float(s.t[b] - s.t[a]) / span) for a, b in sides if b - a >= least]
    return max(along, default=0.0)


def shift_unexplained(grid: np.ndarray, p: int, q: int) -> float:
    """The share (0–1, squared) of the frame-to-frame changes of ``grid`` (8 × 6 cells, 3 planes) over frames ``p``–``q`` that a shift of each frame's grid does not explain (least squares on its spatial gradients: optical flow on the grid)."""
    if q <= p:
        return 1.0
    cells = grid[p : q + 1].reshape(q - p + 1, 3, wipes.WIPE_GRID[1], wipes.WIPE_GRID[0])
    mid = 0.5 * (cells[1:] + cells[:-1])
    gx = np.gradient(mid, axis=3).reshape(q - p, -1)
    gy = np.gradient(mid, axis=2).reshape(q - p, -1)
    d = (cells[1:] - cells[:-1]).reshape(q - p, -1)
    a = np.stack([np.stack([(gx * gx).sum(1), (gx * gy).sum(1)], -1), np.stack([(gx * gy).sum(1), (gy * gy).sum(1)], -1)], -2)
    b = np.stack([(gx * d).sum(1), (gy * d).sum(1)], -1)
    total = float((d * d).sum())
    if total <= 0:
        return 1.0
    det = a[:, 0, 0] * a[:, 1, 1] - a[:, 0, 1] ** 2
    ok = det > 1e-9 * np.maximum(a[:, 0, 0] * a[:, 1, 1], 1e-12)
    explained = np.zeros(q - p)
    inv00, inv11, inv01 = a[ok, 1, 1] / det[ok], a[ok, 0, 0] / det[ok], -a[ok, 0, 1] / det[ok]
    explained[ok] = b[ok, 0] * (inv00 * b[ok, 0] + inv01 * b[ok, 1]) + b[ok, 1] * (inv01 * b[ok, 0] + inv11 * b[ok, 1])
    return float(max(total - explained.sum(), 0.0) / total)


def moves_on(s: Signals, grid: np.ndarray, item: dict, lo: int, hi: int) -> bool:
    """Whether a dissolve is the picture moving on its own (FLOW_SHARE, STEADY_RESIDUAL; see the module docstring)."""
    if "mv_residual" not in s.columns or "edge_density" not in s.columns:
        return False
    p, q = _index(s, item["start"]), _index(s, item["end"])
    sides = _sides(s, p, q, lo, hi)
    if len(sides) < 2 or float(np.median(s["edge_density"][sides[0][0] : sides[1][1] + 1])) >= MOVING_EDGES or shift_unexplained(grid, p, q) > FLOW_SHARE:
        return False
    residual = s["mv_residual"]
    inside = float(np.median(residual[p : q + 1]))
    outside = [float(np.median(residual[a : b + 1])) for a, b in sides]
    return STEADY_RESIDUAL[0] * max(outside) <= inside <= STEADY_RESIDUAL[1] * min(outside)


def camera_swings(s: Signals, item: dict, lo: int, hi: int) -> bool:
    """Whether a wipe is the whole picture moving with the camera (SWING_SPEED, SWING_INLIERS, SWING_SHARE; see the module docstring)."""
    if not all(name in s.columns for name in ("mv_dx", "mv_dy", "mv_valid", "mv_inliers")):
        return False
    p, q = _index(s, item["start"]), _index(s, item["end"])
    if q <= p:
        return False
    speed = np.hypot(s["mv_dx"], s["mv_dy"]) / s.dt  # frame widths per second
    valid = s["mv_valid"] > 0
    span = slice(p + 1, q + 1)
    shift = np.hypot(s["mv_dx"][span], s["mv_dy"][span])
    swinging = valid[span] & (s["mv_inliers"][span] >= SWING_INLIERS) & (speed[span] >= SWING_SPEED) & (shift >= SWING_SURE * s["mv_noise"][span])
    if "parallax" in s.columns:
        swinging &= s["parallax"][span] <= SWING_RIGID * shift
    if swinging.mean() < SWING_SHARE:
        return False
    sides = [(a + 1, b + 1) for a, b in _sides(s, p, q, lo, hi)]  # the motion steps into each side's frames
    told = [(a, b) for a, b in sides if valid[a:b].mean() >= 0.5]
    return len(told) == 2 and all(float(np.median(speed[a:b][valid[a:b]])) >= SWING_SPEED for a, b in told)


def half_way_spread(s: Signals, grid: np.ndarray, p: int, q: int) -> float:
    """How far apart (share of the span ``p``–``q``, 10th to 90th percentile) the changing cells of ``grid`` pass half-way from their value at ``p`` to that at ``q``; each cell read in the plane where it changes most."""
    planes = (grid[q] - grid[p]).reshape(3, -1)
    best = np.argmax(np.abs(planes), axis=0)
    cells = planes.shape[1]
    delta = planes[best, np.arange(cells)]
    changing = np.flatnonzero(np.abs(delta) >= max(CHANGING_LEVELS, CHANGING_SHARE * float(np.abs(delta).max())))
    span = float(s.t[q] - s.t[p])
    if changing.size < 3 or span <= 0:
        return 0.0
    columns = best[changing] * cells + changing
    progress = (grid[p : q + 1, columns] - grid[p, columns]) / delta[changing]
    times = s.t[p : q + 1][np.argmax(progress >= 0.5, axis=0)]
    low, high = np.percentile(times, [10, 90])
    return float(high - low) / span


def without_motion(s: Signals, items: list[dict]) -> list[dict]:
    """``items`` (transitions, sorted by start) less the fades, wipes and dissolves that are motion (see the module docstring)."""
    grid = wipes.fine_grid(s)
    if grid is None or len(s) < 3:
        return items
    kept = []
    for k, item in enumerate(items):
        if item["type"] == "cut":
            kept.append(item)
            continue
        # The sides end at the neighbouring transitions (a cut, a fade's other half).
        lo = _index(s, items[k - 1]["end"]) if k > 0 else 0
        hi = _index(s, items[k + 1]["start"]) if k + 1 < len(items) else len(s) - 1
        p, q = _index(s, item["start"]), _index(s, item["end"])
        if item["type"] in ("fade_out", "fade_in", "dissolve") and drift_along(s, grid, item, lo, hi) >= DRIFT_ON:
            continue  # a still picture drifting on: see the module docstring
        if item["type"] in ("fade_out", "fade_in"):
            moved = shape_moved(s, grid, item, lo, hi)
        else:
            moved = (
                passed(grid, p, q)
                or came_back(s, grid, p, q, lo)
                or field_moves(s, grid, item, lo, hi)
                or (item["type"] == "dissolve" and moves_on(s, grid, item, lo, hi))
                or (item["type"] == "wipe" and camera_swings(s, item, lo, hi))
            )
        if not moved:
            kept.append(item)
    return kept
