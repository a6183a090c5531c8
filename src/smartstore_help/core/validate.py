"""Validate plain YAML values into the typed model, collecting every problem with its place.

Each problem is reported as `file:line: field: message`; lines are looked up only when there
is something to report.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, time
from typing import Any, NamedTuple, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from smartstore_help.core import yamlio
from smartstore_help.core.draft import placeholders
from smartstore_help.core.hangul import compact
from smartstore_help.core.i18n import both
from smartstore_help.core.model import (
    FAQ_TYPES,
    PHRASINGS_SHIPPED,
    SOURCE_KINDS,
    WEEKDAYS,
    Break,
    Channel,
    ChannelData,
    ChecklistItem,
    Choice,
    ConditionValue,
    Faq,
    FaqEntry,
    HelpCenter,
    ProblemType,
    Question,
    Rule,
    Schedule,
    Source,
    Text,
)
from smartstore_help.core.problems import DataError, Problem, format_path
from smartstore_help.core.timeparse import FIRST_YEAR, LAST_YEAR

# Conditions on the clock a rule may use, with the type of value each takes.
CLOCK_CONDITIONS: Mapping[str, type] = {
    "open_now": bool,  # the rule's channel is open at that moment
    "break_now": bool,  # the rule's channel is on a break (lunch)
    "weekend": bool,
    "holiday": bool,  # a public holiday or an extra closed date
    "time_between": list,  # ["HH:MM", "HH:MM"], start inclusive, end exclusive
    "closes_within": int,  # the rule's channel is open and closes within N minutes
    "channels_open": dict,  # {phone: false}: whether other channels are open at that moment
}
# Conditions on the seller's own journal: closed cases of the same problem type on the rule's channel.
HISTORY_CONDITIONS: Mapping[str, type] = {
    "resolved_before": int,  # at least N of them were resolved
    "unresolved_before": int,  # at least N of them ended unresolved
}
TEMPLATE_FIELDS = frozenset(
    {"type", "description", "order_no", "occurred_at", "tried", "prepared", "urgency", "store_id"}
)
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_PHONE = re.compile(r"^[0-9]{2,4}-[0-9]{3,4}-?[0-9]{0,4}$")
T = TypeVar("T")
# Bounds on the numbers of the rules: what any real rule needs, far inside what the arithmetic
# on them (a time span in minutes, a sum of scores, a count of cases) can hold.
MAX_MINUTES = 7 * 24 * 60  # closes_within: a week
MAX_SCORE = 10_000
MAX_CASE_COUNT = 100_000
Path_ = tuple[str | int, ...]
FACT_KEYS = ("published", "confirmed")  # beside `source` and `checked` of a fact in channels.yaml
CONFIRMED = ("official", "third_party")  # `confirmed: third_party`: no official page says so


class Facts(NamedTuple):
    source: str
    checked: date
    published: date | None
    third_party: bool


class _Checker:
    """Collects problems while converting plain YAML values into model objects."""

    def __init__(self, file: str, text: str) -> None:
        self.file, self.yaml_text = file, text
        self.found: list[tuple[Path_, Text]] = []

    def fail(self, path: Path_, key: str, /, **values: object) -> None:
        """Record the message `key` of `i18n` about the value at `path`."""
        self.found.append((path, both(key, **values)))

    def raise_if_any(self) -> None:
        if self.found:  # a rule naming several channels checks its conditions once per channel: say it once
            raise DataError(
                [
                    Problem(self.file, yamlio.line_of(self.yaml_text, p), format_path(p), msg)
                    for p, msg in dict.fromkeys(self.found)
                ]
            )

    def mapping(
        self, value: Any, path: Path_, required: Iterable[str], optional: Iterable[str] = ()
    ) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.fail(path, "data.not_mapping")
            return None
        required = tuple(required)
        allowed = set(required) | set(optional)
        for key in value:
            if key not in allowed:
                self.fail((*path, str(key)), "data.unknown_key", known=", ".join(sorted(allowed)))
        for key in required:
            if key not in value:
                self.fail((*path, key), "data.required")
        return value

    def typed(self, value: Any, path: Path_, kind: type[T], what: str) -> T | None:
        """`value` when it is a `kind`; else a problem saying it should be `what` (a message key)."""
        # bool is an int in Python; a rule score of `true` is still a mistake.
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value
        self.fail(path, "data.expected", what=both(what), value=value)
        return None

    def string(self, value: Any, path: Path_) -> str:
        text = self.typed(value, path, str, "data.expect.text")
        if text is not None and not text.strip():
            self.fail(path, "data.empty")
        # Files saved on macOS may hold decomposed (NFD) Hangul; compose it once, here.
        return unicodedata.normalize("NFC", text) if text else ""

    def ident(self, value: Any, path: Path_) -> str:
        text = self.string(value, path)
        if text and not _ID.match(text):
            self.fail(path, "data.bad_id")
        return text

    def boolean(self, value: Any, path: Path_) -> bool:
        return bool(self.typed(value, path, bool, "data.expect.bool"))

    def integer(self, value: Any, path: Path_) -> int:
        return self.typed(value, path, int, "data.expect.integer") or 0

    def bounded(self, value: int | None, path: Path_, low: int, high: int) -> int | None:
        """`value` when it lies in low..high; else a problem naming the range (a huge number
        would overflow a time span or a sum later, in a command that `data check` passed)."""
        if value is None or low <= value <= high:
            return value
        shown = str(value) if len(str(value)) <= 20 else f"{str(value)[:17]}…"
        self.fail(path, "data.out_of_range", low=f"{low:,}", high=f"{high:,}", value=shown)
        return None

    def items(self, value: Any, path: Path_) -> list[Any]:
        return self.typed(value, path, list, "data.expect.list") or []

    def text(self, value: Any, path: Path_) -> Text:
        raw = self.mapping(value, path, ("ko", "en"))
        if raw is None:
            return Text("", "")
        return Text(self.string(raw.get("ko"), (*path, "ko")), self.string(raw.get("en"), (*path, "en")))

    def day(self, value: Any, path: Path_) -> date | None:
        """A date the calendar and the clock can count from and to (FIRST_YEAR..LAST_YEAR)."""
        try:
            day = value if isinstance(value, date) else date.fromisoformat(str(value))
        except ValueError:
            self.fail(path, "data.bad_date", value=value)
            return None
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            self.fail(path, "data.out_of_range", low=f"{FIRST_YEAR}-01-01", high=f"{LAST_YEAR}-12-31", value=day)
            return None
        return day

    def clock(self, value: Any, path: Path_) -> time | None:
        match = re.fullmatch(r"([0-9]{1,2}):([0-9]{2})", str(value))
        if match and int(match[1]) < 24 and int(match[2]) < 60:
            return time(int(match[1]), int(match[2]))
        self.fail(path, "data.bad_time", value=value)
        return None

    def published(self, raw: Mapping[str, Any], path: Path_, checked: date | None) -> date | None:
        """`published:` of a source or fact: its own date, or `unknown` (None); never after `checked`."""
        if "published" not in raw or raw["published"] == "unknown":
            return None
        day = self.day(raw["published"], (*path, "published"))
        if day is not None and checked is not None and day > checked:
            self.fail((*path, "published"), "data.published_after_checked", published=day, checked=checked)
        return day

    def source(self, raw: Mapping[str, Any], path: Path_) -> Facts:
        """`source`, `checked`, and the optional `published` and `confirmed: third_party` of a fact."""
        src = self.string(raw.get("source"), (*path, "source"))
        checked = self.day(raw.get("checked"), (*path, "checked"))
        third_party = False
        if "confirmed" in raw:
            confirmed = raw["confirmed"]
            if confirmed not in CONFIRMED:
                self.fail((*path, "confirmed"), "data.unknown_confirmed", value=confirmed, known=", ".join(CONFIRMED))
            third_party = confirmed == "third_party"
        return Facts(src, checked or date.min, self.published(raw, path, checked), third_party)

    def unique(self, ids: Iterable[tuple[str, Path_]], what: str) -> None:
        """A problem for each id seen before; `what` is the message key naming what they identify."""
        seen: set[str] = set()
        for value, path in ids:
            if value in seen:
                self.fail(path, "data.duplicate_id", what=both(what), value=value)
            seen.add(value)


# --- channels.yaml --------------------------------------------------------------------------


def parse_channels(raw: Any, file: str, text: str) -> ChannelData:
    c = _Checker(file, text)
    top = c.mapping(
        raw, (), ("version", "timezone", "help_center", "schedules", "channels", "questions", "problem_types", "rules")
    )
    if top is None:
        c.raise_if_any()
        raise AssertionError  # unreachable: mapping() failed and recorded it
    if top.get("version", 1) != 1:
        c.fail(("version",), "data.version")
    tz = c.string(top.get("timezone"), ("timezone",))
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        c.fail(("timezone",), "data.unknown_timezone", value=tz)

    hc_raw = c.mapping(top.get("help_center"), ("help_center",), ("url", "note", "source", "checked"), FACT_KEYS)
    hc = HelpCenter("", "", date.min, Text("", ""))
    if hc_raw is not None:
        facts = c.source(hc_raw, ("help_center",))
        hc = HelpCenter(
            _url(c, hc_raw.get("url"), ("help_center", "url")) or "",
            facts.source,
            facts.checked,
            c.text(hc_raw.get("note"), ("help_center", "note")),
            facts.published,
            facts.third_party,
        )

    schedules: dict[str, Schedule] = {}
    sched_raw = c.typed(top.get("schedules"), ("schedules",), dict, "data.expect.schedules")
    for sid, value in (sched_raw or {}).items():
        schedules[str(sid)] = _schedule(c, str(sid), value, ("schedules", str(sid)))

    channels = tuple(
        _channel(c, value, ("channels", i), schedules)
        for i, value in enumerate(c.items(top.get("channels"), ("channels",)))
    )
    c.unique(((ch.id, ("channels", i, "id")) for i, ch in enumerate(channels)), "data.id_of.channel")

    questions = _questions(c, top.get("questions", []), ("questions",))
    types = tuple(
        _problem_type(c, value, ("problem_types", i))
        for i, value in enumerate(c.items(top.get("problem_types"), ("problem_types",)))
    )
    c.unique(((t.id, ("problem_types", i, "id")) for i, t in enumerate(types)), "data.id_of.problem_type")
    common = {q.id for q in questions}
    for i, t in enumerate(types):
        for j, q in enumerate(t.questions):
            if q.id in common or q.id == "type":
                c.fail(("problem_types", i, "questions", j, "id"), "data.same_as_common", id=q.id)
        for j, item in enumerate(t.checklist):
            known = common | {q.id for q in t.questions}
            if item.ticked_by is not None and item.ticked_by not in known:
                c.fail(("problem_types", i, "checklist", j, "ticked_by"), "data.not_in_type", id=item.ticked_by)
        for lang in ("ko", "en"):
            _check_template(c, getattr(t.template, lang), ("problem_types", i, "template", lang))

    rules = tuple(
        rule
        for i, value in enumerate(c.items(top.get("rules", []), ("rules",)))
        for rule in _rules(c, value, ("rules", i), {ch.id: ch for ch in channels}, questions, types)
    )
    c.raise_if_any()
    return ChannelData(tz, hc, channels, questions, types, rules, file)


def _url(c: _Checker, value: Any, path: Path_) -> str | None:
    url = c.string(value, path)
    if url and not url.startswith("https://"):
        c.fail(path, "data.not_https")
    return url or None


def _schedule(c: _Checker, sid: str, value: Any, path: Path_) -> Schedule:
    raw = c.mapping(
        value,
        path,
        (),
        (
            "always_open",
            "days",
            "open",
            "close",
            "breaks",
            "public_holidays",
            "closed_dates",
            "open_dates",
            "source",
            "checked",
            *FACT_KEYS,
        ),
    )
    if raw is None:
        return Schedule(sid)
    if raw.get("always_open") is not None and c.boolean(raw["always_open"], (*path, "always_open")):
        return Schedule(sid, always_open=True)
    for key in ("days", "open", "close", "source", "checked"):
        if key not in raw:
            c.fail((*path, key), "data.required_or_always_open")
    days: set[int] = set()
    for i, day in enumerate(c.items(raw.get("days", []), (*path, "days"))):
        if day in WEEKDAYS:
            days.add(WEEKDAYS.index(day))
        else:
            c.fail((*path, "days", i), "data.unknown_weekday", value=day)
    opens = c.clock(raw.get("open"), (*path, "open")) if "open" in raw else None
    closes = c.clock(raw.get("close"), (*path, "close")) if "close" in raw else None
    if opens and closes and closes <= opens:
        c.fail((*path, "close"), "data.closes_before_opens", closes=f"{closes:%H:%M}", opens=f"{opens:%H:%M}")
    breaks: list[Break] = []
    for i, value_ in enumerate(c.items(raw.get("breaks", []), (*path, "breaks"))):
        bpath = (*path, "breaks", i)
        b = c.mapping(value_, bpath, ("start", "end"))
        if b is None:
            continue
        start, end = c.clock(b.get("start"), (*bpath, "start")), c.clock(b.get("end"), (*bpath, "end"))
        if start is None or end is None:
            continue
        if end <= start:
            c.fail((*bpath, "end"), "data.break_backwards")
        elif opens and closes and not (opens <= start and end <= closes):
            c.fail(bpath, "data.break_outside")
        for other in breaks:
            if start < other.end and other.start < end:
                c.fail(bpath, "data.break_overlap", start=f"{other.start:%H:%M}", end=f"{other.end:%H:%M}")
        breaks.append(Break(start, end))
    holidays_policy = raw.get("public_holidays", "closed")
    if holidays_policy not in ("closed", "open"):
        c.fail((*path, "public_holidays"), "data.holiday_policy")
    closed: dict[date, Text | None] = {}
    for i, value_ in enumerate(c.items(raw.get("closed_dates", []), (*path, "closed_dates"))):
        dpath = (*path, "closed_dates", i)
        entry = c.mapping(value_, dpath, ("date",), ("name",))
        if entry is None:
            continue
        day_ = c.day(entry.get("date"), (*dpath, "date"))
        if day_ is not None:
            closed[day_] = c.text(entry["name"], (*dpath, "name")) if "name" in entry else None
    open_dates = {
        d
        for i, v in enumerate(c.items(raw.get("open_dates", []), (*path, "open_dates")))
        if (d := c.day(v, (*path, "open_dates", i))) is not None
    }
    facts = c.source(raw, path) if "source" in raw else Facts("", date.min, None, False)
    return Schedule(
        sid,
        False,
        frozenset(days),
        opens,
        closes,
        tuple(sorted(breaks, key=lambda b: b.start)),
        holidays_policy == "closed",
        closed,
        frozenset(open_dates),
        facts.source,
        facts.checked if "source" in raw else None,
        facts.published,
        facts.third_party,
    )


def _channel(c: _Checker, value: Any, path: Path_, schedules: Mapping[str, Schedule]) -> Channel:
    raw = c.mapping(
        value,
        path,
        ("id", "name", "schedule", "contact", "pros", "cons", "source", "checked"),
        ("phone", "ars", "url", "answered_during", *FACT_KEYS),
    )
    if raw is None:
        return Channel("", Text("", ""), Schedule(""), Text("", ""), (), (), "", date.min)

    def schedule(key: str) -> Schedule | None:
        if key not in raw:
            return None
        sid = c.string(raw[key], (*path, key))
        if sid not in schedules:
            c.fail((*path, key), "data.unknown_schedule", value=sid)
            return None
        return schedules[sid]

    phone = c.string(raw["phone"], (*path, "phone")) if "phone" in raw else None
    if phone and not _PHONE.match(phone):
        c.fail((*path, "phone"), "data.bad_phone", value=phone)
    facts = c.source(raw, path)
    return Channel(
        id=c.ident(raw.get("id"), (*path, "id")),
        name=c.text(raw.get("name"), (*path, "name")),
        schedule=schedule("schedule") or Schedule("", always_open=True),
        contact=c.text(raw.get("contact"), (*path, "contact")),
        pros=tuple(c.text(v, (*path, "pros", i)) for i, v in enumerate(c.items(raw.get("pros"), (*path, "pros")))),
        cons=tuple(c.text(v, (*path, "cons", i)) for i, v in enumerate(c.items(raw.get("cons"), (*path, "cons")))),
        source=facts.source,
        checked=facts.checked,
        phone=phone,
        ars=c.text(raw["ars"], (*path, "ars")) if "ars" in raw else None,
        url=_url(c, raw["url"], (*path, "url")) if "url" in raw else None,
        answered_during=schedule("answered_during"),
        published=facts.published,
        third_party=facts.third_party,
    )


def _questions(c: _Checker, value: Any, path: Path_) -> tuple[Question, ...]:
    out = []
    for i, item in enumerate(c.items(value, path)):
        qpath = (*path, i)
        raw = c.mapping(item, qpath, ("id", "kind", "prompt"), ("choices", "default"))
        if raw is None:
            continue
        kind = raw.get("kind")
        if kind not in ("confirm", "select"):
            c.fail((*qpath, "kind"), "data.question_kind")
            continue
        choices = tuple(
            Choice(
                c.ident(ch.get("value"), (*qpath, "choices", j, "value")),
                c.text(ch.get("label"), (*qpath, "choices", j, "label")),
            )
            for j, v in enumerate(c.items(raw.get("choices", []), (*qpath, "choices")))
            if (ch := c.mapping(v, (*qpath, "choices", j), ("value", "label"))) is not None
        )
        if kind == "select" and not choices:
            c.fail((*qpath, "choices"), "data.no_choices")
        question = Question(
            c.ident(raw.get("id"), (*qpath, "id")),
            kind,
            c.text(raw.get("prompt"), (*qpath, "prompt")),
            choices,
            raw.get("default"),
        )
        if question.default is not None and not question.accepts(question.default):
            c.fail((*qpath, "default"), "data.bad_default", value=question.default)
        out.append(question)
    c.unique(((q.id, (*path, i, "id")) for i, q in enumerate(out)), "data.id_of.question")
    return tuple(out)


def _problem_type(c: _Checker, value: Any, path: Path_) -> ProblemType:
    raw = c.mapping(value, path, ("id", "name", "hint", "faq_types", "checklist", "template"), ("questions", "cues"))
    if raw is None:
        return ProblemType("", Text("", ""), Text("", ""), (), (), (), Text("", ""))
    faq_types = tuple(
        c.string(v, (*path, "faq_types", i)) for i, v in enumerate(c.items(raw.get("faq_types"), (*path, "faq_types")))
    )
    for i, ft in enumerate(faq_types):
        if ft not in FAQ_TYPES:
            c.fail((*path, "faq_types", i), "data.unknown_faq_type", value=ft)
    checklist = []
    for i, v in enumerate(c.items(raw.get("checklist"), (*path, "checklist"))):
        item = c.mapping(v, (*path, "checklist", i), ("ko", "en"), ("ticked_by",))
        if item is not None:
            ticked = item.get("ticked_by")
            checklist.append(
                ChecklistItem(
                    Text(
                        c.string(item.get("ko"), (*path, "checklist", i, "ko")),
                        c.string(item.get("en"), (*path, "checklist", i, "en")),
                    ),
                    None if ticked is None else c.string(ticked, (*path, "checklist", i, "ticked_by")),
                )
            )
    return ProblemType(
        id=c.ident(raw.get("id"), (*path, "id")),
        name=c.text(raw.get("name"), (*path, "name")),
        hint=c.text(raw.get("hint"), (*path, "hint")),
        faq_types=faq_types,
        questions=_questions(c, raw.get("questions", []), (*path, "questions")),
        checklist=tuple(checklist),
        template=c.text(raw.get("template"), (*path, "template")),
        cues=_cues(c, raw["cues"], (*path, "cues")) if "cues" in raw else (),
    )


def _cues(c: _Checker, value: Any, path: Path_) -> tuple[str, ...]:
    """`cues: {ko: [...], en: [...]}`: words of either language, each non-empty text."""
    raw = c.mapping(value, path, (), ("ko", "en"))
    if raw is None:
        return ()
    found: list[str] = []
    for lang in ("ko", "en"):
        if lang in raw:
            found += [c.string(v, (*path, lang, i)) for i, v in enumerate(c.items(raw[lang], (*path, lang)))]
    return tuple(dict.fromkeys(w for w in found if w))


def _check_template(c: _Checker, template: str, path: Path_) -> None:
    names, balanced = placeholders(template)
    if not balanced:
        c.fail(path, "data.template_braces")
        return
    for name in sorted(names - TEMPLATE_FIELDS):
        c.fail(path, "data.unknown_placeholder", name=name, known=", ".join(sorted(TEMPLATE_FIELDS)))


Where = dict[str, list[tuple[Question, str | None]]]  # question id → the question and the type it belongs to


def _rules(
    c: _Checker,
    value: Any,
    path: Path_,
    channels: Mapping[str, Channel],
    questions: Sequence[Question],
    types: Sequence[ProblemType],
) -> tuple[Rule, ...]:
    """One rule for each channel it names (`channel: chat` or `channel: [chat, phone]`); none
    when it is switched off with `enabled: false`."""
    raw = c.mapping(value, path, ("channel", "score", "reason"), ("when", "enabled"))
    if raw is None:
        return ()
    named = raw.get("channel")
    listed = isinstance(named, list)
    ids: list[tuple[str, Path_]] = (
        [(c.string(v, (*path, "channel", j)), (*path, "channel", j)) for j, v in enumerate(named)]
        if isinstance(named, list)
        else [(c.string(named, (*path, "channel")), (*path, "channel"))]
    )
    if listed and not ids:
        c.fail((*path, "channel"), "data.no_channel")
    c.unique(ids, "data.id_of.channel")
    enabled = c.boolean(raw["enabled"], (*path, "enabled")) if "enabled" in raw else True
    score = c.bounded(c.integer(raw.get("score"), (*path, "score")), (*path, "score"), -MAX_SCORE, MAX_SCORE) or 0
    reason = c.text(raw.get("reason"), (*path, "reason"))
    when, where = _conditions(c, raw.get("when", {}), (*path, "when"), channels, questions, types)
    out = []
    for channel_id, cpath in ids:
        channel = channels.get(channel_id)
        if channel_id and channel is None:
            c.fail(cpath, "data.unknown_rule_channel", value=channel_id, known=", ".join(channels))
        _impossible(c, when, where, channel, (*path, "when"))
        out.append(Rule(channel_id, score, reason, when))
    return tuple(out) if enabled else ()


def _conditions(
    c: _Checker,
    when_raw: Any,
    path: Path_,
    channels: Mapping[str, Channel],
    questions: Sequence[Question],
    types: Sequence[ProblemType],
) -> tuple[dict[str, ConditionValue], Where]:
    when: dict[str, ConditionValue] = {}
    where: Where = {q.id: [(q, None)] for q in questions}
    where["type"] = [(Question("type", "select", Text("", ""), tuple(Choice(t.id, t.name) for t in types)), None)]
    for t in types:
        for q in t.questions:
            where.setdefault(q.id, []).append((q, t.id))
    if c.typed(when_raw, path, dict, "data.expect.conditions") is None:
        return when, where
    for key, cond in when_raw.items():
        cpath = (*path, str(key))
        parsed: ConditionValue | None
        if key in CLOCK_CONDITIONS:
            parsed = _clock_condition(c, str(key), cond, cpath, channels)
        elif key in HISTORY_CONDITIONS:
            parsed = c.typed(cond, cpath, int, "data.expect.case_count")
            if parsed is not None and parsed < 1:
                c.fail(cpath, "data.at_least_one")
            else:
                parsed = c.bounded(parsed, cpath, 1, MAX_CASE_COUNT)
        elif key in where:
            parsed = _answer_condition(c, where[str(key)][0][0], cond, cpath)
        else:
            names = ", ".join((*CLOCK_CONDITIONS, *HISTORY_CONDITIONS))
            c.fail(cpath, "data.unknown_condition", names=names)
            continue
        if parsed is not None:
            when[str(key)] = parsed
    return when, where


def _clock_condition(
    c: _Checker, key: str, cond: Any, path: Path_, channels: Mapping[str, Channel]
) -> ConditionValue | None:
    if key == "channels_open":
        wanted = c.typed(cond, path, dict, "data.expect.channel_flags") or {}
        for cid, flag in wanted.items():
            if cid not in channels:
                c.fail((*path, str(cid)), "data.unknown_channel", value=cid)
            elif c.typed(flag, (*path, str(cid)), bool, "data.expect.bool") is None:
                pass
            elif channels[cid].schedule.always_open and flag is False:
                c.fail((*path, str(cid)), "data.always_open_never")
        return {str(k): v for k, v in wanted.items() if isinstance(v, bool)}
    if key == "time_between":
        items = c.items(cond, path)
        if len(items) != 2:
            c.fail(path, "data.two_times")
            return None
        start, end = c.clock(items[0], (*path, 0)), c.clock(items[1], (*path, 1))
        if start is None or end is None:
            return None
        if end <= start:
            c.fail(path, "data.end_not_after_start")
            return None
        return (f"{start:%H:%M}", f"{end:%H:%M}")
    if key == "closes_within":
        minutes = c.typed(cond, path, int, "data.expect.minutes")
        if minutes is not None and minutes <= 0:
            c.fail(path, "data.minutes_positive")
            return None
        return c.bounded(minutes, path, 1, MAX_MINUTES)
    return c.typed(cond, path, bool, "data.expect.bool")


def _answer_condition(c: _Checker, question: Question, cond: Any, path: Path_) -> ConditionValue | None:
    if question.kind == "confirm":
        return c.typed(cond, path, bool, "data.expect.bool")
    values = tuple(cond) if isinstance(cond, list) else (cond,)
    allowed = [ch.value for ch in question.choices]
    for value in values:
        if value not in allowed:
            c.fail(path, "data.not_a_choice", value=value, known=", ".join(allowed))
            return None
    return values


def _impossible(
    c: _Checker,
    when: Mapping[str, ConditionValue],
    where: Mapping[str, Sequence[tuple[Question, str | None]]],
    channel: Channel | None,
    path: Path_,
) -> None:
    """Flag combinations no moment and no answers can satisfy: such a rule is a silent no-op."""

    def never(why: str, **values: object) -> None:
        c.fail(path, "data.impossible", why=both(why, **values))

    if when.get("open_now") is True and when.get("break_now") is True:
        never("data.impossible.open_and_break")
    if when.get("open_now") is False and "closes_within" in when:
        never("data.impossible.closes_when_closed")
    if (
        channel is not None
        and channel.schedule.always_open
        and (when.get("open_now") is False or when.get("break_now") is True or "closes_within" in when)
    ):
        never("data.impossible.always_open")
    types = when.get("type")
    if isinstance(types, tuple):
        for key in when:
            owners = {t for _, t in where.get(key, [])}
            if key != "type" and owners and None not in owners and not owners & set(types):
                never("data.impossible.other_type", question=key, types=", ".join(sorted(o for o in owners if o)))


# --- faq.yaml --------------------------------------------------------------------------------


def parse_faq(raw: Any, file: str, text: str, shipped: bool = False) -> Faq:
    """The FAQ in `raw`. The file shipped with ss-help must cite its sources and speak English
    (`shipped`); a seller's own file may be Korean only, without sources, and may still use the
    single free-text `source:` of older versions, kept as a note."""
    c = _Checker(file, text)
    top = c.mapping(raw, (), ("entries",), ("version", "synonyms", "off_topic"))
    if top is None:
        c.raise_if_any()
        raise AssertionError
    synonyms = []
    for i, group in enumerate(c.items(top.get("synonyms", []), ("synonyms",))):
        words = tuple(c.string(w, ("synonyms", i, j)) for j, w in enumerate(c.items(group, ("synonyms", i))))
        if len(words) < 2:
            c.fail(("synonyms", i), "data.synonyms")
        synonyms.append(words)
    required = ("id", "type", "question", "answer") + (("sources", "en", "phrasings") if shipped else ())
    optional = ("keywords",) + (() if shipped else ("sources", "en", "source", "phrasings"))
    entries = []
    for i, value in enumerate(c.items(top.get("entries"), ("entries",))):
        path = ("entries", i)
        if shipped and isinstance(value, dict) and "source" in value:
            c.fail((*path, "source"), "data.single_source")
            value = {k: v for k, v in value.items() if k != "source"}
        e = c.mapping(value, path, required, optional)
        if e is None:
            continue
        english = c.mapping(e["en"], (*path, "en"), ("question", "answer")) if "en" in e else None
        kind = c.string(e.get("type"), (*path, "type"))
        if kind and kind not in FAQ_TYPES:
            c.fail((*path, "type"), "data.unknown_entry_type", value=kind, known=", ".join(FAQ_TYPES))
        entries.append(
            FaqEntry(
                id=c.ident(e.get("id"), (*path, "id")),
                type=kind,
                question=c.string(e.get("question"), (*path, "question")),
                answer=c.string(e.get("answer"), (*path, "answer")),
                keywords=tuple(
                    c.string(k, (*path, "keywords", j))
                    for j, k in enumerate(c.items(e.get("keywords", []), (*path, "keywords")))
                ),
                sources=_sources(c, e["sources"], (*path, "sources"), shipped) if "sources" in e else (),
                question_en=c.string(english.get("question"), (*path, "en", "question")) if english else None,
                answer_en=c.string(english.get("answer"), (*path, "en", "answer")) if english else None,
                note=c.string(e["source"], (*path, "source")) if "source" in e else None,
                phrasings=_phrasings(c, e["phrasings"], (*path, "phrasings"), shipped) if "phrasings" in e else (),
            )
        )
    c.unique(((e.id, ("entries", i, "id")) for i, e in enumerate(entries)), "data.id_of.faq")
    said: dict[str, str] = {}  # a phrasing, compacted → the entry that says it
    for i, entry in enumerate(entries):
        for j, phrasing in enumerate(entry.phrasings):
            owner = said.setdefault(compact(phrasing), entry.id)
            if owner != entry.id:
                c.fail(("entries", i, "phrasings", j), "data.phrasing_twice", value=phrasing, other=owner)
    said = {**{compact(e.question): e.id for e in entries}, **said}  # what an off-topic line may not be
    off_topic = []
    for i, item in enumerate(c.items(top.get("off_topic", []), ("off_topic",))):
        text = c.string(item, ("off_topic", i))
        key = compact(text)
        if text and not key:
            c.fail(("off_topic", i), "data.empty_phrasing")
        elif key in said:
            c.fail(("off_topic", i), "data.off_topic_answered", value=text, other=said[key])
        said.setdefault(key, "off_topic")
        off_topic.append(text)
    c.raise_if_any()
    return Faq(tuple(entries), tuple(synonyms), file, tuple(off_topic))


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _phrasings(c: _Checker, value: Any, path: Path_, shipped: bool) -> tuple[str, ...]:
    """How sellers say the entry's question. The shipped FAQ needs PHRASINGS_SHIPPED of them."""
    items = c.items(value, path)
    fewest, most = PHRASINGS_SHIPPED
    if shipped and isinstance(value, list) and not fewest <= len(items) <= most:
        c.fail(path, "data.phrasings_count", count=len(items), fewest=fewest, most=most)
    out = []
    for j, item in enumerate(items):
        text = c.string(item, (*path, j))
        if text and not compact(text):
            c.fail((*path, j), "data.empty_phrasing")
        out.append(text)
    return tuple(out)


def _sources(c: _Checker, value: Any, path: Path_, shipped: bool) -> tuple[Source, ...]:
    items = c.items(value, path)
    if shipped and not items and isinstance(value, list):
        c.fail(path, "data.no_sources")
    out = []
    for i, item in enumerate(items):
        spath = (*path, i)
        # `published` is the page's own date or `unknown`: required of the shipped file, so that
        # how old an answer is follows its sources (a seller's own file may leave it out).
        raw = c.mapping(
            item, spath, ("url", "title", "kind", "checked", *(("published",) if shipped else ())), ("published",)
        )
        if raw is None:
            continue
        url = _url(c, raw.get("url"), (*spath, "url")) or ""
        title = c.string(raw.get("title"), (*spath, "title"))
        for key, text in (("url", url), ("title", title)):
            if _CONTROL.search(text):
                c.fail((*spath, key), "data.control_chars")
        kind = c.string(raw.get("kind"), (*spath, "kind"))
        if kind and kind not in SOURCE_KINDS:
            c.fail((*spath, "kind"), "data.unknown_source_kind", value=kind, known=", ".join(SOURCE_KINDS))
        checked = c.day(raw.get("checked"), (*spath, "checked")) if "checked" in raw else None
        published = c.published(raw, spath, checked)
        out.append(Source(url, title, kind, checked or date.min, published))
    return tuple(out)


def faq_warnings(faq: Faq, text: str) -> list[Problem]:
    """What is not wrong but weak: entries that rest only on third-party pages (`data check` warns)."""
    weak = [(i, entry) for i, entry in enumerate(faq.entries) if entry.third_party_only()]
    lines = yamlio.lines_of(text, [("entries", i, "sources") for i, _ in weak]) if weak else []
    return [
        Problem(
            faq.source_file,
            line,
            format_path(("entries", i, "sources")),
            both("data.warn.third_party_only", id=entry.id),
        )
        for (i, entry), line in zip(weak, lines, strict=True)
    ]
