"""Dated sources and facts: `published` beside `checked`, the kinds of source, `confirmed:
third_party` in channels.yaml, the warnings of `data check`, and the footers that say how sure
the facts are. Fixtures are written in temporary folders, independent of the shipped data."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import run

from smartstore_help.core.model import FaqEntry, Source
from smartstore_help.store import data

ENTRY = """version: 1
entries:
  - id: fee
    type: payment
    question: 수수료는?
    answer: 답
    phrasings: [수수료 얼마, 떼가는 돈, 몇 프로, 요율 궁금, 판매 비용, 수수료율, fee rate, how much fee]
    sources:
      - url: https://help.example.com/fee
        title: 공지
        kind: {kind}
        published: {published}
        checked: 2026-11-30
    en: {{question: Fee?, answer: Answer}}
"""


def shipped_problems(text: str) -> list[str]:
    with pytest.raises(data.DataError) as caught:
        data.faq_from_text(text, "faq.yaml", shipped=True)
    return [p.render("en") for p in caught.value.problems]


@pytest.mark.parametrize("kind", ["official", "staff", "reprint", "news", "third_party"])
@pytest.mark.parametrize("published", ["2025-06-02", "unknown", "2026-11-30"])
def test_every_kind_and_a_date_or_unknown_are_accepted(kind: str, published: str) -> None:
    faq = data.faq_from_text(ENTRY.format(kind=kind, published=published), "faq.yaml", shipped=True)
    source = faq.entries[0].sources[0]
    assert source.kind == kind
    assert source.published == (None if published == "unknown" else date.fromisoformat(published))


@pytest.mark.parametrize(
    ("published", "message"),
    [
        (
            "2026-12-01",
            "faq.yaml:12: entries[0].sources[0].published: published (2026-12-01) is after checked (2026-11-30)",
        ),
        ("2026-02-30", "faq.yaml:12: entries[0].sources[0].published: not a date (YYYY-MM-DD): '2026-02-30'"),
        ("soon", "faq.yaml:12: entries[0].sources[0].published: not a date (YYYY-MM-DD): 'soon'"),
    ],
)
def test_a_bad_published_is_reported_with_its_line(published: str, message: str) -> None:
    assert shipped_problems(ENTRY.format(kind="official", published=published)) == [message]


def test_the_shipped_file_needs_published_a_sellers_file_may_leave_it_out(tmp_path: Path) -> None:
    text = ENTRY.format(kind="official", published="x").replace("        published: x\n", "")
    assert shipped_problems(text) == ["faq.yaml:9: entries[0].sources[0].published: required field is missing"]
    (tmp_path / "faq.yaml").write_text(text, encoding="utf-8")
    assert data.load_faq(tmp_path).entries[0].sources[0].published is None
    # and the builtin file is held to it through `data check`
    result = run("data", "check", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["valid"] is True


def test_staleness_follows_the_newest_evidence() -> None:
    def entry(*sources: tuple[str | None, str]) -> FaqEntry:
        made = tuple(
            Source("https://x", "t", "official", date.fromisoformat(checked), date.fromisoformat(p) if p else None)
            for p, checked in sources
        )
        return FaqEntry("e", "general", "q", "a", sources=made)

    old_post = entry(("2021-03-01", "2026-11-30"))
    assert old_post.stale(date(2026, 12, 7))  # read last week, written in 2021
    undated = entry((None, "2026-11-30"))
    assert not undated.stale(date(2027, 5, 29)) and undated.stale(date(2027, 5, 30))  # 180 days after it was read
    mixed = entry(("2021-03-01", "2026-11-30"), ("2026-10-01", "2026-11-30"))
    assert mixed.evidence() == date(2026, 10, 1) and not mixed.stale(date(2027, 3, 30))
    assert mixed.stale(date(2027, 3, 31))
    assert entry().evidence() is None and not entry().stale(date(2040, 1, 1))


# --- data check warnings --------------------------------------------------------------------

WEAK_FAQ = """version: 1
entries:
  - id: strong
    type: general
    question: 질문 하나
    answer: 답
    sources:
      - {url: "https://a.example.com", title: a, kind: third_party, published: unknown, checked: 2026-11-30}
      - {url: "https://b.example.com", title: b, kind: reprint, published: 2025-01-02, checked: 2026-11-30}
  - id: weak
    type: general
    question: 질문 둘
    answer: 답
    sources:
      - {url: "https://c.example.com", title: c, kind: third_party, published: unknown, checked: 2026-11-30}
  - id: none
    type: general
    question: 질문 셋
    answer: 답
"""


def test_data_check_warns_of_entries_resting_only_on_third_party_pages(tmp_path: Path) -> None:
    (tmp_path / "faq.yaml").write_text(WEAK_FAQ, encoding="utf-8")
    result = run("data", "check", "--data-dir", str(tmp_path), "--lang", "en")
    assert result.exit_code == 0, result.output  # a warning is not an error
    assert "The data is valid" in result.stdout
    assert result.stderr.splitlines() == [
        "1 warning(s)",
        f"warning: {tmp_path / 'faq.yaml'}:14: entries[1].sources: entry weak rests only on third-party sources "
        "(no official, staff or reprint page)",
    ]
    doc = json.loads(run("data", "check", "--data-dir", str(tmp_path), "--json").stdout)
    assert doc["valid"] is True and doc["problems"] == []
    assert [(w["line"], w["field"]) for w in doc["warnings"]] == [(14, "entries[1].sources")]
    assert [f["origin"] for f in doc["files"]] == ["builtin", "data-dir"]


def test_no_warnings_for_an_invalid_file_only_its_problems(tmp_path: Path) -> None:
    (tmp_path / "faq.yaml").write_text(WEAK_FAQ.replace("type: general", "type: nonsense", 1), encoding="utf-8")
    doc = json.loads(run("data", "check", "--data-dir", str(tmp_path), "--json").stdout)
    assert doc["valid"] is False and doc["warnings"] == [] and doc["problems"]


# --- channels.yaml: published and confirmed ---------------------------------------------------


def channels_with(change: Any) -> str:
    """The shipped channels.yaml with every `confirmed` marker removed, then `change` applied."""
    raw = yaml.safe_load((data.builtin_dir() / "channels.yaml").read_text(encoding="utf-8"))
    for fact in [raw["help_center"], *raw["channels"], *raw["schedules"].values()]:
        fact.pop("confirmed", None)
    change(raw)
    return yaml.safe_dump(raw, allow_unicode=True, sort_keys=False)


def channel(raw: dict[str, Any], channel_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in raw["channels"] if c["id"] == channel_id)
    return found


def test_channel_facts_take_published_and_a_confirmed_marker(tmp_path: Path) -> None:
    def change(raw: dict[str, Any]) -> None:
        channel(raw, "phone").update(published="unknown", confirmed="third_party")
        channel(raw, "chat").update(published=date(2025, 3, 1), confirmed="official")
        raw["help_center"].update(published=date(2024, 1, 1))
        raw["schedules"]["business"].update(confirmed="third_party", published="unknown")

    (tmp_path / "channels.yaml").write_text(channels_with(change), encoding="utf-8")
    loaded = data.load_channels(tmp_path)
    phone, chat = loaded.channel("phone"), loaded.channel("chat")
    assert phone.third_party and phone.published is None and phone.unconfirmed()
    assert not chat.third_party and chat.published == date(2025, 3, 1)
    assert chat.unconfirmed()  # its hours rest on the third-party schedule
    assert loaded.help_center.published == date(2024, 1, 1) and not loaded.help_center.third_party


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (lambda raw: channel(raw, "phone").update(confirmed="maybe"), "channels[1].confirmed", "unknown value 'maybe'"),
        (
            lambda raw: channel(raw, "phone").update(published=date(2099, 1, 1)),
            "channels[1].published",
            "published (2099-01-01) is after checked",
        ),
        (lambda raw: raw["help_center"].update(published="later"), "help_center.published", "not a date"),
        (
            lambda raw: raw["schedules"]["business"].update(confirmed=True),
            "schedules.business.confirmed",
            "unknown value True",
        ),
    ],
)
def test_bad_channel_facts_are_reported_with_file_and_line(
    tmp_path: Path, change: Any, field: str, message: str
) -> None:
    text = channels_with(change)
    (tmp_path / "channels.yaml").write_text(text, encoding="utf-8")
    result = run("data", "check", "--data-dir", str(tmp_path), "--lang", "en")
    assert result.exit_code == 2
    line = next(p for p in result.stderr.splitlines() if field in p)
    assert message in line and f"{tmp_path / 'channels.yaml'}:" in line
    number = int(line.split(f"{tmp_path / 'channels.yaml'}:")[1].split(":")[0])
    assert text.splitlines()[number - 1].strip().startswith(field.rsplit(".", 1)[1])


# --- the footers: how sure the facts are ----------------------------------------------------


def third_party_phone(raw: dict[str, Any]) -> None:
    channel(raw, "phone").update(confirmed="third_party", checked=date(2026, 11, 20))


def test_hours_and_channels_say_when_a_channel_rests_on_third_party_pages(tmp_path: Path) -> None:
    (tmp_path / "channels.yaml").write_text(channels_with(third_party_phone), encoding="utf-8")
    hours = run("hours", "--at", "2026-12-08T10:00", "--data-dir", str(tmp_path), columns=200)
    assert hours.exit_code == 0
    assert "전화 상담: 공식 페이지에서 확인되지 않은 정보입니다 (제3자 안내, 2026-11-20 확인)" in hours.stdout
    english = run("hours", "--at", "2026-12-08T10:00", "--data-dir", str(tmp_path), "--lang", "en", columns=200)
    assert "Phone: not confirmed on an official page (third-party pages, checked 2026-11-20)" in english.stdout
    only_chat = run("hours", "--at", "2026-12-08T10:00", "--channel", "chat", "--data-dir", str(tmp_path))
    assert "공식 페이지에서 확인되지 않은" not in only_chat.stdout  # only the channels shown
    cards = run("channels", "--data-dir", str(tmp_path), columns=200)
    assert "전화 상담: 공식 페이지에서 확인되지 않은 정보입니다 (제3자 안내, 2026-11-20 확인)" in cards.stdout


def test_without_a_marker_nothing_is_said(tmp_path: Path) -> None:
    (tmp_path / "channels.yaml").write_text(channels_with(lambda raw: None), encoding="utf-8")
    for args in (["hours"], ["channels"], ["contact", "--type", "payment", "--no-input"]):
        result = run(*args, "--data-dir", str(tmp_path), columns=200)
        assert result.exit_code == 0 and "공식 페이지에서 확인되지 않은" not in result.stdout


def test_the_wizards_plan_says_it_too(tmp_path: Path) -> None:
    def every_channel(raw: dict[str, Any]) -> None:
        for item in raw["channels"]:
            item.update(confirmed="third_party")

    (tmp_path / "channels.yaml").write_text(channels_with(every_channel), encoding="utf-8")
    result = run(
        "contact",
        "--type",
        "payment",
        "--no-input",
        "--at",
        "2026-12-08T10:00",
        "--data-dir",
        str(tmp_path),
        columns=200,
    )
    assert result.exit_code == 0, result.output
    assert "공식 페이지에서 확인되지 않은 정보입니다 (제3자 안내," in result.stdout
    assert "정보 확인일" in result.stdout


def test_channels_json_says_how_sure_each_channel_is(tmp_path: Path) -> None:
    (tmp_path / "channels.yaml").write_text(channels_with(third_party_phone), encoding="utf-8")
    doc = json.loads(run("channels", "--json", "--data-dir", str(tmp_path)).stdout)
    confirmed = {c["id"]: c["confirmed"] for c in doc["channels"]}
    assert confirmed["phone"] == "third_party" and confirmed["chat"] == "official"
    phone = next(c for c in doc["channels"] if c["id"] == "phone")
    assert phone["checked"] == "2026-11-20" and "published" in phone


def test_with_errors_the_screen_shows_the_errors_and_the_json_both(tmp_path: Path) -> None:
    (tmp_path / "faq.yaml").write_text(WEAK_FAQ, encoding="utf-8")
    (tmp_path / "channels.yaml").write_text(
        channels_with(lambda raw: channel(raw, "phone").update(confirmed="maybe")), encoding="utf-8"
    )
    result = run("data", "check", "--data-dir", str(tmp_path), "--lang", "en")
    assert result.exit_code == 2 and "confirmed" in result.stderr and "warning" not in result.stderr
    doc = json.loads(run("data", "check", "--data-dir", str(tmp_path), "--json").stdout)
    assert doc["problems"] and len(doc["warnings"]) == 1


def test_the_cache_keeps_the_dates_and_markers(tmp_path: Path) -> None:
    from smartstore_help.core import model
    from smartstore_help.core.search import Index, build_index
    from smartstore_help.store import serial

    def change(raw: dict[str, Any]) -> None:
        channel(raw, "phone").update(published=date(2025, 1, 2), confirmed="third_party")
        raw["help_center"].update(confirmed="third_party", published="unknown")

    (tmp_path / "channels.yaml").write_text(channels_with(change), encoding="utf-8")
    (tmp_path / "faq.yaml").write_text(WEAK_FAQ, encoding="utf-8")
    channels = data.load_channels(tmp_path)
    index = build_index(data.load_faq(tmp_path))
    records = (*serial.records(model), Index)
    again = serial.loads(serial.dumps(channels), records)
    assert again == channels and again.channel("phone").published == date(2025, 1, 2)
    assert again.help_center.third_party
    rebuilt = serial.loads(serial.dumps(index), records)
    assert isinstance(rebuilt, Index)
    strong = rebuilt.find("strong")
    assert strong is not None and [s.published for s in strong.sources] == [None, date(2025, 1, 2)]
    assert [s.kind for s in strong.sources] == ["third_party", "reprint"]
