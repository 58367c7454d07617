"""Issue 14, done when: a loop over an inbox with good files, a corrupt one, an oversize spec,
a non-UTF-8 name and a symlink loop learns the good ones, quarantines the rest, and syncs
(embedded sqlite D1 target). A second run skips what is quarantined until it changes."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from aspects.paths import path_text
from aspects.settings import get_settings
from tasks import claims


def test_loop_learns_the_good_quarantines_the_rest_and_syncs(prefect_api, data_dir, videos, tmp_path, capsys):
    from aspects.cli import main

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    red = videos["red"].read_bytes()
    (inbox / "good.mp4").write_bytes(videos["clip"].read_bytes())
    (inbox / "good.json").write_text(json.dumps({"genre": "Драма", "mood": "calm"}), encoding="utf-8")
    odd = Path(os.fsdecode(os.fsencode(inbox) + b"/caf\xe9-\xff.mp4"))  # not UTF-8: Latin-1 é and a lone 0xff
    odd.write_bytes(red)
    corrupt = inbox / "corrupt.mp4"
    corrupt.write_bytes(red[: len(red) // 3])  # truncated: no index
    oversize = inbox / "oversize.mp4"
    oversize.write_bytes(red + b"\0")  # other bytes than red.mp4 (another video), still playable
    oversize.with_suffix(".json").write_text(json.dumps({"genre": "drama", "plots": ["x" * 30_000]}))
    (inbox / "loop.mp4").symlink_to(inbox / "loop.mp4")

    assert main(["loop", "--inbox", str(inbox)]) == 0
    out = capsys.readouterr().out
    assert f"{inbox}: 2 video(s) learned, 2 quarantined" in out
    assert "sync: " in out and "failed" not in out.splitlines()[-1]

    db = get_settings().duckdb_path
    held = {Path(row["path"]).name: row for row in claims.quarantined(db)}
    assert set(held) == {"corrupt.mp4", "oversize.mp4", "loop.mp4"}
    assert "no index" in held["corrupt.mp4"]["reason"] or "truncated" in held["corrupt.mp4"]["reason"]
    assert "plots[0]" in held["oversize.mp4"]["reason"] and len(held["oversize.mp4"]["reason"]) < 400
    assert "symbolic link loop" in held["loop.mp4"]["reason"]
    assert held["corrupt.mp4"]["sha256"] and held["corrupt.mp4"]["size_bytes"] == len(red) // 3 and held["corrupt.mp4"]["at"]
    learned = {row["path"] for row in claims.states(db).values() if row["state"] == "learned"}
    assert learned == {path_text(inbox / "good.mp4"), path_text(odd)}

    d1 = sqlite3.connect(get_settings().data_dir / "d1.sqlite")
    genres = dict(d1.execute("SELECT key, videos FROM entry_totals WHERE aspect = 'narrative.genre' AND videos > 0"))
    assert genres == {"drama": 1}  # "Драма" is a synonym of drama; the oversize spec's video was not learned
    assert d1.execute("SELECT count(DISTINCT video_sha256) FROM observations").fetchone()[0] == 2
    assert main(["d1", "status"]) == 0
    assert "pending  0 entries, 0 observations, 0 discoveries" in capsys.readouterr().out

    # Next run: quarantined files are skipped unread until they change; fixing the spec lets that video in.
    oversize.with_suffix(".json").write_text(json.dumps({"genre": "drama", "plots": ["a heist"]}))
    assert main(["loop", "--inbox", str(inbox)]) == 0
    out = capsys.readouterr().out
    assert f"{inbox}: 1 video(s) learned" in out and "quarantined" not in out.splitlines()[-2]
    assert {Path(row["path"]).name for row in claims.quarantined(db)} == {"corrupt.mp4", "loop.mp4"}
    genres = dict(d1.execute("SELECT key, videos FROM entry_totals WHERE aspect = 'narrative.genre' AND videos > 0"))
    assert genres == {"drama": 2}
