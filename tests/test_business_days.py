"""Business days across the real Korean calendar, 2024-2027, with the shipped `business` schedule."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from helpers import kst

from smartstore_help.core import business_days, schedule
from smartstore_help.core.model import ChannelData, Schedule, Text

KST = ZoneInfo("Asia/Seoul")
pytestmark = pytest.mark.usefixtures("machine_tz")


@pytest.fixture(scope="module")
def business(cfg: ChannelData) -> Schedule:
    return business_days.business_schedule(cfg)


# (note written, KST; business days promised; due, KST)
CASES = [
    # 추석 2025: 개천절 (Fri), the weekend, 추석 Mon-Tue, its 대체공휴일 (Wed) and 한글날 (Thu)
    ("2025-10-02 10:00", 1, "2025-10-10 18:00"),
    ("2025-10-02 10:00", 2, "2025-10-13 18:00"),
    ("2025-10-06 11:00", 1, "2025-10-10 18:00"),  # written on 추석 itself
    # 추석 2026: Thu-Sat, no substitute day (it does not touch a Sunday)
    ("2026-09-23 15:00", 1, "2026-09-28 18:00"),
    ("2026-09-23 15:00", 2, "2026-09-29 18:00"),
    # 추석 2027: Tue-Thu
    ("2027-09-13 11:00", 1, "2027-09-17 18:00"),
    ("2027-09-13 11:00", 2, "2027-09-20 18:00"),
    # 설날 2027 falls on a Sunday: 대체공휴일 on Tuesday 9 February
    ("2027-02-05 10:00", 1, "2027-02-10 18:00"),
    # 설날 2024 over a weekend: 대체공휴일 on Monday 12 February
    ("2024-02-08 16:00", 1, "2024-02-13 18:00"),
    # 설날 2025 with the 임시공휴일 on Monday 27 January
    ("2025-01-24 10:00", 1, "2025-01-31 18:00"),
    # 개천절 2026 is a Saturday: its 대체공휴일 is Monday 5 October
    ("2026-10-02 14:00", 1, "2026-10-06 18:00"),
    ("2026-10-02 14:00", 3, "2026-10-08 18:00"),  # 한글날 on Friday 9 October comes after
    ("2026-10-02 14:00", 4, "2026-10-12 18:00"),
    # Friday to Monday
    ("2026-11-27 10:00", 1, "2026-11-30 18:00"),
    ("2026-11-27 10:00", 3, "2026-12-02 18:00"),
    # after closing time, and just after midnight: the day of the note never counts
    ("2026-11-24 19:30", 1, "2026-11-25 18:00"),
    ("2026-11-24 17:59", 1, "2026-11-25 18:00"),
    ("2026-11-25 00:10", 1, "2026-11-26 18:00"),
    # a promise made on Saturday counts from Monday
    ("2026-11-28 11:00", 1, "2026-11-30 18:00"),
    # across the new year (신정 on Friday 1 January 2027)
    ("2026-12-30 10:00", 2, "2027-01-04 18:00"),
]


@pytest.mark.parametrize(("written", "days", "due"), CASES)
def test_due_within_business_days(
    business: Schedule, hol: schedule.Holidays, written: str, days: int, due: str
) -> None:
    result = business_days.due_within(business, kst(written), days, hol, KST)
    assert result == kst(due)
    assert result.utcoffset() is not None and result.tzinfo is not None


def test_an_instant_in_another_zone_is_counted_in_kst(business: Schedule, hol: schedule.Holidays) -> None:
    # 15:30 UTC on Tuesday is 00:30 KST on Wednesday: Wednesday is the note's day
    written = datetime(2026, 11, 24, 15, 30, tzinfo=UTC)
    assert business_days.due_within(business, written, 1, hol, KST) == kst("2026-11-26 18:00")


def test_an_open_date_on_a_saturday_counts(business: Schedule, hol: schedule.Holidays) -> None:
    working_saturday = business._replace(open_dates=frozenset({date(2026, 11, 28)}))
    assert business_days.due_within(working_saturday, kst("2026-11-27 10:00"), 1, hol, KST) == kst("2026-11-28 18:00")
    assert business_days.due_within(working_saturday, kst("2026-11-27 10:00"), 2, hol, KST) == kst("2026-11-30 18:00")


def test_an_open_date_on_a_public_holiday_counts(business: Schedule, hol: schedule.Holidays) -> None:
    working_hangeul_day = business._replace(open_dates=frozenset({date(2026, 10, 9)}))
    assert business_days.due_within(working_hangeul_day, kst("2026-10-08 10:00"), 1, hol, KST) == kst(
        "2026-10-09 18:00"
    )


def test_closed_dates_are_skipped(business: Schedule, hol: schedule.Holidays) -> None:
    temporary_holiday = business._replace(closed_dates={date(2026, 11, 30): Text("임시공휴일", "Temporary holiday")})
    assert business_days.due_within(temporary_holiday, kst("2026-11-27 10:00"), 1, hol, KST) == kst("2026-12-01 18:00")


def test_due_at_the_schedules_own_closing_time(business: Schedule, hol: schedule.Holidays) -> None:
    from datetime import time

    early = business._replace(closes=time(17, 30))
    assert business_days.due_within(early, kst("2026-11-24 10:00"), 1, hol, KST) == kst("2026-11-25 17:30")


def test_a_promised_date_is_due_at_closing_time(business: Schedule, hol: schedule.Holidays) -> None:
    assert business_days.due_by(business, date(2026, 12, 3), hol, KST) == kst("2026-12-03 18:00")
    # a date the center is closed still means "by the end of that day's business hours"
    assert business_days.due_by(business, date(2026, 11, 28), hol, KST) == kst("2026-11-28 18:00")


def test_a_calendar_that_never_opens_is_an_error_not_a_hang(business: Schedule, hol: schedule.Holidays) -> None:
    never = business._replace(days=frozenset())
    with pytest.raises(business_days.NoBusinessDay):
        business_days.due_within(never, kst("2026-11-24 10:00"), 1, hol, KST)


def test_the_business_schedule_is_found_by_name(cfg: ChannelData) -> None:
    assert business_days.business_schedule(cfg).id == "business"
