"""Audio roles, layers, events and instruments per window, on a corpus made here (tests/role_corpus.py)."""

from __future__ import annotations

import shutil
from collections import Counter

import numpy as np
import pytest

from aspects.dynamic import audio_events
from aspects.dynamic.audio_semantic import Heard, audio_role
from aspects.measure.tagger import class_names
from tests import role_corpus
from tests.dynamic_support import dynamic

ROLE_ACCURACY = 0.95


@pytest.fixture(scope="session")
def analysed(tmp_path_factory):
    """Every corpus clip measured through the real decoder, with its windows' audio semantic."""
    out = []
    for clip in role_corpus.build(tmp_path_factory.mktemp("roles")):
        windows = dynamic(clip.path)[1]["windows"]
        out.append((clip, [w["audio_semantic"] for w in windows]))
    return out


def confusion(analysed) -> Counter:
    return Counter((clip.role, a["role"]) for clip, semantic in analysed for a in semantic)


def test_roles_and_layers_on_the_corpus(analysed):
    table = confusion(analysed)
    roles = sorted({r for pair in table for r in pair})
    print("\nrole confusion (rows: truth, columns: measured)\n" + "".join(f"{r:>9}" for r in ["", *roles]))
    for truth in roles:
        print(f"{truth:>9}" + "".join(f"{table[(truth, got)]:>9}" for got in roles))
    right = sum(n for (truth, got), n in table.items() if truth == got)
    assert right / sum(table.values()) >= ROLE_ACCURACY
    layered = [(clip.name, a["layers"]) for clip, semantic in analysed for a in semantic if clip.layers != (clip.role,) and clip.role != "silence"]
    assert sum(tuple(layers) == ("speech", "music") for _, layers in layered) >= ROLE_ACCURACY * len(layered), layered
    single = [a["layers"] for clip, semantic in analysed for a in semantic if len(clip.layers) == 1]
    assert sum(len(layers) == 1 for layers in single) >= ROLE_ACCURACY * len(single)
    if shutil.which("espeak-ng"):
        assert {clip.role for clip, _ in analysed} == {"speech", "music", "ambient", "sfx", "silence"}
        assert len(layered) >= 16


def test_events_name_what_was_made(analysed):
    by_name = {clip.name: semantic for clip, semantic in analysed}
    first = {name: [e["label"] for e in s[1]["events"]] for name, s in by_name.items()}
    for name in ("band84", "band120", "chords96", "groove110"):
        assert first[name][0] == "Music", (name, first[name])
    assert "White noise" in first["white"][:2]
    assert first["silence"] == ["Silence"]
    assert {"Beep, bleep", "Busy signal", "Telephone", "Dial tone", "Sine wave"} & set(first["sfx-beep1"])
    for semantic in by_name.values():
        for a in semantic:
            scores = [e["score"] for e in a["events"]]
            assert len(scores) <= audio_events.EVENTS_TOP and scores == sorted(scores, reverse=True)
            assert all(audio_events.EVENT_MIN <= s <= 1 for s in scores)
    if "speech0" in by_name:
        assert all(a["events"][0]["label"] == "Speech" for a in by_name["speech0"])


def test_instruments_are_families_heard_in_music(analysed):
    by_name = {clip.name: semantic for clip, semantic in analysed}
    assert all("drums" in a["instruments"] for a in by_name["groove110"])
    assert all("keyboard" in a["instruments"] for a in by_name["chords96"])
    for clip, semantic in analysed:
        for a in semantic:
            assert set(a["instruments"]) <= set(audio_events.INSTRUMENT_FAMILIES)
            if clip.role in ("ambient", "sfx", "silence"):
                assert a["instruments"] == [], (clip.name, a)


def test_window_scores_weigh_patches_by_overlap():
    probs = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]])
    start = np.array([0.0, 0.48, 0.96])
    # [0, 1): patch 0 overlaps 0.96 s, patch 1 0.52 s, patch 2 0.04 s (under 0.25 s: left out).
    np.testing.assert_allclose(audio_events.window_scores(probs, start, 0.96, 0.0, 1.0), [0.96 / 1.48, 0.52 / 1.48])
    # Past the last patch's end: nothing covers the window.
    assert audio_events.window_scores(probs, start, 0.96, 5.0, 6.0) is None
    # A short window overlapped by less than 0.25 s: the patch overlapping most.
    np.testing.assert_allclose(audio_events.window_scores(probs, start, 0.96, 1.85, 1.95), [0.0, 0.0])


def test_instrument_families_and_groups_from_the_class_map():
    index = audio_events.ClassIndex(class_names())
    scores = np.zeros(521)
    names = index.labels
    scores[names.index("Acoustic guitar")] = 0.4
    scores[names.index("Trumpet")] = 0.2
    scores[names.index("Hi-hat")] = 0.05  # under the threshold
    assert audio_events.instruments(scores, index) == ["guitar", "brass"]
    assert names[index.speech[0]] == "Speech" and "Heavy metal" in [names[i] for i in index.music]
    assert sum(len(v) for v in audio_events.INSTRUMENT_FAMILIES.values()) == len({n for v in audio_events.INSTRUMENT_FAMILIES.values() for n in v})


@pytest.mark.parametrize(
    "presence, steady, speech, singing, music, expected",
    [
        (0.01, False, 0.9, 0.0, 0.0, ("silence", ["silence"])),
        (1.0, False, 0.9, 0.0, 0.0, ("speech", ["speech"])),
        (1.0, True, 0.3, 0.0, 0.8, ("speech", ["speech", "music"])),
        (1.0, True, 0.3, 0.6, 0.9, ("singing", ["singing", "music"])),
        (1.0, False, 0.0, 0.0, 0.9, ("music", ["music"])),
        (1.0, True, 0.0, 0.0, 0.0, ("music", ["music"])),  # a steady beat the tagger calls ticks: a metronome
        (1.0, False, 0.05, 0.0, 0.05, ("ambient", ["ambient"])),
        (0.4, False, 0.05, 0.0, 0.05, ("sfx", ["sfx"])),
    ],
)
def test_role_rules(presence, steady, speech, singing, music, expected):
    assert audio_role(presence, Heard(speech, singing, music, [], []), steady) == expected
