"""Tonal primitives (lead, melody, pluck, pad, chord, bass) across General MIDI families, and pure tones.

Ground truth: :mod:`tests.voice_corpus`, rendered once per session by FluidSynth
and analysed in-process by the streaming :class:`~aspects.measure.sound.AudioAnalyzer`
at 25 frames a second (the decoder path is covered by tests/test_audio_primitives.py;
this keeps the broad corpus within the test-time budget). Only the held-out half
(programs, note lengths and registers the thresholds were not looked at on) is
scored here; ``bench/bench_audio.py`` prints both halves.

Pure tones: sines from 35 Hz to 6 kHz at −40 to −3 dBFS, 0.6–2.5 s, hard or
faded edges, alone or under a 120 BPM click, with a 16-bit noise floor.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

import numpy as np
import pytest

from aspects.measure.primitive import (
    PLUCK_BRIGHTEN_OCT_S,
    Context,
    NoteShape,
    _rose,
    even_bursts,
    even_onsets,
    harmonics,
    in_tune,
    legato_start,
    line_steps,
    note_decays,
    note_level_course,
    note_shape,
    octave_register_hz,
    pitch_class_starts,
    pitch_steps,
    rising_onsets,
    single_line,
    struck_notes,
)
from tests.audio_corpus import SR, _chords, _line, missing_tools, tonal_clip
from tests.voice_corpus import analyse, corpus, render, segment_results

INSTRUMENT_NAMES = {"bass", "pad", "lead", "melody", "pluck", "chord", "sustain", "vocal"}
# Floors on the held-out half, a few points under what it measured (docs/audio.md): a drop shows up.
HELD_OUT_FLOORS = {"bass": 0.95, "pad": 0.85, "pluck": 0.88, "chord": 0.85, "lead": 0.75, "melody": 0.84}  # 11p: lead 81, melody 89, pluck 94; 11q: bass 100, chord 95, pad 93
# Floors on the harmony of the fresh splits (slap basses; electric grand, honky-tonk, clavinet, harpsichord, harp and
# vibraphone chords; polysynth, metallic and tremolo-string pads): measured 94 / 95-100 / 100 % (docs/audio.md).
HARMONY_FLOORS = {"bass": 0.85, "chord": 0.9, "pad": 0.85}


def _scored(clips, workdir) -> list[tuple[str, str, str]]:
    """``(clip, truth, answer)`` per segment of ``clips``, rendered in ``workdir`` and analysed."""
    if reason := missing_tools():
        pytest.skip(reason)
    rows = []
    for clip, x in zip(clips, render(clips, workdir)):
        t, primitive = analyse(x)
        rows += [(clip.name, truth, answer) for _, truth, answer in segment_results(clip, t, primitive)]
    return rows


@pytest.fixture(scope="session")
def held_out(tmp_path_factory):
    """The held-out clips with their (truth, answer) per segment."""
    return _scored(corpus("held_out"), tmp_path_factory.mktemp("voices"))


@pytest.fixture(scope="session")
def fresh_harmony(tmp_path_factory):
    """Bass lines, struck chords and pads of the fresh and fresh2 splits with their (truth, answer) per segment."""
    clips = [c for split in ("fresh", "fresh2") for c in corpus(split) if c.segments[0][2] in HARMONY_FLOORS]
    return _scored(clips, tmp_path_factory.mktemp("harmony"))


def test_bass_chords_and_pads_are_named_on_fresh_programs(fresh_harmony):
    """Slap basses (bright harmonics, a slap's pop), chords on keys, plucked strings and mallets, pads of other programs."""
    shares = _shares(fresh_harmony)
    wrong = Counter((t, a) for _, t, a in fresh_harmony if t != a)
    for kind, floor in HARMONY_FLOORS.items():
        assert shares[kind] >= floor, (kind, round(shares[kind], 2), wrong.most_common(10))


def _shares(rows) -> dict[str, float]:
    by = Counter(truth for _, truth, _ in rows)
    return {kind: sum(1 for _, t, a in rows if t == kind and a == kind) / n for kind, n in by.items()}


def test_held_out_parts_are_named(held_out):
    """Leads, melodies, plucks, pads, chords and bass lines on programs, note lengths and registers not tuned on."""
    shares = _shares(held_out)
    wrong = Counter((t, a) for _, t, a in held_out if t != a and t in HELD_OUT_FLOORS)
    for kind, floor in HELD_OUT_FLOORS.items():
        assert shares[kind] >= floor, (kind, round(shares[kind], 2), wrong.most_common(10))


def test_lead_and_melody_differ_by_note_length(held_out):
    """The same sustaining programs: a line of held notes is mostly a lead, a line of short notes mostly a melody."""
    lines = [r for r in held_out if r[1] in ("lead", "melody")]
    said_lead = Counter(t for _, t, a in lines if a == "lead")
    said_melody = Counter(t for _, t, a in lines if a == "melody")
    assert said_lead["lead"] > 3 * said_lead["melody"], (said_lead, said_melody)
    assert said_melody["melody"] > 3 * said_melody["lead"], (said_lead, said_melody)


def sine(hz: float, level_dbfs: float, duration_s: float, *, fade_s: float, clicks: bool, seed: int) -> np.ndarray:
    """A sine with linear fades, 0.3 s of silence each side, a 16-bit noise floor; ``clicks``: a 2 kHz click every 0.5 s."""
    t = np.arange(int(duration_s * SR)) / SR
    x = 10 ** (level_dbfs / 20) * np.sin(2 * np.pi * hz * t)
    if fade_s > 0:
        x *= np.minimum(1.0, np.minimum(t, duration_s - t) / fade_s)
    if clicks:
        phase = t % 0.5
        x += 0.6 * np.exp(-phase * 300) * np.sin(2 * np.pi * 2000 * phase) * (phase < 0.02)
    pad = np.zeros(int(0.3 * SR))
    y = np.concatenate([pad, x, pad]) + np.random.default_rng(seed).normal(0.0, 2**-16, 2 * pad.size + x.size)
    return (np.round(y * 32767) / 32767).astype(np.float32)


TONE_SHAPES = [(-40.0, 0.6, 0.005, False), (-12.0, 2.5, 0.3, False), (-3.0, 1.2, 0.0, False), (-20.0, 2.0, 0.02, True)]


@pytest.mark.parametrize("hz", [35, 55, 80, 120, 180, 220, 300, 440, 700, 1000, 1500, 2500, 4000, 6000])
def test_a_pure_tone_is_a_tone_not_an_instrument(hz):
    """A steady sine is ``hum`` below 250 Hz and ``tone`` above (``pulse`` under a steady click), never an
    instrument's note, at every level, length and edge; the clicks themselves may read as a click or a drum."""
    want = "hum" if hz < 250 else "tone"
    for level, duration, fade, clicks in TONE_SHAPES:
        _, primitive = analyse(sine(hz, level, duration, fade_s=fade, clicks=clicks, seed=hz))
        said = Counter(str(p) for p in primitive if p != "silence")
        sounding = sum(said.values())
        shape = (hz, level, duration, fade, clicks, dict(said))
        assert sum(said[p] for p in INSTRUMENT_NAMES) <= 0.05 * sounding, shape  # a frame or two by a click on the lowest sines
        assert said[want] + said["pulse"] >= (0.6 if clicks else 0.85) * sounding, shape


@pytest.mark.parametrize("f0", [55.0, 82.0, 110.0, 196.0])
def test_a_stack_of_octaves_is_heard_at_its_top_a_bass_note_at_its_fundamental(f0):
    """Organ stops an octave apart (pure tones at f, 2f, 4f) sound at the top octave; a note with odd
    harmonics (a sawtooth's 1/k partials, a bass) stays at its fundamental, whichever partial is strongest."""
    t = np.arange(4096) / SR
    stack = sum(a * np.sin(2 * np.pi * f0 * m * t) for m, a in ((1, 1.0), (2, 0.9), (4, 0.6)))
    saw = sum(np.sin(2 * np.pi * f0 * k * t) / k for k in range(1, 12))
    freqs = np.fft.rfftfreq(2048, 1 / SR)
    for x, want in ((stack, 4 * f0), (saw, f0)):
        power = np.abs(np.fft.rfft(x[1024:3072] * np.hanning(2048))) ** 2
        assert octave_register_hz(power, freqs, f0) == pytest.approx(want), (f0, want)


def test_a_chord_is_in_tune_a_bell_is_not():
    """Notes of a chord sit on one semitone grid; a bell's or a bar's inharmonic partials do not (one struck note)."""
    a4 = 440.0
    for chord in ([0, 4, 7], [0, 3, 7, 10], [-12, 5, 9], [0, 7]):
        assert in_tune([a4 * 2 ** (n / 12) for n in chord]), chord
    for f0 in (220.0, 523.0, 1165.0):
        assert not in_tune([f0 * r for r in (1.0, 2.76, 5.40, 8.93)]), f0  # an ideal free bar's modes
        assert not in_tune([f0 * r for r in (1.0, 1.47, 2.59, 2.64)]), f0  # partials read off a GM tubular bell


def test_a_note_starts_where_the_level_rises():
    """A flux peak on a ringing note's tremolo (< 1 dB up) starts nothing; a re-strike (10 dB up) does."""
    hop_s = 128 / SR
    t = np.arange(400) * hop_s
    level = -20.0 - 30.0 * t + 0.8 * np.sin(2 * np.pi * 6.0 * t)  # a decaying note with a 6 Hz tremolo
    restrike = 200
    level[restrike:] += 10.0 * np.exp(-(t[restrike:] - t[restrike]) / 0.3)
    tremolo_peaks = [int(round((k + 0.25) / 6.0 / hop_s)) for k in range(6)]
    kept = rising_onsets(level, np.array(sorted(tremolo_peaks + [restrike])), hop_s)
    assert kept.tolist() == [restrike], kept


def test_pitch_steps_find_a_legato_lines_notes_not_a_vibrato():
    """A legato sawtooth line (no gaps, no level change) steps at each new note; one held note with a
    ±0.3 semitone, 5.5 Hz vibrato does not step."""
    hop, n_fft = 128, 1024
    note_s, notes = 0.3, [64, 67, 65, 69, 71]
    t = np.arange(int(note_s * len(notes) * SR)) / SR
    midi = np.array(notes)[np.minimum((t / note_s).astype(int), len(notes) - 1)]
    held = np.full(t.size, 64.0) + 0.3 * np.sin(2 * np.pi * 5.5 * t)
    found = []
    for pitch in (midi.astype(float), held):
        phase = 2 * np.pi * np.cumsum(440.0 * 2 ** ((pitch - 69) / 12)) / SR
        x = sum(np.sin(k * phase) / k for k in range(1, 10)) * 0.2
        frames = np.lib.stride_tricks.sliding_window_view(np.pad(x, n_fft // 2), n_fft)[::hop]
        power = np.abs(np.fft.rfft(frames * np.hanning(n_fft), axis=1)) ** 2
        level = 10 * np.log10(np.mean(frames**2, axis=1) + 1e-12)
        found.append(pitch_steps(power, np.fft.rfftfreq(n_fft, 1 / SR), level, hop / SR))
    line, vibrato = found
    want = [k * note_s for k in range(1, len(notes))]
    assert line.shape[0] == len(want) and np.allclose(line[:, 0] * hop / SR, want, atol=0.03), line
    assert np.allclose(line[:, 1], np.array(notes[1:]) - 69, atol=0.5), line
    assert vibrato.shape[0] == 0, vibrato


@pytest.mark.parametrize(
    ("shape", "decays"),
    [
        (NoteShape(0.01, -30.0, 0, drop_db=-4.0), True),  # a string: falls on through its body
        (NoteShape(0.01, -5.0, 0, drop_db=-9.0), True),  # a koto: loses 9 dB at once, then falls slowly
        (NoteShape(0.01, -30.0, 0, drop_db=-0.5), False),  # a blown note that eases back from a swell
        (NoteShape(0.01, -20.0, 0, drop_db=-4.0, late_db_s=0.5), False),  # a sample decaying to its sustain level
        (NoteShape(0.15, -30.0, 0, drop_db=-6.0), False),  # a slow attack: bowed or blown, not struck
        (NoteShape(0.01, -30.0, 0, drop_db=-6.0, brighten_oct_s=3.0), False),  # brightens as it fades: a tremolo trough
        # session 12: guards for a rule on beating or brightening plucks (tried and dropped, docs/audio.md)
        (NoteShape(0.02, 5.0, 0, -6.0, -1.0, -9.0), False),  # an accent eased back 9 dB slowly, then a swell: blown
        (NoteShape(0.01, -225.0, 0, -167.0, 3.4, -16.5, cut_db=20.0, pre_cut_db_s=-29.0, cut_after_s=0.08, step_s=0.2), False),  # a sax's staccato note released: it brightens
    ],
)
def test_what_dies_away_like_a_pluck(shape, decays):
    assert note_decays(shape, partial=False) is decays


def test_a_short_struck_notes_drop_is_read_from_its_maximum():
    """Session 13: a marimba's 0.21 s note as the 46 ms envelope window sees it: the level comes within 3 dB of its
    maximum while the window still takes in the strike (2.5 dB to go over 35 ms), then dies away at 40 dB/s until the next
    note. Read from the first hop within 3 dB, the body "lost" under 1 dB and the note held (fresh18's marimba and celesta
    lines read melody); from the body's maximum it lost almost 3 dB and dies away."""
    hop_s = 128 / SR
    rise, top, fall = np.linspace(-60.0, -23.0, 8), np.linspace(-22.5, -20.0, 7), -20.0 - 40.0 * hop_s * np.arange(1, 22)
    level = np.r_[np.full(4, -90.0), rise, top, fall, rise + 30.0 * np.linspace(1.0, 0.0, 8), top, fall]  # rung into the next strike
    n = level.size
    ctx = Context(np.arange(n) * hop_s, np.zeros((n, 4)), np.arange(4.0), level, np.zeros(n), np.zeros(n), np.full(n, 1000.0), np.array([4, 40]), hop_s)
    shape = note_shape(ctx, 25 * hop_s, ctx.onsets)
    assert shape.drop_db <= -2.0, shape  # from the first hop within 3 dB: -0.3 dB
    assert note_decays(shape, partial=True), shape


@pytest.mark.parametrize("tail_oct_s, loud_oct_s, decays", [(8.0, -1.0, True), (8.0, 4.0, False)])
def test_a_notes_brightening_is_its_own_while_it_is_loud(tail_oct_s, loud_oct_s, decays):
    """Session 15 (trial 10's muted guitar, GM 28): a damped string falls 140 dB/s from its strike; its centroid drops from
    1300 Hz at once and eases down 1 oct/s while the note is loud, then rises 8 oct/s once it is more than 20 dB down (the room's
    reverb and the noise floor). Over the body's later part that read over 2 oct/s: "a sustained tone
    fading", and the line read lead. Read while the note is within BRIGHTEN_SPAN_DB of its maximum it darkens: it dies
    away. A note whose centroid rises while loud too (4 oct/s, a tremolo's trough) still brightens."""
    hop_s = 128 / SR
    step = int(0.35 / hop_s)
    level = np.r_[np.full(4, -90.0), np.linspace(-50.0, -22.0, 4), -22.0 - 140.0 * hop_s * np.arange(step - 4)]
    loud = int(20.0 / 140.0 / hop_s)  # hops after the peak while within 20 dB of it
    quick = np.geomspace(1300.0, 250.0, 8) * 2.0 ** (loud_oct_s * hop_s * np.arange(8))
    eased = quick[-1] * 2.0 ** (loud_oct_s * hop_s * np.arange(1, loud - 7))
    centroid = np.r_[np.full(4, 300.0), np.full(4, 1300.0), quick, eased]
    centroid = np.r_[centroid, centroid[-1] * 2.0 ** (tail_oct_s * hop_s * np.arange(1, step - 4 - loud + 1))]
    level, centroid = np.r_[level, level[4:]], np.r_[centroid, centroid[4:]]  # struck again: the note has an end
    n = level.size
    ctx = Context(np.arange(n) * hop_s, np.zeros((n, 4)), np.arange(4.0), level, np.zeros(n), np.zeros(n), centroid, np.array([4, 4 + step]), hop_s)
    shape = note_shape(ctx, 30 * hop_s, ctx.onsets)
    assert (shape.brighten_oct_s <= PLUCK_BRIGHTEN_OCT_S) is decays, shape
    assert note_decays(shape, partial=False) is decays, shape


def _saw(f0: float, t: np.ndarray, partials: int = 12) -> np.ndarray:
    return sum(np.sin(2 * np.pi * f0 * k * t) / k for k in range(1, partials + 1))


@pytest.mark.parametrize("f0", [41.2, 55.0, 73.4])
def test_a_low_bright_note_is_one_fundamental_a_low_chord_three(f0):
    """A low note's harmonics sit within a spectrum bin of their place, not within 3 %: one fundamental with its series.
    A chord of three such notes (root, major third, fifth) an octave and a fifth up keeps three fundamentals (a triad
    rooted under ~120 Hz is not resolved by the 93 ms spectrum: docs/audio.md)."""
    t = np.arange(2048) / SR
    freqs = np.fft.rfftfreq(2048, 1 / SR)

    def spectrum(x: np.ndarray) -> np.ndarray:
        return np.abs(np.fft.rfft(x * np.hanning(2048))) ** 2

    note = harmonics(spectrum(_saw(f0, t)), freqs)
    assert note.count == 1 and note.harmonic_count >= 3, (f0, note)
    chord = harmonics(spectrum(sum(_saw(3 * f0 * 2 ** (s / 12), t) for s in (0, 4, 7))), freqs)
    assert chord.count == 3, (f0, chord)


@pytest.mark.parametrize("f0", [196.0, 329.6, 466.2])
def test_a_note_with_partials_at_half_multiples_is_one_note(f0):
    """A note f with partials at 1.5f, 2.5f and 3.5f (FluidR3's hammered dulcimer, issue 11 session 33) is one note at f,
    not four struck together; a close triad of sawtooth notes (root, major third, fifth) on the same root stays three,
    and a spread seventh chord (root, fifth, tenth, the minor seventh two octaves up: 2 : 3 : 5.04 : 7.13 of half the
    root) stays four: a tempered seventh is no 3.5f."""
    t = np.arange(4096) / SR
    freqs = np.fft.rfftfreq(4096, 1 / SR)

    def spectrum(x: np.ndarray) -> np.ndarray:
        return np.abs(np.fft.rfft(x * np.hanning(4096))) ** 2

    dulcimer = sum(a * np.sin(2 * np.pi * f0 * m * t) for m, a in ((1.0, 1.0), (1.5, 0.8), (2.0, 0.35), (2.5, 0.6), (3.5, 0.4)))
    note = harmonics(spectrum(dulcimer), freqs)
    assert note.count == 1 and abs(note.f0_hz[0] / f0 - 1) < 0.02, (f0, note)
    chord = harmonics(spectrum(sum(_saw(f0 * 2 ** (s / 12), t) for s in (0, 4, 7))), freqs)
    assert chord.count == 3, (f0, chord)
    spread = harmonics(spectrum(sum(_saw(f0 / 2 * 2 ** (s / 12), t, 6) for s in (0, 7, 16, 22))), freqs)
    assert spread.count == 4, (f0, spread)


@pytest.mark.parametrize("root", [62, 57, 65])
def test_a_weak_low_peak_takes_no_note_of_a_chord_as_its_harmonic(root):
    """FluidR3's piano (issue 11, session 35) puts a weak peak at 73–75 Hz under its notes, 25–30 dB under the top:
    a D minor triad's D4 and A4 are its 4th and 6th multiples and were taken as its harmonics, so the triad counted
    one or two notes and read `pluck`. A partial HARMONIC_OVER_DB over a peak that shows no harmonic yet, at its 3rd
    multiple or higher, is a note of its own: the minor triad (sawtooth notes) over a sine two octaves under its root
    at −27 dB keeps its three notes. A low note whose fundamental lies 25 dB under its 2nd harmonic stays one note, as
    does a note whose 4th harmonic stands 10 dB over its fundamental (closer than HARMONIC_OVER_DB)."""
    t = np.arange(2048) / SR
    freqs = np.fft.rfftfreq(2048, 1 / SR)

    def spectrum(x: np.ndarray) -> np.ndarray:
        return np.abs(np.fft.rfft(x * np.hanning(2048))) ** 2

    f0 = 440.0 * 2 ** ((root - 69) / 12)
    triad = sum(_saw(f0 * 2 ** (s / 12), t, 6) for s in (0, 3, 7))
    chord = harmonics(spectrum(triad + 10 ** (-27 / 20) * np.sin(2 * np.pi * f0 / 4 * t)), freqs)
    assert chord.count == 3 and abs(chord.f0_hz[0] / f0 - 1) < 0.03, (root, chord)
    low = f0 / 4
    weak = 10 ** (-31 / 20) * np.sin(2 * np.pi * low * t) + sum(np.sin(2 * np.pi * low * k * t) / k for k in range(2, 9))  # 2nd: −6 dB
    note = harmonics(spectrum(weak), freqs)
    assert note.count == 1 and abs(note.f0_hz[0] / low - 1) < 0.05, (root, note)
    bright = 10 ** (-10 / 20) * np.sin(2 * np.pi * low * t) + np.sin(2 * np.pi * 4 * low * t)
    assert harmonics(spectrum(bright), freqs).count == 1


def _context(x: np.ndarray) -> Context:
    """The fine context of ``x`` as the analyser builds it: 1024-point spectra centred on hops 128 samples apart."""
    hop, n = 128, 1024
    padded = np.pad(x, n // 2)
    frames = np.stack([padded[k : k + n] for k in range(0, x.size, hop)])
    window = np.hanning(n)
    power = np.abs(np.fft.rfft(frames * window, axis=1)) ** 2
    level = 10 * np.log10(np.maximum(np.mean((frames * window) ** 2, axis=1) / np.mean(window**2), 1e-12))
    zeros = np.zeros(frames.shape[0])
    return Context(np.arange(frames.shape[0]) * hop / SR, power, np.fft.rfftfreq(n, 1 / SR), level, zeros, zeros, zeros, np.zeros(0, int), hop / SR)


def test_a_chord_a_semitone_from_the_one_before_is_struck_a_ringing_note_is_not():
    """F3-G#3-C4 then E3-G3-B3 while the first still rings: their fundamentals share 21.5 Hz bins with the first
    chord's, whose bins alone show at most one of them struck; counted as new pitches, at least two are (with the
    three fundamentals a frame shows, a struck chord). Of a ringing C4 and a new E4, only E4 was struck."""
    t = np.arange(int(1.6 * SR)) / SR
    on = int(0.8 * SR)

    def notes(midi: list[int], start: int, decay_s: float = 0.33) -> np.ndarray:
        """Sawtooth notes struck (in 5 ms) at sample ``start``, dying away with time constant ``decay_s``."""
        u = t[: t.size - start]
        y = np.zeros_like(t)
        y[start:] = sum(_saw(440 * 2 ** ((m - 69) / 12), u, 6) for m in midi) * np.exp(-u / decay_s) * np.minimum(u / 0.005, 1.0)
        return y

    ctx = _context(0.1 * (notes([53, 56, 60], 0, decay_s=3.0) + notes([52, 55, 59], on)))  # held into the next, like an electric piano
    new_chord = [164.8, 196.0, 246.9]
    for i in range(on // 128 - 1, on // 128 + 3):  # wherever the onset is placed, within a hop or two
        assert _rose(ctx, i, new_chord) <= 1 < struck_notes(ctx, i, new_chord), i
    ctx = _context(0.1 * (notes([60], 0, decay_s=1.0) + notes([64], on)))  # C4 still 7 dB under its strike
    assert struck_notes(ctx, on // 128, [261.6, 329.6]) == 1


@pytest.mark.parametrize("lfo_db", [0.0, 4.0])
def test_a_struck_chord_dies_away_smoothly_a_pads_level_wobbles(lfo_db):
    """A level falling 10 dB/s reads a fall of about -10 dB/s; a wobble under 1.2 dB when smooth, above it under a
    4 Hz LFO of ±4 dB (a pad's moving voices)."""
    hop_s = 128 / SR
    t = np.arange(int(1.5 / hop_s)) * hop_s
    level = -20.0 - 10.0 * t + lfo_db * np.sin(2 * np.pi * 4.0 * t)
    level[:2] = -90.0
    zeros = np.zeros(t.size)
    ctx = Context(t, np.zeros((t.size, 3)), np.arange(3.0), level, zeros, zeros, zeros, np.array([1]), hop_s)
    fall, wobble = note_level_course(ctx, 0.5)
    assert fall == pytest.approx(-10.0, abs=3.0)
    assert (wobble >= 1.2) == (lfo_db > 0), wobble


def _level_context(level_db: np.ndarray, hop_s: float) -> Context:
    """A context holding only a level envelope (dB per hop)."""
    n = level_db.size
    return Context(np.arange(n) * hop_s, np.zeros((n, 4)), np.arange(4.0), level_db, np.zeros(n), np.zeros(n), np.zeros(n), np.zeros(0, int), hop_s)


def test_detached_notes_keep_a_pulse_syllables_do_not():
    """Bursts of level every 0.14 s (staccato notes) come at an even rate; bursts 0.12-0.35 s apart at random
    (syllables) do not, nor do too few bursts."""
    hop_s = 128 / SR
    t = np.arange(int(2.0 / hop_s)) * hop_s

    def bursts(starts) -> np.ndarray:
        level = np.full(t.size, -70.0)
        for s in starts:
            level = np.maximum(level, np.where((t >= s) & (t < s + 0.08), -20.0, -70.0))
        return level

    even = _level_context(bursts(np.arange(0.05, 1.95, 0.14)), hop_s)
    uneven = _level_context(bursts(np.cumsum(np.random.default_rng(3).uniform(0.12, 0.35, 8))), hop_s)
    few = _level_context(bursts([0.3, 0.6, 0.9]), hop_s)
    assert even_bursts(even, 1.0)
    assert not even_bursts(uneven, 1.0)
    assert not even_bursts(few, 1.0)


def test_detached_notes_start_on_the_beat_however_their_level_peaks_wander():
    """Onsets every 0.17 s (a hop's jitter) come at an even rate even where the level bursts do not (a detuned saw's
    beating moves each note's peak by up to 25 ms); onsets 0.12-0.35 s apart at random (syllables), or too few, do not."""
    hop_s = 128 / SR
    n = int(2.0 / hop_s)
    rng = np.random.default_rng(5)
    level = np.full(n, -20.0)

    def with_onsets(times) -> Context:
        return dataclasses.replace(_level_context(level, hop_s), onsets=np.round(np.asarray(times) / hop_s).astype(int))

    beat = np.arange(0.05, 1.95, 0.17) + rng.integers(-1, 2, 12) * hop_s
    assert even_onsets(with_onsets(beat), 1.0)
    assert not even_onsets(with_onsets(np.cumsum(rng.uniform(0.12, 0.35, 8))), 1.0)
    assert not even_onsets(with_onsets([0.3, 0.47, 0.64, 0.81]), 1.0)


def test_a_line_of_single_notes_keeps_a_crowded_note():
    """After three single notes a note counted as a chord is the line's; after chords, or too few notes, it is not."""
    line = {0.0: [1], 0.3: [1, 2], 0.6: [1], 0.9: [2]}
    chords = {0.0: [3], 0.3: [4, 3], 0.6: [3], 0.9: [3]}
    assert single_line(line, 1.2)
    assert not single_line(chords, 1.2)
    assert not single_line({0.6: [1], 0.9: [1]}, 1.2)
    assert not single_line(line, 3.5)  # the notes are more than LINE_BEFORE_S before


def test_pitch_steps_of_long_notes_start_notes_a_wobble_does_not():
    """One or two steps to pitches not held before in the span start notes (a line of long notes); a wobble between
    two pitches does not, however many steps it makes."""
    line = np.array([[50, 0.0], [150, 2.0], [300, 4.0]])
    assert line_steps(line, 100, 400).tolist() == [150, 300]
    wobble = np.array([[50, 0.0], [100, 1.0], [150, 0.0], [200, 1.0], [250, 0.0]])
    assert line_steps(wobble, 60, 400).size == 0
    assert line_steps(np.zeros((0, 2)), 0, 100).size == 0


def test_a_pitch_class_taking_the_lead_starts_a_note_a_flicker_does_not():
    """A legato line whose last note rings on under the next (its class fading by 3 dB per hop, the new one swelling
    in over 20 ms at an even level): each new leading class starts a note near its entry. A held note whose
    profile flickers for a few hops (beating voices) and a quiet hop start nothing."""
    hop_s = 128 / 22050
    hops, step = 600, 120  # notes 0.7 s apart
    chroma = np.full((hops, 12), 1e-6)
    entries = []
    for k, c in enumerate((0, 4, 7, 2, 9)):
        on = k * step
        entries.append(on)
        ramp = np.minimum(np.arange(hops - on) / 4.0, 1.0)  # 4 hops (23 ms) to reach its level
        chroma[on:, c] += ramp**2
        chroma[on + step :, c] *= 10 ** (-0.3 * np.arange(1, hops - on - step + 1))  # rings on, 3 dB a hop, after the next note starts
    level = np.full(hops, -20.0)
    found = pitch_class_starts(chroma, level, hop_s)
    assert len(found) == 4, found  # the first note has nothing before it to take over from
    assert all(min(abs(f - e) for e in entries[1:]) <= 4 for f in found), (found, entries)
    held = np.full((hops, 12), 1e-6)
    held[:, 5] = 1.0
    held[:, 0] = 0.5
    held[300:306, 0] = 2.0  # six hops (35 ms) on which another class leads: a flicker, not a note
    assert pitch_class_starts(held, level, hop_s).size == 0
    assert pitch_class_starts(chroma[:10], level[:10], hop_s).size == 0


def test_a_held_notes_own_partial_taking_the_lead_starts_no_note():
    """A held note whose fifth (its 3rd harmonic's class, 2 dB under the root) swells 8 dB and leads for 0.2 s, as
    a detuned lead's beating voices do, starts nothing: that class was within CLASS_UNDER_DB of the held one. A new
    class swelling in from 30 dB under does start a note."""
    hop_s = 128 / 22050
    hops = 400
    level = np.full(hops, -20.0)
    held = np.full((hops, 12), 1e-6)
    held[:, 0] = 1.0
    held[:, 7] = 10 ** (-0.2)
    held[200:235, 7] *= 10**0.8  # 8 dB up for 35 hops (0.2 s): it leads, over two spans each side
    assert pitch_class_starts(held, level, hop_s).size == 0
    new = held.copy()
    new[:, 7] = 1e-3
    new[200:, 7] = 2.0  # a new note's class, 30 dB under before, leads from hop 200
    found = pitch_class_starts(new, level, hop_s)
    assert len(found) == 1 and abs(int(found[0]) - 200) <= 4, found


def _legato_starts(f0s: list[list[float]], frame_s: float = 0.04, began=None) -> list[float | None]:
    """:func:`legato_start` over frames ``frame_s`` apart (each its fundamentals, Hz) after one onset at 0 s."""
    state: list = []
    return [legato_start(state, 0.0, k * frame_s, f0, began) for k, f0 in enumerate(f0s)]


def test_a_legato_lines_new_pitch_starts_a_note_a_vibrato_or_a_passing_pitch_does_not():
    """Session 16 (trial 10's viola, trial 11's trombone): a held sound's single fundamental that moves a whole tone
    and holds there 80 ms starts a note where the new pitch was first seen; a vibrato of ±0.4 semitone, one frame on a
    passing pitch, an octave read off and a pad's frames of several fundamentals start none."""
    a, b = 294.0, 330.0  # D4 -> E4
    moved = _legato_starts([[a]] * 5 + [[b]] * 4)
    assert moved[:6] == [None] * 6 and moved[7] == moved[8] == pytest.approx(0.2), moved
    vibrato = [[a * 2 ** (0.4 * np.sin(k) / 12)] for k in range(12)]
    assert _legato_starts(vibrato) == [None] * 12
    assert _legato_starts([[a]] * 4 + [[b]] + [[a]] * 4) == [None] * 9  # a passing pitch
    assert _legato_starts([[a]] * 4 + [[2 * a]] * 4) == [None] * 8  # the fundamental read an octave up
    assert _legato_starts([[a, 370.0, 440.0]] * 4 + [[b, 392.0, 494.0]] * 4) == [None] * 8  # a pad's chord change
    # Session 17: a struck chord whose upper notes die first leaves one note alone, then another (the suite's piano
    # chords): the pitch "moved to" sounded from the onset on, so no note starts and the held pitch follows; a pitch
    # first seen alone late starts its note where it began to sound.
    chord = [[a, b, 440.0]] * 4 + [[a]] * 3 + [[b]] * 4 + [[a]] * 4
    assert _legato_starts(chord, began=lambda f, since: None) == [None] * 15
    assert _legato_starts([[a]] * 5 + [[b]] * 4, began=lambda f, since: since - 0.08)[8] == pytest.approx(0.12)


@pytest.mark.parametrize("prog, pitches, step_s", [(41, [62, 64, 66, 67, 66, 64, 62, 61], 0.55), (57, [55, 58, 60, 62, 60, 58, 55, 53], 0.6)])
def test_a_legato_lead_is_a_line_not_a_pad(tmp_path, prog, pitches, step_s):
    """Trials 10 and 11 (session 15): a viola's (GM 41) and a trombone's (GM 57) legato lines read pad on the first five of
    eight notes: no onset between notes, so the polyphony the first note's bow noise or transient showed held for the
    line. With :func:`legato_start` only the first note (no line yet to move from) may read otherwise."""
    clip = tonal_clip("legato", prog, _line(pitches, step_s), "lead", velocity=100)
    rows = _scored([clip], tmp_path)
    assert sum(answer == "lead" for _, _, answer in rows) >= len(pitches) - 1, rows


def test_a_brass_sections_short_legato_line_is_a_melody_a_choirs_held_chords_a_pad(tmp_path):
    """Trial 13 (session 17): a brass section's (GM 61) melody of 0.2 s notes held 0.85 of the step read pad: one onset
    for the whole line (the notes change without one), the first frames crowded with the section's side partials and
    every later one with the note before ringing on, so the onset's polyphony (4) made it notes struck together that hold.
    A pad holds its notes; notes starting one after another every < MELODY_NOTE_S while the strongest partial steps are a
    line (session 18, :func:`~aspects.measure.primitive.short_notes`). Main reads this line (the trial's, a fifth down)
    pad on all 12 notes. A choir's held chords (GM 53) stay pads: a chord change starts one or two notes, not four."""
    line = tonal_clip("section", 61, _line([55, 57, 59, 62, 64, 62, 59, 57, 55, 52, 55, 57], 0.2, legato=0.85), "melody", velocity=100)
    pad = tonal_clip("choir", 53, _chords([[57, 60, 64, 69], [55, 59, 62, 67], [53, 57, 60, 65]], 2.4), "pad", velocity=95)
    rows = _scored([line, pad], tmp_path)
    assert sum(answer == "melody" for name, _, answer in rows if name == "section") >= 11, rows
    assert [answer for name, _, answer in rows if name == "choir"] == ["pad"] * 3, rows


def test_a_kalimbas_chords_are_chords_while_its_tines_beat(tmp_path):
    """Trial 14 (session 18): kalimba (GM 108) triads of 0.8 s read pluck on all four. As the tines die away they beat, and
    each beat is a flux onset (every ~0.1 s) that struck none of the chord's notes: the level does not rise there and no
    pitch changes, yet the frame's note was read from it, with a polyphony of 0. The notes ringing on keep what their own
    start struck (session 19, :func:`~aspects.measure.primitive.ringing_start`). A harp's line whose notes ring into
    each other stays a line of plucks (each note's own start struck one note)."""
    chords = tonal_clip("kalimba", 108, _chords([[60, 64, 67], [62, 65, 69], [57, 60, 64], [60, 64, 67]], 0.8), "chord", velocity=105)
    harp = tonal_clip("harp", 46, _line([67, 71, 74, 72, 69, 67, 64, 67], 0.3, legato=1.0), "pluck", velocity=100)
    rows = _scored([chords, harp], tmp_path)
    assert sum(answer == "chord" for name, _, answer in rows if name == "kalimba") >= 3, rows
    assert sum(answer == "pluck" for name, _, answer in rows if name == "harp") >= 7, rows


def test_piano_triads_are_chords_over_the_pianos_weak_low_peak(tmp_path):
    """Trial 22 (session 35): FluidR3's grand piano (GM 0) struck triads of 1 s read `pluck` on 3 of 5: the piano puts a
    weak peak at 73–75 Hz under its notes, and a D minor triad's D4 and A4, its 4th and 6th multiples, were taken as
    its harmonics (:func:`~aspects.measure.primitive._harmonic_of`, HARMONIC_OVER_DB). Every triad of the corpus's
    list (tests/audio_corpus.TRIADS), D minor twice, is a chord."""
    triads = [[62, 65, 69], [60, 64, 67], [57, 60, 64], [65, 69, 72], [62, 65, 69], [67, 71, 74, 77], [64, 67, 71]]
    rows = _scored([tonal_clip("piano", 0, _chords(triads, 1.0), "chord", velocity=100)], tmp_path)
    assert [answer for _, _, answer in rows] == ["chord"] * len(triads), rows
