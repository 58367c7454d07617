"""Imports only point down (DESIGN §1, Layers), and there are no import cycles.

Every module of the project's packages is read as source (its AST, imports
inside functions included) and must belong to a declared layer; a module may
import modules of its own layer or of the layers below, never above.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ("aspects", "registries", "tasks", "flows")

# Lowest first. A module's layer is that of the longest prefix listed (``aspects.dynamic`` covers ``aspects.dynamic.camera``).
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "core",  # measurement: decode, per-frame measures, dynamic, narrative, the document; knows nothing above
        (
            "aspects.errors",
            "aspects.settings",
            "aspects.limits",
            "aspects.store",
            "aspects.files",
            "aspects.paths",
            "aspects.decode",
            "aspects.measure",
            "aspects.pipeline",
            "aspects.dynamic",
            "aspects.narrative",
            "aspects.spec_audio",
            "aspects.vocabulary",
            "aspects.assemble",
            "aspects.frame_rows",
            "aspects.document",
            "aspects.export",
            "aspects.progress",
        ),
    ),
    ("registries", ("registries",)),
    ("stages", ("aspects.stages",)),  # the plain stage functions and the DAG's wiring
    ("tasks", ("tasks",)),  # Prefect tasks: thin wrappers over the stage functions
    ("flows", ("flows",)),
    ("entry points", ("aspects", "aspects.api", "aspects.commands", "aspects.cli", "flows.cli", "registries.cli", "registries.d1.cli", "registries.explorer.cli")),
)


def project_modules() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            parts = list(path.relative_to(REPO).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


MODULES = project_modules()


def layer_of(module: str) -> int:
    best = (-1, -1)  # (prefix length, layer)
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best[0]:
                best = (len(prefix), index)
    if best[1] < 0:
        raise AssertionError(f"{module} is in no layer: add it to LAYERS in {Path(__file__).name}")
    return best[1]


def imports_of(module: str) -> set[str]:
    """Project modules ``module`` imports (``from pkg import name`` is ``pkg.name`` when that is a module, else ``pkg``)."""
    found = set()
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert not node.level, f"{module}: relative import"
            if node.module is None:
                continue
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in MODULES else node.module)
    return {name for name in found if name.split(".")[0] in PACKAGES}


def test_every_module_has_a_layer():
    assert len(MODULES) > 30
    for module in MODULES:
        layer_of(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down(module):
    mine = layer_of(module)
    upward = [f"{name} ({LAYERS[layer_of(name)][0]})" for name in sorted(imports_of(module)) if layer_of(name) > mine]
    assert not upward, f"{module} ({LAYERS[mine][0]}) imports from a higher layer: {', '.join(upward)}"


def test_core_imports_nothing_of_registries_tasks_flows():
    core = [m for m in MODULES if layer_of(m) == 0]
    assert {"aspects.decode", "aspects.pipeline", "aspects.dynamic.camera", "aspects.narrative", "aspects.assemble"} <= set(core)
    for module in core:
        assert not {i for i in imports_of(module) if i.split(".")[0] in ("registries", "tasks", "flows")}, module


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` as a path (first == last), or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_find_cycle_finds_one():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_no_import_cycles():
    graph = {module: imports_of(module) - {module} for module in MODULES}
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_a_violation_is_caught():
    """The rule can fail: the core importing a registry module would be reported."""
    assert layer_of("registries.keys") > layer_of("aspects.decode")
    assert layer_of("aspects.stages") > layer_of("registries.growth")
    assert layer_of("tasks.stages") > layer_of("aspects.stages")
    assert layer_of("flows.learn") > layer_of("tasks.stages")
    assert layer_of("aspects.cli") > layer_of("flows.learn")
