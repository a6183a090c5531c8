"""Every screen at 80 and 60 columns: nothing wider than the terminal, no trailing blanks, no
word or address split, and the columns that identify a row kept."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest
from helpers import run

URL = re.compile(r"https?://\S+")
BOX = set("─│╭╮╰╯━-+|")  # borders and rules, and their ASCII stand-ins on a code page without them


def width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def words(text: str) -> Counter[str]:
    return Counter(w for w in text.split() if not set(w) <= BOX)


def at(columns: int, *args: str) -> str:
    result = run(*args, columns=columns, env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def two_cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = str(tmp_path_factory.mktemp("journal"))
    env = {"SS_HELP_HOME": home}
    for args in (
        ["--type", "payment", "--at", "2026-09-25T11:00", "-d", "정산 보류"],
        ["--type", "return_exchange", "--at", "2026-09-26T11:00"],
    ):
        result = run("contact", "--no-input", "--save", *args, env=env)
        assert result.exit_code == 0, result.output
    return env


SCREENS = [
    ("hours", "--at", "2026-09-24T10:00"),
    ("hours", "--at", "2026-09-24T10:00", "--lang", "en"),
    ("hours", "--at", "2026-11-30T12:30", "--lang", "en"),
    ("hours", "--week", "--at", "2026-09-21T10:00", "--lang", "en"),
    ("channels",),
    ("channels", "--lang", "en"),
    ("case", "list"),
    ("case", "list", "--lang", "en"),
    ("case", "show", "1", "--lang", "en"),
    ("contact", "--type", "payment", "--urgent", "--no-input", "--at", "2026-09-25T11:00", "-d", "정산 보류"),
    ("contact", "--type", "technical", "--no-input", "--at", "2026-09-25T11:00", "--lang", "en"),
    ("faq", "search", "정산 보류"),
    ("faq", "show", "phone-number"),
    ("faq", "list", "--lang", "en"),
]
WORD_FOR_WORD = {"hours", "channels", "case"}  # (elsewhere previews are cut to the width on purpose)


@pytest.mark.parametrize("columns", [80, 60])
@pytest.mark.parametrize("args", SCREENS, ids=" ".join)
def test_screens_fit(
    args: tuple[str, ...], columns: int, two_cases: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in two_cases.items():
        monkeypatch.setenv(name, value)
    wide, narrow = at(200, *args), at(columns, *args)
    lines = narrow.splitlines()
    # an address longer than the terminal stands alone on its line, unfolded, so that it copies whole
    too_wide = [line for line in lines if width(line) > columns]
    assert [line for line in too_wide if not URL.fullmatch(line.strip())] == []
    assert [line for line in lines if line != line.rstrip()] == []
    for url in URL.findall(wide):
        assert url in narrow, f"{url} split"
    if args[:2] == ("case", "list"):  # its description column is cut to fit (or left out) on purpose
        assert not words(narrow) - words(wide)
    elif args[0] in WORD_FOR_WORD and args[:2] != ("hours", "--week"):
        assert words(narrow) == words(wide)


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("columns", [80, 60, 40])
def test_case_list_keeps_the_number_and_the_type(
    lang: str, columns: int, two_cases: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in two_cases.items():
        monkeypatch.setenv(name, value)
    out = at(columns, "case", "list", "--lang", lang)
    header = out.splitlines()[0].split()
    assert header[0] == "#" and ("유형" if lang == "ko" else "Type") in header
    assert "반품·교환" in out if lang == "ko" else "Returns" in out
    assert re.search(r"^2 ", out, re.M) and re.search(r"^1 ", out, re.M)


def test_a_long_choice_is_cut_at_a_word() -> None:
    from smartstore_help.ui.term import truncate

    title = "기술 문제 (오류·로그인·상품 등록) — 화면 오류, 저장 안 됨, 로그인·인증, 이미지 등록 실패"
    short = truncate(title, 76)
    assert short.endswith("…") and width(short) <= 76
    assert title.startswith(short[:-1]) and title[len(short) - 1] in " ,"  # cut at the end of a word
    assert truncate("짧은 제목", 76) == "짧은 제목"
