"""Issue 4 end to end: a real video learnt through ``aspects learn``, then ``aspects registry list|show|export``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from aspects.cli import main
from aspects.settings import get_settings
from aspects.stages import analyze_video
from aspects.store import connect
from registries import store
from registries.growth import grow
from tests.media import ffmpeg

REPO = Path(__file__).resolve().parent.parent


def cli_json(capsys, *argv: str):
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_fresh_store_lists_its_seeds(data_dir, capsys):
    assert main(["registry", "list"]) == 0
    summary = capsys.readouterr().out
    assert "static.color" in summary and "narrative.scene_type" in summary
    camera = cli_json(capsys, "registry", "list", "dynamic.camera", "--top", "0", "--json")
    assert sorted(e["name"] for e in camera) == sorted(["static", "pan_left", "pan_right", "tilt_up", "tilt_down", "zoom_in", "zoom_out", "handheld"])
    assert all(e["primitive"] and e["frames"] == 0 for e in camera)
    assert main(["registry", "show", "static.color", "no-such-colour"]) == 2
    assert "no entry with key or name 'no-such-colour'" in capsys.readouterr().err


def test_pure_red_video_is_learnt_as_red(data_dir, tmp_path, capsys):
    video = tmp_path / "red.mp4"
    ffmpeg("-f", "lavfi", "-i", "color=c=red:s=128x72:d=1:r=10", "-c:v", "libx264", "-pix_fmt", "yuv420p", str(video))
    video.with_suffix(".json").write_text(json.dumps({"genre": "Sci-Fi", "mood": ["Calm"], "prompt": "A red screen in the desert"}))
    # The Prefect learn_video flow in its own process and Prefect home (a temporary server, ~20 s);
    # the sidecar red.json is the spec.
    env = {**os.environ, "ASPECTS_DATA_DIR": str(data_dir), "PREFECT_HOME": str(tmp_path / "prefect")}
    env["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = "180"  # a fresh Prefect home migrates its database first: slow on a busy machine
    env.pop("PREFECT_API_URL", None)
    run = subprocess.run([sys.executable, "-m", "aspects.cli", "learn", str(video)], cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr

    top = cli_json(capsys, "registry", "list", "static.color", "--top", "1", "--json")[0]
    assert (top["name"], top["key"], top["frames"], top["videos"]) == ("red", "L50-C105-h45", 10, 1)
    assert top["primitive"] is True  # a seeded public colour, now observed
    assert main(["registry", "list", "static.color", "--top", "3"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[2].split()[:4] == ["red", "L50-C105-h45", "10", "1"]

    genre = cli_json(capsys, "registry", "show", "narrative.genre", "science fiction")
    assert genre["videos"] == 1 and genre["sources"][0]["prompt"] == "A red screen in the desert"
    settings_ = cli_json(capsys, "registry", "show", "narrative.settings", "desert")  # from the prompt
    assert settings_["videos"] == 1

    # Learning the same video again (here straight through analyze + grow) changes nothing.
    settings = get_settings()
    with connect(settings.duckdb_path) as con:
        before = con.execute("SELECT * FROM registry_observations ORDER BY ALL").fetchall()
    again = grow(analyze_video(video, settings=settings, spec_path=video.with_suffix(".json")), settings=settings)
    assert again.changed == 0 and again.new == []
    with connect(settings.duckdb_path) as con:
        assert con.execute("SELECT * FROM registry_observations ORDER BY ALL").fetchall() == before
        color = store.aspect_document(con, "static.color")

    # Export: valid JSON, the same as DuckDB and as the mirror growth keeps.
    out = tmp_path / "export"
    assert main(["registry", "export", str(out)]) == 0
    exported = json.loads((out / "static" / "color.json").read_text())
    assert exported == color == json.loads((settings.registries_dir / "static" / "color.json").read_text())
    assert len(list(out.rglob("*.json"))) == 22
