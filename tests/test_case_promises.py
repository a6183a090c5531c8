"""Promised replies: recorded in business days or by a date, listed by `case due`, cited by
`case follow-up`, and mentioned once after other commands when overdue."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pexpect
import pytest
from helpers import run, run_json

from smartstore_help.cli import reminder
from smartstore_help.core import promises, records
from smartstore_help.store import journal

KST = ZoneInfo("Asia/Seoul")


def new_case(at: str = "2026-10-02T10:00", kind: str = "payment", *extra: str) -> int:
    result = run("contact", "--type", kind, "--no-input", "--save", "--at", at, "--chosen", "phone", *extra)
    assert result.exit_code == 0, result.output
    return int(re.findall(r"#(\d+)", result.stdout)[-1])


def note(case_id: int, *args: str) -> object:
    result = run("case", "note", str(case_id), *args)
    assert result.exit_code == 0, result.output
    return result


def test_a_promise_in_business_days_across_the_gaecheonjeol_substitute_day() -> None:
    case_id = new_case()
    said = note(case_id, "상담사: 2영업일 내 회신 드리겠습니다", "--reply-within", "2", "--at", "2026-10-02T10:30")
    assert "회신 기한: 2026-10-07 (수) 18:00 KST" in said.stdout  # type: ignore[attr-defined]
    shown = run_json("case", "show", str(case_id))["notes"][-1]
    assert shown["created_at"] == "2026-10-02T10:30:00+09:00"
    assert shown["reply_due"] == "2026-10-07T18:00:00+09:00" and shown["reply_days"] == 2
    english = run("case", "note", str(case_id), "--reply-within", "1", "--at", "2026-10-02T19:00", "--lang", "en")
    assert "Reply due: 2026-10-06 (Tue) 18:00 KST" in english.stdout


@pytest.mark.parametrize(
    ("at", "overdue"),
    [
        ("2026-10-07T17:59:59", False),
        ("2026-10-07T18:00", False),
        ("2026-10-07T18:00:01", True),
        ("2026-10-08T09:00", True),
    ],
)
def test_case_due_flips_overdue_at_the_due_moment(at: str, overdue: bool) -> None:
    case_id = new_case()
    note(case_id, "2영업일 내 회신", "--reply-within", "2", "--at", "2026-10-02T10:30")
    doc = run_json("case", "due", "--at", at)
    assert doc["now"].startswith(at[:16]) and doc["now"].endswith("+09:00")
    assert doc["cases"] == [
        {
            "id": case_id,
            "due": "2026-10-07T18:00:00+09:00",
            "overdue": overdue,
            "promise": "2영업일 내 회신",
            "follow_up": f"ss-help case follow-up {case_id}",
        }
    ]


def test_due_soonest_first_closed_cases_left_out_later_promises_replace_earlier() -> None:
    a, b, c = new_case(), new_case(), new_case()
    note(a, "일주일 안에", "--reply-by", "2026-10-16", "--at", "2026-10-02T11:00")
    note(b, "내일까지", "--reply-within", "1", "--at", "2026-10-02T11:00")
    note(c, "다음 주 월요일 오전", "--reply-by", "2026-10-12 11:00", "--at", "2026-10-02T11:00")
    note(b, "다시 연락: 1영업일", "--reply-within", "1", "--at", "2026-10-06T09:00")  # replaces b's first promise
    note(a, "메모만")  # a note without a promise keeps the promise in force
    doc = run_json("case", "due", "--at", "2026-10-09T12:00")
    assert [(d["id"], d["due"], d["overdue"]) for d in doc["cases"]] == [
        (b, "2026-10-07T18:00:00+09:00", True),
        (c, "2026-10-12T11:00:00+09:00", False),
        (a, "2026-10-16T18:00:00+09:00", False),
    ]
    assert run("case", "close", str(b), "--resolved").exit_code == 0
    assert [d["id"] for d in run_json("case", "due", "--at", "2026-10-09T12:00")["cases"]] == [c, a]


def test_case_due_on_screen_says_how_late_and_what_to_run() -> None:
    case_id = new_case()
    note(case_id, "2영업일 내 회신", "--reply-within", "2", "--at", "2026-10-02T10:30")
    result = run("case", "due", "--at", "2026-10-08T10:00")
    assert result.exit_code == 0
    assert f"#{case_id}  2026-10-07 (수) 18:00 KST  ● 16시간 지남" in result.stdout
    assert f"ss-help case follow-up {case_id}" in result.stdout and "2영업일 내 회신" in result.stdout
    english = run("case", "due", "--at", "2026-10-07T10:00", "--lang", "en").stdout
    assert "2026-10-07 (Wed) 18:00 KST  ● 8 h left" in english


def test_no_journal_no_promises() -> None:
    result = run("case", "due", "--json")
    assert result.exit_code == 0
    assert run_json("case", "due")["cases"] == []
    assert not (Path(os.environ["SS_HELP_HOME"]) / journal.DB_NAME).exists()


def test_a_promise_without_words_is_described_by_its_terms() -> None:
    case_id = new_case()
    note(case_id, "--reply-within", "3", "--at", "2026-11-24T10:00")
    note(new_case(), "--reply-by", "2026-12-01", "--at", "2026-11-24T10:00")
    doc = run_json("case", "due", "--at", "2026-11-25T10:00")
    assert [d["promise"] for d in doc["cases"]] == ["3영업일 내 회신 약속", "2026-12-01 (화) 18:00 KST까지 회신 약속"]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--reply-within", "2", "--reply-by", "2026-10-09"], "함께 쓸 수 없는 옵션입니다: --reply-within, --reply-by"),
        (["--reply-within", "0"], "--reply-within은 1~60 영업일이어야 합니다"),
        (["--reply-within", "61"], "--reply-within은 1~60 영업일이어야 합니다"),
        (["--reply-by", "다음 주"], "--reply-by 날짜를 읽을 수 없습니다"),
        (["--reply-by", "2026-02-30"], "--reply-by 날짜를 읽을 수 없습니다"),
        (["--reply-by", "2026-09-01"], "--reply-by 기한이 메모 시각(2026-10-02 (금) 10:30 KST)보다 앞섭니다"),
        (["--at", "어제"], "--at 시각을 읽을 수 없습니다"),
        (["--reply-within", "60", "--at", "9999-12-30T10:00"], "1970년부터 2099년까지(KST)의 시각만 쓸 수 있습니다"),
    ],
)
def test_bad_promises(args: list[str], words: str) -> None:
    case_id = new_case()
    before = run_json("case", "show", str(case_id))["notes"]
    result = run(
        "case", "note", str(case_id), "x", *(["--at", "2026-10-02T10:30"] if "--at" not in args else []), *args
    )
    assert result.exit_code == 2  # the boundary said it; a bug would have raised into the test
    assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert run_json("case", "show", str(case_id))["notes"] == before


def test_follow_up_cites_the_promise_and_its_date() -> None:
    case_id = new_case()
    note(case_id, "보류 사유 확인 후 연락", "--ref", "T-1")
    note(case_id, "상담사: 2영업일 내 회신 드리겠습니다", "--reply-within", "2", "--at", "2026-10-02T10:30")
    late = run_json("case", "follow-up", str(case_id), "--at", "2026-10-08T10:00")["draft"]
    assert (
        '약속받은 회신: 2026-10-07 (수) 18:00 KST까지 ("상담사: 2영업일 내 회신 드리겠습니다")'
        " — 기한이 지났지만 아직 답변을 받지 못했습니다."
    ) in late
    assert "안내받은 내용·약속: 보류 사유 확인 후 연락\n" in late  # the promise is cited once, on its own line
    early = run_json("case", "follow-up", str(case_id), "--at", "2026-10-05T10:00", "--lang", "en")[
        "draft_en"
    ]  # the English beside the Korean one to send
    assert 'Reply promised by 2026-10-07 (Wed) 18:00 KST ("상담사: 2영업일 내 회신 드리겠습니다")\n' in early
    plain = run_json("case", "follow-up", str(new_case()), "--at", "2026-10-08T10:00")["draft"]
    assert "약속받은 회신" not in plain


def test_promises_are_pure_and_skip_unreadable_times() -> None:
    now = datetime(2026, 10, 7, 18, 0, tzinfo=KST)
    items = [
        records.Promise(1, "2026-10-07T18:00:00+09:00", "a", "2026-10-02T10:00:00+09:00", 2),
        records.Promise(2, "not a time", "b", "x"),
        records.Promise(3, "2026-10-07T08:59:59+00:00", "c", "x"),
    ]  # 17:59:59 KST
    due = promises.due_list(items, now)
    assert [(d.case_id, d.overdue) for d in due] == [(3, True), (1, False)]
    assert [d.case_id for d in promises.overdue(items, now)] == [3]


# --- the reminder on other commands --------------------------------------------------------


def overdue_journal() -> int:
    case_id = new_case("2020-01-02T10:00")
    note(case_id, "회신 약속", "--reply-within", "1", "--at", "2020-01-02T10:30")  # long overdue
    return case_id


def test_the_reminder_line() -> None:
    now = datetime(2026, 11, 30, 10, 0, tzinfo=KST)
    assert reminder.overdue_line(now, "ko") is None  # no journal
    case_id = overdue_journal()
    assert reminder.overdue_line(now, "ko") == f"회신 기한이 지난 상담 1건 (#{case_id}) · ss-help case due"
    assert reminder.overdue_line(datetime(2020, 1, 2, 11, 0, tzinfo=KST), "en") is None  # not yet due
    (Path(os.environ["SS_HELP_HOME"]) / journal.DB_NAME).write_bytes(b"garbage" * 100)
    assert reminder.overdue_line(now, "ko") is None  # never an error


def test_the_reminder_costs_no_sqlite_without_a_journal(tmp_path: Path) -> None:
    script = (
        "import sys\nfrom datetime import datetime, timezone\nfrom smartstore_help.cli import reminder\n"
        "assert reminder.overdue_line(datetime.now(timezone.utc), 'ko') is None\n"
        "print('sqlite3' in sys.modules)\n"
    )
    env = {**os.environ, "SS_HELP_HOME": str(tmp_path / "none")}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "False", done.stderr


def _on_terminal(*args: str) -> str:
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm"}
    child = pexpect.spawn(
        sys.executable, ["-m", "smartstore_help", *args], env=env, encoding="utf-8", timeout=60, dimensions=(40, 120)
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return str(child.before)


def test_other_commands_mention_overdue_cases_on_a_terminal_only() -> None:
    case_id = overdue_journal()
    line = f"회신 기한이 지난 상담 1건 (#{case_id}) · ss-help case due"
    assert line in _on_terminal("hours", "--at", "2026-11-24T10:00")
    assert line in _on_terminal("case", "list")
    assert line not in _on_terminal("hours", "--json")
    assert line not in _on_terminal("case", "due")  # the list itself says it
    piped = subprocess.run(
        [sys.executable, "-m", "smartstore_help", "hours"], capture_output=True, text=True, timeout=60
    )
    assert piped.returncode == 0 and line not in piped.stdout + piped.stderr
