"""Which inbox videos are learned, and which loop run is learning which video.

Two loop runs may overlap (a scheduled one and a manual one). Each claims the
videos it will learn in one DuckDB transaction; DuckDB lets one process write
the file at a time (and aborts one of two conflicting transactions inside a
process), so a video is claimed by exactly one run. A claim whose owner
process has died (same host, pid gone) is free again, so a killed loop does
not strand its videos. Each machine keeps its own DuckDB file (DESIGN §6), so
host + pid identify an owner.

Videos are identified by content (sha256). The sha256 of an inbox file is
remembered by (path, size, mtime) so a scheduled loop does not re-hash an
unchanged inbox on every tick.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

from aspects.decode import sha256_file
from aspects.store import connect, ensure_tables, transaction

VIDEO_SUFFIXES = (".mp4", ".m4v", ".mov")

# learned: done; claimed: a run is on it; failed: retried by the next run;
# rejected: the video itself is unreadable (BadInputError), not retried until its bytes change.
STATES = ("claimed", "learned", "failed", "rejected")


DDL = """
CREATE TABLE IF NOT EXISTS loop_videos (
    sha256 VARCHAR PRIMARY KEY,
    path VARCHAR NOT NULL,
    state VARCHAR NOT NULL,
    owner VARCHAR,
    error VARCHAR,
    updated_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS inbox_hashes (
    path VARCHAR PRIMARY KEY, size_bytes BIGINT NOT NULL, mtime_ns BIGINT NOT NULL, sha256 VARCHAR NOT NULL
);
"""


def owner_id(run_id: str | None = None) -> str:
    """``host:pid[:run id]``: who holds a claim."""
    base = f"{socket.gethostname()}:{os.getpid()}"
    return f"{base}:{run_id}" if run_id else base


def _owner_alive(owner: str | None) -> bool:
    if not owner:
        return False
    host, pid = owner.split(":")[:2]
    if host != socket.gethostname():
        return True  # another machine's claim in a shared file: cannot tell, so respect it
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def scan_inbox(db_path: str | Path, inbox: str | Path) -> list[tuple[Path, str]]:
    """``(path, sha256)`` of every video file in ``inbox`` (not recursive), sorted by path."""
    inbox = Path(inbox)
    files = sorted(p for p in inbox.iterdir() if p.is_file() and p.suffix.lower() in VIDEO_SUFFIXES) if inbox.is_dir() else []
    if not files:
        return []
    ensure_tables(db_path, DDL)
    with connect(db_path) as con:
        known = {r[0]: (r[1], r[2], r[3]) for r in con.execute("SELECT path, size_bytes, mtime_ns, sha256 FROM inbox_hashes").fetchall()}
    out, fresh = [], []
    for path in files:
        st = path.stat()
        key = str(path.resolve())
        cached = known.get(key)
        if cached and cached[:2] == (st.st_size, st.st_mtime_ns):
            sha = cached[2]
        else:
            sha = sha256_file(path)
            fresh.append((key, st.st_size, st.st_mtime_ns, sha))
        out.append((path, sha))
    if fresh:
        ensure_tables(db_path, DDL)
        with transaction(db_path) as con:
            con.executemany("INSERT OR REPLACE INTO inbox_hashes VALUES (?, ?, ?, ?)", fresh)
    return out


def claim(db_path: str | Path, videos: list[tuple[Path, str]], owner: str) -> list[tuple[Path, str]]:
    """Claim for ``owner`` every video not learned, not rejected and not held by a live run; return those claimed.

    Two files with the same content are one video: only the first is claimed.
    """
    claimed, seen = [], set()
    ensure_tables(db_path, DDL)
    with transaction(db_path) as con:
        rows = {r[0]: (r[1], r[2]) for r in con.execute("SELECT sha256, state, owner FROM loop_videos").fetchall()}
        for path, sha in videos:
            if sha in seen:
                continue
            seen.add(sha)
            state, holder = rows.get(sha, (None, None))
            if state in ("learned", "rejected") or (state == "claimed" and _owner_alive(holder)):
                continue
            con.execute("INSERT OR REPLACE INTO loop_videos (sha256, path, state, owner, error, updated_at) VALUES (?, ?, 'claimed', ?, NULL, current_timestamp)", [sha, str(path), owner])
            claimed.append((path, sha))
    return claimed


def mark_learned(db_path: str | Path, sha256: str, path: str | Path) -> None:
    """Record that a video was learned (by the loop or by a manual ``learn_video`` run)."""
    ensure_tables(db_path, DDL)
    with transaction(db_path) as con:
        con.execute("INSERT OR REPLACE INTO loop_videos (sha256, path, state, owner, error, updated_at) VALUES (?, ?, 'learned', NULL, NULL, current_timestamp)", [sha256, str(path)])


def release(db_path: str | Path, sha256: str, owner: str, state: str, error: str) -> None:
    """Give up ``owner``'s claim after a failure: ``failed`` (next run retries) or ``rejected`` (unreadable video)."""
    if state not in ("failed", "rejected"):
        raise ValueError(f"not a failure state: {state!r}")
    ensure_tables(db_path, DDL)
    with transaction(db_path) as con:
        con.execute(
            "UPDATE loop_videos SET state = ?, error = ?, updated_at = current_timestamp WHERE sha256 = ? AND owner = ?",
            [state, error, sha256, owner],
        )


def states(db_path: str | Path) -> dict[str, dict]:
    """``{sha256: {"path", "state", "owner", "error"}}`` for every video a loop has seen."""
    if not Path(db_path).exists():
        return {}
    ensure_tables(db_path, DDL)
    with connect(db_path) as con:
        rows = con.execute("SELECT sha256, path, state, owner, error FROM loop_videos").fetchall()
    return {r[0]: {"path": r[1], "state": r[2], "owner": r[3], "error": r[4]} for r in rows}
