"""The stage cache: each DAG stage's output in DuckDB, keyed by what produced it.

A row is identified by (video sha256, stage, stage version, params hash). The
params hash covers the stage's own parameters *and the keys of the stage
outputs it read*, so a change upstream (a bumped decode version, other
analysis settings) changes every dependant's key and they are recomputed,
while stages whose inputs did not change are found again. Outputs are stored
as zlib-compressed JSON: they are small (per-frame rows, never pixels).

Tasks pass each other only the short :func:`stage_key` string; the output
itself is read from here by the stage that needs it.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from aspects.store import connect, ensure_tables, transaction

TABLE = "stage_outputs"


def params_hash(params: dict[str, Any], inputs: list[str]) -> str:
    """Hash of a stage's parameters and its inputs' cache keys (16 hex digits)."""
    text = json.dumps({"params": params, "inputs": inputs}, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def stage_key(sha256: str, stage: str, version: str, params: dict[str, Any], inputs: list[str]) -> str:
    """The cache key of one stage run: ``<sha256>/<stage>/<version>/<params hash>``."""
    return f"{sha256}/{stage}/{version}/{params_hash(params, inputs)}"


DDL = f"""CREATE TABLE IF NOT EXISTS {TABLE} (
    key VARCHAR PRIMARY KEY,
    video_sha256 VARCHAR NOT NULL,
    stage VARCHAR NOT NULL,
    stage_version VARCHAR NOT NULL,
    params_hash VARCHAR NOT NULL,
    output BLOB NOT NULL,
    seconds DOUBLE NOT NULL,
    created_at TIMESTAMP DEFAULT current_timestamp
)"""


def load_text(db_path: str | Path, key: str) -> str | None:
    """The stored output under ``key`` as its JSON text, or None when that stage has not run (or the file does not exist yet)."""
    if not Path(db_path).exists():
        return None
    ensure_tables(db_path, DDL)
    with connect(db_path) as con:
        row = con.execute(f"SELECT output FROM {TABLE} WHERE key = ?", [key]).fetchone()
    return None if row is None else zlib.decompress(row[0]).decode()


def load(db_path: str | Path, key: str) -> Any | None:
    """The stored output under ``key``, or None when that stage has not run (or the file does not exist yet)."""
    text = load_text(db_path, key)
    return None if text is None else json.loads(text)


def has(db_path: str | Path, key: str) -> bool:
    if not Path(db_path).exists():
        return False
    ensure_tables(db_path, DDL)
    with connect(db_path) as con:
        return con.execute(f"SELECT count(*) FROM {TABLE} WHERE key = ?", [key]).fetchone()[0] > 0


def dumps(output: Any) -> str:
    """The JSON text :func:`store` saves: ``output`` is anything JSON can hold (NaN allowed), pydantic models included, or already JSON text."""
    return output if isinstance(output, str) else json.dumps(output, allow_nan=True, default=_model_json)


def store(db_path: str | Path, key: str, output: Any, *, seconds: float) -> None:
    """Save a stage's output (see :func:`dumps`) under ``key``, replacing an older row with the same key."""
    text = dumps(output)
    blob = zlib.compress(text.encode(), level=6)
    sha256, stage, version, phash = split_key(key)
    ensure_tables(db_path, DDL)
    with transaction(db_path) as con:
        con.execute(f"DELETE FROM {TABLE} WHERE key = ?", [key])
        con.execute(
            f"INSERT INTO {TABLE} (key, video_sha256, stage, stage_version, params_hash, output, seconds) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [key, sha256, stage, version, phash, blob, float(seconds)],
        )


def _model_json(value: Any) -> Any:
    """The JSON form of a pydantic model (the stages' outputs are :mod:`aspects.document` models),
    or of the static stage's frame columns (:meth:`aspects.frame_rows.FrameRows.to_json_data`)."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if hasattr(value, "to_json_data"):
        return value.to_json_data()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def entries(db_path: str | Path, sha256: str | None = None) -> list[dict]:
    """Cached stage rows (without their outputs), oldest first; for one video when ``sha256`` is given."""
    if not Path(db_path).exists():
        return []
    ensure_tables(db_path, DDL)
    with connect(db_path) as con:
        where, args = ("WHERE video_sha256 = ?", [sha256]) if sha256 else ("", [])
        rows = con.execute(f"SELECT key, video_sha256, stage, stage_version, params_hash, seconds, created_at FROM {TABLE} {where} ORDER BY created_at, key", args).fetchall()
    cols = ("key", "video_sha256", "stage", "stage_version", "params_hash", "seconds", "created_at")
    return [dict(zip(cols, r)) for r in rows]


def split_key(key: str) -> tuple[str, str, str, str]:
    """``(sha256, stage, version, params hash)`` of a :func:`stage_key`."""
    sha256, stage, version, phash = key.split("/")
    return sha256, stage, version, phash
