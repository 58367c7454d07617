"""Issue 4: narrative aspects from the spec sidecar and the prompt."""

from __future__ import annotations

import json

import pytest

from aspects.errors import SpecError
from aspects.narrative import load_spec, narrative_from
from aspects.settings import Settings
from aspects.store import connect
from registries import store
from registries.growth import grow
from tests.registry_docs import RED, document

EMPTY = {"genre": [], "mood": [], "themes": [], "plots": [], "settings": [], "style": [], "scene_type": []}


def write_spec(tmp_path, content) -> str:
    path = tmp_path / "clip.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return str(path)


def test_spec_values_are_normalised(tmp_path):
    spec = load_spec(write_spec(tmp_path, {"genre": "  DRAMA ", "mood": ["Calm", "calm!"], "style": ["Cinematic"], "scene_type": "Close-Up", "extra": 3}))
    block = narrative_from(spec, None)
    assert block == {**EMPTY, "genre": ["drama"], "mood": ["calm"], "style": ["cinematic"], "scene_type": ["close up"]}


def test_synonyms_map_to_their_canonical_word():
    block = narrative_from({"genre": ["Sci-Fi", "scifi"], "mood": "Joyful", "settings": ["Seaside"], "style": "B&W"}, None)
    assert block["genre"] == ["science fiction"]
    assert block["mood"] == ["happy"]
    assert block["settings"] == ["beach"]
    assert block["style"] == ["black and white"]


def test_prompt_keywords_and_synonyms():
    prompt = "A lonely astronaut walks through misty Forests at dusk; eerie, cinematic drone shot over the mountains."
    block = narrative_from(None, prompt)
    assert block["mood"] == ["lonely", "mysterious"]
    assert block["themes"] == ["space exploration"]
    assert block["settings"] == ["forest", "mountains"]
    assert block["style"] == ["cinematic"]
    assert block["scene_type"] == ["aerial"]
    assert block["genre"] == [] and block["plots"] == []
    # Whole words only: "scary" is horror, "scar" and "adventurer"-like partial words are not matched.
    assert narrative_from(None, "a scar on the bard's cheek")["genre"] == []


def test_spec_prompt_and_given_prompt_are_both_scanned():
    block = narrative_from({"genre": "horror", "prompt": "a chase through the city"}, "slow motion close-up")
    assert block["genre"] == ["horror"]
    assert block["plots"] == ["chase"]
    assert block["settings"] == ["city"]
    assert block["scene_type"] == ["slow motion", "close up"]  # in order of appearance


def test_no_spec_no_prompt_is_empty():
    assert narrative_from(None, None) == EMPTY
    assert narrative_from({}, "") == EMPTY


def test_unknown_values_are_kept_and_named_after_themselves(tmp_path):
    block = narrative_from({"genre": ["Space Opera"], "themes": "Found Family"}, None)
    assert block["genre"] == ["space opera"] and block["themes"] == ["found family"]
    settings = Settings(data_dir=tmp_path / "data")
    result = grow(document("opera", [RED] * 3, narrative=block), settings=settings)
    assert ("narrative.genre", "space opera", "space opera") in result.new
    assert ("narrative.themes", "found family", "found family") in result.new
    with connect(settings.duckdb_path) as con:
        entry = store.find_entry(con, "narrative.genre", "space opera")
    assert entry["primitive"] is False and entry["videos"] == 1 and entry["frames"] == 1


@pytest.mark.parametrize(
    "content, field_message",
    [
        ('{"genre": "drama",', "not valid JSON (line 1"),
        ('["drama"]', "spec must be a JSON object, got a list"),
        ({"genre": 3}, "field 'genre' must be a string or a list of strings, got a number"),
        ({"mood": ["calm", {"x": 1}]}, "field 'mood'[1] must be a string, got an object"),
        ({"themes": True}, "field 'themes' must be a string or a list of strings, got a boolean"),
        ({"prompt": ["a", "b"]}, "field 'prompt' must be a string, got a list"),
    ],
)
def test_malformed_spec_is_a_clear_error(tmp_path, content, field_message):
    path = write_spec(tmp_path, content)
    with pytest.raises(SpecError) as info:
        load_spec(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and field_message in message


def test_missing_spec_file_is_a_clear_error(tmp_path):
    with pytest.raises(SpecError, match="nope.json: spec file not found"):
        load_spec(tmp_path / "nope.json")
