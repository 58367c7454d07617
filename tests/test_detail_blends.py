"""Pixelize and blurred cross-fades read by their fine detail (``aspects.dynamic.detail_blends``), on clips made with ffmpeg.

xfade's ``hblur`` from a moving cellular automaton onto a flat colour (1.2 s,
30 fps; main reads only a cut at its first frame) and ``pixelize`` from a
moving automaton onto a flat colour (0.9 s, 48 fps; main reads nothing) are
one dissolve each, both ends within 2 frames of the rendered truth. A moving
automaton and a mandelbrot zoom into a plain region (the detail collapses,
no blend) hold no transition. The pure parts (the ramp fit, the half-way
spread of a blend and of a wipe) are checked on made-up series.
"""

from __future__ import annotations

import numpy as np
import pytest

from aspects.dynamic import detail_blends
from aspects.dynamic.signals import Signals
from aspects.dynamic.transitions import detect_transitions
from aspects.pipeline import measure_video
from tests.media import make_video

SIZE = "256x144"


def _xfade(tmp_path, name: str, a: str, b: str, transition: str, duration: float, fps: int):
    graph = (
        f"[0:v]trim=duration={1.0 + duration},setpts=PTS-STARTPTS,format=yuv420p[a];"
        f"[1:v]trim=duration={duration + 1.0},setpts=PTS-STARTPTS,format=yuv420p[b];"
        f"[a][b]xfade=transition={transition}:duration={duration}:offset=1.0[v]"
    )
    return make_video(tmp_path / f"{name}.mp4", a, b, duration_s=2.0 + duration, fps=fps, filter_complex=graph)


def _found(path) -> list[dict]:
    m = measure_video(path)
    return detect_transitions(Signals.from_frames(m.frames, m.facts.get("duration_s")))


BLENDS = [
    (
        "hblur-automaton-onto-flat",
        f"cellauto=s={SIZE}:r=30:rule=150:full=1:random_fill_ratio=0.5:random_seed=5,format=yuv420p,lutyuv=u=150:v=100",
        f"color=c=0xA06030:s={SIZE}:r=30",
        "hblur",
        1.2,
        30,
    ),
    (
        "pixelize-automaton-onto-flat",
        f"cellauto=s={SIZE}:r=48:rule=126:full=1:random_fill_ratio=0.45:random_seed=31,format=yuv420p,lutyuv=u=100:v=150",
        f"color=c=0xB0A070:s={SIZE}:r=48",
        "pixelize",
        0.9,
        48,
    ),
]


@pytest.mark.parametrize("name,a,b,transition,duration,fps", BLENDS, ids=[c[0] for c in BLENDS])
def test_a_pixelize_or_blurred_blend_off_moving_texture_is_one_dissolve(tmp_path, name, a, b, transition, duration, fps):
    found = _found(_xfade(tmp_path, name, a, b, transition, duration, fps))
    assert [t["type"] for t in found] == ["dissolve"], found
    tol = 2.01 / fps
    assert abs(found[0]["start"] - 1.0) <= tol and abs(found[0]["end"] - (1.0 + duration)) <= tol, found


NO_BLEND = [
    ("moving-automaton", f"cellauto=s={SIZE}:r=30:rule=90:full=1:random_fill_ratio=0.4:random_seed=77", 30),
    ("zoom-into-plain", f"mandelbrot=s={SIZE}:r=48:start_x=-0.743644786:start_y=0.1318252536:start_scale=0.74:end_scale=0.003:end_pts=45", 48),
]


@pytest.mark.parametrize("name,source,fps", NO_BLEND, ids=[c[0] for c in NO_BLEND])
def test_moving_texture_or_a_zoom_losing_its_detail_is_no_transition(tmp_path, name, source, fps):
    assert _found(make_video(tmp_path / f"{name}.mp4", source, duration_s=3.0, fps=fps)) == []


def test_ramp_fit_finds_a_clamped_ramp():
    t = np.arange(60) / 30.0
    progress = np.clip((t - 0.5) / 0.8, 0.0, 1.0) + np.random.default_rng(1).normal(0.0, 0.03, len(t))
    a, b, rms = detail_blends.ramp_fit(t, progress)
    assert abs(t[a] - 0.5) <= 1.01 / 30 and abs(t[b] - 1.3) <= 1.01 / 30 and rms < 0.05


def test_half_way_spread_tells_a_blend_from_a_wipe():
    """16 cells (luma, Cr, Cb) going 50 → 150: all together (a blend) or one column after another (a wipe)."""
    fps, n = 30, 60
    s = Signals.from_frames({"t": np.arange(n) / fps, "duration_s": np.full(n, 1 / fps)}, n / fps)
    u = np.clip((np.arange(n) - 15) / 30.0, 0.0, 1.0)
    blend = np.repeat((50.0 + 100.0 * u)[:, None], 48, axis=1)
    wipe = np.empty((n, 48))
    for cell in range(16):
        col = cell % 4
        v = np.clip((np.arange(n) - 15 - 7.5 * col) / 7.5, 0.0, 1.0)
        wipe[:, [cell, 16 + cell, 32 + cell]] = (50.0 + 100.0 * v)[:, None]
    assert detail_blends.half_way_spread(s, blend, 15, 45, 5) < 0.1
    assert detail_blends.half_way_spread(s, wipe, 15, 45, 5) > detail_blends.HALF_SPREAD
