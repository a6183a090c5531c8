"""The journal's records: a case, its notes and a promised reply, as the store reads them."""

from __future__ import annotations

from typing import Any, NamedTuple


class Note(NamedTuple):
    id: int
    created_at: str
    text: str
    ref: str | None
    reply_due: str | None = None  # a promised reply falls due then (ISO, KST)
    reply_days: int | None = None  # promised within this many business days (None: by a date)


class Outcome(NamedTuple):
    """One close of a case: a case closed again keeps each."""

    closed_at: str
    resolved: bool
    rating: int | None = None
    feedback: str | None = None


class Case(NamedTuple):
    id: int
    created_at: str
    type: str
    answers: dict[str, Any]
    details: dict[str, str]
    recommended: str
    chosen: str
    draft: str
    status: str
    resolved: bool | None
    rating: int | None
    feedback: str | None
    closed_at: str | None
    follow_up_of: int | None
    notes: tuple[Note, ...] = ()
    outcomes: tuple[Outcome, ...] = ()  # every close, oldest first (read by `case show`)

    def as_json(self) -> dict[str, Any]:
        out = self._asdict()
        out["notes"] = [n._asdict() for n in self.notes]
        out["outcomes"] = [o._asdict() for o in self.outcomes]
        return out


class CaseList(NamedTuple):
    cases: list[Case]
    damaged: tuple[int, ...] = ()  # rows skipped because their stored answers or details are unreadable


class Promise(NamedTuple):
    """The latest promised reply on an open case."""

    case_id: int
    due: str  # ISO, KST
    text: str
    written: str
    days: int | None = None  # the business days promised (None: by a date)
