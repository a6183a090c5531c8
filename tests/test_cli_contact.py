"""`ss-help contact` without a terminal: flags in, JSON or text out."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run, run_json


def test_json_contract() -> None:
    doc = run_json("contact", "--type", "payment", "--no-input", "--at", "2026-11-28T10:00", "--urgent")
    assert set(doc) >= {
        "type",
        "type_source",
        "answers",
        "now",
        "recommendations",
        "checklist",
        "faq",
        "faq_confident",
        "draft",
    }
    assert doc["type"] == "payment" and doc["type_source"] == "given" and doc["now"] == "2026-11-28T10:00:00+09:00"
    assert doc["answers"]["urgent"] is True and doc["answers"]["topic"] == "settlement"
    best = doc["recommendations"][0]
    assert set(best) == {"channel", "score", "available_now", "next_open", "reasons", "history", "name", "reach"}
    assert best["history"] is None  # no journal yet
    assert best["channel"] == "email" and best["available_now"] is True
    phone = next(r for r in doc["recommendations"] if r["channel"] == "phone")
    assert phone["available_now"] is False and phone["next_open"] == "2026-11-30T09:00:00+09:00"
    scores = [r["score"] for r in doc["recommendations"]]
    assert scores == sorted(scores, reverse=True)
    assert doc["checklist"][0] == {"item": "스토어 ID(판매자 아이디)", "ready": False}
    assert doc["draft"].startswith("[결제·정산 문의] [긴급]")
    # no description: nothing to match, and entries found only through the type's name are no answer
    assert doc["faq"] == [] and doc["faq_confident"] is False


def test_every_question_has_a_flag() -> None:
    doc = run_json(
        "contact",
        "--no-input",
        "--type",
        "return_exchange",
        "--not-urgent",
        "--complex",
        "--prefer",
        "email",
        "-a",
        "knows_policy=yes",
        "-a",
        "has_evidence=true",
        "-a",
        "checked_faq=no",
        "--order-no",
        "2026 1124 1234 5678",
        "-d",
        "수거 지연",
        "--occurred-at",
        "2026-11-20 15:00",
        "--tried",
        "택배사 문의",
        "--store-id",
        "mystore",
        "--at",
        "2026-11-24T10:00",
        "--lang",
        "en",
    )
    assert doc["answers"] == {
        "type": "return_exchange",
        "urgent": False,
        "complex": True,
        "has_order_no": True,
        "checked_faq": False,
        "prefer": "email",
        "knows_policy": True,
        "has_evidence": True,
    }
    first, second = doc["recommendations"][:2]
    assert first["channel"] == "phone"  # a preference nudges; a complex problem still goes to the phone
    assert second["channel"] == "email" and "You prefer a 1:1 inquiry" in second["reasons"]
    assert "주문번호: 2026112412345678" in doc["draft"]  # the draft to send is Korean
    assert "Order number: 2026112412345678" in doc["draft_en"] and doc["draft_lang"] == "ko"
    assert "Requested / happened at: 2026-11-20 15:00 KST" in doc["draft_en"]
    assert "스토어 ID: mystore" in doc["draft"] and doc["draft_ko"] == doc["draft"]
    assert [c["ready"] for c in doc["checklist"]] == [False, True, False, True, True]


def test_missing_type_names_the_flag() -> None:
    result = run("contact", "--no-input")
    assert result.exit_code == 2
    assert "--type" in result.stderr and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--type", "refunds"], "알 수 없는 문제 유형입니다: 'refunds'"),
        (
            ["--type", "payment", "-a", "topic=refunds"],
            "맞지 않는 값입니다 (가능: settlement, tax_invoice, account, other)",
        ),
        (["--type", "payment", "-a", "colour=red"], "이 유형에 없는 질문입니다"),
        (["--type", "payment", "-a", "urgent"], "ID=값 형태여야 합니다"),
        (["--type", "payment", "--order-no", "12-ab"], "주문번호는 숫자 8~20자리여야 합니다"),
        (["--type", "payment", "--occurred-at", "yesterday"], "--occurred-at: 날짜만 있고 시각이 없습니다"),
        (["--type", "payment", "--occurred-at", "언젠가"], "--occurred-at: 시각을 읽을 수 없습니다: '언젠가'"),
        (["--type", "payment", "--occurred-at", "17:00", "--at", "2026-11-24 10:00"], "아직 오지 않은 시각입니다"),
        (["--type", "payment", "--prefer", "fax"], "맞지 않는 값입니다"),
    ],
)
def test_bad_flags_are_one_clear_line(args: list[str], words: str) -> None:
    result = run("contact", "--no-input", *args)
    assert result.exit_code == 2
    assert words in result.stderr and len(result.stderr.splitlines()) == 1


def test_spoken_occurred_at_is_resolved_against_at_in_kst() -> None:
    doc = run_json(
        "contact", "--type", "payment", "--no-input", "--at", "2026-11-25T00:20", "--occurred-at", "1시간 전"
    )
    assert "확인한 시각: 2026-11-24 23:20 KST" in doc["draft"]


def test_a_typed_order_number_answers_the_question_everywhere() -> None:
    doc = run_json(
        "contact", "--type", "payment", "--no-input", "-a", "has_order_no=no", "--order-no", "2026112412345678"
    )
    assert doc["answers"]["has_order_no"] is True and doc["missing"] == []
    assert {"item": "관련 주문번호", "ready": True} in doc["checklist"]
    assert "준비한 자료: 관련 주문번호" in doc["draft"]


def test_yes_without_a_number_is_recorded_as_missing() -> None:
    doc = run_json("contact", "--type", "payment", "--no-input", "-a", "has_order_no=yes")
    assert doc["answers"]["has_order_no"] is True and doc["missing"] == ["order_no"]
    assert {"item": "관련 주문번호", "ready": False} in doc["checklist"]
    assert "관련 주문번호: (직접 적어 주세요)" in doc["draft"] and "준비한 자료: (없음)" in doc["draft"]


def test_text_output_without_a_terminal() -> None:
    result = run("contact", "--type", "technical", "--no-input", "--at", "2026-11-24T17:55", "--complex", "--urgent")
    assert result.exit_code == 0
    out = result.stdout
    assert "추천: 1:1 문의 (이메일 답변)" in out
    assert "곧 상담이 끝나므로 복잡한 문제의 통화는 시작하지 마세요" in out
    assert "준비할 것" in out and "[ ] 스토어 ID(판매자 아이디)" in out
    assert "[기술 문제 문의] [긴급]" in out
    assert "\x1b" not in out


def test_a_closed_best_channel_says_when_and_what_meanwhile() -> None:
    result = run(
        "contact",
        "--type",
        "payment",
        "--no-input",
        "--complex",
        "--prefer",
        "phone",
        "--at",
        "2026-09-25T11:00",
        "--lang",
        "en",
    )
    assert "Recommended: Phone" in result.stdout
    flat = " ".join(result.stdout.replace("│", " ").split())
    assert "closed · Chuseok · opens Mon 28 Sep 09:00 (closed 26 Sep" in flat
    assert "Meanwhile, right now: 1:1 inquiry" in result.stdout


def test_output_file_is_written_whole_and_never_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "inquiry.txt"
    args = ["contact", "--type", "payment", "--no-input", "--at", "2026-11-24T10:00", "-o", str(out)]
    first = run(*args)
    assert first.exit_code == 0 and out.read_text(encoding="utf-8").startswith("[결제·정산 문의]")
    out.write_text("my own notes", encoding="utf-8")
    second = run(*args)
    assert second.exit_code == 2 and "덮어쓰지 않았습니다" in second.stderr
    assert out.read_text(encoding="utf-8") == "my own notes"
    assert run(*args, "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("[결제·정산 문의]")
    assert [p.name for p in tmp_path.iterdir()] == ["inquiry.txt"]


def test_output_into_a_missing_folder(tmp_path: Path) -> None:
    result = run("contact", "--type", "payment", "--no-input", "-o", str(tmp_path / "nope" / "x.txt"))
    assert result.exit_code == 2 and "x.txt" in result.stderr and len(result.stderr.splitlines()) == 1


def test_the_json_stays_parseable_when_copying(monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    monkeypatch.setattr("smartstore_help.ui.clipboard.copy", lambda text: None)
    result = run("contact", "--type", "payment", "--no-input", "--json", "--copy")
    assert result.exit_code == 0
    json.loads(result.stdout)
    assert "클립보드에 복사했습니다" in result.stderr


def test_hostile_description_is_plain_text() -> None:
    result = run("contact", "--type", "other", "--no-input", "-d", "[bold]급해요[/bold]\x1b[31m{order_no}\x07")
    assert result.exit_code == 0
    assert "[bold]급해요[/bold][31m{order_no}" in result.stdout and "\x1b" not in result.stdout


def test_unknown_chosen_channel_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    out = tmp_path / "inquiry.txt"
    result = run("contact", "--type", "payment", "--no-input", "--save", "--chosen", "fax", "-o", str(out))
    assert result.exit_code == 2 and "알 수 없는 창구입니다: 'fax'" in result.stderr
    assert not out.exists() and result.stdout == ""


@pytest.mark.parametrize(
    ("args", "kind"),
    [
        (["판매한 돈이 아직 통장에 안들어왔어요"], "payment"),
        (["-d", "구매자가 사이즈가 안맞는다고 다른걸로 바꿔달래요"], "return_exchange"),
        (["아까부터 스토어센터 전체가 먹통이에요 점검중인가요"], "technical"),
        (["--lang", "en", "my settlement is on hold"], "payment"),
    ],
)
def test_the_type_is_inferred_from_the_description(args: list[str], kind: str) -> None:
    doc = run_json("contact", "--no-input", "--at", "2026-11-24T10:00", *args)
    assert doc["type"] == kind and doc["type_source"] == "inferred"
    assert doc["faq_confident"] is True and doc["faq"]


def test_a_given_type_wins_and_only_favours_the_faq() -> None:
    # a cancellation asked under returns still finds the entry typed payment: the type is a boost, not a filter
    doc = run_json("contact", "--no-input", "--type", "return_exchange", "구매자가 주문 취소를 요청했어요")
    assert doc["type"] == "return_exchange" and doc["type_source"] == "given"
    assert doc["faq"][0] == "buyer-cancel-request" and doc["faq_confident"] is True


def test_an_unclear_description_names_type_and_the_likeliest() -> None:
    result = run("contact", "--no-input", "점심 먹고 왔더니 이상해요")
    assert result.exit_code == 2
    assert "--type" in result.stderr and "가장 가까운 유형" in result.stderr
    english = run("contact", "--no-input", "--lang", "en", "something odd happened")
    assert english.exit_code == 2 and "--type" in english.stderr and "likeliest" in english.stderr


def test_off_domain_description_is_not_a_confident_faq_match() -> None:
    doc = run_json("contact", "--no-input", "--type", "payment", "쿠팡 윙 정산 보류 해제")
    assert doc["faq_confident"] is False
    text = run("contact", "--no-input", "--type", "payment", "쿠팡 윙 정산 보류 해제").stdout
    assert "먼저 FAQ를 확인해 보세요" not in text  # the closest entries are not offered as answers


def test_the_description_is_given_once() -> None:
    result = run("contact", "--no-input", "--type", "payment", "정산 보류", "-d", "다른 말")
    assert result.exit_code == 2 and "설명은 한 번만" in result.stderr
    assert run("contact", "--no-input", "--type", "payment", "정산 보류", "-d", "정산 보류").exit_code == 0


@pytest.mark.parametrize("make", ["existing file", "fifo", "missing folder"])
def test_an_output_that_cannot_be_written_is_refused_before_anything_is_printed(tmp_path: Path, make: str) -> None:
    import os

    out = tmp_path / "draft.txt"
    if make == "existing file":
        out.write_text("keep me", encoding="utf-8")
    elif make == "fifo":
        os.mkfifo(out)
    else:
        out = tmp_path / "nope" / "draft.txt"
    result = run(
        "contact", "--type", "payment", "--no-input", "--output", str(out), *(["--force"] if make == "fifo" else [])
    )
    assert result.exit_code == 2 and result.stdout == "" and len(result.stderr.splitlines()) == 1
    if make == "existing file":
        assert out.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize(("kind", "first"), [("other", "inquiry-answer-where"), ("technical", "product-qna-answer")])
def test_the_faq_favours_the_types_own_faq_type_without_questions_too(kind: str, first: str) -> None:
    doc = run_json("contact", "--type", kind, "--no-input", "-d", "고객 문의 답변", "--at", "2026-11-24T10:00")
    assert doc["faq_confident"] and doc["faq"][0] == first
