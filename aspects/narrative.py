"""Narrative aspects from a video's spec (a JSON sidecar) and its prompt.

A spec is a JSON object with any of the fields ``genre``, ``mood``, ``themes``,
``plots``, ``settings``, ``style``, ``scene_type`` (each a string or a list of
strings) and ``prompt`` (a string); other fields are ignored. Values are
normalised (case, accents, whitespace, punctuation) and mapped from a known
synonym to its canonical word (``"Sci-Fi"`` → ``"science fiction"``); an
unknown value is kept as it is (normalised) and becomes its own entry. The
prompt is scanned for the vocabulary's words and synonyms (whole words, with
an optional plural ``s``/``es``).

Part of the measurement core (the DAG's *narrative* stage, DESIGN §2): the
registries import the aspect names, the vocabulary and :func:`normalise_word`
from here.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from aspects.errors import SpecError
from aspects.spec_audio import parse_fields as parse_audio_fields
from aspects.vocabulary import VOCABULARY

NARRATIVE_ASPECTS: tuple[str, ...] = ("genre", "mood", "themes", "plots", "settings", "style", "scene_type")


def normalise_word(text: object) -> str:
    """Lower-case, accents folded, every run of punctuation/space → one space, trimmed.

    ``"  Sci-Fi! "`` → ``"sci fi"``; used for narrative values and vocabulary words.
    """
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    text = text.casefold().replace("'", "")
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def load_spec(path: str | Path) -> dict:
    """Read and validate a spec file; a malformed one raises :class:`SpecError` naming the file and field."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecError(path, "spec file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(path, f"cannot read spec: {exc}") from None
    try:
        spec = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SpecError(path, f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    if not isinstance(spec, dict):
        raise SpecError(path, f"spec must be a JSON object, got {_json_type(spec)}")
    for field in NARRATIVE_ASPECTS:
        value = spec.get(field)
        if value is None or isinstance(value, str):
            continue
        if not isinstance(value, list):
            raise SpecError(path, f"field {field!r} must be a string or a list of strings, got {_json_type(value)}")
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise SpecError(path, f"field {field!r}[{i}] must be a string, got {_json_type(item)}")
    if spec.get("prompt") is not None and not isinstance(spec["prompt"], str):
        raise SpecError(path, f"field 'prompt' must be a string, got {_json_type(spec['prompt'])}")
    parse_audio_fields(spec, path)  # audio_role / audio_mood / audio_tempo / audio_presence (or nested "audio")
    return spec


def _json_type(value: object) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(type(value), "a number")


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, dict[str, str]]:
    """aspect → {normalised word or synonym → canonical value}."""
    return {
        aspect: {normalise_word(w): normalise_word(canon) for canon, syns in vocab.items() for w in (canon, *syns)}
        for aspect, vocab in VOCABULARY.items()
    }


@lru_cache(maxsize=1)
def _prompt_patterns() -> dict[str, re.Pattern]:
    """aspect → one regex matching any of its words/synonyms as whole words (longest first)."""
    patterns = {}
    for aspect, table in _synonyms().items():
        words = sorted(table, key=lambda w: (-len(w), w))
        patterns[aspect] = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")(?:s|es)?\b")
    return patterns


def canonical_value(aspect: str, value: str) -> str:
    """Normalised value, mapped to its canonical word when it is a known synonym."""
    word = normalise_word(value)
    return _synonyms()[aspect].get(word, word)


def scan_prompt(aspect: str, prompt: str) -> list[str]:
    """Canonical values of ``aspect`` whose words occur in ``prompt``, in order of first occurrence."""
    table = _synonyms()[aspect]
    found = [table[m.group(1)] for m in _prompt_patterns()[aspect].finditer(normalise_word(prompt))]
    return list(dict.fromkeys(found))


def narrative_from(spec: dict | None, prompt: str | None) -> dict[str, list[str]]:
    """The narrative block: for each aspect, spec values first, then prompt words, deduplicated.

    ``prompt`` is scanned together with the spec's own ``prompt`` field.
    """
    spec = spec or {}
    prompts = [p for p in dict.fromkeys((prompt, spec.get("prompt"))) if p]
    block = {}
    for aspect in NARRATIVE_ASPECTS:
        raw = spec.get(aspect)
        values = [raw] if isinstance(raw, str) else list(raw or [])
        found = [canonical_value(aspect, v) for v in values]
        for text in prompts:
            found += scan_prompt(aspect, text)
        block[aspect] = [v for v in dict.fromkeys(found) if v]
    return block
