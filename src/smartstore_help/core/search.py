"""Korean-aware FAQ search for sentences: words, their forms and synonyms, weighted like BM25.

How a query meets an entry:
- spacing, case, width and NFD/NFC never matter (`hangul.normalize`);
- the query is cut into words; a word the FAQ itself uses is taken as it is, any other word also
  by its stem (`정산이` → `정산`, `보류됐어요` → `보류`), a run-together word is split into the FAQ's
  words (`정산보류` → `정산` + `보류`), and a word the FAQ never uses is corrected to FAQ words one
  or two jamo away (`반퓸` → `반품`, `세금게산서` → `세금계산서`);
- a word in a synonym group (faq.yaml `synonyms:`) also counts as each other word of the group,
  whole words only (never a rewrite inside a word), a little under the word as typed;
- ubiquitous words (스마트스토어, 고객센터, 판매자 …) and filler are not searched for;
- each word adds its IDF (the fewer entries whose question, keywords or phrasings have any of its
  forms, the more it weighs) times a saturated weight of where the entry has it: question 3,
  keywords 2, phrasings 2, answer 1 (the first three by substring, the answer by word stem), times
  its form's weight (synonym 0.9, typo correction 0.8); a word adds only its best form;
- each entry also gains by how alike the query is to its closest saying, its question or one of the
  phrasings sellers use for it (`nearest_sayings`): endings and spacing change little there;
- the leading entries are weighed the other way too: the less of what an entry's question asks
  about the query mentions, the more of its score it loses (up to `ASKED_WEIGHT`);
- a query made only of 초성 (`ㅈㅅ ㅂㄹ`) is matched against the 초성 of question and keywords.

`confident(hits)` says whether the best hit answers the query: a logistic model of its score, the
share of the query it covers, its matched words, its likeness, the query's words that name a thing
the FAQ has nowhere, and how much more the query reads like the entries' sayings than like the
FAQ's off-topic sentences (`confidence`, `topical`); a question naming another marketplace, or a
buyer speaking of their own purchase or saying they are one, is never confident.
"""

from __future__ import annotations

import math
import re
from array import array
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from itertools import groupby, product, repeat
from typing import NamedTuple

from smartstore_help.core.hangul import (
    CHOSEONG,
    SYLLABLE_FIRST,
    choseong,
    compact,
    edit_distance,
    ends_a_word,
    is_choseong_query,
    is_syllable,
    jamo,
    names_a_thing,
    ngrams,
    normalize,
    prepare_bulk,
    strip_ending,
    word_forms,
    word_stems,
    words,
)
from smartstore_help.core.model import Faq, FaqEntry, Lang, Source

FIELD_WEIGHTS = (3.0, 2.0, 2.0, 1.0)  # question, keywords, phrasings, answer
SATURATION = 2.0  # BM25's k1: found in question, keywords and answer counts 1.6× found in the question alone
SYNONYM_WEIGHT = 0.9  # a synonym ranks just under the word the seller typed
CORRECTED_WEIGHT = 0.8  # a typo corrected to an FAQ word ranks under both
MIN_SCORE = 0.2  # below this a match is noise
RELATIVE_FLOOR = 0.3  # results scoring under this share of the best one are noise next to it
# `confidence`: log(1 + score), coverage, matched words (up to 4, as a share of 4), likeness, the
# words naming things the FAQ has nowhere (up to 2), and how topical the query reads (`topical`);
# fitted by benchmarks/fit_confidence.py
CONFIDENCE_WEIGHTS = (0.67, 1.40, 0.11, 0.75, -0.93, 2.74)
CONFIDENCE_BIAS = -2.17
ASKED_WEIGHT = 0.4  # how much an entry's question asking about what the query does not mention costs
RERANKED = 30
LIKENESS_BOOST = 1.0  # the score grows by this share per unit of likeness to the closest saying
LIKENESS_SCORE = 3.0  # and by this much per unit of likeness, so a saying alone can find an entry
PREFERRED_BOOST = 1.25  # the wizard's chosen type: favoured, never a filter
TOPIC_PRIOR = 0.1  # the count every piece is given in both kinds of sentence (Laplace smoothing)
TOPIC_SHRINK = 16  # pieces that say nothing either way, added to every query's (see `topical`)
UNKNOWN_DF = 1  # an unknown word weighs in coverage as a word found in one entry
MAX_QUERY = 200  # characters of a query that are looked at; a pasted essay is not a question
MAX_WORDS = 24
ENOUGH_GRAMS = 12  # 초성 bigrams of about six syllables: a query this specific is fully matched
CLOSEST_CUTOFF = 60  # rapidfuzz partial ratio (0-100) under which a "did you mean" is only noise

# In nearly every seller's question, so they tell entries apart no better than noise.
STOPWORDS = frozenset(
    {
        "스마트스토어",
        "스마트스토어센터",
        "스토어센터",
        "스토어",
        "네이버",
        "고객센터",
        "판매자",
        "셀러",
        "쇼핑파트너",
        "센터",
        "저",
        "제가",
        "저희",
        "나",
        "내",
        "우리",
        "좀",
        "꼭",
        "제발",
        "혹시",
        "지금",
        "그냥",
        "너무",
        "진짜",
        "정말",
        "계속",
        "자꾸",
        "아직",
        "이거",
        "이게",
        "그거",
        "그게",
        "이건",
        "뭔가",
        "어떻게",
        "어떡해요",
        "어떡하죠",
        "방법",
        "궁금해요",
        "궁금합니다",
        "알려주세요",
        "있나요",
        "있어요",
        "없어요",
        "하나요",
        "해요",
        "되나요",
        "돼요",
        "그런",
        "그런가요",
        "그래요",
        "이런",
        "이렇게",
        "저만",
        "아까",
        "아까부터",
        "모르",
        "모르겠어요",
        "몰라요",
        "몰라",
        "모르겠는데",
        "궁금",
        "음",
        "ㅠㅠ",
        "ㅜㅜ",
        "ㅠ",
        "ㅜ",
        "ㅎㅎ",
        "ㅋㅋ",
        "i",
        "me",
        "my",
        "we",
        "our",
        "a",
        "an",
        "the",
        "is",
        "are",
        "was",
        "be",
        "been",
        "do",
        "does",
        "did",
        "to",
        "of",
        "for",
        "in",
        "on",
        "at",
        "it",
        "its",
        "can",
        "could",
        "will",
        "would",
        "should",
        "how",
        "what",
        "please",
        "naver",
        "smartstore",
        "seller",
        "store",
        "help",
        "and",
        "or",
        "with",
        "from",
        "this",
        "that",
        "something",
        "anything",
        "happened",
        "happen",
        "happens",
        "odd",
        "weird",
        "strange",
        "just",
        "there",
        "here",
        "have",
        "has",
        "had",
        "get",
        "got",
        "im",
        "dont",
        "doesnt",
        "cant",
        "why",
        "where",
        "which",
        "who",
    }
)
# A question naming another marketplace or service is not this FAQ's to answer, however many
# words it shares with it ("쿠팡 정산 보류").
ELSEWHERE = frozenset(
    {
        "쿠팡",
        "쿠팡윙",
        "로켓배송",
        "11번가",
        "지마켓",
        "g마켓",
        "gmarket",
        "옥션",
        "위메프",
        "티몬",
        "ssg",
        "쓱",
        "롯데온",
        "인터파크",
        "무신사",
        "에이블리",
        "지그재그",
        "카카오",
        "카카오톡스토어",
        "톡스토어",
        "당근",
        "당근마켓",
        "번개장터",
        "중고나라",
        "아마존",
        "amazon",
        "ebay",
        "이베이",
        "shopify",
        "쇼피파이",
        "알리익스프레스",  # (not 알리: `알리는` is the verb to let someone know)
        "aliexpress",
        "테무",
        "temu",
        "coupang",
        "etsy",
        "큐텐",
        "오늘의집",
        "마켓컬리",
        "컬리",
        "cafe24",
        "카페24",
        "아임웹",
        "쇼피",
        "shopee",
        "라자다",
        "lazada",
        "배민",
        "배달의민족",
        "요기요",
        "쿠팡이츠",
        "29cm",
        "w컨셉",
        "텐바이텐",
        "아이디어스",
        "토스쇼핑",
        "고도몰",
    }
)


# Another marketplace not in the list above: a word the FAQ never uses that is named like a shop
# (`롯데홈쇼핑`, `올리브영몰`), or stands right before the words for opening a shop there.
_MARKET_ENDINGS = ("몰", "마켓", "홈쇼핑", "샵", "닷컴", "mall", "shop", "market")
_JOINING_WORDS = frozenset({"입점", "입점하려면", "입점하고", "셀러", "seller", "vendor"})
# A buyer speaking of their own purchase: this FAQ is for the seller's side of it.
_OWN_PURCHASE = re.compile(
    r"(제가|내가|저는|저희가)\s*(\S+\s)?(산|사서|샀|구매한|구매했|주문한|주문했|시킨|시켰|결제한|결제했)"
    r"|^(어제|오늘|지난주에?|며칠 전에?)\s*(산|샀|주문한|주문했|시킨|시켰)|샀는데|샀어요|샀거든요|시켰는데|시켰어요"
    r"|결제한 ?거|제 (주문|통관부호|택배|적립금)"  # (not 제 물건: a seller's goods are theirs too)
    r"|\bi (bought|ordered|purchased)\b|\bmy (order|parcel|package|purchase|delivery)\b"
)
# …or saying outright that they are the buyer, whatever else they mention; a sentence that opens
# with `구매자인데` has left out its subject, and that subject is the one speaking.
_BUYER_SAYS_SO = re.compile(
    r"(^|저|제가|나|전|난)\s*(구매자|소비자)(인데|예요|에요|입니다|라서)|\bi'?m (a|the) (buyer|customer)\b"
    r"|\bas (a|the) (buyer|customer|shopper)\b"
)
_SELLER_SIDE = re.compile(r"구매자|고객|손님|주문자|판매|발송|정산|스토어|customer|buyer|sell|store|shop")


class EmptyQuery(ValueError):
    pass


class Hit(NamedTuple):
    entry: FaqEntry
    score: float
    spans: tuple[tuple[int, int], ...]  # matched parts of the question shown, as [start, end) indices
    coverage: float = 1.0  # share of the query's word weight this entry matches (0-1)
    words: int = 1  # how many of the query's words it matches
    likeness: float = 0.0  # how alike the query is to the entry's closest saying (0-1)
    unfamiliar: int = 0  # the query's words that name a thing the FAQ has nowhere (`도시가스`, `호텔`)
    topical: float = 0.0  # how much more the query reads like sellers' sayings than like off-topic ones
    elsewhere: bool = False  # the query names another marketplace, or a buyer speaks of their purchase


@dataclass(frozen=True)
class Index:
    """Everything a search needs, shaped to load fast from the cache: plain tuples, strings and
    arrays, every answer and every entry's sources kept in UTF-8 blobs, decoded only for the entries
    that are shown (thousands of small objects would cost more to unpickle than all the rest)."""

    ids: tuple[str, ...]
    types: tuple[str, ...]
    questions: tuple[str, ...]
    questions_en: tuple[str | None, ...]
    keywords: tuple[tuple[str, ...], ...]
    notes: tuple[str | None, ...]
    answers: bytes | memoryview  # a memoryview of the cache file when loaded from it
    answer_ends: Sequence[int]  # entry n: Korean answer ends at [2n + 1], English at [2n + 2]
    sources: bytes | memoryview  # entry n's sources: sources[source_ends[n]:source_ends[n + 1]], see _pack
    source_ends: Sequence[int]
    question: tuple[str, ...]  # compact question (both languages), one per entry
    keyword: tuple[str, ...]  # compact keywords
    phrasing: tuple[str, ...]  # compact phrasings, one string per entry
    # "q", "k", "p": two-character piece of the compact question, keywords, phrasings → entries;
    # "a": answer word stem → entries; "c": 초성 bigram → entries
    postings: Mapping[str, Mapping[str, Sequence[int]]]
    vocabulary: frozenset[str]  # the words of questions, keywords and synonyms, compact
    synonyms: dict[str, tuple[str, ...]]  # a word → the other words of its groups
    asks: tuple[str, ...]  # the words each Korean question asks about (stems, no filler), space-separated
    asked: dict[str, int]  # a question word → how many questions ask about it
    # Sayings: each entry's questions (both languages) and phrasings, as sets of two-syllable
    # pieces; postings["s"] maps a piece to the sayings having it. saying_entry[i] is the entry
    # saying i belongs to, saying_norm[i] its length (×1000) under the pieces' weights.
    saying_entry: Sequence[int]
    saying_norm: Sequence[int]
    # Off-topic sentences (faq.yaml `off_topic:`): postings["o"] maps a piece to those having it
    off_topic: int

    def __len__(self) -> int:
        return len(self.ids)

    def answer_text(self, i: int) -> str:
        return str(self.answers[self.answer_ends[i] : self.answer_ends[i + 1]], "utf-8")

    def entry(self, n: int) -> FaqEntry:
        packed = str(self.sources[self.source_ends[n] : self.source_ends[n + 1]], "utf-8")
        return FaqEntry(
            self.ids[n],
            self.types[n],
            self.questions[n],
            self.answer_text(2 * n),
            self.keywords[n],
            _unpack(packed),
            self.questions_en[n],
            self.answer_text(2 * n + 1) or None,
            self.notes[n],
        )

    def entries(self) -> list[FaqEntry]:
        return [self.entry(n) for n in range(len(self))]

    def find(self, entry_id: str) -> FaqEntry | None:
        return self.entry(self.ids.index(entry_id)) if entry_id in self.ids else None

    def known(self, word: str) -> bool:
        return word in self.vocabulary

    @cached_property
    def by_shape(self) -> dict[tuple[int, str], list[str]]:
        """The vocabulary by (length, first letter), each word's first syllable taken apart to its
        first jamo: a typo correction looks only where a slip can land, not at every word (built on
        the first correction, never cached on disk)."""
        shapes: dict[tuple[int, str], list[str]] = defaultdict(list)
        for word in self.vocabulary:
            first = word[0]  # (`choseong(first)` says the same, five times slower a call: ~7 ms here)
            letter = CHOSEONG[(ord(first) - SYLLABLE_FIRST) // 588] if is_syllable(first) else first
            shapes[len(word), letter].append(word)
        return shapes


def build_index(faq: Faq) -> Index:
    """Both languages of an entry are indexed, so `settlement hold` finds what `정산 보류` finds."""
    entries = faq.entries
    prepare_bulk()
    question = tuple(compact(f"{e.question} {e.question_en or ''}") for e in entries)
    keyword = tuple(compact(" ".join(e.keywords)) for e in entries)
    phrasing = tuple(compact("|".join(e.phrasings)) for e in entries)
    grams: dict[str, defaultdict[str, list[int]]] = {f: defaultdict(list) for f in ("q", "k", "p", "a", "c", "s", "o")}
    sayings: list[set[str]] = []
    saying_entry = array("I")
    blob, ends = bytearray(), array("I", [0])
    sources, source_ends = bytearray(), array("I", [0])
    vocabulary: set[str] = set()
    asks: list[str] = []
    asked: dict[str, int] = defaultdict(int)
    for n, (e, q, k, p) in enumerate(zip(entries, question, keyword, phrasing, strict=True)):
        own = tuple(
            dict.fromkeys(
                w for w in map(strip_ending, normalize(e.question).split()) if len(w) > 1 and w not in STOPWORDS
            )
        )
        asks.append(" ".join(own))  # one string, not a tuple of them: a tenth of the time to unpickle
        for w in own:
            asked[w] += 1
        a = word_stems(words(f"{e.answer} {e.answer_en or ''}"))
        for field, found in (
            ("q", ngrams(q, 2)),
            ("k", ngrams(k, 2)),
            ("p", ngrams(p, 2)),
            ("a", a),
            ("c", ngrams(choseong(q), 2) | ngrams(choseong(k), 2)),
        ):
            # table[gram].append(n) for every gram, iterated in C: a 10,000-entry FAQ has millions
            deque(map(list.append, map(grams[field].__getitem__, found), repeat(n)), maxlen=0)
        for said in (e.question, e.question_en or "", *e.phrasings):
            pieces = _pieces(said)
            if pieces:
                deque(map(list.append, map(grams["s"].__getitem__, pieces), repeat(len(sayings))), maxlen=0)
                sayings.append(pieces)
                saying_entry.append(n)
        text = normalize(f"{e.question} {e.question_en or ''} {' '.join(e.keywords)} {' '.join(e.phrasings)}")
        vocabulary.update(w for w in map(strip_ending, text.split()) if len(w) > 1)
        for text in (e.answer, e.answer_en or ""):
            blob += text.encode("utf-8")
            ends.append(len(blob))
        sources += _pack(e.sources).encode("utf-8")
        source_ends.append(len(sources))
    for i, said in enumerate(faq.off_topic):
        deque(map(list.append, map(grams["o"].__getitem__, _pieces(said)), repeat(i)), maxlen=0)
    others: dict[str, list[str]] = defaultdict(list)
    for group in faq.synonyms:
        members = list(dict.fromkeys(compact(w) for w in group if compact(w)))
        vocabulary.update(members)
        for word in members:
            others[word] += [m for m in members if m != word and m not in others[word]]
    postings = {f: {g: array("I", ns) for g, ns in table.items()} for f, table in grams.items()}
    weight = {g: _piece_weight(len(sayings), len(ns)) for g, ns in grams["s"].items()}
    saying_norm = array("I", (round(1000 * math.sqrt(sum(weight[g] ** 2 for g in s))) for s in sayings))
    return Index(
        tuple(e.id for e in entries),
        tuple(e.type for e in entries),
        tuple(e.question for e in entries),
        tuple(e.question_en for e in entries),
        tuple(e.keywords for e in entries),
        tuple(e.note for e in entries),
        bytes(blob),
        ends,
        bytes(sources),
        source_ends,
        question,
        keyword,
        phrasing,
        postings,
        frozenset(vocabulary - {""}),
        {w: tuple(o) for w, o in others.items()},
        tuple(asks),
        dict(asked),
        saying_entry,
        saying_norm,
        len(faq.off_topic),
    )


def _pieces(text: str) -> set[str]:
    """What a saying is compared by: its two-syllable pieces (spacing ignored), and its words
    without their endings, marked apart so that a whole word shared counts beside its pieces."""
    flat = normalize(text)
    return ngrams(flat.replace(" ", ""), 2) | {"/" + w for w in map(strip_ending, flat.split()) if len(w) > 1}


def _piece_weight(sayings: int, having: int) -> float:
    return math.log(1 + sayings / having)


def nearest_sayings(index: Index, text: str) -> dict[int, float]:
    """Entry → how alike the query is to the entry's closest saying (its question or one of its
    phrasings): the cosine of their two-syllable pieces, weighted by how rare each piece is among
    all sayings. Endings and spacing change only a few pieces, so `돈이 묶였어요` is close to `돈이
    묶였는데 언제 풀려요`; a query that shares one word with a saying and nothing else is not."""
    table, total = index.postings["s"], len(index.saying_entry)
    pieces = _pieces(text)
    if not pieces or not total:
        return {}
    weights = {g: _piece_weight(total, len(table[g])) if g in table else _piece_weight(total, 1) for g in pieces}
    query_norm = math.sqrt(sum(w * w for w in weights.values()))
    dots: dict[int, float] = defaultdict(float)
    for g, w in weights.items():
        for i in table.get(g, ()):
            dots[i] += w * w
    best: dict[int, float] = {}
    for i, dot in dots.items():
        similarity = dot * 1000 / (query_norm * index.saying_norm[i])
        n = index.saying_entry[i]
        if similarity > best.get(n, 0.0):
            best[n] = similarity
    return best


def topical(index: Index, text: str) -> float:
    """How much more the query reads like what sellers ask (the entries' questions and phrasings)
    than like what no entry answers (faq.yaml `off_topic:`): the log-odds of its pieces under the
    two, as a naive Bayes classifier has them, per piece, with `TOPIC_SHRINK` pieces of nothing
    added: who is asking shows in how a sentence is put, and a bare keyword (`환불`, `쿠폰`) says
    nothing of it. A piece neither has says nothing either way: unfamiliar wording is not
    off-topic. Latin letters count by whole words only (a pair of letters is no clue to a topic,
    a pair of syllables often is). 0 when the FAQ has no off-topic sentences."""
    on, off = index.postings["s"], index.postings["o"]
    sayings = len(index.saying_entry)
    if not index.off_topic or not sayings:
        return 0.0
    seen = [g for g in _pieces(text) if (g[0] == "/" or not g.isascii()) and (g in on or g in off)]
    odds = sum(
        math.log((len(on.get(g, ())) + TOPIC_PRIOR) / (sayings + 2 * TOPIC_PRIOR))
        - math.log((len(off.get(g, ())) + TOPIC_PRIOR) / (index.off_topic + 2 * TOPIC_PRIOR))
        for g in seen
    )
    return odds / (len(seen) + TOPIC_SHRINK)


# Control characters cannot occur in a validated url or title, so they separate the fields.
_FIELD, _RECORD = "\x1f", "\x1e"


def _pack(sources: Sequence[Source]) -> str:
    return _RECORD.join(
        _FIELD.join((s.url, s.title, s.kind, s.checked.isoformat(), s.published.isoformat() if s.published else ""))
        for s in sources
    )


def _unpack(packed: str) -> tuple[Source, ...]:
    out = []
    for record in packed.split(_RECORD) if packed else ():
        url, title, kind, checked, published = record.split(_FIELD)
        out.append(
            Source(url, title, kind, date.fromisoformat(checked), date.fromisoformat(published) if published else None)
        )
    return tuple(out)


# --- the query, as words and their forms -----------------------------------------------------


class Word(NamedTuple):
    typed: str
    forms: tuple[tuple[str, float], ...]  # (form, weight), the word's own forms first


class Query(NamedTuple):
    words: tuple[Word, ...]
    elsewhere: bool  # names another marketplace, or a buyer speaks of their own purchase


def _searchable(form: str) -> bool:
    """A single syllable or letter matches too much by substring to be searched for."""
    return len(form) >= (3 if form.isascii() else 2)


def _split(index: Index, word: str) -> list[str] | None:
    """`정산보류해제방법좀` → [정산, 보류, 해제, 방법]: the FAQ words a run-together word is made of,
    longest first from the left, when there are two or more and they make up a third of it. Only
    parts that can be searched for count (`vlookup` is not `ok` + `up`)."""
    parts, i = [], 0
    while i < len(word) - 1:
        for end in range(len(word), i + 1, -1):
            if index.known(word[i:end]) and _searchable(word[i:end]):
                parts.append(word[i:end])
                i = end
                break
        else:
            i += 1
    return parts if len(parts) > 1 and 3 * sum(map(len, parts)) >= len(word) else None


def _known_start(index: Index, word: str) -> str | None:
    """`메모해둘` → `메모`: the longest FAQ word (two syllables or more) that `word` starts with,
    when grammar follows it (`자동차` is not `자동`)."""
    for end in range(len(word) - 1, 1, -1):
        if index.known(word[:end]) and word[:end] not in STOPWORDS and ends_a_word(word[end:]):
            return word[:end]
    return None


def _corrections(index: Index, word: str) -> list[str]:
    """FAQ words within one jamo edit (two for words of four syllables or more) of `word` that
    begin with the same letter (a slip of the first letter changes the word, `풀리` is not `눌리`)."""
    if len(word) < 2 or not all(map(is_syllable, word)):
        return []
    most = 2 if len(word) >= 4 else 1
    letters, syllables = jamo(word), set(word)
    found = []
    for length in (len(word) - 1, len(word), len(word) + 1):
        for known in index.by_shape.get((length, letters[0]), ()):
            if not syllables.isdisjoint(known) and edit_distance(letters, jamo(known), most) <= most:
                found.append(known)
    return sorted(found)


def analyse(index: Index, text: str) -> Query:
    """The query's words, each with the forms it may match by and how much each form counts."""
    out: list[Word] = []
    buyer = bool(_OWN_PURCHASE.search(text)) and not _SELLER_SIDE.search(text)
    elsewhere = buyer or bool(_BUYER_SAYS_SO.search(text))
    typed_words: list[str] = []
    said = text.split()[:MAX_WORDS]
    for raw, after in zip(said, [*said[1:], ""], strict=True):
        if any(f in ELSEWHERE for f in word_forms(raw)) or _another_market(index, raw, after):  # (`카페24로` too)
            elsewhere = True
        else:  # `31m보류`, `sms인증`: where the script changes, a word ends, unless the FAQ says otherwise
            typed_words += [raw] if index.known(raw) else _script_runs(raw)
    for typed in typed_words:
        forms = [typed] if index.known(typed) else word_forms(typed)
        if any(f in STOPWORDS for f in forms):
            continue
        if len(forms[-1]) == 1 and not index.known(forms[-1]) and is_syllable(forms[-1]):
            start = _known_start(index, typed)  # `묶였어요`: a known word (`묶였`) before its ending
            if start is None:
                continue  # one syllable and an ending (`같은데`, `있어요`): the meaning is all grammar
            forms.append(start)
        if any(f in ELSEWHERE for f in forms):
            elsewhere = True
            continue
        if not any(index.known(f) for f in forms):
            parts = _split(index, forms[-1])
            if parts:
                out += [_word(index, part, [part]) for part in parts if part not in STOPWORDS]
                continue
            start = _known_start(index, typed) or _known_start(index, forms[-1])
            if start:
                forms.append(start)
        out.append(_word(index, typed, forms))
    return Query(tuple(w for w in out if w.forms), elsewhere)


def _script_runs(word: str) -> list[str]:
    """`31m보류` → [31m, 보류]: the runs of Hangul and of anything else (a loop, not a regex: a
    character class this large costs a millisecond to compile at every start)."""
    return ["".join(run) for _, run in groupby(word, _is_hangul)]


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u3131" <= ch <= "\u318e"


def _another_market(index: Index, word: str, after: str) -> bool:
    """A word the FAQ does not know, named like a shop, or before the words for opening one there."""
    if index.known(word) or any(index.known(f) for f in word_forms(word)):
        return False
    return (len(word) > 2 and word.endswith(_MARKET_ENDINGS)) or (after in _JOINING_WORDS and not _split(index, word))


def _word(index: Index, typed: str, own: list[str]) -> Word:
    weighted: dict[str, float] = {f: 1.0 for f in own if _searchable(f)}
    known = [f for f in own if index.known(f)]
    for form in known:
        for other in index.synonyms.get(form, ()):
            weighted.setdefault(other, SYNONYM_WEIGHT)
    if not known:
        for form in own[1:] or own:
            for fixed in _corrections(index, form):
                weighted.setdefault(fixed, CORRECTED_WEIGHT)
                for other in index.synonyms.get(fixed, ()):
                    weighted.setdefault(other, CORRECTED_WEIGHT * SYNONYM_WEIGHT)
    return Word(typed, tuple((f, w) for f, w in weighted.items() if _searchable(f)))


# --- scoring -----------------------------------------------------------------------------------


def _having(index: Index, field: str, texts: Sequence[str], form: str) -> set[int]:
    """The entries whose compact question ("q"), keywords ("k") or phrasings ("p"), `texts`,
    contain `form`: those having all its two-character pieces (set operations in C), then, for a
    longer form, checked whole."""
    table = index.postings[field]
    pieces = sorted((table.get(g, ()) for g in ngrams(form, 2)), key=len)
    if not pieces or not pieces[0]:
        return set()
    found = set(pieces[0]).intersection(*pieces[1:])
    if len(form) > 2:
        found = {n for n in found if form in texts[n]}
    return found


def _fields(index: Index, form: str) -> tuple[set[int], set[int], set[int], set[int]]:
    """The entries whose question, keywords, phrasings and answer have `form`."""
    stem = form[:2] if is_syllable(form[0]) else form
    return (
        _having(index, "q", index.question, form),
        _having(index, "k", index.keyword, form),
        _having(index, "p", index.phrasing, form),
        set(index.postings["a"].get(stem, ())),
    )


def _idf(total: int, df: int) -> float:
    return math.log(1 + (total - df + 0.5) / (df + 0.5))


def _saturated(tf: float) -> float:
    return tf * (SATURATION + 1) / (tf + SATURATION)


class Scored(NamedTuple):
    scores: dict[int, float]
    # per query word: the entries it matched, those among them that have it in question or
    # keywords, its forms, and its weight
    words: list[tuple[dict[int, float], set[int], tuple[str, ...], float]]
    shown: list[str]  # the forms that matched something, for highlighting
    forms: set[str]  # every form of every query word, matched or not

    def coverage(self, index: Index, n: int) -> tuple[float, int]:
        """The share of the query's word weight that entry `n` really has. A word matched in the
        answer only by its stem (`자동차` by `자동`) counts only when the answer has the whole
        form: checked here, for the few entries shown, since it means decoding their answers."""
        total = sum(weight for *_, weight in self.words)
        answer = ""
        got, count = 0.0, 0
        for found, about, forms, weight in self.words:
            if n in found and n not in about:
                answer = answer or compact(index.answer_text(2 * n) + " " + index.answer_text(2 * n + 1))
            if n in about or (n in found and any(f in answer for f in forms)):
                got += weight
                count += 1
        return (got / total if total else 0.0), count


def _score_words(index: Index, query: Query) -> Scored:
    """Each word adds, for each entry, its best form's weight × IDF × saturated field weight. The
    work is done set by set (entries sharing the same fields share a value), not entry by entry:
    a common word in a 10,000-entry FAQ matches thousands."""
    total = len(index) or 1
    scores: dict[int, float] = {}
    words: list[tuple[dict[int, float], set[int], tuple[str, ...], float]] = []
    shown: list[str] = []
    for word in query.words:
        matches = [(weight, *_fields(index, form)) for form, weight in word.forms]
        shown += [form for (form, _), (_, *fields) in zip(word.forms, matches, strict=True) if any(fields)]
        # One IDF for the word, however it matched: a synonym group is one word, so a rare
        # colloquial member (손님) does not outweigh the common FAQ word it stands for (구매자).
        # It counts the entries that are about the word (question or keywords); answers mention
        # everything, so they count only for a word no question or keyword has.
        about = set().union(*(q | k | p for _, q, k, p, _ in matches)) if matches else set()
        mentioned = (about or set().union(*(a for *_, a in matches))) if matches else set()
        idf = _idf(total, len(mentioned)) if mentioned else 0.0
        # What the word weighs in coverage: as rare as its questions and keywords say, or, when
        # none has it, as a word of one entry (answers mentioning it do not make it common).
        heaviest = (
            _idf(total, len(about)) * max(w for w, q, k, p, _ in matches if q or k or p)
            if about
            else _idf(total, UNKNOWN_DF)
        )
        values: list[tuple[float, set[int]]] = []
        for weight, *fields in matches:
            # only the fields that have the form: each entry once, by the fields it has it in
            present = [(w, field) for w, field in zip(FIELD_WEIGHTS, fields, strict=True) if field]
            hits = set().union(*(field for _, field in present))
            sides = [(field, hits - field) for _, field in present]
            for where in product((True, False), repeat=len(present)):
                found = set(hits)
                for inside, (field, others) in zip(where, sides, strict=True):
                    found &= field if inside else others
                if found:
                    tf = sum(w for (w, _), inside in zip(present, where, strict=True) if inside)
                    values.append((weight * idf * _saturated(tf), found))
        best: dict[int, float] = {}
        for value, found in sorted(values, key=lambda v: v[0]):  # the larger value, updated last, wins
            best.update(dict.fromkeys(found, value))
        for n, value in best.items():
            scores[n] = scores.get(n, 0.0) + value
        forms = tuple(form for form, _ in word.forms)
        words.append((best, about, forms, heaviest))
    return Scored(scores, words, shown, {form for word in query.words for form, _ in word.forms})


def _choseong_scores(index: Index, text: str) -> dict[int, float]:
    """19 consonants make short 초성 grams collide everywhere: every word typed must be there."""
    scores: dict[int, float] = {}
    table = index.postings["c"]
    total = len(index) or 1
    weighted = [
        (table.get(g), math.log(1 + total / len(table[g])) if g in table else math.log(1 + total))
        for g in ngrams(text.replace(" ", ""), 2)
    ]
    needed = sum(sorted((w for _, w in weighted), reverse=True)[:ENOUGH_GRAMS])
    if not needed:
        return scores
    for entries, w in weighted:
        for n in entries or ():
            scores[n] = scores.get(n, 0.0) + w
    flat = text.replace(" ", "")
    for n in list(scores):
        initials = choseong(index.question[n]) + " " + choseong(index.keyword[n])
        if not all(word in initials for word in text.split()):
            del scores[n]
        else:
            scores[n] = FIELD_WEIGHTS[0] * min(1.0, scores[n] / needed) + (2.0 if flat in initials else 0.0)
    return scores


def search(
    index: Index,
    query: str,
    limit: int = 5,
    types: Sequence[str] | None = None,
    lang: Lang = "ko",
    prefer: Sequence[str] = (),
) -> list[Hit]:
    """The best entries for `query`, best first. `types` keeps only those types; `prefer` ranks
    those types a little higher without hiding the others."""
    text = normalize(query[:MAX_QUERY])
    if not text:
        raise EmptyQuery(query)
    scored: Scored | None = None
    likeness: dict[int, float] = {}
    unfamiliar, on_topic = 0, 0.0
    if is_choseong_query(text):
        scores, shown, elsewhere = _choseong_scores(index, text), text.split(), False
        # every word's initials are in the entry's question or keywords: as alike as a saying gets
        likeness = dict.fromkeys(scores, 1.0)
    else:
        analysed = analyse(index, text)
        scored = _score_words(index, analysed)
        scores, shown = scored.scores, scored.shown
        said = zip(analysed.words, scored.words, strict=True)
        unfamiliar = sum(1 for word, (found, *_) in said if not found and names_a_thing(word.typed))
        elsewhere = analysed.elsewhere
        corrected = _corrected(index, analysed, text)
        likeness, on_topic = nearest_sayings(index, corrected), topical(index, corrected)
        for n, alike in likeness.items():
            scores[n] = scores.get(n, 0.0) * (1 + LIKENESS_BOOST * alike) + LIKENESS_SCORE * alike
    for n in scores:
        if index.types[n] in prefer:
            scores[n] *= PREFERRED_BOOST
    if scored is not None:
        _favour_what_was_asked(index, scored, scores)
    wanted = {n: s for n, s in scores.items() if s >= MIN_SCORE and (not types or index.types[n] in types)}
    floor = max(wanted.values(), default=0.0) * RELATIVE_FLOOR
    ranked = sorted((n for n, s in wanted.items() if s >= floor), key=lambda n: (-scores[n], n))
    hits = []
    for n in ranked[:limit]:
        entry = index.entry(n)
        # a 초성 query matches only entries that have every word typed: all of it is covered
        covered, words = scored.coverage(index, n) if scored else (1.0, len(shown))
        hits.append(
            Hit(
                entry,
                round(scores[n], 3),
                highlight(entry.question_in(lang), shown),
                round(covered, 3),
                words,
                round(likeness.get(n, 0.0), 3),
                unfamiliar,
                round(on_topic, 3),
                elsewhere,
            )
        )
    return hits


def _corrected(index: Index, query: Query, text: str) -> str:
    """`text` with each typo replaced by the FAQ word it was read as (`반퓸` → `반품`), so that how
    alike it is to a saying does not depend on the slip."""
    for word in query.words:
        fixed = [f for f, weight in word.forms if weight == CORRECTED_WEIGHT]
        if fixed and not any(weight == 1.0 and index.known(f) for f, weight in word.forms):
            text = text.replace(word.typed, fixed[0])
    return text


def _favour_what_was_asked(index: Index, scored: Scored, scores: dict[int, float]) -> None:
    """The other direction, for the leading entries: how much of what the entry's question asks
    about the query mentions. An entry about 해외 정산 is a worse answer to 정산금이 안 들어왔어요
    than one about 정산금 미입금, though the query's words are in both."""
    forms = {form for form in scored.forms if len(form) > 1}
    total = len(index) or 1
    for n in sorted(scores, key=lambda n: -scores[n])[:RERANKED]:
        asks = index.asks[n].split()
        if not asks:
            continue
        weights = [_idf(total, index.asked.get(w, 1)) for w in asks]
        met = sum(w * _share(word, forms) for word, w in zip(asks, weights, strict=True))
        scores[n] *= 1 - ASKED_WEIGHT + ASKED_WEIGHT * met / sum(weights)


def _share(word: str, forms: Iterable[str]) -> float:
    """How much of `word` the query's forms account for: all of it when a form contains it, the
    part a form covers when the word contains a form (`반품` is a third of `반품안심케어`)."""
    best = 0.0
    for form in forms:
        if word in form:
            return 1.0
        if form in word:
            best = max(best, len(form) / len(word))
    return best


def signals(hit: Hit) -> tuple[float, ...]:
    """What `confidence` weighs, in the order of `CONFIDENCE_WEIGHTS` (benchmarks/fit_confidence.py
    fits the weights on these very values)."""
    return (
        math.log1p(hit.score),
        hit.coverage,
        min(hit.words, 4) / 4,
        hit.likeness,
        min(hit.unfamiliar, 2),
        hit.topical,
    )


def confidence(hit: Hit) -> float:
    """How likely the hit is the answer (0-1): a logistic model of its score, how much of the query
    it covers, in how many words, how alike the query is to its closest saying, how many of the
    query's words name a thing the FAQ never mentions, and how topical the query reads; fitted by
    benchmarks/fit_confidence.py. A query naming another marketplace or a buyer's own purchase is
    not a seller's question here, however alike it reads."""
    if hit.elsewhere:
        return 0.0
    z = CONFIDENCE_BIAS + sum(w * x for w, x in zip(CONFIDENCE_WEIGHTS, signals(hit), strict=True))
    return 1 / (1 + math.exp(-z))


def confident(hits: Sequence[Hit]) -> bool:
    """Whether the best hit is an answer rather than the closest thing there is."""
    return bool(hits) and confidence(hits[0]) >= 0.5


def closest(index: Index, query: str, limit: int = 3) -> list[FaqEntry]:
    """Entries whose question looks most like the query, for when nothing matched well enough."""
    from rapidfuzz import fuzz, process  # only on this rare path: it costs a noticeable start-up

    text = jamo(compact(query[:MAX_QUERY]))
    if not text:
        return []
    found = process.extract(
        text, [jamo(q) for q in index.question], scorer=fuzz.partial_ratio, limit=limit, score_cutoff=CLOSEST_CUTOFF
    )
    return [index.entry(n) for _, _, n in found]


def highlight(text: str, words: Iterable[str]) -> tuple[tuple[int, int], ...]:
    """Spans of `text` matching any word, or its 초성, compared in compact form, merged and sorted."""
    flat, where = [], []
    for i, ch in enumerate(text):
        for c in compact(ch):
            flat.append(c)
            where.append(i)
    joined, initials = "".join(flat), choseong("".join(flat))
    hits = [False] * len(joined)
    for word in {w for w in words if len(w) >= 2}:
        target = initials if is_choseong_query(word) else joined
        for start, end in _common_runs(target, word):
            hits[start:end] = [True] * (end - start)
    spans: list[tuple[int, int]] = []
    for i, hit in enumerate(hits):
        if hit:
            if spans and spans[-1][1] >= where[i]:
                spans[-1] = (spans[-1][0], where[i] + 1)
            else:
                spans.append((where[i], where[i] + 1))
    return tuple(spans)


def _common_runs(text: str, word: str, shortest: int = 2) -> list[tuple[int, int]]:
    """Where in `text` pieces of `word` at least `shortest` long appear (the word, or parts of it)."""
    runs = []
    for size in range(len(word), shortest - 1, -1):
        for i in range(len(word) - size + 1):
            piece = word[i : i + size]
            start = text.find(piece)
            while start != -1:
                runs.append((start, start + size))
                start = text.find(piece, start + 1)
        if runs:
            return runs
    return runs
