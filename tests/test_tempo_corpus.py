"""Tempo on a wide rendered corpus: 55–190 BPM, 2/4, 3/4, 4/4, 5/4, 6/8, swing, shuffle, bossa, sparse and dense, with and without drums.

The splits of :data:`tests.audio_corpus.TEMPO_SPLITS`: ``tune`` (the metrical-level
rules of :mod:`aspects.dynamic.audio_semantic` were set on it), ``held_out`` and
``held_out_2`` (other tempos and patterns, each read after a version of the rules
and then used to find faults in them, so no longer unseen), ``held_out_3`` (read
once, after the 11b rules were frozen; then used by 11c) and ``held_out_4`` (new
tempos, drums and patterns; read once, after the band-split accents were frozen), ``held_out_5`` (issue 11t: 55–190 BPM,
2/4 and 5/4, four new accompaniments; read once with the 11c rules, then the 11t rules were set on it too) and
``held_out_6`` (made after the 11t rules were frozen, read once; then the band gate was changed on it), ``held_out_7``
(made after that, read once), ``held_out_8`` (issue 11t, session 5: made first, read once with the rules before the
level score; early variants of the score were read on it while its terms were chosen by cross-validation, so it is not quite blind), ``held_out_9`` (made after the level score was frozen, read once), ``held_out_10`` (issue 11t, session 6: made first, read once with main's rules; not tuned on) and ``held_out_11`` (made after the session's meter check was frozen, read once with main's rules and once with the session's), ``held_out_12`` (issue 11t, session 7: made first, read once with main's rules; not tuned on) ``held_out_13`` (made after the session's chord changes were frozen, read once with main's rules and once with the session's) ``held_out_14`` (made after the second round's triple-subdivision cue was frozen, read once with the lead's rules and once with the round's), ``held_out_15`` (issue 11t, session 8: made first, read once with main's rules; not tuned on) and ``held_out_16`` (made after the session's refitted level score was frozen, read once with main's rules and once with the session's), ``held_out_17`` (issue 11t, session 9: made first, read once with main's rules; not tuned on) and ``held_out_18`` (made after the session's rules were frozen, read once with main's rules and once with the session's), ``held_out_19`` (issue 11t, session 10: made first, read once with main's rules; its table was read while the harmony's bar was set, so it is not blind) and ``held_out_20`` (made after the harmony bar was frozen, read once with main's rules and once with the session's), ``held_out_21`` (drumless legato music; made after the slow chord changes were set, read once with the lead's rules and once with the round's), ``held_out_22`` (issue 11t, session 11: made first, read once with main's rules; not tuned on) and ``held_out_23`` (made with it, read only after the session's fast backbeat was frozen, once with main's rules and once with the session's), ``held_out_24`` (issue 11t, session 12: made first, read once with main's rules; not tuned on) and ``held_out_25`` (made with it, read only after the session's compound beat was frozen, once with main's rules and once with the session's); ``held_out_26`` and ``held_out_27`` (issue 11t, session 13: read first / blind) and ``held_out_28`` and ``held_out_29`` (session 14: read first / blind) and ``held_out_30`` and ``held_out_31`` (session 15: half-time and fast duple grooves; read first / blind) and ``held_out_32`` and ``held_out_33`` (session 16: the same kinds, new patterns; read first / blind) and ``held_out_34`` and ``held_out_35`` (session 17: drawn by seed from the corpus's patterns; read first / blind) are bench-only (``BENCH_SPLITS``: bench/bench_tempo.py reads them, docs/audio.md has their numbers; not rendered here). All the others are rendered in one FluidSynth pass and read
in-process (:func:`tests.audio_corpus.wav_tempos`); the
real-decoder path is covered by tests/test_audio_primitives.py. Target: within 2 %
of the true tempo (an uneven metre's: :func:`tests.audio_corpus.true_tempo`, issue 11t session 14). Known misses are strict xfails.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.ndimage import gaussian_filter1d

from aspects.dynamic.audio_semantic import (
    LEVEL_OVERRIDE_MARGIN,
    PULSE_ONSET_FLOOR,
    TEMPOGRAM_CHUNK,
    TEMPOGRAM_WINDOW,
    LevelContext,
    autocorrelation,
    bar_division,
    chord_tempo,
    compound_beat,
    fast_backbeat,
    harmony_beat,
    level_score,
    level_terms,
    meter_level,
    metrical_level,
    tempo,
    tempogram_sum,
    triple_subdivided,
    uneven_beat,
)
from tests.audio_corpus import (
    ACCOMPANIMENTS,
    BENCH_SPLITS,
    DRUM_CH,
    DRUM_PATTERNS,
    PATTERN_KITS,
    SR,
    TEMPO_SPLITS,
    TRIADS,
    UNEVEN_GROUPS,
    _read_wav,
    build_corpus,
    missing_tools,
    note,
    pattern_clip,
    program,
    render_midi,
    tempo_corpus,
    true_tempo,
    wav_tempos,
)

TOLERANCE = 0.02
# The splits the tests render and read (issue 11t, session 13): the bench-only splits (``BENCH_SPLITS``) are read by
# bench/bench_tempo.py and reported in docs/audio.md, not rendered in the tests' one pass.
TESTED_SPLITS = [s for s in TEMPO_SPLITS if s not in BENCH_SPLITS]
MISSES = {
    # held_out_2 / held_out_3 (seen): read right by the rules; the level score (issue 11t, session 5) overrides them
    # (issue 11t, session 22: tempo_168_bossa_straight_drums, read 83.9 — the score's half — before, reads 167.9: the
    # score no longer halves a level whose kicks fall between its pulses as strongly as on them; no longer xfails)
    # held_out_5 (issue 11t: read once with the 11c rules, 12/18; then the 11t rules were set on it as well)
    "tempo_93_march_straight_drums": "reads 186: a snare on every eighth as loud as on the beat; only the tambourine marks the beat",
    # held_out_6 (issue 11t: made after the 11t rules were frozen, read once: 13/18; the 11c rules read 11/18)
    # (tempo_159_disco_straight_band_strings read no beat there; the band gate was then changed on it: a beat in any one band)
    # held_out_7 (issue 11t: made after that change, read once: 11/18; the 11c rules read 9/18)
    "tempo_154.5_dembow_straight_band_walking": "reads 77.2: the half",
    # held_out_8 (issue 11t, session 5: made first, read once with main's rules: 11/18; prior alone 8/18; now 11/18;
    # session 6's meter check reads the 12/8 at 55.5 and the swung one drop at 61.5 right: 13/18)
    "tempo_71.5_breakfill_straight_band_synth": "reads 142.9: the double (a synth bass on every eighth)",
    # (issue 11t, session 8: the refitted level score no longer overrode the rules' double on
    # tempo_76.5_samba_straight_drums, read 153.0; session 24: its snares between the rules' pulses make their backbeat a
    # figure's (`_snares_between`) and the score's half is taken: reads 76.5, no longer xfails)
    "tempo_197.5_rockfill_straight_band_skank": "reads 98.7: the half (at the top of the range)",
    # held_out_9 (issue 11t, session 5: made after the session's rules were frozen, read once: main's rules 13/18, now 15/18)
    "tempo_164.5_bolero_straight_band_choir": "reads 82.2: the half (a bass on every beat, nothing half-way: the low band alone reads like eighths at 82; since issue 11t, session 8)",
    "tempo_174.5_funk_swing_nodrums_bassline": "reads 130.6: 3/4 of the beat (a swung bass line alone)",
    "tempo_192.5_motown_straight_band_strum": "reads 95.8: the half (the score overrides the rules' right level)",
    # issue 11t, session 14: the beat of an uneven metre is its pulse (the eighth) where that comes at most 200 times a
    # minute, else its groups of 2 and 3 eighths (tempo_bpm their mean rate; docs/audio.md, "What the beat is"); these
    # read the quarter, right by the recipe's quarter before (7/8 at 73.25 and 72.25 and 11/8 at 62.75 read their
    # eighths, wrong before, and are right now; issue 11t, session 18: `uneven_beat` reads the 7/8s at 141.5 and 137.75
    # as their groups, 121.2 and 118.0, and the 7/8 at 69.5 and the 11/8 at 86.75 as their eighths; no longer xfail)
    # held_out_10 (issue 11t, session 6: made first, read once with main's rules: 12/18, prior alone 9/18; not tuned on;
    # with the session's meter check 12/18; session 7's chord changes read its three drumless chorales: 15/18)
    "tempo_52.5_six8folk_straight_band_chorale": "reads 157.3: the eighths (the beat is under the 55 BPM range)",
    "tempo_174.75_jazzwaltz_straight_band_brass": "reads 116.4: 2/3 of the beat (a figure across the 3/4 bar)",
    # held_out_11 (issue 11t, session 6: made after the meter check was frozen, read once: main's rules 13/18, the
    # session's 13/18, prior alone 8/18)
    "tempo_68.75_fivefloor_straight_band_synth": "reads 137.4: the double (a synth bass on every eighth)",
    "tempo_193.25_rock_straight_nodrums_chorale": "no beat: legato organ chords; their changes' pick (204.6) divides no bar of them",
    # held_out_12 (issue 11t, session 7: made first, read once with main's rules: 8/18; not tuned on; with the session's
    # chord changes 10/18: the two drumless reed-organ clips)
    "tempo_51.25_slowblues_straight_band_synthseq": "reads 102.4: the double (the beat is under the 55 BPM range)",
    "tempo_54.25_mazurka_straight_nodrums_hymn": "no beat: legato strings over a bassoon (chord changes' autocorrelation 0.18 at the beat)",
    "tempo_91.75_five32_straight_nodrums_hymn": "no beat: legato strings over a bassoon (chord changes 0.29 at the beat)",
    # (issue 11t, session 19: `uneven_beat` reads the 7/8 at 113.75, three eighths before, as its groups, 97.2; no longer xfails)
    "tempo_176.25_seven8c_straight_band_synthseq": "reads 176.1, the quarter (the beat: 2 + 3 + 2 eighths, 151.1 on average; three eighths, 117.4, before issue 11t, session 19)",
    "tempo_184.75_twelve8shuffle_straight_nodrums_hymn": "no beat: legato strings over a bassoon (chord changes 0.20 at the beat)",
    # held_out_13 (issue 11t, session 7: made after the chord changes were frozen, read once with main's rules and once
    # with the session's: 7/18 and 7/18)
    "tempo_50.75_shuffle12b_straight_band_arpsynth": "reads 152.2: the triplets (the beat is under the 55 BPM range)",
    "tempo_81.25_habanera_straight_drums": "reads 162.5: the double (the habanera's eighths)",
    "tempo_111.25_waltz_straight_nodrums_choirhymn": "no beat: a choir's legato chords (chord changes 0.04 at the beat)",
    "tempo_136.25_eleven8_straight_band_accordion": "reads 90.7, three eighths (the beat: 3 + 3 + 3 + 2 eighths, 99.1 on average)",
    "tempo_157.25_rock_straight_nodrums_choirhymn": "no beat: a choir's legato chords (chord changes 0.11 at the beat)",
    # (issue 11t, session 19: the jazz waltz of brass stabs at 169.25, read 112.7 — 2/3 of the beat — before, reads 169.1; no longer xfails)
    # held_out_14 (issue 11t, session 7, second round: made after the triple-subdivision cue was frozen, read once with
    # the lead's rules and once with the round's: 9/12 and 9/12)
    # held_out_15 (issue 11t, session 8: made first, read once with main's rules: 10/18; not tuned on; with the
    # session's refitted level score 11/18: the 12/8 over synth-bass eighths at 61.2, read 3/1 before)
    "tempo_50.4_six8rim_straight_nodrums_slowpad": "no beat: slow-attack pads and strings (and the beat is under the 55 BPM range)",
    "tempo_52.8_rock_straight_band_sawbass": "reads 105.6: the double (the beat is under the 55 BPM range)",
    "tempo_56.6_swingjazz_swing_band_tremstrings": "no beat: a swung ride, pizzicato bass and tremolo strings at 56.6",
    "tempo_67.8_five41_straight_band_sawbass": "reads 135.5: the double (a synth bass on every eighth)",
    "tempo_79.6_twostep_straight_band_synthpluck": "reads 159.1: the double (a sawtooth pluck on every sixteenth)",
    "tempo_101.8_five41_straight_nodrums_slowpad": "no beat: slow-attack pads and strings",
    # held_out_16 (issue 11t, session 8: made after the refitted score was frozen, read once with main's rules and once
    # with the session's: 5/12 and 6/12, the afrobeat at 109.7 read 2/3 before)
    "tempo_51.7_halftime_straight_band_acidbass": "reads 103.4: the double (the beat is under the 55 BPM range)",
    "tempo_54.3_waltzbell_straight_nodrums_stringpad": "no beat: a string section's legato chords (and under the 55 BPM range)",
    "tempo_58.7_afrobeat_straight_band_organbass": "reads 117.3: the double (shaker sixteenths, a kick on the 'and')",
    "tempo_69.3_twelve8tom_straight_nodrums_flutes": "reads 138.4: the double (a guitar arpeggio on every eighth without drums)",
    "tempo_156.3_halftime_straight_drums": "reads 78.1: the half (a half-time backbeat: the snare on 3)",
    "tempo_184.3_rock_straight_band_acidbass": "reads 92.1: the half",
    # held_out_17 (issue 11t, session 9: made first, read once with main's rules: 11/18; not tuned on)
    "tempo_50.9_guirowaltz_straight_nodrums_choirpad": "no beat: a choir pad under a synth voice's legato line (and under the 55 BPM range)",
    "tempo_53.6_eight08_straight_band_clav": "reads 107.2: the double (the beat is under the 55 BPM range)",
    "tempo_71.3_eight08_straight_band_steeldrum": "reads 142.6: the double (a kalimba on every eighth, 808 hi-hat sixteenths)",
    "tempo_77.9_tomgroove_straight_nodrums_bowedpad": "155.9, double: a bowed pad's legato chords over synth strings (no beat before the capped envelope, issue 11t session 23)",
    "tempo_183.8_tomgroove_straight_band_clav": "reads 91.9: the half",
    # held_out_18 (issue 11t, session 9: made after the session's rules were frozen, read once with main's rules: 7/16)
    "tempo_52.2_agogo128_straight_band_sweep": "156.6 (the beat is under the 55 BPM range; no beat before the capped envelope, issue 11t session 23)",
    "tempo_62.4_cuicasamba_straight_drums": "reads 124.8: the double",
    "tempo_68.7_orchmarch_straight_band_xylo": "reads 137.2: the double (a snare on every 'and')",
    "tempo_81.3_agogo128_straight_nodrums_koto": "reads 162.5: the double (a koto on every eighth, no drums)",
    "tempo_108.6_orchmarch_straight_nodrums_sweep": "no beat: a viola's legato line over a sweep pad",
    "tempo_169.4_orchmarch_straight_drums": "reads 84.6: the half",
    "tempo_194.8_chinarock_straight_drums": "reads 97.4: the half (at the top of the range)",
    # (issue 11t, session 10: the harmony's bar reads the drumless 126.8 steel drum and 131.7 banjo right; no longer xfails)
    # held_out_19 (issue 11t, session 10: made first, read once with main's rules: 8/18 rendered alone, 9/18 in the one
    # pass; with the session's harmony bar 10/18 in the one pass: the drumless dulcimer at 137.6, read 91.6 before)
    "tempo_46.3_fourfloor_straight_band_tango": "reads 92.5: the double (the beat is under the 55 BPM range)",
    "tempo_49.7_claves68_straight_nodrums_woodwinds": "no beat: a clarinet's and an oboe's legato lines (and under the 55 BPM range)",
    "tempo_59.2_breakbeat_straight_band_overdrive": "reads 118.3: the double (an overdriven guitar on every eighth)",
    "tempo_64.9_bongo34_straight_nodrums_halopad": "no beat: slow-attack pads",
    "tempo_114.3_breakbeat_straight_nodrums_timpani": "reads 57.1: the half (timpani on 1 and 3 under a shamisen's eighths, no drums)",
    "tempo_176.9_jazzride_swing_band_musicbox": "88.5, half: a swung ride under a music box's sixteenths and held strings (no beat before the capped envelope, issue 11t session 23)",
    "tempo_188.3_halfshuffle_straight_nodrums_halopad": "94.1, half: slow-attack pads (no beat before the capped envelope, issue 11t session 23)",
    # held_out_20 (issue 11t, session 10: made after the harmony bar was frozen, read once with main's rules and once
    # with the session's: 9/16 and 9/16 rendered alone, 8/16 and 8/16 in the one pass)
    "tempo_47.6_sixteenhat_straight_band_epiano": "reads 95.2: the double (the beat is under the 55 BPM range)",
    "tempo_63.3_tumbao_straight_band_fifths": "reads 126.6: the double (a fifths lead on every eighth)",
    "tempo_76.7_sixteenhat_straight_band_fifths": "reads 153.3: the double (a fifths lead on every eighth, sixteenth hi-hats)",
    "tempo_118.6_sixteenhat_straight_nodrums_cleanarp": "reads 59.3: the half (a clean guitar's arpeggio on every eighth, no drums)",
    "tempo_157.7_tumbao_straight_drums": "reads 78.9: the half (a cowbell on every beat, the kick on the 'and' of 2 and on 4)",
    # (issue 11t, session 10, second round: the slow chord changes read 70.5, 53.75, 74.75, 95.25, 167.2, 172.2 and
    # 57.8 right; no longer xfails)
    # held_out_21 (issue 11t, session 10, second round: drumless legato music on new GM programs, made after the slow
    # chord changes were set on the seen drumless clips, read once with the lead's rules and once with the round's: 11/14
    # and 11/14)
    "tempo_58.4_waltz_straight_nodrums_soundtrack": "no beat: a soundtrack pad's legato chords over an atmosphere pad",
    "tempo_99.7_waltz_straight_nodrums_violinduo": "no beat: a violin's legato line over an English horn",
    "tempo_116.9_five_straight_nodrums_soundtrack": "no beat: a soundtrack pad's legato chords over an atmosphere pad",
    # (issue 11t, session 11: the fast backbeat reads 177.5 trainbeat, 181.75 shuffle12b, 189.25 twelve8shuffle and
    # 172.6 slow68 right, read half before; no longer xfails)
    # held_out_22 (issue 11t, session 11: made first, read once with main's rules: 10/16; with the session's fast
    # backbeat 10/16)
    "tempo_51.3_cumbia_straight_band_charang": "reads 102.6: the double (the beat is under the 55 BPM range)",
    "tempo_59.8_halftime16_straight_band_mutedtrumpet": "reads 119.6: the double (a half-time groove: the snare on 3, sixteenth hi-hats)",
    "tempo_79.7_halftime16_straight_nodrums_goblins": "no beat: a goblins pad's legato chords under a whistle",
    "tempo_147.7_cumbia_straight_band_mutedtrumpet": "reads 73.8: the half (a guiro on every beat and 'and', kicks on 1 and 3)",
    "tempo_157.8_halftime16_straight_drums": "reads 78.9: the half (a half-time groove: the snare on 3)",
    "tempo_187.2_six8tom_straight_nodrums_goblins": "reads 93.5: the half (a goblins pad changing chord on every beat, no drums)",
    # held_out_23 (issue 11t, session 11: the blind split, made with held_out_22, rendered in the same pass, read only
    # after the fast backbeat was frozen, once with main's rules and once with the session's: 10/14 and 10/14)
    "tempo_50.3_twofeel_swing_band_scifi": "reads 150.8: the triplets (the beat is under the 55 BPM range)",
    "tempo_117.3_twofeel_swing_band_agogo": "reads 58.6: the half (a jazz two feel: the kick on 1 and 3)",
    # (issue 11t, session 12: the compound beat reads 166.25 six8folk, 124.1 halfshuffle, 130.3 and 187.4 jigs right,
    # read at their bar before; no longer xfails)
    # held_out_24 (issue 11t, session 12: made first, read once with main's rules: 9/14 rendered alone; not tuned on;
    # with the session's compound beat 9/14)
    "tempo_47.8_seven4_straight_band_halfbass": "reads 95.6: the double (the beat is under the 55 BPM range)",
    "tempo_58.2_six8shaker_straight_nodrums_rainpad": "no beat: FX 1 (rain) holding chords under an oboe's half notes",
    # (issue 11t, session 18: the drumless 7/4 at 113.5 read 56.7, half notes: 3.5 of them a bar; `uneven_beat` reads
    # 113.3; no longer xfails)
    "tempo_178.1_brushswing_straight_band_tromboneriff": "reads 89.0: the half (brush strokes on every beat, the kick on 1)",
    # held_out_25 (issue 11t, session 12: the blind split, made with held_out_24, read only after the compound beat was
    # frozen, once with main's rules and once with the session's: 7/12 and 8/12 rendered alone; the swung son clave at
    # 199.5 read 99.7 with main's rules)
    "tempo_47.9_six8ride_straight_band_oohs": "reads 71.7: 3/2 of the beat (the beat is under the 55 BPM range)",
    "tempo_73.6_sonclave_straight_band_bassoontwo": "reads 147.2: the double (a son clave on congas' 'and's, a bassoon in two)",
    "tempo_97.3_soca_straight_nodrums_oohs": "no beat: voice oohs' legato chords over a sweep pad",
    "tempo_154.9_halfbrush_straight_band_marimbarun": "reads 77.4: the half (a half-time brush beat: the snare on 3, a marimba's eighths)",
}


@pytest.fixture(scope="session")
def tempo_read(tmp_path_factory):
    """Every clip of every split rendered once and its tempo read: name → (true BPM, read BPM or None)."""
    if reason := missing_tools():
        pytest.skip(reason)
    clips = build_corpus(tmp_path_factory.mktemp("tempo_corpus"), [c for split in TESTED_SPLITS for c in tempo_corpus(split)], video=False)
    out = {}
    for clip in clips:
        out[clip.name] = (clip.tempo_bpm, wav_tempos(clip.wav, prior=False)[1])
    return out


def _cases(split: str):
    names = [c.name for c in tempo_corpus(split)]
    return [pytest.param(n, marks=pytest.mark.xfail(reason=MISSES[n], strict=True)) if n in MISSES else n for n in names]


@pytest.mark.parametrize("name", _cases("tune"))
def test_tempo_tune_split(tempo_read, name):
    truth, bpm = tempo_read[name]
    assert bpm is not None and abs(bpm / truth - 1) <= TOLERANCE, (bpm, truth)


@pytest.mark.parametrize("name", [c for split in TESTED_SPLITS if split != "tune" for c in _cases(split)])
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


def test_tempogram_in_chunks_is_the_whole_tracks():
    """Five minutes of a played beat's onsets (117 BPM, jittered, accented at random, over noise), their tempogram read
    TEMPOGRAM_CHUNK columns at a time (memory stays flat on a long video) and in other chunk sizes: the columns' sum is
    the whole envelope's tempogram's, chunk boundaries included."""
    import librosa.feature

    rng = np.random.default_rng(5)
    coarse_s = 0.0232
    n = int(300.0 / coarse_s)
    beats = np.arange(0.3, 299.0, 60.0 / 117) + rng.normal(0.0, 0.004, np.arange(0.3, 299.0, 60.0 / 117).size)
    onset = np.zeros(n)
    onset[np.round(beats / coarse_s).astype(int)] = rng.uniform(0.4, 1.0, beats.size)
    onset = gaussian_filter1d(onset, 1.0) + 0.02 * rng.random(n)
    whole = librosa.feature.tempogram(onset_envelope=onset, sr=1.0 / coarse_s, hop_length=1, win_length=TEMPOGRAM_WINDOW).sum(axis=1)
    assert n > 4 * TEMPOGRAM_CHUNK
    for chunk in (TEMPOGRAM_CHUNK, 1000, 4096, n):
        np.testing.assert_allclose(tempogram_sum(onset, coarse_s, TEMPOGRAM_WINDOW, chunk), whole, rtol=1e-9)


def test_splits_cover_the_range():
    """55–190 BPM, every pattern, swing and drumless clips in the corpus; the held-out tempos and two patterns are not tuned on."""
    rows = [r for split in TEMPO_SPLITS.values() for r in split]
    assert min(r[0] for r in rows) <= 56 and max(r[0] for r in rows) >= 189
    assert {r[1] for r in rows} == set(DRUM_PATTERNS)
    assert {r[3] for r in rows if isinstance(r[3], str)} == set(ACCOMPANIMENTS) - {"piano"}
    assert any(r[2] != 0.5 for r in rows) and any(not r[4] for r in rows)
    tempos = [{r[0] for r in split} for split in TEMPO_SPLITS.values()]
    assert sum(len(t) for t in tempos) == len(set().union(*tempos))  # no tempo in two splits
    # issue 11t, session 9: patterns played on another GM kit set the drum channel's program before their first hit
    assert set(PATTERN_KITS) <= {r[1] for r in rows}
    for pattern, kit in PATTERN_KITS.items():
        assert pattern_clip("kit", 100.0, pattern).events[0] == program(DRUM_CH, kit, 0.0)
        assert pattern_clip("kit", 100.0, pattern, accompaniment="vibes", drums=False).events[0] != program(DRUM_CH, kit, 0.0)
    assert not {r[1] for r in TEMPO_SPLITS["tune"]} & {"floor", "funk", "shuffle", "bossa"}


def _rock_context(bpm: float, hop: float, *, kick: tuple[float, float] = (16.0, 4.0), seed: int = 5) -> LevelContext:
    """The level context of a rock beat's band onsets (kick on 1 and 3, snare on 2 and 4, hi-hat eighths, faint noise; 12 s).
    ``kick``: its low and mid band onsets; by default the kick is the stronger onset, as in the corpus's grooves
    (:func:`fast_backbeat` takes its pulses' phase from the whole envelope)."""
    n, beat = int(12.0 / hop), 60.0 / bpm
    low, mid, high = np.zeros(n), np.zeros(n), np.zeros(n)
    for k in range(int(11.5 / (beat / 2))):
        i = int(round((0.2 + k * beat / 2) / hop))
        high[i] += 3.0  # hi-hat
        if k % 4 == 0:
            low[i], mid[i] = low[i] + kick[0], mid[i] + kick[1]  # kick
        elif k % 4 == 2:
            mid[i], high[i] = mid[i] + 8.0, high[i] + 6.0  # snare
    rng = np.random.default_rng(seed)
    low, mid, high = (x + rng.exponential(0.05, n) for x in (low, mid, high))
    return LevelContext.build((low + mid + high) / 3, hop, (low, mid, high))


@pytest.mark.parametrize("bpm", [70, 100, 150])
def test_level_score_prefers_the_beat_of_a_rock_pattern(bpm):
    """Band onsets of a rock beat (kick on 1 and 3, snare on 2 and 4, hi-hat eighths, faint noise): the level score
    ranks the beat above its half and its double, at 70 BPM too, where the prior alone prefers the double (140)."""
    hop = 128 / SR
    context = _rock_context(bpm, hop, kick=(10.0, 3.0), seed=1)
    scores = {level: level_score(context, 60.0 / level) for level in (bpm / 2, bpm, bpm * 2)}
    assert max(scores, key=scores.__getitem__) == bpm, scores


@pytest.mark.parametrize("bpm", [176, 190])
def test_fast_backbeat_doubles_its_half(bpm):
    """Issue 11t, session 11: at the half of a fast rock beat the kick is on every pulse and the snare on every "and":
    :func:`fast_backbeat` doubles it; a rock beat at 88 and 95 BPM itself (in the rule's range, its snare on every other
    pulse) is left alone, as are levels outside 85–100 BPM."""
    hop = 128 / SR
    beat = 60.0 / bpm
    context = _rock_context(bpm, hop)
    assert abs(fast_backbeat(context, 2 * beat) / beat - 1) < 1e-9
    assert fast_backbeat(context, beat) == beat
    slow = _rock_context(bpm / 2, hop)
    assert fast_backbeat(slow, 2 * beat) == 2 * beat  # its own beat: the snare on the pulses, not half-way
    assert fast_backbeat(slow, 4 * beat) == 4 * beat  # its half (44–47 BPM): out of FAST_BACKBEAT_BPM


@pytest.mark.parametrize("bpm", [130, 187])
def test_compound_beat_takes_the_dotted_quarter(bpm):
    """Issue 11t, session 12: a 6/8 jig (every eighth struck, the bar's first loudest, its second beat next): read at
    its bar (two dotted quarters), :func:`compound_beat` returns the dotted quarter, whose level is subdivided in three
    alone; the dotted quarter itself is left as it is, and so is the half note of straight eighths (its half, the
    quarter, is divided in two)."""
    hop = 128 / SR
    n, beat = int(12.0 / hop), 60.0 / bpm
    k = np.arange(int(11.5 / (beat / 3)))
    jig = _pulses(0.2 + k * beat / 3, np.where(k % 6 == 0, 10.0, np.where(k % 3 == 0, 6.0, 4.0)), n, hop)
    context = LevelContext.build(jig, hop, None)
    assert abs(compound_beat(context, 2 * beat) / beat - 1) < 1e-9
    assert compound_beat(context, beat) == beat
    e = np.arange(int(11.5 / (beat / 2)))
    straight = _pulses(0.2 + e * beat / 2, np.where(e % 4 == 0, 10.0, np.where(e % 2 == 0, 6.0, 4.0)), n, hop)
    assert compound_beat(LevelContext.build(straight, hop, None), 2 * beat) == 2 * beat


def _synth_bass_groove(bpm: float, hop: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Band onsets of a rock beat (kick on 1 and 3, snare on 2 and 4, hi-hat eighths) over a synth bass striking every
    eighth alike, faint noise under all (12 s)."""
    n, beat = int(12.0 / hop), 60.0 / bpm
    low, mid, high = np.zeros(n), np.zeros(n), np.zeros(n)
    for k in range(int(11.5 / (beat / 2))):
        i = int(round((0.2 + k * beat / 2) / hop))
        low[i], mid[i], high[i] = low[i] + 8.0, mid[i] + 2.0, high[i] + 3.0  # synth bass and hi-hat
        if k % 4 == 0:
            low[i], mid[i] = low[i] + 6.0, mid[i] + 3.0  # kick
        elif k % 4 == 2:
            mid[i], high[i] = mid[i] + 8.0, high[i] + 6.0  # snare
    rng = np.random.default_rng(3)
    return tuple(x + rng.exponential(0.05, n) for x in (low, mid, high))  # type: ignore[return-value]


@pytest.mark.parametrize("bpm", [66, 80, 97, 120])
def test_synth_bass_eighths_do_not_override_the_beat(bpm):
    """Issue 11t, session 8: a synth bass on every eighth leaves nothing half-way between the eighths, which made the
    low band's on/between ratio unbounded at the double (main's score put the double 1.6 and 2.7 over the beat at 66
    and 80 BPM, enough to override the rules' beat). Bounded at the onset floor and weighed by the half-way onsets,
    the term is 0 at the eighths, and the double no longer beats the beat by LEVEL_OVERRIDE_MARGIN (the beat ranks
    first from 97 BPM; at 66 and 80 the prior still leans to the double, by less than the margin)."""
    hop = 128 / SR
    low, mid, high = _synth_bass_groove(bpm, hop)
    context = LevelContext.build((low + mid + high) / 3, hop, (low, mid, high))
    beat = 60.0 / bpm
    assert level_terms(context, beat / 2)["low_on_beat"] == 0.0
    assert 0.0 < level_terms(context, beat)["low_on_beat"] <= np.log(1 + 1 / PULSE_ONSET_FLOOR)
    half, one, double = (level_score(context, beat / r) for r in (0.5, 1.0, 2.0))
    assert half < one and double < one + LEVEL_OVERRIDE_MARGIN, (half, one, double)
    if bpm >= 97:
        assert double < one


def _pulses(times_s: np.ndarray, heights: np.ndarray, n: int, hop: float) -> np.ndarray:
    """An onset envelope of ``n`` hops with spikes of ``heights`` at ``times_s`` over faint noise."""
    x = np.random.default_rng(2).exponential(0.05, n)
    idx = np.round(times_s / hop).astype(int)
    keep = idx < n
    np.add.at(x, idx[keep], heights[keep])
    return x


@pytest.mark.parametrize("bpm", [60, 90])
def test_meter_check_takes_the_triplet_beat(bpm):
    """A 12/8 figure (every triplet eighth struck, the beat's first loudest, the second and third alike): read at 3/2 of
    its beat (two triplets, the level a duple reading takes), the meter check returns the beat (three triplets); a
    plain duple pattern (eighths, the beat loudest) keeps its beat, and so does the 12/8 read right."""
    hop = 128 / SR
    n, beat = int(12.0 / hop), 60.0 / bpm
    k = np.arange(int(11.5 / (beat / 3)))
    triplets = _pulses(0.2 + k * beat / 3, np.where(k % 3 == 0, 10.0, 4.0), n, hop)
    context = LevelContext.build(triplets, hop, None)
    assert abs(meter_level(context, 2 * beat / 3) / beat - 1) < 0.01
    assert meter_level(context, beat) == beat
    e = np.arange(int(11.5 / (beat / 2)))
    duple = _pulses(0.2 + e * beat / 2, np.where(e % 2 == 0, 10.0, 4.0), n, hop)
    assert meter_level(LevelContext.build(duple, hop, None), beat) == beat


@pytest.mark.parametrize("bpm", [60, 120, 180])
def test_triple_subdivision_reads_a_shuffles_thirds(bpm):
    """A shuffle (the first and last triplet of every beat struck, the beat loudest) is subdivided in three at its beat,
    straight eighths and the shuffle's half are not; with the shuffle's thirds read, its beat is filled between its
    pulses as a straight beat is (its halves hold nothing: 0)."""
    hop = 128 / SR
    n, beat = int(12.0 / hop), 60.0 / bpm
    k = np.arange(int(11.5 / (beat / 3)))
    k = k[k % 3 != 1]
    shuffle = _pulses(0.2 + k * beat / 3, np.where(k % 3 == 0, 10.0, 5.0), n, hop)
    e = np.arange(int(11.5 / (beat / 2)))
    straight = _pulses(0.2 + e * beat / 2, np.where(e % 2 == 0, 10.0, 5.0), n, hop)
    assert triple_subdivided(shuffle, hop, beat)
    assert not triple_subdivided(straight, hop, beat) and not triple_subdivided(shuffle, hop, 2 * beat)
    assert level_terms(LevelContext.build(shuffle, hop, None), beat)["between_filled"] == 0.0
    assert level_terms(LevelContext.build(shuffle, hop, None, triple=True), beat)["between_filled"] == 1.0


def test_bar_division_evens_out_a_played_beat():
    """Four beats a bar whose strokes come early and late (0, 0.33, 0.71, 1.02 s of a 1.4 s bar: a played break): the
    beat is a quarter of the bar (0.35 s), where the beat's own autocorrelation peak is not."""
    hop = 128 / SR
    n = int(12.0 / hop)
    bars = np.arange(8) * 1.4
    onset = _pulses((bars[:, None] + np.array([0.0, 0.33, 0.71, 1.02])).ravel() + 0.2, np.full(32, 10.0), n, hop)
    ac = autocorrelation(gaussian_filter1d(onset, 2.0))
    assert abs(bar_division(onset, ac, hop, 0.36) - 0.35) < 0.002
    assert bar_division(onset, ac, hop, 0.6) == 0.6  # no division of the bar: unchanged


def _legato_chords(bpm: float, change_times_s: np.ndarray, duration_s: float, fade_s: float = 0.04) -> np.ndarray:
    """Mono samples (SR) of sine triads (three partials a note, equal level throughout) that change chord at each of
    ``change_times_s``, crossfaded over ``fade_s`` (40 ms: legato, hardly any onset flux; longer: slow attacks)."""
    t = np.arange(int(duration_s * SR)) / SR
    out = np.zeros(t.size)
    edges = np.concatenate([[0.0], change_times_s, [duration_s]])
    for k in range(edges.size - 1):
        a, b = edges[k], edges[k + 1]
        gain = np.clip(np.minimum((t - a) / fade_s + 0.5, (b - t) / fade_s + 0.5), 0.0, 1.0)
        for p in TRIADS[k % len(TRIADS)]:
            f = 440.0 * 2 ** ((p - 69) / 12)
            out += gain * sum(np.sin(2 * np.pi * f * h * t) / h for h in (1, 2, 3))
    return (0.1 * out / 3).astype(np.float32)


def _envelope(samples: np.ndarray) -> dict[str, np.ndarray]:
    from aspects.measure.sound import AudioAnalyzer

    analyzer = AudioAnalyzer(SR)
    for i in range(0, samples.size, 4096):  # streamed in chunks, as the decoder feeds it
        analyzer.add(i / SR, samples[i : i + 4096])
    analyzer.finish()
    return {k: np.asarray(v) for k, v in analyzer.envelope.items()}


@pytest.mark.parametrize("bpm", [72.5, 104.0, 141.0])
def test_chord_changes_give_the_beat(bpm):
    """Issue 11t, session 7: sine triads changing on every beat, crossfaded, measured by the streaming analyser: the
    tempo of the envelope's chord changes (:func:`chord_tempo`) is within 2 %; the same chords changing at irregular
    times (0.35–1.1 s apart), and one chord held throughout, have none."""
    from aspects.measure.sound import ENVELOPE_HOP

    hop, beat = ENVELOPE_HOP / SR, 60.0 / bpm
    read = chord_tempo(_envelope(_legato_chords(bpm, 0.3 + beat * np.arange(1, int(9.5 / beat)), 10.0))["chroma_change"], hop)
    assert read is not None and abs(read / bpm - 1) <= TOLERANCE, read
    irregular = 0.3 + np.cumsum(np.random.default_rng(int(bpm)).uniform(0.35, 1.1, 12))
    assert chord_tempo(_envelope(_legato_chords(bpm, irregular[irregular < 9.5], 10.0))["chroma_change"], hop) is None
    assert chord_tempo(_envelope(_legato_chords(bpm, np.zeros(0), 10.0))["chroma_change"], hop) is None


@pytest.mark.parametrize("bpm", [118.0, 137.0])
def test_harmony_bar_gives_the_beat_of_a_figure_in_threes(bpm):
    """Issue 11t, session 10: sine triads changing on every bar of four beats (legato, measured by the streaming
    analyser). A tempo read at 2/3 of the beat (a figure of three eighths without drums) divides no bar of the changes;
    3/2 of it, four to the bar, does: :func:`harmony_beat` gives the beat (within 2 %). The beat itself, and the same
    chords held throughout or changing at irregular times, are left as they are."""
    from aspects.measure.sound import ENVELOPE_HOP

    hop, bar = ENVELOPE_HOP / SR, 4 * 60.0 / bpm
    changes = _envelope(_legato_chords(bpm, 0.3 + bar * np.arange(1, int(9.5 / bar) + 1), 10.0))["chroma_change"]
    read = harmony_beat(bpm * 2 / 3, changes, hop)
    assert abs(read / bpm - 1) <= TOLERANCE, read
    assert harmony_beat(bpm, changes, hop) == bpm
    irregular = 0.3 + np.cumsum(np.random.default_rng(int(bpm)).uniform(0.35, 1.1, 12))
    for other in (_legato_chords(bpm, irregular[irregular < 9.5], 10.0), _legato_chords(bpm, np.zeros(0), 10.0)):
        assert harmony_beat(bpm * 2 / 3, _envelope(other)["chroma_change"], hop) == bpm * 2 / 3


def _kit_groove(bpm: float, hop: float, *, half_time: bool) -> tuple[np.ndarray, np.ndarray, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Onset envelope, centroid (Hz) and band onsets of 12 s of a drum groove: hi-hat eighths, a snare on 2 and 4
    (``half_time``: on 3 only) and kicks on 1, (not half-time) 3 and the "and" of 3, (half-time) the "and" of 2, faint noise
    under all."""
    n, step = int(12.0 / hop), 60.0 / bpm / 2
    low, mid, high, centroid = np.zeros(n), np.zeros(n), np.zeros(n), np.full(n, 1500.0)
    for k in range(int(11.5 / step)):
        i = int(round((0.2 + k * step) / hop))
        high[i], centroid[i] = high[i] + 3.0, 6000.0  # hi-hat
        kick, snare = (k % 8 in (0, 3), k % 8 == 4) if half_time else (k % 8 in (0, 4, 5), k % 4 == 2)
        if kick:
            low[i], mid[i], centroid[i] = low[i] + 14.0, mid[i] + 3.0, 300.0
        if snare:
            mid[i], high[i], centroid[i] = mid[i] + 8.0, high[i] + 6.0, 2500.0
    rng = np.random.default_rng(5)
    low, mid, high = (x + rng.exponential(0.05, n) for x in (low, mid, high))
    return (low + mid + high) / 3, centroid, (low, mid, high)


@pytest.mark.parametrize("bpm", [152, 184])
def test_a_backbeat_is_not_halved_by_the_score(bpm, monkeypatch):
    """Issue 11t, session 8: where the rules' climb stops on a backbeat (snare on 2 and 4), the level score may not
    halve the rules' beat (a fast groove's half put the snare on the "and" of every beat: seen splits 152.5 and 188
    read half). The score is made to lean to the half here, as it did on those clips; a groove without a snare is
    still halved by it."""
    hop = 128 / SR
    onset, centroid, bands = _kit_groove(bpm, hop, half_time=False)
    beat = 60.0 / bpm
    monkeypatch.setattr("aspects.dynamic.audio_semantic.level_score", lambda c, p, prior_bpm=120.0: 10.0 if abs(p / (2 * beat) - 1) < 0.02 else 0.0)
    assert abs(metrical_level(onset, centroid, hop, beat, bands=bands) / beat - 1) < 0.02
    low, _, high = bands
    no_snare = (low, low * 0.3, high)  # the same kicks and hats, no snare
    level = metrical_level((low * 1.3 + high) / 3, centroid, hop, beat, bands=no_snare)
    assert abs(level / (2 * beat) - 1) < 0.02


@pytest.mark.parametrize("bpm", [90, 152, 184])
def test_straight_and_half_time_grooves_keep_their_beat(bpm):
    """A straight groove at 152 and 184 BPM and a half-time one (snare on 3) at 90 BPM read their beat (within 2 %)."""
    hop = 128 / SR
    onset, centroid, bands = _kit_groove(bpm, hop, half_time=bpm < 100)
    assert abs(tempo(onset, hop, centroid=centroid, bands=bands) / bpm - 1) <= TOLERANCE


@pytest.mark.parametrize(("bpm", "pattern", "accompaniment"), [(74.75, "ballad68", "choirhymn"), (167.2, "funk", "slowpad")])
def test_slow_chord_changes_give_the_beat_of_slow_attack_chords(tmp_path, bpm, pattern, accompaniment):
    """Issue 11t, session 10: a choir's and slow strings' chords changing on every beat without drums (FluidSynth):
    neither the onsets nor the 70 ms chord changes hold the beat (slow attacks blur a change over a few hundred ms);
    the envelope's ``chroma_change_slow`` (232 ms each side) gives it within 2 %. The same instruments changing chord
    at irregular times (0.35–1.1 s apart) give none."""
    from aspects.measure.sound import ENVELOPE_HOP

    if reason := missing_tools():
        pytest.skip(reason)
    hop = ENVELOPE_HOP / SR
    clip = build_corpus(tmp_path / "beat", [pattern_clip("slow", bpm, pattern, accompaniment=accompaniment, drums=False)], video=False)[0]
    env = _envelope(_read_wav(clip.wav))
    assert tempo(env["onset"], hop, centroid=env["centroid_hz"], chroma_change=env["chroma_change"]) is None
    read = tempo(env["onset"], hop, centroid=env["centroid_hz"], chroma_change=env["chroma_change"], chroma_change_slow=env["chroma_change_slow"])
    assert read is not None and abs(read / bpm - 1) <= TOLERANCE, read
    (low, high), _ = ACCOMPANIMENTS[accompaniment]
    times = 0.3 + np.cumsum(np.random.default_rng(int(bpm)).uniform(0.35, 1.1, 14))
    events = [program(1, low, 0.0), program(2, high, 0.0)]
    for k, (a, b) in enumerate(zip(times[:-1], times[1:])):
        chord = TRIADS[(2 * k) % len(TRIADS)]
        events += note(1, chord[0] - 12, a, b - 0.02, 80) + [e for p in chord for e in note(2, p, a, b - 0.02, 80)]
    irregular = _envelope(render_midi(events, tmp_path / "irregular.wav"))
    assert chord_tempo(irregular["chroma_change_slow"], hop) is None


def test_uneven_metre_truth_is_the_mean_of_its_groups():
    """Issue 11t, session 14 (docs/audio.md, "What the beat is"): an uneven metre's beat is its groups of two and three
    eighths and its truth their mean rate, unless its eighths come at most 200 times a minute (then they are the beat);
    every grouping fills its pattern's bar; even metres and drumless clips (no grouping played) keep the quarter."""
    for pattern, groups in UNEVEN_GROUPS.items():
        assert sum(groups) == 2 * DRUM_PATTERNS[pattern][0] and set(groups) <= {2, 3}, pattern
    assert abs(true_tempo(140.0, "seven8") - 120.0) < 1e-9  # 3 beats in 3.5 quarters
    assert abs(true_tempo(110.0, "eleven8") - 80.0) < 1e-9  # 4 beats in 5.5 quarters
    assert abs(pattern_clip("x", 125.0, "fiveeight").tempo_bpm - 100.0) < 1e-9  # 2 beats in 2.5 quarters
    # a pulse of at most 200 a minute is itself the beat (a 5/8 at a quarter of 67.5 sounds as a 5/4 at 135)
    assert true_tempo(67.5, "fiveeight") == 135.0 and true_tempo(100.0, "seven8") == 200.0
    assert abs(true_tempo(100.5, "seven8") - 100.5 * 6 / 7) < 1e-9
    assert pattern_clip("x", 125.0, "fiveeight", accompaniment="cellowalk", drums=False).tempo_bpm == 125.0
    assert true_tempo(100.0, "hemiola") == true_tempo(100.0, "sixfour") == true_tempo(100.0, "nine8") == 100.0


def _grouped_bands(pulse_bpm: float, groups: tuple[int, ...], hop: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Band onsets of drums grouping their pulses (eighths) by ``groups`` (12 s): a hi-hat on every pulse, a kick on the
    bar's first, a snare on every other group's first."""
    n, pulse = int(12.0 / hop), 60.0 / pulse_bpm
    starts = set(np.cumsum((0,) + groups[:-1]).tolist())
    low, mid, high = np.zeros(n), np.zeros(n), np.zeros(n)
    for k in range(int(11.5 / pulse)):
        i, pos = int(round((0.2 + k * pulse) / hop)), k % sum(groups)
        high[i] += 3.0
        if pos == 0:
            low[i], mid[i] = low[i] + 16.0, mid[i] + 4.0
        elif pos in starts:
            mid[i], high[i] = mid[i] + 8.0, high[i] + 6.0
    rng = np.random.default_rng(4)
    return tuple(x + rng.exponential(0.05, n) for x in (low, mid, high))  # type: ignore[return-value]


@pytest.mark.parametrize(("pulse", "groups", "beat"), [(140.0, (2, 2, 3), 140.0), (280.0, (2, 2, 3), 120.0), (280.0, (3, 2, 2), 120.0), (250.0, (2, 3), 100.0), (180.0, (2, 2, 2, 3), 180.0)])
def test_uneven_beat_takes_the_pulse_or_its_groups(pulse, groups, beat):
    """Issue 11t, session 18: read at two pulses (the written quarter), an uneven bar holds an odd number of half read
    beats: :func:`uneven_beat` returns the pulse where it comes at most 200 times a minute, else the groups' mean rate
    (the truths' definition, docs/audio.md); read at the pulse itself (a whole number of beats a bar) it is left alone,
    and so are the beat and the half of an even grouping (2 + 2 + 2 + 2: bars of 4 or 8 half beats)."""
    hop = 128 / SR
    bands = _grouped_bands(pulse, groups, hop)
    assert abs(uneven_beat(pulse / 2, bands, hop) / beat - 1) < 1e-9
    assert uneven_beat(pulse, bands, hop) == pulse
    for bpm in (60.0, 120.0, 176.0):
        rock = _grouped_bands(2 * bpm, (2, 2, 2, 2), hop)
        assert uneven_beat(bpm, rock, hop) == bpm and uneven_beat(bpm / 2, rock, hop) == bpm / 2


@pytest.mark.parametrize(("pulse", "groups", "beat"), [(250.0, (2, 2, 2, 3), 250.0 * 4 / 9), (260.0, (3, 2, 2), 260.0 * 3 / 7), (180.0, (2, 2, 2, 3), 180.0), (240.0, (2, 2, 2, 2, 2, 2), 120.0)])
def test_uneven_beat_counts_twos_read_as_threes(pulse, groups, beat):
    """Issue 11t, session 19: read at three pulses (a dotted quarter; a 9/8 of 2 + 2 + 2 + 3 holds a whole number of
    them), a metre counted mostly in twos recurs more at two pulses than at three: :func:`uneven_beat` checks the bar
    from the level 3/2 as fast — the pulse or the groups' mean rate for an uneven bar, that level for an even one (twelve
    even eighths read in threes). A compound metre (6/8, 9/8, 12/8 in threes) read at its dotted quarter is left alone."""
    hop = 128 / SR
    assert abs(uneven_beat(pulse / 3, _grouped_bands(pulse, groups, hop), hop) / beat - 1) < 1e-9
    for compound in ((3, 3), (3, 3, 3), (3, 3, 3, 3)):
        for eighths in (200.0, 300.0, 360.0):
            assert uneven_beat(eighths / 3, _grouped_bands(eighths, compound, hop), hop) == eighths / 3


def _kit_groove_clip(name: str, kit: int, bpm: float, pattern: str, bars: int = 4):
    """``bars`` of ``pattern`` at ``bpm`` on GM kit ``kit``, every drum of the pattern played (bench/trials.py's
    ``kit_groove`` as trial 17 rendered it: velocity 105, from 0.3 s, 1 s of tail)."""
    from tests.audio_corpus import drum_clip

    beats, hits = DRUM_PATTERNS[pattern]
    beat = 60.0 / bpm
    hits_s = [(round(0.3 + (bar * beats + pos) * beat, 4), list(drums)) for bar in range(bars) for pos, drums in hits]
    clip = drum_clip(name, hits_s, 0.3 + bars * beats * beat + 1.0, tempo_bpm=bpm, velocity=105)
    clip.events.insert(0, program(DRUM_CH, kit, 0.0))
    return clip


@pytest.fixture(scope="module")
def trial17_grooves(tmp_path_factory):
    """Trial 17's three tempo doubles (issue 11t, session 22), rendered in one pass: a bossa on FluidR3's Room 3 kit at
    98, a dembow on Power 3 at 100, a bossa on TR-808 at 94 (also muxed to H.264 + AAC)."""
    if reason := missing_tools():
        pytest.skip(reason)
    clips = [_kit_groove_clip("room3_bossa", 11, 98.0, "bossa"), _kit_groove_clip("power3_dembow", 19, 100.0, "dembow"), _kit_groove_clip("tr808_bossa", 25, 94.0, "bossa")]
    return build_corpus(tmp_path_factory.mktemp("trial17"), clips, video=True)


@pytest.mark.parametrize("name", ["room3_bossa", "power3_dembow", "tr808_bossa"])
def test_even_eighths_and_a_dembow_read_their_beat(trial17_grooves, name):
    """Issue 11t, session 22: trial 17's bossas read their eighths (196, 188) and its dembow its eighths (199): the
    bossa's pulses are accented alike in pairs while its kick falls on 1 and 4 of every four (:func:`even_pairs_kick`:
    the half, nearer 120), the dembow's three sixteenths read as the figure give way to the level the kick repeats at
    (:func:`harmony_beat`'s 3/4). Read in-process from the WAV, within 2 %."""
    clip = next(c for c in trial17_grooves if c.name == name)
    read = wav_tempos(clip.wav, prior=False)[1]
    assert read is not None and abs(read / float(clip.tempo_bpm or 0.0) - 1) <= TOLERANCE, read


def test_even_eighths_read_their_beat_through_the_mp4(trial17_grooves):
    """Issue 11t, session 22: trial 17's TR-808 bossa at 94 read 94 from its WAV and 188 through the MP4 — AAC (same
    rate, no offset, every band within 0.12 dB) moves its eighths' weak/strong ratio from 1.00 to 0.79, out of
    EVEN_PULSES. Through the CLI's decoder (:func:`aspects.pipeline.measure_video`) it reads 94 within 2 %. Rendered in
    this three-clip pass main's rules read it right too (trial 17's 50-clip pass read 188): this guards the path."""
    from aspects.dynamic.audio_semantic import AudioTrack
    from aspects.pipeline import measure_video
    from aspects.settings import Settings

    clip = next(c for c in trial17_grooves if c.name == "tr808_bossa")
    m = measure_video(clip.path, Settings(sound_process=False))
    read = AudioTrack.build(m.envelope, m.envelope_hop_s, np.asarray(m.frames["t"]), m.sound, m.tags).video_tempo
    assert read is not None and abs(read / 94.0 - 1) <= TOLERANCE, read


def s23_band_clip(name: str, kit: int, bpm: float, pattern: str, bass: int, chords: int, bars: int = 4):
    """Trial 18's band (bench/trials.py's ``band``): :func:`_kit_groove_clip` with a bass on every beat (the bar's root of
    45, 41, 36, 43, its fifth on the off beats) and a chord of ``TRIADS`` held over 0.9 of each bar."""
    clip = _kit_groove_clip(name, kit, bpm, pattern, bars)
    beats, beat = DRUM_PATTERNS[pattern][0], 60.0 / bpm
    clip.kind = "band"
    clip.events += [program(1, bass, 0.0), program(2, chords, 0.0)]
    for bar in range(bars):
        t_bar = 0.3 + bar * beats * beat
        for b in range(beats):
            clip.events += note(1, [45, 41, 36, 43][bar % 4] + (7 if b % 2 else 0), t_bar + b * beat, t_bar + (b + 0.85) * beat, 92)
        for p in TRIADS[(bar + 2) % len(TRIADS)]:
            clip.events += note(2, p, t_bar, t_bar + beats * beat * 0.9, 64)
    return clip


@pytest.fixture(scope="module")
def s23_trial18_grooves(tmp_path_factory):
    """Trial 18's two whole-track tempo misses the capped envelope fixes (issue 11t, session 23), rendered in one pass: a
    band on FluidR3's Power 2 kit at 150 (sixteenth hats, a picked bass, distortion-guitar chords held over each bar),
    read no tempo; a swing-jazz ride on the Jazz kit at 160, read 80.0 (the chord changes' half)."""
    if reason := missing_tools():
        pytest.skip(reason)
    clips = [s23_band_clip("power2_band", 18, 150.0, "sixteenhat", 34, 30), _kit_groove_clip("jazz_ride", 32, 160.0, "swingjazz")]
    return build_corpus(tmp_path_factory.mktemp("trial18"), clips, video=False)


@pytest.mark.parametrize("name", ["power2_band", "jazz_ride"])
def test_loud_chords_and_a_first_hit_do_not_hide_the_beat(s23_trial18_grooves, name):
    """Issue 11t, session 23: the onset envelope's autocorrelation is a sum of squares, so a few loud onsets (a chord
    struck every bar over the drums, the clip's first hit out of silence) hold most of it: the Power 2 band reads 0.16 at
    its beat (every band ≤ 0.27), under the no-beat gate, and the jazz ride 0.30 (trial 18's chord changes then read its
    half, 80.0; in this render main reads no tempo for either). Capped at its 99th percentile (S23_CAP_PERCENTILE) the envelope reads 0.65 and 0.63 there: the beat, within 2 %."""
    clip = next(c for c in s23_trial18_grooves if c.name == name)
    read = wav_tempos(clip.wav, prior=False)[1]
    assert read is not None and abs(read / float(clip.tempo_bpm or 0.0) - 1) <= TOLERANCE, read


@pytest.fixture(scope="module")
def s24_zouks(tmp_path_factory):
    """Zouks and reggaetons (issue 11t, session 24): the kick on every beat, a shaker or hat on every eighth, a rim shot
    (zouk) or snare and clap (reggaeton) on the tresillo (the sixteenths 3, 6, 11 and 14 of the bar), drums alone,
    rendered in one pass: zouks on FluidR3's Power, Power 1, Power 2, Room and Room 5 kits and Jazz 3 at 68–88 BPM;
    reggaetons on Standard 1 at 74 and TR-808 at 96."""
    if reason := missing_tools():
        pytest.skip(reason)
    clips = [
        _kit_groove_clip("power_zouk", 16, 72.0, "zouk"),
        _kit_groove_clip("room5_zouk", 13, 76.0, "zouk"),
        _kit_groove_clip("power2_zouk", 18, 82.0, "zouk"),
        _kit_groove_clip("room_zouk", 8, 88.0, "zouk"),
        _kit_groove_clip("jazz3_zouk", 34, 86.0, "zouk"),
        _kit_groove_clip("power1_zouk", 17, 68.0, "zouk"),
        _kit_groove_clip("standard1_reggaeton", 1, 74.0, "reggaeton"),
        _kit_groove_clip("tr808_reggaeton", 25, 96.0, "reggaeton"),
    ]
    return build_corpus(tmp_path_factory.mktemp("zouks"), clips, video=False)


@pytest.mark.parametrize("name", ["power_zouk", "room5_zouk", "room_zouk", "power1_zouk"])
def test_a_rim_on_the_tresillo_is_no_backbeat(s24_zouks, name):
    """Issue 11t, session 24: a zouk's drums read at their eighths where the accents' climb stops on them as on a
    backbeat (the rim on the 16ths 6 and 14 falls on every second eighth): the backbeat guard kept the eighths against
    the level score's beat, and the score needed a margin of 1 over them (trial 20's zouk at 84 read 168, s22fresh's at
    72.2 read 144.3). The rim's other strokes (16ths 3 and 11) fall half-way between the eighths as strongly as on them
    (snare train between/on 0.73–0.97; a backbeat's snare has none between): the eighths are a figure's, and the
    score's beat is taken (:func:`_snares_between`). Main read all four double. Within 2 %."""
    clip = next(c for c in s24_zouks if c.name == name)
    read = wav_tempos(clip.wav, prior=False)[1]
    assert read is not None and abs(read / float(clip.tempo_bpm or 0.0) - 1) <= TOLERANCE, read


@pytest.mark.xfail(strict=True, reason="issue 11t open: a tresillo over a four-on-the-floor kick read at its eighths with no backbeat (session 24)")
@pytest.mark.parametrize("name", ["standard1_reggaeton", "tr808_reggaeton", "power2_zouk", "jazz3_zouk"])
def test_a_reggaeton_reads_its_kick(s24_zouks, name):
    """Issue 11t, session 24, left open: a reggaeton's drums alone (kick every beat, hats every eighth, snare and clap on
    the tresillo) read at their eighths on every kit tried (10 of 10, 72–96 BPM), and so do zouks where the accents'
    climb finds no backbeat (Power 2 at 82, Jazz 3 at 86: the level score prefers the beat by 0.48 and 0.17, under its
    margin of 1; taking it with no margin there read trial 18's jazz ride at 160 half). From the drums alone the figure
    is a fast groove's kick on 1 and 3 with the snare on the "and" of 2 and on 4: no measure of 169 fast reads right and
    27 read double in the tempo corpus separated them. Within 2 %."""
    clip = next(c for c in s24_zouks if c.name == name)
    read = wav_tempos(clip.wav, prior=False)[1]
    assert read is not None and abs(read / float(clip.tempo_bpm or 0.0) - 1) <= TOLERANCE, read


def _kit_pattern_clip(name: str, bpm: float, pattern: str, kit: int, accompaniment: bool | str):
    """The tempo corpus's clip of ``pattern`` at ``bpm`` (:func:`pattern_clip`, 8 s at least) played on GM kit ``kit``
    instead of its pattern's own, as :data:`tests.audio_corpus.SPLIT_KITS` plays them."""
    clip = pattern_clip(name, bpm, pattern, swing=0.5, min_s=8.0, accompaniment=accompaniment, drums=True)
    own = program(DRUM_CH, PATTERN_KITS.get(pattern, 0), 0.0)
    clip.events = [program(DRUM_CH, kit, 0.0)] + [e for e in clip.events if e != own]
    return clip


@pytest.fixture(scope="module")
def s25_fast_gallops(tmp_path_factory):
    """Issue 11t, session 25: gallops (a kick on every beat, its "and" and "a", a ride on the beats, a snare on 2 and 4)
    on FluidR3's Power kit at 172–186 BPM under a choir pad, a band, a distortion guitar, and s25fresh's at 194.9 on
    Jazz 3 under a choir pad, rendered in one pass."""
    if reason := missing_tools():
        pytest.skip(reason)
    clips = [
        _kit_pattern_clip("power_gallop_172", 172.0, "gallop", 16, "choirpad"),
        _kit_pattern_clip("power_gallop_176", 176.0, "gallop", 16, True),
        _kit_pattern_clip("power_gallop_182", 182.0, "gallop", 16, "s23power"),
        _kit_pattern_clip("power_gallop_186", 186.0, "gallop", 16, "choirpad"),
        _kit_pattern_clip("jazz3_gallop_194", 194.9, "gallop", 34, "choirpad"),
    ]
    return build_corpus(tmp_path_factory.mktemp("gallops"), clips, video=False)


@pytest.mark.xfail(strict=True, reason="issue 11t open: a fast gallop read at its half, the snare train on and between its pulses alike (session 25)")
@pytest.mark.parametrize("name", ["power_gallop_172", "power_gallop_176", "power_gallop_182", "power_gallop_186", "jazz3_gallop_194"])
def test_a_fast_gallop_reads_its_beat(s25_fast_gallops, name):
    """Issue 11t, session 25, left open: a gallop at 172–195 BPM reads its half (trial 19's Power-kit gallop at 176 read
    87.9, s25fresh's at 194.9 read 97.4). The fast backbeat check (:func:`fast_backbeat`) would double the half, but on
    the Power kit the snare train (mid and high over the low band) is on 0.62–0.77 of the half's pulses as well as on
    1.0 of its half-way points (the kick's attack lights the mid and high bands too), over FAST_BACKBEAT_SNARE_ON; at the
    other phase it is on all the pulses. Leaving out the first pulse (the clip's first hit out of silence) fixed
    s25fresh's clip in its split's pass and none of these (tried and dropped). Within 2 %."""
    clip = next(c for c in s25_fast_gallops if c.name == name)
    read = wav_tempos(clip.wav, prior=False)[1]
    assert read is not None and abs(read / float(clip.tempo_bpm or 0.0) - 1) <= TOLERANCE, read


@pytest.fixture(scope="module")
def s25_train_beats(tmp_path_factory):
    """Issue 11t, session 25: train beats (a snare on every sixteenth, the kick on 1 and 3, a clap on 2 and 4) at
    73.3–84 BPM on FluidR3's TR-808, Jazz and Standard kits, with and without a band, rendered in one pass."""
    if reason := missing_tools():
        pytest.skip(reason)
    clips = [
        _kit_pattern_clip("tr808_train_78", 78.0, "trainbeat", 25, False),
        _kit_pattern_clip("jazz_train_73", 73.3, "trainbeat", 32, "clav"),
        _kit_pattern_clip("standard_train_84", 84.0, "trainbeat", 0, True),
    ]
    return build_corpus(tmp_path_factory.mktemp("trains"), clips, video=False)


def test_a_train_beat_with_a_band_reads_its_quarter(s25_train_beats):
    """Issue 11t, session 25: a train beat at 84 on the Standard kit under a bass and piano reads its quarter (main's
    rules: 84.0), a guard for the two doubles left open below. Within 2 %."""
    clip = next(c for c in s25_train_beats if c.name == "standard_train_84")
    read = wav_tempos(clip.wav, prior=False)[1]
    assert read is not None and abs(read / 84.0 - 1) <= TOLERANCE, read


@pytest.mark.xfail(strict=True, reason="issue 11t open: a train beat read at its eighths (session 25)")
@pytest.mark.parametrize("name", ["tr808_train_78", "jazz_train_73"])
def test_a_train_beat_reads_its_quarter(s25_train_beats, name):
    """Issue 11t, session 25, left open: a train beat's drums on TR-808 at 78 read 155.9 (trial 18's TR-808 train beat
    at 78 read double too) and on the Jazz kit under a clavinet at 73.3 read 146.5 (s25fresh's clip of that recipe read
    146.5 in its split's pass). Its eighths hold a snare each, so the accents' climb finds no contrast to group them by
    (the kick and the clap alternate on the beats); in s25fresh's clip the bar (:func:`bar_period`) is the
    clavinet's figure of three eighths (1.23 s), which the eighths divide and the quarter does not (the level score's
    fits_bar: 1 against 0). Within 2 %."""
    clip = next(c for c in s25_train_beats if c.name == name)
    read = wav_tempos(clip.wav, prior=False)[1]
    assert read is not None and abs(read / float(clip.tempo_bpm or 0.0) - 1) <= TOLERANCE, read
