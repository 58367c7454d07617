"""What the AudioSet tagger hears, brought to the per-frame primitives (issue 11, session 42).

The per-frame rules (:mod:`aspects.measure.primitive`) tell a ``pluck`` from a ``lead`` or a ``melody`` by the
level course of each note: a pluck dies away (≥ 12 dB/s, ``PLUCK_DECAY_DB_S``). Struck bars and bells die slowly
(FluidR3's vibraphone about 11 dB/s over a 0.45 s note) or ring past a short note's end, so their lines read ``lead``
or ``melody`` though nothing holds them. The tagger names them: YAMNet's mallet and bell classes score 0.3–0.8 over
lines of a music box, a vibraphone, a marimba, tubular bells or steel drums, and ≤ 0.1 over every sustained General
MIDI program's lines (docs/audio.md, "Struck by ear"). Every instrument those classes name is struck and dies away.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from aspects.measure.tagger import PATCH_S, Tags, class_names

STRUCK_CLASSES = (
    "Mallet percussion",
    "Marimba, xylophone",
    "Glockenspiel",
    "Vibraphone",
    "Steelpan",
    "Tubular bells",
    "Bell",
    "Church bell",
    "Chime",
    "Wind chime",
)  # AudioSet classes of instruments that are struck and die away: bars, bells, chimes
STRUCK_HEARD = 0.3  # a line is struck by ear where the strongest of STRUCK_CLASSES averages at least this (probability, 0–1)…
STRUCK_SPAN_S = 2.0  # …over the tagger's patches reaching within this many seconds of the frame's middle
LINE_PRIMITIVES = ("lead", "melody")  # the names a struck line takes when its notes' level course does not show it dying away


def struck_scores(probs: np.ndarray, names: Sequence[str]) -> np.ndarray:
    """Per patch, the strongest probability among STRUCK_CLASSES (``probs`` [patches × classes], columns named ``names``)."""
    columns = [names.index(c) for c in STRUCK_CLASSES]
    return probs[:, columns].max(axis=1) if len(probs) else np.zeros(0, np.float32)


def struck_by_ear(frame_mid_s: np.ndarray, primitives: np.ndarray, patch_start_s: np.ndarray, patch_s: float, struck: np.ndarray) -> np.ndarray:
    """``primitives`` with each ``lead`` or ``melody`` frame renamed ``pluck`` where the tagger hears a struck
    instrument around it: the mean of ``struck`` (per patch, :func:`struck_scores`; patches starting at
    ``patch_start_s``, ``patch_s`` long) over the patches reaching within STRUCK_SPAN_S of the frame's middle
    (``frame_mid_s``) is at least STRUCK_HEARD. Drum hits, chords, pads and everything else keep their names."""
    out = np.asarray(primitives, dtype=object).copy()
    line = np.flatnonzero(np.isin(out, LINE_PRIMITIVES))
    if not line.size or not struck.size:
        return out
    mid = np.asarray(frame_mid_s, float)[line]
    # Patches start in order: those reaching into [mid - span, mid + span) are a run of them, summed from running totals.
    a = np.searchsorted(patch_start_s, mid - STRUCK_SPAN_S - patch_s, "right")
    b = np.searchsorted(patch_start_s, mid + STRUCK_SPAN_S, "left")
    total = np.concatenate([[0.0], np.cumsum(struck, dtype=float)])
    mean = np.where(b > a, (total[b] - total[a]) / np.maximum(b - a, 1), 0.0)
    out[line[mean >= STRUCK_HEARD]] = "pluck"
    return out


def tagged_struck(frame_mid_s: np.ndarray, primitives: np.ndarray, tags: Tags | None, model_dir: str | Path | None = None) -> np.ndarray:
    """:func:`struck_by_ear` over the whole track's ``tags`` (the decode pass's tagger output, its class map in
    ``model_dir``); ``primitives`` as they are without tags."""
    if tags is None or not len(tags.codes):
        return np.asarray(primitives, dtype=object)
    return struck_by_ear(frame_mid_s, primitives, tags.patch_start_s, PATCH_S, struck_scores(tags.probabilities(), class_names(model_dir)))
