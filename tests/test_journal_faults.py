"""The journal's surroundings as a hostile or unlucky machine makes them: a folder that is a file,
read-only folders and files, no permission, a file size limit, no home, damaged rows, symlinks,
numbers too big for SQLite, text in the wrong encoding, escape sequences stored in notes.

Every probe runs the real command line under a timeout, so a hang fails the test instead of
stalling it and a traceback cannot hide: in a child process where only a process can show it
(capabilities dropped, a file size limit, a working folder, raw argv bytes, bytes on stdin), else
through the same entry point in memory (`helpers.run`, ~10x cheaper than a child). After every
fault the journal file must be byte-for-byte what it was.
"""

from __future__ import annotations

import contextlib
import os
import pty
import resource
import select
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import run

from smartstore_help.store import journal

TIMEOUT = 60
NOBODY = 65534
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
DROP_CAPABILITIES = ["setpriv", "--bounding-set=-all", "--inh-caps=-all", "--"]
pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions and limits"),
    pytest.mark.skipif(IS_ROOT and not shutil.which("setpriv"), reason="root ignores file modes without setpriv"),
]


def cli(
    *args: str,
    home: Path | None = None,
    env: dict[str, str] | None = None,
    stdin: bytes = b"",
    unprivileged: bool = False,
    file_limit: int | None = None,
    cwd: Path | None = None,
    argv_bytes: list[bytes] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """`ss-help ARGS` in a child: optionally without root's power to ignore file modes (as root,
    every capability is dropped, so the modes apply as to any owner) and under a file size limit."""
    full_env = {**os.environ, "SS_HELP_LANG": "ko", "NO_COLOR": "1", **(env or {})}
    if home is not None:
        full_env["SS_HELP_HOME"] = str(home)

    def limits() -> None:
        if file_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    if not (unprivileged and IS_ROOT) and file_limit is None and cwd is None and not argv_bytes and not stdin:
        return in_memory([*args], full_env)
    prefix = DROP_CAPABILITIES if unprivileged and IS_ROOT else []
    command: list[str | bytes] = [*prefix, sys.executable, "-m", "smartstore_help", *args, *(argv_bytes or [])]
    return subprocess.run(
        command,
        input=stdin,
        capture_output=True,
        env=full_env,
        timeout=TIMEOUT,
        preexec_fn=limits if file_limit is not None else None,
        cwd=cwd,
        check=False,
    )


def in_memory(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    """`cli` without a child: the entry point and error boundary on streams in memory, the same
    timeout enforced by an alarm."""

    def too_long(signum: int, frame: object) -> None:
        raise TimeoutError(f"ss-help {' '.join(args)} took more than {TIMEOUT} s")

    previous = signal.signal(signal.SIGALRM, too_long)
    signal.alarm(TIMEOUT)
    try:
        result = run(*args, env=env)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout.encode(), result.stderr.encode())


def one_line_error(result: subprocess.CompletedProcess[bytes], *words: str) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2, (result.returncode, err, result.stdout)
    assert "Traceback" not in err and 1 <= len(err.strip().splitlines()) <= 2, err
    for word in words:
        assert word in err, (word, err)
    return err


def seed(home: Path) -> Path:
    """A journal with two cases and a note, written through the real command line."""
    for args in (
        [
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
        ],
        ["contact", "--type", "technical", "--simple", "--no-input", "--save", "--at", "2026-11-25T10:00"],
        ["case", "note", "1", "첫 메모", "--ref", "T-1", "--at", "2026-11-24T10:30"],
    ):
        result = cli(*args, home=home)
        assert result.returncode == 0, result.stderr.decode()
    path = home / journal.DB_NAME
    with contextlib.closing(sqlite3.connect(path)) as db:  # the last connection folds the log into the file
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert sorted(p.name for p in home.iterdir()) == [journal.DB_NAME]
    return path


@contextlib.contextmanager
def unchanged(path: Path) -> Iterator[None]:
    before = path.read_bytes()
    yield
    assert path.read_bytes() == before, "the journal file changed"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


# --- the folder and the file ----------------------------------------------------------------


def test_home_that_is_a_file(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "home"
    not_a_folder.write_bytes(b"my notes, not a folder")
    for args in (
        ["case", "list"],
        ["case", "note", "1", "x"],
        ["case", "due"],
        ["contact", "--type", "payment", "--no-input", "--save"],
    ):
        with unchanged(not_a_folder):
            one_line_error(cli(*args, home=not_a_folder), "폴더", str(not_a_folder))
    assert "folder is a file" in one_line_error(cli("case", "list", "--lang", "en", home=not_a_folder))


def test_a_folder_where_the_file_should_be(home: Path) -> None:
    (home / journal.DB_NAME).mkdir(parents=True)
    for args in (["case", "list"], ["case", "note", "1", "x"]):
        one_line_error(cli(*args, home=home), "폴더나 특수 파일", str(home / journal.DB_NAME))


def test_a_read_only_folder_still_reads_but_refuses_writes(home: Path) -> None:
    path = seed(home)
    home.chmod(0o555)
    try:
        with unchanged(path):
            listed = cli("case", "list", "--json", home=home, unprivileged=True)
            assert listed.returncode == 0, listed.stderr.decode()
            assert b'"id": 2' in listed.stdout
            one_line_error(cli("case", "note", "1", "x", home=home, unprivileged=True), "읽기 전용", str(home))
        assert sorted(p.name for p in home.iterdir()) == [journal.DB_NAME]  # no -wal or -shm left behind
    finally:
        home.chmod(0o700)


def test_a_read_only_database_file(home: Path) -> None:
    path = seed(home)
    path.chmod(0o400)
    with unchanged(path):
        assert cli("case", "show", "1", "--json", home=home, unprivileged=True).returncode == 0
        for args in (
            ["case", "note", "1", "x"],
            ["case", "close", "1", "--resolved"],
            ["case", "delete", "1", "--yes"],
        ):
            one_line_error(cli(*args, home=home, unprivileged=True), "읽기 전용", str(path))


def test_a_database_with_mode_000_is_permission_not_corruption(home: Path) -> None:
    path = seed(home)
    path.chmod(0o000)
    try:
        for args in (["case", "list"], ["case", "note", "1", "x"], ["case", "export", "--csv"]):
            err = one_line_error(cli(*args, home=home, unprivileged=True), "권한", str(path))
            assert "손상" not in err
        err = one_line_error(cli("case", "list", "--lang", "en", home=home, unprivileged=True))
        assert "permission denied" in err and "damaged" not in err
        # contact reads history but must never fail because of it
        planned = cli("contact", "--type", "payment", "--no-input", "--json", home=home, unprivileged=True)
        assert planned.returncode == 0, planned.stderr.decode()
    finally:
        path.chmod(0o600)
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_file_size_limit_stops_a_write_and_changes_nothing(home: Path) -> None:
    path = seed(home)
    limit = path.stat().st_size  # the file may be rewritten in place, never grown, nor a log started
    for args in (
        ["case", "note", "1", "x" * 100_000],
        ["contact", "--type", "payment", "--no-input", "--save", "-d", "y" * 100_000],
    ):
        with unchanged(path):
            err = one_line_error(cli(*args, home=home, file_limit=limit))
            assert "ulimit -f" in err or "디스크" in err, err
    assert cli("case", "note", "1", "after the limit", home=home).returncode == 0


def test_an_empty_home_never_reads_or_writes_under_the_root_or_here(tmp_path: Path) -> None:
    work = tmp_path / "cwd"
    work.mkdir()
    under_root = Path("/.local/share/ss-help")
    existed = under_root.exists()
    env = {"HOME": "", "XDG_DATA_HOME": "", "SS_HELP_HOME": "", "SS_HELP_CACHE_DIR": str(tmp_path / "cache")}
    for args in (
        ["case", "list"],
        ["case", "due"],
        ["case", "stats"],
        ["hours", "--at", "2026-11-24T10:00"],
        ["contact", "--type", "payment", "--no-input", "--json"],
    ):
        result = cli(*args, env=env, cwd=work)
        assert result.returncode == 0, (args, result.stderr.decode())
    assert under_root.exists() == existed and list(work.iterdir()) == []


def test_a_symlink_to_a_world_readable_file_is_made_owner_only(home: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    real = seed(elsewhere)
    real.chmod(0o644)
    home.mkdir()
    (home / journal.DB_NAME).symlink_to(real)
    assert cli("case", "note", "1", "주문번호가 든 메모", home=home).returncode == 0
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in elsewhere.iterdir() if p.name.startswith("cases.db"))
    with sqlite3.connect(real) as db:
        assert db.execute("SELECT count(*) FROM notes WHERE text = '주문번호가 든 메모'").fetchone()[0] == 1


def test_a_symlink_to_someone_elses_readable_file_is_refused(home: Path, tmp_path: Path) -> None:
    if not IS_ROOT:
        pytest.skip("needs root to give the target to another user")
    elsewhere = tmp_path / "elsewhere"
    real = seed(elsewhere)
    os.chown(real, NOBODY, NOBODY)
    real.chmod(0o644)  # another user's file, readable by all
    home.mkdir()
    (home / journal.DB_NAME).symlink_to(real)
    with unchanged(real):
        one_line_error(cli("case", "note", "1", "x", home=home, unprivileged=True), str(real))
    assert stat.S_IMODE(real.stat().st_mode) == 0o644


# --- damaged rows, removed types, impossible numbers -------------------------------------------


def damage(path: Path, case_id: int, column: str = "answers", value: object = '{"urgent": tru') -> None:
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute(f"UPDATE cases SET {column} = ? WHERE id = ?", (value, case_id))
        db.commit()


@pytest.mark.parametrize(
    ("column", "value"),
    [("answers", '{"urgent": tru'), ("details", "[1, 2]"), ("answers", "null"), ("draft", b"\x00\xff binary")],
)
def test_one_damaged_row_is_skipped_and_named(home: Path, column: str, value: object) -> None:
    path = seed(home)
    damage(path, 1, column, value)
    with unchanged(path):
        listed = cli("case", "list", "--json", home=home)
        assert listed.returncode == 0 and b'"id": 2' in listed.stdout and b'"id": 1,' not in listed.stdout
        assert "#1" in listed.stderr.decode() and "건너뛰었습니다" in listed.stderr.decode()
        for args in (["case", "export"], ["case", "export", "--csv"], ["case", "list"], ["case", "stats"]):
            result = cli(*args, home=home)
            assert result.returncode == 0 and "#1" in result.stderr.decode(), (args, result.stderr.decode())
        one_line_error(cli("case", "show", "1", home=home), "#1", "손상")
        assert cli("case", "show", "2", home=home).returncode == 0
        planned = cli("contact", "--type", "payment", "--no-input", "--json", home=home)
        assert planned.returncode == 0
    deleted = cli("case", "delete", "1", "--yes", home=home)  # the way to get rid of it
    assert deleted.returncode == 0, deleted.stderr.decode()
    assert cli("case", "list", home=home).stderr == b""


def test_follow_up_of_a_case_whose_type_was_removed(home: Path) -> None:
    path = seed(home)
    damage(path, 1, "type", "retired_type")
    for args in (
        ["case", "follow-up", "1", "--at", "2026-11-30T10:00"],
        ["case", "show", "1"],
        ["case", "list"],
        ["case", "export", "--csv"],
        ["case", "stats"],
    ):
        result = cli(*args, home=home)
        assert result.returncode == 0, (args, result.stderr.decode())
    drafted = cli("case", "follow-up", "1", "--at", "2026-11-30T10:00", "--save", "--json", home=home)
    assert drafted.returncode == 0 and "[재문의] retired_type" in drafted.stdout.decode()


@pytest.mark.parametrize(
    "args",
    [
        ["case", "show", "99999999999999999999"],
        ["case", "note", "99999999999999999999", "x"],
        ["case", "close", "99999999999999999999", "--resolved"],
        ["case", "delete", "99999999999999999999", "--yes"],
        ["case", "follow-up", "99999999999999999999"],
        ["case", "show", "9223372036854775808"],
        ["case", "show", "0"],
    ],
)
def test_a_case_number_beyond_sqlite(home: Path, args: list[str]) -> None:
    path = seed(home)
    with unchanged(path):
        one_line_error(cli(*args, home=home), f"상담 기록 #{args[2]}", "없습니다")


# --- text that is not what we expect -----------------------------------------------------------


def notes_of(home: Path, case_id: int = 1) -> list[str]:
    with sqlite3.connect(home / journal.DB_NAME) as db:
        return [r[0] for r in db.execute("SELECT text FROM notes WHERE case_id = ? ORDER BY id", (case_id,))]


def test_a_note_piped_in_euc_kr_is_read_as_korean(home: Path) -> None:
    seed(home)
    result = cli("case", "note", "1", home=home, stdin="상담사: 2영업일 내 회신".encode("euc-kr"))
    assert result.returncode == 0, result.stderr.decode()
    assert notes_of(home)[-1] == "상담사: 2영업일 내 회신"
    assert cli("case", "note", "1", home=home, stdin="\ufeff보류 해제".encode()).returncode == 0
    assert notes_of(home)[-1] == "보류 해제"


def test_undecodable_stdin_is_kept_with_replacement_marks(home: Path) -> None:
    seed(home)
    result = cli("case", "note", "1", home=home, stdin=b"\xff\xfe\xff broken \x80\xff")
    assert result.returncode == 0, result.stderr.decode()
    assert " broken " in notes_of(home)[-1] and "\ufffd" in notes_of(home)[-1]


def test_an_undecodable_argument_is_stored_readably(home: Path) -> None:
    seed(home)
    result = cli("case", "note", "1", home=home, argv_bytes=["정산 보류".encode("cp949")])
    assert result.returncode == 0, result.stderr.decode()
    assert notes_of(home)[-1] == "정산 보류"
    result = cli("case", "note", "1", home=home, argv_bytes=[b"ok \xff\xfe"])
    assert result.returncode == 0, result.stderr.decode()
    assert notes_of(home)[-1].startswith("ok ") and "\ufffd" in notes_of(home)[-1]


# --- escape sequences stored by the seller, exported to a terminal -----------------------------


def on_a_terminal(*args: str, home: Path) -> bytes:
    """The command's output as a terminal receives it (stdout is a pseudo-terminal)."""
    master, slave = pty.openpty()
    env = {**os.environ, "SS_HELP_HOME": str(home), "SS_HELP_LANG": "ko", "NO_COLOR": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "smartstore_help", *args],
        stdout=slave,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
    )
    os.close(slave)
    out = b""
    try:
        while True:
            ready, _, _ = select.select([master], [], [], TIMEOUT)
            if not ready:
                raise TimeoutError(args)
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            out += chunk
    finally:
        os.close(master)
        assert proc.wait(timeout=TIMEOUT) == 0, proc.stderr.read() if proc.stderr else b""
    return out


HOSTILE = "제목 바꾸기\x1b]0;pwned\x07 지우기\x1b[2J 8비트\x9b31m 끝"


def stored_raw(home: Path, text: str) -> None:
    """A note holding `text` as it is: typed text is cleaned on the way in, but a journal written
    by an older version (or by hand) may hold anything."""
    with contextlib.closing(journal.Journal(home / journal.DB_NAME)) as opened:
        opened.add_note(1, "2026-11-24T11:00:00+09:00", text)


def test_typed_notes_are_stored_without_control_sequences(home: Path) -> None:
    seed(home)
    assert cli("case", "note", "1", HOSTILE, home=home).returncode == 0
    piped = cli("case", "export", "--csv", home=home)
    assert "제목 바꾸기]0;pwned 지우기[2J 8비트31m 끝".encode() in piped.stdout


def test_csv_export_to_a_terminal_strips_control_sequences(home: Path) -> None:
    seed(home)
    stored_raw(home, HOSTILE)
    shown = on_a_terminal("case", "export", "--csv", home=home)
    assert b"\x1b" not in shown and b"\x07" not in shown and "\x9b".encode() not in shown
    assert "제목 바꾸기".encode() in shown and "끝".encode() in shown
    piped = cli("case", "export", "--csv", home=home)
    assert HOSTILE.encode() in piped.stdout  # a file gets exactly what was stored


def test_case_show_and_due_on_a_terminal_strip_them_too(home: Path) -> None:
    seed(home)
    assert (
        cli("case", "note", "1", HOSTILE, "--reply-within", "2", "--at", "2026-11-24T11:00", home=home).returncode == 0
    )
    for args in (["case", "show", "1"], ["case", "due", "--at", "2026-11-24T12:00"], ["case", "list"]):
        shown = on_a_terminal(*args, home=home)
        assert b"\x1b]" not in shown and b"\x07" not in shown and b"\x1b[2J" not in shown, args
