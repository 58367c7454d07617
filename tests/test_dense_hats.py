"""Sixteenth hi-hats at fast tempi are hats, and the hat after a kick is no kick (session 43, issue 11).

Sixteenth hats 90 ms apart (166 BPM) on FluidR3's room and power kits were missed two ways:
- **No onset.** A flux onset must stand ONSET_MIN_FLUX_DB over the flux's mean within ±100 ms, and at that rate the
  mean holds two or three of the hats' own peaks: a room kit's hat peaks 2.5–3 dB over a mean of 0.9–1.2 dB. Over the
  local *median* it stands out; such onsets (``Context.hit_onsets``) are read only as a hat that keeps a dense groove's
  time (:func:`hat_run`: read for every drum, they started notes in a reed's line and named drums in speech and plucked
  lines). And a hat that the spectrum's change calls noise, whose flux stands under 6× its own 75th percentile
  (:func:`stands_out`), is still a hat where it keeps that time.
- **Read as a kick.** The hat a sixteenth after a kick rose over the kick's boom, whose low band, dying, wavers by a
  few dB: that wavering made most of the onset's new energy (:func:`low_tail`). A kick lifts that band ≥ 3 dB.

Ground truth rendered through FluidSynth and the FluidR3 GM soundfont: two bars of sixteenth closed hats with kicks on
the 1st, 7th or 8th and 9th sixteenths and snares on 2 and 4, on five kits, 150–172 BPM, drawn by DRAWN_SEED (by
``secrets``, after the rules were set on a corpus of ten kits at 96–166 BPM). Measured, main → session 43: hats named
`hihat` 182 → 206 of 220 (hats named `kick` 6 → 1, `hiss` 20 → 7); every kick and snare right with both (100).
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from tests import audio_corpus as ac
from tests.audio_corpus import _read_wav, build_corpus, hit_results, missing_tools
from tests.voice_corpus import analyse

DRAWN_SEED = 7863
KITS = (0, 8, 12, 15, 17)  # standard, room, room 4, room 7, power 1
KICKS = ((0, 7, 8), (0, 6, 8))  # sixteenths of the bar a kick is struck on (the TR-808 groove, a syncopated one)
HATS_RIGHT = 0.9  # share of the hats named hihat (session 43: 206/220, 0.94; main 182/220, 0.83)
HATS_KICK_MAX = 2  # hats named kick, at most (session 43: 1; main 6)
STROKES_RIGHT = 0.95  # share of the kicks and snares named right (both: 100/100)


def dense_grooves(n: int = 10, bars: int = 2) -> list[ac.Clip]:
    """``n`` grooves drawn by DRAWN_SEED: kit, kick pattern and tempo; a closed hat on every sixteenth at velocity 105."""
    rng = np.random.default_rng(DRAWN_SEED)
    clips = []
    for k in range(n):
        kit, kicks, bpm = int(rng.choice(KITS)), KICKS[int(rng.integers(len(KICKS)))], int(rng.integers(150, 173))
        beat = 60.0 / bpm
        clip = ac.Clip(f"dense_{k}_{kit}_{bpm}", 0.3 + bars * 4 * beat + 1.0, tempo_bpm=bpm, kind="drums")
        clip.events.append(ac.program(ac.DRUM_CH, kit, 0.0))
        ac.add_sixteenths(clip, beat, bars * 16, lambda q, kicks=kicks: "kick" if q in kicks else "snare" if q in (4, 12) else None, lambda: 105, 105)
        clips.append(clip)
    return clips


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> list[tuple[str, str]]:
    """(truth, answer) of every hit."""
    if reason := missing_tools():
        pytest.skip(reason)
    rows = []
    for clip in build_corpus(tmp_path_factory.mktemp("dense"), dense_grooves(), video=False):
        frame_t, primitive = analyse(_read_wav(clip.wav), heard=False)
        rows += [(truth, a) for _, truth, a in hit_results(clip, frame_t, primitive)]
    return rows


def test_sixteenth_hats_at_fast_tempi_are_hats(results):
    hats = [a for truth, a in results if truth == "hihat"]
    assert hats.count("hihat") >= HATS_RIGHT * len(hats), Counter(hats)
    assert hats.count("kick") <= HATS_KICK_MAX, Counter(hats)


def test_the_kicks_and_snares_stay_theirs(results):
    strokes = [(truth, a) for truth, a in results if truth != "hihat"]
    assert sum(t == a for t, a in strokes) >= STROKES_RIGHT * len(strokes), Counter(strokes)
