"""Dominant colour of a frame: the colour of its largest colour region."""

from __future__ import annotations

import cv2
import numpy as np
from scipy.ndimage import uniform_filter

BITS = 3  # 8 levels per channel: bins 32 values wide, coarse enough that compression noise stays inside
LEVELS = 1 << BITS
SAMPLE_SIZE = (64, 36)  # pixels the frame is sampled at for the histogram
PEAK_BIN_SHARE = 0.5  # the peak bin alone gives the colour when it holds at least this share (0–1) of the region's pixels


def sample_size(width: int, height: int) -> tuple[int, int]:
    """(w, h) the frame is shrunk to before its histogram: :data:`SAMPLE_SIZE`, turned for a portrait frame."""
    return SAMPLE_SIZE if width >= height else (SAMPLE_SIZE[1], SAMPLE_SIZE[0])


def dominant_color(rgb: np.ndarray, alpha: np.ndarray | None = None) -> dict:
    """Colour of the largest *visible* colour region of ``rgb``.

    Parameters
    ----------
    rgb : np.ndarray [shape=(H, W, 3), uint8]
    alpha : np.ndarray [shape=(H, W), uint8] or None

    Returns
    -------
    dict with ``r``, ``g``, ``b`` (0–255 ints: the mean colour of the pixels in
    the most populated region of colour space), ``opacity`` (0–1: the mean
    alpha of those pixels, 1.0 without alpha) and ``share`` (0–1: the fraction
    of the frame they cover).

    The region is found on a 8×8×8 histogram of the frame: the bin whose
    3×3×3 neighbourhood holds the most pixels wins, so a colour sitting on a
    bin edge is not split in two. A frame 60 % red and 40 % blue is red.
    With alpha, each pixel counts by its opacity (what you can see): a fully
    transparent half of the frame does not count, a frame 30 % opaque red and
    70 % half-transparent blue is blue (0.35 > 0.30). A frame with no
    visible pixel at all counts every pixel alike (its opacity is then 0).
    The frame is shrunk to :func:`sample_size` first, which keeps its
    orientation, so the same pixels turned by 90° give the same colour.
    """
    size = sample_size(rgb.shape[1], rgb.shape[0])
    shrink = rgb.shape[1] > size[0] or rgb.shape[0] > size[1]
    small: np.ndarray = cv2.resize(rgb, size, interpolation=cv2.INTER_AREA) if shrink else rgb
    pixels = small.reshape(-1, 3)
    bins = pixels >> (8 - BITS)
    index = (bins[:, 0].astype(np.intp) << (2 * BITS)) | (bins[:, 1].astype(np.intp) << BITS) | bins[:, 2]
    weight = None
    if alpha is not None:
        a_small = (cv2.resize(alpha, size, interpolation=cv2.INTER_AREA) if shrink else alpha).reshape(-1).astype(np.float64) / 255.0
        if a_small.sum() > 0:
            weight = a_small
    hist = np.bincount(index, weights=weight, minlength=LEVELS**3).reshape((LEVELS,) * 3)
    box = uniform_filter(hist, size=3, mode="constant")
    # Prefer the bin itself on ties so the region is centred on real pixels.
    peak = np.unravel_index(np.argmax(box + hist * 1e-3), box.shape)
    # The region's pixels are those whose bin is within one of the peak on every channel.
    member = np.all(np.abs(bins.astype(np.intp) - np.array(peak)) <= 1, axis=1)
    in_region = float(member.sum() if weight is None else weight[member].sum())
    # The region's colour: pixels of the peak bin when they hold most of it, else the whole neighbourhood.
    chosen = member
    if hist[peak] >= PEAK_BIN_SHARE * in_region:
        chosen = index == np.ravel_multi_index(peak, box.shape)
    w = np.ones(len(pixels)) if weight is None else weight
    mean = (pixels[chosen] * w[chosen, None]).sum(axis=0) / max(w[chosen].sum(), 1e-12)
    opacity = 1.0
    if alpha is not None:
        a_region = a_small[chosen]
        opacity = float(a_region.mean()) if a_region.size else 0.0
    total = float(len(pixels) if weight is None else weight.sum())
    return {
        "r": int(round(float(mean[0]))),
        "g": int(round(float(mean[1]))),
        "b": int(round(float(mean[2]))),
        "opacity": round(opacity, 4),
        "share": round(in_region / total, 4) if total else 0.0,
    }
