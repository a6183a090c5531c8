from __future__ import annotations

import unicodedata

from smartstore_help.core import hangul


def test_normalize_folds_spacing_case_width_and_nfd() -> None:
    assert hangul.normalize("  정산   보류 ") == "정산 보류"
    assert hangul.normalize(unicodedata.normalize("NFD", "정산 보류")) == "정산 보류"
    assert hangul.normalize("ＳＭＳ　인증!!") == "sms 인증"
    assert hangul.normalize("정\u200b산") == "정산"
    assert hangul.compact("정산 보류") == hangul.compact("정산보류") == "정산보류"


def test_choseong() -> None:
    assert hangul.choseong("정산 보류") == "ㅈㅅ ㅂㄹ"
    assert hangul.choseong("A/S 접수") == "A/S ㅈㅅ"
    assert hangul.is_choseong_query("ㅈㅅ ㅂㄹ")
    assert hangul.is_choseong_query(hangul.normalize("ㅈㅅ"))  # NFKC would make these conjoining jamo
    assert not hangul.is_choseong_query("정산")
    assert not hangul.is_choseong_query(" ")


def test_jamo_makes_a_typo_one_letter() -> None:
    assert hangul.jamo("반품") == "ㅂㅏㄴㅍㅜㅁ"
    assert hangul.jamo("반퓸") == "ㅂㅏㄴㅍㅠㅁ"
    assert hangul.jamo("ab") == "ab"


def test_ngrams() -> None:
    assert hangul.ngrams("정산보류", 2) == {"정산", "산보", "보류"}
    assert hangul.ngrams("정", 2) == {"정"}
    assert hangul.ngrams("", 2) == set()


def test_endings_and_particles_are_stripped_leaving_the_word() -> None:
    cases = {
        "정산이": "정산",
        "보류됐어요": "보류",
        "통장에": "통장",
        "로그인이": "로그인",
        "반품은요": "반품",
        "수거가": "수거",
        "점검중인가요": "점검",
        "환불해주세요": "환불",
        "바꿔달래요": "바꿔",
        "정산": "정산",
        "가": "가",
        "abc": "abc",
        "3일째": "3일",
    }
    assert {w: hangul.strip_ending(w) for w in cases} == cases


def test_word_forms_keep_the_word_as_typed() -> None:
    assert hangul.word_forms("평가") == ["평가", "평"]  # a noun ending like a particle still matches itself
    assert hangul.word_forms("안들어왔어요") == ["안들어왔어요", "안들어왔", "들어왔"]
    assert hangul.word_forms("returns") == ["returns", "return"]
    assert hangul.word_forms("fee") == ["fee"]


def test_a_word_that_names_a_thing_rather_than_an_act() -> None:
    for word in ("도시가스", "호텔을", "넷플릭스는", "세무사한테", "강아지랑", "hotel", "netflix"):
        assert hangul.names_a_thing(word), word
    for word in ("끊어달라는데", "올려요", "들어왔어요", "봐", "ok", "3만원", "ㅠㅠ"):
        assert not hangul.names_a_thing(word), word


def test_a_noun_ends_where_grammar_begins() -> None:
    assert hangul.ends_a_word("이")  # 정산 + 이
    assert hangul.ends_a_word("해둘게")  # 메모 + 해둘게
    assert hangul.ends_a_word("날거")  # 분쟁 + 날거
    assert not hangul.ends_a_word("차")  # 자동차 is not 자동
    assert not hangul.ends_a_word("")


def test_edit_distance_on_jamo_stops_early() -> None:
    assert hangul.edit_distance(hangul.jamo("반퓸"), hangul.jamo("반품"), 1) == 1
    assert hangul.edit_distance(hangul.jamo("세금게산서"), hangul.jamo("세금계산서"), 2) == 1
    assert hangul.edit_distance("abcdef", "uvwxyz", 2) == 3  # more than allowed: most + 1
