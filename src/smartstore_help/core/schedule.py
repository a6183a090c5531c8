"""Is a channel open at a given instant, and if not, why and when does it open?

Pure: the instant and the public-holiday calendar are parameters. Every computation happens in
the schedule's time zone (KST), whatever zone the instant arrives in.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, datetime, time, timedelta
from typing import Literal, NamedTuple
from zoneinfo import ZoneInfo

from smartstore_help.core.model import Channel, Schedule, Text

State = Literal["open", "break", "closed"]
Reason = Literal["break", "before_open", "after_close", "weekend", "holiday", "closed_date"]
Holidays = Mapping[date, Text]
SEARCH_DAYS = 400  # longer than any run of closed days a real calendar can hold


class Status(NamedTuple):
    state: State
    reason: Reason | None = None
    day_name: Text | None = None  # the holiday or extra closed date that explains `reason`
    closes_at: datetime | None = None  # when an open channel next stops answering
    next_open: datetime | None = None  # when a closed channel next opens
    # the named days (holidays, closed dates) between today and `next_open`: why it opens so late
    closed_days: tuple[tuple[date, Text], ...] = ()


class DayPlan(NamedTuple):
    """One calendar day of a schedule: its open periods, or why it has none."""

    day: date
    periods: tuple[tuple[datetime, datetime], ...]
    off_reason: Reason | None = None
    name: Text | None = None


def aware(moment: datetime, tz: ZoneInfo) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("the instant must carry a time zone")
    return moment.astimezone(tz)


def day_plan(schedule: Schedule, day: date, holidays: Holidays, tz: ZoneInfo) -> DayPlan:
    if schedule.always_open:
        start = datetime.combine(day, time(0), tz)
        return DayPlan(day, ((start, start + timedelta(days=1)),))
    if day in schedule.closed_dates:
        return DayPlan(day, (), "closed_date", schedule.closed_dates[day])
    if day not in schedule.open_dates:
        if schedule.closed_on_public_holidays and day in holidays:
            return DayPlan(day, (), "holiday", holidays[day])
        if day.weekday() not in schedule.days:
            return DayPlan(day, (), "weekend")
    assert schedule.opens is not None and schedule.closes is not None
    edges = [schedule.opens]
    for brk in schedule.breaks:
        edges += [brk.start, brk.end]
    edges.append(schedule.closes)
    periods = tuple(
        (datetime.combine(day, edges[i], tz), datetime.combine(day, edges[i + 1], tz)) for i in range(0, len(edges), 2)
    )
    return DayPlan(day, periods)


def _days_from(schedule: Schedule, day: date, holidays: Holidays, tz: ZoneInfo) -> Iterator[DayPlan]:
    for offset in range(SEARCH_DAYS):
        yield day_plan(schedule, day + timedelta(days=offset), holidays, tz)


def _next_period_start(schedule: Schedule, now: datetime, holidays: Holidays, tz: ZoneInfo) -> datetime | None:
    for plan in _days_from(schedule, now.date(), holidays, tz):
        for start, _ in plan.periods:
            if start > now:
                return start
    return None


def _closing(schedule: Schedule, now: datetime, holidays: Holidays, tz: ZoneInfo) -> datetime | None:
    """The end of the open stretch containing `now`, joining periods that touch (midnight)."""
    end: datetime | None = None
    for plan in _days_from(schedule, now.date(), holidays, tz):
        for start, stop in plan.periods:
            if stop <= now:
                continue
            if (end is None and start <= now) or (end is not None and start == end):
                end = stop
            elif end is not None:
                return end
        if end is not None and not plan.periods:
            return end
    return None  # open for as far as the calendar reaches: never closes


def status(schedule: Schedule, moment: datetime, holidays: Holidays, tz: ZoneInfo) -> Status:
    now = aware(moment, tz)
    plan = day_plan(schedule, now.date(), holidays, tz)
    if any(start <= now < stop for start, stop in plan.periods):
        return Status("open", closes_at=_closing(schedule, now, holidays, tz))
    next_open = _next_period_start(schedule, now, holidays, tz)
    skipped = _named_days_before(schedule, now.date(), next_open, holidays, tz)
    if plan.off_reason is not None:
        return Status("closed", plan.off_reason, plan.name, next_open=next_open, closed_days=skipped)
    first, last = plan.periods[0][0], plan.periods[-1][1]
    if now < first:
        return Status("closed", "before_open", next_open=next_open, closed_days=skipped)
    if now >= last:
        return Status("closed", "after_close", next_open=next_open, closed_days=skipped)
    return Status("break", "break", next_open=next_open)


def _named_days_before(
    schedule: Schedule, today: date, next_open: datetime | None, holidays: Holidays, tz: ZoneInfo
) -> tuple[tuple[date, Text], ...]:
    """The holidays and closed dates after `today` and before the day of `next_open`."""
    if next_open is None:
        return ()
    out = []
    day = today + timedelta(days=1)
    while day < next_open.date():
        plan = day_plan(schedule, day, holidays, tz)
        if plan.name is not None:
            out.append((day, plan.name))
        day += timedelta(days=1)
    return tuple(out)


def answering(channel: Channel, moment: datetime, holidays: Holidays, tz: ZoneInfo) -> Status | None:
    """For a channel that takes questions any time but answers later (1:1 inquiry): is anyone
    answering at that moment. None for the others."""
    if channel.answered_during is None:
        return None
    return status(channel.answered_during, moment, holidays, tz)


def week(schedule: Schedule, moment: datetime, holidays: Holidays, tz: ZoneInfo, days: int = 7) -> list[DayPlan]:
    start = aware(moment, tz).date()
    return [day_plan(schedule, start + timedelta(days=i), holidays, tz) for i in range(days)]
