"""The front door: usage errors, help, languages, encodings, colour, completion, exit codes."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from string import Formatter

import pytest
from helpers import run

from smartstore_help.core import helptexts, i18n
from smartstore_help.core.i18n import t
from smartstore_help.core.particles import has_final_consonant

HANGUL = re.compile("[\uac00-\ud7a3\u3131-\u318e]")
ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "smartstore_help"
COMMANDS = [
    "",
    "hours",
    "channels",
    "data",
    "data check",
    "faq",
    "faq search",
    "faq show",
    "faq list",
    "contact",
    "case",
    "case list",
    "case show",
    "case note",
    "case close",
    "case follow-up",
    "case export",
    "case delete",
    "completion",
    "paths",
]


def ss_help(
    *args: str, env: dict[str, str] | None = None, timeout: float = 30, **kw: object
) -> subprocess.CompletedProcess[bytes]:
    """The installed program as a real process (for what only a process shows: encodings, signals)."""
    exe = Path(sys.executable).with_name("ss-help")
    full_env = {**os.environ, "COLUMNS": "80", **(env or {})}
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kw}
    return subprocess.run([str(exe), *args], env=full_env, timeout=timeout, check=False, **streams)  # type: ignore[call-overload,no-any-return]


USAGE_ERRORS = [
    (["hours", "--bogus"], "--bogus"),
    (["hours", "--at"], "--at"),
    (["case", "show", "abc"], "abc"),
    (["hourz"], "hourz"),
    (["faq", "search", "--limit", "many", "정산"], "many"),
    (["case", "export", "--csv", "--json"], "--csv"),
    (["hours", "--week", "--check", "phone"], "--check"),
    (["hours", "now", "please"], "now please"),
    (["faq", "show"], "ID"),
    (["completion", "tcsh"], "tcsh"),
    (["--lang", "fr", "hours"], "fr"),
]


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize(("args", "named"), USAGE_ERRORS)
def test_usage_errors_are_one_line_in_the_sellers_language(args: list[str], named: str, lang: str) -> None:
    result = run(*args, env={"SS_HELP_LANG": lang})
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and named in lines[0], result.stderr
    assert not re.search("[╭│╰─]", result.stderr)
    if args[:2] != ["--lang", "fr"]:  # an unknown language is said in both
        assert bool(HANGUL.search(lines[0])) == (lang == "ko"), lines[0]
        assert lines[0].startswith("오류: " if lang == "ko" else "error: ")


def test_an_unknown_command_suggests_the_near_one() -> None:
    assert "혹시 hours?" in run("hourz").stderr
    assert "did you mean faq?" in run("--lang", "en", "fqa").stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_help_is_in_one_language_with_examples(command: str) -> None:
    english = run(*command.split(), "--help", env={"SS_HELP_LANG": "en"})
    korean = run(*command.split(), "-h")
    assert english.exit_code == korean.exit_code == 0
    assert not HANGUL.search(english.stdout), english.stdout
    assert "Usage:" in english.stdout and "사용법:" in korean.stdout
    prose = [line for line in korean.stdout.splitlines() if "ss-help" not in line]
    for line in prose:  # Korean help: names and flags in Latin letters, never an English sentence
        assert not re.search(r"\b[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}\b", line), line
    if command:  # every command shows how it is used, like gh's help
        assert "$ ss-help" in english.stdout and "$ ss-help" in korean.stdout


def test_help_fits_80_columns_without_cutting() -> None:
    for command in COMMANDS:
        result = run(*command.split(), "-h", columns=80)
        for line in result.stdout.splitlines():
            assert sum(2 if HANGUL.match(ch) else 1 for ch in line) <= 80, line
        assert "…" not in result.stdout


def test_bare_groups_show_their_help() -> None:
    for group in ([], ["case"], ["faq"], ["data"]):
        result = run(*group)
        assert result.exit_code == 0 and "사용법:" in result.stdout


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish", "powershell"])
def test_completion_scripts(shell: str) -> None:
    result = run("completion", shell)
    assert result.exit_code == 0 and "_SS_HELP_COMPLETE" in result.stdout


def test_completion_answers_the_shell() -> None:
    done = ss_help(env={"_SS_HELP_COMPLETE": "complete_bash", "COMP_WORDS": "ss-help faq s", "COMP_CWORD": "2"})
    assert done.returncode == 0 and done.stdout.decode().split() == ["search", "show"]


@pytest.mark.parametrize("encoding", ["cp949", "ascii"])
@pytest.mark.parametrize(
    "args",
    [
        ["hours", "--week"],
        ["channels"],
        ["contact", "--type", "payment", "--no-input"],
        ["faq", "search", "정산", "보류"],
        ["faq", "show", "settlement-hold"],
        ["hours", "--lang", "en"],
        ["case", "list"],
    ],
)
def test_any_code_page_gets_its_output(args: list[str], encoding: str) -> None:
    done = ss_help(*args, env={"PYTHONIOENCODING": encoding})
    assert done.returncode == 0, done.stderr.decode(encoding, "replace")
    text = done.stdout.decode(encoding)  # it really is in that encoding
    assert text.strip() and not done.stderr


def test_ascii_mode_draws_no_ambiguous_symbols() -> None:
    result = run("hours", "--at", "2026-11-24 12:30", "--week", env={"SS_HELP_ASCII": "1"})
    assert result.exit_code == 0
    assert not re.search("[●·─█▒▼•╭│]", result.stdout) and "#" in result.stdout
    contact = run("--ascii", "contact", "--type", "payment", "--no-input", "--at", "2026-11-24 10:00")
    assert contact.exit_code == 0 and not re.search("[●·─█▒▼•╭│╰]", contact.stdout)


def test_no_color_wins_over_force_color() -> None:
    forced = run("hours", "--at", "2026-11-24 10:00", env={"FORCE_COLOR": "1"})
    both = run("hours", "--at", "2026-11-24 10:00", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    panels = run("contact", "--type", "payment", "--no-input", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[" in forced.stdout
    assert "\x1b" not in both.stdout and "\x1b" not in panels.stdout


def test_no_trailing_spaces() -> None:
    for args in (
        ["hours"],
        ["hours", "--week"],
        ["faq", "list"],
        ["contact", "--type", "payment", "--no-input"],
        ["faq", "show", "settlement-hold"],
        ["channels"],
    ):
        for line in run(*args).stdout.splitlines():
            assert line == line.rstrip(), (args, line)


def test_json_everywhere_it_is_asked_for() -> None:
    channels = json.loads(run("channels", "--json").stdout)
    assert {c["id"] for c in channels["channels"]} == {"chat", "phone", "faq", "email"}
    assert all(c["source"] and c["checked"] for c in channels["channels"])
    check = json.loads(run("data", "check", "--json").stdout)
    assert check["valid"] is True and check["problems"] == []
    week = json.loads(run("hours", "--week", "--json", "--at", "2026-09-21 10:00").stdout)
    assert [d["holiday"] for d in week["days"][3:6]] == ["추석 전날", "추석", "추석 다음날"]
    assert week["days"][0]["periods"][0] == ["2026-09-21T09:00:00+09:00", "2026-09-21T12:00:00+09:00"]
    closed = run("hours", "--check", "phone", "--json", "--at", "2026-11-28 10:00")
    assert closed.exit_code == 1 and json.loads(closed.stdout)["channels"][0]["reason"] == "weekend"


def test_paths_names_where_things_live(tmp_path: Path) -> None:
    doc = json.loads(run("paths", "--json", env={"SS_HELP_HOME": str(tmp_path / "h")}).stdout)
    assert doc["journal"] == str(tmp_path / "h" / "cases.db")
    assert set(doc) == {"journal", "cache", "channels", "faq"}
    assert "상담 기록: " in run("paths").stdout


def test_a_closed_pipe_is_its_own_exit_code() -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line is written
    try:
        done = ss_help("faq", "list", stdout=write_end, stderr=subprocess.PIPE)
    finally:
        os.close(write_end)
    assert done.returncode == 141
    assert b"Traceback" not in done.stderr and b"Exception" not in done.stderr


def test_a_full_disk_is_one_line() -> None:
    with open("/dev/full", "wb") as full:
        done = ss_help("hours", stdout=full)
    lines = done.stderr.decode().splitlines()
    assert done.returncode == 2 and len(lines) == 1 and "출력을 쓸 수 없습니다" in lines[0]


@pytest.mark.parametrize("module", ["typer", "smartstore_help.cli.tree", "rich", "yaml"])
@pytest.mark.cold_cache  # (yaml is imported only to build the cache)
def test_ctrl_c_while_the_program_is_still_loading_is_130(module: str) -> None:
    """Ctrl-C pressed while the command line is being loaded (the first ~100 ms): a KeyboardInterrupt
    raised exactly when `module` is imported must end as 130 with one line, never a traceback."""
    code = (
        "import sys\n"
        "class Interrupt:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name == {module!r}:\n"
        "            raise KeyboardInterrupt\n"
        "sys.meta_path.insert(0, Interrupt())\n"
        "from smartstore_help.cli.main import main\n"
        "main(['contact', '--type', 'payment', '--no-input'])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        timeout=60,
        check=False,
        env={**os.environ, "SS_HELP_LANG": "en"},
    )
    assert done.returncode == 130, done.stderr.decode()
    assert done.stderr.decode().splitlines() == ["Stopped. Nothing was saved or changed."]


def catches_interrupts(pid: int, timeout: float = 10) -> None:
    """Wait until the process `pid` has a handler for SIGINT: the Python interpreter is up (Linux;
    elsewhere, or once it has ended, return at once). On a busy machine that can take longer than
    the delays below, and a signal before it kills the process whatever program it would run."""
    status = Path(f"/proc/{pid}/status")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            caught = next(line for line in status.read_text().splitlines() if line.startswith("SigCgt:"))
        except (OSError, StopIteration):
            return
        if int(caught.split()[1], 16) & (1 << (signal.SIGINT - 1)):
            return
        time.sleep(0.002)


@pytest.mark.parametrize("delay", [0.1, 0.2, 0.4])
def test_ctrl_c_from_the_terminal_is_130(delay: float) -> None:
    exe = Path(sys.executable).with_name("ss-help")
    child = subprocess.Popen(
        [str(exe), "hours", "--wait"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "SS_HELP_LANG": "en"},
    )
    catches_interrupts(child.pid)  # (before Python is up, Ctrl-C kills any program, ours or not)
    time.sleep(delay)
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=30)
    assert b"Traceback" not in err
    # 0: the phone line was open and it said so before the signal; -SIGINT: the signal came as it
    # was exiting and ended it (a shell reports that as 130 too)
    assert child.returncode in (0, 130, -signal.SIGINT)


def test_every_message_exists_in_both_languages_and_is_used() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py") if p.name != "i18n.py")
    dynamic = (
        "state.",
        "reason.",
        "faq.type.",
        "faq.kind.",
        "case.status.",
        "error.journal.",
        "paths.",
        "clipboard.",
        "usage.",
        "contact.yes",
        "contact.no",
        "detail.",
        "export.col.",
    )
    for key, (ko, en) in i18n._MESSAGES.items():
        assert ko.strip() and en.strip(), key
        # the placeholders as str.format reads them: `{{창구 id}}` is a literal brace, not a name
        names = [{name for _, name, _, _ in Formatter().parse(text) if name} for text in (ko, en)]
        assert names[0] == names[1], key
        used = f'"{key}"' in source or f"'{key}'" in source or key.startswith(dynamic)
        assert used, f"unused message {key}"
    for key, (ko, en) in helptexts.HELP.items():
        assert ko.strip() and en.strip() and not HANGUL.search(en), key


@pytest.mark.parametrize(
    ("word", "final"),
    [
        ("1", True),
        ("2", False),
        ("3", True),
        ("10", True),
        ("15", False),
        ("상담", True),
        ("메모", False),
        ("email", True),
        ("#9", False),
    ],
)
def test_korean_particles_follow_the_sound(word: str, final: bool) -> None:
    assert has_final_consonant(word) is final


def test_messages_use_the_right_particle() -> None:
    assert t("case.saved", "ko", id=1).startswith("상담 기록 #1을 저장했습니다")
    assert t("case.saved", "ko", id=2).startswith("상담 기록 #2를 저장했습니다")
    assert t("error.unknown_case", "ko", id=4).startswith("상담 기록 #4가 없습니다")
    assert "을(를)" not in "".join(ko for ko, _ in i18n._MESSAGES.values())


@pytest.mark.parametrize(
    ("layer", "banned"),
    [
        ("core", ("typer", "rich", "questionary", "sqlite3", "prompt_toolkit", "holidays", "rapidfuzz")),
        ("store", ("typer", "rich", "questionary", "prompt_toolkit")),
    ],
)
def test_the_lower_layers_never_import_the_shell_libraries(layer: str, banned: tuple[str, ...]) -> None:
    modules = sorted(p.stem for p in (SRC / layer).glob("*.py") if p.stem != "__init__")
    assert len(modules) >= 5
    code = (
        "import sys\n"
        + "".join(f"import smartstore_help.{layer}.{m}\n" for m in modules)
        + f"print(sorted(m for m in {banned!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60, check=True)
    assert done.stdout.decode().strip() == "[]"


def test_hours_never_loads_rich_or_questionary() -> None:
    code = (
        "import sys\nfrom smartstore_help.cli.main import run\nrun(['hours'])\nrun(['faq', 'search', '정산'])\n"
        "print(sorted(m for m in ('rich', 'questionary', 'prompt_toolkit', 'sqlite3', 'rapidfuzz') "
        "if m in sys.modules), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60, check=True)
    assert done.stderr.decode().strip().splitlines()[-1] == "[]"


def test_an_empty_home_never_means_the_root_folder() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SS_HELP_", "XDG_"))}
    done = subprocess.run(
        [str(Path(sys.executable).with_name("ss-help")), "paths", "--json"],
        env={**env, "HOME": ""},
        capture_output=True,
        timeout=30,
        check=True,
    )
    where = json.loads(done.stdout)
    import pwd

    account_home = pwd.getpwuid(os.getuid()).pw_dir
    assert where["journal"].startswith(account_home) and where["cache"].startswith(account_home)
