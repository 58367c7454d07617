"""Spec-derived audio: the spec_audio block, its registry entries, and static sound from the spec for a video without audio."""

from __future__ import annotations

import json

import pytest

from aspects.cli import main
from aspects.errors import SpecError
from aspects.narrative import load_spec
from aspects.settings import Settings
from aspects.spec_audio import spec_audio
from aspects.stages import analyze_video
from registries.annotation import tally
from registries.growth import grow
from tests.media import make_video


def write_spec(tmp_path, content) -> str:
    path = tmp_path / "clip.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return str(path)


def block(role=None, mood=None, tempo_bpm=None, presence=None) -> dict:
    return {"role": role, "mood": mood, "tempo_bpm": tempo_bpm, "presence": presence, "source": "spec"}


@pytest.mark.parametrize(
    "spec, expected",
    [
        ({"audio_mood": "Upbeat", "audio_tempo": 128, "audio_presence": 0.8, "audio_role": "Soundtrack"}, block("music", "energetic", 128.0, 0.8)),
        ({"audio": {"mood": "calm", "tempo": "slow", "presence": "background", "role": "voiceover"}}, block("speech", "calm", 70.0, 0.5)),
        ({"audio": {"audio_tempo": "120 BPM"}}, block("music", None, 120.0, None)),  # a tempo implies music
        ({"audio_tempo": "fast", "audio_mood": "dreamy"}, block("music", "dreamy", 150.0, None)),  # unknown moods are kept
        ({"audio_presence": 0}, block("silence", None, None, 0.0)),
        ({"audio_role": "foley", "audio": {"role": "foley"}}, block("sfx")),  # the same value twice is fine
        ({"genre": "drama"}, None),
        (None, None),
    ],
)
def test_spec_fields(spec, expected):
    assert spec_audio(spec) == expected


def test_prompt_fills_what_the_fields_leave_open():
    assert spec_audio(None, "A calm piano melody at 84 bpm over a rainy street") == block("music", "calm", 84.0, None)
    assert spec_audio(None, "Narration over soft music, slow tempo") == block("speech", "calm", 70.0, None)
    assert spec_audio({"audio_tempo": 100, "prompt": "upbeat soundtrack, 140 bpm"}) == block("music", "energetic", 100.0, None)
    assert spec_audio(None, "Ambient light falls on a dark corridor") is None  # no sound noun: nothing about audio
    assert spec_audio(None, "a silent film, black and white")["role"] == "silence"


@pytest.mark.parametrize(
    "content, message",
    [
        ({"audio_tempo": "blazing"}, "field 'audio_tempo' must be beats per minute (20–300) or slow/medium/fast, got 'blazing'"),
        ({"audio": {"tempo": 900}}, "field 'audio.tempo' must be beats per minute (20–300)"),
        ({"audio_presence": 1.5}, "field 'audio_presence' must be a number from 0 to 1"),
        ({"audio_role": "podcast"}, "field 'audio_role' must be one of silence, speech, singing, music, ambient, sfx"),
        ({"audio_mood": 3}, "field 'audio_mood' must be a non-empty word, got 3"),
        ({"audio": "loud"}, "field 'audio' must be an object"),
        ({"audio_mood": "calm", "audio": {"mood": "sad"}}, "field 'audio_mood' and 'audio.mood' disagree"),
        ({"audio_tempo": True}, "field 'audio_tempo' must be beats per minute"),
    ],
)
def test_bad_audio_fields_are_one_line_errors_naming_file_and_field(tmp_path, content, message):
    path = write_spec(tmp_path, content)
    with pytest.raises(SpecError) as info:
        load_spec(path)
    assert str(info.value).startswith(f"{path}: ") and message in str(info.value) and "\n" not in str(info.value)


def test_cli_rejects_a_bad_audio_field_with_exit_2(tmp_path, capsys):
    video = make_video(tmp_path / "v.mp4", "color=c=red:s=64x36:r=10", duration_s=0.5)
    spec = write_spec(tmp_path, {"audio_tempo": -5})
    assert main(["analyze", str(video), "--spec", spec]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "audio_tempo" in err[0] and spec in err[0]


def test_video_without_audio_takes_its_sound_from_the_spec_and_grows_spec_entries(tmp_path):
    settings = Settings(data_dir=tmp_path / "data")
    video = make_video(tmp_path / "mute.mp4", "color=c=blue:s=64x36:r=10", duration_s=2, fps=10)
    spec = write_spec(tmp_path, {"audio_mood": "tense", "audio_tempo": 96, "audio_presence": "foreground"})
    doc = analyze_video(video, settings=settings, spec_path=spec)
    assert doc["video"]["audio"] is None
    assert {k: doc["spec_audio"][k] for k in ("role", "mood", "tempo_bpm", "presence", "source")} == block("music", "tense", 96.0, 1.0)
    assert doc["spec_audio"]["key"] == "spec.music.moderate.tense"
    assert all(w["audio_semantic"] is None for w in doc["windows"])
    sounds = [f["sound"] for f in doc["frames"]]
    assert len(sounds) == 20 and all(s["source"] == "spec" and s["primitive"] == "music" and s["amplitude"] is None for s in sounds)
    assert sounds[0]["key"] == "spec.music"
    counts = tally(doc)
    assert counts[("dynamic.audio_semantic", "spec.music.moderate.tense")][0] == 1
    assert counts[("static.sound", "spec.music")][0] == 20
    result = grow(doc, settings=settings)
    assert ("dynamic.audio_semantic", "spec.music.moderate.tense") in {(a, k) for a, k, _ in result.new}


def test_video_with_audio_keeps_its_measured_sound_and_records_the_spec_beside_it(tmp_path):
    video = make_video(tmp_path / "tone.mp4", "color=c=blue:s=64x36:r=10", duration_s=1, audio="sine=frequency=440:duration=1")
    doc = analyze_video(video, settings=Settings(data_dir=tmp_path / "data"), prompt="speech over calm music")
    assert doc["spec_audio"]["role"] == "speech" and doc["spec_audio"]["mood"] == "calm"
    assert all(f["sound"] is None or f["sound"].get("source") != "spec" for f in doc["frames"])
    assert doc["windows"][0]["audio_semantic"]["role"] != "silence"
