"""Frames, windows and transitions of one or more analysis documents as tables: pandas in memory, Parquet on disk.

Each table holds every document's rows, led by the video's ``video.sha256``
and ``video.path``, then one column per measured field (see
:meth:`~aspects.document.AnalysisDocument.frames_frame`). DuckDB writes the
Parquet files straight from the DataFrames.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ValidationError

from aspects.document import AnalysisDocument, Frame, Transition, Window, flat_columns
from aspects.errors import BadInputError

if TYPE_CHECKING:
    import pandas as pd

TABLES: dict[str, type[BaseModel]] = {"frames": Frame, "windows": Window, "transitions": Transition}


def load_document(path: str | Path) -> AnalysisDocument:
    """Read and validate an analysis document (``aspects analyze --json``); a bad one raises :class:`BadInputError` naming the file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInputError(path, f"cannot read analysis document: {exc}") from None
    try:
        return AnalysisDocument.model_validate(json.loads(text))
    except json.JSONDecodeError as exc:
        raise BadInputError(path, f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise BadInputError(path, f"not an analysis document: {where}: {first['msg']} ({exc.error_count()} errors)") from None


def tables(documents: Iterable[AnalysisDocument]) -> dict[str, pd.DataFrame]:
    """``{"frames", "windows", "transitions"}``: each a DataFrame of every document's rows, led by ``video.sha256`` and ``video.path``."""
    import pandas as pd

    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in TABLES}
    for doc in documents:
        for name, table in (("frames", doc.frames_frame()), ("windows", doc.windows_frame()), ("transitions", doc.transitions_frame())):
            table.insert(0, "video.path", pd.Series([doc.video.path] * len(table), dtype="string"))
            table.insert(0, "video.sha256", pd.Series([doc.video.sha256] * len(table), dtype="string"))
            parts[name].append(table)
    out = {}
    for name, model in TABLES.items():
        columns = {"video.sha256": "string", "video.path": "string", **flat_columns(model)}
        out[name] = pd.concat(parts[name], ignore_index=True) if parts[name] else pd.DataFrame(columns=list(columns)).astype(columns)
    return out


def write_parquet(documents: Iterable[AnalysisDocument], out_dir: str | Path) -> dict[str, Path]:
    """Write ``frames.parquet``, ``windows.parquet``, ``transitions.parquet`` under ``out_dir``; returns their paths."""
    import duckdb

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    with duckdb.connect() as con:
        for name, table in tables(documents).items():
            target = out_dir / f"{name}.parquet"
            con.register(f"export_{name}", table)
            quoted = str(target).replace("'", "''")
            con.execute(f"COPY export_{name} TO '{quoted}' (FORMAT parquet)")
            con.unregister(f"export_{name}")
            written[name] = target
    return written
