"""FAQ search relevance on the shipped FAQ and on a seller's own file, and its safety."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from helpers import shipped_index
from hypothesis import given, settings
from hypothesis import strategies as st

from smartstore_help.core import hangul, search
from smartstore_help.store import data

# (query, the entry that must be in the top 3)
RELEVANCE = [
    ("정산 보류", "settlement-hold"),
    ("정산보류", "settlement-hold"),
    ("  정산   보류 ", "settlement-hold"),
    ("ㅈㅅ ㅂㄹ", "settlement-hold"),
    ("ㅈㅅㅂㄹ", "settlement-hold"),
    (unicodedata.normalize("NFD", "정산 보류"), "settlement-hold"),
    ("정산보류됐어요!!", "settlement-hold"),
    ("세금게산서", "tax-invoice"),
    ("세금 계산서", "tax-invoice"),
    ("계산서", "tax-invoice"),
    ("운송장 번호 오류", "tracking-number-error"),
    ("송장번호 입력", "tracking-number-error"),
    ("에러 신고", "report-a-fault"),
    ("리턴 배송비", "return-shipping-fee"),
    ("택배비 누가", "return-shipping-fee"),
    ("환불 언제", "refund-timing"),
    ("환급 시점", "refund-timing"),
    ("정산금 입금 안됨", "settlement-not-arrived"),
    ("대금 언제", "settlement-when"),
    ("전화번호", "phone-number"),
    ("콜센터", "phone-number"),
    ("1588-3819", "phone-number"),
    ("상담원 연결", "reach-an-agent"),
    ("상담 시간", "support-hours"),
    ("점심시간", "support-hours"),
    ("추석 연휴", "holidays-closed"),
    ("설날에도 상담", "holidays-closed"),
    ("로그인 안돼요", "login-problem"),
    ("본인 인증 실패", "verification-fails"),
    ("패널티", "penalty"),
    ("벌점", "penalty"),
    ("정산 계좌 변경", "payout-account-change"),
    ("회수 지연", "pickup-delay"),
    ("출고 지연", "dispatch-delay"),
    ("오배송", "wrong-item-sent"),
    ("악성 리뷰", "reviews"),
    ("엑셀 일괄등록", "bulk-upload-errors"),
    ("SETTLEMENT HOLD", "settlement-hold"),
    ("Settlement Hold", "settlement-hold"),
    ("ｓｅｔｔｌｅｍｅｎｔ ｈｏｌｄ", "settlement-hold"),
    ("refund", "refund-timing"),
    ("tax invoice", "tax-invoice"),
    ("같은 문제 반복", "problem-keeps-coming-back"),
    ("급한데 주말", "urgent-after-hours"),
]


def top3(index: search.Index, query: str) -> list[str]:
    return [hit.entry.id for hit in search.search(index, query, limit=3)]


@pytest.mark.parametrize(("query", "expected"), RELEVANCE)
def test_shipped_faq_relevance(query: str, expected: str) -> None:
    assert expected in top3(shipped_index(), query)


def test_a_typo_is_read_as_the_word_it_misses() -> None:
    # with 133 entries, a bare 반품 has many fitting answers; the typo must give exactly the same ones
    assert top3(shipped_index(), "반퓸") == top3(shipped_index(), "반품")
    types = [shipped_index().find(i).type for i in top3(shipped_index(), "반퓸")]  # type: ignore[union-attr]
    assert types.count("return_exchange") >= 2, types  # (the return address is set up with shipping)
    assert top3(shipped_index(), "반퓸 요청 처리")[0] == "return-handling"


def test_a_known_word_before_a_long_ending_is_kept() -> None:
    # `묶였어요` is `묶` and an ending by the ending list, but `묶였` is a word of the synonym group
    # of 보류: the word must count, not be dropped as grammar
    assert top3(shipped_index(), "정산금이 묶였어요")[0] == "settlement-hold"
    assert search.confident(search.search(shipped_index(), "정산금이 묶였어요"))


@pytest.mark.parametrize(
    "query",
    [
        "명절 연휴에 배송 쉰다고 손님들께 알리는 공지는 어디서 올려요",  # 알리는: to let know, not AliExpress
        "제 물건이 어제부터 검색에서 하나도 안 보여요",  # a seller's goods are 제 물건 too
        "주문한 구매자인데 반품을 원한대요",  # a buyer spoken of, not speaking
    ],
)
def test_a_seller_is_not_mistaken_for_someone_elsewhere(query: str) -> None:
    hits = search.search(shipped_index(), query)
    assert hits and not hits[0].elsewhere and hits[0].coverage > 0 and search.confident(hits), hits[:1]


@pytest.mark.parametrize(
    "query",
    [
        "저 구매자인데 판매자가 정산 받으면 제 환불은 어떻게 돼요",  # a buyer who says so
        "소비자인데 주문한 신발이 열흘째 안 와요",  # …with the subject left out, as Korean does
        "카페24로 만든 쇼핑몰 정산 주기가 궁금해요",  # a platform name with a particle run into it
        "쇼피에서 판매하는데 정산 계좌 등록은 어떻게 해요",
        "강아지 미용 예약 취소하면 환불 받을 수 있나요",  # things the FAQ never names
        "헬스장 회원권 양도하면 결제 취소 되나요",
    ],
)
def test_a_question_from_elsewhere_is_not_answered_confidently(query: str) -> None:
    assert not search.confident(search.search(shipped_index(), query))


def test_a_question_naming_another_market_is_never_confident_however_alike() -> None:
    # every word after the market's name is the FAQ's own: only the rule can say it is not ours
    hits = search.search(shipped_index(), "쿠팡 윙 정산 보류 해제")
    assert hits[0].elsewhere and hits[0].likeness > 0.4 and search.confidence(hits[0]) == 0.0
    english = search.search(shipped_index(), "I ordered a jacket on Naver, how do I get a refund as a customer?")
    assert english[0].elsewhere and not search.confident(english)


@pytest.mark.parametrize(
    ("query", "reads_like_a_seller"),
    [
        ("손님이 반품 요청했는데 수거가 안 돼요", True),
        ("정산금이 이번 주에 안 들어왔어요", True),
        ("my payout has not arrived this week", True),
        ("전세 보증금 언제 돌려받을 수 있어요", False),
        ("강아지 예방접종 몇 개월부터 해요", False),
        ("my landlord will not return my deposit", False),
    ],
)
def test_topical_tells_a_sellers_words_from_everyday_ones(query: str, reads_like_a_seller: bool) -> None:
    assert (search.topical(shipped_index(), query) > 0) is reads_like_a_seller


@pytest.mark.parametrize("keyword", ["환불", "주문취소", "쿠폰", "포인트", "리뷰", "택배", "결제"])
def test_a_bare_keyword_is_answered_confidently(keyword: str) -> None:
    # shoppers use these words too, but a keyword alone does not say who is asking
    assert search.confident(search.search(shipped_index(), keyword))


def test_nearly_every_keyword_of_the_faq_alone_is_answered_confidently() -> None:
    keywords = [k for e in data.load_faq().entries for k in e.keywords]
    unsure = [k for k in keywords if not search.confident(search.search(shipped_index(), k))]
    assert len(unsure) <= 0.03 * len(keywords), unsure


def test_without_off_topic_lines_topical_says_nothing(own_index: search.Index) -> None:
    assert search.topical(own_index, "전세 보증금 언제 돌려받을 수 있어요") == 0.0
    assert search.topical(own_index, "쿠폰 발급") == 0.0


def test_where_the_script_changes_a_word_ends() -> None:
    assert [w.typed for w in search.analyse(shipped_index(), "sms인증 안돼요").words] == ["sms", "인증"]
    assert [w.typed for w in search.analyse(shipped_index(), "31m보류").words] == ["31m", "보류"]
    assert top3(shipped_index(), "sms인증 안돼요")[0] == "verification-fails"


def test_a_foreign_word_is_not_split_into_pieces_too_short_to_search() -> None:
    # `vlookup` is not `ok` + `up`: split so, it vanished from the query and counted as nothing
    hit = search.search(shipped_index(), "엑셀 vlookup 수식 오류")[0]
    assert hit.unfamiliar >= 1 and not search.confident([hit])


def test_spacing_variants_give_identical_rankings() -> None:
    assert (
        top3(shipped_index(), "정산보류")
        == top3(shipped_index(), "  정산   보류 ")
        == top3(shipped_index(), "정산 보류")[:3]
    )


HOLD = {"settlement-hold", "settlement-hold-release"}  # why a settlement is held, and how to lift it


def test_choseong_matches_only_where_every_word_is_there() -> None:
    hits = search.search(shipped_index(), "ㅈㅅ ㅂㄹ", limit=10)
    assert {h.entry.id for h in hits[:2]} == HOLD
    for hit in hits:
        initials = hangul.choseong(hangul.compact(hit.entry.question + (hit.entry.question_en or "")))
        initials += hangul.choseong(hangul.compact(" ".join(hit.entry.keywords)))
        assert "ㅈㅅ" in initials and "ㅂㄹ" in initials, hit.entry.id


def test_type_filter_keeps_only_that_type() -> None:
    hits = search.search(shipped_index(), "배송비", limit=10, types=["return_exchange"])
    assert hits and {h.entry.type for h in hits} == {"return_exchange"}


def test_question_outweighs_answer() -> None:
    # "점심시간" appears in the support-hours question's answer only, "추석" in a question
    assert search.search(shipped_index(), "추석", limit=1)[0].entry.id == "holidays-closed"


def test_matched_parts_are_highlighted() -> None:
    hit = search.search(shipped_index(), "정산 보류", limit=1)[0]
    shown = [hit.entry.question[a:b] for a, b in hit.spans]
    assert shown == ["정산", "보류"]
    choseong_hit = search.search(shipped_index(), "ㅈㅅ ㅂㄹ", limit=1)[0]
    assert [choseong_hit.entry.question[a:b] for a, b in choseong_hit.spans] == ["정산", "보류"]


def test_english_questions_are_highlighted_in_english() -> None:
    hit = search.search(shipped_index(), "settlement hold", limit=1, lang="en")[0]
    assert [hit.entry.question_en[a:b] for a, b in hit.spans if hit.entry.question_en] == ["settlement", "hold"]


def test_nothing_found_is_an_empty_list_and_closest_suggests() -> None:
    assert search.search(shipped_index(), "qwxzv") == []
    assert search.closest(shipped_index(), "라이브방송") == []  # no far-fetched "did you mean"
    assert search.closest(shipped_index(), "정산 보루")[0].id in HOLD


def test_a_long_natural_question_is_not_diluted() -> None:
    assert top3(shipped_index(), "정산보류해제방법좀알려주세요")[0] == "settlement-hold-release"
    assert "settlement-hold-release" in top3(shipped_index(), "정산 보류 해제 방법 알려주세요 제발 급해요")


def test_empty_query_is_refused() -> None:
    for query in ("", "   ", "\u200b", "!!!", "\t\n"):
        with pytest.raises(search.EmptyQuery):
            search.search(shipped_index(), query)


OWN_FAQ = """\
version: 1
synonyms:
  - [택배, 배송]
  - [쿠폰, 할인권]
entries:
  - id: coupon-issue
    type: payment
    question: 스토어 쿠폰은 어떻게 발급하나요?
    answer: 혜택 관리 메뉴에서 쿠폰을 만듭니다.
    keywords: [쿠폰, 혜택]
  - id: gift-wrap
    type: general
    question: 선물 포장 옵션을 추가하고 싶어요
    answer: 상품 옵션에 포장 여부를 넣으세요.
  - id: overseas-shipping
    type: technical
    question: 해외 배송 설정 방법
    answer: 배송 정보에서 해외 배송을 선택합니다.
    keywords: [해외, 국제 배송]
  - id: talk-talk
    type: general
    question: 톡톡 상담 알림을 켜는 법
    answer: 톡톡 파트너센터에서 알림을 설정합니다.
"""


@pytest.fixture
def own_index(tmp_path: Path) -> search.Index:
    (tmp_path / "faq.yaml").write_text(OWN_FAQ, encoding="utf-8")
    return search.build_index(data.load_faq(tmp_path))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("쿠폰 발급", "coupon-issue"),
        ("할인권", "coupon-issue"),
        ("ㅋㅍ", "coupon-issue"),
        ("쿠퐁", "coupon-issue"),
        ("해외택배", "overseas-shipping"),
        ("국제배송", "overseas-shipping"),
        ("선물포장", "gift-wrap"),
        ("톡톡 알림", "talk-talk"),
    ],
)
def test_a_sellers_own_faq(own_index: search.Index, query: str, expected: str) -> None:
    assert expected in top3(own_index, query)


@settings(max_examples=300, deadline=1000)
@given(st.text(max_size=300))
def test_any_string_is_a_safe_query(query: str) -> None:
    try:
        hits = search.search(shipped_index(), query)
    except search.EmptyQuery:
        assert hangul.normalize(query[: search.MAX_QUERY]) == ""
        return
    assert all(h.score >= search.MIN_SCORE for h in hits)
    for hit in hits:
        assert all(0 <= a < b <= len(hit.entry.question) for a, b in hit.spans)


def test_a_huge_hostile_query_answers() -> None:
    nasty = "[bold]정산[/bold]\x1b[31m보류\u200b🙂" + "가" * 10_000
    hits = search.search(shipped_index(), nasty)
    # the words in it still count. (Its filler 가가가 shares jamo grams with "심사가 보류", so
    # seller-signup-review can rank first now that the FAQ has it; both hold entries stay in the top 3.)
    assert {h.entry.id for h in hits[:3]} >= HOLD
