"""Fades next to moving pictures, from how much of the picture is left: short fades, and fades where nothing was found.

A fade mixes the picture A with one uniform colour C: (1 − a)·A + a·C. The
picture's statistics (luma mean and spread, R, G, B means, √ Laplacian
variance; ``transitions.statistics``) minus C's scale by 1 − a whatever A
does: motion moves texture about but hardly changes them. So the distance
x of a frame's statistics from those of the blankest frame next to it, over
the level x holds next to the fade, is the share r of the picture left: 1 on
the footage, 0 on the blank frame.

From each run of black or white frames (or of one uniform colour held at
most DIP_HOLD_S whose 4×4 grid lies off the way between the pictures either
side, DIP_TURN: then both fades or neither) the frames towards the picture
are read. The fade ends at the first frame held at the blank picture
(within HOLD_LEVELS of the blankest frame). Its outer end is the least-
squares fit (``_ramp_end``) of a straight or an eased (smoothstep) ramp up
to a level that may drift on, moved on while the picture still climbs at
CLIMB_SHARE of the ramp's mean rate (over any span up to CLIMB_S). Ramps
of at most SHORT_FADE_S are looked for first, the level guessed beyond that
reach and read next to the ramp (or up to HINT_MARGIN_S beyond a fade of
that side found already, one of at most HINT_LONGEST_S); where nothing was
found on a side of a black, white or briefly held colour run, ramps of up to
LONG_FADE_S, fitted at once (session 18: a colour held briefly took short
ramps only, and a moving pattern fading 0.6 s into navy was read nothing; a
colour's pair must also turn at it, ``turns_at``, as ``transitions`` asks of
the dips it splits: hue swings and drifts turn all along); where a longer fade of that side was found (by ``transitions``),
the same long reading refits its outer end (its blank end stays).

The frames between are a fade when there is at least one of them (none: a
cut), r rises from the blank end to the level (by at most MONOTONE_SLACK
back on the way), each of them is the level's picture scaled towards C
(their statistics off the line from C to the level's mean by at most
MODEL_RESIDUAL of its length: a cut to another, darker picture is not), the
luma spread of the ramp's middle stays under IRIS_SPREAD above the level's
spread scaled by r (an iris or a wipe onto black puts black and picture
side by side), and the level holds over at least STEADY_S (never across a
cut or another black or white run): its scatter at most LEVEL_SCATTER and
its trend over the ramp's length at most LEVEL_DRIFT of the ramp's change
(or, past that when the level drifts back towards the blank colour, the
ramp's grid cells scale together as the level's: ``_scale_spread`` at most
SCALE_SPREAD; a zoom drifts but keeps its profile).

``with_fitted_ends`` (last) first moves every fade's blank end on while
the picture's distance from the blankest frame still falls at the fade's
rate (``_blank_end``: most pixels read blank a few frames early), then
refits its picture-side end on the colour grid where the frames' step
ratios fit a linear fade's (FIT_*), or a linear fade's on a picture whose
own distance from the blank colour grows or shrinks steadily
(``_drifting_end``, DRIFT_SCALE), and last where the distance kinks as a
linear fade's end does over the picture's own smooth drift (``_kink_end``,
KINK_*: a fade starts where the level falls at the fade's own rate, not
where a zoom or a moving gradient starts to darken).

``with_short_fades`` puts them in place of the cuts on their ramp, the
dissolves they overlap, the fade of their type they were read next to (a
hint, or refitted) and other fades of their type lasting over 1 / KEEP_SHARE
as long (or any, when a cut was found on the ramp); a wipe there is kept.
"""

from __future__ import annotations

import numpy as np

from aspects.dynamic.signals import Signals, frames_in, rounded
from aspects.measure.visual import GRID

SHORT_FADE_S = 0.6  # seconds: the longest ramp this rule looks for (longer fades: the ramp fits in ``transitions``)…
HINT_MARGIN_S = 0.2  # …or this beyond the outer end of a fade found there already, when that one is at most HINT_LONGEST_S long
HINT_LONGEST_S = 1.2
LONG_FADE_S = 5.0  # seconds: where nothing of a side was found, a fade this long at most is looked for
KEEP_SHARE = 0.75  # a fade found already stays unless the short fade on its ramp lasts under this share of it
LEVEL_S = 0.5  # seconds of footage next to the ramp its level is read over…
STEADY_S = 0.2  # …at least this (seconds)
LEVEL_SCATTER = 0.12  # the level's r may scatter (standard deviation) by at most this (share of the level)
LEVEL_DRIFT = 0.3  # …and trend, over the ramp's length, by at most this share of the ramp's change
LEVEL_SIGMAS = 3.0  # r within this many standard deviations of the level's scatter of 1 is at the level…
LEVEL_BAND = 0.04  # …or within this (share), whichever is wider
CLIMB_S = 0.1  # seconds (at least two frames): over any span up to this (duplicated frames stall a ramp for a frame)…
CLIMB_SHARE = 0.5  # the ramp goes on past its fitted end while still climbing at this share of its mean rate
MONOTONE_SLACK = 0.08  # r may fall back by at most this on the way from the blank end to the level
MID_LOW, MID_HIGH = 0.4, 0.8  # the ramp's middle, where…
IRIS_SPREAD = 0.3  # …a luma spread this share of the level above the scaled level's is an edge opening (an iris, a wipe onto black), no fade…
IRIS_SHARE = 0.8  # …and so is half that spread with blank pixels over this share of 1 − r more than on the level
MODEL_RESIDUAL = 0.2  # a ramp frame's statistics lie at most this share of the level's distance off the line from C to the level
HOLD_LEVELS = 1.5  # RMS levels: frames this close to the blankest frame hold the blank picture
CLEAN_LEVELS = 2.0  # a blank frame with more spread than this (luma std + √ Laplacian variance) has grain on it: means only
MIN_LEVEL = 5.0  # levels: the picture's distance from the blank colour at least this
DIP_HOLD_S = 1.0  # a uniform colour other than black or white is faded through when held at most this (seconds) between two fades…
DIP_TURN = 0.35  # …and lying this far (share of its distance to the nearer side) off the way between the pictures either side
DIP_CORNER_SHARE = 0.8  # a dip turns at the held colour: the way turns there (last third of the ramp into it against the first third out) by at least this share of the turn between the two ramps as wholes — a fade mixes with the colour along a straight line (0.98-1.18 on the corpora's fades through a colour), a hue drifting on (a sunset) turns a little at every frame (0.35-0.4) and one swinging back and forth slows into its turn (0.66)
SCALE_SPREAD = 0.45  # a ramp refused only for its level's drift is a fade when its cells' sorted distances over their mean stray at most this (RMS) from the level's…
SCALE_FROM = 0.25  # …on the frames where at least this share of the picture is left (nearer the blank colour the codec crushes the cells)
GAP_S = 0.1  # blank runs of one kind this close (seconds) are one run (grain flickering over a held black)
# xfade's fadegrays is a cross-fade (issue 10's mapping: a dissolve): it takes A's colour away over the first fifth of the
# blend and mixes that grey into B over the rest, so between two flat colours the way turns at a neutral grey and looked
# like a fade through grey (session 25, helper 10f: split 45's four flat -> flat / flat -> grainy fadegrays, each read as a
# fade out + fade in; the grey's grid chroma 0.5-2.5 levels off neutral, the ramp into it 0.21-0.24 of the ramp out of it).
# A dip to a neutral grey (mean |Cr − 128|, |Cb − 128| over the grid at most GREY_CHROMA levels) reached in at most
# GREY_RAMP_SHARE of the time it takes to leave it is that cross-fade, no dip, here and in ``transitions._segments`` (the fade filter's dips through a colour ramp
# for the same time each way; split 45's dips through other colours held 15-40 levels of chroma).
GREY_CHROMA = 4.0
GREY_RAMP_SHARE = 0.4

# A drift pushed out of the RGB gamut (eq's brightness on a saturated colour: its luma falls while a channel is held at
# 0) turns where that channel reaches the edge, and the turn is all there is to it: the other channels go on at the
# same rate (session 31: split 49's darkening red, 0xD21F39 → G held at 0 from 2.2 s, R and B falling 1.6 levels a frame
# either side, read fade_out + fade_in through the dark red at the corner; split 47's brightening flat alike). A fade
# through a colour changes every channel's rate at the held colour: the pictures either side are two others.
CLIP_EDGE_LEVELS = 2.0  # an RGB channel's frame mean within this of 0 or 255 sits at the gamut's edge
CLIP_MOVE_LEVELS = 0.5  # levels per frame: a channel moving slower than this either side of the corner holds still
CLIP_RATE_SHARE = 0.25  # the channels off the edge keep their rate across the corner within this share of it


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """Inclusive (first, last) index pairs of the runs of True in ``mask``."""
    edges = np.diff(np.concatenate([[0], mask.astype(np.int8), [0]]))
    return list(zip(np.flatnonzero(edges == 1).tolist(), (np.flatnonzero(edges == -1) - 1).tolist()))


def blank_runs(s: Signals, blank: np.ndarray, cuts: list[int]) -> list[tuple[int, int]]:
    """Runs of one blank kind ("black", "white", "uniform"), runs of a kind GAP_S apart bridged unless a cut lies between; sorted."""
    gap = frames_in(s, GAP_S)
    runs: list[tuple[int, int]] = []
    for kind in ("black", "white", "uniform"):
        kept: list[tuple[int, int]] = []
        for a, b in _runs(blank == kind):
            if kept and a - kept[-1][1] - 1 <= gap and not any(kept[-1][1] < c <= a for c in cuts):
                kept[-1] = (kept[-1][0], b)
            else:
                kept.append((a, b))
        runs += kept
    return sorted(runs)


def held_runs(stats: np.ndarray, blank: np.ndarray, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``runs`` with each uniform run cut down to its stretches of one held colour (steps under HOLD_LEVELS): a flat colour fading into another is uniform all along."""
    out = []
    for first, last in runs:
        if blank[first] != "uniform":
            out.append((first, last))
            continue
        steps = np.sqrt(np.mean(np.diff(stats[first : last + 1], axis=0) ** 2, axis=1))
        still = np.ones(last - first + 1, dtype=bool)
        still[1:] &= steps <= HOLD_LEVELS
        still[:-1] &= steps <= HOLD_LEVELS
        out += [(first + a, first + b) for a, b in _runs(still)]
    return sorted(out)


def _ramp_end(x: np.ndarray, held: int, stop: int, longest: int) -> int:
    """Where the ramp of ``x`` (≥ 0; 0 at index ``held``, the blank end) reaches the picture's level: the least-squares fit over ``held``–``stop``.

    The model: a straight or an eased (smoothstep) ramp from 0 up to a level
    A at index k (at most ``longest`` frames on), then a line from there (the
    footage's own drift, slope B); A and B are fitted for every k, the k of
    the least squared error is returned.
    """
    stop = min(stop, x.size)
    j = np.arange(held, stop, dtype=float)
    ends = np.arange(held + 1, min(held + longest, stop - 2) + 1, dtype=float)
    if not ends.size:
        return held + 1
    u = np.clip((j[None, :] - held) / (ends[:, None] - held), 0.0, 1.0)
    after = np.maximum(j[None, :] - ends[:, None], 0.0)
    y = x[held:stop]
    best = np.full(ends.size, np.inf)
    for ramp in (u, u * u * (3 - 2 * u)):
        aa, bb, ab = np.einsum("ij,ij->i", ramp, ramp), np.einsum("ij,ij->i", after, after), np.einsum("ij,ij->i", ramp, after)
        ay, by = ramp @ y, after @ y
        det = np.maximum(aa * bb - ab**2, 1e-12)
        a, b = (ay * bb - by * ab) / det, (by * aa - ay * ab) / det
        sse = np.sum((y[None, :] - a[:, None] * ramp - b[:, None] * after) ** 2, axis=1)
        best = np.minimum(best, np.where(a > 0, sse, np.inf))
    return int(ends[int(np.argmin(best))])


def _level(t: np.ndarray, x: np.ndarray) -> tuple[float, float, float]:
    """The level of ``x`` over times ``t`` next to a ramp: its median, its trend (share of the median per second) and its scatter about that trend (share)."""
    value = float(np.median(x))
    r = x / value
    tc = t - t.mean()
    trend = float(tc @ (r - r.mean()) / max(float(tc @ tc), 1e-12))
    return value, trend, float(np.std(r - r.mean() - trend * tc))


def _opens(s: Signals, stats: np.ndarray, order: np.ndarray, held: int, k: int, r: np.ndarray, value: float, share: str) -> bool:
    """Whether the blank picture gives way by area, as an iris or a wipe onto black (white) does, on the ramp's middle frames (r between MID_LOW and MID_HIGH).

    A fade scales every pixel's distance from the colour: the luma spread
    scales by r and few pixels reach the blank level before the end. Blank
    and picture side by side spread wide (IRIS_SPREAD of the level above the
    scaled spread), or, less so (half that) while the blank pixels (``share``,
    the black or white share) still cover IRIS_SHARE of 1 − r more than on the level.
    """
    middle = np.array([j for j in range(held + 1, k) if MID_LOW <= r[j] <= MID_HIGH], dtype=int)
    if not middle.size:
        return False
    level = float(np.median(stats[order[k : k + 3], 1]))
    spread = float(np.median(stats[order[middle], 1] - r[middle] * level)) / value
    if spread >= IRIS_SPREAD:
        return True
    if not share or share not in s.columns or spread < IRIS_SPREAD / 2:
        return False
    blank = s[share][order[middle]] - float(np.median(s[share][order[k : k + 3]]))
    return bool(np.median(blank / (1.0 - r[middle])) >= IRIS_SHARE)


def _scale_spread(grid: np.ndarray, order: np.ndarray, held: int, k: int, level_n: int) -> float:
    """How far the ramp's grid cells stray from scaling together: the largest RMS gap between a ramp frame's sorted cell distances from the blank frame's (over their mean) and the level's.

    A fade scales every cell's distance by one factor, so their quantiles over
    their mean hold along the ramp; a zoom or a pan keeps that profile too
    (the same kind of picture), while blank patches opening by area (an iris, a
    zoom into a dark region, a cut to a darker picture) change it.
    """
    d = np.abs(grid[order] - grid[order[0]])
    mean = np.maximum(d.mean(axis=1, keepdims=True), 1e-9)
    profile = np.sort(d / mean, axis=1)
    level = np.median(profile[k : k + level_n], axis=0)
    share = mean[held + 1 : k, 0] / float(np.median(mean[k : k + level_n, 0]))
    ramp = profile[held + 1 : k][share >= SCALE_FROM]
    if not ramp.size:
        return float("inf")
    return float(np.sqrt(np.mean((ramp - level[None, :]) ** 2, axis=1)).max())


def _side(
    s: Signals, stats: np.ndarray, first: int, last: int, sign: int, lo: int, hi: int, white_or_black: bool, hint: int | None = None, reach_s: float | None = None, grid: np.ndarray | None = None
) -> tuple[int, int] | None:
    """The fade between the blank run ``first``–``last`` and the picture (sign −1: before it, +1: after it), frames ``lo``–``hi`` reachable: (start, end) or None.

    ``hint``: the outer end of a fade of this side found already (``transitions``); the ramp may then reach HINT_MARGIN_S
    beyond it, and the level is first guessed beyond that. ``reach_s``: a ramp of any length up to this, fitted at once.
    """
    run = stats[first : last + 1]
    # The blankest frame: the least spread, and for black (white) the darkest (brightest) — a light flat colour fading to white is "white" early.
    kind = 1 if run[0, 0] > 128 else -1
    spread = run[:, 1] + run[:, -1] + (np.abs(run[:, 0] - (255.0 if kind > 0 else 0.0)) if white_or_black else 0.0)
    bottom = first + (int(np.argmin(spread)) if sign < 0 else spread.size - 1 - int(np.argmin(spread[::-1])))
    colour = stats[bottom]
    use = slice(None) if float(colour[1] + colour[-1]) < CLEAN_LEVELS else [0, 2, 3, 4]
    # Time runs away from the blank end: index 0 is the blankest frame, then towards the picture.
    order = np.arange(bottom, lo - 1, -1) if sign < 0 else np.arange(bottom, hi + 1)
    if order.size < 3:
        return None
    x = np.sqrt(np.mean((stats[order][:, use] - colour[use]) ** 2, axis=1))
    held = 0
    while held + 1 < x.size and x[held + 1] <= HOLD_LEVELS:
        held += 1
    longest, level_n, steady_n = frames_in(s, SHORT_FADE_S), frames_in(s, LEVEL_S), frames_in(s, STEADY_S)
    if hint is not None:
        longest = max(longest, abs(hint - order[0]) - held + frames_in(s, HINT_MARGIN_S))
    if reach_s is not None:  # a fade of any length up to reach_s: the ramp fitted at once, its level read after it
        longest = frames_in(s, reach_s)
        k = _ramp_end(x, held, held + longest + level_n, longest)
        if k - held >= longest or k + steady_n > x.size or x[k] < MIN_LEVEL:
            return None
        value, trend, scatter = _level(s.t[order[k : k + level_n]], x[k : k + level_n])
        r = x / value
    else:
        # The level first guessed beyond the longest ramp, then read next to the ramp found.
        far = x[held + longest + 1 : held + longest + 1 + level_n]
        if far.size < steady_n:
            far = x[held + 1 :][-level_n:]
        guess = float(np.median(far)) if far.size else 0.0
        if guess < MIN_LEVEL:
            return None
        k = held + 1
        while k < x.size and x[k] < (1 - LEVEL_BAND - 0.1) * guess:
            k += 1
        if k >= x.size or k == held + 1 or k - held - 1 > longest:
            return None  # no frame between the blank picture and the level (a cut), or no level within reach
        if x[k : k + level_n].size < steady_n:
            return None
        value, trend, scatter = _level(s.t[order[k : k + level_n]], x[k : k + level_n])
        band = max(LEVEL_BAND, LEVEL_SIGMAS * scatter)
        r = x / value
        # Walk the start back out while the frames have not reached the level's band (the guess above used a wide band).
        while k > held + 1 and r[k - 1] >= 1 - band:
            k -= 1
        while k < x.size - 1 and r[k] < 1 - band and k - held - 1 < longest:
            k += 1
        if r[k] < 1 - band:
            return None  # still ramping at the longest reach: a longer fade (``transitions``)
        k = _ramp_end(x, held, k + level_n, longest)
        if k - held >= longest:
            return None  # the fit runs to the longest reach: a longer fade (``transitions``)
    # The ramp goes on while the picture still comes up at CLIMB_SHARE of the ramp's mean rate or more (over two frames):
    # an eased ramp's tail, or footage whose own level the fitted drift took for the ramp's end.
    climb = max(2, frames_in(s, CLIMB_S))

    def climbing(k: int) -> bool:
        rate = CLIMB_SHARE * x[k] / (k - held)
        return any((x[k + j] - x[k]) / j >= rate for j in range(2, climb + 1) if k + j < x.size)

    while k + 2 < x.size - steady_n and climbing(k):
        k += 1
    value, trend, scatter = _level(s.t[order[k : k + level_n]], x[k : k + level_n])
    r = x / value
    level = x[k : k + level_n]
    ramp = np.arange(held + 1, k)
    if not ramp.size:
        return None
    seconds = abs(float(s.t[order[k]] - s.t[order[held]]))
    if scatter > LEVEL_SCATTER:
        return None
    # A level drifting on away from the blank end may be the ramp read short; one drifting back towards it is the picture's
    # own (a zoom), kept where the ramp's cells scale together (``_scale_spread``).
    if abs(trend) * seconds > LEVEL_DRIFT and (trend * sign >= 0 or grid is None or _scale_spread(grid, order, held, k, level_n) > SCALE_SPREAD):
        return None
    if np.any(np.diff(r[held : k + 1]) < -MONOTONE_SLACK):
        return None
    picture = stats[order[k : k + level.size]][:, use].mean(axis=0) - colour[use]
    norm = float(picture @ picture)
    if norm <= 0:
        return None
    offsets = stats[order[ramp]][:, use] - colour[use]
    share = np.clip(offsets @ picture / norm, 0.0, 1.0)
    off = np.sqrt(np.sum((offsets - share[:, None] * picture[None, :]) ** 2, axis=1)) / np.sqrt(norm)
    if float(off.max()) > MODEL_RESIDUAL:
        return None
    if _opens(s, stats, order, held, k, r, value, ("white_share" if colour[0] > 128 else "black_share") if white_or_black else ""):
        return None
    end, start = int(order[held]), int(order[k])
    return (start, end) if sign < 0 else (end, start)


def _angle(u: np.ndarray, v: np.ndarray) -> float:
    """The angle (radians) between two changes of the colour grid; 0 when either is none."""
    norm = float(np.linalg.norm(u) * np.linalg.norm(v))
    return float(np.arccos(np.clip(float(u @ v) / norm, -1.0, 1.0))) if norm > 0 else 0.0


def turns_at(state: np.ndarray, before: int, lo: int, hi: int, after: int) -> bool:
    """Whether the way from ``before`` to ``after`` turns at the picture held ``lo``–``hi`` (a dip: DIP_CORNER_SHARE), not all along it (a drift)."""
    w_in, w_out = max(1, (lo - before) // 3), max(1, (after - hi) // 3)
    whole = _angle(state[lo] - state[before], state[after] - state[hi])
    local = _angle(state[lo] - state[lo - w_in], state[hi + w_out] - state[hi])
    return local >= DIP_CORNER_SHARE * whole


def greys_out(held: np.ndarray, into: int, out_of: int) -> bool:
    """Whether a dip held at the grid ``held`` (luma, Cr, Cb cells), reached in ``into`` frames and left over ``out_of``, is xfade's fadegrays (a neutral grey reached fast: GREY_CHROMA, GREY_RAMP_SHARE)."""
    if held.size != 3 * GRID * GRID:
        return False  # luma only: no chroma to judge the grey by
    chroma = float(np.mean(np.abs(held[GRID * GRID :] - 128.0)))
    return chroma <= GREY_CHROMA and into <= GREY_RAMP_SHARE * out_of


GREY_BELOW_SIDES = 0.5  # ``_greys_out_between``: the greyest frame's chroma at most this share of both outer ends' (levels / levels)


def channel_means(s: Signals) -> np.ndarray | None:
    """[shape=(frames, 3)] the frames' R, G, B means, for :func:`clipped_turn`; None when not measured."""
    if not all(k in s.columns for k in ("r_mean", "g_mean", "b_mean")):
        return None
    return np.stack([np.asarray(s[k], float) for k in ("r_mean", "g_mean", "b_mean")], axis=1)


def clipped_turn(rgb: np.ndarray | None, before: int, lo: int, hi: int, after: int) -> bool:
    """Whether the way from ``before`` to ``after`` turns at the picture held ``lo``–``hi`` only because a colour channel
    reached the edge of the RGB gamut there (CLIP_EDGE_LEVELS; on it by the end of the way out), while every other channel
    that moves, never at the edge, goes on at the rate it came in with (CLIP_RATE_SHARE): one drift clipped, no dip. ``rgb`` [shape=(frames, 3)] the frames'
    R, G, B means (None: not judged). Rates are read over the last third of the way in and the first third out."""
    if rgb is None or lo - before < 2 or after - hi < 2:
        return False
    w_in, w_out = max(1, (lo - before) // 3), max(1, (after - hi) // 3)
    v_in = (rgb[lo] - rgb[lo - w_in]) / w_in
    v_out = (rgb[hi + w_out] - rgb[hi]) / w_out
    end = rgb[hi + w_out]
    # came in towards the edge and on it by the end of the way out (channels reaching it a few frames apart included)
    pinned = ((end <= CLIP_EDGE_LEVELS) & (v_in <= -CLIP_MOVE_LEVELS)) | ((end >= 255.0 - CLIP_EDGE_LEVELS) & (v_in >= CLIP_MOVE_LEVELS))
    near = rgb[lo - w_in : hi + w_out + 1]
    free = ((near > CLIP_EDGE_LEVELS) & (near < 255.0 - CLIP_EDGE_LEVELS)).all(axis=0)  # never at the edge around the corner
    moving = free & ((np.abs(v_in) >= CLIP_MOVE_LEVELS) | (np.abs(v_out) >= CLIP_MOVE_LEVELS))
    if not pinned.any() or not moving.any():
        return False
    scale = np.maximum(np.abs(v_in[moving]), np.abs(v_out[moving]))
    return bool(np.all(np.abs(v_out[moving] - v_in[moving]) <= CLIP_RATE_SHARE * scale))


def _greys_out_between(state: np.ndarray, start: int, end: int) -> bool:
    """``greys_out`` at the greyest frame (least mean chroma) from ``start`` to ``end``: the run a pair of ramps turns at
    on a flat colour's blend is any run of uniform frames, not the neutral grey fadegrays passes (session 29)."""
    if state.shape[1] != 3 * GRID * GRID or end - start < 2:
        return False
    chroma = np.abs(state[start : end + 1, GRID * GRID :] - 128.0).mean(axis=1)
    k = int(np.argmin(chroma))
    if not 0 < k < chroma.size - 1 or chroma[k] > GREY_BELOW_SIDES * min(chroma[0], chroma[-1]):
        return False  # no turn through grey between two coloured pictures (a greyish picture side is no grey dip)
    return greys_out(state[start + k], k, end - start - k)


def _off_the_way(state: np.ndarray, before: int, held: int, after: int) -> bool:
    """Whether the coarse picture (``state``: the 4×4 colour grid) held at ``held`` lies off the way from the one at ``before`` to that at ``after`` (DIP_TURN of its distance to the nearer one, at least MIN_LEVEL): a dip, not a step of a dissolve."""
    a, c, b = state[before], state[held], state[after]
    way = b - a
    norm = float(way @ way)
    along = float(np.clip((c - a) @ way / norm, 0.0, 1.0)) if norm > 0 else 0.0
    off = float(np.sqrt(np.mean((c - a - along * way) ** 2)))
    nearer = min(float(np.sqrt(np.mean((c - a) ** 2))), float(np.sqrt(np.mean((c - b) ** 2))))
    return off >= max(DIP_TURN * nearer, MIN_LEVEL)


def _hints(s: Signals, found: list[dict], first: int, last: int) -> dict[str, int]:
    """The outer end (frame) of each fade ``found`` whose blank end lies on the run ``first``–``last`` (a frame either side), by type; −1 for one longer than HINT_LONGEST_S (left as it is)."""
    out = {}
    lo, hi = float(s.t[max(first - 1, 0)]) - 1e-6, float(s.t[min(last + 1, len(s) - 1)]) + 1e-6
    for item in found:
        blank_end, outer = (item["end"], item["start"]) if item["type"] == "fade_out" else (item["start"], item["end"])
        if item["type"] in ("fade_out", "fade_in") and lo <= blank_end <= hi:
            out[item["type"]] = -1 if item["duration"] > HINT_LONGEST_S + 1e-6 else int(np.argmin(np.abs(s.t - outer)))
    return out


def short_fades(s: Signals, stats: np.ndarray, state: np.ndarray, blank: np.ndarray, cuts: list[int], found: list[dict] | None = None) -> list[dict]:
    """Fades out of and into black, white, or a uniform colour held at most DIP_HOLD_S, whose ramp lasts at most SHORT_FADE_S (see the module docstring)."""
    out: list[dict] = []
    if len(s) < 5:
        return out
    runs = held_runs(stats, blank, blank_runs(s, blank, cuts))
    rgb = channel_means(s)
    hold, longest = frames_in(s, DIP_HOLD_S), frames_in(s, SHORT_FADE_S)
    for first, last in runs:
        kind = blank[first]
        # A cut within a short ramp's reach of the blank run may be the ramp's own steepest step: it must then lie on the ramp.
        near = [c for c in cuts if first - longest <= c <= last + longest + 1]
        # Never across another black or white run (a fade from or into a flat colour is all uniform frames).
        lo = max([0] + [c for c in cuts if c <= first and c not in near] + [b + 1 for a, b in runs if b < first and blank[a] != "uniform"])
        hi = min([len(s) - 1] + [c - 1 for c in cuts if c > last and c not in near] + [a - 1 for a, b in runs if a > last and blank[a] != "uniform"])
        hints = _hints(s, found or [], first, last)
        into = out_of = None
        refits: set[str] = set()
        hinted: set[str] = set()
        for sign, name in ((-1, "fade_out"), (+1, "fade_in")):
            if first <= lo if sign < 0 else last >= hi:
                continue
            if hints.get(name, 0) < 0:  # a long fade found already: read again over the long reach, its outer end refitted
                if kind == "uniform":
                    continue
                span = _side(s, stats, first, last, sign, lo, hi, True, reach_s=LONG_FADE_S, grid=state)
                refits.add(name)
            else:
                span = _side(s, stats, first, last, sign, lo, hi, kind != "uniform", hints.get(name), grid=state)
                if span is not None and name in hints:
                    hinted.add(name)
                if span is None and name not in hints:  # nothing found there yet: a longer fade (a colour's pair must turn at it, below)
                    span = _side(s, stats, first, last, sign, lo, hi, kind != "uniform", reach_s=LONG_FADE_S, grid=state)
            into, out_of = (span, out_of) if sign < 0 else (into, span)
        if into is not None and any(c <= into[0] or into[1] < c <= first for c in near if c <= first):
            into = None
        if out_of is not None and any(c > out_of[1] for c in near if c > last):
            out_of = None
        if kind not in ("black", "white") and (
            into is None
            or out_of is None
            or last - first > hold
            or not _off_the_way(state, into[0], first, out_of[1])
            or not turns_at(state, into[0], first, last, out_of[1])
            or greys_out(state[first], first - into[0], out_of[1] - last)
            or _greys_out_between(state, into[0], out_of[1])
            or clipped_turn(rgb, into[0], first, last, out_of[1])
        ):
            continue
        for span, name in ((into, "fade_out"), (out_of, "fade_in")):
            if span is not None:
                a, b = span
                out.append({"type": name, "start": rounded(s.t[a], 6), "end": rounded(s.t[b], 6), "duration": rounded(s.t[b] - s.t[a], 6)})
                if name in refits:
                    out[-1]["refit"] = True
                if name in hinted:
                    out[-1]["hinted"] = True
                if kind == "uniform":
                    out[-1]["pair"] = first  # through a colour: both fades or neither
    return out


def with_short_fades(found: list[dict], fades: list[dict]) -> list[dict]:
    """``found`` with the short fades in place of what they overlap: dissolves, cuts on their ramp (its steepest step), and fades of their type lasting over 1 / KEEP_SHARE times as long (run on over the level).

    A short fade overlapping a wipe, or a fade of the other type that no short fade replaced, is not added.
    """

    def overlaps(item: dict, fade: dict) -> bool:
        if item["type"] == "cut":
            return bool(fade["start"] < item["start"] <= fade["end"])
        return bool(item["start"] < fade["end"] and item["end"] > fade["start"])

    def replaces(fade: dict, item: dict) -> bool:
        # A fade of its type lasting not much longer is the same ramp read over a longer reach: it stays, unless a cut
        # was found on the short fade's ramp (that fade's steepest step: the other reading stopped short of it), or the
        # short fade was read next to it (``hinted``: its reach ran past that one's outer end; ``refit``: the long reach).
        if not overlaps(item, fade) or item["type"] not in ("cut", "dissolve", fade["type"]):
            return False
        stepped = any(f["type"] == "cut" and overlaps(f, fade) for f in found)
        return item["type"] != fade["type"] or stepped or fade.get("refit", False) or fade.get("hinted", False) or fade["duration"] < KEEP_SHARE * item["duration"]

    def refits(fade: dict, item: dict) -> bool:
        # A long fade read again, or one read next to a fade of its type lasting not much longer (that one would have
        # stayed), keeps the blank end found already: only its outer end is refitted.
        near = fade.get("refit") or (fade.get("hinted") and fade["duration"] >= KEEP_SHARE * item["duration"])
        return bool(near and item["type"] == fade["type"] and overlaps(item, fade))

    for fade in fades:
        same = [f for f in found if refits(fade, f)]
        inner = "end" if fade["type"] == "fade_out" else "start"
        moved = {**fade, inner: same[0][inner]} if same else fade
        # …unless that end reaches into a fade of the other type read next to it (its blank end was read off the ramp).
        if same and not any(g["type"] != fade["type"] and overlaps(g, moved) for g in fades):
            fade[inner] = same[0][inner]
            fade["duration"] = rounded(fade["end"] - fade["start"], 6)
    fades = [fade for fade in fades if not any(overlaps(f, fade) and f["type"] == fade["type"] and not replaces(fade, f) for f in found)]
    replaced = [f for f in found if any(replaces(fade, f) for fade in fades)]
    kept = [f for f in found if f not in replaced]
    added: list[dict] = []
    for fade in fades:
        # A fade of the other type reaching into this one's ramp from the blank end (its own blank end read off the
        # ramp) ends where this one does.
        into = "start" if fade["type"] == "fade_out" else "end"
        for f in kept:
            other = f["type"] in ("fade_out", "fade_in") and f["type"] != fade["type"]
            if other and overlaps(f, fade) and fade["start"] < f[into] < fade["end"]:
                bound = fade["end"] if fade["type"] == "fade_out" else fade["start"]
                if (f["end"] - bound if into == "start" else bound - f["start"]) > 0:
                    f.update({into: bound, "duration": rounded((f["end"] - bound) if into == "start" else (bound - f["start"]), 6)})
        if not any(overlaps(f, fade) and f["type"] in ("wipe", "fade_out", "fade_in") for f in kept + added):
            added.append(fade)
    # Fades through a colour come in pairs: both or neither.
    pairs = [fade.get("pair") for fade in added]
    added = [fade for fade in added if fade.get("pair") is None or pairs.count(fade["pair"]) == 2]
    for fade in fades:
        fade.pop("pair", None)
        fade.pop("refit", None)
        fade.pop("hinted", None)
    # What an unadded fade would have replaced stays.
    back = [f for f in replaced if not any(overlaps(f, fade) for fade in added)]
    return sorted(kept + back + added, key=lambda x: (x["start"], x["end"]))


FIT_MOVE = 0.25  # the picture-side end may move by at most this share of the fade (or FIT_FRAMES)…
FIT_FRAMES = 2  # …frames, whichever is more…
FIT_FROM = 0.3  # …fitted over the frames from this share of the ramp (from the blank end)…
FIT_AFTER_S = 0.3  # …to this many seconds past the end…
FIT_RMS = 0.0065  # …when the step ratios' logs lie this close (RMS) to the linear fade's
DRIFT_SCALE = 0.15  # …or to a linear fade's scaled by 1 ± this, plus the picture's own steady growth or shrinking (a constant)


def _step_ratios(grid: np.ndarray, order: np.ndarray) -> np.ndarray:
    """log(a[i+1] / a[i]) along ``order`` (index 0: the blank frame): each frame's distance from the blank frame's grid projected onto the one before.

    A fade scales every cell's distance from the blank colour by the same a;
    the picture's own motion moves the cells about, mostly across that
    distance, so the projection reads the scaling and little of the motion.
    """
    d = grid[order] - grid[order[0]]
    num = np.einsum("ij,ij->i", d[1:], d[:-1])
    den = np.maximum(np.einsum("ij,ij->i", d[:-1], d[:-1]), 1e-9)
    return np.log(np.clip(num / den, 1e-3, None))


def _fit_reach(n: int) -> int:
    """How far (frames) a fitted end may move from the ramp's ``n`` frames: FIT_MOVE of it, at least FIT_FRAMES."""
    return max(FIT_FRAMES, int(round(FIT_MOVE * n)))


def _linear_steps(i: np.ndarray, k: int) -> np.ndarray:
    """A linear fade's step ratios log(a[i+1] / a[i]) at frames ``i`` (from the blank frame) when it ends at frame ``k``: log((i + 1) / i) up to it, 0 after."""
    return np.where(i + 1 <= k, np.log((i + 1) / i), 0.0)


def _fitted_end(grid: np.ndarray, order: np.ndarray, n: int, after: int) -> int:
    """The ramp's length (frames from the blank frame ``order[0]``) that fits a linear fade best, within FIT_MOVE of ``n``.

    A linear fade gives a[i] ∝ i up to its end K, so log(a[i+1] / a[i]) is
    log((i + 1) / i) before K and 0 (the picture's own level) after it.
    """
    move = _fit_reach(n)
    lo, hi = max(2, n - move), n + move
    top = min(hi + after, order.size - 1)
    if top <= hi or lo >= hi:
        return n
    y = _step_ratios(grid, order[: top + 1])
    first = max(1, int(FIT_FROM * lo))
    i = np.arange(first, top)
    best, best_sse = n, np.inf
    for k in range(lo, hi + 1):
        model = _linear_steps(i, k)
        sse = float(np.sum((y[first:top] - model) ** 2))
        if sse < best_sse:
            best, best_sse = k, sse
    if np.sqrt(best_sse / (top - first)) > FIT_RMS:
        return _drifting_end(y, first, top, lo, hi, n)  # the ratios stray off a linear fade's: a picture whose own size drifts, or an eased ramp
    return best


def _drifting_end(y: np.ndarray, first: int, top: int, lo: int, hi: int, n: int) -> int:
    """``_fitted_end`` on a picture whose own distance from the blank colour grows or shrinks: log(a[i+1] / a[i]) = c·log((i + 1) / i) up to K, plus the picture's own rate α all along.

    The fade's steps are a linear fade's (c within DRIFT_SCALE of 1) and the constant rate explains the rest (RMS within FIT_RMS); else ``n`` stays.
    (A rate changing in time, a line, was tried: it took an eased fadeblack on a still gradient for a linear fade and ended it 3 frames early.)
    """
    i = np.arange(first, top, dtype=float)
    target = y[first:top]
    best, best_sse = n, np.inf
    for k in range(lo, hi + 1):
        step = _linear_steps(i, k)
        design = np.stack([step, np.ones_like(i)], axis=1)
        coef, *_ = np.linalg.lstsq(design, target, rcond=None)
        if abs(float(coef[0]) - 1.0) > DRIFT_SCALE:
            continue
        sse = float(np.sum((target - design @ coef) ** 2))
        if sse < best_sse:
            best, best_sse = k, sse
    if not np.isfinite(best_sse) or np.sqrt(best_sse / (top - first)) > FIT_RMS:
        return n
    return best


BLANK_REACH_S = 1.0  # seconds past a fade's blank end searched for the blankest frame (never into the next item)
BLANK_STEP = 0.5  # the blank end moves on while the picture's distance from the blankest frame still falls by this share of the ramp's mean step per frame…
HOLD_GRID = 1.5  # …and is more than this (RMS levels over the colour grid)


def _blank_end(grid: np.ndarray, order: np.ndarray, n: int, reach: int) -> int:
    """How many frames (≥ 0) the fade's blank end moves on into the blank run: ``order`` runs from the ramp's outer end (index 0) through the blank end (index ``n``) on past it.

    The blank run starts where most pixels read black or white, a few frames before a linear fade reaches the blank colour; the picture's
    distance from the blankest frame (the most uniform 4×4 grid within ``reach`` frames past the blank end) keeps falling at the fade's own
    rate until then. The end moves on while that distance (RMS levels) is over HOLD_GRID and falls by at least BLANK_STEP of the ramp's mean
    step a frame: grain over a held black or an eased ramp's slow tail stops it.
    """
    m_all = grid[order]
    past = m_all[n : n + reach + 1]
    if past.shape[0] < 2:
        return 0
    spread = past.reshape(past.shape[0], 3, -1).std(axis=2).sum(axis=1)
    ref = int(np.argmin(spread))
    if ref == 0:
        return 0
    m = np.sqrt(np.mean((m_all - past[ref]) ** 2, axis=1))
    step = BLANK_STEP * (m[0] - m[n]) / max(n, 1)
    j = 0
    while j < ref and m[n + j] > HOLD_GRID and m[n + j] - m[n + j + 1] >= step > 0:
        j += 1
    return j


KINK_WINDOW_S = 0.2  # seconds either side of a linear fade's picture-side end that ``_kink_end`` reads (at least KINK_FRAMES frames)…
KINK_FRAMES = 4
KINK_FIT = 0.15  # …moving the end where the fade's kink leaves at most this share of a smooth curve's squared residual…
KINK_GAIN = 0.1  # …and at most this share of the kink model's residual at the end found


def _kink_fit(m: np.ndarray, k: int, w: int) -> float:
    """How well a linear fade ending ``k`` frames from the blank frame explains the picture's distance ``m`` (index 0: the blank frame) over ``w`` frames either side of ``k``.

    m[i] = L(i)·min(1, i / k): the picture's own distance L drifting smoothly (a quadratic) and the fade scaling it down to the blank end; its residual over a plain quadratic's on the
    same frames (inf where the window does not fit). A fade's end is a kink of known size (L / k per frame); the picture's own drift bends smoothly.
    """
    a, b = max(1, k - w), k + w
    if b >= m.size or k - a < 2:
        return float("inf")
    i = np.arange(a, b + 1, dtype=float)
    u = i - k
    smooth = np.stack([np.ones_like(u), u, u * u], axis=1)
    kinked = smooth * np.minimum(1.0, i / k)[:, None]
    y = m[a : b + 1]
    rest = [float(np.sum((y - x @ np.linalg.lstsq(x, y, rcond=None)[0]) ** 2)) for x in (kinked, smooth)]
    return rest[0] / max(rest[1], 1e-9)


def _kink_end(grid: np.ndarray, order: np.ndarray, n: int, w: int) -> int:
    """The ramp's length (frames from the blank frame ``order[0]``, between n / 2 and 2n) where the picture's distance from the blank frame's grid kinks as a linear fade's end does (``_kink_fit``), or ``n``.

    Moved only where that kink fits within KINK_FIT of a smooth curve and within KINK_GAIN of the fit at ``n``: the picture's own drift (a zoom, a moving gradient)
    bends the level smoothly, so a fade's start is where the level starts to fall at the fade's own rate, not where the drift starts.
    """
    m = np.sqrt(np.sum((grid[order] - grid[order[0]]) ** 2, axis=1))
    fits = {k: _kink_fit(m, k, w) for k in range(max(2, n // 2), 2 * n + 3)}
    best = min(fits, key=lambda k: fits[k])
    if fits[best] > KINK_FIT or fits[best] > KINK_GAIN * _kink_fit(m, n, w):
        return n
    return best


EASED_GAIN = 0.6  # an xfade fadeblack/fadewhite fade in is refitted on its eased curve when that fit's RMS is at most this share of the linear one's…
EASED_FAR_GAIN = 0.5  # …and its end taken past the linear fit's reach (FIT_MOVE) only when at most this share
EASED_PHASE = 0.2  # xfade's fadeblack/fadewhite phase (vf_xfade.c): the first picture is gone by this share of the duration, the second fully in at its end
EASED_REACH = 2.5  # the eased fade lasts up to this many times the ramp found (its faint start and slow end are read as blank or as picture)
EASED_BLANK = (0.2, 0.6)  # the blankest frame lies this far into the eased fade (share of its duration; later it is a linear ramp's)


def _smoothstep(x: np.ndarray) -> np.ndarray:
    """GLSL's smoothstep(0, 1, x): 3x² − 2x³ on x clipped to [0, 1]."""
    x = np.clip(x, 0.0, 1.0)
    return x * x * (3.0 - 2.0 * x)


def xfade_fade_in_weight(u: np.ndarray) -> np.ndarray:
    """The second picture's weight in xfade's fadeblack/fadewhite at u = elapsed share of the duration (0..1, clipped).

    vf_xfade.c mixes (progress P = 1 − u) P·mix(A, bg, smoothstep(1 − φ, 1, P)) + (1 − P)·mix(bg, B, smoothstep(φ, 1, P))
    with mix(a, b, m) = a·m + b·(1 − m) and φ = 0.2, so B weighs u·(1 − smoothstep(φ, 1, 1 − u)) = u·smoothstep(0, 1, u / (1 − φ)).
    """
    u = np.clip(u, 0.0, 1.0)
    return u * _smoothstep(u / (1.0 - EASED_PHASE))


def _eased_fade_in(y: np.ndarray, first: int, top: int, n: int, linear_sse: float) -> tuple[float, float, float] | None:
    """(u at the blank frame, the fade's duration in frames, its RMS over the linear fit's) of xfade's eased fade in fitted to the step ratios ``y`` (index 0: the blank frame), or None.

    The ratios of an eased fade in are log((w(u[i+1]) − w(u[0])) / (w(u[i]) − w(u[0]))) plus the picture's own rate (a constant), u[i] = u[0] + i / N;
    kept when its RMS is at most EASED_GAIN of the linear fit's (``linear_sse``, over the same frames).
    """
    i = np.arange(first, top, dtype=float)
    target = y[first:top]
    best: tuple[float, float, float] | None = None
    best_sse = np.inf
    blanks = np.arange(EASED_BLANK[0], EASED_BLANK[1] + 1e-9, 0.01)
    for frames in range(max(n, 3), int(EASED_REACH * n) + 1):
        u0 = blanks[:, None]
        w0 = xfade_fade_in_weight(u0)
        lo = xfade_fade_in_weight(u0 + i / frames) - w0
        hi = xfade_fade_in_weight(u0 + (i + 1) / frames) - w0
        model = np.log(np.maximum(hi, 1e-9) / np.maximum(lo, 1e-9))
        rest = target - model
        rest -= rest.mean(axis=1, keepdims=True)
        sse = np.sum(rest**2, axis=1)
        j = int(np.argmin(sse))
        if sse[j] < best_sse:
            best, best_sse = (float(blanks[j]), float(frames), float(np.sqrt(sse[j] / max(linear_sse, 1e-12)))), float(sse[j])
    if best is None or best[2] > EASED_GAIN:
        return None
    return best


def _eased_ends(grid: np.ndarray, order: np.ndarray, n: int, after: int) -> tuple[int, int, float] | None:
    """Frames (along ``order``, index 0: the blank frame) where an xfade fadeblack/fadewhite fade in starts (the first picture gone) and ends, and the fit's RMS share of the linear one's; or None.

    Fitted (``_eased_fade_in``) over the ratios from FIT_FROM of the ramp ``n`` to ``after`` frames past the longest eased fade,
    against the best linear fade in plus the picture's own rate over the same frames.
    """
    top = min(int(EASED_REACH * n) + after, order.size - 1)
    first = max(1, int(FIT_FROM * n))
    if top - first < 4:
        return None
    y = _step_ratios(grid, order[: top + 1])
    i = np.arange(first, top, dtype=float)
    target = y[first:top]
    linear_sse = np.inf
    for k in range(max(2, first), top + 1):
        rest = target - _linear_steps(i, k)
        linear_sse = min(linear_sse, float(np.sum((rest - rest.mean()) ** 2)))
    fit = _eased_fade_in(y, first, top, n, linear_sse)
    if fit is None:
        return None
    u0, frames, share = fit
    start = int(round((EASED_PHASE - u0) * frames))
    end = int(round((1.0 - u0) * frames))
    if end >= order.size:
        return None
    return start, end, share


def with_fitted_ends(s: Signals, grid: np.ndarray, items: list[dict]) -> list[dict]:
    """``items`` with the picture-side end of each fade out of or into black or white refitted as a linear fade's end (``_fitted_end``) on the colour ``grid``, never into another item."""
    if len(s) < 5:
        return items
    t = s.t
    after, reach = frames_in(s, FIT_AFTER_S), frames_in(s, BLANK_REACH_S)
    index = s.frame_index
    out = []
    for item in items:
        if item["type"] not in ("fade_out", "fade_in") or round(item["start"], 6) not in index or round(item["end"], 6) not in index:
            out.append(item)
            continue
        a, b = index[round(item["start"], 6)], index[round(item["end"], 6)]
        others = [x for x in items if x is not item]
        before = max([0] + [index.get(round(x["end"], 6), 0) for x in others if x["end"] <= item["start"]])  # the last item's end before it
        stop = min([len(s) - 1] + [index.get(round(x["start"], 6), len(s) - 1) for x in others if x["start"] >= item["end"]])  # the next item's start
        # The blank end first (``_blank_end``), then the picture-side end read from it.
        if item["type"] == "fade_out":
            moved_by = _blank_end(grid, np.arange(a, min(b + reach, stop) + 1), b - a, reach)
            b += moved_by
            order = np.arange(b, before - 1, -1)
        else:
            moved_by = _blank_end(grid, np.arange(b, max(a - reach, before) - 1, -1), b - a, reach)
            a -= moved_by
            order = np.arange(a, stop + 1)
        n = b - a
        if moved_by:
            item = dict(item, start=rounded(t[a], 6), end=rounded(t[b], 6), duration=rounded(t[b] - t[a], 6))
        if item["type"] == "fade_in":
            eased = _eased_ends(grid, order, n, after)
            if eased is not None:
                begin = max(a + eased[0], before)
                near = abs(eased[1] - n) <= _fit_reach(n)
                k = eased[1] if near or eased[2] <= EASED_FAR_GAIN else _fitted_end(grid, order, n, after)
                moved = dict(item, start=rounded(t[begin], 6), end=rounded(t[order[min(k, order.size - 1)]], 6))
                moved["duration"] = rounded(moved["end"] - moved["start"], 6)
                out.append(moved)
                continue
        k = _fitted_end(grid, order, n, after)
        k = _kink_end(grid, order, k, max(KINK_FRAMES, frames_in(s, KINK_WINDOW_S)))
        if k != n and k < order.size:
            moved = dict(item)
            if item["type"] == "fade_out":
                moved["start"] = rounded(t[order[k]], 6)
            else:
                moved["end"] = rounded(t[order[k]], 6)
            moved["duration"] = rounded(moved["end"] - moved["start"], 6)
            item = moved
        out.append(item)
    return out


# Session 34 (the lead): xfade's fadeblack / fadewhite has no held blank. A's part eases into the blank colour and B's
# eases out of it (P·mix(A, bg, smoothstep(1 − φ, 1, P)) + (1 − P)·mix(bg, B, smoothstep(φ, 1, P)), vf_xfade.c), so for a
# few frames either side of its phase point both stand under a level: the rules read a short held blank there, the fade
# out ending early and the fade in starting late (154 such pairs of the cached corpora: the fade in's first steps
# 0.14 of its middle rate at the median, the fade filter's 1.0, 10th percentile 0.74). Where a fade in eases out of a
# blank that a fade out just reached, both inner ends are one moment, EASED_DIP_SHARE of the way through that blank.
EASED_DIP_GAP_S = 0.5  # a blank at most this long (seconds) between a fade out and the fade in after it…
EASED_DIP_EASE = 0.5  # …whose first EASED_DIP_STEPS steps away from the blank level average under this share of its middle third's…
EASED_DIP_STEPS = 3
EASED_DIP_SHARE = 0.3  # …is no hold: the fade out ends and the fade in starts this share of the way through it (xfade's phase point)


def _eases_out(y: np.ndarray) -> bool:
    """Whether ``y`` (a fade in's distance from its blank level, from the blank on) leaves the blank slowly: its first
    EASED_DIP_STEPS steps average under EASED_DIP_EASE of the steps of its middle third."""
    steps = np.abs(np.diff(y))
    if steps.size < 2 * EASED_DIP_STEPS:
        return False
    middle = float(steps[steps.size // 3 : 2 * steps.size // 3].mean())
    return middle > 0 and float(steps[:EASED_DIP_STEPS].mean()) < EASED_DIP_EASE * middle


def with_eased_dips(s: Signals, luma: np.ndarray, blank: np.ndarray, items: list[dict]) -> list[dict]:
    """``items`` with each fade out and the fade in that eases out of the short black or white blank after it (see the
    note above) meeting at one moment; ``luma``: each frame's mean luma, ``blank``: each frame's blank kind
    (``transitions.blank_kind``). A blank of another colour is left: xfade's fades go through black or white only, and a
    fade filter's ramp out of a colour can start as slowly in luma (on the corpora, five fades through a colour held
    0.12-0.3 s read so)."""
    index = s.frame_index
    out = [dict(item) for item in items]
    for a, b in zip(out, out[1:]):
        if a["type"] != "fade_out" or b["type"] != "fade_in" or not 0 < b["start"] - a["end"] <= EASED_DIP_GAP_S:
            continue
        o1, i0, i1 = (index.get(round(v, 6)) for v in (a["end"], b["start"], b["end"]))
        if o1 is None or i0 is None or i1 is None:
            continue
        if blank[o1] not in ("black", "white") or any(blank[k] != blank[o1] for k in range(o1, i0 + 1)):
            continue
        level = float(np.median(luma[o1 : i0 + 1]))
        if not _eases_out(np.abs(luma[i0 : i1 + 1] - level)):
            continue
        k = o1 + int(round(EASED_DIP_SHARE * (i0 - o1)))
        a["end"] = b["start"] = rounded(s.t[k], 6)
        a["duration"], b["duration"] = rounded(a["end"] - a["start"], 6), rounded(b["end"] - b["start"], 6)
    return out
