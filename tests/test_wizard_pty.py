"""The real `ss-help contact` wizard in a pseudo-terminal of 80×24: keys in, screens out."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect

DOWN, UP, ESC, ENTER = "\x1b[B", "\x1b[A", "\x1b", "\r"


def ss_help() -> list[str]:
    exe = Path(sys.executable).with_name("ss-help")
    return [str(exe)] if exe.exists() else [shutil.which("ss-help") or "ss-help"]


def spawn(*args: str, tmp: Path) -> pexpect.spawn:
    command = ss_help()
    env = {
        **os.environ,
        "SS_HELP_HOME": str(tmp / "home"),
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "TERM": "xterm",
        "NO_COLOR": "1",
        "PATH": "/usr/bin:/bin",
    }
    child = pexpect.spawn(
        command[0], [*command[1:], "contact", *args], env=env, encoding="utf-8", timeout=15, dimensions=(24, 80)
    )
    # pexpect waits 50 ms before each send for programs that read before their terminal is set;
    # every key here follows the question it answers on the screen, so the wait only adds up
    child.delaybeforesend = None
    return child


def pointed(title: str) -> str:
    """The highlighted choice: the pointer, then (after any styling) the title."""
    return "» (\x1b\\[[0-9;]*m)*" + title


def answer(child: pexpect.spawn, prompt: str, *keys: str) -> None:
    child.expect(prompt)
    for key in keys:
        child.send(key)


def test_the_whole_wizard_with_keys(tmp_path: Path) -> None:
    child = spawn("--at", "2026-11-24T10:00", tmp=tmp_path)
    answer(child, "한 줄로 적어 주세요", ENTER)  # Enter alone: choose from the list
    answer(child, "어떤 종류의 문제인가요", "결제")  # typing filters the list
    child.expect("결제·정산")
    child.send(ENTER)
    answer(child, "급한 문제인가요", UP, ENTER)  # 예
    answer(child, "복잡한 문제인가요", ENTER)  # 아니요 (default)
    answer(child, "주문번호가 있나요", UP, ENTER)
    answer(child, "FAQ는 이미", ENTER)
    answer(child, "선호하는 상담 방법", ENTER)
    answer(child, "어떤 내용인가요", ENTER)  # 정산 금액·일정·보류
    answer(child, "영수증\\)을 준비하셨나요", ESC)  # back to the previous question…
    answer(child, "어떤 내용인가요", ENTER)  # …answered again
    answer(child, "영수증\\)을 준비하셨나요", UP, ENTER)
    answer(child, "한 줄로 적어 주세요", "정산 보류 안내를 받았어요", ENTER)
    child.expect("먼저 FAQ를 확인해 보세요")
    answer(child, "이 중에 답이 있나요", ENTER)  # 아니요, 상담이 필요해요 (default)
    child.expect("추천: ")
    child.expect(r"\[x\] 정산 내역")
    answer(child, "주문번호 \\(숫자", "12ab", ENTER)
    child.expect("주문번호는 숫자 8~20자리")
    child.send("\b" * 4 + "2026112412345678" + ENTER)
    answer(child, "언제 일어났나요", ENTER)  # default: now
    answer(child, "이미 해 본 것", "새로고침", ENTER)
    answer(child, "스토어 ID", "mystore", ENTER)
    child.expect(r"\[결제·정산 문의\] \[긴급\]")
    child.expect("스토어 ID: mystore")
    child.expect("관련 주문번호: 2026112412345678")
    child.expect("확인한 시각: 2026-11-24 10:00 KST")
    child.expect("준비한 자료: 정산 내역·결제 내역 화면 또는 영수증, 관련 주문번호")
    answer(child, "이 상담을 기록해 둘까요", ENTER)  # 예 (default)
    answer(child, "어느 창구로 문의하시겠어요", DOWN, ENTER)  # the second-ranked channel
    child.expect("상담 기록 #1을 저장했습니다")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    listed = subprocess.run(
        [*ss_help(), "case", "list", "--json"],
        capture_output=True,
        text=True,
        timeout=20,
        env={**os.environ, "SS_HELP_HOME": str(tmp_path / "home")},
    )
    (case,) = json.loads(listed.stdout)["cases"]
    assert case["type"] == "payment" and case["chosen"] != case["recommended"]


def _cli(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*ss_help(), *args],
        capture_output=True,
        text=True,
        timeout=20,
        env={**os.environ, "SS_HELP_HOME": str(tmp / "home")},
    )


def test_back_and_forth_over_every_kind_of_question_keeps_the_answers(tmp_path: Path) -> None:
    child = spawn("--at", "2026-11-24T10:00", "--no-copy", "--no-save", tmp=tmp_path)
    child.expect("어떤 문제인가요\\? 한 줄로 적어 주세요")
    assert "Esc" not in child.before + child.after  # the first question has nothing to go back to
    child.send(ENTER)  # nothing typed: choose from the list
    answer(child, "어떤 종류의 문제인가요", "반품", ENTER)  # a choice found by typing
    answer(child, "급한 문제인가요", UP, ENTER)  # 예
    answer(child, "복잡한 문제인가요", ESC)
    answer(child, "급한 문제인가요", "")
    child.expect(pointed("예"))  # the answer given before, not the question's default (아니요)
    child.send(ENTER)
    answer(child, "복잡한 문제인가요", ENTER)
    answer(child, "주문번호가 있나요", ENTER)  # 아니요
    answer(child, "FAQ는 이미", ENTER)
    answer(child, "선호하는 상담 방법", DOWN, ENTER)  # 채팅
    answer(child, "교환/반품 정보\\)를 확인하셨나요", ESC)
    answer(child, "선호하는 상담 방법", "")
    child.expect(pointed("채팅"))
    child.send(ENTER)
    answer(child, "교환/반품 정보\\)를 확인하셨나요", ENTER)
    answer(child, "증빙이 있나요", ENTER)
    answer(child, "한 줄로 적어 주세요", "수거가 늦어요", ENTER)
    answer(child, "이 중에 답이 있나요", ESC)
    answer(child, "한 줄로 적어 주세요", "")
    child.expect("수거가 늦어요")  # the text typed before, ready to edit
    child.send(ENTER)
    answer(child, "이 중에 답이 있나요", ENTER)
    answer(child, "주문번호 \\(숫자", "2026112412345678", ENTER)
    answer(child, "언제 일어났나요", "어제 오후 3시", ENTER)
    child.expect("2026-11-23 \\(월\\) 15:00 KST")  # shown back in absolute form
    answer(child, "이미 해 본 것", ESC)
    answer(child, "언제 일어났나요", "")
    child.expect("2026-11-23 15:00")
    child.send(ESC)
    answer(child, "주문번호 \\(숫자", "")
    child.expect("2026112412345678")
    child.send(ENTER)
    answer(child, "언제 일어났나요", ENTER)
    answer(child, "이미 해 본 것", "택배사 문의", ENTER)
    answer(child, "스토어 ID", "mystore", ENTER)
    child.expect("주문번호: 2026112412345678")
    child.expect("상황: 수거가 늦어요")
    child.expect("요청·발생 시각: 2026-11-23 15:00 KST")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_a_number_typed_after_no_is_the_same_in_the_draft_the_case_and_the_json(tmp_path: Path) -> None:
    flags = [
        "--type",
        "payment",
        "--not-urgent",
        "--simple",
        "-a",
        "checked_faq=no",
        "--prefer",
        "any",
        "-a",
        "topic=settlement",
        "-a",
        "has_payment_history=no",
        "-d",
        "정산 보류",
    ]
    child = spawn(*flags, "--at", "2026-11-24T10:00", "--no-copy", tmp=tmp_path)
    answer(child, "관련 주문번호가 있나요", ENTER)  # 아니요
    answer(child, "이 중에 답이 있나요", ENTER)
    child.expect(r"\[ \] 관련 주문번호")  # as answered so far
    answer(child, "주문번호 \\(숫자", "2026-1124-1234-5678", ENTER)  # …but then a number is typed
    answer(child, "언제 일어났나요", "3시간 전", ENTER)
    answer(child, "이미 해 본 것", ENTER)
    answer(child, "스토어 ID", ENTER)
    child.expect(r"\[x\] 관련 주문번호")  # the checklist, shown again now that the number is there
    child.expect("관련 주문번호: 2026112412345678")
    child.expect("준비한 자료: 관련 주문번호")
    answer(child, "이 상담을 기록해 둘까요", ENTER)
    answer(child, "어느 창구로", ENTER)
    child.expect("#1")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    case = json.loads(_cli(tmp_path, "case", "show", "1", "--json").stdout)
    assert case["answers"]["has_order_no"] is True
    assert case["details"]["order_no"] == "2026112412345678"
    assert case["details"]["occurred_at"] == "2026-11-24 07:00"
    assert "관련 주문번호: 2026112412345678" in case["draft"] and "준비한 자료: 관련 주문번호" in case["draft"]
    scripted = json.loads(
        _cli(
            tmp_path,
            "contact",
            *flags,
            "-a",
            "has_order_no=no",
            "--order-no",
            "2026112412345678",
            "--occurred-at",
            "3시간 전",
            "--at",
            "2026-11-24T10:00",
            "--json",
        ).stdout
    )
    # the FAQ offered in the wizard was read and did not help: the case records it as checked
    assert case["answers"]["checked_faq"] is True
    assert scripted["answers"] == {**case["answers"], "checked_faq": False}
    assert scripted["draft"] == case["draft"]
    assert {"item": "관련 주문번호", "ready": True} in scripted["checklist"]


def test_declining_to_overwrite_asks_for_another_name_then_offers_to_save(tmp_path: Path) -> None:
    taken, other = tmp_path / "draft.txt", tmp_path / "draft2.txt"
    taken.write_text("my own notes", encoding="utf-8")
    child = spawn(
        "--type",
        "other",
        "--not-urgent",
        "--simple",
        "-a",
        "has_order_no=no",
        "-a",
        "checked_faq=no",
        "--prefer",
        "any",
        "-d",
        "리뷰",
        "--order-no",
        "",
        "--occurred-at",
        "지금",
        "--tried",
        "",
        "--store-id",
        "",
        "--no-copy",
        "-o",
        str(taken),
        tmp=tmp_path,
    )
    answer(child, "이 중에 답이 있나요", ENTER)
    answer(child, "덮어쓸까요", ENTER)  # 아니요 (the default)
    answer(child, "다른 파일 이름", str(other), ENTER)
    child.expect("문의 글을 저장했습니다")
    answer(child, "이 상담을 기록해 둘까요", DOWN, ENTER)  # 아니요
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert taken.read_text(encoding="utf-8") == "my own notes"
    assert other.read_text(encoding="utf-8").startswith("[문의]")


def test_ctrl_c_midway_exits_130_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "draft.txt"
    child = spawn("--output", str(out), tmp=tmp_path)
    answer(child, "한 줄로 적어 주세요", ENTER)
    answer(child, "어떤 종류의 문제인가요", DOWN, ENTER)
    answer(child, "급한 문제인가요")
    child.sendcontrol("c")
    child.expect("중단했습니다")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert not out.exists()


def test_a_word_at_the_first_question_preselects_its_type(tmp_path: Path) -> None:
    child = spawn("--at", "2026-11-24T10:00", tmp=tmp_path)
    answer(child, "어떤 문제인가요\\? 한 줄로 적어 주세요", "환불", ENTER)
    child.expect("'반품·교환' 유형으로 보여 미리 골라 두었습니다 \\(근거: '환불'")
    child.expect(pointed("반품·교환"))  # the pointer rests on the inferred type
    child.send(ENTER)
    for _ in range(5):  # the questions every type asks
        answer(child, "Esc 이전 질문\\)", ENTER)
    child.expect("반품·교환 안내")  # a question only returns and exchanges ask
    child.sendcontrol("c")
    child.expect(pexpect.EOF)


def test_a_sentence_at_the_first_question_preselects_its_type(tmp_path: Path) -> None:
    child = spawn("--at", "2026-11-24T10:00", tmp=tmp_path)
    answer(child, "한 줄로 적어 주세요", "정산이 3일째 보류 상태예요", ENTER)
    child.expect("'결제·정산' 유형으로 보여 미리 골라 두었습니다")
    child.expect(pointed("결제·정산"))
    child.sendcontrol("c")
    child.expect(pexpect.EOF)


def test_a_filter_that_matches_nothing_selects_nothing(tmp_path: Path) -> None:
    child = spawn("--at", "2026-11-24T10:00", tmp=tmp_path)
    answer(child, "한 줄로 적어 주세요", ENTER)
    answer(child, "어떤 종류의 문제인가요", "뷁뷁")
    child.expect("맞는 유형이 없습니다")
    child.send(ENTER)  # nothing to choose: Enter does nothing
    assert child.expect(["급한 문제인가요", pexpect.TIMEOUT], timeout=1.5) == 1
    child.send("\x7f\x7f" + "zzqx")  # ASCII nonsense too (the screen keeps its "no match" line)
    child.expect("zzqx")
    child.send(ENTER)
    assert child.expect(["급한 문제인가요", pexpect.TIMEOUT], timeout=1.5) == 1
    child.send("\x7f" * 4 + "송장")  # a word of the type's own vocabulary: only that type is left
    child.expect("송장")
    child.send(ENTER)
    for _ in range(5):  # the questions every type asks
        answer(child, "Esc 이전 질문\\)", ENTER)
    child.expect("공지사항에서 시스템 점검")  # a question only technical problems ask
    child.sendcontrol("c")
    child.expect(pexpect.EOF)


def test_the_faq_can_solve_it(tmp_path: Path) -> None:
    child = spawn(
        "--type",
        "technical",
        "--not-urgent",
        "--simple",
        "-a",
        "has_order_no=no",
        "-a",
        "checked_faq=no",
        "--prefer",
        "any",
        "-a",
        "checked_notices=no",
        "-a",
        "has_screenshots=no",
        "-a",
        "reproducible=no",
        "--lang",
        "en",
        tmp=tmp_path,
    )
    answer(child, "Describe the problem", "image upload", ENTER)
    child.expect("Check the FAQ first")
    answer(child, "Does one of these answer it", UP, ENTER)  # the entry just above "No, I need…"
    child.expect("image")
    answer(child, "Did this answer solve it", UP, ENTER)  # Yes
    child.expect("Glad it is solved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_without_a_terminal_it_never_waits(tmp_path: Path) -> None:
    env = {**os.environ}
    done = subprocess.run(
        [*ss_help(), "contact"], stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=20, env=env
    )
    assert done.returncode == 2
    assert "--type" in done.stderr and "Traceback" not in done.stderr


def _case_cli(tmp: Path, *args: str) -> pexpect.spawn:
    command = ss_help()
    env = {
        **os.environ,
        "SS_HELP_HOME": str(tmp / "home"),
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "TERM": "xterm",
        "NO_COLOR": "1",
    }
    child = pexpect.spawn(command[0], [*command[1:], *args], env=env, encoding="utf-8", timeout=15, dimensions=(24, 80))
    child.delaybeforesend = None  # see `spawn`
    return child


def test_case_note_prompt_and_delete_confirmation(tmp_path: Path) -> None:
    saved = _case_cli(tmp_path, "contact", "--type", "other", "--no-input", "--save")
    saved.expect("상담 기록 #1")
    saved.expect(pexpect.EOF)
    note = _case_cli(tmp_path, "case", "note", "1")
    answer(note, "메모", "첫 줄", ENTER, "둘째 줄", ESC, ENTER)  # multi-line: Esc then Enter finishes
    note.expect("#1에 메모를 남겼습니다")
    note.expect(pexpect.EOF)
    shown = subprocess.run(
        [*ss_help(), "case", "show", "1", "--json"],
        capture_output=True,
        text=True,
        timeout=20,
        env={**os.environ, "SS_HELP_HOME": str(tmp_path / "home")},
    )
    assert [n["text"] for n in json.loads(shown.stdout)["notes"]] == ["첫 줄\n둘째 줄"]
    keep = _case_cli(tmp_path, "case", "delete", "1")
    answer(keep, "삭제할까요", ENTER)  # 아니요 is the default
    keep.expect("삭제하지 않았습니다")
    keep.expect(pexpect.EOF)
    delete = _case_cli(tmp_path, "case", "delete", "1")
    answer(delete, "삭제할까요", UP, ENTER)
    delete.expect("#1을 삭제했습니다")
    delete.expect(pexpect.EOF)
    delete.close()
    assert delete.exitstatus == 0


def test_going_back_leaves_each_question_once_on_the_screen(tmp_path: Path) -> None:
    """What the seller sees (an 80×24 screen emulated by pyte), not the bytes: after going back,
    the question being revisited is on screen once, not once answered and once again asked."""
    import pyte

    screen = pyte.Screen(80, 24)
    stream = pyte.Stream(screen)
    child = spawn("--at", "2026-11-24T10:00", "--no-copy", "--no-save", tmp=tmp_path)

    def shown(after: str) -> list[str]:
        child.expect(after)
        stream.feed(child.before + child.after)
        return [line.rstrip() for line in screen.display]

    shown("한 줄로 적어 주세요")
    child.send(ENTER)
    shown("어떤 종류의 문제인가요")
    child.send("결제")
    child.send(ENTER)
    shown("급한 문제인가요")
    child.send(UP + ENTER)
    shown("복잡한 문제인가요")
    child.send(ESC)  # back to "urgent?"
    lines = shown(pointed("예"))
    assert sum("급한 문제인가요" in line for line in lines) == 1, "\n".join(lines)
    assert not any("복잡한 문제인가요" in line for line in lines)
    child.send(ESC)  # and back once more, to the type
    lines = shown("기타 / 잘 모르겠어요")
    assert sum("어떤 종류의 문제인가요" in line for line in lines) == 1, "\n".join(lines)
    assert not any("급한 문제인가요" in line for line in lines)
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
