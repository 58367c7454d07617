"""The per-frame sound analysis in a second process gives exactly the values of the in-process one."""

from __future__ import annotations

import numpy as np
import pytest

from aspects.measure import sound_process
from aspects.measure.sound_process import LocalSound, SoundProcess, sound_analyzer
from aspects.pipeline import measure_video
from aspects.settings import get_settings


def same_columns(a: dict | None, b: dict | None) -> None:
    assert a is not None and b is not None and sorted(a) == sorted(b)
    for name in a:
        x, y = a[name], b[name]
        if x.dtype.kind == "f":
            assert np.array_equal(x, y, equal_nan=True), name
        else:
            assert (x == y).all(), name


@pytest.mark.parametrize("clip", ["clip", "red"])
def test_second_process_gives_identical_sound_and_envelope(videos, clip, monkeypatch):
    monkeypatch.setattr(sound_process, "MIN_DURATION_S", 0.0)  # these clips are short
    settings = get_settings()
    here = measure_video(videos[clip], settings.model_copy(update={"sound_process": False}))
    there = measure_video(videos[clip], settings.model_copy(update={"sound_process": True}))
    same_columns(here.sound, there.sound)
    same_columns(here.envelope, there.envelope)
    assert here.audio_start_s == there.audio_start_s
    assert here.tags is not None and there.tags is not None
    assert {k: v for k, v in here.tags.items() if k != "codes"} == {k: v for k, v in there.tags.items() if k != "codes"}
    assert np.array_equal(here.tags["codes"], there.tags["codes"])  # the AudioSet tagger runs in the child too
    assert np.array_equal(here.frames["t"], there.frames["t"])


def test_a_failure_in_the_child_is_a_clear_error():
    sound = SoundProcess(22050)
    try:
        sound.add(0.0, np.zeros(4410, np.float32))
        sound.request(0, 0.0, "not a time")  # the child fails on this call
        with pytest.raises(RuntimeError, match="sound analysis process failed: TypeError"):
            sound.finish()
    finally:
        sound.close()


def test_in_process_when_asked_or_short():
    assert isinstance(sound_analyzer(22050, separate_process=False), LocalSound)
    assert isinstance(sound_analyzer(22050, duration_s=sound_process.MIN_DURATION_S / 2), LocalSound)


def test_an_abandoned_pass_stops_the_child():
    sound = SoundProcess(22050)
    for k in range(200):
        sound.add(k * 0.1, np.zeros(2205, np.float32))
    sound.close()  # no finish: the pass was abandoned (an error in the decode loop)
    assert sound._process.poll() is not None
