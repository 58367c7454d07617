"""Each stage's cache version covers exactly the code that stage runs.

The source reader is replaced by one that appends a comment to one module,
as an edit would: only the stages whose code imports that module change
version (and so are recomputed; the stages after them follow through their
inputs' keys).
"""

from __future__ import annotations

import pytest

from aspects import stages
from tasks import fingerprint
from tasks.stages import STAGE_VERSIONS, stage_versions


def edited(module: str):
    def read(name: str) -> bytes | None:
        text = fingerprint.read_source(name)
        return text + b"\n# edited\n" if name == module and text is not None else text

    return read


def changed_stages(module: str) -> set[str]:
    after = stage_versions(read=edited(module))
    return {stage for stage in STAGE_VERSIONS if after[stage] != STAGE_VERSIONS[stage]}


@pytest.mark.parametrize(
    ("module", "expected"),
    [
        ("aspects.dynamic.camera", {"dynamic"}),  # dynamic-only: static stays cached
        ("aspects.dynamic.transitions", {"dynamic"}),
        ("registries.keys", {"growth"}),
        ("registries.seeds", {"growth"}),
        ("aspects.assemble", {"static", "growth"}),  # static's own module; growth builds the document with it
        ("aspects.measure.color", {"decode", "static", "dynamic", "growth"}),  # every stage that imports the measurements
        ("aspects.narrative", {"narrative", "growth"}),  # growth's registries import the vocabulary's names
        ("aspects.settings", set()),  # plumbing: analysis settings are parameters
    ],
)
def test_an_edit_changes_the_versions_of_the_stages_that_run_it(module, expected):
    assert changed_stages(module) == expected


def test_editing_a_stage_function_changes_only_that_stage():
    def read(name: str) -> bytes | None:
        text = fingerprint.read_source(name)
        if name == "aspects.stages":
            return text.replace(b"return static_aspects(m)", b"return list(static_aspects(m))")
        return text

    after = stage_versions(read=read)
    assert {s for s in STAGE_VERSIONS if after[s] != STAGE_VERSIONS[s]} == {"static"}


def test_static_code_holds_no_dynamic_or_registry_module():
    code = set(fingerprint.stage_sources(stages.static))
    assert {"aspects.assemble", "aspects.pipeline", "aspects.stages:static"} <= code
    assert not [m for m in code if m.startswith(("aspects.dynamic", "registries", "tasks", "flows"))], sorted(code)


def test_from_package_import_module_does_not_pull_the_package_init():
    """``from aspects import decode`` is the module ``aspects.decode``; ``aspects/__init__.py`` only counts when a name of it is used."""
    sources = fingerprint.project_sources("aspects.pipeline")
    assert "aspects.decode" in sources and "aspects" not in sources


def test_versions_are_distinct_and_stable():
    assert len({v.split(".")[1] for v in STAGE_VERSIONS.values()}) == len(STAGE_VERSIONS)
    assert stage_versions() == STAGE_VERSIONS
