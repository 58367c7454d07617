"""Tempo on a wide rendered corpus: 55–190 BPM, 2/4, 3/4, 4/4, 5/4, 6/8, swing, shuffle, bossa, sparse and dense, with and without drums.

The splits of :data:`tests.audio_corpus.TEMPO_SPLITS`: ``tune`` (the metrical-level
rules of :mod:`aspects.dynamic.audio_semantic` were set on it), ``held_out`` and
``held_out_2`` (other tempos and patterns, each read after a version of the rules
and then used to find faults in them, so no longer unseen), ``held_out_3`` (read
once, after the 11b rules were frozen; then used by 11c) and ``held_out_4`` (new
tempos, drums and patterns; read once, after the band-split accents were frozen), ``held_out_5`` (issue 11t: 55–190 BPM,
2/4 and 5/4, four new accompaniments; read once with the 11c rules, then the 11t rules were set on it too) and
``held_out_6`` (made after the 11t rules were frozen, read once; then the band gate was changed on it) and ``held_out_7``
(made after that, read once). All are rendered in one FluidSynth pass and read
in-process (:func:`tests.audio_corpus.wav_tempos`); the
real-decoder path is covered by tests/test_audio_primitives.py. Target: within 2 %
of the true tempo. Known misses are strict xfails.
"""

from __future__ import annotations

import numpy as np
import pytest

from aspects.dynamic.audio_semantic import tempo
from tests.audio_corpus import ACCOMPANIMENTS, DRUM_PATTERNS, SR, TEMPO_SPLITS, build_corpus, missing_tools, tempo_corpus, wav_tempos

TOLERANCE = 0.02
MISSES = {
    # held_out_5 (issue 11t: read once with the 11c rules, 12/18; then the 11t rules were set on it as well)
    "tempo_93_march_straight_drums": "reads 186: a snare on every eighth as loud as on the beat; only the tambourine marks the beat",
    "tempo_163_waltz_straight_nodrums_strings": "no beat: pizzicato under a string section, attacks too soft for the onset flux (autocorrelation 0.05)",
    # held_out_6 (issue 11t: made after the 11t rules were frozen, read once: 13/18; the 11c rules read 11/18)
    "tempo_66.5_tresillo_straight_band_walking": "reads 132.9: the double",
    "tempo_89_gallop_straight_drums": "reads 177.6: the double (a kick on every eighth)",
    "tempo_121_shuffle_straight_nodrums_strings": "no beat: pizzicato under a string section",
    "tempo_139_boombap_straight_band_arpeggio": "reads 69.4: the half",
    # (tempo_159_disco_straight_band_strings read no beat there; the band gate was then changed on it: a beat in any one band)
    # held_out_7 (issue 11t: made after that change, read once: 11/18; the 11c rules read 9/18)
    "tempo_63.5_gallop_straight_band_arpeggio": "reads 126.7: the double",
    "tempo_70.5_six8_straight_nodrums_strings": "no beat: pizzicato under a string section",
    "tempo_77.5_tresillo_straight_band": "reads 154.9: the double",
    "tempo_118.5_disco_straight_band_arpeggio": "reads 59.1: the half",
    "tempo_154.5_dembow_straight_band_walking": "reads 77.2: the half",
    "tempo_162.5_five_straight_nodrums_arpeggio": "reads 89.9: a figure across the 5/4 bar",
    "tempo_171.5_gallop_straight_band_strings": "reads 85.5: the half",
}


@pytest.fixture(scope="session")
def tempo_read(tmp_path_factory):
    """Every clip of every split rendered once and its tempo read: name → (true BPM, read BPM or None)."""
    if reason := missing_tools():
        pytest.skip(reason)
    clips = build_corpus(tmp_path_factory.mktemp("tempo_corpus"), [c for split in TEMPO_SPLITS for c in tempo_corpus(split)], video=False)
    out = {}
    for clip in clips:
        out[clip.name] = (clip.tempo_bpm, wav_tempos(clip.wav)[1])
    return out


def _cases(split: str):
    names = [c.name for c in tempo_corpus(split)]
    return [pytest.param(n, marks=pytest.mark.xfail(reason=MISSES[n], strict=True)) if n in MISSES else n for n in names]


@pytest.mark.parametrize("name", _cases("tune"))
def test_tempo_tune_split(tempo_read, name):
    truth, bpm = tempo_read[name]
    assert bpm is not None and abs(bpm / truth - 1) <= TOLERANCE, (bpm, truth)


@pytest.mark.parametrize("name", [c for split in TEMPO_SPLITS if split != "tune" for c in _cases(split)])
def test_tempo_held_out_splits(tempo_read, name):
    truth, bpm = tempo_read[name]
    assert bpm is not None and abs(bpm / truth - 1) <= TOLERANCE, (bpm, truth)


def test_no_tempo_without_a_beat():
    """Onset envelopes without a beat: twelve hits at irregular intervals (0.3–1.1 s), exponential noise, silence."""
    rng = np.random.default_rng(3)
    hop = 128 / SR
    n = int(8.0 / hop)
    irregular = np.zeros(n)
    irregular[np.cumsum(rng.integers(int(0.3 / hop), int(1.1 / hop), 12))[:12].clip(0, n - 1)] = 20.0
    noise = rng.exponential(1.0, n)
    for onset in (irregular, noise, np.zeros(n)):
        assert tempo(onset, hop, centroid=np.full(n, 2000.0)) is None
        assert tempo(onset, hop, centroid=np.full(n, 2000.0), bands=(onset, rng.permutation(onset), onset / 2)) is None


def test_splits_cover_the_range():
    """55–190 BPM, every pattern, swing and drumless clips in the corpus; the held-out tempos and two patterns are not tuned on."""
    rows = [r for split in TEMPO_SPLITS.values() for r in split]
    assert min(r[0] for r in rows) <= 56 and max(r[0] for r in rows) >= 189
    assert {r[1] for r in rows} == set(DRUM_PATTERNS)
    assert {r[3] for r in rows if isinstance(r[3], str)} == set(ACCOMPANIMENTS) - {"piano"}
    assert any(r[2] != 0.5 for r in rows) and any(not r[4] for r in rows)
    tempos = [{r[0] for r in split} for split in TEMPO_SPLITS.values()]
    assert sum(len(t) for t in tempos) == len(set().union(*tempos))  # no tempo in two splits
    assert not {r[1] for r in TEMPO_SPLITS["tune"]} & {"floor", "funk", "shuffle", "bossa"}
