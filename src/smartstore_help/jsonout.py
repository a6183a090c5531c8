"""The JSON documents scripts depend on (contract in DESIGN.md): keys stable, values per --lang."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from smartstore_help.model import Channel, Lang
from smartstore_help.schedule import Status


def iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def channel_status(channel: Channel, status: Status, lang: Lang) -> dict[str, Any]:
    return {
        "id": channel.id,
        "name": channel.name(lang),
        "status": status.state,
        "reason": status.reason,
        "holiday": status.day_name(lang) if status.day_name else None,
        "next_open": iso(status.next_open),
        "closes_at": iso(status.closes_at),
    }


def hours(now: datetime, timezone: str, rows: Sequence[tuple[Channel, Status]], lang: Lang) -> dict[str, Any]:
    return {
        "now": iso(now),
        "timezone": timezone,
        "channels": [channel_status(channel, status, lang) for channel, status in rows],
    }
