"""The journal as flat rows for a spreadsheet: one case a row, every value readable on its own.

The CSV is for people (Excel opens it by its byte-order mark and shows Hangul); scripts have the
JSON export, whose keys are stable. So headers and values here follow the chosen language:
answers get a column each, headed by their question, with 예/아니요 and choice labels; notes
are joined one per line, each with its time. Pure: cases and data in, rows out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from smartstore_help.core.i18n import t
from smartstore_help.core.model import ChannelData, Lang, Question

if TYPE_CHECKING:
    from smartstore_help.core.records import Case

DETAILS = ("description", "order_no", "occurred_at", "tried", "store_id")
BOM = "\ufeff"


def question_index(data: ChannelData) -> dict[str, Question]:
    """Every question the data knows, by id (a type's own questions included)."""
    known = {q.id: q for q in data.questions}
    for problem in data.problem_types:
        known.update({q.id: q for q in problem.questions})
    return known


def answer_text(question: Question | None, value: object, lang: Lang) -> str:
    """`예` rather than `True`, a choice's label rather than its id; unknown questions as stored."""
    if isinstance(value, bool):
        return t("contact.yes" if value else "contact.no", lang)
    if question is not None:
        return next((c.label(lang) for c in question.choices if c.value == value), str(value))
    return "" if value is None else str(value)


def detail_label(key: str, lang: Lang) -> str:
    return t(f"detail.{key}", lang) if key in DETAILS else key


def _answer_ids(cases: Iterable[Case]) -> list[str]:
    seen: dict[str, None] = {}
    for case in cases:
        seen.update(dict.fromkeys(k for k in case.answers if k != "type"))
    return list(seen)


def rows(cases: Sequence[Case], data: ChannelData, lang: Lang, clean: Callable[[str], str] = str) -> list[list[str]]:
    """The header row, then one row per case. `clean` is applied to every cell (to strip control
    characters when the rows go to a terminal)."""
    questions = question_index(data)
    channels = {c.id: c.name(lang) for c in data.channels}
    types = {p.id: p.name(lang).split(" (")[0] for p in data.problem_types}
    answer_ids = _answer_ids(cases)
    detail_ids = list(DETAILS) + sorted({k for c in cases for k in c.details} - set(DETAILS))
    header = [
        t(f"export.col.{k}", lang)
        for k in (
            "id",
            "created_at",
            "type",
            "status",
            "resolved",
            "rating",
            "feedback",
            "closed_at",
            "recommended",
            "chosen",
            "follow_up_of",
        )
    ]
    header += [detail_label(k, lang) for k in detail_ids]
    header += [questions[k].prompt(lang) if k in questions else k for k in answer_ids]
    header += [t(f"export.col.{k}", lang) for k in ("notes", "refs", "reply_due", "draft")]
    out = [header]
    for case in cases:
        due = next((n.reply_due for n in reversed(case.notes) if n.reply_due), None)
        row = [
            str(case.id),
            _when(case.created_at),
            types.get(case.type, case.type),
            t(f"case.status.{case.status}", lang) if case.status in ("open", "closed") else case.status,
            "" if case.resolved is None else answer_text(None, case.resolved, lang),
            "" if case.rating is None else str(case.rating),
            case.feedback or "",
            _when(case.closed_at),
            channels.get(case.recommended, case.recommended),
            channels.get(case.chosen, case.chosen),
            "" if case.follow_up_of is None else str(case.follow_up_of),
        ]
        row += [case.details.get(k, "") for k in detail_ids]
        row += [answer_text(questions.get(k), case.answers[k], lang) if k in case.answers else "" for k in answer_ids]
        row += [
            "\n".join(f"{_when(n.created_at)} {n.text}".rstrip() for n in case.notes),
            ", ".join(n.ref for n in case.notes if n.ref),
            _when(due),
            case.draft,
        ]
        out.append([clean(cell) for cell in row])
    return out


def _when(stamp: str | None) -> str:
    """`2026-11-24 10:00` from the stored `2026-11-24T10:00:00+09:00` (all journal times are KST)."""
    return (stamp or "").replace("T", " ")[:16]
