"""The command line entry point: every command module registers itself on the shared app."""

from __future__ import annotations

import sys

from smartstore_help import cmd_case, cmd_contact, cmd_faq, cmd_hours  # noqa: F401 - each registers its commands
from smartstore_help.i18n import t
from smartstore_help.shell import EXIT_INTERRUPTED, app, guess_lang


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:  # pressed before a command took over (while starting up)
        print(t("interrupted", guess_lang()), file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
