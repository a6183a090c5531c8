"""Saying instants, durations and schedules the way people do, in Korean or English."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from smartstore_help.core.i18n import t
from smartstore_help.core.model import WEEKDAYS, Lang, Schedule

WEEKDAYS_KO = ("월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def duration(delta: timedelta, lang: Lang) -> str:
    """`2일 15시간`, `3시간 12분`, `12분` — the two largest units, rounded up to the minute."""
    minutes = max(0, -(-int(delta.total_seconds()) // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    units = (("일", " d"), ("시간", " h"), ("분", " min"))
    parts = [f"{n}{units[i][0] if lang == 'ko' else units[i][1]}" for i, n in enumerate((days, hours, mins)) if n]
    if not parts:
        return "1분 미만" if lang == "ko" else "under a minute"
    return " ".join(parts[:2])


def until(moment: datetime, now: datetime, lang: Lang) -> str:
    return f"{duration(moment - now, lang)} 후" if lang == "ko" else f"in {duration(moment - now, lang)}"


def day_and_time(moment: datetime, now: datetime, tz: ZoneInfo, lang: Lang) -> str:
    """`오늘 13:00`, `내일 09:00`, or the date further out: `1월 4일 (월) 09:00` (a weekday alone
    would leave the seller to work out which week)."""
    local, today = moment.astimezone(tz), now.astimezone(tz).date()
    days = (local.date() - today).days
    hhmm = f"{local:%H:%M}"
    if lang == "ko":
        if days == 0:
            return f"오늘 {hhmm}"
        if days == 1:
            return f"내일 {hhmm}"
        return f"{local.month}월 {local.day}일 ({WEEKDAYS_KO[local.weekday()][0]}) {hhmm}"
    if days == 0:
        return f"today {hhmm}"
    if days == 1:
        return f"tomorrow {hhmm}"
    return f"{WEEKDAYS_EN[local.weekday()][:3]} {local.day} {local:%b} {hhmm}"


def short_date(day: date, lang: Lang) -> str:
    """`1월 1일`, `1 Jan`."""
    return f"{day.month}월 {day.day}일" if lang == "ko" else f"{day.day} {day:%b}"


def stamp(moment: datetime, tz: ZoneInfo, lang: Lang) -> str:
    """`2026-02-13 (금) 18:00 KST`."""
    local = moment.astimezone(tz)
    weekday = WEEKDAYS_KO[local.weekday()][0] if lang == "ko" else WEEKDAYS_EN[local.weekday()][:3]
    return f"{local:%Y-%m-%d} ({weekday}) {local:%H:%M} {local.tzname()}"


def absolute(moment: datetime, tz: ZoneInfo) -> str:
    """The form a resolved time is stored and shown back in: `2026-11-23 15:00`."""
    return f"{moment.astimezone(tz):%Y-%m-%d %H:%M}"


def schedule_summary(schedule: Schedule, lang: Lang) -> str:
    if schedule.always_open:
        return t("schedule.always", lang)
    days = _day_span(sorted(schedule.days), lang)
    assert schedule.opens is not None and schedule.closes is not None
    parts = [t("schedule.weekdays", lang, days=days, open=f"{schedule.opens:%H:%M}", close=f"{schedule.closes:%H:%M}")]
    parts += [t("schedule.break", lang, start=f"{b.start:%H:%M}", end=f"{b.end:%H:%M}") for b in schedule.breaks]
    if schedule.closed_on_public_holidays:
        parts.append(t("schedule.holidays_closed", lang))
    return ", ".join(parts)


def _day_span(days: Sequence[int], lang: Lang) -> str:
    names = tuple(w[0] for w in WEEKDAYS_KO) if lang == "ko" else tuple(d.title() for d in WEEKDAYS)
    if days == [0, 1, 2, 3, 4]:
        return "평일" if lang == "ko" else "Weekdays"
    if days and days == list(range(days[0], days[-1] + 1)) and len(days) > 2:
        return f"{names[days[0]]}–{names[days[-1]]}"
    return "·".join(names[d] for d in days)
