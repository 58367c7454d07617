"""A reed's line is no speech: its pitch holds flat over each note, a voice's glides (issue 11, session 22, 11p).

A clarinet's or a tenor sax's short notes pass :func:`is_speech` (loudness bursts at a syllable's rate, voiced, the
strongest partial flipping between two harmonics of similar strength every 41-50 ms); their partials keep their
frequency while a voice's move with its pitch (:func:`pitch_glides`: the strongest partial's interpolated frequency
23 ms later, median change over the span, at least SPEECH_GLIDE_CENTS). Synthetic harmonic tones check the measure;
rendered through FluidSynth (FluidR3 GM), fresh40_harmony's clarinet line and fresh36_harmony's tenor sax line read
``melody`` (main: ``speech`` on 17 of 24 and 10 of 16 segments), and an espeak-ng sentence still reads ``speech``.
"""

from __future__ import annotations

import numpy as np
import pytest

from aspects.measure.primitive import Context, pitch_glides
from tests.audio_corpus import missing_tools
from tests.speech_corpus import say
from tests.voice_corpus import SR, _clip, analyse, render, segment_results

HOP = 128  # the analyser's fine envelope: one hop every 128 samples, 1024-sample Hann windows


def _context(x: np.ndarray) -> Context:
    """A :class:`Context` of ``x`` (mono at SR) with the analyser's hop spectra and levels (the rest unused here)."""
    frames = np.lib.stride_tricks.sliding_window_view(np.r_[np.zeros(512), x, np.zeros(512)], 1024)[::HOP]
    power = np.abs(np.fft.rfft(frames * np.hanning(1024), axis=1)) ** 2
    level = 10.0 * np.log10(np.mean(frames**2, axis=1) + 1e-12)
    n = power.shape[0]
    zeros = np.zeros(n)
    return Context(
        t=np.arange(n) * HOP / SR,
        power=power,
        freqs=np.fft.rfftfreq(1024, 1.0 / SR),
        level_db=level,
        flux=zeros,
        flatness=zeros,
        centroid_hz=zeros,
        onsets=np.zeros(0, int),
        hop_s=HOP / SR,
    )


def _syllables(glide_semitones: float, f0_hz: float = 220.0, note_s: float = 0.16, count: int = 12) -> np.ndarray:
    """Harmonic notes (8 partials, the 2nd and 3rd of equal strength) in loudness bursts, each note's pitch gliding
    ``glide_semitones`` over it (0: held flat, a reed's), every other note a step higher."""
    n = int(note_s * SR)
    out = []
    for k in range(count):
        base = f0_hz * 2 ** ((k % 3) * 2 / 12)
        f0 = base * 2 ** (np.linspace(0.0, glide_semitones, n) / 12)
        phase = 2 * np.pi * np.cumsum(f0) / SR
        tone = sum(a * np.sin(h * phase) for h, a in zip(range(1, 9), (0.5, 1.0, 1.0, 0.6, 0.4, 0.3, 0.2, 0.1)))
        out.append(tone * np.sin(np.pi * np.arange(n) / n) ** 2)  # a burst per note
    return 0.1 * np.concatenate(out)


@pytest.mark.parametrize(("glide", "glides"), [(0.0, False), (0.3, False), (2.0, True), (-3.0, True)])
def test_a_voice_glides_a_reed_holds_its_pitch(glide, glides):
    """A note gliding 2-3 semitones over 0.16 s moves its partials ~15-20 cents in 23 ms (espeak-ng: median 9.7-73);
    a held note's, or one drifting 0.3 semitones, under SPEECH_GLIDE_CENTS (reeds in FluidR3: 1.2-6.1)."""
    ctx = _context(_syllables(glide))
    assert pitch_glides(ctx, 1.0) is glides


def test_too_little_sound_is_no_evidence():
    assert pitch_glides(_context(np.zeros(int(0.03 * SR))), 0.0)


@pytest.fixture(scope="module")
def reed_lines(tmp_path_factory):
    if reason := missing_tools():
        pytest.skip(reason)
    clarinet = [68, 73, 68, 73, 71, 68, 69, 71, 66, 63, 61, 64, 69, 66, 68, 64, 61, 63, 64, 61, 64, 69, 64, 61]  # fresh40_harmony
    sax = [62, 65, 64, 69, 64, 62, 59, 64, 60, 65, 67, 69, 64, 67, 65, 69]  # fresh36_harmony
    clips = [
        _clip("clarinet", 71, [(i * 0.13, (i + 0.82) * 0.13, [p]) for i, p in enumerate(clarinet)], "melody", 76),
        _clip("tenor_sax", 66, [(i * 0.2, (i + 0.88) * 0.2, [p]) for i, p in enumerate(sax)], "melody", 55),
    ]
    for c, step in zip(clips, (0.13, 0.2)):
        c.segments = [(t0, t0 + step, "melody") for t0, _, _ in c.segments]  # a staccato note's segment is its whole step
    return {c.name: (c, analyse(x)) for c, x in zip(clips, render(clips, tmp_path_factory.mktemp("reeds")))}


@pytest.mark.parametrize("name", ["clarinet", "tenor_sax"])
def test_a_reed_line_is_no_speech(reed_lines, name):
    clip, (t, prim) = reed_lines[name]
    answers = [a for _, _, a in segment_results(clip, t, prim)]
    assert "speech" not in answers and answers.count("melody") >= 0.8 * len(answers), answers


def test_speech_still_glides(tmp_path):
    if reason := missing_tools():
        pytest.skip(reason)
    voice = say("The plumber packed his tools and drove back to the city before the storm.", "en-us", "m3", 165, 50, tmp_path)
    x = np.r_[np.zeros(int(0.4 * SR)), 0.3 * voice / np.abs(voice).max(), np.zeros(int(0.4 * SR))].astype(np.float32)
    _, prim = analyse(x)
    sounding = prim[prim != "silence"]
    assert np.mean(sounding == "speech") >= 0.6, dict(zip(*np.unique(sounding, return_counts=True)))
