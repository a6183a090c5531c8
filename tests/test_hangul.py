from __future__ import annotations

import unicodedata

from smartstore_help import hangul


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
