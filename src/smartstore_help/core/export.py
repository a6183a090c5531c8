"""The journal as flat rows for a spreadsheet: one case a row, every value readable on its own.

The CSV is for people (Excel opens it by its byte-order mark and shows Hangul); scripts have the
JSON export, whose keys are stable. So headers and values here follow the chosen language:
answers get a column each, headed by their question, with 예/아니요 and choice labels; notes
are joined one per line, each with its time. Pure: cases and data in, rows out.

No cell can run anything: a cell a spreadsheet would read as a formula is prefixed with `'`,
and order and reference numbers stay text with every digit (`safe_cell`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

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


# What a spreadsheet reads as a formula when a cell starts with it (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A digit string this long loses its last digits (Excel keeps 15) or is shown as 2.02612E+15.
LONG_DIGITS = 12
_AS_TEXT = frozenset({"order_no"})  # columns of numbers that are names, never amounts


def safe_cell(value: str, *, as_text: bool = False) -> str:
    """A cell a spreadsheet shows as written and never runs. A cell that would start a formula
    (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`, also after leading spaces, tabs or line breaks) gets
    a leading `'`; a long digit string (an order or reference number), or any digit string when
    `as_text`, is written as the text formula `="…"` so Excel keeps every digit and leading zero."""
    digits = value.strip()
    number = digits.isascii() and digits.isdigit()
    if number and (as_text or len(digits) >= LONG_DIGITS or (len(digits) > 1 and digits[0] == "0")):
        return '="' + digits.replace('"', '""') + '"'
    if value.lstrip(" \t\r\n\f\v\u00a0\u3000").startswith(FORMULA_START) or value.startswith(FORMULA_START):
        return "'" + value
    return value


class Layout(NamedTuple):
    """The columns of an export: found in one pass over the cases, then used for each row."""

    lang: Lang
    questions: dict[str, Question]
    channels: dict[str, str]
    types: dict[str, str]
    answer_ids: list[str]
    detail_ids: list[str]

    @classmethod
    def of(cls, cases: Iterable[Case], data: ChannelData, lang: Lang) -> Layout:
        answers: dict[str, None] = {}
        details: set[str] = set()
        for case in cases:
            answers.update(dict.fromkeys(k for k in case.answers if k != "type"))
            details.update(case.details)
        return cls(
            lang,
            question_index(data),
            {c.id: c.name(lang) for c in data.channels},
            {p.id: p.name(lang).split(" (")[0] for p in data.problem_types},
            list(answers),
            list(DETAILS) + sorted(details - set(DETAILS)),
        )

    def header(self) -> list[str]:
        lang = self.lang
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
        header += [detail_label(k, lang) for k in self.detail_ids]
        header += [self.questions[k].prompt(lang) if k in self.questions else k for k in self.answer_ids]
        header += [t(f"export.col.{k}", lang) for k in ("notes", "refs", "reply_due", "draft")]
        return [safe_cell(cell) for cell in header]

    def row(self, case: Case, clean: Callable[[str], str] = str) -> list[str]:
        """One case. `clean` is applied to every cell (to strip control characters when the rows
        go to a terminal), then `safe_cell`."""
        lang = self.lang
        due = next((n.reply_due for n in reversed(case.notes) if n.reply_due), None)
        head = [
            str(case.id),
            _when(case.created_at),
            self.types.get(case.type, case.type),
            t(f"case.status.{case.status}", lang) if case.status in ("open", "closed") else case.status,
            "" if case.resolved is None else answer_text(None, case.resolved, lang),
            "" if case.rating is None else str(case.rating),
            case.feedback or "",
            _when(case.closed_at),
            self.channels.get(case.recommended, case.recommended),
            self.channels.get(case.chosen, case.chosen),
            "" if case.follow_up_of is None else str(case.follow_up_of),
        ]
        out = [safe_cell(clean(cell)) for cell in head]
        out += [safe_cell(clean(case.details.get(k, "")), as_text=k in _AS_TEXT) for k in self.detail_ids]
        out += [
            safe_cell(clean(answer_text(self.questions.get(k), case.answers[k], lang) if k in case.answers else ""))
            for k in self.answer_ids
        ]
        refs = [n.ref for n in case.notes if n.ref]
        out += [
            safe_cell(clean("\n".join(f"{_when(n.created_at)} {n.text}".rstrip() for n in case.notes))),
            safe_cell(clean(", ".join(refs)), as_text=len(refs) == 1),
            safe_cell(clean(_when(due))),
            safe_cell(clean(case.draft)),
        ]
        return out


def rows(cases: Sequence[Case], data: ChannelData, lang: Lang, clean: Callable[[str], str] = str) -> list[list[str]]:
    """The header row, then one row per case."""
    layout = Layout.of(cases, data, lang)
    return [layout.header(), *(layout.row(case, clean) for case in cases)]


def _when(stamp: str | None) -> str:
    """`2026-11-24 10:00` from the stored `2026-11-24T10:00:00+09:00` (all journal times are KST)."""
    return (stamp or "").replace("T", " ")[:16]
