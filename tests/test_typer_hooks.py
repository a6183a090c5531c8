"""The private typer parts ss-help relies on (all in ui/typer_hooks.py) still exist and still work.

A typer upgrade that moves or changes one fails here with the hook's name, rather than somewhere
deep in the help screens, the usage errors or shell completion."""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import pytest
from helpers import run

from smartstore_help.ui import typer_hooks

SRC = Path(__file__).resolve().parents[1] / "src" / "smartstore_help"
PRIVATE = re.compile(r"\btyper\.(_\w+|core|main)\b|\bfrom typer\.(_\w+|core|main)\b|\bfrom typer import _")


def resolve(hook: str) -> object:
    """`typer._click.core.Context` and the like: the longest importable module, then attributes."""
    parts = hook.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            found = getattr(found, name)
        return found
    raise ImportError(hook)


@pytest.mark.parametrize(("hook", "purpose"), typer_hooks.HOOKS, ids=[h for h, _ in typer_hooks.HOOKS])
def test_every_private_typer_hook_still_exists(hook: str, purpose: str) -> None:
    try:
        resolve(hook)
    except (ImportError, AttributeError) as error:
        pytest.fail(f"typer hook {hook} is gone ({purpose}): {error}. See ui/typer_hooks.py.")


def test_the_help_formatter_overrides_methods_click_still_calls() -> None:
    from smartstore_help.ui.helptext import DisplayWidthFormatter

    overridden = [name for name in vars(DisplayWidthFormatter) if not name.startswith("_")]
    for name in overridden:
        base = getattr(typer_hooks.HelpFormatter, name, None)
        assert base is not None, f"typer hook HelpFormatter.{name} is gone: the help layout no longer applies"
        ours = inspect.signature(getattr(DisplayWidthFormatter, name)).parameters
        theirs = inspect.signature(base).parameters
        assert list(ours) == list(theirs), f"typer hook HelpFormatter.{name} changed its signature: {theirs}"


def test_typer_still_asks_its_gettext_hook_for_its_fixed_words() -> None:
    """ "required" is one of typer's own words: said in Korean, the hook is still called."""
    import typer.core

    assert callable(getattr(typer.core, "_", None)), "typer hook typer.core._ is gone"
    ko = run("faq", "show", "--help", "--lang", "ko")
    en = run("faq", "show", "--help", "--lang", "en")
    assert ko.exit_code == en.exit_code == 0
    assert "required" in en.stdout and "required" not in ko.stdout, "typer hook typer.core._ is no longer called"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["hours", "--bogus"], "--bogus"),  # NoSuchOption
        (["hours", "--at"], "--at"),  # BadOptionUsage
        (["case", "show", "abc"], "abc"),  # BadParameter
        (["faq", "show"], "ID"),  # MissingParameter
        (["hourz"], "hourz"),  # no such command
    ],
)
def test_clicks_usage_errors_are_still_recognised(args: list[str], said: str) -> None:
    result = run("--lang", "en", *args)
    assert result.exit_code == 2 and said in result.stderr
    assert "Error:" not in result.stderr and "Usage:" not in result.stderr, (
        f"typer hook typer._click.exceptions no longer matches: {result.stderr}"
    )


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish", "powershell"])
def test_the_completion_script_still_comes_from_typer(shell: str) -> None:
    script = typer_hooks.completion_script("ss-help", "_SS_HELP_COMPLETE", shell)
    assert "_SS_HELP_COMPLETE" in script, f"typer hook get_completion_script changed for {shell}"


def test_no_other_module_names_a_private_typer_part() -> None:
    offenders = [
        f"{path.relative_to(SRC)}:{n}"
        for path in sorted(SRC.rglob("*.py"))
        if path.name != "typer_hooks.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if PRIVATE.search(line)
    ]
    assert offenders == []
