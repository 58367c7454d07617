"""A line's note starts and a ringing note's partials (issue 11c, session 8).

Synthetic hop spectra (1024-point Hann windows every 128 samples at 22.05 kHz, as the analyser's fine envelope): a held
note whose 3rd harmonic overtakes its fundamental holds its pitch across that point; a step to a new note, a new note
over the last one's ringing partial, or a note after silence does not. Rendered through FluidSynth (FluidR3 GM): a
square-wave lead whose first note starts at 0 s is named ``lead`` from its first note on, and a harp line whose
strings ring on is not read as chords.
"""

from __future__ import annotations

import numpy as np
import pytest

from aspects.measure.harmony import pitch_held_across
from aspects.measure.primitive import ringing_harmonic
from tests.audio_corpus import SR, missing_tools
from tests.voice_corpus import _clip, analyse, render, segment_results

N, HOP = 1024, 128
FREQS = np.fft.rfftfreq(N, 1 / SR)
HOP_S = HOP / SR


def _hops(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Power spectra [shape=(hops, bins)] and levels (dB) of ``x`` in Hann windows of N samples every HOP."""
    frames = np.stack([x[s : s + N] for s in range(0, x.size - N, HOP)])
    power = np.abs(np.fft.rfft(frames * np.hanning(N), axis=1)) ** 2
    return power, 10 * np.log10(np.maximum(power.sum(axis=1), 1e-20))


def _tone(f0: float, amps, t: np.ndarray) -> np.ndarray:
    """Harmonics of ``f0`` Hz with amplitudes ``amps`` (scalars or one per sample)."""
    return sum(np.asarray(a) * np.sin(2 * np.pi * f0 * k * t) for k, a in enumerate(amps, 1))


@pytest.mark.parametrize("f0", [196.0, 330.0, 523.0])
def test_a_held_note_whose_third_harmonic_overtakes_holds_its_pitch(f0):
    t = np.arange(int(0.5 * SR)) / SR
    third = np.clip((t - 0.2) / 0.05, 0.0, 1.0) * 2.0 + 0.2  # the odd harmonic swells past the fundamental at 0.2-0.25 s
    power, level = _hops(_tone(f0, [1.0, 0.1, third, 0.05, 0.4], t) + 1e-4 * np.random.default_rng(1).standard_normal(t.size))
    assert pitch_held_across(power, FREQS, level, int(0.225 / HOP_S), HOP_S)


@pytest.mark.parametrize("f0", [196.0, 330.0, 523.0])
@pytest.mark.parametrize("semitones", [1, 2, 5, -3])
def test_a_new_note_does_not_hold_the_pitch(f0, semitones):
    t = np.arange(int(0.5 * SR)) / SR
    f1 = f0 * 2 ** (semitones / 12)
    x = np.where(t < 0.25, _tone(f0, [1.0, 0.5, 0.3], t), _tone(f1, [1.0, 0.5, 0.3], t))
    power, level = _hops(x + 1e-4 * np.random.default_rng(2).standard_normal(t.size))
    assert not pitch_held_across(power, FREQS, level, int(0.25 / HOP_S), HOP_S)


def test_a_new_note_over_a_ringing_lower_one_and_a_note_after_silence_start_notes():
    t = np.arange(int(0.5 * SR)) / SR
    ringing = _tone(147.0, [0.6, 0.2], t) * np.exp(-3 * t)  # a low string ringing on at the lowest peak
    new = np.where(t >= 0.25, _tone(392.0, [1.0, 0.4, 0.2], t), 0.0)
    power, level = _hops(ringing + new + 1e-4 * np.random.default_rng(3).standard_normal(t.size))
    assert not pitch_held_across(power, FREQS, level, int(0.25 / HOP_S), HOP_S)
    power, level = _hops(np.where(t >= 0.25, _tone(330.0, [1.0, 0.5], t), 0.0) + 1e-6 * np.random.default_rng(4).standard_normal(t.size))
    assert not pitch_held_across(power, FREQS, level, int(0.25 / HOP_S), HOP_S)


def test_a_ringing_notes_upper_partial_is_not_a_new_fundamental():
    assert ringing_harmonic(349.5, np.array([174.6, 246.9]))  # F3's 2nd harmonic
    assert ringing_harmonic(741.0, np.array([246.9]))  # B3's 3rd
    assert not ringing_harmonic(220.0, np.array([174.6, 246.9]))  # A3 struck between them
    assert not ringing_harmonic(330.0, np.array([174.6]))  # E4: no harmonic of F3


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    if reason := missing_tools():
        pytest.skip(reason)
    lead = [(i * 0.62, i * 0.62 + 0.59, [p]) for i, p in enumerate([64, 67, 65, 69, 72, 71])]  # square lead from 0 s
    harp = [(0.2 + i * 0.31, 0.2 + i * 0.31 + 0.6, [p]) for i, p in enumerate([55, 59, 57, 62, 60, 64, 62, 59, 60])]  # strings let ring
    clips = [_clip("square_lead_at_0s", 80, lead, "lead", 96), _clip("harp_line_ringing", 46, harp, "pluck", 90)]
    return {c.name: (c, analyse(x)) for c, x in zip(clips, render(clips, tmp_path_factory.mktemp("note_starts")))}


def test_a_lead_is_named_lead_from_its_first_note(rendered):
    clip, (t, prim) = rendered["square_lead_at_0s"]
    answers = [a for _, _, a in segment_results(clip, t, prim)]
    assert answers[:2] == ["lead", "lead"] and answers.count("lead") >= 5, answers


def test_a_ringing_harp_line_is_not_chords(rendered):
    clip, (t, prim) = rendered["harp_line_ringing"]
    answers = [a for _, _, a in segment_results(clip, t, prim)]
    assert "chord" not in answers and "pad" not in answers, answers
