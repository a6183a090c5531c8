"""Values as sellers type them: `--type 결제`, `--prefer 전화`, `--chosen 톡톡` as well as the ids.

The words come from the data's own names (`결제·정산 (정산 지연, 세금계산서, 계좌)` gives `결제·정산`,
`결제`, `정산`, …; `채팅 상담 (톡톡상담)` gives `채팅`, `톡톡상담`, `톡톡`), in both languages, so a renamed
type or channel is typed by its new name. A word two ids share says nothing and is not used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from smartstore_help.core.errors import UserError
from smartstore_help.core.i18n import t
from smartstore_help.core.model import LANGS, ChannelData, Lang, Question, Text

_SPLIT = re.compile(r"\s*(?:[·,/]|\band\b|\s및\s)\s*")


def prefer_question(data: ChannelData) -> Question | None:
    """The question of the preferred channel: its choices are what `--prefer` takes."""
    return next((q for q in data.questions if q.id == "prefer"), None)


def words_of(name: str) -> set[str]:
    """`결제·정산 (정산 지연, 세금계산서, 계좌)` → the name, the part before the brackets, what is in
    them, each piece between `·` or `,`, each piece's first word and that word without `상담`."""
    base, _, inside = name.partition("(")
    out = {name, base}
    for part in (base, inside.rstrip(") ")):
        part = part.strip()
        if not part:
            continue
        out.add(part)
        for piece in [part, *_SPLIT.split(part)]:
            piece = piece.strip()
            if not piece:
                continue
            out.add(piece)
            first = piece.split()[0]
            out.add(first)
            for suffix in ("상담", "문의"):
                if first.endswith(suffix) and len(first) > len(suffix):
                    out.add(first[: -len(suffix)])
    return {w.strip().lower() for w in out if w.strip()}


def table(named: Iterable[tuple[str, Iterable[Text]]]) -> dict[str, str]:
    """Every word of every name (both languages) → its id; words that name two ids are dropped."""
    seen: dict[str, set[str]] = {}
    for ident, names in named:
        seen.setdefault(ident.lower(), set()).add(ident)
        for name in names:
            for lang in LANGS:
                for word in words_of(name(lang)):
                    seen.setdefault(word, set()).add(ident)
    return {word: next(iter(ids)) for word, ids in seen.items() if len(ids) == 1}


def _lookup(words: Mapping[str, str], value: str) -> str | None:
    key = " ".join(value.strip().lower().split())
    return words.get(key) or words.get(key.replace(" ", ""))


def type_words(data: ChannelData) -> dict[str, str]:
    return table((p.id, (p.name,)) for p in data.problem_types)


def channel_words(data: ChannelData) -> dict[str, str]:
    prefer = prefer_question(data)
    labels = {c.value: c.label for c in prefer.choices} if prefer else {}
    return table((c.id, (c.name, *([labels[c.id]] if c.id in labels else []))) for c in data.channels)


def problem_type(data: ChannelData, value: str, lang: Lang) -> str:
    """The problem type's id for an id or a word of its name; else a usage error naming both."""
    found = _lookup(type_words(data), value)
    if found is None:
        known = ", ".join(f"{p.id} ({p.name(lang).split(' (')[0]})" for p in data.problem_types)
        raise UserError(t("error.unknown_problem_type", lang, value=value, known=known))
    return found


def channel(data: ChannelData, value: str, lang: Lang) -> str:
    """The channel's id for an id or a word of its name (`전화`, `톡톡`, `1:1`)."""
    found = _lookup(channel_words(data), value)
    if found is None:
        known = ", ".join(f"{c.id} ({c.name(lang).split(' (')[0]})" for c in data.channels)
        raise UserError(t("error.unknown_channel", lang, value=value, known=known))
    return found


def preference(data: ChannelData, value: str, lang: Lang) -> str:
    """An answer to `--prefer`: a choice of the question (`any`, `상관없음`) or a channel's word."""
    prefer = prefer_question(data)
    if prefer is not None:
        choices = table((c.value, (c.label,)) for c in prefer.choices)
        found = _lookup(choices, value)
        if found is not None:
            return found
        found = _lookup(channel_words(data), value)
        if found is not None and any(c.value == found for c in prefer.choices):
            return found
    return value  # checked against the question's choices with the other answers
