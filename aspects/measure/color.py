"""Dominant colour of a frame: the colour of its largest colour region."""

from __future__ import annotations

import cv2
import numpy as np
from scipy.ndimage import uniform_filter

BITS = 3  # 8 levels per channel: bins 32 values wide, coarse enough that compression noise stays inside
LEVELS = 1 << BITS
SAMPLE_SIZE = (64, 36)  # pixels the frame is sampled at for the histogram
PEAK_BIN_SHARE = 0.5  # the peak bin alone gives the colour when it holds at least this share (0–1) of the region's pixels


def dominant_color(rgb: np.ndarray, alpha: np.ndarray | None = None) -> dict:
    """Colour of the largest colour region of ``rgb``.

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
    """
    small = cv2.resize(rgb, SAMPLE_SIZE, interpolation=cv2.INTER_AREA) if rgb.shape[1] > SAMPLE_SIZE[0] else rgb
    hist = cv2.calcHist([small], [0, 1, 2], None, [LEVELS] * 3, [0, 256] * 3)
    box = uniform_filter(hist, size=3, mode="constant")
    # Prefer the bin itself on ties so the region is centred on real pixels.
    peak = np.unravel_index(np.argmax(box + hist * 1e-3), box.shape)
    # The region's pixels are those whose bin is within one of the peak on every channel: a range of levels per channel.
    width = 256 // LEVELS
    lo = tuple(max(int(b) - 1, 0) * width for b in peak)
    hi = tuple(min((int(b) + 2) * width, 256) - 1 for b in peak)
    member = cv2.inRange(small, lo, hi)
    in_region = cv2.countNonZero(member)
    # The region's colour: pixels of the peak bin when it holds most of them, else the whole neighbourhood.
    if hist[peak] >= PEAK_BIN_SHARE * in_region:
        chosen = cv2.inRange(small, tuple(int(b) * width for b in peak), tuple((int(b) + 1) * width - 1 for b in peak))
    else:
        chosen = member
    mean = cv2.mean(small, mask=chosen)
    opacity = 1.0
    if alpha is not None:
        a_small = cv2.resize(alpha, SAMPLE_SIZE, interpolation=cv2.INTER_AREA) if alpha.shape[1] > SAMPLE_SIZE[0] else alpha
        opacity = float(cv2.mean(a_small, mask=chosen)[0] / 255.0)
    return {
        "r": int(round(mean[0])),
        "g": int(round(mean[1])),
        "b": int(round(mean[2])),
        "opacity": round(opacity, 4),
        "share": round(in_region / member.size, 4),
    }
