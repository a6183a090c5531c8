"""The checklist and the ready-to-paste inquiry text, built from the seller's answers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import datetime
from typing import NamedTuple

from smartstore_help.core.model import Answer, Answers, ChannelData, ChecklistItem, Lang
from smartstore_help.core.textin import visible

ORDER_NO_DIGITS = (8, 20)
_EMPTY = {"ko": "(없음)", "en": "(none)"}
_FILL_IN = {"ko": "(직접 적어 주세요)", "en": "(please fill in)"}
_URGENT = {"ko": " [긴급]", "en": " [URGENT]"}


class BadOrderNumber(ValueError):
    pass


class Details(NamedTuple):
    """What the draft asks for beyond the wizard's questions; everything optional."""

    description: str = ""
    order_no: str = ""
    occurred_at: datetime | None = None
    tried: str = ""
    store_id: str = ""


# Every dash people put between digit groups (NFKC already makes the full-width ones ASCII).
_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc")


def clean_order_no(value: str) -> str:
    """ASCII digits only, 8 to 20 of them; empty means none.

    Digits the way they were typed are accepted and made ASCII: NFKC folds full-width `２０２６`,
    superscripts and circled digits, and any other decimal digit (Arabic-Indic `٢٠٢٦`) is
    read by its value, so what is stored, shown and copied is always `2026`. Spaces and
    dashes between groups are dropped; anything else is refused.
    """
    folded = "".join(ch for ch in unicodedata.normalize("NFKC", value) if not (ch.isspace() or ch in _DASHES))
    if not folded:
        return ""
    low, high = ORDER_NO_DIGITS
    if not all(unicodedata.decimal(ch, None) is not None for ch in folded) or not low <= len(folded) <= high:
        raise BadOrderNumber(value)
    return "".join(str(unicodedata.decimal(ch)) for ch in folded)


# A yes/no answer that says the seller has something, and the typed detail that holds it.
BACKED_BY = {"has_order_no": "order_no"}


class Facts(NamedTuple):
    """What the seller has, reconciled: the answers, and the answers whose detail is missing."""

    answers: dict[str, Answer]
    missing: frozenset[str]


def reconcile(answers: Answers, details: Mapping[str, object]) -> Facts:
    """One truth from the answers and the typed details, for the draft, the checklist, the JSON and
    the saved case alike. A typed order number answers "is there an order number?" with yes, whatever
    was answered before. "Yes" with no number typed stays yes, and the number is recorded as missing:
    the draft says to fill it in and the checklist leaves it unticked."""
    out = dict(answers)
    missing = set()
    for answer_id, detail in BACKED_BY.items():
        value = details.get(detail)
        if isinstance(value, str) and value.strip():
            out[answer_id] = True
        elif out.get(answer_id) is True:
            missing.add(answer_id)
    return Facts(out, frozenset(missing))


def checklist(
    data: ChannelData, type_id: str, answers: Answers, missing: frozenset[str] = frozenset()
) -> list[tuple[ChecklistItem, bool]]:
    """The type's checklist, each item ticked when an answer says the seller already has it (and
    it is not missing)."""
    return [
        (item, item.ticked_by is not None and answers.get(item.ticked_by) is True and item.ticked_by not in missing)
        for item in data.problem_type(type_id).checklist
    ]


def _backed(details: Details, facts: Facts, lang: Lang) -> dict[str, str]:
    """The placeholders of backed details: the value, "(please fill in)" when missing, or "(none)"."""
    typed = details._asdict()
    return {
        detail: str(typed.get(detail) or "").strip() or (_FILL_IN[lang] if answer_id in facts.missing else _EMPTY[lang])
        for answer_id, detail in BACKED_BY.items()
    }


def compose(data: ChannelData, type_id: str, answers: Answers, details: Details, lang: Lang) -> str:
    problem = data.problem_type(type_id)
    facts = reconcile(answers, details._asdict())
    ready = [item.text(lang) for item, ticked in checklist(data, type_id, facts.answers, facts.missing) if ticked]
    values = {
        "type": problem.name(lang),
        "description": details.description.strip() or _FILL_IN[lang],
        **_backed(details, facts, lang),
        "occurred_at": f"{details.occurred_at:%Y-%m-%d %H:%M} KST" if details.occurred_at else _FILL_IN[lang],
        "tried": details.tried.strip() or _EMPTY[lang],
        "prepared": ", ".join(ready) or _EMPTY[lang],
        "urgency": _URGENT[lang] if facts.answers.get("urgent") is True else "",
        "store_id": details.store_id.strip() or _FILL_IN[lang],
    }
    return fill(problem.template(lang), values).strip() + "\n"


PLACEHOLDER = re.compile(r"\{(\w*)\}")


def placeholders(template: str) -> tuple[set[str], bool]:
    """The names a template uses, and whether every brace belongs to a placeholder."""
    return set(PLACEHOLDER.findall(template)), not re.search(r"[{}]", PLACEHOLDER.sub("", template))


def fill(template: str, values: dict[str, str]) -> str:
    """Placeholders replaced once: braces the seller typed into a value are never read as placeholders.

    The result is printed, written to a file and copied, so it never carries a control character,
    whether it came from the template (a seller's own data) or from a value (typed or stored).
    """
    return visible(PLACEHOLDER.sub(lambda m: values[m[1]], template))


class EarlierContact(NamedTuple):
    """What a follow-up cites of the first contact."""

    when: str
    channel: str
    refs: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    promise: str = ""  # the latest promised reply, as the agent said it
    promise_due: str = ""  # when it was due, as shown (`2026-10-10 (금) 18:00 KST`)
    promise_overdue: bool = False


_FOLLOW_UP = {
    "ko": (
        "[재문의] {type}{urgency}",
        "스토어 ID: {store_id}",
        "이전 문의: {when}, {channel} (접수번호: {refs})",
        "그때 문의한 내용: {description}",
        "그때 해 본 것: {tried}",
        "안내받은 내용·약속: {notes}",
        "지금 상황: 같은 문제가 다시 생겼습니다.",
        "관련 주문번호: {order_no}",
    ),
    "en": (
        "[Follow-up] {type}{urgency}",
        "Store ID: {store_id}",
        "Earlier contact: {when}, {channel} (reference: {refs})",
        "What I asked then: {description}",
        "What I had tried: {tried}",
        "What I was told or promised: {notes}",
        "Now: the same problem has come back.",
        "Related order number: {order_no}",
    ),
}


_PROMISE = {
    "ko": ("약속받은 회신: {due}까지", ' ("{promise}")', " — 기한이 지났지만 아직 답변을 받지 못했습니다."),
    "en": ("Reply promised by {due}", ' ("{promise}")', "; that time has passed with no answer."),
}


def follow_up(
    data: ChannelData, type_id: str, answers: Answers, details: Details, earlier: EarlierContact, lang: Lang
) -> str:
    """A new inquiry for a problem that came back, citing the earlier contact and, when the agent
    promised a reply, that promise and its date. A type since removed from the data is named by its id."""
    kind = next((p.name(lang) for p in data.problem_types if p.id == type_id), type_id)
    values = {
        "type": kind,
        "urgency": _URGENT[lang] if answers.get("urgent") is True else "",
        "store_id": details.store_id.strip() or _FILL_IN[lang],
        "when": earlier.when,
        "channel": earlier.channel,
        "refs": ", ".join(earlier.refs) or _EMPTY[lang],
        "description": details.description.strip() or _EMPTY[lang],
        "tried": details.tried.strip() or _EMPTY[lang],
        "notes": " / ".join(n.replace("\n", " ") for n in earlier.notes) or _EMPTY[lang],
        **_backed(details, reconcile(answers, details._asdict()), lang),
        "due": earlier.promise_due,
        "promise": earlier.promise.replace("\n", " "),
    }
    lines = [fill(line, values) for line in _FOLLOW_UP[lang]]
    if earlier.promise_due:
        due, said, late = _PROMISE[lang]
        lines.insert(
            6,
            fill(due, values)
            + (fill(said, values) if earlier.promise.strip() else "")
            + (late if earlier.promise_overdue else ""),
        )
    return "\n".join(lines) + "\n"
