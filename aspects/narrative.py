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


APOSTROPHES = "'\u2019\u02bc"
# Kept inside emoji sequences: zero-width joiner, variation selectors, keycap, skin tones.
EMOJI_JOINERS = frozenset("\u200d\ufe0e\ufe0f\u20e3") | frozenset(chr(c) for c in range(0x1F3FB, 0x1F400))


def normalise_word(text: object) -> str:
    """Unicode-normalised (NFKC), case-folded, Latin accents folded, every run of punctuation/space → one space.

    ``"  Sci-Fi! "`` → ``"sci fi"``, ``"Café"`` → ``"cafe"``, ``"Драма"`` →
    ``"драма"``, ``"日本のアニメ"`` and emoji are kept as they are. Letters,
    marks and digits of every script and symbols (emoji) are word characters;
    punctuation, spaces and control characters separate words. Used for
    narrative values and vocabulary words.
    """
    return _normalise(str(text))


@lru_cache(maxsize=65536)  # keys normalise the same few closed-vocabulary words for every frame and window
def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    out = []
    for ch in text:
        if ch in APOSTROPHES:
            continue
        category = unicodedata.category(ch)
        if category[0] in "LN" or category == "So" or ch in EMOJI_JOINERS:
            out.append(_fold_latin(ch))
        elif category[0] == "M":
            out.append(ch)
        else:
            out.append(" ")
    return " ".join("".join(out).split())


@lru_cache(maxsize=4096)
def _fold_latin(ch: str) -> str:
    """A Latin letter without its accents (``é`` → ``e``, as the vocabulary is written); any other character unchanged."""
    if ch.isascii() or "LATIN" not in unicodedata.name(ch, ""):
        return ch
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return base if base.isascii() and base else ch


MAX_SPEC_BYTES = 1_000_000  # a spec is a few hundred bytes; checked before the file is read or parsed
MAX_VALUE_CHARS = 200  # one narrative value ("science fiction", a plot line); D1 keys and names stay small
MAX_VALUES_PER_LIST = 50  # values of one narrative field
MAX_PROMPT_CHARS = 20_000  # the prompt is only scanned for words (and a 120-character excerpt kept)
MAX_SPEC_DEPTH = 32  # nesting of JSON arrays/objects; a spec needs 2
MESSAGE_VALUE_CHARS = 40  # how much of an offending value an error message shows


def load_spec(path: str | Path) -> dict:
    """Read and validate a spec file; a malformed one raises :class:`SpecError` naming the file and field.

    Limits (each a clear error): the file at most :data:`MAX_SPEC_BYTES`,
    nesting at most :data:`MAX_SPEC_DEPTH`, a narrative value at most
    :data:`MAX_VALUE_CHARS` characters, a field at most
    :data:`MAX_VALUES_PER_LIST` values, the prompt at most
    :data:`MAX_PROMPT_CHARS`. A UTF-8 byte-order mark is accepted.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_SPEC_BYTES:
            raise SpecError(path, f"spec is {size:,} bytes, over the {MAX_SPEC_BYTES:,}-byte limit")
        with open(path, "rb") as fh:
            raw = fh.read(MAX_SPEC_BYTES + 1)
    except FileNotFoundError:
        raise SpecError(path, "spec file not found") from None
    except OSError as exc:
        raise SpecError(path, f"cannot read spec: {exc.strerror or exc}") from None
    if len(raw) > MAX_SPEC_BYTES:
        raise SpecError(path, f"spec is over the {MAX_SPEC_BYTES:,}-byte limit")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SpecError(path, f"not UTF-8 text (byte {exc.start})") from None
    if _nesting_depth(text) > MAX_SPEC_DEPTH:
        raise SpecError(path, f"JSON nested deeper than {MAX_SPEC_DEPTH} levels")
    try:
        spec = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SpecError(path, f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise SpecError(path, f"JSON nested deeper than {MAX_SPEC_DEPTH} levels") from None
    if not isinstance(spec, dict):
        raise SpecError(path, f"spec must be a JSON object, got {_json_type(spec)}")
    for field in NARRATIVE_ASPECTS:
        value = spec.get(field)
        if value is None:
            continue
        if isinstance(value, str):
            _check_value(path, field, value)
            continue
        if not isinstance(value, list):
            raise SpecError(path, f"field {field!r} must be a string or a list of strings, got {_json_type(value)}")
        if len(value) > MAX_VALUES_PER_LIST:
            raise SpecError(path, f"field {field!r} has {len(value)} values, over the limit of {MAX_VALUES_PER_LIST}")
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise SpecError(path, f"field {field!r}[{i}] must be a string, got {_json_type(item)}")
            _check_value(path, f"{field}[{i}]", item)
    if spec.get("prompt") is not None:
        if not isinstance(spec["prompt"], str):
            raise SpecError(path, f"field 'prompt' must be a string, got {_json_type(spec['prompt'])}")
        if len(spec["prompt"]) > MAX_PROMPT_CHARS:
            raise SpecError(path, f"field 'prompt' is {len(spec['prompt']):,} characters, over the limit of {MAX_PROMPT_CHARS:,}")
    parse_audio_fields(spec, path)  # audio_role / audio_mood / audio_tempo / audio_presence (or nested "audio")
    return spec


def _check_value(path: Path, field: str, value: str) -> None:
    if len(value) > MAX_VALUE_CHARS:
        raise SpecError(path, f"field {field!r} is {len(value):,} characters, over the limit of {MAX_VALUE_CHARS} ({excerpt(value)})")


def excerpt(value: str, limit: int = MESSAGE_VALUE_CHARS) -> str:
    """``value`` quoted for a message, cut to ``limit`` characters."""
    return repr(value) if len(value) <= limit else repr(value[:limit]) + "…"


def _nesting_depth(text: str) -> int:
    """Deepest nesting of ``[``/``{`` in JSON ``text`` (brackets inside strings ignored); stops counting past the limit."""
    depth = deepest = 0
    for match in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[{]|[\]}]', text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_SPEC_DEPTH:
                    break
        elif token in "]}":
            depth -= 1
    return deepest


def _json_type(value: object) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(type(value), "a number")


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, dict[str, str]]:
    """aspect → {normalised word or synonym → canonical value}."""
    return {aspect: {normalise_word(w): normalise_word(canon) for canon, syns in vocab.items() for w in (canon, *syns)} for aspect, vocab in VOCABULARY.items()}


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
