"""Sync to the embedded ``sqlite`` target: idempotence, increments, name arbitration, pull, the CLI."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from aspects.cli import main
from aspects.settings import get_settings
from aspects.store import transaction
from registries.d1.client import D1Client, SqliteTarget
from registries.d1.sync import adopt_names, fallback_name, pull_store, store_status, sync_store
from tests.d1_fixtures import ASPECTS, dump_d1, learn, local_names, naming_b


def sqlite_client(path) -> D1Client:
    return D1Client(SqliteTarget(path))


def test_sync_twice_leaves_d1_unchanged(tmp_path):
    store = tmp_path / "a.duckdb"
    learn(store, range(6))
    with sqlite_client(tmp_path / "d1.sqlite") as client:
        first = sync_store(store, client)
        after_first = dump_d1(client)
        names_after_first = local_names(store)
        second = sync_store(store, client)
        assert (second.entries, second.observations, second.discoveries, second.requests) == (0, 0, 0, 0)
        assert dump_d1(client) == after_first
        resent = sync_store(store, client, full=True)  # every statement applied a second time
        assert resent.entries == first.entries > 200 and resent.observations == first.observations
        assert dump_d1(client) == after_first
    assert local_names(store) == names_after_first
    totals = {row["aspect"]: row for row in after_first["aspect_totals"]}
    with transaction(store) as con:
        local = dict(con.execute("SELECT aspect, sum(count) FROM registry_observations GROUP BY aspect").fetchall())
    assert {a: totals[a]["total_count"] for a in ASPECTS} == local
    assert all(totals[a]["videos"] == 6 for a in ASPECTS)


def test_only_what_changed_is_sent(tmp_path):
    store, whole = tmp_path / "a.duckdb", tmp_path / "whole.duckdb"
    learn(store, range(4))
    with sqlite_client(tmp_path / "d1.sqlite") as client:
        sync_store(store, client)
        mark = store_status(store, client.identity)["last_seq"]
        learn(store, [4])
        with transaction(store) as con:
            changed = {
                kind: con.execute(f"SELECT count(*) FROM {table} WHERE change_seq > ?", [mark]).fetchone()[0]
                for kind, table in (("entries", "registry_entries"), ("observations", "registry_observations"), ("discoveries", "discoveries"))
            }
        assert store_status(store, client.identity)["pending"] == changed
        report = sync_store(store, client)
        assert (report.entries, report.observations, report.discoveries) == (changed["entries"], changed["observations"], changed["discoveries"])
        assert 0 < report.observations < 100  # one video's worth, not the whole store
        incremental = dump_d1(client)
    learn(whole, range(5))
    with sqlite_client(tmp_path / "d1-whole.sqlite") as client:
        sync_store(whole, client)
        assert dump_d1(client) == incremental


def test_first_writer_names_an_entry_and_every_store_adopts_it(tmp_path):
    a, b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    learn(a, range(0, 5))
    learn(b, range(3, 8), naming=naming_b)
    with sqlite_client(tmp_path / "d1.sqlite") as client:
        sync_store(a, client)
        report = sync_store(b, client)
        d1_names = {(r["aspect"], r["key"]): r["name"] for r in dump_d1(client)["entries"]}
    names_a, names_b = local_names(a), local_names(b)
    assert all(d1_names[k] == n for k, n in names_a.items())  # a wrote first: its names stand
    assert all(d1_names[k] == n for k, n in names_b.items())  # b adopted D1's names
    assert report.renamed == sum(1 for k in names_b if naming_b(k[0], int(k[1][1:])) != names_b[k])
    # b named some new keys with a name a had already given another key: D1 gave them the fallback.
    fallbacks = [k for k, n in names_b.items() if k not in names_a and n == fallback_name(naming_b(k[0], int(k[1][1:])), k[1])]
    assert fallbacks
    for names in (d1_names, names_b):
        assert max(Counter((aspect, n) for (aspect, _), n in names.items()).values()) == 1
    with transaction(b) as con:
        discovery_names = dict(((a_, k), n) for a_, k, n in con.execute("SELECT aspect, key, name FROM discoveries").fetchall())
    assert all(discovery_names[k] == names_b[k] for k in discovery_names)


def test_pull_gives_a_fresh_store_the_shared_vocabulary(tmp_path):
    a, b, fresh = tmp_path / "a.duckdb", tmp_path / "b.duckdb", tmp_path / "fresh.duckdb"
    learn(a, range(0, 4))
    learn(b, range(2, 6), naming=naming_b)
    with sqlite_client(tmp_path / "d1.sqlite") as client:
        sync_store(a, client)
        sync_store(b, client)
        d1 = dump_d1(client)
        report = pull_store(fresh, client)
        assert report.entries == report.added == len(d1["entries"])
        with transaction(fresh) as con:
            rows = con.execute("SELECT aspect, key, name, CAST(value AS VARCHAR), primitive FROM registry_entries ORDER BY aspect, key").fetchall()
        assert [(r["aspect"], r["key"], r["name"], r["value"], bool(r["primitive"])) for r in d1["entries"]] == [tuple(r) for r in rows]
        # What was pulled is already in D1: nothing pending, nothing re-sent.
        assert sum(store_status(fresh, client.identity)["pending"].values()) == 0
        assert sync_store(fresh, client).requests == 0
        pull_store(a, client)
        assert local_names(a) == local_names(fresh)


def test_adopting_a_name_held_locally_by_an_unsent_entry(tmp_path):
    store = tmp_path / "s.duckdb"
    learn(store, [0], per_video=3)
    names = local_names(store)
    (k1, n1), (k2, n2) = sorted(names.items())[:2]
    if k1[0] != k2[0]:
        pytest.fail("fixture: expected two entries of one aspect")
    with transaction(store) as con:
        changed = adopt_names(con, {k2: n1})  # D1 says k2 is called what k1 is called here
    after = local_names(store)
    assert changed == 2 and after[k2] == n1 and after[k1] == fallback_name(n1, k1[1])


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("ASPECTS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ASPECTS_D1_TARGET", raising=False)
    monkeypatch.chdir(tmp_path)
    get_settings.cache_clear()
    yield tmp_path / "data"
    get_settings.cache_clear()


def test_cli_sync_status_pull(data_dir, capsys):
    settings = get_settings()
    learn(settings.duckdb_path, range(3))
    assert main(["sync"]) == 0
    out = capsys.readouterr().out
    assert "synced" in out and "sqlite:" in out
    assert main(["d1", "status", "--json", "--remote"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["pending"] == {"entries": 0, "observations": 0, "discoveries": 0}
    assert status["last_sync"]["entries"] > 0
    assert {row["aspect"] for row in status["remote_totals"]} == set(ASPECTS)
    assert main(["sync", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["requests"] == 0
    assert main(["d1", "pull"]) == 0
    assert "pulled" in capsys.readouterr().out
    assert main(["d1", "migrate"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert (data_dir / "d1.sqlite").exists()


def test_names_adopted_by_a_sync_reach_the_registry_json_files(data_dir, tmp_path, capsys):
    settings = get_settings()
    first = tmp_path / "first.duckdb"
    learn(first, range(0, 4))
    with sqlite_client(data_dir / "d1.sqlite") as client:  # another machine named these keys first
        sync_store(first, client)
    learn(settings.duckdb_path, range(2, 6), naming=naming_b)
    before = local_names(settings.duckdb_path)
    assert main(["sync", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["renamed"] > 0
    after = local_names(settings.duckdb_path)
    renamed = sorted(k for k in after if after[k] != before[k])
    assert renamed
    for aspect, key in renamed:
        registry, name = aspect.split(".")
        document = json.loads((settings.registries_dir / registry / f"{name}.json").read_text())
        assert {e["key"]: e["name"] for e in document["entries"]}[key] == after[(aspect, key)]
