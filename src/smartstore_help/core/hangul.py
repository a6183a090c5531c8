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


# What follows a noun: particles, and the copula's commonest forms (`정산금이`, `쿠폰인데`).
PARTICLES = frozenset(
    {
        "이",
        "가",
        "은",
        "는",
        "을",
        "를",
        "의",
        "에",
        "에서",
        "에게",
        "한테",
        "께",
        "로",
        "으로",
        "와",
        "과",
        "도",
        "만",
        "까지",
        "부터",
        "이랑",
        "랑",
        "처럼",
        "보다",
        "이나",
        "나",
        "요",
        "이요",
        "은요",
        "는요",
        "에서요",
        "으로요",
        "로요",
        "에도",
        "에는",
        "에선",
        "이라고",
        "라고",
        "이라는",
        "라는",
        "이랑은",
        "이에요",
        "예요",
        "인가요",
        "인데",
        "인데요",
    }
)
# Particles and verb endings a seller's sentence puts after the word that carries the meaning
# (`정산이`, `보류됐어요`, `들어왔는데`). Not a morphological analyser: a small list, longest
# first, that leaves at least one syllable. The word as typed is always kept as well, so a noun
# that merely ends like a particle (`평가`, `한도`) still matches itself.
ENDINGS = tuple(
    sorted(
        PARTICLES
        | {
            # the copula's other forms, and verb endings
            "에요",
            "이야",
            "야",
            "입니다",
            "이죠",
            "죠",
            "이지",
            "해요",
            "했어요",
            "했는데",
            "했는데요",
            "해서",
            "하고",
            "하는",
            "하면",
            "하려면",
            "하나요",
            "할까요",
            "할때",
            "할",
            "한",
            "함",
            "해",
            "했",
            "합니다",
            "했습니다",
            "하는데",
            "하는데요",
            "해야",
            "해야돼요",
            "해야하나요",
            "해주세요",
            "하고싶어요",
            "하고싶은데",
            "하기",
            "하는법",
            "하는방법",
            "돼요",
            "되요",
            "됐어요",
            "됬어요",
            "됐는데",
            "됐는데요",
            "되나요",
            "되는",
            "되면",
            "되는데",
            "됩니다",
            "됨",
            "된",
            "될",
            "되어",
            "돼서",
            "됐다는데",
            "된대요",
            "돼",
            "됐",
            "되고",
            "되지",
            "되지않아요",
            "어요",
            "아요",
            "여요",
            "었어요",
            "았어요",
            "였어요",
            "나요",
            "가요",
            "는데",
            "은데",
            "는데요",
            "은데요",
            "지만",
            "어서",
            "아서",
            "면",
            "으면",
            "려면",
            "으려면",
            "고",
            "게",
            "지",
            "니",
            "까",
            "네요",
            "대요",
            "래요",
            "달래요",
            "다는데",
            "다고",
            "겠어요",
            "을까요",
            "ㄹ까요",
            "세요",
            "주세요",
            "싶어요",
            "고싶어요",
            "중",
            "중이에요",
            "중인가요",
            "중인데",
            "째",
            "건지",
            "건가요",
            "거죠",
            "건데",
            "는지",
            "은지",
            "인지",
            "냐고",
            "겠대요",
            "겠다는데",
            "려는데",
            "려고",
            "하려는데",
            "다는데요",
            "나봐요",
            "던데",
            "던데요",
            "잖아요",
        },
        key=len,
        reverse=True,
    )
)
_NEGATION = ("안", "못")
# Syllables a noun is followed by when it is used as a verb (`메모해`, `취소됐`, `확인받`, `분쟁날`).
_LIGHT_VERBS = frozenset("하해했한할함되돼됐된될됨시받주드나난날났")


def ends_a_word(rest: str) -> bool:
    """Whether `rest`, following a noun, is grammar rather than more word: an ending or particle
    (`정산` + `이`), or a light verb (`메모` + `해둘게`), not another syllable of a longer noun
    (`자동` + `차`)."""
    return bool(rest) and (rest[0] in _LIGHT_VERBS or any(rest.startswith(e) for e in ENDINGS))


_ENDINGS_BY_LENGTH = tuple(
    (n, frozenset(e for e in ENDINGS if len(e) == n)) for n in sorted({len(e) for e in ENDINGS}, reverse=True)
)


@functools.lru_cache(maxsize=65536)  # a large FAQ repeats its words many times over
def strip_ending(word: str) -> str:
    """`정산이` → `정산`, `보류됐어요` → `보류`: the longest known ending, leaving a syllable."""
    if not word or not is_syllable(word[-1]):
        return word
    for n, endings in _ENDINGS_BY_LENGTH:
        if len(word) > n and word[-n:] in endings:
            return word[:-n]
    return word


def names_a_thing(word: str) -> bool:
    """Whether a typed word looks like the name of a thing rather than an act: as typed, or with
    a particle after it (`도시가스`, `호텔을`, `넷플릭스는`), two syllables or more; in English,
    any word of three letters or more. A rough cut, for telling a question about something the
    FAQ never mentions from one that says a familiar thing in unfamiliar verbs."""
    if word.isascii():
        return len(word) >= 3 and word.isalpha()
    if not is_syllable(word[0]):
        return False
    stem = strip_ending(word)
    rest = word[len(stem) :]
    return len(stem) >= 2 and (not rest or (rest in PARTICLES and rest != "요"))  # `올려요` is an act


def word_forms(word: str) -> list[str]:
    """The forms a typed word may match by: as typed, without its ending, without a leading
    `안`/`못` run into the verb (`안들어왔어요` → `들어오…`), and English without a plural or tense."""
    forms = [word]
    if word and is_syllable(word[0]):
        stem = strip_ending(word)
        forms.append(stem)
        if len(stem) > 2 and stem.startswith(_NEGATION):
            forms.append(strip_ending(stem[1:]))
    elif word.isascii():
        for suffix in ("ing", "ed", "es", "s"):
            if len(word) > len(suffix) + 2 and word.endswith(suffix):
                forms.append(word[: -len(suffix)])
                break
    return list(dict.fromkeys(f for f in forms if f))


def edit_distance(a: str, b: str, most: int) -> int:
    """Levenshtein distance, or `most + 1` as soon as it is known to exceed `most`."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > most:
            return most + 1
        previous = current
    return previous[-1]
