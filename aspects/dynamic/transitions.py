"""Shot transitions: cuts, fades, dissolves and wipes, from per-frame signals.

The rules hold for any content — flat colours, gradients, texture, grainy
footage — because they compare a frame's 4×4 grid of luma *and* colour
(Cr, Cb) with the two steady states around a change, never a contrast ramp:

- A **cut** is one frame whose change from the previous frame (colour
  histogram change plus motion-compensated luma change) stands far above
  its neighbours' (an adaptive threshold, as PySceneDetect's
  ``detect-adaptive`` does) and whose pixel change (luma + chroma) is a step
  above both sides too (so the last step of a dissolve is no cut), and after
  which the picture does not come back within FLASH_S (a flash). It is
  reported at the time of the first frame of the new shot (start == end).
- A gradual change is a run of frames that keep changing more than the
  surrounding footage does (twin-comparison idea: each step is small, the
  sum is large; camera motion undone), from one steady state to another.
  Where it passes through **black or white** (a share of the pixels near
  the level, so grain, noise or a small logo do not matter) it is a
  ``fade_out`` into it and a ``fade_in`` out of it, whatever the other end
  is; a dip to another **uniform colour** off the way from one end to the
  other, held at most DIP_HOLD_S, is a fade through that colour too.
- Otherwise it is a ``wipe`` when the grid cells switch one after another in
  an order set by their position (a straight edge in any direction, or an
  edge opening out of / closing into the centre; on busy footage, and where
  those cells find none, the switch-time map of a finer 8×6 grid decides:
  ``aspects.dynamic.wipes``), and a ``dissolve`` when
  every frame is a blend of the two ends (a shot of one flat colour is a
  shot: flat colour to flat colour is a dissolve; a change of every cell
  that only goes forward may bend further off the blend's line: xfade's
  ``distance`` switches the pixels nearest the other picture first). Anything else — a moving
  object, a camera move, a slow drift, a flash — is no transition.
- ``start`` is the last frame before the change, ``end`` the first frame
  after it.
"""

from __future__ import annotations

import numpy as np

from aspects.dynamic import dissolves, fades, guards, wipes
from aspects.dynamic.signals import Signals, frame_steps, frames_in, rounded
from aspects.measure.visual import GRID

CUT_MIN_SCORE = 0.25  # hist change (0–1) + compensated luma change / 100: below this nothing is a cut
CUT_RATIO = 3.0  # a cut's score is at least this many times its neighbours' mean
CUT_CONTEXT_S = 0.08  # neighbours compared with: this long each side (at least 2 frames)
CUT_PIXEL_RATIO = 2.0  # …and its pixel change at least this many times its neighbours' on either side…
CUT_MIN_PIXEL = 6.0  # …and at least this (mean luma + chroma change, levels): a slow colour fade crossing a histogram bin edge is no cut
CUT_GRID_STEP = 2.0  # a cut found by its pixels changes the 4×4 grid this many times as much as the frames either side do (a wipe or a dissolve changes it at a steady rate; a motion fit that takes a wipe's edge for motion makes a lone step of the compensated change)
REPEAT_LEVELS = 1.0  # levels: a frame whose mean luma change is no more than its mean luma's own change (all pixels moved one way: no motion) plus this, counting its chroma change, repeats the one before, maybe under a fade (a frame rate converted up by duplicating frames: 25 → 48–60 fps repeats each source frame 2–3 times; an encoded repeat differs by ≤ 0.12, one under a fade by ≤ 0.5, a moving frame by ≥ 2): a cut's neighbours are the frames that change, so a fast motion step does not stand out against the repeats between steps
CUT_MIN_GRID = 5.0  # levels (4×4 grid, luma + Cr + Cb): …or a step of the coarse picture this big, standing out as above (grain hides a cut between two similar pictures in the pixels, not in the grid's cell means)
FLASH_S = 0.5  # a jump whose picture comes back within this (seconds) is a flash, not a cut…
FLASH_RETURN = 0.3  # …"comes back": within this share of the jump of the state before it
STILL_MOTION = 0.002  # frame widths per frame: below this the camera is still and the full-frame difference is used
ACTIVE_FLOOR_PER_S = 6.0  # luma + chroma levels per second: less change than this is no transition
GRID_FLOOR_PER_S = 2.0  # levels per second of the 4×4 grid (luma, Cr, Cb): the coarse picture changing less is no transition
ACTIVE_RATIO = 1.8  # …and a transition frame changes this many times more than the local quiet level
LAGS_S = (0.2,)  # the grid's change is also measured over these (seconds)
GRID_RATIO = 3.0  # …or its grid this many times more (moving parts of a busy picture pass across cells)
QUIET_CONTEXT_S = 5.0  # the local quiet level: QUIET_PERCENTILE of activity within ± this (seconds)
QUIET_PERCENTILE = 25
QUIET_STEP_S = 0.1  # …evaluated this often…
PICTURED_SHARE = 0.6  # …over the frames that are not blank, when they are at least this share of a side
TAIL_FLOOR_PER_S, GRID_TAIL_FLOOR_PER_S = 0.5, 0.2  # on a still picture a change found goes on (both ways) while it changes more than these (levels per second, pixels and grid)
REGROW_RATIO = 2.0  # a trimmed end grows back over frames that still change this many times the footage's noise (NOISE_PERCENTILE of its change; still pictures only)…
NOISE_PERCENTILE = 90  # (an encoder's periodic refresh of a still picture is noise too)
REGROW_FLOOR_PER_S = 0.1  # levels per second: on a noise-free still picture any change above this is change (a diagonal edge entering at a corner)
# A wipe's start grows back only over frames changing at least REGROW_HEAD_SHARE of its typical step (pixels or grid): an
# encoder looking ahead changes a still picture by 0.4-0.7 levels per second on the frames before a change (trial 18's hrslice
# between still gradients, 1.1 s at 30 fps: 3 frames of 0.003 of its typical step read as its start, 0.1 s early), where an
# edge entering at a corner changes a frame by its area's growth, 0.004-0.02 of the typical step on its first frame
# only (session 23, helper 10w).
REGROW_HEAD_SHARE = 0.01
REGROW_TAIL_SHARE = 0.2  # …and, at the end, at least this share of the change's typical step (an encoder refining the new picture is no transition)
TRIM_PROGRESS = 0.05  # share of the way from one end to the other below which a frame has not left its end yet (at most)…
TRIM_MIN_LEVELS = 0.5  # …and at least this (levels: an encoder's dither on a still picture)
TRIM_NOISE = 5.0  # …at least this many times the grid's quiet change per frame (motion, grain) over the way's length
WIPE_TRIM_PROGRESS = 0.01  # …for a wipe's end
HINGE_MARGIN_S = 0.5  # on busy footage the ends are refitted within this (seconds) around the run: flat, straight ramp, flat (see _hinge)
HINGE_REF_S = 0.2  # …the two pictures being the mean over this next to the run
HINGE_SIGMAS = 3.0  # …and an end goes on out while progress stands this many standard deviations of the level's scatter off it
GAP_S = 0.1  # a pause in the change this short (an encoder repeating a frame, an eased ramp) is bridged
MIN_GRADUAL_S, MAX_GRADUAL_S = 0.15, 5.0
MIN_NET_CHANGE = 5.0  # levels: mean grid change (luma, Cr, Cb) from start to end of a gradual transition
MIN_MONOTONY = 0.6  # net change / path length on the grid…
WIPE_MIN_MONOTONY = 0.4  # …or this for cells switching in a clean spatial order (a slide or push carries the pictures' own content across the cells)
PATH_QUANTUM = 1.0  # levels: the path is walked in steps of frames that move the picture this much on average — one 8-bit level; a slow ramp's
PATH_STRIDE_S = 0.25  # …frame-to-frame steps are a fraction of it and 8-bit / H.264 rounding jitters them by ±1 level, which adds path without moving (at most this many seconds a step)
# A run of "white" frames none of which reaches this luma (median over the 4×4 grid's cells, 0-255) is a pale colour
# (session 41: still-blend split 53's 0xC8D8E5, luma 213, saturation 32 under WHITE_S, read as white and its dissolve
# as a fade in; the runs of every fade to or from white over the cached corpora reach 252 or more, grain included;
# pale colours, light still pictures and light flat sides 192 and up)
WHITE_RUN_LUMA = 224.0
BLANK_SHARE = 0.9  # a frame is black / white / one uniform colour when this share of its pixels is
UNIFORM_SPREAD = 12.0  # levels: the grid cells of a uniform frame differ at most this much
DIP_TURN = 0.35  # a uniform colour is a dip when it lies this far (share of its distance to the nearer end) off the way between the ends
DIP_HOLD_S = 1.0  # …and is held at most this long (seconds); held longer it is a shot of its own (dissolves into and out of it)
FADE_TAIL_SHARE = 0.2  # a fade is over at the first black (white) frame after which each step is under this share of the fade's typical step
HOLD_LEVELS = 1.5  # RMS grid levels: frames this close to a turning point hold the same blank picture…
HOLD_STEP_SHARE = 0.5  # …when their step to the next frame is under this share of the change's median step
# A change through black (white) turns where the black is held — but between a brighter and a darker picture (an iris closing
# on black over a flat colour and opening on a dark one) the way between the ends runs part of the way towards black, and the
# frame furthest off it can be a ramp frame a little off the black's plateau (the off-way distance level within 1-2 % over
# the ramp's last frames and the held black): the change was taken whole and the iris's second half was missed. A black
# (white) frame lying at least BLANK_TURN_SHARE as far off the way as the furthest frame is the turning point (session 23,
# helper 10w: wipe split 39's rectcrops flat -> flat and real -> flat, the held black 0.98-1.0 of the furthest frame's
# distance; trial 18's rectcrop flat -> still square gradient).
BLANK_TURN_SHARE = 0.9
STEADY_S = 0.2  # the picture next to a transition must be steady over this (seconds)…
STEADY_RATIO = 0.6  # …moving at most this many times as fast as across the transition (else it is a slow drift)
BUSY_STEADY_S = 0.5  # on busy footage a side is judged by its picture statistics over this (seconds) next to the change…
BUSY_STEADY_RATIO = 0.6  # …which may move at most this many times as fast as they do across the change (else it is a slow drift)…
BUSY_SIDE_SHARE = 0.3  # …and spread (max − min, RMS over the statistics) over at most this share of their change between the sides (a flash next to it is no side)
BUSY_FADE_CONTEXT_S = 1.0  # a fade on busy footage is fitted over up to MAX_GRADUAL_S + this before (after) its blank end…
BUSY_FADE_FIT = 0.12  # …as level, straight ramp, blank: RMS residual of the ramp at most this share of the level…
BUSY_FADE_SCATTER = 0.15  # …and of the level part (its statistics holding still, however the footage moves)
BUSY_CLEAN_LEVELS = 2.0  # a blank end with more spread than this (luma std + √ Laplacian variance, levels) has grain over it: its fade is fitted on the means only
BUSY_EXACT_FIT = 0.01  # a ramp fitted this well (RMS residual / level) is a fade filter's own straight ramp: it replaces a fade found otherwise
BUSY_DRIFT_SHARE = 0.5  # …where the level may drift by at most this share of the ramp's slope
BUSY_JUMP_SHARE = 0.5  # a change on busy footage none of whose frames' steps carries more than this share of it (one frame doing it all is a cut or a flash)
DRIFT_COSINE = 0.7  # a uniform colour moving on next to a change, this close to the change's own direction (cosine), is drifting
MAX_MIX_RESIDUAL = 0.25  # a fade or dissolve stays this close to a blend of its two ends (see mix_residual)
# …or, when every cell of the grid changes and the way goes straight from one end to the other (net change ≥ this share of
# the path), this close: xfade's ``distance`` switches the pixels nearest the other picture first, so the cells' course bends
# off the blend's line while it still only goes forward (session 40: a gradient → gradient `distance` 0.267, 0.994 of its
# path; zooms, flashes, a rotating gradient and camera flashes over the bench's clips reach 0.25–0.35 off it but change
# 8–13 cells and go 0.68–0.96 of their way)
STRAIGHT_MONOTONY, STRAIGHT_MAX_MIX_RESIDUAL = 0.98, 0.35
WIPE_SPREAD = 0.35  # cells switching over this share of the span…
WIPE_FIT = 0.7  # …in an order explained this well (R²) by their position: a wipe
RADIAL_SPREAD = 0.2  # …or this share for an edge opening out of or closing into the centre
WIPE_MIN_CELLS = GRID * GRID // 2  # any transition replaces the whole picture; an object crossing it changes fewer cells
BLUR_SHARE = 0.15  # a "wipe" whose picture's detail (Laplacian variance, ``focus``) falls under this share of the least its sides hold is a blurred cross-fade (xfade's hblur), not an edge…
BLUR_DETAIL = 100.0  # …when both sides hold this much detail (Laplacian variance; about a mildly soft picture's, as in aspects.dynamic.camera)
# …and between two smooth pictures (flat colours, gradients: no detail to lose), whose cells' order the blur's one-sided
# mean shifts, a "wipe" whose cells each ramp over most of its span is a cross-fade (session 41: xfade `hblur` flat or
# gradient ↔ flat or gradient, 10-90 % of each cell's way over 0.79-0.82 of the span, median over the cells; wipes, slides
# and squeezes with a smooth side over every corpus ≤ 0.62, their edge crossing a cell in a share of the span)
RAMP_SHARE = 0.7
CELLS = GRID * GRID


def cut_scores(s: Signals) -> np.ndarray:
    """Per-frame change against the previous frame: colour histogram change (0–1) + compensated luma change / 100."""
    return s["hist_diff"] + s["comp_diff"] / 100.0


def _changing(values: np.ndarray, keep: np.ndarray | None) -> np.ndarray:
    """``values`` where ``keep`` (the frames that change, not repeats) holds; all of them when none does or ``keep`` is None."""
    if keep is None or not keep.any():
        return values
    return values[keep]


def _peak_ratio(values: np.ndarray, i: int, n: int, keep: np.ndarray | None = None) -> float:
    """``values[i]`` over the mean of its ``n`` neighbours each side (inf when they are all 0; 0 when not the local peak).

    With ``keep`` (per frame: it changes, see REPEAT_LEVELS) the mean is over the neighbours that change only."""
    lo, hi = max(1, i - n), min(len(values), i + n + 1)
    around = np.concatenate([values[lo:i], values[i + 1 : hi]])
    if around.size and values[i] < around.max():
        return 0.0
    if keep is not None:
        around = _changing(around, np.concatenate([keep[lo:i], keep[i + 1 : hi]]))
    mean = float(around.mean()) if around.size else 0.0
    return float(values[i] / mean) if mean > 0 else float("inf")


def _step_ratio(values: np.ndarray, i: int, n: int, keep: np.ndarray | None = None) -> float:
    """``values[i]`` over the larger of the means of its ``n`` neighbours before and after (inf when both are 0).

    The last frame of a gradual transition changes as much as the frames
    before it, so it is no step even though the frames after it are still.
    With ``keep`` each side's mean is over its frames that change (repeats left out, unless all are).
    """
    before = values[max(1, i - n) : i]
    after = values[i + 1 : i + n + 1]
    if keep is not None:
        before = _changing(before, keep[max(1, i - n) : i])
        after = _changing(after, keep[i + 1 : i + n + 1])
    level = max(float(before.mean()) if before.size else 0.0, float(after.mean()) if after.size else 0.0)
    return float(values[i] / level) if level > 0 else float("inf")


def _distance(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """RMS difference of grid states (levels), along the last axis."""
    return np.sqrt(np.mean((a - b) ** 2, axis=-1))


def _is_flash(state: np.ndarray, i: int, n_back: int) -> bool:
    """Whether the jump at frame ``i`` comes back to the picture before it within ``n_back`` frames, or is itself the way back from one."""
    jump = float(_distance(state[i], state[i - 1]))
    later = state[i + 1 : i + 1 + n_back]
    earlier = state[max(i - 1 - n_back, 0) : i - 1]
    return bool(jump > 0 and ((later.size and float(_distance(later, state[i - 1]).min()) < FLASH_RETURN * jump) or (earlier.size and float(_distance(earlier, state[i]).min()) < FLASH_RETURN * jump)))


def detect_cuts(s: Signals) -> list[int]:
    """Indices of frames that start a new shot after a hard cut."""
    score = cut_scores(s)
    pixel = s["comp_diff"] + s["chroma_diff"]
    n = frames_in(s, CUT_CONTEXT_S, least=2)
    state = s.colour_grid()
    grid = frame_steps(state)
    back = frames_in(s, FLASH_S)
    own = np.abs(np.diff(s["luma_mean"], prepend=s["luma_mean"][:1]))  # the mean's own change: a fade's step
    keep = s["diff_mean"] - own + s["chroma_diff"] >= REPEAT_LEVELS  # frames that change (the rest repeat the one before, maybe fading)

    def stands_out(i: int) -> bool:
        by_pixels = score[i] >= CUT_MIN_SCORE and _peak_ratio(score, i, n, keep) >= CUT_RATIO and pixel[i] >= CUT_MIN_PIXEL and _step_ratio(pixel, i, n, keep) >= CUT_PIXEL_RATIO
        by_pixels = by_pixels and _step_ratio(grid, i, n, keep) >= CUT_GRID_STEP
        # The grid's step must stand out against both sides: it needs n frames before it (not the video's first frames).
        return by_pixels or (i > n and grid[i] >= CUT_MIN_GRID and _step_ratio(grid, i, n, keep) >= CUT_RATIO and _peak_ratio(grid, i, n, keep) >= CUT_RATIO)

    return [i for i in range(1, len(score)) if stands_out(i) and not _is_flash(state, i, back)]


def activity(s: Signals) -> np.ndarray:
    """Change per frame (0–255 levels) not explained by camera motion.

    With a still camera it is the full-frame mean luma difference plus the
    chroma difference (a wipe's edge counts wherever it is; two colours of
    one brightness differ too); with a moving camera the motion-compensated
    luma difference of the central region.
    """
    moving = (np.abs(s["mv_dx"]) > STILL_MOTION) | (np.abs(s["mv_dy"]) > STILL_MOTION) | (np.abs(np.log(np.maximum(s["mv_scale"], 1e-6))) > STILL_MOTION)
    a = np.where(moving, s["comp_diff"], s["diff_mean"] + s["chroma_diff"])
    a[0] = 0.0
    return a


QUIET_BLOCK = 1024  # probes sorted together (bounds the memory of the windows' matrix)


def _side_percentiles(a: np.ndarray, pictured: np.ndarray, first: np.ndarray, stop: np.ndarray, shares: np.ndarray) -> np.ndarray:
    """Per window ``a[first[k]:stop[k]]``: its ``shares`` percentiles (one row per share; NaN for an empty window).

    Over its ``pictured`` values only when they are at least
    max(3, PICTURED_SHARE × its length). All windows at once: a matrix of
    them, left-over places NaN, sorted row-wise (NaN sort last).
    """
    out = np.full((shares.size, first.size), np.nan)
    length = stop - first
    width = int(length.max()) if length.size else 0
    if width <= 0:
        return out
    offsets = np.arange(width)
    for b in range(0, first.size, QUIET_BLOCK):
        f, n = first[b : b + QUIET_BLOCK], length[b : b + QUIET_BLOCK]
        inside = offsets[None, :] < n[:, None]
        idx = np.minimum(f[:, None] + offsets[None, :], a.size - 1)
        keep = inside & pictured[idx]
        only_pictured = keep.sum(axis=1) >= np.maximum(3, PICTURED_SHARE * n)
        use = np.where(only_pictured[:, None], keep, inside)
        v = np.sort(np.where(use, a[idx], np.nan), axis=1)
        count = use.sum(axis=1)
        pos = shares[:, None] * (count - 1)[None, :]
        lo = np.floor(pos).astype(int).clip(0, width - 1)
        hi = np.minimum(lo + 1, np.maximum(count - 1, 0)[None, :])
        rows = np.arange(f.size)[None, :]
        low, high = v[rows, lo], v[rows, hi]
        out[:, b : b + QUIET_BLOCK] = np.where(count[None, :] > 0, low + (high - low) * (pos - lo), np.nan)
    return out


def _quiet_level(s: Signals, a: np.ndarray, pictured: np.ndarray, percentiles: tuple[float, ...] = (QUIET_PERCENTILE,)) -> np.ndarray:
    """The footage's own background change around each frame: the quieter side's QUIET_PERCENTILE of ``a``.

    Each side is the QUIET_CONTEXT_S before (after) the frame, over its
    ``pictured`` frames (black, white and uniform frames have no motion to
    measure) when they are at least PICTURED_SHARE of it; the quieter side counts, so
    a long transition next to a short shot is still measured against the shot.
    With several ``percentiles``, one row per percentile (same units as ``a``).
    """
    # Evaluated every QUIET_STEP_S and interpolated: the level moves slowly, and a percentile per frame is the costly part.
    probes = np.unique(np.searchsorted(s.t, np.arange(s.t[0], s.t[-1] + QUIET_STEP_S, QUIET_STEP_S)).clip(0, len(a) - 1))
    lo = np.searchsorted(s.t, s.t[probes] - QUIET_CONTEXT_S)
    hi = np.searchsorted(s.t, s.t[probes] + QUIET_CONTEXT_S, side="right")
    positions = np.asarray(percentiles, dtype=float) / 100.0
    sides = [_side_percentiles(a, pictured, lo, probes, positions), _side_percentiles(a, pictured, probes + 1, hi, positions)]
    out = np.fmin(*sides)  # the quieter side; a side without frames does not count
    out = np.where(np.isnan(out), 0.0, out)
    levels = np.stack([np.interp(s.t, s.t[probes], row) for row in out])
    return levels[0] if len(percentiles) == 1 else levels


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """Inclusive (first, last) index pairs of the runs of True in ``mask``."""
    edges = np.diff(np.concatenate([[0], mask.astype(np.int8), [0]]))
    return list(zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) - 1))


def _cell_progress(grid: np.ndarray, first: int, last: int) -> tuple[np.ndarray, np.ndarray]:
    """The grid cells that change from frame ``first`` to ``last`` (≥ 4 levels and a quarter of the most changing one's
    change, each read in the plane where it changes most) and their progress (0 at ``first``, 1 at ``last``) per frame."""
    planes = (grid[last] - grid[first]).reshape(-1, CELLS)
    best_plane = np.argmax(np.abs(planes), axis=0)
    column = best_plane * CELLS + np.arange(CELLS)
    delta = planes[best_plane, np.arange(CELLS)]
    changing = np.flatnonzero(np.abs(delta) >= max(4.0, 0.25 * float(np.abs(delta).max())))
    cols_used = column[changing]
    return changing, (grid[first : last + 1, cols_used] - grid[first, cols_used]) / delta[changing]


def _ramps_together(s: Signals, state: np.ndarray, p: int, q: int) -> bool:
    """Whether a change between two smooth pictures (both sides' detail under BLUR_DETAIL, median over STEADY_S) moves its
    cells from 10 % to 90 % of their way over at least RAMP_SHARE of its span (median over the changing cells)."""
    sides = _side_focus(s, p, q)
    if sides is None or q - p < 2 or max(float(np.median(side)) for side in sides) >= BLUR_DETAIL:
        return False
    changing, progress = _cell_progress(state, p, q)
    if changing.size < 3:
        return False
    reached = np.maximum.accumulate(progress, axis=0)  # the first frame each cell reaches a share of its way
    t = s.t[p : q + 1]
    ramps = t[np.argmax(reached >= 0.9, axis=0)] - t[np.argmax(reached >= 0.1, axis=0)]
    return float(np.median(ramps)) >= RAMP_SHARE * float(t[-1] - t[0])


def _switch_order(s: Signals, grid: np.ndarray, first: int, last: int) -> dict:
    """When each changing grid cell crosses half-way between its start and end values, and how that order lines up with position.

    ``grid`` holds one or more GRID×GRID planes side by side (luma, Cr, Cb);
    each cell is read in the plane where it changes most. Returns ``cells``
    (how many cells change), ``spread`` (0–1: spread of switch times over
    the span), ``fit`` (R² of switch time against the cell's column and row
    together, so diagonal edges count, or against its distance from the
    centre column and row, for an edge opening out or closing in), and
    ``direction`` (where the moving edge goes: left/right/up/down, two of
    them joined, e.g. ``down-right``, when both axes matter; ``out`` / ``in``
    for an edge leaving / reaching the centre).
    """
    changing, progress = _cell_progress(grid, first, last)
    t = s.t[first : last + 1]
    span = float(t[-1] - t[0])
    none = {"cells": int(changing.size), "spread": 0.0, "fit": 0.0, "direction": None}
    if changing.size < 3 or span <= 0:
        return none
    times = np.empty(changing.size)
    for k in range(changing.size):
        p = progress[:, k]
        j = int(np.argmax(p >= 0.5))
        times[k] = t[j] if j == 0 else t[j - 1] + (0.5 - p[j - 1]) / max(p[j] - p[j - 1], 1e-9) * (t[j] - t[j - 1])
    rows, cols = np.divmod(changing, GRID)
    if np.ptp(times) == 0:
        return none
    centre = (GRID - 1) / 2.0
    fits = []
    for regressors in ((cols, rows), (np.abs(cols - centre), np.abs(rows - centre))):
        design = np.stack([np.ones(changing.size), *regressors], axis=1).astype(float)
        coef, *_ = np.linalg.lstsq(design, times, rcond=None)
        residual = times - design @ coef
        fits.append((1.0 - float(residual @ residual) / float(((times - times.mean()) ** 2).sum()), coef))
    (linear_fit, coef), (radial_fit, radial_coef) = fits
    sweep_fit, sweep_sign = _sweep_fit(times, rows, cols)
    spread = float(np.ptp(times) / span)
    if sweep_fit > max(linear_fit, radial_fit) + 0.1:
        # A clock hand sweeping round the centre.
        return {"cells": int(changing.size), "spread": spread, "fit": sweep_fit, "direction": "clockwise" if sweep_sign > 0 else "counterclockwise"}
    if radial_fit > linear_fit + 0.1:
        # Outer cells switching later: the edge travels out of the centre.
        # Only two distances from the centre on a 4×4 grid: the switch times spread over less of the span.
        return {"cells": int(changing.size), "spread": spread * WIPE_SPREAD / RADIAL_SPREAD, "fit": radial_fit, "direction": "out" if radial_coef[1:].sum() > 0 else "in"}
    # Cells further right switching later: the edge travels right. An axis counts when its slope is ≥ 1/3 of the other's.
    words = [("right" if coef[1] > 0 else "left", abs(coef[1])), ("down" if coef[2] > 0 else "up", abs(coef[2]))]
    strongest = max(w[1] for w in words)
    direction = "-".join(w for w, slope in sorted(words, key=lambda x: x[0] in ("left", "right")) if slope >= strongest / 3)
    return {"cells": int(changing.size), "spread": float(np.ptp(times) / span), "fit": linear_fit, "direction": direction}


def _sweep_fit(times: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> tuple[float, float]:
    """R² of switch time against the cell's angle round the centre (best of 8 starting angles), and the slope's sign (> 0: clockwise on screen)."""
    centre = (GRID - 1) / 2.0
    angle = np.arctan2(rows - centre, cols - centre)  # y grows downwards: increasing angle is clockwise on screen
    best = (0.0, 0.0)
    for cut in np.linspace(-np.pi, np.pi, 8, endpoint=False):
        for sign in (1.0, -1.0):
            theta = np.mod(sign * (angle - cut), 2 * np.pi)
            design = np.stack([np.ones(theta.size), theta], axis=1)
            coef, *_ = np.linalg.lstsq(design, times, rcond=None)
            residual = times - design @ coef
            fit = 1.0 - float(residual @ residual) / float(((times - times.mean()) ** 2).sum())
            if fit > best[0] and coef[1] > 0:
                best = (fit, sign)
    return best


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


def blank_kind(s: Signals, state: np.ndarray) -> np.ndarray:
    """Per frame: "black", "white", "uniform" (one colour, grain allowed) or "" — by the share of pixels at the level.

    "uniform" also needs the grid cells (luma, Cr, Cb) within UNIFORM_SPREAD
    levels of each other: half of one colour and half of another is not.
    """
    kind = np.full(len(s), "", dtype=object)
    if "black_share" not in s.columns:  # measured before the shares existed: fall back on a flat luma
        kind[s["luma_std"] < 4.0] = "uniform"
        kind[(s["luma_std"] < 4.0) & (s["luma_mean"] < 30)] = "black"
        kind[(s["luma_std"] < 4.0) & (s["luma_mean"] > 225)] = "white"
        return kind
    cells = state.reshape(len(s), -1, CELLS)
    even = (cells.max(axis=2) - cells.min(axis=2)).max(axis=1) <= UNIFORM_SPREAD
    uniform = (s["flat_share"] >= BLANK_SHARE) & even
    kind[uniform] = "uniform"
    kind[s["white_share"] >= BLANK_SHARE] = "white"
    for first, last in _runs(kind == "white"):
        if float(np.median(state[first : last + 1, :CELLS], axis=1).max()) < WHITE_RUN_LUMA:
            kind[first : last + 1] = np.where(uniform[first : last + 1], "uniform", "")  # a pale colour, never white
    kind[s["black_share"] >= BLANK_SHARE] = "black"
    return kind


def _segments(state: np.ndarray, blank: np.ndarray, before: int, after: int, rgb: np.ndarray | None = None) -> list[tuple[int, int, str]]:
    """Split the change from ``before`` to ``after`` where it turns through black or white (or dips to a uniform colour off its way).

    The turning point is the frame furthest off the straight way from one
    end to the other; when it is black or white (and the ends are not), or
    a uniform colour lying well off that way, the change is split there,
    around the frames that hold that same picture. Returns (start, end,
    role) pieces; ``role`` is "out" for the piece going into the blank
    picture, "in" for the one coming out of it, "" for a change that
    passes through none; none when the way turns only where a colour
    channel reached the gamut's edge (``fades.clipped_turn``, ``rgb`` the
    frames' R, G, B means): a drift clipped there, no transition.
    """
    inner = np.arange(before + 1, after)
    if inner.size == 0:
        return [(before, after, "")]
    delta = state[after] - state[before]
    norm = float(delta @ delta)
    offsets = state[inner] - state[before]
    alpha = np.clip(offsets @ delta / norm, 0.0, 1.0) if norm > 0 else np.zeros(inner.size)
    off_line = _distance(offsets, alpha[:, None] * delta[None, :])
    k = int(np.argmax(off_line))
    level = np.isin(blank[inner], ("black", "white")) & ~np.isin(blank[inner], (blank[before], blank[after]))
    if blank[inner[k]] not in ("black", "white") and (level & (off_line >= BLANK_TURN_SHARE * off_line[k])).any():
        k = int(np.argmax(np.where(level, off_line, -np.inf)))  # the held black (white), not a ramp frame off its plateau (see BLANK_TURN_SHARE)
    turn = int(inner[k])
    kind = blank[turn]
    nearer = float(min(_distance(state[turn], state[before]), _distance(state[turn], state[after])))
    through_level = kind in ("black", "white") and kind not in (blank[before], blank[after])
    dip = kind != "" and off_line[k] >= max(DIP_TURN * nearer, MIN_NET_CHANGE)
    if not (through_level or dip):
        return [(before, after, "")]
    # The held picture: frames this close to the turning point that do not move on as the ramps do (a slow ramp's last
    # frames are close to the turn too, but each still takes a ramp's step).
    steps = _distance(state[before + 1 : after + 1], state[before:after])  # steps[j]: frame before + j to before + j + 1
    still = steps <= HOLD_STEP_SHARE * float(np.median(steps))
    same = _distance(state[inner], state[turn]) <= HOLD_LEVELS
    lo = hi = k
    while lo > 0 and same[lo - 1] and still[inner[lo - 1] - before]:
        lo -= 1
    while hi < inner.size - 1 and same[hi + 1] and still[inner[hi] - before]:
        hi += 1
    if not through_level and not fades.turns_at(state, before, int(inner[lo]), int(inner[hi]), after):
        return [(before, after, "")]
    if not through_level and fades.greys_out(state[turn], int(inner[lo]) - before, after - int(inner[hi])):
        return [(before, after, "")]  # xfade's fadegrays: a cross-fade through the first side's grey, no dip
    if not through_level and fades.clipped_turn(rgb, before, int(inner[lo]), int(inner[hi]), after):
        return []  # a drift clipped at the gamut's edge turns there: no dip, nor a mix of two pictures (it never leaves the gamut)
    return [(before, int(inner[lo]), "out"), (int(inner[hi]), after, "in")]


def _steady_around(s: Signals, state: np.ndarray, blank: np.ndarray, p: int, q: int, busy: np.ndarray, stops: np.ndarray | None = None) -> bool:
    """Whether the pictures before ``p`` and after ``q`` hold still next to the change from ``p`` to ``q`` (else it is a drift).

    Over STEADY_S on each side (never across one of the ``stops``, cuts) the
    grid may move at most STEADY_RATIO times as fast as it does across the
    change. A black or white end is steady by itself, however briefly it is
    held. So is a uniform colour end (a colour held briefly between two
    ramps) — unless ``stops`` are given and the colour keeps moving on the
    change's way (cosine ≥ DRIFT_COSINE): a colour still drifting. Next to
    a fade (one end black or white) a ``busy`` side is judged by its motion
    along the fade's own way only: busy footage never holds still, and the
    black or white end anchors the fade.
    Any other side cut short by the video's start or end (under STEADY_S) is not steady.
    """
    delta = state[q] - state[p]
    rate = float(_distance(state[q], state[p])) / max(float(s.t[q] - s.t[p]), 1e-9)
    n = frames_in(s, STEADY_S)
    fade = blank[p] in ("black", "white") or blank[q] in ("black", "white")
    for end, other in ((p, max(p - n, 0)), (q, min(q + n, len(s) - 1))):
        if blank[end] in ("black", "white") or (blank[end] and stops is None):
            continue  # still by itself, however briefly it is held
        if abs(other - end) < n:
            return False  # cut short by the video's start or end: too little to tell a held picture from a slow drift (a few quantised frames of one)
        if stops is not None:
            if other > end:
                later = np.flatnonzero(stops[end + 1 : other + 1])
                other = end + int(later[0]) if later.size else other
            else:
                earlier = np.flatnonzero(stops[other + 1 : end + 1])
                other = other + int(earlier[-1]) + 1 if earlier.size else other
        if other == end:
            if blank[end]:
                continue
            return False
        # The side's own speed: a line fitted through each cell over the side (grain averages out), RMS over the cells.
        lo, hi = min(end, other), max(end, other)
        t = s.t[lo : hi + 1] - s.t[lo : hi + 1].mean()
        slopes = t @ (state[lo : hi + 1] - state[lo : hi + 1].mean(axis=0)) / max(float(t @ t), 1e-12)
        side = float(np.sqrt(np.mean(slopes**2)))
        if fade and busy[end]:  # anchored by its black or white end: busy footage next to it may move, only not on along the fade
            side = abs(float(slopes @ delta)) / max(float(np.linalg.norm(delta)), 1e-12) / np.sqrt(slopes.size)
        if side > STEADY_RATIO * rate:
            if not blank[end]:
                return False
            along = float(slopes @ delta) / max(float(np.linalg.norm(slopes) * np.linalg.norm(delta)), 1e-12)
            if along >= DRIFT_COSINE:
                return False  # a colour going on the same way: a drift
    return True


def statistics(s: Signals) -> np.ndarray:
    """Per frame the picture's statistics, levels (0–255 scale): luma mean and spread, R, G, B means, √(Laplacian variance).

    Motion moves texture across the grid's cells but hardly changes these;
    a dissolve or a fade changes them (the spread and the fine detail dip
    across a cross-fade of independent pictures, fall towards 0 into a flat
    colour), a slow drift keeps changing them.
    """
    names = ("luma_mean", "luma_std", "r_mean", "g_mean", "b_mean")
    cols = [s[name] for name in names if name in s.columns]
    if "focus" in s.columns:
        cols.append(np.sqrt(np.maximum(s["focus"], 0.0)))
    return np.stack(cols, axis=1) if cols else np.zeros((len(s), 1))


def _slope(t: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Least-squares slope of each column of ``values`` against ``t`` (units per second)."""
    tc = t - t.mean()
    return tc @ (values - values.mean(axis=0)) / max(float(tc @ tc), 1e-12)


def _busy_steady(s: Signals, state: np.ndarray, stats: np.ndarray, blank: np.ndarray, p: int, q: int, busy: np.ndarray, stops: np.ndarray) -> bool:
    """Whether the sides of the change from ``p`` to ``q`` hold steady where one of them is busy footage, which never holds still.

    A side is busy when ``busy`` says so or its own grid changes by
    GRID_FLOOR_PER_S or more over BUSY_STEADY_S (the quiet level is the
    quieter side's: next to a still picture a busy shot is not ``busy``).
    A busy side is judged by its picture statistics (``statistics``) over
    BUSY_STEADY_S (never across a cut): their slope, RMS over the
    statistics, at most BUSY_STEADY_RATIO times their rate across the
    change. A black or white side is steady by itself; another still side as
    in ``_steady_around`` (its grid). A side cut short by a cut or the
    video's start or end (under BUSY_STEADY_S when busy, STEADY_S when
    still) is not steady.
    """
    n, n_busy = frames_in(s, STEADY_S), frames_in(s, BUSY_STEADY_S)

    def moving(end: int, sign: int) -> bool:
        """Busy by the quiet level, or by the side's own grid change (next to a still picture the quieter side sets the quiet level)."""
        lo, hi = (max(end - n_busy, 0), end) if sign < 0 else (end, min(end + n_busy, len(s) - 1))
        own = np.abs(np.diff(state[lo : hi + 1], axis=0)).mean(axis=1) / s.dt[lo + 1 : hi + 1] if hi > lo else np.zeros(1)
        return bool(busy[end]) or (not blank[end] and float(np.median(own)) >= GRID_FLOOR_PER_S)

    sides = {p: moving(p, -1), q: moving(q, +1)}
    if not any(sides.values()):
        return False
    span = max(float(s.t[q] - s.t[p]), 1e-9)
    net_stats = float(np.sqrt(np.mean((stats[q] - stats[p]) ** 2)))
    rate_stats = net_stats / span
    rate_grid = float(_distance(state[q], state[p])) / span
    steps = np.sqrt(np.mean(np.diff(stats[p : q + 1], axis=0) ** 2, axis=1))
    if steps.size and float(steps.max()) > BUSY_JUMP_SHARE * net_stats:
        return False
    for end, sign in ((p, -1), (q, +1)):
        if blank[end] in ("black", "white"):
            continue
        far = int(np.clip(end + sign * (n_busy if sides[end] else n), 0, len(s) - 1))
        between = np.flatnonzero(stops[min(end, far) + 1 : max(end, far) + 1]) + min(end, far) + 1
        if between.size:
            far = int(between[0]) - 1 if sign > 0 else int(between[-1])
        if abs(far - end) < (n_busy if sides[end] else n):
            return False  # cut short by a cut or the video's start or end: too little busy footage to tell a held picture from a drift
        lo, hi = min(end, far), max(end, far)
        t = s.t[lo : hi + 1]
        if sides[end]:
            side, rate = float(np.sqrt(np.mean(_slope(t, stats[lo : hi + 1]) ** 2))), rate_stats
            limit = BUSY_STEADY_RATIO
            if float(np.sqrt(np.mean(np.ptp(stats[lo : hi + 1], axis=0) ** 2))) > BUSY_SIDE_SHARE * net_stats:
                return False
        else:
            side, rate = float(np.sqrt(np.mean(_slope(t, state[lo : hi + 1]) ** 2))), rate_grid
            limit = STEADY_RATIO
        if side > limit * rate:
            return False
    return True


def _classify(s: Signals, state: np.ndarray, blank: np.ndarray, p: int, q: int, role: str) -> dict | None:
    """The transition from frame ``p`` to frame ``q`` (both steady or blank), or None when it is none."""
    span = float(s.t[q] - s.t[p])
    if not MIN_GRADUAL_S - 1e-6 <= span <= MAX_GRADUAL_S:
        return None
    net = float(np.abs(state[q] - state[p]).mean())
    path = _path(s, state, p, q, net)
    if net < MIN_NET_CHANGE or net < WIPE_MIN_MONOTONY * path:
        return None
    item = {"type": "dissolve", "start": rounded(s.t[p], 6), "end": rounded(s.t[q], 6), "duration": rounded(span, 6)}
    into, out_of = blank[q], blank[p]
    order = _switch_order(s, state, p, q)
    if order["cells"] < WIPE_MIN_CELLS:
        return None  # a transition replaces the picture; a moving object changes a few cells
    wipe = order["spread"] >= WIPE_SPREAD and order["fit"] >= WIPE_FIT
    if wipe and (_blurred(s, p, q) or _ramps_together(s, state, p, q)):
        return item  # a blurred cross-fade: each cell drifts to its row's blurred mean at its content's pace, which can order the cells like an edge
    if wipe and dissolves.blends_through_grey(s, state, p, q):
        return item  # a blend through grey (xfade fadegrays): each cell drains and fills at its own colour's pace, which can order them like an edge; a wipe's cells go from one picture to the other, its colour never drains
    if not wipe and net < MIN_MONOTONY * path and not dissolves.blends_through_grey(s, state, p, q):
        return None
    if wipe:
        item.update(type="wipe", direction=order["direction"])  # a wipe to or from a solid colour is still a wipe
        return item
    straight = order["cells"] >= CELLS and net >= STRAIGHT_MONOTONY * path  # every cell goes forward only (xfade distance)
    straight = straight or _ramps_together(s, state, p, q)  # …or every cell ramps over most of the span between smooth pictures (xfade hblur)
    if min(mix_residual(state, p, q), mix_residual(state[:, :CELLS], p, q)) > (STRAIGHT_MAX_MIX_RESIDUAL if straight else MAX_MIX_RESIDUAL):
        return None  # neither a moving edge nor a blend of the two ends: motion, not a transition
    if role == "out" or (not role and into in ("black", "white") and out_of != into):
        item["type"] = "fade_out"
        q = _settled(state, blank, p, q, -1)
    elif role == "in" or (not role and out_of in ("black", "white") and into != out_of):
        item["type"] = "fade_in"
        p = _settled(state, blank, q, p, +1)
    item.update(start=rounded(s.t[p], 6), end=rounded(s.t[q], 6), duration=rounded(s.t[q] - s.t[p], 6))
    return item


def _blurred(s: Signals, p: int, q: int) -> bool:
    """Whether the picture's detail between frames ``p`` and ``q`` falls under BLUR_SHARE of the least its sides hold (STEADY_S each side), both holding BLUR_DETAIL.

    A wipe shows the two pictures side by side, each as sharp as it is, so
    its detail stays between theirs (its edge adds a little); a cross-fade of
    two detailed pictures keeps about half the smaller one's (their Laplacian
    variances add, weighted (1 − a)² and a²). A blur takes it away: xfade's
    ``hblur`` averages each row over up to half the frame's width at its
    middle (trial 11's Bunny → carphone: 2.6 % of the sides' least; the
    corpora's right wipes between detailed sides keep 31 % or more).
    """
    sides = _side_focus(s, p, q)
    if sides is None:
        return False
    least = float(np.concatenate(sides).min())
    return least >= BLUR_DETAIL and float(s["focus"][p : q + 1].min()) < BLUR_SHARE * least


def _side_focus(s: Signals, p: int, q: int) -> tuple[np.ndarray, np.ndarray] | None:
    """The picture's detail (``focus``, Laplacian variance) over STEADY_S up to frame ``p`` and from frame ``q`` on (each
    end included); None for measurements without it."""
    if "focus" not in s.columns:
        return None
    focus, n = s["focus"], frames_in(s, STEADY_S)
    return focus[max(p - n, 0) : p + 1], focus[q : q + n + 1]


def _path(s: Signals, state: np.ndarray, p: int, q: int, net: float) -> float:
    """The length of the way from frame ``p`` to ``q`` on the colour grid, walked in steps of about PATH_QUANTUM levels of net change (at most PATH_STRIDE_S)."""
    stride = int(np.clip(np.floor(PATH_QUANTUM * (q - p) / max(net, 1e-9)), 1, frames_in(s, PATH_STRIDE_S)))
    walk = np.unique(np.r_[np.arange(p, q, stride), q])
    return float(np.abs(np.diff(state[walk], axis=0)).mean(axis=1).sum())


def _settled(state: np.ndarray, blank: np.ndarray, far: int, near: int, step: int) -> int:
    """The blank end ``near`` of a fade moved towards ``far`` over a faint residue: frames already black or white that change less than FADE_TAIL_SHARE of the fade's typical step."""
    lo, hi = sorted((far, near))
    steps = np.abs(np.diff(state[lo : hi + 1], axis=0)).mean(axis=1)
    if steps.size < 3:
        return near
    typical = float(np.median(steps))
    kind = blank[near]
    j = near
    while (j + step - far) * step < 0 and blank[j + step] == kind and kind in ("black", "white"):
        change = steps[min(j, j + step) - lo]
        if change >= FADE_TAIL_SHARE * typical:
            break
        j += step
    return j


def _trim(state: np.ndarray, before: int, after: int, share: float = 0.0) -> tuple[int, int]:
    """Drop the run's head and tail that do not move the picture from one end towards the other (motion or noise bridged into it).

    Progress is each frame's projection on the way from the first frame to
    the last (0–1); the change starts at the last frame before progress
    passes ``share`` and ends at the first frame within ``share`` of the
    end.
    """
    delta = state[after] - state[before]
    norm = float(delta @ delta)
    if norm <= 0 or after - before < 3:
        return before, after
    progress = (state[before : after + 1] - state[before]) @ delta / norm
    moved = np.flatnonzero(progress > share)
    arrived = np.flatnonzero(progress >= 1.0 - share)
    start = before + max(int(moved[0]) - 1, 0) if moved.size else before
    end = before + int(arrived[arrived + before > start][0]) if np.any(arrived + before > start) else after
    return start, end


def _hinge(state: np.ndarray, p: int, q: int, lo: int, hi: int, ref: int) -> tuple[int, int]:
    """The ends of the change from ``p`` to ``q`` refitted on busy footage: the frames ``lo``–``hi`` as flat, a straight ramp, flat.

    Each frame's progress is its projection on the way from the mean
    picture of the ``ref`` frames up to ``p`` to that of the ``ref`` frames
    from ``q``; the least-squares fit of a hinge (level, ramp from frame t1
    to frame t2, level) gives start t1 and end t2 — the footage's own motion
    is noise on that line, and every frame of the ramp helps place it
    (where trimming by progress shares cannot tell motion from the change).
    """
    if not lo <= p < q <= hi:
        return p, q
    a_ref = state[max(lo, p - ref) : p + 1].mean(axis=0)
    b_ref = state[q : min(hi, q + ref) + 1].mean(axis=0)
    d = b_ref - a_ref
    norm = float(d @ d)
    if norm <= 0 or hi - lo < 4:
        return p, q
    x = (state[lo : hi + 1] - a_ref) @ d / norm
    n = x.size
    idx = np.arange(n, dtype=float)
    xc = x - x.mean()
    mid = (p + q) // 2 - lo

    def best(first: np.ndarray, second: np.ndarray) -> tuple[int, int, float]:
        t1, t2 = np.meshgrid(first, second, indexing="ij")
        keep = t2 > t1
        t1, t2 = t1[keep], t2[keep]
        if not t1.size:
            return -1, -1, np.inf
        h = np.clip((idx[None, :] - t1[:, None]) / (t2 - t1)[:, None], 0.0, 1.0)
        h -= h.mean(axis=1, keepdims=True)
        shh = np.einsum("ij,ij->i", h, h)
        sxh = h @ xc
        sse = float(xc @ xc) - np.where(shh > 0, sxh**2 / np.maximum(shh, 1e-12), 0.0)
        sse = np.where(sxh > 0, sse, np.inf)  # the ramp goes from the first picture to the second
        k = int(np.argmin(sse))
        return int(t1[k]), int(t2[k]), float(sse[k])

    step = max(1, n // 40)
    t1, t2, _ = best(np.arange(0, mid + 1, step), np.arange(mid, n, step))
    if t1 < 0:
        return p, q
    t1, t2, _ = best(np.arange(max(0, t1 - step), min(mid, t1 + step) + 1), np.arange(max(mid, t2 - step), min(n - 1, t2 + step) + 1))
    if t1 < 0:
        return p, q
    # An eased ramp bends into its levels: the ends go on out while progress stands HINGE_SIGMAS above the level's own scatter.
    before, after = x[: t1 + 1], x[t2:]
    level0, level1 = float(np.median(before)), float(np.median(after))
    spread0 = HINGE_SIGMAS * max(float(np.std(before)), 1e-9) if before.size > 2 else np.inf
    spread1 = HINGE_SIGMAS * max(float(np.std(after)), 1e-9) if after.size > 2 else np.inf
    while t1 > 0 and x[t1] - level0 > spread0:
        t1 -= 1
    while t2 < n - 1 and level1 - x[t2] > spread1:
        t2 += 1
    return lo + t1, lo + t2


def _regrow(s: Signals, item: dict, changing: np.ndarray, a: np.ndarray, g: np.ndarray, before: int, after: int, ends: tuple[bool, bool]) -> dict:
    """``item``'s trimmed start (end), when ``ends`` allows, moved back out towards ``before`` (``after``) over frames still ``changing``.

    Frame i changing means it differs from frame i − 1, so the start moves
    back while its frame changed, the end on while the next frame changes —
    at the end only while that change is at least REGROW_TAIL_SHARE of the
    typical step across the item (pixel or grid change).
    """
    p, q = s.frame_index[round(item["start"], 6)], s.frame_index[round(item["end"], 6)]
    if q - p < 2:
        return item
    typical_a, typical_g = float(np.median(a[p + 1 : q + 1])), float(np.median(g[p + 1 : q + 1]))
    head = REGROW_HEAD_SHARE if item["type"] == "wipe" else 0.0
    while ends[0] and p > before and changing[p] and (a[p] >= head * typical_a or g[p] >= head * typical_g):
        p -= 1
    while ends[1] and q < after and changing[q + 1] and (a[q + 1] >= REGROW_TAIL_SHARE * typical_a or g[q + 1] >= REGROW_TAIL_SHARE * typical_g):
        q += 1
    item.update(start=rounded(s.t[p], 6), end=rounded(s.t[q], 6), duration=rounded(s.t[q] - s.t[p], 6))
    return item


# An iris through black (xfade's rectcrop: a box closing on black over shot A, then opening on shot B) is two wipes whose
# inner ends are the first and the last black frame. On busy footage both pieces' ends were refitted as a ramp
# (``_hinge``), inner ends too: the black share grows with the box's area, so the ramp levels off where the frame is about
# 90 % black, a third of the half early (trial 16's rectcrop between two moving real shots: inner ends 0.24 s off). A
# wipe's inner end is where ``_segments`` found the blank picture held (session 21, helper 10w: wipe split 33, 6
# rectcrops, right wipes 4 -> 9 of 12; trial 16's rectcrop both halves right).
INNER_HELD = True
# …the black held, not the frames ``_segments`` holds: those lie within HOLD_LEVELS of the turning point on the 4×4 grid,
# and a box a few per cent of the frame changes the grid's middle cells by less (wipe split 39's rectcrop on flat colours,
# 2.22 s at 46 fps: inner ends 4 and 5 frames off the black). Within that hold the inner ends are the first and the last
# frame whose black (white) share lies within HELD_BLANK_SHARE of the hold's highest — a box under 0.1 % of the frame, what
# the rendered truth calls identical to the darkest frame (session 23, helper 10w: wipe split 39's six rectcrops, every
# inner end within a frame of the rendered one; within 2-5 frames before).
HELD_BLANK_SHARE = 0.001
# A shot moving next to a still side is not ``busy`` (the quieter side sets the quiet level): the run of changing frames starts
# at the clip's first frame, and the closing piece of an iris over it was never steady before its start and was dropped. Such
# a piece (into the black, steady by neither test) is refitted as a hinge (``_hinge``) up to the held black and judged again
# (session 23, helper 10w: wipe split 39's rectcrop Bunny -> flat, 1.35 s at 52 fps, closing half found within a frame). Not
# the opening piece: the one it reached, wipe split 27's rectcrop flat -> moving texture, hinged 11 frames long.
IRIS_SIDE_HINGE = True


# A wipe the 4×4 grid reads next to a still picture is regrown and trimmed over the other side's own motion
# (``_own_motion_trimmed``), and a moving side keeps changing after the edge has passed: trial 18's vdslice flat -> bikes
# ended 0.3 s late, wipe split 39's horzopen flat -> Bunny 15 frames early, trial 17's vuwind cellular automata -> still
# gradient started 3 frames late. Where one side of that wipe changes by MOVING_SIDE_PER_S or more (pixel change, levels
# per second, median over BUSY_STEADY_S next to its ends; bikes about 100, scrolling cellular automata about 950) and the
# other less (a still gradient's encoder wobble at 60 fps: 4-6), the switch-time map is read first and its edge kept when it
# finds one (session 23, helper 10w: all three within 2 frames; by the grid's change instead, 2.6-3.8 levels per second on
# a still gradient after a slide sent the suite's slideright-gradient9 to the map, 4 frames off).
MOVING_SIDE_MAP = True
MOVING_SIDE_PER_S = 30.0


def _one_side_moving(s: Signals, a: np.ndarray, p: int, q: int) -> bool:
    """Whether one side of the wipe ``p``–``q`` moves (its median pixel change over BUSY_STEADY_S next to it at least MOVING_SIDE_PER_S) and the other does not (see MOVING_SIDE_MAP)."""
    n = frames_in(s, BUSY_STEADY_S)
    sides = [float(np.median(a[lo + 1 : hi + 1])) if hi > lo else 0.0 for lo, hi in ((max(p - n, 0), p), (q, min(q + n, len(s) - 1)))]
    return max(sides) >= MOVING_SIDE_PER_S > min(sides)


def _held_blank(s: Signals, blank: np.ndarray, q0: int, p1: int) -> tuple[int, int]:
    """The first and the last frame of the hold ``q0``–``p1`` (``_segments``) whose black (white) share lies within HELD_BLANK_SHARE of the hold's highest (see INNER_HELD)."""
    kinds = [k for k in blank[q0 : p1 + 1] if k in ("black", "white")]
    column = f"{max(set(kinds), key=kinds.count)}_share" if kinds else ""
    if column not in s.columns:
        return q0, p1
    share = np.asarray(s[column][q0 : p1 + 1], dtype=float)
    keep = np.flatnonzero(share >= share.max() - HELD_BLANK_SHARE)
    return q0 + int(keep[0]), q0 + int(keep[-1])


def _held_inner_end(s: Signals, item: dict, role: str, inner: int) -> dict:
    """The wipe ``item`` of the piece ``role`` ("out": into the blank picture, "in": out of it) with its inner end at frame ``inner`` (see INNER_HELD); unchanged when that would not leave it longer than a frame."""
    start, end = (item["start"], rounded(s.t[inner], 6)) if role == "out" else (rounded(s.t[inner], 6), item["end"])
    if end - start <= float(np.median(s.dt)) + 1e-6:
        return item
    return {**item, "start": start, "end": end, "duration": rounded(end - start, 6)}


# A fade out of black (white) that a wipe closed into, or into the black a wipe opens out of, only that blank held
# between them (at most DIP_HOLD_S), is the iris's other half (``_iris_halves``; session 21, helper 10w: wipe split 33's
# rectcrop on moving texture and the tuning corpus's rectcrop on texture found whole; no fade lost on any split read).
IRIS_HALVES = True


def _iris_halves(s: Signals, blank: np.ndarray, found: list[dict]) -> list[dict]:
    """``found`` with a fade out of black (white) that a wipe closed into, or into black that a wipe opens out of, as that iris's other half.

    An iris closing on black and opening on the next shot (xfade's rectcrop)
    is a wipe "in" and a wipe "out"; next to busy footage the half that the
    map does not read is found from the blank end by the picture statistics
    (``_busy_fades``), as a fade. Held between them only black (white)
    frames, at most DIP_HOLD_S: the fade is the iris's other half (see IRIS_HALVES).
    """
    if not IRIS_HALVES:
        return found
    index = s.frame_index
    for one, two in zip(found, found[1:]):
        pair = (one["type"], one.get("direction"), two["type"], two.get("direction"))
        if pair[:3] == ("wipe", "in", "fade_in"):
            fade, direction = two, "out"
        elif pair[0] == "fade_out" and pair[2:] == ("wipe", "out"):
            fade, direction = one, "in"
        else:
            continue
        p, q = index[round(one["end"], 6)], index[round(two["start"], 6)]
        if q < p or two["start"] - one["end"] > DIP_HOLD_S + 1e-6 or blank[p] not in ("black", "white") or any(blank[p : q + 1] != blank[p]):
            continue
        fade["type"], fade["direction"] = "wipe", direction
    return found


def _own_motion_trimmed(s: Signals, item: dict, g: np.ndarray, before: int, after: int) -> dict:
    """A wipe's ends moved in over its sides' own motion: frames whose grid change (``g``, per second) is at most GRID_RATIO times the median over STEADY_S beyond that end (within ``before``–``after``: never across a cut), when they last STEADY_S or more.

    A moving picture next to a still one (a flat colour) has no quiet level
    of its own in the run (the quieter side is the colour's), so its motion
    is bridged into the change up to the video's end (trial 11: a squeeze
    off a flat navy onto a moving gradient, 1.7–2.7 s, read to 4.0 s); the
    picture beyond the wipe's end changes at its own rate, and the frames
    before it that change no faster are that picture moving, not the edge.
    """
    p, q = s.frame_index[round(item["start"], 6)], s.frame_index[round(item["end"], 6)]
    n = frames_in(s, STEADY_S)
    end = q
    if q + n <= after:
        rate = float(np.median(g[q + 1 : q + n + 1]))
        while end > p and g[end] <= GRID_RATIO * rate:
            end -= 1
        end = end if q - end >= n else q
    start = p
    if p - n >= max(before, 0) + 1:
        rate = float(np.median(g[p - n + 1 : p + 1]))
        while start < end and g[start + 1] <= GRID_RATIO * rate:
            start += 1
        start = start if start - p >= n else p
    if (start, end) == (p, q) or end - start < 2:
        return item
    return dict(item, start=rounded(s.t[start], 6), end=rounded(s.t[end], 6), duration=rounded(s.t[end] - s.t[start], 6))


def _share(state: np.ndarray, p: int, q: int, wobble: float, most: float) -> float:
    """The progress share below which a frame has not left its end: ``wobble`` (levels) over the way's length, at most ``most``."""
    return min(most, wobble / max(float(np.linalg.norm(state[q] - state[p])), 1e-9))


def detect_gradual(s: Signals, cuts: list[int]) -> list[dict]:
    """Fades, dissolves and wipes (see the module docstring); never across a cut."""
    if len(s) < 3:
        return []
    state = s.colour_grid()
    a = activity(s) / s.dt  # levels per second
    g = frame_steps(state) / s.dt
    lagged = []
    for lag_s in LAGS_S:
        lag = frames_in(s, lag_s, least=2)
        gl = np.zeros(len(s))
        if lag < len(s):
            gl[lag:] = np.abs(state[lag:] - state[:-lag]).mean(axis=1) / (s.t[lag:] - s.t[:-lag])
        lagged.append((lag, gl))
    for c in cuts:
        a[c] = g[c] = 0.0  # the cut frame itself belongs to the cut
        for lag, gl in lagged:
            gl[c : c + lag] = 0.0
    blank = blank_kind(s, state)
    stats = statistics(s)
    rgb = fades.channel_means(s)
    fine = wipes.fine_grid(s)
    pictured = blank == ""
    (qa, na), (qg, ng) = _quiet_level(s, a, pictured, (QUIET_PERCENTILE, NOISE_PERCENTILE)), _quiet_level(s, g, pictured, (QUIET_PERCENTILE, NOISE_PERCENTILE))
    # Fine texture in motion changes many pixels and few grid cells: either measure standing out is a change;
    # over LAGS_S a steady change adds up while motion back and forth does not (a slow fade in busy footage).
    active = (a > np.maximum(ACTIVE_FLOOR_PER_S, ACTIVE_RATIO * qa)) & (qa < ACTIVE_FLOOR_PER_S) | (g > np.maximum(GRID_FLOOR_PER_S, GRID_RATIO * qg))
    for _, gl in lagged:
        active |= gl > np.maximum(GRID_FLOOR_PER_S, GRID_RATIO * _quiet_level(s, gl, pictured))
    # Hysteresis on still pictures (quiet level under the floors): an eased start or end is slow but still a change.
    moving = ((a > TAIL_FLOOR_PER_S) & (qa < ACTIVE_FLOOR_PER_S)) | ((g > GRID_TAIL_FLOOR_PER_S) & (qg < GRID_FLOOR_PER_S))
    busy = qg >= GRID_FLOOR_PER_S
    # Frames that change more than the footage's own noise, on still pictures: a trimmed end grows back over them
    # (a diagonal or circular edge, a soft edge, an eased start: little of the picture changes at first, but it changes).
    changing = (((a > np.maximum(REGROW_FLOOR_PER_S, REGROW_RATIO * na)) & (qa < ACTIVE_FLOOR_PER_S)) | ((g > np.maximum(REGROW_FLOOR_PER_S, REGROW_RATIO * ng)) & (qg < GRID_FLOOR_PER_S))) & ~busy
    gap = frames_in(s, GAP_S)
    stops = np.zeros(len(s), dtype=bool)
    stops[cuts] = True
    for first, last in _runs(~active):
        if first > 0 and last < len(s) - 1 and last - first + 1 <= gap and not stops[first : last + 1].any():
            active[first : last + 1] = True  # never across a cut: what follows it may be a fade in (a fade out faster than the cut's frame)
    index = s.frame_index
    found = []
    for first, last in _runs(active):
        while first > 1 and moving[first - 1] and not stops[first - 1] and not active[first - 1]:
            first -= 1
        while last < len(s) - 1 and moving[last + 1] and not stops[last + 1] and not active[last + 1]:
            last += 1
        before, after = max(first - 1, 0), last
        # An end grows back at most to the previous cut or transition (the next cut).
        floor = max([c for c in cuts if c <= before] + [index[round(found[-1]["end"], 6)] if found else 0])
        ceiling = min([c - 1 for c in cuts if c > after] + [len(s) - 1])
        if any(before < c <= after for c in cuts):
            continue
        if found and found[-1]["type"] == "wipe" and s.t[first] < found[-1]["end"]:
            continue  # a run starting inside a wipe found already (from an earlier run's wider window) is part of it
        # Progress below the picture's own wobble (motion, grain) is no progress.
        # Busy footage wobbles along the way by up to TRIM_PROGRESS; a still picture only by its grain.
        wobble = np.inf if busy[before] or busy[after] else max(TRIM_NOISE * float(np.median(qg[before : after + 1] * s.dt[before : after + 1])), TRIM_MIN_LEVELS)
        # A wipe's last cells add little to the mean picture: its end is trimmed less.
        p, q = _trim(state, before, after, _share(state, before, after, wobble, TRIM_PROGRESS))
        wipe_q = _trim(state, before, after, _share(state, before, after, wobble, WIPE_TRIM_PROGRESS))[1]
        margin, ref = frames_in(s, HINGE_MARGIN_S), frames_in(s, HINGE_REF_S)
        refit = busy[before] or busy[after]
        if refit:  # busy footage: its motion hides where the change starts and ends
            p2, q2 = _hinge(state, p, q, max(floor, p - margin), min(ceiling, q + margin), ref)
            if s.t[q2] - s.t[p2] >= MIN_GRADUAL_S - 1e-6:
                p, q, wipe_q = p2, q2, q2
        pieces = _segments(state, blank, before, after, rgb)
        if not pieces:
            continue
        # A change through black or white is taken in two pieces (an iris closing to black and opening is two wipes).
        whole = _classify(s, state, blank, p, wipe_q, "") if len(pieces) == 1 else None
        # The finer grid's switch-time map: first on busy footage (its motion hides a wipe's ends from the 4×4 grid), else when
        # the 4×4 grid finds no wipe between steady sides (a few frames under grain, an edge its cells do not order).
        edge = None
        if fine is not None and refit and len(pieces) == 1:
            edge = wipes.fine_wipe(s, fine, state, before, after, floor, ceiling, ref, stops, MIN_GRADUAL_S, MAX_GRADUAL_S, (p, q))
        if edge is None and whole is not None and whole["type"] == "wipe" and _steady_around(s, state, blank, *(index[round(whole[k], 6)] for k in ("start", "end")), busy, stops):
            item = _own_motion_trimmed(s, _regrow(s, whole, changing, a, g, floor, ceiling, (True, True)), g, floor, ceiling)
            if fine is not None and MOVING_SIDE_MAP and _one_side_moving(s, a, index[round(item["start"], 6)], index[round(item["end"], 6)]):
                edge = wipes.fine_wipe(s, fine, state, before, after, floor, ceiling, ref, stops, MIN_GRADUAL_S, MAX_GRADUAL_S)  # see MOVING_SIDE_MAP
            found.append(edge if edge is not None else item)
            continue
        if edge is None and fine is not None and not refit and len(pieces) == 1:
            edge = wipes.fine_wipe(s, fine, state, before, after, floor, ceiling, ref, stops, MIN_GRADUAL_S, MAX_GRADUAL_S)
        if edge is not None:
            found.append(edge)
            continue
        if whole is not None and whole["type"] == "wipe":
            continue
        held: dict[str, int] = {}  # role → the piece's inner end, where the blank picture is held (``_segments``)
        if len(pieces) == 1:
            pieces = [(p, q, "")]
        else:  # trim the outer ends only: the inner ones are the blank picture's
            (p0, q0, r0), (p1, q1, r1) = pieces
            held = dict(zip((r0, r1), _held_blank(s, blank, q0, p1)))
            pieces = [(_trim(state, p0, q0, _share(state, p0, q0, wobble, TRIM_PROGRESS))[0], q0, r0), (p1, _trim(state, p1, q1, _share(state, p1, q1, wobble, TRIM_PROGRESS))[1], r1)]
            if refit:
                (p0, q0, r0), (p1, q1, r1) = pieces
                pieces = [(*_hinge(state, p0, q0, max(floor, p0 - margin), p1, ref), r0), (*_hinge(state, p1, q1, q0, min(ceiling, q1 + margin), ref), r1)]
        for p, q, role in pieces:
            if role == "out" and not refit and IRIS_SIDE_HINGE and not _steady_around(s, state, blank, p, q, busy, None) and not _busy_steady(s, state, stats, blank, p, q, busy, stops):
                p, q = _hinge(state, p, q, max(floor, p - margin), held[role], ref)  # see IRIS_SIDE_HINGE
            if not _steady_around(s, state, blank, p, q, busy, stops if not role else None) and not _busy_steady(s, state, stats, blank, p, q, busy, stops):
                continue  # a drift, not a change between two steady pictures
            item = _classify(s, state, blank, p, q, role)
            if item is not None:
                # Only the outer ends grow back: a fade's blank end is where the picture settled (see _settled).
                item = _regrow(s, item, changing, a, g, floor, ceiling, (item["type"] != "fade_in" and role != "in", item["type"] != "fade_out" and role != "out"))
                if item["type"] == "wipe":
                    item = _own_motion_trimmed(s, item, g, floor, ceiling)
                    if role in held and INNER_HELD:
                        item = _held_inner_end(s, item, role, held[role])
                found.append(item)
    pixel: list[dict] = []
    if fine is not None:  # dissolves on busy footage, read as a mixture of the low-pass pictures (aspects.dynamic.dissolves)
        found = dissolves.with_busy_dissolves(dissolves.refined(s, fine, stats, found, stops), dissolves.busy_dissolves(s, fine, stats, blank, stops))
        pixel = dissolves.pixel_dissolves(s, fine, stats, blank, stops)  # a random pixel switch's detail bump
        found = dissolves.with_pixel_dissolves(found, pixel, float(np.median(s.dt)))
        cross = dissolves.crossfade_dissolves(s, fine, stats, blank, stops)  # a cross-fade's detail dip, where nothing was found or what was is timed off it
        found = dissolves.with_crossfades_first(s, stats, found, cross)
        pixel = pixel + [c for c in cross if c in found]
    found = _fades_through_colour(s, blank, state, found)
    if fine is not None:  # a dissolve's picture does not come back; a breathing light's does (a light raises no detail bump: a pixel dissolve stays)
        found = [f for f in found if f["type"] != "dissolve" or f in pixel or not dissolves.comes_back(s, fine, index[round(f["start"], 6)], index[round(f["end"], 6)], stops)]
    return _iris_halves(s, blank, _with_busy_fades(s, found, _busy_fades(s, stats, blank, cuts, busy)))


def _ramp_fit(x: np.ndarray) -> tuple[int, int, float, float]:
    """Least-squares fit of ``x`` (≥ 0) as a line reaching L at index t1 (the footage may drift), a straight ramp down to 0 at index t2, then 0.

    Returns (t1, t2, L, RMS residual). Coarse grid of (t1, t2) first, then
    refined around the best pair.
    """
    n = x.size
    idx = np.arange(n, dtype=float)

    def best(first: np.ndarray, second: np.ndarray) -> tuple[int, int, float, float]:
        t1, t2 = np.meshgrid(first, second, indexing="ij")
        keep = t2 > t1
        t1, t2 = t1[keep].astype(float), t2[keep].astype(float)
        if not t1.size:
            return -1, -1, 0.0, np.inf
        h = np.clip((t2[:, None] - idx[None, :]) / (t2 - t1)[:, None], 0.0, 1.0)  # 1 up to t1, ramp, 0 from t2
        d = np.minimum(idx[None, :] - t1[:, None], 0.0)  # the level's drift: t − t1 up to t1
        hh, dd, hd = np.einsum("ij,ij->i", h, h), np.einsum("ij,ij->i", d, d), np.einsum("ij,ij->i", h, d)
        xh, xd = h @ x, d @ x
        det = np.maximum(hh * dd - hd**2, 1e-12)
        level, drift = (xh * dd - xd * hd) / det, (xd * hh - xh * hd) / det
        fit = level[:, None] * h + drift[:, None] * d
        sse = np.sum((x[None, :] - fit) ** 2, axis=1)
        # A drift must not take over the ramp: slower than BUSY_DRIFT_SHARE of it, and moving the level by at most that share.
        sse = np.where(np.abs(drift) * np.maximum(t2 - t1, t1) <= BUSY_DRIFT_SHARE * np.abs(level), sse, np.inf)
        k = int(np.argmin(sse))
        return int(t1[k]), int(t2[k]), float(level[k]), float(np.sqrt(sse[k] / n))

    step = max(1, n // 40)
    t1, t2, level, rms = best(np.arange(1, n, step), np.arange(1, n, step))
    if t1 < 0:
        return 0, n - 1, 0.0, np.inf
    return best(np.arange(max(1, t1 - step), min(n, t1 + step + 1)), np.arange(max(1, t2 - step), min(n, t2 + step + 1)))


def _busy_fades(s: Signals, stats: np.ndarray, blank: np.ndarray, cuts: list[int], busy: np.ndarray) -> list[dict]:
    """Fades out of and into black, white or a colour held briefly, next to busy footage, found from the blank end by the picture statistics.

    A fade mixes the picture with one uniform colour C: (1 − a)·A + a·C. Its
    statistics' distance from C's (mean, spread, √ Laplacian variance scale
    by 1 − a) falls along a straight line while the footage's own motion
    hardly moves it — where the grid and the pixels change with every frame.
    From each blank run, the frames back to the previous cut or blank frame
    (at most MAX_GRADUAL_S + BUSY_FADE_CONTEXT_S) are fitted as a level, a
    straight ramp down and the blank level (``_ramp_fit``); the frames after it
    likewise for a fade in. A ramp is a fade when it lasts MIN_GRADUAL_S to
    MAX_GRADUAL_S, the level before it holds (STEADY_S at least, scatter ≤
    BUSY_FADE_SCATTER of the level, slope ≤ BUSY_STEADY_RATIO of the ramp's)
    and the ramp is straight (BUSY_FADE_FIT), the level at least
    MIN_NET_CHANGE levels and the footage busy. A uniform colour other than
    black or white needs both ramps and a hold of at most DIP_HOLD_S (else
    it is a shot of that colour: dissolves).
    """
    out: list[dict] = []
    if len(s) < 5:
        return out
    reach = frames_in(s, MAX_GRADUAL_S + BUSY_FADE_CONTEXT_S)
    steady, hold = frames_in(s, STEADY_S), frames_in(s, DIP_HOLD_S)
    stops = sorted(set(cuts))
    runs: list[tuple[int, int]] = []  # runs of one blank kind; gaps up to GAP_S bridged (grain flickering over a held black), never across a cut
    gap = frames_in(s, GAP_S)
    for kind in ("black", "white", "uniform"):
        for a, b in _runs(blank == kind):
            if runs and blank[runs[-1][0]] == kind and a - runs[-1][1] - 1 <= gap and not any(runs[-1][1] < c <= a for c in stops):
                runs[-1] = (runs[-1][0], b)
            else:
                runs.append((a, b))
    runs.sort()

    def side(first: int, last: int, sign: int) -> tuple[int, int, bool] | None:
        """The fade between the blank run ``first``–``last`` and the picture (sign −1: before it, +1: after it): (start, end, exact) or None."""
        spread = stats[first : last + 1, 1] + stats[first : last + 1, -1]  # luma spread + √ Laplacian variance: 0 on one flat colour
        bottom = first + (int(np.argmin(spread)) if sign < 0 else spread.size - 1 - int(np.argmin(spread[::-1])))  # the blankest frame
        colour = stats[bottom]
        # Grain over the blank end (spread left on it) does not scale with the fade: then the means only.
        use = slice(None) if float(colour[1] + colour[-1]) < BUSY_CLEAN_LEVELS else [0, 2, 3, 4]
        # The held colour: the frames of the run around the blankest one within HOLD_LEVELS of it (the run's outer frames may be a
        # ramp's last ones, already nearly black). The window runs from the far end of the hold (the fitted blank level) to the
        # previous (next) cut or blank run.
        held = np.sqrt(np.mean((stats[first : last + 1][:, use] - colour[use]) ** 2, axis=1)) <= HOLD_LEVELS
        far = bottom - first
        while 0 <= far + sign < held.size and held[far + sign]:
            far += sign
        far += first
        if sign < 0:
            lo = max([0, bottom - reach] + [c for c in stops if c <= bottom] + [b + 1 for a, b in runs if b < first])
            window = np.arange(max(far, bottom), lo - 1, -1)  # reversed: the blank end first
        else:
            hi = min([len(s) - 1, bottom + reach] + [c - 1 for c in stops if c > bottom] + [a - 1 for a, b in runs if a > last])
            window = np.arange(min(far, bottom), hi + 1)
        if window.size < steady + 3:
            return None
        x = np.sqrt(np.mean((stats[window][:, use] - colour[use]) ** 2, axis=1))[::-1]  # time runs from the picture to the blank end
        t1, t2, level, rms = _ramp_fit(x)
        pic = window[::-1]
        if t1 < steady or level < MIN_NET_CHANGE or rms > BUSY_FADE_FIT * level or not busy[pic[t1]]:
            return None
        seconds = abs(float(s.t[pic[t2]] - s.t[pic[t1]]))
        if not MIN_GRADUAL_S - 1e-6 <= seconds <= MAX_GRADUAL_S:
            return None
        flat = x[: t1 + 1]
        tt = s.t[pic[: t1 + 1]]
        drift = float(_slope(tt, flat[:, None])[0])
        if abs(drift) > BUSY_STEADY_RATIO * level / seconds:
            return None  # the picture drifts nearly as fast as the ramp goes
        if float(np.std(flat - drift * (tt - tt.mean()))) > BUSY_FADE_SCATTER * level:
            return None
        ramp = x[t1 : t2 + 1] - level * np.clip((t2 - np.arange(t1, t2 + 1)) / max(t2 - t1, 1), 0, 1)
        if float(np.sqrt(np.mean(ramp**2))) > BUSY_FADE_FIT * level:
            return None
        exact = float(np.sqrt(np.mean(ramp**2))) <= BUSY_EXACT_FIT * level and rms <= 2 * BUSY_EXACT_FIT * level
        return (int(pic[t1]), int(pic[t2]), exact) if sign < 0 else (int(pic[t2]), int(pic[t1]), exact)

    for first, last in runs:
        kind = blank[first]
        into = side(first, last, -1) if first > 0 else None
        out_of = side(first, last, +1) if last < len(s) - 1 else None
        if kind not in ("black", "white"):
            if into is None or out_of is None or float(s.t[last] - s.t[first]) > DIP_HOLD_S + 1e-6 or last - first > hold:
                continue
        for span, name in ((into, "fade_out"), (out_of, "fade_in")):
            if span is not None:
                a, b, exact = span
                out.append({"type": name, "start": rounded(s.t[a], 6), "end": rounded(s.t[b], 6), "duration": rounded(s.t[b] - s.t[a], 6), "exact": exact})
    return out


def _with_busy_fades(s: Signals, found: list[dict], fades: list[dict]) -> list[dict]:
    """``found`` with each of the busy-footage ``fades`` in place of the dissolves overlapping it; a wipe found already is kept, a fade unless the new one is ``exact``."""
    for fade in fades:
        exact = fade.pop("exact")
        overlapping = [f for f in found if f["start"] < fade["end"] and f["end"] > fade["start"]]
        if any(f["type"] == "wipe" or (f["type"] != "dissolve" and not exact) for f in overlapping):
            continue
        found = [f for f in found if f not in overlapping] + [fade]
    return sorted(found, key=lambda x: (x["start"], x["end"]))


def _fades_through_colour(s: Signals, blank: np.ndarray, state: np.ndarray, found: list[dict]) -> list[dict]:
    """A dissolve into a uniform colour and one out of it, held at most DIP_HOLD_S and off the way between the shots around it: a fade out and a fade in."""
    index = s.frame_index
    for one, two in zip(found, found[1:]):
        if one["type"] != "dissolve" or two["type"] != "dissolve" or two["start"] - one["end"] > DIP_HOLD_S + 1e-6:
            continue
        p, c1, c2, q = (index[round(x, 6)] for x in (one["start"], one["end"], two["start"], two["end"]))
        if blank[c1] != "uniform" or blank[c2] != "uniform" or _distance(state[c1], state[c2]) >= MIN_NET_CHANGE:
            continue
        delta = state[q] - state[p]
        norm = float(delta @ delta)
        alpha = float(np.clip((state[c1] - state[p]) @ delta / norm, 0, 1)) if norm > 0 else 0.0
        off = float(_distance(state[c1] - state[p], alpha * delta))
        if off >= DIP_TURN * float(min(_distance(state[c1], state[p]), _distance(state[c1], state[q]))) and off >= MIN_NET_CHANGE:
            one["type"], two["type"] = "fade_out", "fade_in"
    return found


def _absorb_last_steps(s: Signals, cuts: list[int], gradual: list[dict]) -> list[int]:
    """Cuts that are a gradual transition's own first or last step, merged into it; the other cuts.

    A jump right next to a dissolve or wipe that goes on along its way
    (cosine ≥ DRIFT_COSINE with the change from its start to its end) ends
    or starts it (xfade's ``distance`` switches the last colours at once): no
    new shot starts there. A cut to another picture turns off that way.
    """
    if not cuts or not gradual:
        return cuts
    state = s.colour_grid()
    index = s.frame_index
    kept = []
    for c in cuts:
        jump = state[c] - state[c - 1]
        for item in gradual:
            if item["type"] not in ("dissolve", "wipe"):
                continue
            p, q = index[round(item["start"], 6)], index[round(item["end"], 6)]
            if q == c - 1:
                way = state[q] - state[p]
            elif p == c:
                way = state[q] - state[p]
            else:
                continue
            if float(jump @ way) >= DRIFT_COSINE * float(np.linalg.norm(jump) * np.linalg.norm(way)) > 0:
                lo, hi = (p, c) if q == c - 1 else (c - 1, q)
                item.update(start=rounded(s.t[lo], 6), end=rounded(s.t[hi], 6), duration=rounded(s.t[hi] - s.t[lo], 6))
                break
        else:
            kept.append(c)
    return kept


def detect_transitions(s: Signals) -> list[dict]:
    """Every transition, sorted by start: ``{"type", "start", "end", "duration"}`` (+ ``direction`` for wipes).

    A cut onto a black or white frame that a fade in leaves, at once or
    after holding it at most DIP_HOLD_S, is the fade's first half, faster
    than one frame: a fade out; one from a frame that was black (white)
    already is a step of the blank level, no transition.
    """
    cuts = detect_cuts(s)
    gradual = detect_gradual(s, cuts)
    stats = statistics(s)
    fine = wipes.fine_grid(s)
    if fine is not None:  # a cut that is one step of a blend between two still pictures (xfade distance): the blend, a dissolve
        cuts, blends = dissolves.still_blend_steps(s, fine, cuts)
        gradual = sorted([g for g in gradual if not any(g["start"] < d["end"] and g["end"] > d["start"] for d in blends)] + blends, key=lambda x: (x["start"], x["end"]))
        gradual = dissolves.still_ends(s, fine, gradual, cuts)  # a dissolve between still pictures runs from one to the other
        gradual = dissolves.settled_ends(s, fine, stats, gradual)  # …and ends where it is within a rounding step of a still side
    cuts = _absorb_last_steps(s, cuts, gradual)
    state = s.colour_grid()
    blank = blank_kind(s, state)
    index = s.frame_index
    fading_in = [index[round(g["start"], 6)] for g in gradual if g["type"] == "fade_in"]
    hold = frames_in(s, DIP_HOLD_S)
    items = []
    for i in cuts:
        t = rounded(s.t[i], 6)
        leaves = blank[i] in ("black", "white") and any(i <= j <= i + hold and all(blank[i : j + 1] == blank[i]) for j in fading_in)
        if leaves and i > 0 and blank[i - 1] == blank[i]:
            continue  # a step of the black (white) level inside the held blank (two sources' black levels joined): the fade in is the transition
        if leaves:
            items.append({"type": "fade_out", "start": rounded(s.t[i - 1], 6), "end": t, "duration": rounded(s.t[i] - s.t[i - 1], 6)})
        else:
            items.append({"type": "cut", "start": t, "end": t, "duration": 0.0})
    items = sorted(items + gradual, key=lambda x: (x["start"], x["end"]))
    items = fades.with_short_fades(items, fades.short_fades(s, stats, state, blank, cuts, items))  # fades next to moving pictures
    items = fades.with_fitted_ends(s, state, items)  # a linear fade's picture-side end, read on the grid
    items = fades.with_eased_dips(s, stats[:, 0], blank, items)  # xfade's fade through black or white holds no blank
    return guards.without_motion(s, _without_flashes(s, items, state, blank))  # moving objects and fields: no transition


def _without_flashes(s: Signals, items: list[dict], state: np.ndarray, blank: np.ndarray) -> list[dict]:
    """``items`` less the fades of a flash: a jump onto white (black) in one frame whose picture comes back within FLASH_S (``state``: the colour grid, ``blank``: :func:`blank_kind` of it).

    A fade in that leaves a white (black) frame reached in one jump (at least
    CUT_MIN_GRID levels and CUT_RATIO times the step before it: not the
    last step of a fast fade) from a picture, where a frame within FLASH_S comes
    back to that picture (within FLASH_RETURN of the jump), is a flash
    decaying (a camera flash, a lightning strike), not a transition; so is
    a fade out or cut ending on that jump.
    """
    if not any(item["type"] == "fade_in" for item in items):
        return items
    index = s.frame_index
    back = frames_in(s, FLASH_S)
    dropped: list[dict] = []
    for item in items:
        b = index[round(item["start"], 6)]
        if item["type"] != "fade_in" or blank[b] not in ("black", "white"):
            continue
        a = b
        while a > 0 and blank[a - 1] == blank[b]:
            a -= 1
        if a == 0 or blank[a - 1]:
            continue
        jump = float(_distance(state[a], state[a - 1]))
        before = float(_distance(state[a - 1], state[a - 2])) if a >= 2 else 0.0
        later = state[a + 1 : a + 1 + back]
        if jump >= max(CUT_MIN_GRID, CUT_RATIO * before) and later.size and float(_distance(later, state[a - 1]).min()) < FLASH_RETURN * jump:
            dropped.append(item)
            dropped += [other for other in items if other["type"] in ("fade_out", "cut") and round(other["end"], 6) == round(float(s.t[a]), 6)]
    return [item for item in items if item not in dropped]


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
