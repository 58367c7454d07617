"""The registry model (DESIGN §4): three registries, each a set of aspects.

An aspect is named ``registry.aspect`` everywhere (CLI, DuckDB, JSON files):
``static.color``, ``dynamic.camera``, ``narrative.genre``.
"""

from __future__ import annotations

from aspects.errors import AspectsError
from aspects.narrative import NARRATIVE_ASPECTS

REGISTRIES: dict[str, tuple[str, ...]] = {
    "static": ("color", "sound"),
    "dynamic": (
        "time",
        "motion",
        "camera",
        "gradient",
        "lighting",
        "composition",
        "graphics",
        "temporal",
        "technical",
        "transition",
        "depth",
        "audio_semantic",
        "blends",
    ),
    "narrative": NARRATIVE_ASPECTS,
}

ASPECTS: tuple[str, ...] = tuple(f"{registry}.{name}" for registry, names in REGISTRIES.items() for name in names)

# Dynamic aspects measured once per window (the others: one item per transition, one blend per video).
WINDOW_ASPECTS: tuple[str, ...] = tuple(a for a in REGISTRIES["dynamic"] if a not in ("transition", "blends"))


def split_aspect(aspect: str) -> tuple[str, str]:
    """``"dynamic.camera"`` → ``("dynamic", "camera")``; an unknown aspect is a clear error."""
    if aspect not in ASPECTS:
        raise AspectsError(f"unknown aspect {aspect!r}; known aspects: {', '.join(ASPECTS)}")
    registry, name = aspect.split(".", 1)
    return registry, name
