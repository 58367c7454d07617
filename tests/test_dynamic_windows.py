"""The windows / transitions / blends parts of the analysis document: every category in every window, closed vocabularies, time, pacing, palette."""

from __future__ import annotations

import pytest

from aspects.settings import get_settings
from aspects.stages import analyze_video
from tests.dynamic_support import S, dynamic
from tests.media import click_track, ffmpeg, make_video, pan_video, texture

CATEGORIES = {
    "time": {"duration", "fps", "frame_count", "sync_offset_s"},
    "motion": {"level", "std", "trend", "direction", "rhythm"},
    "camera": {"motion_type", "speed", "steadiness"},
    "gradient": {"gradient_type", "strength"},
    "lighting": {"brightness", "contrast", "saturation", "color_temperature", "key_intensity", "trend"},
    "composition": {"center_x", "center_y", "balance", "symmetry"},
    "graphics": {"edge_density", "spatial_variance", "busyness"},
    "temporal": {"pacing", "cut_count", "shot_length_s", "motion_trend"},
    "technical": {"width", "height", "fps", "aspect_ratio", "codec", "bitrate"},
    "depth": {"parallax_strength", "layer_count"},
    "audio_semantic": {"role", "layers", "events", "instruments", "presence", "tempo_bpm", "mood"},
}
VOCABULARY = {
    ("motion", "trend"): {"increasing", "decreasing", "steady"},
    ("motion", "direction"): {"horizontal", "vertical", "radial", "neutral"},
    ("motion", "rhythm"): {"still", "steady", "pulsing"},
    ("camera", "motion_type"): {"static", "pan_left", "pan_right", "tilt_up", "tilt_down", "zoom_in", "zoom_out", "handheld"},
    ("gradient", "gradient_type"): {"none", "vertical", "horizontal", "diagonal", "radial"},
    ("lighting", "color_temperature"): {"warm", "neutral", "cool"},
    ("lighting", "key_intensity"): {"low-key", "normal", "high-key"},
    ("lighting", "trend"): {"increasing", "decreasing", "steady"},
    ("temporal", "motion_trend"): {"increasing", "decreasing", "steady"},
    ("audio_semantic", "role"): {"silence", "speech", "singing", "music", "ambient", "sfx"},
}


@pytest.fixture(scope="module")
def three_shots(tmp_path_factory):
    """Red, blue, green shots of 1.2 s each at 25 fps with a 120 BPM click track."""
    path = tmp_path_factory.mktemp("doc") / "three.mp4"
    return make_video(
        path,
        f"color=c=red:{S}:d=1.2",
        f"color=c=blue:{S}:d=1.2",
        f"color=c=0x00A000:{S}:d=1.2",
        duration_s=3.6,
        filter_complex="[0:v][1:v][2:v]concat=n=3:v=1:a=0[v]",
        audio=click_track(120, duration_s=3.6),
    )


def test_every_category_in_every_window_with_closed_vocabularies(three_shots):
    doc = analyze_video(three_shots, settings=get_settings())
    windows = doc["windows"]
    assert [w["index"] for w in windows] == [0, 1, 2, 3]
    for w in windows:
        for category, keys in CATEGORIES.items():
            assert keys <= set(w[category]), (category, w[category])
        for (category, key), words in VOCABULARY.items():
            assert w[category][key] in words, (category, key, w[category][key])
    assert {t["type"] for t in doc["transitions"]} <= {"cut", "fade_in", "fade_out", "dissolve", "wipe"}
    assert {"palette", "dominant_color", "color_script", "motion", "audio", "pacing"} <= set(doc["blends"])


def test_windows_cover_k_w_to_k_plus_one_w_in_seconds(three_shots):
    m, d = dynamic(three_shots, window_s=0.5)
    windows = d["windows"]
    assert [(w["start"], w["end"]) for w in windows] == [(k * 0.5, min((k + 1) * 0.5, 3.6)) for k in range(8)]
    assert [w["time"]["frame_count"] for w in windows] == [13, 12, 13, 12, 13, 12, 13, 2]  # frames at t = 0, 0.04, … 3.56
    assert sum(w["time"]["frame_count"] for w in windows) == m.frame_count
    for w in windows:
        assert w["technical"]["fps"] == pytest.approx(25.0)
        assert (w["technical"]["width"], w["technical"]["height"], w["technical"]["codec"]) == (320, 240, "h264")
        assert w["technical"]["aspect_ratio"] == pytest.approx(4 / 3, abs=1e-3)
        assert w["time"]["fps"] == pytest.approx(25.0)
    assert windows[-1]["time"]["duration"] == pytest.approx(0.1)


def test_temporal_pacing_and_blends(three_shots):
    _, d = dynamic(three_shots)
    cuts = [w["temporal"]["cut_count"] for w in d["windows"]]
    assert cuts == [0, 1, 1, 0]  # cuts at 1.2 s and 2.4 s
    assert all(w["temporal"]["shot_length_s"] == pytest.approx(1.2) for w in d["windows"])
    assert d["windows"][0]["temporal"]["pacing"] == pytest.approx(2 / 3.6 * 60, rel=1e-3)  # the ±10 s context is the whole clip
    blends = d["blends"]
    assert blends["pacing"]["cuts_per_minute"] == pytest.approx(2 / 3.6 * 60, rel=1e-3)
    assert blends["pacing"]["mean_shot_length_s"] == pytest.approx(1.2)
    script = [(c["r"] > 200, c["b"] > 200, c["g"] > 120) for c in blends["color_script"]]
    assert script == [(True, False, False), (False, True, False), (False, False, True)]
    shares = sorted(c["share"] for c in blends["palette"])
    assert len(shares) == 3 and all(s == pytest.approx(1 / 3, abs=0.02) for s in shares)
    assert blends["audio"]["tempo_bpm"] == pytest.approx(120, abs=2)


def test_sync_offset_from_timestamps(tmp_path, three_shots):
    """Audio shifted 0.3 s later in the container: every window reports a +0.3 s offset; None without audio."""
    shifted = tmp_path / "shifted.mp4"
    ffmpeg("-i", str(three_shots), "-itsoffset", "0.3", "-i", str(three_shots), "-map", "0:v", "-map", "1:a", "-c", "copy", str(shifted))
    _, d = dynamic(shifted)
    _, base = dynamic(three_shots)
    for w, b in zip(d["windows"], base["windows"]):
        assert w["time"]["sync_offset_s"] - b["time"]["sync_offset_s"] == pytest.approx(0.3, abs=0.03)
    _, silent = dynamic(make_video(tmp_path / "mute.mp4", f"color=c=red:{S}", duration_s=1))
    assert silent["windows"][0]["time"]["sync_offset_s"] is None
    assert silent["windows"][0]["audio_semantic"] is None
    assert silent["blends"]["audio"] is None


def test_variable_frame_rate_is_read_in_seconds(tmp_path):
    """A pan re-timed to 25 fps for 1 s, then 50 fps: the same content step per frame is twice the speed per second in the second part."""
    still = texture(tmp_path / "texture.png")
    cfr = pan_video(tmp_path / "cfr.mp4", still, speed_px_s=(64, 0), duration_s=3)
    vfr = tmp_path / "vfr.mp4"
    retime = "settb=1/1000,setpts='if(lt(N,25),N/25,1+(N-25)/50)/TB'"
    ffmpeg("-i", str(cfr), "-vf", retime, "-fps_mode", "vfr", "-enc_time_base:v", "1:1000", "-video_track_timescale", "1000", "-c:v", "libx264", "-crf", "16", "-pix_fmt", "yuv420p", str(vfr))
    m, d = dynamic(vfr)
    assert m.frame_count == 75
    first, second = d["windows"]
    assert (first["time"]["frame_count"], second["time"]["frame_count"]) == (25, 50)
    assert (first["time"]["fps"], second["time"]["fps"]) == (pytest.approx(25.0), pytest.approx(50.0))
    assert first["camera"]["speed"] == pytest.approx(0.2, rel=0.15)
    assert second["camera"]["speed"] == pytest.approx(0.4, rel=0.15)
    assert d["transitions"] == []
