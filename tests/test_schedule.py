"""The schedule engine against the shipped data and the real Korean calendar, 2025-2027."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from helpers import kst

from smartstore_help.core import schedule
from smartstore_help.core.model import ChannelData, Text
from smartstore_help.store import serial
from smartstore_help.store.cache import SUFFIX
from smartstore_help.store.holiday_table import korean_holidays

KST = ZoneInfo("Asia/Seoul")
pytestmark = pytest.mark.usefixtures("machine_tz")


# (instant in KST, state, reason, Korean name of the day, next_open, closes_at)
PHONE_CASES = [
    # a plain Tuesday, edge by edge
    ("2026-11-24 08:59", "closed", "before_open", None, "2026-11-24 09:00", None),
    ("2026-11-24 09:00", "open", None, None, None, "2026-11-24 12:00"),
    ("2026-11-24 11:59", "open", None, None, None, "2026-11-24 12:00"),
    ("2026-11-24 12:00", "break", "break", None, "2026-11-24 13:00", None),
    ("2026-11-24 12:59:59", "break", "break", None, "2026-11-24 13:00", None),
    ("2026-11-24 13:00", "open", None, None, None, "2026-11-24 18:00"),
    ("2026-11-24 17:59", "open", None, None, None, "2026-11-24 18:00"),
    ("2026-11-24 18:00", "closed", "after_close", None, "2026-11-25 09:00", None),
    # Friday evening to Monday
    ("2026-11-27 17:59", "open", None, None, None, "2026-11-27 18:00"),
    ("2026-11-27 18:00", "closed", "after_close", None, "2026-11-30 09:00", None),
    ("2026-11-28 10:00", "closed", "weekend", None, "2026-11-30 09:00", None),
    ("2026-11-29 23:59", "closed", "weekend", None, "2026-11-30 09:00", None),
    ("2026-11-30 00:00", "closed", "before_open", None, "2026-11-30 09:00", None),
    # 설날 2026: Mon-Wed off after a Friday
    ("2026-02-13 18:00", "closed", "after_close", None, "2026-02-19 09:00", None),
    ("2026-02-17 10:00", "closed", "holiday", "설날", "2026-02-19 09:00", None),
    # 설날 2025 with the temporary holiday (임시공휴일) on Monday 27 January
    ("2025-01-24 18:00", "closed", "after_close", None, "2025-01-31 09:00", None),
    ("2025-01-27 09:30", "closed", "holiday", "임시공휴일", "2025-01-31 09:00", None),
    # 추석 2025: 개천절, 추석, its substitute day and 한글날 in one run
    ("2025-10-02 18:00", "closed", "after_close", None, "2025-10-10 09:00", None),
    ("2025-10-08 12:00", "closed", "holiday", "추석 대체 휴일", "2025-10-10 09:00", None),
    # 추석 2026 runs into a weekend
    ("2026-09-23 17:59", "open", None, None, None, "2026-09-23 18:00"),
    ("2026-09-25 11:00", "closed", "holiday", "추석", "2026-09-28 09:00", None),
    # substitute holidays (대체공휴일)
    ("2026-03-02 10:00", "closed", "holiday", "삼일절 대체 휴일", "2026-03-03 09:00", None),
    ("2027-02-09 10:00", "closed", "holiday", "설날 대체 휴일", "2027-02-10 09:00", None),
    # New Year, both sides of it
    ("2025-12-31 18:00", "closed", "after_close", None, "2026-01-02 09:00", None),
    ("2026-12-31 17:30", "open", None, None, None, "2026-12-31 18:00"),
    ("2026-12-31 18:00", "closed", "after_close", None, "2027-01-04 09:00", None),
    ("2027-01-01 09:00", "closed", "holiday", "신정연휴", "2027-01-04 09:00", None),
    # 추석 2027 in the middle of the week
    ("2027-09-13 18:00", "closed", "after_close", None, "2027-09-17 09:00", None),
]


@pytest.mark.parametrize(("at", "state", "reason", "name", "next_open", "closes_at"), PHONE_CASES)
def test_phone_schedule(
    cfg: ChannelData,
    hol: schedule.Holidays,
    at: str,
    state: str,
    reason: str | None,
    name: str | None,
    next_open: str | None,
    closes_at: str | None,
) -> None:
    got = schedule.status(cfg.channel("phone").schedule, kst(at), hol, KST)
    assert got.state == state
    assert got.reason == reason
    assert (got.day_name.ko if got.day_name else None) == name
    assert got.next_open == (kst(next_open) if next_open else None)
    assert got.closes_at == (kst(closes_at) if closes_at else None)


def test_the_same_instant_in_any_zone_gives_the_same_answer(cfg: ChannelData, hol: schedule.Holidays) -> None:
    phone = cfg.channel("phone").schedule
    utc = datetime(2026, 11, 24, 0, 0, tzinfo=UTC)  # 09:00 KST
    la = utc.astimezone(ZoneInfo("America/Los_Angeles"))  # the evening before, over there
    assert schedule.status(phone, utc, hol, KST) == schedule.status(phone, la, hol, KST)
    assert schedule.status(phone, utc, hol, KST).state == "open"
    assert schedule.status(phone, utc, hol, KST).closes_at == kst("2026-11-24 12:00")


def test_next_open_is_returned_in_kst(cfg: ChannelData, hol: schedule.Holidays) -> None:
    got = schedule.status(cfg.channel("phone").schedule, datetime(2026, 11, 28, tzinfo=UTC), hol, KST)
    assert got.next_open is not None and got.next_open.utcoffset() == timedelta(hours=9)


def test_a_naive_instant_is_refused(cfg: ChannelData, hol: schedule.Holidays) -> None:
    with pytest.raises(ValueError, match="time zone"):
        schedule.status(cfg.channel("phone").schedule, datetime(2026, 11, 24, 10), hol, KST)


def test_always_open_channels_never_close(cfg: ChannelData, hol: schedule.Holidays) -> None:
    for cid in ("faq", "email"):
        got = schedule.status(cfg.channel(cid).schedule, kst("2026-09-25 03:00"), hol, KST)
        assert (got.state, got.reason, got.next_open, got.closes_at) == ("open", None, None, None)


def test_email_is_answered_during_business_hours(cfg: ChannelData, hol: schedule.Holidays) -> None:
    answered = cfg.channel("email").answered_during
    assert answered is not None
    assert schedule.status(answered, kst("2026-11-28 10:00"), hol, KST).next_open == kst("2026-11-30 09:00")


def test_a_temporary_holiday_added_in_the_data(cfg: ChannelData, hol: schedule.Holidays) -> None:
    phone = cfg.channel("phone").schedule
    name = Text("임시공휴일", "Temporary public holiday")
    extra = phone._replace(closed_dates={date(2027, 5, 14): name})
    got = schedule.status(extra, kst("2027-05-13 18:00"), hol, KST)
    assert got.next_open == kst("2027-05-17 09:00")  # Friday off, then the weekend
    got = schedule.status(extra, kst("2027-05-14 10:00"), hol, KST)
    assert (got.state, got.reason, got.day_name) == ("closed", "closed_date", name)


def test_an_extra_open_date_overrides_a_weekend(cfg: ChannelData, hol: schedule.Holidays) -> None:
    phone = cfg.channel("phone").schedule
    extra = phone._replace(open_dates=frozenset({date(2026, 11, 28)}))
    assert schedule.status(extra, kst("2026-11-28 10:00"), hol, KST).state == "open"
    assert schedule.status(extra, kst("2026-11-27 18:00"), hol, KST).next_open == kst("2026-11-28 09:00")


def test_week_names_the_holidays(cfg: ChannelData, hol: schedule.Holidays) -> None:
    plans = schedule.week(cfg.channel("phone").schedule, kst("2026-09-21 10:00"), hol, KST)
    assert [p.day.day for p in plans] == [21, 22, 23, 24, 25, 26, 27]
    assert [p.off_reason for p in plans] == [None, None, None, "holiday", "holiday", "holiday", "weekend"]
    assert plans[4].name == Text("추석", "Chuseok")
    assert [(a.hour, b.hour) for a, b in plans[0].periods] == [(9, 12), (13, 18)]


def test_holiday_cache_is_reused_and_survives_corruption(tmp_path: Path) -> None:
    first = korean_holidays([2026], tmp_path)
    files = list(tmp_path.glob(f"holidays-kr-*{SUFFIX}"))
    assert len(files) == 1 and date(2026, 2, 17) in first
    files[0].write_bytes(b"\x80\x05not a cache file")
    assert korean_holidays([2026], tmp_path) == first
    files[0].write_bytes(serial.dumps({2026: {"2026-01-01": 5}}))  # well formed, the wrong shape
    assert korean_holidays([2026], tmp_path) == first
