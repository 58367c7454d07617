"""Assemble the analysis document (DESIGN §3) from the stages' outputs."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from aspects.dynamic import dynamic_aspects
from aspects.pipeline import Measurements, measure_video
from aspects.settings import Settings, get_settings
from registries import annotate
from registries.narrative import load_spec, narrative_from

SCHEMA_VERSION = 1
SOUND_FIELDS = ("amplitude", "weight", "tone", "pitch_hz", "timbre", "noise")


def static_aspects(m: Measurements) -> list[dict]:
    """One ``frames[]`` item per measured frame: its dominant colour and its sound."""
    f = m.frames
    out = []
    for i in range(m.frame_count):
        sound = None
        if m.sound is not None and m.sound["tone"][i]:
            sound = {k: _plain(m.sound[k][i]) for k in SOUND_FIELDS}
            sound.update(key=None, name=None)
        out.append(
            {
                "index": int(f["index"][i]),
                "t": float(f["t"][i]),
                "color": {
                    "r": int(f["color_r"][i]),
                    "g": int(f["color_g"][i]),
                    "b": int(f["color_b"][i]),
                    "opacity": float(f["color_opacity"][i]),
                    "key": None,
                    "name": None,
                },
                "sound": sound,
            }
        )
    return out


def _plain(value):
    """JSON-safe Python scalar: NaN becomes null, NumPy scalars plain numbers and words."""
    if isinstance(value, (float, np.floating)):
        return None if np.isnan(value) else float(value)
    return str(value) if isinstance(value, np.str_) else value


def video_block(m: Measurements) -> dict:
    facts = dict(m.facts)
    return {"path": facts.pop("path"), "sha256": m.sha256, **facts}


def build_document(m: Measurements, frames: list[dict], dynamic: dict, narrative: dict) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "video": video_block(m),
        "frames": frames,
        "windows": dynamic["windows"],
        "transitions": dynamic["transitions"],
        "blends": dynamic["blends"],
        "narrative": narrative,
    }


def analyze_video(
    path: str | Path,
    *,
    settings: Settings | None = None,
    spec_path: str | Path | None = None,
    prompt: str | None = None,
    window_s: float | None = None,
) -> dict:
    """Measure ``path`` and return its full analysis document, keys and names filled in.

    Nothing is written: names are the registry's where it knows a key, else
    the name the key would get (see :func:`registries.annotate`).
    """
    settings = settings or get_settings()
    spec = load_spec(spec_path) if spec_path else None  # a malformed spec fails before the long decode
    m = measure_video(path, settings)
    dynamic = dynamic_aspects(m, window_s or settings.window_s)
    document = build_document(m, static_aspects(m), dynamic, narrative_from(spec, prompt))
    return annotate(document, settings=settings)
