"""Hostile and unlucky input, class by class: never a hang, never a traceback, never someone else's code.

Every probe of the command line runs the real program in a child process under a timeout, and
checks the exit code, that a failure is one line naming what is wrong, and that no traceback
escaped. The core functions behind each fix are checked directly as well.
"""

from __future__ import annotations

import json
import os
import pickle
import signal
import socket
import stat
import subprocess
import sys
import time
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import NoReturn
from zoneinfo import ZoneInfo

import pytest
import yaml
from helpers import run
from hypothesis import given, settings
from hypothesis import strategies as st

from smartstore_help.core import draft, model, textin, timeparse, yamlio
from smartstore_help.core.search import Index, build_index, search
from smartstore_help.store import cache, data, serial
from smartstore_help.ui import term

TIMEOUT = 30
KST = ZoneInfo("Asia/Seoul")
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=KST)
ESCAPES = "\x1b]0;owned\x07\x1b[2J\x9b31m\u202e\x7f"  # an OSC title, a CSI clear, a C1 CSI, a bidi override


def probe(
    *args: str | bytes,
    env: dict[str, str] | None = None,
    stdin: bytes | None = None,
    timeout: float = TIMEOUT,
    limit_memory: bool = False,
    child: bool = False,
) -> subprocess.CompletedProcess[bytes]:
    """`ss-help ARGS` under a timeout, so a hang fails the test instead of stalling it: in a child
    process when only a process can show it (raw argv bytes, bytes on stdin, a memory limit, the
    width taken from COLUMNS, `child`), else through the same entry point in memory (~10x cheaper)."""
    if (
        not child
        and all(isinstance(a, str) for a in args)
        and stdin is None
        and not limit_memory
        and "COLUMNS" not in (env or {})
    ):
        with deadline(timeout):
            result = run(*(str(a) for a in args), env={"NO_COLOR": "1", **(env or {})})
        return subprocess.CompletedProcess(args, result.exit_code, result.stdout.encode(), result.stderr.encode())

    def cap() -> None:  # a runaway allocation ends in MemoryError (a traceback), not in swapping
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run(
        [sys.executable, "-m", "smartstore_help", *args],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
        preexec_fn=cap if limit_memory else None,
        check=False,
    )


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Fail, rather than hang, when the code under test loops (POSIX; elsewhere no limit)."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def failed(result: subprocess.CompletedProcess[bytes], *needles: str) -> str:
    """Exit 2, one line on stderr holding every needle, no traceback; returns that line."""
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2, (result.returncode, err)
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    for needle in needles:
        assert needle in err, (needle, err)
    return err.strip()


def ok(result: subprocess.CompletedProcess[bytes]) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 0 and "Traceback" not in err, (result.returncode, err)
    return result.stdout.decode("utf-8")


def own_faq(folder: Path, *entries: tuple[str, str], extra: str = "") -> Path:
    folder.mkdir(exist_ok=True)
    body = "".join(f"  - id: {i}\n    type: general\n    question: {q}\n    answer: 답변입니다.\n" for i, q in entries)
    (folder / "faq.yaml").write_text(f"version: 1\n{extra}entries:\n{body}", encoding="utf-8")
    return folder


# 1. Runaway layout ------------------------------------------------------------------------------

LONG_ID = "a" * 78


@pytest.mark.parametrize("columns", ["80", "32", "20", "1", "0", "-3", "abc", "٣٣", "9" * 5000])
def test_faq_list_finishes_at_any_width(tmp_path: Path, columns: str) -> None:
    folder = own_faq(
        tmp_path / "data", (LONG_ID, "아주 긴 아이디를 가진 질문인데 줄바꿈이 되나요?"), ("short", "짧은 질문")
    )
    out = ok(probe("faq", "list", "--data-dir", str(folder), env={"COLUMNS": columns}, timeout=10))
    assert LONG_ID in "".join(out.split()) and "짧은 질문" in out
    assert max(term.width(line) for line in out.splitlines()) <= term.MAX_COLUMNS


@pytest.mark.parametrize("columns", ["0", "1", "32", "1000000000"])
@pytest.mark.parametrize(
    "command",
    [
        ("faq", "search", "정산 보류"),
        ("hours", "--at", "2026-11-24 10:00"),
        ("contact", "--type", "payment", "--no-input"),
        ("channels",),
        ("faq", "show", "settlement-hold"),
    ],
)
def test_every_screen_has_a_sane_width(command: Sequence[str], columns: str) -> None:
    out = ok(probe(*command, env={"COLUMNS": columns}, timeout=15, limit_memory=True))
    assert out.strip(), "something must be shown, even when COLUMNS says 0"
    assert max(term.width(line) for line in out.splitlines()) <= term.MAX_COLUMNS


def test_clamp_columns() -> None:
    assert [term.clamp_columns(n) for n in (None, 0, -5, 1, 19, 20, 80, 240, 241, 10**9)] == [
        80,
        80,
        80,
        20,
        20,
        20,
        80,
        240,
        240,
        240,
    ]
    assert [term.env_columns(v) for v in (None, "", "abc", "٣", "-1", " 90 ", "9" * 5000)] == [
        None,
        None,
        None,
        None,
        None,
        90,
        term.MAX_COLUMNS,
    ]


words = st.text(st.sampled_from("ab가나 \u0301\u200b한글x"), max_size=40)


@settings(max_examples=400, deadline=1000)
@given(
    parts=st.lists(st.tuples(words, st.sampled_from(["", "bold"])), max_size=6),
    limit=st.integers(-5, 300),
    indent=st.integers(-5, 400),
)
def test_wrap_always_ends_and_never_overflows(parts: list[tuple[str, str]], limit: int, indent: int) -> None:
    line = term.Line()
    for piece, style in parts:
        line.add(piece, style)
    with deadline(2):
        lines = term.wrap(line, limit, indent)
    assert all(wrapped.width() <= max(limit, 2) for wrapped in lines)
    kept = "".join(wrapped.plain for wrapped in lines).replace(" ", "")
    assert kept == line.plain.replace(" ", "")  # nothing lost, nothing repeated, in order
    assert len(lines) <= len(line.plain) + 1


def test_wrap_of_a_long_padded_id_keeps_an_indent_that_fits() -> None:
    line = term.Line().add("  " + LONG_ID).pad(82).add("질문 " * 30)
    with deadline(2):
        lines = term.wrap(line, 80, indent=82)
    assert len(lines) > 2 and all(wrapped.width() <= 80 for wrapped in lines)
    assert all(wrapped.plain.startswith(" " * 40) for wrapped in lines[1:])


# 2. Code from the cache -------------------------------------------------------------------------

MARKER_SCRIPT = "import pathlib; pathlib.Path({!r}).write_text('ran')"


class Planted:
    """A pickle that, if anything ever unpickled it, would leave a marker file behind."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return exec, (MARKER_SCRIPT.format(str(self.marker)),)


@pytest.mark.cold_cache
def test_a_planted_pickle_never_runs(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    ok(probe("hours", "--at", "2026-11-24 10:00"))
    ok(probe("faq", "search", "정산"))
    planted = list(cache.cache_dir().iterdir())
    assert len(planted) == 3  # holidays, channels, the FAQ index
    for path in planted:  # under the very names the program reads, and as the old .pickle names
        path.write_bytes(pickle.dumps(Planted(marker)))
        path.with_suffix(".pickle").write_bytes(pickle.dumps(Planted(marker)))
    assert "settlement-hold" in ok(probe("faq", "search", "정산 보류"))
    assert "전화 상담" in ok(probe("hours", "--at", "2026-11-24 10:00"))
    assert not marker.exists()
    assert not list(cache.cache_dir().glob("*.pickle"))  # old-format files are cleared away


@pytest.mark.cold_cache
def test_the_cache_holds_only_data() -> None:
    channels = data.load_channels()
    index = build_index(data.load_faq())
    records = (*serial.records(model), Index)
    assert serial.loads(serial.dumps(channels), records) == channels
    again = serial.loads(serial.dumps(index), records)
    assert isinstance(again, Index) and again.entries() == index.entries()
    assert search(again, "정산 보류") == search(index, "정산 보류")
    with pytest.raises(serial.Unreadable):  # a class the caller did not allow is never built
        serial.loads(serial.dumps(channels), [Index])
    forged = serial.dumps(model.Text("a", "b")).replace(b'"Text"', b'"exec"')
    with pytest.raises(serial.Unreadable):
        serial.loads(forged, [*records, exec])  # type: ignore[list-item]
    whole = serial.dumps(index)
    for cut in (0, 3, 20, len(whole) // 2, len(whole) - 1):
        with pytest.raises(serial.Unreadable):
            serial.loads(whole[:cut], records)


@pytest.mark.cold_cache
def test_a_large_index_round_trips_through_the_buffer() -> None:
    source = model.Source("https://example.com/a", "제목", "official", date(2026, 11, 29))
    entries = tuple(
        model.FaqEntry(
            f"e{n}",
            "general",
            f"질문 {n}",
            f"답변 {n}",
            (f"키{n}", "공통", "\ud800")[: n % 4],
            (source,) * (n % 2),
            f"question {n}" if n % 2 else None,
            None,
            "메모" if n % 3 else None,
        )
        for n in range(150)
    )
    index = build_index(model.Faq(entries, (("반품", "리턴"),)))
    again = serial.loads(serial.dumps(index), (*serial.records(model), Index))
    assert isinstance(again, Index) and isinstance(again.keywords, serial.TextRows)
    assert again.entries() == index.entries() and again.keywords == index.keywords
    assert again.keywords[-1] == index.keywords[-1] and again.keywords[3:6] == index.keywords[3:6]
    with pytest.raises(IndexError):
        again.keywords[150]
    assert search(again, "질문 42") == search(index, "질문 42")


def _swap_in(tmp_path: Path) -> tuple[Path, Path]:
    """Two FAQs; the cache file of `b` replaced by the (valid) one of `a`: whoever trusts it answers `a`."""
    a = own_faq(tmp_path / "a", ("from-a", "쿠폰은 어떻게 만드나요?"))
    b = own_faq(tmp_path / "b", ("from-b", "쿠폰은 어디서 받나요?"))
    ok(probe("faq", "search", "쿠폰", "--data-dir", str(a)))
    first = set(cache.cache_dir().glob("faq-index-*"))
    ok(probe("faq", "search", "쿠폰", "--data-dir", str(b)))
    (of_b,) = set(cache.cache_dir().glob("faq-index-*")) - first
    (of_a,) = first
    of_b.write_bytes(of_a.read_bytes())
    return b, of_b


def _answers(folder: Path) -> list[str]:
    out = ok(probe("faq", "search", "쿠폰", "--json", "--data-dir", str(folder)))
    return [r["id"] for r in json.loads(out)["results"]]


@pytest.mark.cold_cache
def test_a_cache_file_others_may_write_is_ignored(tmp_path: Path) -> None:
    b, planted = _swap_in(tmp_path)
    assert _answers(b) == ["from-a"]  # the swap works: a trusted file is used (so the checks below can fail)
    planted.chmod(0o666)
    assert _answers(b) == ["from-b"]
    planted.chmod(0o620)
    assert _answers(b) == ["from-b"]


@pytest.mark.cold_cache
def test_a_cache_folder_others_may_write_is_ignored_and_not_written(tmp_path: Path) -> None:
    b, planted = _swap_in(tmp_path)
    folder = planted.parent
    before = sorted(p.name for p in folder.iterdir())
    folder.chmod(0o777)
    try:
        assert _answers(b) == ["from-b"]
        ok(probe("hours", "--at", "2026-11-24 10:00"))
        assert sorted(p.name for p in folder.iterdir()) == before  # nothing written or removed there
    finally:
        folder.chmod(0o700)


@pytest.mark.cold_cache
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file away needs root")
def test_a_cache_owned_by_someone_else_is_ignored(tmp_path: Path) -> None:
    b, planted = _swap_in(tmp_path)
    os.chown(planted, 65534, 65534)
    assert _answers(b) == ["from-b"]
    os.chown(planted, 0, 0)
    other = tmp_path / "theirs"
    other.mkdir(mode=0o700)
    for path in planted.parent.iterdir():
        (other / path.name).write_bytes(path.read_bytes())
        (other / path.name).chmod(0o600)
    os.chown(other, 65534, 65534)
    out = ok(probe("faq", "search", "쿠폰", "--json", "--data-dir", str(b), env={"SS_HELP_CACHE_DIR": str(other)}))
    assert [r["id"] for r in json.loads(out)["results"]] == ["from-b"]


@pytest.mark.cold_cache
def test_a_symlinked_cache_file_is_not_followed(tmp_path: Path) -> None:
    b, planted = _swap_in(tmp_path)
    real = tmp_path / "elsewhere.ssc"
    planted.rename(real)
    planted.symlink_to(real)
    assert _answers(b) == ["from-b"]


@pytest.mark.cold_cache
def test_a_fifo_under_a_cache_name_never_blocks(tmp_path: Path) -> None:
    b, planted = _swap_in(tmp_path)
    planted.unlink()
    os.mkfifo(planted, 0o600)
    assert _answers(b) == ["from-b"]  # within the probe's timeout


@pytest.mark.cold_cache
def test_temporary_files_of_killed_writers_are_swept(tmp_path: Path) -> None:
    folder = cache.cache_dir()
    folder.mkdir(parents=True, mode=0o700)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True)
    dead_pid = int(dead.stdout)
    old = folder / f".faq-index-x.ssc.{os.getppid()}.abcdefgh.tmp"  # a live process's, but an hour old
    killed = folder / f".faq-index-y.ssc.{dead_pid}.abcdefgh.tmp"  # its writer is gone
    busy = folder / f".faq-index-z.ssc.{os.getpid()}.abcdefgh.tmp"  # being written right now
    for path in (old, killed, busy):
        path.write_bytes(b"\0" * 1000)
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    ok(probe("faq", "search", "정산"))  # a cache miss: it writes, and sweeps first
    assert not old.exists() and not killed.exists()
    assert busy.exists()


@pytest.mark.cold_cache
def test_the_cache_is_really_used() -> None:
    """A format that silently failed to load would cost every run a full rebuild."""
    path = data.data_file(data.FAQ_FILE, None)

    def build(raw: bytes, file: str) -> Index:
        return build_index(data.faq_from_bytes(raw, file))

    def must_not_build(raw: bytes, file: str) -> NoReturn:
        raise AssertionError("rebuilt although the cache was warm")

    first = cache.load(path, path.read_bytes(), "faq-index", build, Index)
    again = cache.load(path, path.read_bytes(), "faq-index", must_not_build, Index)
    assert again.entries() == first.entries()
    channels = data.data_file(data.CHANNELS_FILE, None)
    built = cache.load(channels, channels.read_bytes(), "channels", data.channels_from_bytes, model.ChannelData)
    assert cache.load(channels, channels.read_bytes(), "channels", must_not_build, model.ChannelData) == built


# 3. Writing onto special files ------------------------------------------------------------------

CONTACT = ("contact", "--type", "payment", "--no-input", "--lang", "en")


def test_output_onto_a_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    failed(probe(*CONTACT, "--output", str(fifo), "--force", timeout=10), str(fifo), "not a regular file", "pipe")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]  # no temporary file left either


def test_output_onto_a_folder_a_socket_or_a_device_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    failed(probe(*CONTACT, "--output", str(folder), "--force"), "not a regular file", "folder")
    assert folder.is_dir()
    sock_path = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        failed(probe(*CONTACT, "--output", str(sock_path), "--force"), "socket")
    assert stat.S_ISSOCK(os.lstat(sock_path).st_mode)
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        return  # making a device node needs root
    failed(probe(*CONTACT, "--output", str(device), "--force"), "device")
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_output_onto_dev_stdout_is_refused() -> None:
    result = probe(*CONTACT, "--output", "/dev/stdout", "--force", child=True)  # the child's own stdout
    failed(result, "/dev/stdout", "not a regular file")


def test_output_through_a_symlink_writes_its_regular_target(tmp_path: Path) -> None:
    target = tmp_path / "draft.txt"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o644)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    failed(probe(*CONTACT, "--output", str(link)), "exists")  # an existing file still needs --force
    ok(probe(*CONTACT, "--output", str(link), "--force"))
    # the file holds the draft to send: Korean, for the help centre, even with --lang en
    assert link.is_symlink() and "[결제·정산 문의]" in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # a replaced file keeps its permissions
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "nowhere")
    failed(probe(*CONTACT, "--output", str(dangling), "--force"), "symbolic link")
    assert not (tmp_path / "nowhere").exists()


def test_output_into_a_missing_folder_or_under_a_file(tmp_path: Path) -> None:
    failed(probe(*CONTACT, "--output", str(tmp_path / "nope" / "x.txt")), "cannot write")
    assert not (tmp_path / "nope").exists()
    (tmp_path / "file").write_text("", encoding="utf-8")
    failed(probe(*CONTACT, "--output", str(tmp_path / "file" / "x.txt")), "cannot write")


def test_a_new_output_file_is_private(tmp_path: Path) -> None:
    ok(probe(*CONTACT, "--order-no", "2026092412345678", "--output", str(tmp_path / "new.txt")))
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o600


# 4. YAML expansion ------------------------------------------------------------------------------


def laughs(levels: int, width: int, key: str = "keywords") -> str:
    """A FAQ whose keywords are aliases of aliases: width ** levels values from a few hundred bytes."""
    lines = ["version: 1", "synonyms:", "  - &l0 [" + ", ".join(["lol"] * width) + "]"]
    lines += [f"  - &l{n} [" + ", ".join([f"*l{n - 1}"] * width) + "]" for n in range(1, levels)]
    lines += [
        "entries:",
        "  - id: bomb",
        "    type: general",
        "    question: q",
        "    answer: a",
        f"    {key}: *l{levels - 1}",
    ]
    return "\n".join(lines) + "\n"


BOMBS = {
    "559 bytes": laughs(9, 9),
    "1 KB": laughs(12, 12),
    "recursive": "version: 1\nsynonyms: &s [[a, *s]]\nentries: []\n",
    "merge keys": "version: 1\nx0: &m0 {a: 1, b: 2}\n"
    + "".join(
        f"x{n}: &m{n} {{<<: [*m{n - 1}], k{n}: [*m{n - 1}, *m{n - 1}, *m{n - 1}, *m{n - 1}]}}\n" for n in range(1, 16)
    )
    + "entries: []\n",
}


def test_the_bombs_are_the_sizes_claimed() -> None:
    assert 500 <= len(BOMBS["559 bytes"].encode()) <= 600
    assert 900 <= len(BOMBS["1 KB"].encode()) <= 1100


@pytest.mark.parametrize("name", BOMBS)
@pytest.mark.parametrize("command", [("data", "check"), ("faq", "search", "lol")])
def test_alias_bombs_stop_quickly_naming_the_file(tmp_path: Path, name: str, command: Sequence[str]) -> None:
    (tmp_path / "faq.yaml").write_text(BOMBS[name], encoding="utf-8")
    start = time.perf_counter()
    result = probe(*command, "--data-dir", str(tmp_path), "--lang", "en", timeout=20, limit_memory=True)
    assert time.perf_counter() - start < 5
    err = result.stderr.decode()
    assert result.returncode == 2 and "Traceback" not in err, err
    assert f"{tmp_path / 'faq.yaml'}:" in err and "alias" in err


def test_a_bomb_in_channels_yaml_too(tmp_path: Path) -> None:
    builtin = (data.builtin_dir() / data.CHANNELS_FILE).read_text(encoding="utf-8")
    bomb = ["bomb0: &b0 [" + ", ".join(["lol"] * 10) + "]"]
    bomb += [f"bomb{n}: &b{n} [" + ", ".join([f"*b{n - 1}"] * 10) + "]" for n in range(1, 10)]
    (tmp_path / "channels.yaml").write_text(builtin + "\n" + "\n".join(bomb) + "\n", encoding="utf-8")
    failed(
        probe("hours", "--data-dir", str(tmp_path), "--lang", "en", limit_memory=True, timeout=20),
        "channels.yaml",
        "aliases",
    )


@pytest.mark.parametrize("name", BOMBS)
def test_expansion_is_measured_in_time_proportional_to_the_file(name: str) -> None:
    start = time.process_time()  # CPU time: a loaded machine cannot make this fail, a blow-up still does
    with deadline(5), pytest.raises(yamlio.TooLarge):
        yamlio.load(BOMBS[name])
    assert time.process_time() - start < 0.5


@pytest.mark.parametrize(
    "doc",
    [
        "a: &x [1, {b: 2}]\nc: *x\nd: *x\n",
        "k: &s text\nl: [*s, *s]\n",
        "a: *nope\n",
        "a: &x 1\nb: &x 2\n",
        "x: &m {a: 1}\ny: {<<: *m, b: 2}\n",
        "- &e []\n- *e\n",
    ],
)
def test_anchors_read_as_the_safe_loader_reads_them(doc: str) -> None:
    try:
        expected = yaml.load(doc, Loader=yamlio.Loader)
    except yaml.YAMLError as error:
        with pytest.raises(type(error)):
            yamlio.load(doc)
        return
    assert yamlio.load(doc) == expected


def test_anchors_used_as_intended_still_load() -> None:
    shared = "[" + ", ".join(f"w{i}" for i in range(50)) + "]"
    doc = "common: &c " + shared + "\n" + "".join(f"e{i}: {{k: *c}}\n" for i in range(2000))
    loaded = yamlio.load(doc)
    assert len(loaded) == 2001 and loaded["e1999"]["k"][49] == "w49"


# 6. Text that isn't what we expect --------------------------------------------------------------


def test_undecodable_argv_bytes_reach_the_draft_and_the_journal(tmp_path: Path) -> None:
    euc_kr = "정산 보류".encode("cp949")
    out = ok(
        probe(
            b"contact",
            b"--type",
            b"payment",
            b"--no-input",
            b"--json",
            b"--save",
            b"-d",
            b"\xff\xfe broken " + ESCAPES.encode(),
            b"--tried",
            euc_kr,
            b"--store-id",
            b"\xc3",
        )
    )
    draft_text = json.loads(out)["draft"]
    assert "\ufffd\ufffd broken" in draft_text and "정산 보류" in draft_text
    shown = json.loads(ok(probe("case", "show", "1", "--json")))
    assert shown["details"]["tried"] == "정산 보류"
    assert ok(probe("case", "show", "1")).count("정산 보류") >= 1


def test_euc_kr_on_stdin_and_bad_bytes_in_a_note(tmp_path: Path) -> None:
    ok(probe("contact", "--type", "payment", "--no-input", "--save"))
    ok(probe("case", "note", "1", stdin="상담사 답변: 3일 후 정산".encode("cp949")))
    ok(probe(b"case", b"note", b"1", b"\xff\x1b[31m red", b"--ref", b"\xfe"))
    ok(probe(b"case", b"close", b"1", b"--resolved", b"--feedback", b"\xff"))
    notes = json.loads(ok(probe("case", "show", "1", "--json")))["notes"]
    assert notes[0]["text"] == "상담사 답변: 3일 후 정산"
    assert notes[1]["text"] == "\ufffd[31m red" and "\x1b" not in json.dumps(notes, ensure_ascii=False)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("２０２６０９２４１２３４５６７８", "2026092412345678"),  # full-width
        ("¹²³⁴⁵⁶⁷⁸⁹", "123456789"),  # superscript
        ("٢٠٢٦٠٩٢٤١٢٣٤٥٦٧٨", "2026092412345678"),  # Arabic-Indic
        ("۲۰۲۶۰۹۲۴۱۲۳۴", "202609241234"),  # Persian
        ("2026－0924－1234 5678", "2026092412345678"),  # full-width hyphens and a space
    ],
)
def test_order_numbers_in_any_digits_become_ascii(typed: str, stored: str) -> None:
    assert draft.clean_order_no(typed) == stored
    doc = json.loads(ok(probe("contact", "--type", "payment", "--no-input", "--json", "--order-no", typed)))
    assert f"주문번호: {stored}\n" in doc["draft"] and doc["draft"].isascii() is False
    assert all(ch.isascii() for ch in stored)


@pytest.mark.parametrize("typed", ["12345678x", "1234567", "1" * 21, "１２３４五六七八", "\udcff" * 8, "½½½½½½½½"])
def test_order_numbers_that_are_not_digits_are_refused(typed: str) -> None:
    with pytest.raises(draft.BadOrderNumber):
        draft.clean_order_no(typed)


def test_a_bad_order_number_on_the_command_line() -> None:
    failed(probe(*CONTACT, "--order-no", "１２３４ABCD"), "order number")


@pytest.mark.parametrize("query", ["😀😀", "!!!", "🇰🇷 ✨", "…·—", "\u200b\u202e"])
def test_a_query_of_only_symbols_asks_for_a_search_term(query: str) -> None:
    failed(probe("faq", "search", query), "검색어를 입력하세요")
    failed(probe("faq", "search", query, "--json", "--lang", "en"), "type something to search for")


def test_a_query_with_undecodable_bytes_still_searches() -> None:
    out = ok(probe(b"faq", b"search", "정산 보류".encode() + b" \xff"))
    assert "settlement-hold" in out and "\ufffd" in out


def test_clean_repairs_and_strips() -> None:
    assert textin.clean(os.fsdecode("정산".encode("cp949"))) == "정산"
    assert textin.clean(os.fsdecode(b"\xff abc")) == "\ufffd abc"
    assert textin.clean("a\ud800b") == "a\ufffdb"  # a surrogate that was never a byte
    assert textin.clean(unicodedata.normalize("NFD", "정산")) == "정산"
    assert textin.clean("a" + ESCAPES + "\x00\tb\nc\r") == "a]0;owned[2J31m\tb\nc"
    assert textin.clean(os.fsdecode("상담 ".encode("cp949") + b"\xff")) == "상담 \ufffd"


# 7. Terminal injection --------------------------------------------------------------------------

CONTROL = set(map(chr, [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)])) | {"\u202e", "\u2066"}


def test_drafts_written_and_printed_carry_no_control_characters(tmp_path: Path) -> None:
    output = tmp_path / "draft.txt"
    shown = ok(
        probe(
            *CONTACT,
            "-d",
            "refund " + ESCAPES,
            "--tried",
            ESCAPES,
            "--store-id",
            "\x1bP+q\x1b\\",
            "--output",
            str(output),
        )
    )
    written = output.read_text(encoding="utf-8")
    assert "refund ]0;owned[2J31m" in written
    assert not CONTROL & set(written) and not CONTROL & set(shown.replace("\n", ""))
    doc = json.loads(ok(probe(*CONTACT, "-d", ESCAPES, "--json")))
    assert not CONTROL & set(doc["draft"].replace("\n", ""))


def test_stored_text_from_older_versions_is_stripped_in_follow_ups() -> None:
    from smartstore_help.store.journal import Journal

    journal = Journal(write=True)
    journal.add_case(
        "2026-11-20T10:00:00+09:00",
        "payment",
        {"urgent": True},
        {"description": "old " + ESCAPES, "store_id": "\x1b[8mhidden"},
        "chat",
        "chat",
        "draft " + ESCAPES,
    )
    journal.add_note(1, "2026-11-21T10:00:00+09:00", "promised " + ESCAPES, "\x1b]8;;http://x\x07ref")
    journal.close()
    out = ok(probe("case", "follow-up", "1", "--at", "2026-11-24 10:00"))
    assert "old ]0;owned" in out and "promised" in out
    assert not CONTROL & set(out.replace("\n", ""))
    doc = json.loads(ok(probe("case", "follow-up", "1", "--json", "--at", "2026-11-24 10:00")))
    assert not CONTROL & set(doc["draft"].replace("\n", ""))
    shown = ok(probe("case", "show", "1"))
    assert not CONTROL & set(shown.replace("\n", ""))


def test_json_of_stored_text_escapes_what_a_terminal_would_act_on() -> None:
    from smartstore_help.store.journal import Journal

    ok(probe("contact", "--type", "payment", "--no-input", "--save"))
    journal = Journal(write=True)
    journal.add_note(1, "2026-11-21T10:00:00+09:00", "c1 \x9b31m bidi \u202e del \x7f")
    journal.close()
    for args in (("case", "show", "1", "--json"), ("case", "export")):
        result = probe(*args)
        out = ok(result)
        assert not CONTROL & set(out.replace("\n", ""))
        assert "c1 \x9b31m bidi \u202e del \x7f" in json.dumps(json.loads(out), ensure_ascii=False)  # nothing lost


def test_a_template_from_the_data_cannot_inject_either() -> None:
    assert (
        draft.fill("[{type}]\x1b]0;x\x07 {description}\n", {"type": "결제", "description": "\x9b2J"})
        == "[결제]]0;x 2J\n"
    )


# 8. Edges of time -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "at",
    [
        "9999-12-31",
        "0001-01-01T00:00+09:00",
        "1900-01-01",
        "1969-12-31T23:59",
        "2100-01-01",
        "2099-12-31T23:00-05:00",
        "1970-01-01T00:00+09:01",
    ],
)
def test_times_outside_the_supported_range(at: str) -> None:
    for command in (("hours",), ("hours", "--week"), ("contact", "--type", "payment", "--no-input")):
        failed(probe(*command, "--at", at, "--lang", "en"), "--at", "1970", "2099", repr(at))
    failed(probe("contact", "--type", "payment", "--no-input", "--occurred-at", at), "--occurred-at", "1970", "2099")


@pytest.mark.parametrize("at", ["1970-01-01T00:00", "1988-07-01 12:00", "2099-12-31T23:59", "2099-12-31T14:59Z"])
def test_times_at_the_edges_of_the_range_work(at: str) -> None:
    for command in (("hours",), ("hours", "--week")):
        out = ok(probe(*command, "--at", at))
        assert "LMT" not in out and "+08" not in out


@pytest.mark.parametrize("by", ["9999-12-31", "0001-01-01", "2100-01-01T10:00"])
def test_a_promised_reply_outside_the_range(by: str) -> None:
    ok(probe("contact", "--type", "payment", "--no-input", "--save"))
    failed(probe("case", "note", "1", "x", "--reply-by", by, "--lang", "en"), "--reply-by", "1970", "2099")


@pytest.mark.parametrize("when", ["0001-01-01 10:00", "1969년 12월 31일 15시", "1900-01-01", "2100-01-01 10:00"])
def test_spoken_times_outside_the_range(when: str) -> None:
    failed(probe(*CONTACT, "--occurred-at", when), "--occurred-at", "1970", "2099")


def test_parse_at_enforces_the_range() -> None:
    assert timeparse.parse_at("2099-12-31 23:59", NOW, KST).year == 2099
    assert timeparse.parse_at("1969-12-31T15:00Z", NOW, KST) == datetime(1970, 1, 1, tzinfo=KST)
    for value in ("0001-01-01", "9999-12-31T23:59:59", "1969-12-31T14:59Z", "2100-01-01"):
        with pytest.raises(timeparse.TimeOutOfRange):
            timeparse.parse_at(value, NOW, KST)
    with pytest.raises(timeparse.BadTime):
        timeparse.parse_at("２０２６-01-01", NOW, KST)


# Siblings ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("faq", "show", ESCAPES),
        ("hours", "--at", ESCAPES),
        ("--lang", ESCAPES, "hours"),
        ("contact", "--type", ESCAPES, "--no-input"),
        ("hours", "--channel", ESCAPES),
    ],
)
def test_hostile_text_in_error_messages_is_escaped(args: Sequence[str]) -> None:
    result = probe(*args)
    err = result.stderr.decode()
    assert result.returncode == 2 and "Traceback" not in err
    assert not CONTROL & set(err.replace("\n", ""))


def test_a_huge_limit_and_a_huge_query() -> None:
    ok(probe("faq", "search", "정산", "--limit", "9" * 30))
    ok(probe("faq", "search", "정산 " * 10000, timeout=20))
