"""The validator: one broken file per rule, each reported with its file, line and field."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from helpers import run

from smartstore_help.core import hangul
from smartstore_help.store import data

SHIPPED = (data.builtin_dir() / "channels.yaml").read_text(encoding="utf-8")


def broken(tmp_path: Path, old: str, new: str, name: str = "channels.yaml", base: str = SHIPPED) -> tuple[Path, int]:
    """The shipped file with one change, and the line the change starts on."""
    assert old in base, old
    text = base.replace(old, new, 1)
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path, base[: base.index(old)].count("\n") + 1


def problems(directory: Path, loader=data.load_channels) -> list[str]:  # type: ignore[no-untyped-def]
    with pytest.raises(data.DataError) as caught:
        loader(directory)
    return [p.render("en") for p in caught.value.problems]


CASES = [
    # (old, new, field, words of the message)
    (
        '    name: {ko: "채팅 상담 (톡톡상담)", en: "Chat (TalkTalk)"}',
        '    name: {ko: "채팅 상담 (톡톡상담)", en: "Chat (TalkTalk)"}\n    colour: blue',
        "channels[0].colour",
        "unknown key",
    ),
    ('close: "18:00"', 'close: "25:00"', "schedules.business.close", "not a time of day"),
    ('close: "18:00"', 'close: "08:00"', "schedules.business.close", "closes (08:00) at or before it opens (09:00)"),
    (
        '      - {start: "12:00", end: "13:00"}',
        '      - {start: "12:00", end: "13:00"}\n      - {start: "12:30", end: "14:00"}',
        "schedules.business.breaks[1]",
        "overlaps another break (12:00-13:00)",
    ),
    (
        '      - {start: "12:00", end: "13:00"}',
        '      - {start: "17:30", end: "19:00"}',
        "schedules.business.breaks[0]",
        "outside the opening hours",
    ),
    (
        "days: [mon, tue, wed, thu, fri]",
        "days: [mon, tue, wed, thu, fry]",
        "schedules.business.days[4]",
        "unknown weekday: 'fry'",
    ),
    ("timezone: Asia/Seoul", "timezone: Asia/Busan", "timezone", "unknown time zone: 'Asia/Busan'"),
    (
        "  - channel: chat\n    score: 40",
        "  - channel: fax\n    score: 40",
        "rules[0].channel",
        "unknown channel: 'fax'",
    ),
    ("    score: 40", "    score: lots", "rules[0].score", "expected an integer, got 'lots'"),
    ("    schedule: business\n    url:", "    schedule: office\n    url:", "channels[0].schedule", "unknown schedule"),
    ("    when: {complex: false}", "    when: {complexity: low}", "rules[0].when.complexity", "unknown condition"),
    ("    when: {type: payment}", "    when: {type: refunds}", "rules[10].when.type", "not a choice of this question"),
    (
        "    when: {break_now: true}",
        "    when: {break_now: true, open_now: true}",
        "rules[17].when",
        "impossible conditions: open_now and break_now both true",
    ),
    (
        '    when: {time_between: ["09:00", "10:00"]}',
        '    when: {time_between: ["10:00", "09:00"]}',
        "rules[21].when.time_between",
        "can never hold",
    ),
    (
        "    when: {type: payment}",
        "    when: {type: payment, has_evidence: true}",
        "rules[10].when",
        "question has_evidence belongs to type return_exchange only",
    ),
    (
        "    when: {urgent: true, channels_open: {phone: false}}",
        "    when: {urgent: true, channels_open: {faq: false}}",
        "rules[14].when.channels_open.faq",
        "always open",
    ),
    ("  - id: phone\n", "  - id: chat\n", "channels[1].id", "duplicate channel id: chat"),
    (
        "        [기술 문제 문의]{urgency}",
        "        [기술 문제 문의]{urgency} {seller_name}",
        "problem_types[0].template.ko",
        "unknown placeholder {seller_name}",
    ),
    (
        "ticked_by: has_screenshots}",
        "ticked_by: has_photos}",
        "problem_types[0].checklist[3].ticked_by",
        "no such question for this type: has_photos",
    ),
    ("    phone: 1588-3819", "    phone: call us", "channels[1].phone", "not a phone number"),
    (
        "  url: https://help.sell.smartstore.naver.com/\n  note:",
        "  url: http://example.com/\n  note:",
        "help_center.url",
        "expected an https:// address",
    ),
    (
        "    checked: 2026-12-07\n\n  - id: phone",
        "    checked: 2026-31-11\n\n  - id: phone",
        "channels[0].checked",
        "not a date",
    ),
]


@pytest.mark.parametrize(("old", "new", "field", "words"), CASES)
def test_each_rule_names_file_line_and_field(tmp_path: Path, old: str, new: str, field: str, words: str) -> None:
    directory, line = broken(tmp_path, old, new)
    found = problems(directory)
    expected_prefix = f"{directory / 'channels.yaml'}:"
    match = [p for p in found if f": {field}: " in p and words in p]
    assert match, found
    assert match[0].startswith(expected_prefix)
    reported_line = int(match[0][len(expected_prefix) :].split(":")[0])
    assert abs(reported_line - line) <= 1, (match[0], line)


def test_duplicate_yaml_key(tmp_path: Path) -> None:
    directory, line = broken(tmp_path, "timezone: Asia/Seoul\n", "timezone: Asia/Seoul\ntimezone: UTC\n")
    (problem,) = problems(directory)
    assert problem == f"{directory / 'channels.yaml'}:{line + 1}: timezone: duplicate key"


def test_broken_yaml_syntax(tmp_path: Path) -> None:
    directory, _ = broken(tmp_path, "  always:\n", "  always: [\n")
    (problem,) = problems(directory)
    assert problem.startswith(f"{directory / 'channels.yaml'}:") and "YAML syntax error" in problem


def test_yaml_tags_that_run_code_are_refused(tmp_path: Path) -> None:
    (tmp_path / "channels.yaml").write_text("!!python/object/apply:os.system ['echo hi']\n", encoding="utf-8")
    (problem,) = problems(tmp_path)
    assert "channels.yaml:1:" in problem and "YAML tags (!!python/object/apply:os.system)" in problem


def test_all_problems_at_once(tmp_path: Path) -> None:
    text = SHIPPED.replace('close: "18:00"', 'close: "25:00"').replace("timezone: Asia/Seoul", "timezone: Mars/Base")
    (tmp_path / "channels.yaml").write_text(text, encoding="utf-8")
    assert len(problems(tmp_path)) == 2


def test_unquoted_times_are_read_as_times(tmp_path: Path) -> None:
    directory, _ = broken(tmp_path, 'close: "18:00"', "close: 18:00")
    assert data.load_channels(directory).channel("phone").schedule.closes is not None


FAQ = """version: 1
synonyms:
  - [반품]
entries:
  - id: a-one
    type: payment
    question: 질문
    answer: 답
  - id: a-one
    type: refunds
    question: 질문 둘
    answer: 답 둘
    colour: red
"""


def test_faq_problems(tmp_path: Path) -> None:
    (tmp_path / "faq.yaml").write_text(FAQ, encoding="utf-8")
    found = problems(tmp_path, data.load_faq)
    file = tmp_path / "faq.yaml"
    assert f"{file}:3: synonyms[0]: a synonym group needs two or more words" in found
    assert (
        f"{file}:10: entries[1].type: unknown type: 'refunds' (known: technical, payment, return_exchange, general)"
        in found
    )
    assert (
        f"{file}:13: entries[1].colour: unknown key (allowed: answer, en, id, keywords, phrasings, question, source, sources, type)"
        in found
    )
    assert f"{file}:9: entries[1].id: duplicate FAQ id: a-one" in found


def test_faq_nfd_text_is_composed(tmp_path: Path) -> None:
    import unicodedata

    valid = FAQ.split("  - id: a-one\n    type: refunds")[0].replace("  - [반품]", "  - [반품, 리턴]")
    (tmp_path / "faq.yaml").write_text(unicodedata.normalize("NFD", valid), encoding="utf-8")
    entry = data.load_faq(tmp_path).entries[0]
    assert entry.question == "질문" and unicodedata.is_normalized("NFC", entry.question)


def test_shipped_faq_is_rich_enough() -> None:
    faq = data.load_faq()
    counts = Counter(e.type for e in faq.entries)
    assert len(faq.entries) >= 120
    assert set(counts) == {"technical", "payment", "return_exchange", "general"}
    assert all(counts[kind] >= 25 for kind in ("technical", "payment", "return_exchange")), counts
    assert len({e.id for e in faq.entries}) == len(faq.entries)
    for e in faq.entries:
        assert e.question and e.answer and e.question_en and e.answer_en, e.id
        assert e.sources and all(s.checked > date(2020, 1, 1) for s in e.sources), e.id


def test_shipped_faq_calls_official_only_naver_and_government_pages() -> None:
    for entry in data.load_faq().entries:
        for source in entry.sources:
            host = urlsplit(source.url).hostname or ""
            if source.kind == "official":
                assert host.endswith((".naver.com", ".go.kr", ".korea.kr")) and "blog." not in host, source.url


SHIPPED_FAQ = (data.builtin_dir() / "faq.yaml").read_text(encoding="utf-8")
FIRST_SOURCE = """    sources:
      - url: https://help.sell.smartstore.naver.com/faq/list.help?categoryId=576"""


def shipped_problems(text: str) -> list[str]:
    """Problems in `text` read as the shipped FAQ, which must cite its sources."""
    with pytest.raises(data.DataError) as caught:
        data.faq_from_text(text, "faq.yaml", shipped=True)
    return [p.render("en") for p in caught.value.problems]


def test_shipped_faq_needs_sources_with_https_urls() -> None:
    assert FIRST_SOURCE in SHIPPED_FAQ
    line = SHIPPED_FAQ[: SHIPPED_FAQ.index(FIRST_SOURCE)].count("\n") + 1
    entry_line = SHIPPED_FAQ[: SHIPPED_FAQ.index("  - id: reach-an-agent")].count("\n") + 1
    insecure = SHIPPED_FAQ.replace(FIRST_SOURCE, FIRST_SOURCE.replace("https://", "http://"), 1)
    assert shipped_problems(insecure) == [
        f"faq.yaml:{line + 1}: entries[0].sources[0].url: expected an https:// address"
    ]
    start = SHIPPED_FAQ.index(FIRST_SOURCE)
    end = SHIPPED_FAQ.index("    en:", start)
    missing = SHIPPED_FAQ[:start] + SHIPPED_FAQ[end:]
    assert shipped_problems(missing) == [f"faq.yaml:{entry_line}: entries[0].sources: required field is missing"]
    empty = SHIPPED_FAQ[:start] + "    sources: []\n" + SHIPPED_FAQ[end:]
    assert shipped_problems(empty) == [f"faq.yaml:{line}: entries[0].sources: needs at least one source"]


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        (
            "kind: official",
            "kind: blog",
            "kind",
            "unknown kind of source: 'blog' (known: official, staff, reprint, news, third_party)",
        ),
        ("checked: 2026-12-07", "checked: 2026-11-31", "checked", "not a date (YYYY-MM-DD): '2026-11-31'"),
        ("checked: 2026-12-07", "checked: soon", "checked", "not a date (YYYY-MM-DD): 'soon'"),
        ("title: 스마트스토어센터 고객센터 FAQ", 'title: " "\n        x: y', "title", "is empty"),
    ],
)
def test_each_source_field_is_checked(old: str, new: str, field: str, message: str) -> None:
    start = SHIPPED_FAQ.index(FIRST_SOURCE)
    at = SHIPPED_FAQ.index(old, start)
    line = SHIPPED_FAQ[:at].count("\n") + 1
    found = shipped_problems(SHIPPED_FAQ[:at] + new + SHIPPED_FAQ[at + len(old) :])
    assert f"faq.yaml:{line}: entries[0].sources[0].{field}: {message}" in found


def test_data_check_names_the_line_of_a_source_missing_in_the_shipped_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = SHIPPED_FAQ.index(FIRST_SOURCE)
    (tmp_path / "faq.yaml").write_text(
        SHIPPED_FAQ[:start] + SHIPPED_FAQ[SHIPPED_FAQ.index("    en:", start) :], encoding="utf-8"
    )
    (tmp_path / "channels.yaml").write_text(SHIPPED, encoding="utf-8")
    monkeypatch.setattr(data, "builtin_dir", lambda: tmp_path)
    result = run("data", "check", "--lang", "en")
    line = SHIPPED_FAQ[: SHIPPED_FAQ.index("  - id: reach-an-agent")].count("\n") + 1
    assert result.exit_code == 2  # a bug would have raised here instead
    assert f"{tmp_path / 'faq.yaml'}:{line}: entries[0].sources: required field is missing" in result.stderr


SELLER_FAQ = """version: 1
entries:
  - id: old-style
    type: payment
    question: 예전 형식
    answer: 답
    source: 고객센터에서 '정산' 검색
  - id: no-source
    type: general
    question: 출처 없음
    answer: 답
"""


def test_a_sellers_faq_needs_no_sources_and_keeps_the_old_source_text(tmp_path: Path) -> None:
    (tmp_path / "faq.yaml").write_text(SELLER_FAQ, encoding="utf-8")
    old, bare = data.load_faq(tmp_path).entries
    assert old.note == "고객센터에서 '정산' 검색" and old.sources == () and old.checked() is None
    assert bare.note is None and not bare.stale(date(2030, 1, 1))


def test_the_shipped_faq_refuses_the_old_source_text() -> None:
    text = SHIPPED_FAQ.replace(FIRST_SOURCE, "    source: 고객센터\n" + FIRST_SOURCE, 1)
    line = SHIPPED_FAQ[: SHIPPED_FAQ.index(FIRST_SOURCE)].count("\n") + 1
    assert shipped_problems(text) == [
        f"faq.yaml:{line}: entries[0].source: use a sources: list (url, title, kind, published, checked) instead of the single "
        "source: text"
    ]


FIRST_PHRASINGS = "  - id: reach-an-agent\n"


def test_the_shipped_faq_teaches_each_entry_how_sellers_say_it() -> None:
    faq = data.load_faq()
    said: dict[str, str] = {}
    for entry in faq.entries:
        assert 8 <= len(entry.phrasings) <= 15, entry.id
        assert sum(p.isascii() for p in entry.phrasings) >= 2, entry.id  # English too
        for phrasing in entry.phrasings:
            assert said.setdefault(hangul.compact(phrasing), entry.id) == entry.id, phrasing


def _phrasings_of_first_entry(text: str) -> tuple[int, int]:
    """Where the first entry's phrasings list starts (its line) and ends (an index into `text`)."""
    start = text.index("    phrasings:", text.index(FIRST_PHRASINGS))
    return text[:start].count("\n") + 1, text.index("    sources:", start)


def test_a_phrasing_under_two_entries_is_named_with_its_line() -> None:
    second = data.load_faq().entries[1].phrasings[0]  # phone-number's, said again under reach-an-agent
    text = SHIPPED_FAQ.replace("    phrasings:\n", f'    phrasings:\n      - "{second}"\n', 1)
    at = text.index(f'      - "{second}"', text.index("  - id: phone-number"))
    assert shipped_problems(text) == [
        f"faq.yaml:{text[:at].count(chr(10)) + 1}: entries[1].phrasings[0]: the phrasing '{second}' is also under "
        "'reach-an-agent': a phrasing belongs to one entry"
    ]


def test_an_off_topic_line_that_an_entry_says_is_named_with_its_line() -> None:
    phrasing = data.load_faq().entries[1].phrasings[0]
    question = data.load_faq().entries[0].question
    text = SHIPPED_FAQ.replace("off_topic:\n", f'off_topic:\n  - "{phrasing}"\n  - "{question}"\n  - "!!"\n', 1)
    line = text[: text.index(f'  - "{phrasing}"')].count("\n") + 1
    assert shipped_problems(text) == [
        f"faq.yaml:{line}: off_topic[0]: '{phrasing}' is also under 'phone-number': an off_topic sentence must "
        "differ from every question and phrasing",
        f"faq.yaml:{line + 1}: off_topic[1]: '{question}' is also under 'reach-an-agent': an off_topic sentence "
        "must differ from every question and phrasing",
        f"faq.yaml:{line + 2}: off_topic[2]: a phrasing with nothing in it",
    ]
    twice = data.load_faq().off_topic[0]
    again = SHIPPED_FAQ.replace("off_topic:\n", f'off_topic:\n  - "{twice}"\n', 1)
    assert shipped_problems(again)[0].endswith(
        f"'{twice}' is also under 'off_topic': an off_topic sentence must differ from every question and phrasing"
    )


def test_the_shipped_faq_has_off_topic_lines_and_a_sellers_own_may_omit_them(tmp_path: Path) -> None:
    assert len(data.load_faq().off_topic) >= 300
    (tmp_path / "faq.yaml").write_text(SELLER_FAQ, encoding="utf-8")
    assert data.load_faq(tmp_path).off_topic == ()
    (tmp_path / "faq.yaml").write_text(SELLER_FAQ + "off_topic: 점심 뭐 먹지\n", encoding="utf-8")
    assert problems(tmp_path, data.load_faq) == [
        f"{tmp_path / 'faq.yaml'}:12: off_topic: expected a list, got '점심 뭐 먹지'"
    ]


def test_the_shipped_faq_needs_enough_phrasings_but_a_sellers_own_may_omit_them(tmp_path: Path) -> None:
    line, end = _phrasings_of_first_entry(SHIPPED_FAQ)
    start = SHIPPED_FAQ.index("    phrasings:", SHIPPED_FAQ.index(FIRST_PHRASINGS))
    few = SHIPPED_FAQ[:start] + '    phrasings: ["하나", "둘"]\n' + SHIPPED_FAQ[end:]
    assert shipped_problems(few) == [
        f"faq.yaml:{line}: entries[0].phrasings: 2 phrasings: each entry of the shipped FAQ needs 8 to 15"
    ]
    none = SHIPPED_FAQ[:start] + SHIPPED_FAQ[end:]
    entry_line = SHIPPED_FAQ[: SHIPPED_FAQ.index(FIRST_PHRASINGS)].count("\n") + 1
    assert shipped_problems(none) == [f"faq.yaml:{entry_line}: entries[0].phrasings: required field is missing"]
    (tmp_path / "faq.yaml").write_text(SELLER_FAQ, encoding="utf-8")
    assert [e.phrasings for e in data.load_faq(tmp_path).entries] == [(), ()]
