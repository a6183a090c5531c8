"""What the seller's own journal says worked before: statistics per channel and per problem type,
and the history a recommendation cites.

Pure: takes the cases already read from the journal; never opens it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from smartstore_help.core.records import Case


class History(NamedTuple):
    """Closed cases of one problem type that went through one channel, and how many were solved."""

    cases: int
    resolved: int


class Stats(NamedTuple):
    key: str  # the channel or problem type id
    cases: int
    closed: int
    resolved: int
    avg_rating: float | None
    median_hours: float | None  # from saving the case to closing it


def by_channel(cases: Iterable[Case], type_id: str) -> dict[str, History]:
    """Per channel the seller chose: the closed cases of `type_id` and how many were resolved."""
    counts: dict[str, list[int]] = {}
    for case in cases:
        if case.type == type_id and case.status == "closed":
            seen = counts.setdefault(case.chosen, [0, 0])
            seen[0] += 1
            seen[1] += case.resolved is True
    return {channel: History(n, solved) for channel, (n, solved) in counts.items()}


def hours_to_close(case: Case) -> float | None:
    if case.status != "closed" or not case.closed_at:
        return None
    try:
        spent = datetime.fromisoformat(case.closed_at) - datetime.fromisoformat(case.created_at)
    except (TypeError, ValueError):  # a hand-edited time: left out of the median, not fatal
        return None
    return max(0.0, spent.total_seconds() / 3600)


def _stats(key: str, group: Sequence[Case]) -> Stats:
    import statistics  # only `case stats` needs it; `rules` (on every command's path) imports this module

    closed = [c for c in group if c.status == "closed"]
    ratings = [c.rating for c in group if isinstance(c.rating, int)]
    hours = [h for c in closed if (h := hours_to_close(c)) is not None]
    return Stats(
        key,
        len(group),
        len(closed),
        sum(c.resolved is True for c in closed),
        round(statistics.fmean(ratings), 2) if ratings else None,
        round(statistics.median(hours), 1) if hours else None,
    )


def stats(cases: Sequence[Case], key: Callable[[Case], str], order: Mapping[str, int] | None = None) -> list[Stats]:
    """One row per value of `key` (the channel chosen, or the problem type), most cases first,
    ties in the data's own order."""
    groups: dict[str, list[Case]] = {}
    for case in cases:
        groups.setdefault(key(case), []).append(case)
    rank = order or {}
    return sorted(
        (_stats(k, g) for k, g in groups.items()), key=lambda s: (-s.cases, rank.get(s.key, len(rank)), s.key)
    )
