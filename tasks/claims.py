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

import errno
import os
import socket
import stat
from pathlib import Path

from aspects.decode import sha256_file
from aspects.paths import path_text, text_path
from aspects.store import connect, ensure_tables, transaction

VIDEO_SUFFIXES = (".mp4", ".m4v", ".mov")

# learned: done; claimed: a run is on it; failed: retried by the next run;
# rejected: the video itself is unreadable (BadInputError), not retried until its bytes change.
# The ``quarantine`` table records, per inbox file, why it was set aside (bad video, bad spec,
# unreadable file) and what it looked like then; scans skip it until that changes.
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
CREATE TABLE IF NOT EXISTS quarantine (
    path VARCHAR PRIMARY KEY,          -- aspects.paths.path_text of the inbox file (any file name)
    sha256 VARCHAR,                    -- NULL when the file could not be read
    size_bytes BIGINT, mtime_ns BIGINT, -- the bytes it was judged on; NULL when it could not be read
    spec_fingerprint VARCHAR NOT NULL, -- size:mtime_ns of NAME.json, '-' without one
    reason VARCHAR NOT NULL,
    quarantined_at TIMESTAMP NOT NULL
);
"""
MAX_REASON_CHARS = 500


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


def spec_fingerprint(video: Path) -> str:
    """``size:mtime_ns`` of the sidecar spec ``NAME.json`` next to ``video``, or ``-`` without one."""
    try:
        st = video.with_suffix(".json").stat()
    except OSError:
        return "-"
    return f"{st.st_size}:{st.st_mtime_ns}"


def scan_inbox(db_path: str | Path, inbox: str | Path) -> list[tuple[Path, str]]:
    """``(path, sha256)`` of every video file in ``inbox`` (not recursive), sorted by path.

    A file under quarantine whose bytes (size, mtime) and spec are unchanged is
    left out without being read; one that changed leaves quarantine. A file
    that cannot even be read (a symlink loop, no permission, not a regular
    file) is quarantined here and left out: one bad file never stops the scan.
    """
    inbox = Path(inbox)
    files = sorted(p for p in inbox.iterdir() if p.suffix.lower() in VIDEO_SUFFIXES and not p.is_dir()) if inbox.is_dir() else []
    if not files:
        return []
    ensure_tables(db_path, DDL)
    with connect(db_path) as con:
        known = {r[0]: (r[1], r[2], r[3]) for r in con.execute("SELECT path, size_bytes, mtime_ns, sha256 FROM inbox_hashes").fetchall()}
        held = {r[0]: (r[1], r[2], r[3]) for r in con.execute("SELECT path, size_bytes, mtime_ns, spec_fingerprint FROM quarantine").fetchall()}
    out, fresh, lifted, unreadable = [], [], [], []
    for path in files:
        key = path_text(os.path.abspath(path))
        try:
            st = path.stat()
            if not stat.S_ISREG(st.st_mode):
                raise OSError(errno.EINVAL, "not a regular file")
        except OSError as exc:
            if key not in held or held[key][:2] != (None, None):
                unreadable.append((key, _read_error(exc)))
            continue
        if key in held:
            if held[key] == (st.st_size, st.st_mtime_ns, spec_fingerprint(path)):
                continue
            lifted.append(key)
        cached = known.get(key)
        if cached and cached[:2] == (st.st_size, st.st_mtime_ns):
            sha = cached[2]
        else:
            try:
                sha = sha256_file(path)
            except OSError as exc:
                unreadable.append((key, _read_error(exc)))
                continue
            fresh.append((key, st.st_size, st.st_mtime_ns, sha))
        out.append((path, sha))
    if fresh or lifted or unreadable:
        with transaction(db_path) as con:
            if fresh:
                con.executemany("INSERT OR REPLACE INTO inbox_hashes VALUES (?, ?, ?, ?)", fresh)
            if lifted:
                con.executemany("DELETE FROM quarantine WHERE path = ?", [[k] for k in lifted])
            for key, reason in unreadable:
                _quarantine_row(con, key, None, None, None, "-", reason)
    return out


def _read_error(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "cannot read: symbolic link loop"
    return f"cannot read: {exc.strerror or exc}"


def _quarantine_row(con, key: str, sha256: str | None, size: int | None, mtime_ns: int | None, spec: str, reason: str) -> None:
    con.execute(
        "INSERT OR REPLACE INTO quarantine (path, sha256, size_bytes, mtime_ns, spec_fingerprint, reason, quarantined_at) VALUES (?, ?, ?, ?, ?, ?, current_timestamp)",
        [key, sha256, size, mtime_ns, spec, reason[:MAX_REASON_CHARS]],
    )


def quarantine(db_path: str | Path, path: str | Path, sha256: str | None, reason: str) -> None:
    """Put the inbox file ``path`` under quarantine: later scans skip it until its bytes or its spec change.

    Recorded with the reason, the time, its sha256, size and mtime and its
    spec's fingerprint (table ``quarantine``).
    """
    path = text_path(path) if isinstance(path, str) else Path(path)
    try:
        st = path.stat()
        size, mtime_ns = st.st_size, st.st_mtime_ns
    except OSError:
        size = mtime_ns = None
    ensure_tables(db_path, DDL)
    with transaction(db_path) as con:
        _quarantine_row(con, path_text(os.path.abspath(path)), sha256, size, mtime_ns, spec_fingerprint(path), reason)


def quarantined(db_path: str | Path) -> list[dict]:
    """Every file under quarantine: ``path`` (path_text), ``sha256``, ``size_bytes``, ``mtime_ns``, ``reason``, ``at``; by path."""
    if not Path(db_path).exists():
        return []
    ensure_tables(db_path, DDL)
    with connect(db_path) as con:
        rows = con.execute("SELECT path, sha256, size_bytes, mtime_ns, reason, quarantined_at FROM quarantine ORDER BY path").fetchall()
    return [dict(zip(("path", "sha256", "size_bytes", "mtime_ns", "reason", "at"), r)) for r in rows]


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
            con.execute("INSERT OR REPLACE INTO loop_videos (sha256, path, state, owner, error, updated_at) VALUES (?, ?, 'claimed', ?, NULL, current_timestamp)", [sha, path_text(path), owner])
            claimed.append((path, sha))
    return claimed


def mark_learned(db_path: str | Path, sha256: str, path: str | Path) -> None:
    """Record that a video was learned (by the loop or by a manual ``learn_video`` run)."""
    ensure_tables(db_path, DDL)
    with transaction(db_path) as con:
        con.execute("INSERT OR REPLACE INTO loop_videos (sha256, path, state, owner, error, updated_at) VALUES (?, ?, 'learned', NULL, NULL, current_timestamp)", [sha256, path_text(path)])


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
