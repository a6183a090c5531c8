"""Which promised replies are due, and which are overdue, at a given moment.

Pure: the promises come from the journal, `now` from the caller.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from smartstore_help.core.records import Promise


class Due(NamedTuple):
    case_id: int
    due: datetime
    overdue: bool
    promise: str  # the note's text
    written: datetime | None
    days: int | None = None  # the business days promised (None: a date was promised)


def _moment(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo is not None else None


def due_list(promises: Iterable[Promise], now: datetime) -> list[Due]:
    """Soonest first. A promise is overdue once its due moment has passed (at the moment itself
    it is still on time). A due time that cannot be read is left out, never fatal."""
    out = []
    for p in promises:
        due = _moment(p.due)
        if due is not None:
            out.append(Due(p.case_id, due, now > due, p.text, _moment(p.written), p.days))
    return sorted(out, key=lambda d: (d.due, d.case_id))


def overdue(promises: Iterable[Promise], now: datetime) -> list[Due]:
    return [d for d in due_list(promises, now) if d.overdue]
