"""The case journal: CLI round trips, concurrency, crashes, foreign and corrupt files, migrations."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from helpers import run, run_json

from smartstore_help.cli.main import run as cli_run
from smartstore_help.store import journal
from smartstore_help.ui.iostreams import IOStreams


def db_path() -> Path:
    return Path(os.environ["SS_HELP_HOME"]) / journal.DB_NAME


def new_case(*extra: str) -> int:
    result = run(
        "contact",
        "--type",
        "payment",
        "--no-input",
        "--save",
        "--at",
        "2026-11-24T10:00",
        "-d",
        "정산 보류",
        "--order-no",
        "2026112412345678",
        "--tried",
        "정산관리 확인",
        *extra,
    )
    assert result.exit_code == 0, result.output
    return int(re.match(r"\d+", result.stdout.split("#")[-1])[0])  # type: ignore[index]


def test_round_trip_through_the_cli() -> None:
    case_id = new_case("--chosen", "phone")
    assert run("case", "note", str(case_id), "3영업일 안에 연락 약속", "--ref", "T-123").exit_code == 0
    assert run("case", "note", str(case_id), stdin="둘째 줄\n셋째 줄\n").exit_code == 0
    shown = run_json("case", "show", str(case_id))
    assert shown["type"] == "payment" and shown["chosen"] == "phone" and shown["recommended"] == "chat"
    assert shown["details"]["order_no"] == "2026112412345678"
    assert shown["created_at"] == "2026-11-24T10:00:00+09:00"
    assert [(n["text"], n["ref"]) for n in shown["notes"]] == [
        ("3영업일 안에 연락 약속", "T-123"),
        ("둘째 줄\n셋째 줄", None),
    ]
    assert all(n["created_at"].endswith("+09:00") for n in shown["notes"])
    assert run("case", "close", str(case_id), "--unresolved", "--rating", "2", "--feedback", "연락 없음").exit_code == 0
    listed = run_json("case", "list", "--status", "closed")["cases"]
    assert [(c["id"], c["resolved"], c["rating"], c["notes"]) for c in listed] == [(case_id, False, 2, 2)]
    assert run_json("case", "list", "--status", "open")["cases"] == []
    text = run("case", "show", str(case_id)).stdout
    assert "[T-123] 3영업일 안에 연락 약속" in text and "해결 안 됨 · 평점 2/5 · 연락 없음" in text
    assert "지금 판매나 정산에 바로 지장이 있는 급한 문제인가요? 아니요" in text


def test_follow_up_cites_the_earlier_contact() -> None:
    case_id = new_case("--chosen", "phone")
    run("case", "note", str(case_id), "보류 해제 후 다시 연락 준다고 함", "--ref", "T-9")
    doc = run_json("case", "follow-up", str(case_id), "--at", "2026-11-28T10:00", "--save")
    draft = doc["draft"]
    assert draft.startswith("[재문의] 결제·정산")
    assert "이전 문의: 2026-11-24 10:00 KST, 전화 상담 (접수번호: T-9)" in draft
    assert "그때 해 본 것: 정산관리 확인" in draft and "보류 해제 후 다시 연락 준다고 함" in draft
    assert doc["recommendations"][0]["available_now"] is True  # Saturday: not the phone
    saved = run_json("case", "show", str(doc["saved_as"]))
    assert saved["follow_up_of"] == case_id and saved["draft"] == draft


def csv_bytes(*extra: str) -> bytes:
    """`case export --csv` as the bytes written, on a console of the test's code page (cp949 too)."""
    streams = IOStreams.test(encoding=os.environ.get("SS_HELP_TEST_ENCODING", "utf-8"))
    assert cli_run(["case", "export", "--csv", *extra], streams) == 0
    streams.out.stream.flush()
    buffer: Any = streams.out.stream.buffer
    return bytes(buffer.getvalue())


def test_newest_first_and_export() -> None:
    first, second = new_case(), new_case()
    assert [c["id"] for c in run_json("case", "list")["cases"]] == [second, first]
    exported = json.loads(run("case", "export").stdout)["cases"]
    assert {c["id"] for c in exported} == {first, second} and "notes" in exported[0]
    raw = csv_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with the BOM Excel needs, whatever the console's code page
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    header, newest = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert header[:4] == ["번호", "만든 때", "유형", "상태"] and len(rows) == 3
    assert newest["번호"] == str(second) and newest["유형"] == "결제·정산" and newest["상태"] == "진행 중"
    assert newest["주문번호"] == '="2026112412345678"' and newest["이미 해 본 것"] == "정산관리 확인"
    assert newest["지금 판매나 정산에 바로 지장이 있는 급한 문제인가요?"] == "아니요"
    assert not any(cell.startswith(('{"', "[{", '["')) for cell in rows[1])  # flat: no JSON inside a cell
    english = list(csv.reader(io.StringIO(csv_bytes("--lang", "en").decode("utf-8-sig"))))
    assert english[0][:4] == ["Case", "Created", "Type", "Status"] and english[1][2] == "Payment and settlement"


def test_delete_asks_first() -> None:
    case_id = new_case()
    refused = run("case", "delete", str(case_id))
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    assert run("case", "delete", str(case_id), "--yes").exit_code == 0
    assert run("case", "show", str(case_id)).exit_code == 2


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["case", "show", "999"], "상담 기록 #999가 없습니다"),
        (["case", "note", "999", "x"], "상담 기록 #999가 없습니다"),
        (["case", "close", "1", "--resolved", "--rating", "6"], "--rating은 1~5 사이여야 합니다"),
        (["case", "close", "1", "--resolved", "--rating", "0"], "--rating은 1~5 사이여야 합니다"),
        (["case", "close", "1"], "--resolved 또는 --unresolved"),
        (["case", "note", "1", "   "], "빈 메모는 남길 수 없습니다"),
        (["case", "list", "--status", "maybe"], "maybe"),
    ],
)
def test_bad_input(args: list[str], words: str) -> None:
    new_case()
    result = run(*args)
    assert result.exit_code == 2 and words in result.stderr and len(result.stderr.splitlines()) == 1


def test_the_file_is_owner_only_and_in_wal_mode() -> None:
    new_case()
    assert stat.S_IMODE(db_path().stat().st_mode) == 0o600
    assert stat.S_IMODE(db_path().parent.stat().st_mode) == 0o700
    with sqlite3.connect(db_path()) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == journal.SCHEMA_VERSION


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "smartstore_help", *args]


def test_concurrent_writers_lose_nothing() -> None:
    case_id = new_case()
    script = (
        "import sys\nfrom smartstore_help.store.journal import Journal\nj = Journal()\n"
        "for i in range(50):\n    j.add_note(int(sys.argv[1]), '2026-11-24T10:00:00+09:00', f'{sys.argv[2]}-{i}')\n"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(case_id), f"w{n}"], env={**os.environ}) for n in range(8)
    ]
    assert all(p.wait(timeout=120) == 0 for p in procs)
    notes = run_json("case", "show", str(case_id))["notes"]
    assert len(notes) == 400 and len({n["text"] for n in notes}) == 400


def test_concurrent_cli_notes() -> None:
    case_id = new_case()
    procs = [
        subprocess.Popen(_cli("case", "note", str(case_id), f"cli-{n}"), env={**os.environ}, stdout=subprocess.DEVNULL)
        for n in range(6)
    ]
    assert all(p.wait(timeout=120) == 0 for p in procs)
    assert len(run_json("case", "show", str(case_id))["notes"]) == 6


def test_kill_9_during_writes_leaves_a_readable_journal() -> None:
    case_id = new_case()
    script = (
        "import sys\nfrom smartstore_help.store.journal import Journal\nj = Journal()\nprint('go', flush=True)\n"
        "i = 0\nwhile True:\n    j.add_note(int(sys.argv[1]), 't', 'x' * 5000 + str(i)); i += 1\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script, str(case_id)], stdout=subprocess.PIPE, env={**os.environ})
    assert proc.stdout is not None and proc.stdout.readline().strip() == b"go"
    time.sleep(0.5)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    with sqlite3.connect(db_path()) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    notes = run_json("case", "show", str(case_id))["notes"]
    assert notes and all(n["text"].startswith("x" * 5000) for n in notes)
    assert run("case", "note", str(case_id), "after the crash").exit_code == 0


def test_a_corrupt_file_is_refused_not_reset() -> None:
    path = db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not a database at all" * 100)
    before = path.read_bytes()
    for args in (["case", "list"], ["contact", "--type", "payment", "--no-input", "--save"]):
        result = run(*args)
        assert result.exit_code == 2, result.output
        assert "손상되었거나 SQLite 파일이 아닙니다" in result.stderr and str(path) in result.stderr
    assert path.read_bytes() == before


def test_a_foreign_sqlite_file_is_refused() -> None:
    path = db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    result = run("case", "list", "--lang", "en")
    assert result.exit_code == 2 and "not an ss-help case journal" in result.stderr
    with sqlite3.connect(path) as db:
        assert [r[0] for r in db.execute("SELECT name FROM sqlite_master")] == ["invoices"]


def test_a_newer_schema_is_neither_read_nor_written() -> None:
    """Its tables may have changed in ways this version cannot know: refused with one line, never changed."""
    case_id = new_case()
    with sqlite3.connect(db_path()) as db:
        db.execute(f"PRAGMA user_version = {journal.SCHEMA_VERSION + 1}")
    before = db_path().read_bytes()
    for args in (("case", "show", str(case_id)), ("case", "list"), ("case", "note", str(case_id), "x")):
        result = run(*args)
        assert result.exit_code == 2 and "더 새 버전의 ss-help" in result.stderr and "업그레이드" in result.stderr
    assert db_path().read_bytes() == before


def test_migration_from_the_first_schema() -> None:
    path = db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as db:  # a journal written by the first release
        db.executescript(journal.MIGRATIONS[0])
        db.execute(f"PRAGMA application_id = {journal.APPLICATION_ID}")
        db.execute("PRAGMA user_version = 1")
        db.execute(
            "INSERT INTO cases (created_at, type, answers, details, recommended, chosen, draft) VALUES"
            " ('2025-01-02T10:00:00+09:00', 'payment', '{\"urgent\": true}', '{}', 'phone', 'phone', 'old')"
        )
        db.execute("INSERT INTO notes (case_id, created_at, text) VALUES (1, '2025-01-02T10:05:00+09:00', 'old note')")
    assert run("case", "note", "1", "new note", "--ref", "R-1").exit_code == 0
    shown = run_json("case", "show", "1")
    assert shown["draft"] == "old" and shown["follow_up_of"] is None
    assert [(n["text"], n["ref"]) for n in shown["notes"]] == [("old note", None), ("new note", "R-1")]
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == journal.SCHEMA_VERSION


def test_no_journal_yet_lists_nothing_and_creates_nothing() -> None:
    result = run("case", "list")
    assert result.exit_code == 0 and "저장된 상담 기록이 없습니다" in result.stdout
    assert not db_path().exists()
