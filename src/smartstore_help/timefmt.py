"""Parsing `--at` and saying instants and durations the way people do, in Korean or English."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from smartstore_help.model import Lang

WEEKDAYS_KO = ("월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_TIME_ONLY = re.compile(r"([0-9]{1,2}):([0-9]{2})")


class BadTime(ValueError):
    pass


def parse_at(text: str, now: datetime, tz: ZoneInfo) -> datetime:
    """An ISO 8601 date and time (KST unless it carries an offset), or HH:MM meaning today."""
    value = text.strip()
    match = _TIME_ONLY.fullmatch(value)
    try:
        if match:
            local = now.astimezone(tz)
            return local.replace(hour=int(match[1]), minute=int(match[2]), second=0, microsecond=0)
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.]+(Z|[+-][0-9:]+)?)?", value):
            raise BadTime(text)
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise BadTime(text) from None
    return moment.replace(tzinfo=tz) if moment.tzinfo is None else moment.astimezone(tz)


def duration(delta: timedelta, lang: Lang) -> str:
    """`2일 15시간`, `3시간 12분`, `12분` — the two largest units, rounded up to the minute."""
    minutes = max(0, -(-int(delta.total_seconds()) // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    units = (("일", " d"), ("시간", " h"), ("분", " min"))
    parts = [f"{n}{units[i][0] if lang == 'ko' else units[i][1]}"
             for i, n in enumerate((days, hours, mins)) if n]
    if not parts:
        return "1분 미만" if lang == "ko" else "under a minute"
    return " ".join(parts[:2])


def until(moment: datetime, now: datetime, lang: Lang) -> str:
    return f"{duration(moment - now, lang)} 후" if lang == "ko" else f"in {duration(moment - now, lang)}"


def day_and_time(moment: datetime, now: datetime, tz: ZoneInfo, lang: Lang) -> str:
    """`오늘 13:00`, `내일 09:00`, `월요일 09:00`, or `2월 19일 (목) 09:00` further out."""
    local, today = moment.astimezone(tz), now.astimezone(tz).date()
    days = (local.date() - today).days
    hhmm = f"{local:%H:%M}"
    if lang == "ko":
        if days == 0:
            return f"오늘 {hhmm}"
        if days == 1:
            return f"내일 {hhmm}"
        if 1 < days < 7:
            return f"{WEEKDAYS_KO[local.weekday()]} {hhmm}"
        return f"{local.month}월 {local.day}일 ({WEEKDAYS_KO[local.weekday()][0]}) {hhmm}"
    if days == 0:
        return f"today {hhmm}"
    if days == 1:
        return f"tomorrow {hhmm}"
    if 1 < days < 7:
        return f"{WEEKDAYS_EN[local.weekday()]} {hhmm}"
    return f"{WEEKDAYS_EN[local.weekday()][:3]} {local.day} {local:%b} {hhmm}"


def stamp(moment: datetime, tz: ZoneInfo, lang: Lang) -> str:
    """`2026-02-13 (금) 18:00 KST`."""
    local = moment.astimezone(tz)
    weekday = WEEKDAYS_KO[local.weekday()][0] if lang == "ko" else WEEKDAYS_EN[local.weekday()][:3]
    return f"{local:%Y-%m-%d} ({weekday}) {local:%H:%M} {local.tzname()}"
