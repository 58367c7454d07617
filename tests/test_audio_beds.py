"""Sound over a bed (issue 11n): drum hits over noise, rain and pad beds; low chords and low noise.

Ground truth: :mod:`tests.noise_beds` (GM drum kits rendered by FluidSynth over Gaussian noise, rain and a held pad
10–30 dB under the hits) and chords made here (sawtooth-like notes with their harmonics, rooted in MIDI 36–43),
analysed in-process by the streaming :class:`~aspects.measure.sound.AudioAnalyzer` at 25 frames a second.
Main's rules before issue 11n named 50 % of the ``tune`` split's hits (every hi-hat over a white bed 10 dB under
them missed) and read the low chords as ``rumble``.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from aspects.measure.primitive import band_onsets
from tests.audio_corpus import SR, hit_results, missing_tools
from tests.noise_beds import LEAD_IN_S, bed_clips, low_noise, shaped_noise
from tests.voice_corpus import analyse

DRUMS = {"kick", "snare", "hihat", "clap"}
HITS_RIGHT = 0.64  # share of the tune split's hits named right (measured 0.69; main's rules 0.50)
BRIGHT_BED_RIGHT = 0.62  # ...of the hits over white and pink beds, which fill a hi-hat's bands (measured 0.69; main's rules 0.44)
FALSE_DRUM_FRAMES = 0.08  # share of bed-only frames named a drum (measured 0.03, all on rain: its loudest drops read hi-hat; main 0)


@pytest.fixture(scope="module")
def beds(tmp_path_factory):
    """Per clip of the tune split: (clip, hits right, hits, drum-named frames of the lead-in, lead-in frames)."""
    if reason := missing_tools():
        pytest.skip(reason)
    out = []
    for clip in bed_clips("tune", tmp_path_factory.mktemp("beds")):
        t, primitive = analyse(clip.samples)
        results = hit_results(clip, t, primitive)  # type: ignore[arg-type]  # a BedClip has the hits hit_results reads
        lead = primitive[(t >= 0.2) & (t < LEAD_IN_S - 0.1)]
        out.append((clip, sum(truth == answer for _, truth, answer in results), len(results), sum(str(p) in DRUMS for p in lead), lead.size))
    return out


def test_drum_hits_over_beds_are_named(beds):
    right, total = sum(b[1] for b in beds), sum(b[2] for b in beds)
    assert right / total >= HITS_RIGHT, [(b[0].name, b[1], b[2]) for b in beds]
    bright = [b for b in beds if b[0].bed in ("white", "pink")]
    assert sum(b[1] for b in bright) / sum(b[2] for b in bright) >= BRIGHT_BED_RIGHT, [(b[0].name, b[1], b[2]) for b in bright]


def test_a_bed_alone_is_no_drum(beds):
    false, frames = sum(b[3] for b in beds), sum(b[4] for b in beds)
    assert false / frames <= FALSE_DRUM_FRAMES, [(b[0].name, b[3], b[4]) for b in beds if b[3]]


def _hihat(seconds: float, at_s: float, level_db: float) -> np.ndarray:
    """A hi-hat-like hit: white noise above 6 kHz decaying with a 50 ms time constant, ``level_db`` over unit RMS noise."""
    n = int(seconds * SR)
    burst = shaped_noise((6000.0, 11000.0), 0.2, 7) * np.exp(-np.arange(int(0.2 * SR)) / (0.05 * SR))
    x = np.zeros(n, np.float32)
    k = int(at_s * SR)
    x[k : k + burst.size] = burst * 10 ** (level_db / 20)
    return x


def test_band_onsets_find_a_hit_in_noise_not_the_noise():
    """A hit 10 dB over a white bed adds little to the mean flux over all bands; in its own bands it stands out."""
    from aspects.measure import filterbanks

    bed = shaped_noise("white", 2.0, 3) * 0.05
    hop, n = 128, filterbanks.MEL_N_FFT
    freqs = filterbanks.fft_frequencies(SR, n)
    window = np.hanning(n)

    def power(x):
        frames = np.stack([x[s : s + n] for s in range(0, x.size - n, hop)])
        return np.abs(np.fft.rfft(frames * window, axis=1)) ** 2

    assert band_onsets(power(bed), freqs, hop / SR).size == 0
    found = band_onsets(power(bed + 0.05 * _hihat(2.0, 1.0, 10.0)), freqs, hop / SR)
    assert found.size == 1 and abs(found[0] * hop / SR + n / 2 / SR - 1.0) < 0.03, found * hop / SR


@pytest.mark.parametrize("root", [36, 40, 43])
def test_a_low_chord_is_not_noise(root):
    """A held chord (root, third, fifth, octave; 10 harmonics each, 0.3 % detuned, a slow vibrato) rooted in MIDI 36–43:
    its partials, 3–20 Hz apart, beat in the hop spectra's 21.5 Hz bins like noise; the frame's 4096-point spectrum keeps
    them. Main's rules read such chords ``rumble``."""
    t = np.arange(int(2.5 * SR)) / SR
    x = np.zeros(t.size)
    for k, step in enumerate((0, 4, 7, 12)):
        f0 = 440.0 * 2 ** ((root + step - 69) / 12) * (1 + 0.003 * (k - 1.5))
        phase = 2 * np.pi * f0 * (t + 0.002 * np.sin(2 * np.pi * 5.0 * t) / 5.0)
        x += sum(np.sin(h * phase + k * h) / h for h in range(1, 11))
    x = (0.1 * x / np.abs(x).max() * np.minimum(t / 0.3, 1.0)).astype(np.float32)
    frame_t, primitive = analyse(x)
    counts = Counter(str(p) for p in primitive[(frame_t >= 0.4) & (frame_t < 2.2)])
    assert (counts["rumble"] + counts["hiss"]) / sum(counts.values()) <= 0.3, counts.most_common()


@pytest.mark.parametrize("kind", ["low80", "band30-80", "low120"])
def test_low_noise_is_noise(kind):
    """Noise entirely under 80 or 120 Hz (two to five 21.5 Hz bins) reads ``rumble``, never a note or a drum."""
    counts: Counter = Counter()
    for k, level in enumerate((-40.0, -28.0, -18.0)):
        seconds = 2.0 + 0.5 * k
        t, primitive = analyse(low_noise(kind, seconds, level, seed=91 + 13 * k))
        counts.update(str(p) for p in primitive[(t >= 0.3) & (t < seconds - 0.3)])
    assert counts["rumble"] / sum(counts.values()) >= 0.95, counts.most_common()
