"""The house plan (docs/architecture.md) holds: rooms in flow order, no cycle, few layers, short functions.

Every import of one module of the package by another is read from the source (module level,
inside functions, under ``TYPE_CHECKING``): each is a dependency a reader has to follow.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "analysis_utils"
ROOMS = ("text", "corpus", "clean", "metadata", "extract", "pipeline", "tables", "analysis", "report")
"""The sub-packages in the order of the flow: a room imports only from rooms before it (or its own)."""
FOUNDATION = ("analysis_utils.paths",)
"""Modules every room may use: where things live."""
MAX_LAYERS = 9
MAX_FUNCTION_LINES = 60


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str) -> list[tuple[str, str | None]]:
    """(module of the package imported by ``name``, the name taken from it or None), for every import statement."""
    path = MODULES[name]
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(a.name, None) for a in node.names if a.name in MODULES]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join([*base, node.module] if node.module else base)
            for a in node.names:
                if f"{target}.{a.name}" in MODULES:
                    out.append((f"{target}.{a.name}", None))
                elif target in MODULES:
                    out.append((target, a.name))
    return [(t, n) for t, n in out if t != name]


EDGES = {name: sorted({t for t, _ in imported(name)}) for name in MODULES}


def test_the_import_reader_sees_the_package():
    assert len(MODULES) > 40 and "analysis_utils.pipeline.run" in MODULES
    assert "analysis_utils.extract.speakers" in EDGES["analysis_utils.extract.quotes"]
    assert "analysis_utils.paths" in EDGES["analysis_utils.pipeline.article_cache"]  # from .. import paths


def cycle_from(start: str) -> list[str] | None:
    """An import cycle through ``start``, as the modules in order, or None."""
    stack, seen = [(start, [start])], set()
    while stack:
        name, path = stack.pop()
        for nxt in EDGES[name]:
            if nxt == start:
                return [*path, nxt]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return None


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_imports_itself_back(name):
    assert cycle_from(name) is None


@functools.cache
def layer(name: str) -> int:
    """0 for a module that imports nothing of the package, else one more than the deepest module it imports."""
    return 1 + max((layer(d) for d in EDGES[name]), default=-1)


def test_the_package_has_at_most_nine_layers():
    deepest = max(MODULES, key=layer)
    chain = [deepest]
    while EDGES[chain[-1]]:
        chain.append(max(EDGES[chain[-1]], key=layer))
    assert layer(deepest) + 1 <= MAX_LAYERS, " → ".join(chain)


def room(name: str) -> int:
    """The place of a module's room in the flow: -1 for the foundation, len(ROOMS) for the front door."""
    if name in FOUNDATION:
        return -1
    parts = name.split(".")
    return ROOMS.index(parts[1]) if len(parts) > 1 and parts[1] in ROOMS else len(ROOMS)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_import_runs_back_up_the_flow(name):
    upward = [d for d in EDGES[name] if room(d) > room(name)]
    assert not upward, f"{name} imports {upward}"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_private_name_is_imported_from_another_module(name):
    private = [(t, n) for t, n in imported(name) if n and n.startswith("_") and not n.startswith("__")]
    assert not private


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_of_the_package_is_imported_inside_a_function(name):
    """A late import of the package's own code hides a dependency (or a cycle); third-party ones may load lazily."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    late = [
        ast.unparse(node)
        for fn in ast.walk(tree)
        if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef)
        for node in ast.walk(fn)
        if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("analysis_utils"))
    ]
    assert not late


@pytest.mark.parametrize("name", sorted(MODULES))
def test_functions_are_at_most_sixty_lines(name):
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    long = [
        (fn.name, fn.end_lineno - fn.lineno + 1)
        for fn in ast.walk(tree)
        if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef) and fn.end_lineno - fn.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long


def test_every_room_has_a_docstring_and_is_named_in_the_architecture_page():
    page = (PACKAGE.parents[1] / "docs" / "architecture.md").read_text(encoding="utf-8")
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{name} has no docstring"
    for r in ROOMS:
        assert f"`{r}/`" in page, r
