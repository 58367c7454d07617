"""Dissolves on busy footage, read as a mixture of two low-pass pictures.

On busy footage (texture in motion, real footage) every frame changes, so
``aspects.dynamic.transitions`` loses a dissolve's slow start and end in the
footage's own motion, and its steadiness tests see that motion. Here the
per-frame 8 × 6 wipe grid (luma, Cr, Cb: 32 × 24-pixel cell means, a
low-pass picture in which moving texture largely averages out) is read as a
mixture: across a dissolve each frame is ≈ (1 − a)·A + a·B, A and B the mean
pictures next to it, with ``a`` (its progress) held at 0 before, rising to 1
across it and held at 1 after it. The footage's own motion is noise about
that line; a pan, a zoom or a drift keeps ``a`` moving next to the change, a
moving object or a wipe takes the frames off the line between A and B, or
switches the cells one after another.

- Candidates: frames where the mean low-pass picture over REF_S ending a
  half-length before differs from that over REF_S starting a half-length
  after (half-lengths SCALES_S) by at least MIN_STEP levels, the largest
  within a half-length.
- Each is refitted (``_fit``): progress of every frame within MARGIN_S
  around it, against A and B taken next to the ends, as 0, a straight ramp,
  1 (least squares over the ends); the ends then move out over an eased
  ramp while progress still climbs and stands EASE_SIGMAS of the side's
  noise off its level.
- It is a dissolve (``_accept``) when it lasts MIN_S–MAX_S, has no black or
  white frame (fades are ``transitions``' business), the step is ≥ MIN_STEP
  levels and STEP_NOISE × the sides' scatter, the sides hold (progress
  scatter ≤ SIDE_SCATTER, slope along the change ≤ SIDE_DRIFT and against
  it ≤ SIDE_BACK of the ramp's, over up to MARGIN_S, at least REF_S), the
  ramp is near straight (RMS ≤ RAMP_FIT) and rises without turning back
  (≤ TURN_BACK), half-way the frames stay near the line from A to B (≤
  MIX_RATIO × the sides' own distance off it; on the whole picture or on
  luma alone, so a cross-fade through grey counts), the picture does not
  come back past RETURN_LEVEL within RETURN_S (an oscillation), at least
  MIN_CELLS of the cells change cleanly and cross half-way together
  (interquartile range ≤ SWITCH_SPREAD of the ramp: a wipe spreads them),
  and the picture statistics (luma mean and spread, R, G, B, √ Laplacian
  variance) move from one side's values to the other's and hold them over
  RETURN_S (``_statistics_move``, ``_statistics_hold``): a travelling wave
  or a colour swinging on is a mixture too, but never settles. Real shots
  change their own light within a second of a short blend: where the
  picture seems to come back or the statistics to move on, the sides may
  still hold once each frame is read as a mixture of A and B under its own
  gain and luma offset (``holds_under_light``: LIGHT_RETURN, LIGHT_RESIDUAL,
  LIGHT_OWN; a step a gain or an offset of A makes, a breathing light, is
  never read so) and the statistics hold but for a common shift of their
  luma and colour means and a gain (LIGHT_STATS: a colour swinging on
  moves across those).
- A dissolve found here is added where the grid's rules found nothing; their
  own dissolves keep their ends (``with_busy_dissolves``).
- Pixel dissolves (``pixel_dissolves``; xfade ``dissolve``: every pixel
  switches from A to B at its own random moment) raise the fine detail far
  above both shots' half-way (PIXEL_RISE, PIXEL_RISE_MIN): the Laplacian
  variance is fitted as A's, a random mask's a(1 − a) bump and B's
  (``_pixel_fit``, PIXEL_FIT), the low-pass pictures must step ≥ MIN_STEP;
  such a dissolve takes the place of the dissolves it overlaps, whatever
  the shots' own motion (``with_pixel_dissolves``).
- Cross-fades (``crossfade_dissolves``; xfade fade, fadeslow, fadefast,
  fadegrays, an editor's blend) sum the two shots' fine detail with
  weights 1 − a and a, so the Laplacian variance dips half-way to about
  half the line between the shots' ((1 − a)²·VA + a²·VB: the same fit with
  C ≤ 0, CROSS_DEPTH, CROSS_FIT); with the low-pass frames explained by
  the blend of A and B (CROSS_MIX), both sides textured (CROSS_DETAIL) and
  the luma variance half-way within CROSS_SPREAD of its line (motion blur
  keeps it), such a dip is a dissolve where nothing else was found; the
  sides' detail must average CROSS_MEAN_DETAIL (fast footage blurred by its
  own motion dips with it).
- Blends between still pictures whose pixels switch at their own times
  (``still_blend_steps``; xfade ``distance``: every pixel cross-fades and
  switches to B once its colour distance passes the progress) take a large
  share of the way in one frame where many pixels share a distance, which
  reads as a cut. A cut is such a step when the picture holds still
  (STILL_STEP, STILL_HOLD_S) at the last frame before the change and the
  first after it, every frame between lies cell by cell within the range of
  those two (BLEND_BOX), progress never falls back (BLEND_BACK), the cut
  takes at most BLEND_JUMP of the way and at least BLEND_FRAMES other
  frames change: the cut goes, a dissolve runs between the still ends.
"""

from __future__ import annotations

import numpy as np

from aspects.dynamic import fades
from aspects.dynamic.signals import Signals, frame_steps, frames_in, rounded
from aspects.measure.visual import GRID, WIPE_GRID

SCALES_S = (0.3, 0.6, 1.2, 2.5)  # half-lengths of the steps looked for (seconds)
REF_S = 0.2  # each side's picture is the mean over this (seconds)
MARGIN_S = 0.5  # a side is judged over this (seconds) next to the change
MIN_S, MAX_S = 0.15, 5.0  # a dissolve's length (seconds)
MIN_STEP = 5.0  # RMS levels between the two pictures (luma, Cr, Cb of the 8 × 6 grid)
STEP_NOISE = 2.0  # …and this many times the sides' own RMS scatter about their pictures
PREFILTER = 0.8  # a candidate is fitted only when its first guess stands this share of STEP_NOISE above its sides
SIDE_SCATTER = 0.12  # progress (0–1) on a side: standard deviation at most this…
SIDE_DRIFT = 0.6  # …and slope along the change at most this share of the ramp's (1 / its length: a pan, a zoom, a drift goes on)…
SIDE_BACK = 0.5  # …and against it at most this share (the footage's own motion wanders either way)
RAMP_FIT = 0.12  # RMS of progress about the straight ramp, 0–1
TURN_BACK = 0.25  # progress may fall back by at most this below its running maximum within the ramp
MIX_RATIO = 1.8  # distance off the line from A to B: within the ramp at most this many times the sides' own…
DRIFT_MIX_STEP = 0.35  # sides that drift on their own (``_drifted_blend``): the middle frames within MIX_RATIO × their own distance plus their drift, and off the A–B line by at most this share of the step (levels / levels)…
DRIFT_ALONG = 0.75  # …and only while the two sides' slopes along the change add up to at most this share of the ramp's (a sunset, a drift, a pan carry on both sides)
DRIFT_NEAR_S = 0.1  # a side's drift rate off the A–B line is fitted over its frames at least this far from the end (seconds)
RETURN_S = 1.5  # over this beyond each side (seconds, never across a cut) the picture does not come back…
RETURN_LEVEL = 0.5  # …past this share of the way (``_accept``: over at most RETURN_SPAN × the dissolve's length, at least MARGIN_S: real footage moves on at its own pace)
RETURN_SPAN = 3.0
SWING_LEVEL = 0.25  # ``comes_back``: a picture back this share of the way on both sides (before the start and after the end) swings: a blend's sides may each wander, an oscillating colour turns back on both (session 13: hue swings 0.32-0.41)…
SWING_OFF = 0.4  # …retracing its colours: where it is furthest back, off the line from A to B by at most this share of the step (levels / levels; hue swings 0.17-0.30; a real cross-fade back 0.26 on both sides, split 22, moves on to third pictures at 0.54-0.57)
EASE_SIGMAS = 3.0  # an end moves out while progress stands this many standard deviations of its side's noise off its level…
LEVEL_SHARE = 0.5  # …the noise being the larger of its frame-to-frame scatter (/√2) and this share of its scatter about its level
CELL_STEP = 4.0  # a cell changes cleanly when its step is this many times its sides' scatter…
CELL_FLOOR = 4.0  # …and at least this (levels)
MIN_CELLS = 0.5  # share of the cells that must change cleanly
SWITCH_SPREAD = 0.25  # interquartile range of the cells' half-way times, share of the ramp's length, at most this…
MID_SHARE = 0.6  # …or (``_part_way``: both sides moving shake those times) at least this share of the cells stands part-way…
MID_BAND = (0.2, 0.8)  # …within this band of their progress (0–1)…
MID_FRAMES = (0.3, 0.7)  # …over the frames whose mean progress over the cells is within this band…
GREY_DIP = 0.25  # ``grey_end``: a blend went through grey when the colour (RMS of Cr, Cb off 128 over the grid) fell below this share of side A's…
GREY_LEFT = 0.05  # …then its end is where the colour has come back to within this share of the way from that dip to where it levels off…
GREY_SETTLE = 0.5  # …the highest level being that before the colour (mean over REF_S) first falls this far below it (levels: B's shot moving on changes its colour after the blend)…
GREY_RISE = 2.0  # …when it still rises by at least this (levels) past the end found (``fadegrays``: grey first, B's colour back last)
GREY_EARLY = 0.4  # ``through_grey``: the colour lowest within this share of the blend (xfade fadegrays drains A's colour at once: 0.17-0.25 at the true ends of 13 blends of splits 29-43; a pixel dissolve between complementary colours dips half-way, 0.59, a fade onto a colourless shot at its end)
DETAIL_DIP = 0.1  # …and only where the fine detail dips half-way by this share below the line between the ends' (``_detail_dips``)…
CELL_ORDER = 0.55  # …and the cells' half-way moments follow their place in the frame by an R² below this (``_in_order``: a wipe's edge orders them)
STATS_STEP = 3.0  # the statistics move from one side's to the other's by this many times the sides' own scatter…
STATS_HOLD = 0.5  # …and hold each side's values (within this share of that change) over RETURN_S beyond it
STATS_DIP = 0.1  # …or the spread and fine detail dip this share below the line between the ends half-way
END_SIGMAS = 3.0  # an end sits where progress stands this many times its side's scatter off the side's line…
END_FLOOR = 0.003  # …and at least this share of the way (an eased ramp's last per cent is still the dissolve)
END_STEP = 0.1  # …while each frame further out still rises by this share of that (a drifting side creeps, a ramp climbs)
END_MOVE = 0.25  # an end moves at most this share of the dissolve's length (or half REF_S) from where it was found
MEDIAN_MOVE = 0.6  # ``median_ends`` moves an end in by at most this share of the length (or half REF_S): a short eased blend found 5 frames long (split 18)
MEDIAN_LEFT = 0.005  # ``median_ends``: an end moves in to where the cells' median progress (each side's own drift modelled) last stands within this share of the way of its side (0–1)…
MEDIAN_CELL = 8.0  # …over the grid columns whose step is at least this (levels), when at least MEDIAN_CELLS of them
MEDIAN_CELLS = 8
DETAIL_SIGMAS = 4.0  # an end walks out while the fine detail stands this many times its side's noise off the side's level…
DETAIL_FLOOR = 1.0  # …and at least this (√ Laplacian variance, levels: a still picture settling after its encoder's last frames does not count)
TREND_T = 5.0  # a side's progress is taken as a steady creep along the change when a rising line's slope stands this many standard errors clear of 0…
TREND_MIN_FRAMES = 6  # …over at least this many frames
END_ROUNDS = 8  # the ends are walked at most this many times (each round takes the sides' pictures next to the new ends)
LUMA = WIPE_GRID[0] * WIPE_GRID[1]  # the first LUMA columns of the grid are its luma
LIGHT_RETURN = 0.25  # ``holds_under_light``: each side's mixture share (0–1, mean over REF_S) stays within this of its own…
LIGHT_RESIDUAL = 1.0  # …the sides' frames stand off their fitted mixture by at most this share of the step (RMS levels / RMS levels)…
LIGHT_OWN = 0.75  # …and at least this share of the step (RMS) is not a gain or luma offset of A (else the fit cannot tell light from blend: a breathing light over moving footage is about half light)
# ``pixel_dissolves`` (session 20, helper 10d): xfade ``dissolve`` switches each pixel from A to B at its own random moment, so
# half-way the picture is salt and pepper of the two and the fine detail (√ Laplacian variance) climbs far above both
# shots' (dissolve splits 30-36: 1.6-3.6× the larger side's level at its peak on the 19 such blends; the busiest
# no-transition clips of those splits, fast-motion 9/10 and still-motion 1-3 reach 2.0-2.9× only where the detail is a few
# levels, shapes crossing a ground up to 1.8× and 18 levels above) while the low-pass pictures cross-fade.
PIXEL_RISE = 1.5  # the fitted detail half-way at least this many times the larger side's (ratio)…
PIXEL_RISE_MIN = 15.0  # …and at least this many levels (√ Laplacian variance) above it
PIXEL_FIT = 0.25  # the Laplacian variance inside the blend off its fitted curve by at most this share of the bump's height (RMS)
PIXEL_AGREE = 2  # a dissolve found by the other rules keeps its ends when both are within this many frames of the bump's
PIXEL_REACH_S = 3.0  # the blend's ends are looked for within this of the detail's peak (seconds)
# The mask's bump as measured is narrower than a(1 − a): the encoder smooths away the first and last few switched pixels,
# lone among the other shot's, more than their share (fitted at the true ends of the 52 pixel dissolves the corpora's
# benches listed as failures, the bump's best power of a(1 − a) of 0.8-3 was 1.2 on 18, 1 on 14, 0.8 on 12 and 1.5-3 on 8),
# so a fit with a(1 − a) alone started such blends 3-5 frames late (session 34). The fit tries each power and keeps the
# one that fits best.
PIXEL_SHAPES = (1.0, 1.2)  # powers of a(1 − a) tried for a pixel dissolve's bump (a cross-fade's dip keeps 1)
# ``crossfade_dissolves`` (session 21, helper 10d): a cross-fade (xfade fade, fadeslow, fadefast, fadegrays, an editor's
# blend) of two unrelated pictures sums their fine detail with weights (1 − a) and a, so its Laplacian variance is
# (1 − a)²·VA + a²·VB — the pixel fit's curve with C = −(VA + VB) — and dips half-way to about half the line between the
# shots', whatever they do; the encoder smooths the blended frames further (split 38's cross-fades at their true ends:
# 0.28-0.73 of that line half-way).
CROSS_DROP = 0.85  # candidates: frames whose detail (√ Laplacian variance) stands at most this share of both sides' level
CROSS_DEPTH = 0.6  # the fitted dip −C at least this share of VA + VB (an even cross-fade of unrelated pictures: 1)…
CROSS_FIT = 0.4  # …the Laplacian variance inside off the fitted curve by at most this share of the dip's depth (RMS)…
CROSS_RISE = 0.9  # …and the low-pass pictures' progress from A to B rises with the fitted a (correlation at least this)
CROSS_REACH_S = 3.0  # the blend's ends are looked for within this of the detail's lowest frame (seconds)
CROSS_DETAIL = 12.0  # both sides hold at least this much fine detail (√ Laplacian variance, levels; real footage 17-54, moving gradients and shapes on a flat ground 1-11)…
CROSS_MEAN_DETAIL = 18.0  # …and on average this much (session 22: fast riders at 1.5x, blurred by their own motion, dip with it: fast-motion 1's riders 14.8 / 18.0, mean 16.4, the one false dissolve the rule added; the cross-fades it finds over splits 30-39 and fast motion 1, 6-8: 20.0-42.1)…
CROSS_HALF_DIP = 0.8  # …where the low-pass pictures are 25-75 % of the way, the Laplacian variance is at most this share of the line between the sides'…
# …and the luma variance within these shares of its line: a mix of two pictures holds 0.5 + their covariance over the sum of
# their variances, about half for unrelated shots (split 38's cross-fades 0.3-0.8; motion blur in a fast shot keeps
# the spread: 0.88-1.04 on fast-motion 1-8; a picture emptying to a flat ground: near 0)…
CROSS_SPREAD = (0.25, 0.85)
CROSS_MIX = 0.5  # …and the frames inside off the blend of A and B by at most this share of their squared distance from the nearer side alone (mean over the grid; split 38's cross-fades 0.1-0.4, fast shots' blur dips 0.56-0.75)
# Session 30 (the lead): two shots cut from the same footage (split 45's bikes -> bikes) are near each other's low-pass
# pictures, so the nearer side alone explains a cross-fade between them almost as well as the blend (0.51-0.65 of it on
# splits 31, 33, 44, 45). What no single picture does is move two ways at once: the camera motion's fit (``mv_residual``,
# RMS luma left after the global similarity, aspects.measure.visual) leaves 2.9-7.8 times its sides' residual inside
# those blends, at most 2.1 inside the candidates of 50 corpora with no transition (a box crossing testsrc2: 2.1; pans,
# zooms, riders at 1.5x, Perlin and mandelbrot drift, flashes: <= 1.0).
CROSS_MIX_MOVING = 0.8  # a blend explained this well (see CROSS_MIX) passes when the motion fit fails inside it…
CROSS_RESIDUAL = 2.5  # …its median residual at least this many times the median over MARGIN_S beyond each end
# ``with_crossfades_first`` (session 25, helper 10d): a cross-fade's fine detail is lowest half-way through it, so a
# dissolve or wipe the other rules found over it whose middle half does not hold the cross-fade's lowest detail is timed
# on something else, and the cross-fade takes its place (split 45: a wipe 2.19-3.64 s over a 1.0-3.25 s real cross-fade
# lowest at 1.81 s, now found 1.03-3.25 s; a dissolve 1.06-2.13 s over a 1.0-3.28 s one lowest at 2.12 s, now 1.13-3.22 s,
# its start still 4 frames late; split 43: a fadegrays found 1.08-2.42 s, 4 frames late, now within 1).
CROSS_MIDDLE = (0.25, 0.75)  # the middle of a transition (shares of its length) where a cross-fade over it has its lowest detail
LIGHT_STATS = np.array(
    [1.0, 0.0, 1.0, 1.0, 1.0, 0.0]
)  # the statistics then hold once a shift along this and a gain are taken out: a change of light moves the luma mean and R, G, B alike (the statistics' order, ``_statistics_move``)


STEP_CHUNK = 2048  # frames whose step size ``step_sizes`` computes at once (memory stays flat on a long video; the values do not depend on it)


def cumulative(grid: np.ndarray) -> np.ndarray:
    """``grid``'s (frames × values, float64) running sums with a row of zeros first, in one array (no second copy)."""
    cum = np.zeros((len(grid) + 1, grid.shape[1]))
    np.cumsum(grid, axis=0, out=cum[1:])
    return cum


def step_sizes(cum: np.ndarray, half: int, ref: int) -> np.ndarray:
    """Per frame i of the grid whose running sums are ``cum`` (:func:`cumulative`, taken once for every scale): RMS
    difference (levels) of the mean picture of frames i − half − ref + 1 … i − half and that of i + half … i + half +
    ref − 1 (0 where they do not fit)."""
    n = len(cum) - 1
    out = np.zeros(n)
    i = np.arange(half + ref - 1, n - half - ref + 1)
    if not i.size:
        return out
    for a in range(0, i.size, STEP_CHUNK):  # a few thousand frames at a time: the differences of a long video at once took ~75 MB
        j = i[a : a + STEP_CHUNK]
        before = (cum[j - half + 1] - cum[j - half - ref + 1]) / ref
        after = (cum[j + half + ref] - cum[j + half]) / ref
        out[j] = np.sqrt(np.mean((after - before) ** 2, axis=1))
    return out


def _progress(grid: np.ndarray, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each frame's progress from ``a`` to ``b`` (projection, 0–1) and its distance off that line (levels, RMS per value)."""
    d = b - a
    norm = float(d @ d)
    x = (grid - a) @ d / max(norm, 1e-12)
    off = np.sqrt(np.mean((grid - a - x[:, None] * d[None, :]) ** 2, axis=1))
    return x, off


def _ramp(x: np.ndarray, mid: int) -> tuple[int, int]:
    """Least-squares fit of ``x`` as 0, a straight ramp from index t1 (≤ ``mid``) to t2 (≥ ``mid``), then 1: (t1, t2)."""
    n = x.size
    idx = np.arange(n, dtype=float)

    def best(first: np.ndarray, second: np.ndarray) -> tuple[int, int]:
        t1, t2 = np.meshgrid(first, second, indexing="ij")
        keep = t2 > t1
        t1, t2 = t1[keep].astype(float), t2[keep].astype(float)
        if not t1.size:
            return -1, -1
        h = np.clip((idx[None, :] - t1[:, None]) / (t2 - t1)[:, None], 0.0, 1.0)
        k = int(np.argmin(np.sum((x[None, :] - h) ** 2, axis=1)))
        return int(t1[k]), int(t2[k])

    step = max(1, n // 20)
    t1, t2 = best(np.arange(0, mid + 1, step), np.arange(mid, n, step))
    if t1 < 0:
        return 0, n - 1
    t1, t2 = best(np.arange(max(0, t1 - step), min(mid, t1 + step) + 1), np.arange(max(mid, t2 - step), min(n - 1, t2 + step) + 1))
    return (t1, t2) if t1 >= 0 else (0, n - 1)


def _fit(grid: np.ndarray, p: int, q: int, floor: int, ceiling: int, ref: int, margin: int) -> tuple[int, int] | None:
    """The change first guessed from frame ``p`` to ``q`` refitted (see the module docstring); None when it has no room in ``floor``–``ceiling``."""
    for _ in range(3):
        lo, hi = max(floor, p - ref - margin), min(ceiling, q + ref + margin)
        if not lo <= p < q <= hi or p - lo < ref or hi - q < ref:
            return None
        a = grid[p - ref + 1 : p + 1].mean(axis=0)
        b = grid[q : q + ref].mean(axis=0)
        x, _ = _progress(grid[lo : hi + 1], a, b)
        t1, t2 = _ramp(x, (p + q) // 2 - lo)
        before, after = x[: t1 + 1], x[t2:]
        # The sides' frame-to-frame noise (a slow drift of the footage is no noise); an end moves out over an eased ramp.
        s0 = EASE_SIGMAS * max(float(np.std(np.diff(before))) / np.sqrt(2), LEVEL_SHARE * float(np.std(before))) if before.size > 3 else np.inf
        s1 = EASE_SIGMAS * max(float(np.std(np.diff(after))) / np.sqrt(2), LEVEL_SHARE * float(np.std(after))) if after.size > 3 else np.inf
        while t1 > 0 and x[t1] > s0 and x[t1 - 1] < x[t1]:
            t1 -= 1
        while t2 < x.size - 1 and 1.0 - x[t2] > s1 and x[t2 + 1] > x[t2]:
            t2 += 1
        new = (lo + t1, lo + t2)
        if new == (p, q):
            break
        p, q = new
    return p, q


def _accept(s: Signals, grid: np.ndarray, stats: np.ndarray, p: int, q: int, floor: int, ceiling: int, ref: int, margin: int) -> bool:
    """Whether frames ``p``–``q`` are a dissolve between steady sides (see the module docstring)."""
    span = float(s.t[q] - s.t[p])
    if not MIN_S - 1e-6 <= span <= MAX_S:
        return False
    lo, hi = max(floor, p - margin), min(ceiling, q + margin)
    if p - lo < ref or hi - q < ref:
        return False
    a, b = grid[p - ref + 1 : p + 1].mean(axis=0), grid[q : q + ref].mean(axis=0)
    step = float(np.sqrt(np.mean((b - a) ** 2)))
    side_a, side_b = grid[lo : p + 1], grid[q : hi + 1]
    scatter = max(float(np.sqrt(np.mean((side_a - a) ** 2))), float(np.sqrt(np.mean((side_b - b) ** 2))))
    if step < max(MIN_STEP, STEP_NOISE * scatter):
        return False
    whole = _progress(grid[lo : hi + 1], a, b)[0]
    if not _sides_hold(s.t[lo : hi + 1], whole, p - lo, q - lo, 1.0 / span):
        return False  # the whole picture's progress: a zoom or a pan carrying its luma on past the ends is no dissolve
    carried = sum(_side_slope(s.t[lo : hi + 1][k0:k1], whole[k0:k1]) for k0, k1 in ((0, p - lo + 1), (q - lo, whole.size))) * span
    return_ = _return_frames(s, p, q, margin)
    light = None  # ``holds_under_light``, asked at most once
    for cols in (slice(None), slice(0, LUMA)):
        cols_step = float(np.sqrt(np.mean((b[cols] - a[cols]) ** 2)))
        if cols_step < MIN_STEP:
            continue
        x, off = _progress(grid[lo : hi + 1, cols], a[cols], b[cols])
        inner = x[p - lo : q - lo + 1]
        line = np.linspace(0.0, 1.0, inner.size)
        if float(np.sqrt(np.mean((inner - line) ** 2))) > RAMP_FIT or float(np.max(np.maximum.accumulate(inner) - inner)) > TURN_BACK:
            continue
        # Half-way through, a dissolve's frames are a blend of two moving pictures (off the line by less than either side),
        # a wipe's are half one picture and half the other (off it by up to half the step).
        own = max(float(np.median(off[: p - lo + 1])), float(np.median(off[q - lo :])))
        half = (inner >= 0.25) & (inner <= 0.75)
        middle = off[p - lo : q - lo + 1][half]
        drift = _drift_off(s.t[lo : hi + 1], off, p - lo, q - lo)[half]
        if not middle.size or float(np.median(middle)) > MIX_RATIO * own and (carried > DRIFT_ALONG or not _drifted_blend(middle, drift, own, cols_step)):
            continue
        # A shot that follows a dissolve does not come back: an oscillating picture (waves, a sine's turning points look steady) does.
        # A real shot's own light may seem to bring it back: then its sides must hold under their own light (``holds_under_light``).
        far_lo, far_hi = max(floor, p - return_), min(ceiling, q + return_)
        x_far, _ = _progress(grid[far_lo : far_hi + 1, cols], a[cols], b[cols])
        if _came_back(x_far, p - far_lo, q - far_lo):
            if light is None:
                light = holds_under_light(grid, p, q, far_lo, far_hi, ref)
            if not light:
                continue
        if not (_together(s, grid, a, b, side_a, side_b, lo, hi, q - p, _detail_dips(stats[:, -1], p, q, ref)) and _statistics_move(stats, p, q, lo, hi, ref)):
            return False
        if _statistics_hold(stats, p, q, far_lo, far_hi, ref):
            return True
        return bool(
            stats.shape[1] == LIGHT_STATS.size
            and _statistics_hold(stats, p, q, far_lo, far_hi, ref, LIGHT_STATS)
            and (light if light is not None else holds_under_light(grid, p, q, far_lo, far_hi, ref))
        )
    return False


def _return_frames(s: Signals, p: int, q: int, margin: int) -> int:
    """Frames beyond each end of a change from frame ``p`` to ``q`` over which the picture must not come back: RETURN_S, or
    RETURN_SPAN × the change's length when shorter, at least ``margin`` frames (real footage moves on at its own pace)."""
    return min(frames_in(s, RETURN_S), max(margin, int(RETURN_SPAN * (q - p))))


def _came_back(x: np.ndarray, p: int, q: int) -> bool:
    """Whether the progress ``x`` (0 at A, 1 at B; ``p`` and ``q`` the change's ends in it) passes RETURN_LEVEL of the way
    before the change or falls back that far after it."""
    return float(x[: p + 1].max()) > RETURN_LEVEL or float(x[q:].min()) < 1.0 - RETURN_LEVEL


def _luma_offset(size: int) -> np.ndarray:
    """A grid row of ``size`` columns that is 1 on the LUMA columns and 0 on the chroma ones: a shift of the luma alone."""
    offset = np.zeros(size)
    offset[:LUMA] = 1.0
    return offset


def mixture_shares(frames: np.ndarray, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each frame of ``frames`` (rows, grid columns in levels) fitted by least squares as cA·``a`` + cB·``b`` + c0 on the luma
    columns: (B's share cB / (cA + cB), 0–1 along the blend, unitless; the fit's RMS residual per frame, levels). A shot
    brightening or darkening on its own changes the gains and the offset, not B's share."""
    basis = np.stack([a, b, _luma_offset(a.size)], axis=1)
    coef, *_ = np.linalg.lstsq(basis, frames.T, rcond=None)
    total = coef[0] + coef[1]
    safe = np.where(np.abs(total) > 1e-6, total, 1.0)
    share = np.where(np.abs(total) > 1e-6, coef[1] / safe, 0.5)
    residual = np.sqrt(np.mean((frames.T - basis @ coef) ** 2, axis=0))
    return share, residual


def holds_under_light(grid: np.ndarray, p: int, q: int, first: int, last: int, ref: int) -> bool:
    """Whether the sides of a change from frame ``p`` to ``q`` hold over ``first``–``p`` and ``q``–``last`` once each shot's own
    light is allowed for (``mixture_shares`` against the mean pictures A and B over ``ref`` frames next to the ends): B's share
    (mean over ``ref`` frames) within LIGHT_RETURN of 0 before and of 1 after, each frame within LIGHT_RESIDUAL × the step of
    its mixture, and at least LIGHT_OWN of the step not a gain or luma offset of A (a breathing light is one)."""
    if p - first + 1 < ref or last - q + 1 < ref:
        return False
    a, b = grid[p - ref + 1 : p + 1].mean(axis=0), grid[q : q + ref].mean(axis=0)
    step = float(np.sqrt(np.mean((b - a) ** 2)))
    if step <= 0.0:
        return False
    light = np.stack([a, _luma_offset(a.size)], axis=1)
    coef, *_ = np.linalg.lstsq(light, b - a, rcond=None)
    if float(np.sqrt(np.mean((b - a - light @ coef) ** 2))) < LIGHT_OWN * step:
        return False
    share, residual = mixture_shares(grid[first : last + 1], a, b)
    kernel = np.ones(ref) / ref
    before = np.convolve(share[: p - first + 1], kernel, mode="valid")
    after = np.convolve(share[q - first :], kernel, mode="valid")
    return bool(
        np.abs(before).max() <= LIGHT_RETURN
        and np.abs(1.0 - after).max() <= LIGHT_RETURN
        and float(residual[: p - first + 1].max()) <= LIGHT_RESIDUAL * step
        and float(residual[q - first :].max()) <= LIGHT_RESIDUAL * step
    )


def _drift_off(t: np.ndarray, off: np.ndarray, p: int, q: int) -> np.ndarray:
    """Per frame of ``p``–``q``: how far off the line from A to B the two sides' own drift alone would take it (levels).

    A side moving on its own (a moving gradient, a slow pan) leaves its
    reference picture further behind the further a frame is from it; its
    rate is the least-squares slope through the origin of its frames'
    distance off the line (``off``, levels) against their distance from the
    end (seconds, beyond DRIFT_NEAR_S). A frame at progress share w of the
    way (by time) is (1 − w) of A moved on from ``p`` and w of B not yet at
    ``q``: it may stand that far off the line on top of the sides' own scatter.
    """
    out = np.zeros(q - p + 1)
    rates = []
    for side, ends in ((slice(0, p + 1), t[p]), (slice(q, t.size), t[q])):
        d, o = np.abs(t[side] - ends), off[side]
        keep = d >= DRIFT_NEAR_S
        rates.append(float(d[keep] @ o[keep] / max(float(d[keep] @ d[keep]), 1e-12)) if keep.sum() >= 3 else 0.0)
    ts = t[p : q + 1]
    w = (ts - t[p]) / max(float(t[q] - t[p]), 1e-12)
    out[:] = (1.0 - w) * rates[0] * (ts - t[p]) + w * rates[1] * (t[q] - ts)
    return out


def _drifted_blend(middle: np.ndarray, drift: np.ndarray, own: float, step: float) -> bool:
    """Whether middle frames standing ``middle`` levels off the A–B line are still a blend of two sides that moved on their own:
    within MIX_RATIO × (the sides' own distance ``own`` + their drift ``drift``, ``_drift_off``) and within DRIFT_MIX_STEP of the
    ``step`` from A to B (a wipe's or a travelling wave's middle stands up to half the step off it)."""
    return float(np.median(middle - MIX_RATIO * drift)) <= MIX_RATIO * own and float(np.median(middle)) <= DRIFT_MIX_STEP * step


def _side_slope(t: np.ndarray, x: np.ndarray) -> float:
    """Least-squares slope of progress ``x`` over times ``t`` (per second; 0 for fewer than 3 frames)."""
    if x.size < 3:
        return 0.0
    tc = t - t.mean()
    return float(tc @ (x - x.mean()) / max(float(tc @ tc), 1e-12))


def _sides_hold(t: np.ndarray, x: np.ndarray, p: int, q: int, rate: float) -> bool:
    """Whether progress ``x`` (times ``t``) holds at 0 up to index ``p`` and at 1 from ``q``: scatter ≤ SIDE_SCATTER, slope along the change ≤ SIDE_DRIFT and against it ≤ SIDE_BACK times the ramp's ``rate`` (per second)."""
    for k0, k1, level in ((0, p + 1, 0.0), (q, x.size, 1.0)):
        xs = x[k0:k1]
        slope = _side_slope(t[k0:k1], xs)
        if float(np.sqrt(np.mean((xs - level) ** 2))) > SIDE_SCATTER or slope > SIDE_DRIFT * rate or -slope > SIDE_BACK * rate:
            return False
    return True


def _together(s: Signals, grid: np.ndarray, a: np.ndarray, b: np.ndarray, side_a: np.ndarray, side_b: np.ndarray, lo: int, hi: int, frames: int, dips: bool = False) -> bool:
    """Whether at least MIN_CELLS of the cells change cleanly from ``a`` to ``b`` and cross half-way together within frames ``lo``–``hi`` (their interquartile range at most SWITCH_SPREAD of the change's ``frames``: a wipe switches them in turn).

    Where both shots move, each cell's crossing is shaken by its own motion:
    when the picture's fine detail ``dips`` half-way (``_detail_dips``: two
    blended pictures are smoother than either; a pan, a zoom or a drift
    keeps its detail), the cells may instead stand part-way together
    (``_part_way``) in no order of their place in the frame (``_in_order``:
    a soft wipe's broad edge also stands them part-way)."""
    cells = LUMA
    step = (b - a).reshape(-1, cells)
    noise = np.maximum(side_a.std(axis=0), side_b.std(axis=0)).reshape(-1, cells)
    plane = np.argmax(np.abs(step), axis=0)
    cell = np.arange(cells)
    big = step[plane, cell]
    clean = np.flatnonzero((np.abs(big) >= CELL_STEP * noise[plane, cell]) & (np.abs(big) >= CELL_FLOOR))
    if clean.size < MIN_CELLS * cells:
        return False
    column = plane[clean] * cells + clean
    progress = (grid[lo : hi + 1, column] - a[column]) / big[clean]
    crossed = progress >= 0.5
    first = np.argmax(crossed, axis=0)[crossed.any(axis=0)]
    if first.size < MIN_CELLS * cells:
        return False
    q75, q25 = np.percentile(first, [75, 25])
    if float(q75 - q25) <= SWITCH_SPREAD * frames:
        return True
    inner = progress[side_a.shape[0] - 1 : progress.shape[0] - side_b.shape[0] + 1]
    return dips and _part_way(inner) and _in_order(inner, clean) < CELL_ORDER


def _part_way(progress: np.ndarray) -> bool:
    """Whether the cells of a change are part-way together half-way through it (``progress``: per frame of the change, per
    clean cell, 0 at A and 1 at B): over the frames whose mean progress is within MID_FRAMES, the median share of cells within
    MID_BAND is at least MID_SHARE. A dissolve takes every cell part-way at once, however its sides' motion shakes the
    moment each crosses half-way; a wipe's cells stand at 0 or 1 but for those under its edge."""
    mean = np.clip(progress, -0.5, 1.5).mean(axis=1)
    middle = progress[(mean >= MID_FRAMES[0]) & (mean <= MID_FRAMES[1])]
    if not middle.size:
        return False
    inside = np.mean((middle >= MID_BAND[0]) & (middle <= MID_BAND[1]), axis=1)
    return float(np.median(inside)) >= MID_SHARE


def _in_order(progress: np.ndarray, cells: np.ndarray) -> float:
    """How far the cells' half-way moments follow their place in the frame (R², 0–1): each cell's half-way moment (frames into
    ``progress``, per frame of the change and per cell of ``cells``, grid indices row by row: the area above its progress
    clipped to 0–1) fitted by least squares on its column, row, distances from the middle column and row, and from the
    centre. A wipe's edge (straight, diagonal, opening, closing, round) orders them by place; a dissolve's are shaken at random."""
    half = np.sum(1.0 - np.clip(progress, 0.0, 1.0), axis=0)
    x, y = (cells % WIPE_GRID[0]).astype(float), (cells // WIPE_GRID[0]).astype(float)
    mx, my = (WIPE_GRID[0] - 1) / 2, (WIPE_GRID[1] - 1) / 2
    place = np.stack([np.ones_like(x), x, y, np.abs(x - mx), np.abs(y - my), np.hypot(x - mx, y - my)], axis=1)
    coef, *_ = np.linalg.lstsq(place, half, rcond=None)
    spread = float(np.sum((half - half.mean()) ** 2))
    return 1.0 - float(np.sum((half - place @ coef) ** 2)) / spread if spread > 0 else 0.0


def _detail_dips(detail: np.ndarray, p: int, q: int, ref: int) -> bool:
    """Whether the fine detail (``detail``: √ Laplacian variance per frame, levels) over the middle half of frames ``p``–``q``
    stands, on average, at least DETAIL_DIP of the line between its means over ``ref`` frames next to the ends below that line."""
    middle = detail[p + (q - p) // 4 : q - (q - p) // 4 + 1]
    line = 0.5 * (float(detail[p - ref + 1 : p + 1].mean()) + float(detail[q : q + ref].mean()))
    return bool(middle.size) and line > 0.0 and (line - float(middle.mean())) / line >= DETAIL_DIP


def _statistics_move(stats: np.ndarray, p: int, q: int, lo: int, hi: int, ref: int) -> bool:
    """Whether the picture statistics (``stats``: per frame luma mean and spread, R, G, B means, √ Laplacian variance) say a dissolve happened from frame ``p`` to ``q``.

    Motion — waves, scrolling, a travelling pattern whose low-pass picture
    is itself a mixture — hardly moves them. A dissolve moves them from one
    shot's to the other's (by STATS_STEP × the sides' own scatter, and
    MIN_STEP levels), or, between two textures of one kind, dips the spread
    and the fine detail half-way (a blend of two independent textures is
    smoother than either): by STATS_DIP of the line between the ends.
    """
    a, b = stats[p - ref + 1 : p + 1].mean(axis=0), stats[q : q + ref].mean(axis=0)
    scatter = max(float(np.sqrt(np.mean(stats[lo : p + 1].std(axis=0) ** 2))), float(np.sqrt(np.mean(stats[q : hi + 1].std(axis=0) ** 2))))
    step = float(np.sqrt(np.mean((b - a) ** 2)))
    if step >= max(MIN_STEP, STATS_STEP * scatter):
        return True
    middle = stats[p + (q - p) // 4 : q - (q - p) // 4 + 1]
    if not middle.size:
        return False
    detail = np.array([1, -1])  # luma spread and √ Laplacian variance
    line = 0.5 * (a[detail] + b[detail])
    dip = (line - middle[:, detail].mean(axis=0)) / np.maximum(line, 1e-9)
    return bool(np.all(dip >= STATS_DIP))


def _statistics_hold(stats: np.ndarray, p: int, q: int, first: int, last: int, ref: int, light: np.ndarray | None = None) -> bool:
    """Whether the picture statistics hold each side's values over frames ``first``–``p`` and ``q``–``last`` (means over ``ref`` frames within STATS_HOLD of the change in them): a dissolve leaves one shot's look for another's, a colour swinging on (waves) moves on to a third.

    With ``light`` (a per-statistic direction, LIGHT_STATS) a side may also
    move along that direction and along its own values (a gain): a shot
    brightening or darkening on its own; a colour swinging on moves across them."""
    a, b = stats[p - ref + 1 : p + 1].mean(axis=0), stats[q : q + ref].mean(axis=0)
    step = float(np.sqrt(np.mean((b - a) ** 2)))
    kernel = np.ones(ref) / ref
    worst = 0.0
    for k0, k1, level in ((first, p, a), (q, last, b)):
        if k1 - k0 + 1 < ref:
            continue
        smooth = np.stack([np.convolve(stats[k0 : k1 + 1, j], kernel, mode="valid") for j in range(stats.shape[1])], axis=1)
        away = smooth - level
        if light is not None:
            basis = np.stack([light, level], axis=1)
            coef, *_ = np.linalg.lstsq(basis, away.T, rcond=None)
            away = away - (basis @ coef).T
        worst = max(worst, float(np.sqrt(np.mean(away**2, axis=1)).max()))
    return worst <= STATS_HOLD * step


def _worth_fitting(grid: np.ndarray, i: int, half: int, floor: int, ceiling: int, ref: int, margin: int) -> bool:
    """A cheap look before the fit: whether the step at frame ``i`` (half-length ``half``) stands PREFILTER × STEP_NOISE × above the scatter of the frames next to it (a busy picture's own steps do not)."""
    p, q = max(i - half, floor), min(i + half, ceiling)
    lo, hi = max(floor, p - margin), min(ceiling, q + margin)
    if p - lo < ref or hi - q < ref:
        return False
    a, b = grid[lo : p + 1], grid[q : hi + 1]
    step = float(np.sqrt(np.mean((grid[p - ref + 1 : p + 1].mean(axis=0) - grid[q : q + ref].mean(axis=0)) ** 2)))
    scatter = max(float(np.sqrt(np.mean(a.var(axis=0)))), float(np.sqrt(np.mean(b.var(axis=0)))))
    return step >= PREFILTER * STEP_NOISE * scatter


def _noise(x: np.ndarray) -> float:
    """Frame-to-frame noise of progress ``x`` on a side (robust: median absolute step / 0.6745 / √2)."""
    return float(np.median(np.abs(np.diff(x)))) / 0.6745 / np.sqrt(2) if x.size >= 4 else np.inf


def _side_trend(x: np.ndarray, first: int) -> tuple[float, float]:
    """A side's progress ``x`` (its first index ``first``) as a level at index 0 and a slope per frame.

    The median and no slope, unless a straight line rising along the change
    (A creeping towards B before the start, B moving on away from A after
    the end) fits it TREND_T standard errors clear of flat: a side that
    moves on its own (a moving gradient) creeps on at a steady rate, and its
    end is where the ramp leaves that line, not where progress reaches the
    side's median. A side wandering back is left to the median (busy
    footage turns; a line extrapolated past its turn walks nowhere).
    """
    level = float(np.median(x)) if x.size else 0.0
    if x.size < TREND_MIN_FRAMES:
        return level, 0.0
    k = np.arange(first, first + x.size, dtype=float)
    kc = k - k.mean()
    slope = float(kc @ (x - x.mean()) / float(kc @ kc))
    resid = x - x.mean() - slope * kc
    stderr = float(np.sqrt(resid @ resid / (x.size - 2) / float(kc @ kc)))
    if slope <= 0 or slope < TREND_T * stderr:
        return level, 0.0
    return float(x.mean() - slope * k.mean()), slope


def _walks_out(x: np.ndarray, k: int, way: int, median: float, n: float, level: float, slope: float, s: float) -> bool:
    """Whether an end at index ``k`` of progress ``x`` moves one frame out (``way`` −1 for the start, +1 for the end): progress
    there stands off the side's ``median`` by more than ``n`` and off its line (``level`` + ``slope`` × index) by more than ``s``,
    and the frame further out is still that much closer to each (END_STEP of them)."""
    sign = -float(way)  # the start stands above side A's level, the end below side B's
    rise = (x[k] - x[k - 1]) if way < 0 else (x[k + 1] - x[k])
    return bool(sign * (x[k] - median) > n and rise > END_STEP * n and sign * (x[k] - level - slope * k) > s and rise - slope > END_STEP * s)


def refine_ends(grid: np.ndarray, p: int, q: int, floor: int, ceiling: int, ref: int, margin: int) -> tuple[int, int]:
    """The ends of a dissolve from frame ``p`` to ``q`` walked to where its progress leaves each side's own level.

    Progress runs against the pictures A and B next to the ends (REF_S);
    each side's level is the median of its progress beyond those
    (MARGIN_S − REF_S further out), its noise the frame-to-frame scatter.
    The start walks out while its progress stands END_SIGMAS × that noise
    (at least END_FLOOR) above the level and still falls going back, and in
    while the next frame's does not; the end likewise. Each round takes A
    and B next to the new ends (END_ROUNDS at most); an end moves at most
    END_MOVE of the length (or REF_S) from where it was found. So an eased
    ramp's slow start and end (``fadeslow``, ``fadefast``, ``distance``) are
    followed out as far as they rise above the footage's own motion.
    """
    p0, q0 = p, q
    reach = max(ref // 2, int(END_MOVE * (q - p)))
    for _ in range(END_ROUNDS):
        lo, hi = max(floor, p - margin), min(ceiling, q + margin)
        if p - lo < ref or hi - q < ref or q - p < 2:
            break
        a = grid[p - ref + 1 : p + 1].mean(axis=0)
        b = grid[q : q + ref].mean(axis=0)
        x, _ = _progress(grid[lo : hi + 1], a, b)
        i, j, mid = p - lo, q - lo, (p + q) // 2 - lo
        k0 = max(i - ref + 1, 3)
        k1 = min(j + ref - 1, x.size - 3)
        level0, slope0 = _side_trend(x[:k0], 0)
        level1, slope1 = _side_trend(x[k1:], k1)
        s0 = max(END_SIGMAS * _noise(x[: i + 1] - slope0 * np.arange(i + 1)), END_FLOOR)
        s1 = max(END_SIGMAS * _noise(x[j:] - slope1 * np.arange(x.size - j)), END_FLOOR)
        median0, median1 = float(np.median(x[:k0])), float(np.median(x[k1:]))
        n0, n1 = max(END_SIGMAS * _noise(x[: i + 1]), END_FLOOR), max(END_SIGMAS * _noise(x[j:]), END_FLOOR)

        # An end walks out while progress stands off both the side's median and, where it creeps (``_side_trend``), its line;
        # it walks in to where progress reaches that line (a creep along the change holds the end where the ramp stops).
        side0, side1 = (median0, n0, level0, slope0, s0), (median1, n1, level1, slope1, s1)
        if x[i] - median0 > n0 and x[i] - level0 - slope0 * i > s0:
            while i > ref and _walks_out(x, i, -1, *side0) and p0 - (lo + i) < reach:
                i -= 1
        else:
            while i + 1 < mid and x[i + 1] - level0 - slope0 * (i + 1) <= s0 and (lo + i) - p0 < reach:
                i += 1
        if median1 - x[j] > n1 and level1 + slope1 * j - x[j] > s1:
            while j < x.size - 1 - ref and _walks_out(x, j, 1, *side1) and (lo + j) - q0 < reach:
                j += 1
        else:
            while j - 1 > mid and level1 + slope1 * (j - 1) - x[j - 1] <= s1 and q0 - (lo + j) < reach:
                j -= 1
        new = (lo + i, lo + j)
        if new == (p, q):
            break
        p, q = new
    return p, q


def busy_dissolves(s: Signals, grid: np.ndarray, stats: np.ndarray, blank: np.ndarray, stops: np.ndarray) -> list[dict]:
    """Dissolves (no black or white frame in them or at their ends) found and timed as a mixture of the low-pass pictures ``grid``, checked by the picture statistics ``stats`` (see the module docstring); never across one of the ``stops`` (cuts).

    Made for busy footage, they run on any: only what the grid's rules did
    not find is added (``with_busy_dissolves``), so busy and mixed pairs
    (busy footage and a still colour, whose quiet level is the still side's)
    are both covered.
    """
    n = len(s)
    out: list[dict] = []
    if n < 8:
        return out
    ref, margin = frames_in(s, REF_S), frames_in(s, MARGIN_S)
    rgb = fades.channel_means(s)
    cut_at = np.flatnonzero(stops)
    candidates: list[tuple[float, int, int]] = []
    cum = cumulative(grid)
    for half_s in SCALES_S:
        half = frames_in(s, half_s)
        size = step_sizes(cum, half, ref)
        for k in np.flatnonzero(size >= MIN_STEP).tolist():
            if size[k] >= size[max(0, k - half) : min(n, k + half + 1)].max():
                candidates.append((float(size[k]), k, half))
    candidates.sort(reverse=True)
    taken: list[tuple[int, int]] = []
    for _, i, half in candidates:
        if any(p <= i <= q for p, q in taken):
            continue
        floor = int(cut_at[cut_at <= i].max()) if (cut_at <= i).any() else 0
        ceiling = int(cut_at[cut_at > i].min()) - 1 if (cut_at > i).any() else n - 1
        if not _worth_fitting(grid, i, half, floor, ceiling, ref, margin):
            continue
        fitted = _fit(grid, max(i - half, floor), min(i + half, ceiling), floor, ceiling, ref, margin)
        if fitted is None:
            continue
        p, q = fitted
        if any(blank[k] in ("black", "white") for k in range(p, q + 1)):
            continue
        if any(p <= b and a <= q for a, b in taken) or not _accept(s, grid, stats, p, q, floor, ceiling, ref, margin):
            continue
        taken.append((p, q))
        p, q = _timed(s, grid, stats, p, q, floor, ceiling, ref)
        w = q - p
        if fades.clipped_turn(rgb, p, q, q, min(ceiling, q + w)) or fades.clipped_turn(rgb, max(floor, p - w), p, p, q):
            continue  # an end where a drift was clipped at the gamut's edge and went on: no still picture there (session 31)
        out.append({"type": "dissolve", "start": rounded(s.t[p], 6), "end": rounded(s.t[q], 6), "duration": rounded(s.t[q] - s.t[p], 6)})
    return sorted(out, key=lambda x: x["start"])


def _timed(s: Signals, grid: np.ndarray, stats: np.ndarray, p: int, q: int, floor: int, ceiling: int, ref: int) -> tuple[int, int]:
    """The ends of a dissolve found from frame ``p`` to ``q`` walked out and in on the grid and the fine detail
    (``refine_ends``, ``detail_ends``, ``median_ends``, ``grey_end``), within ``floor``–``ceiling``."""
    return _walked(s, grid, stats, p, q, floor, ceiling, ref, frames_in(s, MARGIN_S))


def _walked(s: Signals, grid: np.ndarray, stats: np.ndarray, p: int, q: int, floor: int, ceiling: int, ref: int, margin: int) -> tuple[int, int]:
    """``refine_ends``, ``detail_ends``, ``median_ends`` and ``_grey_then_median`` on a dissolve from frame ``p`` to ``q``;
    on a blend through grey (``through_grey``) ``median_ends`` moves the start only (session 23: the cells' median reads
    A's colour, drained at once, as the way done early and pulls the end in; ``grey_end`` times it)."""
    p, q = detail_ends(stats[:, -1], *refine_ends(grid, p, q, floor, ceiling, ref, margin), floor, ceiling, ref, margin)
    p, q2 = median_ends(grid, p, q, floor, ceiling, ref, margin, still_sides=True)
    q = q if through_grey(grid, p, q, floor, ref, margin) else q2
    return _grey_then_median(grid, p, q, floor, ceiling, ref, margin, frames_in(s, MAX_S))


def through_grey(grid: np.ndarray, p: int, q: int, floor: int, ref: int, margin: int) -> bool:
    """Whether the blend from frame ``p`` to ``q`` went through grey as xfade ``fadegrays`` does: the grid's colour (RMS of
    Cr and Cb off 128) fell inside it below GREY_DIP of side A's (median over ``margin`` frames before the start, ``ref``
    frames off it), as ``grey_end`` reads it, and was lowest within the blend's first GREY_EARLY (A's colour drained at once)."""
    first = max(floor, p - margin)
    if p - ref + 1 - first < 3 or q <= p:
        return False
    colour = np.sqrt(np.mean((grid[first : q + 1, LUMA:] - 128.0) ** 2, axis=1))
    inside = colour[p - first :]
    return float(inside.min()) <= GREY_DIP * float(np.median(colour[: p - ref + 1 - first])) and int(np.argmin(inside)) <= GREY_EARLY * (q - p)


def _pixel_fit(v: np.ndarray, peak: int, ref: int, dip: bool = False) -> tuple[int, int, float, float] | None:
    """The Laplacian variance ``v`` (per frame of a window, its peak at index ``peak``) fitted by least squares as a pixel
    dissolve from index p to q: (1 − a)·VA + a·VB + C·(4a(1 − a))^k / 4, a rising straight from 0 at p to 1 at q, VA and
    VB the medians over ``ref`` frames before p and after q (each pixel is A's or B's; a random mask adds C·a(1 − a),
    narrowed by the encoder: k each of PIXEL_SHAPES, the best fit kept; C is the bump's height half-way × 4 whatever k).
    With ``dip`` C ≤ 0 and k = 1: a cross-fade's dip (``crossfade_dissolves``), the peak being the lowest frame.
    Returns (p, q, C, RMS residual inside p–q) or None when the window has no room."""
    n = v.size
    idx = np.arange(n, dtype=float)
    shapes = (1.0,) if dip else PIXEL_SHAPES

    def scores(p: int, q: int) -> list[tuple[float, float, float]]:
        """(squared error, C, RMS residual inside p–q) for each of ``shapes``."""
        va, vb = float(np.median(v[max(0, p - ref) : p + 1])), float(np.median(v[q : q + ref + 1]))
        a = np.clip((idx - p) / (q - p), 0.0, 1.0)
        rest = v - ((1.0 - a) * va + a * vb)
        out = []
        for k in shapes:
            g = a * (1.0 - a) if k == 1.0 else (4.0 * a * (1.0 - a)) ** k / 4.0  # k = 1 as the fit always read it
            c = float(g @ rest) / max(float(g @ g), 1e-12)
            c = min(0.0, c) if dip else max(0.0, c)
            r = rest - c * g
            out.append((float(r @ r), c, float(np.sqrt(np.mean(r[p : q + 1] ** 2)))))
        return out

    def best(firsts: range, lasts: range) -> tuple[float, int, int, float, float] | None:
        out = None
        for p in firsts:
            for q in lasts:
                if q - p < 2:
                    continue
                for e, c, r in scores(p, q):
                    if out is None or e < out[0]:
                        out = (e, p, q, c, r)
        return out

    if peak < ref or n - 1 - peak < ref:
        return None
    step = max(1, n // 24)
    coarse = best(range(ref, peak + 1, step), range(peak, n - ref, step))
    if coarse is None:
        return None
    _, p0, q0, _, _ = coarse
    fine = best(range(max(ref, p0 - step), min(peak, p0 + step) + 1), range(max(peak, q0 - step), min(n - ref - 1, q0 + step) + 1))
    if fine is None:
        return None
    _, p, q, c, r = fine
    return p, q, c, r


def _window(i: int, cut_at: np.ndarray, taken: list[tuple[int, int]], reach: int, n: int) -> tuple[int, int, int, int]:
    """Around frame ``i`` of ``n``: the cuts' bounds (floor, ceiling; ``cut_at`` their frames) and the window within ``reach``
    frames of ``i`` inside them that overlaps no blend ``taken`` already (lo, hi)."""
    floor = int(cut_at[cut_at <= i].max()) if (cut_at <= i).any() else 0
    ceiling = int(cut_at[cut_at > i].min()) - 1 if (cut_at > i).any() else n - 1
    lo, hi = max(floor, i - reach), min(ceiling, i + reach)
    near = [(p, q) for p, q in taken if p <= hi and q >= lo]
    lo = max([lo] + [q + 1 for p, q in near if q < i])
    hi = min([hi] + [p - 1 for p, q in near if p > i])
    return floor, ceiling, lo, hi


def pixel_dissolves(s: Signals, grid: np.ndarray, stats: np.ndarray, blank: np.ndarray, stops: np.ndarray) -> list[dict]:
    """Pixel dissolves (xfade ``dissolve``: every pixel switches from A to B at its own moment), found and timed by the bump
    they raise in the fine detail (``stats``' last column, √ Laplacian variance; see PIXEL_RISE): the Laplacian variance
    fitted as A's, a random mask's a(1 − a) bump and B's (``_pixel_fit``), the low-pass pictures ``grid`` stepping
    ≥ MIN_STEP levels from A to B; never across one of the ``stops`` (cuts) or over a black or white frame. Where the
    shots move, the mixture's gates (``_accept``) refuse many such blends; the bump is theirs alone and starts and ends
    with them."""
    n = len(s)
    if n < 8 or stats.shape[1] != LIGHT_STATS.size:
        return []
    d = stats[:, -1]
    v = d**2
    ref = frames_in(s, REF_S)
    reach = frames_in(s, PIXEL_REACH_S)
    cut_at = np.flatnonzero(stops)
    out: list[dict] = []
    taken: list[tuple[int, int]] = []
    for i in np.argsort(-d, kind="stable").tolist():
        if any(p <= i <= q for p, q in taken):
            continue
        floor, ceiling, lo, hi = _window(i, cut_at, taken, reach, n)
        if i - lo < ref or hi - i < ref:
            continue  # no room for a side between the peak and a cut or a blend taken already
        if d[i] < PIXEL_RISE_MIN:
            break  # every frame left is lower: none stands PIXEL_RISE_MIN above a side
        sides = max(float(np.median(d[lo : lo + ref + 1])), float(np.median(d[hi - ref : hi + 1])))
        if d[i] < max(PIXEL_RISE * sides, sides + PIXEL_RISE_MIN):
            continue
        fit = _pixel_fit(v[lo : hi + 1], i - lo, ref)
        if fit is None:
            continue
        p, q, c, r = fit
        p, q = p + lo, q + lo
        va, vb = float(np.median(v[max(lo, p - ref) : p + 1])), float(np.median(v[q : min(hi, q + ref) + 1]))
        half = float(np.sqrt(0.5 * (va + vb) + 0.25 * c))
        side = float(np.sqrt(max(va, vb)))
        taken.append((p, q))
        span = float(s.t[q] - s.t[p])
        if not (MIN_S - 1e-6 <= span <= MAX_S and half >= max(PIXEL_RISE * side, side + PIXEL_RISE_MIN) and r <= PIXEL_FIT * 0.25 * c):
            continue
        if any(blank[k] in ("black", "white") for k in range(p, q + 1)):
            continue
        a, b = grid[max(lo, p - ref + 1) : p + 1].mean(axis=0), grid[q : min(hi, q + ref - 1) + 1].mean(axis=0)
        if float(np.sqrt(np.mean((b - a) ** 2))) < MIN_STEP:
            continue
        out.append({"type": "dissolve", "start": rounded(s.t[p], 6), "end": rounded(s.t[q], 6), "duration": rounded(s.t[q] - s.t[p], 6)})
    return sorted(out, key=lambda x: x["start"])


def with_pixel_dissolves(found: list[dict], pixel: list[dict], frame_s: float) -> list[dict]:
    """``found`` with each pixel dissolve (``pixel_dissolves``) in place of the dissolves it overlaps (its ends are the
    detail bump's), unless one of them has both ends within PIXEL_AGREE frames (``frame_s`` seconds each) of it (the grid's
    ends hold on a still side: the full corpus' flat, gradient and grain dissolves); one that overlaps another type is left out."""
    for item in pixel:
        over = [f for f in found if f["start"] < item["end"] and f["end"] > item["start"]]
        if any(f["type"] != "dissolve" for f in over):
            continue
        if any(max(abs(f["start"] - item["start"]), abs(f["end"] - item["end"])) <= (PIXEL_AGREE + 0.01) * frame_s for f in over):
            continue
        found = [f for f in found if f not in over] + [item]
    return sorted(found, key=lambda x: (x["start"], x["end"]))


def _side_levels(d: np.ndarray, reach: int, ref: int) -> np.ndarray:
    """Per frame i the lower of the detail's upper quartiles over frames i − reach … i − ref and i + ref … i + reach (fewer
    near the video's ends; the frame's own level where a side has none)."""
    n, w = d.size, reach - ref + 1
    out = d.copy()
    if w < 1:
        return out
    full = np.percentile(np.lib.stride_tricks.sliding_window_view(d, w), 75, axis=1) if n >= w else np.zeros(0)

    def quartile(first: int, last: int) -> float:  # frames first … last, clipped to the video
        first, last = max(0, first), min(n - 1, last)
        if last - first + 1 == w:
            return float(full[first])
        return float(np.percentile(d[first : last + 1], 75)) if last >= first else np.nan

    for i in range(1, n - 1):
        left = quartile(i - reach, i - ref) if i - reach >= 0 else (float(np.percentile(d[: i - ref + 1], 75)) if i - ref >= 0 else np.nan)
        right = quartile(i + ref, i + reach) if i + ref <= n - 1 else np.nan
        if np.isfinite(left) and np.isfinite(right):
            out[i] = min(left, right)
    return out


def _explained(frames: np.ndarray, a: np.ndarray, b: np.ndarray, x: np.ndarray, share: float = CROSS_MIX) -> bool:
    """Whether ``frames`` (low-pass pictures, one row each; ``x`` their progress from ``a`` to ``b``) are explained by the
    blend (1 − x)·a + x·b far better than by the nearer side alone: off it by at most ``share`` of their squared distance
    from that side (CROSS_MIX)."""
    if not frames.size:
        return False
    w = np.clip(x, 0.0, 1.0)[:, None]
    blend = float(np.mean((frames - (1.0 - w) * a - w * b) ** 2))
    alone = min(float(np.mean((frames - a) ** 2)), float(np.mean((frames - b) ** 2)))
    return blend <= share * alone


def moves_two_ways(s: Signals, p: int, q: int, lo: int, hi: int) -> bool:
    """Whether the camera motion's fit fails inside frames ``p``–``q`` as it does over two pictures moving at once: the
    median ``mv_residual`` inside at least CROSS_RESIDUAL times that over MARGIN_S beyond each end (within ``lo``–``hi``).
    False for measurements without the column."""
    residual = s.columns.get("mv_residual")
    if residual is None:
        return False
    margin = frames_in(s, MARGIN_S)
    sides = np.r_[residual[max(lo, p - margin) : p], residual[q + 1 : min(hi, q + margin) + 1]]
    if sides.size < 2:
        return False
    return float(np.median(residual[p : q + 1])) >= CROSS_RESIDUAL * max(float(np.median(sides)), 1e-6)


def with_crossfades_first(s: Signals, stats: np.ndarray, found: list[dict], cross: list[dict]) -> list[dict]:
    """``found`` with each cross-fade of ``cross`` (``crossfade_dissolves``) added where it overlaps nothing, or in place
    of the dissolves and wipes it overlaps when none of them holds the cross-fade's lowest fine detail (``stats``' last
    column, √ Laplacian variance) in its middle (CROSS_MIDDLE); anything else it overlaps keeps it out."""
    detail = stats[:, -1] if stats.shape[1] == LIGHT_STATS.size else None
    for item in cross:
        over = [f for f in found if f["start"] < item["end"] and f["end"] > item["start"]]
        if not over:
            found = found + [item]
            continue
        if detail is None or any(f["type"] not in ("dissolve", "wipe") for f in over):
            continue
        inside = (s.t >= item["start"] - 1e-6) & (s.t <= item["end"] + 1e-6)
        if not inside.any():
            continue
        lowest = float(s.t[inside][int(np.argmin(detail[inside]))])
        if any(f["start"] + CROSS_MIDDLE[0] * (f["end"] - f["start"]) <= lowest <= f["start"] + CROSS_MIDDLE[1] * (f["end"] - f["start"]) for f in over):
            continue
        found = [f for f in found if f not in over] + [item]
    return sorted(found, key=lambda x: (x["start"], x["end"]))


def _mixed_half_way(v: np.ndarray, spread: np.ndarray, x: np.ndarray, p: int, q: int, lo: int, hi: int, ref: int) -> bool:
    """Whether frames ``p``–``q`` (``x``: their progress from A to B on the low-pass grid) hold a mix of two textured
    pictures half-way: ``v`` (Laplacian variance) and ``spread`` (luma variance) per frame, sides A and B their medians
    over ``ref`` frames next to the ends (within ``lo``–``hi``); see CROSS_DETAIL, CROSS_HALF_DIP, CROSS_SPREAD."""
    va, vb = float(np.median(v[max(lo, p - ref) : p + 1])), float(np.median(v[q : min(hi, q + ref) + 1]))
    if min(va, vb) < CROSS_DETAIL**2 or np.sqrt(va) + np.sqrt(vb) < 2 * CROSS_MEAN_DETAIL:
        return False
    half = (x >= 0.25) & (x <= 0.75)
    if not half.any():
        return False
    w = np.clip(x[half], 0.0, 1.0)
    sa, sb = float(np.median(spread[max(lo, p - ref) : p + 1])), float(np.median(spread[q : min(hi, q + ref) + 1]))
    detail = float(np.median(v[p : q + 1][half] / ((1.0 - w) * va + w * vb)))
    luma = float(np.median(spread[p : q + 1][half] / np.maximum((1.0 - w) * sa + w * sb, 1e-9)))
    return detail <= CROSS_HALF_DIP and CROSS_SPREAD[0] <= luma <= CROSS_SPREAD[1]


def crossfade_dissolves(s: Signals, grid: np.ndarray, stats: np.ndarray, blank: np.ndarray, stops: np.ndarray) -> list[dict]:
    """Cross-fades between two pictures of any kind, moving or not, found and timed by the dip they make in the fine detail
    (``stats``' last column, √ Laplacian variance; see CROSS_DEPTH): the Laplacian variance fitted as A's, a cross-fade's
    −C·a(1 − a) dip and B's (``_pixel_fit`` with ``dip``), the low-pass pictures ``grid`` stepping ≥ MIN_STEP levels from
    A to B with a progress that rises with a (CROSS_RISE), the frames inside explained by the blend of A and B far better
    than by either alone (``_explained``) and half-way a mix of two textured pictures (``_mixed_half_way``); never across
    one of the ``stops`` (cuts) or over a black or white frame. Timed as a busy dissolve (``_timed``)."""
    n = len(s)
    if n < 8 or stats.shape[1] != LIGHT_STATS.size:
        return []
    d = stats[:, -1]
    v = d**2
    ref = frames_in(s, REF_S)
    reach = frames_in(s, CROSS_REACH_S)
    level = _side_levels(d, reach, ref)
    drop = d / np.maximum(level, 1e-9)
    cut_at = np.flatnonzero(stops)
    out: list[dict] = []
    taken: list[tuple[int, int]] = []
    for i in np.argsort(drop, kind="stable").tolist():
        if drop[i] > CROSS_DROP:
            break
        if any(p <= i <= q for p, q in taken):
            continue
        floor, ceiling, lo, hi = _window(i, cut_at, taken, reach, n)
        if i - lo < ref or hi - i < ref:
            continue
        fit = _pixel_fit(v[lo : hi + 1], i - lo, ref, dip=True)
        if fit is None:
            continue
        p, q, c, r = fit
        p, q = p + lo, q + lo
        va, vb = float(np.median(v[max(lo, p - ref) : p + 1])), float(np.median(v[q : min(hi, q + ref) + 1]))
        taken.append((p, q))
        span = float(s.t[q] - s.t[p])
        if not (MIN_S - 1e-6 <= span <= MAX_S and -c >= CROSS_DEPTH * (va + vb) and r <= CROSS_FIT * 0.25 * -c):
            continue
        if any(blank[k] in ("black", "white") for k in range(p, q + 1)):
            continue
        a, b = grid[max(lo, p - ref + 1) : p + 1].mean(axis=0), grid[q : min(hi, q + ref - 1) + 1].mean(axis=0)
        if float(np.sqrt(np.mean((b - a) ** 2))) < MIN_STEP:
            continue
        x = _progress(grid[p : q + 1], a, b)[0]
        if not _explained(grid[p + 1 : q], a, b, x[1:-1]) and not (_explained(grid[p + 1 : q], a, b, x[1:-1], CROSS_MIX_MOVING) and moves_two_ways(s, p, q, lo, hi)):
            continue
        if not float(np.corrcoef(x, np.arange(x.size))[0, 1]) >= CROSS_RISE or not _mixed_half_way(v, stats[:, 1] ** 2, x, p, q, lo, hi, ref):
            continue
        p, q = _timed(s, grid, stats, p, q, floor, ceiling, ref)
        out.append({"type": "dissolve", "start": rounded(s.t[p], 6), "end": rounded(s.t[q], 6), "duration": rounded(s.t[q] - s.t[p], 6)})
    return sorted(out, key=lambda x: x["start"])


def _side_line(grid: np.ndarray, first: int, last: int, at: np.ndarray) -> np.ndarray:
    """Each grid column over frames ``first``–``last`` fitted by a straight line (least squares; the side's own drift), evaluated at frames ``at`` (levels, one row per frame)."""
    side = grid[first : last + 1]
    k = np.arange(first, last + 1, dtype=float)
    kc = k - k.mean()
    slope = (kc @ (side - side.mean(axis=0))) / float(kc @ kc)
    return side.mean(axis=0) + np.outer(at - k.mean(), slope)


def median_ends(grid: np.ndarray, p: int, q: int, floor: int, ceiling: int, ref: int, margin: int, still_sides: bool = False) -> tuple[int, int]:
    """The ends of a dissolve from frame ``p`` to ``q`` moved in to where the cells' median progress leaves side A and reaches side B.

    Each grid column of each side (``margin`` frames beyond the end, never
    past ``floor``/``ceiling``) is a straight line: a side's change from
    frame to frame before the blend is its own motion, carried through the
    blend. Progress per column runs from A's line (0) to B's (1); over the
    columns with a step of at least MEDIAN_CELL its median per frame is the
    blend's. The start moves in to the last frame before the middle where
    that median is within MEDIAN_LEFT of 0, the end to the first after it
    within MEDIAN_LEFT of 1; never out, and at most MEDIAN_MOVE of the length
    (or half ``ref``): a moving shot carried on past the blend drags the
    low-pass ends out (``refine_ends`` follows it), the cells' median does not.
    With ``still_sides`` an end next to a side that holds still never moves in past a frame more than SETTLED_LEVELS off
    that side's picture (``_settled_limit``, session 30): on a low-contrast cross-fade between still pictures the cells
    with few levels to go reach B's value early and their median reads the blend done while the others still change.
    """
    lo, hi = max(floor, p - margin), min(ceiling, q + margin)
    if p - lo < max(ref, 3) or hi - q < max(ref, 3) or q - p < 2:
        return p, q
    at = np.arange(lo, hi + 1, dtype=float)
    a, b = _side_line(grid, lo, p, at), _side_line(grid, q, hi, at)
    big = np.flatnonzero(np.abs(grid[q : hi + 1].mean(axis=0) - grid[lo : p + 1].mean(axis=0)) >= MEDIAN_CELL)
    if big.size < MEDIAN_CELLS:
        return p, q
    with np.errstate(divide="ignore", invalid="ignore"):
        x = np.nanmedian((grid[lo : hi + 1, big] - a[:, big]) / (b[:, big] - a[:, big]), axis=1)
    i, j, mid = p - lo, q - lo, (p + q) // 2 - lo
    reach = max(ref // 2, int(MEDIAN_MOVE * (q - p)))
    below = np.flatnonzero(x[: mid + 1] <= MEDIAN_LEFT)
    above = np.flatnonzero(x[mid:] >= 1.0 - MEDIAN_LEFT)
    if below.size:
        i = int(np.clip(below[-1], i, i + reach))
    if above.size:
        j = int(np.clip(mid + above[0], j - reach, j))
    if still_sides:  # never in past a frame a rounding step off a still side's picture (the frames the truth counts unchanged)
        i, j = min(i, _settled_limit(grid, lo, p - lo, 1, margin)), max(j, _settled_limit(grid, lo, q - lo, -1, margin))
    return lo + i, lo + j


def _settled_limit(grid: np.ndarray, lo: int, k: int, inward: int, span: int) -> int:
    """How far in (``inward`` ±1, from index ``k`` of ``grid[lo:]``) an end next to a still side may move: over the frames
    within SETTLED_LEVELS of that side's picture, where the side holds still (every cell within SETTLED_LEVELS over the
    ``span`` frames beyond the end: a slow drift moves on further); elsewhere anywhere (the clip's bound)."""
    g = grid[lo:]
    side = g[max(0, k - span) : k + 1] if inward > 0 else g[k : k + span + 1]
    if len(side) < span + 1 or float(np.ptp(side, axis=0).max()) > SETTLED_LEVELS:
        return len(g) - 1 if inward > 0 else 0
    return _walk_within(g, k, inward, side.mean(axis=0), len(g) - 1 if inward > 0 else 0)


def _walk_within(grid: np.ndarray, k: int, step: int, picture: np.ndarray, limit: int) -> int:
    """From frame ``k``, the furthest frame reached going ``step`` (±1) while every cell stays within SETTLED_LEVELS of
    ``picture``, never past the clip or frame ``limit``."""
    while 0 <= k + step < len(grid) and (k + step >= limit if step < 0 else k + step <= limit) and float(np.abs(grid[k + step] - picture).max()) <= SETTLED_LEVELS:
        k += step
    return k


def detail_ends(detail: np.ndarray, p: int, q: int, floor: int, ceiling: int, ref: int, margin: int) -> tuple[int, int]:
    """The ends of a dissolve from frame ``p`` to ``q`` walked out while the picture's fine detail (``detail``: √ Laplacian variance per frame) is still on its way to the side's.

    A blurred cross-fade (``hblur``) or one through blocks (``pixelize``)
    reaches the other shot's low-pass picture early and its detail only at
    the end. An end walks out while its detail stands DETAIL_SIGMAS × the
    side's frame-to-frame noise (over MARGIN_S beyond REF_S; at least
    DETAIL_FLOOR) off the side's median and each frame further out comes closer to it.
    """
    for end, step, first, last in ((p, -1, max(floor, p - margin), p - ref), (q, 1, q + ref, min(ceiling, q + margin))):
        side = detail[min(first, last) : max(first, last) + 1]
        if side.size < 4:
            continue
        level, noise = float(np.median(side)), _noise(side)
        k = end
        while floor < k + step < ceiling and abs(detail[k] - level) > max(DETAIL_SIGMAS * noise, DETAIL_FLOOR) and abs(detail[k + step] - level) < abs(detail[k] - level):
            k += step
        if step < 0:
            p = k
        else:
            q = k
    return p, q


def grey_end(grid: np.ndarray, p: int, q: int, floor: int, ceiling: int, ref: int, margin: int, longest: int) -> int:
    """The end of a dissolve from frame ``p`` to ``q`` moved out to where the picture's colour has come back, when the blend went through grey.

    A cross-fade through grey (xfade ``fadegrays``) drains A's colour first
    and brings B's back last, while its luma settles early: the end found on
    the low-pass pictures may sit in the grey. The colour (RMS of the grid's
    Cr and Cb off 128, levels) must have dipped below GREY_DIP of side A's
    (median over ``margin`` frames before the start, ``ref`` frames off it);
    the end then moves to the first frame whose colour is within GREY_LEFT of
    the way from the dip to the highest mean over ``ref`` frames within
    ``longest`` frames of the start (never past ``ceiling``), when that is at
    least GREY_RISE above the colour at the end found.
    """
    first, last = max(floor, p - margin), min(ceiling, p + longest)
    if p - ref + 1 - first < 3 or last - q < ref:
        return q
    colour = np.zeros(len(grid))
    colour[first : last + 1] = np.sqrt(np.mean((grid[first : last + 1, LUMA:] - 128.0) ** 2, axis=1))
    side = colour[first : p - ref + 1]
    dip = float(colour[p : q + 1].min())
    if dip > GREY_DIP * float(np.median(side)):
        return q
    smooth = np.convolve(colour[q : last + 1], np.ones(ref) / ref, mode="valid")
    peak = np.maximum.accumulate(smooth)
    fell = np.flatnonzero(smooth < peak - GREY_SETTLE)
    level = float(peak[fell[0]] if fell.size else peak[-1])
    if level - float(colour[q]) < GREY_RISE:
        return q
    back = np.flatnonzero(colour[q : last + 1] >= level - GREY_LEFT * (level - dip))
    return q + int(back[0]) if back.size else q


def _grey_then_median(grid: np.ndarray, p: int, q: int, floor: int, ceiling: int, ref: int, margin: int, longest: int) -> tuple[int, int]:
    """``grey_end``, and where it moved the end out, ``median_ends`` once more from there: the colour's highest level may be B's
    own colour still rising as its shot moves on (a pan), which the cells' median (B's drift carried as a line) leaves behind."""
    q2 = grey_end(grid, p, q, floor, ceiling, ref, margin, longest)
    if q2 == q:
        return p, q
    return p, max(q, median_ends(grid, p, q2, floor, ceiling, ref, margin)[1])


# ``tail_ends`` (session 23, helper 10f, issue 10): an eased cross-fade (xfade fadeslow; an editor's eased blend)
# creeps into its last few per cent of the way over many frames. ``refine_ends`` reads the side next to the end
# over MARGIN_S: there the tail's slow climb fits a rising line (a side creeping on, ``_side_trend``), so the end stays
# where the ramp meets that line, 0.4-0.5 s before the blend is over (split 43: fadeslow grainy -> grainy 13 frames
# early, grainy -> cellauto 13). A creep goes on; a tail levels off: read over the next MARGIN_S too, the far side
# climbs at most TAIL_FLAT of the near side's rate, and then the end walks on to where progress reaches the far side's
# level (within END_SIGMAS of its noise, at least END_FLOOR), at most TAIL_MOVE of the length, where the ramp found slows into its end and the climb goes on past it at a like rate (TAIL_LAST, TAIL_EASE,
# TAIL_CONTINUE). The start is left: an
# eased start walked back the same way went 0.3-0.4 s early on blends between two slowly moving pictures (split 40).
TAIL_FLAT = 0.5  # the far side's slope (progress per frame) at most this share of the near side's: the tail levels off (a creep goes on at ~1)
TAIL_MOVE = 0.35  # an end walks on over a tail by at most this share of the dissolve's length
TAIL_LAST = 0.2  # an eased ramp slows into its tail: over this last share of the ramp found (at least 3 frames)…
TAIL_EASE = 1.0  # …it climbs slower than this share of its mean rate (fadeslow 0.63-0.87 on split 43; a straight fade onto a moving texture 1.3, split 8's fade in out of a colour)
TAIL_CONTINUE = 0.5  # …and goes on past the end found as it came: as many frames on, at least this share of that rate (fadeslow grainy -> grainy 0.7; held-out fadefast onto grainy testsrc, whose own creep follows, 0.15)
TAIL_RATE = 0.05  # …and only where the near side climbs at least this share of the ramp's mean rate: a tail goes on from the ramp (fadeslow 0.06-0.36 on split 43), a side moving on slowly after a straight ramp creeps at 0.02 (split 42's fade onto a slow pan)


def _line_slope(x: np.ndarray) -> tuple[float, float]:
    """The least-squares slope of ``x`` per index and its standard error."""
    k = np.arange(x.size, dtype=float) - (x.size - 1) / 2
    kk = float(k @ k)
    slope = float(k @ (x - x.mean())) / kk
    resid = x - x.mean() - slope * k
    return slope, float(np.sqrt(resid @ resid / max(x.size - 2, 1) / kk))


def _tail_walk(x: np.ndarray, j: int, far: int, reach: int, rate: float = 0.0) -> int:
    """How far (frames) the end at index ``j`` of progress ``x`` (rising to the far side, which starts at index ``far``) walks on over an eased tail (see the note above); ``rate``: the ramp's mean rise a frame."""
    near, rest = x[j:far], x[far:]
    if near.size < TREND_MIN_FRAMES or rest.size < TREND_MIN_FRAMES:
        return 0
    level = float(np.median(rest))
    band = max(END_SIGMAS * _noise(rest), END_FLOOR)
    if level - x[j] <= band:
        return 0
    slope_near, _ = _line_slope(near)
    slope_far, _ = _line_slope(rest)
    third = max(near.size // 3, 1)
    rise = float(np.mean(near[-third:]) - np.mean(near[:third]))
    if slope_near <= TAIL_RATE * rate or rise <= band or slope_far > TAIL_FLAT * slope_near:
        return 0  # no tail: a side creeping on at its own pace, or progress wandering
    reached = np.flatnonzero(x[j:far] >= level - band)
    k = int(reached[0]) if reached.size else far - j
    return min(k, reach)


def tail_ends(grid: np.ndarray, p: int, q: int, floor: int, ceiling: int, ref: int, margin: int) -> tuple[int, int]:
    """The ends of a dissolve from frame ``p`` to ``q``, its end walked on over an eased ramp's slow tail (see the note above), never past ``ceiling``.

    Only the end: walked back the same way, the start of a blend between two slowly moving pictures went 0.3-0.4 s early (split 40).
    """
    reach = int(TAIL_MOVE * (q - p))
    a = grid[max(floor, p - ref + 1) : p + 1].mean(axis=0)
    if q + 2 * margin > ceiling or q - p < 5:
        return p, q
    far_b = grid[q + margin : q + 2 * margin + 1].mean(axis=0)
    x, _ = _progress(grid[p : q + 2 * margin + 1], a, far_b)
    last = max(3, int(round(TAIL_LAST * (q - p))))
    mean_rate = (x[q - p] - x[0]) / (q - p)
    last_rate = (x[q - p] - x[q - p - last]) / last
    if mean_rate <= 0 or last_rate >= TAIL_EASE * mean_rate:
        return p, q  # a straight ramp keeps its rate to its end: what climbs on after it is the side's own motion
    if (x[q - p + last] - x[q - p]) / last < TAIL_CONTINUE * last_rate:
        return p, q  # the climb drops at the end found: the ramp is over, the side moves on at its own pace
    return p, q + _tail_walk(x, q - p, q - p + margin, reach, mean_rate)


GREY_LUMA_MONOTONY = 0.6  # ``blends_through_grey``: the luma's net change / path length at least this (xfade greys by the mean of R, G, B, not by luma: the luma detours too)…
GREY_LUMA_STILL = 1.5  # …or every frame's luma within this of the range between its ends (levels, mean over the cells): two colours of one luma, whose path is rounding flicker (session 41: plain split 58's fadegrays, 116-118 all along, path 21 levels over 58 frames)…
GREY_HULL = 0.25  # …each frame's chroma (Cr, Cb off neutral over the cells) within this share of the larger side's off a mix of the sides' chroma shrunk towards grey (weights ≥ 0, summing to ≤ 1)…
GREY_DRAIN = 0.5  # …and, at its lowest, at most this share of the smaller side's: the colour went through grey
GREY_KEEP = 0.25  # such a blend keeps the ends it was found with where ``refined`` would move one in by more than this share of its length


def blends_through_grey(s: Signals, state: np.ndarray, p: int, q: int) -> bool:
    """Whether frames ``p`` to ``q`` of the colour ``state`` (the 4 × 4 grid's luma, Cr, Cb: ``Signals.colour_grid``)
    blend two pictures through grey (xfade ``fadegrays``): the luma goes one way (GREY_LUMA_MONOTONY) while the colour
    drains towards grey and comes back as the other picture's (GREY_DRAIN, GREY_HULL) — a path whose chroma detour
    through neutral fails the plain monotony test (``transitions._classify``)."""
    if "crgrid_0_0" not in s.columns or q - p < 3:
        return False
    cells = GRID * GRID
    luma = state[:, :cells]
    net = float(np.abs(luma[q] - luma[p]).mean())
    walk = luma[p : q + 1]
    lo, hi = np.minimum(luma[p], luma[q]), np.maximum(luma[p], luma[q])
    beyond = float((np.maximum(lo - walk, 0.0) + np.maximum(walk - hi, 0.0)).mean(axis=1).max())
    if net < GREY_LUMA_MONOTONY * float(np.abs(np.diff(walk, axis=0)).mean(axis=1).sum()) and beyond > GREY_LUMA_STILL:
        return False
    chroma = state[p : q + 1, cells:] - 128.0
    a, b = chroma[0], chroma[-1]
    sizes = _chroma_sizes(state, np.arange(p, q + 1))
    size_a, size_b = float(sizes[0]), float(sizes[-1])
    if min(size_a, size_b) <= 0:
        return False
    basis = np.stack([a, b], axis=1)
    weights, *_ = np.linalg.lstsq(basis, chroma.T, rcond=None)
    weights = np.clip(weights, 0.0, None)
    total = weights.sum(axis=0)
    weights = np.where(total > 1.0, weights / np.maximum(total, 1e-12), weights)
    off = np.linalg.norm(chroma - (basis @ weights).T, axis=1)
    lowest = float(sizes.min())
    return bool(off.max() <= GREY_HULL * max(size_a, size_b) and lowest <= GREY_DRAIN * min(size_a, size_b))


def refined(s: Signals, grid: np.ndarray, stats: np.ndarray, found: list[dict], stops: np.ndarray) -> list[dict]:
    """``found`` with each dissolve's ends walked by ``refine_ends`` on the low-pass pictures ``grid``, then by ``detail_ends`` on the picture statistics ``stats`` (its last column the fine detail), never past a cut (``stops``) or into the transitions next to it."""
    if len(s) < 8 or not any(f["type"] == "dissolve" for f in found):
        return found
    ref, margin = frames_in(s, REF_S), frames_in(s, MARGIN_S)
    index = s.frame_index
    cut_at = np.flatnonzero(stops)
    state = s.colour_grid()
    out = []
    for k, item in enumerate(found):
        p, q = index.get(round(item["start"], 6)), index.get(round(item["end"], 6))
        if item["type"] != "dissolve" or p is None or q is None:
            out.append(item)
            continue
        floor = max([int(c) for c in cut_at if c <= p] + [index.get(round(f["end"], 6), 0) for f in found[:k] if f["end"] <= item["start"]] + [0])
        ceiling = min([int(c) - 1 for c in cut_at if c > q] + [index.get(round(f["start"], 6), len(s) - 1) for f in found[k + 1 :] if f["start"] >= item["end"]] + [len(s) - 1])
        p0, q0 = p, q
        p, q = _walked(s, grid, stats, p, q, floor, ceiling, ref, margin)
        p, q = tail_ends(grid, p, q, floor, ceiling, ref, margin)
        if max(p - p0, q0 - q) > GREY_KEEP * (q0 - p0) and blends_through_grey(s, state, p0, q0):
            p, q = p0, q0  # a blend through grey: the ends walked on A-B progress read its greying as A held
        out.append({**item, "start": rounded(s.t[p], 6), "end": rounded(s.t[q], 6), "duration": rounded(s.t[q] - s.t[p], 6)})
    return out


def comes_back(s: Signals, grid: np.ndarray, p: int, q: int, stops: np.ndarray) -> bool:
    """Whether the picture of frames ``p``–``q`` (a change found by any rule) comes back past half the way within RETURN_S beyond either end, or SWING_LEVEL of it beyond both (``_swung_back``), never across one of the ``stops`` (cuts): a breathing light or an oscillating picture, not a dissolve (the grid ``grid`` is the mixture's; progress as in :func:`_progress`), unless its sides hold under their own light (``holds_under_light``)."""
    ref, return_ = frames_in(s, REF_S), _return_frames(s, p, q, frames_in(s, MARGIN_S))
    cut_at = np.flatnonzero(stops)
    floor = int(cut_at[cut_at <= p].max()) if (cut_at <= p).any() else 0
    ceiling = int(cut_at[cut_at > q].min()) - 1 if (cut_at > q).any() else len(s) - 1
    a, b = grid[max(floor, p - ref + 1) : p + 1].mean(axis=0), grid[q : min(ceiling, q + ref - 1) + 1].mean(axis=0)
    if float(np.sqrt(np.mean((b - a) ** 2))) < MIN_STEP:
        return False
    far_lo, far_hi = max(floor, p - return_), min(ceiling, q + return_)
    x, off = _progress(grid[far_lo : far_hi + 1], a, b)
    swung = _swung_back(x, off / float(np.sqrt(np.mean((b - a) ** 2))), p - far_lo, q - far_lo)
    return (_came_back(x, p - far_lo, q - far_lo) or swung) and not holds_under_light(grid, p, q, far_lo, far_hi, ref)


def _swung_back(x: np.ndarray, off: np.ndarray, p: int, q: int) -> bool:
    """Whether the progress ``x`` (0 at A, 1 at B; ``p`` and ``q`` the change's ends in it) comes back SWING_LEVEL of the way
    on both sides, before the change (towards B) and after it (towards A), where it is furthest back within SWING_OFF of the
    line from A to B (``off``: distance off it over the step). A colour swinging to and fro turns at both ends of each
    half-swing, retracing its colours, and is back half-way only a quarter period after each (beyond RETURN_S for a slow
    swing, periods of 3-6 s); a dissolve's sides hold, or each moves on its own to third pictures."""
    i, j = int(np.argmax(x[: p + 1])), q + int(np.argmin(x[q:]))
    return x[i] >= SWING_LEVEL and x[j] <= 1.0 - SWING_LEVEL and max(off[i], off[j]) <= SWING_OFF


def with_busy_dissolves(found: list[dict], dissolves: list[dict]) -> list[dict]:
    """``found`` with each of the busy-footage ``dissolves`` that overlaps nothing found already (a dissolve the grid's rules found keeps its ends: they hold on a still side)."""
    for item in dissolves:
        if not any(f["start"] < item["end"] and f["end"] > item["start"] for f in found):
            found = found + [item]
    return sorted(found, key=lambda x: (x["start"], x["end"]))


# ``still_blend_steps`` (session 22, helper 10d): xfade ``distance`` between still pictures moves every pixel along a
# cross-fade and switches it to B once its colour distance exceeds the blend's progress, so where many pixels share a
# distance (a flat side, a gradient's broad band) a frame in the middle takes a large share of the way at once and
# reads as a cut (trial 17: still gradient → radial gradient, 2 s, a cut at 1.96; split 40: gradient → flat, 1.62 s).
# Every frame of such a blend is, cell by cell, between its two still ends, and its progress only rises.
STILL_STEP = 0.05  # levels (mean |change| of the 8 × 6 grid's luma, Cr, Cb): a frame this close to the one before holds still (encoded still pictures 0.00-0.03; a blend's last steps 0.07-0.2)
STILL_HOLD_S = 0.12  # a still end holds over this (seconds, at least 3 frames; shorter pauses inside the change are bridged: a distance blend's steps at 48 fps fall to 0.01 for a frame)
BLEND_BOX = 0.1  # every frame from end to end within each cell's range between the ends, off it by at most this share of the step (RMS; distance blends 0.000-0.007, split 40 and trial 17)…
BLEND_BACK = 0.1  # …its progress from A to B never falling back by more than this (0-1)…
BLEND_JUMP = 0.8  # …and the cut's frame taking at most this share of the way (a cut between still pictures: 1.0; distance blends 0.25-0.53)…
BLEND_FRAMES = 3  # …while at least this many other frames change (a blend over more than 2 frames; a cut's encoder settling takes ≤ 1)
# xfade ``hblur`` from a still detailed picture (session 41): its first frame already averages each row over a few pixels,
# a one-sided running mean that blurs and shifts the picture at once, so that frame reads as a cut (splits 40 and 41:
# texture → still gradient, the detail falling to 0.28 and 0.03 of the picture's in one frame, the colour moving 0.12-0.14
# of the way, forwards or back) and the blur takes the frames after it off the cells' range between the ends (0.32-0.38
# of the step) and back along the way (0.13). A cut onto the next picture moves the colour most of the way at once.
# Off a moving picture (no still frame before it) the blend starts at the frame before the blur's first step: soft-moving
# 1-3 and wipes 13's `hblur` moving → plain, 0.16-0.56 off the range (the moving side's own motion adds), 0.00-0.19 back.
BLUR_ONSET_SHARE = 0.4  # the cut's frame keeps at most this share of the detail of the frame before it (Laplacian variance; a cross-fade's first frame keeps (1 − its first step)², 0.64 or more for a 0.2 s one at 24 fps)…
BLUR_JUMP = 0.3  # …and moves the colour at most this share of the way, either way (projection on the step between the still ends)…
BLUR_BOX, BLUR_BACK = 0.6, 0.2  # …then the blend may leave the cells' range by this share of the step and fall back by this much (BLEND_BOX, BLEND_BACK)


def _still_end(steps: np.ndarray, start: int, stop: int, hold: int) -> int | None:
    """Walking from ``start`` towards ``stop`` (either way), the first frame of the first run of ``hold`` still steps: the
    frame next to the change that equals the ``hold`` frames beyond it; None when the picture never holds still."""
    way = 1 if stop > start else -1
    run = 0
    for k in range(start, stop, way):
        run = run + 1 if steps[k] <= STILL_STEP else 0
        if run >= hold:
            return k + hold - 1 if way < 0 else k - hold
    return None


def _blur_onset(s: Signals, c: int) -> bool:
    """Whether frame ``c`` keeps at most BLUR_ONSET_SHARE of the detail of the frame before it (``focus``, Laplacian variance)."""
    if "focus" not in s.columns or c < 1:
        return False
    focus = s["focus"]
    return float(focus[c - 1]) > 0 and float(focus[c]) <= BLUR_ONSET_SHARE * float(focus[c - 1])


def _between_ends(grid: np.ndarray, p: int, q: int, box_share: float = BLEND_BOX, back: float = BLEND_BACK) -> bool:
    """Whether frames ``p``–``q`` of ``grid`` lie cell by cell within the range of frames ``p`` and ``q`` (off it by at most
    ``box_share`` of their RMS distance) with their progress from one to the other never falling back by more than ``back``."""
    a, b = grid[p], grid[q]
    delta = b - a
    norm = float(delta @ delta)
    if norm <= 0:
        return False
    inner = grid[p : q + 1]
    outside = np.maximum(np.minimum(a, b) - inner, 0.0) + np.maximum(inner - np.maximum(a, b), 0.0)
    progress = (inner - a) @ delta / norm
    box = float(np.sqrt(np.mean(outside**2, axis=1)).max())
    return box <= box_share * float(np.sqrt(norm / delta.size)) and float(np.max(np.maximum.accumulate(progress) - progress)) <= back


def still_blend_steps(s: Signals, grid: np.ndarray, cuts: list[int]) -> tuple[list[int], list[dict]]:
    """``cuts`` less those that are one step of a blend between two still pictures, and those blends as dissolves.

    A cut's blend runs from the last still frame before it to the first still one after it (``_still_end``, within
    MAX_S); the cut is a step of it when the picture is still for STILL_HOLD_S on both sides, the ends differ by at
    least MIN_STEP, every frame between lies cell by cell within the ends' range (BLEND_BOX: each pixel A, B or a mix
    of them), the progress along the way never falls back (BLEND_BACK), the cut frame moves the picture along the
    way by at most BLEND_JUMP of it, and at least BLEND_FRAMES frames that are no cut change too. Every cut inside one
    blend goes; the dissolve runs between its still ends. A cut that is a blur's first step (``_blur_onset``: the detail
    falls under BLUR_ONSET_SHARE in one frame) moving the colour at most BLUR_JUMP of the way, either way, is a step of
    the blend within BLUR_BOX and BLUR_BACK; off a moving picture that blend starts at the frame before the cut.
    """
    if not cuts:
        return cuts, []
    steps = frame_steps(grid)
    hold, reach = frames_in(s, STILL_HOLD_S, least=3), frames_in(s, MAX_S)
    blends: list[tuple[int, int]] = []
    for c in cuts:
        blur = _blur_onset(s, c)
        p = _still_end(steps, c - 1, max(c - reach, 0) - 1, hold)
        if p is None and blur:
            p = c - 1  # a blur off a moving picture: it starts at the frame before its first step
        q = _still_end(steps, c + 1, min(c + reach, len(s)), hold)
        if p is None or q is None or (p, q) in blends:
            continue
        delta = grid[q] - grid[p]
        norm = float(delta @ delta)
        if float(np.sqrt(norm / delta.size)) < MIN_STEP or s.t[q] - s.t[p] < MIN_S - 1e-6:
            continue
        jump = float((grid[c] - grid[c - 1]) @ delta / norm)
        others = sum(1 for k in range(p + 1, q + 1) if steps[k] > STILL_STEP and k not in cuts)
        if others < BLEND_FRAMES:
            continue
        if (0.0 < jump <= BLEND_JUMP and _between_ends(grid, p, q)) or (blur and abs(jump) <= BLUR_JUMP and _between_ends(grid, p, q, BLUR_BOX, BLUR_BACK)):
            blends.append((p, q))
    kept = [c for c in cuts if not any(p < c <= q for p, q in blends)]
    return kept, [{"type": "dissolve", "start": rounded(s.t[p], 6), "end": rounded(s.t[q], 6), "duration": rounded(s.t[q] - s.t[p], 6)} for p, q in blends]


END_TAIL_SHARE = 0.2  # ``still_ends``: an end moves out over frames changing by at least this share of the dissolve's median step (levels / levels)
STILL_REACH_S = 0.1  # ``still_ends``: …and then on over any frames that still change, this far (s), to a still picture (:func:`_still_from`)…
STILL_WALK_S, STILL_WALK_LEVELS = 1.5, 0.2  # …or up to this far (s) over frames changing by this much a frame on average (levels, mean over the cells)
CREEP_PAUSE_S, CREEP_STEP_LEVELS = 0.3, 1.5  # ``still_ends``: a still end goes on over a pause this short (s) and a rounding step this small (levels, mean over the cells) beyond it (:func:`_crept`)


def still_ends(s: Signals, grid: np.ndarray, found: list[dict], cuts: list[int]) -> list[dict]:
    """``found`` with each dissolve's ends moved out to the still pictures next to it: over the frames that still change
    (more than STILL_STEP and END_TAIL_SHARE of the dissolve's median step on ``grid``) to a frame the picture holds for
    STILL_HOLD_S, never across one of ``cuts`` or another transition, when the frames added lie cell by cell between
    the two still pictures (BLEND_BOX) and progress does not fall back (BLEND_BACK), or the change blends through grey
    (:func:`blends_through_grey`); where no still picture follows those frames, on over any that still change to one
    (:func:`_still_from`), and from an end so moved on over the rounding creep beyond it (:func:`_crept`). An end that
    finds no still picture (moving footage) stays."""
    steps = frame_steps(grid)
    hold = frames_in(s, STILL_HOLD_S, least=3)
    reach, walk, creep = frames_in(s, STILL_REACH_S, least=1), frames_in(s, STILL_WALK_S), frames_in(s, CREEP_PAUSE_S)
    state = s.colour_grid()
    index = s.frame_index
    spans = [(index[round(f["start"], 6)], index[round(f["end"], 6)]) for f in found]
    out = []
    for k, item in enumerate(found):
        p, q = spans[k]
        if item["type"] != "dissolve" or q - p < 2:
            out.append(item)
            continue
        lo = max([c for c in cuts if c <= p] + [b for a, b in spans[:k]] + [hold])
        hi = min([c - 1 for c in cuts if c > q] + [a for a, b in spans[k + 1 :]] + [len(s) - 1 - hold])
        least = max(STILL_STEP, END_TAIL_SHARE * float(np.median(steps[p + 1 : q + 1])))
        p2, q2 = p, q
        while p2 > lo and steps[p2] > least:
            p2 -= 1
        while q2 < hi and steps[q2 + 1] > least:
            q2 += 1
        head, tail = p2, q2
        p2 = p2 if _holds_still(steps, p2, hold, -1) else _still_from(steps, p2, max(lo, p2 - walk), hold, -1, p, reach)
        q2 = q2 if _holds_still(steps, q2, hold, +1) else _still_from(steps, q2, min(hi, q2 + walk), hold, +1, q, reach)
        # A moving side holds no still picture; a blend through grey found from its grey point on still has its drain.
        p2 = head if p2 == p and head < p and _drained(state, head, p) and blends_through_grey(s, state, head, q) else p2
        q2 = tail if q2 == q and tail > q and _drained(state, tail, q) and blends_through_grey(s, state, p2, tail) else q2
        if p2 != p:
            p2 = _crept(steps, p2, lo, hold, creep, least, -1)
        if q2 != q:
            q2 = _crept(steps, q2, hi, hold, creep, least, +1)
        if (p2, q2) != (p, q) and (_between_ends(grid, p2, q2) or blends_through_grey(s, state, p2, q2)):
            item = {**item, "start": rounded(s.t[p2], 6), "end": rounded(s.t[q2], 6), "duration": rounded(s.t[q2] - s.t[p2], 6)}
        out.append(item)
    return out


def _chroma_sizes(state: np.ndarray, frames: np.ndarray) -> np.ndarray:
    """Per frame of ``frames``, how far its colour lies off grey: the norm of Cr and Cb off neutral (128) over the
    4 × 4 grid's cells (``state``: ``Signals.colour_grid``)."""
    return np.linalg.norm(state[frames, GRID * GRID :] - 128.0, axis=-1)


def _drained(state: np.ndarray, far: int, near: int) -> bool:
    """Whether the colour at frame ``near`` keeps at most GREY_DRAIN of that at frame ``far`` (:func:`_chroma_sizes`):
    the frames between drain it towards grey."""
    size_far, size_near = _chroma_sizes(state, np.array([far, near]))
    return float(size_near) <= GREY_DRAIN * float(size_far)


def _holds_still(steps: np.ndarray, k: int, hold: int, way: int) -> bool:
    """Whether the picture holds still (steps ≤ STILL_STEP, ``steps[i]`` the change into frame i) for ``hold`` frames
    after frame ``k`` (``way`` +1) or up to it (−1)."""
    run = steps[k + 1 : k + hold + 1] if way > 0 else steps[max(k - hold + 1, 0) : k + 1]
    return run.size == hold and bool(np.all(run <= STILL_STEP))


def _crept(steps: np.ndarray, end: int, bound: int, hold: int, pause: int, least: float, way: int) -> int:
    """``end`` (a still end of a change, :func:`still_ends`) moved out over the rounding creep beyond it: a pause of at
    most ``pause`` frames, then a step of at most CREEP_STEP_LEVELS (levels, mean over the cells) and what changes by
    more than ``least`` next to it, to the next still picture (``hold`` frames), repeatedly, never past ``bound``
    (``way`` +1: after ``end``, −1: before it). An eased blend between flat colours moves them a level every few frames
    at its ends, and a pause of 0.12 s read as the still picture (session 40: the bench's `fadegrays` between flat
    colours at 24 fps, steps of 1.0 and 0.33 levels 0.25 and 0.17 s apart before its ramp: found 7 frames late)."""
    n = steps.size
    while True:
        j = end + way  # the pause: frames that repeat the one before (a step into frame j is steps[j])
        while (bound - j) * way > 0 and abs(j - end) <= pause and steps[j] <= STILL_STEP:
            j += way
        if (bound - j) * way <= 0 or abs(j - end) > pause or not 0 < j < n or steps[j] > CREEP_STEP_LEVELS:
            return end
        j = j - 1 if way < 0 else j  # the frame the rounding step leaves (before it) or reaches (after it)
        while (bound - j) * way > 0 and 0 < j + (way > 0) < n and steps[j + (way > 0)] > least:
            j += way
        if not _holds_still(steps, j, hold, way):
            return end
        end = j


def _still_from(steps: np.ndarray, end: int, bound: int, hold: int, way: int, fallback: int, reach: int) -> int:
    """The first frame beyond ``end`` (``way`` +1: after it, −1: before it; never past ``bound``) from which the picture
    holds still for ``hold`` frames, over frames that change with pauses shorter than that, when it lies within
    ``reach`` frames of ``end`` or the frames walked change by STILL_WALK_LEVELS a frame on average; else ``fallback``.
    A blend whose pixels switch at their own times (xfade ``distance``) ends on a few small patches switching late
    (session 40: a gradient → gradient blend's last frame 0.19 of 3.7 levels), under END_TAIL_SHARE, and a blend
    through grey between flat colours (xfade ``fadegrays``) moves its colour a level or two a frame, pausing a frame,
    so the walk over END_TAIL_SHARE of the median stopped short of the still picture; a slowly moving side (0.06–0.09
    levels a frame for seconds) is no part of the change."""
    j = end
    while (bound - j) * way > 0 and not _holds_still(steps, j, hold, way):
        j += way
    if not _holds_still(steps, j, hold, way) or j == end:
        return fallback
    walked = steps[end + 1 : j + 1] if way > 0 else steps[j + 1 : end + 1]
    return j if abs(j - end) <= reach or float(walked.mean()) >= STILL_WALK_LEVELS else fallback


# ``settled_ends`` (session 23, helper 10f, issue 10): a dissolve onto (from) a still picture ends (starts) where every cell is
# within a rounding step of that picture, not where the last sub-level step lands. An eased tail's last per cent moves a
# flat colour by under a level a frame, and 8-bit rounding (the encoder's too) holds it a level off B for a few frames and
# then steps (trial 18: xfade fadeslow navy -> olive 2 s at 30, the picture 1.0 level off olive over 3.5-3.567 s and olive
# at 3.6: found 3.6, the rendered frames' truth 3.5 — a frame within a level of B is B's, CHANGED_LEVELS in
# tests/transition_corpus.py). Only a side that holds still (STILL_STEP over STILL_HOLD_S: grain moves on) is read so.
SETTLED_LEVELS = 1.5  # levels: a frame whose every cell (luma, Cr, Cb of the 8 × 6 grid) lies within this of the still side's is that side's picture (a value one level off rounds to it)


def _still_reach(grid: np.ndarray, k: int, step: int, limit: int) -> int:
    """From frame ``k`` next to a still side, the furthest frame reached going ``step`` (±1) while every cell stays within
    SETTLED_LEVELS of frame ``k``'s, never past the clip or frame ``limit``: the side's picture before a ramp's first
    sub-level steps, which the frames next to its end may already hold."""
    return _walk_within(grid, k, step, grid[k], limit)


def settled_ends(s: Signals, grid: np.ndarray, stats: np.ndarray, found: list[dict]) -> list[dict]:
    """``found`` with each dissolve's end (start) moved in over the frames within SETTLED_LEVELS of the still picture after (before) it (see the note above).

    Within the cells and in the picture ``stats``' luma spread and fine detail (their columns 1 and −1): a random pixel
    dissolve's last unswitched pixels leave the cells' means within a level of B but speckle the picture (split 40).
    """
    steps = frame_steps(grid)
    texture = stats[:, [1, -1]]
    hold = frames_in(s, STILL_HOLD_S, least=3)
    index = s.frame_index
    out = []
    for item in found:
        p, q = index.get(round(item["start"], 6)), index.get(round(item["end"], 6))
        if item["type"] != "dissolve" or p is None or q is None or q - p < 3:
            out.append(item)
            continue
        p2, q2 = p, q
        if q + hold < len(s) and np.all(steps[q + 1 : q + hold + 1] <= STILL_STEP):
            far = _still_reach(grid, q, 1, q + frames_in(s, MARGIN_S))
            b, b_texture = np.median(grid[q : far + 1], axis=0), np.median(texture[q : far + 1], axis=0)
            while q2 - 1 > (p + q) // 2 and np.abs(grid[q2 - 1] - b).max() <= SETTLED_LEVELS and np.abs(texture[q2 - 1] - b_texture).max() <= SETTLED_LEVELS:
                q2 -= 1
        if p - hold >= 0 and np.all(steps[p - hold + 1 : p + 1] <= STILL_STEP):
            far = _still_reach(grid, p, -1, p - frames_in(s, MARGIN_S))
            a, a_texture = np.median(grid[far : p + 1], axis=0), np.median(texture[far : p + 1], axis=0)
            while p2 + 1 < (p + q) // 2 and np.abs(grid[p2 + 1] - a).max() <= SETTLED_LEVELS and np.abs(texture[p2 + 1] - a_texture).max() <= SETTLED_LEVELS:
                p2 += 1
        if (p2, q2) != (p, q):
            item = {**item, "start": rounded(s.t[p2], 6), "end": rounded(s.t[q2], 6), "duration": rounded(s.t[q2] - s.t[p2], 6)}
        out.append(item)
    return out
