"""Camera, motion and depth against ground truth.

A 320×240 window moves over a large still texture (detailed everywhere) at a
known speed, so the camera move and its speed are known exactly: a window
moving right is a camera panning right (the picture slides left).
"""

from __future__ import annotations

import math

import pytest

from tests.dynamic_support import dynamic
from tests.media import make_video, pan_video, texture

WIDTH = 320
SPEED_TOLERANCE = 0.15


@pytest.fixture(scope="module")
def still(tmp_path_factory):
    return texture(tmp_path_factory.mktemp("texture") / "texture.png")


@pytest.mark.parametrize(
    ("speed_px_s", "motion_type", "direction", "key"),
    [
        ((64, 0), "pan_right", "horizontal", "pan_speed"),
        ((-48, 0), "pan_left", "horizontal", "pan_speed"),
        ((0, 48), "tilt_down", "vertical", "tilt_speed"),
        ((0, -40), "tilt_up", "vertical", "tilt_speed"),
    ],
)
def test_pan_and_tilt_type_direction_and_speed(tmp_path, still, speed_px_s, motion_type, direction, key):
    path = pan_video(tmp_path / f"{motion_type}.mp4", still, speed_px_s=speed_px_s, duration_s=3)
    _, d = dynamic(path)
    expected = math.hypot(*speed_px_s) / WIDTH  # frame widths per second
    signed = (speed_px_s[0] or speed_px_s[1]) / WIDTH
    assert len(d["windows"]) == 3
    for w in d["windows"]:
        assert w["camera"]["motion_type"] == motion_type, w["camera"]
        assert w["camera"]["speed"] == pytest.approx(expected, rel=SPEED_TOLERANCE)
        assert w["camera"][key] == pytest.approx(signed, rel=SPEED_TOLERANCE)
        assert w["motion"]["direction"] == direction
        # A flat texture sliding as one piece: no parallax, one layer.
        assert w["depth"]["layer_count"] == 1
        assert w["depth"]["parallax_strength"] < 0.1 * expected
    assert d["transitions"] == []


@pytest.mark.parametrize(("zoom", "motion_type"), [("1+0.004*on", "zoom_in"), ("1.3-0.004*on", "zoom_out")])
def test_zoom(tmp_path, still, zoom, motion_type):
    """zoompan at 25 fps: the scale goes z(n) per output frame n, so ln-scale per second over window k is known."""
    graph = f"[0:v]crop=480:360,zoompan=z='{zoom}':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=1:s=320x240:fps=25[v]"
    path = make_video(tmp_path / f"{motion_type}.mp4", still, duration_s=3, filter_complex=graph)
    _, d = dynamic(path)
    sign = 1 if motion_type == "zoom_in" else -1
    for k, w in enumerate(d["windows"]):
        first, last = 25 * k, 25 * k + 24
        z = lambda n: 1 + 0.004 * n if sign > 0 else 1.3 - 0.004 * n  # noqa: E731
        rate = math.log(z(last) / z(first)) / (24 / 25)  # d ln(scale)/dt, per second
        assert w["camera"]["motion_type"] == motion_type, w["camera"]
        assert w["camera"]["zoom_speed"] == pytest.approx(rate, rel=SPEED_TOLERANCE)
        assert w["motion"]["direction"] == "radial"
        assert w["depth"]["layer_count"] == 1
    assert d["transitions"] == []


def test_still_shot_is_static_and_still(tmp_path, still):
    path = make_video(tmp_path / "static.mp4", still, duration_s=3, filter_complex="[0:v]crop=320:240:100:100[v]")
    _, d = dynamic(path)
    for w in d["windows"]:
        assert w["camera"]["motion_type"] == "static"
        assert w["camera"]["speed"] == 0
        assert w["camera"]["steadiness"] > 0.95
        assert w["motion"]["direction"] == "neutral"
        assert w["motion"]["rhythm"] == "still"
        assert w["motion"]["level"] < 0.5


def test_shaking_camera_is_handheld(tmp_path, still):
    """The window shakes ±6 px at 4 Hz around a fixed point: no steady move, strong jitter."""
    graph = "[0:v]crop=320:240:x='100+6*sin(2*PI*4*t)':y='100+4*sin(2*PI*3*t+1)'[v]"
    _, d = dynamic(make_video(tmp_path / "shake.mp4", still, duration_s=3, filter_complex=graph))
    for w in d["windows"]:
        assert w["camera"]["motion_type"] == "handheld", w["camera"]
        assert w["camera"]["steadiness"] < 0.3
    assert d["transitions"] == []


def test_object_moving_over_still_background_is_a_second_layer(tmp_path, still):
    """A textured patch slides right over a static textured background: the camera is static, the patch is a second motion layer."""
    patch = texture(tmp_path / "patch.png", size=(640, 480), seed=7)
    graph = "[0:v]crop=320:240:100:100[bg];[1:v]crop=150:150:0:0[fg];[bg][fg]overlay=x='20+50*t':y=45,format=yuv420p[v]"
    path = make_video(tmp_path / "layers.mp4", still, patch, duration_s=3, filter_complex=graph)
    _, d = dynamic(path)
    for w in d["windows"]:
        assert w["camera"]["motion_type"] == "static", w["camera"]
        assert w["depth"]["layer_count"] >= 2, w["depth"]
        assert w["depth"]["parallax_strength"] > 0.02
        assert w["motion"]["direction"] == "horizontal"
    assert d["transitions"] == []
