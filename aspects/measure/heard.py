"""What the AudioSet tagger hears, brought to the per-frame primitives (issue 11, session 42).

The per-frame rules (:mod:`aspects.measure.primitive`) tell a ``pluck`` from a ``lead`` or a ``melody`` by the
level course of each note: a pluck dies away (≥ 12 dB/s, ``PLUCK_DECAY_DB_S``). Struck bars and bells die slowly
(FluidR3's vibraphone about 11 dB/s over a 0.45 s note) or ring past a short note's end, and an electric piano falls
3–8 dB/s, so their lines read ``lead`` or ``melody`` though nothing holds them. The tagger names them: YAMNet's mallet,
bell, piano and harpsichord classes score 0.3–0.8 over many lines of a music box, a marimba, tubular bells, steel
drums, a harpsichord or an electric piano, and ≤ 0.18 (median over a line) over every sustained General MIDI
program's lines but a synth bass's, which reads ``bass`` (docs/audio.md, "Struck by ear"). Every instrument those
classes name is struck or plucked and dies away. Session 44: the bar is 0.2 (a bell's chords keep 0.3), and the plucked
strings' classes (banjo, sitar, mandolin, zither, ukulele, harp) join: a banjo's 0.15 s notes ring into the next.
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
    "Piano",
    "Electric piano",
    "Harpsichord",
    "Banjo",
    "Sitar",
    "Mandolin",
    "Zither",
    "Ukulele",
    "Harp",
)  # AudioSet classes of instruments that are struck or plucked and die away: bars, bells, chimes, pianos, harpsichords, plucked strings (not "Guitar" nor "Plucked string instrument": the tagger hears flutes and organs so too)
STRUCK_HEARD = 0.2  # a line is struck by ear where the strongest of STRUCK_CLASSES averages at least this (probability, 0–1)…
STRUCK_SPAN_S = 2.0  # …over the tagger's patches reaching within this many seconds of the frame's middle
LINE_PRIMITIVES = ("lead", "melody")  # the names a struck line takes when its notes' level course does not show it dying away
BELL_CLASSES = ("Tubular bells", "Bell", "Church bell", "Chime", "Wind chime")  # a bell's inharmonic partials count as several notes…
BELL_PRIMITIVES = ("chord",)  # …so its notes read as chords, which are a pluck's notes where the tagger hears a bell…
BELL_HEARD = 0.3  # …averaging at least this (probability, 0–1) over the same patches


def struck_scores(probs: np.ndarray, names: Sequence[str], classes: Sequence[str] = STRUCK_CLASSES) -> np.ndarray:
    """Per patch, the strongest probability among ``classes`` (``probs`` [patches × classes], columns named ``names``)."""
    columns = [names.index(c) for c in classes]
    return probs[:, columns].max(axis=1) if len(probs) else np.zeros(0, np.float32)


def struck_by_ear(
    frame_mid_s: np.ndarray, primitives: np.ndarray, patch_start_s: np.ndarray, patch_s: float, struck: np.ndarray, renamed: Sequence[str] = LINE_PRIMITIVES, bar: float = STRUCK_HEARD
) -> np.ndarray:
    """``primitives`` with each frame named one of ``renamed`` (a ``lead`` or a ``melody``) renamed ``pluck`` where the
    tagger hears a struck instrument around it: the mean of ``struck`` (per patch, :func:`struck_scores`; patches
    starting at ``patch_start_s``, ``patch_s`` long) over the patches reaching within STRUCK_SPAN_S of the frame's
    middle (``frame_mid_s``) is at least ``bar``. Every other name stays."""
    out = np.asarray(primitives, dtype=object).copy()
    line = np.flatnonzero(np.isin(out, renamed))
    if not line.size or not struck.size:
        return out
    mid = np.asarray(frame_mid_s, float)[line]
    # Patches start in order: those reaching into [mid - span, mid + span) are a run of them, summed from running totals.
    a = np.searchsorted(patch_start_s, mid - STRUCK_SPAN_S - patch_s, "right")
    b = np.searchsorted(patch_start_s, mid + STRUCK_SPAN_S, "left")
    total = np.concatenate([[0.0], np.cumsum(struck, dtype=float)])
    mean = np.where(b > a, (total[b] - total[a]) / np.maximum(b - a, 1), 0.0)
    out[line[mean >= bar]] = "pluck"
    return out


def tagged_struck(frame_mid_s: np.ndarray, primitives: np.ndarray, tags: Tags | None, model_dir: str | Path | None = None) -> np.ndarray:
    """:func:`struck_by_ear` over the whole track's ``tags`` (the decode pass's tagger output, its class map in
    ``model_dir``): lines heard as STRUCK_CLASSES, chords heard as a bell (BELL_CLASSES); ``primitives`` as they are
    without tags."""
    if tags is None or not len(tags.codes):
        return np.asarray(primitives, dtype=object)
    probs, names = tags.probabilities(), class_names(model_dir)
    lines = struck_by_ear(frame_mid_s, primitives, tags.patch_start_s, PATCH_S, struck_scores(probs, names))
    return struck_by_ear(frame_mid_s, lines, tags.patch_start_s, PATCH_S, struck_scores(probs, names, BELL_CLASSES), BELL_PRIMITIVES, BELL_HEARD)
