"""The checklist and the ready-to-paste inquiry text, built from the seller's answers."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import datetime

from smartstore_help.model import Answers, ChannelData, ChecklistItem, Lang

ORDER_NO_DIGITS = (8, 20)
_EMPTY = {"ko": "(없음)", "en": "(none)"}
_FILL_IN = {"ko": "(직접 적어 주세요)", "en": "(please fill in)"}
_URGENT = {"ko": " [긴급]", "en": " [URGENT]"}


class BadOrderNumber(ValueError):
    pass


@dataclass(frozen=True)
class Details:
    """What the draft asks for beyond the wizard's questions; everything optional."""

    description: str = ""
    order_no: str = ""
    occurred_at: datetime | None = None
    tried: str = ""
    store_id: str = ""


def clean_order_no(value: str) -> str:
    """Digits only (spaces and hyphens dropped), 8 to 20 of them; empty means none."""
    digits = re.sub(r"[\s-]", "", value)
    if not digits:
        return ""
    low, high = ORDER_NO_DIGITS
    if not digits.isdigit() or not low <= len(digits) <= high:
        raise BadOrderNumber(value)
    return digits


def checklist(data: ChannelData, type_id: str, answers: Answers) -> list[tuple[ChecklistItem, bool]]:
    """The type's checklist, each item ticked when an answer says the seller already has it."""
    return [(item, item.ticked_by is not None and answers.get(item.ticked_by) is True)
            for item in data.problem_type(type_id).checklist]


def compose(data: ChannelData, type_id: str, answers: Answers, details: Details, lang: Lang) -> str:
    problem = data.problem_type(type_id)
    ready = [item.text(lang) for item, ticked in checklist(data, type_id, answers) if ticked]
    values = {
        "type": problem.name(lang),
        "description": details.description.strip() or _FILL_IN[lang],
        "order_no": details.order_no or _EMPTY[lang],
        "occurred_at": f"{details.occurred_at:%Y-%m-%d %H:%M} KST" if details.occurred_at else _FILL_IN[lang],
        "tried": details.tried.strip() or _EMPTY[lang],
        "prepared": ", ".join(ready) or _EMPTY[lang],
        "urgency": _URGENT[lang] if answers.get("urgent") is True else "",
        "store_id": details.store_id.strip() or _FILL_IN[lang],
    }
    # Values are inserted as they are: braces typed by the seller are never read as placeholders.
    parts = [text if name is None else text + values[name]
             for text, name, _, _ in string.Formatter().parse(problem.template(lang))]
    return "".join(parts).strip() + "\n"
