"""The command tree: the command modules registered on the shared app, help in one language.

Only the module of the command being run is imported (`ss-help hours` never loads the journal's
or the wizard's commands) and only its commands are built into the Click tree: building every
command's parameters from its signature is a good part of start-up. A run that names no known
command (`ss-help`, `ss-help --help`, a typo, shell completion) builds them all, so the command
list, the suggestions and completion see everything.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any

from smartstore_help.core.model import Lang

COMPLETE_VAR = "_SS_HELP_COMPLETE"  # what the scripts of `ss-help completion SHELL` set
MODULES = {  # top-level command → the module that registers it
    "hours": "hours",
    "channels": "channels",
    "data": "datacmds",  # data check, data update, data status
    "faq": "faq",
    "contact": "contact",
    "case": "case",
    "completion": "setup",
    "paths": "setup",
}
ROOT_OPTIONS_WITH_VALUE = ("--lang", "--data-dir")


def command_named(args: Sequence[str]) -> str | None:
    """The top-level command in `args`, past the root's own options; None when there is none."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in ROOT_OPTIONS_WITH_VALUE:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def completion_requested() -> bool:
    """Whether the shell is asking for completions. A leftover of the variable (set by hand, or a
    value no completion script sends) is dropped and the run goes on as typed; a bash request
    without usable COMP_WORDS / COMP_CWORD is answered with no completions."""
    value = os.environ.get(COMPLETE_VAR, "")
    if not value:
        return False
    instruction, _, shell = value.partition("_")
    if instruction not in ("complete", "source") or shell not in ("bash", "zsh", "fish", "powershell", "pwsh"):
        del os.environ[COMPLETE_VAR]
        return False
    if instruction == "complete" and shell == "bash":
        try:
            int(os.environ.get("COMP_CWORD", ""))
            os.environ["COMP_WORDS"]
        except (ValueError, KeyError):
            from smartstore_help.core.errors import Finished

            raise Finished("") from None
    return True


def build(lang: Lang, args: Sequence[str] = ()) -> Any:
    """The Click command for `ss-help` (with as much of the tree as `args` needs), help in `lang`."""
    from smartstore_help.cli.app import app
    from smartstore_help.ui.helptext import localise
    from smartstore_help.ui.typer_hooks import get_command, start_completion

    completing = completion_requested()
    if completing:  # the shell asks for completions: typer's own machinery answers
        start_completion()
    named = command_named(args)
    wanted = {MODULES[named]} if named in MODULES and not completing else set(MODULES.values())
    for module in sorted(wanted):
        importlib.import_module(f"smartstore_help.cli.{module}")  # each registers its commands on `app`
    # What is registered is exactly the command modules imported so far, so a tree built for them
    # serves every later run in the same process (a program that calls `run` many times, as the
    # tests do, builds it once); `localise` sets every help text again for this run's language.
    registered = frozenset(m for m in MODULES.values() if f"smartstore_help.cli.{m}" in sys.modules)
    command = _BUILT.get(registered)
    if command is None:
        command = _BUILT[registered] = get_command(app)
    localise(command, lang)
    return command


_BUILT: dict[frozenset[str], Any] = {}
