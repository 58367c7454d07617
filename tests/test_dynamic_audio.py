"""Audio semantic per window and the audio blend: tempo of click tracks, role, integrated loudness."""

from __future__ import annotations

import shutil

import av
import numpy as np
import pyloudnorm
import pytest

from tests.dynamic_support import dynamic
from tests.media import click_track, make_video, speech_wav

PICTURE = "color=c=gray:s=160x120:r=25"
BPM_TOLERANCE = 2.0


@pytest.mark.parametrize("bpm", [90, 120, 150])
def test_click_track_tempo_and_role_music(tmp_path, bpm):
    path = make_video(tmp_path / f"click{bpm}.mp4", PICTURE, duration_s=8, audio=click_track(bpm, duration_s=8))
    _, d = dynamic(path)
    assert len(d["windows"]) == 8
    for w in d["windows"]:
        a = w["audio_semantic"]
        assert a["role"] == "music", a
        assert a["tempo_bpm"] == pytest.approx(bpm, abs=BPM_TOLERANCE)
    assert d["blends"]["audio"]["tempo_bpm"] == pytest.approx(bpm, abs=BPM_TOLERANCE)
    assert d["blends"]["audio"]["role"] == "music"


def test_silence(tmp_path):
    path = make_video(tmp_path / "silence.mp4", PICTURE, duration_s=3, audio="anullsrc=r=44100:cl=mono")
    _, d = dynamic(path)
    for w in d["windows"]:
        assert w["audio_semantic"]["role"] == "silence"
        assert w["audio_semantic"]["presence"] == 0
        assert w["audio_semantic"]["tempo_bpm"] is None
    assert d["blends"]["audio"]["integrated_lufs"] is None


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng binary missing (the project's bootstrap installs it: apt-get install espeak-ng)")
def test_synthesised_speech(tmp_path):
    text = "The quick brown fox jumps over the lazy dog. Speech synthesis makes a fine test of the audio role, because it has syllables and pauses like a real voice."
    wav = speech_wav(tmp_path / "speech.wav", text)
    _, d = dynamic(make_video(tmp_path / "speech.mp4", PICTURE, duration_s=6, audio=wav))
    roles = [w["audio_semantic"]["role"] for w in d["windows"]]
    assert roles == ["speech"] * 6, roles
    assert all(w["audio_semantic"]["tempo_bpm"] is None for w in d["windows"])


def test_steady_noise_is_ambient(tmp_path):
    _, d = dynamic(make_video(tmp_path / "noise.mp4", PICTURE, duration_s=3, audio="anoisesrc=color=pink:amplitude=0.2:d=3"))
    assert [w["audio_semantic"]["role"] for w in d["windows"]] == ["ambient"] * 3


def _decoded_mono(path, sr: int = 22050) -> np.ndarray:
    with av.open(str(path)) as container:
        resampler = av.AudioResampler(format="flt", layout="mono", rate=sr)
        chunks = [out.to_ndarray().ravel() for frame in container.decode(audio=0) for out in resampler.resample(frame)]
    return np.concatenate(chunks).astype(np.float64)


@pytest.mark.parametrize("audio", ["sine=frequency=1000:sample_rate=44100:d=4", "anoisesrc=color=pink:amplitude=0.05:d=4"])
def test_integrated_loudness_matches_pyloudnorm(tmp_path, audio):
    """The blend's integrated LUFS (gated from per-frame K-weighted loudness) agrees with pyloudnorm on the same decoded mono audio."""
    path = make_video(tmp_path / "tone.mp4", PICTURE, duration_s=4, audio=audio)
    _, d = dynamic(path)
    reference = pyloudnorm.Meter(22050).integrated_loudness(_decoded_mono(path))
    assert d["blends"]["audio"]["integrated_lufs"] == pytest.approx(reference, abs=0.5)
    if audio.startswith("sine"):
        # ffmpeg's sine has amplitude 1/8: RMS −21.07 dBFS, and K-weighting is ~0 dB at 1 kHz.
        assert d["blends"]["audio"]["integrated_lufs"] == pytest.approx(-21.07, abs=0.7)
