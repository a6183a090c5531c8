"""The wizard's logic, driven by a scripted prompter (the real terminal is in test_wizard_pty)."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any, cast
from zoneinfo import ZoneInfo

import pytest
from helpers import shipped_index

from smartstore_help.store import data
from smartstore_help.ui.prompter import BACK, Back
from smartstore_help.ui.wizard import State, Wizard

KST = ZoneInfo("Asia/Seoul")
CFG = data.load_channels()
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=KST)


class Script:
    """Answers prompts from a list of (words expected in the prompt, answer) pairs, in order."""

    def __init__(self, steps: Sequence[tuple[str, object]]) -> None:
        self.steps = list(steps)
        self.asked: list[str] = []
        self.defaults: list[str | None] = []
        self.back_offered: list[bool] = []
        self.shown: list[Any] = []
        self.matchers: dict[str, Any] = {}

    def _next(
        self,
        message: str,
        valid: Callable[[str], str | None] | None = None,
        default: str | None = "",
        can_go_back: bool = True,
    ) -> Any:
        expected, reply = self.steps.pop(0)
        assert expected in message, (expected, message)
        reply = default if reply == "<default>" else reply
        self.asked.append(message)
        self.defaults.append(default)
        self.back_offered.append(can_go_back)
        if valid is not None and isinstance(reply, str):
            assert valid(reply) is None, valid(reply)
        return reply

    def select(
        self,
        message: str,
        choices: Sequence[tuple[str, str]],
        default: str | None = None,
        *,
        can_go_back: bool = True,
        matcher: Any = None,
    ) -> str | Back:
        self.matchers[message] = matcher
        reply = self._next(message, None, default, can_go_back)
        assert reply is BACK or reply in [v for v, _ in choices], (reply, choices)
        assert reply is not BACK or can_go_back, f"Back offered nowhere to go at {message}"
        return cast("str | Back", reply)

    def text(
        self,
        message: str,
        default: str = "",
        validate: Callable[[str], str | None] | None = None,
        *,
        can_go_back: bool = True,
    ) -> str | Back:
        reply = self._next(message, validate, default, can_go_back)
        assert reply is not BACK or can_go_back, f"Back offered nowhere to go at {message}"
        return reply  # type: ignore[no-any-return]

    def show(self, content: Any) -> None:
        self.shown.append(content)


def run(
    hol: Any, steps: Sequence[tuple[str, object]], preset: State | None = None, lang: str = "ko"
) -> tuple[State, Script]:
    script = Script(steps)
    state = Wizard(CFG, shipped_index(), NOW, hol, lang, script, preset).run()  # type: ignore[arg-type]
    assert script.steps == [], f"not asked: {script.steps}"
    return state, script


PAYMENT = [
    ("어떤 문제인가요? 한 줄로", ""),  # Enter: straight to the list of types
    ("어떤 종류의 문제", "payment"),
    ("급한 문제", "yes"),
    ("복잡한 문제", "no"),
    ("주문번호가 있나요", "yes"),
    ("FAQ는 이미", "no"),
    ("선호하는", "any"),
    ("어떤 내용", "settlement"),
    ("영수증", "yes"),
    ("한 줄로", "정산 보류"),
    ("답이 있나요", "continue"),
    ("주문번호 (숫자", "2026-1124-1234-5678"),
    ("언제 일어났나요", "<default>"),
    ("이미 해 본 것", ""),
    ("스토어 ID", "mystore"),
]


def test_a_full_run(hol: Any) -> None:
    state, script = run(hol, PAYMENT)
    assert state.type == "payment"
    assert state.answers == {
        "urgent": True,
        "complex": False,
        "has_order_no": True,
        "checked_faq": False,
        "prefer": "any",
        "topic": "settlement",
        "has_payment_history": True,
    }
    assert state.details == {
        "description": "정산 보류",
        "order_no": "2026112412345678",
        "occurred_at": "2026-11-24 10:00",
        "tried": "",
        "store_id": "mystore",
    }
    assert set(state.faq_ids[:2]) == {"settlement-hold", "settlement-hold-release"}
    assert len(script.shown) == 4  # the FAQ matches, the plan, the checklist, the time read back


def test_back_returns_to_the_previous_answered_question(hol: Any) -> None:
    steps = [
        *PAYMENT[:4],
        ("주문번호가 있나요", BACK),
        ("복잡한 문제", BACK),
        ("급한 문제", "no"),
        ("복잡한 문제", "yes"),
        *PAYMENT[4:],
    ]
    state, _ = run(hol, steps)
    assert state.answers["urgent"] is False and state.answers["complex"] is True


def test_back_from_the_first_type_question_changes_the_type(hol: Any) -> None:
    steps = [PAYMENT[0], ("어떤 종류", "technical"), ("급한 문제", BACK), ("어떤 종류", "payment"), *PAYMENT[2:]]
    state, _ = run(hol, steps)
    assert state.type == "payment" and "checked_notices" not in state.answers


def test_back_skips_screens_that_asked_nothing(hol: Any) -> None:
    steps = [*PAYMENT[:11], ("주문번호 (숫자", BACK), ("답이 있나요", "continue"), *PAYMENT[11:]]
    run(hol, steps)


def test_flags_skip_their_questions(hol: Any) -> None:
    preset = State(
        "payment",
        {
            "urgent": True,
            "complex": False,
            "has_order_no": True,
            "checked_faq": False,
            "prefer": "any",
            "topic": "settlement",
            "has_payment_history": True,
        },
        {"description": "정산 보류", "order_no": "", "occurred_at": "2026-11-24 09:00", "tried": "", "store_id": ""},
    )
    state, _script = run(hol, [("답이 있나요", "continue")], preset)
    assert state.details["occurred_at"] == "2026-11-24 09:00"


def test_reading_an_faq_answer_can_end_it(hol: Any) -> None:
    steps = [
        *PAYMENT[:10],
        ("답이 있나요", "read:settlement-hold"),
        ("해결됐나요", "no"),
        ("답이 있나요", "read:settlement-hold"),
        ("해결됐나요", "yes"),
    ]
    state, _ = run(hol, steps)
    assert state.solved_by == "settlement-hold"


def test_order_number_is_validated(hol: Any) -> None:
    script = Script([])
    wizard = Wizard(CFG, shipped_index(), NOW, hol, "ko", script)  # type: ignore[arg-type]
    seen: list[Callable[[str], str | None]] = []

    def text(
        message: str,
        default: str = "",
        validate: Callable[[str], str | None] | None = None,
        *,
        can_go_back: bool = True,
    ) -> str:
        assert validate is not None
        seen.append(validate)
        return ""

    script.text = text  # type: ignore[method-assign]
    wizard.ask_order_no(State())
    (valid,) = seen
    assert valid("") is None and valid("2026112412345678") is None
    assert "8~20" in (valid("12ab") or "")


def test_english_prompts(hol: Any) -> None:
    steps = [
        ("What is the problem", ""),
        ("What kind of problem", "other"),
        ("urgent", "no"),
        ("complex", "no"),
        ("order number", "no"),
        ("FAQ", "yes"),
        ("prefer", "chat"),
        ("Describe", "bad review"),
        ("answer it", "continue"),
        ("Order number", ""),
        ("When did it happen", "<default>"),
        ("already tried", ""),
        ("Store ID", ""),
    ]
    _state, script = run(hol, steps, lang="en")
    assert all(not any("\uac00" <= ch <= "\ud7a3" for ch in m) for m in script.asked)


@pytest.mark.parametrize(("now", "stale"), [(NOW, False), (datetime(2028, 6, 1, 10, 0, tzinfo=KST), True)])
def test_the_faq_step_marks_answers_checked_long_ago(hol: Any, now: datetime, stale: bool) -> None:
    from rich.console import Console

    steps = [
        *PAYMENT[: PAYMENT.index(("답이 있나요", "continue"))],
        ("답이 있나요", "read:settlement-hold"),
        ("해결됐나요", "yes"),
    ]
    script = Script(steps)
    state = Wizard(CFG, shipped_index(), now, hol, "ko", script, None).run()  # type: ignore[arg-type]
    assert state.solved_by == "settlement-hold" and script.steps == []

    def screen(shown: Any) -> str:
        console = Console(width=200, record=True, file=io.StringIO())
        console.print(shown)
        return console.export_text()

    matches, answer = (screen(shown) for shown in script.shown)
    listed = [line for line in matches.splitlines() if line.startswith("  • ")]
    assert len(listed) == len(state.faq_ids)
    # each match is marked by its own sources' dates (the shipped data's dates: computed, not assumed)
    for line, entry_id in zip(listed, state.faq_ids, strict=True):
        entry = shipped_index().find(entry_id)
        assert entry is not None
        assert line.endswith("확인한 지 오래됨") is entry.stale(now.date()), line
    read = shipped_index().find("settlement-hold")
    assert read is not None
    newest = read.evidence()
    assert newest is not None and "출처:" in answer
    assert (f"확인한 지 오래됨 (가장 새 출처 {newest.isoformat()})" in answer) is read.stale(now.date())
    if newest >= date(2026, 6, 1):  # with the data dated as shipped: fresh now, old by mid 2027
        assert read.stale(now.date()) is stale


def test_back_offers_every_earlier_answer_as_the_default(hol: Any) -> None:
    """Back and forth over every kind of question: choice, yes/no, free text, order number, time."""
    steps = [
        *PAYMENT[
            :8
        ],  # (no description), type, 급한(yes), 복잡한(no), 주문번호가 있나요(yes), FAQ(no), 선호(any), 어떤 내용(settlement)
        ("영수증", "yes"),
        ("한 줄로", "정산 보류"),
        ("답이 있나요", "continue"),
        ("주문번호 (숫자", "2026-1124-1234-5678"),
        ("언제 일어났나요", "어제 15시"),
        ("이미 해 본 것", "새로고침"),
        ("스토어 ID", BACK),
        ("이미 해 본 것", BACK),
        ("언제 일어났나요", BACK),
        ("주문번호 (숫자", BACK),
        ("답이 있나요", BACK),
        ("한 줄로", BACK),
        ("영수증", BACK),
        ("어떤 내용", BACK),
        ("선호하는", "<default>"),
        ("어떤 내용", "<default>"),
        ("영수증", "<default>"),
        ("한 줄로", "<default>"),
        ("답이 있나요", "continue"),
        ("주문번호 (숫자", "<default>"),
        ("언제 일어났나요", "<default>"),
        ("이미 해 본 것", "<default>"),
        ("스토어 ID", "mystore"),
    ]
    state, script = run(hol, steps)
    asked_again = dict(zip(script.asked[15:], script.defaults[15:], strict=True))
    assert asked_again[next(m for m in asked_again if "어떤 내용" in m)] == "settlement"
    assert asked_again[next(m for m in asked_again if "영수증" in m)] == "yes"
    assert asked_again[next(m for m in asked_again if "한 줄로" in m)] == "정산 보류"
    assert asked_again[next(m for m in asked_again if "주문번호 (숫자" in m)] == "2026112412345678"
    assert asked_again[next(m for m in asked_again if "언제" in m)] == "2026-11-23 15:00"  # shown back absolute
    assert asked_again[next(m for m in asked_again if "해 본 것" in m)] == "새로고침"
    assert state.answers["topic"] == "settlement" and state.answers["has_payment_history"] is True
    assert state.details == {
        "description": "정산 보류",
        "order_no": "2026112412345678",
        "occurred_at": "2026-11-23 15:00",
        "tried": "새로고침",
        "store_id": "mystore",
    }


def test_back_to_a_yes_no_question_offers_the_answer_given(hol: Any) -> None:
    steps = [
        *PAYMENT[:4],
        ("주문번호가 있나요", BACK),
        ("복잡한 문제", BACK),
        ("급한 문제", "<default>"),
        ("복잡한 문제", "<default>"),
        *PAYMENT[4:],
    ]
    state, script = run(hol, steps)
    assert script.defaults[6:8] == ["yes", "no"]  # not the questions' own default (no, no)
    assert state.answers["urgent"] is True


def test_back_is_offered_only_where_there_is_a_previous_question(hol: Any) -> None:
    _state, script = run(hol, PAYMENT)
    assert script.back_offered[0] is False and all(script.back_offered[1:])
    preset = State("payment", {"urgent": True})
    _state, script = run(hol, PAYMENT[3:], preset)
    assert script.back_offered[0] is False and all(script.back_offered[1:])


def test_yes_with_an_empty_order_number_is_asked_once_more(hol: Any) -> None:
    steps = [*PAYMENT[:11], ("주문번호 (숫자", ""), ("번호를 적어 주세요", "2026112412345678"), *PAYMENT[12:]]
    state, _ = run(hol, steps)
    assert state.details["order_no"] == "2026112412345678"
    steps = [*PAYMENT[:11], ("주문번호 (숫자", ""), ("번호를 적어 주세요", ""), *PAYMENT[12:]]
    state, _ = run(hol, steps)
    assert state.details["order_no"] == ""
    no_number = [*PAYMENT[:4], ("주문번호가 있나요", "no"), *PAYMENT[5:11], ("주문번호 (숫자", ""), *PAYMENT[12:]]
    run(hol, no_number)  # "no" and nothing typed: not asked again


def test_a_spoken_time_is_kept_in_absolute_form_and_shown_back(hol: Any) -> None:
    steps = [*PAYMENT[:12], ("언제 일어났나요", "3시간 전"), *PAYMENT[13:]]
    state, script = run(hol, steps)
    assert state.details["occurred_at"] == "2026-11-24 07:00"
    assert "2026-11-24 (화) 07:00 KST" in str(script.shown[-1])


def default_at(script: Script, message: str) -> str | None:
    return script.defaults[script.asked.index(message)]


def shown_text(script: Script) -> str:
    from rich.console import Console

    console = Console(width=200, record=True, file=io.StringIO())
    for content in script.shown:
        console.print(content)
    return console.export_text()


COMMON = [
    ("급한 문제", "no"),
    ("복잡한 문제", "no"),
    ("주문번호가 있나요", "no"),
    ("FAQ는 이미", "no"),
    ("선호하는", "any"),
]
TAIL = [("주문번호 (숫자", ""), ("언제 일어났나요", "<default>"), ("이미 해 본 것", ""), ("스토어 ID", "")]


def test_describing_first_preselects_the_type_and_says_why(hol: Any) -> None:
    steps = [
        ("한 줄로 적어", "판매한 돈이 아직 통장에 안들어왔어요"),
        ("어떤 종류", "payment"),
        *COMMON,
        ("어떤 내용", "settlement"),
        ("영수증", "no"),
        ("답이 있나요", "continue"),
        *TAIL,
    ]
    state, script = run(hol, steps)
    assert default_at(script, "어떤 종류의 문제인가요?") == "payment"
    assert "'결제·정산' 유형으로 보여 미리 골라 두었습니다 (근거: " in shown_text(script)
    assert state.details["description"] == "판매한 돈이 아직 통장에 안들어왔어요"  # not asked a second time
    assert state.faq_confident and {"settlement-not-arrived", "settlement-when"} & set(
        state.faq_ids
    )  # as in relevance.tsv


def test_an_unclear_description_preselects_nothing(hol: Any) -> None:
    steps = [("한 줄로 적어", "음 잘 모르겠어요"), ("어떤 종류", "other"), *COMMON, *TAIL]
    state, script = run(hol, steps)
    assert default_at(script, "어떤 종류의 문제인가요?") is None
    assert "미리 골라" not in shown_text(script)
    assert state.details["description"] == "음 잘 모르겠어요" and not state.faq_confident


def test_going_back_to_the_first_question_forgets_the_description(hol: Any) -> None:
    steps = [
        ("한 줄로 적어", "환불"),
        ("어떤 종류", BACK),
        ("한 줄로 적어", ""),
        ("어떤 종류", "other"),
        *COMMON,
        ("한 줄로", "리뷰 신고"),
        ("답이 있나요", "continue"),
        *TAIL,
    ]
    state, _ = run(hol, steps)
    assert state.details["description"] == "리뷰 신고"


def test_the_type_favours_faq_entries_but_does_not_filter_them(hol: Any) -> None:
    # asked under returns, a cancellation still finds the entry typed payment
    preset = State(
        "return_exchange",
        {
            "urgent": False,
            "complex": False,
            "has_order_no": False,
            "checked_faq": False,
            "prefer": "any",
            "knows_policy": True,
            "has_evidence": False,
        },
        {"description": "구매자가 주문 취소를 요청했어요"},
    )
    state, _ = run(hol, [("답이 있나요", "continue"), *TAIL], preset)
    assert state.faq_ids[0] == "buyer-cancel-request" and state.faq_confident


def test_with_no_good_match_the_faq_is_skipped_saying_so(hol: Any) -> None:
    preset = State(
        "payment",
        {
            "urgent": False,
            "complex": False,
            "has_order_no": False,
            "checked_faq": False,
            "prefer": "any",
            "topic": "settlement",
            "has_payment_history": False,
        },
        {"description": "쿠팡 윙 정산 보류 해제"},
    )
    state, script = run(hol, TAIL, preset)  # no "does one of these answer it?"
    assert not state.faq_confident
    assert "FAQ에는 이 문제에 맞는 답이 없어 바로 추천 창구로 넘어갑니다." in shown_text(script)
    assert "먼저 FAQ를 확인해 보세요" not in shown_text(script)


def test_without_a_description_no_faq_entries_are_offered(hol: Any) -> None:
    # entries that would match only the type's name and hint are not answers
    steps = [
        ("한 줄로 적어", ""),
        ("어떤 종류", "technical"),
        *COMMON,
        ("공지사항", "no"),
        ("캡처", "no"),
        ("다른 브라우저", "no"),
        ("한 줄로", ""),
        *TAIL,
    ]
    state, script = run(hol, steps)
    assert state.faq_ids == [] and "먼저 FAQ를 확인해 보세요" not in shown_text(script)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("환불", {"return_exchange"}),
        ("돈", {"payment"}),
        ("송장", {"technical"}),
        ("ㅂㅍ", {"return_exchange"}),
        ("반퓸", {"return_exchange"}),
        ("리뷰", {"other"}),
        ("뷁뷁", set()),
        ("zzqx", set()),
    ],
)
def test_the_type_menu_filters_by_meaning(hol: Any, typed: str, expected: set[str]) -> None:
    wizard_script = Script([("한 줄로 적어", ""), ("어떤 종류", "other")])
    wizard = Wizard(CFG, shipped_index(), NOW, hol, "ko", wizard_script)  # type: ignore[arg-type]
    state = State()
    wizard.ask_problem(state)
    wizard.ask_type(state)
    matcher = wizard_script.matchers["어떤 종류의 문제인가요?"]
    assert set(matcher(typed)) == expected
    assert set(matcher("")) == {"technical", "payment", "return_exchange", "other"}


def test_going_back_across_a_type_change_keeps_none_of_the_old_types_answers(hol: Any) -> None:
    """Every technical question answered, then back to the type and on as payment: the case holds
    the payment questions' answers and nothing of the technical ones."""
    technical = [
        ("어떤 문제인가요? 한 줄로", ""),
        ("어떤 종류의 문제", "technical"),
        ("급한 문제", "no"),
        ("복잡한 문제", "yes"),
        ("주문번호가 있나요", "no"),
        ("FAQ는 이미", "yes"),
        ("선호하는", "chat"),
        ("공지사항", "yes"),
        ("캡처", "yes"),
        ("다른 브라우저", "yes"),
        ("한 줄로", ""),
    ]
    back_to_the_type = [(expected, BACK) for expected, _ in reversed(technical[2:])]
    steps = [
        *technical,
        ("주문번호 (숫자", BACK),  # (the FAQ and the plan screens asked nothing: skipped going back)
        *back_to_the_type,
        ("어떤 종류의 문제", "payment"),
        *PAYMENT[2:],
    ]
    state, _ = run(hol, steps)
    assert state.type == "payment"
    assert state.answers == {
        "urgent": True,
        "complex": False,
        "has_order_no": True,
        "checked_faq": False,
        "prefer": "any",
        "topic": "settlement",
        "has_payment_history": True,
    }
    assert set(state.answers) == {q.id for q in CFG.questions_for("payment")}


def test_going_back_to_the_description_across_a_type_change_keeps_none_of_the_old_types_answers(hol: Any) -> None:
    steps = [
        ("한 줄로 적어", "판매한 돈이 아직 통장에 안들어왔어요"),
        ("어떤 종류", "payment"),
        *COMMON,
        ("어떤 내용", "settlement"),
        ("영수증", "no"),
        ("답이 있나요", BACK),
        ("영수증", BACK),
        ("어떤 내용", BACK),
        *[(expected, BACK) for expected, _ in reversed(COMMON)],
        ("어떤 종류", BACK),
        ("한 줄로 적어", "상품 등록이 안 돼요"),
        ("어떤 종류", "technical"),
        *COMMON,
        ("공지사항", "no"),
        ("캡처", "no"),
        ("다른 브라우저", "no"),
        ("답이 있나요", "continue"),
        *TAIL,
    ]
    state, _ = run(hol, steps)
    assert state.type == "technical"
    assert set(state.answers) == {q.id for q in CFG.questions_for("technical")}
    assert "topic" not in state.answers and "has_payment_history" not in state.answers


def all_answered(kind: str) -> dict[str, Any]:
    """Every question of the type answered (its first choice, or no), so only the FAQ step asks."""
    return {q.id: False if q.kind == "confirm" else q.choices[0].value for q in CFG.questions_for(kind)}


@pytest.mark.parametrize(
    ("kind", "described", "first"),
    [
        # the same words, a different first answer for each type's preferred FAQ type
        ("technical", "검색에 안 나와요", "product-not-in-search"),
        ("other", "검색에 안 나와요", "search-exposure"),
        ("other", "고객 문의 답변", "inquiry-answer-where"),  # `other` prefers the general entries
        ("technical", "고객 문의 답변", "product-qna-answer"),
    ],
)
def test_the_faq_favours_the_chosen_types_own_faq_type(hol: Any, kind: str, described: str, first: str) -> None:
    preferred = CFG.problem_type(kind).faq_types[0]
    preset = State(kind, all_answered(kind), {"description": described})
    state, _ = run(hol, [("답이 있나요", "continue"), *TAIL], preset)
    assert state.faq_confident and state.faq_ids[0] == first
    assert shipped_index().find(first) is not None and shipped_index().find(first).type == preferred  # type: ignore[union-attr]
