"""Issue 4: keys, names, seeds, growth (idempotent, order-independent, concurrent), JSON mirror."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aspects.settings import Settings
from aspects.store import connect
from registries import growth, store
from registries.annotation import annotate, tally
from registries.growth import grow
from registries.keys import canonical, key_for
from registries.model import ASPECTS
from registries.naming import color_seeds, first_free_name, generated_name
from registries.seeds import seeds
from tests.registry_docs import RED, WHITE, document, video_a, video_b, video_c

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


def snapshot(settings: Settings) -> dict:
    """Everything the registries hold, by table, in a stable order."""
    with connect(settings.duckdb_path) as con:
        return {table: con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall() for table in ("registry_entries", "registry_observations", "discoveries")}


def observed(settings: Settings) -> dict[tuple[str, str], tuple[str, int, int]]:
    """``{(aspect, key): (name, frames, videos)}`` of every entry observed at least once."""
    with connect(settings.duckdb_path) as con:
        out = {}
        for aspect in ASPECTS:
            for e in store.entries(con, aspect):
                if e["videos"]:
                    out[(aspect, e["key"])] = (e["name"], e["frames"], e["videos"])
    return out


# ------------------------------------------------------------------ keys


def color_key(rgb, opacity=1.0):
    return key_for("static.color", {"r": rgb[0], "g": rgb[1], "b": rgb[2], "opacity": opacity})


def test_color_keys_are_perceptual_bins():
    # Pure sRGB red is L*53 C*105 h40°: rounded to L 10, C 15, h 15°.
    assert color_key(RED) == "L50-C105-h45"
    # Values a person calls the same share the key (a codec's ±3 levels, a slightly darker red)…
    assert color_key((252, 3, 2)) == color_key((245, 10, 8)) == color_key(RED)
    # …clearly different ones do not, even when RGB steps are small in some channels.
    assert len({color_key(c) for c in [RED, (255, 140, 0), (139, 0, 0), (255, 105, 180), (128, 0, 128)]}) == 5
    # Greys drop the hue; white and black are their own bins.
    assert color_key((128, 128, 128)) == color_key((125, 126, 129)) == "L50-C0"
    assert color_key(WHITE) == "L100-C0" and color_key((0, 0, 0)) == "L0-C0"
    # Saturated yellow stays yellow even at L ≈ 97.
    assert color_key((255, 255, 0)).startswith("L100-C90-")
    # Opacity below 1 shows as a quarter-step suffix.
    assert color_key(RED, 0.5) == "L50-C105-h45-a50"


def test_every_aspect_has_a_key_and_tolerates_missing_fields():
    doc = video_a()
    keyed = {aspect for aspect, _ in tally(doc)}
    assert {"static.color", "static.sound", "dynamic.camera", "dynamic.motion", "dynamic.transition", "dynamic.blends", "narrative.genre"} <= keyed
    for aspect in ASPECTS:
        if aspect == "static.color":
            continue
        value = {"value": "x"} if aspect.startswith("narrative.") else {}
        key = key_for(aspect, value)  # missing fields quantise to "na", never crash
        assert key and key == key_for(aspect, {**value, "unexpected": [1, 2]})
    # A null window aspect (no audio) is skipped, not keyed.
    doc["windows"][0]["audio_semantic"] = None
    assert ("dynamic.audio_semantic", "music.moderate.happy") not in tally(doc)


def test_pure_values_land_on_their_seeded_primitive():
    cases = {
        "dynamic.camera": {"motion_type": "static", "speed": 0.001, "steadiness": 1.0},
        "dynamic.transition": {"type": "cut", "start": 1.0, "end": 1.0, "duration": 0.0},
        "static.sound": {"amplitude": 0.0, "weight": 0.0, "tone": "silent", "timbre": "silent", "primitive": "silence"},
        "dynamic.gradient": {"gradient_type": "none", "strength": 0.02},
        "dynamic.audio_semantic": {"role": "silence", "presence": 0.0, "tempo_bpm": None},
    }
    for aspect, value in cases.items():
        assert key_for(aspect, value) in seeds(aspect), aspect
    # Qualified values are their own entries: band, direction and strength are in the key.
    assert key_for("dynamic.camera", {"motion_type": "pan_left", "speed": 0.1}) == "pan_left.medium"
    assert key_for("dynamic.camera", {"motion_type": "pan_left", "speed": 0.5}) == "pan_left.fast"
    assert key_for("static.sound", {"primitive": "hum", "tone": "low", "weight": 0.45}) == "hum.low.quiet"
    assert key_for("static.sound", {"primitive": "hum", "tone": "low", "weight": 0.9}) == "hum.low.loud"
    # Noise keeps one key whichever band its (random) strongest frequency falls in.
    noisy = {"primitive": "hiss", "timbre": "noisy", "weight": 0.6}
    assert {key_for("static.sound", {**noisy, "tone": t}) for t in ("low", "mid", "high")} == {"hiss.broadband.moderate"}
    assert key_for("dynamic.motion", {"level": 5.0, "direction": "horizontal", "trend": "increasing", "rhythm": "pulsing"}) == "medium.horizontal.increasing.pulsing"
    assert key_for("dynamic.transition", {"type": "fade_out", "duration": 1.0}) == "fade_out.medium"


def test_window_and_blend_keys_quantise_their_fields():
    lighting = {"brightness": 0.8, "contrast": 0.2, "saturation": 0.5, "color_temperature": "warm", "key_intensity": "high-key", "trend": "steady"}
    assert key_for("dynamic.lighting", lighting) == "bright.normal.vivid.warm.high_key.steady"
    assert key_for("dynamic.lighting", {**lighting, "brightness": 0.83, "contrast": 0.22}) == key_for("dynamic.lighting", lighting)
    assert key_for("dynamic.depth", {"parallax_strength": 0.0, "layer_count": 1, "sharpness": 0.8}) == "flat.1.sharp"
    assert key_for("dynamic.time", {"fps": 29.97, "sync_offset_s": 0.1}) == "fps30.audio_late"
    assert key_for("dynamic.technical", {"width": 1920, "height": 1080, "fps": 29.97, "codec": "h264"}) == "1920x1080.29.97.h264"
    blend = {
        "palette": [
            {"r": 255, "g": 0, "b": 0, "share": 0.68},
            {"r": 0, "g": 0, "b": 0, "share": 0.25},
            {"r": 250, "g": 4, "b": 3, "share": 0.04},  # same key as red: added to it
            {"r": 255, "g": 255, "b": 255, "share": 0.03},  # under 5 %: not part of the blend
        ],
        "pacing": {"cuts_per_minute": 12.0},
        "motion": {"level": 2.0},
        "audio": None,
    }
    assert key_for("dynamic.blends", blend) == "L50-C105-h45:70+L0-C0:30.pace-moderate.motion-low.audio-none"


# ------------------------------------------------------------------ names


def test_generated_names_are_stable_pronounceable_and_collision_free():
    # A fixed expectation: BLAKE2b is the same on every machine and every run (Python's hash() is salted).
    assert generated_name("static.color", "L50-C105-h45") == "vabaral"
    pattern = re.compile(r"^([bdfgklmnprstvz][aeiou]){3}[nrls]?$")
    names = [generated_name("dynamic.motion", f"k{i}") for i in range(2000)]
    assert all(pattern.match(n) for n in names)
    assert len(set(names)) > 1990
    # A collision is resolved the same way everywhere: the next attempt's hash.
    taken = generated_name("dynamic.motion", "k1")
    resolved = first_free_name("dynamic.motion", "k1", {}, {taken})
    assert resolved == generated_name("dynamic.motion", "k1", 1) != taken
    # Same check in a fresh interpreter with another hash seed.
    out = subprocess.run(
        [sys.executable, "-c", "from registries.naming import generated_name; print(generated_name('static.color', 'L50-C105-h45'))"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
        check=True,
    )
    assert out.stdout.strip() == "vabaral"


def test_colour_names_come_from_the_public_lists():
    by_key = color_seeds()
    assert by_key[color_key(RED)][0] == "red"
    assert by_key[color_key(WHITE)][0] == "white"
    assert by_key[color_key((0, 0, 0))][0] == "black"
    assert by_key[color_key((0, 0, 255))][0] == "blue"
    names = [name for name, _ in by_key.values()]
    assert len(names) == len(set(names)) > 400
    # A non-seeded colour key near a public name that no seed took gets that name (CIEDE2000 ≤ 5).
    key, fields = canonical("static.color", {"r": 0, "g": 204, "b": 0, "opacity": 1.0})
    assert key not in by_key
    assert first_free_name("static.color", key, fields, set(names)) == "frog green"


# ------------------------------------------------------------------ growth


def test_seeds_are_present_before_the_first_video(settings):
    assert store.prepare(settings) is True
    assert store.prepare(settings) is False  # seeded once only
    with connect(settings.duckdb_path) as con:
        rows = {(a, k): (n, p) for a, k, n, p in con.execute("SELECT aspect, key, name, primitive FROM registry_entries").fetchall()}
        assert con.execute("SELECT count(*) FROM registry_observations").fetchone()[0] == 0
    assert rows[("static.color", "L50-C105-h45")] == ("red", True)
    for aspect, words in {
        "static.sound": ["silence", "hum", "tone", "rumble", "hiss", "click", "buzz"],
        "dynamic.camera": ["static", "pan_left", "pan_right", "tilt_up", "tilt_down", "zoom_in", "zoom_out", "handheld"],
        "dynamic.transition": ["cut", "fade_in", "fade_out", "dissolve", "wipe"],
        "dynamic.gradient": ["none", "vertical", "horizontal", "diagonal", "radial"],
        "dynamic.audio_semantic": ["silence", "speech", "singing", "music", "ambient", "sfx"],
        "narrative.genre": ["science fiction", "documentary", "horror"],
        "narrative.mood": ["happy", "calm"],
        "narrative.settings": ["city", "desert"],
    }.items():
        for word in words:
            assert rows[(aspect, word)] == (word, True), (aspect, word)
    for aspect in ("narrative.themes", "narrative.plots", "narrative.style", "narrative.scene_type"):
        assert sum(1 for a, _ in rows if a == aspect) >= 10
    # The JSON mirror is there from the start too.
    red = json.loads((settings.registries_dir / "static" / "color.json").read_text())
    assert any(e["name"] == "red" and e["primitive"] for e in red["entries"])


def test_relearning_a_video_changes_nothing(settings):
    first = grow(video_a(), settings=settings)
    before = snapshot(settings)
    again = grow(video_a(), settings=settings)
    assert first.new and first.changed > 0
    assert again.new == [] and again.changed == 0 and again.known == first.observed
    assert snapshot(settings) == before  # counts, names, timestamps and change_seq all untouched


def test_two_videos_add_exactly_their_observations(settings):
    a, b = video_a(), video_b()
    grow(a, settings=settings)
    grow(b, settings=settings)
    ta, tb = tally(a), tally(b)
    expected = {}
    for t in (ta, tb):
        for key, (count, _) in t.items():
            frames, videos = expected.get(key, (0, 0))
            expected[key] = (frames + count, videos + 1)
    got = {k: (frames, videos) for k, (_, frames, videos) in observed(settings).items()}
    assert got == expected
    # Red is in both: 6 + 3 frames over 2 videos; a whole 1-s window is one window.
    assert got[("static.color", "L50-C105-h45")] == (9, 2)
    assert got[("dynamic.camera", "static")] == (1, 1)


def test_growth_order_does_not_matter(tmp_path):
    one, two = Settings(data_dir=tmp_path / "one"), Settings(data_dir=tmp_path / "two")
    for doc in (video_a(), video_b(), video_c()):
        grow(doc, settings=one)
    for doc in (video_c(), video_a(), video_b()):
        grow(doc, settings=two)
    assert observed(one) == observed(two)
    with connect(one.duckdb_path) as c1, connect(two.duckdb_path) as c2:
        query = "SELECT aspect, key, name, value, depth_breakdown, primitive, sources FROM registry_entries ORDER BY aspect, key"
        assert c1.execute(query).fetchall() == c2.execute(query).fetchall()


def test_new_values_are_named_discoveries(settings):
    result = grow(video_b(), settings=settings)
    new = {(aspect, key): name for aspect, key, name in result.new}
    assert new[("narrative.genre", "space opera")] == "space opera"  # unknown narrative value: named after itself
    assert new[("dynamic.camera", "zoom_in.fast")] == generated_name("dynamic.camera", "zoom_in.fast")
    with connect(settings.duckdb_path) as con:
        rows = con.execute("SELECT aspect, key, name, video_sha256 FROM discoveries").fetchall()
        zoom = store.find_entry(con, "dynamic.camera", "zoom_in.fast")
    assert {(a, k): n for a, k, n, _ in rows} == new
    assert {v for *_, v in rows} == {video_b()["video"]["sha256"]}
    assert zoom["depth_breakdown"] == {"zoom_in": 1.0} and zoom["primitive"] is False
    assert zoom["sources"] == [{"video_sha256": video_b()["video"]["sha256"], "prompt": None}]


def test_annotate_fills_keys_and_names_without_writing(settings):
    doc = annotate(video_a(), settings=settings)
    assert not settings.duckdb_path.exists()
    assert doc["frames"][0]["color"]["key"] == "L50-C105-h45" and doc["frames"][0]["color"]["name"] == "red"
    assert doc["frames"][0]["sound"]["key"] == "hum.low.quiet"
    window = doc["windows"][0]
    assert all(window[a]["key"] and window[a]["name"] for a in ("time", "motion", "camera", "lighting", "technical", "audio_semantic"))
    assert doc["transitions"][0]["name"] == "cut"
    assert doc["blends"]["palette"][0]["name"] == "red" and doc["blends"]["key"]
    # The names annotate predicts are the names growth gives.
    result = grow(video_a(), settings=settings)
    predicted = {"dynamic.camera": window["camera"]["name"], "static.sound": doc["frames"][0]["sound"]["name"]}
    given = {aspect: name for aspect, key, name in result.new if aspect in predicted}
    assert given == predicted
    assert annotate(video_a(), settings=settings)["windows"][0]["camera"]["name"] == predicted["dynamic.camera"]


def test_a_failed_growth_writes_nothing(settings, monkeypatch):
    grow(video_a(), settings=settings)
    before = snapshot(settings)
    calls = []

    def failing(aspect, fields):
        calls.append(aspect)
        if len(calls) == 3:
            raise RuntimeError("disk on fire")
        return None

    monkeypatch.setattr(growth, "depth_breakdown", failing)
    with pytest.raises(RuntimeError, match="disk on fire"):
        grow(video_c(), settings=settings)
    assert snapshot(settings) == before


def test_json_mirror_is_valid_and_matches_duckdb(settings, tmp_path):
    grow(video_a(), settings=settings)
    grow(video_b(), settings=settings)
    with connect(settings.duckdb_path) as con:
        for aspect in ASPECTS:
            registry, name = aspect.split(".")
            doc = json.loads((settings.registries_dir / registry / f"{name}.json").read_text(encoding="utf-8"))
            assert set(doc) == {"_meta", "count", "entries"}
            assert doc["_meta"]["aspect"] == aspect
            expected = [{k: v for k, v in e.items() if k != "aspect"} for e in store.entries(con, aspect)]
            assert doc["entries"] == expected and doc["count"] == len(expected)
    assert not list(settings.registries_dir.rglob("*.tmp"))


CHILD = """
import json, sys, time
from pathlib import Path
from aspects.settings import Settings
from registries.growth import grow
settings = Settings(data_dir=Path(sys.argv[1]))
docs = json.loads(Path(sys.argv[2]).read_text())
while time.time() < float(sys.argv[3]):
    time.sleep(0.005)
for doc in docs:
    grow(doc, settings=settings)
"""


def test_two_processes_learning_at_once_lose_nothing(settings, tmp_path):
    groups = [
        [document(f"p1-{i}", [RED, WHITE, (i * 20, 100, 50)] * 4) for i in range(4)],
        [document(f"p2-{i}", [WHITE, (10, 20, 90), (50, i * 20, 200)] * 4) for i in range(4)],
    ]
    start = time.time() + 3.0  # both start together, after their imports
    procs = []
    for n, docs in enumerate(groups):
        path = tmp_path / f"docs{n}.json"
        path.write_text(json.dumps(docs))
        procs.append(subprocess.Popen([sys.executable, "-c", CHILD, str(settings.data_dir), str(path), str(start)], cwd=REPO, stderr=subprocess.PIPE, text=True))
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    all_docs = groups[0] + groups[1]
    with connect(settings.duckdb_path) as con:
        videos = {v for (v,) in con.execute("SELECT DISTINCT video_sha256 FROM registry_observations").fetchall()}
        red = store.find_entry(con, "static.color", "red")
        white = store.find_entry(con, "static.color", "white")
        color = store.entries(con, "static.color")
    assert videos == {d["video"]["sha256"] for d in all_docs}
    assert (red["frames"], red["videos"]) == (16, 4)
    assert (white["frames"], white["videos"]) == (32, 8)
    assert sum(e["frames"] for e in color) == 8 * 12
    # The JSON mirror ends at the final state, whichever process wrote last.
    mirror = json.loads((settings.registries_dir / "static" / "color.json").read_text())
    assert mirror["entries"] == [{k: v for k, v in e.items() if k != "aspect"} for e in color]


def test_an_export_stuck_in_another_process_costs_the_next_one_the_wait_not_for_ever(settings, monkeypatch):
    """An export waits for another's lock at most EXPORT_LOCK_WAIT_S (here 0.5 s), then StoreLockedError naming the lock;
    once the holder lets go, the export runs (before: ``flock`` waited for ever)."""
    import fcntl

    from aspects.store import StoreLockedError

    monkeypatch.setattr(store, "EXPORT_LOCK_WAIT_S", 0.5)
    store.export_json(settings)  # makes the data dir, the store and the lock file
    with open(settings.data_dir / ".registries-export.lock", "w") as holder:
        fcntl.flock(holder, fcntl.LOCK_EX)  # another open file description: conflicts even within this process
        started = time.monotonic()
        with pytest.raises(StoreLockedError, match="registries-export.lock"):
            store.export_json(settings)
        waited = time.monotonic() - started
        fcntl.flock(holder, fcntl.LOCK_UN)
    assert 0.5 <= waited < 30.0, waited
    assert store.export_json(settings)
