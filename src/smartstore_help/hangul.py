"""Small pure Hangul helpers: normalisation, 초성 (initial consonants) and jamo decomposition."""

from __future__ import annotations

import functools
import operator
import re
import unicodedata
from collections.abc import Iterable

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
_HAS_CONJOINING = re.compile("[\u1100-\u11ff]")


def normalize(text: str) -> str:
    """NFKC (composes NFD Hangul from macOS, folds full-width forms), case-folded, punctuation and
    runs of spacing turned into single spaces."""
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text))
    if _HAS_CONJOINING.search(text):
        text = text.translate(_CONJOINING)
    text = text.casefold()
    return _SEPARATORS.sub(" ", text).strip()


def compact(text: str) -> str:
    """`normalize` without any spaces: `정산 보류` and `정산보류` become the same string."""
    return normalize(text).replace(" ", "")


def is_syllable(ch: str) -> bool:
    return SYLLABLE_FIRST <= ord(ch) <= SYLLABLE_LAST


@functools.cache
def _tables() -> tuple[dict[int, str], dict[int, str]]:
    """Syllable → 초성 and syllable → jamo translation tables (11,172 entries each), made once."""
    initial, letters = {}, {}
    for code in range(SYLLABLE_LAST - SYLLABLE_FIRST + 1):
        initial[SYLLABLE_FIRST + code] = CHOSEONG[code // 588]
        letters[SYLLABLE_FIRST + code] = CHOSEONG[code // 588] + JUNGSEONG[(code % 588) // 28] + JONGSEONG[code % 28]
    return initial, letters


# A query is short: decompose it directly rather than pay for the tables (~6 ms) at start-up;
# once they exist (an index is being built), they are always faster.
_SHORT = 64


def prepare_bulk() -> None:
    """Build the translation tables now: many strings are about to be decomposed."""
    _tables()


def _use_tables(text: str) -> bool:
    return len(text) > _SHORT or _tables.cache_info().currsize > 0


def choseong(text: str) -> str:
    """`정산 보류` → `ㅈㅅ ㅂㄹ`; characters that are not Hangul syllables are kept as they are."""
    if _use_tables(text):
        return text.translate(_tables()[0])
    return "".join(CHOSEONG[(ord(ch) - SYLLABLE_FIRST) // 588] if is_syllable(ch) else ch for ch in text)


def is_choseong_query(text: str) -> bool:
    letters = text.replace(" ", "")
    return bool(letters) and all(ch in CHOSEONG for ch in letters)


def jamo(text: str) -> str:
    """`반품` → `ㅂㅏㄴㅍㅜㅁ`: a typo changes one letter here, not a whole syllable."""
    if _use_tables(text):
        return text.translate(_tables()[1])
    out = []
    for ch in text:
        if is_syllable(ch):
            code = ord(ch) - SYLLABLE_FIRST
            out += [CHOSEONG[code // 588], JUNGSEONG[(code % 588) // 28], JONGSEONG[code % 28]]
        else:
            out.append(ch)
    return "".join(out)


# ASCII punctuation to spaces, done on UTF-8 bytes (a C table lookup), and the few non-ASCII
# separators Korean text uses; far faster than a Unicode regex over megabytes of answers.
_ASCII_SEPARATORS = bytes.maketrans(b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", b" " * 32)
_OTHER_SEPARATORS = "·…→←‘’“”「」『』〈〉《》【】・–—"


def words(text: str) -> list[str]:
    """Rough, fast word split for long text: case-folded, split at spacing and punctuation."""
    flat = text.casefold().encode("utf-8").translate(_ASCII_SEPARATORS).decode("utf-8")
    for mark in _OTHER_SEPARATORS:
        if mark in flat:
            flat = flat.replace(mark, " ")
    return flat.split()


def word_stems(tokens: Iterable[str]) -> set[str]:
    """A Hangul word by its first two syllables (`보류는` → `보류`: particles and endings vary),
    any other word whole."""
    return {w[:2] if "\uac00" <= w[0] <= "\ud7a3" else w for w in tokens if w}


def ngrams(text: str, n: int) -> set[str]:
    if len(text) < n:
        return {text} if text else set()
    if n == 2:
        return set(map(operator.add, text, text[1:]))
    return {text[i : i + n] for i in range(len(text) - n + 1)}
