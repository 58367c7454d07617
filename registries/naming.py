"""Names for registry entries.

- Colours near a public colour name take that name. The public names are the
  CSS4 colour keywords and the XKCD colour survey names (CC0), both shipped
  with matplotlib (``matplotlib.colors.CSS4_COLORS``, ``XKCD_COLORS``) and
  copied from it into ``public_colors.json`` beside this module (importing
  matplotlib costs a second of every run; ``python -m registries.naming``
  rewrites the copy, a test holds it equal to matplotlib's);
  "near" is CIEDE2000 ≤ :data:`NEAR_DELTA_E` between the key's representative
  colour and the named colour.
- Anything else gets a short pronounceable name generated from a stable hash
  (BLAKE2b) of ``aspect`` and ``key``, so every machine that meets a key first
  names it the same way. Python's salted ``hash()`` is never used.
- Names are unique within an aspect and never change once given. A collision
  (the name is already taken in that aspect) is resolved deterministically by
  trying the next public candidate, then the hash of ``key#1``, ``key#2``…
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

import numpy as np
from skimage.color import deltaE_ciede2000, rgb2lab

from registries.keys import color_fields_from_lch, color_key_of, lch_to_lab

NEAR_DELTA_E = 5.0  # CIEDE2000: about the difference people notice side by side without hesitation
# An achromatic key (chroma rounds to 0) is named only after a public colour that is itself
# neutral: at most this CIELAB chroma, so a plain grey is never called "warm grey" (C* 6.3).
NEUTRAL_MAX_CHROMA = 2.5

# The eleven basic colour terms (Berlin & Kay), as the XKCD survey's answers for them:
# a colour's depth_breakdown is its weights over the nearest two of these.
PRIMARY_NAMES = ("black", "white", "grey", "red", "orange", "yellow", "green", "blue", "purple", "pink", "brown")

ONSETS = "bdfgklmnprstvz"
VOWELS = "aeiou"
CODAS = ("", "", "n", "r", "l", "s")


PUBLIC_COLORS_TABLE = Path(__file__).with_name("public_colors.json")


def public_color_table_from_matplotlib() -> dict:
    """The public colour lists as matplotlib ships them: what ``public_colors.json`` holds.

    ``names`` in priority order (CSS4, then XKCD minus names CSS4 already
    has), ``rgb`` their sRGB in 0–1 (``matplotlib.colors.to_rgb``),
    ``css4_count`` how many of them are CSS4, ``primary_rgb`` the XKCD
    survey's colour of each of :data:`PRIMARY_NAMES`.
    """
    from matplotlib.colors import CSS4_COLORS, XKCD_COLORS, to_rgb

    names: list[str] = []
    rgbs: list[tuple[float, float, float]] = []
    for name, spec in list(CSS4_COLORS.items()) + [(n.removeprefix("xkcd:"), s) for n, s in XKCD_COLORS.items()]:
        if name in names:
            continue
        names.append(name)
        rgbs.append(to_rgb(spec))
    primary = [to_rgb(XKCD_COLORS[f"xkcd:{n}"]) for n in PRIMARY_NAMES]
    return {"names": names, "rgb": [list(c) for c in rgbs], "css4_count": len(CSS4_COLORS), "primary_rgb": [list(c) for c in primary]}


@lru_cache(maxsize=1)
def public_color_table() -> dict:
    """:func:`public_color_table_from_matplotlib`, read from the copy shipped beside this module."""
    return json.loads(PUBLIC_COLORS_TABLE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def public_colors() -> tuple[tuple[str, ...], np.ndarray]:
    """Public colour names in priority order (CSS4, then XKCD minus names CSS4 already has) and their L*a*b*.

    Returns ``(names, lab)`` with ``lab`` of shape (n, 3).
    """
    table = public_color_table()
    return tuple(table["names"]), rgb2lab(np.array([table["rgb"]]))[0]


@lru_cache(maxsize=1)
def primary_colors() -> tuple[tuple[str, ...], np.ndarray]:
    """The basic colour terms and their L*a*b* (XKCD survey colours)."""
    return PRIMARY_NAMES, rgb2lab(np.array([public_color_table()["primary_rgb"]]))[0]


def color_lab(fields: dict) -> np.ndarray:
    """L*a*b* of a colour key's representative (the centre of its CIELCh bin)."""
    return lch_to_lab(fields["L"], fields["C"], fields.get("h", 0))


def delta_e(lab: np.ndarray, others: np.ndarray) -> np.ndarray:
    """CIEDE2000 between one L*a*b* colour and each row of ``others`` (shape (n, 3))."""
    return deltaE_ciede2000(np.broadcast_to(lab, others.shape), others)


@lru_cache(maxsize=1)
def color_seeds() -> dict[str, tuple[str, dict]]:
    """Seeded colour entries: ``{key: (public name, fields)}``, one per colour key that a public name falls in.

    Within one key the name is chosen CSS4 before XKCD, then nearest to the
    key's representative (CIEDE2000), then alphabetically; the other names of
    that key stay free for nearby keys.
    """
    names, lab = public_colors()
    n_css = public_color_table()["css4_count"]
    members: dict[str, list[int]] = {}
    fields_of: dict[str, dict] = {}
    for i, (lightness, a, b) in enumerate(lab):
        fields = color_fields_from_lch(lightness, float(np.hypot(a, b)), float(np.degrees(np.arctan2(b, a)) % 360.0))
        key = color_key_of(fields)
        members.setdefault(key, []).append(i)
        fields_of[key] = fields
    seeds = {}
    for key in sorted(members):
        idx = members[key]
        if fields_of[key]["C"] == 0:
            idx = [i for i in idx if _is_neutral(lab[i])]
            if not idx:  # only tinted names fall in this grey: give it a neutral one
                seeds[key] = (neutral_name(fields_of[key]), fields_of[key])
                continue
        d = delta_e(color_lab(fields_of[key]), lab[idx])
        best = min(range(len(idx)), key=lambda j: (idx[j] >= n_css, round(float(d[j]), 6), names[idx[j]]))
        seeds[key] = (names[idx[best]], fields_of[key])
    return seeds


def color_candidates(fields: dict) -> list[str]:
    """Public names within :data:`NEAR_DELTA_E` of a colour key's representative, nearest first."""
    names, lab = public_colors()
    d = delta_e(color_lab(fields), lab)
    near: np.ndarray | list[np.intp] = np.flatnonzero(d <= NEAR_DELTA_E)
    if fields["C"] == 0:
        near = [i for i in near if _is_neutral(lab[i])]
    return [names[i] for i in sorted(near, key=lambda i: (round(float(d[i]), 6), i))]


def _is_neutral(lab: np.ndarray) -> bool:
    """True for a public colour with chroma at most :data:`NEUTRAL_MAX_CHROMA` (a grey, black or white)."""
    return float(np.hypot(lab[1], lab[2])) <= NEUTRAL_MAX_CHROMA


def neutral_name(fields: dict) -> str:
    """The name of an achromatic key no neutral public name is near: ``neutral grey 60`` (its lightness step)."""
    return f"neutral grey {fields['L']}"


def generated_name(aspect: str, key: str, attempt: int = 0) -> str:
    """A short pronounceable name from BLAKE2b of ``aspect``, ``key`` (and ``attempt`` after a collision).

    Three consonant-vowel syllables and an optional final consonant, e.g.
    ``"kodari"``, ``"velunos"``: about 1.7 million different names, so
    collisions stay rare in registries of thousands of entries.
    """
    salt = "" if attempt == 0 else f"#{attempt}"
    n = int.from_bytes(hashlib.blake2b(f"{aspect}\0{key}{salt}".encode(), digest_size=8).digest(), "big")
    parts = []
    for _ in range(3):
        n, onset = divmod(n, len(ONSETS))
        n, vowel = divmod(n, len(VOWELS))
        parts.append(ONSETS[onset] + VOWELS[vowel])
    n, coda = divmod(n, len(CODAS))
    return "".join(parts) + CODAS[coda]


def first_free_name(aspect: str, key: str, fields: dict, used: set[str]) -> str:
    """The name a new entry gets given the names already ``used`` in its aspect (deterministic).

    Narrative values are named after themselves; colours take the nearest free
    public name within reach; everything else (and any colour without one)
    gets :func:`generated_name`, re-hashed until it is free.
    """
    if aspect.startswith("narrative.") and fields["value"] not in used:
        return fields["value"]
    if aspect == "static.color":
        for name in color_candidates(fields):
            if name not in used:
                return name
        if fields["C"] == 0 and neutral_name(fields) not in used:
            return neutral_name(fields)
    attempt = 0
    while (name := generated_name(aspect, key, attempt)) in used:
        attempt += 1
    return name


def plan_names(aspect: str, new: dict[str, dict], used: set[str]) -> dict[str, str]:
    """Names for the ``new`` keys (``{key: fields}``) of one aspect, given in sorted key order.

    Sorting makes the result independent of the order values were met in.
    ``used`` is updated with the names given.
    """
    names = {}
    for key in sorted(new):
        names[key] = first_free_name(aspect, key, new[key], used)
        used.add(names[key])
    return names


def color_breakdown(fields: dict) -> dict[str, float]:
    """Weights (summing to 1) of a colour over its two nearest basic colour terms, by inverse CIEDE2000."""
    names, lab = primary_colors()
    d = delta_e(color_lab(fields), lab)
    order = np.argsort(d, kind="stable")[:2]
    if d[order[0]] < 1.0:
        return {names[order[0]]: 1.0}
    inv = 1.0 / d[order]
    return {names[i]: round(float(w), 3) for i, w in zip(order, inv / inv.sum())}


PRIMITIVE_FIELD = {
    "static.sound": "primitive",
    "dynamic.camera": "motion_type",
    "dynamic.gradient": "gradient_type",
    "dynamic.transition": "type",
    "dynamic.audio_semantic": "role",
}


def depth_breakdown(aspect: str, fields: dict) -> dict[str, float] | None:
    """Weights of the primitives an entry blends, or None where the aspect has no primitives.

    Colours: over the nearest basic colour terms. Sounds, camera moves,
    gradients, transitions, audio roles: the one primitive they are a case of.
    Blends: the palette's colour breakdowns weighted by share.
    """
    if aspect == "static.color":
        return color_breakdown(fields)
    if aspect == "dynamic.audio_semantic" and fields.get("layers"):  # a voice over music blends its layers equally
        layers = fields["layers"].split("+")
        return {layer: round(1.0 / len(layers), 3) for layer in layers}
    if aspect in PRIMITIVE_FIELD:
        return {fields[PRIMITIVE_FIELD[aspect]]: 1.0}
    if aspect == "dynamic.blends" and fields["palette"]:
        total = sum(p["share_pct"] for p in fields["palette"]) or 1
        mix: dict[str, float] = {}
        for part in fields["palette"]:
            for name, w in color_breakdown(_lch_of_color_key(part["color"])).items():
                mix[name] = mix.get(name, 0.0) + w * part["share_pct"] / total
        return {name: round(w, 3) for name, w in sorted(mix.items(), key=lambda kv: -kv[1])}
    return None


def _lch_of_color_key(key: str) -> dict:
    """``{"L", "C", "h"}`` back from a colour key like ``L50-C105-h45`` (palettes store keys only)."""
    parts = {p[0]: int(p[1:]) for p in key.split("-")}
    return {"L": parts["L"], "C": parts["C"], "h": parts.get("h", 0)}


if __name__ == "__main__":
    PUBLIC_COLORS_TABLE.write_text(json.dumps(public_color_table_from_matplotlib(), indent=0) + "\n", encoding="utf-8")
    print(f"wrote {PUBLIC_COLORS_TABLE}")
