"""File names as text, for any name the file system allows.

On Linux a file name is bytes; Python maps the bytes that are not UTF-8 to
lone surrogates (``surrogateescape``), which JSON encoders, DuckDB, Prefect's
API and a UTF-8 terminal all refuse. :func:`path_text` is the one text form
of a path the project stores, prints and sends: valid UTF-8, lossless and
unchanged for ordinary names. Each byte that is not UTF-8 is written
``\\xHH`` and a backslash ``\\\\``; :func:`text_path` reverses it.

``/tmp/caf\\xe9.mp4`` (Latin-1 bytes) → ``"/tmp/caf\\\\xe9.mp4"`` in JSON,
``/tmp/caf\\xe9.mp4`` on screen.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_ESCAPE = re.compile(r"\\\\|\\x([89a-fA-F][0-9a-fA-F])")


def path_text(path: str | os.PathLike) -> str:
    """Lossless, valid-UTF-8 text of ``path`` (identity for names that are UTF-8 without a backslash)."""
    raw = os.fsencode(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and "\\" not in text:
        return text
    parts = []
    for chunk in raw.split(b"\\"):
        parts.append(chunk.decode("utf-8", "backslashreplace"))
    return "\\\\".join(parts)


def text_path(text: str | os.PathLike) -> Path:
    """The path :func:`path_text` made ``text`` from (a plain path is returned as it is)."""
    text = os.fspath(text)
    if "\\" not in text:
        return Path(text)
    if Path(text).exists():  # a name typed by hand that holds a backslash
        return Path(text)

    def unescape(match: re.Match) -> str:
        if match.group(1) is None:
            return "\\"
        return chr(0xDC00 + int(match.group(1), 16))  # surrogateescape's form of that byte

    return Path(_ESCAPE.sub(unescape, text))


def display_path(path: str | os.PathLike) -> str:
    """The path for messages and documents: :func:`path_text` (never raises on odd bytes)."""
    return path_text(path)
