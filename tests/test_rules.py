"""The recommendation rules of the shipped channels.yaml, scenario by scenario."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from smartstore_help.core import draft, rules, schedule
from smartstore_help.core.model import ChannelData
from smartstore_help.store import data

KST = ZoneInfo("Asia/Seoul")
CFG = data.load_channels()
MOMENTS = {
    "tue 10:00": "2026-11-24 10:00",
    "tue 12:30": "2026-11-24 12:30",
    "tue 17:55": "2026-11-24 17:55",
    "sat 10:00": "2026-11-28 10:00",
    "추석": "2026-09-25 11:00",
}


def plan(hol: schedule.Holidays, kind: str, when: str, cfg: ChannelData = CFG, **given: object) -> rules.Plan:
    answers = rules.complete_answers(cfg, kind, given)  # type: ignore[arg-type]
    return rules.recommend(cfg, answers, datetime.fromisoformat(MOMENTS[when]).replace(tzinfo=KST), hol)


# (type, urgent, complex, moment, expected best channel, words in one of its reasons (en))
SCENARIOS = [
    ("technical", False, False, "tue 10:00", "faq", "check the FAQ and the notices"),
    ("technical", False, True, "tue 10:00", "phone", "best explained in depth on the phone"),
    ("technical", True, True, "tue 10:00", "phone", "solved fastest on a call now"),
    ("technical", True, True, "tue 12:30", "email", "leave a 1:1 inquiry now (say plainly why it is urgent)"),
    ("technical", True, True, "tue 17:55", "email", "carries over to the next business hours"),
    ("technical", True, False, "tue 17:55", "phone", "solved fastest on a call now"),
    ("technical", True, True, "sat 10:00", "email", "leave a 1:1 inquiry now (say plainly why it is urgent)"),
    ("technical", True, False, "추석", "email", "leave a 1:1 inquiry now (say plainly why it is urgent)"),
    ("payment", False, False, "tue 10:00", "chat", "fastest way for a quick question"),
    ("payment", False, True, "tue 10:00", "phone", "best explained in depth on the phone"),
    ("payment", True, False, "tue 10:00", "phone", "solved fastest on a call now"),
    ("payment", False, False, "tue 12:30", "email", "attach the history and receipts"),
    ("payment", True, True, "tue 17:55", "email", "carries over"),
    ("payment", False, False, "sat 10:00", "email", "attach the history and receipts"),
    ("payment", True, True, "추석", "email", "leave a 1:1 inquiry now (say plainly why it is urgent)"),
    ("return_exchange", False, False, "tue 10:00", "chat", "fastest way for a quick question"),
    ("return_exchange", False, True, "tue 10:00", "phone", "best explained in depth"),
    ("return_exchange", True, False, "tue 12:30", "email", "say plainly why it is urgent"),
    ("return_exchange", True, True, "sat 10:00", "email", "say plainly why it is urgent"),
    ("other", False, False, "tue 10:00", "chat", "quick question"),
    ("other", True, True, "추석", "email", "say plainly why it is urgent"),
]


@pytest.mark.parametrize(("kind", "urgent", "complex_", "when", "best", "because"), SCENARIOS)
def test_scenarios(
    hol: schedule.Holidays,
    kind: str,
    urgent: bool,
    complex_: bool,
    when: str,
    best: str,
    because: str,
) -> None:
    result = plan(hol, kind, when, urgent=urgent, complex=complex_)
    assert result.best.channel.id == best, [(r.channel.id, r.score) for r in result.recommendations]
    assert any(because in reason.en for reason in result.best.reasons), result.best.reasons


@pytest.mark.parametrize("when", ["tue 12:30", "sat 10:00", "추석"])
def test_closed_channels_are_never_usable_now(hol: dict, when: str) -> None:  # type: ignore[type-arg]
    result = plan(hol, "payment", when, urgent=True, complex=True)
    for rec in result.recommendations:
        if rec.channel.id in ("phone", "chat"):
            assert not rec.available_now and rec.next_open is not None
    assert result.best.available_now


def test_a_preferred_closed_channel_comes_with_something_to_do_meanwhile(hol: dict) -> None:  # type: ignore[type-arg]
    result = plan(hol, "payment", "sat 10:00", complex=True, prefer="phone")
    assert result.best.channel.id == "phone" and not result.best.available_now
    assert result.best.next_open == datetime(2026, 11, 30, 9, 0, tzinfo=KST)
    assert result.meanwhile is not None and result.meanwhile.available_now
    assert result.meanwhile.channel.id == "email"


def test_lunch_break_is_named(hol: dict) -> None:  # type: ignore[type-arg]
    phone = next(r for r in plan(hol, "payment", "tue 12:30").recommendations if r.channel.id == "phone")
    assert any("lunch break" in r.en for r in phone.reasons)
    assert phone.next_open == datetime(2026, 11, 24, 13, 0, tzinfo=KST)


def test_faq_drops_once_checked(hol: dict) -> None:  # type: ignore[type-arg]
    checked = plan(hol, "technical", "tue 10:00", checked_faq=True)
    assert checked.best.channel.id != "faq"
    # an FAQ already read is never offered again: it is left out, and the best says why
    assert "faq" not in [r.channel.id for r in checked.recommendations]
    assert [c.id for c, _ in checked.excluded] == ["faq"]
    assert "FAQ" in checked.best.reasons[0].ko and "did not solve" in checked.best.reasons[0].en


def test_user_rules_change_the_ranking_without_code(tmp_path: Path, hol: dict) -> None:  # type: ignore[type-arg]
    text = (data.builtin_dir() / "channels.yaml").read_text(encoding="utf-8")
    text += """  - channel: email
    score: 500
    reason: {ko: "우리 회사 규칙", en: "Our house rule"}
    when: {type: technical, has_screenshots: true}
"""
    (tmp_path / "channels.yaml").write_text(text, encoding="utf-8")
    cfg = data.load_channels(tmp_path)
    result = plan(hol, "technical", "tue 10:00", cfg, has_screenshots=True)
    assert result.best.channel.id == "email" and result.best.reasons[-1].en == "Our house rule"
    assert plan(hol, "technical", "tue 10:00", cfg).best.channel.id != "email"


def test_missing_answers_are_named(tmp_path: Path) -> None:
    assert rules.missing_answers(CFG, "payment", {}) == []  # every shipped question has a default
    assert rules.complete_answers(CFG, "payment", {})["topic"] == "settlement"
    text = (
        (data.builtin_dir() / "channels.yaml")
        .read_text(encoding="utf-8")
        .replace(
            "questions:\n  - id: urgent",
            "questions:\n  - id: channel_count\n    kind: select\n"
            "    prompt: {ko: 몇 개?, en: How many?}\n    choices:\n      - {value: one, label: {ko: 하나, en: One}}\n"
            "  - id: urgent",
            1,
        )
    )
    (tmp_path / "channels.yaml").write_text(text, encoding="utf-8")
    assert rules.missing_answers(data.load_channels(tmp_path), "payment", {}) == ["channel_count"]


def test_checklist_ticks_what_the_seller_has() -> None:
    answers = rules.complete_answers(CFG, "payment", {"has_payment_history": True, "has_order_no": True})
    ticked = [item.text.ko for item, ready in draft.checklist(CFG, "payment", answers) if ready]
    assert ticked == ["정산 내역·결제 내역 화면 또는 영수증", "관련 주문번호"]


def test_draft_is_ready_to_paste() -> None:
    answers = rules.complete_answers(CFG, "return_exchange", {"urgent": True, "has_evidence": True})
    details = draft.Details(
        "구매자가 {order_no} 반품을 요청",
        "2026112412345678",
        datetime(2026, 11, 24, 14, 30, tzinfo=KST),
        "택배사 문의",
        "mystore",
    )
    text = draft.compose(CFG, "return_exchange", answers, details, "ko")
    assert text.splitlines() == [
        "[반품·교환 문의] [긴급]",
        "스토어 ID: mystore",
        "주문번호: 2026112412345678",
        "상황: 구매자가 {order_no} 반품을 요청",
        "요청·발생 시각: 2026-11-24 14:30 KST",
        "지금까지 처리한 것: 택배사 문의",
        "준비한 증빙: 주문번호, 상품 상태 사진·운송장 번호·구매자와 주고받은 메시지",  # a typed number is prepared
    ]
    english = draft.compose(
        CFG, "return_exchange", rules.complete_answers(CFG, "return_exchange", {}), draft.Details(), "en"
    )
    assert english.startswith("[Return / exchange]\nStore ID: (please fill in)\nOrder number: (none)")


# (answered "is there an order number?", number typed) -> has_order_no, the draft's line, ticked, missing
RECONCILED = [
    (False, "2026112412345678", True, "관련 주문번호: 2026112412345678", True, frozenset()),
    (True, "2026112412345678", True, "관련 주문번호: 2026112412345678", True, frozenset()),
    (None, "2026112412345678", True, "관련 주문번호: 2026112412345678", True, frozenset()),
    (True, "", True, "관련 주문번호: (직접 적어 주세요)", False, frozenset({"has_order_no"})),
    (False, "", False, "관련 주문번호: (없음)", False, frozenset()),
]


@pytest.mark.parametrize(("said", "typed", "has", "line", "ticked", "missing"), RECONCILED)
def test_the_answer_and_the_typed_number_never_disagree(
    said: bool | None, typed: str, has: bool, line: str, ticked: bool, missing: frozenset[str]
) -> None:
    given = {} if said is None else {"has_order_no": said}
    answers = rules.complete_answers(CFG, "payment", given)
    facts = draft.reconcile(answers, {"order_no": typed})
    assert facts.answers["has_order_no"] is has and facts.missing == missing
    checklist = dict(
        (item.text.ko, ready) for item, ready in draft.checklist(CFG, "payment", facts.answers, facts.missing)
    )
    assert checklist["관련 주문번호"] is ticked
    text = draft.compose(CFG, "payment", answers, draft.Details(order_no=typed), "ko")
    assert line in text.splitlines()
    prepared = next(x for x in text.splitlines() if x.startswith("준비한 자료"))
    assert ("관련 주문번호" in prepared) is ticked


@pytest.mark.parametrize(
    ("raw", "clean"),
    [("2026112412345678", "2026112412345678"), ("2026-1124 1234-5678", "2026112412345678"), ("", ""), ("  ", "")],
)
def test_order_numbers(raw: str, clean: str) -> None:
    assert draft.clean_order_no(raw) == clean


@pytest.mark.parametrize("raw", ["1234567", "1" * 21, "12345678a", "주문번호"])
def test_bad_order_numbers(raw: str) -> None:
    with pytest.raises(draft.BadOrderNumber):
        draft.clean_order_no(raw)
