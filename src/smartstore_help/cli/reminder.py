"""One line about cases whose promised reply is overdue, for the end of other commands.

Cheap and harmless by design: nothing is opened when there is no journal file (so `hours` never
loads sqlite3 for it), the journal is only read, a locked or damaged file is waited on for a
moment at most, and any failure means no line, never a failed command.
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import TYPE_CHECKING

from smartstore_help.core.i18n import t
from smartstore_help.core.model import Lang

if TYPE_CHECKING:
    from smartstore_help.ui.iostreams import IOStreams

MAX_IDS = 3
WAIT_MS = 100


def overdue_line(now: datetime, lang: Lang) -> str | None:
    """`회신 기한이 지난 상담 2건 (#3, #5) · ss-help case due`, or None when there is nothing to say."""
    try:
        from smartstore_help.store.places import journal_file

        path = journal_file()
        if not os.path.isfile(path):
            return None
        from smartstore_help.core import promises
        from smartstore_help.store.journal import Journal

        journal = Journal(path, write=False, busy_ms=WAIT_MS)
        try:
            late = promises.overdue(journal.open_promises(), now)
        finally:
            journal.close()
    except Exception:  # a reminder must never be the reason a command fails
        return None
    if not late:
        return None
    ids = ", ".join(f"#{d.case_id}" for d in late[:MAX_IDS]) + (", …" if len(late) > MAX_IDS else "")
    return t("reminder.overdue", lang, count=len(late), ids=ids)


def after_command(io: IOStreams, lang: Lang) -> None:
    """After a command that printed for a person (a terminal on stdout and stderr, no JSON): the
    line, dimmed, on stderr. Never fails and costs nothing without a journal."""
    try:
        if not (io.remind and io.out.isatty() and io.err.isatty()):
            return
        line = overdue_line(io.now(), lang)
        if line is not None:
            from smartstore_help.ui.term import Line

            io.write(Line().add(line, "dim").render(io.color), err=True)
    except Exception:  # the command itself has succeeded; a reminder can never undo that
        return
