"""Drum names that hold across kits (issue 11d): every GM kit of FluidR3, varied grooves, velocities, tempi and beds.

Ground truth: :mod:`tests.drum_kits` (grooves with open and pedal hi-hats, side sticks, flams, ghost notes and kick,
snare and hi-hat on the same step, alone or over noise, rain and pad beds; and drumless bass lines, plucks, chords,
speech and noise), analysed in-process by the streaming :class:`~aspects.measure.sound.AudioAnalyzer` at 25 frames a
second. Main's rules before issue 11d named 68 % of the ``kits_tune`` split's hits: the power kit's and the
concert bass drum's boom (it does not fall 9 dB in 100 ms), the power, TR-808 and brush snares (read ``clap``: their
noise centres above 1.2 kHz), quiet hi-hats after a kick's boom (read ``hiss``: the mean flux over all bands hardly
rises).
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from aspects.measure import filterbanks
from aspects.measure.primitive import (
    BED_BANDS_HZ,
    HIHAT_CENTROID_HZ,
    Context,
    band_level,
    bed_high_onsets,
    boom_kick,
    drum_kind,
    drum_of,
    ghost_snare,
    grid_hat,
    hat_alone,
    hat_over_low_bed,
    hat_over_notes,
    high_hihat,
    high_onsets,
    loud_kick,
    low_boom,
    on_grid,
    shape_hat,
    sharp_hit,
    soft_snare,
    stroke_under_hat,
    voiced_bed,
    wires_over_notes,
    wires_under_bed,
)
from tests.audio_corpus import SR, hit_results, missing_tools
from tests.drum_kits import LEAD_IN_S, drumless_clips, kit_clips
from tests.noise_beds import rain, shaped_noise
from tests.voice_corpus import analyse, render

DRUMS = {"kick", "snare", "hihat", "clap"}
HITS_RIGHT = 0.74  # share of the kits_test split's hits named right, side sticks left out (measured 0.80; main's rules 0.68)
KICKS_RIGHT = 0.8  # ...of its kicks, every kit's (measured 0.88; main 0.71)
SNARES_RIGHT = 0.8  # ...of its snares and brush snares struck at full velocity (ghost notes left out; measured 0.92; main 0.67)
FALSE_DRUM_FRAMES = 0.05  # share of drumless and bed-only frames named a drum (measured 0.033, rain's drops and speech's sibilants; main 0.032)


@pytest.fixture(scope="module")
def kits(tmp_path_factory):
    """The kits_test split analysed: ([(truth, answer, struck)], drum-named frames, frames of drumless or bed-only sound)."""
    if reason := missing_tools():
        pytest.skip(reason)
    work = tmp_path_factory.mktemp("kits")
    rows, false, frames = [], 0, 0
    for clip in kit_clips("kits_test", work):
        t, primitive = analyse(clip.samples)
        rows += [(truth, answer, what) for (_, truth, answer), what in zip(hit_results(clip, t, primitive), clip.struck, strict=True)]  # type: ignore[arg-type]
        lead = primitive[(t >= 0.2) & (t < LEAD_IN_S - 0.1)]
        false, frames = false + sum(str(p) in DRUMS for p in lead), frames + int(np.sum(lead != "silence"))
    for _, samples in drumless_clips("kits_test", work):
        _, primitive = analyse(samples)
        false, frames = false + sum(str(p) in DRUMS for p in primitive), frames + int(np.sum(primitive != "silence"))
    return rows, false, frames


def _rendered_hits(clip, tmp_path) -> list[tuple[float, str, str]]:
    """``clip`` rendered alone through FluidSynth and read as the suite reads it: ``(onset s, truth, answer)`` per hit."""
    (x,) = render([clip], tmp_path, "render.wav")
    t, primitive = analyse(x)
    return hit_results(clip, t, primitive)


def _share(rows) -> float:
    return sum(truth == answer for truth, answer, _ in rows) / len(rows)


def test_drum_hits_are_named_on_every_kit(kits):
    rows = [r for r in kits[0] if not r[2].startswith("rim")]
    assert _share(rows) >= HITS_RIGHT, [r for r in rows if r[0] != r[1]]
    assert _share([r for r in rows if r[0] == "kick"]) >= KICKS_RIGHT, [r for r in rows if r[0] == "kick" and r[1] != "kick"]
    snares = [r for r in rows if r[0] == "snare" and "ghost" not in r[2]]
    assert _share(snares) >= SNARES_RIGHT, [r for r in snares if r[1] != "snare"]


def test_no_drum_names_without_drums(kits):
    _, false, frames = kits
    assert false / frames <= FALSE_DRUM_FRAMES, (false, frames)


def _freqs() -> np.ndarray:
    return filterbanks.fft_frequencies(SR, filterbanks.MEL_N_FFT)


def _noise_in(freqs: np.ndarray, lo_hz: float, hi_hz: float, seed: int) -> np.ndarray:
    """A noise-like power spectrum (exponential bin powers) between ``lo_hz`` and ``hi_hz``."""
    return np.where((freqs >= lo_hz) & (freqs < hi_hz), np.random.default_rng(seed).exponential(1.0, freqs.size), 0.0)


def test_a_snare_has_a_body_a_clap_has_none():
    """Bright wires (noise to 8 kHz) over a shell body at 150–250 Hz: a snare, whatever the centroid; the same noise
    alone: a clap; a dark burst: a snare."""
    freqs = _freqs()
    wires = _noise_in(freqs, 1000.0, 8000.0, 1)
    body = 40.0 * _noise_in(freqs, 150.0, 250.0, 2)
    centroid = lambda p: float((p * freqs).sum() / p.sum())  # noqa: E731
    assert centroid(wires + body) > 1200.0 and drum_kind(wires + body, freqs, centroid(wires + body)) == "snare"
    assert drum_kind(wires, freqs, centroid(wires)) == "clap"
    dark = _noise_in(freqs, 300.0, 1500.0, 3)
    assert drum_kind(dark, freqs, centroid(dark)) == "snare"


def _hop_power(x: np.ndarray) -> np.ndarray:
    n, hop = filterbanks.MEL_N_FFT, 128
    frames = np.stack([x[s : s + n] for s in range(0, x.size - n, hop)])
    return np.abs(np.fft.rfft(frames * np.hanning(n), axis=1)) ** 2


def test_a_boom_that_dies_is_a_kick_a_held_bass_note_is_not():
    """A 55 Hz boom falling 45 dB/s with a beater's click (a power kit's kick rings past the 100 ms percussive test)
    against a 55 Hz note with its harmonics held at its level."""
    t = np.arange(int(1.0 * SR)) / SR
    start = t >= 0.3
    boom = np.where(start, np.sin(2 * np.pi * 55.0 * t) * 10 ** (-45.0 * (t - 0.3) / 20), 0.0)
    click = np.where(start & (t < 0.305), shaped_noise("white", 1.0, 5)[: t.size] * 0.3, 0.0)
    note = np.where(start, sum(np.sin(2 * np.pi * 55.0 * h * t) / h**2 for h in range(1, 5)), 0.0)
    freqs, hop_s = _freqs(), 128 / SR
    i = int(round((0.3 - 512 / SR) / hop_s)) + 2  # the first hop whose window holds the onset, and a little more
    for x, kick in ((boom + click, True), (note, False)):
        power = _hop_power(0.3 * x)
        rise = np.maximum(power[i : i + 8].mean(axis=0) - power[i - 5 : i - 1].mean(axis=0), 0.0)
        assert boom_kick(power, i, freqs, hop_s, rise) is kick


def test_a_quiet_hihat_after_a_boom_is_found_raindrops_are_not():
    """A hi-hat 30 dB under a kick's boom, 120 ms after it: its own bands rise though the mean over all bands hardly
    does; 2 ms drops of noise come and go within the hold."""
    t = np.arange(int(1.5 * SR)) / SR
    boom = np.where(t >= 0.3, np.sin(2 * np.pi * 50.0 * t) * np.exp(-(t - 0.3) / 0.3), 0.0)
    hat = np.where(t >= 0.42, shaped_noise((6000.0, 11000.0), 1.5, 7)[: t.size] * np.exp(-np.maximum(t - 0.42, 0) / 0.05), 0.0)
    hop_s = 128 / SR
    found = high_onsets(_hop_power(0.5 * boom + 0.5 * 10 ** (-30 / 20) * hat), _freqs(), hop_s)
    assert found.size == 1 and abs(found[0] * hop_s + 512 / SR - 0.42) < 0.02, found * hop_s
    drops = np.zeros(t.size)
    for k, at in enumerate(np.arange(0.2, 1.3, 0.11)):
        s = int(at * SR)
        drops[s : s + int(0.002 * SR)] = shaped_noise("white", 0.002, 20 + k)
    bed = shaped_noise("pink", 1.5, 9)[: t.size] * 0.02
    assert high_onsets(_hop_power(bed + 0.3 * drops), _freqs(), hop_s).size == 0


def test_a_hihat_under_a_noise_bed_stands_over_the_beds_scatter():
    """Three hi-hats (6–11 kHz noise, 50 ms decay) 22 dB under a white bed, 28 dB under a pink one, lift their bands less
    than the 6 dB high-onset rule asks (:func:`high_onsets` finds none), but stand over the bed's own scatter
    (:func:`bed_high_onsets`, within 20 ms); the beds alone (3 s, four seeds each) give none."""
    hop_s, freqs = 128 / SR, _freqs()
    t = np.arange(int(2.4 * SR)) / SR
    at = (0.8, 1.25, 1.7)
    for colour, under in (("white", 22.0), ("pink", 28.0)):
        for seed in range(4):
            bed = shaped_noise(colour, 2.4, 30 + seed)[: t.size]
            bed = 0.05 * bed / bed.std()
            hats = sum(np.where(t >= a, shaped_noise((6000.0, 11000.0), 2.4, 40 + k + seed)[: t.size] * np.exp(-np.maximum(t - a, 0) / 0.05), 0.0) for k, a in enumerate(at))
            power = _hop_power(bed + 10 ** (-under / 20) * hats)
            assert high_onsets(power, freqs, hop_s).size == 0, (colour, seed)
            found = bed_high_onsets(power, freqs, hop_s) * hop_s + 512 / SR
            assert found.size == 3 and np.all(np.abs(found - np.asarray(at)) < 0.02), (colour, seed, found)
            alone = shaped_noise(colour, 3.0, 60 + seed)
            assert bed_high_onsets(_hop_power(0.05 * alone / alone.std()), freqs, hop_s).size == 0, (colour, seed)


def test_a_kick_under_a_white_bed_stands_over_its_bands_bed_a_bass_note_holds():
    """A kick (a 55 Hz boom falling 80 dB/s, a T60 of 0.75 s) 12 dB under a white bed: the kick's bands
    (:data:`BED_BANDS_HZ`) stand over their bed's scatter (:func:`bed_high_onsets` on :func:`band_level`, within 20 ms)
    and boom (:func:`low_boom`); a 55 Hz bass note with its harmonics, held 0.6 s, rises there too but holds. White,
    pink and brown beds alone (3 s, three seeds each) give no onset there. (Under pink and brown beds the few low bands
    scatter several dB: a kick 12 dB under them is found only now and then.)"""
    hop_s, freqs = 128 / SR, _freqs()
    t = np.arange(int(2.4 * SR)) / SR
    kick = np.where(t >= 0.8, np.sin(2 * np.pi * 55.0 * (t - 0.8)) * 10 ** (-80.0 * (t - 0.8) / 20), 0.0)
    held = np.where((t >= 0.8) & (t < 1.4), sum(np.sin(2 * np.pi * 55.0 * h * t) / h**2 for h in range(1, 5)), 0.0)
    for seed in range(3):
        bed = shaped_noise("white", 2.4, 70 + seed)[: t.size]
        for x, booms in ((kick, True), (held, False)):
            power = _hop_power(0.05 * bed / bed.std() + 0.05 * 10 ** (12 / 20) * x)
            level = band_level(power, freqs, *BED_BANDS_HZ["kick"])
            found = bed_high_onsets(power, freqs, hop_s, level, defer=False)
            assert found.size >= 1 and abs(found[0] * hop_s + 512 / SR - 0.8) < 0.02, (seed, booms, found * hop_s)
            assert low_boom(level, int(found[0]), hop_s) is booms, (seed, booms)
        for colour in ("white", "pink", "brown"):
            alone = shaped_noise(colour, 3.0, 90 + seed)
            power = _hop_power(0.05 * alone / alone.std())
            assert bed_high_onsets(power, freqs, hop_s, band_level(power, freqs, *BED_BANDS_HZ["kick"]), defer=False).size == 0, (colour, seed)


def test_a_side_stick_is_one_stroke_a_clap_is_several():
    """Bright noise (1–6 kHz, no body) struck once and gone within ~10 ms: a side stick, of the snare family; the same
    noise as four claps 12 ms apart over an 80 ms room tail: a clap. Both centre at ~3 kHz without a shell body."""
    t = np.arange(int(0.8 * SR)) / SR
    noise = shaped_noise((1000.0, 6000.0), 0.8, 11)[: t.size]
    at = 0.3
    stick = np.where(t >= at, np.exp(-np.maximum(t - at, 0) / 0.004), 0.0)
    clap = sum(np.where(t >= at + d, np.exp(-np.maximum(t - at - d, 0) / 0.004), 0.0) for d in (0.0, 0.012, 0.024, 0.036))
    clap = clap + np.where(t >= at, 0.4 * np.exp(-np.maximum(t - at, 0) / 0.08), 0.0)
    freqs, hop_s = _freqs(), 128 / SR
    for env, name in ((stick, "snare"), (clap, "clap")):
        power = _hop_power(0.3 * noise * env)
        flux = np.r_[0.0, np.maximum(np.diff(10 * np.log10(power.sum(axis=1) + 1e-12)), 0.0)]
        i = int(np.argmax(flux))
        assert [drum_of(power, np.zeros(power.shape[0]), j, freqs, hop_s) for j in (i, i + 1, i + 2)] == [name] * 3, name


def test_a_side_stick_under_a_bright_hat_is_the_snares():
    """A hi-hat (3–11 kHz noise, 50 ms decay) with a side stick's click (1–2.5 kHz noise gone within ~10 ms) struck with
    it: the hat brings the centroid over HIHAT_CENTROID_HZ, but the click's share of the percussive part in
    UNDER_HAT_HZ (a hat alone ≤ 0.13) names the snare, by priority; the hat alone is a hi-hat."""
    t = np.arange(int(0.8 * SR)) / SR
    at = 0.3
    hat = shaped_noise((3000.0, 11000.0), 0.8, 12)[: t.size] * np.where(t >= at, np.exp(-np.maximum(t - at, 0) / 0.05), 0.0)
    stick = shaped_noise((1000.0, 2500.0), 0.8, 13)[: t.size] * np.where(t >= at, np.exp(-np.maximum(t - at, 0) / 0.004), 0.0)
    freqs, hop_s = _freqs(), 128 / SR
    for x, name in ((hat, "hihat"), (hat + 1.5 * stick, "snare")):
        power = _hop_power(0.3 * x)
        flux = np.r_[0.0, np.maximum(np.diff(10 * np.log10(power.sum(axis=1) + 1e-12)), 0.0)]
        i = int(np.argmax(flux))
        rise = np.maximum(power[i : i + 8].mean(axis=0) - power[i - 5 : i - 1].mean(axis=0), 0.0)
        assert float((rise * freqs).sum() / rise.sum()) >= HIHAT_CENTROID_HZ, name
        assert stroke_under_hat(rise, freqs) is (name == "snare"), name
        assert drum_of(power, np.zeros(power.shape[0]), i, freqs, hop_s) == name, name


def _context(x: np.ndarray) -> Context:
    """The :class:`Context` of mono ``x`` at :data:`SR` (hop spectra, level, flatness), no onsets."""
    power = _hop_power(x)
    n = power.shape[0]
    geo = np.exp(np.mean(np.log(power + 1e-20), axis=1))
    return Context(
        t=(np.arange(n) * 128 + filterbanks.MEL_N_FFT / 2) / SR,
        power=power,
        freqs=_freqs(),
        level_db=10 * np.log10(power.sum(axis=1) + 1e-20),
        flux=np.zeros(n),
        flatness=geo / (power.mean(axis=1) + 1e-20),
        centroid_hz=np.zeros(n),
        onsets=np.zeros(0, int),
        hop_s=128 / SR,
    )


def test_a_drum_over_a_voice_is_a_sharp_transient_a_syllables_burst_is_not():
    """Over a held voiced vowel (150 Hz and 20 harmonics), a snare's noise (150 Hz–4 kHz, 30 ms decay) leaps in its bands
    and dies away (:func:`sharp_hit`), and the vowel before it is voiced (:func:`voiced_bed`); a fricative (4–10 kHz
    noise swelling in over 40 ms, held 120 ms) and a plosive (a 10 ms burst in the vowel's bands, then the vowel,
    10 dB louder, from 15 ms on) are not sharp; white noise before a hit is no voiced bed."""
    t = np.arange(int(1.2 * SR)) / SR
    at = 0.6
    vowel = 0.05 * sum(np.sin(2 * np.pi * 150.0 * h * t) / h for h in range(1, 21))
    after = np.maximum(t - at, 0.0)
    snare = np.where(t >= at, shaped_noise((150.0, 4000.0), 1.2, 14)[: t.size] * np.exp(-after / 0.03), 0.0)
    fricative = np.where((t >= at) & (t < at + 0.16), shaped_noise((4000.0, 10000.0), 1.2, 15)[: t.size] * np.minimum(after / 0.04, 1.0), 0.0)
    burst = np.where((t >= at) & (t < at + 0.01), shaped_noise((150.0, 4000.0), 1.2, 16)[: t.size], 0.0)
    loud_vowel = np.where(t >= at + 0.015, 10 ** (10 / 20), 1.0) * vowel
    i = int(round((at - filterbanks.MEL_N_FFT / SR) / (128 / SR))) + 2  # the first hops whose window holds the onset
    cases = ((vowel + 0.5 * snare, "snare", True), (vowel + 0.2 * fricative, "hihat", False), (loud_vowel + 0.5 * burst, "snare", False))
    for x, drum, sharp in cases:
        ctx = _context(x)
        k = i + int(np.argmax(np.diff(ctx.level_db[i - 2 : i + 6]))) - 1  # the onset: the steepest rise
        assert sharp_hit(ctx, k, drum) is sharp, (drum, sharp)
        assert voiced_bed(ctx, k)
    noise = shaped_noise("white", 1.2, 17)[: t.size]
    assert not voiced_bed(_context(0.05 * noise + 0.5 * snare), i)


def test_a_hat_over_a_pink_bed_lifts_its_bands_alone_a_snare_lifts_its_own():
    """A hi-hat (6–11 kHz noise, 50 ms decay) 28 dB under a pink bed lifts only the high bands: :func:`hat_alone`; a
    snare's noise (150 Hz–4 kHz, 30 ms decay) 10 dB under it lifts the snare's bands ≥ 2.5 dB: not a hat alone."""
    t = np.arange(int(1.5 * SR)) / SR
    at, after = 0.9, np.maximum(t - 0.9, 0.0)
    bed = shaped_noise("pink", 1.5, 71)[: t.size]
    bed = 0.05 * bed / bed.std()
    hat = np.where(t >= at, shaped_noise((6000.0, 11000.0), 1.5, 72)[: t.size] * np.exp(-after / 0.05), 0.0)
    snare = np.where(t >= at, shaped_noise((150.0, 4000.0), 1.5, 73)[: t.size] * np.exp(-after / 0.03), 0.0)
    i = int(round((at - filterbanks.MEL_N_FFT / SR) / (128 / SR))) + 2
    for x, alone in ((bed + 0.05 * 10 ** (-28 / 20) * hat / hat.std(), True), (bed + 0.05 * 10 ** (-10 / 20) * snare / snare.std(), False)):
        assert hat_alone(_context(x), i) is alone, alone


def test_a_ghost_snare_rises_in_its_bands_a_plucked_note_does_not():
    """200 ms after a loud snare (noise falling 7 dB an octave above 2 kHz and a 200 Hz mode, 50 ms decay), a ghost
    stroke 12 dB softer lifts the snare's bands on their own and its new energy is noise: :func:`soft_snare` names it a
    snare; a plucked 220 Hz note (ten harmonics, 0.3 s decay) at the same place and peak lifts them too, but its new
    energy is its partials (flatness ~0.005): no snare."""
    t = np.arange(int(1.2 * SR)) / SR

    def stroke(at: float, seed: int) -> np.ndarray:
        after = np.maximum(t - at, 0.0)
        wires = shaped_noise((150.0, 2000.0), 1.2, seed)[: t.size] + 0.5 * shaped_noise((2000.0, 11000.0), 1.2, seed + 50)[: t.size]
        return np.where(t >= at, (wires + 0.5 * np.sin(2 * np.pi * 200.0 * after)) * np.exp(-after / 0.05), 0.0)

    at = 0.55
    loud, ghost = stroke(0.35, 81), 10 ** (-12 / 20) * stroke(at, 82)
    after = np.maximum(t - at, 0.0)
    pluck = np.where(t >= at, sum(np.sin(2 * np.pi * 220.0 * h * after) / h for h in range(1, 11)) * np.exp(-after / 0.3), 0.0)
    pluck *= float(np.abs(ghost).max()) / float(np.abs(pluck).max())
    floor = 3e-3 * shaped_noise("white", 1.2, 83)[: t.size]
    hop_s = 128 / SR
    i = int(round((at - filterbanks.MEL_N_FFT / SR) / hop_s)) + 2
    for x, drum in ((loud + ghost + floor, "snare"), (loud + pluck + floor, None)):
        ctx = _context(0.3 * x)
        assert np.any(np.abs(ctx.snare_onsets - i) <= 6)  # both lift the snare's bands
        assert soft_snare(ctx, i - 6, i + 6, float(ctx.t[i])) == drum, drum


def test_a_kick_a_tenth_of_a_second_into_a_bed_is_read_over_what_bed_there_is():
    """A clip whose white bed and groove start together: a kick (55 Hz boom falling 45 dB/s and a beater's click) at
    0.1 s is a :func:`loud_kick` over the 0.1 s of bed before it (a full 0.5 s of bed is not there); the bed alone,
    its own start included, gives none."""
    t = np.arange(int(1.0 * SR)) / SR
    at, after = 0.1, np.maximum(t - 0.1, 0.0)
    boom = np.where(t >= at, np.sin(2 * np.pi * 55.0 * after) * 10 ** (-45.0 * after / 20), 0.0)
    click = np.where((t >= at) & (t < at + 0.005), shaped_noise("white", 1.0, 5)[: t.size] * 0.3, 0.0)
    bed = 0.05 * shaped_noise("white", 1.0, 91)[: t.size]
    i = int(round((at - filterbanks.MEL_N_FFT / SR) / (128 / SR))) + 2
    assert any(loud_kick(_context(bed + 0.5 * (boom + click)), k) for k in range(i - 2, i + 5))
    assert not any(loud_kick(_context(bed), k) for k in range(0, 3 * i))


def test_a_brief_closed_hat_under_a_white_bed_is_read_on_the_grooves_grid():
    """A groove of hi-hats (6–11 kHz noise) on every half second, 12 dB under a white bed with a 40 ms decay (found over
    the bed's scatter: the grid), and closed hats between them 20 dB under it with a 12 ms decay: too brief and soft for
    :func:`bed_high_onsets`, read by :func:`grid_hat` (at least 8 of 12 over three seeds); the same soft hats 60 ms off
    the grid are not read (0 of 12). :func:`on_grid` counts half steps from the sure onsets on both sides."""
    assert on_grid(np.array([100, 186, 272]), 229, 0.0029) and not on_grid(np.array([100, 186, 272]), 240, 0.0029)
    assert not on_grid(np.array([186, 272]), 150, 0.0029)  # nothing before it: a lead-in has no grid
    t = np.arange(int(3.2 * SR)) / SR

    def hats(times: list[float], under: float, seed: int, tau: float) -> np.ndarray:
        out = np.zeros(t.size)
        for k, a in enumerate(times):
            out += np.where(t >= a, shaped_noise((6000.0, 11000.0), 3.2, seed + k)[: t.size] * np.exp(-np.maximum(t - a, 0) / tau), 0.0)
        return out * 10 ** (-under / 20)

    loud, soft = [0.8 + 0.5 * k for k in range(5)], [1.05 + 0.5 * k for k in range(4)]
    read = {"on": 0, "off": 0}
    for seed in range(3):
        bed = shaped_noise("white", 3.2, 30 + seed)[: t.size]
        groove = 0.05 * bed / bed.std() + hats(loud, 12.0, 40, 0.04)
        for name, times in (("on", soft), ("off", [a + 0.06 for a in soft])):
            ctx = _context(groove + hats(times, 20.0, 60, 0.012))
            assert not any(np.any(np.abs(ctx.bed_high_onsets * ctx.hop_s + 512 / SR - a) < 0.02) for a in soft), seed
            read[name] += sum(grid_hat(ctx, ctx.index(a - 0.02), ctx.index(a + 0.04), a, np.zeros(0, int), noisy=True) for a in times)
    assert read["on"] >= 8 and read["off"] == 0, read


GROOVE_T = np.arange(int(1.6 * SR)) / SR  # the 1.6 s of the synthetic grooves below (s)


def _decaying(noise: np.ndarray, at: float, tau: float) -> np.ndarray:
    """``noise`` from ``at`` on, decaying with time constant ``tau`` (s); silent before."""
    t = GROOVE_T
    return np.where(t >= at, noise * np.exp(-np.maximum(t - at, 0.0) / tau), 0.0)


def _snare_stroke(at: float, seed: int) -> np.ndarray:
    """A snare struck at ``at``: wires' noise 150 Hz–11 kHz (6 dB less above 2 kHz) and a 200 Hz mode, 50 ms decay."""
    t = GROOVE_T
    wires = shaped_noise((150.0, 2000.0), 1.6, seed)[: t.size] + 0.5 * shaped_noise((2000.0, 11000.0), 1.6, seed + 50)[: t.size]
    return _decaying(wires + 0.5 * np.sin(2 * np.pi * 200.0 * np.maximum(t - at, 0.0)), at, 0.05)


def _hop_of(at: float) -> int:
    """The analysis hop whose spectrum first holds a stroke at ``at`` (s)."""
    return int(round((at - filterbanks.MEL_N_FFT / SR) / (128 / SR))) + 2


def test_a_ghost_snare_has_the_shape_of_the_clips_snares_a_tom_or_a_hat_does_not():
    """A groove: loud snares (noise falling 6 dB above 2 kHz and a 200 Hz mode, 50 ms decay) at 0.15 and 0.95 s, flux
    onsets that :func:`drum_of` reads snare, and hi-hats (6–11 kHz noise, 30 ms decay) every 0.2 s, the grid. A sixteenth
    later than the hat at 0.35 s, the same snare 12, 18 and 24 dB softer is a ghost note: :func:`ghost_snare` names it
    (its shape correlates ~0.95 with theirs); a tom (110, 165, 235 Hz partials, 0.15 s decay) or a hi-hat at the same
    place and peak level is none (~0.4, ~-0.5); nor the ghost 60 ms later, off the grid, nor the ghost without the loud
    snares (no shape to compare with)."""
    t, decaying, stroke, hop = GROOVE_T, _decaying, _snare_stroke, _hop_of

    at, after = 0.45, np.maximum(t - 0.45, 0.0)
    hats = sum(decaying(shaped_noise((6000.0, 11000.0), 1.6, 60 + k)[: t.size], 0.15 + 0.2 * k, 0.03) for k in range(7))
    groove, floor = stroke(0.15, 81) + stroke(0.95, 82) + 0.6 * hats, 3e-3 * shaped_noise("white", 1.6, 83)[: t.size]
    tom = np.where(t >= at, sum(a * np.sin(2 * np.pi * f * after) for f, a in ((110.0, 1.0), (165.0, 0.6), (235.0, 0.4))) * np.exp(-after / 0.15), 0.0)
    hat = decaying(shaped_noise((6000.0, 11000.0), 1.6, 85)[: t.size], at, 0.04)
    snares = np.array([hop(0.15), hop(0.95)])

    def read(x: np.ndarray, when: float, onsets: np.ndarray = snares) -> str | None:
        ctx = dataclasses.replace(_context(0.3 * (x + floor)), onsets=onsets)
        if onsets.size:
            assert [drum_of(ctx.power, ctx.level_db, int(k), ctx.freqs, ctx.hop_s) for k in onsets] == ["snare", "snare"]
        return ghost_snare(ctx, hop(when) - 6, hop(when) + 6, when)

    for under in (12.0, 18.0, 24.0):
        ghost = 10 ** (-under / 20) * stroke(at, 90)
        peak = float(np.abs(ghost).max())
        assert read(groove + ghost, at) == "snare", under
        assert read(groove + tom * peak / float(np.abs(tom).max()), at) is None, under
        assert read(groove + hat * peak / float(np.abs(hat).max()), at) is None, under
        assert read(groove, at) is None, under
        assert read(groove + 10 ** (-under / 20) * stroke(at + 0.06, 90), at + 0.06) is None, under
        assert read(0.6 * hats + ghost, at, np.zeros(0, int)) is None, under


def test_a_hat_under_rain_has_the_shape_of_the_clips_hats_the_rain_alone_has_none():
    """Loud hi-hats (6–11 kHz noise, 30 ms decay) at 0.3, 0.7, 1.1, 1.5 s over a rain bed (flux onsets :func:`drum_of`
    reads hihat: the clip's own hats) and a brief closed hat (15 ms decay) at 0.9 s 6 dB under to 3 dB over the rain's
    RMS: no louder than the drops. :func:`shape_hat` reads it by its shape (at least 4 of 12 over three rain seeds;
    measured 4: a drop inside its 9 ms often bends the shape); the same groove without it reads no hat there, and the
    rain alone none anywhere (no hats to learn a shape from)."""
    t = np.arange(int(2.0 * SR)) / SR

    def hat(at: float, seed: int, tau: float) -> np.ndarray:
        x = np.where(t >= at, shaped_noise((6000.0, 11000.0), 2.0, seed)[: t.size] * np.exp(-np.maximum(t - at, 0.0) / tau), 0.0)
        return x / np.sqrt(np.mean(x[(t > at) & (t < at + 0.02)] ** 2))

    def hop(at: float) -> int:
        return int(round((at - filterbanks.MEL_N_FFT / SR) / (128 / SR))) + 2

    loud_t, at = [0.3 + 0.4 * k for k in range(4)], 0.9
    loud, onsets = 2.0 * sum(hat(a, 60 + k, 0.03) for k, a in enumerate(loud_t)), np.array([hop(a) for a in loud_t])
    read = 0
    for seed in (1, 2, 3):
        bed = rain(2.0, 100 + seed)[: t.size]
        bed = bed / np.sqrt(np.mean(bed**2))
        groove = dataclasses.replace(_context(0.05 * (bed + loud)), onsets=onsets)
        assert [drum_of(groove.power, groove.level_db, int(k), groove.freqs, groove.hop_s) for k in onsets] == ["hihat"] * 4
        assert not shape_hat(groove, hop(at) - 6, hop(at) + 6, at, onsets, True)
        alone = dataclasses.replace(_context(0.05 * bed), onsets=onsets)
        assert not any(shape_hat(alone, hop(a) - 20, hop(a) + 20, a, np.zeros(0, int), True) for a in np.arange(0.2, 1.9, 0.1))
        for over in (-6.0, -3.0, 0.0, 3.0):
            ctx = dataclasses.replace(_context(0.05 * (bed + loud + 10 ** (over / 20) * hat(at, 90 + seed, 0.015))), onsets=onsets)
            read += shape_hat(ctx, hop(at) - 6, hop(at) + 6, at, onsets, True)
    assert read >= 4


def test_a_swung_off_beat_is_on_the_grid_a_later_one_is_not():
    """Onsets every 86 hops (an eighth): a ghost two thirds of the way through a step (triplet swing) or at 0.6 (a fifth
    of a sixteenth late) is on the grid when swing is allowed, not without; at 0.8 (past the dotted 3/4) it is not."""
    sure = np.array([100, 186, 272, 358])
    for share in (0.6, 2 / 3):
        i = 186 + int(round(86 * share))
        assert on_grid(sure, i, 0.0029, swing=True) and not on_grid(sure, i, 0.0029), share
    assert not on_grid(sure, 186 + int(round(86 * 0.8)), 0.0029, swing=True)
    assert not on_grid(sure[1:], 150, 0.0029, swing=True)  # nothing before it: a lead-in has no grid


def test_a_soft_snares_wires_stand_over_held_notes_a_hats_are_a_hat():
    """A groove (loud snares, noise of 150 Hz–11 kHz and a 200 Hz mode, at 0.15 and 0.95 s, flux onsets :func:`drum_of`
    reads snare; hi-hats every 0.2 s) under held notes (a pad chord of six partials at 220–660 Hz, each 5 times the
    snares' noise in amplitude). The same snare 12 dB softer a sixteenth after the hat at 0.35 s lifts the bands from 4 kHz up on
    their own: :func:`wires_under_bed` names it a snare or clap; a hat there (drum_over_bed: hihat), the soft snare
    60 ms later (off the grid, swung or not), or the same without the loud snares (no snares in the clip) are none."""
    t, decaying, stroke, hop = GROOVE_T, _decaying, _snare_stroke, _hop_of

    hats = sum(decaying(shaped_noise((6000.0, 11000.0), 1.6, 60 + k)[: t.size], 0.15 + 0.2 * k, 0.03) for k in range(7))
    pad = 4.0 * sum(np.sin(2 * np.pi * f * t) for f in (220.0, 277.2, 329.6, 440.0, 554.4, 659.3))
    loud, at = stroke(0.15, 81) + stroke(0.95, 82), 0.45
    snares = np.array([hop(0.15), hop(0.95)])

    def read(x: np.ndarray, when: float, onsets: np.ndarray = snares) -> str | None:
        ctx = dataclasses.replace(_context(0.02 * x), onsets=onsets)
        if onsets.size:
            assert "snare" in [drum_of(ctx.power, ctx.level_db, int(k), ctx.freqs, ctx.hop_s) for k in onsets]  # the clip's snares
        return wires_under_bed(ctx, hop(when) - 6, hop(when) + 6, when, onsets)

    ghost = 10 ** (-12 / 20) * stroke(at, 90)
    hat = decaying(shaped_noise((6000.0, 11000.0), 1.6, 85)[: t.size], at, 0.04) * float(np.abs(ghost).max())
    assert read(pad + loud + 0.6 * hats + ghost, at) in ("snare", "clap")
    assert read(pad + loud + 0.6 * hats + hat, at) is None
    assert read(pad + loud + 0.6 * hats + 10 ** (-12 / 20) * stroke(at + 0.06, 90), at + 0.06) is None
    assert read(pad + 0.6 * hats + ghost, at, np.zeros(0, int)) is None


def test_a_soft_snares_wires_over_beating_notes_are_a_snare_a_tom_or_a_pluck_are_not():
    """Issue 11d, session 21 (ghost snares and flams under a band read ``bass``, ``pad``, ``lead``: their flux onset reads
    no drum). Held notes that beat (six partials at 55–440 Hz, each doubled 7 Hz up: their bins rise and fall, so too
    little of an onset's new energy dies within 100 ms) and a snare 12–21 dB under them (noise of 150 Hz–1 kHz and of
    1–12 kHz, each unit RMS, a 200 Hz mode of amplitude 1.5, 50 ms decay; three seeds) at a flux onset: :func:`drum_of` reads no drum there (main's rules:
    no name), :func:`wires_over_notes` names it a snare by its wires, noise rising above 4 kHz. A tom (110, 165, 235 Hz
    partials and a stick's noise under 3.5 kHz) and a plucked note (392 Hz, 30 harmonics) as loud at the same onset, and
    the notes alone, are none."""
    t, decaying, hop, at = GROOVE_T, _decaying, _hop_of, 0.8
    after = np.maximum(t - at, 0.0)
    notes = 4.0 * sum(np.sin(2 * np.pi * f * t + k) + np.sin(2 * np.pi * (f + 7.0) * t) for k, f in enumerate((55.0, 110.0, 220.0, 277.2, 329.6, 440.0)))
    floor = 3e-3 * shaped_noise("white", 1.6, 83)[: t.size]

    def stroke(seed: int) -> np.ndarray:
        wires = shaped_noise((150.0, 1000.0), 1.6, seed)[: t.size] + shaped_noise((1000.0, 12000.0), 1.6, seed + 50)[: t.size]
        return decaying(wires + 1.5 * np.sin(2 * np.pi * 200.0 * after), at, 0.05)

    def read(x: np.ndarray) -> tuple[str | None, str | None]:
        ctx = dataclasses.replace(_context(0.02 * (notes + x + floor)), onsets=np.array([hop(at)]))
        return ctx.drum_at(hop(at)), wires_over_notes(ctx, hop(at) - 6, hop(at) + 6, at)

    tom = np.where(t >= at, sum(a * np.sin(2 * np.pi * f * after) for f, a in ((110.0, 1.0), (165.0, 0.6), (235.0, 0.4))) * np.exp(-after / 0.15), 0.0)
    tom = tom / float(np.abs(tom).max()) + 0.5 * decaying(shaped_noise((300.0, 3500.0), 1.6, 91)[: t.size], at, 0.02)
    pluck = np.where(t >= at, sum(np.sin(2 * np.pi * 392.0 * h * after) / h for h in range(1, 31)) * np.exp(-after / 0.2), 0.0)
    pluck = pluck / float(np.abs(pluck).max())
    for under in (12.0, 15.0, 18.0, 21.0):
        for seed in (90, 91, 92):
            assert read(10 ** (-under / 20) * stroke(seed)) == (None, "snare"), (under, seed)
        peak = float(np.abs(10 ** (-under / 20) * stroke(90)).max())
        assert read(peak * tom)[1] is None, under
        assert read(peak * pluck)[1] is None, under
    assert read(0.0 * t) == (None, None)


def test_a_hat_over_beating_notes_is_a_hat_a_snare_or_a_bright_pluck_is_not():
    """Issue 11d, session 22 (closed hats under a band read ``bass``, ``pluck``: their flux onset reads no drum, and
    :func:`high_hihat` skipped a high-band onset a flux onset marked unless the sound before was noise). Held notes that
    beat (six partials at 55–440 Hz, each doubled 7 Hz up) and a closed hat 6–15 dB under them (noise of 6–12 kHz,
    30 ms decay; three seeds) at a flux onset: :func:`drum_of` reads no drum there, :func:`hat_over_notes` and
    :func:`high_hihat` name it a hat. A snare (noise of 150 Hz–12 kHz and a 200 Hz mode) and a bright plucked note
    (1760 Hz, 6 harmonics) as loud at the same onset, and the notes alone, are no hat."""
    t, decaying, hop, at = GROOVE_T, _decaying, _hop_of, 0.8
    after = np.maximum(t - at, 0.0)
    notes = 4.0 * sum(np.sin(2 * np.pi * f * t + k) + np.sin(2 * np.pi * (f + 7.0) * t) for k, f in enumerate((55.0, 110.0, 220.0, 277.2, 329.6, 440.0)))
    floor = 3e-3 * shaped_noise("white", 1.6, 83)[: t.size]

    def read(x: np.ndarray) -> tuple[str | None, bool, bool]:
        ctx = dataclasses.replace(_context(0.02 * (notes + x + floor)), onsets=np.array([hop(at)]))
        near = ctx.high_onsets[np.abs(ctx.high_onsets - hop(at)) <= 3]
        over = bool(near.size) and hat_over_notes(ctx, int(near[0]), np.array([hop(at)]))
        return ctx.drum_at(hop(at)), over, high_hihat(ctx, hop(at) - 6, hop(at) + 6, at)

    snare = decaying(shaped_noise((150.0, 1000.0), 1.6, 95)[: t.size] + shaped_noise((1000.0, 12000.0), 1.6, 96)[: t.size] + 1.5 * np.sin(2 * np.pi * 200.0 * after), at, 0.05)
    pluck = np.where(t >= at, sum(np.sin(2 * np.pi * 1760.0 * h * after) / h for h in range(1, 7)) * np.exp(-after / 0.2), 0.0)
    for under in (6.0, 9.0, 12.0, 15.0):
        for seed in (90, 91, 92):
            hat = 10 ** (-under / 20) * decaying(shaped_noise((6000.0, 12000.0), 1.6, seed)[: t.size], at, 0.03)
            assert read(hat) == (None, True, True), (under, seed)
        peak = float(np.abs(10 ** (-under / 20) * decaying(shaped_noise((6000.0, 12000.0), 1.6, 90)[: t.size], at, 0.03)).max())
        for name, x in (("snare", snare), ("pluck", pluck)):
            assert read(peak * x / float(np.abs(x).max()))[1:] == (False, False), (name, under)
    assert read(0.0 * t)[1:] == (False, False)


def test_a_hat_over_a_rooms_tone_is_a_hat_a_snare_or_a_kick_is_not():
    """Issue 11d, session 22 (closed hats over an empty room's tone read ``snare``, ``kick`` or ``rumble``: the tone's
    flicker under 1.2 kHz pulls the new energy's centroid down). A room's tone (:func:`tests.drum_kits._noise_bed`
    "room") over a white floor 50 dB under it, and a closed hat (noise of 6–12 kHz, 30 ms decay) 0 and 12 dB under
    the tone's level: :func:`high_onsets` finds it and :func:`hat_over_low_bed` names it a hat (the snare's and the
    kick's bands gain little power, its own far more than 9 dB); a snare (noise of 150 Hz–12 kHz and a 200 Hz mode)
    and a kick (a 60 Hz thump, 120 ms decay, and a beater's click) at a drum's level (their first 46 ms 6 dB over the
    tone's RMS: the splits' beds lie 2–9 dB under the drums) are no hat. A measured limit: the rule reads
    the lower bands' power over the 46 ms from the onset against their median, so the tone's own flicker there counts;
    of seeds 60–75, five keep it under the thresholds at 0.8 s (61, 63, 66, 69, 70: the hat read), the others not
    (seed 73: the kick bands' flicker alone rises 5.9 dB, no hat read)."""
    from tests.drum_kits import _noise_bed

    t, decaying, hop, at = GROOVE_T, _decaying, _hop_of, 0.8
    after = np.maximum(t - at, 0.0)
    floor = 3e-3 * shaped_noise("white", 1.6, 83)[: t.size]

    def read(bed: np.ndarray, x: np.ndarray) -> bool:
        ctx = _context(0.05 * (bed + x + floor))
        near = ctx.high_onsets[np.abs(ctx.high_onsets - hop(at)) <= 3]
        return bool(near.size) and hat_over_low_bed(ctx, int(near[0]))

    snare = decaying(shaped_noise((150.0, 1000.0), 1.6, 95)[: t.size] + shaped_noise((1000.0, 12000.0), 1.6, 96)[: t.size] + 1.5 * np.sin(2 * np.pi * 200.0 * after), at, 0.05)
    kick = decaying(np.sin(2 * np.pi * 60.0 * after), at, 0.12) + 0.3 * decaying(shaped_noise((1000.0, 8000.0), 1.6, 97)[: t.size], at, 0.01)
    for seed in (61, 63, 69, 73):
        bed = _noise_bed("room", 1.6, seed)[: t.size]
        for under in (0.0, 12.0):
            hat = 10 ** (-under / 20) * decaying(shaped_noise((6000.0, 12000.0), 1.6, seed + 10)[: t.size], at, 0.03)
            assert read(bed, hat) == (seed != 73), (seed, under)
        for name, x in (("snare", snare), ("kick", kick)):
            first = x[(t >= at) & (t < at + 0.046)]
            assert not read(bed, 2.0 * x / float(np.sqrt(np.mean(first**2)))), (seed, name)
        assert not read(bed, 0.0 * t), seed


def test_a_sibilant_after_a_vowel_over_a_rooms_tone_is_no_hat():
    """Issue 11d, session 23 (:func:`hat_over_low_bed` named a hat on 10 more speech frames of speech_s20fresh: a
    sibilant's noise above 4 kHz comes as the vowel before it stops, so the lower bands lose power). A vowel (a 130 Hz
    voice, 24 harmonics falling 6 dB an octave above 500 Hz) over a room's tone (:func:`tests.drum_kits._noise_bed`
    "room", 12 dB under it) fades out over the 50 ms up to 10 ms before a sibilant (noise of 4–10 kHz, 5 ms rise, 60 ms
    decay) at 0.8 s: the snare bands' power falls 10–14 dB under its bed (more than LOW_BED_SNARE_FALL_DB), no hat; a
    closed hat over the tone alone is a hat on the same seeds (session 22's test). Fails without the rule (the
    sibilant read a hat on every seed)."""
    from tests.drum_kits import _noise_bed

    t, decaying, hop, at = GROOVE_T, _decaying, _hop_of, 0.8
    vowel = sum(np.sin(2 * np.pi * 130.0 * h * t + h) / max(130.0 * h / 500.0, 1.0) for h in range(1, 25))
    vowel = np.where(t >= 0.45, vowel / np.sqrt(np.mean(vowel**2)), 0.0) * np.clip((at - 0.01 - t) / 0.05, 0.0, 1.0)
    floor = 3e-3 * shaped_noise("white", 1.6, 83)[: t.size]
    rise = np.clip((t - at) / 0.005, 0.0, 1.0)

    def read(bed: np.ndarray, x: np.ndarray) -> bool:
        ctx = _context(0.05 * (bed + x + floor))
        near = ctx.high_onsets[np.abs(ctx.high_onsets - hop(at)) <= 3]
        return bool(near.size) and hat_over_low_bed(ctx, int(near[0]), noisy=True)

    for seed in (61, 63, 69):
        bed = 10 ** (-12 / 20) * _noise_bed("room", 1.6, seed)[: t.size]
        sibilant = rise * decaying(shaped_noise((4000.0, 10000.0), 1.6, seed + 20)[: t.size], at, 0.06)
        assert not read(bed, vowel + sibilant), seed
        hat = decaying(shaped_noise((6000.0, 12000.0), 1.6, seed + 10)[: t.size], at, 0.03)
        assert read(bed, hat), seed


def test_a_crackles_click_is_over_at_once_a_drum_rings_on():
    """Lone clicks (:func:`click_hops`; issue 11d, session 13): a 0.5 ms burst of noise (a vinyl record's crackle)
    40 dB over hiss is over within one 5.8 ms slice, the level back at the hiss's: a click at the hops around it; a
    snare's noise (150 Hz–8 kHz, 30 ms decay), a closed hat's (6–11 kHz, 20 ms) and a kick's 55 Hz thump (80 ms) ring
    on over the hiss, none is. Vinyl crackle (:func:`tests.drum_kits._noise_bed`, 40 clicks a second, 3 s) read
    in-process names a drum on at most 30 of its 75 frames (measured 14; main's rules 46)."""
    from aspects.measure.primitive import click_hops
    from tests.drum_kits import _noise_bed

    n, at = int(0.6 * SR), int(0.3 * SR)
    t = np.arange(n) / SR
    after = np.maximum(t - at / SR, 0.0)
    hiss = 0.001 * shaped_noise("white", 0.6, 90)[:n]
    click = np.zeros(n)
    click[at : at + 11] = np.random.default_rng(91).standard_normal(11) * 0.1
    snare = np.where(t >= at / SR, shaped_noise((150.0, 8000.0), 0.6, 92)[:n] * np.exp(-after / 0.03), 0.0) * 0.1
    hat = np.where(t >= at / SR, shaped_noise((6000.0, 11000.0), 0.6, 93)[:n] * np.exp(-after / 0.02), 0.0) * 0.1
    kick = np.where(t >= at / SR, np.sin(2 * np.pi * 55.0 * after) * np.exp(-after / 0.08), 0.0) * 0.3

    def clicks(x: np.ndarray) -> np.ndarray:
        slices = (x[: n // 128 * 128] + hiss[: n // 128 * 128]).reshape(-1, 128)  # hop k's own slice: samples k·128 … (whole hops)
        return click_hops(10 * np.log10(np.mean(slices**2, axis=1) + 1e-12))

    k = at // 128
    assert clicks(click)[k - 1 : k + 2].all()
    for name, x in (("snare", snare), ("hat", hat), ("kick", kick)):
        assert not clicks(x)[k - 6 : k + 6].any(), name
    _, primitive = analyse((0.05 * _noise_bed("crackle", 3.0, 303831)).astype(np.float32))
    assert sum(str(p) in DRUMS for p in primitive) <= 30, list(primitive)


def test_a_boom_under_a_burst_is_the_kick_a_burst_over_a_held_bass_note_is_not():
    """A kick struck with the backbeat's clap (issue 11d, session 14; trial 9's power kit at 128 BPM read ``snare`` on 10
    of 10): the kick's 55 Hz boom rings past the 100 ms percussive test, so the percussive part is the burst of noise
    struck with it (0.6–9 kHz, 20 ms), but the boom holds most of the onset's new energy (here 0.67; docs/audio.md:
    simultaneous hits are named by priority, kick first): ``kick`` (:data:`BOOM_UNDER_SHARE`; main: the burst's
    name). The same burst over a 55 Hz bass note struck with it (a note holds its level), or alone, is no kick."""
    t = np.arange(int(1.0 * SR)) / SR
    start = t >= 0.3
    boom = np.where(start, np.sin(2 * np.pi * 55.0 * t) * 10 ** (-45.0 * (t - 0.3) / 20), 0.0)
    burst = np.where(start, shaped_noise((600.0, 9000.0), 1.0, 7)[: t.size] * np.exp(-np.maximum(t - 0.3, 0.0) / 0.02), 0.0) * 3.0
    note = np.where(start, sum(np.sin(2 * np.pi * 55.0 * h * t) / h**2 for h in range(1, 5)), 0.0)
    freqs, hop_s = _freqs(), 128 / SR
    i = int(round((0.3 - 512 / SR) / hop_s)) + 2  # the first hop whose window holds the onset, and a little more
    names = {}
    for name, x in (("boom", boom + burst), ("note", note + burst), ("alone", burst)):
        power = _hop_power(0.3 * x)
        names[name] = drum_of(power, 10 * np.log10(power.sum(axis=1) + 1e-20), i, freqs, hop_s)
    assert names["boom"] == "kick", names
    assert names["note"] in DRUMS - {"kick"} and names["alone"] in DRUMS - {"kick"}, names


def test_a_four_on_the_floor_kick_under_the_power_kits_clap_is_a_kick(tmp_path):
    """Trial 9's groove (issue 11d, session 14): FluidR3's power kit at 128 BPM, the kick on every beat, the hand clap
    with it on 2 and 4, a closed hat on the off-beats, velocity 105. Every kick is named ``kick``, those struck with the
    clap too (main's rules: ``snare`` on all of them); the off-beat hats stay ``hihat``."""
    from tests.audio_corpus import DRUM_CH, DRUM_NOTES, Clip, note, program

    if reason := missing_tools():
        pytest.skip(reason)
    beat = 60.0 / 128
    clip = Clip("power_four", 0.3 + 8 * beat + 0.8, kind="drums")
    clip.events.append(program(DRUM_CH, 16, 0.0))
    for b in range(8):
        for h, drums in ((0.0, ["kick"] + (["clap"] if b % 2 else [])), (0.5, ["hihat"])):
            at = round(0.3 + (b + h) * beat, 4)
            for d in drums:
                clip.events += note(DRUM_CH, DRUM_NOTES[d], at, at + 0.1, 105)
            clip.hits.append((at, drums[0]))
    results = _rendered_hits(clip, tmp_path)
    with_clap = [answer for (_, truth, answer), b in zip(results[::2], range(8)) if b % 2]
    assert with_clap == ["kick"] * 4, results
    assert sum(truth == answer for _, truth, answer in results) >= 15, results


@pytest.mark.xfail(
    strict=True,
    reason="kick_under (a struck thump under 100 Hz) named these kicks but also read 16 of 120 band snares struck with a finger-bass note kick on the lead's trials 10/11: dropped at merge (session 15); session 16's kick_thump does not reach them: the louder snare's body rings 8.6-9.1 dB over the thump in 100-600 Hz at 100 ms, where a bass note's harmonics would (KICK_HARMONICS_DB 0)",
)
def test_a_kick_struck_with_a_louder_snare_on_kits_whose_kick_does_not_boom_is_a_kick(tmp_path):
    """Issue 11d, session 15: a four-on-the-floor groove on FluidR3's standard kit (kick 36 with the acoustic snare 38 on
    2 and 4), the snare struck harder than the kick (110 over 70), at 112 BPM. Simultaneous hits are named by priority,
    kick first (docs/audio.md): the kick's thump under 100 Hz is a few % of those hits' new energy (helper 11d's
    ``kick_under`` named them, dropped at merge: see the xfail; the rules miss them: the percussive part's low share 0.03-0.14 is under KICK_LOW_SHARE); the snares struck
    alone on the off-beats stay ``snare``. (The electronic kit's kick with its electric snare is still missed on some
    hits: its low band falls less than KICK_UNDER_DROP_DB within 100 ms there, docs/audio.md.)"""
    from tests.audio_corpus import DRUM_CH, Clip, note, program

    if reason := missing_tools():
        pytest.skip(reason)
    beat = 60.0 / 112
    clips = []
    for kit, snare in ((0, 38),):
        clip = Clip(f"kit{kit}_four", 0.3 + 8 * beat + 0.8, kind="drums")
        clip.events.append(program(DRUM_CH, kit, 0.0))
        for b in range(8):
            for h, drums in ((0.0, [36] + ([snare] if b % 2 else [])), (0.5, [snare] if b % 4 == 3 else [])):
                at = round(0.3 + (b + h) * beat, 4)
                for d in drums:
                    clip.events += note(DRUM_CH, d, at, at + 0.1, 70 if d == 36 else 110)
                if drums:
                    clip.hits.append((at, "kick" if 36 in drums else "snare"))
        clips.append(clip)
    for clip, x in zip(clips, render(clips, tmp_path, "render.wav"), strict=True):
        t, primitive = analyse(x)
        results = hit_results(clip, t, primitive)
        assert [answer for _, truth, answer in results] == [truth for _, truth, _ in results], (clip.name, results)


def test_a_subsonic_step_at_a_notes_start_is_no_kick_a_thump_is():
    """Issue 11d, session 15: a chiff lead's staccato notes read ``kick`` (drumless frames named a drum): the sample
    steps its waveform at the note's start, new energy under 30 Hz that dies within 100 ms (0.99 of the low part).
    A kick's thump lies at 40-100 Hz (FluidR3's kicks: <= 0.24 of the low part under 30 Hz): a step is no kick
    (``SUBSONIC_SHARE``; the base's rules: ``kick``), a 55 Hz thump with the same note still is."""
    t = np.arange(int(1.0 * SR)) / SR
    start = t >= 0.3
    fall = np.where(start, np.exp(-np.maximum(t - 0.3, 0.0) / 0.05), 0.0)
    tone = np.where(start & (t < 0.42), sum(np.sin(2 * np.pi * 392.0 * h * t) / h for h in range(1, 6)), 0.0)
    thump = 1.5 * np.sin(2 * np.pi * 55.0 * (t - 0.3)) * fall
    freqs, hop_s = _freqs(), 128 / SR
    i = int(round((0.3 - 512 / SR) / hop_s)) + 2
    names = {}
    for name, x in (("step", 0.8 * fall + 0.3 * tone), ("thump", thump + 0.3 * tone)):
        power = _hop_power(0.3 * x)
        names[name] = drum_of(power, 10 * np.log10(power.sum(axis=1) + 1e-20), i, freqs, hop_s)
    assert names == {"step": None, "thump": "kick"}, names


def test_a_bands_snare_struck_with_a_bass_note_stays_a_snare(tmp_path):
    """Session 15 (the lead's trials 10 and 11): in a band (standard kit, a finger bass on every beat, piano chords,
    96 BPM) the backbeat's snare is struck with a bass note whose fundamental lies under 100 Hz. A rule that named a kick
    by a struck thump under 100 Hz (``kick_under``, helper 11d; dropped at merge) read 16 of the two trials' 120 band
    snares ``kick``: the bass note's attack falls 3 dB within 100 ms as a non-booming kick's does. Every snare must stay
    ``snare`` (main's rules: 16 of 16 here)."""
    from tests.audio_corpus import band_clip

    if reason := missing_tools():
        pytest.skip(reason)
    clip = band_clip("band_96_snares", 96, bars=4)
    snares = [(at, answer) for at, truth, answer in _rendered_hits(clip, tmp_path) if truth == "snare"]
    assert len(snares) >= 8 and all(answer == "snare" for _, answer in snares), snares


def test_a_kick_struck_with_a_side_stick_is_a_kick_a_bass_note_struck_with_it_is_not(tmp_path):
    """Issue 11d, session 16: on FluidR3's standard kit (whose kick does not boom) a kick struck with a side stick is
    named kick (simultaneous hits by HIT_PRIORITY, kick first), by its thump under 100 Hz that dies within 200 ms with no
    harmonic series over it (``kick_thump``; main's rules: ``snare`` on all three). A finger-bass or slap-bass note
    struck with the same side stick or snare stays ``snare``: held, its low band sustains; its harmonics ring over it."""
    from tests.audio_corpus import DRUM_CH, Clip, note, program

    if reason := missing_tools():
        pytest.skip(reason)
    hits = [((36, 50), (37, 90), None), ((36, 70), (37, 110), None), ((35, 70), (37, 110), None), (None, (37, 90), (33, 40)), (None, (38, 100), (33, 43)), (None, (38, 110), (36, 28))]
    clip = Clip("kick_or_bass_with_a_stick", 0.3 + len(hits) * 0.6 + 0.8, kind="drums")
    clip.events += [program(DRUM_CH, 0, 0.0), program(0, 33, 0.0), program(1, 36, 0.0)]
    for k, (kick, stroke, bass) in enumerate(hits):
        at = round(0.3 + k * 0.6, 4)
        for d, v in [x for x in (kick, stroke) if x]:
            clip.events += note(DRUM_CH, d, at, at + 0.1, v)
        if bass:
            clip.events += note(0 if bass[0] == 33 else 1, bass[1], at, at + 0.5, 100)
        clip.hits.append((at, "kick" if kick else "snare"))
    results = _rendered_hits(clip, tmp_path)
    assert [answer for _, truth, answer in results] == [truth for _, truth, _ in results], results


def test_a_tr808_snare_struck_with_its_hat_is_the_snare_the_hat_alone_is_a_hat(tmp_path):
    """Issue 11d, session 17 (the lead's trial 12: the TR-808 kit's backbeat snare struck with a closed hat read hihat):
    FluidR3's TR-808 hats are so bright that a snare struck with one at the same velocity centres over
    HIHAT_CENTROID_HZ, but the stroke under the hat holds the snare's shell body, rising from nothing
    (:func:`body_under_hat`), so it is the snare (by HIT_PRIORITY); each hat struck alone stays a hi-hat (main's rules:
    ``hihat`` on the three snares)."""
    from tests.audio_corpus import DRUM_CH, Clip, note, program

    if reason := missing_tools():
        pytest.skip(reason)
    hits = [(38, 42), (None, 42), (38, 46), (None, 46), (38, 44), (None, 44)]
    clip = Clip("tr808_snare_with_a_hat", 0.3 + len(hits) * 0.6 + 0.8, kind="drums")
    clip.events.append(program(DRUM_CH, 25, 0.0))
    for k, (snare, hat) in enumerate(hits):
        at = round(0.3 + k * 0.6, 4)
        for d in (snare, hat):
            if d:
                clip.events += note(DRUM_CH, d, at, at + 0.1, 105)
        clip.hits.append((at, "snare" if snare else "hihat"))
    results = _rendered_hits(clip, tmp_path)
    assert [answer for _, truth, answer in results] == [truth for _, truth, _ in results], results


def test_a_tr808_snare_under_a_louder_hat_is_the_snare_by_the_clips_own_hats(tmp_path):
    """Issue 11d, session 18 (the lead's trial 13: TR-808 band snares struck with a closed hat read hihat): under a hat
    as loud or louder, a TR-808 snare's or electric snare's part under the hat's band is 0.04-0.14 of the onset's
    percussive part, which alone is a standard kit's lone hat's; the clip's own TR-808 hats put 0.001-0.005 there, so
    the stroke stands ≥ HAT_STROKE_RATIO times over them (:func:`struck_with_own_hat`): the snare (by HIT_PRIORITY). The
    groove's lone hats stay hi-hats, its kicks kicks (main's rules: ``hihat`` on the four backbeats)."""
    from tests.audio_corpus import DRUM_CH, Clip, note, program

    if reason := missing_tools():
        pytest.skip(reason)
    beat = 0.6
    clip = Clip("tr808_snare_under_a_louder_hat", 0.3 + 8 * beat + 0.8, kind="drums")
    clip.events.append(program(DRUM_CH, 25, 0.0))
    for e in range(16):
        at = round(0.3 + e * beat / 2, 4)
        b = e // 2
        if e % 2 == 1:
            strokes, truth = [(42, 82)], "hihat"
        elif b % 2 == 0:
            strokes, truth = [(36, 100), (42, 82)], "kick"
        else:  # the backbeat: bar 1 a snare at 70 under a closed hat at 110, bar 2 an electric snare at 90 under a pedal hat at 127
            strokes, truth = ([(38, 70), (42, 110)] if b < 4 else [(40, 90), (44, 127)]), "snare"
        for d, v in strokes:
            clip.events += note(DRUM_CH, d, at, at + 0.1, v)
        clip.hits.append((at, truth))
    results = _rendered_hits(clip, tmp_path)
    assert [answer for _, truth, answer in results] == [truth for _, truth, _ in results], results


def test_off_beat_hats_over_a_power_kits_boom_and_a_bands_bass_are_hats(tmp_path):
    """Issue 11d, session 19 (the lead's trial 14: FluidR3's power kit at 160 BPM, kick and clap on the beats, hats at
    70 on the off-beats: the hats after a kick read ``rumble``; its band at 156: hats read ``bass``). The hat's onset is
    a rise of the high bands (:func:`high_onsets`) with no flux onset. After a kick, the kick's voiced boom and the
    uneven bursts pass for speech (:func:`is_speech`), whose veto dropped the hat: the onsets around all lie on the
    groove's grid (:func:`groove_grid`), so no syllables. Over a band's held bass note and chord, the whole spectrum's
    46 ms reads no drum or a snare at the hat's onset; what stands over what rings under it reads the hat
    (:func:`drum_over_bed`). Main's rules: the 6 hats after a kick ``rumble``; the band's hats 8 of 12 (``bass`` ×2; a
    ``snare`` and a ``kick`` at flux onsets drum_of reads so, not reached: 10 of 12 with these rules)."""
    from tests.audio_corpus import DRUM_CH, Clip, band_clip, note, program

    if reason := missing_tools():
        pytest.skip(reason)
    beat = 60.0 / 160
    clip = Clip("power_160_offbeat_hats", 0.3 + 12 * beat + 0.8, kind="drums")
    clip.events.append(program(DRUM_CH, 16, 0.0))
    for b in range(12):
        at = round(0.3 + b * beat, 4)
        clip.events += note(DRUM_CH, 36 if b % 2 == 0 else 39, at, at + 0.1, 110)
        clip.hits.append((at, "kick" if b % 2 == 0 else "clap"))
        off = round(at + beat / 2, 4)
        clip.events += note(DRUM_CH, 42, off, off + 0.1, 70)
        clip.hits.append((off, "hihat"))
    results = _rendered_hits(clip, tmp_path / "kit")
    after_kick = [answer for k, (_, truth, answer) in enumerate(results) if truth == "hihat" and k % 4 == 1]
    assert after_kick.count("hihat") >= 5, results
    assert sum(truth == answer for _, truth, answer in results) >= len(results) - 1, results
    band = band_clip("band_156_power", 156, bars=3)
    band.events.append(program(DRUM_CH, 16, 0.0))
    hats = [answer for _, truth, answer in _rendered_hits(band, tmp_path / "band") if truth == "hihat"]
    assert hats.count("hihat") >= 10 and "bass" not in hats, hats


def test_a_power_kick_struck_with_a_bands_bass_note_is_a_kick_the_band_alone_has_none(tmp_path):
    """Issue 11d, session 20 (the lead's trial 14: its power band's kicks struck with a bass note read ``pluck``): the
    bass note's fundamental holds under 150 Hz, so the kick's low band falls only 2-3.7 dB within 100 ms (under
    BOOM_DROP_DB), but ≥ 6 dB by 200 ms, with the beater's click (:func:`boom_kick`, BOOM_HELD_*). FluidR3's power kit
    in a band at 156 BPM (a finger bass on every beat, piano chords): every kick is named ``kick`` (main's rules: 5 of
    6, one ``lead``); the same bass line and chords without the drums have no frame named a drum."""
    from tests.audio_corpus import DRUM_CH, band_clip, program

    if reason := missing_tools():
        pytest.skip(reason)
    band = band_clip("band_156_power_kicks", 156, bars=3)
    band.events.append(program(DRUM_CH, 16, 0.0))
    kicks = [answer for _, truth, answer in _rendered_hits(band, tmp_path / "band") if truth == "kick"]
    assert kicks == ["kick"] * 6, kicks
    alone = dataclasses.replace(band, events=[e for e in band.events if e[1][0] & 0x0F != DRUM_CH], hits=[])
    (x,) = render([alone], tmp_path / "alone", "render.wav")
    _, primitive = analyse(x)
    assert not [str(p) for p in primitive if str(p) in DRUMS], list(primitive)


def test_a_tr808_clap_struck_with_its_hat_is_a_clap_a_snare_or_side_stick_is_not(tmp_path):
    """Issue 11c, session 21 (the lead's trial 16: the TR-808 funk at 88, claps struck with a closed hat, read ``snare``
    ×6, ``hihat`` and nothing): a hand clap is several claps 10-30 ms apart, and FluidR3's TR-808 clap keeps its band
    (0.8-3 kHz) rising to 46-58 ms after its onset, with or without a hat struck with it; a snare, electric snare or
    side stick is one stroke that peaks there within 35 ms (:func:`hand_clap`, CLAP_PEAK_S). A TR-808 groove at 100 BPM
    (kick on the beats, closed hats on the off-beats): claps under a closed, open and pedal hat at equal and unequal
    velocities are ``clap``; snares, electric snares and side sticks under the same hats stay ``snare`` (by
    HIT_PRIORITY), the kicks kicks (main's rules: the four claps ``snare``)."""
    from tests.audio_corpus import DRUM_CH, Clip, note, program

    if reason := missing_tools():
        pytest.skip(reason)
    beat = 0.6
    backbeats = [(39, 42, 100, 100), (38, 42, 100, 100), (39, 46, 90, 110), (37, 46, 115, 80), (39, 44, 110, 90), (40, 44, 100, 100), (39, 42, 80, 115), (38, 46, 80, 115)]
    clip = Clip("tr808_clap_with_a_hat", 0.3 + 2 * len(backbeats) * beat + 0.8, kind="drums")
    clip.events.append(program(DRUM_CH, 25, 0.0))
    for k, (stroke, hat, stroke_v, hat_v) in enumerate(backbeats):
        kick = round(0.3 + 2 * k * beat, 4)
        at = round(kick + beat, 4)
        clip.events += note(DRUM_CH, 36, kick, kick + 0.1, 100)
        clip.hits.append((kick, "kick"))
        for off in (round(kick + beat / 2, 4), round(at + beat / 2, 4)):
            clip.events += note(DRUM_CH, 42, off, off + 0.05, 80)
        clip.events += note(DRUM_CH, stroke, at, at + 0.1, stroke_v) + note(DRUM_CH, hat, at, at + 0.1, hat_v)
        clip.hits.append((at, "clap" if stroke == 39 else "snare"))
    clip.hits.sort()
    results = _rendered_hits(clip, tmp_path)
    strokes = [(truth, answer) for _, truth, answer in results if truth in ("clap", "snare")]
    assert [answer for _, answer in strokes] == [truth for truth, _ in strokes], results
    assert [answer for _, truth, answer in results if truth == "kick"] == ["kick"] * len(backbeats), results


def test_a_hat_masked_under_8_khz_by_a_distorted_chord_is_a_hat_a_chord_stroke_is_not():
    """Issue 11d, sessions 25-26 (kits_s23fresh: hats under chugged distortion-guitar chords 10/69, every miss read as
    noise; the hat's rise from 4 kHz up masked, median 4.5 dB, from 8 kHz up 15.2 dB). A distorted chord held as noise
    from 80 Hz to 8 kHz and a closed hat (noise of 6-11 kHz, 30 ms decay; three seeds) 3-6 dB under it in its own
    bands: the whole frame analysis names the hat `hihat` on its onset frame or the next, and names no drum on the
    chord alone nor on a stroke of the chord (its own spectrum struck 6 dB up, 30 ms decay). The rule session 25 built
    for these (`top_hat`, reading from 8 kHz up) was taken back in session 26: main's rules already read this hat, and
    on the blind kit split it named 19 false hats for 6 gained (docs/audio.md)."""
    t, at = GROOVE_T, 0.8
    chord = shaped_noise((80.0, 8000.0), 1.6, 70)[: t.size]
    air = 0.05 * shaped_noise((8000.0, 11000.0), 1.6, 71)[: t.size]  # the guitar's little air over 8 kHz

    def read(x: np.ndarray) -> tuple[list[str], set[str]]:
        """The onset frame and the next; the names of the frames from one before the onset to two after it (the noise's
        own start, at 0 s, is a clip's start, not the case)."""
        times, names = analyse(0.02 * (chord + air + x))
        k = int(np.searchsorted(times, at, side="right") - 1)
        return [str(q) for q in names[k : k + 2]], {str(q) for q in names[k - 1 : k + 3]}

    drums = {"kick", "snare", "hihat", "clap"}
    for under in (3.0, 6.0):
        for seed in (72, 73, 74):
            hat = 10 ** (-under / 20) * _decaying(shaped_noise((6000.0, 11000.0), 1.6, seed)[: t.size], at, 0.03)
            onset, _ = read(hat)
            assert "hihat" in onset, (under, seed, onset)
    assert not read(0.0 * t)[1] & drums
    stroke = 2.0 * _decaying(shaped_noise((80.0, 8000.0), 1.6, 75)[: t.size] + 0.05 * shaped_noise((8000.0, 11000.0), 1.6, 76)[: t.size], at, 0.03)
    assert not read(stroke)[1] & drums


def test_a_power_kits_snare_whose_shell_rings_over_its_wires_is_a_snare_a_plucked_stab_is_not(tmp_path):
    """Issue 11d, session 28 (trial 22: an off-beat snare on FluidR3's Power 3 kit read `pluck` 14 times of 16). The power
    kits' snare struck alone at velocity 50-90 rings its shell (~180-230 Hz, 0.93-0.96 of the percussive part) 10-20 dB
    over its wires: the part is not flat over the whole band (flatness 0.001-0.013 < DRUM_FLATNESS), but over 1 kHz it is
    noise (0.24-0.37). Every stroke on Power 1-3 at velocity 50, 70 and 90 is named `snare` (main's rules: `pluck` on
    most of them); stabs of a pizzicato (at velocity 70 and 120: the rule's first version read the louder one `snare`), a nylon
    guitar (two-note chords and single notes, 0.12 s) name no drum. Stabs main already misreads are the xfail
    below."""
    from tests.audio_corpus import DRUM_CH, DRUM_NOTES, Clip, note, program, tonal_clip

    if reason := missing_tools():
        pytest.skip(reason)
    clips = []
    for kit in (17, 18, 19):
        for velocity in (50, 70, 90):
            clip = Clip(f"power{kit}_{velocity}", 0.3 + 4 * 0.6 + 0.5, kind="drums")
            clip.events.append(program(DRUM_CH, kit, 0.0))
            for k in range(4):
                at = round(0.3 + k * 0.6, 4)
                clip.events += note(DRUM_CH, DRUM_NOTES["snare"], at, at + 0.1, velocity)
                clip.hits.append((at, "snare"))
            clips.append(clip)
    stabs = [(0.3 + 0.4 * k, 0.42 + 0.4 * k, notes) for k, notes in enumerate(([40, 47], [45, 52], [52], [64], [76]))]
    clips += [tonal_clip(f"stab{prog}_{v}", prog, stabs, "pluck", velocity=v) for prog, v in ((45, 70), (45, 120), (24, 70))]
    renders = render(clips, tmp_path, "render.wav")
    snares = []
    for clip, x in zip(clips, renders, strict=True):
        t, primitive = analyse(x)
        if clip.kind == "drums":
            snares += [answer for _, _, answer in hit_results(clip, t, primitive)]
        else:
            assert not {str(p) for p in primitive} & {"kick", "snare", "hihat", "clap"}, (clip.name, list(primitive))
    assert snares == ["snare"] * 36, snares


@pytest.mark.xfail(
    strict=True,
    reason="session 28: main's rules (and wires_burst's, identical on these 26 clips) name a drum on 12 of them: stabs of a nylon guitar at 120, a steel guitar, a shamisen and a kalimba (snare, clap, kick), overdriven and distortion guitars, a piano (kick on the 1.48 s A3 alone)",
)
def test_staccato_stabs_name_no_drum(tmp_path):
    """Two-note chords and single notes held 0.12 s every 0.4 s on 13 plucked, struck and distorted programs at velocity
    70 and 120 (GM 0, 6, 24, 25, 29, 30, 45, 46, 104-108): no frame is named a drum."""
    from tests.audio_corpus import tonal_clip

    if reason := missing_tools():
        pytest.skip(reason)
    stabs = [(0.3 + 0.4 * k, 0.42 + 0.4 * k, notes) for k, notes in enumerate(([40, 47], [45, 52], [52], [64], [76]))]
    clips = [tonal_clip(f"stab{prog}_{v}", prog, stabs, "pluck", velocity=v) for prog in (45, 24, 107, 25, 105, 46, 104, 106, 108, 29, 30, 0, 6) for v in (70, 120)]
    named = {}
    for clip, x in zip(clips, render(clips, tmp_path, "render.wav"), strict=True):
        t, primitive = analyse(x)
        if drums := [(round(float(s), 2), str(p)) for s, p in zip(t, primitive, strict=True) if str(p) in ("kick", "snare", "hihat", "clap")]:
            named[clip.name] = drums
    assert not named, named


def _hit_answers(clips, tmp_path) -> dict[str, list[str]]:
    """Per clip of ``clips``, rendered together: the names its hits were read as (``hit_results``' answers)."""
    answers = {}
    for clip, x in zip(clips, render(clips, tmp_path, "render.wav"), strict=True):
        t, primitive = analyse(x)
        answers[clip.name] = [answer for _, _, answer in hit_results(clip, t, primitive)]
    return answers


HATS_WITH_BASS_RIGHT = 17  # of the 20 hats struck with a bass note named hihat (measured 19 with hat_with_note; main 2)


def _hat_or_snare_with_bass(kits, basses, drum, tmp_path) -> dict[str, list[str]]:
    """Per clip (``drum`` struck with each note of a bass line: four notes 0.6 s apart, held 0.5 s, velocity 100 and 92,
    on each kit of ``kits`` under each GM bass of ``basses``): the names of its four hits."""
    from tests.audio_corpus import DRUM_CH, DRUM_NOTES, Clip, note, program

    clips = []
    for kit in kits:
        for bass in basses:
            clip = Clip(f"{drum}_k{kit}_b{bass}", 3.0, kind="drums")
            clip.events += [program(DRUM_CH, kit, 0.0), program(1, bass, 0.0)]
            for k, pitch in enumerate((40, 45, 43, 38)):
                at = round(0.3 + 0.6 * k, 3)
                clip.events += note(DRUM_CH, DRUM_NOTES[drum], at, at + 0.1, 100) + note(1, pitch, at, at + 0.5, 92)
                clip.hits.append((at, drum))
            clips.append(clip)
    return _hit_answers(clips, tmp_path)


def test_a_hat_struck_with_a_finger_or_synth_bass_note_is_a_hat_a_snare_is_not(tmp_path):
    """Issue 11d, session 28 (`hat_with_note`): a closed hat struck with each note of a bass line under a finger bass
    (GM 33) and a synth bass (GM 39) on the standard and room kits, and under the synth bass on the power kit: every hit
    is named `hihat`: at least HATS_WITH_BASS_RIGHT of the 20 (main: 2, the rest `bass` or `chord`). A snare struck likewise on the
    standard, room, power and jazz kits is never named `hihat`: its wires put as much new energy under 4 kHz as over 5."""
    if reason := missing_tools():
        pytest.skip(reason)
    hats = _hat_or_snare_with_bass((0, 8), (33, 39), "hihat", tmp_path / "hats")
    hats |= _hat_or_snare_with_bass((16,), (39,), "hihat", tmp_path / "power")
    named = sum(a.count("hihat") for a in hats.values())
    assert named >= HATS_WITH_BASS_RIGHT, hats
    snares = _hat_or_snare_with_bass((0, 8, 16, 32), (33, 34, 38, 39), "snare", tmp_path / "snares")
    assert not any("hihat" in a for a in snares.values()), snares


@pytest.mark.xfail(
    strict=True,
    reason="session 28 (trial 22's bands: hihat read snare 14, kick 11 times): a closed hat struck with a bass note read `bass`, or `kick` under a slap or finger bass (controlled renders, 7 kits x 5 basses: with GM 33, 38, 39 mostly `bass`, with 36 `kick`; with GM 34, picked, `hihat`); hat_with_note names those under GM 33, 38 (session 44) and 39 on most kits, not these: the jazz kit's under GM 33 read `kick` (drum_of's low share), the slap bass's slap reads `kick` (a band's hats on the beat under GM 36 read `kick` 29 of 30 times in session 44's renders)",
)
def test_a_hat_struck_with_a_bass_note_is_a_hat(tmp_path):
    """A closed hat struck with each note of a bass line on the jazz kit under a finger bass (GM 33) and on the standard
    kit under a slap bass (GM 36): every hit is named `hihat`."""
    if reason := missing_tools():
        pytest.skip(reason)
    answers = _hat_or_snare_with_bass((32,), (33,), "hihat", tmp_path / "jazz") | _hat_or_snare_with_bass((0,), (36,), "hihat", tmp_path / "std")
    assert all(a == ["hihat"] * 4 for a in answers.values()), answers


HATS_WITH_SYNTH_BASS_RIGHT = 22  # of the 24 hats struck with a synth bass 38 note named hihat (session 44: 24; main 8, the rest `bass` or `chord`)


def test_a_hat_struck_with_a_bright_synth_bass_note_is_a_hat(tmp_path):
    """Session 44 (`hat_with_note`): the synth bass 38's bright attack fills 1-4 kHz, where a snare's wires put their noise,
    and a hat struck with its note read `bass` (main: 8 of 24 `hihat` on six kits). Its upper harmonics ring on past
    100 ms, a snare's wires die away: weighed against what dies away there only, the hat stands out. A closed hat struck
    with each note of its line on the standard, room, power, electronic, TR-808 and jazz kits is named `hihat`, at
    least HATS_WITH_SYNTH_BASS_RIGHT of 24; a snare struck likewise is never `hihat` (the test above)."""
    if reason := missing_tools():
        pytest.skip(reason)
    answers = _hat_or_snare_with_bass((0, 8, 16, 24, 25, 32), (38,), "hihat", tmp_path)
    assert sum(a.count("hihat") for a in answers.values()) >= HATS_WITH_SYNTH_BASS_RIGHT, answers


HATS_OVER_NOTES_RIGHT = 17  # of 24 hats over held notes named hihat (session 31: 19; before, 13, the rest snare or kick)


def _over_held_notes(kits, chords, drums, tmp_path) -> dict[str, list[str]]:
    """Per clip (``drums`` struck together four times 0.6 s apart, velocity 100, over a finger bass's E2 and a three-note
    chord on each GM program of ``chords`` held from 0.1 s to 3 s, on each kit of ``kits``): the names of its four hits."""
    from tests.audio_corpus import DRUM_CH, DRUM_NOTES, Clip, note, program

    clips = []
    for kit in kits:
        for chord in chords:
            clip = Clip(f"{'+'.join(drums)}_k{kit}_c{chord}", 3.2, kind="drums")
            clip.events += [program(DRUM_CH, kit, 0.0), program(1, 33, 0.0), program(2, chord, 0.0)]
            clip.events += note(1, 40, 0.1, 3.0, 92) + [e for p in (52, 55, 59) for e in note(2, p, 0.1, 3.0, 64)]
            for k in range(4):
                at = round(0.5 + 0.6 * k, 3)
                for d in drums:
                    clip.events += note(DRUM_CH, DRUM_NOTES[d], at, at + 0.1, 100)
                clip.hits.append((at, drums[0]))
            clips.append(clip)
    return _hit_answers(clips, tmp_path)


def test_a_hat_over_held_notes_is_a_hat_a_snare_struck_with_a_hat_is_the_snare(tmp_path):
    """Issue 11d, session 28: closed hats over a held finger-bass note and a held chord on a
    percussive organ (GM 17) or an electric piano (GM 4), on the standard, power and jazz kits: at least
    HATS_OVER_NOTES_RIGHT of the 24 are named `hihat` (main: 13, the rest `snare` or `kick`: the held bass's beating);
    a snare struck with a hat over the same notes is never `hihat` (the TR-808's, left out, reads `hihat` on 4 of 8
    with main as with the rule: its snare is bright). A strict xfail until session 31 (19 of 24 named `hihat`, no
    stroke: an open hat's ring and a hat's little power at 0.8-3 kHz, ``open_hat_ring``, ``HAT_ALONE_SHARE``)."""
    if reason := missing_tools():
        pytest.skip(reason)
    hats = _over_held_notes((0, 16, 32), (17, 4), ("hihat",), tmp_path / "hats")
    named = sum(a.count("hihat") for a in hats.values())
    assert named >= HATS_OVER_NOTES_RIGHT, hats
    strokes = _over_held_notes((0, 16, 32), (17, 4), ("snare", "hihat"), tmp_path / "strokes")
    assert not any("hihat" in a for a in strokes.values()), strokes
