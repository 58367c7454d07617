"""An open hi-hat over a bass line is a hat, and so is a darker closed hat (``aspects.measure.primitive.open_hat_ring``,
``HAT_ALONE_SHARE``; session 31, issue 11).

An open hat rings on above 5 kHz for a few hundred milliseconds, so its high band is no percussive part (one that dies
down within 100 ms); what does die down at its onset — its own lower bins, the flicker of a bass note or a chord
ringing under it — centres under the hat's centroid, and the onset read `snare` or `clap`. Trials 22 and 23's bands
(a bass note on every beat, open hats on the "and"s: disco, ska, half-time open) read 11 of their open hats so.

A power kit's closed hat (GM 17) centres at 4.0-4.5 kHz, under the hat's centroid, and read `clap`; it puts little of
itself at 0.8-3 kHz, where a clap's noise and a snare's wires lie.

Ground truth rendered here through FluidSynth and the FluidR3 GM soundfont: bars of kick on 1, snare on 3 and an open
hat on every "and" over a bass note on every beat, on kits and basses of several kinds; sixteenth closed hats with a
clap and a snare on eight kits; beside them, a snare struck with an open hat and a snare under a ride stay the snare's
(simultaneous hits are named by HIT_PRIORITY: docs/audio.md).
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from aspects.measure.primitive import OPEN_HAT_HZ, open_hat_ring
from tests import audio_corpus as ac
from tests.audio_corpus import _read_wav, build_corpus, hit_results, missing_tools
from tests.voice_corpus import analyse

OPEN_HATS_RIGHT = 0.84  # share of the open hats over the bass named hihat (session 31: 168/192, 0.875; main 152/192, 0.79)
SNARES_RIGHT = 0.95  # share of the snares struck with an open hat or under a ride named snare (both rule sets: 48/48)
SIXTEENTH_HATS_RIGHT = 0.95  # share of sixteenth closed hats named hihat on eight kits (session 31: 418/432; main 407/432)
STROKES_RIGHT = 0.95  # share of the same bars' claps and snares named right (both rule sets: 72/72)
KITS = (0, 1, 8, 16, 24, 25, 32)  # FluidR3 kits with an open hat: standard, standard 2, room, power, electronic, TR-808, jazz
BASSES = (32, 33, 34, 35, 36, 37, 38, 39)
CHORDS = (0, 4, 48, 50, 89, 91)  # a chord held over each bar (piano, electric piano, strings, synth strings, pads), or none


def _bands(n: int = 12, seed: int = 31031) -> list[tuple[int, int, int, int | None, float]]:
    """``n`` bands (kit, bass, BPM, chord program or None, swing) drawn by ``seed``."""
    rng = np.random.default_rng(seed)
    return [(int(rng.choice(KITS)), int(rng.choice(BASSES)), int(rng.integers(80, 165)), None if rng.random() < 0.3 else int(rng.choice(CHORDS)), float(rng.choice([0.5, 0.5, 0.6]))) for _ in range(n)]


def _band(kit: int, bass: int, bpm: float, chord: int | None = None, swing: float = 0.5, bars: int = 4) -> ac.Clip:
    beat = 60.0 / bpm
    clip = ac.Clip(f"openhats_{kit}_{bass}_{bpm:g}_{chord}_{swing:g}", 0.3 + bars * 4 * beat + 1.0, tempo_bpm=bpm, kind="band")
    clip.events += [ac.program(ac.DRUM_CH, kit, 0.0), ac.program(1, bass, 0.0)]
    if chord is not None:
        clip.events.append(ac.program(2, chord, 0.0))
        for bar in range(bars):
            t_bar = 0.3 + bar * 4 * beat
            clip.events += [e for p in ac.TRIADS[(bar + 2) % len(ac.TRIADS)] for e in ac.note(2, p, t_bar, t_bar + 3.6 * beat, 64)]
    for b in range(bars * 4):
        t = round(0.3 + b * beat, 4)
        clip.events += ac.note(1, (40, 45, 38, 43)[b // 4 % 4] + (7 if b % 2 else 0), t, t + 0.85 * beat, 92)
        drum = {0: "kick", 2: "snare"}.get(b % 4)
        if drum:
            clip.events += ac.note(ac.DRUM_CH, ac.DRUM_NOTES[drum], t, t + 0.1, 105)
            clip.hits.append((t, drum))
        t_and = round(t + swing * beat, 4)
        clip.events += ac.note(ac.DRUM_CH, ac.DRUM_NOTES["openhat"], t_and, t_and + 0.1, 105)
        clip.hits.append((t_and, "hihat"))
    return clip


def _struck_with(kit: int, other: str, bpm: float = 110.0, bars: int = 4) -> ac.Clip:
    """A snare on 2 and 4 struck with ``other`` (an open hat or a ride), a kick on 1 and 3: truths kick and snare."""
    beat = 60.0 / bpm
    pattern = [(round(0.3 + b * beat, 4), ["kick"] if b % 2 == 0 else ["snare", other]) for b in range(bars * 4)]
    clip = ac.drum_clip(f"snare_with_{other}_{kit}", pattern, 0.3 + bars * 4 * beat + 1.0, tempo_bpm=bpm)
    clip.events.insert(0, ac.program(ac.DRUM_CH, kit, 0.0))
    return clip


def _sixteenths(kit: int, bpm: float, bars: int = 4) -> ac.Clip:
    """Closed hats on every sixteenth, a kick on 1 and the "and" of 3, a clap on 2 and a snare on 4: truths by priority."""
    beat = 60.0 / bpm
    pattern = []
    for q in range(bars * 16):
        drums = ["hihat"] + {0: ["kick"], 4: ["clap"], 10: ["kick"], 12: ["snare"]}.get(q % 16, [])
        pattern.append((round(0.3 + q * beat / 4, 4), drums))
    clip = ac.drum_clip(f"sixteenths_{kit}_{bpm:g}", pattern, 0.3 + bars * 4 * beat + 1.0, tempo_bpm=bpm)
    clip.events.insert(0, ac.program(ac.DRUM_CH, kit, 0.0))
    return clip


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict[str, list[tuple[float, str, str]]]:
    if reason := missing_tools():
        pytest.skip(reason)
    clips = [_band(*b) for b in _bands()] + [_struck_with(kit, other) for kit in (0, 16, 32) for other in ("openhat", "ride")]
    clips += [_sixteenths(kit, bpm) for kit, bpm in ((17, 101), (17, 118), (16, 101), (18, 110), (0, 104), (8, 92), (24, 100), (25, 108), (32, 98))]
    built = build_corpus(tmp_path_factory.mktemp("open_hats"), clips, video=False)
    out = {}
    for clip in built:
        frame_t, primitive = analyse(_read_wav(clip.wav))
        out[clip.name] = hit_results(clip, frame_t, primitive)
    return out


def test_open_hats_over_a_bass_line_are_hats(results):
    """The open hats of 12 bands (kits, basses, chords, tempi and swing drawn by seed). The bars' kicks and snares are
    not asserted: a snare struck on a bass note's onset is read `kick`, `bass` or a tonal name on some kits, with either
    rule set (a weakness of its own)."""
    hats = [a for name, rs in results.items() if name.startswith("openhats") for _, truth, a in rs if truth == "hihat"]
    assert sum(a == "hihat" for a in hats) >= OPEN_HATS_RIGHT * len(hats), Counter(hats)


def test_a_snare_struck_with_an_open_hat_or_under_a_ride_is_the_snare(results):
    rows = [(truth, a) for name, rs in results.items() if name.startswith("snare_with") for _, truth, a in rs if truth == "snare"]
    assert sum(t == a for t, a in rows) >= SNARES_RIGHT * len(rows), Counter(rows)


def test_open_hat_ring_reads_the_high_band_that_rings_on_over_the_percussive_part():
    freqs = np.linspace(0.0, 11025.0, 1025)
    rise = np.where(freqs >= OPEN_HAT_HZ, 1.0, 0.2)
    decayed = freqs < OPEN_HAT_HZ  # the hat's high band rings on past 100 ms, its lower bins died down
    percussive = float(rise[decayed].sum())
    assert open_hat_ring(rise, decayed, percussive, freqs) > 1.0
    assert open_hat_ring(rise, np.ones_like(decayed), float(rise.sum()), freqs) == 0.0  # all died down: a snare's or a closed hat's


def test_closed_hats_of_every_kit_are_hats_and_its_claps_and_snares_are_not(results):
    """Sixteenth closed hats with a clap on 2 and a snare on 4, 4 bars, on eight kits (power 1-3, standard, room,
    electronic, TR-808, jazz): the power kit's (GM 17) closed hat centres at 4.0-4.5 kHz and read `clap` (11 of the 432
    here, main; ``HAT_ALONE_SHARE``, session 31). No hat is named a clap or a snare; a few are `kick` or `hiss` on the
    power kits with either rule set (a hat struck with the kick's tail)."""
    rows = [(truth, a) for name, rs in results.items() if name.startswith("sixteenths") for _, truth, a in rs]
    hats = Counter(a for truth, a in rows if truth == "hihat")
    strokes = [(truth, a) for truth, a in rows if truth in ("clap", "snare")]
    assert hats["clap"] + hats["snare"] == 0, hats
    assert sum(a == "hihat" for a in hats.elements()) >= SIXTEENTH_HATS_RIGHT * sum(hats.values()), hats
    assert sum(t == a for t, a in strokes) >= STROKES_RIGHT * len(strokes), Counter(strokes)
