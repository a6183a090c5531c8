"""The command tree: every command module registered on the shared app, its help in one language."""

from __future__ import annotations

import os
from typing import Any

from smartstore_help.model import Lang

COMPLETE_VAR = "_SS_HELP_COMPLETE"  # what the scripts of `ss-help completion SHELL` set


def build(lang: Lang) -> Any:
    """The Click command for `ss-help`, with every help text in `lang`."""
    import typer.main

    from smartstore_help import cmd_case, cmd_contact, cmd_faq, cmd_hours, cmd_setup  # noqa: F401 - they register
    from smartstore_help.helptext import localise
    from smartstore_help.shell import app

    if os.environ.get(COMPLETE_VAR):  # the shell asks for completions: typer's own machinery answers
        from typer._completion_classes import completion_init

        completion_init()
    command = typer.main.get_command(app)
    localise(command, lang)
    return command
