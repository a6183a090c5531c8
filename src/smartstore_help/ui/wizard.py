"""The interactive `ss-help contact` flow: the questions, their order, and going back.

The flow talks to the terminal only through a `Prompter` (`ui.prompter`), so its logic is tested
with scripted answers. Every step can be undone with Esc or the
"back" choice, which returns to the previous question the seller actually answered, with the
answer given before as the default.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from smartstore_help.core import classify, draft, rules, search, timeparse, timesay
from smartstore_help.core.history import History
from smartstore_help.core.i18n import t
from smartstore_help.core.model import Answer, ChannelData, Lang, Question
from smartstore_help.core.schedule import Holidays
from smartstore_help.core.textin import clean
from smartstore_help.ui import render
from smartstore_help.ui.prompter import Back, Prompter

if TYPE_CHECKING:
    pass

FAQ_SHOWN = 3


@dataclass
class State:
    type: str | None = None
    answers: dict[str, Answer] = field(default_factory=dict)
    details: dict[str, str] = field(default_factory=dict)
    faq_ids: list[str] = field(default_factory=list)
    solved_by: str | None = None
    faq_confident: bool = False
    described_first: bool = False  # the first question got the description
    faq_failed: bool = False  # the seller read the FAQ offered and still needs support

    def plan_answers(self) -> dict[str, Answer]:
        """The answers as the plan reads them: an FAQ that did not help counts as checked."""
        return {**self.answers, "checked_faq": True} if self.faq_failed else dict(self.answers)


@dataclass(frozen=True)
class Step:
    """One step; `run` returns what was answered, BACK, or None when it asked nothing."""

    name: str
    run: Callable[[State], object]


class Wizard:
    """Asks what the flags have not already answered, shows the FAQ, the plan and the checklist."""

    def __init__(
        self,
        data: ChannelData,
        index: search.Index,
        now: datetime,
        holidays: Holidays,
        lang: Lang,
        prompter: Prompter,
        preset: State | None = None,
    ) -> None:
        self.data, self.index, self.now, self.holidays, self.lang = data, index, now, holidays, lang
        self.prompter = prompter
        self.preset = preset or State()
        self.tz = ZoneInfo(data.timezone)
        self.can_go_back = False  # whether an earlier question was asked: Esc has somewhere to go
        self.given: dict[str, object] = {}  # every answer given so far, the default when asked again
        # the seller's own history per channel for a problem type (read from the journal by the shell)
        self.history: Callable[[str], Mapping[str, History]] = lambda _type: {}

    def steps(self, state: State) -> list[Step]:
        out = []
        if self.preset.type is None:
            if "description" not in self.preset.details:
                out.append(Step("problem", self.ask_problem))
            out.append(Step("type", self.ask_type))
        if state.type is not None:
            out += [
                Step(q.id, self._asker(q))
                for q in self.data.questions_for(state.type)
                if q.id not in self.preset.answers
            ]
        if "description" not in self.preset.details and not state.described_first:
            out.append(Step("description", self.ask_description))
        out.append(Step("faq", self.check_faq))
        out.append(Step("plan", self.show_plan))
        for name, ask in (
            ("order_no", self.ask_order_no),
            ("occurred_at", self.ask_occurred_at),
            ("tried", self.ask_tried),
            ("store_id", self.ask_store_id),
        ):
            if name not in self.preset.details:
                out.append(Step(name, ask))
        return out

    def run(self) -> State:
        state = State(self.preset.type, dict(self.preset.answers), dict(self.preset.details))
        position, history = 0, list[int]()  # history: positions of the steps that asked something
        while True:
            steps = self.steps(state)
            if position >= len(steps):
                return state
            self.can_go_back = bool(history)
            result = steps[position].run(state)
            if state.solved_by is not None:
                return state
            if isinstance(result, Back):
                if history:  # (the first question offers no way back)
                    position = history.pop()
                    self._forget(state, steps[position:])
                continue
            if result is not None:
                history.append(position)
            position += 1

    def _forget(self, state: State, undone: Sequence[Step]) -> None:
        for step in undone:
            if step.name == "type" and self.preset.type is None:
                state.type = None
            if step.name == "problem":
                state.details.pop("description", None)
                state.described_first = False
            if step.name == "faq":
                state.faq_failed = False
            state.answers.pop(step.name, None)
            state.details.pop(step.name, None)

    # --- the questions ---------------------------------------------------------------------

    def ask_problem(self, state: State) -> object:
        """The seller's own words first; Enter alone goes to the list of types."""
        answer = self.prompter.text(
            t("contact.problem", self.lang), self._given("problem", "") or "", can_go_back=self.can_go_back
        )
        if not isinstance(answer, Back):
            if answer.strip() != self.given.get("problem"):
                self.given.pop("type", None)  # a new description: the type is inferred afresh
            self.given["problem"] = answer.strip()
            if answer.strip():
                state.details["description"] = answer.strip()
                state.described_first = True
        return answer

    def ask_type(self, state: State) -> object:
        """The type menu, opened on the type chosen before or else the one the description points to
        (saying why), filtered by what is typed through the search's own word matching."""
        described = state.details.get("description", "")
        inferred = classify.infer_type(self.index, self.data, described) if described else classify.NOTHING
        default = self._given("type", None) or inferred.type
        if inferred.type is not None and default == inferred.type:
            self.prompter.show(render.text(self._why(inferred), "dim"))
        choices = [(p.id, f"{p.name(self.lang)} — {p.hint(self.lang)}") for p in self.data.problem_types]
        answer = self.prompter.select(
            t("contact.type", self.lang),
            choices,
            default,
            can_go_back=self.can_go_back,
            matcher=lambda typed: classify.matching_types(self.index, self.data, typed),
        )
        if not isinstance(answer, Back):
            state.type = self.given["type"] = answer
        return answer

    def _why(self, inferred: classify.Inference) -> str:
        assert inferred.type is not None
        name = self.data.problem_type(inferred.type).name(self.lang).split(" (")[0]  # the list says the rest
        if inferred.cues:
            why = t("contact.inferred_cues", self.lang, words=", ".join(f"'{c}'" for c in inferred.cues[:3]))
        else:
            entry = self.index.find(inferred.entries[0]) if inferred.entries else None
            why = t("contact.inferred_faq", self.lang, question=entry.question_in(self.lang) if entry else "")
        return t("contact.inferred", self.lang, type=name, why=why)

    def _given(self, name: str, default: str | None) -> str | None:
        value = self.given.get(name, default)
        return value if isinstance(value, str) else default

    def _asker(self, question: Question) -> Callable[[State], object]:
        def ask(state: State) -> object:
            if question.kind == "confirm":
                choices = [("yes", t("contact.yes", self.lang)), ("no", t("contact.no", self.lang))]
                default = None if question.default is None else ("yes" if question.default else "no")
            else:
                choices = [(c.value, c.label(self.lang)) for c in question.choices]
                default = question.default if isinstance(question.default, str) else None
            answer = self.prompter.select(
                question.prompt(self.lang), choices, self._given(question.id, default), can_go_back=self.can_go_back
            )
            if not isinstance(answer, Back):
                self.given[question.id] = answer
                state.answers[question.id] = answer == "yes" if question.kind == "confirm" else answer
            return answer

        return ask

    def _text(
        self,
        state: State,
        name: str,
        message: str,
        default: str = "",
        validate: Callable[[str], str | None] | None = None,
    ) -> object:
        answer = self.prompter.text(message, self._given(name, default) or "", validate, can_go_back=self.can_go_back)
        if not isinstance(answer, Back):
            state.details[name] = self.given[name] = clean(answer).strip()
        return answer

    def ask_description(self, state: State) -> object:
        return self._text(state, "description", t("contact.description", self.lang))

    def check_faq(self, state: State) -> object:
        """The FAQ for the seller's own words, their type favoured but not required. Only entries
        that pass the relevance floor are offered; without a description nothing is."""
        assert state.type is not None
        problem = self.data.problem_type(state.type)
        described = state.details.get("description", "")
        try:
            hits = (
                search.search(self.index, described, FAQ_SHOWN, lang=self.lang, prefer=problem.faq_types[:1])
                if described
                else []
            )
        except search.EmptyQuery:
            hits = []
        state.faq_ids = [h.entry.id for h in hits]
        state.faq_confident = search.confident(hits)
        if not state.faq_confident:
            if described:
                self.prompter.show(render.text(t("contact.faq_none", self.lang), "dim"))
            return None
        self.prompter.show(render.faq_hits_view(hits, self.lang, self.now.date()))
        while True:
            choices = [
                (
                    f"read:{h.entry.id}",
                    t("contact.faq_read", self.lang, question=render.plain(h.entry.question_in(self.lang))),
                )
                for h in hits
            ] + [("continue", t("contact.faq_continue", self.lang))]
            answer = self.prompter.select(
                t("contact.faq_ask", self.lang), choices, "continue", can_go_back=self.can_go_back
            )
            if isinstance(answer, Back):
                return answer
            if answer == "continue":  # the FAQ did not help: it is not recommended again
                state.faq_failed = True
                return answer
            entry = next(h.entry for h in hits if f"read:{h.entry.id}" == answer)
            self.prompter.show(render.faq_show_view(entry, self.lang, self.data.help_center.url, self.now.date()))
            solved = self.prompter.select(
                t("contact.faq_solved", self.lang),
                [("yes", t("contact.yes", self.lang)), ("no", t("contact.no", self.lang))],
                "no",
                can_go_back=False,
            )
            if solved == "yes":
                state.solved_by = entry.id
                return solved

    def show_plan(self, state: State) -> object:
        assert state.type is not None
        plan = rules.recommend(
            self.data,
            rules.complete_answers(self.data, state.type, state.plan_answers()),
            self.now,
            self.holidays,
            self.history(state.type),
        )
        self.prompter.show(render.plan_view(plan, self.now, self.tz, self.lang, self.data))
        self.prompter.show(
            render.checklist_view(
                self.data.problem_type(state.type), draft.checklist(self.data, state.type, state.answers), self.lang
            )
        )
        return None

    def ask_order_no(self, state: State) -> object:
        """The number; "yes, there is one" with nothing typed is asked once more (still nothing:
        the draft says to fill it in, see `draft.reconcile`)."""

        def valid(value: str) -> str | None:
            try:
                draft.clean_order_no(value)
            except draft.BadOrderNumber:
                return t("error.bad_order_no", self.lang, value=value)
            return None

        while True:
            answer = self._text(state, "order_no", t("contact.order_no", self.lang), "", valid)
            if not isinstance(answer, str):
                return answer
            state.details["order_no"] = self.given["order_no"] = draft.clean_order_no(answer)
            if state.details["order_no"] or state.answers.get("has_order_no") is not True:
                return answer
            again = self.prompter.text(t("contact.order_no_again", self.lang), "", valid, can_go_back=True)
            if not isinstance(again, Back):
                state.details["order_no"] = self.given["order_no"] = draft.clean_order_no(again)
                return again

    def ask_occurred_at(self, state: State) -> object:
        """Typed as people say it ("어제 15시", "3시간 전"), kept and shown back in absolute form."""

        def valid(value: str) -> str | None:
            try:
                timeparse.parse_when(value or "now", self.now, self.tz)
            except timeparse.BadTime as error:
                return timeparse.explain(error, self.now, self.tz, self.lang)
            return None

        answer = self._text(state, "occurred_at", t("contact.occurred_at", self.lang), "", valid)
        if isinstance(answer, str):
            moment = timeparse.parse_when(answer or "now", self.now, self.tz)
            state.details["occurred_at"] = self.given["occurred_at"] = timesay.absolute(moment, self.tz)
            if answer.strip() != state.details["occurred_at"]:
                self.prompter.show(
                    render.text(
                        t("contact.when_read", self.lang, when=timesay.stamp(moment, self.tz, self.lang)), "dim"
                    )
                )
        return answer

    def ask_tried(self, state: State) -> object:
        return self._text(state, "tried", t("contact.tried", self.lang))

    def ask_store_id(self, state: State) -> object:
        return self._text(state, "store_id", t("contact.store_id", self.lang))
