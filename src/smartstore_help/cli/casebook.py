"""What the commands do with the journal beyond one command: save a contact as a case, and read
the seller's own history for `contact`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from smartstore_help.store.journal import Journal, stamp
from smartstore_help.store.journal_faults import DamagedCase, JournalError
from smartstore_help.store.places import journal_file

if TYPE_CHECKING:
    from smartstore_help.core.history import History


def history_for(type_id: str) -> dict[str, History]:
    """For `contact`: the seller's closed cases of this problem type per channel chosen. Read-only,
    and never an error: no journal (or one that cannot be read) simply means no history."""
    from smartstore_help.core import history

    try:
        path = journal_file()
        if not path.is_file():
            return {}
        journal = Journal(path, write=False, busy_ms=500)
        try:
            cases = journal.outcomes(type_id)
        finally:
            journal.close()
    except (JournalError, DamagedCase, OSError, ValueError):
        return {}
    return history.by_channel(cases, type_id)


def save_case(
    now: datetime,
    type_id: str,
    answers: Mapping[str, Any],
    details: Mapping[str, str],
    recommended: str,
    chosen: str,
    text: str,
    follow_up_of: int | None = None,
) -> int:
    """Save one contact as a new case; its number."""
    journal = Journal()
    try:
        return journal.add_case(stamp(now), type_id, answers, details, recommended, chosen, text, follow_up_of)
    finally:
        journal.close()
