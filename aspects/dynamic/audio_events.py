"""What the AudioSet tagger heard in a window: events, class groups, instrument families.

The decode stage keeps the tagger's scores for every 0.96 s patch (every
0.48 s, :mod:`aspects.measure.tagger`). A window's score of a class is the
mean of the patches' probabilities weighted by how long each patch overlaps
the window (patches overlapping by less than :data:`MIN_OVERLAP_S` are left
out, unless none is left: then the patch overlapping most).

Class groups (AudioSet display names, as in ``yamnet_class_map.csv``); a
group's score is the highest score of its classes:

- :data:`SPEECH`: speech of any kind (a voice talking).
- :data:`SINGING`: a voice singing, chanting, rapping or humming.
- :data:`MUSIC`: ``Music``, ``Musical instrument`` and the music genres.
- :data:`INSTRUMENT_FAMILIES`: the AudioSet instrument classes mapped to
  families; a family is heard when its score reaches :data:`INSTRUMENT_MIN`
  and the window holds music (a lone drum-like thud is an effect, not a drum kit).
"""

from __future__ import annotations

import numpy as np

MIN_OVERLAP_S = 0.25
EVENTS_TOP = 5
EVENT_MIN = 0.1  # probability a label needs to be listed among the window's events
INSTRUMENT_MIN = 0.08  # one quantisation step above the floor: the model's 0.094 level counts

SPEECH = ("Speech", "Child speech, kid speaking", "Conversation", "Narration, monologue", "Babbling", "Speech synthesizer", "Whispering")
SINGING = ("Singing", "Choir", "Yodeling", "Chant", "Mantra", "Child singing", "Synthetic singing", "Rapping", "Humming", "A capella", "Vocal music")
MUSIC_GENRES_FIRST, MUSIC_GENRES_LAST = "Pop music", "Scary music"  # a contiguous run in the AudioSet ontology's order
MUSIC = ("Music", "Musical instrument")

INSTRUMENT_FAMILIES: dict[str, tuple[str, ...]] = {
    "drums": (
        "Percussion",
        "Drum kit",
        "Drum machine",
        "Drum",
        "Snare drum",
        "Rimshot",
        "Drum roll",
        "Bass drum",
        "Timpani",
        "Tabla",
        "Cymbal",
        "Hi-hat",
        "Wood block",
        "Tambourine",
        "Rattle (instrument)",
        "Maraca",
        "Gong",
    ),
    "mallets": ("Mallet percussion", "Marimba, xylophone", "Glockenspiel", "Vibraphone", "Steelpan", "Tubular bells"),
    "bass": ("Bass guitar", "Double bass"),
    "guitar": (
        "Plucked string instrument",
        "Guitar",
        "Electric guitar",
        "Acoustic guitar",
        "Steel guitar, slide guitar",
        "Tapping (guitar technique)",
        "Strum",
        "Banjo",
        "Sitar",
        "Mandolin",
        "Zither",
        "Ukulele",
    ),
    "keyboard": ("Keyboard (musical)", "Piano", "Electric piano", "Organ", "Electronic organ", "Hammond organ", "Harpsichord"),
    "synthesizer": ("Synthesizer", "Sampler", "Theremin"),
    "strings": ("Bowed string instrument", "String section", "Violin, fiddle", "Pizzicato", "Cello", "Harp", "Orchestra"),
    "brass": ("Brass instrument", "French horn", "Trumpet", "Trombone"),
    "wind": (
        "Wind instrument, woodwind instrument",
        "Flute",
        "Saxophone",
        "Clarinet",
        "Harmonica",
        "Accordion",
        "Bagpipes",
        "Didgeridoo",
        "Shofar",
    ),
    "voice": SINGING + ("Beatboxing",),
}


class ClassIndex:
    """Column indices of the groups above in a model's label list."""

    def __init__(self, labels: tuple[str, ...]) -> None:
        self.labels = labels
        where = {name: i for i, name in enumerate(labels)}

        def cols(names) -> np.ndarray:
            missing = [n for n in names if n not in where]
            if missing:
                raise ValueError(f"AudioSet classes missing from the class map: {missing}")
            return np.array([where[n] for n in names])

        genres = tuple(labels[where[MUSIC_GENRES_FIRST] : where[MUSIC_GENRES_LAST] + 1])
        self.speech = cols(SPEECH)
        self.singing = cols(SINGING)
        self.music = cols(MUSIC + genres)
        self.families = {family: cols(names) for family, names in INSTRUMENT_FAMILIES.items()}


def window_scores(probs: np.ndarray, patch_start_s: np.ndarray, patch_s: float, start: float, end: float) -> np.ndarray | None:
    """Overlap-weighted mean probability of each class over the patches covering [start, end) s; None without patches.

    ``probs`` [shape=(patches, classes)] 0–1, ``patch_start_s`` [shape=(patches,)] seconds.
    """
    if probs.shape[0] == 0:
        return None
    overlap = np.clip(np.minimum(patch_start_s + patch_s, end) - np.maximum(patch_start_s, start), 0.0, None)
    weights = np.where(overlap >= min(MIN_OVERLAP_S, end - start), overlap, 0.0)
    if not weights.any():
        if not overlap.any():
            return None
        weights = (overlap == overlap.max()).astype(np.float64)
    return (weights @ probs) / weights.sum()


def events(scores: np.ndarray, labels: tuple[str, ...], *, top: int = EVENTS_TOP, min_score: float = EVENT_MIN) -> list[dict]:
    """The ``top`` strongest labels scoring at least ``min_score``: ``[{"label", "score"}]``, strongest first (scores 0–1, 3 decimals)."""
    order = np.argsort(-scores, kind="stable")[:top]
    return [{"label": labels[i], "score": round(float(scores[i]), 3)} for i in order if scores[i] >= min_score]


def group_score(scores: np.ndarray, cols: np.ndarray) -> float:
    """The highest score (0–1) among the classes ``cols``."""
    return float(scores[cols].max()) if cols.size else 0.0


def instruments(scores: np.ndarray, index: ClassIndex, *, min_score: float = INSTRUMENT_MIN) -> list[str]:
    """Instrument families whose score reaches ``min_score``, strongest first."""
    heard = [(group_score(scores, cols), family) for family, cols in index.families.items()]
    return [family for score, family in sorted(heard, key=lambda x: (-x[0], x[1])) if score >= min_score]
