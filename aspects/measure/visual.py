"""Per-frame visual features that dynamic aspects are built from.

:class:`FrameFeatures` is called once per decoded frame (already at the
analysis size, ≤ 256×144) and returns a flat dict of floats; it keeps only
the previous frame's small planes, so frame-to-frame measures (difference,
histogram change, global motion) need no second pass. Later stages never see
pixels: everything a window aspect needs is one of these scalars.

Each measure is a pure function below, vectorised and cheap: the whole set
costs 0.5–0.8 ms of CPU per frame on one core, about a third of it the global
motion (:class:`MotionTracker`). Shared planes (luma, half size, gradients, one luma histogram) are
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
EDGE_LOW, EDGE_HIGH = 50, 150  # Canny thresholds on 0–255 luma
BUSY_BLOCK, BUSY_EDGES = 8, 2  # an 8×8 block with at least 2 edge pixels counts as busy (a smooth ramp has none)
GRADIENT_SIZE = (16, 12)  # the colour plane fit runs on a 16×12 thumbnail
CHROMA_GRID_KEYS = [f"{p}grid_{r}_{c}" for p in ("cr", "cb") for r in range(GRID) for c in range(GRID)]  # the grid's colour (YCrCb Cr, Cb)
WIPE_GRID = (8, 6)  # columns × rows of a finer grid of luma, Cr and Cb (32×24-pixel cells at 256×144): when each cell switches tells a wipe's edge
WIPE_GRID_KEYS = [f"wgrid_{p}_{r}_{c}" for p in ("y", "cr", "cb") for r in range(WIPE_GRID[1]) for c in range(WIPE_GRID[0])]  # plane by plane, row by row
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


MOTION_LEVELS = 2  # the motion pyramid: pyrDown of the half-size luma (64×36 for a 256×144 frame) and once more (32×18)
COARSE_ITERATIONS, FINE_ITERATIONS = 1, 2  # Gauss–Newton steps on the coarse and fine levels (the last one reweighted); from a prediction, one fine step
FINE_MAX_ITERATIONS = 4  # ... and more on the fine level while a step still moves the fit by CONVERGED_PX
CONVERGED_PX = 0.15  # pixels of the fine level (shift, and scale / rotation at the frame's edge)
PREDICTION_TOLERANCE = 0.008  # frame widths (half a pixel of the fine level): a frame that moved this far from the guess makes the next one start at the coarse level
MOTION_MARGIN = 0.06  # share of the width / height left out on each side: pixels that enter or leave the frame
MIN_MOTION_EIGEN = 0.01  # levels²/px² on the fine level (of the 3×3-smoothed planes): weaker (bias-free) luma gradients in one direction leave the motion unknown
MIN_EXTENT = 0.1  # frame widths: RMS distance of the gradient energy from its centre below which the picture is one small object on a flat frame (camera motion unknown)
MIN_SUPPORT = 0.5  # share of the gradient energy on pixels that follow the fit, below which the fit is not trusted
NOISE_CORRELATION = 4.0  # residuals (grain, compression) are correlated over about a 4×4-pixel block of the fine level (a macroblock): √16 fewer independent samples
QUANTISATION_LEVELS = 0.3  # luma levels of rounding noise even a perfect fit leaves (8-bit planes, averaged down the pyramid)
MAX_STEP_SHIFT, MAX_STEP_ZOOM = 0.25, 0.1  # frame widths and |ln scale| per frame: a larger step is a failed fit, not a camera move
ROBUST_SCALE = 2.4  # Cauchy weight scale, in units of the residual's spread (1.25 × mean absolute deviation + QUANTISATION_LEVELS)
BLOCK = 4  # residual flow is read on 4×4-pixel blocks of the fine level (16×9 blocks for a 256×144 frame)
MIN_BLOCK_EIGEN = 4.0  # levels²/px²: a block with a weaker gradient in one direction has no flow of its own (a smooth area)
LAYER_GAP = 0.1  # frame widths per second: blocks moving this much apart from the camera's motion are another layer
BLOCK_NOISE = 0.004  # frame widths per frame (a quarter pixel of the fine level): block flows closer than this to the camera's are noise
LAYER_SIGNIFICANCE = 3.0  # a block moves on its own when its residual flow is this many times its noise
MAJORITY_TEXTURED = 0.5  # share of the frame's blocks that must be textured for their majority to stand for the camera
LAYER_REFITS = 8  # with another layer, the camera's motion is refitted to the blocks' majority up to this many times
LAYER_SPREAD = 0.5  # a layer's blocks move within this share of its speed (or the gap) of its median
MAX_MASKED_SHARE = 0.5  # blocks moving on their own over a smooth background are left out of a refit while they cover less than half the frame
MASKED_ITERATIONS = 2  # Gauss–Newton steps of that refit
LAYER_MIN_BLOCKS = 2  # a motion layer covers at least this many blocks (about 1.4 % of the frame)
MAX_LAYERS = 4
REGIONS = 3  # 3×3 regions for parallax
DEFAULT_FRAME_S = 1 / 25  # frame duration assumed when the caller gives no time
IDENTITY = (1.0 + 0.0j, 0.0j)


# A similarity (shift, scale, rotation) is a pair of complex numbers (z, t): a point x + iy about the frame
# centre, in frame widths, goes to z·(x + iy) + t; |z| is the scale, arg z the rotation, t the shift.
Similarity = tuple[complex, complex]


def motion_pyramid(y8: np.ndarray) -> list[np.ndarray]:
    """The half-size uint8 luma ``y8`` as float32 planes for :func:`align_similarity`: [fine (½ of ``y8``), coarse (¼)]."""
    levels = [cv2.pyrDown(y8).astype(np.float32)]
    for _ in range(MOTION_LEVELS - 1):
        levels.append(cv2.pyrDown(levels[-1]))
    return levels


@lru_cache(maxsize=8)
def _level_grid(w: int, h: int) -> tuple[tuple[slice, slice], np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The interior (margins left out) of a w×h level, its pixels' x, y about the frame centre (pixels, float32,
    raveled), the Tikhonov ridge that keeps an unconstrained direction at no motion, the rows [1, x, y, x² + y²]
    (4 × pixels, float32) whose products with a per-pixel weight are its sum and moments, and the interior
    pixels' own coordinates (pixels × 1 × 2, float32, for cv2.transform)."""
    mx, my = max(int(round(w * MOTION_MARGIN)), 1), max(int(round(h * MOTION_MARGIN)), 1)
    ys, xs = np.mgrid[my : h - my, mx : w - mx].astype(np.float32)
    n = xs.size
    ridge = np.diag([1e-3 * n, 1e-3 * n, 1e-3 * n * w * w / 16, 1e-3 * n * w * w / 16, 0.0]).astype(np.float32)
    coords = np.stack([xs.ravel(), ys.ravel()], axis=1)[:, None, :]
    xs, ys = (xs - (w - 1) / 2.0).ravel(), (ys - (h - 1) / 2.0).ravel()
    moments = np.stack([np.ones_like(xs), xs, ys, xs * xs + ys * ys])
    return (slice(my, h - my), slice(mx, w - mx)), xs, ys, ridge, moments, coords


# Farid & Simoncelli's matched 5-tap prefilter and derivative (correlation kernels): the fit's residual is taken from
# planes smoothed by the prefilter and its gradient by the derivative of that same prefilter, so the gradient stays
# true up to fine detail (a central difference reads a 4-pixel period's gradient 36 % low and inflates the shift).
PREFILTER = np.array([0.037659, 0.249153, 0.426375, 0.249153, 0.037659], np.float32)
DERIVATIVE = np.array([-0.109604, -0.276691, 0.0, 0.276691, 0.109604], np.float32)


def _nearest_warp(plane: np.ndarray, model: Similarity, coords: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``plane`` moved by ``model``, each pixel taken whole from the nearest source pixel (edges replicated), and
    for the pixels at ``coords`` (n × 1 × 2) how far that source pixel lies from where the sample belongs (pixels,
    n × 2, each under half a pixel).

    No interpolation: a linear one smooths fine detail and moves it less than asked (its phase lags), which a fit
    makes up by over-reading the shift (10–20 % on a fine texture); the rounding is left to the fit's linear model.
    """
    h, w = plane.shape
    source = cv2.transform(coords, _pixel_matrix(inverse(model), w, h)).reshape(-1, 2)
    return cv2.warpAffine(plane, _pixel_matrix(model, w, h), (w, h), flags=cv2.INTER_NEAREST, borderMode=cv2.BORDER_REPLICATE), np.rint(source) - source


def _filtered(plane: np.ndarray, along_x: np.ndarray, along_y: np.ndarray, interior: tuple[slice, slice]) -> np.ndarray:
    """The ``interior`` of ``plane`` filtered by the separable kernels ``along_x``, ``along_y`` (edges replicated)."""
    return cv2.sepFilter2D(plane, -1, along_x, along_y, borderType=cv2.BORDER_REPLICATE)[interior]


def _pixel_matrix(model: Similarity, w: int, h: int) -> np.ndarray:
    """``model`` as the 2×3 pixel matrix of a w×h plane (for warpAffine)."""
    z, t = model
    centre = complex((w - 1) / 2.0, (h - 1) / 2.0)
    shift = centre + t * w - z * centre
    return np.array([[z.real, -z.imag, shift.real], [z.imag, z.real, shift.imag]])


def compose(after: Similarity, before: Similarity) -> Similarity:
    """The similarity ``after ∘ before``."""
    return after[0] * before[0], after[0] * before[1] + after[1]


def inverse(model: Similarity) -> Similarity:
    """The inverse similarity."""
    z = 1.0 / model[0]
    return z, -z * model[1]


def half_way(model: Similarity) -> Similarity:
    """The similarity that applied twice gives ``model`` (half the shift, rotation and ln-scale)."""
    root = model[0] ** 0.5
    return root, model[1] / (root + 1.0)


def align_similarity(ref: list[np.ndarray], cur: list[np.ndarray], guess: Similarity = IDENTITY, *, coarse: bool = True, mask: np.ndarray | None = None) -> tuple[Similarity, dict[str, float]]:
    """Global similarity motion from ``ref`` to ``cur`` (pyramids from :func:`motion_pyramid`), fitted to every pixel.

    A direct (all-pixel) Gauss–Newton fit, coarse to fine, of shift, scale
    and rotation plus a luma offset (so a fade or flicker is not motion),
    reweighted on the last step with Cauchy weights so what moves on its own
    (an object) pulls the fit less. Every pixel with a gradient counts, so smooth
    gradients and soft shapes are tracked where corner points are not.

    Returns the :data:`Similarity` taking ``ref`` to ``cur`` (``guess`` is
    where the search starts; ``coarse=False`` skips the coarse level when the
    guess is known to be within a pixel of the fine level) and ``valid`` (1.0 when the picture constrains a
    shift in every direction, else 0.0), ``inliers`` (0–1: share of the
    pixels that follow the fit), ``residual`` (RMS luma left after the fit,
    0–255 levels), ``noise`` (1-σ uncertainty of the shift, frame widths).
    ``mask`` (a 0/1 float32 plane of the fine level) leaves the pixels at 0 out of the fit.
    """
    model = guess
    info = {"valid": 0.0, "inliers": 0.0, "residual": 0.0, "noise": 0.0}
    for level in range(len(cur) - 1 if coarse else 0, -1, -1):
        r, c = ref[level], cur[level]
        h, w = c.shape
        interior, xs, ys, ridge, moments, coords = _level_grid(w, h)
        fine = level == 0
        steps = FINE_MAX_ITERATIONS if fine else COARSE_ITERATIONS
        moved_px = math.inf
        for step in range(steps):
            # A predicted start (no coarse level) is already within a fraction of a pixel: one step can do.
            last = fine and (step == steps - 1 or (step >= FINE_ITERATIONS - 1 and moved_px < CONVERGED_PX) or (step == 0 and not coarse))
            # Both frames are moved half way (to the middle of the step), each pixel taken whole; what the whole-pixel
            # sampling left over (under half a pixel) is moved by the linear model: e − ∇I·(offset_cur − offset_ref).
            half = half_way(model)
            warped, ref_offset = _nearest_warp(r, half, coords)
            c, cur_offset = _nearest_warp(cur[level], inverse(half), coords)
            mean = cv2.addWeighted(warped, 0.5, c, 0.5, 0.0)
            gx = _filtered(mean, DERIVATIVE, PREFILTER, interior).ravel()
            gy = _filtered(mean, PREFILTER, DERIVATIVE, interior).ravel()
            offset = cur_offset - ref_offset
            e = _filtered(cv2.subtract(c, warped), PREFILTER, PREFILTER, interior).ravel() - offset[:, 0] * gx - offset[:, 1] * gy
            # e ≈ −∇I·u + offset: the rows are the derivatives of e in (dx, dy, ds, dr, offset)
            jac = np.empty((5, e.size), np.float32)
            np.negative(gx, out=jac[0])
            np.negative(gy, out=jac[1])
            jac[2] = -(gx * xs + gy * ys)
            jac[3] = gx * ys - gy * xs
            jac[4] = 1.0
            kept = None if mask is None or not fine else mask[interior].ravel()
            n = e.size if kept is None else max(float(kept.sum()), 1.0)
            if last:
                # Cauchy weights from this fit's own residual (about its mean, the offset): what moves on its
                # own weighs less (an object's motion is then refitted from the blocks, see frame_motion).
                dev = cv2.absdiff(e, cv2.mean(e)[0]).ravel()
                spread = 1.25 * cv2.mean(dev)[0] + QUANTISATION_LEVELS
                weight = 1.0 / (1.0 + (dev * (1.0 / (ROBUST_SCALE * spread))) ** 2)
                if kept is not None:
                    weight *= kept
                    gx, gy = gx * kept, gy * kept  # the gradient energy of the pixels left out is no one's
                weighted = jac * weight
                hess, grad = weighted @ jac.T + ridge, (weighted @ e)[:, None]
            elif kept is not None:
                weighted = jac * kept
                hess, grad = weighted @ jac.T + ridge, (weighted @ e)[:, None]
            else:
                hess, grad = jac @ jac.T + ridge, (jac @ e)[:, None]
            _, theta = cv2.solve(hess, grad, flags=cv2.DECOMP_CHOLESKY)
            if last:
                total = float(hess[4, 4])  # the offset row is all ones: its weighted sum is the weights' sum
                res = e - (theta.T @ jac).ravel()
                # Shift observability: the weakest direction of the shift's covariance (scale, rotation and
                # offset free), as the gradient energy per pixel it amounts to.
                cov = cv2.invert(hess.astype(np.float64), flags=cv2.DECOMP_CHOLESKY)[1][:2, :2]
                widest = float((cov[0, 0] + cov[1, 1]) / 2 + math.sqrt(((cov[0, 0] - cov[1, 1]) / 2) ** 2 + cov[0, 1] ** 2))
                eigen = 1.0 / max(widest * max(total, 1.0), 1e-12)
                # The share of the gradient energy on pixels that follow the fit: content entering a flat
                # reference (nothing to match) has gradients but no support.
                energy, mx, my, mr = (float(v) for v in moments @ (gx * gx + gy * gy))
                energy = max(energy, 1e-9)
                support = float(hess[0, 0] + hess[1, 1] - ridge[0, 0] - ridge[1, 1]) / energy
                residual = math.sqrt(float(np.vdot(res * weight, res)) / max(total, 1.0))
                # Where the gradient energy lies: all of it on one small patch (a lone object on a flat frame,
                # whose flat pixels fit any motion) tells that object's motion, not the camera's.
                cx, cy = mx / energy, my / energy
                extent = math.sqrt(max(mr / energy - cx * cx - cy * cy, 0.0)) / w
                info = {
                    "valid": 1.0 if eigen >= MIN_MOTION_EIGEN and support >= MIN_SUPPORT and extent >= MIN_EXTENT else 0.0,
                    "inliers": float(np.count_nonzero(weight > 0.5)) / n,  # of the pixels kept
                    "residual": residual,
                    # 1-σ uncertainty of the shift from the residual and the weakest gradient direction, frame widths
                    "noise": NOISE_CORRELATION * (residual + QUANTISATION_LEVELS) / math.sqrt(max(eigen * total, 1e-9)) / w,
                }
            # The content moves by u = (dx + ds·x − dr·y, dy + dr·x + ds·y) more: compose that small step after the model.
            dx, dy, ds, dr = (float(v) for v in theta[:4, 0])
            model = compose((complex(1.0 + ds, dr), complex(dx, dy) / w), model)
            moved_px = math.hypot(dx, dy) + math.hypot(ds, dr) * w / 2
            if last:
                break
    return model, info


def similarity_params(model: Similarity) -> dict[str, float]:
    """``mv_dx``, ``mv_dy`` (frame widths), ``mv_scale``, ``mv_rot`` (radians) of a :data:`Similarity`."""
    z, t = model
    return {"mv_dx": t.real, "mv_dy": t.imag, "mv_scale": abs(z), "mv_rot": math.atan2(z.imag, z.real)}


NO_MOTION = {
    "mv_dx": 0.0,
    "mv_dy": 0.0,
    "mv_scale": 1.0,
    "mv_rot": 0.0,
    "mv_residual": 0.0,
    "mv_inliers": 0.0,
    "mv_valid": 0.0,
    "mv_noise": 0.0,
    "parallax": 0.0,
    "layers": 1.0,
    "flow_h": 0.0,
    "flow_v": 0.0,
}


def residual_flow(prev: np.ndarray, cur: np.ndarray, model: Similarity) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """What moves apart from the global ``model`` between two fine pyramid levels (float32 planes), on 4×4-pixel blocks.

    One Lucas–Kanade step per block after moving both frames half way along
    ``model``. Only blocks textured enough to have a flow of their own count.
    Returns,
    for those blocks, their residual flow (complex x + iy, frame widths per
    frame, positive right / down), its 1-σ noise (frame widths per frame,
    from the frame's residual spread and the block's weakest gradient
    direction), their 3×3 region number, their centres (complex, frame
    widths about the frame centre), whether they are inside the border ring
    and their block numbers (row by row).
    """
    h, w = cur.shape
    # Both frames are moved half way (to the middle of the step), so both are smoothed alike by the interpolation.
    half = half_way(model)
    forward = cv2.warpAffine(prev, _pixel_matrix(half, w, h), (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    back = cv2.warpAffine(cur, _pixel_matrix(inverse(half), w, h), (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    mean = cv2.addWeighted(forward, 0.5, back, 0.5, 0.0)
    gx = cv2.Sobel(mean, cv2.CV_32F, 1, 0, ksize=3, scale=0.125)
    gy = cv2.Sobel(mean, cv2.CV_32F, 0, 1, ksize=3, scale=0.125)
    dt = cv2.subtract(back, forward)
    dt -= cv2.mean(dt)[0]  # a luma offset (fade, flicker) is not motion
    spread = 1.25 * cv2.mean(cv2.absdiff(dt, 0.0))[0] + QUANTISATION_LEVELS
    bw, bh = w // BLOCK, h // BLOCK
    stack = cv2.merge([gx * gx, gx * gy, gy * gy, gx * dt, gy * dt])[: bh * BLOCK, : bw * BLOCK]
    centres, region, inner = _block_grid(bw, bh, w)
    a, b, c, p, q = cv2.resize(stack, (bw, bh), interpolation=cv2.INTER_AREA).reshape(-1, 5).T
    det = a * c - b * b
    half_trace = (a + c) / 2.0
    min_eigen = half_trace - np.sqrt(np.maximum(half_trace * half_trace - det, 0.0))
    textured = min_eigen >= MIN_BLOCK_EIGEN
    a, b, c, p, q, det = (v[textured] for v in (a, b, c, p, q, det))
    flow = ((b * q - c * p) + 1j * (b * p - a * q)) / (det * w)
    noise = spread / np.sqrt(min_eigen[textured] * BLOCK * BLOCK) / w
    return flow, noise, region[textured], centres[textured], inner[textured], np.flatnonzero(textured)


@lru_cache(maxsize=8)
def _block_grid(bw: int, bh: int, w: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For the bh × bw blocks of a w-pixel-wide level (raveled): centres about the frame centre (complex, frame
    widths), 3×3 region numbers, and whether a block is inside the border ring (content entering the frame has no past)."""
    xs = ((np.arange(bw) + 0.5) - bw / 2.0) * BLOCK / w
    ys = ((np.arange(bh) + 0.5) - bh / 2.0) * BLOCK / w
    region = (np.arange(bh)[:, None] * REGIONS // bh) * REGIONS + np.arange(bw)[None, :] * REGIONS // bw
    inner = np.zeros((bh, bw), bool)
    inner[1:-1, 1:-1] = True
    return (xs[None, :] + 1j * ys[:, None]).ravel(), region.ravel(), inner.ravel()


def _block_count(shape: tuple[int, int]) -> int:
    return (shape[0] // BLOCK) * (shape[1] // BLOCK)


def _median(values: np.ndarray) -> complex:
    """Median of the real and imaginary parts of a complex array (a sort is much cheaper than ``np.median`` on so few values)."""
    ordered = np.sort(values.view(values.real.dtype).reshape(-1, 2), axis=0)
    n = len(ordered)
    mid = (ordered[(n - 1) // 2] + ordered[n // 2]) / 2.0
    return complex(mid[0], mid[1])


def _similarity_from_flows(centres: np.ndarray, flows: np.ndarray) -> Similarity:
    """The small similarity (1 + b, a) whose flow a + b·x best explains block ``flows`` at ``centres`` (complex, frame widths).

    Least squares, then again without the blocks fitting worst (twice the median misfit): blocks half on a
    moving object lean its way."""
    keep = np.ones(len(flows), bool)
    for _ in range(2):
        c, f = centres[keep], flows[keep]
        dc = c - c.mean()
        b = complex(np.vdot(dc, f - f.mean()) / max(float(np.vdot(dc, dc).real), 1e-12))
        a = complex(f.mean()) - b * complex(c.mean())
        misfit = np.abs(flows - a - b * centres)
        keep = misfit <= 2.0 * float(np.median(misfit))
        if np.count_nonzero(keep) < 3:
            break
    return 1.0 + b, a


def motion_layers(flow: np.ndarray, gap: float, noise: np.ndarray | float = 0.0) -> int:
    """Number of distinct motions: 1 (the camera's) plus each group of at least LAYER_MIN_BLOCKS blocks whose
    residual ``flow`` (complex, frame widths per frame) is at least ``gap`` and LAYER_SIGNIFICANCE × its ``noise``
    from zero and near the group's median (within ``gap`` or LAYER_SPREAD of its speed), up to MAX_LAYERS."""
    speed = np.abs(flow)
    moving = flow[(speed >= gap) & (speed >= LAYER_SIGNIFICANCE * noise)]
    layers = 1
    while layers < MAX_LAYERS and len(moving) >= LAYER_MIN_BLOCKS:
        centre = _median(moving)
        near = np.abs(moving - centre) < max(gap, LAYER_SPREAD * abs(centre))
        if np.count_nonzero(near) < LAYER_MIN_BLOCKS:
            break
        layers += 1
        moving = moving[~near]
    return layers


def region_parallax(flow: np.ndarray, region: np.ndarray, noise: np.ndarray | None = None) -> float:
    """RMS over the 3×3 regions of each region's mean residual block flow (``flow`` complex, frame widths per frame;
    ``region`` each block's region number), less what the blocks' ``noise`` (1-σ, frame widths per frame) explains;
    0 for one rigid motion."""
    counts = np.bincount(region, minlength=REGIONS * REGIONS)
    sums = np.bincount(region, flow.real, REGIONS * REGIONS) + 1j * np.bincount(region, flow.imag, REGIONS * REGIONS)
    seen = counts > 0
    if not seen.any():
        return 0.0
    mean_sq = np.abs(sums[seen] / counts[seen]) ** 2
    if noise is not None:
        # the mean of n blocks carries (Σ σ²)/n² of noise variance, in each of x and y
        mean_sq = mean_sq - 2.0 * np.bincount(region, noise * noise, REGIONS * REGIONS)[seen] / counts[seen] ** 2
    return math.sqrt(max(float(np.mean(mean_sq)), 0.0))


def _refit_without(prev: np.ndarray, cur: np.ndarray, step: Similarity, blocks: np.ndarray) -> Similarity | None:
    """The all-pixel fit of ``step`` (prev → cur, fine levels) again without the 4×4 ``blocks`` (block numbers) and the
    blocks around them; None when they are MAX_MASKED_SHARE of the frame or more or the rest does not constrain the motion."""
    h, w = cur.shape
    bh, bw = h // BLOCK, w // BLOCK
    left_out = np.zeros(bh * bw, np.uint8)
    left_out[blocks] = 1
    left_out = cv2.dilate(left_out.reshape(bh, bw), np.ones((3, 3), np.uint8))
    if not blocks.size or np.count_nonzero(left_out) >= MAX_MASKED_SHARE * bh * bw:
        return None
    mask = np.ones((h, w), np.float32)
    mask[: bh * BLOCK, : bw * BLOCK] = 1.0 - cv2.resize(left_out, (bw * BLOCK, bh * BLOCK), interpolation=cv2.INTER_NEAREST)
    model = step
    for _ in range(MASKED_ITERATIONS):
        model, info = align_similarity([prev], [cur], model, coarse=False, mask=mask)
        if not info["valid"]:
            return None
    return model


def frame_motion(step: Similarity, info: dict[str, float], prev: np.ndarray, cur: np.ndarray, dt_s: float) -> dict[str, float]:
    """The per-frame motion row from the global similarity ``step`` (prev → cur, as :func:`align_similarity` returns it)
    and the fine pyramid levels of both frames, ``dt_s`` seconds apart.

    - ``mv_dx``, ``mv_dy``: translation of the picture at the frame centre,
      frame widths per frame (positive: content moves right / down); when
      something moves on its own (``layers`` > 1) the motion is refitted to
      the blocks moving with the majority (the object pulled the all-pixel fit);
    - ``mv_scale``: scale factor per frame (> 1: content grows, a zoom in);
    - ``mv_rot``: rotation, radians per frame;
    - ``mv_residual``: RMS luma left after the fit (0–255 levels);
    - ``mv_inliers``: share of pixels that follow the fit, 0–1;
    - ``mv_valid``: 1.0 when the picture constrains the motion (and the step is
      within MAX_STEP_SHIFT / MAX_STEP_ZOOM), else 0.0;
    - ``mv_noise``: 1-σ uncertainty of the shift fits behind the step, frame widths;
    - ``parallax``: RMS over the 3×3 regions of their mean block flow
      left after the fit, frame widths per frame (0 for a flat pan or zoom);
    - ``layers``: 1 + the groups of blocks moving together apart from the
      fit by LAYER_GAP frame widths per second (and BLOCK_NOISE per frame) or more (see :func:`motion_layers`);
    - ``flow_h``, ``flow_v``: mean absolute horizontal / vertical flow of the
      textured blocks, frame widths per frame (motion of anything, not only the camera).
    """
    out = dict(NO_MOTION)
    out["mv_residual"], out["mv_inliers"] = info["residual"], info["inliers"]
    params = similarity_params(step)
    if not info["valid"] or max(abs(params["mv_dx"]), abs(params["mv_dy"])) > MAX_STEP_SHIFT or abs(math.log(params["mv_scale"])) > MAX_STEP_ZOOM:
        return out
    out.update(params, mv_valid=1.0, mv_noise=info["noise"])
    gap = max(LAYER_GAP * dt_s, BLOCK_NOISE)
    masked = False
    for _ in range(LAYER_REFITS + 1):
        flow, noise, region, centres, inner, blocks = residual_flow(prev, cur, step)
        if not flow.size:
            out["flow_h"], out["flow_v"] = abs(out["mv_dx"]), abs(out["mv_dy"])
            return out
        # What the fit misses and most blocks share is the camera's, not a layer of its own, when the textured
        # blocks are most of the frame; else (a smooth background) the all-pixel fit speaks for the camera.
        textured_share = flow.size / _block_count(prev.shape)
        shared = _median(flow) if textured_share >= MAJORITY_TEXTURED else 0j
        flow = flow - shared
        layers = motion_layers(flow[inner], gap, noise[inner])
        if layers == 1 or masked:
            break
        if textured_share < MAJORITY_TEXTURED:
            # A smooth background with textured things moving on it: their gradients outweigh the background's and
            # pull the all-pixel fit. The camera is what the smooth rest of the frame does: refit once without the
            # textured blocks (and those around them).
            refit = _refit_without(prev, cur, step, blocks)
            if refit is None:
                break
            step, masked = refit, True
            out.update(similarity_params(step))
            continue
        # Something moves on its own and pulled the all-pixel fit: the blocks moving with the majority are the
        # camera: the similarity their residual flows describe is what the fit missed.
        camera = np.abs(flow) < np.maximum(gap, LAYER_SIGNIFICANCE * noise)
        if np.count_nonzero(camera) < 3:
            break
        step = compose(_similarity_from_flows(centres[camera], flow[camera] + shared), step)
        # ... and all the pixels but those of the blocks moving apart tell it more precisely than the blocks' flows.
        refit = _refit_without(prev, cur, step, blocks[~camera])
        if refit is not None:
            step, masked = refit, True
        out.update(similarity_params(step))
    whole = flow + shared + (step[0] - 1.0) * centres + step[1]
    out["flow_h"], out["flow_v"] = float(np.abs(whole.real).mean()), float(np.abs(whole.imag).mean())
    out["parallax"] = region_parallax(flow[inner], region[inner], noise[inner])
    out["layers"] = float(layers)
    return out


def global_motion(prev: np.ndarray, cur: np.ndarray, dt_s: float = DEFAULT_FRAME_S) -> dict[str, float]:
    """The per-frame motion row (see :func:`frame_motion`) from ``prev`` to ``cur``, two half-size uint8 luma planes ``dt_s`` seconds apart."""
    a, b = motion_pyramid(prev), motion_pyramid(cur)
    step, info = align_similarity(a, b)
    return frame_motion(step, info, a[0], b[0], dt_s)


REF_MAX_SHIFT = 0.1  # frame widths: the reference frame is replaced once the picture has moved this far from it
REF_MAX_ZOOM = 0.1  # |ln scale| from the reference frame at which it is replaced
REF_MAX_AGE_S = 2.0  # seconds: the reference frame is replaced at least this often (the scene changes)
REF_REFRESH_INLIERS = 0.85  # share of pixels following the fit below which the reference is replaced (something moves on its own: keep its displacement small)
PICTURE_CHANGE_RATIO, PICTURE_CHANGE_LEVELS = 3.0, 8.0  # a fit leaving more than 3× the last fit's residual + 8 luma levels (RMS) met a picture change, not a motion
REF_MIN_INLIERS = 0.5  # share of pixels following the fit below which the reference no longer matches (a cut, a big change)


def _as_predicted(model: Similarity, guess: Similarity, info: dict[str, float]) -> bool:
    """Whether a fit holds and lies within PREDICTION_TOLERANCE of its guess (shift and scale)."""
    near = abs(model[1] - guess[1]) <= PREDICTION_TOLERANCE and abs(model[0] / guess[0] - 1.0) <= PREDICTION_TOLERANCE
    return near and bool(info["valid"]) and info["inliers"] >= REF_MIN_INLIERS


FIT_MEMO = 3  # fits remembered by MotionTracker._align (a frame makes at most three)


def _same_planes(a: list[np.ndarray], b: list[np.ndarray]) -> bool:
    """Whether two pyramids (:func:`motion_pyramid`) hold the same planes."""
    return a is b or (len(a) == len(b) and all(x.shape == y.shape and np.array_equal(x, y) for x, y in zip(a, b)))


class MotionTracker:
    """Per-frame global motion measured against a reference frame held for up to REF_MAX_AGE_S (a long baseline).

    A slow move shifts the picture by a tenth of a pixel per frame: against
    a reference several frames back it is several pixels, measured with the
    same absolute error, and the per-frame motions (differences of two
    reference fits) add up over a window to the reference fits' difference,
    so noise does not pile up. ``__call__(y8, t)`` takes the half-size uint8
    luma and the frame time (seconds; None: DEFAULT_FRAME_S steps) and returns
    the :func:`frame_motion` row of the motion since the previous frame.
    """

    def __init__(self) -> None:
        self._prev: list[np.ndarray] | None = None
        self._prev_t: float | None = None
        self._ref: list[np.ndarray] | None = None
        self._ref_t: float = 0.0
        self._ref_model: Similarity = IDENTITY  # reference → previous frame
        self._step: Similarity = IDENTITY  # previous frame's own motion (the guess for this one)
        self._predictable = False  # the last frame moved as predicted: start this one at the fine level
        self._residual: float | None = None  # the last fit's residual (None right after a new reference)
        self._fits: list[tuple[list[np.ndarray], list[np.ndarray], tuple[str, bool], tuple[Similarity, dict[str, float]]]] = []  # the last fits (:meth:`_align`)
        self._repeated: bool | None = None  # whether the frame being measured repeats the last one (None: unknown)

    def __call__(self, y8: np.ndarray, t: float | None = None, *, repeated: bool | None = None) -> dict[str, float]:
        """The motion row of frame ``y8`` at ``t`` s. ``repeated``: whether the frame holds the same pixels as the last
        one (the caller compared them already: :attr:`FrameFeatures.repeated`); None when unknown (compared here)."""
        self._repeated = repeated
        pyr = motion_pyramid(y8)
        prev, prev_t = self._prev, self._prev_t
        now = t if t is not None else (prev_t + DEFAULT_FRAME_S if prev_t is not None else 0.0)
        self._prev, self._prev_t = pyr, now
        if prev is None or self._ref is None or prev[0].shape != pyr[0].shape:
            self._reset(pyr, now)
            return dict(NO_MOTION)
        dt = now - prev_t if prev_t is not None and now > prev_t else DEFAULT_FRAME_S
        guess = compose(self._step, self._ref_model)
        model, info = self._align(self._ref, pyr, guess, coarse=not self._predictable)
        if self._predictable and not _as_predicted(model, guess, info):
            model, info = self._align(self._ref, pyr, guess)  # the move changed: search from the coarse level
        self._predictable = _as_predicted(model, guess, info)
        if self._ref is not prev and (not info["valid"] or info["inliers"] < REF_MIN_INLIERS):
            # The reference no longer matches: measure from the previous frame, which becomes the reference.
            model, info = self._align(prev, pyr, self._step)
            self._ref, self._ref_t, self._ref_model = prev, prev_t if prev_t is not None else now, IDENTITY
        last_residual, self._residual = self._residual, info["residual"]
        if last_residual is not None and info["residual"] > PICTURE_CHANGE_RATIO * last_residual + PICTURE_CHANGE_LEVELS:
            # The picture changed far more than any motion explains (a cut, a flash): no camera motion across it,
            # and no reference from before it.
            row = dict(NO_MOTION, mv_residual=info["residual"], mv_inliers=info["inliers"])
            self._reset(pyr, now)
            return row
        step = compose(model, inverse(self._ref_model))
        row = frame_motion(step, info, prev[0], pyr[0], dt)
        if not row["mv_valid"] or info["inliers"] < REF_MIN_INLIERS:
            self._reset(pyr, now)
            return row
        step = (row["mv_scale"] * complex(math.cos(row["mv_rot"]), math.sin(row["mv_rot"])), complex(row["mv_dx"], row["mv_dy"]))  # with the layer correction, if any
        self._step, self._ref_model = step, compose(step, self._ref_model)
        model = self._ref_model
        p = similarity_params(model)
        # Something moving on its own drifts away from its place in the reference and pulls later fits: start afresh.
        stale = row["layers"] > 1 or info["inliers"] < REF_REFRESH_INLIERS or now - self._ref_t >= REF_MAX_AGE_S
        if stale or max(abs(p["mv_dx"]), abs(p["mv_dy"])) > REF_MAX_SHIFT or abs(math.log(p["mv_scale"])) > REF_MAX_ZOOM:
            self._ref, self._ref_t, self._ref_model = pyr, now, IDENTITY
        return row

    def _align(self, ref: list[np.ndarray], cur: list[np.ndarray], guess: Similarity, *, coarse: bool = True) -> tuple[Similarity, dict[str, float]]:
        """:func:`align_similarity`, or the result of one of the last FIT_MEMO fits with the same inputs (equal planes,
        the same guess to the bit): a still's frames are all equal, so its every frame repeats the fit before. A frame the
        caller knows is new (``repeated`` False) can only meet its own fits (the same planes object): no planes compared."""
        key = (repr(guess), coarse)
        for fit_ref, fit_cur, fit_key, (model, info) in self._fits:
            same_cur = fit_cur is cur or (self._repeated is not False and _same_planes(fit_cur, cur))
            if fit_key == key and same_cur and _same_planes(fit_ref, ref):
                return model, dict(info)
        model, info = align_similarity(ref, cur, guess, coarse=coarse)
        self._fits = [(ref, cur, key, (model, dict(info)))] + self._fits[: FIT_MEMO - 1]
        return model, info

    def _reset(self, pyr: list[np.ndarray], t: float) -> None:
        self._ref, self._ref_t, self._ref_model, self._step, self._predictable = pyr, t, IDENTITY, IDENTITY, False
        self._residual = None


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
    """Stateful per-frame feature extractor (holds only the previous frame's small planes and a motion reference frame).

    ``__call__(rgb, t)`` (``t`` the frame time in seconds, optional) returns every per-frame feature as a float: the
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
        self._motion = MotionTracker()
        self._own: tuple[np.ndarray, tuple, dict[str, float], dict[str, float]] | None = None  # the last frame's own measures
        self.repeated = False  # whether the last frame called held the same pixels as the one before (a still)

    def __call__(self, rgb: np.ndarray, t: float | None = None) -> dict[str, float]:
        y8_full, y8, ycrcb, hist, head, tail = self._own_measures(rgb)
        same_size = self._prev_half is not None and self._prev_half.shape == y8.shape
        mv = self._motion(y8, t, repeated=self.repeated)
        if same_size:
            comp = compensated_difference(self._prev_half, y8, mv)
            diff = float(cv2.mean(cv2.absdiff(y8_full, self._prev_y))[0])
            hist_diff = histogram_difference(hist, self._prev_hist)
            _, cr, cb, _ = cv2.mean(cv2.absdiff(ycrcb, self._prev_ycrcb))
            chroma_diff = (cr + cb) / 2.0
        else:
            comp = diff = hist_diff = chroma_diff = 0.0

        row = dict(head)
        row.update({"diff_mean": diff, "hist_diff": hist_diff, "comp_diff": comp, "chroma_diff": chroma_diff})
        row.update(mv)
        row.update(tail)
        self._prev_y, self._prev_half, self._prev_hist, self._prev_ycrcb = y8_full, y8, hist, ycrcb
        return row

    def _own_measures(self, rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, dict[str, float], dict[str, float]]:
        """The frame's own planes (full and half-size luma, half-size YCrCb, colour histogram) and measures (those the row
        has before and after its differences and motion). A frame equal to the last one (a still: every frame of a
        picture held under a sound) gets the last one's, which are the same values: they are read from the frame alone.
        :attr:`repeated` tells the caller, which may reuse its own per-frame values the same way (the pipeline's colour)."""
        self.repeated = self._own is not None and self._own[0].shape == rgb.shape and np.array_equal(self._own[0], rgb)
        if self._own is not None and self.repeated:
            return self._own[1] + (self._own[2], self._own[3])
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
        head = {
            "luma_mean": y_mean,
            "luma_std": y_std,
            "sat_mean": float(cv2.mean(hsv)[1] / 255.0),
            "r_mean": float(means[0]),
            "g_mean": float(means[1]),
            "b_mean": float(means[2]),
        }
        median, variance = level_stats(y8)
        tail = texture_measures(y8, magnitude, yh, variance)
        # Where the weight sits needs no fine detail: a quarter-size plane (every other half-size pixel) is enough.
        tail.update(composition(yh[::2, ::2], magnitude[::2, ::2], median))
        tail.update(color_gradient(rgb_half))
        tail.update(zip(GRID_KEYS, grid.ravel().tolist()))
        tail.update(tone_shares(y8, hsv))
        tail.update(zip(CHROMA_GRID_KEYS, chroma_grid(ycrcb)))
        tail.update(zip(WIPE_GRID_KEYS, cv2.resize(ycrcb, WIPE_GRID, interpolation=cv2.INTER_AREA).transpose(2, 0, 1).ravel().astype(float).tolist()))
        self._own = (rgb.copy(), (y8_full, y8, ycrcb, hist), head, tail)
        return y8_full, y8, ycrcb, hist, head, tail
