"""The pure measurement functions behind the dynamic aspects, on hand-made arrays with exact answers."""

from __future__ import annotations

import math
from functools import lru_cache

import cv2
import numpy as np
import pytest

from aspects.dynamic.audio_semantic import tempo
from aspects.dynamic.blends import integrated_loudness
from aspects.dynamic.signals import trend
from aspects.dynamic.transitions import mix_residual
from aspects.measure.visual import (
    BUSY_BLOCK,
    BUSY_EDGES,
    EDGE_HIGH,
    EDGE_LOW,
    MotionTracker,
    color_gradient,
    color_histogram,
    compose,
    composition,
    global_motion,
    half_way,
    histogram_difference,
    inverse,
    level_stats,
    motion_layers,
    texture_measures,
)
from tests.camera_corpus import ZOOM_STILL, still_picture

RNG = np.random.default_rng(3)
TEXTURE = cv2.GaussianBlur((RNG.random((400, 600)) * 255).astype(np.uint8), (0, 0), 2.5)
TEXTURE = cv2.normalize(TEXTURE, None, 0, 255, cv2.NORM_MINMAX)


def _crop(x: float, y: float, scale: float = 1.0, size=(128, 72)) -> np.ndarray:
    """A size[0]×size[1] view of TEXTURE whose top-left is (x, y), magnified by ``scale`` about its centre (sub-pixel, bilinear)."""
    w, h = size
    cx, cy = x + w / 2, y + h / 2
    m = np.array([[scale, 0, w / 2 - scale * cx], [0, scale, h / 2 - scale * cy]], dtype=np.float64)
    return cv2.warpAffine(TEXTURE, m, size, flags=cv2.INTER_LINEAR)


@pytest.mark.parametrize(("dx", "dy"), [(1.5, 0.0), (0.0, -1.2), (0.7, 0.7), (4.0, -2.5)])
def test_global_motion_recovers_a_shift(dx, dy):
    """The window moves (dx, dy) pixels: the picture moves (−dx, −dy), in frame widths (one pair: a tenth of a pixel)."""
    a, b = _crop(200, 150), _crop(200 + dx, 150 + dy)
    mv = global_motion(a, b)
    assert mv["mv_valid"] == 1.0
    assert mv["mv_dx"] == pytest.approx(-dx / 128, abs=0.1 / 128)
    assert mv["mv_dy"] == pytest.approx(-dy / 128, abs=0.1 / 128)
    assert mv["mv_scale"] == pytest.approx(1.0, abs=1e-3)
    assert mv["layers"] == 1 and mv["parallax"] < 0.1 / 128


def test_global_motion_recovers_a_zoom():
    mv = global_motion(_crop(200, 150, 1.0), _crop(200, 150, 1.02))
    assert mv["mv_scale"] == pytest.approx(1.02, abs=0.002)
    assert abs(mv["mv_dx"]) < 0.1 / 128


def test_global_motion_on_a_flat_frame_is_unknown():
    flat = np.full((72, 128), 90, np.uint8)
    assert global_motion(flat, flat)["mv_valid"] == 0.0


def test_global_motion_on_a_linear_ramp_is_unknown():
    """A linear ramp shifted along itself only changes the luma by a constant: no motion can be seen (a fade looks the same)."""
    ramp = np.tile(np.linspace(40, 200, 128), (72, 1))
    assert global_motion(ramp.astype(np.uint8), (ramp + 5).astype(np.uint8))["mv_valid"] == 0.0


def test_global_motion_follows_a_smooth_gradient():
    """A smooth bowl-shaped field (no texture at all) moved by 2 px: the all-pixel fit sees it."""
    ys, xs = np.mgrid[0:400, 0:600].astype(np.float32)
    field = (128 + 80 * np.sin(xs / 90.0) * np.cos(ys / 70.0)).astype(np.float32)
    a = cv2.warpAffine(field, np.float32([[1, 0, -200], [0, 1, -150]]), (128, 72))
    b = cv2.warpAffine(field, np.float32([[1, 0, -202], [0, 1, -150]]), (128, 72))
    mv = global_motion(np.round(a).astype(np.uint8), np.round(b).astype(np.uint8))
    assert mv["mv_valid"] == 1.0
    assert mv["mv_dx"] == pytest.approx(-2 / 128, abs=0.2 / 128)


def _fine_texture(seed: int, width: int = 640) -> np.ndarray:
    """Detail near the analysis pyramid's limit (periods of ~6 and ~9 pixels at its fine level) plus white noise, 180 rows (uint8 luma)."""
    rng = np.random.default_rng(seed)
    ys, xs = np.mgrid[:180, :width].astype(np.float64)
    return np.clip(128 + 60 * np.sin(xs / (5.0 + seed)) * np.cos(ys / (4.0 + seed)) + rng.normal(0, 25, (180, width)), 0, 255).astype(np.uint8)


def _half_size(full: np.ndarray) -> np.ndarray:
    """A 320×180 luma view as FrameFeatures sees it: the 256×144 analysis frame, halved (128×72)."""
    return cv2.resize(cv2.resize(full, (256, 144), interpolation=cv2.INTER_AREA), (128, 72), interpolation=cv2.INTER_AREA)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("shift_px", [1, 3, 5, 8])
def test_global_motion_on_fine_texture_from_a_cold_start(seed, shift_px):
    """Fine texture shifted by whole pixels of a 320-wide frame, measured with no prediction: within 10 % (a gradient kernel
    that smooths across while the residual does not over-steps here by 1.5–1.9× and may diverge)."""
    tex = _fine_texture(seed)
    mv = global_motion(_half_size(tex[:, 100:420]), _half_size(tex[:, 100 + shift_px : 420 + shift_px]))
    assert mv["mv_valid"] == 1.0
    assert mv["mv_dx"] * 320 == pytest.approx(-shift_px, rel=0.1, abs=0.15)


@lru_cache(maxsize=1)
def _corpus_texture() -> np.ndarray:
    """The camera corpus's texture still (colour noise blurred to ~1.4 pixels of a 256-wide view), as luma."""
    return cv2.cvtColor(still_picture("texture", ZOOM_STILL, seed=3, window_px=ZOOM_STILL[0] / 1.2), cv2.COLOR_RGB2GRAY)


def _view(scale: float = 1.0, shift_px: float = 0.0) -> np.ndarray:
    """The half-size luma (128×72) of a 256×144 view of the corpus texture, magnified by ``scale`` about the still's
    centre and moved ``shift_px`` pixels (of the 256-wide view) to the right; sampled sub-pixel from the still."""
    still = _corpus_texture()
    h, w = still.shape
    k = w / 1.1 / scale / 256  # still pixels per view pixel
    m = np.array([[k, 0, w / 2 - k * 127.5 + shift_px * k], [0, k, h / 2 - k * 71.5]])
    view = cv2.warpAffine(still, m, (256, 144), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP)
    return cv2.resize(view, (128, 72), interpolation=cv2.INTER_AREA)


@pytest.mark.parametrize(("ln_scale", "shift_px"), [(0.005, 0.0), (0.01, 0.0), (0.02, 0.0), (0.0, 0.25), (0.0, 0.5), (0.0, 1.0)])
def test_slow_moves_on_texture_are_read_without_interpolation_bias(ln_scale, shift_px):
    """A zoom of 0.5–2 % or a shift of a quarter to one pixel on texture, the size of one frame of a slow move against
    its reference: within 5 % (warps that interpolate linearly move fine detail less than asked, and the fit made up
    for it by reading such moves 10–20 % too large)."""
    mv = global_motion(_view(), _view(math.exp(ln_scale), shift_px))
    assert mv["mv_valid"] == 1.0
    if ln_scale:
        assert math.log(mv["mv_scale"]) == pytest.approx(ln_scale, rel=0.05)
    else:
        assert -mv["mv_dx"] * 256 == pytest.approx(shift_px, rel=0.05)


def test_tracker_starts_afresh_at_a_picture_change():
    """A pan over one texture cut to a pan over another: the cut frame has no motion, and the frames after it are measured
    within the new shot (never against a reference from before the cut)."""
    a, b = _fine_texture(1), _fine_texture(4)
    tracker = MotionTracker()
    rows = [tracker(_half_size(tex[:, x : x + 320]), k / 25) for k, (tex, x) in enumerate([(a, 3 * k) for k in range(8)] + [(b, 3 * k) for k in range(8)])]
    assert rows[8]["mv_valid"] == 0.0
    for row in rows[1:8] + rows[9:]:
        assert row["mv_valid"] == 1.0 and row["mv_dx"] * 320 == pytest.approx(-3, abs=0.4)


def test_a_lone_object_on_a_flat_frame_is_no_camera_motion():
    """A small disc moving over a flat colour: its flat surroundings fit any motion, so the camera's is unknown."""

    def frame(cx: float) -> np.ndarray:
        img = np.full((72, 128), 90, np.uint8)
        cv2.circle(img, (int(round(cx)), 36), 9, 230, -1)
        return img

    assert global_motion(frame(40), frame(42))["mv_valid"] == 0.0


def test_similarity_algebra():
    """Similarities compose like the maps they are: a model and its inverse give the identity, two half steps the whole."""
    model = (1.03 * complex(math.cos(0.02), math.sin(0.02)), complex(0.01, -0.02))
    z, t = compose(model, inverse(model))
    assert abs(z - 1) < 1e-12 and abs(t) < 1e-12
    z, t = compose(half_way(model), half_way(model))
    assert abs(z - model[0]) < 1e-12 and abs(t - model[1]) < 1e-12


def test_motion_layers_counts_groups_of_blocks():
    still = np.zeros(60, complex)
    assert motion_layers(still, 0.004) == 1
    one = still.copy()
    one[:5] = 0.02  # five blocks moving right
    assert motion_layers(one, 0.004) == 2
    two = one.copy()
    two[5:9] = -0.03j  # four more moving up
    assert motion_layers(two, 0.004) == 3
    lone = still.copy()
    lone[0] = 0.05  # one block is noise, not a layer
    assert motion_layers(lone, 0.004) == 1


def test_histogram_difference_range():
    red = np.zeros((10, 10, 3), np.uint8)
    red[..., 0] = 255
    blue = np.zeros((10, 10, 3), np.uint8)
    blue[..., 2] = 255
    assert histogram_difference(color_histogram(red), color_histogram(red)) == 0.0
    assert histogram_difference(color_histogram(red), color_histogram(blue)) == 1.0


def test_color_gradient_axes():
    ramp = np.linspace(0, 255, 64, dtype=np.float64)
    vertical = np.repeat(np.broadcast_to(ramp[:, None], (64, 96))[..., None], 3, axis=2).astype(np.uint8)
    g = color_gradient(vertical)
    assert g["grad_v"] > 200 and g["grad_h"] < 5 and g["grad_fit"] > 0.95
    assert color_gradient(np.ascontiguousarray(vertical.transpose(1, 0, 2)))["grad_h"] > 200


def test_composition_of_a_bright_square():
    y = np.zeros((36, 64), np.float32)
    y[10:20, 40:50] = 255
    c = composition(y, np.zeros_like(y), background=0.0)
    assert c["mass_x"] == pytest.approx(45 / 64, abs=1e-6) and c["mass_y"] == pytest.approx(15 / 36, abs=1e-6)
    assert c["balance_lr"] == pytest.approx(1.0)


def test_level_stats_median_and_variance():
    """30 pixels at 10 and 70 at 200: median 200, variance 0.3·0.7·190² = 7581 levels²."""
    y8 = np.array([10] * 30 + [200] * 70, np.uint8).reshape(10, 10)
    median, variance = level_stats(y8)
    assert median == 200.0
    assert variance == pytest.approx(0.3 * 0.7 * 190**2, rel=1e-12)
    noisy = (RNG.random((72, 128)) * 255).astype(np.uint8)
    assert level_stats(noisy)[1] == pytest.approx(float(noisy.astype(np.float64).var()), rel=1e-9)
    assert level_stats(np.full((8, 8), 77, np.uint8)) == (77.0, 0.0)


def test_busyness_counts_blocks_with_two_edge_pixels():
    """``busyness`` is the share of 8×8 blocks holding at least BUSY_EDGES Canny edge pixels, counted directly."""
    y8 = TEXTURE[:72, 8:140]  # 132 columns: the 4 that do not fill a block are left out
    yh = y8.astype(np.float32)
    edges = cv2.Canny(y8, EDGE_LOW, EDGE_HIGH) > 0
    per_block = edges[:72, :128].reshape(9, BUSY_BLOCK, 16, BUSY_BLOCK).sum(axis=(1, 3))
    assert {1, BUSY_EDGES} <= set(per_block.ravel().tolist())  # blocks on both sides of the threshold
    t = texture_measures(y8, np.zeros_like(yh), yh, float(yh.var()))
    assert t["busyness"] == pytest.approx(float((per_block >= BUSY_EDGES).mean()), abs=1e-12)
    assert t["edge_density"] == pytest.approx(float(edges.mean()), abs=1e-12)


def test_mix_residual_blend_versus_motion():
    a, b = RNG.random(16) * 255, RNG.random(16) * 255
    blend = np.array([(1 - k / 10) * a + k / 10 * b for k in range(11)])
    assert mix_residual(blend, 0, 10) < 1e-9
    wander = blend.copy()
    wander[5] = RNG.random(16) * 255
    assert mix_residual(wander, 0, 10) > 0.25


@pytest.mark.parametrize("bpm", [72.0, 97.5, 133.0, 175.0])
def test_tempo_of_an_impulse_train(bpm):
    hop = 128 / 22050
    onset = np.zeros(int(8 / hop))
    onset[np.round(np.arange(0, 8, 60 / bpm) / hop).astype(int)[:-1]] = 1.0
    assert tempo(onset, hop) == pytest.approx(bpm, abs=1.0)
    assert tempo(RNG.random(onset.size) * 0.1, hop) is None


def test_trend_words():
    t = np.linspace(0, 1, 25)
    assert trend(t, 10 * t, 1.0) == "increasing"
    assert trend(t, -10 * t, 1.0) == "decreasing"
    assert trend(t, 0.1 * t, 1.0) == "steady"


def test_integrated_loudness_gates_silence():
    """−20 LUFS for 2 s then silence for 2 s: the gate drops the silent 400 ms blocks.

    Blocks start every 100 ms: 17 lie fully in the sound, 3 straddle its end
    (¾, ½, ¼ of it) and pass the relative gate, so the mean energy is
    18.5 / 20 of the sound's.
    """
    t = np.arange(100) * 0.04
    weight = np.where(t < 2, (-20 + 70) / 70, 0.0)
    expected = -20.0 + 10 * np.log10(18.5 / 20)
    assert integrated_loudness(t, np.full(100, 0.04), weight) == pytest.approx(expected, abs=0.05)
    assert integrated_loudness(t, np.full(100, 0.04), np.zeros(100)) is None
