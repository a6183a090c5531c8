"""Times as sellers say them, resolved in KST against the run's moment."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from helpers import kst

from smartstore_help.core.timeparse import BadTime, parse_when

KST = ZoneInfo("Asia/Seoul")
pytestmark = pytest.mark.usefixtures("machine_tz")


AFTERNOON = "2026-11-24 16:10:30"  # a Tuesday
JUST_AFTER_MIDNIGHT = "2026-11-25 00:20:00"
NEW_YEAR = "2027-01-01 00:05:00"  # 신정, a public holiday
EVE_OF_CHUSEOK = "2026-09-23 23:40:00"  # the day before the three Chuseok holidays

CASES = [
    # (now, what the seller typed, when it resolves to)
    (AFTERNOON, "어제 15:00", "2026-11-23 15:00"),
    (AFTERNOON, "오늘 오후 3시", "2026-11-24 15:00"),
    (AFTERNOON, "15시", "2026-11-24 15:00"),
    (AFTERNOON, "3시간 전", "2026-11-24 13:10"),
    (AFTERNOON, "30분 전", "2026-11-24 15:40"),
    (AFTERNOON, "1시간 30분 전", "2026-11-24 14:40"),
    (AFTERNOON, "한 시간 반 전", "2026-11-24 14:40"),
    (AFTERNOON, "오후 3시 30분", "2026-11-24 15:30"),
    (AFTERNOON, "오후 3시 반", "2026-11-24 15:30"),
    (AFTERNOON, "3시", "2026-11-24 15:00"),  # no 오전/오후: the later reading that has come
    (AFTERNOON, "오전 9시", "2026-11-24 09:00"),
    (AFTERNOON, "그제 10:00", "2026-11-22 10:00"),
    (AFTERNOON, "그저께 오전 10시 30분", "2026-11-22 10:30"),
    (AFTERNOON, "11월 20일 14:00", "2026-11-20 14:00"),
    (AFTERNOON, "2026-11-24 14:30", "2026-11-24 14:30"),
    (AFTERNOON, "2026-11-24T05:30Z", "2026-11-24 14:30"),
    (AFTERNOON, "14:30", "2026-11-24 14:30"),
    (AFTERNOON, "지금", "2026-11-24 16:10"),
    (AFTERNOON, "3pm", "2026-11-24 15:00"),
    (AFTERNOON, "3:30 PM", "2026-11-24 15:30"),
    (AFTERNOON, "yesterday 3pm", "2026-11-23 15:00"),
    (AFTERNOON, "today 9am", "2026-11-24 09:00"),
    (AFTERNOON, "2 hours ago", "2026-11-24 14:10"),
    (AFTERNOON, "an hour ago", "2026-11-24 15:10"),
    (AFTERNOON, "45 minutes ago", "2026-11-24 15:25"),
    # 오전/오후 12시: midnight and noon
    (AFTERNOON, "오전 12시", "2026-11-24 00:00"),
    (AFTERNOON, "오후 12시", "2026-11-24 12:00"),
    (AFTERNOON, "오후 12시 30분", "2026-11-24 12:30"),
    (AFTERNOON, "12시", "2026-11-24 12:00"),
    (AFTERNOON, "12am", "2026-11-24 00:00"),
    (AFTERNOON, "12pm", "2026-11-24 12:00"),
    (AFTERNOON, "어제 밤 12시", "2026-11-24 00:00"),
    (AFTERNOON, "정오", "2026-11-24 12:00"),
    # across midnight: "an hour ago" and "yesterday" are the day before
    (JUST_AFTER_MIDNIGHT, "1시간 전", "2026-11-24 23:20"),
    (JUST_AFTER_MIDNIGHT, "어제 23:50", "2026-11-24 23:50"),
    (JUST_AFTER_MIDNIGHT, "어제 오후 11시", "2026-11-24 23:00"),
    (JUST_AFTER_MIDNIGHT, "10분 전", "2026-11-25 00:10"),
    (JUST_AFTER_MIDNIGHT, "오전 12시", "2026-11-25 00:00"),
    (JUST_AFTER_MIDNIGHT, "어제 3시", "2026-11-24 15:00"),
    (NEW_YEAR, "어제 18:00", "2026-12-31 18:00"),
    (NEW_YEAR, "12월 31일 오후 6시", "2026-12-31 18:00"),  # said in January: last year's December
    (NEW_YEAR, "10분 전", "2026-12-31 23:55"),
    # the day before a holiday, late at night
    (EVE_OF_CHUSEOK, "오늘 오후 3시", "2026-09-23 15:00"),
    (EVE_OF_CHUSEOK, "어제 15시", "2026-09-22 15:00"),
    (EVE_OF_CHUSEOK, "2시간 전", "2026-09-23 21:40"),
    (EVE_OF_CHUSEOK, "11시", "2026-09-23 23:00"),
    # "3시" the moment 15:00 comes: already the afternoon reading (the boundary is inclusive)
    ("2026-11-24 15:00:00", "3시", "2026-11-24 15:00"),
    ("2026-11-24 15:00:45", "3시", "2026-11-24 15:00"),
    ("2026-11-24 14:59:59", "3시", "2026-11-24 03:00"),
    ("2026-11-24 23:00:00", "11시", "2026-11-24 23:00"),
    # the last minute of the day and the first and last hours of 오후
    ("2026-11-24 23:59:30", "23:59", "2026-11-24 23:59"),
    ("2026-11-24 23:59:30", "오후 11시 59분", "2026-11-24 23:59"),
    (AFTERNOON, "오후 1시", "2026-11-24 13:00"),
    (AFTERNOON, "1시", "2026-11-24 13:00"),  # (the smallest hour that has an afternoon reading)
    (AFTERNOON, "0:00", "2026-11-24 00:00"),
]


@pytest.mark.parametrize(("now", "typed", "expected"), CASES)
def test_spoken_times_resolve_in_kst(now: str, typed: str, expected: str) -> None:
    assert parse_when(typed, kst(now), KST) == kst(expected)


def test_the_answer_does_not_depend_on_the_zone_now_is_given_in() -> None:
    utc_now = kst(AFTERNOON).astimezone(ZoneInfo("UTC"))
    assert parse_when("어제 15:00", utc_now, KST) == kst("2026-11-23 15:00")


REFUSED = [
    (AFTERNOON, "17:00", "future"),  # later today has not happened yet
    (AFTERNOON, "오늘 오후 5시", "future"),
    (JUST_AFTER_MIDNIGHT, "23:50", "future"),  # just after midnight, 23:50 *today* is still ahead
    (EVE_OF_CHUSEOK, "내일 10:00", "future"),  # tomorrow is read, and refused as not yet come
    (AFTERNOON, "어제", "no_time"),
    (AFTERNOON, "2026-11-20", "no_time"),
    (AFTERNOON, "25:00", "unreadable"),
    (AFTERNOON, "오후 13시", "unreadable"),
    (AFTERNOON, "2월 30일 10:00", "unreadable"),
    (AFTERNOON, "언젠가", "unreadable"),
    (AFTERNOON, "", "unreadable"),
]


@pytest.mark.parametrize(("now", "typed", "why"), REFUSED)
def test_unreadable_and_future_times_are_refused(now: str, typed: str, why: str) -> None:
    with pytest.raises(BadTime) as raised:
        parse_when(typed, kst(now), KST)
    assert raised.value.kind == why
