"""Mutation testing for the core: does the suite notice a small deliberate bug?

Each mutant changes one thing in one module (a comparison `<` ↔ `<=`, `==` ↔ `!=`, `+` ↔ `-`,
`and` ↔ `or`, a `not` dropped, a number off by one, `True` ↔ `False`), is written over the module,
and a chosen fast subset of the tests runs against it with `-x`. A mutant the tests fail on is
killed; one they pass on survived (a missing test, or an equivalent change: read the list). The
module is always put back, even on Ctrl-C.

    python scripts/mutate.py                       # the default modules, 30 mutants each
    python scripts/mutate.py schedule rules --max 0  # every mutant of these (0: no limit)

Not part of CI: a run takes minutes. The score is in the README's development section.
"""

from __future__ import annotations

import argparse
import ast
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "src" / "smartstore_help" / "core"

# The module → the tests that exercise it quickly (no child processes).
TESTS = {
    "schedule": ["tests/test_schedule.py", "tests/test_cli_hours.py"],
    "business_days": ["tests/test_business_days.py", "tests/test_case_history.py"],
    "timeparse": ["tests/test_timeparse.py", "tests/test_wizard.py"],
    "rules": ["tests/test_rules.py", "tests/test_case_history.py", "tests/test_cli_contact.py"],
    "search": ["tests/test_search.py", "tests/test_relevance.py"],
    "draft": ["tests/test_cli_contact.py", "tests/test_wizard.py"],
    "promises": ["tests/test_case_promises.py"],
    "hangul": ["tests/test_hangul.py", "tests/test_search.py"],
}
DEFAULT = ["schedule", "business_days", "timeparse", "rules"]

SWAPS: dict[type[ast.AST], type[ast.AST]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.FloorDiv,
    ast.FloorDiv: ast.Mult,
    ast.And: ast.Or,
    ast.Or: ast.And,
}


@dataclass(frozen=True)
class Mutant:
    module: str
    number: int  # the n-th mutable spot of the module, in walking order
    line: int
    what: str


@dataclass(frozen=True)
class Spot:
    """One place a mutation can be made: `holder.field` (or `holder.field[index]`) changes.

    Operators are addressed through the node holding them: the parser shares one instance of each
    operator class across the whole tree, so an operator object does not name a place."""

    holder: ast.AST
    field: str
    index: int | None
    what: str

    @property
    def line(self) -> int:
        return getattr(self.holder, "lineno", 0)


def spots(tree: ast.AST) -> Iterator[Spot]:
    """Every place one mutation can be made, in a fixed order."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                if type(op) in SWAPS:
                    yield Spot(node, "ops", i, f"{type(op).__name__} → {SWAPS[type(op)].__name__}")
        elif isinstance(node, ast.BinOp | ast.AugAssign | ast.BoolOp) and type(node.op) in SWAPS:
            yield Spot(node, "op", None, f"{type(node.op).__name__} → {SWAPS[type(node.op)].__name__}")
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            yield Spot(node, "operand", None, "not dropped")
        elif isinstance(node, ast.Constant) and type(node.value) in (int, bool):
            yield Spot(node, "value", None, f"{node.value!r} → {mutated_constant(node.value)!r}")


def mutated_constant(value: object) -> int | bool:
    if isinstance(value, bool):
        return not value
    assert isinstance(value, int)
    return value + 1


def mutants(module: str) -> list[Mutant]:
    tree = ast.parse((CORE / f"{module}.py").read_text(encoding="utf-8"))
    return [Mutant(module, n, spot.line, spot.what) for n, spot in enumerate(spots(tree))]


def mutated_source(module: str, number: int) -> str:
    tree = ast.parse((CORE / f"{module}.py").read_text(encoding="utf-8"))
    spot = next(spot for n, spot in enumerate(spots(tree)) if n == number)
    if spot.field == "value":
        spot.holder.value = mutated_constant(spot.holder.value)  # type: ignore[attr-defined]
    elif spot.field == "operand":
        replace(tree, spot.holder, spot.holder.operand)  # type: ignore[attr-defined]
    elif spot.index is not None:
        ops = getattr(spot.holder, spot.field)
        ops[spot.index] = SWAPS[type(ops[spot.index])]()
    else:
        setattr(spot.holder, spot.field, SWAPS[type(getattr(spot.holder, spot.field))]())
    return ast.unparse(ast.fix_missing_locations(tree)) + "\n"


def replace(tree: ast.AST, old: ast.AST, new: ast.AST) -> None:
    """Put `new` where the node `old` is (nodes, unlike operators, are each their own object)."""
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if value is old:
                setattr(parent, field, new)
                return
            if isinstance(value, list):
                for i, item in enumerate(value):
                    if item is old:
                        value[i] = new
                        return


def killed(mutant: Mutant, timeout: float) -> bool:
    path = CORE / f"{mutant.module}.py"
    original = path.read_bytes()
    try:
        path.write_text(mutated_source(mutant.module, mutant.number), encoding="utf-8")
        command = [sys.executable, "-m", "pytest", "-x", "-q", "-n", "0", "-p", "no:cacheprovider"]
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}  # never leave a mutant's bytecode behind
        try:
            done = subprocess.run(
                [*command, *TESTS[mutant.module]], cwd=ROOT, capture_output=True, timeout=timeout, env=env
            )
        except subprocess.TimeoutExpired:
            return True  # an endless loop is noticed too
        return done.returncode != 0
    finally:
        path.write_bytes(original)
        for stale in (path.parent / "__pycache__").glob(f"{mutant.module}.*.pyc"):
            stale.unlink()  # compiled from the mutant by anything that ran meanwhile


def spread(found: list[Mutant], most: int) -> list[Mutant]:
    """At most `most` mutants, spread evenly over the module (0: all of them)."""
    if most <= 0 or len(found) <= most:
        return found
    step = len(found) / most
    return [found[int(i * step)] for i in range(most)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", default=DEFAULT, metavar="MODULE", help=", ".join(sorted(TESTS)))
    parser.add_argument("--max", type=int, default=30, help="mutants per module, spread evenly (0: all)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per test run")
    options = parser.parse_args()
    unknown = sorted(set(options.modules) - set(TESTS))
    if unknown:
        parser.error(f"no tests chosen for {', '.join(unknown)} (known: {', '.join(sorted(TESTS))})")
    total_killed = total = 0
    survivors: list[Mutant] = []
    started = time.monotonic()
    for module in options.modules:
        chosen = spread(mutants(module), options.max)
        module_killed = 0
        for mutant in chosen:
            if killed(mutant, options.timeout):
                module_killed += 1
            else:
                survivors.append(mutant)
        total_killed += module_killed
        total += len(chosen)
        print(f"{module:15} {module_killed:3}/{len(chosen):<3} killed", flush=True)
    print(f"{'all':15} {total_killed:3}/{total:<3} killed ({100 * total_killed / max(total, 1):.0f}%)")
    print(f"in {time.monotonic() - started:.0f} s")
    for mutant in survivors:
        print(f"survived: core/{mutant.module}.py:{mutant.line}: {mutant.what}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
