"""Assemble the analysis document (DESIGN §3) from the stages' outputs, as the typed models of :mod:`aspects.document`.

Part of the measurement core: the stage functions (:mod:`aspects.stages`)
call these to build the document; keys and names are filled in above, by the
registries. The frames stay columns (:class:`~aspects.frame_rows.FrameRows`)
all the way to the JSON file; the rest of the document is built and
validated as models.
"""

from __future__ import annotations

from collections.abc import Sequence

from aspects.document import AnalysisDocument, DynamicAspects, Frame, Narrative, SpecAudio, VideoFacts, Window
from aspects.frame_rows import SOUND_FIELDS, FrameRows
from aspects.pipeline import Measurements
from aspects.spec_audio import spec_sound

__all__ = ["SOUND_FIELDS", "build_document", "document_dict", "frame_rows", "static_aspects", "video_block", "window_dicts"]


def static_aspects(m: Measurements) -> FrameRows:
    """One ``frames[]`` item per measured frame, its dominant colour and its sound: as columns, validated against :class:`Frame`."""
    f = m.frames
    color = {"r": f["color_r"], "g": f["color_g"], "b": f["color_b"], "opacity": f["color_opacity"]}
    sound = None if m.sound is None else {k: m.sound[k] for k in SOUND_FIELDS}
    return FrameRows(f["index"], f["t"], color, sound).validate()


def frame_rows(m: Measurements, frames: FrameRows | dict | Sequence[Frame] | Sequence[dict], spec_audio: dict | None = None) -> FrameRows:
    """The static stage's output (columns, their cached JSON form, or frame models / dicts) as the document's frames.

    A video without an audio track takes each frame's sound from ``spec_audio`` (marked ``source: spec``).
    """
    if isinstance(frames, dict):
        rows = FrameRows.from_json_data(frames)
    elif isinstance(frames, FrameRows):
        rows = frames
    else:
        rows = FrameRows.from_frames(frames)
    return rows.with_spec_sound(spec_sound(spec_audio) if m.sound is None else None)


def video_block(m: Measurements) -> VideoFacts:
    """The ``video`` block: the container facts of the decode pass."""
    facts = dict(m.facts)
    return VideoFacts(path=facts.pop("path"), sha256=m.sha256, **facts)


def document_dict(m: Measurements, frames: FrameRows | dict | Sequence[Frame] | Sequence[dict], dynamic: DynamicAspects | dict, narrative: dict, spec_audio: dict | None = None) -> dict:
    """The document's JSON form: every block but the frames validated as models, ``frames`` a :class:`FrameRows` (items made when read)."""
    rows = frame_rows(m, frames, spec_audio).validate()
    windows = window_dicts(dynamic)
    doc = _document(m, [], {**_dynamic_dict(dynamic), "windows": []}, narrative, spec_audio).to_dict()
    doc["frames"] = rows  # same places in the key order as the model's
    doc["windows"] = windows
    return doc


def window_dicts(dynamic: DynamicAspects | dict) -> list[dict]:
    """The dynamic output's windows in their JSON form, each validated as a :class:`Window`, one at a time.

    A dict's list of windows is replaced in place, item by item (the dict it gives is what the model dumps), so a
    long video's windows are never held twice.
    """
    if isinstance(dynamic, DynamicAspects):
        return [w.model_dump(mode="json") for w in dynamic.windows]
    windows = dynamic["windows"]
    for i, w in enumerate(windows):
        windows[i] = Window.model_validate(w).model_dump(mode="json")
    return windows


def _dynamic_dict(dynamic: DynamicAspects | dict) -> dict:
    if isinstance(dynamic, DynamicAspects):
        return {"transitions": dynamic.transitions, "blends": dynamic.blends}
    return dynamic


def build_document(m: Measurements, frames: FrameRows | dict | Sequence[Frame] | Sequence[dict], dynamic: DynamicAspects | dict, narrative: dict, spec_audio: dict | None = None) -> AnalysisDocument:
    """The whole validated document as models (frames included: for short videos and the Python API)."""
    rows = frame_rows(m, frames, spec_audio)
    return _document(m, [Frame.model_validate(row) for row in rows], dynamic, narrative, spec_audio)


def _document(m: Measurements, frames: list[Frame], dynamic: DynamicAspects | dict, narrative: dict, spec_audio: dict | None) -> AnalysisDocument:
    dynamic = DynamicAspects.model_validate(dynamic)
    return AnalysisDocument(
        video=video_block(m),
        frames=frames,
        windows=dynamic.windows,
        transitions=dynamic.transitions,
        blends=dynamic.blends,
        narrative=Narrative(**narrative),
        spec_audio=None if spec_audio is None else SpecAudio(**spec_audio),
    )
