"""Low harmony (issue 11n, session 6): is a frame's sound one note's harmonic series, and where is its fundamental?

A bass note played by a bowed, blown or plucked instrument has a strong, bright series of harmonics and often a weak
fundamental: the frame's peaks then read as several "fundamentals" (the 2nd, 3rd and 5th harmonics are not multiples
of one another), which :func:`aspects.measure.primitive.harmonics` counts as notes of a chord. Here the peaks of a
frame's spectrum are fitted by one series instead: a fundamental f0 (a peak, or a peak's half or third) whose integer
multiples hold nearly all of the peaks' power, with a partial at f0 itself (however weak, within 30 dB of the top) and at 2·f0 or 3·f0. Notes struck
together are not one series: a major triad in root position fits only a fundamental two octaves under its root, whose
first three multiples are missing; a minor triad's fits lie lower still.

Pure functions; frequencies in Hz, powers linear.
"""

from __future__ import annotations

import numpy as np
from scipy.signal import find_peaks

SERIES_FLOOR_DB = 30.0  # peaks within this of the spectrum's top are read
SERIES_MAX_HZ = 4000.0  # ...below this
SERIES_PROMINENCE_DB = 10.0  # ...standing this far over the lower of their two sides (within SERIES_REACH_HZ)
SERIES_REACH_HZ = 30.0  # the span each side over which a peak's prominence is read
SERIES_MAX_PEAKS = 24  # the strongest peaks only: a note and its harmonics
SERIES_TOLERANCE = 0.03  # a partial within 3 % of a multiple of f0 (or within one bin, where that is more) is its harmonic
SERIES_SHARE = 0.9  # share of the peaks' power one series must hold for the frame to be one note
SERIES_LOW = 2  # ...with partials at f0 and at ≥ this many of f0, 2·f0, 3·f0 (a triad's common sub-fundamental has none;
# two notes a fifth apart ringing in one window fit f0 an octave under the lower, where there is no partial)
SERIES_MIN_HZ = 25.0  # no fundamental below this (the lowest MIDI notes are 27.5 Hz)
# A low blown note may lose its fundamental altogether (a trombone or baritone sax pitched under its range: trial 16's
# lines at MIDI 31-46 showed 2f0, 3f0, 5f0, 7f0, 11f0 ... and nothing at f0). Its series stands without f0 when it holds
# partials at all of these odd multiples: notes struck together never do (a fifth's sub-fundamental has only multiples
# of 2 and 3, a major third's 4, 5, 8, 10, a root-position seventh chord's 4, 5, 6, 7 and no 3).
MISSING_F0_MULTIPLES = frozenset({3, 5, 7})


def spectral_peaks(power: np.ndarray, freqs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The peaks of a power spectrum (within SERIES_FLOOR_DB of its top, SERIES_MIN_HZ…SERIES_MAX_HZ, standing
    SERIES_PROMINENCE_DB out): their frequencies (Hz, interpolated on the dB parabola) and powers, the strongest
    SERIES_MAX_PEAKS, in rising frequency."""
    db = 10.0 * np.log10(np.maximum(power, 1e-20))
    bin_hz = float(freqs[1] - freqs[0])
    reach = max(int(round(SERIES_REACH_HZ / bin_hz)), 2)
    peaks, _ = find_peaks(db, height=float(db.max()) - SERIES_FLOOR_DB, prominence=SERIES_PROMINENCE_DB, wlen=2 * reach + 1)
    peaks = peaks[(freqs[peaks] >= SERIES_MIN_HZ) & (freqs[peaks] <= SERIES_MAX_HZ) & (peaks + 1 < db.size)]
    if peaks.size == 0:
        return np.zeros(0), np.zeros(0)
    peaks = np.sort(peaks[np.argsort(db[peaks])[-SERIES_MAX_PEAKS:]])
    a, b, c = db[peaks - 1], db[peaks], db[peaks + 1]
    denom = a - 2 * b + c
    hz = freqs[peaks] + np.where(denom < 0, 0.5 * (a - c) / np.where(denom < 0, denom, -1.0), 0.0) * bin_hz
    return hz, power[peaks]


def one_series(power: np.ndarray, freqs: np.ndarray) -> tuple[float, float] | None:
    """``(f0 Hz, share)``: the harmonic series that holds the largest share of the power of the peaks of ``power``
    (module docstring), the highest such f0 on a tie; None without peaks. Its candidates are the three lowest peaks,
    their halves and thirds; a candidate needs a partial at f0 and at SERIES_LOW of its multiples 1, 2, 3, or else partials at
    every multiple in MISSING_F0_MULTIPLES (a low blown note without its fundamental)."""
    hz, pw = spectral_peaks(power, freqs)
    if hz.size == 0:
        return None
    bin_hz = float(freqs[1] - freqs[0])
    total = float(pw.sum())
    best: tuple[float, float] | None = None
    for f0 in sorted({float(p / n) for p in hz[:3] for n in (1, 2, 3) if p / n >= SERIES_MIN_HZ}, reverse=True):
        k = np.maximum(np.round(hz / f0), 1.0)
        on = np.abs(hz - k * f0) < np.maximum(SERIES_TOLERANCE * k * f0, bin_hz)
        low = {int(m) for m in k[on] if m <= 3}
        if (1 not in low or len(low) < SERIES_LOW) and not MISSING_F0_MULTIPLES <= {int(m) for m in k[on]}:
            continue
        share = float(pw[on].sum()) / total
        if best is None or share > best[1] + 1e-9:
            best = (f0, share)
    return best


def low_series_hz(power: np.ndarray, nyquist_hz: float, bass_hz: float) -> float | None:
    """The fundamental (Hz) of the one harmonic series (:func:`one_series`) that holds ≥ SERIES_SHARE of the peaks'
    power of the spectrum ``power`` (bins 0…``nyquist_hz``), when it lies below ``bass_hz``; else None."""
    freqs = np.linspace(0.0, nyquist_hz, power.size)
    fit = one_series(power, freqs)
    if fit is None or fit[1] < SERIES_SHARE or fit[0] >= bass_hz:
        return None
    return fit[0]


CHORD_KEEP_DB = 15.0  # a fundamental this far under the strongest one still counts as a note of a chord
CHORD_SEMITONES = 0.3  # notes of a chord sit on one semitone grid within this (30 cents: the fine bins are 5.4 Hz)


def chord_fundamentals(power: np.ndarray, freqs: np.ndarray) -> np.ndarray:
    """The fundamentals (Hz, rising) of the notes the peaks of ``power`` hold, as :func:`chord_notes` parts them: each
    peak not a harmonic of a lower note's fundamental (within SERIES_TOLERANCE or a bin) starts a note; notes within
    CHORD_KEEP_DB of the strongest note are kept."""
    hz, pw = spectral_peaks(power, freqs)
    if hz.size == 0:
        return np.zeros(0)
    bin_hz = float(freqs[1] - freqs[0])
    notes: list[list[float]] = []  # per note: fundamental Hz, strongest partial's power
    for f, p in zip(hz, pw):
        for n in notes:
            k = round(f / n[0])
            if k >= 2 and abs(f - k * n[0]) < max(SERIES_TOLERANCE * k * n[0], bin_hz):
                n[1] = max(n[1], float(p))
                break
        else:
            notes.append([float(f), float(p)])
    top = max(n[1] for n in notes)
    return np.array([n[0] for n in notes if 10.0 * np.log10(n[1] / top) > -CHORD_KEEP_DB])


def chord_notes(power: np.ndarray, freqs: np.ndarray, below_hz: float = np.inf) -> int:
    """How many notes struck together the peaks of ``power`` (a long window's spectrum, fine enough to part the notes
    of a low triad) hold: the notes of :func:`chord_fundamentals`. 0 when the peaks are one harmonic series
    (:func:`one_series` holds SERIES_SHARE of their power: one bright low note) or when the notes are off one another's
    semitone grid (a bell's inharmonic partials), or when the lowest note is not under ``below_hz``."""
    if spectral_peaks(power, freqs)[0].size < 3:
        return 0
    fit = one_series(power, freqs)
    if fit is not None and fit[1] >= SERIES_SHARE:
        return 0
    kept = chord_fundamentals(power, freqs)
    if kept.size < 3:
        return int(kept.size)
    if kept.min() >= below_hz:
        return 0
    i, j = np.triu_indices(kept.size, 1)
    interval = 12 * np.abs(np.log2(kept[j] / kept[i]))
    if np.mean(np.abs(interval - np.round(interval)) <= CHORD_SEMITONES) < 2 / 3:
        return 0
    return int(kept.size)


# Issue 11c, session 8: a pitch cue that starts no new pitch. The pitch-class profile of a held note can change its
# leading class (a square's or a clarinet's odd harmonics overtaking the fundamental's class as its filter opens), which
# reads as a new note a quarter second into a lead's note and halves the median note length its frames are named by.
HELD_PEAK_SHARE = 0.1  # the pitch read in a hop: its lowest spectral peak within 10 dB of its strongest (as the line's pitch steps)
HELD_GAP_S = 0.025  # the hops read each side start this far from the cue (half the 46 ms hop window: no shared samples)
HELD_SPAN_S = 0.045  # ...and span this long
HELD_SEMITONES = 0.4  # the medians before and after within this: the same pitch held across the cue
HELD_AUDIBLE_DB = 30.0  # hops within this of the context's loudest are read; at least HELD_MIN_HOPS a side
HELD_MIN_HOPS = 3
HARMONIC_SEMITONES = (12.0, 19.02, 24.0, 27.86, 31.02)  # jumps between harmonics 1-6 of one note: not a new note


def _hop_pitch_semitones(power: np.ndarray, freqs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per hop of ``power`` [shape=(hops, bins)] (bins ``freqs`` Hz), in semitones from A4, interpolated on the dB
    parabola: the lowest spectral peak within HELD_PEAK_SHARE of the hop's strongest, and the strongest."""
    p = power[:, 2:-1]
    peak = (p >= power[:, 1:-2]) & (p >= power[:, 3:]) & (p >= HELD_PEAK_SHARE * p.max(axis=1, keepdims=True))
    rows = np.arange(power.shape[0])
    out = []
    for k in (np.argmax(peak, axis=1) + 2, np.argmax(p, axis=1) + 2):
        a, b, c = (10.0 * np.log10(np.maximum(power[rows, k + d], 1e-30)) for d in (-1, 0, 1))
        denom = a - 2 * b + c
        shift = np.where(denom < 0, 0.5 * (a - c) / np.where(denom < 0, denom, -1.0), 0.0)
        hz = freqs[k] + np.clip(shift, -0.5, 0.5) * float(freqs[1] - freqs[0])
        out.append(12.0 * np.log2(np.maximum(hz, 1.0) / 440.0))
    return out[0], out[1]


def pitch_held_across(power: np.ndarray, freqs: np.ndarray, level_db: np.ndarray, hop: int, hop_s: float) -> bool:
    """Whether the hop spectra ``power`` [shape=(hops, bins)] (``freqs`` Hz, ``level_db`` per hop, ``hop_s`` s apart) hold
    one note across hop ``hop``: over the audible hops in the HELD_SPAN_S ending HELD_GAP_S before it and in the
    HELD_SPAN_S starting HELD_GAP_S after it, the median lowest strong peak (:func:`_hop_pitch_semitones`) lies within
    HELD_SEMITONES, and the median strongest peak too or a harmonic interval away (:data:`HARMONIC_SEMITONES`: one
    partial of the note overtaking another). False when either side has fewer than HELD_MIN_HOPS audible hops (silence
    before a line's first note); a new note ringing over the last one's low partial moves the strongest peak."""
    gap, span = max(int(round(HELD_GAP_S / hop_s)), 1), max(int(round(HELD_SPAN_S / hop_s)), HELD_MIN_HOPS)
    lo, hi = hop - gap - span, hop + gap + span
    if lo < 0 or hi > power.shape[0]:
        return False
    loud = float(level_db.max()) - HELD_AUDIBLE_DB
    sides = []
    for a, b in ((lo, hop - gap), (hop + gap, hi)):
        keep = level_db[a:b] > loud
        if keep.sum() < HELD_MIN_HOPS:
            return False
        lowest, strongest = _hop_pitch_semitones(power[a:b][keep], freqs)
        sides.append((float(np.median(lowest)), float(np.median(strongest))))
    jump = abs(sides[0][1] - sides[1][1])
    return abs(sides[0][0] - sides[1][0]) < HELD_SEMITONES and min(abs(jump - h) for h in (0.0, *HARMONIC_SEMITONES)) < HELD_SEMITONES


CUT_OFF_DB = 18.0  # a note whose level falls this much (dB) ...
CUT_OFF_S = 0.08  # ...within this long (s), the fall starting inside its body, was cut off (a key or bow released)
CUT_PRE_S = 0.05  # ...unless it was dying away before (a damped pluck), read when the level held this long (s) before the fall


def cut_off_db(level_db: np.ndarray, peak: int, stop: int, hop_s: float) -> tuple[float, float]:
    """:func:`cut_off` without where the fall starts: ``(fall dB, slope dB/s before it)``."""
    fall, slope, _ = cut_off(level_db, peak, stop, hop_s)
    return fall, slope


def cut_off(level_db: np.ndarray, peak: int, stop: int, hop_s: float) -> tuple[float, float, int]:
    """The deepest fall (dB, ≥ 0) of ``level_db`` (dB per hop of ``hop_s`` s) within CUT_OFF_S, starting at any hop of
    a note's body [``peak``, ``stop``) (the fall may end after ``stop``), and the level's slope (dB/s) from ``peak``
    to where that fall starts (0 when that is shorter than CUT_PRE_S), and that hop (``peak`` when there is no body).

    A staccato note of an instrument that sustains (flute, trumpet, violin, organ, a synth lead) holds its level
    until it is released, then drops at once to the room's reverb: ≥ CUT_OFF_DB within CUT_OFF_S. A plucked or
    struck string dies away smoothly: on FluidR3 (fresh10_harmony) 95 % of pluck notes lose under 14 dB in 80 ms
    (pizzicato's and koto's fast first decays included), and a pluck's release near the next note lies after the
    body's end. A pluck damped early falls as fast, but was dying away before (the slope); the fastest mallets (a
    xylophone's bar, a short pizzicato) can fall as fast from their peak and then read cut off.
    """
    w = max(int(round(CUT_OFF_S / hop_s)), 1)
    stop = min(stop, level_db.size - 1)
    if stop <= peak:
        return 0.0, 0.0, peak
    n = stop - peak
    after = level_db[peak + 1 : stop + w]
    after = np.concatenate([after, np.full(n + w - 1 - after.size, np.inf)])
    lows = np.lib.stride_tricks.sliding_window_view(after, w)[:n].min(axis=1)  # lowest within the w hops after each body hop
    falls = level_db[peak:stop] - lows
    j = int(np.argmax(falls))
    pre = level_db[peak : peak + j + 1]
    slope = float(np.polyfit(np.arange(pre.size) * hop_s, pre, 1)[0]) if pre.size * hop_s >= CUT_PRE_S else 0.0
    return max(0.0, float(falls[j])), slope, peak + j
