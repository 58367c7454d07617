"""Wipes read off a switch-time map: when each cell of a finer grid leaves shot A for shot B, and which edge that describes.

``aspects.dynamic.transitions`` reads wipes from its 4×4 grid and wants the
pictures on both sides of a change to hold still. Moving texture never
does, and four cells a side are too few to order a short or soft edge under
grain. Here the per-frame 8 × 6 wipe grid (luma, Cr, Cb; ``WIPE_GRID``)
gives a switch time per cell (``split_switch_times``: where its frames split
best in two, every frame of a side telling its level); a wipe is a set of
switch times that an edge shape explains (``fine_layout``: a straight edge,
a circle or bars opening or closing, a box or curved diagonal at a corner,
a clock hand), spread over the change (all together is a dissolve), each
cell switching once, cleanly against its own noise. Its ends are the shape
extrapolated to the frame's edges, widened by a soft edge's width (a
straight ramp or a smoothstep). Where the pictures move with the edge (a
slide, a cover, a reveal) a cell's level changes before the edge reaches
it: there the edge is placed frame by frame against the two pictures
carried along (``tracked_edge``). The sides are judged along the change
only (``busy_sides_hold``): texture moving on its own wanders every way,
while a pan, a zoom or a drift carrying the picture on the change's way
does not stop.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import numpy as np

from aspects.dynamic.signals import Signals, rounded
from aspects.measure.visual import WIPE_GRID, WIPE_GRID_KEYS

SIDE_S = 0.2  # each side is judged over this (seconds)
SIDE_RATIO = 0.6  # …carrying on when it moves along the change over this many times the change's own rate…
SIDE_SHARE = 0.8  # …and, next to an edge placed frame by frame (``tracked_edge``), that is over this share of its whole speed (``busy_sides_hold``)


def _side_speeds(s: Signals, state: np.ndarray, lo: int, hi: int, way: np.ndarray) -> tuple[float, float]:
    """Grid speeds (levels per second, RMS per cell) of frames ``lo``–``hi``: along the unit vector ``way``, and in all (a line fitted through each cell)."""
    t = s.t[lo : hi + 1] - s.t[lo : hi + 1].mean()
    slopes = t @ (state[lo : hi + 1] - state[lo : hi + 1].mean(axis=0)) / max(float(t @ t), 1e-12)
    return abs(float(slopes @ way)) / np.sqrt(slopes.size), float(np.linalg.norm(slopes)) / np.sqrt(slopes.size)


def busy_sides_hold(s: Signals, state: np.ndarray, p: int, q: int, stops: np.ndarray, share: float = 0.0) -> bool:
    """Whether the busy pictures before frame ``p`` and after frame ``q`` do not carry on along the wipe from ``p`` to ``q``.

    Each side is SIDE_S long (never across one of the ``stops``, cuts, nor
    cut short by the video's start or end). A side carries on when its speed
    along the change is over SIDE_RATIO times the change's own rate (levels
    per second) and over ``share`` of its whole speed: a pan, a zoom or a
    drift moves the picture on the change's way, while texture moving on its
    own (a shot sliding in and then moving by itself) wanders other ways too.
    """
    delta = state[q] - state[p]
    length = float(np.linalg.norm(delta))
    span = float(s.t[q] - s.t[p])
    if length <= 0 or span <= 0:
        return False
    rate = length / np.sqrt(delta.size) / span
    way = delta / length
    step = float(np.median(s.dt)) if len(s) else 1 / 30
    n = max(1, int(round(SIDE_S / step)))
    for end, other in ((p, p - n), (q, q + n)):
        if other < 0 or other > len(s) - 1:
            return False
        lo, hi = min(end, other), max(end, other)
        if stops[lo + 1 : hi + 1].any():
            return False
        along, whole = _side_speeds(s, state, lo, hi, way)
        if along > SIDE_RATIO * rate and along > share * whole:
            return False
    return True


CLEAN_STEP = 4.0  # a cell counts when its change from shot A to shot B is at least this many times its frames' scatter about their side's level along the change (levels, over time)
CLEAN_FLOOR = 4.0  # …and at least this (levels)


# The switch-time map on the finer WIPE_GRID (8 × 6 cells of luma, Cr and Cb).
FINE_MIN_CELLS = 0.5  # share of the cells that must switch cleanly (a transition replaces the whole picture; a moving object changes fewer)
FINE_FIT = 0.9  # R² of the switch times against the best edge model (on the cells kept: see FINE_KEEP)
FINE_KEEP = 0.8  # the model is refitted on this share of the cells closest to it, ROBUST_ROUNDS times (a cell whose own motion crosses half-way early does not bend the edge)
ROBUST_ROUNDS = 3  # (see FINE_KEEP)
FINE_SPREAD = 0.4  # the cells' switch times spread over at least this share of the edge's time (all together is a dissolve)…
RING_SPREAD_SHARE = 0.57  # …times this for an edge opening out of or closing into the centre (the cells' centres lie 0.14–0.87 of the way out, and a soft ring's width adds to its time; the 4×4 grid's RADIAL_SPREAD / WIPE_SPREAD)
PAD_S = 0.3  # the switch-time map is read this far (seconds) each side of the change (shot A's and B's pictures: its first and last ``ref`` frames)
WINDOW_ROUNDS = 6  # …then read again around the edge found, at most this many times in all, until the window holds
SWEEP_MARGIN = 0.1  # a clock hand (16 starting angles and turns tried) must explain the times this much better (R²) than any edge
RAMP_REACH = 0.25  # a cell's ramp is fitted over its frames this share of the window at most from its half-way time
ASPECT = 9 / 16  # frame height over width (the 16:9 analysis frame): positions are in frame widths, so a circle is round
SPLIT_RAMP_S = 0.1  # a cell's frames this near its split (seconds) are its ramp, not its sides' scatter (``split_switch_times``)
WIDTH_STEPS = 60  # soft edge widths tried (``edge_width``), from 1 ms to the window's span…
CELL_SAMPLES = 7  # …each averaged over this many places of the edge within a cell
HARD_MARGIN = (
    1.15  # a ramp up to this many times a hard edge's crossing of a cell is that crossing (grain and motion widen a hard edge's measured ramp a little; its width in quadrature would grow fast)
)
# xfade's soft irises (vert/horz open and close, circles) ramp each point (a smoothstep) over as long as their half-way line
# takes to sweep from the centre to the farthest point (vf_xfade.c: half the duration for the bars, a third for the circles).
# On moving sides ``edge_width`` reads such a ramp short, 0.42-0.89 of the sweep on wipe splits 27-31 (the sides' motion pulls
# the fitted ramp steep; session 19's note), and the wipe's ends come out late and early; a hard iris (xfade's squeezes read
# as "in") reads 0. An edge opening out of or closing into the centre whose width reads at least IRIS_SOFT_SHARE of its
# sweep is taken as soft as IRIS_SOFT_REACH of the sweep: a smoothstep changes a 60-100-level step by a level or more over
# 0.85-0.88 of its width (session 20, helper 10w: reach 0.8 / 0.85 / 0.9 / 0.95 / 1.0 read wipe splits 27-31 at 33 / 34 /
# 34 / 32 / 34 right wipes against main's 32; 0.9 alone lost none on any split).
IRIS_SOFT_SHARE = 0.35
IRIS_SOFT_REACH = 0.9
# The map re-read around the edge found (WINDOW_ROUNDS) can go round a cycle of two or three windows on moving sides, each
# read a little longer or shorter than the next (their fits within 0.01), and main kept whichever came last. When the windows
# go round, the cycle's best-fitting read is kept (session 20, helper 10w: wipe splits 27-31 right wipes 34 -> 36 with
# IRIS_SOFT_REACH, extra detections 26 -> 24; a window drifting on without a cycle is still refused at the last read).
CYCLE_BEST = True
# xfade's rectcrop closes a box of the frame's own shape on black and opens it again (its corners reach the frame's
# corners as its sides reach the frame's sides). Read as a circle, the switch times of the corner cells and those of the
# sides' middles disagree, and the circle's ends (the centre, the farthest corner) are not the box's: a box centred in
# the frame (times linear in the larger of the distances from the centre across and down, in frame widths and heights)
# is one more edge shape (session 21, helper 10w: wipe split 33's rectcrop between moving real shots, 2.16 s at 60 fps).
CENTRED_BOX = True
# xfade's slices (hlslice, hrslice, vuslice, vdslice) switch each pixel hard, at a time that runs back along each of ten
# slices (a smoothstep's inverse of the pixel's place in its slice) as the slices' sawtooth sweeps the frame: the cells see an
# eased edge about half as wide as its half-way line's sweep (a third of the duration against two thirds), but the frame's
# first and last pixels to switch lie a slice inside its sides, where the half-way line is 0.1 of the duration from the
# frame's edge, not half the eased width (0.17): the ends come out 2-5 frames wide. A straight edge read eased, its width
# SLICE_SHARE of its sweep, is extended by SLICE_REACH of half its width — when the picture's fine detail (√ Laplacian
# variance, ``focus``) rises over the middle third of the edge's span at least SLICE_RISE times, and SLICE_RISE_MIN levels
# above, the straight line between its sides (medians over SLICE_SIDE_S next to the span): each pixel is A's or B's and the
# slices' borders are hard edges, where a soft edge of the same width blends the two pictures and adds no detail (session 22,
# helper 10w: the 12 slices the map read eased at 0.45-0.65 of their sweep, on wipe splits 19-37, the held-out wipes 5 and
# trial 17, rose 1.30-41 times, +4.7-58 levels; soft edges 0.23-1.78 times; ends best at 0.6-0.65 of half the width, 0.6
# from xfade's geometry: 0.1 of the duration against half the eased width's 0.17).
SLICE_SHARE = (0.45, 0.65)
SLICE_REACH = 0.6
SLICE_RISE = 1.25
SLICE_RISE_MIN = 3.0
SLICE_SIDE_S = 0.2
CELL_SIZE = 0.5 * (1 / WIPE_GRID[0] + ASPECT / WIPE_GRID[1])  # a cell's mean side, frame widths
BOX_CELL = 0.5 * (1 / WIPE_GRID[0] + 1 / WIPE_GRID[1])  # …in a box's units (frame widths across, frame heights down)


def fine_grid(s: Signals) -> np.ndarray | None:
    """The 8 × 6 wipe grid of every frame, shape (n, 3·48): luma, Cr, Cb planes; None for measurements made before it existed."""
    if WIPE_GRID_KEYS[0] not in s.columns:
        return None
    return np.stack([s.columns[k] for k in WIPE_GRID_KEYS], axis=1)


def _change_points(x: np.ndarray, ref: int) -> np.ndarray:
    """Per unit of ``x`` [frames × features × units], the frame k that splits the frames into a before and an after closest to their own means (least squares over the features, each part at least ``ref`` frames): the after part's first frame."""
    n = x.shape[0]
    s1, s2 = np.cumsum(x, axis=0), np.cumsum(x * x, axis=0)
    k = np.arange(1, n)[:, None, None]  # the after part starts at frame k
    cost = ((s2[:-1] - s1[:-1] ** 2 / k) + ((s2[-1] - s2[:-1]) - (s1[-1] - s1[:-1]) ** 2 / (n - k))).sum(axis=1)
    cost[:ref] = np.inf
    cost[n - 1 - ref :] = np.inf
    return np.argmin(cost, axis=0) + 1


def _half_way(tt: np.ndarray, progress: np.ndarray, split: np.ndarray) -> np.ndarray:
    """Per unit, the time (seconds; ``tt`` the frames') its ``progress`` [frames × units] crosses 0.5 nearest its ``split`` frame, searched out from it both ways and interpolated."""
    n, unit = progress.shape[0], np.arange(progress.shape[1])
    over = progress >= 0.5
    j = split.copy()
    while True:
        fix = (j > 1) & over[np.maximum(j - 1, 0), unit]
        if not fix.any():
            break
        j = np.where(fix, j - 1, j)
    while True:
        fix = (j < n - 1) & ~over[j, unit]
        if not fix.any():
            break
        j = np.where(fix, j + 1, j)
    p0, p1 = progress[j - 1, unit], progress[j, unit]
    return tt[j - 1] + np.clip((0.5 - p0) / np.maximum(p1 - p0, 1e-9), 0.0, 1.0) * (tt[j] - tt[j - 1])


def split_switch_times(t: np.ndarray, grid: np.ndarray, lo: int, hi: int, ref: int) -> dict[str, np.ndarray] | None:
    """When each cell of the wipe grid switches from shot A to shot B within frames ``lo``–``hi``: a dict of ``times`` (seconds), ``x``, ``y`` of the cells that switch cleanly (their centres in frame widths, y downwards), and ``ramp`` (``_ramp_width``); None for too short a window.

    Each cell's switch is found as the best split of its frames in two (a change point).

    Per cell, over luma, Cr and Cb together, the frame k that splits ``lo``–``hi``
    into a before and an after closest to their own means (least squares,
    each part at least ``ref`` frames): on moving texture every frame of a
    side tells the side's level, not only the ``ref`` frames at the window's
    ends, and a slide or a cover (the picture moving with the edge) still
    changes level once. Then, along the step between the two means, the
    half-way crossing nearest k (interpolated) is the switch time. A cell
    counts when its step is CLEAN_STEP times the scatter of its frames about
    their part's mean along the step (frames within SPLIT_RAMP_S of the
    split left out: the ramp itself) and at least CLEAN_FLOOR.
    """
    cells = WIPE_GRID[0] * WIPE_GRID[1]
    n = hi - lo + 1
    if n < 2 * ref + 3:
        return None
    x = grid[lo : hi + 1]
    if not np.isfinite(x).all():
        return None
    planes = x.reshape(n, 3, cells)
    split = _change_points(planes, ref)  # per cell
    cell = np.arange(cells)
    before = np.cumsum(planes, axis=0)[split - 1, :, cell] / split[:, None]  # cells × 3
    after = (planes.sum(axis=0).T - np.cumsum(planes, axis=0)[split - 1, :, cell]) / (n - split)[:, None]
    step = after - before
    size = np.linalg.norm(step, axis=1)
    way = step / np.maximum(size, 1e-9)[:, None]
    progress = np.einsum("tpc,cp->tc", planes - before.T[None], way) / np.maximum(size, 1e-9)[None]  # 0 at the before level, 1 at the after
    frames = np.arange(n)[:, None]
    ramp = max(1, int(round(SPLIT_RAMP_S / max(float(np.median(np.diff(t[lo : hi + 1]))), 1e-9))))
    side = np.abs(frames - split[None]) > ramp
    level = np.where(frames < split[None], 0.0, 1.0)
    scatter = np.sqrt(np.sum(np.where(side, (progress - level) ** 2, 0.0), axis=0) / np.maximum(side.sum(axis=0), 1)) * size
    clean = (size >= CLEAN_STEP * scatter) & (size >= CLEAN_FLOOR)
    tt = t[lo : hi + 1]
    times = _half_way(tt, progress, split)
    keep = np.flatnonzero(clean)
    rows, cols = np.divmod(keep, WIPE_GRID[0])
    xs, ys = (cols + 0.5) / WIPE_GRID[0], (rows + 0.5) / WIPE_GRID[1] * ASPECT
    # The ramp's width against the window's end pictures (the parts' means hold some of the ramp: against them it looks narrower).
    a_end = np.einsum("tpc,cp->c", planes[: ref + 1], way) / (ref + 1)
    b_end = np.einsum("tpc,cp->c", planes[-ref - 1 :], way) / (ref + 1)
    along = (np.einsum("tpc,cp->tc", planes, way) - a_end[None]) / np.where(np.abs(b_end - a_end) > 1e-9, b_end - a_end, 1e-9)[None]
    offset, progress = tt[:, None] - times[keep][None, :], along[:, keep]
    near = np.abs(offset) <= RAMP_REACH * max(float(np.ptp(offset)) if offset.size else 0.0, 1e-9)
    return {"times": times[keep], "x": xs, "y": ys, "offset": offset[near], "progress": progress[near]}


def edge_width(offset: np.ndarray, progress: np.ndarray, cell_s: float) -> float:
    """``edge_profile``'s width (seconds)."""
    return edge_profile(offset, progress, cell_s)[0]


def edge_profile(offset: np.ndarray, progress: np.ndarray, cell_s: float) -> tuple[float, bool]:
    """(The soft edge's own width (seconds), whether it is eased) that fits the cells' progress (0 to 1) against their time from half-way (``offset``, seconds) best, least squares; (0, False) for too few points.

    A cell's mean sees the edge's profile, a straight ramp or a smoothstep
    (3u² − 2u³: the eased edge of most of xfade's soft wipes) over the
    width, averaged over the ``cell_s`` (seconds) a hard edge takes to cross
    the cell: both shapes are fitted so (their corners rounded by the cell),
    the better one's width is kept. Pooled over the cells, the pictures'
    own noise averages out where one cell's rise would be pulled by it; the
    offsets are continuous (each cell's half-way time is interpolated), so
    the frames' sampling does not widen it. A smoothstep is taken only when
    at least a cell's crossing wide (narrower, the two shapes are alike).
    """
    o, v = offset.ravel(), progress.ravel()
    if o.size < 3:
        return 0.0, False
    widths = np.concatenate([[0.0], np.geomspace(1e-3, max(float(np.ptp(o)), 2e-3), WIDTH_STEPS)])
    across = np.linspace(-0.5, 0.5, CELL_SAMPLES) * cell_s  # where within the cell the edge is, seconds from its centre
    # A point further than half the width and half a cell from half-way sits on a side at every place (0 before, 1 after):
    # those are summed from running totals, and only the points on the ramp are modelled, width by width.
    order = np.argsort(o, kind="stable")
    o, v = o[order], v[order]
    before, after = np.concatenate([[0.0], np.cumsum(v * v)]), np.concatenate([[0.0], np.cumsum((1.0 - v) ** 2)])
    cost = np.empty((widths.size, 2))  # widths × (straight, eased)
    for i, width in enumerate(np.maximum(widths, 1e-9)):
        reach = width / 2 + cell_s / 2
        a, b = int(np.searchsorted(o, -reach, "right")), int(np.searchsorted(o, reach, "left"))
        u = np.clip(0.5 + (o[None, a:b] + across[:, None]) / width, 0.0, 1.0)  # places × points on the ramp
        sides = before[a] + (after[-1] - after[b])
        cost[i] = [sides + float(((shape.sum(axis=0) / CELL_SAMPLES - v[a:b]) ** 2).sum()) for shape in (u, u * u * (3 - 2 * u))]  # (the mean, without its overhead)
    cost[widths < cell_s, 1] = np.inf
    best, shape = np.unravel_index(np.argmin(cost), cost.shape)
    return float(widths[best]), bool(shape == 1)


def _lstsq(design: np.ndarray, times: np.ndarray) -> np.ndarray:
    """Least-squares coefficients by the normal equations (2–3 columns: far cheaper than a general solver); zeros when singular."""
    gram = design.T @ design
    try:
        return np.linalg.solve(gram, design.T @ times)
    except np.linalg.LinAlgError:
        return np.zeros(design.shape[1])


def _robust_fit(design: np.ndarray, times: np.ndarray) -> tuple[float, np.ndarray]:
    """Least squares of ``times`` on ``design``, refitted ROBUST_ROUNDS times on the FINE_KEEP share of cells closest to the last fit: (R² on those, coefficients)."""
    keep = np.arange(times.size)
    count = max(design.shape[1] + 1, int(round(FINE_KEEP * times.size)))
    coef = _lstsq(design, times)
    for _ in range(ROBUST_ROUNDS):
        residual = np.abs(times - design @ coef)
        keep = np.argpartition(residual, count - 1)[:count] if count < times.size else keep
        coef = _lstsq(design[keep], times[keep])
    r = times[keep] - design[keep] @ coef
    total = float(((times[keep] - times[keep].mean()) ** 2).sum())
    return (1.0 - float(r @ r) / total if total > 0 else 0.0), coef


def _lstsqs(designs: np.ndarray, times: np.ndarray) -> np.ndarray:
    """``_lstsq`` of ``times`` (models × cells) on each of ``designs`` (models × cells × columns) at once; a model whose normal equations are singular gets zeros."""
    gram = np.einsum("mnk,mnl->mkl", designs, designs)
    rhs = np.einsum("mnk,mn->mk", designs, times)
    try:
        return np.linalg.solve(gram, rhs[..., None])[..., 0]
    except np.linalg.LinAlgError:
        return np.stack([_lstsq(d, t) for d, t in zip(designs, times)])


def _robust_fits(designs: np.ndarray, times: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``_robust_fit`` for several designs of as many columns at once (models × cells × columns): (R² per model, coefficients per model)."""
    m, n, k = designs.shape
    count = max(k + 1, int(round(FINE_KEEP * n)))
    d, y = designs, np.broadcast_to(times, (m, n))
    coef = _lstsqs(d, y)
    for _ in range(ROBUST_ROUNDS):
        if count < n:
            residual = np.abs(times[None] - np.einsum("mnk,mk->mn", designs, coef))
            keep = np.argpartition(residual, count - 1, axis=1)[:, :count]
            d, y = np.take_along_axis(designs, keep[..., None], axis=1), times[keep]
        coef = _lstsqs(d, y)
    r = y - np.einsum("mnk,mk->mn", d, coef)
    total = ((y - y.mean(axis=1, keepdims=True)) ** 2).sum(axis=1)
    fit = np.where(total > 0, 1.0 - (r * r).sum(axis=1) / np.where(total > 0, total, 1.0), 0.0)
    return fit, coef


def _edge_models(x: np.ndarray, y: np.ndarray) -> list[tuple[np.ndarray, Callable[[np.ndarray], tuple[str, float, float, float]], float]]:
    """The edge shapes a switch-time map is fitted with: (design matrix over the cells, coefficients → (direction, first moment, last moment, seconds to cross a cell), the share of FINE_SPREAD its cells' times must spread over).

    - a straight edge: times a plane over (x, y); it enters the frame at the
      plane's earliest frame corner and leaves at its latest; ``direction``
      where it travels (left/right/up/down, or two joined when it takes at
      least a third as long across the one axis as across the other);
    - an edge opening out of / closing into the centre, as a circle
      (distance from the centre) or as two bars (distance from the centre
      column, or row): from the centre to the farthest frame point, ``out``
      or ``in``;
    - a box shrinking into (growing out of) a corner: times linear in the
      larger of the distances from the corner across and down (in frame
      widths and heights), or in their product (a curved diagonal edge):
      towards the corner is e.g. ``up-left``.
    """
    one = np.ones(x.size)
    cx, cy = 0.5, 0.5 * ASPECT
    models: list[tuple[np.ndarray, Callable[[np.ndarray], tuple[str, float, float, float]], float]] = []

    def straight(c: np.ndarray) -> tuple[str, float, float, float]:
        corners = [c[0] + c[1] * u + c[2] * v for u in (0.0, 1.0) for v in (0.0, ASPECT)]
        slopes = [abs(c[1]), abs(c[2]) * ASPECT]  # seconds across the frame's width, its height
        words = ["right" if c[1] > 0 else "left", "down" if c[2] > 0 else "up"]
        direction = "-".join(w for w, slope in sorted(zip(words, slopes), key=lambda z: z[0] in ("left", "right")) if slope >= max(slopes) / 3)
        return direction, min(corners), max(corners), abs(c[1]) / WIPE_GRID[0] + abs(c[2]) * ASPECT / WIPE_GRID[1]

    models.append((np.stack([one, x, y], axis=1), straight, 1.0))
    # A circle crosses a cell's mean side; bars a cell's width (the distance across) or height (down).
    rings = [(np.hypot(x - cx, y - cy), np.hypot(cx, cy), CELL_SIZE), (np.abs(x - cx), cx, 1 / WIPE_GRID[0]), (np.abs(y - cy), cy, ASPECT / WIPE_GRID[1])]
    if CENTRED_BOX:  # a box of the frame's shape (frame widths across, frame heights down: see CENTRED_BOX)
        rings.append((np.maximum(np.abs(x - cx), np.abs(y - cy) / ASPECT), 0.5, BOX_CELL))
    for distance, far, cell in rings:

        def ring(c: np.ndarray, far: float = far, cell: float = cell) -> tuple[str, float, float, float]:
            ends = (c[0], c[0] + c[1] * far)
            return ("out" if c[1] > 0 else "in"), min(ends), max(ends), abs(c[1]) * cell

        models.append((np.stack([one, distance], axis=1), ring, RING_SPREAD_SHARE))
    away = {"up": "down", "down": "up", "left": "right", "right": "left"}
    for x0, y0, corner in ((0.0, 0.0, "up-left"), (1.0, 0.0, "up-right"), (0.0, ASPECT, "down-left"), (1.0, ASPECT, "down-right")):

        def box(c: np.ndarray, corner: str = corner, cell: float = CELL_SIZE) -> tuple[str, float, float, float]:
            ends = (c[0], c[0] + c[1])
            return (corner if c[1] < 0 else "-".join(away[w] for w in corner.split("-"))), min(ends), max(ends), abs(c[1]) * cell

        # The box's distances are in frame widths across and frame heights down: a cell is 1/8 and 1/6 of them (BOX_CELL).
        models.append((np.stack([one, np.maximum(np.abs(x - x0), np.abs(y - y0) / ASPECT)], axis=1), functools.partial(box, cell=BOX_CELL), 1.0))
        # A curved diagonal: times linear in the product of those distances (xfade's diag*: a hyperbola sweeping to the corner).
        models.append((np.stack([one, np.abs(x - x0) * np.abs(y - y0) / ASPECT], axis=1), box, 1.0))
    return models


def _sweep(times: np.ndarray, x: np.ndarray, y: np.ndarray) -> tuple[float, str, float, float]:
    """A clock hand: times linear in the angle round the centre (best of 8 starting angles, both turns): (R², direction, first and last moment: one full turn)."""
    one = np.ones(x.size)
    angle = np.arctan2(y - 0.5 * ASPECT, x - 0.5)  # y grows downwards: a growing angle turns clockwise on screen
    tries = [(cut, sign) for cut in np.linspace(-np.pi, np.pi, 8, endpoint=False) for sign in (1.0, -1.0)]
    fits, coefs = _robust_fits(np.stack([np.stack([one, np.mod(sign * (angle - cut), 2 * np.pi)], axis=1) for cut, sign in tries]), times)
    best = (-np.inf, "", 0.0, 0.0)
    for (_, sign), fit, c in zip(tries, fits, coefs):
        if c[1] > 0 and fit > best[0]:
            best = (float(fit), "clockwise" if sign > 0 else "counterclockwise", float(c[0]), float(c[0] + 2 * np.pi * c[1]))
    return best


def fine_layout(cells: dict[str, np.ndarray], hard: Callable[[float, float], bool] | None = None) -> dict | None:
    """The edge a switch-time map describes (``split_switch_times``' dict): ``fit`` (R²), ``direction``, ``start`` and ``end`` (seconds: the edge's first and last moments).

    The shape (``_edge_models``, or a clock hand, ``_sweep``, when it explains
    the half-way times SWEEP_MARGIN better) is the one that fits the cells'
    half-way times best; its first and last moments are moved out by half a
    soft edge's width each (see below); by SLICE_REACH of it for a sawtooth of
    hard switches (``hard``: whether the picture's fine detail rises over a
    span, seconds; see SLICE_SHARE).
    """
    times, x, y = cells["times"], cells["x"], cells["y"]
    if times.size < 3 or np.ptp(times) <= 0:
        return None
    models = _edge_models(x, y)
    fit_of, coef_of = np.empty(len(models)), [np.empty(0)] * len(models)
    for columns in {design.shape[1] for design, _, _ in models}:  # models of as many columns are fitted at once
        which = [k for k, (design, _, _) in enumerate(models) if design.shape[1] == columns]
        fits, coefs = _robust_fits(np.stack([models[k][0] for k in which]), times)
        for k, f, c in zip(which, fits, coefs):
            fit_of[k], coef_of[k] = f, c
    best = int(np.argmax(fit_of))  # the first of equals, as ``max`` over the list
    fit, coef, (_, describe, share) = float(fit_of[best]), coef_of[best], models[best]
    sweep = _sweep(times, x, y) if fit < 1.0 - SWEEP_MARGIN else (0.0, "", 0.0, 0.0)  # R² cannot pass 1
    if sweep[0] >= fit + SWEEP_MARGIN:
        return {"fit": sweep[0], "direction": sweep[1], "start": sweep[2], "end": sweep[3], "spread": FINE_SPREAD}
    direction, start, end, cell_s = describe(coef)
    # A hard edge takes cell_s to cross a cell; a soft edge adds its own width in quadrature (as a blur adds), and its front
    # reaches the frame's first point half that width before its middle does.
    width, eased = edge_profile(cells["offset"], cells["progress"], cell_s)
    soft = np.sqrt(max(0.0, width**2 - (HARD_MARGIN**2 - 1) * cell_s**2))
    reach = 1.0
    if direction in ("in", "out") and soft >= IRIS_SOFT_SHARE * (end - start):
        soft = max(soft, IRIS_SOFT_REACH * (end - start))  # a soft iris ramps each point over as long as its half-way line takes to sweep (see IRIS_SOFT_SHARE)
    elif best == 0 and eased and SLICE_SHARE[0] * (end - start) <= soft <= SLICE_SHARE[1] * (end - start) and hard is not None and hard(start - soft / 2, end + soft / 2):
        reach = SLICE_REACH  # a sawtooth of hard switches, not a soft edge: its first and last points lie inside the frame (see SLICE_SHARE)
    start, end = start - reach * soft / 2, end + reach * soft / 2
    return {"fit": fit, "direction": direction, "start": float(start), "end": float(end), "spread": FINE_SPREAD * share}


def fine_wipe(
    s: Signals, grid: np.ndarray, state: np.ndarray, first: int, last: int, lo: int, hi: int, ref: int, stops: np.ndarray, shortest_s: float, longest_s: float, hinge: tuple[int, int] | None = None
) -> dict | None:
    """A wipe around the change from frame ``first`` to ``last`` (within ``lo``–``hi``) read off the wipe grid's switch-time map, or None.

    The map is read over the change padded by PAD_S each side, then again
    over the edge found padded by as much (WINDOW_ROUNDS at most, until the
    window holds).

    At least FINE_MIN_CELLS of the cells switch cleanly (``split_switch_times``),
    in an order an edge model explains (``fine_layout``, R² ≥ FINE_FIT),
    spread over at least FINE_SPREAD of the edge's time; the edge lasts
    ``shortest_s``–``longest_s``. ``start`` is the last frame at or before
    the edge's first moment, ``end`` the first at or after its last. The
    sides (the 4×4 ``state``) must not carry on along the change
    (``busy_sides_hold``: a pan or a drift does not stop). Where the map
    finds no edge, a straight edge carrying the pictures along (a slide, a
    cover, a reveal: ``tracked_edge``) is looked for over the same window.

    On busy footage the run of changing frames holds the shots' own motion
    too (a moving shot is "changing" from its first frame when the other
    shot is calmer): where the map read from the run finds no edge, it is
    read again from ``hinge`` (the change's ends refitted as a ramp on the
    4×4 grid: ``transitions._hinge``), before the tracked edge and the
    bands.
    """
    step = float(np.median(s.dt)) if len(s) else 1 / 30
    pad = max(1, int(round(PAD_S / step)))
    reach = max(1, int(round(WINDOW_REACH_S / step)))
    bounds = (lo, hi)
    lo, hi = max(lo, first - reach), min(hi, last + reach)
    if last <= lo or first >= hi:
        return None
    first, last = max(lo, first - pad), min(hi, last + pad)
    window0 = (first, last)

    def accepted(edge: dict | None, share: float = 0.0) -> dict | None:
        if edge is None or not shortest_s <= edge["end"] - edge["start"] <= longest_s:
            return None
        p = int(np.clip(np.searchsorted(s.t, edge["start"] + 1e-6) - 1, *bounds))
        q = int(np.clip(np.searchsorted(s.t, edge["end"] - 1e-6), *bounds))
        if q <= p or not busy_sides_hold(s, state, p, q, stops, share):
            return None
        return {"type": "wipe", "start": rounded(s.t[p], 6), "end": rounded(s.t[q], 6), "duration": rounded(s.t[q] - s.t[p], 6), "direction": edge["direction"]}

    detail = np.sqrt(np.maximum(s["focus"], 0.0)) if "focus" in s.columns else None

    def detail_rises(a: float, b: float) -> bool:  # the fine detail over the span's middle third against its sides (see SLICE_RISE)
        if detail is None or b <= a:
            return False
        sides = [detail[(s.t >= a - SLICE_SIDE_S) & (s.t < a)], detail[(s.t > b) & (s.t <= b + SLICE_SIDE_S)]]
        middle = (s.t >= a + (b - a) / 3) & (s.t <= b - (b - a) / 3)
        if not all(side.size for side in sides) or not middle.any():
            return False
        level_a, level_b = (float(np.median(side)) for side in sides)
        mid, line = float(np.median(detail[middle])), float(np.median(level_a + (level_b - level_a) * (s.t[middle] - a) / (b - a)))
        return mid >= SLICE_RISE * line and mid - line >= SLICE_RISE_MIN

    def mapped(first: int, last: int) -> dict | None:
        edge, times = None, np.empty(0)
        reads: list[tuple[tuple[int, int], dict, np.ndarray]] = []  # (window, edge, times) of each round
        for _ in range(WINDOW_ROUNDS):
            cells = split_switch_times(s.t, grid, first, last, ref)
            if cells is None or cells["times"].size < FINE_MIN_CELLS * WIPE_GRID[0] * WIPE_GRID[1]:
                return None
            times = cells["times"]
            edge = fine_layout(cells, detail_rises)
            if edge is None:
                return None
            reads.append(((first, last), dict(edge), times))
            # Shot A's and B's pictures are taken right next to the edge found: moving footage drifts away from them further off.
            # The map follows its edge up to the cuts or transitions around (a camera move's edge is refused by its sides).
            window = (max(bounds[0], int(np.searchsorted(s.t, edge["start"])) - pad), min(bounds[1], int(np.searchsorted(s.t, edge["end"])) + pad))
            if window == (first, last):
                break
            seen = [k for k, (w, _, _) in enumerate(reads[:-1]) if w == window]
            if seen and CYCLE_BEST:  # the windows go round a cycle: its best-fitting read is the edge (see CYCLE_BEST)
                _, edge, times = max(reads[seen[0] :], key=lambda r: r[1]["fit"])
                break
            first, last = window
        if edge is not None and edge["fit"] >= FINE_FIT and np.ptp(times) >= edge.pop("spread") * (edge["end"] - edge["start"]):
            return accepted(edge)
        return None

    found = mapped(first, last)
    if found is None and hinge is not None:
        window = (max(lo, hinge[0]), min(hi, hinge[1]))
        if window != (first, last):
            found = mapped(*window)
    if found is not None:
        return found

    def settled(reader: Callable[[np.ndarray, np.ndarray, int, int, int], dict | None], first: int, last: int) -> dict | None:
        for _ in range(WINDOW_ROUNDS):
            edge = reader(s.t, grid, first, last, ref)
            if edge is None:
                return None
            window = (max(lo, int(np.searchsorted(s.t, edge["start"])) - pad), min(hi, int(np.searchsorted(s.t, edge["end"])) + pad))
            if window == (first, last):
                # Held only by WINDOW_REACH_S, it would not have settled: the edge found moves with the window (a camera move carries
                # the picture on). The edge itself, with shot A's and B's ``ref`` frames beyond it, must lie inside the reach.
                p, q = int(np.searchsorted(s.t, edge["start"])), int(np.searchsorted(s.t, edge["end"]))
                return None if (p - ref <= lo and lo > bounds[0]) or (q + ref >= hi and hi < bounds[1]) else edge
            first, last = window
        return None  # the window did not settle

    edge = settled(tracked_edge, *window0)
    if edge is not None:
        return accepted(edge, SIDE_SHARE)
    # The bands' change points drift with moving sides over a long window: the read starts from windows of a few lengths too.
    starts = {window0}
    for span_s in BAND_SPANS_S:
        half = max(1, int(round(span_s / 2 / step)))
        starts |= {(max(lo, c - half), min(hi, c + half)) for c in range(window0[0] + half, window0[1] - half + 1, max(1, half // 2))}
    edges = [e for e in (settled(band_edge, *w) for w in sorted(starts)) if e is not None]
    for edge in sorted(edges, key=lambda e: -e["fit"]):
        found = accepted(edge, SIDE_SHARE)
        if found is not None:
            return found
    return None


BAND_SPANS_S = (1.0, 2.0)  # the band read also starts from windows this long (seconds) within the change's (``fine_wipe``)
WINDOW_REACH_S = 1.5  # the map and the tracked edge are read at most this far (seconds) beyond the change found (busy footage hides a soft edge's tails from the run of changing frames)
TRACK_STEPS = 4  # edge positions tried per cell (``tracked_edge``)
TRACK_GAIN = 0.5  # a frame is on the edge's way when the edge explains it this much better (squared residual) than either picture whole…
TRACK_MIN_FRAMES = 3  # …and at least this many frames are
TRACK_FIT = 0.95  # R² of the edge's positions against time (a straight line: xfade's and most editors' edges move at a steady speed)
TRACK_SPAN = 0.5  # the frames on the way see the edge over at least this share of the frame


def _shifted(values: np.ndarray, at: np.ndarray) -> np.ndarray:
    """``values`` [channels × L cells along an axis] sampled at cell positions ``at`` [positions × L] (cell k's centre is k + 0.5; linear between centres, the end cells' values beyond them): [positions × channels × L]."""
    cells = values.shape[1]
    u = np.clip(at - 0.5, 0.0, cells - 1.0)
    k = np.minimum(np.floor(u).astype(int), cells - 2)
    w = u - k
    return values[:, k] * (1 - w)[None] + values[:, k + 1] * w[None]  # channels × positions × L


def _window_grid(grid: np.ndarray, lo: int, hi: int, ref: int) -> np.ndarray | None:
    """The wipe grid of frames ``lo``–``hi`` as [frames × planes × rows × columns]; None when too short for two sides of ``ref`` frames and a change, or not finite."""
    n = hi - lo + 1
    if n < 2 * ref + 3:
        return None
    g = grid[lo : hi + 1].reshape(n, 3, WIPE_GRID[1], WIPE_GRID[0])
    return g if np.isfinite(g).all() else None


def tracked_edge(t: np.ndarray, grid: np.ndarray, lo: int, hi: int, ref: int) -> dict | None:
    """A straight edge crossing the frame left/right or up/down within frames ``lo``–``hi``, found frame by frame: ``{"fit", "direction", "start", "end"}`` or None.

    For a slide, a cover or a reveal the pictures move with the edge, so a
    cell's level changes before the edge reaches it and the switch-time map
    has no clean events. Here every frame is matched against the edge at
    every position (TRACK_STEPS a cell) with shot A's and B's pictures (the
    means of the window's first and last ``ref`` + 1 frames) each either
    still or carried along with the edge (wipe, slide, cover, reveal: a
    cell holding the edge is the two pictures in proportion); the way
    (axis, direction, carrying) with the least squared residual over the
    window is kept. The frames where the edge inside the frame explains the
    picture TRACK_GAIN better than either picture whole place the edge; a
    straight line through those places against time (R² ≥ TRACK_FIT) gives
    its first and last moments, where it enters and leaves the frame.
    """
    g = _window_grid(grid, lo, hi, ref)
    if g is None:
        return None
    n = g.shape[0]
    tt = t[lo : hi + 1]
    a_pic, b_pic = g[: ref + 1].mean(axis=0), g[-ref - 1 :].mean(axis=0)
    best = None
    for axis, words in ((3, ("right", "left")), (2, ("down", "up"))):
        cells = g.shape[axis]
        for flip, word in ((False, words[0]), (True, words[1])):
            # Along the axis, the edge moves towards higher cell numbers: B on the low side of it.
            def line(x: np.ndarray, axis: int = axis, flip: bool = flip) -> np.ndarray:
                y = np.moveaxis(x, axis - (4 - x.ndim), -1)
                y = y[..., ::-1] if flip else y
                return y.reshape(*y.shape[:-3], -1, y.shape[-1]) if y.ndim >= 3 else y

            frames, a_line, b_line = line(g), line(a_pic), line(b_pic)  # n × channels × L; channels × L
            e = np.linspace(0.0, cells, cells * TRACK_STEPS + 1)
            k = np.arange(cells)
            share_b = np.clip(e[:, None] - k[None, :], 0.0, 1.0)  # positions × L
            centre = k[None, :] + 0.5
            flat = frames.reshape(n, -1)
            for carry_a, carry_b in ((False, False), (True, True), (False, True), (True, False)):  # wipe, slide, cover, reveal
                a_at = _shifted(a_line, centre - (e[:, None] if carry_a else 0.0))
                b_at = _shifted(b_line, centre + ((cells - e[:, None]) if carry_b else 0.0))
                pred = (a_at * (1 - share_b)[None] + b_at * share_b[None]).transpose(1, 0, 2).reshape(e.size, -1)
                resid = (flat**2).sum(axis=1)[:, None] - 2 * flat @ pred.T + (pred**2).sum(axis=1)[None, :]
                total = float(resid.min(axis=1).sum())
                if best is None or total < best[0]:
                    best = (total, word, resid, e, cells)
    assert best is not None
    _, word, resid, e, cells = best
    at = np.argmin(resid, axis=1)
    whole = np.minimum(resid[:, 0], resid[:, -1])
    on_way = (at > 0) & (at < e.size - 1) & (resid[np.arange(n), at] <= TRACK_GAIN * whole)
    if on_way.sum() < TRACK_MIN_FRAMES:
        return None
    x, y = tt[on_way], e[at[on_way]]
    if np.ptp(y) < TRACK_SPAN * cells:
        return None
    design = np.stack([np.ones(x.size), x], axis=1)
    fit, coef = _robust_fit(design, y)
    if coef[1] <= 0 or fit < TRACK_FIT:
        return None
    # The edge enters at position 0 and leaves at ``cells``; a cell's crossing is spread over a cell by the grid (see share_b).
    return {"fit": fit, "direction": word, "start": float(-coef[0] / coef[1]), "end": float((cells - coef[0]) / coef[1])}


BAND_STEP = 3.0  # a band counts when its change from shot A to shot B is at least this many times its frames' scatter about their side's level (``band_edge``)…
BAND_FLOOR = 4.0  # …and at least this (levels)
BAND_MIN_SHARE = 0.75  # share of the bands along the axis that must switch cleanly
BAND_FIT = 0.9  # R² of the bands' switch times against their places (a straight edge at a steady speed)
BAND_ACROSS = 0.25  # the bands across the other axis switch (their median) within this share of the edge's time of its middle
# A wipe's bands change once and stay changed; a line or a thin bar passing over a picture changes each band it crosses and
# then the band comes back (trial 20: testsrc2's diagonal line sweeping left while the frame tilts down, read by the bands as
# a 0.44 s wipe). Every band along the edge's way must end the window at least BAND_STAY of its farthest excursion (mean
# colour and spread of each plane, levels) from the window's two end pictures away from where it started (``bands_stay``;
# session 25, helper 10w: that tilt's least band 0.00, its next 0.12; the right wipes the bands read on the splits re-read
# 0.18-0.76, the least a wipe left between two real shots with a bar crossing both, objects split 40's clip 1, whose bands
# of alike colour end 8-14 levels apart after 40-50-level excursions; on the mean colour alone that wipe's least is 0.10
# and the tilt's next 0.09, too close: see docs/dynamic.md).
BAND_STAY = 0.1


def _band_features(g: np.ndarray, axis: int) -> np.ndarray:
    """Per frame and band across ``axis`` of the wipe grid g [frames × planes × rows × columns] (3: column bands, 2: row bands): the band's mean and spread of each plane, [frames × 6 × bands]."""
    other = 2 if axis == 3 else 3
    return np.concatenate([g.mean(axis=other), g.std(axis=other)], axis=1)


def bands_stay(features: np.ndarray, ref: int) -> float:
    """The least share, over the bands, of a band's step between the window's end pictures (the means of its first and last
    ``ref`` + 1 frames) over its farthest excursion from either of them: ``features`` [frames × features × bands] (levels;
    ``_band_features``). A band an edge crosses once steps from the one picture to the other (near 1); a band a passing line
    crosses comes back (near 0): see BAND_STAY."""
    a, b = features[: ref + 1].mean(axis=0), features[-ref - 1 :].mean(axis=0)
    step = np.linalg.norm(b - a, axis=0)
    excursion = np.maximum(np.linalg.norm(features - a[None], axis=1), np.linalg.norm(features - b[None], axis=1)).max(axis=0)
    return float((step / np.maximum(excursion, 1e-9)).min())


def band_edge(t: np.ndarray, grid: np.ndarray, lo: int, hi: int, ref: int) -> dict | None:
    """A straight edge crossing the frame left/right or up/down within frames ``lo``–``hi``, read band by band: ``{"fit", "direction", "start", "end"}`` or None.

    Where the sides move, a cell's level wanders and few cells switch
    cleanly; a band across the edge's way (a column for left/right, a row
    for up/down) keeps its statistics (mean colour and spread of each plane)
    while its content moves along it. Each band's switch time is taken as in
    ``split_switch_times`` (the best split of its frames in two, then the
    half-way crossing nearest it), counted when its step is BAND_STEP times
    its frames' scatter and at least BAND_FLOOR; at least BAND_MIN_SHARE of
    the bands must count and their times rise or fall in a straight line
    across the frame (R² ≥ BAND_FIT), while the bands across the other
    axis are half-way over (their median) within BAND_ACROSS of the edge's
    time of its middle. The edge's first and last moments are that line at
    the frame's two sides, moved out by half a soft edge's width (as in
    ``fine_layout``); the bands' times spread over at least FINE_SPREAD of
    that (all together is a dissolve).
    """
    g = _window_grid(grid, lo, hi, ref)
    if g is None:
        return None
    n = g.shape[0]
    tt = t[lo : hi + 1]
    ramp = max(1, int(round(SPLIT_RAMP_S / max(float(np.median(np.diff(tt))), 1e-9))))
    reads = {}
    for axis, words in ((3, ("right", "left")), (2, ("down", "up"))):
        f = _band_features(g, axis)  # n × 6 × bands
        bands = f.shape[2]
        split = _change_points(f, ref)  # per band
        band = np.arange(bands)
        c = np.cumsum(f, axis=0)
        before = c[split - 1, :, band] / split[:, None]  # bands × 6
        after = (c[-1].T - c[split - 1, :, band]) / (n - split)[:, None]
        step = after - before
        size = np.linalg.norm(step, axis=1)
        way = step / np.maximum(size, 1e-9)[:, None]
        progress = np.einsum("tfb,bf->tb", f - before.T[None], way) / np.maximum(size, 1e-9)[None]
        frames = np.arange(n)[:, None]
        side = np.abs(frames - split[None]) > ramp
        level = np.where(frames < split[None], 0.0, 1.0)
        scatter = np.sqrt(np.sum(np.where(side, (progress - level) ** 2, 0.0), axis=0) / np.maximum(side.sum(axis=0), 1)) * size
        clean = (size >= BAND_STEP * scatter) & (size >= BAND_FLOOR)
        times = _half_way(tt, progress, split)
        # Each band's progress against the window's end pictures, by its time from half-way (the soft edge's width: ``edge_width``).
        a_end, b_end = np.einsum("tfb,bf->b", f[: ref + 1], way) / (ref + 1), np.einsum("tfb,bf->b", f[-ref - 1 :], way) / (ref + 1)
        along = (np.einsum("tfb,bf->tb", f, way) - a_end[None]) / np.where(np.abs(b_end - a_end) > 1e-9, b_end - a_end, 1e-9)[None]
        offset, along = tt[:, None] - times[clean][None, :], along[:, clean]
        near = np.abs(offset) <= RAMP_REACH * max(float(np.ptp(offset)) if offset.size else 0.0, 1e-9)
        enough = clean.sum() >= max(3, BAND_MIN_SHARE * bands)
        reads[axis] = (words, times[clean], (band[clean] + 0.5) / bands, enough, times, offset[near], along[near])
    best = None
    for axis, other in ((3, 2), (2, 3)):
        words, times, place, enough, _, offset, along = reads[axis]
        if not enough:
            continue
        fit, coef = _robust_fit(np.stack([np.ones(place.size), place], axis=1), times)
        if fit < BAND_FIT or coef[1] == 0:
            continue
        start, end = sorted((float(coef[0]), float(coef[0] + coef[1])))
        # A soft edge's front enters half its width before its middle does (as in ``fine_layout``; a band is crossed in cell_s).
        cell_s = abs(float(coef[1])) / (WIPE_GRID[0] if axis == 3 else WIPE_GRID[1])
        soft = np.sqrt(max(0.0, edge_width(offset, along, cell_s) ** 2 - (HARD_MARGIN**2 - 1) * cell_s**2))
        start, end = start - soft / 2, end + soft / 2
        if np.ptp(times) < FINE_SPREAD * (end - start):
            continue  # the bands switch nearly together: a dissolve (a pixelize, a blur) with a soft edge's width fitted to it
        # Across the other axis every band is half-way over as the edge passes the frame's middle (their own times wander with
        # the moving pictures: their median is read).
        across = reads[other][4]  # clean or not: a band along the edge's way changes over the whole edge
        if abs(float(np.median(across)) - (start + end) / 2) > BAND_ACROSS * (end - start):
            continue
        if bands_stay(_band_features(g, axis), ref) < BAND_STAY:
            continue  # a band comes back: a line or a bar passing over the picture, not an edge replacing it (see BAND_STAY)
        if best is None or fit > best["fit"]:
            best = {"fit": fit, "direction": words[0] if coef[1] > 0 else words[1], "start": start, "end": end}
    return best
