"""The analysis document as typed models: the published schema, validation, the Python API, DataFrames and the Parquet export."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from aspects.api import analyze
from aspects.cli import main
from aspects.document import AnalysisDocument, Frame, Transition, Window, flat_columns, json_schema, json_schema_text
from aspects.settings import Settings, get_settings
from tests.media import make_video

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "samples" / "sample.mp4"
SPEC = ROOT / "data" / "samples" / "sample.json"
SCHEMA_FILE = ROOT / "docs" / "analysis.schema.json"


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch):
    """Runtime data (and the registry names, seeds only) from an empty temporary folder."""
    monkeypatch.setenv("ASPECTS_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def sample_doc(tmp_path_factory) -> AnalysisDocument:
    return analyze(SAMPLE, settings=Settings(data_dir=tmp_path_factory.mktemp("data")), spec_path=SPEC)


@pytest.fixture(scope="module")
def silent_video(tmp_path_factory) -> Path:
    """1 s of a moving test pattern, 160×90, no audio track."""
    return make_video(tmp_path_factory.mktemp("media") / "silent.mp4", "testsrc2=s=160x90:r=25", duration_s=1.0)


@pytest.fixture(scope="module")
def silent_doc(silent_video, tmp_path_factory) -> AnalysisDocument:
    return analyze(silent_video, settings=Settings(data_dir=tmp_path_factory.mktemp("data")))


def _value(model, dotted: str):
    for part in dotted.split("."):
        model = None if model is None else getattr(model, part)
    return model


def test_committed_schema_is_generated_from_the_models():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema_text(), "docs/analysis.schema.json is stale: run `make schema`"


def test_schema_command_prints_the_schema(capsys):
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json_schema()
    Draft202012Validator.check_schema(printed)
    camera = printed["$defs"]["CameraBlock"]["properties"]
    assert camera["motion_type"]["enum"] == ["static", "pan_left", "pan_right", "tilt_up", "tilt_down", "zoom_in", "zoom_out", "handheld"]
    assert "frame widths per second" in camera["speed"]["description"]


def test_sample_document_validates_against_the_published_schema(sample_doc, silent_doc):
    validator = Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    for doc in (sample_doc, silent_doc):
        assert list(validator.iter_errors(doc.to_dict())) == []
    bad = copy.deepcopy(sample_doc.to_dict())
    bad["windows"][0]["camera"]["motion_type"] = "dolly"  # outside the vocabulary
    bad["frames"][0]["color"]["hue"] = 120  # a key the contract does not have
    del bad["video"]["sha256"]  # a required key missing
    bad["frames"][1]["color"]["r"] = 300  # out of range
    assert len(list(validator.iter_errors(bad))) == 4


def test_models_reject_unknown_keys_and_words(sample_doc):
    data = sample_doc.to_dict()
    data["windows"][0]["motion"]["tempo"] = 1.0
    with pytest.raises(ValidationError, match="windows.0.motion.tempo"):
        AnalysisDocument.model_validate(data)
    data = sample_doc.to_dict()
    data["transitions"][0]["type"] = "zoom"
    with pytest.raises(ValidationError, match="transitions.0.type"):
        AnalysisDocument.model_validate(data)


def test_document_round_trips_exactly_and_keys_and_names_are_filled(sample_doc):
    data = sample_doc.to_dict()
    assert json.dumps(AnalysisDocument.model_validate_json(json.dumps(data)).to_dict()) == json.dumps(data)
    assert list(data) == ["schema_version", "video", "frames", "windows", "transitions", "blends", "narrative", "spec_audio"]
    assert data["schema_version"] == 2
    assert data["spec_audio"]["key"] == "spec.music.moderate.calm" and data["spec_audio"]["tempo_bpm"] == 120.0  # the sample's spec states its sound
    assert all("source" not in f["sound"] for f in data["frames"] if f["sound"])  # measured sound: only spec sound says where it is from
    assert "coded_width" not in data["video"]["video"]  # only for rotated streams
    assert all("direction" not in t for t in data["transitions"])  # only for wipes
    assert all(f.color.key and f.color.name for f in sample_doc.frames)
    assert all(w.camera.key and w.camera.name and w.audio_semantic.name for w in sample_doc.windows)
    assert sample_doc.blends.name and all(c.name for c in sample_doc.blends.palette)


def test_cli_writes_the_api_document(sample_doc, tmp_path):
    out = tmp_path / "sample.analysis.json"
    assert main(["analyze", str(SAMPLE), "--spec", str(SPEC), "--json", str(out)]) == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    expected = sample_doc.to_dict()
    written["video"]["path"] = expected["video"]["path"]
    assert json.dumps(written) == json.dumps(expected)


def test_frames_windows_transitions_have_one_column_per_measured_field(sample_doc, silent_doc):
    frames = sample_doc.frames_frame()
    assert list(frames.columns) == [
        "index", "t", "color.r", "color.g", "color.b", "color.opacity", "color.key", "color.name",
        "sound.amplitude", "sound.weight", "sound.tone", "sound.pitch_hz", "sound.timbre", "sound.primitive", "sound.source", "sound.key", "sound.name",
    ]  # fmt: skip
    windows = sample_doc.windows_frame()
    assert list(windows.columns) == list(flat_columns(Window))
    assert {"camera.motion_type", "lighting.brightness", "audio_semantic.tempo_bpm", "depth.layer_count"} <= set(windows.columns)
    assert not any(isinstance(c, str) and c in ("camera", "motion", "audio_semantic") for c in windows.columns)  # blocks are flattened
    for table, items, model in ((frames, sample_doc.frames, Frame), (windows, sample_doc.windows, Window)):
        assert len(table) == len(items)
        for i, item in enumerate(items):
            for column in flat_columns(model):
                expected, got = _value(item, column), table.at[i, column]
                assert pd.isna(got) if expected is None else got == expected, (column, i, expected, got)
    assert str(windows["lighting.brightness"].dtype) == "Float64" and str(windows["temporal.cut_count"].dtype) == "Int64"
    assert windows["camera.motion_type"].tolist() == [w.camera.motion_type for w in sample_doc.windows]
    transitions = sample_doc.transitions_frame()
    assert list(transitions.columns) == list(flat_columns(Transition))
    assert transitions["type"].tolist() == ["cut", "cut", "fade_out", "fade_in"]
    silent = silent_doc.frames_frame()
    assert silent["sound.amplitude"].isna().all() and str(silent["sound.amplitude"].dtype) == "Float64"
    assert silent_doc.windows_frame()["audio_semantic.role"].isna().all()


def test_export_writes_parquet_of_several_analyses(sample_doc, silent_video, tmp_path, capsys):
    document = tmp_path / "sample.analysis.json"
    document.write_text(json.dumps(sample_doc.to_dict()), encoding="utf-8")
    out = tmp_path / "tables"
    assert main(["export", str(document), str(silent_video), "--out", str(out)]) == 0
    capsys.readouterr()
    con = duckdb.connect()
    counts = dict(con.execute(f"SELECT \"video.path\", count(*) FROM '{out / 'frames.parquet'}' GROUP BY 1").fetchall())
    assert counts == {sample_doc.video.path: len(sample_doc.frames), str(silent_video): 25}
    moves = con.execute(f'SELECT "camera.motion_type" FROM \'{out / "windows.parquet"}\' WHERE "video.sha256" = ? ORDER BY "index"', [sample_doc.video.sha256]).fetchall()
    assert [m for (m,) in moves] == [w.camera.motion_type for w in sample_doc.windows]
    kinds = con.execute(f'SELECT "type", "start" FROM \'{out / "transitions.parquet"}\' ORDER BY "start"').fetchall()
    assert kinds == [(t.type, t.start) for t in sample_doc.transitions]
    types = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{out / 'frames.parquet'}')").fetchall())
    assert types["color.r"] == "BIGINT" and types["sound.pitch_hz"] == "DOUBLE" and types["sound.primitive"] == "VARCHAR"


def test_export_of_a_file_that_is_not_an_analysis_is_one_clear_line(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema_version": 1, "video": {}}), encoding="utf-8")
    assert main(["export", str(bad), "--out", str(tmp_path / "t")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and str(bad) in err and "not an analysis document" in err


def test_readme_python_api_example_runs(monkeypatch, capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    monkeypatch.chdir(ROOT)
    exec(compile(code, "README.md (Python API)", "exec"), {})
    printed = capsys.readouterr().out
    assert "pan_right" in printed and "fade_out" in printed and "teal" in printed
