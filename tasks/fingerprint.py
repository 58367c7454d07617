"""Code fingerprints: which project code a stage runs, and a short hash of it.

A stage's code is its stage function in :mod:`aspects.stages` plus every
project module the names used in that function's body come from, followed
transitively through their import statements (read from the source, not by
importing). Editing any of that code changes the fingerprint; editing a
module the stage never imports (``aspects/dynamic/*`` for ``static``) does
not.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import json
from collections.abc import Callable
from pathlib import Path

from aspects.files import write_text_atomic

PROJECT_PACKAGES = ("aspects", "registries")
# Project modules that cannot change what a stage outputs (analysis settings that can are stage parameters).
PLUMBING = frozenset({"aspects.settings", "aspects.store", "aspects.errors", "aspects.paths"})


def read_source(name: str) -> bytes | None:
    """Source bytes of module ``name``, or None when it is not a project ``.py`` module."""
    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError:  # ``from pkg.module import name``: the last part is not a module
        return None
    if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
        return None
    return Path(spec.origin).read_bytes()


def imported_modules(tree: ast.AST) -> list[tuple[str, ...]]:
    """What an AST imports from the project: per imported name, the modules it may come from, likeliest first.

    ``from m import n`` is ``(m.n, m)``: ``n`` is the module ``m.n`` when that
    exists, else a name defined in ``m`` (a package's ``__init__`` counts
    only then).
    """
    names: list[tuple[str, ...]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [(alias.name,) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names += [(f"{node.module}.{alias.name}", node.module) for alias in node.names]
    return [n for n in names if n[0].split(".")[0] in PROJECT_PACKAGES]


def project_sources(*roots: str | tuple[str, ...], read: Callable[[str], bytes | None] | None = None) -> dict[str, bytes]:
    """Source of ``roots`` and of every project module they import, transitively, by module name (:data:`PLUMBING` left out).

    A root is a module name or a tuple of candidates (the first that exists counts).
    """
    read = read or read_source
    sources: dict[str, bytes] = {}
    todo = [(r,) if isinstance(r, str) else r for r in roots]
    while todo:
        for name in todo.pop():
            if name in sources or name in PLUMBING:
                break
            text = read(name)
            if text is not None:
                sources[name] = text
                todo += imported_modules(ast.parse(text))
                break
    return sources


def function_code(module: str, function: str, *, read: Callable[[str], bytes | None] | None = None) -> tuple[str, list[tuple[str, ...]]]:
    """The source of ``module.function`` and the project modules the names in its body come from."""
    read = read or read_source
    text = read(module)
    if text is None:
        raise LookupError(f"no source for {module}")
    tree = ast.parse(text)
    origin: dict[str, tuple[str, ...]] = {}  # local name -> the module(s) it may come from
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                origin[alias.asname or alias.name] = (f"{node.module}.{alias.name}", node.module)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                origin[alias.asname or alias.name.split(".")[0]] = (alias.name,)
    defs = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == function]
    if not defs:
        raise LookupError(f"{module} defines no function {function}")
    body = ast.Module(body=defs[0].body, type_ignores=[])
    used = {n.id for n in ast.walk(body) if isinstance(n, ast.Name)}
    modules = sorted({origin[n] for n in used if n in origin})
    return ast.unparse(defs[0]), [m for m in modules if m[0].split(".")[0] in PROJECT_PACKAGES]


def stage_sources(*functions: Callable, read: Callable[[str], bytes | None] | None = None) -> dict[str, bytes]:
    """What :func:`fingerprint` hashes: each function's source and the project modules it runs, by name."""
    sources: dict[str, bytes] = {}
    for func in functions:
        code, modules = function_code(func.__module__, func.__name__, read=read)
        sources[f"{func.__module__}:{func.__name__}"] = code.encode()
        sources.update(project_sources(*modules, read=read))
    return sources


def fingerprint(*functions: Callable, read: Callable[[str], bytes | None] | None = None) -> str:
    """8 hex digits over :func:`stage_sources` of ``functions``: changes whenever that code does."""
    sources = stage_sources(*functions, read=read)
    digest = hashlib.sha256()
    for name in sorted(sources):
        digest.update(name.encode() + b"\0" + sources[name] + b"\0")
    return digest.hexdigest()[:8]


def project_digest() -> str:
    """sha256 over every ``.py`` file of the project packages (names and bytes): equal digests, equal fingerprints."""
    digest = hashlib.sha256()
    for package in PROJECT_PACKAGES:
        spec = importlib.util.find_spec(package)
        for root in (spec.submodule_search_locations or []) if spec else []:
            for path in sorted(Path(root).rglob("*.py")):
                digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def remembered(compute: Callable[[], dict[str, str]], path: Path) -> dict[str, str]:
    """``compute()`` (fingerprints: parsing every project module takes a few tenths of a second), kept in ``path``
    under :func:`project_digest` so a process whose sources did not change reads it instead (reading and hashing
    the sources takes milliseconds). An unwritable ``path`` only costs the computation."""
    digest = project_digest()
    try:
        kept = json.loads(path.read_text())
        if kept.get("digest") == digest:
            return kept["values"]
    except (OSError, ValueError, KeyError, AttributeError):
        pass
    values = compute()
    try:
        write_text_atomic(path, json.dumps({"digest": digest, "values": values}))
    except OSError:
        pass
    return values
