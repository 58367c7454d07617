"""Writing files so that a reader never sees half of one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

FILE_MODE = 0o644  # what a plain write gives under the usual umask (mkstemp makes 0600)


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically, creating its folder.

    The text goes to a uniquely named temporary file in the same folder, which
    then replaces ``path`` in one rename: two writers never share a temporary
    file, and a reader sees the old file or the new one, never a mix.
    """
    write_chunks_atomic(path, (text,))


def write_chunks_atomic(path: str | Path, chunks: Iterable[str]) -> None:
    """:func:`write_text_atomic` for text that comes in pieces (a long JSON document, as it is encoded): never whole in memory."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.writelines(chunks)
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
