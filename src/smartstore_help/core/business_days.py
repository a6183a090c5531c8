"""Counting business days the way an agent's promise means them ("2영업일 내 회신").

A business day is a day the `business` schedule is open: weekdays that are neither a public
holiday (대체공휴일 included, through the holiday table) nor one of its `closed_dates`, plus
any of its `open_dates`. The day a promise is made does not count, whatever the hour, and the
promise falls due when that schedule closes on the last day counted.

Pure: the calendar and the moment are parameters.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from smartstore_help.core.model import ChannelData, Schedule
from smartstore_help.core.schedule import SEARCH_DAYS, Holidays, aware, day_plan

BUSINESS = "business"
MAX_DAYS = 60  # a promise further out than about three months is a date, not a count


class NoBusinessDay(ValueError):
    """The schedule has no open day within reach (a calendar that never opens)."""


def business_schedule(data: ChannelData) -> Schedule:
    """The schedule named `business`, else the first channel schedule that is not always open."""
    schedules = [s for c in data.channels for s in (c.schedule, c.answered_during) if s is not None]
    named = next((s for s in schedules if s.id == BUSINESS), None)
    fallback = next((s for s in schedules if not s.always_open), None)
    chosen = named or fallback
    if chosen is None:
        raise NoBusinessDay(BUSINESS)
    return chosen


def is_business_day(schedule: Schedule, day: date, holidays: Holidays, tz: ZoneInfo) -> bool:
    return bool(day_plan(schedule, day, holidays, tz).periods)


def nth_business_day(schedule: Schedule, start: date, n: int, holidays: Holidays, tz: ZoneInfo) -> date:
    """The `n`th business day after `start` (`start` itself never counts)."""
    if n < 1:
        raise ValueError("count business days from 1")
    counted, day = 0, start
    for _ in range(SEARCH_DAYS + 2 * n):  # bounded: a calendar that never opens ends the search
        day += timedelta(days=1)
        if is_business_day(schedule, day, holidays, tz):
            counted += 1
            if counted == n:
                return day
    raise NoBusinessDay(schedule.id)


def closing_time(schedule: Schedule, day: date, holidays: Holidays, tz: ZoneInfo) -> datetime:
    """When the schedule stops answering on `day`: its last period's end, or its usual closing
    time on a day it is closed (a promised date may fall on one)."""
    periods = day_plan(schedule, day, holidays, tz).periods
    if periods:
        return periods[-1][1]
    if schedule.closes is None:  # always open: the day's end
        return datetime.combine(day + timedelta(days=1), time(0), tz)
    return datetime.combine(day, schedule.closes, tz)


def due_within(schedule: Schedule, written: datetime, n: int, holidays: Holidays, tz: ZoneInfo) -> datetime:
    """A reply promised within `n` business days of `written` is due at this moment."""
    day = nth_business_day(schedule, aware(written, tz).date(), n, holidays, tz)
    return closing_time(schedule, day, holidays, tz)


def due_by(schedule: Schedule, day: date, holidays: Holidays, tz: ZoneInfo) -> datetime:
    """A reply promised by a date is due when the schedule closes that day."""
    return closing_time(schedule, day, holidays, tz)
