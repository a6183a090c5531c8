"""What the seller acts on (issue 16): every channel with how to reach it, the closing summary,
text that arrives whole (channels, FAQ markup), the dates and reasons of openings, Korean values."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import run

from smartstore_help.core import markup
from smartstore_help.core.model import ChannelData, Lang
from smartstore_help.store import data

ROOT = Path(__file__).resolve().parents[1]


def _faq_ids() -> list[str]:
    return [e.id for e in data.load_faq().entries]


# --- 1. every channel with how to reach it ------------------------------------------------------


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_urgent_payment_before_opening_names_the_number_everywhere(lang: str, cfg: ChannelData) -> None:
    number = cfg.channel("phone").phone
    assert number
    result = run("contact", "--type", "payment", "--urgent", "--no-input", "--at", "2026-11-24 08:00", "--lang", lang)
    assert result.exit_code == 0, result.output
    out = result.stdout
    others = out.split("다른 방법" if lang == "ko" else "Other ways")[1]
    assert number in others  # in the alternative line of the phone, not only in the card
    summary = out.split("요약" if lang == "ko" else "In short")[-1]
    assert number in summary
    doc = json.loads(
        run("contact", "--type", "payment", "--urgent", "--no-input", "--json", "--at", "2026-11-24 08:00").stdout
    )
    reach = {r["channel"]: r["reach"] for r in doc["recommendations"]}
    assert reach["phone"]["phone"] == number and reach["phone"]["ars"]
    assert reach["chat"]["where"] and reach["chat"]["url"].startswith("https://")
    assert reach["email"]["where"] and reach["email"]["url"]
    assert all(r["name"] for r in doc["recommendations"])


def test_the_number_comes_from_the_data(tmp_path: Path) -> None:
    text = (ROOT / "data" / "channels.yaml").read_text(encoding="utf-8").replace("phone: 1588-3819", "phone: 1544-0000")
    (tmp_path / "channels.yaml").write_text(text, encoding="utf-8")
    out = run(
        "contact",
        "--type",
        "payment",
        "--urgent",
        "--no-input",
        "--at",
        "2026-11-24 08:00",
        "--data-dir",
        str(tmp_path),
    ).stdout
    summary = out.split("요약")[-1]
    assert "1544-0000" in summary


# --- 2. the closing summary ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_summary_is_last_and_short(lang: str) -> None:
    result = run(
        "contact", "--type", "payment", "--urgent", "--no-input", "--save", "--at", "2026-12-31 19:00", "--lang", lang
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.rstrip("\n").splitlines()
    title = "요약" if lang == "ko" else "In short"
    start = max(i for i, line in enumerate(lines) if line.startswith(title))
    summary = "\n".join(lines[start:])
    assert len(lines) - start <= 14 and all(len(line) <= 80 for line in lines[start:])
    assert "#1" in summary and "ss-help case show 1" in summary
    assert (
        ("1월 4일" in summary and "신정" in summary) if lang == "ko" else ("4 Jan" in summary and "New Year" in summary)
    )
    assert ("[결제·정산 문의] [긴급]") in summary  # the draft's first line: the Korean one, to send


# --- 7. the draft in Korean -----------------------------------------------------------------------


def test_english_mode_sends_a_korean_draft_and_shows_the_english() -> None:
    out = run(
        "contact", "--type", "technical", "--simple", "--no-input", "--at", "2026-11-24 10:00", "--lang", "en"
    ).stdout
    assert "[기술 문제 문의]" in out and "[Technical fault]" in out
    assert out.index("[기술 문제 문의]") < out.index("[Technical fault]")
    doc = json.loads(
        run(
            "contact", "--type", "technical", "--simple", "--no-input", "--json", "--lang", "en", "--draft-lang", "en"
        ).stdout
    )
    assert doc["draft_lang"] == "en" and doc["draft"].startswith("[Technical fault]")
    assert doc["draft_ko"].startswith("[기술 문제 문의]") and doc["draft_en"] == doc["draft"]
    bad = run("contact", "--type", "technical", "--no-input", "--draft-lang", "fr")
    assert bad.exit_code == 2 and "--draft-lang" in bad.stderr


# --- 3. text that arrives whole -------------------------------------------------------------------


def _words(cfg: ChannelData, lang: Lang) -> set[str]:
    from smartstore_help.core import timesay

    texts: list[str] = []
    for c in cfg.channels:
        texts += [c.contact(lang) if not c.phone else "", c.ars(lang) if c.ars else "", c.url or ""]
        texts += [p(lang) for p in c.pros] + [n(lang) for n in c.cons]
        texts.append(timesay.schedule_summary(c.schedule, lang))
    return {w for text in texts for w in text.split()}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_channels_never_cut_or_drop_a_word(lang: Lang, cfg: ChannelData) -> None:
    wanted = _words(cfg, lang)
    for columns in range(60, 161, 5):
        out = run("channels", "--lang", lang, columns=columns).stdout
        assert all(len(line) <= columns * 2 for line in out.splitlines())
        assert "…" not in out, columns
        tokens = set(re.sub(r"[│╭╮╰╯─]", " ", out).split())
        missing = wanted - tokens
        assert not missing, (columns, missing)


def test_markup_pairs_marks_whatever_surrounds_them() -> None:
    spans = markup.inline("**정산관리 > 정산 내역(일별/건별)**에서 `ss-help`를")
    assert spans[0] == markup.Span("정산관리 > 정산 내역(일별/건별)", frozenset({"bold"}))
    assert spans[1].text == "에서 " and spans[2].styles == frozenset({"code"})
    assert markup.plain("a ** b ` c") == "a  b  c"  # unpaired marks dropped
    assert markup.plain("- one\n- **two**\n\n1. three") == "- one\n- two\n1. three"
    assert markup.one_line("**정산관리 > 정산 내역**에서") == "정산관리 > 정산 내역에서"
    assert markup.plain(r"5 \* 3") == "5 * 3"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_faq_answer_renders_without_marks(lang: Lang) -> None:
    """Every entry through the view `faq show` draws and the text its JSON gives; a sample of them
    through the whole command as well (each run builds the command tree: all of them would take long)."""
    from datetime import date

    from smartstore_help.core import markup
    from smartstore_help.ui.iostreams import IOStreams
    from smartstore_help.ui.render import faq_show_view

    stray = re.compile(r"\*|`")
    help_url = data.load_channels().help_center.url
    for entry in data.load_faq().entries:
        io = IOStreams.test(columns=80)
        io.show(faq_show_view(entry, lang, help_url, date(2026, 12, 7)))
        shown = io.written()
        assert not stray.search(shown), (entry.id, shown)
        assert not stray.search(markup.plain(entry.answer_in(lang))), entry.id
    for entry_id in _faq_ids()[::12]:
        shown_cli = run("faq", "show", entry_id, "--lang", lang)
        assert shown_cli.exit_code == 0 and not stray.search(shown_cli.stdout), (entry_id, shown_cli.stdout)
        doc = json.loads(run("faq", "show", entry_id, "--lang", lang, "--json").stdout)
        assert not stray.search(doc["answer"]), (entry_id, doc["answer"])


def test_menu_paths_keep_their_arrow_in_previews() -> None:
    out = run("faq", "search", "정산", "내역", "엑셀", "--limit", "1").stdout
    assert "정산관리 > 정산 내역" in out and "**" not in out


# --- 6. dates and reasons of openings, Korean values ------------------------------------------------


def test_hours_says_the_date_and_why_when_not_today_or_tomorrow() -> None:
    out = " ".join(run("hours", "--at", "2026-12-31 23:59", columns=200).stdout.split())
    assert "1월 4일 (월) 09:00 열림" in out and "신정" in out
    en = " ".join(run("hours", "--at", "2026-12-31 23:59", "--lang", "en", columns=200).stdout.split())
    assert "Mon 4 Jan 09:00" in en and "New Year" in en
    near = run("hours", "--at", "2026-11-30 12:30").stdout
    assert "오늘 13:00 열림" in near


@pytest.mark.parametrize(
    ("flag", "value", "key", "expected"),
    [
        ("--type", "결제", "type", "payment"),
        ("--type", "결제·정산", "type", "payment"),
        ("--type", "정산", "type", "payment"),
        ("--type", "반품", "type", "return_exchange"),
        ("--type", "교환", "type", "return_exchange"),
        ("--type", "반품·교환", "type", "return_exchange"),
        ("--type", "기술", "type", "technical"),
        ("--type", "오류", "type", "technical"),
        ("--type", "Payment", "type", "payment"),
        ("--prefer", "전화", "prefer", "phone"),
        ("--prefer", "채팅", "prefer", "chat"),
        ("--prefer", "톡톡", "prefer", "chat"),
        ("--prefer", "이메일", "prefer", "email"),
        ("--prefer", "1:1", "prefer", "email"),
    ],
)
def test_korean_labels_are_values(flag: str, value: str, key: str, expected: str) -> None:
    args = ["contact", "--no-input", "--json", flag, value]
    if flag != "--type":
        args += ["--type", "payment"]
    result = run(*args)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert (doc["type"] if key == "type" else doc["answers"][key]) == expected


def test_chosen_takes_a_korean_label_and_an_unknown_one_is_named() -> None:
    result = run("contact", "--type", "payment", "--no-input", "--save", "--chosen", "전화", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(run("case", "show", "1", "--json").stdout)["chosen"] == "phone"
    bad = run("contact", "--type", "팩스", "--no-input")
    assert bad.exit_code == 2 and "payment" in bad.stderr and "결제·정산" in bad.stderr


# --- 6. one parser for --at and --occurred-at -----------------------------------------------------

WEDNESDAY = "2026-11-25 10:00"


@pytest.mark.parametrize(
    ("typed", "past", "ahead"),
    [
        ("지난주 금요일 14:00", "2026-11-20 14:00", "2026-11-20 14:00"),
        ("금요일 오후 2시", "2026-11-20 14:00", "2026-11-27 14:00"),
        ("last friday 2pm", "2026-11-20 14:00", "2026-11-20 14:00"),
        ("friday 2pm", "2026-11-20 14:00", "2026-11-27 14:00"),
        ("이번주 월요일 10:00", "2026-11-23 10:00", "2026-11-23 10:00"),
        ("수요일 9시", "2026-11-25 09:00", "2026-11-25 09:00"),
        ("내일 10:00", None, "2026-11-26 10:00"),
        ("모레 오후 3시", None, "2026-11-27 15:00"),
        ("tomorrow 9am", None, "2026-11-26 09:00"),
        ("다음주 월요일 10시", None, "2026-11-30 10:00"),
    ],
)
def test_weekdays_and_tomorrow_are_read_the_same_for_both_options(typed: str, past: str | None, ahead: str) -> None:
    from helpers import KST, kst

    from smartstore_help.core import timeparse

    now = kst(WEDNESDAY)
    assert timeparse.parse_at(typed, now, KST) == kst(ahead)
    if past is None:
        with pytest.raises(timeparse.BadTime) as refused:
            timeparse.parse_when(typed, now, KST)
        assert refused.value.kind == "future"
    else:
        assert timeparse.parse_when(typed, now, KST) == kst(past)


def test_spoken_times_through_the_options() -> None:
    doc = json.loads(
        run(
            "contact",
            "--type",
            "payment",
            "--no-input",
            "--json",
            "--at",
            "2026-11-25 10:00",
            "--occurred-at",
            "지난주 금요일 14:00",
        ).stdout
    )
    assert "확인한 시각: 2026-11-20 14:00 KST" in doc["draft"]
    hours = run("hours", "--at", "내일 10:00")
    assert hours.exit_code == 0, hours.output
    assert "10:00 KST" in hours.stdout.splitlines()[0]
    future = run(
        "contact", "--type", "payment", "--no-input", "--at", "2026-11-25 10:00", "--occurred-at", "내일 10:00"
    )
    assert future.exit_code == 2 and "--occurred-at" in future.stderr
    bad = run("hours", "--at", "언젠가")
    assert bad.exit_code == 2 and "내일 10:00" in bad.stderr


# --- 4. a journal that keeps its story ------------------------------------------------------------


class Replies:
    """A prompter that answers each question in turn and records what was asked."""

    def __init__(self, *replies: str) -> None:
        self.replies, self.asked = list(replies), list[str]()

    def select(self, message: str, choices: object, default: object = None, **_: object) -> str:
        self.asked.append(message)
        return self.replies.pop(0)

    def text(self, message: str, default: str = "", validate: object = None, **_: object) -> str:
        self.asked.append(message)
        return self.replies.pop(0)

    def show(self, content: object) -> None:
        pass


def _saved_case(description: str = "정산 보류 안내를 받았어요") -> None:
    saved = run(
        "contact",
        "--type",
        "payment",
        "--no-input",
        "--save",
        "--chosen",
        "phone",
        "--at",
        "2026-09-23 15:00",
        "-d",
        description,
        "--json",
    )
    assert saved.exit_code == 0, saved.output


def test_a_second_close_keeps_the_first_outcome() -> None:
    _saved_case()
    assert (
        run(
            "case", "close", "1", "--resolved", "--rating", "4", "--feedback", "친절했어요", "--at", "2026-09-24 10:00"
        ).exit_code
        == 0
    )
    again = run("case", "close", "1", "--unresolved", "--at", "2026-09-25 10:00")
    assert again.exit_code == 0 and "친절했어요" in again.stdout  # the seller is told it is kept
    doc = json.loads(run("case", "show", "1", "--json").stdout)
    assert [(o["resolved"], o["rating"], o["feedback"]) for o in doc["outcomes"]] == [
        (True, 4, "친절했어요"),
        (False, 4, "친절했어요"),  # not given again: carried over, so stats keep the rating
    ]
    assert doc["resolved"] is False and doc["rating"] == 4
    shown = run("case", "show", "1").stdout
    assert "해결됨 · 평점 4/5 · 친절했어요" in shown and "이전 결과" in shown and "해결 안 됨" in shown
    stats = json.loads(run("case", "stats", "--json").stdout)
    assert stats["channels"][0]["avg_rating"] == 4


def test_close_on_a_terminal_asks_for_outcome_rating_and_feedback() -> None:
    from smartstore_help.ui.iostreams import IOStreams

    _saved_case()
    replies = Replies("no", "2", "회신이 없었어요")
    io = IOStreams.test(interactive=True, prompter=replies)
    result = run("case", "close", "1", io=io)
    assert result.exit_code == 0, result.output
    assert len(replies.asked) == 3 and not replies.replies
    doc = json.loads(run("case", "show", "1", "--json").stdout)
    assert (doc["resolved"], doc["rating"], doc["feedback"]) == (False, 2, "회신이 없었어요")
    no_terminal = run("case", "close", "1")
    assert no_terminal.exit_code == 2 and "--resolved" in no_terminal.stderr


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_case_feedback_points_to_case_close(lang: str) -> None:
    result = run("case", "feedback", "1", "--lang", lang)
    assert result.exit_code == 2
    assert "case close" in result.stderr and "--feedback" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_follow_up_cites_the_latest_note_and_promise() -> None:
    _saved_case()
    run("case", "note", "1", "상담사: 2영업일 내 회신 드리겠습니다", "--reply-within", "2", "--at", "2026-09-23 15:20")
    doc = json.loads(run("case", "follow-up", "1", "--at", "2026-09-30 10:00", "--json").stdout)
    said = next(line for line in doc["draft"].splitlines() if line.startswith("안내받은 내용"))
    assert "2영업일 내 회신" in said and "(없음)" not in said
    assert "약속받은 회신: 2026-09-29" in doc["draft"]


@pytest.mark.parametrize("columns", [70, 80, 120])
def test_case_list_has_a_description_cut_to_fit(columns: int) -> None:
    _saved_case("정산 보류 안내를 받았는데 언제 풀리는지 알려 주는 곳이 없어서 문의합니다 아주 길게")
    out = run("case", "list", columns=columns).stdout
    from smartstore_help.ui.term import width

    assert all(width(line) <= columns for line in out.splitlines())
    assert "내용" in out.splitlines()[0] and "정산 보류" in out
    if columns < 120:
        assert "…" in out


def test_the_delete_question_names_the_case() -> None:
    from smartstore_help.ui.iostreams import IOStreams

    _saved_case()
    replies = Replies("no", "no")
    io = IOStreams.test(interactive=True, prompter=replies, columns=120)
    assert run("case", "delete", "1", io=io).exit_code == 0
    narrow = IOStreams.test(interactive=True, prompter=replies, columns=60)
    assert run("case", "delete", "1", io=narrow).exit_code == 0
    from smartstore_help.ui.term import width

    assert width(replies.asked[1]) <= 60 - 2 and "결제·정산" in replies.asked[1]  # one line, still named
    assert "결제·정산" in replies.asked[0] and "2026-09-23 15:00" in replies.asked[0]
    assert "정산 보류 안내를 받았어요" in replies.asked[0]


# --- 5. promises reach the calendar ---------------------------------------------------------------


def _unfold(document: bytes) -> list[str]:
    """RFC 5545 read back: CRLF lines of at most 75 octets, continuations joined, as text."""
    assert document.endswith(b"\r\n") and b"\n" not in document.replace(b"\r\n", b"")
    physical = document[:-2].split(b"\r\n")
    assert all(len(line) <= 75 for line in physical), max(physical, key=len)
    logical: list[bytes] = []
    for line in physical:
        if line.startswith(b" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    return [line.decode("utf-8") for line in logical]  # a character split across a fold would not decode


def _unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


def _events(lines: list[str]) -> list[dict[str, str]]:
    events: list[dict[str, str]] = []
    for line in lines:
        if line == "BEGIN:VEVENT":
            events.append({})
        elif events and line != "END:VEVENT" and "END:VEVENT" not in events[-1]:
            name, _, value = line.partition(":")
            events[-1][name] = value
    return events


def test_due_as_icalendar() -> None:
    from smartstore_help.ui.iostreams import IOStreams

    _saved_case()
    long_promise = "상담사 김민지: 정산 보류 사유를 확인해서, 2영업일 안에; 전화로 회신 드리겠습니다 \\ 끝까지 확인"
    run("case", "note", "1", long_promise, "--reply-within", "2", "--at", "2026-09-23 15:20")
    _saved_case("두 번째")
    run("case", "note", "2", "3일 안에 답변", "--reply-by", "2026-10-05", "--at", "2026-09-23 16:00")
    run("case", "close", "2", "--resolved")  # a closed case's promise is not on the calendar
    _saved_case("세 번째")
    run("case", "note", "3", "", "--reply-by", "2026-10-06 15:00", "--at", "2026-09-23 16:00")
    io = IOStreams.test()
    result = run("case", "due", "--ics", "--at", "2026-09-24 10:00", io=io)
    assert result.exit_code == 0, result.output
    raw: bytes = io.out.stream.buffer.getvalue()  # type: ignore[attr-defined]
    lines = _unfold(raw)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    events = _events(lines)
    assert len(events) == 2
    first, third = events
    assert first["DTSTART"] == "20260929T090000Z"  # 2026-09-29 18:00 KST
    assert third["DTSTART"] == "20261006T060000Z"
    assert re.fullmatch(r"\d{8}T\d{6}Z", first["DTSTAMP"]) and first["UID"] != third["UID"]
    assert "#1" in _unescape(first["SUMMARY"]) and "전화 상담" in _unescape(first["SUMMARY"])
    assert _unescape(first["DESCRIPTION"]).startswith(long_promise)
    assert "ss-help case follow-up 1" in _unescape(first["DESCRIPTION"])
    assert "\\;" in first["DESCRIPTION"] and "\\," in first["DESCRIPTION"] and "\\\\" in first["DESCRIPTION"]
    both = run("case", "due", "--ics", "--json")
    assert both.exit_code == 2


def test_fold_never_splits_a_character() -> None:
    from smartstore_help.core.ical import fold

    for n in range(60, 90):
        line = "SUMMARY:" + "가" * n + "a"
        folded = fold(line).encode("utf-8")
        assert all(len(part) <= 75 for part in folded.split(b"\r\n"))
        assert folded.replace(b"\r\n ", b"").decode("utf-8") == line


# --- 2. the pager, the way git does it -------------------------------------------------------------


def _tty(*args: str, tmp: Path, **env: str) -> str:
    import os

    import pexpect
    from test_wizard_pty import ss_help

    command = ss_help()
    base = {k: v for k, v in os.environ.items() if k not in ("PAGER", "SS_HELP_PAGER")}
    child = pexpect.spawn(
        command[0],
        [*command[1:], *args],
        env={
            **base,
            "SS_HELP_HOME": str(tmp / "home"),
            "NO_COLOR": "1",
            "TERM": "xterm",
            **env,
        },
        encoding="utf-8",
        timeout=20,
        dimensions=(24, 80),
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return str(child.before)


@pytest.mark.parametrize("command", [("faq", "list"), ("faq", "show", "phone-number"), ("channels",)])
def test_long_output_goes_through_the_pager_on_a_terminal(command: tuple[str, ...], tmp_path: Path) -> None:
    pager = "sed -e s/^/PAGED:/"
    paged = _tty(*command, tmp=tmp_path, SS_HELP_PAGER=pager, PAGER="false")
    assert "PAGED:" in paged  # SS_HELP_PAGER wins over PAGER
    assert "PAGED:" in _tty(*command, tmp=tmp_path, PAGER=pager)
    assert "PAGED:" not in _tty(*command, "--no-pager", tmp=tmp_path, SS_HELP_PAGER=pager)
    assert "PAGED:" not in _tty("--no-pager", *command, tmp=tmp_path, SS_HELP_PAGER=pager)


def test_never_a_pager_when_stdout_is_not_a_terminal(tmp_path: Path) -> None:
    import os
    import subprocess

    from test_wizard_pty import ss_help

    out = subprocess.run(
        [*ss_help(), "faq", "list"],
        capture_output=True,
        text=True,
        timeout=20,
        env={**os.environ, "SS_HELP_PAGER": "sed -e s/^/PAGED:/"},
    )
    assert out.returncode == 0 and "PAGED:" not in out.stdout and out.stdout.count("\n") > 100


def test_quitting_the_pager_early_is_not_an_error(tmp_path: Path) -> None:
    text = _tty("faq", "list", tmp=tmp_path, SS_HELP_PAGER="head -n 1")
    assert "FAQ" in text and "error" not in text.lower() and "오류" not in text


# --- the wizard at 80x24: FAQ that did not help, the filter line, the summary last --------------


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_wizard_never_recommends_the_faq_that_did_not_help_and_ends_on_the_summary(lang: str, tmp_path: Path) -> None:
    import pexpect
    import pyte
    from test_wizard_pty import ENTER, answer, spawn

    ko = lang == "ko"
    screen = pyte.Screen(80, 24)
    stream = pyte.Stream(screen)
    args = ["--at", "2026-11-24T10:00", "--no-copy", "--lang", lang]
    child = spawn(*args, tmp=tmp_path)
    answer(child, "한 줄로 적어 주세요" if ko else "Describe it in one line", ENTER)  # choose from the list
    child.expect("어떤 종류의 문제인가요" if ko else "What kind of problem")
    child.send("기술" if ko else "tech")
    child.expect("검색: 기술" if ko else "Filter: tech")  # what was typed is on the screen
    child.send(ENTER)
    questions = (
        ("급한 문제", "복잡한 문제", "주문번호가 있나요", "FAQ는 이미", "선호하는", "공지사항", "캡처", "다른 브라우저")
        if ko
        else (
            "urgent",
            "complex",
            "order number involved",
            "already looked",
            "prefer a channel",
            "notices",
            "screenshots",
            "another browser",
        )
    )
    for prompt in questions:  # every default
        answer(child, prompt, ENTER)
    answer(child, "한 줄로 적어 주세요" if ko else "Describe the problem", "로그인이 안 돼요", ENTER)
    answer(child, "이 중에 답이 있나요" if ko else "Does one of these answer it", ENTER)  # no, I need support
    child.expect("추천: " if ko else "Recommended: ")
    child.expect(r"\n")
    recommended = child.before
    assert "FAQ" not in recommended, recommended
    child.expect("FAQ로는 해결되지 않았다고" if ko else "You said the FAQ did not solve it")
    for prompt in (
        ("주문번호", "언제", "이미 해 본 것", "스토어 ID") if ko else ("Order number", "When did", "tried", "Store ID")
    ):
        answer(child, prompt, ENTER)
    answer(child, "기록해 둘까요" if ko else "Save this case", ENTER)
    answer(child, "어느 창구로" if ko else "Which channel", ENTER)
    child.expect(pexpect.EOF)
    stream.feed(child.before)
    child.close()
    assert child.exitstatus == 0
    shown = [line.rstrip() for line in screen.display]
    text = "\n".join(shown)
    title = "요약: 이렇게 하세요" if ko else "In short: do this"
    assert any(line.startswith(title) for line in shown), text
    start = next(i for i, line in enumerate(shown) if line.startswith(title))
    summary = "\n".join(shown[start:])
    assert "1588-3819" in summary and "#1" in summary
    assert ("[기술 문제 문의]" in summary) and "FAQ" not in summary.split("\n")[1]


# --- 8. completion of values, through the shells' own protocols -------------------------------------


def _complete(shell: str, line: str, tmp: Path, **env: str) -> list[str]:
    import os
    import subprocess

    from test_wizard_pty import ss_help

    words = line.split(" ")
    protocol = (
        {"COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
        if shell == "bash"
        else {
            "_TYPER_COMPLETE_ARGS": line,
            "_TYPER_COMPLETE_WORD_TO_COMPLETE": words[-1],
            "_TYPER_COMPLETE_FISH_ACTION": "get-args",
        }
    )
    done = subprocess.run(
        ss_help(),
        capture_output=True,
        text=True,
        timeout=20,
        env={
            **os.environ,
            "SS_HELP_HOME": str(tmp / "home"),
            "_SS_HELP_COMPLETE": f"complete_{shell}",
            **protocol,
            **env,
        },
    )
    assert done.returncode == 0 and not done.stderr, done.stderr
    return done.stdout.splitlines()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("ss-help contact --type ", {"technical", "payment", "return_exchange", "other"}),
        ("ss-help contact --type pa", {"payment"}),
        ("ss-help contact --prefer ", {"any", "chat", "phone", "email"}),
        ("ss-help contact --chosen ", {"chat", "phone", "faq", "email"}),
        ("ss-help hours --channel ", {"chat", "phone", "faq", "email"}),
        ("ss-help --lang ", {"ko", "en"}),
        ("ss-help faq search --lang e", {"en"}),
        ("ss-help completion ", {"bash", "zsh", "fish", "powershell"}),
        ("ss-help faq list --type ", {"technical", "payment", "return_exchange", "general"}),
        ("ss-help faq show phone-n", {"phone-number"}),
    ],
)
def test_values_complete_in_bash(line: str, expected: set[str], tmp_path: Path) -> None:
    assert set(_complete("bash", line, tmp_path)) == expected


def test_case_ids_complete_from_the_journal_without_creating_it(tmp_path: Path) -> None:
    import os

    assert _complete("bash", "ss-help case show ", tmp_path) in ([], [""])
    assert not (tmp_path / "home").exists()  # completing never creates the journal
    env = {"SS_HELP_HOME": str(tmp_path / "home")}
    import subprocess

    from test_wizard_pty import ss_help

    for description in ("첫 번째", "두 번째"):
        subprocess.run(
            [*ss_help(), "contact", "--type", "payment", "--no-input", "--save", "-d", description],
            capture_output=True,
            timeout=20,
            env={**os.environ, **env},
            check=True,
        )
    assert _complete("bash", "ss-help case show ", tmp_path) == ["2", "1"]
    assert _complete("bash", "ss-help case close 2", tmp_path) == ["2"]
    zsh = "\n".join(_complete("zsh", "ss-help case delete ", tmp_path))
    assert '"1":' in zsh and "첫 번째" in zsh
    fish = _complete("fish", "ss-help case note ", tmp_path)
    assert fish[0].startswith("2\t") and "두 번째" in fish[0]


@pytest.mark.parametrize("shell", ["zsh", "fish", "powershell"])
def test_values_complete_in_other_shells(shell: str, tmp_path: Path) -> None:
    out = "\n".join(_complete(shell, "ss-help contact --type ", tmp_path))
    assert all(kind in out for kind in ("technical", "payment", "return_exchange", "other"))
    assert "결제·정산" in out  # each with its name
    langs = "\n".join(_complete(shell, "ss-help hours --lang ", tmp_path))
    assert "ko" in langs and "en" in langs


def test_korean_words_complete_to_themselves(tmp_path: Path) -> None:
    assert "결제" in _complete("bash", "ss-help contact --type 결", tmp_path)
    assert "전화" in _complete("bash", "ss-help contact --prefer 전", tmp_path)


# --- the smaller points -----------------------------------------------------------------------------


def test_korean_says_changgu_for_a_channel_everywhere() -> None:
    from smartstore_help.core.helptexts import HELP
    from smartstore_help.core.i18n import _MESSAGES

    assert [k for k, (ko, _) in _MESSAGES.items() if "채널" in ko] == []
    assert [k for k, (ko, _) in HELP.items() if "채널" in ko] == []


def test_the_inferred_type_is_named_once() -> None:
    from smartstore_help.core.i18n import t

    said = t("contact.inferred", "ko", type="기술 문제", why="근거: '오류'")
    assert "문제 문제" not in said and "'기술 문제' 유형으로" in said


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_an_option_missing_its_value_names_it_and_its_values(lang: str) -> None:
    result = run("hours", "--check") if lang == "ko" else run("--lang", "en", "hours", "--check")
    assert result.exit_code == 2
    assert "--check" in result.stderr and "chat, phone, faq, email" in result.stderr
    assert "ss-help hours -h" in result.stderr


def test_a_missing_data_folder_has_no_line_zero(tmp_path: Path) -> None:
    result = run("data", "check", "--data-dir", str(tmp_path / "mydata"))
    assert result.exit_code == 2 and ":0:" not in result.output and "mydata" in result.output


def test_long_messages_wrap_at_spaces() -> None:
    from smartstore_help.ui.iostreams import IOStreams

    io = IOStreams.test(columns=40)
    io.say("클립보드에 복사하지 못했습니다: 클립보드 프로그램이 없습니다. 위의 글을 직접 복사하세요.")
    from smartstore_help.ui.term import width

    out = io.written()
    assert len(out.splitlines()) > 1 and all(width(line) <= 40 for line in out.splitlines())
    assert (
        " ".join(out.split())
        == "클립보드에 복사하지 못했습니다: 클립보드 프로그램이 없습니다. 위의 글을 직접 복사하세요."
    )


def test_follow_up_in_english_mode_is_sent_in_korean() -> None:
    _saved_case()
    doc = json.loads(run("case", "follow-up", "1", "--lang", "en", "--json").stdout)
    assert doc["draft"].startswith("[재문의]") and doc["draft_lang"] == "ko"
    assert doc["draft_en"].startswith("[Follow-up]")
    shown = run("case", "follow-up", "1", "--lang", "en").stdout
    assert shown.index("[재문의]") < shown.index("[Follow-up]")


def test_hours_json_names_the_days_it_stays_closed() -> None:
    doc = json.loads(run("hours", "--at", "2026-12-31 23:59", "--channel", "phone", "--json").stdout)
    (phone,) = doc["channels"]
    assert phone["next_open"] == "2027-01-04T09:00:00+09:00"
    assert phone["closed_days"] == [{"date": "2027-01-01", "name": "신정연휴"}]
    open_now = json.loads(run("hours", "--at", "2026-11-24 10:00", "--channel", "phone", "--json").stdout)
    assert open_now["channels"][0]["closed_days"] == []


def test_case_close_asks_on_a_real_terminal(tmp_path: Path) -> None:
    import os
    import subprocess

    import pexpect
    from test_wizard_pty import DOWN, ENTER, answer, ss_help

    env = {
        **os.environ,
        "SS_HELP_HOME": str(tmp_path / "home"),
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "TERM": "xterm",
        "NO_COLOR": "1",
    }
    subprocess.run(
        [*ss_help(), "contact", "--type", "other", "--no-input", "--save"],
        env=env,
        check=True,
        capture_output=True,
        timeout=20,
    )
    command = ss_help()
    child = pexpect.spawn(
        command[0], [*command[1:], "case", "close", "1"], env=env, encoding="utf-8", timeout=15, dimensions=(24, 80)
    )
    child.delaybeforesend = None  # every key follows its question on the screen
    answer(child, "해결됐나요", DOWN, ENTER)  # 해결 안 됨
    answer(child, "몇 점", DOWN, ENTER)  # ★★★★★
    answer(child, "남길 말", "연결이 오래 걸렸어요", ENTER)
    child.expect("#1을 종료했습니다: 해결 안 됨")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    shown = subprocess.run(
        [*ss_help(), "case", "show", "1", "--json"], env=env, capture_output=True, text=True, timeout=20
    )
    doc = json.loads(shown.stdout)
    assert (doc["resolved"], doc["rating"], doc["feedback"]) == (False, 5, "연결이 오래 걸렸어요")
