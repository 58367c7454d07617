"""Issue 14: no input may stop the loop. One test (or more) per defect the adversarial run found.

Options, spec limits and odd specs, Unicode narrative values, non-UTF-8 file
names, decoder errors, colour (alpha, greys, orientation), rough edges of the
command line, D1 rows the target cannot take, and re-learning that replaces.
"""

from __future__ import annotations

import json
import math
import os
import random
import sqlite3
from pathlib import Path

import av
import numpy as np
import pytest

from aspects.cli import main
from aspects.errors import AspectsError, BadInputError, SpecError
from aspects.settings import Settings, get_settings
from tests.media import make_video

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def tiny(tmp_path_factory) -> Path:
    """64×36, 1 s at 25 fps, H.264 + AAC 440 Hz."""
    return make_video(tmp_path_factory.mktemp("tiny") / "tiny.mp4", "testsrc2=s=64x36:r=25", duration_s=1, audio="sine=f=440:d=1")


def one_error_line(capsys) -> str:
    """stderr of the last command: exactly one line, returned."""
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    return err[0]


def usage_error(capsys) -> str:
    """argparse's error line (the one after its usage line)."""
    err = capsys.readouterr().err.strip().splitlines()
    assert err and "Traceback" not in "\n".join(err)
    return err[-1]


# ------------------------------------------------------------------ options


@pytest.mark.parametrize("value", ["1e-9", "-1", "0", "0.05", "nan", "inf", "-inf", "601", "abc"])
def test_bad_window_is_refused_before_any_work(value, tiny, data_dir, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["analyze", str(tiny), f"--window={value}"])
    assert exit_.value.code == 2
    assert "window must be" in usage_error(capsys)


@pytest.mark.parametrize("value", ["0", "-5", "1.5", "nan", "inf", "x"])
def test_bad_frame_step_is_refused(value, tiny, data_dir, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["analyze", str(tiny), f"--frame-step={value}"])
    assert exit_.value.code == 2
    assert "frame step must be" in usage_error(capsys)


def test_one_validation_for_options_and_settings(monkeypatch):
    from aspects.settings import WINDOW_MAX_S, check_frame_step, check_window_s

    assert check_window_s("0.1") == 0.1 and check_window_s(WINDOW_MAX_S) == WINDOW_MAX_S
    assert check_frame_step("3") == 3 and check_frame_step(2.0) == 2
    for bad in (0.0, -1, math.nan, math.inf, 1e-9, WINDOW_MAX_S + 1):
        with pytest.raises(ValueError, match="window"):
            check_window_s(bad)
    with pytest.raises(Exception, match="window must be between"):
        Settings(window_s=0)
    with pytest.raises(Exception, match="frame step"):
        Settings(frame_step=0)
    monkeypatch.setenv("ASPECTS_WINDOW_S", "nan")
    get_settings.cache_clear()
    try:
        with pytest.raises(AspectsError) as error:
            get_settings()
    finally:
        get_settings.cache_clear()
    assert "\n" not in str(error.value) and "ASPECTS_WINDOW_S" in str(error.value)


def test_a_window_longer_than_the_video_is_one_window(tiny, data_dir):
    from aspects.stages import analyze_video

    doc = analyze_video(tiny, window_s=30)
    assert len(doc["windows"]) == 1 and doc["windows"][0]["start"] == 0


def test_window_zero_is_not_silently_the_default(tiny, data_dir):
    from aspects.stages import analyze_video

    with pytest.raises(ValueError, match="window must be between"):
        analyze_video(tiny, window_s=0)


# ------------------------------------------------------------------ specs


def write(path: Path, text: str | bytes) -> Path:
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_long_narrative_values_are_refused_at_the_spec_with_a_short_message(tmp_path):
    from aspects.narrative import MAX_VALUE_CHARS, MAX_VALUES_PER_LIST, load_spec

    long_value = "x" * 30_000
    with pytest.raises(SpecError) as error:
        load_spec(write(tmp_path / "plots.json", json.dumps({"plots": ["ok", long_value]})))
    message = str(error.value)
    assert "plots[1]" in message and f"limit of {MAX_VALUE_CHARS}" in message and len(message) < 300
    with pytest.raises(SpecError, match="over the limit of 50"):
        load_spec(write(tmp_path / "many.json", json.dumps({"genre": ["g"] * (MAX_VALUES_PER_LIST + 1)})))
    spec = load_spec(write(tmp_path / "edge.json", json.dumps({"plots": ["y" * MAX_VALUE_CHARS] * MAX_VALUES_PER_LIST})))
    assert len(spec["plots"]) == MAX_VALUES_PER_LIST


def test_a_huge_spec_is_refused_before_it_is_parsed(tmp_path):
    from aspects.narrative import load_spec

    path = tmp_path / "huge.json"
    with open(path, "wb") as fh:  # 50 MB: one sparse write, nothing to parse
        fh.write(b'{"genre": "')
        fh.seek(50_000_000)
        fh.write(b'"}')
    with pytest.raises(SpecError, match=r"50,000,002 bytes, over the 1,000,000-byte limit"):
        load_spec(path)


def test_deeply_nested_bom_and_non_utf8_specs(tmp_path):
    from aspects.narrative import load_spec

    with pytest.raises(SpecError, match=r"deep\.json: JSON nested deeper than 32 levels"):
        load_spec(write(tmp_path / "deep.json", "[" * 100_000 + "]" * 100_000))
    assert load_spec(write(tmp_path / "bom.json", b"\xef\xbb\xbf" + b'{"genre": "drama"}'))["genre"] == "drama"
    with pytest.raises(SpecError, match="not UTF-8"):
        load_spec(write(tmp_path / "latin1.json", '{"genre": "drame épique"}'.encode("latin-1")))


def test_spec_errors_from_the_command_line_are_one_line(tiny, data_dir, tmp_path, capsys):
    spec = write(tmp_path / "deep.json", '{"a": ' * 5000 + "1" + "}" * 5000)
    assert main(["analyze", str(tiny), "--spec", str(spec)]) == 2
    assert one_error_line(capsys).startswith(f"aspects: error: {spec}: JSON nested deeper")


# ------------------------------------------------------------------ Unicode narrative values


def test_unicode_narrative_values_are_kept_matched_and_named_after_themselves(tmp_path):
    from aspects.narrative import narrative_from, normalise_word
    from registries.growth import grow
    from registries.store import connect, find_entry

    assert normalise_word("  Sci-Fi! ") == "sci fi" and normalise_word("Café") == "cafe"  # as before
    assert normalise_word("ＤＲＡＭＡ") == "drama"  # NFKC: full-width letters
    assert normalise_word("Straße") == "strasse"  # casefold
    block = narrative_from({"genre": ["Драма", "日本のアニメ", "🎉", "コメディ"], "mood": "Спокойный"}, None)
    assert block["genre"] == ["drama", "日本のアニメ", "🎉", "comedy"]  # synonyms where they exist, else kept
    assert block["mood"] == ["спокойный"]
    settings = Settings(data_dir=tmp_path / "data")
    document = {"video": {"sha256": "a" * 64}, "frames": [], "windows": [], "transitions": [], "blends": {}, "narrative": block}
    grow(document, settings=settings)
    with connect(settings.duckdb_path) as con:
        for value in ("日本のアニメ", "🎉"):
            assert find_entry(con, "narrative.genre", value)["name"] == value
        assert find_entry(con, "narrative.mood", "спокойный")["videos"] == 1


# ------------------------------------------------------------------ file names


@pytest.fixture
def odd_name(tiny, tmp_path) -> Path:
    """The tiny clip under a name that is not UTF-8 (Latin-1 é, a lone 0xff byte), with a spec beside it."""
    directory = os.fsencode(tmp_path) + b"/in\xffbox"
    os.mkdir(directory)
    video = Path(os.fsdecode(directory + b"/caf\xe9.mp4"))
    video.write_bytes(tiny.read_bytes())
    video.with_suffix(".json").write_text(json.dumps({"genre": "drama"}), encoding="utf-8")
    return video


def test_path_text_is_lossless_and_utf8():
    from aspects.paths import path_text, text_path

    for raw in (b"/tmp/plain.mp4", b"/tmp/caf\xe9.mp4", b"/tmp/a\\b\xff.mp4", "/tmp/été 日本.mp4".encode(), b"/tmp/x\\xff.mp4"):
        text = path_text(os.fsdecode(raw))
        text.encode("utf-8")  # never raises
        assert os.fsencode(text_path(text)) == raw
    assert path_text("/tmp/plain.mp4") == "/tmp/plain.mp4"


def test_analyze_json_with_a_non_utf8_name(odd_name, data_dir, tmp_path, capsys):
    from aspects.paths import path_text

    out = tmp_path / "doc.json"
    assert main(["analyze", str(odd_name), "--spec", str(odd_name.with_suffix(".json")), "--json", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["video"]["path"] == path_text(odd_name) and doc["video"]["path"].endswith("caf\\xe9.mp4")
    assert doc["narrative"]["genre"] == ["drama"]
    capsys.readouterr()
    assert main(["analyze", str(odd_name), "--json", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["video"]["path"] == path_text(odd_name)


def test_registries_and_d1_with_a_non_utf8_name(odd_name, data_dir, tmp_path):
    from aspects.paths import path_text
    from aspects.stages import analyze_video
    from registries.d1.sync import sync
    from registries.growth import grow
    from tasks import claims

    db = get_settings().duckdb_path
    found = claims.scan_inbox(db, odd_name.parent)
    assert [p for p, _ in found] == [odd_name]
    document = analyze_video(found[0][0], spec_path=odd_name.with_suffix(".json"))
    grow(document)
    claims.mark_learned(db, found[0][1], found[0][0])
    assert claims.states(db)[found[0][1]]["path"] == path_text(odd_name)
    report = sync()
    assert report.entries > 0 and report.rejected == 0


# ------------------------------------------------------------------ decoder errors


def corrupt_audio_until(tiny: Path, tmp_path: Path, wanted: type, tries: int = 400) -> Path:
    """Overwrite a few bytes inside the clip's audio packets (seeded) until PyAV raises ``wanted`` while decoding."""
    source = tiny.read_bytes()
    with av.open(str(tiny)) as container:
        packets = [(p.pos, p.size) for p in container.demux(container.streams.audio[0]) if p.size and p.pos is not None]
    rng = random.Random(14)
    path = tmp_path / "corrupt-audio.mp4"
    for _ in range(tries):
        data = bytearray(source)
        pos, size = rng.choice(packets)
        for _ in range(rng.randint(1, 8)):
            data[pos + rng.randrange(size)] = rng.randrange(256)
        path.write_bytes(bytes(data))
        try:
            with av.open(str(path)) as container:
                for packet in container.demux():
                    packet.decode()
        except wanted:
            return path
        except Exception:
            continue
    pytest.fail(f"no corruption of the audio packets made PyAV raise {wanted.__name__}")


def test_a_corrupt_audio_packet_is_bad_input_with_its_position(tiny, tmp_path, data_dir, capsys):
    path = corrupt_audio_until(tiny, tmp_path, PermissionError)  # EPERM from avcodec_send_packet()
    assert main(["analyze", str(path)]) == 2
    line = one_error_line(capsys)
    assert line.startswith(f"aspects: error: {path}: corrupt or truncated audio data at ") and " s (" in line


def test_decode_errors_are_classified(tiny, tmp_path):
    from aspects.decode import is_io_error
    from aspects.pipeline import measure_video

    path = corrupt_audio_until(tiny, tmp_path, av.error.InvalidDataError)
    with pytest.raises(BadInputError, match=r"corrupt or truncated audio data at \d+\.\d\d s"):
        measure_video(path, Settings(data_dir=tmp_path))
    assert not is_io_error(PermissionError(1, "Operation not permitted"))
    assert is_io_error(OSError(5, "Input/output error")) and not is_io_error(MemoryError(12, "Cannot allocate memory"))


# ------------------------------------------------------------------ colour


def test_dominant_colour_weighs_pixels_by_alpha():
    from aspects.measure.color import dominant_color

    rgb = np.zeros((144, 256, 3), np.uint8)
    alpha = np.zeros((144, 256), np.uint8)
    rgb[:, :128], alpha[:, :128] = (220, 20, 20), 5  # left: red, nearly invisible (opacity 0.02)
    rgb[:, 128:], alpha[:, 128:] = (20, 20, 220), 255  # right: blue, opaque
    for left_share in (0.5, 0.6, 0.7, 0.9):  # even when the invisible red covers most of the frame
        cut = int(256 * left_share)
        rgb[:, :cut], alpha[:, :cut] = (220, 20, 20), 5
        rgb[:, cut:], alpha[:, cut:] = (20, 20, 220), 255
        color = dominant_color(rgb, alpha)
        assert color["r"] < 40 and color["b"] > 200 and color["opacity"] > 0.95, (left_share, color)
    # Visible share decides: 30 % opaque red vs 70 % half-transparent blue (0.35 of the frame) → blue.
    rgb[:, :77], alpha[:, :77] = (220, 20, 20), 255
    rgb[:, 77:], alpha[:, 77:] = (20, 20, 220), 128
    color = dominant_color(rgb, alpha)
    assert color["b"] > 200 and color["r"] < 40 and abs(color["opacity"] - 128 / 255) < 0.01
    # Nothing visible at all: every pixel counts alike, opacity 0.
    color = dominant_color(rgb, np.zeros_like(alpha))
    assert color["b"] > 200 and color["opacity"] == 0.0


def test_dominant_colour_does_not_depend_on_orientation():
    from aspects.measure.color import dominant_color

    rng = np.random.default_rng(7)
    differ = 0
    for _ in range(40):  # frames of near ties: 4 colours in random blocks
        palette = rng.integers(0, 256, (4, 3), dtype=np.uint8)
        blocks = rng.integers(0, 4, (9, 16))
        frame = np.ascontiguousarray(np.repeat(np.repeat(palette[blocks], 16, axis=0), 16, axis=1))
        a, b = dominant_color(frame), dominant_color(np.ascontiguousarray(np.rot90(frame)))
        differ += (a["r"], a["g"], a["b"]) != (b["r"], b["g"], b["b"])
    assert differ == 0


def test_portrait_video_keeps_a_portrait_analysis_size(tmp_path):
    from aspects.decode import VideoFrame, analysis_size, decode_items, open_media

    assert analysis_size(1080, 1920, (256, 144)) == (144, 256)
    assert analysis_size(1920, 1080, (256, 144)) == (256, 144)
    clip = make_video(tmp_path / "portrait.mp4", "testsrc2=s=360x640:r=25", duration_s=0.2)
    container = open_media(clip)
    try:
        frame = next(i for i in decode_items(container, clip) if isinstance(i, VideoFrame))
    finally:
        container.close()
    assert frame.rgb.shape[:2] == (256, 144)


@pytest.mark.parametrize("lightness", [20, 30, 40, 50, 60, 70, 80, 90])
def test_a_neutral_grey_gets_a_neutral_name(lightness):
    from registries.keys import color_fields
    from registries.naming import NEUTRAL_MAX_CHROMA, color_seeds, first_free_name, public_colors

    level = {20: 48, 30: 71, 40: 94, 50: 119, 60: 145, 70: 171, 80: 198, 90: 226}[lightness]
    key, fields = color_fields({"r": level, "g": level, "b": level, "opacity": 1.0})
    assert key == f"L{lightness}-C0"
    names, lab = public_colors()
    chroma = dict(zip(names, np.hypot(lab[:, 1], lab[:, 2])))
    for name in (color_seeds()[key][0], first_free_name("static.color", key, fields, set())):
        assert name.startswith("neutral grey") or chroma[name] <= NEUTRAL_MAX_CHROMA, name
        assert "warm" not in name and "cool" not in name
    assert color_seeds()["L60-C0"][0] == "neutral grey 60"


# ------------------------------------------------------------------ rough edges


def test_json_to_an_unwritable_directory_is_one_line(tiny, data_dir, tmp_path, capsys):
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    assert main(["analyze", str(tiny), "--json", str(a_file / "doc.json")]) == 2
    line = one_error_line(capsys)
    assert line.startswith(f"aspects: error: {a_file / 'doc.json'}: cannot write the analysis document: ")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            return  # running as root: permissions are not enforced
        assert main(["analyze", str(tiny), "--json", str(locked / "doc.json")]) == 2
        assert one_error_line(capsys) == f"aspects: error: {locked / 'doc.json'}: cannot write the analysis document: Permission denied"
    finally:
        locked.chmod(0o700)


def test_data_dir_that_is_a_file_is_one_line(tiny, tmp_path, monkeypatch, capsys):
    file = tmp_path / "not-a-dir"
    file.write_text("x")
    monkeypatch.setenv("ASPECTS_DATA_DIR", str(file))
    get_settings.cache_clear()
    try:
        assert main(["registry", "list"]) == 2
    finally:
        get_settings.cache_clear()
    line = one_error_line(capsys)
    assert "ASPECTS_DATA_DIR" in line and "is not a directory" in line


def test_symlink_loop_and_broken_link(tmp_path, data_dir, capsys):
    loop = tmp_path / "loop.mp4"
    loop.symlink_to(tmp_path / "loop.mp4")
    assert main(["analyze", str(loop)]) == 2
    assert one_error_line(capsys) == f"aspects: error: {loop}: symbolic link loop (too many levels of symbolic links)"
    broken = tmp_path / "broken.mp4"
    broken.symlink_to(tmp_path / "nowhere.mp4")
    assert main(["analyze", str(broken)]) == 2
    assert "broken symbolic link" in one_error_line(capsys)


def test_configuration_errors_are_one_line(tiny, data_dir, monkeypatch, capsys):
    monkeypatch.setenv("ASPECTS_ANALYSIS_WIDTH", "wide")
    monkeypatch.setenv("ASPECTS_D1_TARGET", "postgres")
    get_settings.cache_clear()
    try:
        assert main(["analyze", str(tiny)]) == 2
    finally:
        get_settings.cache_clear()
    line = one_error_line(capsys)
    assert line.startswith("aspects: error: settings: ") and "ASPECTS_ANALYSIS_WIDTH" in line and "ASPECTS_D1_TARGET" in line


def test_a_d1_url_that_is_not_a_url_fails_at_once(data_dir, monkeypatch, capsys):
    monkeypatch.setenv("ASPECTS_D1_TARGET", "worker")
    monkeypatch.setenv("ASPECTS_D1_URL", "not-a-url")
    monkeypatch.setenv("ASPECTS_D1_TOKEN", "t")
    get_settings.cache_clear()
    try:
        assert main(["sync"]) == 2
    finally:
        get_settings.cache_clear()
    assert one_error_line(capsys) == "aspects: error: ASPECTS_D1_URL='not-a-url' is not an http(s) URL with a host (e.g. http://127.0.0.1:8787)"


# ------------------------------------------------------------------ D1: rows it cannot take


def grow_documents(settings: Settings, documents: list[dict]) -> None:
    from registries.growth import grow

    for document in documents:
        grow(document, settings=settings)


def narrative_doc(sha: str, **narrative) -> dict:
    block = {a: [] for a in ("genre", "mood", "themes", "plots", "settings", "style", "scene_type")}
    block.update(narrative)
    return {"video": {"sha256": sha}, "frames": [], "windows": [], "transitions": [], "blends": {}, "narrative": block}


def test_an_oversize_row_is_left_out_recorded_and_the_rest_syncs(tmp_path, capsys, monkeypatch):
    """A store from before the spec limits, holding a 30 KB plots value: the sync goes through without it."""
    from aspects.store import transaction
    from registries.d1.client import D1Client, SqliteTarget
    from registries.d1.sync import store_status, sync_store

    settings = Settings(data_dir=tmp_path / "data")
    grow_documents(settings, [narrative_doc("a" * 64, genre=["drama"]), narrative_doc("b" * 64, genre=["comedy"])])
    huge = "p" * 120_000
    with transaction(settings.duckdb_path) as con:  # written directly: the spec boundary refuses it today
        con.execute(
            "INSERT INTO registry_entries VALUES ('narrative.plots', ?, 'long plot', ?, NULL, false, now(), now(), NULL, nextval('registry_change_seq'))",
            [huge, json.dumps({"value": huge})],
        )
        con.execute("INSERT INTO registry_observations VALUES ('narrative.plots', ?, ?, 1, now(), now(), nextval('registry_change_seq'))", [huge, "a" * 64])
    d1_path = settings.data_dir / "d1.sqlite"  # the embedded target `aspects d1 status` reads below
    with D1Client(SqliteTarget(d1_path)) as client:
        report = sync_store(settings.duckdb_path, client)
        assert report.rejected == 3 and report.entries > 0  # the entry, its observation, its count refresh
        status = store_status(settings.duckdb_path, client.identity)
        assert sum(status["pending"].values()) == 0 and status["rejected"] == 3
        assert all(len(r["key"]) <= 61 and "100000-byte" in r["reason"] for r in status["rejected_rows"])
        again = sync_store(settings.duckdb_path, client)
        assert again.entries == 0  # nothing blocks the next sync
    d1 = sqlite3.connect(d1_path)
    genres = {k for (k,) in d1.execute("SELECT key FROM entries WHERE aspect = 'narrative.genre'")}
    assert {"drama", "comedy"} <= genres
    assert d1.execute("SELECT count(*) FROM entries WHERE aspect = 'narrative.plots' AND length(key) > 1000").fetchone()[0] == 0
    # `aspects d1 status` reports them, keys cut short.
    monkeypatch.setenv("ASPECTS_DATA_DIR", str(settings.data_dir))
    get_settings.cache_clear()
    try:
        assert main(["d1", "status"]) == 0
    finally:
        get_settings.cache_clear()
    out = capsys.readouterr().out
    assert "rejected 3 rows" in out and "ppppp…" in out and len(out) < 5000


def test_rows_the_target_rejects_are_left_out_and_the_rest_goes_through(tmp_path):
    """Through the HTTP client (worker/cloudflare): a target that refuses any statement naming one key."""
    import httpx

    from registries.d1.client import D1Client, HttpTarget, SqliteTarget, Statement
    from registries.d1.sync import store_status, sync_store
    from tests.d1_fixtures import dump_d1

    engine = D1Client(SqliteTarget(tmp_path / "remote.sqlite"))

    def handler(request: httpx.Request) -> httpx.Response:
        batch = json.loads(request.content)["batch"]
        if any("poison" in json.dumps(s["params"]) for s in batch):
            return httpx.Response(400, json={"success": False, "errors": [{"code": 7500, "message": "SQLITE_CONSTRAINT: refused"}], "result": []})
        answers = engine.target.execute([Statement(s["sql"], tuple(s["params"])) for s in batch])
        return httpx.Response(200, json={"success": True, "errors": [], "result": [{"results": a.results, "success": True, "meta": a.meta} for a in answers]})

    settings = Settings(data_dir=tmp_path / "data")
    grow_documents(settings, [narrative_doc("a" * 64, genre=["drama", "poison"], mood=["calm"]), narrative_doc("b" * 64, genre=["comedy"])])
    target = HttpTarget("http://d1.test/query", "t", identity="worker:http://d1.test", timeout_s=5, max_attempts=2, interval_s=0, transport=httpx.MockTransport(handler))
    with D1Client(target) as client:
        report = sync_store(settings.duckdb_path, client)
        status = store_status(settings.duckdb_path, client.identity)
    assert report.rejected == 4  # the entry, its observation, its count refresh and its discovery
    assert {(r["kind"], r["key"]) for r in status["rejected_rows"]} == {("registry entry", "poison"), ("observation", "poison"), ("entry count", "poison"), ("discovery", "poison")}
    remote = dump_d1(engine)
    assert {("narrative.genre", "drama"), ("narrative.genre", "comedy"), ("narrative.mood", "calm")} <= {(e["aspect"], e["key"]) for e in remote["entries"]}
    assert not [e for e in remote["entries"] if e["key"] == "poison"]


def test_a_systemic_refusal_still_fails_the_sync(tmp_path):
    """Every statement refused (e.g. a schema mismatch) is not a row's fault: the sync fails and the watermark stays."""
    import httpx

    from registries.d1.client import D1Client, D1StatementError, HttpTarget, migration_files
    from registries.d1.sync import store_status, sync_store

    def handler(request: httpx.Request) -> httpx.Response:
        if "d1_migrations" in request.content.decode():
            applied = [{"name": p.name} for p in migration_files()]
            return httpx.Response(200, json={"success": True, "errors": [], "result": [{"results": applied, "success": True, "meta": {}}] * 2})
        return httpx.Response(400, json={"success": False, "errors": [{"code": 7500, "message": "no such table: entries"}], "result": []})

    settings = Settings(data_dir=tmp_path / "data")
    grow_documents(settings, [narrative_doc("a" * 64, genre=["drama"])])
    target = HttpTarget("http://d1.test/query", "t", identity="worker:http://d1.test", timeout_s=5, max_attempts=1, interval_s=0, transport=httpx.MockTransport(handler))
    with D1Client(target) as client:
        with pytest.raises(D1StatementError, match="no such table"):
            sync_store(settings.duckdb_path, client)
        assert sum(store_status(settings.duckdb_path, client.identity)["pending"].values()) > 0


# ------------------------------------------------------------------ re-learning replaces


def d1_genres(path: Path) -> dict[str, tuple[int, int]]:
    con = sqlite3.connect(path)
    return {k: (n, v) for k, n, v in con.execute("SELECT key, total_count, videos FROM entry_totals WHERE aspect = 'narrative.genre' AND videos > 0")}


def test_relearning_replaces_locally_and_on_d1(tmp_path):
    from aspects.store import connect
    from registries.d1.client import D1Client, SqliteTarget
    from registries.d1.sync import sync_store
    from registries.store import entries

    sha = "c" * 64
    settings = Settings(data_dir=tmp_path / "data")
    d1 = tmp_path / "d1.sqlite"

    def local() -> dict[str, int]:
        with connect(settings.duckdb_path) as con:
            return {e["key"]: e["videos"] for e in entries(con, "narrative.genre") if e["videos"]}

    grow_documents(settings, [narrative_doc(sha, genre=["comedy", "romance"]), narrative_doc("d" * 64, genre=["comedy"])])
    with D1Client(SqliteTarget(d1)) as client:
        sync_store(settings.duckdb_path, client)
    assert d1_genres(d1) == {"comedy": (2, 2), "romance": (1, 1)}
    grow_documents(settings, [narrative_doc(sha, genre=["drama"])])  # the spec changed: the video is a drama now
    assert local() == {"comedy": 1, "drama": 1}
    with D1Client(SqliteTarget(d1)) as client:
        sync_store(settings.duckdb_path, client)
        assert d1_genres(d1) == {"comedy": (1, 1), "drama": (1, 1)}
        sync_store(settings.duckdb_path, client, full=True)  # re-sending everything changes nothing
        assert d1_genres(d1) == {"comedy": (1, 1), "drama": (1, 1)}
    # Only a count changes (no entry dropped): the new count replaces the old one everywhere.
    grow_documents(settings, [narrative_doc(sha, genre=["drama", "drama"])])
    with D1Client(SqliteTarget(d1)) as client:
        sync_store(settings.duckdb_path, client)
    assert d1_genres(d1) == {"comedy": (1, 1), "drama": (2, 1)}
    grow_documents(settings, [narrative_doc(sha, genre=["drama"])])
    with D1Client(SqliteTarget(d1)) as client:
        sync_store(settings.duckdb_path, client)
    assert d1_genres(d1) == {"comedy": (1, 1), "drama": (1, 1)}  # a lower count of a newer analysis wins too
    # The explorer's count tables agree: D1's entry_counts and the local registry_counts.
    con = sqlite3.connect(d1)
    counted = {k: (n, v) for k, n, v in con.execute("SELECT key, total_count, videos FROM entry_counts WHERE aspect = 'narrative.genre' AND videos > 0")}
    assert counted == {"comedy": (1, 1), "drama": (1, 1)}
    with connect(settings.duckdb_path) as local_con:
        rows = local_con.execute("SELECT key, total, videos FROM registry_counts WHERE aspect = 'narrative.genre' ORDER BY key").fetchall()
    assert rows == [("comedy", 1, 1), ("drama", 1, 1)]
    # Growing the same document again changes nothing, not even change_seq.
    with connect(settings.duckdb_path) as con:
        before = con.execute("SELECT max(change_seq) FROM registry_observations").fetchone()[0]
    grow_documents(settings, [narrative_doc(sha, genre=["drama"])])
    with connect(settings.duckdb_path) as con:
        assert con.execute("SELECT max(change_seq) FROM registry_observations").fetchone()[0] == before


def test_the_newest_analysis_wins_on_d1_whatever_the_order(tmp_path):
    """Two machines learn the same video with different specs; their syncs arrive in either order, twice."""
    from registries.d1.client import D1Client, SqliteTarget
    from registries.d1.sync import sync_store

    sha = "e" * 64
    old, new = Settings(data_dir=tmp_path / "old"), Settings(data_dir=tmp_path / "new")
    grow_documents(old, [narrative_doc(sha, genre=["western", "war"])])
    grow_documents(new, [narrative_doc(sha, genre=["western"])])  # learnt later: its generation is higher
    results = []
    for order in ((old, new), (new, old), (old, new, old, new)):
        d1 = tmp_path / f"d1-{len(results)}.sqlite"
        with D1Client(SqliteTarget(d1)) as client:
            for store in order:
                sync_store(store.duckdb_path, client, full=True)
        results.append(d1_genres(d1))
    assert results == [{"western": (1, 1)}] * 3
