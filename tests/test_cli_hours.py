"""`ss-help hours`, `channels` and `data check` through Typer's runner."""

from __future__ import annotations

import os
from datetime import UTC
from pathlib import Path

import pytest
from helpers import run, run_json

from smartstore_help.store import data
from smartstore_help.ui.iostreams import IOStreams


def test_hours_json_contract() -> None:
    doc = run_json("hours", "--at", "2026-02-13T18:00")
    assert doc["now"] == "2026-02-13T18:00:00+09:00"
    assert doc["timezone"] == "Asia/Seoul"
    phone = next(c for c in doc["channels"] if c["id"] == "phone")
    assert phone == {
        "id": "phone",
        "name": "전화 상담",
        "status": "closed",
        "reason": "after_close",
        "holiday": None,
        "next_open": "2026-02-19T09:00:00+09:00",
        "closes_at": None,
        "closed_days": [  # why it opens only on the 19th
            {"date": "2026-02-16", "name": "설날 전날"},
            {"date": "2026-02-17", "name": "설날"},
            {"date": "2026-02-18", "name": "설날 다음날"},
        ],
    }
    assert [c["id"] for c in doc["channels"]] == ["chat", "phone", "faq", "email"]


def test_hours_json_names_the_holiday_in_the_chosen_language() -> None:
    doc = run_json("hours", "--at", "2026-09-25 11:00", "--channel", "phone", "--lang", "en")
    (phone,) = doc["channels"]
    assert (phone["reason"], phone["holiday"], phone["name"]) == ("holiday", "Chuseok", "Phone")


@pytest.mark.parametrize(
    "at",
    [
        "2026-11-24T00:00Z",
        "2026-11-24T09:00+09:00",
        "2026-11-23T16:00-08:00",
        "2026-11-24 09:00",
        "2026-11-24T09:00:00",
    ],
)
def test_at_accepts_offsets_and_converts_to_kst(at: str) -> None:
    doc = run_json("hours", "--at", at, "--channel", "phone")
    assert doc["now"] == "2026-11-24T09:00:00+09:00"
    assert doc["channels"][0]["status"] == "open"
    assert doc["channels"][0]["closes_at"] == "2026-11-24T12:00:00+09:00"


def test_hours_table_in_korean_and_english() -> None:
    ko = run("hours", "--at", "2026-11-30T12:30")
    assert ko.exit_code == 0
    assert "휴게 시간 · 점심시간" in ko.stdout and "오늘 13:00 열림 · 30분 후" in ko.stdout
    assert "정보 확인일 2026-11-29" in ko.stdout
    en = run("hours", "--at", "2026-11-30T12:30", "--lang", "en")
    assert "on break · lunch break" in en.stdout and "opens today 13:00 · in 30 min" in en.stdout
    assert not any("\uac00" <= ch <= "\ud7a3" for ch in en.stdout.replace("'고객센터'", ""))


def test_hours_countdown_over_a_long_holiday() -> None:
    out = run("hours", "--at", "2026-02-13T18:00", "--channel", "phone").stdout
    # the date, not a bare weekday, and why it opens so late
    assert "2월 19일 (목) 09:00 열림" in out and "설날" in out and "5일 15시간 후" in out
    out = run("hours", "--at", "2025-10-02T18:00", "--channel", "phone").stdout
    assert "10월 10일 (금) 09:00 열림" in out and "추석" in out and "7일 15시간 후" in out


def test_plain_output_has_no_escape_codes() -> None:
    result = run("hours", env={"NO_COLOR": "1"})
    assert "\x1b" not in result.stdout


def test_week_grid_names_the_holidays() -> None:
    out = run("hours", "--week", "--at", "2026-09-21T10:00", encoding="utf-8").stdout
    lines = out.splitlines()
    assert lines[0].startswith("전화 상담 · 2026-09-21 (월) 10:00 KST")
    day = next(line for line in lines if line.startswith("09-25"))
    assert day.endswith("추석") and "█" not in day
    monday = next(line for line in lines if line.startswith("09-21"))
    assert "▼" in monday and "▒" in monday and "█" in monday


@pytest.mark.parametrize(("at", "code"), [("2026-11-24T10:00", 0), ("2026-11-24T12:30", 1), ("2026-11-28T10:00", 1)])
def test_check_exit_code(at: str, code: int) -> None:
    assert run("hours", "--check", "phone", "--at", at).exit_code == code


def test_wait_counts_down_then_rings(monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import datetime, timedelta

    moments = iter(datetime(2026, 11, 24, 3, 59, 58, tzinfo=UTC) + timedelta(seconds=s) for s in range(0, 100))
    monkeypatch.setattr("time.sleep", lambda _: None)
    result = run("hours", "--wait", io=IOStreams.test(now=lambda: next(moments)))
    assert result.exit_code == 0
    assert "전화 상담: 지금 열렸습니다!" in result.stdout and "\a" in result.stdout


def test_wait_cannot_use_at() -> None:
    result = run("hours", "--wait", "--at", "2026-11-24T10:00")
    assert result.exit_code == 2 and "--wait" in result.stderr


@pytest.mark.parametrize("bad", ["tomorrow", "2026-13-01T10:00", "25:00", "2026-02-30", ""])
def test_bad_at_is_one_clear_line(bad: str) -> None:
    result = run("hours", "--at", bad)
    assert result.exit_code == 2
    assert result.stderr.startswith("오류: --at 시각을 읽을 수 없습니다")
    assert len(result.stderr.splitlines()) == 1


def test_unknown_channel_in_english() -> None:
    result = run("hours", "--channel", "fax", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: unknown channel 'fax' (known: chat, phone, faq, email)"


def test_unknown_language() -> None:
    assert run("--lang", "fr", "hours").exit_code == 2


def test_global_options_before_the_command() -> None:
    doc = run_json("--lang", "en", "hours", "--at", "2026-09-25T11:00", "--channel", "phone")
    assert doc["channels"][0]["holiday"] == "Chuseok"


def test_channels_side_by_side() -> None:
    out = run("channels").stdout
    for expected in ("1588-3819", "채팅 상담", "1:1 문의", "https://help.sell.smartstore.naver.com/", "2026-11-29"):
        assert expected in out


def test_data_check_valid() -> None:
    result = run("data", "check")
    assert result.exit_code == 0
    assert "데이터가 올바릅니다" in result.stdout and "(기본 제공)" in result.stdout


def test_data_check_lists_every_problem(tmp_path: Path) -> None:
    text = (data.builtin_dir() / "channels.yaml").read_text(encoding="utf-8")
    text = text.replace('close: "18:00"', 'close: "25:00"').replace("channel: phone\n", "channel: fax\n", 1)
    (tmp_path / "channels.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "faq.yaml").write_text("version: 1\nentries:\n  - id: Bad Id\n", encoding="utf-8")
    result = run("data", "check", "--data-dir", str(tmp_path), "--lang", "en")
    assert result.exit_code == 2
    err = result.stderr
    line = text[: text.index('close: "25:00"')].count("\n") + 1
    assert f"channels.yaml:{line}: schedules.business.close: not a time of day (HH:MM, 00:00-23:59): '25:00'" in err
    assert "rules[1].channel: unknown channel: 'fax'" in err
    assert "faq.yaml:3: entries[0].id: an id may use only" in err
    assert "entries[0].type: required field is missing" in err


def test_data_dir_that_does_not_exist() -> None:
    result = run("hours", "--data-dir", "/nonexistent/ss-help")
    assert result.exit_code == 2 and "데이터 폴더가 없습니다" in result.stderr


def test_data_dir_from_the_environment(tmp_path: Path) -> None:
    (tmp_path / "channels.yaml").write_text("version: 1\n", encoding="utf-8")
    result = run("hours", env={"SS_HELP_DATA_DIR": str(tmp_path)})
    assert result.exit_code == 2 and "channels.yaml:" in result.stderr and "timezone" in result.stderr


def test_version() -> None:
    from smartstore_help import __version__

    assert run("--version").stdout.strip() == f"ss-help {__version__}"


def test_a_same_length_edit_with_the_old_modification_time_is_picked_up(tmp_path: Path) -> None:
    """The parsed-data cache is keyed on the file's content: closing at 17:00 instead of 18:00 is
    the same length, and the modification time is put back, yet the next run sees it."""
    own = tmp_path / data.CHANNELS_FILE
    text = (data.builtin_dir() / data.CHANNELS_FILE).read_text(encoding="utf-8")
    assert text.count('close: "18:00"') == 1
    own.write_text(text, encoding="utf-8")
    args = ("hours", "--at", "2026-11-24T17:30", "--channel", "phone", "--data-dir", str(tmp_path))
    (before,) = run_json(*args)["channels"]
    assert (before["status"], before["closes_at"]) == ("open", "2026-11-24T18:00:00+09:00")
    assert run_json(*args)["channels"] == [before]  # (served from the cache this time)
    old = own.stat()
    own.write_text(text.replace('close: "18:00"', 'close: "17:00"'), encoding="utf-8")
    os.utime(own, ns=(old.st_atime_ns, old.st_mtime_ns))
    assert own.stat().st_size == old.st_size and own.stat().st_mtime_ns == old.st_mtime_ns
    (after,) = run_json(*args)["channels"]
    assert (after["status"], after["reason"]) == ("closed", "after_close")


def test_every_command_line_test_also_runs_on_a_korean_windows_code_page(
    code_page: str, request: pytest.FixtureRequest
) -> None:
    """In CI, conftest runs each test of the command line modules twice, on utf-8 and cp949
    streams (a test that starts child processes once); elsewhere once, on utf-8."""
    assert os.environ.get("SS_HELP_TEST_ENCODING", "utf-8") == code_page
    here = {item.name for item in request.session.items if item.path == request.node.path}
    if not os.environ.get("CI"):
        assert code_page == "utf-8" and not any("cp949" in name for name in here)
        return
    twin = {"utf-8": "cp949", "cp949": "utf-8"}
    assert request.node.name.replace(code_page, twin[code_page]) in here
    assert {name.replace("cp949", "utf-8") for name in here if "cp949" in name} <= here
