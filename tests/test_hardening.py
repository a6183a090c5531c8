"""Hardening, second round: a last-resort boundary, the process's edges, data that passes `data
check` and still has to run, a journal from the future or damaged, spreadsheets that cannot run
code, unbounded input, signals, and a journal of 10,000 cases.

Probes of the process's edges run the real program in a child process under a timeout; the rest
go through the real entry point in memory (`helpers.run`), where an escaped exception fails the
test.
"""

from __future__ import annotations

import csv
import io
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import termios
import time
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pexpect
import pytest
from helpers import run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartstore_help.core import export
from smartstore_help.core.errors import ExitCode
from smartstore_help.store import data, journal, places
from smartstore_help.store.journal import Journal

REPO = Path(__file__).resolve().parents[1]
SHIPPED_CHANNELS = (REPO / "data" / "channels.yaml").read_text(encoding="utf-8")
TIMEOUT = 60
KST = ZoneInfo("Asia/Seoul")


def probe(
    *args: str, env: dict[str, str] | None = None, stdin: bytes | None = None, shell_tail: str = ""
) -> subprocess.CompletedProcess[bytes]:
    """`ss-help ARGS` in a child process; `shell_tail` is a redirection for the shell (`>&-`)."""
    command = " ".join(f"'{a}'" for a in (sys.executable, "-m", "smartstore_help", *args))
    return subprocess.run(
        ["/bin/sh", "-c", f"exec {command} {shell_tail}"],
        input=stdin,
        capture_output=True,
        timeout=TIMEOUT,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
        check=False,
    )


def one_line(err: str | bytes, *words: str) -> str:
    text = err.decode("utf-8", "replace") if isinstance(err, bytes) else err
    assert "Traceback" not in text and len(text.strip().splitlines()) == 1, text
    for word in words:
        assert word in text, (word, text)
    return text


def journal_path() -> Path:
    return places.journal_file()


def new_case(*extra: str) -> int:
    result = run("contact", "--type", "payment", "--no-input", "--save", "--at", "2026-11-24T10:00", *extra)
    assert result.exit_code == 0, result.output
    return int(json.loads(run("case", "list", "--json").stdout)["cases"][0]["id"])


# --- 1. the last-resort boundary ------------------------------------------------------------


def _fault(monkeypatch: pytest.MonkeyPatch) -> None:
    from smartstore_help.cli import hours

    def broken(*args: object, **kwargs: object) -> int:
        raise ZeroDivisionError("a bug")

    import smartstore_help.cli.tree  # noqa: F401  (the command modules register on import)

    monkeypatch.setattr(hours, "run_hours", broken)


def test_an_unexpected_error_is_one_line_naming_a_crash_file(monkeypatch: pytest.MonkeyPatch) -> None:
    _fault(monkeypatch)
    result = run("hours")
    assert result.exit_code == int(ExitCode.SOFTWARE) == 70
    line = one_line(result.stderr, "예상하지 못한 오류")
    crash = Path(line.split("자세한 내용을 ")[1].split("에 남겼습니다")[0])
    assert crash.parent == places.cache_dir() and crash.is_file()
    assert (crash.stat().st_mode & 0o777) == 0o600
    text = crash.read_text(encoding="utf-8")
    assert "Traceback" in text and "ZeroDivisionError: a bug" in text and "ss-help 0." in text and "time 20" in text
    english = run("hours", "--lang", "en")
    assert english.exit_code == 70 and one_line(english.stderr, "Unexpected error", str(places.cache_dir()))


def test_the_crash_file_keeps_no_text_of_the_seller(monkeypatch: pytest.MonkeyPatch) -> None:
    _fault(monkeypatch)
    monkeypatch.setattr(sys, "argv", ["ss-help", "hours", "--channel", "비밀 주문 2026120712345678"])
    result = run("hours")
    crash = Path(result.stderr.split("자세한 내용을 ")[1].split("에 남겼습니다")[0])
    text = crash.read_text(encoding="utf-8")
    assert "command ss-help hours --channel …" in text and "2026120712345678" not in text


def test_debug_shows_the_traceback_instead(monkeypatch: pytest.MonkeyPatch) -> None:
    _fault(monkeypatch)
    result = run("hours", env={"SS_HELP_DEBUG": "1"})
    assert result.exit_code == 70 and "Traceback" in result.stderr and "ZeroDivisionError: a bug" in result.stderr
    assert not places.cache_dir().exists() or not list(places.cache_dir().glob("crash-*"))


def test_a_crash_file_that_cannot_be_written_still_ends_in_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _fault(monkeypatch)
    (tmp_path / "cache").write_text("a file where the cache folder should be")
    result = run("hours", env={"SS_HELP_CACHE_DIR": str(tmp_path / "cache")})
    assert result.exit_code == 70 and one_line(result.stderr, "예상하지 못한 오류", "SS_HELP_DEBUG=1")


def test_memory_running_out_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from smartstore_help.cli import hours

    def greedy(*args: object, **kwargs: object) -> int:
        raise MemoryError

    import smartstore_help.cli.tree  # noqa: F401

    monkeypatch.setattr(hours, "run_hours", greedy)
    result = run("hours", "--lang", "en")
    assert result.exit_code == 2 and one_line(result.stderr, "not enough memory")


def test_the_boundary_in_a_real_process() -> None:
    """A fault in a child process: its line, its file, its code, and no traceback on screen."""
    script = (
        "import sys\nfrom smartstore_help.cli import main, hours\n"
        "def broken(*a, **k): raise RecursionError('deep')\n"
        "hours.run_hours = broken\nmain.main(['hours'])\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=TIMEOUT, check=False)
    assert result.returncode == 70
    one_line(result.stderr, "예상하지 못한 오류", "crash-")


# --- the process's edges --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "tail", "code", "words"),
    [
        (("hours",), ">&-", 2, ("stdout",)),
        (("faq", "list"), ">&-", 2, ("stdout",)),
        (("case", "note", "1"), "<&-", 2, ("stdin",)),
        (("--help",), ">/dev/full", 2, ("출력을 쓸 수 없습니다",)),
        (("--version",), ">/dev/full", 2, ("출력을 쓸 수 없습니다",)),
        (("hours", "--help"), ">/dev/full", 2, ("출력을 쓸 수 없습니다",)),
    ],
)
def test_closed_and_full_standard_streams(args: Sequence[str], tail: str, code: int, words: Sequence[str]) -> None:
    result = probe(*args, shell_tail=tail)
    assert result.returncode == code, result.stderr
    one_line(result.stderr, *words)


def test_a_closed_stderr_changes_nothing() -> None:
    result = probe("hours", shell_tail="2>&-")
    assert result.returncode == 0 and "KST" in result.stdout.decode()
    failing = probe("case", "show", "5", shell_tail="2>&-")
    assert failing.returncode == 2 and failing.stdout == b""


@pytest.mark.parametrize(
    "env",
    [
        {"_SS_HELP_COMPLETE": "complete_bash"},
        {"_SS_HELP_COMPLETE": "complete_bash", "COMP_WORDS": "ss-help h", "COMP_CWORD": "abc"},
        {"_SS_HELP_COMPLETE": "complete_bash", "COMP_CWORD": "1"},
        {"_SS_HELP_COMPLETE": "complete_bash", "COMP_WORDS": "ss-help 'h", "COMP_CWORD": "9"},
        {"_SS_HELP_COMPLETE": "complete_zsh"},
        {"_SS_HELP_COMPLETE": "complete_fish"},
        {"_SS_HELP_COMPLETE": "bash_complete"},
        {"_SS_HELP_COMPLETE": "1"},
    ],
)
def test_completion_variables_left_in_the_environment(env: dict[str, str]) -> None:
    for args in ((), ("hours",)):
        result = probe(*args, env=env)
        assert result.returncode == 0, result.stderr
        assert b"Traceback" not in result.stderr and b"crash" not in result.stderr
        if env == {"_SS_HELP_COMPLETE": "1"} and args:
            assert b"KST" in result.stdout  # not the shell asking: the command runs as typed


def test_completion_still_completes() -> None:
    result = probe(env={"_SS_HELP_COMPLETE": "complete_bash", "COMP_WORDS": "ss-help ho", "COMP_CWORD": "1"})
    assert result.returncode == 0 and result.stdout.split() == [b"hours"]


def _no_home(monkeypatch: pytest.MonkeyPatch) -> None:
    import pwd

    for name in ("HOME", "SS_HELP_HOME", "SS_HELP_CACHE_DIR", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)

    def nobody(uid: int) -> object:
        raise KeyError(uid)

    monkeypatch.setattr(pwd, "getpwuid", nobody)


def test_no_home_and_no_passwd_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    _no_home(monkeypatch)
    with pytest.raises(places.NoHome):
        places.data_dir()
    assert places.cache_dir().name.startswith("ss-help-cache-")
    assert run("hours", "--at", "2026-11-24T10:00").exit_code == 0
    assert run("faq", "search", "정산").exit_code == 0
    assert run("contact", "--type", "payment", "--no-input", "--at", "2026-11-24T10:00").exit_code == 0
    for args in (("case", "list"), ("case", "note", "1", "x"), ("paths",)):
        result = run(*args, "--lang", "en")
        assert result.exit_code == 2 and one_line(result.stderr, "cannot find your home folder", "SS_HELP_HOME")


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs to run as a uid with no passwd entry"
)
def test_no_home_and_no_passwd_entry_in_a_real_process(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "SS_HELP_HOME", "SS_HELP_CACHE_DIR")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    for args, code in ((["hours"], 0), (["case", "list"], 2)):
        try:
            result = subprocess.run(
                [sys.executable, "-m", "smartstore_help", *args],
                capture_output=True,
                timeout=TIMEOUT,
                env=env,
                cwd=tmp_path,
                user=54321,
                check=False,
            )
        except PermissionError:
            pytest.skip("the interpreter cannot be run by another uid here")
        assert result.returncode == code, result.stderr
        assert b"Traceback" not in result.stderr


# --- 4. data validated as it will be used ---------------------------------------------------

TAGS = ["!!timestamp 2026-02-30", "!!int abc", "!!bool maybe", "!!map [a]", "!!str x", "! 12", "!mine x"]


@pytest.mark.parametrize("tag", TAGS)
def test_explicit_tags_are_refused_with_file_and_line_by_every_command(tmp_path: Path, tag: str) -> None:
    (tmp_path / "faq.yaml").write_text(f"version: 1\nentries:\n  - id: x\n    question: {tag}\n", encoding="utf-8")
    (tmp_path / "channels.yaml").write_text(SHIPPED_CHANNELS + f"\nextra: {tag}\n", encoding="utf-8")
    checked = run("data", "check", "--data-dir", str(tmp_path), "--lang", "en")
    assert checked.exit_code == 2
    assert f"faq.yaml:4: YAML tags ({tag.split()[0]})" in checked.stderr
    assert "channels.yaml:" in checked.stderr and "YAML tags" in checked.stderr
    for args in (
        ("hours",),
        ("faq", "list"),
        ("faq", "search", "정산"),
        ("contact", "--type", "payment", "--no-input"),
    ):
        result = run(*args, "--data-dir", str(tmp_path), "--lang", "en")
        assert result.exit_code == 2 and one_line(result.stderr, ".yaml:", "YAML tags")


@pytest.mark.parametrize("depth", [101, 500, 985, 997, 1200])
def test_deep_nesting_is_refused_with_file_and_line(tmp_path: Path, depth: int) -> None:
    (tmp_path / "faq.yaml").write_text("version: 1\nentries: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    for args in (("data", "check"), ("faq", "list")):
        result = run(*args, "--data-dir", str(tmp_path), "--lang", "en")
        assert result.exit_code == 2 and "faq.yaml:2: " in result.stderr, result.stderr
        # past 1,000 levels the YAML parser itself stops first, with its own words
        assert ("nested more than 100" if depth < 1000 else "nesting depth") in result.stderr


def test_a_data_file_over_the_size_limit_names_file_and_limit(tmp_path: Path) -> None:
    with (tmp_path / "faq.yaml").open("wb") as file:
        file.truncate(data.MAX_BYTES + 1)
    for args in (("data", "check"), ("faq", "search", "정산")):
        result = run(*args, "--data-dir", str(tmp_path), "--lang", "en")
        assert result.exit_code == 2 and "faq.yaml" in result.stderr and "at most 25 MB" in result.stderr


def test_a_huge_faq_under_a_memory_limit_is_one_line(tmp_path: Path) -> None:
    with (tmp_path / "faq.yaml").open("wb") as file:
        file.write(b"version: 1\nentries:\n" + b"  - {id: x, question: " + b"a" * (50 << 20) + b"}\n")

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (200 << 20, 200 << 20))

    result = subprocess.run(
        [sys.executable, "-m", "smartstore_help", "faq", "list", "--data-dir", str(tmp_path)],
        capture_output=True,
        timeout=TIMEOUT,
        preexec_fn=cap,
        check=False,
    )
    assert result.returncode == 2
    one_line(result.stderr, "faq.yaml", "25 MB")


def _with_rule(when: str, score: int = 10) -> str:
    return SHIPPED_CHANNELS + (
        f"  - channel: chat\n    score: {score}\n    reason: {{ko: 시험, en: test}}\n    when: {when}\n"
    )


@pytest.mark.parametrize(
    ("when", "score"),
    [
        ("{closes_within: 100000000000000000000}", 10),
        ("{closes_within: 10081}", 10),
        ("{resolved_before: 100000000000000000000}", 10),
        ("{unresolved_before: 100001}", 10),
        ("{complex: true}", 10**20),
        ("{complex: true}", -(10**6)),
    ],
)
def test_out_of_range_rule_numbers_are_refused_at_validation(tmp_path: Path, when: str, score: int) -> None:
    (tmp_path / "channels.yaml").write_text(_with_rule(when, score), encoding="utf-8")
    checked = run("data", "check", "--data-dir", str(tmp_path), "--lang", "en")
    assert checked.exit_code == 2 and "channels.yaml:" in checked.stderr and "must be from" in checked.stderr
    result = run("contact", "--type", "payment", "--no-input", "--data-dir", str(tmp_path))
    assert result.exit_code == 2 and one_line(result.stderr, "channels.yaml:")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    minutes=st.integers(min_value=-5, max_value=10**25),
    cases=st.integers(min_value=-5, max_value=10**25),
    score=st.integers(min_value=-(10**25), max_value=10**25),
    start=st.integers(min_value=0, max_value=23),
    length=st.integers(min_value=0, max_value=30),
    year=st.integers(min_value=1, max_value=9999),
)
def test_whatever_data_check_accepts_every_command_runs(
    tmp_path_factory: pytest.TempPathFactory, minutes: int, cases: int, score: int, start: int, length: int, year: int
) -> None:
    folder = tmp_path_factory.mktemp("data")
    end = min(start + length, 23)
    text = (
        _with_rule(f"{{closes_within: {minutes}}}", score)
        + _with_rule(f'{{resolved_before: {cases}, time_between: ["{start:02d}:00", "{end:02d}:59"]}}')[
            len(SHIPPED_CHANNELS) :
        ]
    ).replace("closed_dates: []", f"closed_dates: [{{date: {year:04d}-12-31}}]", 1)
    (folder / "channels.yaml").write_text(text, encoding="utf-8")
    if run("data", "check", "--data-dir", str(folder)).exit_code != 0:
        return
    for args in (
        ("contact", "--type", "payment", "--no-input", "--json"),
        ("contact", "--type", "payment", "--no-input", "--json", "--at", "2026-11-24T17:55"),
        ("hours",),
        ("hours", "--week"),
        ("channels",),
    ):
        result = run(*args, "--data-dir", str(folder))
        assert result.exit_code == 0, (args, result.output)


# --- 5. a journal from the future, and a damaged one ----------------------------------------


def _newer_with_changed_tables() -> None:
    with sqlite3.connect(journal_path()) as db:
        db.execute("ALTER TABLE cases RENAME COLUMN answers TO answers_v9")
        db.execute("ALTER TABLE notes RENAME COLUMN text TO body")
        db.execute(f"PRAGMA user_version = {journal.SCHEMA_VERSION + 6}")
    with sqlite3.connect(journal_path()) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file, to compare its bytes


def test_a_newer_journal_with_changed_tables() -> None:
    case_id = new_case()
    run("case", "close", str(case_id), "--resolved")
    _newer_with_changed_tables()
    before = journal_path().read_bytes()
    assert run("contact", "--type", "payment", "--no-input", "--json").exit_code == 0
    assert run("contact", "--type", "payment", "--no-input", "--at", "2026-11-24T10:00").exit_code == 0
    assert run("hours").exit_code == 0 and run("faq", "search", "정산").exit_code == 0
    for args in (
        ("case", "list"),
        ("case", "show", str(case_id)),
        ("case", "stats"),
        ("case", "export"),
        ("case", "export", "--csv"),
        ("case", "follow-up", str(case_id)),
        ("case", "due"),
        ("case", "note", str(case_id), "x"),
        ("case", "close", str(case_id), "--resolved"),
        ("case", "delete", str(case_id), "--yes"),
        ("contact", "--type", "payment", "--no-input", "--save"),
    ):
        result = run(*args, "--lang", "en")
        assert result.exit_code == 2, (args, result.output)
        one_line(result.stderr.lower(), "newer ss-help", "upgrade")
    assert journal_path().read_bytes() == before


def _damage(statements: Sequence[str]) -> None:
    with sqlite3.connect(journal_path()) as db:
        db.execute("PRAGMA ignore_check_constraints = ON")
        for statement in statements:
            db.execute(statement)


DAMAGE = [
    "UPDATE cases SET rating = 'abc' WHERE id = {id}",
    "UPDATE cases SET status = 'weird' WHERE id = {id}",
    "UPDATE cases SET answers = '[1, 2' WHERE id = {id}",
    "UPDATE cases SET details = '\"text\"' WHERE id = {id}",
    "UPDATE cases SET created_at = x'00' WHERE id = {id}",
    "UPDATE cases SET resolved = 7 WHERE id = {id}",
    "UPDATE cases SET feedback = x'00ff' WHERE id = {id}",
    "UPDATE cases SET follow_up_of = 'one' WHERE id = {id}",
]
NOTE_DAMAGE = [
    "INSERT INTO notes (case_id, created_at, text) VALUES ({id}, '2026-11-24T10:00:00+09:00', x'ff')",
    "INSERT INTO notes (case_id, created_at, text, reply_due) VALUES ({id}, '2026-11-24T10:00:00+09:00', 'x', 42)",
    "INSERT INTO notes (case_id, created_at, text, reply_days) VALUES ({id}, '2026-11-24T10:00:00+09:00', 'x', 'two')",
]


@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_rows_are_skipped_and_named(damage: str) -> None:
    good, bad = new_case(), new_case()
    _damage([damage.format(id=bad)])
    listed = run("case", "list", "--json")
    assert listed.exit_code == 0 and [c["id"] for c in json.loads(listed.stdout)["cases"]] == [good]
    assert f"#{bad}" in listed.stderr
    for args in (("case", "list"), ("case", "stats"), ("case", "export"), ("case", "export", "--csv")):
        result = run(*args)
        assert result.exit_code == 0 and f"#{bad}" in result.stderr, (args, result.output)
    for args in (("case", "show", str(bad)), ("case", "follow-up", str(bad))):
        result = run(*args)
        assert result.exit_code == 2 and one_line(result.stderr, f"#{bad}")
    assert run("case", "show", str(good)).exit_code == 0
    assert run("contact", "--type", "payment", "--no-input", "--json").exit_code == 0
    assert run("case", "delete", str(bad), "--yes").exit_code == 0


@pytest.mark.parametrize("damage", NOTE_DAMAGE)
def test_a_damaged_note_is_named_where_notes_are_read(damage: str) -> None:
    good, bad = new_case(), new_case()
    _damage([damage.format(id=bad)])
    listed = run("case", "list", "--json")  # the list counts notes, never reads them
    assert listed.exit_code == 0 and {c["id"] for c in json.loads(listed.stdout)["cases"]} == {good, bad}
    for args in (("case", "export"), ("case", "export", "--csv")):
        result = run(*args)
        assert result.exit_code == 0 and f"#{bad}" in result.stderr, (args, result.output)
    for args in (("case", "show", str(bad)), ("case", "follow-up", str(bad))):
        result = run(*args)
        assert result.exit_code == 2 and one_line(result.stderr, f"#{bad}")
    assert run("case", "due").exit_code == 0 and run("case", "stats").exit_code == 0


@pytest.mark.parametrize(
    "due",
    ["9999-12-31T23:59:59+09:00", "0001-01-01T00:00:00+09:00", "2026-13-45T00:00", "2026-11-24T10:00:00", "soon"],
)
def test_a_promise_with_an_out_of_range_due_time(due: str) -> None:
    good, bad = new_case(), new_case()
    assert run("case", "note", str(good), "회신 약속", "--reply-within", "2", "--at", "2026-11-24T10:00").exit_code == 0
    _damage(
        [
            "INSERT INTO notes (case_id, created_at, text, reply_due, reply_days)"
            f" VALUES ({bad}, '2026-11-24T10:00:00+09:00', 'promised', '{due}', 2)"
        ]
    )
    shown = run("case", "due", "--json", "--at", "2026-11-25T10:00")
    assert shown.exit_code == 0 and [c["id"] for c in json.loads(shown.stdout)["cases"]] == [good]
    assert f"#{bad}" in shown.stderr
    assert run("case", "due", "--at", "2026-11-25T10:00").exit_code == 0
    follow = run("case", "follow-up", str(bad))
    assert follow.exit_code == 2 and one_line(follow.stderr, f"#{bad}")
    assert run("case", "follow-up", str(good)).exit_code == 0
    assert run("hours").exit_code == 0


# --- 3. CSV that cannot run code ------------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1", "  =1+1"]


def _csv(*args: str) -> list[dict[str, str]]:
    result = run("case", "export", "--csv", *args)
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.mark.parametrize("formula", FORMULAS)
def test_no_cell_from_the_seller_runs_as_a_formula(formula: str) -> None:
    case_id = new_case("--description", formula + " 설명", "--tried", formula, "--store-id", formula)
    quoted = formula.replace("'", "''")
    _damage(  # what the flags would clean or refuse, as a hand-edited or older journal may hold it
        [
            f"UPDATE cases SET details = json_set(details, '$.description', '{quoted}', '$.order_no', '{quoted}',"
            f" '$.tried', '{quoted}', '$.store_id', '{quoted}') WHERE id = {case_id}"
        ]
    )
    assert run("case", "note", f"--ref={formula}", str(case_id), "--", formula).exit_code == 0
    assert run("case", "close", str(case_id), "--resolved", "--feedback", formula).exit_code == 0
    (row,) = _csv("--lang", "en")
    for cell in row.values():
        assert not cell.lstrip(" \t\r\n").startswith(("=", "+", "-", "@")) or cell.startswith(("'", '="'))
        assert not cell.startswith(("\t", "\r"))
    shown = json.loads(run("case", "export").stdout)["cases"][0]  # JSON keeps the values as they are
    assert shown["details"]["order_no"] == formula and shown["feedback"] == formula.strip()


def test_order_and_reference_numbers_keep_every_digit() -> None:
    case_id = new_case("--order-no", "2026120712345678", "--description", "주문 0012 확인", "--store-id", "0012345")
    assert run("case", "note", str(case_id), "2026120799999999", "--ref", "2026120700000001").exit_code == 0
    (row,) = _csv()
    assert row["주문번호"] == '="2026120712345678"'
    assert row["스토어 ID"] == '="0012345"'
    assert row["접수번호"] == '="2026120700000001"'
    assert row["번호"] == str(case_id) and row["문의 내용"] == "주문 0012 확인"
    assert export.safe_cell('12"34') == '12"34' and export.safe_cell("2026120712345678", as_text=True).count('"') == 2
    assert json.loads(run("case", "export").stdout)["cases"][0]["details"]["order_no"] == "2026120712345678"


def test_data_cells_are_neutralised_too(tmp_path: Path) -> None:
    """The headers and labels come from the data, which is the seller's file too."""
    text = SHIPPED_CHANNELS.replace('name: {ko: "채팅 상담 (톡톡상담)"', 'name: {ko: "=채팅 상담 (톡톡상담)"', 1)
    (tmp_path / "channels.yaml").write_text(text, encoding="utf-8")
    assert (
        run(
            "contact", "--type", "payment", "--no-input", "--save", "--chosen", "chat", "--data-dir", str(tmp_path)
        ).exit_code
        == 0
    )
    (row,) = _csv("--data-dir", str(tmp_path))
    assert row["선택한 창구"].startswith("'=")


# --- 6. streams and input -------------------------------------------------------------------


def test_a_note_from_stdin_is_limited_to_one_megabyte() -> None:
    case_id = new_case()
    result = run("case", "note", str(case_id), stdin="메모\n" * 200_000)
    assert result.exit_code == 2 and one_line(result.stderr, "1 MB")
    assert run("case", "note", str(case_id), stdin="메모\n" * 1000).exit_code == 0


def test_an_endless_note_on_stdin_ends_at_once() -> None:
    case_id = new_case()
    started = time.monotonic()
    result = subprocess.run(
        f"yes 메모 | '{sys.executable}' -m smartstore_help case note {case_id}",
        shell=True,
        capture_output=True,
        timeout=TIMEOUT,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    assert result.returncode == 2 and time.monotonic() - started < 20
    one_line(result.stderr, "1 MB")


def test_output_dash_is_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("contact", "--type", "payment", "--no-input", "--output", "-", "--description", "정산 보류")
    assert result.exit_code == 0 and "정산 보류" in result.stdout
    assert not (tmp_path / "-").exists()
    assert run("contact", "--type", "payment", "--no-input", "-o", "-", "--json").exit_code == 0
    assert not (tmp_path / "-").exists()


def test_a_failing_command_creates_no_journal() -> None:
    for args in (
        ("case", "note", "999", "x"),
        ("case", "close", "999", "--resolved"),
        ("case", "delete", "999", "--yes"),
        ("case", "show", "999"),
        ("case", "list"),
        ("case", "due"),
        ("case", "follow-up", "999"),
    ):
        run(*args)
        assert not journal_path().exists(), args
        assert not journal_path().parent.exists(), args


def test_paths_show_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    folder = os.fsdecode(bytes(tmp_path) + b"/h\xff")
    shown = run("paths", "--json", env={"SS_HELP_HOME": folder})
    assert shown.exit_code == 0 and "\\udcff" in shown.stdout and "?" not in shown.stdout
    assert os.fsencode(json.loads(shown.stdout)["journal"]) == bytes(tmp_path) + b"/h\xff/cases.db"
    text = run("paths", env={"SS_HELP_HOME": folder})
    assert "h\\xff" in text.stdout


# --- 7. scale -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """10,000 cases: enough that an export holding every case peaks at 54 MB (JSON) or 70 MB
    (CSV), measured, against 23 MB streamed and the bound of 40 MB below."""
    folder = tmp_path_factory.mktemp("big") / "home"
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "make_big_journal.py"), str(folder), "10000"],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return folder


def test_case_list_shows_the_newest_page(big_journal: Path) -> None:
    env = {"SS_HELP_HOME": str(big_journal)}
    started = time.process_time()  # CPU time: what the listing costs, whatever else the machine runs
    result = run("case", "list", env=env)
    spent = time.process_time() - started
    assert result.exit_code == 0 and "10,000" in result.stdout and "--all" in result.stdout
    assert spent < 2.0, spent  # 0.5 s for the whole process on a quiet machine: see benchmarks/bench.py
    listed = json.loads(run("case", "list", "--json", "--limit", "5", env=env).stdout)
    assert listed["total"] == 10_000 and [c["id"] for c in listed["cases"]] == [10000, 9999, 9998, 9997, 9996]
    narrow = run("case", "list", "--status", "closed", env=env, columns=20)
    assert narrow.exit_code == 0 and "5,000" in narrow.stdout
    assert run("case", "list", "--limit", "0", env=env).exit_code == 2


def test_case_list_all(tmp_path: Path) -> None:
    ids = [new_case() for _ in range(3)]
    page = json.loads(run("case", "list", "--json", "--limit", "2").stdout)
    assert page["total"] == 3 and len(page["cases"]) == 2
    assert [c["id"] for c in json.loads(run("case", "list", "--json", "--all").stdout)["cases"]] == ids[::-1]
    assert "--all" in run("case", "list", "--limit", "2").stdout and "--all" not in run("case", "list").stdout
    huge = run("case", "list", "--json", "--limit", str(10**30))  # more than SQLite can count: all of them
    assert huge.exit_code == 0 and len(json.loads(huge.stdout)["cases"]) == 3


_MEASURE = """
import os, resource, subprocess, sys
proc = subprocess.Popen([sys.executable, "-m", "smartstore_help", *sys.argv[1:]], stdout=subprocess.PIPE)
head = proc.stdout.read(4096)
while proc.stdout.read(1 << 16):
    pass
proc.wait()
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
sys.stdout.buffer.write(f"{proc.returncode} {peak}\\n".encode() + head)
"""


def _peak(args: Sequence[str], env: dict[str, str]) -> tuple[int, float, bytes]:
    """Exit code, peak resident MiB and the first bytes of `ss-help ARGS`, measured by a small
    parent of its own (a child forked from this large test process would count its memory)."""
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, *args],
        env={**os.environ, **env},
        capture_output=True,
        timeout=300,
        check=True,
    )
    first, _, head = result.stdout.partition(b"\n")
    code, peak = first.split()
    return int(code), float(peak), head


@pytest.mark.parametrize("args", [("case", "export", "--json"), ("case", "export", "--csv")])  # (no flag is --json)
def test_export_streams_in_flat_memory(big_journal: Path, args: Sequence[str]) -> None:
    code, peak, head = _peak(args, {"SS_HELP_HOME": str(big_journal)})
    assert code == 0 and peak <= 40, peak
    assert head.startswith(b'{\n  "cases": [\n    {\n      "id": 10000') or head.startswith(b"\xef\xbb\xbf")


def test_streamed_json_is_the_same_document() -> None:
    for _ in range(2):
        new_case()
    result = run("case", "export")
    cases = json.loads(result.stdout)["cases"]
    assert result.stdout == json.dumps({"cases": cases}, ensure_ascii=False, indent=2) + "\n"
    empty = Journal()
    empty.close()
    journal_path().unlink()
    assert run("case", "export").stdout == '{\n  "cases": []\n}\n'


# --- 2. signals -----------------------------------------------------------------------------


def _spawn(args: Sequence[str], tmp: Path) -> pexpect.spawn:
    env = {
        **{k: v for k, v in os.environ.items() if k != "NO_COLOR"},
        "SS_HELP_HOME": str(tmp / "home"),
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "TERM": "xterm",
    }
    child = pexpect.spawn(
        sys.executable, ["-m", "smartstore_help", *args], env=env, encoding="utf-8", timeout=30, dimensions=(24, 80)
    )
    child.delaybeforesend = None  # every key follows its question on the screen
    return child


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_in_the_wizard_restores_the_terminal(tmp_path: Path, signum: int) -> None:
    child = _spawn(["contact"], tmp_path)
    before = termios.tcgetattr(child.child_fd)
    child.expect("한 줄로 적어 주세요")
    raw = termios.tcgetattr(child.child_fd)
    assert raw != before  # the question really had the terminal in raw mode
    child.kill(signum)
    child.expect(pexpect.EOF)
    after = termios.tcgetattr(child.child_fd)
    screen = child.before
    child.close()
    assert child.exitstatus == 128 + signum and child.signalstatus is None
    assert after == before
    assert screen.rfind("\x1b[?2004l") > screen.rfind("\x1b[?2004h") and screen.rfind("\x1b[?25h") > screen.rfind(
        "\x1b[?25l"
    )
    assert "Traceback" not in screen and "중단했습니다" in screen
    assert not (tmp_path / "home" / "cases.db").exists()


def _closed_now(tmp: Path) -> Path:
    """Channel data whose business hours never include this moment (opens tomorrow only)."""
    tomorrow = (datetime.now(KST) + timedelta(days=1)).strftime("%a").lower()
    folder = tmp / "data"
    folder.mkdir()
    text = SHIPPED_CHANNELS.replace("days: [mon, tue, wed, thu, fri]", f"days: [{tomorrow}]", 1)
    (folder / "channels.yaml").write_text(text.replace("public_holidays: closed", "public_holidays: open", 1))
    return folder


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_hours_wait_shows_the_cursor_again(tmp_path: Path, signum: int) -> None:
    child = _spawn(["hours", "--wait", "--channel", "chat", "--data-dir", str(_closed_now(tmp_path))], tmp_path)
    before = termios.tcgetattr(child.child_fd)
    child.expect("\x1b\\[\\?25l")  # the progress bar hides the cursor
    time.sleep(0.5)
    child.kill(signum)
    child.expect(pexpect.EOF)
    screen = child.before
    after = termios.tcgetattr(child.child_fd)
    child.close()
    assert child.exitstatus == 128 + signum
    assert screen.rfind("\x1b[?25h") >= 0 and after == before
    assert "Traceback" not in screen


def test_a_journal_missing_a_table_is_one_line_and_never_stops_contact() -> None:
    new_case()
    with sqlite3.connect(journal_path()) as db:
        db.execute("DROP TABLE notes")
    for args in (("case", "list"), ("case", "list", "--json"), ("case", "export"), ("case", "export", "--csv")):
        result = run(*args)
        assert result.exit_code == 2 and result.stdout == "", args
        one_line(result.stderr, str(journal_path()))
    assert run("contact", "--type", "payment", "--no-input", "--json").exit_code == 0
    assert run("hours").exit_code == 0
