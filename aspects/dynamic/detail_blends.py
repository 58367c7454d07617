"""Cross-fades read by their fine detail: pixelize and blurred (hblur) blends onto or off a plain picture (issue 10).

xfade's ``pixelize`` coarsens A into growing blocks while it blends into B
and sharpens B back; ``hblur`` blurs both sides while it blends. Next to a
flat colour or a still gradient the picture's fine detail (log of the
Laplacian's variance, ``focus``) leaves the one side's steady level and
settles on the other's, or dips below both, while the coarse picture (the
4×4 colour grid) goes over from one side to the other as a blend. The
grid-based rules miss these when the textured side moves (its cells wander)
or when the blur's first frame reads as a jump.

A span is read where the detail leaves one steady level (over SIDE_S, within
SIDE_SPREAD decades) and reaches another at most MAX_S later, one side
textured (TEXTURED decades or more) and the other plain (PLAIN or less),
moving by DETAIL_STEP decades or dipping that far below both. Its ends are
those of a clamped straight ramp fitted to the grid's progress from the
picture before to the picture after (the low-pass of a blend is a straight
cross-fade), or the detail span's where those lie further out. The fit must
explain the progress (RMS residual at most RAMP_RESIDUAL of the way); the
grid must change by MIN_NET_LEVELS with no frame doing more than JUMP_SHARE
of it (a cut); neither side may go on along the change by more than
SIDE_SHARE of it over SIDE_S (the span would be a stretch of a longer
change: the random pixels of a ``dissolve`` read as texture half-way); the
cells must pass half-way within HALF_SPREAD of the span (a wipe's edge passes
them in turn); black or white in the span or next to it is a fade's. A span
that nothing but cuts overlaps becomes a dissolve (the cuts dropped: a
blur's first frame jumps); one that a dissolve, fade or wipe overlaps is
left to it.
"""

from __future__ import annotations

import numpy as np

from aspects.dynamic.signals import Signals, frames_in, rounded
from aspects.measure.visual import GRID

FOCUS_FLOOR = 1.0  # levels² added to the Laplacian's variance before its log (a flat frame reads 0 decades)
SIDE_S = 0.3  # seconds: each side's detail is read steady over this next to the span…
SIDE_SPREAD = 0.3  # …when it spreads over at most this many decades (max − min)
DETAIL_STEP = 1.0  # decades: the detail moves this far between the sides, or dips this far below both…
TEXTURED = 2.0  # …one side is textured: its detail at least this (decades)…
PLAIN = 1.5  # …and the other plain: at most this (gradients and flat colours read under 1.3)
MIN_S = 0.2  # seconds: shorter spans are left to the cut and grid rules
MAX_S = 3.2  # seconds: longer ones are drifts
MERGE_S = 1.0  # seconds: a steady stretch shorter than this inside a span does not end it
MIN_NET_LEVELS = 5.0  # levels (mean over the grid's luma, Cr, Cb cells): the coarse picture changes at least this much
SIDE_SHARE = 0.3  # each side's picture moves on along the change, over SIDE_S, by at most this share of it
JUMP_SHARE = 0.5  # no single frame carries more than this share of the grid's net change (a cut)
RAMP_RESIDUAL = 0.12  # RMS residual of the grid's progress about the fitted ramp (share of the way) at most
FIT_MARGIN_S = 0.3  # seconds each side of the detail's span in which the ramp's ends are sought
HALF_SPREAD = 0.4  # share of the span: the cells pass half-way within this of each other (a wipe's edge passes them in turn)
HALF_PERCENTILE = 10  # …between this percentile of their half-way times and its mirror
FIT_ROUNDS = 3  # the ramp is refitted with the pictures next to the ends found, at most this many times


def detail_level(s: Signals) -> np.ndarray:
    """log10(focus + FOCUS_FLOOR) per frame (decades; the Laplacian's variance, levels²); zeros when not measured."""
    if "focus" not in s.columns:
        return np.zeros(len(s))
    return np.log10(np.maximum(s["focus"], 0.0) + FOCUS_FLOOR)


def detail_spans(s: Signals, level: np.ndarray) -> list[tuple[int, int]]:
    """(p, q) frame pairs: the detail steady up to p, moving, steady again from q (see the module's doc).

    Moving stretches parted by a steady one shorter than MERGE_S are one span
    (a pixelize holds its block size a while half-way).
    """
    k = frames_in(s, SIDE_S, least=3)
    n = len(level)
    if n < 2 * k + 2:
        return []
    windows = np.lib.stride_tricks.sliding_window_view(level, k)
    calm = (windows.max(axis=1) - windows.min(axis=1)) <= SIDE_SPREAD  # calm[i]: frames i … i+k-1 steady
    steady = np.zeros(n, dtype=bool)
    for i in np.flatnonzero(calm):
        steady[i : i + k] = True
    gaps: list[list[int]] = []
    for lo, hi in _runs(~steady):
        if lo == 0 or hi == n:
            continue  # the clip starts or ends moving: no side to read
        p, q = lo - 1, hi
        if gaps and float(s.t[p] - s.t[gaps[-1][1]]) < MERGE_S:
            gaps[-1][1] = q
        else:
            gaps.append([p, q])
    spans = []
    for p, q in gaps:
        if not MIN_S <= float(s.t[q] - s.t[p]) <= MAX_S:
            continue
        a, b = float(np.median(level[p - k + 1 : p + 1])), float(np.median(level[q : q + k]))
        dip = min(a, b) - float(level[p : q + 1].min())
        if max(a, b) >= TEXTURED and min(a, b) <= PLAIN and (abs(a - b) >= DETAIL_STEP or dip >= DETAIL_STEP):
            spans.append((p, q))
    return spans


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """[lo, hi) index ranges where ``mask`` holds."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], mask.astype(np.int8), [0]))))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist()))


def ramp_fit(t: np.ndarray, progress: np.ndarray) -> tuple[int, int, float]:
    """The clamped straight ramp (0 up to frame a, 1 from frame b, straight between) fitted to ``progress``: (a, b, RMS residual)."""
    n = len(t)
    best = (0, n - 1, float("inf"))
    for a in range(n - 1):
        ends = np.arange(a + 1, n)
        u = np.clip((t[None, :] - t[a]) / (t[ends, None] - t[a]), 0.0, 1.0)
        rms = np.sqrt(np.mean((u - progress[None, :]) ** 2, axis=1))
        j = int(np.argmin(rms))
        if rms[j] < best[2]:
            best = (a, int(ends[j]), float(rms[j]))
    return best


def detail_dissolves(s: Signals, state: np.ndarray, blank: np.ndarray) -> list[dict]:
    """Dissolves read by the detail (see the module's doc): ``state`` the colour grid per frame, ``blank`` ``transitions.blank_kind``."""
    level = detail_level(s)
    k = frames_in(s, SIDE_S, least=3)
    margin = frames_in(s, FIT_MARGIN_S)
    found = []
    for p, q in detail_spans(s, level):
        if any(kind in ("black", "white") for kind in blank[max(0, p - k + 1) : q + k]):
            continue
        fit = _grid_ramp(s, state, p, q, k, margin)
        if fit is None:
            continue
        first, last = fit
        first, last = min(first, p), max(last, q)  # the outer of the two: whichever still sees the change
        if float(s.t[last] - s.t[first]) < MIN_S or half_way_spread(s, state, first, last, k) > HALF_SPREAD:
            continue
        start, end = float(s.t[first]), float(s.t[last])
        found.append({"type": "dissolve", "start": rounded(start, 6), "end": rounded(end, 6), "duration": rounded(end - start, 6)})
    return found


def _grid_ramp(s: Signals, state: np.ndarray, p: int, q: int, k: int, margin: int) -> tuple[int, int] | None:
    """The first and last frame of the grid's blend around the detail's span (p, q), or None when it is no blend.

    Read on the grid's row means (luma, Cr, Cb of each row of cells: a
    horizontal blur moves colour across a row, not between rows). The
    pictures before and after are their means over ``k`` frames next
    to the ramp; the ramp is refitted (FIT_ROUNDS times at most) with them
    taken next to the ends found, the fit's window ``margin`` frames wider.
    """
    n = len(state)
    rows = state.reshape(n, -1, GRID, GRID).mean(axis=3).reshape(n, -1)  # a horizontal blur keeps each row's mean
    first, last = p, q
    for _ in range(FIT_ROUNDS):
        before, after = rows[max(0, first - k + 1) : first + 1].mean(axis=0), rows[last : last + k].mean(axis=0)
        way = after - before
        net = float(np.abs(way).mean())
        if net < MIN_NET_LEVELS:
            return None
        lo, hi = max(0, first - margin), min(len(s) - 1, last + margin)
        if float(np.abs(np.diff(rows[lo : hi + 1], axis=0)).mean(axis=1).max()) > JUMP_SHARE * net:
            return None
        sides = np.stack([rows[first] - rows[max(0, first - k + 1)], rows[min(n, last + k) - 1] - rows[last]])
        if float(np.abs(sides @ way).max()) > SIDE_SHARE * float(way @ way):
            return None  # a side going on along the change: the span is a stretch of a longer change
        progress = (rows[lo : hi + 1] - before) @ way / float(way @ way)
        a, b, rms = ramp_fit(s.t[lo : hi + 1], progress)
        if rms > RAMP_RESIDUAL:
            return None
        if (lo + a, lo + b) == (first, last):
            break
        first, last = lo + a, lo + b
    return first, last


def half_way_spread(s: Signals, state: np.ndarray, first: int, last: int, k: int) -> float:
    """How spread out (share of the span first…last) the grid's cells pass half-way from the picture before to the one after.

    Each cell (luma, Cr, Cb) changing by MIN_NET_LEVELS or more is projected
    on its own way between the means over ``k`` frames next to the span; its
    half-way time is its first frame past 0.5. The spread is the range
    between the HALF_PERCENTILE-th lowest and highest of those times. A blend
    moves the cells together; a wipe's edge passes them one by one.
    """
    n = len(state)
    cells = state.reshape(n, 3, -1).transpose(0, 2, 1)  # frame, cell, plane
    before, after = cells[max(0, first - k + 1) : first + 1].mean(axis=0), cells[last : min(n, last + k)].mean(axis=0)
    way = after - before
    size = np.sqrt((way**2).sum(axis=1))
    moving = np.flatnonzero(size >= MIN_NET_LEVELS)
    if len(moving) < 2:
        return 0.0
    span = cells[first : last + 1, moving] - before[moving]
    progress = (span * way[moving]).sum(axis=2) / (size[moving] ** 2)
    passed = progress >= 0.5
    times = s.t[first : last + 1][np.where(passed.any(axis=0), passed.argmax(axis=0), last - first)]
    lo, hi = np.percentile(times, [HALF_PERCENTILE, 100 - HALF_PERCENTILE])
    return float(hi - lo) / max(float(s.t[last] - s.t[first]), 1e-9)


def with_detail_dissolves(s: Signals, state: np.ndarray, blank: np.ndarray, items: list[dict]) -> list[dict]:
    """``items`` with :func:`detail_dissolves` added where nothing but cuts overlaps them (the cuts dropped: a blur's first frame)."""
    out = list(items)
    for new in detail_dissolves(s, state, blank):
        overlapping = [x for x in out if x["start"] <= new["end"] and x["end"] >= new["start"]]
        if any(x["type"] != "cut" for x in overlapping):
            continue
        out = [x for x in out if x not in overlapping] + [new]
    return sorted(out, key=lambda x: (x["start"], x["end"]))
