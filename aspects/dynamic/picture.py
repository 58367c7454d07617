"""What the picture looks like over a window: gradient, lighting, composition, graphics."""

from __future__ import annotations

import numpy as np

from aspects.dynamic.signals import Signals, finite_mean, rounded, trend

GRADIENT_MIN_FIT = 0.5  # the smooth fit must explain this share of the colour variance to be a gradient
GRADIENT_MIN_LEVELS = 24.0  # colour change across the frame (levels, RGB Euclidean) below which there is no gradient
GRADIENT_AXIS_RATIO = 2.0  # one axis this much stronger than the other: vertical / horizontal, else diagonal
BRIGHTNESS_TREND = 0.04  # change of brightness (0–1) over the window to call it a trend
LOW_KEY, HIGH_KEY = 0.3, 0.7  # mean brightness bounds of low-key and high-key lighting
WARM_K, COOL_K = 4500.0, 7000.0  # correlated colour temperature bounds (kelvin)


def gradient(s: Signals, idx: np.ndarray) -> dict:
    """``gradient_type``: none / vertical (colour changes top to bottom) / horizontal (left to right) / diagonal / radial; ``strength`` 0–1.

    From the per-frame plane-plus-bowl fit (``grad_h``, ``grad_v``,
    ``grad_r``, ``grad_fit``) averaged over the window. ``strength`` is the
    colour change across the frame over 255 (capped at 1), 0 when the
    picture is not a smooth gradient (texture, or flat).
    """
    h, v, r, fit = (finite_mean(s[k][idx]) for k in ("grad_h", "grad_v", "grad_r", "grad_fit"))
    linear = float(np.hypot(h, v))
    magnitude = max(linear, r)
    if fit < GRADIENT_MIN_FIT or magnitude < GRADIENT_MIN_LEVELS:
        kind = "none"
    elif r > linear:
        kind = "radial"
    elif v >= GRADIENT_AXIS_RATIO * h:
        kind = "vertical"
    elif h >= GRADIENT_AXIS_RATIO * v:
        kind = "horizontal"
    else:
        kind = "diagonal"
    return {
        "gradient_type": kind,
        "strength": rounded(0.0 if kind == "none" else min(magnitude / 255.0, 1.0)),
        "angle_deg": rounded(float(np.degrees(np.arctan2(v, h))), 1),
        "smoothness": rounded(fit),
    }


def _srgb_to_linear(c: np.ndarray) -> np.ndarray:
    c = np.asarray(c, dtype=np.float64) / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _planck_locus_uv() -> tuple[np.ndarray, np.ndarray]:
    """Kelvin grid 1667–25000 K and the CIE 1960 (u, v) of the Planckian locus there (Kim et al. cubic fits)."""
    kelvin = np.geomspace(1667.0, 25000.0, 400)
    k = 1e3 / kelvin
    x = np.where(kelvin <= 4000, -0.2661239 * k**3 - 0.2343589 * k**2 + 0.8776956 * k + 0.179910, -3.0258469 * k**3 + 2.1070379 * k**2 + 0.2226347 * k + 0.240390)
    y = np.select(
        [kelvin <= 2222, kelvin <= 4000],
        [-1.1063814 * x**3 - 1.34811020 * x**2 + 2.18555832 * x - 0.20219683, -0.9549476 * x**3 - 1.37418593 * x**2 + 2.09137015 * x - 0.16748867],
        3.0817580 * x**3 - 5.87338670 * x**2 + 3.75112997 * x - 0.37001483,
    )
    d = -2 * x + 12 * y + 3
    return kelvin, np.stack([4 * x / d, 6 * y / d], axis=1)


_LOCUS = _planck_locus_uv()


def color_temperature_k(r: float, g: float, b: float) -> float | None:
    """Correlated colour temperature (kelvin, 1667–25000) of an sRGB colour: the nearest Planckian-locus point in CIE 1960 uv; None for black."""
    lin = _srgb_to_linear(np.array([r, g, b]))
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ lin
    denom = xyz[0] + 15 * xyz[1] + 3 * xyz[2]
    if denom <= 1e-9:
        return None
    uv = np.array([4 * xyz[0] / denom, 6 * xyz[1] / denom])
    kelvin, locus = _LOCUS
    return float(kelvin[int(np.argmin(np.sum((locus - uv) ** 2, axis=1)))])


def lighting(s: Signals, idx: np.ndarray) -> dict:
    """``brightness`` (mean luma, 0–1), ``contrast`` (luma std / 127.5, 0–1), ``saturation`` (0–1),
    ``color_temperature`` (warm < 4500 K ≤ neutral ≤ 7000 K < cool) with ``color_temperature_k``,
    ``key_intensity`` (low-key / normal / high-key from brightness), ``trend`` of brightness
    (increasing / decreasing / steady: more than 0.04 change over the window)."""
    brightness = finite_mean(s["luma_mean"][idx]) / 255.0
    rgb = [finite_mean(s[k][idx]) for k in ("r_mean", "g_mean", "b_mean")]
    kelvin = color_temperature_k(*rgb)
    if kelvin is None:
        temperature = "neutral"
    else:
        temperature = "warm" if kelvin < WARM_K else "cool" if kelvin > COOL_K else "neutral"
    key = "low-key" if brightness < LOW_KEY else "high-key" if brightness > HIGH_KEY else "normal"
    return {
        "brightness": rounded(brightness),
        "contrast": rounded(min(finite_mean(s["luma_std"][idx]) / 127.5, 1.0)),
        "saturation": rounded(finite_mean(s["sat_mean"][idx])),
        "color_temperature": temperature,
        "color_temperature_k": None if kelvin is None else round(kelvin),
        "key_intensity": key,
        "trend": trend(s.t[idx], s["luma_mean"][idx] / 255.0, BRIGHTNESS_TREND),
    }


def composition(s: Signals, idx: np.ndarray) -> dict:
    """``center_x``, ``center_y`` (visual centre of mass, 0–1 from left / top), ``balance`` (0–1: 1 when the mass
    sits at the centre), ``balance_lr``, ``balance_tb`` (−1–1: right / bottom heavier when positive),
    ``symmetry`` (0–1, left–right mirror), ``thirds`` (share of mass at the rule-of-thirds points)."""
    cx, cy = finite_mean(s["mass_x"][idx], 0.5), finite_mean(s["mass_y"][idx], 0.5)
    return {
        "center_x": rounded(cx),
        "center_y": rounded(cy),
        "balance": rounded(max(0.0, 1.0 - 2.0 * float(np.hypot(cx - 0.5, cy - 0.5)))),
        "balance_lr": rounded(finite_mean(s["balance_lr"][idx])),
        "balance_tb": rounded(finite_mean(s["balance_tb"][idx])),
        "symmetry": rounded(finite_mean(s["symmetry"][idx])),
        "thirds": rounded(finite_mean(s["thirds"][idx])),
    }


def graphics(s: Signals, idx: np.ndarray) -> dict:
    """``edge_density`` (0–1), ``spatial_variance`` (luma variance / 127.5², 0–1), ``busyness`` (0–1 share of textured blocks),
    ``detail`` (0–1 share of fine-scale variance), ``gradient_mean`` (mean luma gradient, levels per pixel at half size)."""
    return {
        "edge_density": rounded(finite_mean(s["edge_density"][idx])),
        "spatial_variance": rounded(min(finite_mean(s["luma_std"][idx] ** 2) / 127.5**2, 1.0)),
        "busyness": rounded(finite_mean(s["busyness"][idx])),
        "detail": rounded(finite_mean(s["detail"][idx])),
        "gradient_mean": rounded(finite_mean(s["gradient_mean"][idx])),
    }
