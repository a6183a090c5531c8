"""Promised replies as an iCalendar document (RFC 5545), for Naver or Google Calendar.

One VEVENT per open promise, its start in UTC (`…Z`, so no VTIMEZONE is needed and every
calendar shows it at the right KST moment), lines ended with CRLF, long lines folded at 75
octets without splitting a UTF-8 character, and text values escaped (`\\`, `;`, `,`, newlines).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

LIMIT = 75  # octets a content line may hold, CRLF not counted


class Event(NamedTuple):
    uid: str
    start: datetime
    summary: str
    description: str = ""
    duration: timedelta = timedelta(minutes=30)


def escape(value: str) -> str:
    """A TEXT value: backslash, semicolon and comma escaped, every line break as `\\n`."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """A content line cut into pieces of at most 75 octets, each continuation starting with a space;
    never inside a UTF-8 character."""
    out: list[str] = []
    current, used = "", 0
    room = LIMIT
    for ch in line:
        size = len(ch.encode("utf-8"))
        if used + size > room:
            out.append(current)
            current, used, room = "", 0, LIMIT - 1  # the leading space takes one octet
        current += ch
        used += size
    out.append(current)
    return "\r\n ".join(out)


def utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def duration(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    return f"PT{minutes // 60}H{minutes % 60}M" if minutes >= 60 else f"PT{minutes}M"


def calendar(events: Sequence[Event], now: datetime, prodid: str, name: str) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{prodid}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{utc(now)}",
            f"DTSTART:{utc(event.start)}",
            f"DURATION:{duration(event.duration)}",
            f"SUMMARY:{escape(event.summary)}",
            *([f"DESCRIPTION:{escape(event.description)}"] if event.description else []),
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
