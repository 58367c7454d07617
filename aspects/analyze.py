"""Assemble the analysis document (DESIGN §3) from the stages' outputs, as the typed models of :mod:`aspects.document`.

``from aspects import analyze`` gives this module; calling it is the Python
API, :func:`aspects.api.analyze` (a typed :class:`~aspects.document.AnalysisDocument`).
"""

from __future__ import annotations

import sys
import types
from pathlib import Path

import numpy as np

from aspects.document import AnalysisDocument, DynamicAspects, Frame, FrameColor, FrameSound, Narrative, VideoFacts
from aspects.dynamic import dynamic_aspects
from aspects.pipeline import Measurements, measure_video
from aspects.settings import Settings, get_settings
from registries import annotate
from registries.narrative import load_spec, narrative_from

SOUND_FIELDS = ("amplitude", "weight", "tone", "pitch_hz", "timbre", "noise")


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


def build_document(m: Measurements, frames: list[Frame] | list[dict], dynamic: DynamicAspects | dict, narrative: dict) -> AnalysisDocument:
    """The validated document from the stages' outputs (models, or their JSON form as read from the stage cache)."""
    dynamic = DynamicAspects.model_validate(dynamic)
    return AnalysisDocument(
        video=video_block(m),
        frames=frames,
        windows=dynamic.windows,
        transitions=dynamic.transitions,
        blends=dynamic.blends,
        narrative=Narrative(**narrative),
        spec_audio=None,
    )


def analyze_video(
    path: str | Path,
    *,
    settings: Settings | None = None,
    spec_path: str | Path | None = None,
    prompt: str | None = None,
    window_s: float | None = None,
) -> dict:
    """Measure ``path`` and return its full analysis document (JSON form), keys and names filled in.

    Nothing is written: names are the registry's where it knows a key, else
    the name the key would get (see :func:`registries.annotate`). The typed
    document: :func:`aspects.api.analyze`.
    """
    settings = settings or get_settings()
    spec = load_spec(spec_path) if spec_path else None  # a malformed spec fails before the long decode
    m = measure_video(path, settings)
    dynamic = dynamic_aspects(m, window_s or settings.window_s)
    document = build_document(m, static_aspects(m), dynamic, narrative_from(spec, prompt))
    return annotate(document.to_dict(), settings=settings)


class _CallableModule(types.ModuleType):
    """``from aspects import analyze; analyze("clip.mp4")``: calling this module calls :func:`aspects.api.analyze`.

    (A function ``aspects.analyze`` cannot live beside this module: importing
    the module replaces the package's attribute of that name.)
    """

    def __call__(self, path: str | Path, **options) -> AnalysisDocument:
        from aspects.api import analyze

        return analyze(path, **options)


sys.modules[__name__].__class__ = _CallableModule
