"""Answers + clock (+ the seller's own history) → channels ranked by score, each with whether it
can be used right now.

Pure: the rules are data (channels.yaml); `now`, the holiday calendar and the history read from
the journal are parameters.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, NamedTuple
from zoneinfo import ZoneInfo

from smartstore_help.core.i18n import t
from smartstore_help.core.model import LANGS, Answer, Answers, Channel, ChannelData, ConditionValue, Rule, Text
from smartstore_help.core.schedule import Holidays, Status, answering, aware, status

if TYPE_CHECKING:
    from smartstore_help.core.history import History


class Recommendation(NamedTuple):
    channel: Channel
    score: int
    status: Status
    reasons: tuple[Text, ...]
    answered: Status | None = None  # for a channel answered later (1:1 inquiry): is anyone answering now
    history: History | None = None  # the seller's closed cases of this problem type on this channel

    @property
    def available_now(self) -> bool:
        return self.status.state == "open"

    @property
    def next_open(self) -> datetime | None:
        return self.status.next_open


class Plan(NamedTuple):
    recommendations: tuple[Recommendation, ...]  # best first
    # channels the seller has said did not help, left out of the ranking, each with why
    excluded: tuple[tuple[Channel, Text], ...] = ()

    @property
    def best(self) -> Recommendation:
        return self.recommendations[0]

    @property
    def meanwhile(self) -> Recommendation | None:
        """When the best channel is closed now: the best one that can be used right away."""
        if self.best.available_now:
            return None
        return next((r for r in self.recommendations if r.available_now), None)


def complete_answers(data: ChannelData, type_id: str, given: Answers) -> dict[str, Answer]:
    """The answers given, with each unanswered question's default filled in."""
    answers: dict[str, Answer] = {"type": type_id}
    for question in data.questions_for(type_id):
        if question.id in given:
            answers[question.id] = given[question.id]
        elif question.default is not None:
            answers[question.id] = question.default
    return answers


def missing_answers(data: ChannelData, type_id: str, given: Answers) -> list[str]:
    """Questions with neither an answer nor a default: what a run without a terminal must be told."""
    return [q.id for q in data.questions_for(type_id) if q.id not in given and q.default is None]


def _holds(
    key: str,
    expected: ConditionValue,
    rule_channel: Status,
    statuses: Mapping[str, Status],
    answers: Answers,
    now: datetime,
    holidays: Holidays,
    past: History | None,
) -> bool:
    if key == "resolved_before":
        assert isinstance(expected, int)
        return past is not None and past.resolved >= expected
    if key == "unresolved_before":
        assert isinstance(expected, int)
        return past is not None and past.cases - past.resolved >= expected
    if key == "open_now":
        return (rule_channel.state == "open") is expected
    if key == "break_now":
        return (rule_channel.state == "break") is expected
    if key == "weekend":
        return (now.weekday() >= 5) is expected
    if key == "holiday":
        return (now.date() in holidays or rule_channel.reason in ("holiday", "closed_date")) is expected
    if key == "time_between":
        assert isinstance(expected, tuple)
        start, end = (time.fromisoformat(t) for t in expected)
        return start <= now.time() < end
    if key == "closes_within":
        assert isinstance(expected, int)
        closes = rule_channel.closes_at
        return rule_channel.state == "open" and closes is not None and closes - now <= timedelta(minutes=expected)
    if key == "channels_open":
        assert isinstance(expected, Mapping)
        return all((statuses[c].state == "open") is flag for c, flag in expected.items())
    answer = answers.get(key)
    if isinstance(expected, tuple):
        return answer in expected
    return answer is expected


def applies(
    rule: Rule,
    statuses: Mapping[str, Status],
    answers: Answers,
    now: datetime,
    holidays: Holidays,
    history: Mapping[str, History] | None = None,
) -> bool:
    own = statuses[rule.channel]
    past = (history or {}).get(rule.channel)
    return all(_holds(k, v, own, statuses, answers, now, holidays, past) for k, v in rule.when.items())


def history_reason(data: ChannelData, type_id: str, channel: Channel, past: History) -> Text:
    """`지난 결제·정산 상담: 채팅 상담 3건 중 2건 해결` (names without their examples in brackets): the
    facts, whether or not a rule scores them."""
    kind = next((p.name for p in data.problem_types if p.id == type_id), Text(type_id, type_id))
    ko, en = (
        t(
            "history.reason",
            lang,
            type=kind(lang).split(" (")[0],
            channel=channel.name(lang).split(" (")[0],
            cases=past.cases,
            resolved=past.resolved,
        )
        for lang in LANGS
    )
    return Text(ko, en)


# An answer that says a channel has already been tried without success: that channel is never
# recommended again in the same run, and the recommendation says why.
TRIED_WITHOUT_SUCCESS = {"checked_faq": ("faq", "contact.faq_failed")}


def ruled_out(answers: Answers) -> dict[str, Text]:
    """The channels the answers say did not help (the FAQ, once the seller has read it and still
    needs support), each with the reason in both languages."""
    return {
        channel: Text(t(key, "ko"), t(key, "en"))
        for answer, (channel, key) in TRIED_WITHOUT_SUCCESS.items()
        if answers.get(answer) is True
    }


def recommend(
    data: ChannelData,
    answers: Answers,
    moment: datetime,
    holidays: Holidays,
    history: Mapping[str, History] | None = None,
) -> Plan:
    """`history`: per channel, the seller's closed cases of this problem type (see `history.by_channel`).
    A channel the answers rule out (`ruled_out`) is left out of the ranking, and the best
    recommendation says why."""
    tz = ZoneInfo(data.timezone)
    now = aware(moment, tz)
    statuses = {c.id: status(c.schedule, now, holidays, tz) for c in data.channels}
    scores = {c.id: 0 for c in data.channels}
    past = history or {}
    reasons: dict[str, list[Text]] = {
        c.id: [history_reason(data, str(answers.get("type", "")), c, past[c.id])] if c.id in past else []
        for c in data.channels
    }
    for rule in data.rules:
        if applies(rule, statuses, answers, now, holidays, past):
            scores[rule.channel] += rule.score
            reasons[rule.channel].append(rule.reason)
    order = {c.id: i for i, c in enumerate(data.channels)}
    ranked = sorted(data.channels, key=lambda c: (-scores[c.id], statuses[c.id].state != "open", order[c.id]))
    out = ruled_out(answers)
    if all(c.id in out for c in ranked):  # never leave the seller with nothing at all
        out = {}
    excluded = tuple((c, out[c.id]) for c in ranked if c.id in out)
    recs = [
        Recommendation(
            c, scores[c.id], statuses[c.id], tuple(reasons[c.id]), answering(c, now, holidays, tz), past.get(c.id)
        )
        for c in ranked
        if c.id not in out
    ]
    if excluded:
        recs[0] = recs[0]._replace(reasons=(*(why for _, why in excluded), *recs[0].reasons))
    return Plan(tuple(recs), excluded)
