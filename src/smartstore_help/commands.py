"""The command tree: every command module registered on the shared app, its help in one language."""

from __future__ import annotations

from typing import Any

from smartstore_help.model import Lang


def build(lang: Lang) -> Any:
    """The Click command for `ss-help`, with every help text in `lang`."""
    import typer.main

    from smartstore_help import cmd_case, cmd_contact, cmd_faq, cmd_hours, cmd_setup  # noqa: F401 - they register
    from smartstore_help.helptext import localise
    from smartstore_help.shell import app

    command = typer.main.get_command(app)
    localise(command, lang)
    return command
