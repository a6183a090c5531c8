"""The architecture checks itself: every module in a layer, the import contracts kept, no cycles.

The contracts live in pyproject.toml (`[tool.importlinter]`, run by `lint-imports`); these tests
run the same checks in the suite and add what import-linter does not say: no module outside the
layers, and no import cycle anywhere, type-only imports included (docs/ARCHITECTURE.md)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "smartstore_help"


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph(PACKAGE, exclude_type_checking_imports=False, cache_dir=None)


def contracts() -> list[dict[str, object]]:
    with open(ROOT / "pyproject.toml", "rb") as file:
        found: list[dict[str, object]] = tomllib.load(file)["tool"]["importlinter"]["contracts"]
    return found


def layers() -> list[str]:
    (layered,) = (c for c in contracts() if c["type"] == "layers")
    assert layered["exhaustive"] is True and layered["containers"] == [PACKAGE]
    names = layered["layers"]
    assert isinstance(names, list)
    return [f"{PACKAGE}.{name}" for name in names]


def test_every_module_belongs_to_a_layer(graph: grimp.ImportGraph) -> None:
    on_disk = {
        ".".join((PACKAGE, *path.relative_to(ROOT / "src" / PACKAGE).with_suffix("").parts)).removesuffix(".__init__")
        for path in (ROOT / "src" / PACKAGE).rglob("*.py")
    }
    assert on_disk == set(graph.modules)
    outside = sorted(m for m in on_disk - {PACKAGE} if not any(m == la or m.startswith(la + ".") for la in layers()))
    assert outside == []
    assert {"core", "store", "ui", "cli"} <= {name.split(".")[1] for name in layers()}


def strongly_connected(graph: grimp.ImportGraph) -> list[list[str]]:
    """Tarjan's algorithm, iteratively: the groups of modules that reach each other by imports."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in graph.modules:
                    continue
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                groups.append(sorted(group))
    return groups


def test_no_import_cycles_type_only_imports_included(graph: grimp.ImportGraph) -> None:
    cycles = [group for group in strongly_connected(graph) if len(group) > 1]
    cycles += [[m] for m in graph.modules if m in graph.find_modules_directly_imported_by(m)]
    assert cycles == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for module in ("a", "b", "c", "d"):
        graph.add_module(module)
    graph.add_import(importer="a", imported="b")
    graph.add_import(importer="b", imported="c")
    graph.add_import(importer="c", imported="a")
    graph.add_import(importer="c", imported="d")
    assert [g for g in strongly_connected(graph) if len(g) > 1] == [["a", "b", "c"]]


def test_the_import_contracts_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """`lint-imports`, as .ci/run and the pre-commit hook run it."""
    from importlinter.cli import lint_imports

    monkeypatch.chdir(ROOT)
    assert lint_imports(no_cache=True) == 0
    kinds = sorted(str(c["type"]) for c in contracts())
    assert kinds == ["forbidden", "forbidden", "layers"]
