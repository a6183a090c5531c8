"""Every use of typer's private parts, in this one module.

typer vendors Click as `typer._click` (0.28) and has no public way to translate its few fixed
words, to give a command our own help context, or to run shell completion from a lazily built
tree. These are the hooks that do; nothing else in the code names a private typer module.
pyproject.toml pins typer below 0.29 (0.29 imports pydantic at start-up); before raising that
pin, run tests/test_typer_hooks.py, which names the hook an upgrade broke.

The Click modules are loaded with this module (every run loads them to build the command tree);
the completion modules only when completing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer.core
import typer.main
from typer._click import core as click_core
from typer._click import exceptions as click_errors
from typer._click.formatting import HelpFormatter

__all__ = [
    "HOOKS",
    "HelpFormatter",
    "click_core",
    "click_errors",
    "completion_script",
    "get_command",
    "start_completion",
    "translate_fixed_words",
]

# What the code relies on, for the test that checks them after an upgrade: (hook, what it is for).
HOOKS = (
    ("typer._click.core.Context", "the base of the help context that lays help out by display width"),
    ("typer._click.formatting.HelpFormatter", "the base of the display-width help formatter"),
    ("typer._click.exceptions", "the usage errors the error boundary says in the seller's language"),
    ("typer.core._", "the gettext function typer calls for its fixed words ('required', 'default')"),
    ("typer.main.get_command", "the Click command built from the typer app"),
    ("typer._completion_classes.completion_init", "shell completion answered by typer's machinery"),
    ("typer._completion_shared.get_completion_script", "the script `ss-help completion SHELL` prints"),
    ("typer._click.Context", "a context to ask an option which values it completes"),
)


def translate_fixed_words(word: Callable[[str], str]) -> None:
    """typer marks its few fixed words ("required", "default: …") for gettext; give it ours."""
    typer.core._ = word  # type: ignore[attr-defined,assignment]


def get_command(app: typer.Typer) -> Any:
    return typer.main.get_command(app)


def start_completion() -> None:
    from typer._completion_classes import completion_init

    completion_init()


def completion_script(prog_name: str, complete_var: str, shell: str) -> str:
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name=prog_name, complete_var=complete_var, shell=shell)


def values_of(param: Any, command: Any) -> list[str]:
    """The values an option completes to (its choices), asked through a context of its command."""
    from typer._click import Context

    return [str(item.value) for item in param.shell_complete(Context(command), "")]
