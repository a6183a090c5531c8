"""The JSON documents scripts depend on (the contract the README documents): keys stable, values per --lang."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from smartstore_help.core import timesay
from smartstore_help.core.draft import BACKED_BY, Facts
from smartstore_help.core.model import Channel, ChannelData, ChecklistItem, Lang
from smartstore_help.core.schedule import DayPlan, Status

if TYPE_CHECKING:
    from smartstore_help.core.rules import Plan


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
        # the named days (holidays, closed dates) between now and next_open: why it opens so late
        "closed_days": [{"date": day.isoformat(), "name": name(lang)} for day, name in status.closed_days],
    }


def hours(now: datetime, timezone: str, rows: Sequence[tuple[Channel, Status]], lang: Lang) -> dict[str, Any]:
    return {
        "now": iso(now),
        "timezone": timezone,
        "channels": [channel_status(channel, status, lang) for channel, status in rows],
    }


def contact(
    data: ChannelData,
    type_id: str,
    type_source: str,
    facts: Facts,
    now: datetime,
    plan: Plan,
    checklist: Sequence[tuple[ChecklistItem, bool]],
    faq: Sequence[str],
    faq_confident: bool,
    draft: str,
    lang: Lang,
) -> dict[str, Any]:
    meanwhile = plan.meanwhile
    return {
        "type": type_id,
        "type_source": type_source,  # "given" (--type) or "inferred" (from the description)
        "answers": dict(facts.answers),
        "missing": sorted(BACKED_BY[a] for a in facts.missing),
        "now": iso(now),
        "recommendations": recommendations(plan, lang),
        "excluded": [{"channel": c.id, "reason": why(lang)} for c, why in plan.excluded],
        "meanwhile": meanwhile.channel.id if meanwhile else None,
        "checklist": [{"item": item.text(lang), "ready": ready} for item, ready in checklist],
        "faq": list(faq),
        "faq_confident": faq_confident,  # false: the entries are the closest there are, not answers
        "draft": draft,
        "help_center": data.help_center.url,
    }


def recommendations(plan: Plan, lang: Lang) -> list[dict[str, Any]]:
    return [
        {
            "channel": r.channel.id,
            "score": r.score,
            "available_now": r.available_now,
            "next_open": iso(r.next_open),
            "reasons": [reason(lang) for reason in r.reasons],
            "history": r.history._asdict() if r.history else None,
            "name": r.channel.name(lang),
            "reach": reach(r.channel, lang),
        }
        for r in plan.recommendations
    ]


def reach(channel: Channel, lang: Lang) -> dict[str, Any]:
    """How to reach a channel: its phone number and voice-menu path, where to click, its address."""
    return {
        "phone": channel.phone,
        "ars": channel.ars(lang) if channel.ars else None,
        "where": channel.contact(lang),
        "url": channel.url,
    }


def week(now: datetime, timezone: str, channel: Channel, days: Sequence[DayPlan], lang: Lang) -> dict[str, Any]:
    """`hours --week --json`: each day's opening periods, or why it is closed."""
    return {
        "now": iso(now),
        "timezone": timezone,
        "channel": channel.id,
        "days": [
            {
                "date": day.day.isoformat(),
                "periods": [[iso(start), iso(end)] for start, end in day.periods],
                "closed_reason": day.off_reason,
                "holiday": day.name(lang) if day.name else None,
            }
            for day in days
        ],
    }


def channels(data: ChannelData, lang: Lang) -> dict[str, Any]:
    """`channels --json`: every channel's contact facts, hours, pros and cons, and their source."""
    return {
        "help_center": data.help_center.url,
        "channels": [
            {
                "id": c.id,
                "name": c.name(lang),
                "contact": c.contact(lang),
                "phone": c.phone,
                "url": c.url,
                "ars": c.ars(lang) if c.ars else None,
                "hours": timesay.schedule_summary(c.schedule, lang),
                "pros": [p(lang) for p in c.pros],
                "cons": [n(lang) for n in c.cons],
                "source": c.source,
                "checked": c.checked.isoformat(),
                "published": c.published.isoformat() if c.published else None,
                # "third_party": the channel or its hours rest on third-party pages only (`confirmed:`)
                "confirmed": "third_party" if c.unconfirmed() else "official",
            }
            for c in data.channels
        ],
    }
