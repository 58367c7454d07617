"""The document's windows are held once: memory per extra window of the analysis path (dynamic → document → JSON file).

The measurements of a real 5 s clip are tiled to a longer video without sound
(so no tempo is estimated: the cost measured is the windows', not librosa's),
cut into the shortest windows allowed, and the peak traced memory of the
whole path (dynamic stage, document, keys and names, streamed JSON file) is
compared between two lengths. Each window was held as a model (~15 kB) and
again as a dict (~11 kB): ~28 kB a window; held once, as its dict, ~15 kB.
"""

from __future__ import annotations

import json
import tracemalloc
from dataclasses import replace

import numpy as np

from aspects import stages
from aspects.commands import write_json
from aspects.limits import WINDOW_MIN_S
from aspects.pipeline import Measurements
from aspects.settings import get_settings
from registries.annotation import annotate

MAX_BYTES_PER_WINDOW = 20_000  # peak traced memory per extra window (held once as a dict: ~15 kB; as a model and a dict: ~28 kB)
FPS = 25.0


def _silent_tiled(m: Measurements, n: int) -> Measurements:
    """``m``'s frames repeated to ``n`` frames at 25 fps (index and t continued), without sound."""
    take = np.arange(n) % m.frame_count
    frames = {k: v[take] for k, v in m.frames.items()}
    frames["index"] = np.arange(n, dtype=np.float64)
    frames["t"] = np.round(np.arange(n) / FPS, 6)
    return replace(m, frames=frames, sound=None, envelope=None, tags=None, facts=dict(m.facts, duration_s=n / FPS, audio=None))


def _peak_bytes(m: Measurements, path) -> int:
    tracemalloc.start()
    try:
        doc = annotate(stages.document(m, stages.static(m), stages.dynamic(m, WINDOW_MIN_S), stages.narrative(None, None)))
        write_json(doc, str(path))
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_per_window_is_one_dict(videos, tmp_path):
    m = stages.decode(videos["clip"], get_settings())
    short, long = _silent_tiled(m, 100), _silent_tiled(m, 1_100)
    _peak_bytes(short, tmp_path / "warm.json")  # first-use caches (seeds, key tables) out of the measurement
    grown = _peak_bytes(long, tmp_path / "long.json") - _peak_bytes(short, tmp_path / "short.json")
    extra = round((1_100 - 100) / FPS / WINDOW_MIN_S)
    windows = json.loads((tmp_path / "long.json").read_text())["windows"]
    assert len(windows) == round(1_100 / FPS / WINDOW_MIN_S)
    assert all(w["camera"]["key"] and w["camera"]["name"] for w in windows)  # the windows written are the annotated ones
    assert grown / extra < MAX_BYTES_PER_WINDOW, f"{grown / extra:.0f} bytes per window"
