"""Primitives every registry starts with, so a first run already has a vocabulary.

Seeded on first use of a store (:func:`registries.store.ensure_seeded`):
named colours (:func:`registries.naming.color_seeds`), the sound primitives, camera
moves, gradient types, transition types, audio roles, and for each narrative
aspect a starting vocabulary with common synonyms. A seed's key is exactly the
key a *pure* measured value gets (``static``, ``cut``, ``silence``…), so such a
value lands on its seed; qualified values (``pan_left.slow``) are their own
entries whose ``depth_breakdown`` points at the primitive.
"""

from __future__ import annotations

from aspects.measure.primitive import PRIMITIVES
from aspects.narrative import normalise_word
from aspects.vocabulary import VOCABULARY
from registries.naming import color_seeds

SEED_VERSION = 3  # 2: static.sound seeded with every sound primitive (field "primitive"); 3: the audio role "singing"

SOUND_PRIMITIVES = PRIMITIVES  # the seed's beat-level vocabulary, the pure noises and the fallbacks (aspects.measure.primitive)
CAMERA_MOVES = ("static", "pan_left", "pan_right", "tilt_up", "tilt_down", "zoom_in", "zoom_out", "handheld")
GRADIENT_TYPES = ("none", "vertical", "horizontal", "diagonal", "radial")
TRANSITION_TYPES = ("cut", "fade_in", "fade_out", "dissolve", "wipe")
AUDIO_ROLES = ("silence", "speech", "singing", "music", "ambient", "sfx")

# Word primitives: aspect → (field the word fills, words).
WORD_PRIMITIVES: dict[str, tuple[str, tuple[str, ...]]] = {
    "static.sound": ("primitive", SOUND_PRIMITIVES),
    "dynamic.camera": ("motion_type", CAMERA_MOVES),
    "dynamic.gradient": ("gradient_type", GRADIENT_TYPES),
    "dynamic.transition": ("type", TRANSITION_TYPES),
    "dynamic.audio_semantic": ("role", AUDIO_ROLES),
}


def seeds(aspect: str) -> dict[str, tuple[str, dict]]:
    """Every seeded entry of ``aspect`` as ``{key: (name, fields)}`` (empty for aspects without primitives)."""
    if aspect == "static.color":
        return color_seeds()
    if aspect in WORD_PRIMITIVES:
        field, words = WORD_PRIMITIVES[aspect]
        return {w: (w, {field: w}) for w in words}
    registry, name = aspect.split(".", 1)
    if registry == "narrative":
        return {(v := normalise_word(value)): (v, {"value": v}) for value in VOCABULARY[name]}
    return {}
