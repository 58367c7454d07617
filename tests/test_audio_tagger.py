"""The AudioSet tagger: YAMNet's front end, the real quantised model on sounds made here, streaming, storage."""

from __future__ import annotations

import json
import shutil
import wave

import librosa
import numpy as np
import pytest
import soxr

from aspects.measure import tagger
from aspects.pipeline import Measurements
from tests.media import speech_wav

SR = tagger.TAGGER_SR
RNG = np.random.default_rng(11)


def top_labels(audio: np.ndarray, n: int) -> list[str]:
    probs = tagger.tag(audio).mean(axis=0)
    names = tagger.class_names()
    return [names[i] for i in np.argsort(-probs)[:n]]


def sine(hz: float, seconds: float, amplitude: float = 0.5) -> np.ndarray:
    return (amplitude * np.sin(2 * np.pi * hz * np.arange(int(seconds * SR)) / SR)).astype(np.float32)


def test_front_end_matches_librosa_mel_spectrogram():
    """Our framing (25 ms Hann, 10 ms hop, n_fft 512, no centring, HTK mel 125–7500 Hz, magnitude) equals librosa's own."""
    audio = RNG.standard_normal(SR * 2).astype(np.float32) * 0.1
    ours = tagger.log_mel(audio)
    mel = librosa.feature.melspectrogram(
        y=audio,
        sr=SR,
        n_fft=512,
        hop_length=160,
        win_length=400,
        window="hann",
        center=False,
        power=1.0,
        n_mels=64,
        fmin=125.0,
        fmax=7500.0,
        htk=True,
        norm=None,
    )
    assert ours.shape == (tagger.frame_count(audio.size), 64) == (1 + (SR * 2 - 512) // 160, 64)
    np.testing.assert_allclose(ours, np.log(mel.T + 1e-6), atol=2e-4)


def test_front_end_puts_a_tone_in_its_mel_band_and_silence_at_the_floor():
    edges = librosa.mel_frequencies(n_mels=66, fmin=125.0, fmax=7500.0, htk=True)  # band k peaks at edges[k + 1]
    for hz in (300.0, 1000.0, 4000.0):
        band = int(np.argmax(tagger.log_mel(sine(hz, 0.5)).mean(axis=0)))
        assert abs(edges[band + 1] - hz) <= (edges[band + 2] - edges[band]) / 2, (hz, band)
    assert np.all(tagger.log_mel(np.zeros(SR, np.float32)) == pytest.approx(np.log(1e-6)))


def test_patches_are_96_frames_every_48():
    logmel = np.arange(300)[:, None] * np.ones((1, 64), np.float32)
    p = tagger.patches(logmel)
    assert p.shape == (1 + (300 - 96) // 48, 96, 64)
    assert p[1, 0, 0] == 48 and p[-1, -1, 0] == 48 * (len(p) - 1) + 95
    assert tagger.patches(logmel[:10]).shape == (1, 96, 64)  # shorter than a patch: padded to one


def test_quantisation_is_read_from_the_model_file():
    """The four scalars, read from the protobuf without the onnx package (values as onnx.numpy_helper shows them)."""
    q = tagger.read_quantisation(tagger.resolve_dir() / tagger.MODEL_FILE)
    assert q.audio_scale == pytest.approx(0.047937885) and q.audio_zero_point == 144
    assert q.scores_scale == pytest.approx(0.7565417) and q.scores_zero_point == 190
    assert len(tagger.class_names()) == 521 and tagger.class_names()[0] == "Speech"


def test_model_names_sounds_made_here(tmp_path):
    assert top_labels(0.3 * RNG.standard_normal(SR * 3).astype(np.float32), 2)[0] == "White noise"
    assert set(top_labels(sine(1000.0, 3.0), 2)) & {"Beep, bleep", "Sine wave"}
    brown = np.cumsum(RNG.standard_normal(SR * 3))
    brown -= np.convolve(brown, np.ones(1600) / 1600, "same")  # remove the random walk's drift (below 10 Hz)
    assert set(top_labels((0.5 * brown / np.abs(brown).max()).astype(np.float32), 3)) & {"Noise", "Pink noise"}
    assert top_labels(np.zeros(SR * 2, np.float32), 1) == ["Silence"]
    if shutil.which("espeak-ng"):
        wav = speech_wav(tmp_path / "s.wav", "The quick brown fox jumps over the lazy dog, and then it runs away.")
        with wave.open(str(wav)) as fh:
            x = np.frombuffer(fh.readframes(fh.getnframes()), np.int16).astype(np.float32) / 32768
            rate = fh.getframerate()
        assert top_labels(soxr.resample(x, rate, SR), 1) == ["Speech"]


def test_streaming_equals_whole_track_and_keeps_memory_flat():
    """Random chunk sizes at 22.05 kHz give the whole track's patches (within one quantisation step), holding under a patch of audio."""
    in_sr = 22050
    audio = np.concatenate([np.zeros(in_sr * 2), 0.3 * RNG.standard_normal(in_sr * 4), np.sin(2 * np.pi * 440 * np.arange(in_sr * 4) / in_sr)])
    audio = audio.astype(np.float32)
    stream = tagger.TagStream(in_sr)
    at, largest_buffer = 0, 0
    while at < audio.size:
        n = int(RNG.integers(200, 5000))
        stream.add(-0.5 + at / in_sr, audio[at : at + n])  # the track starts 0.5 s before the first video frame
        at += n
        largest_buffer = max(largest_buffer, stream._audio.size / SR + stream._logmel.shape[0] * tagger.HOP_N / SR)
    tags = stream.finish()
    whole = tagger.get_model().codes(tagger.patches(tagger.log_mel(soxr.resample(audio, in_sr, SR))))
    assert tags.codes.shape == whole.shape == (1 + (tagger.frame_count(10 * SR) - 96) // 48, 521)
    assert np.abs(tags.codes.astype(int) - whole).max() <= 1
    assert largest_buffer < tagger.PATCH_S + 0.35  # at most a patch plus one chunk of audio waits
    assert tags.patch_start_s[0] == -0.5 and tags.patch_start_s[1] == pytest.approx(-0.02)
    probs = tags.probabilities()
    names = tagger.class_names()
    assert names[int(np.argmax(probs[0]))] == "Silence"  # 0–0.96 s of the track: silence
    assert {"White noise", "Noise"} & {names[i] for i in np.argsort(-probs[8])[:3]}  # 3.84–4.8 s: noise


def test_tags_survive_the_stage_cache_round_trip():
    codes = RNG.integers(0, 256, (7, 521)).astype(np.uint8)
    row = tagger.Tags(0.25, codes, tagger.get_model().quant).as_row()
    m = Measurements(sha256="x", facts={}, frames={"t": [0.0]}, sound=None, envelope=None, envelope_hop_s=None, audio_start_s=None, tags=row)
    back = Measurements(**json.loads(m.to_json()))  # as the stage cache reads it back
    np.testing.assert_array_equal(back.tags["codes"], codes)
    again = tagger.Tags.from_row(back.tags)
    np.testing.assert_allclose(again.probabilities(), tagger.probabilities(codes, tagger.get_model().quant))
    assert again.start_s == 0.25 and len(m.to_json()) < 521 * 7 * 1.4 + 2000  # base64: 4/3 of the bytes


def test_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(tagger.ModelMissingError, match="run scripts/bootstrap.sh"):
        tagger.Model(tmp_path)
