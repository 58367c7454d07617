"""The pluck truth follows a measured definition (docs/audio.md, "Which programs die away"), not a program's name.

``bench/gm_decay.py`` measures all 128 GM programs and prints the list tests/voice_corpus.py holds as
``DECAYING_PROGRAMS``; here eight programs on both sides of the line are measured the same way (one FluidSynth pass,
40 held notes, a few CPU-seconds) and must fall on the side the list puts them, and the truths of the corpus's lines
must follow the list.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from bench import gm_decay
from tests.audio_corpus import missing_tools
from tests.voice_corpus import DECAYING_PROGRAMS, corpus, line_truth

# Plucked or struck and dying away in FluidR3 (piano, nylon guitar, harp, electric piano 1), and programs that hold
# their level with the key down though the hand-written list of sessions 1-13 named them pluck (guitar harmonics,
# overdriven guitar, synth bass 2), beside a flute.
CHECKED = {0: True, 24: True, 46: True, 4: True, 31: False, 29: False, 39: False, 73: False}


def test_checked_programs_are_listed_as_measured():
    assert {p for p, dies in CHECKED.items() if dies} <= DECAYING_PROGRAMS
    assert not {p for p, dies in CHECKED.items() if not dies} & DECAYING_PROGRAMS


def test_note_drop_reads_a_free_decay_and_a_sustain():
    sr = gm_decay.SR
    t = np.arange(int(4.0 * sr)) / sr
    tone = np.sin(2 * np.pi * 440 * t)
    dying = tone * 10 ** (-12 * t / 20)  # 12 dB/s: ~21 dB down 1.5-2 s after the peak
    held = tone * np.where(t < 0.3, 10 ** (-20 * t / 20), 10 ** (-6 / 20))  # decays 6 dB to a sustain level, holds
    assert gm_decay.note_drop_db(dying) == pytest.approx(21.0, abs=1.0)
    assert gm_decay.note_drop_db(held) == pytest.approx(6.0, abs=0.5)
    assert gm_decay.note_drop_db(held) < gm_decay.DECAY_DROP_DB <= gm_decay.note_drop_db(dying)
    assert np.isnan(gm_decay.note_drop_db(np.zeros(t.size)))


@pytest.mark.skipif(missing_tools() is not None, reason=str(missing_tools()))
def test_rendered_programs_fall_where_the_list_puts_them(tmp_path):
    drops = gm_decay.measure(tmp_path, programs=CHECKED)
    medians = {p: float(np.nanmedian([late for _, late in d])) for p, d in drops.items()}
    assert {p: m >= gm_decay.DECAY_DROP_DB for p, m in medians.items()} == CHECKED, medians


def test_line_truths_follow_the_list():
    assert line_truth(29, 0.53) == "lead" and line_truth(29, 0.18) == "melody" and line_truth(29, 0.3) == ""
    assert line_truth(24, 0.53) == "pluck" and line_truth(88, 0.165) == "pluck"
    for split in ("fresh23_harmony", "fresh4"):
        for clip in corpus(split):
            kind, prog = clip.name.split("_")[1], int(re.search(r"_p(\d+)_", clip.name).group(1))
            labels = {lab for _, _, lab in clip.segments}
            if kind in ("lead", "melody", "pluck") and labels and labels != {"bass"}:
                assert (labels == {"pluck"}) == (prog in DECAYING_PROGRAMS), clip.name
