"""`ss-help faq` through Typer's runner, and the parsed-index cache behind it."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers import run, run_json

from smartstore_help.store import cache, data
from smartstore_help.ui.iostreams import IOStreams

OWN = """version: 1
entries:
  - id: coupon
    type: payment
    question: 쿠폰은 어떻게 만드나요?
    answer: 혜택 관리에서 만듭니다.
"""


def test_search_json_contract() -> None:
    doc = run_json("faq", "search", "정산", "보류")
    assert doc["query"] == "정산 보류" and doc["confident"] is True
    first = doc["results"][0]
    assert set(first) == {"id", "type", "question", "score"}
    assert first["id"] in ("settlement-hold", "settlement-hold-release") and first["type"] == "payment"
    scores = [r["score"] for r in doc["results"]]
    assert scores == sorted(scores, reverse=True)


def test_search_screen_highlights_and_previews() -> None:
    result = run("faq", "search", "ㅈㅅ", "ㅂㄹ", env={"FORCE_COLOR": "1"})
    assert result.exit_code == 0
    assert "\x1b[1;33m정산\x1b[0m" in result.stdout and "\x1b[1;33m보류\x1b[0m" in result.stdout
    assert "ss-help faq show settlement-hold" in result.stdout


def test_search_in_english() -> None:
    out = run("faq", "search", "settlement", "hold", "--lang", "en").stdout
    assert "My settlement is on hold (stopped). Why?" in out and "[Payment]" in out


def test_type_filter_and_limit() -> None:
    doc = run_json("faq", "search", "배송비", "--type", "return_exchange", "--limit", "2")
    assert len(doc["results"]) <= 2 and {r["type"] for r in doc["results"]} == {"return_exchange"}
    assert run("faq", "search", "배송비", "--type", "refunds").exit_code == 2
    assert run("faq", "search", "배송비", "--limit", "0").exit_code == 2


@pytest.mark.parametrize("query", ["", "   ", "\u200b\u200b", "🙂🙂", "?!…", "ㅡㅡ;;"[2:], "★☆ 🙏"])
def test_empty_query_is_exit_2(query: str) -> None:
    result = run("faq", "search", query)
    assert result.exit_code == 2
    assert "검색어를 입력하세요" in result.stderr


def test_no_result_suggests_and_names_a_channel() -> None:
    out = run("faq", "search", "정산금 보류 해제하는 방법좀 알려주세요 급해요 ㅠㅠ qqq").stdout
    assert out  # never an empty screen
    nothing = run("faq", "search", "qwxzv")
    assert nothing.exit_code == 0
    assert "'qwxzv'에 잘 맞는 FAQ 항목이 없습니다." in nothing.stdout
    assert "채팅 상담" in nothing.stdout and "1:1 문의" in nothing.stdout and "ss-help contact" in nothing.stdout


def test_below_the_floor_the_closest_entries_are_not_offered_as_answers() -> None:
    doc = run_json("faq", "search", "쿠팡 윙 정산 보류 해제")
    assert doc["confident"] is False and doc["results"]  # still the closest entries, flagged
    result = run("faq", "search", "쿠팡 윙 정산 보류 해제")
    assert result.exit_code == 0
    out = result.stdout
    assert "잘 맞는 FAQ 항목이 없습니다" in out and "가까운 항목" in out and "ss-help contact" in out
    assert "settlement-hold" in out and "검색 결과" not in out
    english = run("faq", "search", "how do I bake bread", "--lang", "en").stdout
    assert "Nothing in the FAQ fits" in english and "ss-help contact" in english


@pytest.mark.parametrize(
    "query",
    [
        "[bold red]정산[/bold red]",
        "\x1b[31m정산\x1b[0m 보류",
        "정산\x00\x07보류",
        "🙂🙂 정산",
        "정\u200b산 보\u200d류",
        "가" * 10_000,
        "[link=file:///etc/passwd]x[/link]",
    ],
)
def test_hostile_queries_are_plain_text(query: str) -> None:
    result = run("faq", "search", query)
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\x00" not in result.stdout
    if result.exit_code == 2:  # nothing searchable in it: one line that says so
        assert len(result.stderr.splitlines()) == 1 and "검색어를 입력하세요" in result.stderr
    else:
        assert result.exit_code == 0 and result.stdout and not result.stderr


def test_show_renders_the_whole_answer_with_source() -> None:
    result = run("faq", "show", "phone-number")
    assert result.exit_code == 0
    assert (
        "1588-3819" in result.stdout and "출처" in result.stdout and "help.sell.smartstore.naver.com" in result.stdout
    )
    doc = run_json("faq", "show", "phone-number")
    assert doc["id"] == "phone-number" and "1588-3819" in doc["answer"]


DATED_FAQ = """version: 1
entries:
  - id: dated
    type: payment
    question: 수수료는 얼마인가요?
    answer: 답
    sources:
      - {url: "https://blog.example.com/%EC%88%98%EC%88%98%EB%A3%8C", title: 블로그, kind: third_party, published: 2026-06-01, checked: 2026-11-30}
      - {url: "https://news.example.com/a", title: 기사, kind: news, published: unknown, checked: 2026-11-29}
      - {url: "https://help.example.com/fee", title: 공지 원문, kind: official, published: 2025-06-02, checked: 2026-11-28}
      - {url: "https://esellers.example.com/fee", title: 공지 전재, kind: reprint, published: 2025-05-20, checked: 2026-11-28}
      - {url: "https://api.example.com/q/1", title: 담당자 답변, kind: staff, published: 2026-03-02, checked: 2026-11-28}
    en: {question: What is the fee?, answer: Answer}
"""


@pytest.fixture
def dated_faq(tmp_path: Path) -> Path:
    (tmp_path / "faq.yaml").write_text(DATED_FAQ, encoding="utf-8")
    return tmp_path


def test_show_lists_sources_official_first_each_with_its_own_dates(dated_faq: Path) -> None:
    result = run("faq", "show", "dated", "--data-dir", str(dated_faq), columns=200)
    assert result.exit_code == 0, result.output
    out = [line.strip() for line in result.stdout.splitlines()]
    # each source: its kind and dates, then its address alone on the next line
    lines = [f"{line} · {out[i + 1]}" for i, line in enumerate(out) if " · " in line and "확인" in line]
    assert lines == [
        "공식 · 2025-06-02 게시 · 2026-11-28 확인 · https://help.example.com/fee",
        "네이버 담당자 답변 · 2026-03-02 게시 · 2026-11-28 확인 · https://api.example.com/q/1",
        "공지 전재 · 2025-05-20 게시 · 2026-11-28 확인 · https://esellers.example.com/fee",
        "언론 보도 · 게시일 모름 · 2026-11-29 확인 · https://news.example.com/a",
        "제3자 안내 · 2026-06-01 게시 · 2026-11-30 확인 · https://blog.example.com/수수료",  # the address decoded
    ]
    english = run("faq", "show", "dated", "--data-dir", str(dated_faq), "--lang", "en", columns=200).stdout
    assert "official · published 2025-06-02 · checked 2026-11-28\n    https://help.example.com/fee" in english
    assert "news · date unknown · checked 2026-11-29" in english
    doc = run_json("faq", "show", "dated", "--data-dir", str(dated_faq))
    assert [s["kind"] for s in doc["sources"]] == ["official", "staff", "reprint", "news", "third_party"]
    assert doc["sources"][0] == {
        "url": "https://help.example.com/fee",
        "title": "공지 원문",
        "kind": "official",
        "published": "2025-06-02",
        "checked": "2026-11-28",
    }
    assert doc["sources"][3]["published"] is None and doc["source"] is None


@pytest.mark.parametrize(
    ("moment", "stale"),
    [
        # the newest evidence is the undated news page, read 2026-11-29: old 180 days after that, in Seoul
        (datetime(2027, 5, 28, 14, 59, tzinfo=UTC), False),  # 2027-05-28 23:59 KST: 180 days
        (datetime(2027, 5, 28, 15, 0, tzinfo=UTC), True),  # 2027-05-29 00:00 KST: 181 days
    ],
)
def test_show_marks_an_answer_whose_newest_evidence_is_old(dated_faq: Path, moment: datetime, stale: bool) -> None:
    result = run("faq", "show", "dated", "--data-dir", str(dated_faq), io=IOStreams.test(now=moment, columns=200))
    assert result.exit_code == 0
    assert ("확인한 지 오래됨 (가장 새 출처 2026-11-29)" in result.stdout) is stale


def test_a_page_dated_long_ago_is_old_however_recently_it_was_read(tmp_path: Path) -> None:
    """The issue's case: every source read last week, the newest of them a 2021 post."""
    old = DATED_FAQ.replace("published: unknown", "published: 2021-03-01")
    for day in ("2026-06-01", "2026-03-02", "2025-06-02", "2025-05-20"):
        old = old.replace(f"published: {day}", "published: 2021-01-04")
    (tmp_path / "faq.yaml").write_text(old, encoding="utf-8")
    result = run(
        "faq",
        "show",
        "dated",
        "--data-dir",
        str(tmp_path),
        io=IOStreams.test(now=datetime(2026, 12, 7, tzinfo=UTC), columns=200),
    )
    assert "확인한 지 오래됨 (가장 새 출처 2021-03-01)" in result.stdout
    assert run_json("faq", "show", "dated", "--data-dir", str(tmp_path))["stale"] is True
    fresh = run(
        "faq",
        "show",
        "dated",
        "--data-dir",
        str(tmp_path),
        io=IOStreams.test(now=datetime(2021, 6, 1, tzinfo=UTC), columns=200),
    )
    assert "확인한 지 오래됨" not in fresh.stdout


def test_an_entry_without_sources_is_never_marked_old(tmp_path: Path) -> None:
    (tmp_path / "faq.yaml").write_text(
        "version: 1\nentries:\n  - {id: bare, type: general, question: 질문, answer: 답}\n", encoding="utf-8"
    )
    result = run(
        "faq", "show", "bare", "--data-dir", str(tmp_path), io=IOStreams.test(now=datetime(2030, 1, 1, tzinfo=UTC))
    )
    assert result.exit_code == 0 and "오래됨" not in result.stdout


def test_show_unknown_id_suggests() -> None:
    result = run("faq", "show", "settlement-hol", "--lang", "en")
    assert result.exit_code == 2
    assert "no FAQ entry 'settlement-hol' (similar ids: settlement-hold" in result.stderr


def test_list_groups_by_type() -> None:
    out = run("faq", "list").stdout
    assert out.index("기술 (") < out.index("결제·정산 (") < out.index("반품·교환 (") < out.index("일반 (")
    doc = run_json("faq", "list", "--type", "technical")
    assert doc["entries"] and {e["type"] for e in doc["entries"]} == {"technical"}


def test_own_faq_replaces_the_builtin_one(tmp_path: Path) -> None:
    (tmp_path / "faq.yaml").write_text(OWN, encoding="utf-8")
    doc = run_json("faq", "search", "쿠폰", "--data-dir", str(tmp_path))
    assert [r["id"] for r in doc["results"]] == ["coupon"]
    # channels.yaml stays the built-in one: read from the shipped file, the same channels
    where = run_json("paths", "--data-dir", str(tmp_path))
    assert where["faq"] == str(tmp_path / "faq.yaml")
    assert where["channels"] == str(data.builtin_dir() / data.CHANNELS_FILE)
    assert run_json("channels", "--data-dir", str(tmp_path)) == run_json("channels")
    at = ("hours", "--at", "2026-11-24T10:00")
    assert run_json(*at, "--data-dir", str(tmp_path)) == run_json(*at)


@pytest.mark.cold_cache
def test_an_edit_is_picked_up_on_the_next_run(tmp_path: Path) -> None:
    faq = tmp_path / "faq.yaml"
    faq.write_text(OWN, encoding="utf-8")
    assert run_json("faq", "search", "쿠폰", "--data-dir", str(tmp_path))["results"]
    stat = faq.stat()
    faq.write_text(OWN.replace("쿠폰", "포인트"), encoding="utf-8")
    os.utime(faq, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same modification time, new content
    assert run_json("faq", "search", "쿠폰", "--data-dir", str(tmp_path))["results"] == []
    assert run_json("faq", "search", "포인트", "--data-dir", str(tmp_path))["results"]
    assert len(list(cache.cache_dir().glob(f"faq-index-*{cache.SUFFIX}"))) == 1  # the stale index was removed


@pytest.mark.cold_cache
def test_a_corrupt_cache_is_rebuilt(tmp_path: Path) -> None:
    (tmp_path / "faq.yaml").write_text(OWN, encoding="utf-8")
    run_json("faq", "search", "쿠폰", "--data-dir", str(tmp_path))
    cached = list(cache.cache_dir().glob(f"*{cache.SUFFIX}"))
    assert cached  # the FAQ index
    for path in cached:
        path.write_bytes(b"garbage" * 10)
    assert [r["id"] for r in run_json("faq", "search", "쿠폰", "--data-dir", str(tmp_path))["results"]] == ["coupon"]
    for path in cached:
        path.write_bytes(b"")
    assert run_json("faq", "search", "쿠폰", "--data-dir", str(tmp_path))["results"]


def test_a_broken_edit_is_reported_not_served_from_cache(tmp_path: Path) -> None:
    faq = tmp_path / "faq.yaml"
    faq.write_text(OWN, encoding="utf-8")
    run_json("faq", "search", "쿠폰", "--data-dir", str(tmp_path))
    faq.write_text(OWN.replace("type: payment", "type: paymnt"), encoding="utf-8")
    result = run("faq", "search", "쿠폰", "--data-dir", str(tmp_path))
    assert result.exit_code == 2 and "faq.yaml:4: entries[0].type" in result.stderr


def test_an_unwritable_cache_still_answers(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-dir"
    blocked.write_text("", encoding="utf-8")
    result = run("faq", "search", "정산", env={"SS_HELP_CACHE_DIR": str(blocked / "cache")})
    assert result.exit_code == 0 and "정산" in result.stdout


@pytest.mark.cold_cache
def test_concurrent_builds_are_safe(tmp_path: Path) -> None:
    (tmp_path / "faq.yaml").write_text(OWN, encoding="utf-8")
    command = [sys.executable, "-m", "smartstore_help", "faq", "search", "쿠폰", "--json", "--data-dir", str(tmp_path)]
    procs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ}) for _ in range(6)
    ]
    outs = [p.communicate(timeout=60) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    assert all(b'"coupon"' in out for out, _ in outs)
    assert not list(cache.cache_dir().glob(".*.tmp"))
