"""Gradient, lighting, composition and graphics against pictures whose answer is known by construction."""

from __future__ import annotations

import pytest

from aspects.dynamic.picture import color_temperature_k
from tests.dynamic_support import S, dynamic
from tests.media import make_video


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        (f"gradients={S}:c0=black:c1=white:x0=0:y0=0:x1=0:y1=239:speed=0", "vertical"),
        (f"gradients={S}:c0=red:c1=blue:x0=0:y0=0:x1=319:y1=0:speed=0", "horizontal"),
        (f"gradients={S}:c0=0x202020:c1=0xE0E0E0:x0=0:y0=0:x1=319:y1=239:speed=0", "diagonal"),
        (f"nullsrc={S},geq=lum='40+200*hypot(X-W/2,Y-H/2)/hypot(W/2,H/2)':cb=128:cr=128", "radial"),
        (f"testsrc2={S}", "none"),
        (f"color=c=teal:{S}", "none"),
    ],
)
def test_gradient_type(tmp_path, source, kind):
    """Vertical: the colour changes from top to bottom; horizontal: from left to right."""
    _, d = dynamic(make_video(tmp_path / "g.mp4", source, duration_s=2, filter_complex="[0:v]format=yuv420p[v]"))
    for w in d["windows"]:
        assert w["gradient"]["gradient_type"] == kind, w["gradient"]
        assert (w["gradient"]["strength"] > 0.3) == (kind != "none")


@pytest.mark.parametrize(("expr", "trend"), [("-0.4+0.25*t", "increasing"), ("0.3-0.25*t", "decreasing"), ("0", "steady")])
def test_brightness_ramp_gives_the_lighting_trend(tmp_path, expr, trend):
    graph = f"[0:v]eq=brightness='{expr}':eval=frame,format=yuv420p[v]"
    _, d = dynamic(make_video(tmp_path / "ramp.mp4", f"testsrc2={S}", duration_s=3, filter_complex=graph))
    assert [w["lighting"]["trend"] for w in d["windows"]] == [trend] * 3
    brightness = [w["lighting"]["brightness"] for w in d["windows"]]
    if trend != "steady":
        assert brightness == sorted(brightness, reverse=trend == "decreasing")


@pytest.mark.parametrize(("colour", "temperature"), [("0xFF8C28", "warm"), ("0xFFB070", "warm"), ("0x2864FF", "cool"), ("0x90B0FF", "cool"), ("0xFFFFFF", "neutral")])
def test_warm_and_cool_colours(tmp_path, colour, temperature):
    _, d = dynamic(make_video(tmp_path / "c.mp4", f"color=c={colour}:{S}", duration_s=1))
    assert d["windows"][0]["lighting"]["color_temperature"] == temperature


def test_colour_temperature_of_reference_whites():
    """sRGB white is D65 (≈ 6500 K); a 2700 K incandescent white (255, 169, 87) reads warm, near its nominal value."""
    assert color_temperature_k(255, 255, 255) == pytest.approx(6500, rel=0.05)
    assert color_temperature_k(255, 169, 87) == pytest.approx(2700, rel=0.1)


def test_key_intensity_and_contrast(tmp_path):
    _, dark = dynamic(make_video(tmp_path / "dark.mp4", f"color=c=0x151515:{S}", duration_s=1))
    _, bright = dynamic(make_video(tmp_path / "bright.mp4", f"color=c=0xF0F0F0:{S}", duration_s=1))
    assert dark["windows"][0]["lighting"]["key_intensity"] == "low-key"
    assert bright["windows"][0]["lighting"]["key_intensity"] == "high-key"
    assert dark["windows"][0]["lighting"]["contrast"] < 0.02


def test_composition_follows_the_subject(tmp_path):
    """A white square on the left third of a black frame: mass on the left, left-heavy, not symmetric."""
    graph = "[0:v]drawbox=x=40:y=80:w=80:h=80:color=white:t=fill,format=yuv420p[v]"
    _, d = dynamic(make_video(tmp_path / "left.mp4", f"color=c=black:{S}", duration_s=1, filter_complex=graph))
    c = d["windows"][0]["composition"]
    assert c["center_x"] == pytest.approx(80 / 320, abs=0.05)
    assert c["center_y"] == pytest.approx(0.5, abs=0.05)
    assert c["balance_lr"] < -0.8
    assert c["symmetry"] < 0.5
    _, flat = dynamic(make_video(tmp_path / "flat.mp4", f"color=c=black:{S}", duration_s=1))
    assert flat["windows"][0]["composition"]["symmetry"] == 1.0
    assert flat["windows"][0]["composition"]["balance"] == 1.0


def test_graphics_texture_versus_flat(tmp_path):
    _, busy = dynamic(make_video(tmp_path / "busy.mp4", f"testsrc2={S}", duration_s=1, filter_complex="[0:v]format=yuv420p[v]"))
    _, flat = dynamic(make_video(tmp_path / "flat.mp4", f"color=c=navy:{S}", duration_s=1))
    b, f = busy["windows"][0]["graphics"], flat["windows"][0]["graphics"]
    assert f["edge_density"] == 0 and f["busyness"] == 0 and f["spatial_variance"] < 0.001
    assert b["edge_density"] > 0.03 and b["busyness"] > 0.2 and b["spatial_variance"] > 0.05
