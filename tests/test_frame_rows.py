"""The document's frames as columns (aspects/frame_rows.py): the same JSON as the models, and memory flat in length.

A real 5 s clip (test pattern, cut to red, 120 BPM clicks) is measured once;
its rows must be exactly the JSON form of :class:`~aspects.document.Frame`,
the streamed JSON file byte for byte what encoding a list of those dicts
gives, and the cost of a longer video (its columns tiled to 20,000 frames
against 2,000) a few dozen bytes per frame, not the models and dicts per
frame the document used to hold (about 3 kB a frame).
"""

from __future__ import annotations

import json
import tracemalloc
from dataclasses import replace

import numpy as np
import pytest

from aspects import stages
from aspects.commands import write_json
from aspects.document import AnalysisDocument, DynamicAspects, Frame
from aspects.frame_rows import FrameRows
from aspects.pipeline import Measurements
from aspects.settings import get_settings
from registries.annotation import annotate

MAX_BYTES_PER_FRAME = 400  # peak traced memory per extra frame of the document's frames path (columns: ~50 B; models and dicts: ~3 kB)


@pytest.fixture(scope="module")
def measured(videos) -> Measurements:
    return stages.decode(videos["clip"], get_settings())


def _document(m: Measurements) -> dict:
    empty = DynamicAspects(windows=[], transitions=[], blends=None)
    return annotate(stages.document(m, stages.static(m), empty, stages.narrative(None, None)))


def test_rows_are_the_models_json_form_and_carry_the_measurements(measured):
    rows = stages.static(measured)
    assert isinstance(rows, FrameRows) and len(rows) == measured.frame_count == 125
    items = list(rows)
    for i, row in enumerate(items):
        assert Frame.model_validate(row).model_dump(mode="json") == row
        assert (row["index"], row["t"]) == (int(measured.frames["index"][i]), float(measured.frames["t"][i]))
        assert [row["color"][c] for c in "rgb"] == [int(measured.frames[f"color_{c}"][i]) for c in "rgb"]
        assert (row["sound"] is None) == (measured.sound["tone"][i] == "")
    last = items[-1]["color"]
    assert last["r"] > 200 and last["g"] < 40 and last["b"] < 40  # the clip ends red
    assert rows[-1] == items[-1] and rows[3:6] == items[3:6] and rows[::50] == items[::50]
    with pytest.raises(IndexError):
        rows[len(rows)]


def test_streamed_json_is_byte_for_byte_the_listed_document(measured, tmp_path):
    doc = _document(measured)
    assert isinstance(doc["frames"], FrameRows)
    frames = list(doc["frames"])
    assert all(f["color"]["key"] and f["color"]["name"] for f in frames)
    assert sum(f["sound"] is not None and f["sound"]["name"] is not None for f in frames) > 100
    write_json(doc, str(tmp_path / "rows.json"))
    listed = dict(doc, frames=frames)
    assert (tmp_path / "rows.json").read_text(encoding="utf-8") == json.dumps(listed, indent=1, ensure_ascii=False) + "\n"
    # annotating the listed frames (the registries' in-place path) gives the same keys and names
    relisted = annotate(dict(listed, frames=[{**f, "color": {**f["color"], "key": None, "name": None}} for f in frames]))
    assert relisted["frames"] == frames
    AnalysisDocument.model_validate(listed)


def test_stage_cache_form_round_trips(measured):
    rows = stages.static(measured)
    cached = json.loads(json.dumps(rows.to_json_data(), allow_nan=True))
    assert list(FrameRows.from_json_data(cached)) == list(rows)
    assert list(FrameRows.from_frames([Frame.model_validate(r) for r in rows])) == list(rows)


def test_rows_outside_the_model_are_rejected(measured):
    rows = stages.static(measured)
    color = dict(rows.color, r=rows.color["r"].copy())
    color["r"][7] = 300
    with pytest.raises(ValueError, match="color.r"):
        FrameRows(rows.indices, rows.t, color, rows.sound).validate()
    sound = dict(rows.sound, primitive=rows.sound["primitive"].astype("<U12"))
    sound["primitive"][np.flatnonzero(rows.sound["tone"] != "")[0]] = "banjo"
    with pytest.raises(ValueError, match="banjo"):
        FrameRows(rows.indices, rows.t, rows.color, sound).validate()


def _tiled(m: Measurements, n: int) -> Measurements:
    """``m``'s frames repeated to ``n`` frames (index and t continued)."""
    take = np.arange(n) % m.frame_count
    frames = {k: v[take] for k, v in m.frames.items()}
    frames["index"] = np.arange(n, dtype=np.float64)
    frames["t"] = np.round(np.arange(n) / 25.0, 6)
    return replace(m, frames=frames, sound={k: v[take] for k, v in m.sound.items()})


def _peak_bytes(m: Measurements, path) -> int:
    tracemalloc.start()
    try:
        write_json(_document(m), str(path))
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_of_the_frames_does_not_grow_with_length(measured, tmp_path):
    short, long = _tiled(measured, 2_000), _tiled(measured, 20_000)
    _peak_bytes(short, tmp_path / "warm.json")  # first-use caches (seeds, key tables) out of the measurement
    grown = _peak_bytes(long, tmp_path / "long.json") - _peak_bytes(short, tmp_path / "short.json")
    assert grown / 18_000 < MAX_BYTES_PER_FRAME, f"{grown / 18_000:.0f} bytes per frame"
    assert len(json.loads((tmp_path / "long.json").read_text())["frames"]) == 20_000
