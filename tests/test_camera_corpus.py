"""Camera moves, speeds and motion layers against the truth of a generated corpus (``tests/camera_corpus.py``).

Crop and zoompan paths over drawn stills (texture, smooth gradients, soft
shapes, flat areas with a few sharp shapes) and overlays of moving squares;
the true path comes from the filter expressions. Clips are 2 s at 256×144,
made once per session and analysed in-process by the real pipeline.
"""

from __future__ import annotations

import numpy as np
import pytest

from tests.camera_corpus import Layered, Move, write_still
from tests.dynamic_support import dynamic
from tests.media import make_video

SPEED_TOLERANCE = 0.10  # relative, against the least-squares slope of the true path over each window
KEYS = {"pan": ("pan_speed", "vx", -1), "tilt": ("tilt_speed", "vy", -1), "zoom": ("zoom_speed", "vz", 1)}


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    return tmp_path_factory.mktemp("camera_corpus")


def _windows(folder, clip):
    m, d = dynamic(clip.render(folder))
    return m, d


def _assert_move(corpus, move, tolerance):
    """Every window names ``move`` with its speed within ``tolerance`` (relative) of the true path's slope; returns the windows."""
    m, d = _windows(corpus, move)
    t = np.asarray(m.frames["t"], dtype=float)
    key, axis, sign = KEYS[move.kind.split("_")[0]]
    for w in d["windows"]:
        idx = np.flatnonzero((t >= w["start"]) & (t < w["end"]))
        truth = sign * move.window_truth(t, int(idx[0]), int(idx[-1]))[axis]
        assert w["camera"]["motion_type"] == move.kind, w["camera"]
        assert w["camera"][key] == pytest.approx(truth, rel=tolerance), (w["camera"], truth)
    return d


@pytest.mark.parametrize(
    "move",
    [
        Move("pan_left", 0.01, content="texture", fps=25),  # the floor on texture: 1 % of the width per second
        Move("tilt_up", 0.02, content="texture", fps=30),
        Move("pan_right", 0.5, content="texture", fps=24),
        Move("pan_left", 0.05, content="shapes", fps=30),
        Move("tilt_down", 0.2, content="sparse", fps=25),
        Move("zoom_in", 0.05, content="texture", fps=25),
        Move("zoom_out", 0.2, content="gradient", fps=24),
    ],
    ids=lambda m: m.name,
)
def test_camera_move_type_and_speed(corpus, move):
    d = _assert_move(corpus, move, SPEED_TOLERANCE)
    # One rigid picture under a camera move: one motion layer.
    assert [w["depth"]["layer_count"] for w in d["windows"]] == [1] * len(d["windows"]), [w["depth"] for w in d["windows"]]
    assert d["transitions"] == []


# x264 at crf 18 holds a slowly moving smooth gradient still for a few frames and then catches up (skipped blocks): the
# decoded picture lags the crop path by up to ~2 px and a 1 s window of a 3 %/s move reads up to ~10 % off. At crf 6 the
# decoded picture follows the path and the estimator is held to the 10 % goal.
ENCODER_LAG_TOLERANCE = 0.15


@pytest.mark.parametrize(
    ("move", "tolerance"),
    [
        (Move("pan_right", 0.03, content="gradient", fps=60), ENCODER_LAG_TOLERANCE),  # 3 %/s: the gradient target
        (Move("pan_right", 0.03, content="gradient", fps=25), ENCODER_LAG_TOLERANCE),
        (Move("tilt_down", 0.03, content="gradient", fps=30, crf=6), SPEED_TOLERANCE),
        (Move("zoom_in", 0.03, content="gradient", fps=24, crf=6), SPEED_TOLERANCE),
        (Move("tilt_up", 0.1, content="gradient", fps=25), SPEED_TOLERANCE),
        (Move("pan_left", 0.5, content="gradient", fps=30), SPEED_TOLERANCE),
    ],
    ids=lambda m: m.name if isinstance(m, Move) else f"tol{m}",
)
def test_camera_move_over_a_smooth_gradient(corpus, move, tolerance):
    _assert_move(corpus, move, tolerance)


@pytest.mark.parametrize(
    "move",
    [
        Move("static", 0.0, content="gradient", post="noise=alls=20:allf=t"),  # heavy grain
        Move("static", 0.0, content="gradient", post="eq=brightness='0.06*sin(2*PI*2*t)':eval=frame"),  # flicker
        Move("static", 0.0, content="shapes", crf=40),  # strong compression
    ],
    ids=lambda m: m.name,
)
def test_still_camera_stays_static(corpus, move):
    _, d = _windows(corpus, move)
    for w in d["windows"]:
        assert w["camera"]["motion_type"] == "static", w["camera"]
        assert w["camera"]["speed"] == 0
        assert w["depth"]["layer_count"] == 1, w["depth"]


def test_fades_and_cuts_are_not_camera_moves(corpus):
    """A gradient fading to black, a cut to another gradient and a fade back in: the camera never moves."""
    a = write_still(corpus / "gradient_a.png", "gradient", (800, 600), seed=3)
    b = write_still(corpus / "shapes_b.png", "shapes", (800, 600), seed=5)
    shot = "trim=duration=1.5,setpts=PTS-STARTPTS,crop=512:288:{x}:{y},scale=256:144,fade=t={way}:st={st}:d={d},format=yuv420p"
    graph = f"[0:v]{shot.format(x=300, y=300, way='out', st=0.6, d=0.8)}[a];[1:v]{shot.format(x=200, y=200, way='in', st=0, d=0.6)}[b];[a][b]concat=n=2:v=1[v]"
    path = make_video(corpus / "fade_cut.mp4", a, b, duration_s=3, filter_complex=graph)
    _, d = dynamic(path)
    assert d["transitions"], "the fades are found"
    for w in d["windows"]:
        assert w["camera"]["motion_type"] == "static", w["camera"]


@pytest.mark.parametrize(
    "clip",
    [
        Layered(0.0, 0.2, object_size=0.2),  # one square crossing a still texture
        Layered(0.0, -0.15, objects=2, object_size=0.12, content="gradient"),  # two small squares over a still gradient
    ],
    ids=lambda c: c.name,
)
def test_still_background_with_moving_objects_has_layers(corpus, clip):
    _, d = _windows(corpus, clip)
    for w in d["windows"]:
        assert w["depth"]["layer_count"] >= 2, w["depth"]


def test_objects_over_a_still_textured_background_leave_the_camera_static(corpus):
    _, d = _windows(corpus, Layered(0.0, 0.2, object_size=0.2))
    assert [w["camera"]["motion_type"] for w in d["windows"]] == ["static", "static"], [w["camera"] for w in d["windows"]]


def test_objects_over_a_still_gradient_leave_the_camera_static(corpus):
    _, d = _windows(corpus, Layered(0.0, -0.15, objects=2, object_size=0.12, content="gradient"))
    assert [w["camera"]["motion_type"] for w in d["windows"]] == ["static", "static"], [w["camera"] for w in d["windows"]]


def test_parallax_grows_with_the_speed_difference(corpus):
    """A camera pan with a foreground square moving differently: two layers, and more parallax the faster it differs."""
    strengths = []
    for relative in (0.15, 0.5):
        clip = Layered(0.1, -0.1 + relative)  # the picture slides left at 0.1 (pan right); the square moves relative to it
        _, d = _windows(corpus, clip)
        for w in d["windows"]:
            assert w["camera"]["motion_type"] == "pan_right", w["camera"]
            assert w["depth"]["layer_count"] >= 2, w["depth"]
        strengths.append(min(w["depth"]["parallax_strength"] for w in d["windows"]))
    assert strengths == sorted(strengths) and strengths[0] > 0, strengths
