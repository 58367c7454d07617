"""The wipe grid's switch-time map (aspects/dynamic/wipes.py) on synthetic grids with known edges.

Each test builds the 8 × 6 luma/Cr/Cb grid of a clip frame by frame: shot A
and shot B are per-cell levels with their own frame-to-frame noise (moving
texture, grain), and each cell shows A until a known edge reaches it, B
after (a straight ramp over the time the edge takes to cross it). The map
must give back the edge's shape, direction and first and last moments.
"""

from __future__ import annotations

import numpy as np
import pytest

from aspects.dynamic import wipes
from aspects.measure.visual import WIPE_GRID

COLS, ROWS = WIPE_GRID
FPS = 30.0
START, DURATION = 1.0, 1.0  # the edge's first moment and how long it takes (seconds)


def _cells() -> tuple[np.ndarray, np.ndarray]:
    """Cell centres in frame widths (x across, y down), row by row."""
    rows, cols = np.divmod(np.arange(COLS * ROWS), COLS)
    return (cols + 0.5) / COLS, (rows + 0.5) / ROWS * wipes.ASPECT


def _grid(reach: np.ndarray, noise: float, seed: int = 0, seconds: float = 3.0, half: np.ndarray | float | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(frame times, grid) for a clip whose cell k switches from A to B over [reach[k] - half, reach[k] + half] (seconds; ``half`` per cell or one for all, 1/(2·COLS)·DURATION by default)."""
    rng = np.random.default_rng(seed)
    t = np.arange(0.0, seconds, 1 / FPS)
    a, b = rng.uniform(40, 200, (3, COLS * ROWS)), rng.uniform(40, 200, (3, COLS * ROWS))
    half = DURATION / COLS / 2 if half is None else half
    share = np.clip((t[:, None] - (reach[None, :] - half)) / (2 * half), 0.0, 1.0)  # frames × cells
    planes = a[None] * (1 - share[:, None]) + b[None] * share[:, None] + rng.normal(0, noise, (t.size, 3, COLS * ROWS))
    return t, planes.reshape(t.size, -1)


def _layout(reach: np.ndarray, noise: float = 2.0) -> dict:
    t, grid = _grid(reach, noise)
    cells = wipes.split_switch_times(t, grid, 0, t.size - 1, int(0.2 * FPS))
    assert cells is not None
    edge = wipes.fine_layout(cells)
    assert edge is not None
    return edge


@pytest.mark.parametrize(("towards", "direction"), [((1, 0), "right"), ((-1, 0), "left"), ((0, 1), "down"), ((0, -1), "up"), ((-1, -1), "up-left")])
def test_a_straight_edge_gives_its_direction_and_its_ends(towards, direction):
    x, y = _cells()
    along = (towards[0] * x + towards[1] * y / wipes.ASPECT) / np.hypot(*towards)
    lo, hi = min(towards[0], 0) + min(towards[1], 0), max(towards[0], 0) + max(towards[1], 0)  # along's range over the frame
    lo, hi = lo / np.hypot(*towards), hi / np.hypot(*towards)
    reach = START + (along - lo) / (hi - lo) * DURATION  # the edge crosses the frame from START to START + DURATION
    edge = _layout(reach)
    assert edge["direction"] == direction
    assert edge["fit"] >= wipes.FINE_FIT
    # Within 2 frames, as the corpus' truths are judged (a cell is 1/8 of the way: its crossing is extrapolated to the frame's edge).
    assert abs(edge["start"] - START) <= 2 / FPS and abs(edge["end"] - (START + DURATION)) <= 2 / FPS


@pytest.mark.parametrize("opening", [True, False])
def test_a_circle_opens_out_of_or_closes_into_the_centre(opening):
    x, y = _cells()
    r = np.hypot(x - 0.5, y - 0.5 * wipes.ASPECT) / np.hypot(0.5, 0.5 * wipes.ASPECT)
    edge = _layout(START + (r if opening else 1 - r) * DURATION)
    assert edge["direction"] == ("out" if opening else "in")


def test_a_hard_box_edge_is_not_widened_as_a_soft_one():
    """xfade's wipetl: a box of shot B growing out of the top-left corner over 2 s; its sides cross a cell in 1/8 of the time
    across and 1/6 of it down (the box's own units), with no soft edge: its ends stay within 2 frames."""
    x, y = _cells()
    across, down = x, y / wipes.ASPECT
    seconds = 2.0
    reach = 1.0 + np.maximum(across, down) * seconds
    half = np.where(across >= down, seconds / COLS, seconds / ROWS) / 2  # the side reaching the cell: the vertical one, or the horizontal one
    t, grid = _grid(reach, 2.0, seconds=seconds + 2.0, half=half)
    cells = wipes.split_switch_times(t, grid, 0, t.size - 1, int(0.2 * FPS))
    assert cells is not None
    edge = wipes.fine_layout(cells)
    assert edge is not None and edge["direction"] == "down-right"
    assert abs(edge["start"] - 1.0) <= 2 / FPS and abs(edge["end"] - (1.0 + seconds)) <= 2 / FPS


def test_a_clock_hand_turns_clockwise():
    x, y = _cells()
    angle = np.mod(np.arctan2(y - 0.5 * wipes.ASPECT, x - 0.5) + np.pi / 2, 2 * np.pi)  # from 12 o'clock, clockwise on screen
    edge = _layout(START + angle / (2 * np.pi) * DURATION)
    assert edge["direction"] == "clockwise"


def test_all_cells_switching_together_is_no_edge():
    """A dissolve: every cell at once (within noise) — the switch times hold no spatial order."""
    rng = np.random.default_rng(3)
    edge = _layout(START + DURATION / 2 + rng.normal(0, 0.01, COLS * ROWS))
    assert edge["fit"] < wipes.FINE_FIT


def test_cells_lost_in_their_own_noise_do_not_count():
    """Footage whose cells wander as much as the change between the shots (a busy pan) leaves no clean cells."""
    x, _ = _cells()
    t, grid = _grid(START + x * DURATION, noise=60.0)
    cells = wipes.split_switch_times(t, grid, 0, t.size - 1, int(0.2 * FPS))
    assert cells is None or cells["times"].size < wipes.FINE_MIN_CELLS * COLS * ROWS


def test_the_decode_stage_caches_the_wipe_grid_as_bytes_and_reads_back_the_same_columns():
    """The 144 wipe-grid columns (whole levels 0–255) go into the stage cache's JSON as one byte a value (base64, ~0.2 kB a
    frame) and come back as the same float columns in the same order; a grid that is not whole levels stays plain JSON."""
    import json

    from aspects.measure.visual import WIPE_GRID_KEYS
    from aspects.pipeline import Measurements

    rng = np.random.default_rng(5)
    n = 50
    frames = {"t": np.arange(n) / 25.0, "luma_mean": rng.uniform(0, 255, n)}
    frames.update({k: rng.integers(0, 256, n).astype(float) for k in WIPE_GRID_KEYS})

    def cached(columns: dict) -> tuple[str, Measurements]:
        m = Measurements(sha256="x", facts={}, frames=dict(columns), sound=None, envelope=None, envelope_hop_s=None, audio_start_s=None)
        text = m.to_json()
        return text, Measurements(**json.loads(text))

    text, back = cached(frames)
    assert list(back.frames) == list(frames)
    assert all(np.array_equal(back.frames[k], frames[k]) for k in frames)
    plain, _ = cached({k: v for k, v in frames.items() if k not in WIPE_GRID_KEYS})
    names = len(json.dumps(WIPE_GRID_KEYS))  # the columns' names, once a video
    assert (len(text) - len(plain) - names) / n <= 1.05 * len(WIPE_GRID_KEYS) * 4 / 3  # base64: 4/3 of a byte a value
    frames[WIPE_GRID_KEYS[3]] = frames[WIPE_GRID_KEYS[3]] + 0.5
    text, back = cached(frames)
    assert np.array_equal(back.frames[WIPE_GRID_KEYS[3]], frames[WIPE_GRID_KEYS[3]]) and (len(text) - len(plain)) / n > 3 * len(WIPE_GRID_KEYS)


def _sliding(carry_a: bool, carry_b: bool, seconds: float = 2.5, noise: float = 1.5, seed: int = 4) -> tuple[np.ndarray, np.ndarray]:
    """(frame times, grid) of an edge crossing the frame leftwards from START for DURATION, over textured pictures A and B
    (random profiles along x at 1/32 of a cell, box-averaged into the cells), each carried along with the edge or not."""
    rng = np.random.default_rng(seed)
    fine = 32  # samples per cell along x
    width = COLS * fine
    profile = lambda: np.repeat(rng.uniform(30, 220, (3, ROWS, 2 * COLS)), fine // 2, axis=2)  # noqa: E731 (texture: half-cell patches)
    a, b = profile(), profile()
    t = np.arange(0.0, seconds, 1 / FPS)
    frames = []
    x = np.arange(width)
    for now in t:
        edge = width * (1 - np.clip((now - START) / DURATION, 0.0, 1.0))  # from the right side to the left: B on the right
        shift = width - edge  # how far the pictures have travelled left
        from_a = a[..., np.clip(x + (shift if carry_a else 0), 0, width - 1).astype(int)]
        from_b = b[..., np.clip(x - (edge if carry_b else 0), 0, width - 1).astype(int)]
        picture = np.where(x < edge, from_a, from_b)
        frames.append(picture.reshape(3, ROWS, COLS, fine).mean(axis=3).ravel() + rng.normal(0, noise, 3 * ROWS * COLS))
    return t, np.array(frames)


@pytest.mark.parametrize(("carry_a", "carry_b"), [(True, True), (False, True), (True, False)], ids=["slide", "cover", "reveal"])
def test_an_edge_carrying_the_pictures_is_tracked_frame_by_frame(carry_a, carry_b):
    """slideleft / coverleft / revealleft on texture: the edge is placed in every frame against A and B carried along, its ends within 2 frames."""
    t, grid = _sliding(carry_a, carry_b)
    edge = wipes.tracked_edge(t, grid, 0, t.size - 1, int(0.2 * FPS))
    assert edge is not None and edge["direction"] == "left"
    assert abs(edge["start"] - START) <= 2 / FPS and abs(edge["end"] - (START + DURATION)) <= 2 / FPS


def test_no_edge_is_tracked_in_a_picture_that_only_wobbles():
    rng = np.random.default_rng(9)
    t = np.arange(0.0, 2.5, 1 / FPS)
    grid = rng.uniform(30, 220, 3 * ROWS * COLS)[None, :] + rng.normal(0, 4.0, (t.size, 3 * ROWS * COLS))
    assert wipes.tracked_edge(t, grid, 0, t.size - 1, int(0.2 * FPS)) is None


@pytest.mark.parametrize(("across", "holds"), [(0.0, False), (2.0, True)])
def test_a_side_moving_on_the_change_s_way_is_a_pan_unless_it_wanders_other_ways_more(across, holds):
    """After a change from A to B (1 s), B moves on at 0.7 times the change's rate along its way (over SIDE_RATIO): with nothing
    else (a pan carrying on) the sides do not hold; moving ``across`` times as fast other ways too (texture moving on its own),
    they hold next to a tracked edge (``share`` SIDE_SHARE) and still do not by the plain rate test."""
    from aspects.dynamic.signals import Signals

    rng = np.random.default_rng(3)
    t = np.arange(0.0, 3.0, 1 / FPS)
    p, q = int(1.0 * FPS), int(2.0 * FPS)
    a, b = rng.uniform(40, 200, 48), rng.uniform(40, 200, 48)
    way = (b - a) / np.linalg.norm(b - a)
    other = rng.normal(0, 1, 48)
    other -= (other @ way) * way
    other /= np.linalg.norm(other)
    rate = np.linalg.norm(b - a)  # levels per second (the change takes 1 s)
    share = np.clip(t - 1.0, 0.0, 1.0)[:, None]
    after = np.clip(t - 2.0, 0.0, None)[:, None]
    state = a[None] * (1 - share) + b[None] * share + after * rate * (0.7 * way + across * other)[None]
    s = Signals(t=t, dt=np.full(t.size, 1 / FPS), duration_s=3.0, columns={})
    stops = np.zeros(t.size, dtype=bool)
    assert wipes.busy_sides_hold(s, state, p, q, stops, wipes.SIDE_SHARE) is holds
    assert wipes.busy_sides_hold(s, state, p, q, stops) is False


@pytest.mark.parametrize("eased", [False, True])
def test_a_soft_edge_s_ends_lie_half_its_width_outside_the_cells_half_way_times(eased):
    """A soft left-to-right edge (a straight ramp or a smoothstep, half the frame wide: xfade-like soft wipes) crossing the frame in 2.5 s,
    each cell's level the mean of 16 columns under it: the edge's first and last moments, where its front enters and its
    tail leaves the frame, come back within 2 frames (the cell's own width rounds the profile's corners: ``edge_width``)."""
    rng = np.random.default_rng(5)
    seconds, width = 2.5, 0.5  # the edge's middle crosses 1 + width frame widths in ``seconds``; its width (frame widths)
    speed = (1 + width) / seconds
    t = np.arange(0.0, seconds + 2.0, 1 / FPS)
    columns = (np.arange(COLS * 16) + 0.5) / (COLS * 16)
    middle = 1.0 + (columns + width / 2) / speed  # when the edge's middle passes each column (s)
    u = np.clip(0.5 + (t[:, None] - middle[None, :]) * speed / width, 0.0, 1.0)
    share = (u * u * (3 - 2 * u) if eased else u).reshape(t.size, COLS, 16).mean(axis=2)  # frames × columns of cells
    share = np.tile(share, (1, ROWS))
    a, b = rng.uniform(40, 200, (3, COLS * ROWS)), rng.uniform(40, 200, (3, COLS * ROWS))
    planes = a[None] * (1 - share[:, None]) + b[None] * share[:, None] + rng.normal(0, 2.0, (t.size, 3, COLS * ROWS))
    cells = wipes.split_switch_times(t, planes.reshape(t.size, -1), 0, t.size - 1, int(0.2 * FPS))
    assert cells is not None
    edge = wipes.fine_layout(cells)
    assert edge is not None and edge["direction"] == "right"
    assert abs(edge["start"] - 1.0) <= 2 / FPS and abs(edge["end"] - (1.0 + seconds)) <= 2 / FPS


@pytest.mark.xfail(
    strict=True,
    reason="known miss (session 12, docs/dynamic.md): cells that wander pull the least-squares soft-edge width narrow; a least-absolute-deviations width fixed this but cost 3 hits on the wipe splits",
)
def test_a_soft_edge_s_width_holds_when_some_cells_wander():
    """The eased soft edge above (2.5 s, half the frame wide), but a third of the cells wander on their own (a random walk
    of 2.5 levels a frame, as moving texture under a cell does): the ends should come back within 2 frames on every one
    of 12 draws (the least-squares width comes back 4-5 frames narrow at each end on two of them)."""
    seconds, width = 2.5, 0.5
    speed = (1 + width) / seconds
    t = np.arange(0.0, seconds + 2.0, 1 / FPS)
    columns = (np.arange(COLS * 16) + 0.5) / (COLS * 16)
    u = np.clip(0.5 + (t[:, None] - (1.0 + (columns + width / 2) / speed)[None, :]) * speed / width, 0.0, 1.0)
    share = np.tile((u * u * (3 - 2 * u)).reshape(t.size, COLS, 16).mean(axis=2), (1, ROWS))
    for seed in range(12):
        rng = np.random.default_rng(seed)
        a, b = rng.uniform(40, 200, (3, COLS * ROWS)), rng.uniform(40, 200, (3, COLS * ROWS))
        noise = rng.normal(0, 2.0, (t.size, 3, COLS * ROWS))
        wander = np.cumsum(rng.normal(0, 2.5, (t.size, 3, COLS * ROWS)), axis=0)
        noise += (rng.random(COLS * ROWS) < 0.3)[None, None, :] * (wander - wander.mean(axis=0))
        planes = a[None] * (1 - share[:, None]) + b[None] * share[:, None] + noise
        cells = wipes.split_switch_times(t, planes.reshape(t.size, -1), 0, t.size - 1, int(0.2 * FPS))
        assert cells is not None
        edge = wipes.fine_layout(cells)
        assert edge is not None and edge["direction"] == "right"
        assert abs(edge["start"] - 1.0) <= 2 / FPS and abs(edge["end"] - (1.0 + seconds)) <= 2 / FPS, seed


def _scrolling(direction: str, edge: bool = True, seconds: float = 2.5, noise: float = 1.5, seed: int = 11) -> tuple[np.ndarray, np.ndarray]:
    """(frame times, grid) of a hard edge going ``direction`` (right or down) from START for DURATION between textures A and B
    that scroll along the edge (rows rolled down a cell a frame for a right edge, columns right for a down one): no cell
    holds its level, every band across the edge's way keeps its statistics. ``edge=False``: A scrolling alone."""
    rng = np.random.default_rng(seed)
    a, b = rng.uniform(30, 220, (3, ROWS, COLS)), rng.uniform(30, 220, (3, ROWS, COLS))
    t = np.arange(0.0, seconds, 1 / FPS)
    axis, cells = (2, COLS) if direction == "right" else (1, ROWS)
    along = 1 if axis == 2 else 2
    frames = []
    for k, now in enumerate(t):
        at = cells * np.clip((now - START) / DURATION, 0.0, 1.0) if edge else 0.0
        share = np.clip(at - np.arange(cells), 0.0, 1.0)  # B's share of each band (B behind the edge)
        share = share[None, None, :] if axis == 2 else share[None, :, None]
        picture = np.roll(a, k, axis=along) * (1 - share) + np.roll(b, k, axis=along) * share
        frames.append(picture.ravel() + rng.normal(0, noise, 3 * ROWS * COLS))
    return t, np.array(frames)


@pytest.mark.parametrize("direction", ["right", "down"])
def test_an_edge_between_pictures_moving_along_it_is_read_band_by_band(direction):
    """The cells of textures scrolling along the edge never hold a level (the switch-time map finds no edge); the bands across the edge's way do: its way and its ends within 2 frames."""
    t, grid = _scrolling(direction)
    ref = int(0.2 * FPS)
    cells = wipes.split_switch_times(t, grid, 0, t.size - 1, ref)
    assert cells is None or cells["times"].size < wipes.FINE_MIN_CELLS * COLS * ROWS
    edge = wipes.band_edge(t, grid, 0, t.size - 1, ref)
    assert edge is not None and edge["direction"] == direction
    assert abs(edge["start"] - START) <= 2 / FPS and abs(edge["end"] - (START + DURATION)) <= 2 / FPS


def test_no_band_edge_in_texture_that_only_scrolls():
    t, grid = _scrolling("right", edge=False)
    assert wipes.band_edge(t, grid, 0, t.size - 1, int(0.2 * FPS)) is None


def test_bands_an_edge_crosses_stay_changed_and_bands_a_passing_line_crosses_come_back():
    """``bands_stay`` (BAND_STAY): over a window, each column band's statistics (here its mean colour) go from A's to B's as an edge crosses it
    (each band once, its step between the window's end pictures its farthest excursion: near 1), while a line crossing a
    still picture lifts each band for a few frames and lets it fall back (step about the noise, excursion the line's: near 0)."""
    rng = np.random.default_rng(5)
    t = np.arange(0.0, 3.0, 1 / FPS)
    ref = int(0.2 * FPS)
    a, b = rng.uniform(40, 200, (3, COLS)), rng.uniform(40, 200, (3, COLS))
    crossed = (np.arange(COLS) + 0.5) / COLS  # where the edge or the line is over each band, as a share of its crossing
    when = np.clip((t[:, None] - START - crossed[None] * DURATION) * FPS, 0.0, 1.0)  # frames × bands: 0 before, 1 after (1 frame ramp)
    edge = a[None] * (1 - when[:, None]) + b[None] * when[:, None] + rng.normal(0, 1.5, (t.size, 3, COLS))
    line = a[None] + 60.0 * (np.abs(t[:, None] - START - crossed[None] * DURATION) < 1.5 / FPS)[:, None] + rng.normal(0, 1.5, (t.size, 3, COLS))
    assert wipes.bands_stay(edge, ref) >= 0.85  # the farthest excursion holds a frame's noise (1.5 levels) over steps of tens
    assert wipes.bands_stay(line, ref) < 0.1
    assert wipes.bands_stay(edge, ref) >= wipes.BAND_STAY > wipes.bands_stay(line, ref)


def test_batched_fits_match_one_by_one():
    """``_robust_fits`` (every edge model of as many columns at once) gives each model's ``_robust_fit`` (R² and coefficients, to 1e-9), ties in the times included."""
    rng = np.random.default_rng(11)
    for _ in range(40):
        n = int(rng.integers(4, 49))
        x, y = rng.random(n), rng.random(n) * wipes.ASPECT
        times = np.round(rng.random(n) * 2, int(rng.integers(1, 4)))
        designs = [design for design, _, _ in wipes._edge_models(x, y)][1:]  # the two-column ones
        fits, coefs = wipes._robust_fits(np.stack(designs), times)
        for design, fit, coef in zip(designs, fits, coefs):
            one_fit, one_coef = wipes._robust_fit(design, times)
            assert abs(fit - one_fit) < 1e-9 and np.allclose(coef, one_coef, atol=1e-9)


def test_edge_width_matches_every_point_modelled():
    """``edge_width`` (the points off the ramp summed from running totals) picks the width the brute-force fit (every point at every place, every width) picks."""

    def brute(offset: np.ndarray, progress: np.ndarray, cell_s: float) -> float:
        o, v = offset.ravel(), progress.ravel()
        widths = np.concatenate([[0.0], np.geomspace(1e-3, max(float(np.ptp(o)), 2e-3), wipes.WIDTH_STEPS)])
        across = np.linspace(-0.5, 0.5, wipes.CELL_SAMPLES) * cell_s
        u = np.clip(0.5 + (o[None, None, :] + across[None, :, None]) / np.maximum(widths, 1e-9)[:, None, None], 0.0, 1.0)
        cost = np.stack([((shape.mean(axis=1) - v[None, :]) ** 2).sum(axis=1) for shape in (u, u * u * (3 - 2 * u))], axis=1)
        cost[widths < cell_s, 1] = np.inf
        return float(widths[np.unravel_index(np.argmin(cost), cost.shape)[0]])

    rng = np.random.default_rng(12)
    for _ in range(30):
        n = int(rng.integers(3, 600))
        span = rng.uniform(0.02, 1.0)
        o = rng.uniform(-span, span, n)
        v = np.clip(0.5 + o / rng.uniform(0.01, 1.5) + rng.normal(0, 0.1, n), 0.0, 1.2)
        cell_s = float(rng.uniform(0.005, 0.3))
        assert wipes.edge_width(o, v, cell_s) == pytest.approx(brute(o, v, cell_s), rel=1e-12)
