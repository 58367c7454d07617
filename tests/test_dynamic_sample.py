"""The included sample (data/samples/sample.mp4, rendered by scripts/make_sample.py from clips whose content is known) read back.

0–2 s teal with a white disc moving right, 120 BPM clicks + tone; cut at 2 s;
2–4 s a texture with the camera panning right at 0.25 width/s; cut at 4 s;
4–6 s a warm vertical gradient fading out to black over 5.2–6 s, low rumble;
6–8 s fading in (6–6.8 s) to blue with a pulsing yellow square, clicks only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.dynamic_support import dynamic

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "samples" / "sample.mp4"


@pytest.fixture(scope="module")
def sample():
    if not SAMPLE.exists():
        pytest.fail(f"{SAMPLE} is missing: render it with `make sample`")
    return dynamic(SAMPLE)[1]


def test_sample_transitions(sample):
    kinds = [(t["type"], t["start"], t["end"]) for t in sample["transitions"]]
    assert [k[0] for k in kinds] == ["cut", "cut", "fade_out", "fade_in"], kinds
    assert kinds[0][1] == pytest.approx(2.0, abs=1e-6) and kinds[1][1] == pytest.approx(4.0, abs=1e-6)
    assert kinds[2][1:] == pytest.approx((5.2, 6.0), abs=0.2)
    assert kinds[3][1:] == pytest.approx((6.0, 6.8), abs=0.2)


def test_sample_windows(sample):
    w = sample["windows"]
    assert [x["camera"]["motion_type"] for x in w] == ["static", "static", "pan_right", "pan_right", "static", "static", "static", "static"]
    for x in w[2:4]:
        assert x["camera"]["speed"] == pytest.approx(0.25, rel=0.15)
    assert [x["motion"]["direction"] for x in w[:4]] == ["horizontal"] * 4  # the disc, then the pan
    assert [x["gradient"]["gradient_type"] for x in w[4:6]] == ["vertical", "vertical"]
    assert [x["lighting"]["color_temperature"] for x in (w[0], w[4], w[7])] == ["cool", "warm", "cool"]
    assert w[5]["lighting"]["trend"] == "decreasing" and w[6]["lighting"]["trend"] == "increasing"
    roles = [x["audio_semantic"]["role"] for x in w]
    assert roles == ["music"] * 4 + ["ambient"] * 2 + ["music"] * 2
    for x in w:
        if x["audio_semantic"]["role"] == "music":
            assert x["audio_semantic"]["tempo_bpm"] == pytest.approx(120, abs=2)
        else:
            assert x["audio_semantic"]["tempo_bpm"] is None
    script = sample["blends"]["color_script"]
    assert (script[0]["r"], script[0]["g"], script[0]["b"]) == pytest.approx((0, 128, 128), abs=8)
    assert (script[-1]["r"], script[-1]["g"], script[-1]["b"]) == pytest.approx((20, 40, 200), abs=8)
