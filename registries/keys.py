"""Canonical, quantised keys: one per registry entry.

A key is the quantised form of a value, so that values a person would call the
same share an entry and clearly different ones do not. Every aspect has one
function here that turns a measured value (a dict from the analysis document,
DESIGN §3) into its key and *fields*: the quantised parts, in a fixed order
(the key joins them with ``.``; colour keys read ``L50-C105-h45``). The
fields are what the registry stores as the entry's value, so an entry's value
depends on its key alone, never on which video happened to bring it first.

Each function documents its key. Missing or null fields quantise to ``na``
(the analysis may add fields over time; a key never crashes on their absence).
Where a value is *pure* (a static camera, a cut, silence), the key collapses
to the bare primitive word, which is exactly the key of the seeded primitive.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import lru_cache

import numpy as np
from skimage.color import lab2rgb, rgb2lab

from aspects.errors import AspectsError
from aspects.narrative import NARRATIVE_ASPECTS, normalise_word

NA = "na"

# CIELCh quantisation steps for colour keys (L in 0–100, C ≈ 0–135, h in degrees).
L_STEP = 10
C_STEP = 15
H_STEP = 15
# At low chroma hue is barely visible, so it is binned more coarsely there.
H_STEP_LOW_CHROMA = 30
OPACITY_STEP = 0.25

# Motion level (mean absolute luma change, 0–255) and pacing (cuts per minute) bands, shared by windows and blends.
MOTION_EDGES, MOTION_LABELS = (0.5, 3.0, 10.0, 30.0), ("still", "low", "medium", "high", "extreme")
PACING_EDGES, PACING_LABELS = (0.5, 6.0, 20.0, 60.0), ("none", "slow", "moderate", "fast", "frantic")


def _word(value: object) -> str:
    """A closed-vocabulary word as a key part (``"Pan Left"`` → ``"pan_left"``); null → ``na``."""
    if value is None or value == "":
        return NA
    return normalise_word(value).replace(" ", "_") or NA


def _number(value: object) -> float | None:
    """A finite float, or None for null / NaN / non-numbers."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def _band(value: object, edges: tuple[float, ...], labels: tuple[str, ...]) -> str:
    """``labels[i]`` for the first ``edges[i]`` that ``value`` is below (last label above all); null → ``na``."""
    x = _number(value)
    if x is None:
        return NA
    for edge, label in zip(edges, labels):
        if x < edge:
            return label
    return labels[len(edges)]


def round_to(x: float, step: float) -> float:
    """``x`` to the nearest multiple of ``step``, halves away from zero for x ≥ 0 (Python's ``round`` goes to even)."""
    return math.floor(x / step + 0.5) * step


def _join(fields: dict) -> str:
    return ".".join(str(v) for v in fields.values())


# ---------------------------------------------------------------- static.color


@lru_cache(maxsize=65536)  # frames repeat their dominant colour; skimage's per-call overhead dominates
def rgb_to_lch(r: float, g: float, b: float) -> tuple[float, float, float]:
    """sRGB 0–255 → CIE L*C*h° (D65): L 0–100, C ≥ 0, h in [0, 360) degrees."""
    lab = rgb2lab(np.array([[[r, g, b]]], dtype=np.float64) / 255.0)[0, 0]
    return float(lab[0]), float(math.hypot(lab[1], lab[2])), float(math.degrees(math.atan2(lab[2], lab[1])) % 360.0)


def lch_to_lab(lightness: float, chroma: float, hue_deg: float) -> np.ndarray:
    """CIE L*C*h° → L*a*b* as a length-3 array."""
    h = math.radians(hue_deg)
    return np.array([lightness, chroma * math.cos(h), chroma * math.sin(h)])


def color_fields_from_lch(lightness: float, chroma: float, hue_deg: float, opacity: float = 1.0) -> dict:
    """Quantised colour fields of an L*C*h° colour (see :func:`color_fields`)."""
    lq = int(min(100, max(0, round_to(lightness, L_STEP))))
    cq = int(round_to(chroma, C_STEP))
    fields: dict = {"L": lq, "C": cq}
    if cq:
        step = H_STEP_LOW_CHROMA if cq <= C_STEP else H_STEP
        fields["h"] = int(round_to(hue_deg, step)) % 360
    alpha = round_to(max(0.0, min(1.0, opacity)), OPACITY_STEP)
    if alpha < 1.0:
        fields["alpha"] = alpha
    r, g, b = bin_rgb(lq, cq, fields.get("h", 0))
    return {**fields, "r": r, "g": g, "b": b}


@lru_cache(maxsize=4096)
def bin_rgb(lightness: int, chroma: int, hue_deg: int) -> tuple[int, int, int]:
    """The representative sRGB colour (0–255, clipped to the gamut) of a CIELCh bin centre."""
    rep = lab2rgb(lch_to_lab(lightness, chroma, hue_deg)[None, None, :])[0, 0]
    r, g, b = (int(round(float(c) * 255)) for c in rep)
    return r, g, b


def color_key_of(fields: dict) -> str:
    parts = [f"L{fields['L']}", f"C{fields['C']}"]
    if "h" in fields:
        parts.append(f"h{fields['h']}")
    if "alpha" in fields:
        parts.append(f"a{int(round(fields['alpha'] * 100))}")
    return "-".join(parts)


def color_fields(value: dict) -> tuple[str, dict]:
    """Key of a frame colour ``{r, g, b, opacity}``: CIELCh bins, e.g. ``L50-C105-h45``.

    The colour is converted from sRGB to CIE L*C*h° (perceptual: equal steps
    look roughly equally different) and rounded to L steps of 10, chroma steps
    of 15 and hue steps of 15° (30° at chroma 15, where hue barely shows).
    Chroma that rounds to 0 (greys, black, white) drops the hue. Opacity is
    rounded to quarters and appears as ``-a50`` only when below 1. The fields
    also carry the bin's representative sRGB colour (``r, g, b``).
    """
    r, g, b = (_number(value.get(c)) for c in ("r", "g", "b"))
    if r is None or g is None or b is None:
        raise AspectsError(f"colour value without r, g, b: {value!r}")
    opacity = _number(value.get("opacity"))
    fields = color_fields_from_lch(*rgb_to_lch(r, g, b), opacity=1.0 if opacity is None else opacity)
    return color_key_of(fields), fields


# ---------------------------------------------------------------- static.sound


def sound_fields(value: dict) -> tuple[str, dict]:
    """Key of a frame sound: ``primitive.band.strength``, e.g. ``kick.low.loud``, ``hum.low.quiet``; silence is just ``silence``.

    ``primitive`` is what the sound is (a kick, a pad, speech, a hum…: docs/audio.md), ``band`` the tone band
    (low / mid / high; ``broadband`` for noisy timbre), ``strength`` the perceived loudness ``weight``
    (0–1 ≙ −70…0 LUFS) in bands faint < 0.3 ≤ quiet < 0.55 ≤ moderate < 0.8 ≤ loud.
    A sound taken from the spec (``source: spec``, a video without audio) is ``spec.<primitive>``, e.g. ``spec.music``.
    """
    if value.get("source") == "spec":  # a video without audio: the sound its spec states (aspects.spec_audio)
        primitive = _word(value.get("primitive"))
        return f"spec.{primitive}", {"source": "spec", "primitive": primitive}
    primitive = _word(value.get("primitive"))
    if primitive == "silence" or value.get("tone") == "silent":
        return "silence", {"primitive": "silence"}
    # The strongest frequency of noise jumps from frame to frame, and the
    # primitive already says where noise sits (rumble low, hiss broadband/high).
    band = "broadband" if value.get("timbre") == "noisy" else _word(value.get("tone"))
    fields = {
        "primitive": primitive,
        "band": band,
        "strength": _band(value.get("weight"), (0.3, 0.55, 0.8), ("faint", "quiet", "moderate", "loud")),
    }
    return _join(fields), fields


# ---------------------------------------------------------------- dynamic


def time_fields(value: dict) -> tuple[str, dict]:
    """Key of a window's time: ``fps<rounded fps>.<sync>``, e.g. ``fps30.synced``.

    ``sync`` is ``synced`` when audio and video start within 45 ms (the usual
    lip-sync tolerance), ``audio_late`` / ``audio_early`` beyond it, and
    ``no_audio`` when there is no offset to measure.
    """
    fps = _number(value.get("fps"))
    offset = _number(value.get("sync_offset_s"))
    if offset is None:
        sync = "no_audio"
    elif abs(offset) <= 0.045:
        sync = "synced"
    else:
        sync = "audio_late" if offset > 0 else "audio_early"
    fields = {"fps": f"fps{int(round_to(fps, 1))}" if fps is not None else NA, "sync": sync}
    return _join(fields), fields


def motion_fields(value: dict) -> tuple[str, dict]:
    """Key of a window's motion: ``level.direction.trend.rhythm``, e.g. ``low.horizontal.steady.steady``.

    ``level`` (mean absolute luma change, 0–255) in bands still < 0.5 ≤ low < 3
    ≤ medium < 10 ≤ high < 30 ≤ extreme; the others are their closed-vocabulary words.
    """
    fields = {
        "level": _band(value.get("level"), MOTION_EDGES, MOTION_LABELS),
        "direction": _word(value.get("direction")),
        "trend": _word(value.get("trend")),
        "rhythm": _word(value.get("rhythm")),
    }
    return _join(fields), fields


def camera_fields(value: dict) -> tuple[str, dict]:
    """Key of a window's camera: ``motion_type.speed``, e.g. ``pan_left.slow``; a still camera is just ``static``.

    ``speed`` (frame widths, or scale, per second) in bands slow < 0.05 ≤ medium < 0.25 ≤ fast.
    """
    motion_type = _word(value.get("motion_type"))
    if motion_type == "static":
        return "static", {"motion_type": "static"}
    fields = {"motion_type": motion_type, "speed": _band(value.get("speed"), (0.05, 0.25), ("slow", "medium", "fast"))}
    return _join(fields), fields


def gradient_fields(value: dict) -> tuple[str, dict]:
    """Key of a window's gradient: ``type.strength``, e.g. ``vertical.strong``; no gradient is just ``none``.

    ``strength`` (0–1) in bands weak < 0.33 ≤ moderate < 0.66 ≤ strong.
    """
    gradient_type = _word(value.get("gradient_type"))
    if gradient_type == "none":
        return "none", {"gradient_type": "none"}
    fields = {"gradient_type": gradient_type, "strength": _band(value.get("strength"), (0.33, 0.66), ("weak", "moderate", "strong"))}
    return _join(fields), fields


def lighting_fields(value: dict) -> tuple[str, dict]:
    """Key of a window's lighting: ``brightness.contrast.saturation.temperature.key_intensity.trend``.

    e.g. ``bright.normal.vivid.warm.high_key.steady``. Brightness (mean luma,
    0–1) dark < 0.25 ≤ dim < 0.45 ≤ mid < 0.65 ≤ bright; contrast (luma std /
    127.5, 0–1) flat < 0.12 ≤ normal < 0.4 ≤ high; saturation (0–1) grey < 0.1
    ≤ muted < 0.35 ≤ vivid; temperature (warm / neutral / cool), key intensity
    and trend are their words.
    """
    fields = {
        "brightness": _band(value.get("brightness"), (0.25, 0.45, 0.65), ("dark", "dim", "mid", "bright")),
        "contrast": _band(value.get("contrast"), (0.12, 0.4), ("flat", "normal", "high")),
        "saturation": _band(value.get("saturation"), (0.1, 0.35), ("grey", "muted", "vivid")),
        "temperature": _word(value.get("color_temperature")),
        "key_intensity": _word(value.get("key_intensity")),
        "trend": _word(value.get("trend")),
    }
    return _join(fields), fields


def composition_fields(value: dict) -> tuple[str, dict]:
    """Key of a window's composition: ``<row>_<column>.symmetry``, e.g. ``middle_center.symmetric``.

    The centre of visual mass (0–1 each way) falls in a rule-of-thirds cell
    (top / middle / bottom × left / center / right); symmetry (0–1) in bands
    asymmetric < 0.5 ≤ balanced < 0.8 ≤ symmetric.
    """
    column = _band(value.get("center_x"), (1 / 3, 2 / 3), ("left", "center", "right"))
    row = _band(value.get("center_y"), (1 / 3, 2 / 3), ("top", "middle", "bottom"))
    fields = {
        "cell": f"{row}_{column}",
        "symmetry": _band(value.get("symmetry"), (0.5, 0.8), ("asymmetric", "balanced", "symmetric")),
    }
    return _join(fields), fields


def graphics_fields(value: dict) -> tuple[str, dict]:
    """Key of a window's graphics: ``edges.busyness``, e.g. ``sparse.calm``.

    Edge density (share of edge pixels, 0–1) in bands plain < 0.02 ≤ sparse <
    0.08 ≤ detailed < 0.2 ≤ dense; busyness (share of busy blocks, 0–1) in bands calm <
    0.33 ≤ moderate < 0.66 ≤ busy.
    """
    fields = {
        "edges": _band(value.get("edge_density"), (0.02, 0.08, 0.2), ("plain", "sparse", "detailed", "dense")),
        "busyness": _band(value.get("busyness"), (0.33, 0.66), ("calm", "moderate", "busy")),
    }
    return _join(fields), fields


def temporal_fields(value: dict) -> tuple[str, dict]:
    """Key of a window's temporal rhythm: ``pacing.motion_trend``, e.g. ``slow.steady``.

    Pacing (cuts per minute around the window) in bands none (0) < 0.5 ≤ slow
    < 6 ≤ moderate < 20 ≤ fast < 60 ≤ frantic.
    """
    fields = {
        "pacing": _band(value.get("pacing"), PACING_EDGES, PACING_LABELS),
        "motion_trend": _word(value.get("motion_trend")),
    }
    return _join(fields), fields


def technical_fields(value: dict) -> tuple[str, dict]:
    """Key of a window's technical format: ``WIDTHxHEIGHT.fps.codec``, e.g. ``1920x1080.29.97.h264``.

    fps is rounded to 0.01 (29.97 and 30 are different formats).
    """
    width, height, fps = (_number(value.get(f)) for f in ("width", "height", "fps"))
    fields = {
        "size": f"{int(width)}x{int(height)}" if width is not None and height is not None else NA,
        "fps": f"{round(fps, 2):g}" if fps is not None else NA,
        "codec": _word(value.get("codec")),
    }
    return _join(fields), fields


def depth_fields(value: dict) -> tuple[str, dict]:
    """Key of a window's depth: ``parallax.layers.focus``, e.g. ``flat.1.sharp``.

    Parallax strength (frame widths/s by which regions move differently) in
    bands flat < 0.05 ≤ shallow < 0.2 ≤ deep; layer count 0, 1, 2 or ``3+``;
    sharpness (0–1) soft < 0.5 ≤ sharp.
    """
    layers = _number(value.get("layer_count"))
    fields = {
        "parallax": _band(value.get("parallax_strength"), (0.05, 0.2), ("flat", "shallow", "deep")),
        "layers": NA if layers is None else ("3+" if layers >= 3 else str(int(layers))),
        "focus": _band(value.get("sharpness"), (0.5,), ("soft", "sharp")),
    }
    return _join(fields), fields


def audio_semantic_fields(value: dict) -> tuple[str, dict]:
    """Key of a window's audio meaning: ``role.tempo.mood``, e.g. ``music.moderate.calm``; silence is just ``silence``.

    Tempo (BPM) in bands slow < 90 ≤ moderate < 130 ≤ fast, ``no_beat`` when null.
    A voice over music names its layers in place of the role:
    ``speech+music.no_beat.calm``. A value from the spec (``spec_audio``,
    ``source: spec``) is its own entry, prefixed: ``spec.music.fast.energetic``
    (``spec.silence`` for a silent spec).
    """
    role = _word(value.get("role"))
    layers = value.get("layers")
    layered = "+".join(_word(layer) for layer in layers) if isinstance(layers, list) and len(layers) > 1 else None
    prefix = ["spec"] if value.get("source") == "spec" else []
    head = {"source": "spec"} if prefix else {}
    if role == "silence":
        return ".".join([*prefix, "silence"]), {**head, "role": "silence"}
    tempo = value.get("tempo_bpm")
    fields = {
        **head,
        "role": role,
        **({"layers": layered} if layered else {}),
        "tempo": "no_beat" if _number(tempo) is None else _band(tempo, (90.0, 130.0), ("slow", "moderate", "fast")),
        "mood": _word(value.get("mood")),
    }
    return ".".join([*prefix, layered or role, fields["tempo"], fields["mood"]]), fields


def transition_fields(value: dict) -> tuple[str, dict]:
    """Key of a transition: ``type.duration``, e.g. ``dissolve.medium``; a cut is just ``cut``.

    Duration (s) in bands short < 0.5 ≤ medium < 1.5 ≤ long.
    """
    kind = _word(value.get("type"))
    if kind == "cut":
        return "cut", {"type": "cut"}
    fields = {"type": kind, "duration": _band(value.get("duration"), (0.5, 1.5), ("short", "medium", "long"))}
    return _join(fields), fields


def palette_parts(palette: object) -> list[tuple[str, int]]:
    """Top three palette colours as ``(colour key, share in %, rounded to 10)``, largest share first.

    Palette items are ``{r, g, b, share}`` with share a fraction (0–1);
    colours that fall in one key are added up.
    """
    if not isinstance(palette, list):
        return []
    merged: dict[str, float] = {}
    for item in palette:
        if not isinstance(item, dict) or any(_number(item.get(c)) is None for c in ("r", "g", "b")):
            continue
        key = color_fields(item)[0]
        merged[key] = merged.get(key, 0.0) + (_number(item.get("share")) or 0.0)
    top = sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    rounded = [(key, int(round_to(share * 100, 10))) for key, share in top]
    return [(key, pct) for key, pct in rounded if pct > 0]  # a colour under 5 % does not shape the blend


def blends_fields(value: dict) -> tuple[str, dict]:
    """Key of a whole video's blend: ``palette.pace.motion.audio``.

    e.g. ``L50-C105-h45:70+L0-C0:30.pace-slow.motion-low.audio-music``: the
    palette's three largest colours by share, each as its colour key and share
    rounded to 10 %, joined with ``+``; the cuts per minute in the temporal
    pacing bands; the mean motion level in the motion level bands; the
    dominant audio role (``audio-none`` without an audio summary).
    """
    parts = palette_parts(value.get("palette"))
    pacing = p if isinstance(p := value.get("pacing"), dict) else {}
    motion = m if isinstance(m := value.get("motion"), dict) else {}
    audio = a if isinstance(a := value.get("audio"), dict) else {}
    fields = {
        "palette": "+".join(f"{key}:{share}" for key, share in parts) or NA,
        "pace": "pace-" + _band(pacing.get("cuts_per_minute"), PACING_EDGES, PACING_LABELS),
        "motion": "motion-" + _band(motion.get("level"), MOTION_EDGES, MOTION_LABELS),
        "audio": "audio-" + (_word(audio["role"]) if audio.get("role") else "none"),
    }
    return _join(fields), {**fields, "palette": [{"color": key, "share_pct": share} for key, share in parts]}


# ---------------------------------------------------------------- narrative


def narrative_fields(value: dict) -> tuple[str, dict]:
    """Key of a narrative value: the normalised word itself, e.g. ``science fiction``."""
    word = normalise_word(value.get("value", ""))
    if not word:
        raise AspectsError(f"empty narrative value: {value!r}")
    return word, {"value": word}


FIELD_FUNCTIONS: dict[str, Callable[[dict], tuple[str, dict]]] = {
    "static.color": color_fields,
    "static.sound": sound_fields,
    "dynamic.time": time_fields,
    "dynamic.motion": motion_fields,
    "dynamic.camera": camera_fields,
    "dynamic.gradient": gradient_fields,
    "dynamic.lighting": lighting_fields,
    "dynamic.composition": composition_fields,
    "dynamic.graphics": graphics_fields,
    "dynamic.temporal": temporal_fields,
    "dynamic.technical": technical_fields,
    "dynamic.transition": transition_fields,
    "dynamic.depth": depth_fields,
    "dynamic.audio_semantic": audio_semantic_fields,
    "dynamic.blends": blends_fields,
    **{f"narrative.{name}": narrative_fields for name in NARRATIVE_ASPECTS},
}


def canonical(aspect: str, value: dict) -> tuple[str, dict]:
    """``(key, fields)`` of ``value`` in ``aspect``: the entry it belongs to and that entry's stored value."""
    try:
        fn = FIELD_FUNCTIONS[aspect]
    except KeyError:
        raise AspectsError(f"unknown aspect {aspect!r}") from None
    return fn(value)


def key_for(aspect: str, value: dict) -> str:
    """The canonical quantised key of ``value`` in ``aspect`` (see each ``*_fields`` function)."""
    return canonical(aspect, value)[0]
