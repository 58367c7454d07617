"""A sweep pad's held chords and fast struck lines that read a line's names (issue 11, session 25, 11p): strict xfails.

FluidR3's sweep pad (GM program 95, "Pad 8 (sweep)") holds its chord while a filter walks over the chord's harmonics:
its strongest partial moves as a line's does, and a level cue at the sweep's turns strikes an onset at the level's peak
(attack 0 s), so from ~1 s into each chord the frames read ``lead`` and ``melody`` (trials 19/20: sweep pad -> lead x3;
fresh44 with main: 4 of 8 segments; here main reads 2 of 6). A rule that keeps such a frame a pad when its notes all
sounded 0.3-0.6 s before (the chord's lowest note the same, the others on harmonics 1-4 of the notes then, no note
started since) read 6 chords right and kept both legato melodies >= 90 % (commits a33fbe0, 5668b52 on s25-11p), but read on
the splits in session 26 it gained 8 segments and lost 78, nearly all fast single-note melodies read ``pad`` (fresh44 551
-> 549/640, blind fresh45 500 -> 491/671, fresh42 604 -> 574/734, fresh43 710 -> 683/802, fresh39 400 -> 398/431): taken
back (docs/audio.md). The legato
melodies (a tenor sax's, a brass section's: notes touching, one onset for many notes) guard any such rule: the rule's
first form, without the lowest-note condition, read the brass section ``melody`` 27/32.

Sitar, dulcimer and pizzicato lines of 0.19 s steps read ``melody`` (fresh44: 0, 0 and 8 of 16 segments ``pluck``): the
sitar's and the dulcimer's short notes fall 5-12 dB at 20-120 dB/s but their centroid rises 5-34 oct/s (the sitar's
buzzing bridge and drone strings, the dulcimer's beating strings), past PLUCK_BRIGHTEN_OCT_S; the pizzicato's slow
attacks (70-93 ms) leave every other onset unfound, and a note read over two steps rises. FluidSynth renders (FluidR3
GM); tolerances per test.
"""

from __future__ import annotations

import pytest

from tests.audio_corpus import missing_tools
from tests.voice_corpus import _clip, analyse, render, segment_results

SWEEP_CHORDS = ([50, 54, 57, 62], [50, 54, 57, 62], [55, 59, 62, 67], [55, 59, 62, 67], [52, 55, 59, 64], [52, 55, 59, 64])  # struck twice each
SWEEP_STEP_S = 2.3
LINE = [64, 67, 69, 71, 69, 67, 72, 74, 71, 69, 67, 64, 66, 67, 69, 71]
FAST_STEP_S = 0.19  # struck lines, notes held 0.9 of the step
LEGATO_STEP_S = 0.125  # slurred melodies, notes touching
XFAIL_PLUCK = pytest.mark.xfail(strict=True, reason="fast struck notes brighten as they fall (sitar, dulcimer) or lose every other onset (pizzicato): read melody")


@pytest.fixture(scope="module")
def sweep_lines(tmp_path_factory):
    if reason := missing_tools():
        pytest.skip(reason)
    clips = [
        _clip("sweep_pad", 95, [(0.3 + i * SWEEP_STEP_S, 0.3 + (i + 0.95) * SWEEP_STEP_S, c) for i, c in enumerate(SWEEP_CHORDS)], "pad", 96),
        _clip("tenor_sax", 66, [(0.3 + i * LEGATO_STEP_S, 0.3 + (i + 1.0) * LEGATO_STEP_S, [p - 5]) for i, p in enumerate(LINE * 2)], "melody", 100),
        _clip("brass_section", 61, [(0.3 + i * LEGATO_STEP_S, 0.3 + (i + 1.0) * LEGATO_STEP_S, [p]) for i, p in enumerate(LINE * 2)], "melody", 100),
        _clip("sitar", 104, [(0.3 + i * FAST_STEP_S, 0.3 + (i + 0.9) * FAST_STEP_S, [p]) for i, p in enumerate(LINE)], "pluck", 100),
        _clip("dulcimer", 15, [(0.3 + i * FAST_STEP_S, 0.3 + (i + 0.9) * FAST_STEP_S, [p]) for i, p in enumerate(LINE)], "pluck", 100),
        _clip("pizzicato", 45, [(0.3 + i * FAST_STEP_S, 0.3 + (i + 0.9) * FAST_STEP_S, [p]) for i, p in enumerate(LINE)], "pluck", 100),
    ]
    return {c.name: (c, analyse(x)) for c, x in zip(clips, render(clips, tmp_path_factory.mktemp("sweep")))}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            "sweep_pad",
            marks=pytest.mark.xfail(
                strict=True,
                reason="the sweep's filter moves the strongest partial over the held chord's harmonics: read lead/melody (main 2/6; chord_held 6/6 but lost 78 segments, fast melodies, on the splits)",
            ),
        ),
        "tenor_sax",
        "brass_section",
        pytest.param("sitar", marks=XFAIL_PLUCK),
        pytest.param("dulcimer", marks=XFAIL_PLUCK),
        pytest.param("pizzicato", marks=XFAIL_PLUCK),
    ],
)
def test_sweep_pads_and_fast_lines_are_named(sweep_lines, name):
    """At least 90 % of each clip's segments (the issue's target) named by their truth: the legato melodies' 32 notes, the
    struck lines' 16; 5 of the sweep pad's 6 chords."""
    clip, (t, prim) = sweep_lines[name]
    truth = clip.segments[0][2]
    answers = [a for _, _, a in segment_results(clip, t, prim)]
    share = 5 / 6 if name == "sweep_pad" else 0.9
    assert answers and answers.count(truth) >= share * len(answers), answers
