"""Noise of any colour or band is named as noise (rumble, hiss), never as an instrument or a drum.

Ground truth made here: Gaussian noise shaped in the frequency domain (white,
brown, low-passed at 150–600 Hz, band-passed 40–200 Hz to 1–4 kHz) at −40 to
−18 dBFS RMS, three seeds, analysed in-process by the streaming
:class:`~aspects.measure.sound.AudioAnalyzer` at 25 frames a second. Band-limited
and brown noise put their power in a few bins as a note does; before
this round's noise rule (``spectral_change_db``, ``peak_persistence``) they read ``bass``, ``hum``, ``pad`` or ``kick``. The expected name
follows the frame's spectral centroid (``RUMBLE_CENTROID_HZ``, 400 Hz): every
kind here is far from it on either side.

Not covered (docs/audio.md): noise entirely under 80 Hz, which the 21.5 Hz
bins of the fine envelope resolve into two or three bins (about half its frames
read as noise), and pink noise, whose centroid sits near the 400 Hz line.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from aspects.measure.primitive import PRIMITIVES
from tests import noise_beds
from tests.audio_corpus import SR
from tests.voice_corpus import analyse

NOISE_NAMES = {"rumble", "hiss"}
NOT_NOISE = set(PRIMITIVES) - NOISE_NAMES - {"silence", "ambient"}
# kind -> (shape, expected name)
KINDS = {
    "white": ("white", "hiss"),
    "brown": ("brown", "rumble"),
    "low150": ((0.0, 150.0), "rumble"),
    "low300": ((0.0, 300.0), "rumble"),
    "low600": ((0.0, 600.0), "rumble"),
    "band40-200": ((40.0, 200.0), "rumble"),
    "band100-400": ((100.0, 400.0), "rumble"),
    "band1k-4k": ((1000.0, 4000.0), "hiss"),
}
LEVELS_DBFS = (-40.0, -28.0, -18.0)  # RMS; Gaussian peaks stay under full scale (no clipping clicks)
SHARE_RIGHT = 0.95  # frames named the expected noise, per kind (measured: 1.00 for every kind listed)


def shaped_noise(shape, seconds: float, level_dbfs: float, seed: int) -> np.ndarray:
    """Gaussian noise of ``shape`` ("white", "brown" or a (low Hz, high Hz) band) at ``level_dbfs`` RMS."""
    return np.clip(noise_beds.shaped_noise(shape, seconds, seed) * np.float32(10 ** (level_dbfs / 20)), -1.0, 1.0)


@pytest.fixture(scope="module")
def named():
    """kind -> Counter of the primitives of its frames 0.3 s and more from either end."""
    out: dict[str, Counter] = {}
    for kind, (shape, _) in KINDS.items():
        counts: Counter = Counter()
        for k, level in enumerate(LEVELS_DBFS):
            seconds = 2.0 + 0.5 * k
            t, primitive = analyse(shaped_noise(shape, seconds, level, seed=31 * k + len(kind)))
            counts.update(str(p) for p in primitive[(t >= 0.3) & (t < seconds - 0.3)])
        out[kind] = counts
    return out


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_noise_is_named_as_noise(named, kind):
    counts = named[kind]
    expected = KINDS[kind][1]
    total = sum(counts.values())
    assert total > 100
    assert counts[expected] / total >= SHARE_RIGHT, counts.most_common()
    assert not NOT_NOISE & set(counts), counts.most_common()


def test_noise_test_can_fail():
    """The same check on a bass-register note series: it must not pass as noise."""
    t = np.arange(int(2.5 * SR)) / SR
    f0 = np.where(t < 1.25, 82.4, 110.0)
    x = sum(0.3 / h * np.sin(2 * np.pi * h * np.cumsum(f0) / SR) for h in range(1, 6)).astype(np.float32)
    t_frames, primitive = analyse(x)
    counts = Counter(str(p) for p in primitive[(t_frames >= 0.3) & (t_frames < 2.2)])
    assert counts["rumble"] + counts["hiss"] < 0.2 * sum(counts.values()), counts.most_common()


def test_a_low_bass_line_is_not_noise():
    """A bass line in MIDI 24–31 (33–49 Hz; sawtooth notes of 0.8 s with slightly stretched odd partials): the hop
    spectra's 21.5 Hz bins do not resolve its harmonics, which beat like noise there; the frame's finer spectrum holds
    one fundamental from frame to frame. Measured: rumble/hiss on 4 % of its frames (27 % before ``last_series``)."""
    parts = []
    for midi in (24, 26, 28, 29, 31, 28, 26, 24):
        f0 = 440.0 * 2 ** ((midi - 69) / 12)
        t = np.arange(int(0.8 * SR)) / SR
        partials = sum(np.sin(2 * np.pi * f0 * k * t * (1 + 0.004 * (k % 2))) / k for k in range(1, 13))
        parts.append(0.15 * partials * np.exp(-t / 1.5) * np.minimum(t / 0.005, 1.0))
    _, primitive = analyse(np.concatenate(parts).astype(np.float32))
    counts = Counter(str(p) for p in primitive)
    assert (counts["rumble"] + counts["hiss"]) / sum(counts.values()) <= 0.12, counts.most_common()


# A noise that starts (session 38): the kinds above from their very first frames, at t = 0 or after 0.5 s of silence.
# The test above judges frames 0.3 s from either end; here the start is the point. Measured on main 77618d3: white
# noise from t = 0 reads `hihat` on its first two frames, brown noise from t = 0 `snare` on two frames 0.08 s in and
# after silence `kick` on four, the 40-200 Hz band after silence `lead` or `pluck` then `kick`, the 0-300 Hz band
# `buzz` then `pad` or `chord`; the others start as noise. The onset of a noise out of silence passes the drum tests,
# and the analyser's 0.6 s look-ahead cannot tell it from a cymbal: on FluidR3's kits struck from silence an open hat
# loses only 3.5-9.5 dB in 0.15-0.35 s and a crash about 1 dB, both noise, while a brown noise's level wanders 10 dB in
# that span (docs/audio.md, "A noise's start").
NOISE_STARTS = {  # (kind, silence before s): whether main reads every frame of the start as noise or silence
    ("white", 0.0): False,
    ("white", 0.5): True,
    ("brown", 0.0): False,
    ("brown", 0.5): False,
    ("low300", 0.5): False,
    ("band40-200", 0.5): False,
    ("band1k-4k", 0.0): True,
    ("band1k-4k", 0.5): True,
}


@pytest.mark.parametrize(
    ("kind", "lead_s"),
    [(k, s) if ok else pytest.param(k, s, marks=pytest.mark.xfail(reason="a noise's start out of silence reads as a hit (see NOISE_STARTS)", strict=True)) for (k, s), ok in NOISE_STARTS.items()],
)
def test_a_noise_that_starts_is_noise_from_its_first_frame(kind: str, lead_s: float) -> None:
    shape, _ = KINDS[kind]
    x = np.concatenate([np.zeros(int(lead_s * SR), np.float32), shaped_noise(shape, 2.0, -24.0, seed=3)])
    t, primitive = analyse(x)
    start = [str(p) for p in primitive[t < lead_s + 0.5]]
    assert set(start) <= NOISE_NAMES | {"silence"}, start
