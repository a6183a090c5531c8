"""Small pure Hangul helpers: normalisation, 초성 (initial consonants) and jamo decomposition."""

from __future__ import annotations

import re
import unicodedata

SYLLABLE_FIRST, SYLLABLE_LAST = 0xAC00, 0xD7A3
CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
JUNGSEONG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
JONGSEONG = ("", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")
# Everything that is not a letter or digit in any script separates words, as spacing does;
# zero-width and bidi controls vanish.
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
_SEPARATORS = re.compile(r"[\W_]+")
# NFKC turns typed compatibility letters (ㅈ, U+3148) into conjoining jamo (U+110C); turn them back.
_CONJOINING = str.maketrans(
    {0x1100 + i: c for i, c in enumerate(CHOSEONG)}
    | {0x1161 + i: c for i, c in enumerate(JUNGSEONG)}
    | {0x11A8 + i: c for i, c in enumerate(JONGSEONG[1:])}
)


def normalize(text: str) -> str:
    """NFKC (composes NFD Hangul from macOS, folds full-width forms), case-folded, punctuation and
    runs of spacing turned into single spaces."""
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text)).translate(_CONJOINING).casefold()
    return _SEPARATORS.sub(" ", text).strip()


def compact(text: str) -> str:
    """`normalize` without any spaces: `정산 보류` and `정산보류` become the same string."""
    return normalize(text).replace(" ", "")


def is_syllable(ch: str) -> bool:
    return SYLLABLE_FIRST <= ord(ch) <= SYLLABLE_LAST


def choseong(text: str) -> str:
    """`정산 보류` → `ㅈㅅ ㅂㄹ`; characters that are not Hangul syllables are kept as they are."""
    return "".join(CHOSEONG[(ord(ch) - SYLLABLE_FIRST) // 588] if is_syllable(ch) else ch for ch in text)


def is_choseong_query(text: str) -> bool:
    letters = text.replace(" ", "")
    return bool(letters) and all(ch in CHOSEONG for ch in letters)


def jamo(text: str) -> str:
    """`반품` → `ㅂㅏㄴㅍㅜㅁ`: a typo changes one letter here, not a whole syllable."""
    out = []
    for ch in text:
        if is_syllable(ch):
            code = ord(ch) - SYLLABLE_FIRST
            out += [CHOSEONG[code // 588], JUNGSEONG[(code % 588) // 28], JONGSEONG[code % 28]]
        else:
            out.append(ch)
    return "".join(out)


def ngrams(text: str, n: int) -> set[str]:
    if len(text) < n:
        return {text} if text else set()
    return {text[i : i + n] for i in range(len(text) - n + 1)}
