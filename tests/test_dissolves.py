"""The busy-footage dissolve reader (``aspects.dynamic.dissolves``) on hand-made low-pass pictures with known answers.

Each clip is 4 s at 30 fps of an 8 × 6 grid of luma, Cr and Cb (144 values a
frame) whose cells wander on their own by a random walk (moving texture seen
through 32 × 24-pixel cells), and six picture statistics. A cross-fade of two
such wandering pictures is a dissolve, found within 2 frames of its ends; a
pan (one picture sliding on into the next without stopping), a travelling
wave or a colour swinging on (a mixture of two pictures too, but one that
never settles), and a wipe (cells switching in turn, left to right) are not.
"""

from __future__ import annotations

import numpy as np
import pytest

from aspects.dynamic import dissolves
from aspects.dynamic.signals import Signals
from aspects.measure.visual import WIPE_GRID

FPS = 30
SECONDS = 4.0
CELLS = WIPE_GRID[0] * WIPE_GRID[1]
TOLERANCE_FRAMES = 2


def _signals(n: int) -> Signals:
    t = np.arange(n) / FPS
    return Signals(t=t, dt=np.full(n, 1 / FPS), duration_s=n / FPS, columns={})


def _wandering(rng: np.random.Generator, n: int, level: float, spread: float, wander: float) -> np.ndarray:
    """A picture (n, 3·CELLS) whose cells sit about their own levels and wander by a smoothed random walk of about ``wander`` levels."""
    base = level + spread * rng.standard_normal(3 * CELLS)
    walk = np.cumsum(rng.standard_normal((n, 3 * CELLS)), axis=0)
    walk -= walk.mean(axis=0)
    walk *= wander / max(float(walk.std()), 1e-9)
    return base + walk


def _stats(a_stats: np.ndarray, b_stats: np.ndarray, mix: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Picture statistics (luma mean and spread, R, G, B means, √ Laplacian variance) blended as the picture is, with a little noise."""
    return (1 - mix)[:, None] * a_stats + mix[:, None] * b_stats + 0.5 * rng.standard_normal((mix.size, a_stats.size))


A_STATS = np.array([100.0, 45.0, 120.0, 95.0, 90.0, 30.0])
B_STATS = np.array([150.0, 30.0, 140.0, 160.0, 130.0, 15.0])


def _read(grid: np.ndarray, stats: np.ndarray) -> list[dict]:
    n = len(grid)
    return dissolves.busy_dissolves(_signals(n), grid, stats, np.full(n, "", dtype=object), np.zeros(n, dtype=bool))


LONG_DRIFT = pytest.mark.xfail(
    strict=True,
    reason="known limit: half-way through a 2 s dissolve both pictures have wandered 1 s from the ones next to it, further off the line than the sides' 0.5 s (MIX_RATIO)",
)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize(("start_s", "length_s"), [(1.0, 1.0), (1.5, 0.5), (0.5, 0.3)])
def test_a_cross_fade_of_two_wandering_pictures_is_one_dissolve_within_two_frames(seed, start_s, length_s):
    rng = np.random.default_rng(seed)
    n = int(SECONDS * FPS)
    a, b = _wandering(rng, n, 100, 30, 6), _wandering(rng, n, 140, 30, 6)
    t = np.arange(n) / FPS
    mix = np.clip((t - start_s) / length_s, 0, 1)
    found = _read((1 - mix)[:, None] * a + mix[:, None] * b, _stats(A_STATS, B_STATS, mix, rng))
    assert len(found) == 1, found
    assert abs(found[0]["start"] - start_s) * FPS <= TOLERANCE_FRAMES + 1e-6, found
    assert abs(found[0]["end"] - (start_s + length_s)) * FPS <= TOLERANCE_FRAMES + 1e-6, found


@pytest.mark.parametrize("seed", [1, pytest.param(2, marks=LONG_DRIFT), 3])
def test_a_long_cross_fade_of_two_wandering_pictures_is_one_dissolve_within_two_frames(seed):
    """2 s: the ends found on a straight ramp are walked out to where progress leaves each side (``refine_ends``)."""
    test_a_cross_fade_of_two_wandering_pictures_is_one_dissolve_within_two_frames(seed, 0.8, 2.0)


def _moving(rng: np.random.Generator, n: int, level: float, speed: float) -> np.ndarray:
    """A smooth picture (n, 3·CELLS) whose cells move on steadily in their own directions by ``speed`` levels a second (a moving gradient), with a little noise."""
    base = level + 30 * rng.standard_normal(3 * CELLS)
    way = rng.standard_normal(3 * CELLS)
    way /= np.sqrt(np.mean(way**2))
    return base + np.outer(np.arange(n) / FPS, speed * way) + 0.3 * rng.standard_normal((n, 3 * CELLS))


@pytest.mark.parametrize("seed", [4, 5, 6])
@pytest.mark.parametrize("length_s", [1.6, 2.0])
def test_a_long_cross_fade_of_two_moving_gradients_is_one_dissolve_within_two_frames(seed, length_s):
    """Both pictures move on steadily (12 levels/s): half-way the frames stand off the line between the pictures next to the ends
    by the sides' own drift over the half-length (``_drift_off``), and B moving on after the end must not carry the end out (``_side_trend``)."""
    rng = np.random.default_rng(seed)
    n = int(SECONDS * FPS)
    a, b = _moving(rng, n, 100, 12), _moving(rng, n, 140, 12)
    t = np.arange(n) / FPS
    mix = np.clip((t - 0.9) / length_s, 0, 1)
    found = _read((1 - mix)[:, None] * a + mix[:, None] * b, _stats(A_STATS, B_STATS, mix, rng))
    assert len(found) == 1, found
    assert abs(found[0]["start"] - 0.9) * FPS <= TOLERANCE_FRAMES + 1e-6, found
    assert abs(found[0]["end"] - (0.9 + length_s)) * FPS <= TOLERANCE_FRAMES + 1e-6, found


@pytest.mark.parametrize("seed", [4, 5])
def test_a_moving_gradient_darkening_steadily_is_no_dissolve(seed):
    """A sunset: the picture moves on its own and darkens all the time; its sides carry on along the change (DRIFT_ALONG)."""
    rng = np.random.default_rng(seed)
    n = int(SECONDS * FPS)
    a = _moving(rng, n, 140, 12)
    mix = np.arange(n) / (n - 1)
    grid = a - 60 * mix[:, None]
    assert _read(grid, _stats(A_STATS, B_STATS, mix, rng)) == []


@pytest.mark.parametrize("seed", [1, 2])
def test_a_pan_sliding_on_from_one_picture_to_the_next_is_no_dissolve(seed):
    rng = np.random.default_rng(seed)
    n = int(SECONDS * FPS)
    a, b = _wandering(rng, n, 100, 30, 6), _wandering(rng, n, 140, 30, 6)
    mix = np.arange(n) / (n - 1)  # never holds still
    assert _read((1 - mix)[:, None] * a + mix[:, None] * b, _stats(A_STATS, B_STATS, mix, rng)) == []


@pytest.mark.parametrize("period_s", [2.0, 3.0, 5.0])
def test_a_travelling_wave_whose_colour_swings_on_is_no_dissolve(period_s):
    rng = np.random.default_rng(7)
    n = int(SECONDS * FPS)
    p, q = _wandering(rng, n, 0, 30, 2), _wandering(rng, n, 0, 30, 2)
    phase = 2 * np.pi * np.arange(n) / FPS / period_s
    grid = 128 + np.cos(phase)[:, None] * p + np.sin(phase)[:, None] * q  # a shifting sinusoid: a mixture of two pictures
    stats = A_STATS + np.outer(np.sin(phase), [5.0, 0.0, 40.0, -30.0, 35.0, 0.0]) + 0.5 * rng.standard_normal((n, 6))
    assert _read(grid, stats) == []


def test_a_wipe_switching_the_cells_in_turn_is_no_dissolve():
    rng = np.random.default_rng(11)
    n = int(SECONDS * FPS)
    a, b = _wandering(rng, n, 100, 30, 6), _wandering(rng, n, 140, 30, 6)
    t = np.arange(n) / FPS
    column = np.tile(np.arange(CELLS) % WIPE_GRID[0], 3)
    switch = 1.0 + (column + 0.5) / WIPE_GRID[0]  # a hard edge crossing left to right from 1 s to 2 s
    mask = (t[:, None] >= switch[None, :]).astype(float)
    mix = np.clip(t - 1.0, 0, 1)
    assert _read((1 - mask) * a + mask * b, _stats(A_STATS, B_STATS, mix, rng)) == []


EASES = {
    "smoothstep": lambda u: u * u * (3 - 2 * u),
    # xfade's fadeslow and fadefast raise each pixel's weight to a power between 1 / 1.69 and 1.69 (1 + ln(1 + |A - B| / 255)):
    "slow start": lambda u: u**1.7,
    "slow end": lambda u: 1 - (1 - u) ** 1.7,
}


EARLY_START = pytest.mark.xfail(
    strict=True,
    reason="known limit: a 1.2 s power-eased ramp whose A side wanders (seed 4) is started 3-6 frames early: the side's own walk stands above its far level (smoothstep seed 4 and slow end seed 5 are timed since median_ends)",
)
EASED = [
    pytest.param(seed, ease, start_s, length_s, marks=EARLY_START if (seed, start_s) == (4, 1.0) and ease != "smoothstep" else ())
    for seed in (4, 5)
    for ease in EASES
    for start_s, length_s in ((1.0, 1.2), (1.2, 0.6))
]


@pytest.mark.parametrize(("seed", "ease", "start_s", "length_s"), EASED)
def test_an_eased_cross_fade_of_two_wandering_pictures_is_timed_within_two_frames(seed, ease, start_s, length_s):
    """The ends are walked out to where progress leaves each side's own scatter (``refine_ends``), not where a straight ramp would put them."""
    rng = np.random.default_rng(seed)
    n = int(SECONDS * FPS)
    a, b = _wandering(rng, n, 100, 30, 3), _wandering(rng, n, 140, 30, 3)
    t = np.arange(n) / FPS
    mix = EASES[ease](np.clip((t - start_s) / length_s, 0, 1))
    found = _read((1 - mix)[:, None] * a + mix[:, None] * b, _stats(A_STATS, B_STATS, mix, rng))
    assert len(found) == 1, found
    assert abs(found[0]["start"] - start_s) * FPS <= TOLERANCE_FRAMES + 1e-6, found
    assert abs(found[0]["end"] - (start_s + length_s)) * FPS <= TOLERANCE_FRAMES + 1e-6, found


@pytest.mark.parametrize("seed", [1, 2])
def test_a_blurred_cross_fade_ends_where_its_fine_detail_settles(seed):
    """``hblur``: the low-pass picture reaches B's 5 frames (under REF_S) before the end, the fine detail (√ Laplacian variance) only at the end.

    (A tail longer than REF_S is not followed: the side's level is then read inside it.)
    """
    rng = np.random.default_rng(seed)
    n, p, q = 120, 30, 60
    detail = np.concatenate([np.full(p + 1, 55.0), np.linspace(20.0, 300.0, q - p - 1), np.full(n - q, 350.0)]) + rng.normal(0, 1.0, n)
    start, end = dissolves.detail_ends(detail, p, q - 5, 0, n - 1, 6, 15)
    assert abs(start - p) <= TOLERANCE_FRAMES and abs(end - q) <= TOLERANCE_FRAMES, (start, end)


def test_a_still_picture_settling_by_a_fraction_of_a_level_does_not_move_an_end():
    detail = np.concatenate([np.full(40, 2.26), np.linspace(1.3, 1.58, 30), 1.57 + 0.001 * np.arange(50) % 3])
    assert dissolves.detail_ends(detail, 30, 62, 0, detail.size - 1, 12, 30) == (30, 62)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("length_s", [0.25, 0.3])
def test_a_short_cross_fade_between_two_pictures_moving_on_fast_is_one_dissolve_within_two_frames(seed, length_s):
    """Real footage moves on at its own pace (a camera move settling): 1 s before a 0.3 s cross-fade the picture stood more than
    half the step away from the one next to it. The picture is judged not to come back over RETURN_SPAN × the length, not RETURN_S."""
    rng = np.random.default_rng(seed)
    n = int(SECONDS * FPS)
    a, b = _wandering(rng, n, 100, 30, 2), _wandering(rng, n, 140, 30, 2)
    t = np.arange(n) / FPS
    start_s = 2.0
    a += np.outer(0.5 * np.clip(start_s - t, 0, None) ** 2, (b - a).mean(axis=0))  # A settles from a look half-way to B's 1 s before
    mix = np.clip((t - start_s) / length_s, 0, 1)
    grid = (1 - mix)[:, None] * a + mix[:, None] * b
    found = _read(grid, _stats(A_STATS, B_STATS, mix, rng))
    assert len(found) == 1, found
    assert abs(found[0]["start"] - start_s) * FPS <= TOLERANCE_FRAMES + 1e-6, found
    assert abs(found[0]["end"] - (start_s + length_s)) * FPS <= TOLERANCE_FRAMES + 1e-6, found


@pytest.mark.parametrize("period_s", [0.6, 0.8, 1.2])
def test_a_fast_swing_between_two_pictures_is_no_dissolve(period_s):
    """A picture swinging between two (a breathing light, a flicker): each half-swing is a mixture that comes back within
    twice its length, inside the RETURN_SPAN × length looked at."""
    rng = np.random.default_rng(9)
    n = int(SECONDS * FPS)
    a, b = _wandering(rng, n, 100, 30, 2), _wandering(rng, n, 140, 30, 2)
    mix = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n) / FPS / period_s)
    assert _read((1 - mix)[:, None] * a + mix[:, None] * b, _stats(A_STATS, B_STATS, mix, rng)) == []


def _lit(grid: np.ndarray, stats: np.ndarray, light: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The pictures with their luma (the grid's first CELLS columns, the statistics' luma mean, R, G and B) raised by ``light`` levels per frame."""
    grid, stats = grid.copy(), stats.copy()
    grid[:, :CELLS] += light[:, None]
    stats[:, [0, 2, 3, 4]] += light[:, None]
    return grid, stats


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize(("length_s", "light_s"), [(0.3, "before"), (0.5, "before"), (0.3, "after")])
def test_a_short_cross_fade_between_shots_changing_their_own_light_is_one_dissolve_within_two_frames(seed, length_s, light_s):
    """Real shots brighten or darken on their own within a second of a short blend (a cloud, the camera's exposure): by the
    step in luma over the 0.8 s before it (or after it) the plain picture seems to come back and the statistics to move on;
    read as a mixture of the two pictures under each frame's own gain and luma offset (``holds_under_light``) the sides hold.
    Main's rules (before ``holds_under_light``) found 1 of these 9."""
    rng = np.random.default_rng(seed)
    n = int(SECONDS * FPS)
    a, b = _wandering(rng, n, 100, 30, 2), _wandering(rng, n, 140, 30, 2)
    t = np.arange(n) / FPS
    start_s = 2.0
    mix = np.clip((t - start_s) / length_s, 0, 1)
    grid, stats = (1 - mix)[:, None] * a + mix[:, None] * b, _stats(A_STATS, B_STATS, mix, rng)
    step = float(np.mean(b[:, :CELLS] - a[:, :CELLS]))
    if light_s == "before":
        light = 1.0 * step * np.clip(start_s - t, 0, 0.8)  # A darkens (comes down to its level at the blend) over the 0.8 s before it
    else:
        light = 1.0 * step * np.clip(t - start_s - length_s, 0, 0.8)  # B brightens on over the 0.8 s after it
    grid, stats = _lit(grid, stats, light)
    found = _read(grid, stats)
    assert len(found) == 1, found
    assert abs(found[0]["start"] - start_s) * FPS <= TOLERANCE_FRAMES + 1e-6, found
    assert abs(found[0]["end"] - (start_s + length_s)) * FPS <= TOLERANCE_FRAMES + 1e-6, found


def test_a_step_that_is_only_a_change_of_light_is_never_read_under_light():
    """A breathing light or a drift (B a gain and a luma offset of A) leaves the mixture fit nothing to tell light from blend."""
    rng = np.random.default_rng(7)
    n = int(SECONDS * FPS)
    a = _wandering(rng, n, 100, 30, 2)
    mix = np.clip((np.arange(n) / FPS - 2.0) / 0.5, 0, 1)
    b = a.copy()
    b[:, :CELLS] = 1.2 * a[:, :CELLS] + 15
    grid = (1 - mix)[:, None] * a + mix[:, None] * b
    assert not dissolves.holds_under_light(grid, 59, 75, 20, n - 1, 6)
    c = _wandering(rng, n, 140, 30, 2)
    assert dissolves.holds_under_light((1 - mix)[:, None] * a + mix[:, None] * c, 59, 75, 20, n - 1, 6)


def _shaken_cross_fade(seed: int, detail_dip: float) -> tuple[np.ndarray, np.ndarray]:
    """A 0.8 s cross-fade from 1.2 s between two pictures whose cells wander far (26 levels) and shake (2 levels a frame): each
    cell's half-way moment is shaken by its own motion. The fine detail dips by ``detail_dip`` half-way (two blended textures
    are smoother than either) or stays on the line between the ends (0)."""
    rng = np.random.default_rng(seed)
    n = int(SECONDS * FPS)
    a, b = _wandering(rng, n, 100, 30, 26), _wandering(rng, n, 140, 30, 26)
    a += 2 * rng.standard_normal(a.shape)
    b += 2 * rng.standard_normal(b.shape)
    mix = np.clip((np.arange(n) / FPS - 1.2) / 0.8, 0, 1)
    stats = _stats(A_STATS, B_STATS, mix, rng)
    stats[:, -1] *= 1 - detail_dip * 4 * mix * (1 - mix)
    return (1 - mix)[:, None] * a + mix[:, None] * b, stats


@pytest.mark.parametrize("seed", [3, 6, 8])
def test_a_cross_fade_of_two_shaken_pictures_whose_detail_dips_is_one_dissolve_within_two_frames(seed):
    """The cells do not cross half-way together (SWITCH_SPREAD), but stand part-way together (``_part_way``) while the detail dips
    (``_detail_dips``). Main's rules (the crossing spread alone) find nothing on these three."""
    found = _read(*_shaken_cross_fade(seed, 0.3))
    assert len(found) == 1, found
    assert abs(found[0]["start"] - 1.2) * FPS <= TOLERANCE_FRAMES + 1e-6, found
    assert abs(found[0]["end"] - 2.0) * FPS <= TOLERANCE_FRAMES + 1e-6, found


@pytest.mark.parametrize("seed", [3, 6, 8])
def test_cells_part_way_together_without_a_dip_in_detail_are_no_dissolve(seed):
    """The same pictures with the detail on the line between the ends (a pan or a zoom keeps its detail): nothing."""
    assert _read(*_shaken_cross_fade(seed, 0.0)) == []


def test_cells_part_way_together_and_cells_switched_in_turn():
    """``_part_way``: every cell at 0.5 half-way is a blend; half the cells at 0 and half at 1 (a wipe's) is not."""
    t = np.linspace(0, 1, 31)[:, None]
    assert dissolves._part_way(np.repeat(t, 24, axis=1))
    switch = np.linspace(0.05, 0.95, 24)[None, :]
    assert not dissolves._part_way((t >= switch).astype(float))


def test_cells_switched_by_place_are_in_order_and_shaken_ones_are_not():
    """``_in_order``: half-way moments set by each cell's column (a straight edge) or its distance from the middle (an opening
    edge) follow the cells' place (R² near 1); moments shaken at random do not."""
    cells = np.arange(CELLS)
    t = np.linspace(0, 1, 41)[:, None]
    column = (cells % WIPE_GRID[0]) / WIPE_GRID[0]
    opening = np.abs(column - 0.45)
    shaken = np.random.default_rng(3).uniform(0.2, 0.8, CELLS)

    def ramp(at: np.ndarray) -> np.ndarray:
        return np.clip((t - at[None, :]) / 0.3 + 0.5, 0, 1)

    assert dissolves._in_order(ramp(0.1 + 0.8 * column), cells) > 0.9
    assert dissolves._in_order(ramp(0.2 + opening), cells) > 0.9
    assert dissolves._in_order(ramp(shaken), cells) < dissolves.CELL_ORDER


@pytest.mark.parametrize("seed", [5, 17, 29])
def test_ends_dragged_out_past_a_blend_of_two_drifting_pictures_move_in_to_within_two_frames(seed):
    """Each grid column of both pictures drifts at its own steady rate (0–0.6 levels a frame) with noise of 0.5 levels; a linear
    blend runs from frame 40 to 70. Ends handed in 6 frames too far out come back within 2 frames; ends inside are never moved out."""
    rng = np.random.default_rng(seed)
    n, width, start, end = 120, 3 * WIPE_GRID[0] * WIPE_GRID[1], 40, 70
    k = np.arange(n, dtype=float)[:, None]
    a = rng.uniform(40, 200, width) + k * rng.uniform(-0.6, 0.6, width)
    b = rng.uniform(40, 200, width) + k * rng.uniform(-0.6, 0.6, width)
    w = np.clip((k - start) / (end - start), 0.0, 1.0)
    grid = (1 - w) * a + w * b + rng.normal(0, 0.5, (n, width))
    p, q = dissolves.median_ends(grid, start - 6, end + 6, 0, n - 1, 6, 15)
    assert abs(p - start) <= 2 and abs(q - end) <= 2
    assert dissolves.median_ends(grid, start + 4, end - 4, 0, n - 1, 6, 15) == (start + 4, end - 4)


@pytest.mark.parametrize("climb", [0.0, 0.1, 0.2])
def test_a_blend_through_grey_ends_where_the_colour_first_levels_off_though_the_next_shot_grows_more_colourful(climb):
    """A blend through grey (frames 30-90, 30 fps): the colour (Cr, Cb off 128) drains from 20 to 0 by frame 45, comes back to
    14 by frame 90 and holds 15 frames; then B's own colour wanders down a level over 10 frames and climbs on by ``climb``
    levels a frame (a pan onto a more colourful part). The end handed in inside the grey (frame 50) moves to within 3 frames
    of 90, not to where the climb peaks (main's rule took the highest colour within 5 s)."""
    n, ref, margin = 150, 6, 15
    k = np.arange(n, dtype=float)
    colour = np.interp(k, [0, 30, 45, 90, 105, 115, n - 1], [20, 20, 0, 14, 14, 13, 13 + climb * (n - 1 - 115)])
    grid = np.full((n, 3 * CELLS), 128.0)
    grid[:, :CELLS] = np.interp(k, [0, 30, 90, n - 1], [60, 60, 160, 160])[:, None]
    grid[:, CELLS:] = 128.0 + colour[:, None]  # every chroma column that far off 128: their RMS is the colour
    q = dissolves.grey_end(grid, 30, 50, 0, n - 1, ref, margin, 150)
    assert abs(q - 90) <= 3


LOOK_MOVES_ON = pytest.mark.xfail(
    strict=True,
    reason="known miss: the statistics must hold B's values over the whole return window (1.5 s); asking it over the blend's own length "
    "(HOLD_SPAN, session 12) passes this but added a mistimed dissolve on the tails of long real blends (splits 18 and 21, blind) and found none of split 20's misses",
)


@LOOK_MOVES_ON
@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("length_s", [0.5, 1.0])
def test_a_cross_fade_onto_a_shot_whose_look_moves_on_at_its_own_pace_is_one_dissolve_within_two_frames(seed, length_s):
    """After the blend B's statistics move on steadily (a pan brings busier parts in): by 0.45 of the step per second, so
    within the blend's own length they hold B's values while over the 1.5 s return window they do not."""
    rng = np.random.default_rng(seed)
    n = int(SECONDS * FPS)
    start_s = 1.0
    a, b = _wandering(rng, n, 100, 30, 6), _wandering(rng, n, 140, 30, 6)
    t = np.arange(n) / FPS
    mix = np.clip((t - start_s) / length_s, 0, 1)
    stats = _stats(A_STATS, B_STATS, mix, rng)
    step = float(np.sqrt(np.mean((B_STATS - A_STATS) ** 2)))
    way = np.array([0.0, 1.0, 0.0, 0.0, 0.0, -1.0]) * np.sqrt(3)  # RMS 1: the spread and the fine detail, which no change of light moves (LIGHT_STATS)
    stats += np.outer(np.clip(t - start_s - length_s, 0, None) * 0.45 * step, way)
    found = _read((1 - mix)[:, None] * a + mix[:, None] * b, stats)
    assert len(found) == 1, found
    assert abs(found[0]["start"] - start_s) * FPS <= TOLERANCE_FRAMES + 1e-6, found
    assert abs(found[0]["end"] - (start_s + length_s)) * FPS <= TOLERANCE_FRAMES + 1e-6, found


def test_a_progress_back_a_quarter_of_the_way_on_both_sides_swings_and_on_one_side_does_not():
    """``_swung_back``: a half-swing of a sine (progress 0.3 of the way back before the start and after the end, near the line
    from A to B) swings; the same progress far off that line (moving on to third pictures), a blend whose sides hold, or only
    one of whose sides wanders back 0.4 of the way, does not."""
    ramp = np.linspace(0.0, 1.0, 20)
    swing = np.concatenate([np.linspace(0.3, 0.0, 10), ramp, np.linspace(1.0, 0.7, 10)])
    held = np.concatenate([np.zeros(10), ramp, np.ones(10)])
    one_side = np.concatenate([np.linspace(0.4, 0.0, 10), ramp, np.ones(10)])
    near, far = np.full(40, 0.2), np.full(40, 0.6)  # off the A-B line over the step: retracing the colours, or moving on
    assert dissolves._swung_back(swing, near, 9, 29)
    assert not dissolves._swung_back(swing, far, 9, 29)
    assert not dissolves._swung_back(held, near, 9, 29)
    assert not dissolves._swung_back(one_side, near, 9, 29)


def test_step_sizes_in_chunks_are_the_whole_videos():
    """``step_sizes`` of a long video, computed STEP_CHUNK frames at a time (memory stays flat), against the same
    differences taken over every frame at once: a step at the chunk boundary and everywhere else the same values."""
    rng = np.random.default_rng(11)
    n = 2 * dissolves.STEP_CHUNK + 700
    grid = rng.normal(128.0, 4.0, (n, 96))
    grid[dissolves.STEP_CHUNK :] += 30.0  # a cut right at the first chunk's end
    half, ref = 3, 5
    cum = np.concatenate([np.zeros((1, grid.shape[1])), np.cumsum(grid, axis=0)])
    i = np.arange(half + ref - 1, n - half - ref + 1)
    whole = np.zeros(n)
    whole[i] = np.sqrt(np.mean(((cum[i + half + ref] - cum[i + half]) / ref - (cum[i - half + 1] - cum[i - half - ref + 1]) / ref) ** 2, axis=1))
    got = dissolves.step_sizes(dissolves.cumulative(grid), half, ref)
    np.testing.assert_array_equal(got, whole)
    assert int(np.argmax(got)) in range(dissolves.STEP_CHUNK - half, dissolves.STEP_CHUNK + half)


def test_frame_steps_in_chunks_are_the_whole_videos():
    """``frame_steps`` (the grids' change from the frame before), taken STEPS_CHUNK frames at a time, against the
    differences of the whole video at once: the frame after each chunk's end included."""
    from aspects.dynamic.signals import STEPS_CHUNK, frame_steps

    rng = np.random.default_rng(12)
    for n in (1, 2, STEPS_CHUNK, STEPS_CHUNK + 1, 2 * STEPS_CHUNK + 300):
        grid = rng.normal(128.0, 9.0, (n, 48))
        whole = np.zeros(n)
        whole[1:] = np.abs(np.diff(grid, axis=0)).mean(axis=1)
        np.testing.assert_array_equal(frame_steps(grid), whole)
