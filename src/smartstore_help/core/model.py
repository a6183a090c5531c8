"""The typed, immutable model the YAML data is validated into.

NamedTuples rather than frozen dataclasses: same immutability and typing, but defining the
model costs ~0.15 ms a class instead of ~1 ms, which is a tenth of `ss-help hours` start-up.
Unlike the other modules, the annotations here are not postponed (no `from __future__ import
annotations`): typing.NamedTuple turns every string annotation into a compiled forward reference,
which cost 2 ms of every start (4.8 ms to define the model rather than 2.7 ms).
"""

from collections.abc import Mapping
from datetime import date, time
from typing import Literal, NamedTuple

Lang = Literal["ko", "en"]
LANGS: tuple[Lang, ...] = ("ko", "en")
Answer = str | bool
Answers = Mapping[str, Answer]


class Text(NamedTuple):
    """A sentence in both languages of the product."""

    ko: str
    en: str

    def __call__(self, lang: Lang) -> str:
        return self.ko if lang == "ko" else self.en


class Break(NamedTuple):
    start: time
    end: time


class Schedule(NamedTuple):
    id: str
    always_open: bool = False
    days: frozenset[int] = frozenset()  # 0 = Monday
    opens: time | None = None
    closes: time | None = None
    breaks: tuple[Break, ...] = ()
    closed_on_public_holidays: bool = True
    closed_dates: Mapping[date, Text | None] = {}
    open_dates: frozenset[date] = frozenset()
    source: str = ""
    checked: date | None = None
    published: date | None = None  # the source's own date (None: not given, or `unknown`)
    third_party: bool = False  # `confirmed: third_party`: only third-party pages say so


class Channel(NamedTuple):
    id: str
    name: Text
    schedule: Schedule
    contact: Text
    pros: tuple[Text, ...]
    cons: tuple[Text, ...]
    source: str
    checked: date
    phone: str | None = None
    ars: Text | None = None
    url: str | None = None
    answered_during: Schedule | None = None  # a 1:1 inquiry is accepted any time, answered later
    published: date | None = None
    third_party: bool = False

    def unconfirmed(self) -> bool:
        """Whether its facts (the channel's own or its hours') rest on third-party pages only."""
        return self.third_party or self.schedule.third_party


class Choice(NamedTuple):
    value: str
    label: Text


class Question(NamedTuple):
    """One wizard question; its answer is stored under `id` and set by the flag `--<id>`."""

    id: str
    kind: Literal["confirm", "select"]
    prompt: Text
    choices: tuple[Choice, ...] = ()
    default: Answer | None = None

    def accepts(self, value: object) -> bool:
        if self.kind == "confirm":
            return isinstance(value, bool)
        return isinstance(value, str) and value in {c.value for c in self.choices}


class ChecklistItem(NamedTuple):
    text: Text
    ticked_by: str | None = None  # answer id that, when true, means the seller has it


class ProblemType(NamedTuple):
    id: str
    name: Text
    hint: Text
    faq_types: tuple[str, ...]
    questions: tuple[Question, ...]
    checklist: tuple[ChecklistItem, ...]
    template: Text
    cues: tuple[str, ...] = ()  # words that point a seller's sentence to this type, both languages


ConditionValue = bool | int | tuple[str, ...] | Mapping[str, bool]


class Rule(NamedTuple):
    channel: str
    score: int
    reason: Text
    when: Mapping[str, ConditionValue]


class HelpCenter(NamedTuple):
    url: str
    source: str
    checked: date
    note: Text
    published: date | None = None
    third_party: bool = False


class ChannelData(NamedTuple):
    timezone: str
    help_center: HelpCenter
    channels: tuple[Channel, ...]
    questions: tuple[Question, ...]  # asked for every problem type
    problem_types: tuple[ProblemType, ...]
    rules: tuple[Rule, ...]
    source_file: str = ""

    def channel(self, channel_id: str) -> Channel:
        return next(c for c in self.channels if c.id == channel_id)

    def problem_type(self, type_id: str) -> ProblemType:
        return next(t for t in self.problem_types if t.id == type_id)

    def questions_for(self, type_id: str) -> tuple[Question, ...]:
        return self.questions + self.problem_type(type_id).questions


FAQ_TYPES = ("technical", "payment", "return_exchange", "general")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


# In the order `faq show` lists them: the platform's own pages first, pages by others last.
SOURCE_KINDS = ("official", "staff", "reprint", "news", "third_party")
STALE_AFTER_DAYS = 180  # an answer whose newest evidence is older than this is marked as old


class Source(NamedTuple):
    """A page an FAQ answer rests on, its own date, and the day someone checked it said so."""

    url: str
    title: str
    kind: str  # one of SOURCE_KINDS
    checked: date
    published: date | None = None  # the page's own date; None when `unknown` (or not given)

    def evidence(self) -> date:
        """How recent what it says is: its own date, or (undated) the day it was read."""
        return self.published or self.checked


PHRASINGS_SHIPPED = (8, 15)  # how many each entry of the shipped FAQ has, at least and at most


class FaqEntry(NamedTuple):
    id: str
    type: str
    question: str
    answer: str
    keywords: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    question_en: str | None = None  # a user's own FAQ may be Korean only; English falls back to it
    answer_en: str | None = None
    note: str | None = None  # the free-text `source:` of a seller's file written before `sources`
    phrasings: tuple[str, ...] = ()  # how sellers say it: what the search learns the entry from

    def checked(self) -> date | None:
        """When the newest of its sources was checked (None: it has no sources)."""
        return max((s.checked for s in self.sources), default=None)

    def evidence(self) -> date | None:
        """The newest date its sources vouch for: a page's own `published` date where it has one,
        else (an undated page) the day it was checked. None: it has no sources."""
        return max((s.evidence() for s in self.sources), default=None)

    def stale(self, today: date) -> bool:
        """More than STALE_AFTER_DAYS since the newest evidence: a page dated long ago is old at
        once, however recently it was read; an undated one becomes old that long after it was read."""
        newest = self.evidence()
        return newest is not None and (today - newest).days > STALE_AFTER_DAYS

    def sources_in_order(self) -> tuple[Source, ...]:
        """Official pages first (see SOURCE_KINDS), then by their own date, newest first."""
        rank = {kind: i for i, kind in enumerate(SOURCE_KINDS)}
        return tuple(sorted(self.sources, key=lambda s: (rank.get(s.kind, len(rank)), -s.evidence().toordinal())))

    def third_party_only(self) -> bool:
        """It cites sources, and every one of them is a third party's page."""
        return bool(self.sources) and all(s.kind == "third_party" for s in self.sources)

    def question_in(self, lang: Lang) -> str:
        return self.question_en if lang == "en" and self.question_en else self.question

    def answer_in(self, lang: Lang) -> str:
        return self.answer_en if lang == "en" and self.answer_en else self.answer


class Faq(NamedTuple):
    entries: tuple[FaqEntry, ...]
    synonyms: tuple[tuple[str, ...], ...] = ()
    source_file: str = ""
    off_topic: tuple[str, ...] = ()  # what people type that no entry answers (faq.yaml `off_topic:`)

    def get(self, entry_id: str) -> FaqEntry | None:
        return next((e for e in self.entries if e.id == entry_id), None)
