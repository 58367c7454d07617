"""Where the analysis document's values are, and their keys and names.

:func:`iter_values` walks an analysis document (DESIGN §3) and yields every
value the registries hold, with its aspect: each frame's colour and sound,
each window's dynamic aspects, each transition, the blends, the spec's
audio (``spec_audio``, a spec-sourced ``dynamic.audio_semantic`` value), each
narrative value. Null or missing parts are skipped, extra fields are ignored.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from aspects.frame_rows import FrameRows
from aspects.settings import Settings, get_settings
from registries.keys import canonical
from registries.model import NARRATIVE_ASPECTS, WINDOW_ASPECTS
from registries.naming import plan_names
from registries.seeds import seeds
from registries.store import known_names


def iter_values(document: dict) -> Iterator[tuple[str, dict]]:
    """``(aspect, value dict)`` for every registry value in ``document``; the dicts are the document's own."""
    for frame in document.get("frames") or ():
        if isinstance(frame.get("color"), dict):
            yield "static.color", frame["color"]
        if isinstance(frame.get("sound"), dict):
            yield "static.sound", frame["sound"]
    for window in document.get("windows") or ():
        for name in WINDOW_ASPECTS:
            if isinstance(window.get(name), dict):
                yield f"dynamic.{name}", window[name]
    for transition in document.get("transitions") or ():
        if isinstance(transition, dict):
            yield "dynamic.transition", transition
    if isinstance(document.get("blends"), dict) and document["blends"]:
        yield "dynamic.blends", document["blends"]
    if isinstance(document.get("spec_audio"), dict):
        yield "dynamic.audio_semantic", document["spec_audio"]
    narrative = document.get("narrative") or {}
    for name in NARRATIVE_ASPECTS:
        for value in narrative.get(name) or ():
            yield f"narrative.{name}", {"value": value}


def tally(document: dict) -> dict[tuple[str, str], tuple[int, dict]]:
    """``{(aspect, key): (count, fields)}``: how many frames / windows / items of the document have each key."""
    out: dict[tuple[str, str], tuple[int, dict]] = {}
    for aspect, value in iter_values(document):
        key, fields = canonical(aspect, value)
        count = out.get((aspect, key), (0, fields))[0]
        out[(aspect, key)] = (count + 1, fields)
    return out


def resolve_names(keys: dict[tuple[str, str], dict], known: dict[str, dict[str, str]]) -> dict[tuple[str, str], str]:
    """Name of every ``(aspect, key)``: the known name, else the one it would get now (see :func:`plan_names`).

    ``keys`` maps ``(aspect, key)`` to its fields; ``known`` is ``{aspect: {key: name}}``.
    """
    names = {}
    by_aspect: dict[str, dict[str, dict]] = {}
    for (aspect, key), fields in keys.items():
        if key in known[aspect]:
            names[(aspect, key)] = known[aspect][key]
        else:
            by_aspect.setdefault(aspect, {})[key] = fields
    for aspect, new in by_aspect.items():
        planned = plan_names(aspect, new, set(known[aspect].values()))
        names.update({(aspect, key): name for key, name in planned.items()})
    return names


def annotate(document: dict, *, settings: Settings | None = None) -> dict:
    """Fill ``key`` and ``name`` into every value of ``document`` (in place; also returned). Writes nothing.

    Keys are computed offline. A name is the registry's when the store (if
    any) knows the key; otherwise the name the key would get if learnt now
    (seeded public names, then the deterministic generated name). Palette
    colours and the dominant colour of the blends are annotated as colours.
    """
    settings = settings or get_settings()
    frames = document.get("frames")
    rows = frames if isinstance(frames, FrameRows) else None
    values = list(iter_values(dict(document, frames=()) if rows is not None else document))
    blends = b if isinstance(b := document.get("blends"), dict) else {}
    colors = [c for c in (blends.get("palette") or []) if isinstance(c, dict)]
    if isinstance(blends.get("dominant_color"), dict):
        colors.append(blends["dominant_color"])
    values += [("static.color", c) for c in colors]
    keyed = [(aspect, value, *canonical(aspect, value)) for aspect, value in values]
    row_keys = _row_keys(rows) if rows is not None else {}
    aspects = {aspect for aspect, *_ in keyed} | {aspect for aspect, (_, fields) in row_keys.items() if fields}
    known = known_names(settings, aspects)
    if known is None:
        known = {aspect: {key: name for key, (name, _) in seeds(aspect).items()} for aspect in aspects}
    # the frames' keys first, in frame order, as when the frames were a list: new names are planned in this order
    every_key = {(aspect, key): fields for aspect, (_, by_key) in row_keys.items() for key, fields in by_key.items()}
    every_key.update({(aspect, key): fields for aspect, _, key, fields in keyed})
    names = resolve_names(every_key, known)
    for aspect, value, key, _ in keyed:
        value["key"] = key
        value["name"] = names[(aspect, key)]
    for aspect, (codes, by_key) in row_keys.items():
        assert rows is not None
        rows.set_names(aspect, codes, [(key, names[(aspect, key)]) for key in by_key])
    return document


def _row_keys(rows: FrameRows) -> dict[str, tuple[np.ndarray, dict[str, dict]]]:
    """Per frame aspect: the code of each frame's key (−1: no value) and the distinct keys with their fields, in code order."""
    out = {}
    for aspect in ("static.color", "static.sound"):
        codes = np.full(len(rows), -1, dtype=np.int32)
        by_key: dict[str, dict] = {}
        code_of: dict[str, int] = {}
        for position, value in rows.values(aspect):
            key, fields = canonical(aspect, value)
            code = code_of.get(key)
            if code is None:
                code = code_of[key] = len(by_key)
            by_key[key] = fields  # the last value's fields, as for a list of frames
            codes[position] = code
        out[aspect] = (codes, by_key)
    return out
