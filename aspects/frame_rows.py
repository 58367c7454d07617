"""The document's ``frames[]`` kept as columns: each item is made when it is read, so a long video's frames are never a list of objects.

:class:`FrameRows` is what the static stage returns and what the analysis
document holds under ``frames`` on its way to the JSON file (and to the
registries): a read-only sequence whose items are exactly the JSON form of
:class:`~aspects.document.Frame` (``Frame(...).model_dump(mode="json")``),
built from NumPy columns on the fly. Memory is a few numbers per frame
instead of two models and two dicts per frame (a 60-minute video has
108,000 frames).

The typed model stays the contract: :meth:`FrameRows.validate` checks every
word against the model's vocabularies and every number against its bounds,
column by column, and validates a sample of whole rows through
:class:`~aspects.document.Frame` (which must give back the very same row).
Keys and names, filled in by the registries (:meth:`FrameRows.set_names`),
are kept as one small code per frame into a table of distinct ``(key, name)``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Literal, get_args, get_origin, overload

import numpy as np
from numpy.typing import ArrayLike
from pydantic import BaseModel

from aspects.document import Frame, FrameColor, FrameSound

COLOR_FIELDS = ("r", "g", "b", "opacity")
SOUND_FIELDS = ("amplitude", "weight", "tone", "pitch_hz", "timbre", "primitive")
SOUND_WORDS = ("tone", "timbre", "primitive")
ASPECTS = {"static.color": "color", "static.sound": "sound"}  # registry aspect -> the frame block it names
CHUNK_ROWS = 4096  # rows converted to Python values at a time while iterating
SAMPLE_ROWS = 512  # whole rows validated through the model (evenly spread; all of them for a short video)


class FrameRows(Sequence[dict]):
    """``frames[]`` of the analysis document as columns; ``rows[i]`` is frame i's JSON dict (a fresh one each time).

    ``index`` (kept as ``indices``) and ``t`` [s] are per frame; ``color`` holds ``r``/``g``/``b`` (0–255) and ``opacity`` (0–1);
    ``sound`` holds the measured :data:`SOUND_FIELDS` (NaN / '' where missing; a frame whose ``tone`` is ''
    has no sound), or is None. ``spec_sound`` is the one sound every frame takes from the spec instead
    (a video without an audio track), or None.
    """

    def __init__(self, index: ArrayLike, t: ArrayLike, color: Mapping[str, ArrayLike], sound: Mapping[str, ArrayLike] | None = None, spec_sound: dict | None = None) -> None:
        self.indices = np.asarray(index, dtype=np.int64)
        self.t = np.asarray(t, dtype=np.float64)
        self.color = {k: np.asarray(color[k], dtype=np.int64 if k != "opacity" else np.float64) for k in COLOR_FIELDS}
        self.sound = None if sound is None else {k: np.asarray(sound[k]) for k in SOUND_FIELDS}
        self.spec_sound = None if spec_sound is None else dict(spec_sound)
        # aspect -> (code per frame, -1 = no value; table of (key, name) per code)
        self.names: dict[str, tuple[np.ndarray, list[tuple[str, str]]]] = {}

    # ------------------------------------------------------------ sequence

    def __len__(self) -> int:
        return len(self.t)

    @overload
    def __getitem__(self, i: int) -> dict: ...
    @overload
    def __getitem__(self, i: slice) -> list[dict]: ...
    def __getitem__(self, i: int | slice) -> dict | list[dict]:
        if isinstance(i, slice):
            return list(self._rows(*i.indices(len(self))))
        n = len(self)
        if not -n <= i < n:
            raise IndexError("frame index out of range")
        i %= n
        return next(self._rows(i, i + 1, 1))

    def __iter__(self) -> Iterator[dict]:
        return self._rows(0, len(self), 1)

    def _rows(self, start: int, stop: int, step: int) -> Iterator[dict]:
        """Frames ``range(start, stop, step)`` as JSON dicts, converted :data:`CHUNK_ROWS` at a time."""
        positions = np.arange(start, stop, step)
        for chunk_start in range(0, len(positions), CHUNK_ROWS):
            rows = positions[chunk_start : chunk_start + CHUNK_ROWS]
            index, t = self.indices[rows].tolist(), self.t[rows].tolist()
            color = [self.color[k][rows].tolist() for k in COLOR_FIELDS]
            sound = None if self.sound is None else [_plain_list(self.sound[k][rows]) for k in SOUND_FIELDS]
            names = {aspect: (codes[rows].tolist(), table) for aspect, (codes, table) in self.names.items()}
            for j in range(len(rows)):
                r, g, b, opacity = (c[j] for c in color)
                frame_color = {"r": r, "g": g, "b": b, "opacity": opacity, "key": None, "name": None}
                frame_sound = None
                if sound is not None:
                    if sound[2][j]:  # a tone: the frame has sound
                        frame_sound = dict(zip(SOUND_FIELDS, (column[j] for column in sound)), key=None, name=None)
                elif self.spec_sound is not None:
                    frame_sound = {**self.spec_sound, "key": None, "name": None}
                frame = {"index": index[j], "t": t[j], "color": frame_color, "sound": frame_sound}
                for aspect, (codes, table) in names.items():
                    block = frame[ASPECTS[aspect]]
                    if block is not None and codes[j] >= 0:
                        block["key"], block["name"] = table[codes[j]]
                yield frame

    # ------------------------------------------------------------ registries

    def values(self, aspect: str) -> Iterator[tuple[int, dict]]:
        """``(position, value dict)`` of every frame that has an ``aspect`` value (``static.color`` or ``static.sound``), in frame order."""
        block = ASPECTS[aspect]
        for position, frame in enumerate(self):
            if frame[block] is not None:
                yield position, frame[block]

    def set_names(self, aspect: str, codes: np.ndarray, table: list[tuple[str, str]]) -> None:
        """Give frame i's ``aspect`` value the key and name ``table[codes[i]]`` (none where the code is −1)."""
        codes = np.asarray(codes, dtype=np.int32)
        if codes.shape != (len(self),):
            raise ValueError(f"{aspect}: {codes.shape[0]} codes for {len(self)} frames")
        self.names[aspect] = (codes, list(table))

    # ------------------------------------------------------------ contract

    def validate(self, sample_rows: int = SAMPLE_ROWS) -> FrameRows:
        """Check the rows against :class:`~aspects.document.Frame`; raises ``ValueError`` (a bug in the measurement). Returns self.

        Every frame: words within the model's vocabularies, numbers within its bounds (index ≥ 0,
        channels 0–255, opacity 0–1). Up to ``sample_rows`` whole rows, evenly spread: validated through the
        model, whose JSON form must be the row itself.
        """
        n = len(self)
        if self.indices.shape != (n,) or any(np.shape(c) != (n,) for c in [*self.color.values(), *(self.sound or {}).values()]):
            raise ValueError("frame columns of different lengths")
        _check_range("frames[].index", self.indices, _bounds(Frame, "index"))
        for k in COLOR_FIELDS:
            _check_range(f"frames[].color.{k}", self.color[k], _bounds(FrameColor, k))
        if self.sound is not None:
            present = self.sound["tone"] != ""
            for k in SOUND_WORDS:
                allowed = set(_literal_words(FrameSound, k))
                unknown = set(np.unique(self.sound[k][present]).tolist()) - allowed
                if unknown:
                    raise ValueError(f"frames[].sound.{k}: {sorted(unknown)} outside the vocabulary")
        positions: list[int] = np.unique(np.linspace(0, n - 1, num=min(n, sample_rows)).round().astype(int)).tolist() if n else []
        for position in positions:
            row = self[position]
            if Frame.model_validate(row).model_dump(mode="json") != row:
                raise ValueError(f"frames[{position}] is not in the model's JSON form: {row}")
        return self

    # ------------------------------------------------------------ stage cache

    def to_json_data(self) -> dict:
        """Plain columns for the stage cache (JSON, NaN allowed); :meth:`from_json_data` reads them back. Keys and names are not kept."""
        return {
            "frame_columns": {
                "index": self.indices.tolist(),
                "t": self.t.tolist(),
                "color": {k: v.tolist() for k, v in self.color.items()},
                "sound": None if self.sound is None else {k: v.tolist() for k, v in self.sound.items()},
                "spec_sound": self.spec_sound,
            }
        }

    @classmethod
    def from_json_data(cls, data: dict) -> FrameRows:
        c = data["frame_columns"]
        sound = None if c["sound"] is None else {k: _column(v) for k, v in c["sound"].items()}
        return cls(c["index"], c["t"], c["color"], sound, c["spec_sound"])

    def with_spec_sound(self, spec_sound: dict | None) -> FrameRows:
        """These frames with every frame's sound taken from the spec (when there is no measured sound)."""
        return FrameRows(self.indices, self.t, self.color, self.sound, spec_sound if self.sound is None else None)

    @classmethod
    def from_frames(cls, frames: Sequence[Any]) -> FrameRows:
        """From ``Frame`` models or their JSON dicts (the static stage's older cached form)."""
        rows = [f.model_dump(mode="json") if hasattr(f, "model_dump") else f for f in frames]
        color = {k: [r["color"][k] for r in rows] for k in COLOR_FIELDS}
        sounds = [r["sound"] for r in rows]
        sound = None
        if any(s is not None for s in sounds):
            sound = {k: _column([(s or {}).get(k) if s else ("" if k in SOUND_WORDS else None) for s in sounds]) for k in SOUND_FIELDS}
        return cls([r["index"] for r in rows], [r["t"] for r in rows], color, sound)


def _plain_list(column: np.ndarray) -> list:
    """A column as JSON-ready Python values: NaN becomes None (numbers); words stay words."""
    values = column.tolist()
    if column.dtype.kind == "f":
        return [None if v != v else v for v in values]
    return values


def _column(values: list) -> np.ndarray:
    """A cached column back as float64 (None -> NaN) or as words."""
    if any(isinstance(v, str) for v in values):
        return np.asarray(["" if v is None else v for v in values], dtype=str)
    return np.array([np.nan if v is None else v for v in values], dtype=np.float64)


def _literal_words(model: type[BaseModel], field: str) -> tuple[str, ...]:
    """The words a ``Literal`` (or ``Literal | None``) field of ``model`` allows."""
    annotation = model.model_fields[field].annotation
    args = get_args(annotation) if get_origin(annotation) is Literal else [a for arg in get_args(annotation) if get_origin(arg) is Literal for a in get_args(arg)]
    return tuple(args)


def _bounds(model: type[BaseModel], field: str) -> tuple[float | None, float | None]:
    """``(ge, le)`` of a numeric field of ``model`` (None where unbounded)."""
    lo = hi = None
    for item in model.model_fields[field].metadata:
        lo = getattr(item, "ge", lo)
        hi = getattr(item, "le", hi)
    return lo, hi


def _check_range(name: str, column: np.ndarray, bounds: tuple[float | None, float | None]) -> None:
    lo, hi = bounds
    if len(column) and ((lo is not None and not np.all(column >= lo)) or (hi is not None and not np.all(column <= hi))):
        raise ValueError(f"{name}: values outside {lo}..{hi}")
