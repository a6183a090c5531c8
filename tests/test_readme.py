"""The README's two command lines are what CI and users run: keep them true."""

from __future__ import annotations

import difflib
import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip()]


def test_readme_opens_with_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.index("```sh") < text.index("\n## ")
    install_and_run, install_and_test = readme_commands()
    assert install_and_run.endswith("ss-help contact")
    assert "[test]" in install_and_test and "pytest" in install_and_test


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert readme_commands()[1] in ci


def _examples() -> ModuleType:
    spec = importlib.util.spec_from_file_location("readme_examples", ROOT / "scripts" / "readme_examples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_readme_example_is_what_the_command_prints_at_80_columns() -> None:
    examples = _examples()
    current = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(list(examples.blocks(current))) >= 8
    fresh = examples.regenerate(current)
    stale = [line for line in difflib.unified_diff(current.splitlines(), fresh.splitlines(), lineterm="", n=0)]
    assert fresh == current, (
        "README examples differ from the real output; run scripts/readme_examples.py:\n" + "\n".join(stale[:40])
    )


def test_an_example_edited_by_hand_is_put_back() -> None:
    block = (
        'Text.\n\n```console\n$ ss-help hours --check phone --at "2026-11-28 10:00"; echo $?\n'
        "전화 상담: 지금 열려 있습니다\n0\n```\n"
    )
    fresh = _examples().regenerate(block)
    assert fresh != block
    assert "전화 상담: 지금 닫혀 있습니다 · 주말" in fresh and fresh.rstrip().endswith("1\n```")
