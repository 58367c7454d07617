"""Spec-derived audio: what a video's spec and prompt say its sound is (DESIGN §1, §3 ``spec_audio``).

Spec fields, each at the top level or nested in an ``"audio"`` object
(``{"audio": {"mood": "calm", "tempo": 90}}`` is the same as
``{"audio_mood": "calm", "audio_tempo": 90}``; both forms with different
values is an error):

- ``audio_role`` / ``audio.role``: ``silence`` | ``speech`` | ``singing`` |
  ``music`` | ``ambient`` | ``sfx``, or a synonym from :data:`ROLE_WORDS`
  (``voiceover`` → speech, ``soundtrack`` → music, ``foley`` → sfx …).
- ``audio_mood`` / ``audio.mood``: a word; the measured mood words
  (calm, energetic, tense, melancholic) take their synonyms from
  :data:`MOOD_WORDS` (``upbeat`` → energetic), any other word is kept,
  normalised (lower case, single spaces).
- ``audio_tempo`` / ``audio.tempo``: beats per minute, a number in
  :data:`TEMPO_RANGE_BPM`, or a word: ``slow`` = 70, ``medium`` (``moderate``)
  = 110, ``fast`` = 150 BPM (:data:`TEMPO_WORDS`: the middles of the tempo
  bands the registry keys use, < 90 ≤ moderate < 130 ≤ fast).
- ``audio_presence`` / ``audio.presence``: how much sound there is, 0–1,
  or a word: ``none`` 0, ``faint`` 0.25, ``background`` 0.5, ``present`` 0.75,
  ``foreground`` 1 (:data:`PRESENCE_WORDS`).

The prompt (the ``--prompt`` text and the spec's ``prompt``) fills what the
fields leave open: a role word (:data:`ROLE_WORDS`, a voice before music
before effects before ambience before silence; bare "ambient" does not
count, "ambient light" is common), ``<number> bpm``,
``slow|medium|fast tempo`` and a mood word right before a sound noun
(``calm music``, ``upbeat soundtrack``).

Without a role, a tempo or a mood implies ``music``; presence 0 implies
``silence``. The block is ``{"role", "mood", "tempo_bpm", "presence",
"source": "spec"}``, or None when neither spec nor prompt says anything
about sound. A video without an audio track takes its static sound from it:
every frame's sound is the role's primitive (:data:`ROLE_PRIMITIVE`),
marked ``"source": "spec"``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from pathlib import Path

from aspects.errors import SpecError

ROLES = ("silence", "speech", "singing", "music", "ambient", "sfx")
ROLE_PRIORITY = ("speech", "singing", "music", "sfx", "ambient", "silence")  # the role a prompt naming several gets
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "speech": ("speech", "narration", "narrator", "voiceover", "voice over", "dialogue", "dialog", "spoken", "talking", "monologue"),
    "singing": ("singing", "vocals", "song", "choir", "singer", "a cappella"),
    "music": ("music", "soundtrack", "musical score", "instrumental", "melody"),
    "sfx": ("sfx", "sound effects", "sound effect", "foley"),
    "ambient": ("ambience", "ambiance", "ambient noise", "ambient sound", "background noise", "room tone"),
    "silence": ("silence", "silent", "no sound", "no audio"),
}
MOOD_WORDS: dict[str, tuple[str, ...]] = {
    "calm": ("calm", "peaceful", "relaxed", "relaxing", "serene", "gentle", "soothing", "tranquil", "chill", "soft"),
    "energetic": ("energetic", "upbeat", "lively", "driving", "exciting", "happy", "cheerful", "joyful", "uplifting", "playful"),
    "tense": ("tense", "suspenseful", "ominous", "dark", "eerie", "scary", "menacing", "anxious"),
    "melancholic": ("melancholic", "melancholy", "sad", "somber", "sombre", "wistful", "mournful"),
}
TEMPO_WORDS = {"slow": 70.0, "medium": 110.0, "moderate": 110.0, "fast": 150.0}
TEMPO_RANGE_BPM = (20.0, 300.0)
PRESENCE_WORDS = {"none": 0.0, "faint": 0.25, "subtle": 0.25, "background": 0.5, "present": 0.75, "foreground": 1.0, "prominent": 1.0}
ROLE_PRIMITIVE = {"silence": "silence", "speech": "speech", "singing": "vocal", "music": "music", "ambient": "ambient", "sfx": "sfx"}
FIELDS = ("role", "mood", "tempo", "presence")
SOUND_NOUNS = ("music", "soundtrack", "score", "song", "songs", "melody", "tune", "sound", "sounds", "audio", "beat", "ambience", "piano", "guitar", "synth", "strings")


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").casefold().replace("'", "")
    return re.sub(r"[^a-z0-9.]+", " ", text).strip()


def _synonyms(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {_norm(w): canon for canon, words in table.items() for w in (canon, *words)}


ROLE_OF, MOOD_OF = _synonyms(ROLE_WORDS), _synonyms(MOOD_WORDS)


def _type(value: object) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(type(value), "a number")


def _raw_fields(spec: dict, path: str | Path) -> dict[str, object]:
    """The four audio fields as given, from the top level and the nested ``audio`` object."""
    nested = spec.get("audio")
    if nested is not None and not isinstance(nested, dict):
        raise SpecError(path, f"field 'audio' must be an object with role/mood/tempo/presence, got {_type(nested)}")
    out: dict[str, object] = {}
    for name in FIELDS:
        top = spec.get(f"audio_{name}")
        inner = (nested or {}).get(name, (nested or {}).get(f"audio_{name}"))
        if top is not None and inner is not None and top != inner:
            raise SpecError(path, f"field 'audio_{name}' and 'audio.{name}' disagree ({top!r} vs {inner!r})")
        value = top if top is not None else inner
        if value is not None:
            out[name] = value
    return out


def _field(name: str, nested: bool) -> str:
    return f"audio.{name}" if nested else f"audio_{name}"


def parse_fields(spec: dict, path: str | Path = "spec") -> dict[str, object]:
    """The spec's audio fields, checked and canonical: ``role`` (a role word), ``mood`` (a word),
    ``tempo_bpm`` (BPM), ``presence`` (0–1); absent fields are left out. A bad value raises
    :class:`SpecError` naming the file and the field."""
    nested = isinstance(spec.get("audio"), dict)
    raw = _raw_fields(spec, path)
    out: dict[str, object] = {}

    def name_of(field: str) -> str:
        return _field(field, nested and spec.get(f"audio_{field}") is None)

    if "role" in raw:
        value = raw["role"]
        role = ROLE_OF.get(_norm(value)) if isinstance(value, str) else None
        if role is None:
            raise SpecError(path, f"field {name_of('role')!r} must be one of {', '.join(ROLES)} (or a synonym such as voiceover, soundtrack, foley), got {value!r}")
        out["role"] = role
    if "mood" in raw:
        value = raw["mood"]
        if not isinstance(value, str) or not _norm(value):
            raise SpecError(path, f"field {name_of('mood')!r} must be a non-empty word, got {value!r}")
        out["mood"] = MOOD_OF.get(_norm(value), _norm(value))
    if "tempo" in raw:
        out["tempo_bpm"] = _tempo(raw["tempo"], path, name_of("tempo"))
    if "presence" in raw:
        out["presence"] = _presence(raw["presence"], path, name_of("presence"))
    return out


def _tempo(value: object, path: str | Path, field: str) -> float:
    lo, hi = TEMPO_RANGE_BPM
    if isinstance(value, str) and _norm(value) in TEMPO_WORDS:
        return TEMPO_WORDS[_norm(value)]
    number = _number(value)
    if number is None or not lo <= number <= hi:
        raise SpecError(path, f"field {field!r} must be beats per minute ({lo:g}–{hi:g}) or slow/medium/fast, got {value!r}")
    return number


def _presence(value: object, path: str | Path, field: str) -> float:
    if isinstance(value, str) and _norm(value) in PRESENCE_WORDS:
        return PRESENCE_WORDS[_norm(value)]
    number = _number(value)
    if number is None or not 0.0 <= number <= 1.0:
        raise SpecError(path, f"field {field!r} must be a number from 0 to 1 or one of {', '.join(PRESENCE_WORDS)}, got {value!r}")
    return number


def _number(value: object) -> float | None:
    """A finite number from a number or a numeric string (``"120"``, ``"120 bpm"``); None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(?:bpm)?\s*", value.casefold())
        value = float(match.group(1)) if match else None
    if not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return float(value)


def _phrase_pattern(words) -> re.Pattern:
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in ordered) + r")\b")


ROLE_PATTERN = _phrase_pattern(set(ROLE_OF) - {"ambient"})  # in a prompt, "ambient" alone is often light, not sound
MOOD_PATTERN = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(MOOD_OF, key=lambda w: (-len(w), w))) + r")\s+(?:" + "|".join(SOUND_NOUNS) + r")\b")
BPM_PATTERN = re.compile(r"\b(\d{2,3}(?:\.\d+)?)\s*bpm\b")
TEMPO_PATTERN = re.compile(r"\b(slow|medium|moderate|fast)\s+tempo\b")


def scan_prompt(prompt: str) -> dict[str, object]:
    """Audio fields a prompt states: ``role``, ``mood``, ``tempo_bpm`` (see the module docstring); absent ones left out."""
    text = _norm(prompt)
    out: dict[str, object] = {}
    roles = {ROLE_OF[m.group(1)] for m in ROLE_PATTERN.finditer(text)}
    if roles:
        out["role"] = next(r for r in ROLE_PRIORITY if r in roles)
    if mood := MOOD_PATTERN.search(text):
        out["mood"] = MOOD_OF[mood.group(1)]
    if (bpm := BPM_PATTERN.search(text)) and TEMPO_RANGE_BPM[0] <= float(bpm.group(1)) <= TEMPO_RANGE_BPM[1]:
        out["tempo_bpm"] = float(bpm.group(1))
    elif tempo := TEMPO_PATTERN.search(text):
        out["tempo_bpm"] = TEMPO_WORDS[tempo.group(1)]
    return out


def spec_audio(spec: dict | None, prompt: str | None = None, *, path: str | Path = "spec") -> dict | None:
    """The ``spec_audio`` block: ``{"role", "mood", "tempo_bpm", "presence", "source": "spec"}`` (None when nothing is said about sound).

    Spec fields first; ``prompt`` and the spec's own ``prompt`` fill the
    fields they leave open. ``tempo_bpm`` in BPM, ``presence`` 0–1.
    """
    spec = spec or {}
    found = parse_fields(spec, path)
    for text in dict.fromkeys(p for p in (prompt, spec.get("prompt")) if isinstance(p, str) and p):
        for name, value in scan_prompt(text).items():
            found.setdefault(name, value)
    if not found:
        return None
    role = found.get("role")
    if role is None and found.get("presence") == 0.0:
        role = "silence"
    elif role is None and ("tempo_bpm" in found or "mood" in found):
        role = "music"
    return {"role": role, "mood": found.get("mood"), "tempo_bpm": found.get("tempo_bpm"), "presence": found.get("presence"), "source": "spec"}


def spec_sound(block: dict | None) -> dict | None:
    """A frame's static sound taken from a ``spec_audio`` block (for a video without an audio track); None without a role.

    Measured numbers are null; ``noise`` (the frame sound's primitive) is the role's (:data:`ROLE_PRIMITIVE`); ``source`` is ``"spec"``.
    """
    if not block or block.get("role") is None:
        return None
    return {
        "amplitude": None,
        "weight": None,
        "tone": None,
        "pitch_hz": None,
        "timbre": None,
        "primitive": ROLE_PRIMITIVE[block["role"]],
        "source": "spec",
    }
