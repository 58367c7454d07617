"""Per-frame visual features that dynamic aspects are built from.

:class:`FrameFeatures` is called once per decoded frame (already at the
analysis size, ≤ 256×144) and returns a flat dict of floats; it keeps only
the previous frame's small planes, so frame-to-frame measures (difference,
histogram change, global motion) need no second pass. Later stages never see
pixels: everything a window aspect needs is one of these scalars.

Each measure is a pure function below, vectorised and cheap: the whole set
costs 0.5–0.8 ms of CPU per frame on one core, over a third of it Lucas–Kanade and
RANSAC. Shared planes (luma, half size, gradients, one luma histogram) are
computed once per frame, and small-array work goes through single OpenCV
calls rather than chains of NumPy temporaries. Conventions:

- positions and displacements are in **frame widths** (x and y alike, so a
  speed has one unit whichever way it points); ``mv_dx > 0`` means the
  picture content moves right, ``mv_dy > 0`` down;
- levels are on the 0–255 luma scale unless a range is stated.
"""

from __future__ import annotations

import math
from functools import lru_cache

import cv2
import numpy as np

GRID = 4  # coarse luma grid (GRID × GRID cells) kept per frame: wipes and dissolves are read from it
GRID_KEYS = [f"grid_{r}_{c}" for r in range(GRID) for c in range(GRID)]  # row by row, as the grid ravels
HIST_BITS = 2  # 4 levels per channel: a 64-bin colour histogram for cut detection
TRACK_COLS, TRACK_ROWS = 12, 9  # grid of tracked points for global motion: 4×3 points in each of the 3×3 regions
REGIONS = 3  # 3×3 regions for parallax
MIN_EIGEN = 1e-3  # LK's texture test (normalised min eigenvalue): flat patches are not tracked, their "flow" is noise
MIN_TRACKED = 12  # fewer agreeing points than this: motion unknown (flat or changed picture)
LAYER_GAP_PX = 0.35  # motions this far apart (half-size pixels per frame) are different layers
LAYER_MIN_SHARE = 0.08  # a motion layer holds at least this share of the tracked points
MAX_LAYERS = 4
RANSAC_PX = 0.25  # half-size pixels: a point further than this from the fit moves on its own (tracking noise is ~0.05 px)
EDGE_LOW, EDGE_HIGH = 50, 150  # Canny thresholds on 0–255 luma
BUSY_BLOCK, BUSY_EDGES = 8, 2  # an 8×8 block with at least 2 edge pixels counts as busy (a smooth ramp has none)
GRADIENT_SIZE = (16, 12)  # the colour plane fit runs on a 16×12 thumbnail
CHROMA_GRID_KEYS = [f"{p}grid_{r}_{c}" for p in ("cr", "cb") for r in range(GRID) for c in range(GRID)]  # the grid's colour (YCrCb Cr, Cb)
BLACK_V = 40  # a pixel is black when none of R, G, B exceeds this (0–255): dark grain and compression noise included
WHITE_V, WHITE_S = 215, 40  # …white when its brightest channel reaches WHITE_V and its HSV saturation is at most WHITE_S (0–255)
FLAT_TOLERANCE = 16  # luma levels: pixels this close to the median belong to a uniform picture (grain included)


def color_histogram(rgb: np.ndarray) -> np.ndarray:
    """Normalised 64-bin RGB histogram (4 levels per channel) of ``rgb`` (H, W, 3) uint8; sums to 1."""
    levels = 1 << HIST_BITS
    hist = cv2.calcHist([rgb], [0, 1, 2], None, [levels] * 3, [0, 256] * 3).ravel()
    return hist / max(float(hist.sum()), 1.0)


def histogram_difference(a: np.ndarray, b: np.ndarray) -> float:
    """Half the L1 distance between two normalised histograms: 0 (same colours) to 1 (no colour in common)."""
    return float(0.5 * np.abs(a - b).sum())


def track_points(width: int, height: int) -> np.ndarray:
    """A regular TRACK_COLS × TRACK_ROWS grid of points (float32, shape (n, 1, 2)) inside a ``width``×``height`` plane."""
    xs = (np.arange(TRACK_COLS) + 0.5) * width / TRACK_COLS
    ys = (np.arange(TRACK_ROWS) + 0.5) * height / TRACK_ROWS
    gx, gy = np.meshgrid(xs, ys)
    return np.stack([gx.ravel(), gy.ravel()], axis=1).astype(np.float32).reshape(-1, 1, 2)


NO_MOTION = {"mv_dx": 0.0, "mv_dy": 0.0, "mv_scale": 1.0, "mv_rot": 0.0, "mv_residual": 0.0, "mv_inliers": 0.0, "mv_valid": 0.0, "parallax": 0.0, "layers": 1.0, "flow_h": 0.0, "flow_v": 0.0}


def global_motion(prev: np.ndarray, cur: np.ndarray, points: np.ndarray) -> dict[str, float]:
    """Global similarity motion from ``prev`` to ``cur`` (uint8 luma planes of the same size).

    Points on a grid are tracked with pyramidal Lucas–Kanade and a
    similarity transform (translation, scale, rotation) is fitted with
    RANSAC. Returns

    - ``mv_dx``, ``mv_dy``: translation of the picture at the frame centre,
      frame widths per frame (positive: content moves right / down);
    - ``mv_scale``: scale factor per frame (> 1: content grows, a zoom in);
    - ``mv_rot``: rotation, radians per frame;
    - ``mv_residual``: RMS distance of agreeing points from the fit, frame widths;
    - ``mv_inliers``: share of grid points that agree with the fit, 0–1;
    - ``mv_valid``: 1.0 when enough points agree to trust the fit, else 0.0;
    - ``parallax``: RMS deviation of the 3×3 regions' median flows from the
      fitted motion, frame widths per frame (0 for a flat pan or zoom);
    - ``layers``: number of distinct rigid motions among the points (1 when
      everything moves together; see :func:`motion_layers`);
    - ``flow_h``, ``flow_v``: mean absolute horizontal / vertical point
      flow, frame widths per frame (motion of anything, not only the camera).
    """
    h, w = cur.shape
    nxt, status, _ = cv2.calcOpticalFlowPyrLK(prev, cur, points, None, winSize=(9, 9), maxLevel=2, minEigThreshold=MIN_EIGEN)
    ok = status.ravel().astype(bool)
    out = dict(NO_MOTION)
    if np.count_nonzero(ok) < MIN_TRACKED:
        return out
    p0, p1 = points[ok].reshape(-1, 2), nxt[ok].reshape(-1, 2)
    flow_h, flow_v, _, _ = cv2.mean(np.abs(p1 - p0).reshape(-1, 1, 2))  # per-axis means of an n×1 two-channel image
    out["flow_h"], out["flow_v"] = flow_h / w, flow_v / w
    model, inliers = cv2.estimateAffinePartial2D(p0, p1, method=cv2.RANSAC, ransacReprojThreshold=RANSAC_PX)
    if model is None or inliers is None:
        return out
    inl = inliers.ravel().astype(bool)
    agreeing = np.count_nonzero(inl)
    if agreeing < MIN_TRACKED:
        return out
    (a, c, tx), (b, d, ty) = model.tolist()  # a similarity: a = d = s·cos θ, b = −c = s·sin θ
    cx, cy = w / 2.0, h / 2.0
    off = p1 - (p0 @ model[:, :2].T + model[:, 2])
    off_in = off[inl]
    residual = math.sqrt(float(np.vdot(off_in, off_in)) / agreeing)
    deviation = _region_deviation(ok, off)
    out.update(
        mv_dx=(a * cx + c * cy + tx - cx) / w,
        mv_dy=(b * cx + d * cy + ty - cy) / w,
        mv_scale=math.hypot(a, b),
        mv_rot=math.atan2(b, a),
        mv_residual=residual / w,
        mv_inliers=agreeing / len(points),
        mv_valid=1.0,
        parallax=float(deviation / w),
        layers=float(motion_layers(p0, p1, ~inl, model)),
    )
    return out


def _region_deviation(ok: np.ndarray, deviation: np.ndarray) -> float:
    """RMS of the 3×3 regions' median deviations from the global fit (pixels).

    ``ok`` marks which grid points were tracked; ``deviation`` holds theirs
    (in grid order), so regions are blocks of the point grid.
    """
    full = np.full((TRACK_ROWS * TRACK_COLS, 2), np.nan)
    full[ok] = deviation
    blocks = full[_REGION_ORDER].reshape(REGIONS * REGIONS, -1, 2)
    counts = ok[_REGION_ORDER].reshape(REGIONS * REGIONS, -1).sum(axis=1)
    ordered = np.sort(blocks, axis=1)  # NaN sorts last: the first ``count`` entries are the tracked points
    tracked = counts > 0
    lo = ordered[_REGION_INDEX, np.maximum(counts - 1, 0) // 2]
    hi = ordered[_REGION_INDEX, np.maximum(counts, 1) // 2 - (counts == 0)]
    per_region = ((lo + hi) / 2.0)[tracked]
    return math.sqrt(float(np.vdot(per_region, per_region)) / len(per_region))


# Grid point indices listed region by region (3×3 regions, each a block of the point grid), and the region numbers.
_REGION_ORDER = (
    np.arange(TRACK_ROWS * TRACK_COLS)
    .reshape(REGIONS, TRACK_ROWS // REGIONS, REGIONS, TRACK_COLS // REGIONS)
    .transpose(0, 2, 1, 3)
    .ravel()
)
_REGION_INDEX = np.arange(REGIONS * REGIONS)


def motion_layers(p0: np.ndarray, p1: np.ndarray, outliers: np.ndarray, first_model: np.ndarray) -> int:
    """Number of distinct rigid motions among tracked points (1 when everything moves together).

    Sequential RANSAC: the points the global fit left out are fitted again;
    a group of at least LAYER_MIN_SHARE of the points (and MIN_TRACKED/2)
    whose motion differs from every earlier layer's by LAYER_GAP_PX is one
    more layer, up to MAX_LAYERS.
    """
    layers, models = 1, [first_model]
    rest = outliers.copy()
    need = max(MIN_TRACKED // 2, int(LAYER_MIN_SHARE * len(p0)))
    while layers < MAX_LAYERS and rest.sum() >= need:
        model, inl = cv2.estimateAffinePartial2D(p0[rest], p1[rest], method=cv2.RANSAC, ransacReprojThreshold=RANSAC_PX)
        if model is None or inl is None or int(inl.sum()) < need:
            break
        members = np.flatnonzero(rest)[inl.ravel() == 1]
        centre = p0[members].mean(axis=0)
        moved = [m[:, :2] @ centre + m[:, 2] for m in models]
        mine = model[:, :2] @ centre + model[:, 2]
        rest[members] = False
        if min(np.hypot(*(mine - other)) for other in moved) >= LAYER_GAP_PX:
            layers += 1
            models.append(model)
    return layers


def compensated_difference(prev: np.ndarray, cur: np.ndarray, mv: dict[str, float]) -> float:
    """Mean absolute luma change (0–255) left after undoing the global motion ``mv``, on the central 80 % of the frame.

    A pan or zoom leaves almost nothing; a dissolve, a wipe, a fade or a
    moving object leaves its real change.
    """
    h, w = cur.shape
    if mv["mv_valid"]:
        centre = (w / 2.0, h / 2.0)
        model = cv2.getRotationMatrix2D(centre, -math.degrees(mv["mv_rot"]), mv["mv_scale"])
        model[:, 2] += (mv["mv_dx"] * w, mv["mv_dy"] * w)
        prev = cv2.warpAffine(prev, model, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    my, mx = h // 10, w // 10
    return cv2.mean(cv2.absdiff(prev[my : h - my, mx : w - mx], cur[my : h - my, mx : w - mx]))[0]


_LEVELS = np.arange(256, dtype=np.float64)


def level_stats(y8: np.ndarray) -> tuple[float, float]:
    """Median and variance of a uint8 plane (levels 0–255, levels²), both from one 256-bin histogram: cheaper than sorting and a second pass."""
    hist = cv2.calcHist([y8], [0], None, [256], [0, 256]).ravel().astype(np.float64)
    counts = hist.cumsum()
    n = counts[-1]
    mean = float(hist @ _LEVELS) / n
    variance = max(float(hist @ _LEVELS**2) / n - mean * mean, 0.0)
    return float(np.searchsorted(counts, n / 2.0)), variance


def composition(y: np.ndarray, magnitude: np.ndarray, background: float) -> dict[str, float]:
    """Where the visual weight of a luma plane sits.

    Visual mass is gradient magnitude plus half the distance from the
    ``background`` level (the median luma): edges and things that stand out
    from the background. Returns
    ``mass_x``, ``mass_y`` (centre of mass, 0–1 from left / top),
    ``balance_lr``, ``balance_tb`` (−1–1: share of mass right minus left,
    bottom minus top), ``symmetry`` (0–1: 1 for a left–right mirror image),
    ``thirds`` (0–1: share of mass within 1/12 of the frame of the four
    rule-of-thirds points; about 0.08 for evenly spread mass).
    A flat frame has its mass at the centre, balanced and symmetric.
    """
    h, w = y.shape
    y = np.ascontiguousarray(y, dtype=np.float32)
    mass = cv2.scaleAdd(cv2.absdiff(y, float(background)), 0.5, np.ascontiguousarray(magnitude, dtype=np.float32))
    spread = cv2.mean(cv2.absdiff(y, cv2.mean(y)[0]))[0]
    symmetry = 1.0 if spread < 0.5 else min(max(1.0 - cv2.mean(cv2.absdiff(y, cv2.flip(y, 1)))[0] / (2.0 * spread), 0.0), 1.0)
    cols, rows, thirds = _composition_weights(w, h)
    # moments[i, j] = sum of mass · rows[:, i] · cols[:, j]: total, x- and y-moments and the side balances in two products.
    moments = rows.T @ (mass @ cols)
    total = float(moments[0, 0])
    if total <= 1e-6:
        return {"mass_x": 0.5, "mass_y": 0.5, "balance_lr": 0.0, "balance_tb": 0.0, "symmetry": symmetry, "thirds": 0.0}
    return {
        "mass_x": float(moments[0, 1]) / total,
        "mass_y": float(moments[1, 0]) / total,
        "balance_lr": float(moments[0, 2]) / total,
        "balance_tb": float(moments[2, 0]) / total,
        "symmetry": symmetry,
        "thirds": float(np.vdot(mass, thirds)) / total,
    }


@lru_cache(maxsize=8)
def _composition_weights(w: int, h: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per-column and per-row weights [1, position (0–1), side (−1, 0, 1)] and the rule-of-thirds mask of a w×h plane (float32)."""
    xs = (np.arange(w) + 0.5) / w
    ys = (np.arange(h) + 0.5) / h
    near_x = np.minimum(np.abs(xs - 1 / 3), np.abs(xs - 2 / 3)) * w
    near_y = np.minimum(np.abs(ys - 1 / 3), np.abs(ys - 2 / 3)) * h
    radius = w / 12.0
    thirds = ((near_x[None, :] ** 2 + near_y[:, None] ** 2) <= radius**2).astype(np.float32)
    cols = np.stack([np.ones(w), xs, np.sign(xs - 0.5)], axis=1).astype(np.float32)
    rows = np.stack([np.ones(h), ys, np.sign(ys - 0.5)], axis=1).astype(np.float32)
    return cols, rows, thirds


_PLANE_CACHE: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}


def _plane_basis(w: int, h: int) -> tuple[np.ndarray, np.ndarray]:
    """Design matrix [1, x, y, r²] over a w×h grid (x, y in −0.5–0.5, r² centred) and its pseudo-inverse."""
    key = (w, h)
    if key not in _PLANE_CACHE:
        gx, gy = np.meshgrid((np.arange(w) + 0.5) / w - 0.5, (np.arange(h) + 0.5) / h - 0.5)
        r2 = gx**2 + gy**2
        design = np.stack([np.ones_like(gx), gx, gy, r2 - r2.mean()], axis=-1).reshape(-1, 4)
        _PLANE_CACHE[key] = (design, np.linalg.pinv(design))
    return _PLANE_CACHE[key]


def color_gradient(rgb: np.ndarray) -> dict[str, float]:
    """How the colour changes smoothly across the frame, from a plane-plus-bowl fit of a 16×12 thumbnail.

    Each channel is fitted as ``a + b·x + c·y + d·r²``. Returns
    ``grad_h`` (colour change from the left edge to the right edge, 0–~441
    levels, Euclidean over R, G, B), ``grad_v`` (top to bottom),
    ``grad_r`` (centre to corner), and ``grad_fit`` (0–1: share of the
    thumbnail's colour variance the smooth fit explains; low for texture,
    0 for a flat frame).
    """
    thumb = cv2.resize(rgb, GRADIENT_SIZE, interpolation=cv2.INTER_AREA).reshape(-1, 3).astype(np.float64)
    design, pinv = _plane_basis(*GRADIENT_SIZE)
    coef = pinv @ thumb  # (4, 3)
    residual = thumb - design @ coef
    # x, y and the centred r² each average zero over the grid, so the fitted constant coef[0] is the mean colour.
    centred = thumb - coef[0]
    total = float(np.vdot(centred, centred))
    fit = 0.0 if total < 1e-6 else min(max(1.0 - float(np.vdot(residual, residual)) / total, 0.0), 1.0)
    _, along_x, along_y, along_r = coef.tolist()
    return {
        "grad_h": math.hypot(*along_x),
        "grad_v": math.hypot(*along_y),
        "grad_r": math.hypot(*along_r) * 0.5,  # r² runs 0 (centre) to 0.5 (corner)
        "grad_fit": fit,
    }


def tone_shares(y8: np.ndarray, hsv: np.ndarray) -> dict[str, float]:
    """How much of a frame is black, white, or one uniform level (each 0–1), robust to grain, noise and a small logo.

    ``black_share``: pixels with max(R, G, B) ≤ BLACK_V (HSV value);
    ``white_share``: pixels with value ≥ WHITE_V and saturation ≤ WHITE_S;
    ``flat_share``: luma within ±FLAT_TOLERANCE of the median luma (``y8``
    and ``hsv`` are the same half-size frame).
    """
    n = float(y8.size)
    black = cv2.countNonZero(cv2.inRange(hsv, (0, 0, 0), (255, 255, BLACK_V))) / n
    white = cv2.countNonZero(cv2.inRange(hsv, (0, 0, WHITE_V), (255, WHITE_S, 255))) / n
    counts = cv2.calcHist([y8], [0], None, [256], [0, 256]).ravel().cumsum()
    median = int(np.searchsorted(counts, n / 2.0))
    lo, hi = median - FLAT_TOLERANCE - 1, min(median + FLAT_TOLERANCE, 255)
    flat = (counts[hi] - (counts[lo] if lo >= 0 else 0.0)) / n
    return {"black_share": black, "white_share": white, "flat_share": float(flat)}


def chroma_grid(ycrcb: np.ndarray) -> list[float]:
    """Mean Cr then Cb (0–255) of each cell of a GRID × GRID grid, row by row (CHROMA_GRID_KEYS order)."""
    cells = cv2.resize(ycrcb, (GRID, GRID), interpolation=cv2.INTER_AREA)
    return cells[:, :, 1:].transpose(2, 0, 1).ravel().astype(float).tolist()


# yh minus its 3×3 box blur in one filter: the finest scale of the luma
FINE_KERNEL = np.full((3, 3), -1.0 / 9.0, np.float32)
FINE_KERNEL[1, 1] += 1.0


def texture_measures(y8: np.ndarray, magnitude: np.ndarray, yh: np.ndarray, variance: float) -> dict[str, float]:
    """Graphic texture of a frame, from its half-size luma (``y8`` uint8, ``yh`` the same as float32, ``variance`` its variance).

    ``edge_density`` (0–1: share of Canny edge pixels), ``busyness`` (0–1:
    share of 8×8 blocks holding at least two edge pixels), ``detail`` (0–1:
    share of the luma variance in the finest scale, i.e. not explained by a
    3×3 blur), ``focus`` (variance of the Laplacian; higher is sharper),
    ``gradient_mean`` (mean Sobel magnitude, levels per pixel).
    """
    bh, bw = y8.shape[0] // BUSY_BLOCK, y8.shape[1] // BUSY_BLOCK
    edges = cv2.Canny(y8, EDGE_LOW, EDGE_HIGH)
    busyness = 0.0
    if bh and bw:
        # Edge pixels are 255: a block's area mean is 255/64 per edge pixel, so halfway between
        # BUSY_EDGES − 1 and BUSY_EDGES edge pixels splits the blocks exactly, whatever the rounding.
        block_mean = cv2.resize(edges[: bh * BUSY_BLOCK, : bw * BUSY_BLOCK], (bw, bh), interpolation=cv2.INTER_AREA)
        busyness = cv2.countNonZero(cv2.compare(block_mean, (BUSY_EDGES - 0.5) * 255.0 / BUSY_BLOCK**2, cv2.CMP_GT)) / (bh * bw)
    fine_var = float(cv2.meanStdDev(cv2.filter2D(yh, -1, FINE_KERNEL))[1][0, 0] ** 2)
    laplacian_var = float(cv2.meanStdDev(cv2.Laplacian(yh, cv2.CV_32F))[1][0, 0] ** 2)
    return {
        "edge_density": float(cv2.countNonZero(edges) / y8.size),
        "busyness": float(busyness),
        "detail": min(fine_var / variance, 1.0) if variance > 1e-6 else 0.0,
        "focus": laplacian_var,
        "gradient_mean": cv2.mean(magnitude)[0],
    }


class FrameFeatures:
    """Stateful per-frame feature extractor (holds only the previous frame's small planes).

    ``__call__(rgb)`` returns every per-frame feature as a float: the
    frame's own (luma, colour, texture, composition, gradient, a 4×4 luma
    grid ``grid_<row>_<col>``) and those against the previous frame
    (``diff_mean``, ``hist_diff``, ``comp_diff``, ``chroma_diff`` (mean
    absolute Cr/Cb change of the half-size frame, 0–255), global motion; zero /
    invalid on the first frame and when the frame size changes).
    """

    def __init__(self) -> None:
        self._prev_y: np.ndarray | None = None
        self._prev_half: np.ndarray | None = None
        self._prev_hist: np.ndarray | None = None
        self._prev_ycrcb: np.ndarray | None = None
        self._points: np.ndarray | None = None

    def __call__(self, rgb: np.ndarray) -> dict[str, float]:
        y8_full = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
        h, w = y8_full.shape
        half_size = (max(w // 2, 16), max(h // 2, 16))
        y8 = cv2.resize(y8_full, half_size, interpolation=cv2.INTER_AREA)
        rgb_half = cv2.resize(rgb, half_size, interpolation=cv2.INTER_AREA)
        hsv = cv2.cvtColor(rgb_half, cv2.COLOR_RGB2HSV)
        # Kept whole (Y too): an absdiff of a strided Cr/Cb view would copy both planes every frame.
        ycrcb = cv2.cvtColor(rgb_half, cv2.COLOR_RGB2YCrCb)
        means = cv2.mean(rgb)
        y_mean, y_std = (float(v[0, 0]) for v in cv2.meanStdDev(y8_full))
        hist = color_histogram(rgb_half)
        yh = y8.astype(np.float32)
        # Sobel 3×3 gain is 4: scaled by 1/4, the magnitude is in levels per pixel
        magnitude = cv2.magnitude(*(cv2.Sobel(y8, cv2.CV_32F, dx, 1 - dx, ksize=3, scale=0.25) for dx in (1, 0)))
        grid = cv2.resize(yh, (GRID, GRID), interpolation=cv2.INTER_AREA)

        same_size = self._prev_half is not None and self._prev_half.shape == y8.shape
        if self._points is None or not same_size:
            self._points = track_points(*half_size)
        if same_size:
            mv = global_motion(self._prev_half, y8, self._points)
            comp = compensated_difference(self._prev_half, y8, mv)
            diff = float(cv2.mean(cv2.absdiff(y8_full, self._prev_y))[0])
            hist_diff = histogram_difference(hist, self._prev_hist)
            _, cr, cb, _ = cv2.mean(cv2.absdiff(ycrcb, self._prev_ycrcb))
            chroma_diff = (cr + cb) / 2.0
        else:
            mv = dict(NO_MOTION)
            comp = diff = hist_diff = chroma_diff = 0.0

        row = {
            "luma_mean": y_mean,
            "luma_std": y_std,
            "sat_mean": float(cv2.mean(hsv)[1] / 255.0),
            "r_mean": float(means[0]),
            "g_mean": float(means[1]),
            "b_mean": float(means[2]),
            "diff_mean": diff,
            "hist_diff": hist_diff,
            "comp_diff": comp,
            "chroma_diff": chroma_diff,
        }
        row.update(mv)
        median, variance = level_stats(y8)
        row.update(texture_measures(y8, magnitude, yh, variance))
        # Where the weight sits needs no fine detail: a quarter-size plane (every other half-size pixel) is enough.
        row.update(composition(yh[::2, ::2], magnitude[::2, ::2], median))
        row.update(color_gradient(rgb_half))
        row.update(zip(GRID_KEYS, grid.ravel().tolist()))
        row.update(tone_shares(y8, hsv))
        row.update(zip(CHROMA_GRID_KEYS, chroma_grid(ycrcb)))
        self._prev_y, self._prev_half, self._prev_hist, self._prev_ycrcb = y8_full, y8, hist, ycrcb
        return row
