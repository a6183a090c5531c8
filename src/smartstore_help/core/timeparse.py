"""Reading times: `--at`, and when something happened as a seller says it, always in KST."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from smartstore_help.core.model import Lang
from smartstore_help.core.timesay import stamp

_TIME_ONLY = re.compile(r"([0-9]{1,2}):([0-9]{2})")


# The moments the program can speak about. Before 1970 Seoul's clock was not today's KST (local
# mean time until 1908, UTC+08:30 in the 1950s), so a time there would be shown as `LMT +08:27:52`;
# the lunar dates of 설날 and 추석 in the holiday calendar end with 2100, and every screen looks a
# year around the moment asked about. Far outside, date arithmetic itself overflows.
FIRST_YEAR, LAST_YEAR = 1970, 2099


class BadTime(ValueError):
    """A time that cannot be read; `kind` says why (`unreadable`, `no_time`, `future`, `range`)."""

    def __init__(self, text: str, kind: str = "unreadable", moment: datetime | None = None) -> None:
        super().__init__(text)
        self.text, self.kind, self.moment = text, kind, moment


class TimeOutOfRange(BadTime):
    """A readable time outside FIRST_YEAR..LAST_YEAR (in KST)."""

    def __init__(self, text: str) -> None:
        super().__init__(text, "range")


def in_range(moment: datetime, text: str) -> datetime:
    """`moment` when its year (where it is) lies in FIRST_YEAR..LAST_YEAR, else TimeOutOfRange."""
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise TimeOutOfRange(text)
    return moment


def parse_at(text: str, now: datetime, tz: ZoneInfo) -> datetime:
    """An ISO 8601 date and time (KST unless it carries an offset), or HH:MM meaning today,
    within the years FIRST_YEAR to LAST_YEAR."""
    value = text.strip()
    match = _TIME_ONLY.fullmatch(value)
    if not match and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.]+(Z|[+-][0-9:]+)?)?", value):
        # as people say it: "내일 10:00", "금요일 오후 2시", "friday 2pm" (the coming one), "3시간 전"
        return read(text, now, tz, future=True)
    try:
        if match:
            local = now.astimezone(tz)
            moment = local.replace(hour=int(match[1]), minute=int(match[2]), second=0, microsecond=0)
        else:
            if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.]+(Z|[+-][0-9:]+)?)?", value):
                raise BadTime(text)
            moment = datetime.fromisoformat(value)
    except ValueError:
        raise BadTime(text) from None
    # Checked roughly before converting (year 1 at +09:00 is year 0 in UTC: an OverflowError), then
    # exactly in Seoul: 1969-12-31T15:00Z is already 1970 there, 2099-12-31T23:00-05:00 is 2100.
    if not FIRST_YEAR - 1 <= moment.year <= LAST_YEAR + 1:
        raise TimeOutOfRange(text)
    return in_range(moment.replace(tzinfo=tz) if moment.tzinfo is None else moment.astimezone(tz), text)


# --- times as people say them: "어제 15:00", "오늘 오후 3시", "3시간 전", "yesterday 3pm" -------------

_NATIVE = {
    "한": 1,
    "두": 2,
    "세": 3,
    "네": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
    "열": 10,
    "열한": 11,
    "열두": 12,
    "an": 1,
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
}
_NUM = r"(\d{1,3}|열한|열두|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|an|a|one|two|three)"
_DAYS_BACK = {
    "오늘": 0,
    "today": 0,
    "어제": 1,
    "yesterday": 1,
    "그제": 2,
    "그저께": 2,
    "엊그제": 2,
    "the day before yesterday": 2,
    "내일": -1,
    "tomorrow": -1,
    "모레": -2,
    "내일모레": -2,
    "the day after tomorrow": -2,
}
_WEEKDAYS = {
    **{f"{d}요일": i for i, d in enumerate("월화수목금토일")},
    **{d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))},
    **{d: i for i, d in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))},
}
_WEEK_SHIFT = {
    "지난주": -1,
    "저번주": -1,
    "지난": -1,
    "last": -1,
    "이번주": 0,
    "이번": 0,
    "this": 0,
    "다음주": 1,
    "다음": 1,
    "next": 1,
}
_MORNING = {
    "오전": "am",
    "새벽": "am",
    "아침": "am",
    "am": "am",
    "a.m.": "am",
    "오후": "pm",
    "낮": "pm",
    "저녁": "pm",
    "밤": "pm",
    "pm": "pm",
    "p.m.": "pm",
}
_NOW_WORDS = {"지금", "방금", "now", "just now", "right now"}
# The patterns of a spoken time, as text: `re` compiles each on first use and keeps it. Most runs
# never parse a time, and compiling them all at import cost about 1.7 ms of every start.
_AGO = (
    rf"(?:{_NUM}\s*(?:일|days?|d)\s*)?(?:{_NUM}\s*(?:시간|hours?|hrs?|h)\s*)?(?:{_NUM}\s*(?:분|minutes?|mins?|m)\s*)?"
    r"(반\s*)?(?:전|ago)"
)
_WEEKDAY = (
    r"(?:(지난\s*주|저번\s*주|이번\s*주|다음\s*주|지난|이번|다음|last|this|next)\s*)?"
    r"([월화수목금토일]요일|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b"
)
_DAY = (
    r"(the day before yesterday|the day after tomorrow|그저께|엊그제|그제|어제|오늘|내일모레|내일|모레"
    r"|yesterday|today|tomorrow"
    r"|(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?|(?:(\d{4})년\s*)?(\d{1,2})월\s*(\d{1,2})일)"
)
_TIME = (
    r"(?:(오전|오후|새벽|아침|낮|저녁|밤)\s*)?"
    rf"(?:(\d{{1,2}}):(\d{{2}})|{_NUM}\s*시(?:\s*(\d{{1,2}})\s*분|\s*(반))?|(\d{{1,2}})(?=\s*(?:am|pm|a\.m\.|p\.m\.))"
    r"|(정오|자정|noon|midnight))"
    r"(?:\s*(am|pm|a\.m\.|p\.m\.))?"
)


def _number(word: str | None) -> int:
    return 0 if not word else int(word) if word.isdigit() else _NATIVE[word]


def parse_when(text: str, now: datetime, tz: ZoneInfo) -> datetime:
    """When something happened (see `read`): a moment after `now` is refused."""
    return read(text, now, tz, future=False)


def read(text: str, now: datetime, tz: ZoneInfo, *, future: bool) -> datetime:
    """When something happened, as a seller says it, resolved in KST against `now`.

    ISO dates (`2026-11-24 14:30`), `HH:MM`, `15시`, `오후 3시 30분`, `3pm`, `어제 15:00`,
    `그저께 오전 10시`, `내일 10:00`, `모레 오후 3시`, a weekday (`금요일 오후 2시`, `지난주 금요일 14:00`,
    `last friday 2pm`, `friday 2pm`), `3시간 전`, `30 minutes ago`, `지금`.

    Asked when something happened (`future=False`): a bare weekday is the latest one that has
    come, an hour from 1 to 11 with no 오전/오후 (or am/pm) the later of its two readings that has
    already come (`3시` at 16:00 is 15:00; at 10:00 it is 03:00), and a moment after `now` is
    refused. Asked for a moment to plan at (`future=True`, `--at`): a bare weekday is the coming one
    (today included), 1 to 7 o'clock is the afternoon and 8 to 11 the morning, and the future is
    fine. `지난주`/`이번주`/`다음주` name the Monday-to-Sunday week; `last friday` is the latest
    Friday before today. A date with no time is refused either way.
    """
    local = now.astimezone(tz).replace(second=0, microsecond=0)
    value = " ".join(text.strip().lower().split())
    if value in _NOW_WORDS:
        return local
    moment = in_range(_ago(value, local) or _day_and_time(value, local, text, tz, future), text)
    if not future and moment > now.astimezone(tz):
        raise BadTime(text, "future", moment)
    return moment


def _ago(value: str, local: datetime) -> datetime | None:
    match = re.fullmatch(_AGO, value)
    if not match or not any(match.groups()):
        return None
    days, hours, minutes = (_number(g) for g in match.groups()[:3])
    half = 30 if match[4] else 0
    return local - timedelta(days=days, hours=hours, minutes=minutes + half)


def _weekday(match: re.Match[str], today: date, future: bool) -> date:
    """The day a weekday phrase names, seen from `today`."""
    shift = _WEEK_SHIFT[re.sub(r"\s+", "", match[1])] if match[1] else None
    wanted = _WEEKDAYS[match[2]]
    if match[1] in ("last", "지난"):  # the latest such day before today
        return today - timedelta(days=(today.weekday() - wanted - 1) % 7 + 1)
    if match[1] in ("next", "다음") and not match[1].endswith("주"):
        return today + timedelta(days=(wanted - today.weekday() - 1) % 7 + 1)
    if shift is not None:  # that day of the previous, this or the next Monday-to-Sunday week
        monday = today - timedelta(days=today.weekday())
        return monday + timedelta(weeks=shift, days=wanted)
    if future:  # the coming one, today included
        return today + timedelta(days=(wanted - today.weekday()) % 7)
    return today - timedelta(days=(today.weekday() - wanted) % 7)  # the latest one, today included


def _day_and_time(value: str, local: datetime, text: str, tz: ZoneInfo, future: bool = False) -> datetime:
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[t ][0-9:.]+(z|[+-][0-9:]+)?", value):
        return parse_at(text, local, tz).replace(second=0, microsecond=0)
    day, rest = local.date(), value
    weekday = re.match(_WEEKDAY, value)
    match = None if weekday else re.match(_DAY, value)
    if weekday:
        day = _weekday(weekday, day, future)
        rest = value[weekday.end() :].strip()
        if not rest:
            raise BadTime(text, "no_time")
    elif match:
        rest = value[match.end() :].strip()
        try:
            if match[1] in _DAYS_BACK:
                day -= timedelta(days=_DAYS_BACK[match[1]])
            elif match[2]:
                day = date(int(match[2]), int(match[3]), int(match[4]))
            else:
                day = date(int(match[5]) if match[5] else local.year, int(match[6]), int(match[7]))
                if not match[5] and day > local.date():  # "12월 31일" said in January: last year's
                    day = day.replace(year=day.year - 1)
        except ValueError:
            raise BadTime(text) from None
        if not FIRST_YEAR <= day.year <= LAST_YEAR:  # said first: no time of that day would do
            raise TimeOutOfRange(text)
        if not rest:
            raise BadTime(text, "no_time")
    time = re.fullmatch(_TIME, rest)
    if not time:
        raise BadTime(text)
    (prefix, hh, mm, spoken, spoken_min, half, before_ampm, named, suffix) = time.groups()
    meridiem = _MORNING.get(prefix or "") or _MORNING.get(suffix or "")
    if named:
        hour, minute = (12, 0) if named in ("정오", "noon") else (0, 0)
    elif hh is not None:
        hour, minute = int(hh), int(mm)
    else:
        hour = _number(spoken or before_ampm)
        minute = 30 if half else int(spoken_min or 0)
    midnight_after = prefix == "밤" and hour == 12  # 밤 12시: the midnight that ends that day
    if meridiem is not None:
        if not 1 <= hour <= 12:
            raise BadTime(text)
        hour = 0 if midnight_after else hour % 12 + (12 if meridiem == "pm" else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise BadTime(text)
    moment = datetime.combine(day + timedelta(days=midnight_after), datetime.min.time(), tz).replace(
        hour=hour, minute=minute
    )
    if meridiem is None and not named and spoken is not None and 1 <= hour <= 11:
        later = moment + timedelta(hours=12)
        if future:  # planning ahead: "3시" is 15:00, "9시" is 09:00 (business hours)
            if hour <= 7:
                moment = later
        elif later <= local:  # "3시" is usually 15:00, unless 15:00 has not come yet
            moment = later
    if not future and weekday and not weekday[1] and moment > local:  # "금요일 오후 2시" said on a Friday at 10:00
        moment -= timedelta(weeks=1)
    return moment


def explain(error: BadTime, now: datetime, tz: ZoneInfo, lang: Lang) -> str:
    """Why a spoken time was refused, in the seller's language."""
    from smartstore_help.core.i18n import t

    if error.kind == "future" and error.moment is not None:
        return t(
            "error.when_future", lang, value=error.text, when=stamp(error.moment, tz, lang), now=stamp(now, tz, lang)
        )
    if error.kind == "range":
        return t("error.time_range", lang, value=error.text, first=FIRST_YEAR, last=LAST_YEAR)
    return t("error.when_no_time" if error.kind == "no_time" else "error.when_unreadable", lang, value=error.text)
