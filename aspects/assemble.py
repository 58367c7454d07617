"""Assemble the analysis document (DESIGN §3) from the stages' outputs, as the typed models of :mod:`aspects.document`.

Part of the measurement core: the stage functions (:mod:`aspects.stages`)
call these to build the document; keys and names are filled in above, by the
registries.
"""

from __future__ import annotations

import numpy as np

from aspects.document import AnalysisDocument, DynamicAspects, Frame, FrameColor, FrameSound, Narrative, SpecAudio, VideoFacts
from aspects.pipeline import Measurements
from aspects.spec_audio import spec_sound

SOUND_FIELDS = ("amplitude", "weight", "tone", "pitch_hz", "timbre", "primitive")


def static_aspects(m: Measurements) -> list[Frame]:
    """One ``frames[]`` item per measured frame: its dominant colour and its sound."""
    f = m.frames
    out = []
    for i in range(m.frame_count):
        sound = None
        if m.sound is not None and m.sound["tone"][i]:
            sound = FrameSound(**{k: _plain(m.sound[k][i]) for k in SOUND_FIELDS})
        color = FrameColor(r=int(f["color_r"][i]), g=int(f["color_g"][i]), b=int(f["color_b"][i]), opacity=float(f["color_opacity"][i]))
        out.append(Frame(index=int(f["index"][i]), t=float(f["t"][i]), color=color, sound=sound))
    return out


def _plain(value):
    """JSON-safe Python scalar: NaN becomes null, NumPy scalars plain numbers and words."""
    if isinstance(value, (float, np.floating)):
        return None if np.isnan(value) else float(value)
    return str(value) if isinstance(value, np.str_) else value


def video_block(m: Measurements) -> VideoFacts:
    """The ``video`` block: the container facts of the decode pass."""
    facts = dict(m.facts)
    return VideoFacts(path=facts.pop("path"), sha256=m.sha256, **facts)


def build_document(m: Measurements, frames: list[Frame] | list[dict], dynamic: DynamicAspects | dict, narrative: dict, spec_audio: dict | None = None) -> AnalysisDocument:
    """The validated document from the stages' outputs (models, or their JSON form as read from the stage cache).

    A video without an audio track takes each frame's sound from ``spec_audio`` (marked ``source: spec``).
    """
    dynamic = DynamicAspects.model_validate(dynamic)
    frames = [Frame.model_validate(f) for f in frames]
    sound = spec_sound(spec_audio) if m.sound is None else None
    if sound is not None:
        frames = [f.model_copy(update={"sound": FrameSound(**sound)}) for f in frames]
    return AnalysisDocument(
        video=video_block(m),
        frames=frames,
        windows=dynamic.windows,
        transitions=dynamic.transitions,
        blends=dynamic.blends,
        narrative=Narrative(**narrative),
        spec_audio=None if spec_audio is None else SpecAudio(**spec_audio),
    )
