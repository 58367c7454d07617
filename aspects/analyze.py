"""Assemble the analysis document (DESIGN §3) from the stages' outputs.

Part of the measurement core: the stage functions (:mod:`aspects.stages`)
call these to build the document; keys and names are filled in above, by the
registries.
"""

from __future__ import annotations

import numpy as np

from aspects.pipeline import Measurements

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
