"""Korean-aware FAQ search: an n-gram index built once (and cached), ranked by weighted coverage.

How a query meets an entry:
- spacing, case, width and NFD/NFC never matter: everything is compared in `hangul.compact` form;
- the question and keywords are indexed by jamo trigrams, so a typo inside a syllable
  (`반퓸`, `세금게산서`) still shares most of its grams with the right word;
- the answer is indexed by word stems (a Hangul word by its first two syllables), which keeps a
  10,000-entry FAQ quick to index; a query made only of 초성 (`ㅈㅅ ㅂㄹ`) is matched against the
  초성 of question and keywords;
- synonym groups from faq.yaml rewrite the query into each alternative; the best one counts;
- question outweighs keywords, which outweigh the answer; rare grams outweigh common ones.
"""

from __future__ import annotations

import math
from array import array
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import repeat
from typing import NamedTuple

from smartstore_help.hangul import (
    choseong,
    compact,
    is_choseong_query,
    is_syllable,
    jamo,
    ngrams,
    normalize,
    prepare_bulk,
    word_stems,
    words,
)
from smartstore_help.model import Faq, FaqEntry, Lang, Source

WEIGHTS = {"q": 3.0, "k": 2.0, "a": 1.0}
MIN_SCORE = 1.0  # below this a match is noise (a shared common syllable or two)
RELATIVE_FLOOR = 0.3  # results scoring under this share of the best one are noise next to it
SYNONYM_WEIGHT = 0.9  # a rewritten query ranks just under the words the seller typed
MAX_QUERY = 200  # characters of a query that are looked at; a pasted essay is not a question
ENOUGH_GRAMS = 12  # jamo trigrams of about four syllables: a query this specific is fully matched
ENOUGH_STEMS = 4
CLOSEST_CUTOFF = 60  # rapidfuzz partial ratio (0-100) under which a "did you mean" is only noise


class EmptyQuery(ValueError):
    pass


class Hit(NamedTuple):
    entry: FaqEntry
    score: float
    spans: tuple[tuple[int, int], ...]  # matched parts of the question shown, as [start, end) indices


@dataclass(frozen=True)
class Index:
    """Everything a search needs, shaped to load fast from the cache: plain tuples and arrays,
    every answer and every entry's sources kept in UTF-8 blobs, decoded only for the entries
    that are shown (thousands of small objects would cost more to unpickle than all the rest)."""

    ids: tuple[str, ...]
    types: tuple[str, ...]
    questions: tuple[str, ...]
    questions_en: tuple[str | None, ...]
    keywords: tuple[tuple[str, ...], ...]
    notes: tuple[str | None, ...]
    answers: bytes
    answer_ends: array[int]  # entry n: Korean answer ends at [2n + 1], English at [2n + 2]
    sources: bytes  # entry n's sources: sources[source_ends[n]:source_ends[n + 1]], see _pack
    source_ends: array[int]
    question: tuple[str, ...]  # compact question (both languages), one per entry
    keyword: tuple[str, ...]  # compact keywords
    postings: dict[str, dict[str, array[int]]]  # field → gram → entry numbers
    synonyms: tuple[tuple[str, ...], ...]

    def __len__(self) -> int:
        return len(self.ids)

    def answer_text(self, i: int) -> str:
        return self.answers[self.answer_ends[i] : self.answer_ends[i + 1]].decode("utf-8")

    def entry(self, n: int) -> FaqEntry:
        packed = self.sources[self.source_ends[n] : self.source_ends[n + 1]].decode("utf-8")
        return FaqEntry(self.ids[n], self.types[n], self.questions[n], self.answer_text(2 * n), self.keywords[n],
                        _unpack(packed), self.questions_en[n], self.answer_text(2 * n + 1) or None, self.notes[n])

    def entries(self) -> list[FaqEntry]:
        return [self.entry(n) for n in range(len(self))]

    def find(self, entry_id: str) -> FaqEntry | None:
        return self.entry(self.ids.index(entry_id)) if entry_id in self.ids else None


def build_index(faq: Faq) -> Index:
    """Both languages of an entry are indexed, so `settlement hold` finds what `정산 보류` finds."""
    entries = faq.entries
    prepare_bulk()
    question = tuple(compact(f"{e.question} {e.question_en or ''}") for e in entries)
    keyword = tuple(compact(" ".join(e.keywords)) for e in entries)
    grams: dict[str, defaultdict[str, list[int]]] = {f: defaultdict(list) for f in ("q", "k", "a", "c")}
    blob, ends = bytearray(), array("I", [0])
    sources, source_ends = bytearray(), array("I", [0])
    for n, (e, q, k) in enumerate(zip(entries, question, keyword, strict=True)):
        a = word_stems(words(f"{e.answer} {e.answer_en or ''}"))
        for field, found in (("q", ngrams(jamo(q), 3)), ("k", ngrams(jamo(k), 3)), ("a", a),
                             ("c", ngrams(choseong(q), 2) | ngrams(choseong(k), 2))):
            # table[gram].append(n) for every gram, iterated in C: a 10,000-entry FAQ has millions
            deque(map(list.append, map(grams[field].__getitem__, found), repeat(n)), maxlen=0)
        for text in (e.answer, e.answer_en or ""):
            blob += text.encode("utf-8")
            ends.append(len(blob))
        sources += _pack(e.sources).encode("utf-8")
        source_ends.append(len(sources))
    postings = {f: {g: array("I", ns) for g, ns in table.items()} for f, table in grams.items()}
    synonyms = tuple(tuple(dict.fromkeys(compact(w) for w in group if compact(w))) for group in faq.synonyms)
    return Index(tuple(e.id for e in entries), tuple(e.type for e in entries), tuple(e.question for e in entries),
                 tuple(e.question_en for e in entries), tuple(e.keywords for e in entries),
                 tuple(e.note for e in entries), bytes(blob), ends, bytes(sources), source_ends, question, keyword,
                 postings, synonyms)


# Control characters cannot occur in a validated url or title, so they separate the fields.
_FIELD, _RECORD = "\x1f", "\x1e"


def _pack(sources: Sequence[Source]) -> str:
    return _RECORD.join(_FIELD.join((s.url, s.title, s.kind, s.checked.isoformat())) for s in sources)


def _unpack(packed: str) -> tuple[Source, ...]:
    out = []
    for record in packed.split(_RECORD) if packed else ():
        url, title, kind, checked = record.split(_FIELD)
        out.append(Source(url, title, kind, date.fromisoformat(checked)))
    return tuple(out)


def variants(query: str, synonyms: Sequence[Sequence[str]]) -> list[tuple[str, float]]:
    """The query as typed, then each synonym rewrite of it (`환불 언제` → `반품 언제`, …)."""
    out = {query: 1.0}
    for group in synonyms:
        for word in group:
            if word and word in query.replace(" ", ""):
                for other in group:
                    if other != word:
                        rewritten = query.replace(" ", "").replace(word, other)
                        out.setdefault(rewritten, SYNONYM_WEIGHT)
    return list(out.items())


def _coverage(index: Index, field: str, grams: Iterable[str], scores: dict[int, float], weight: float,
              enough: int) -> None:
    """Add `weight` × the share of the query's grams (rare ones weigh more) found in each entry.

    A long query ("정산보류해제방법좀알려주세요") is not diluted by its filler: matching as much as
    its `enough` rarest grams counts as full coverage.
    """
    table = index.postings[field]
    total_entries = len(index) or 1
    weighted = [(table.get(g), math.log(1 + total_entries / len(table[g])) if g in table else math.log(
        1 + total_entries)) for g in grams]
    needed = sum(sorted((w for _, w in weighted), reverse=True)[:enough])
    if not needed:
        return
    found: dict[int, float] = {}
    for entries, w in weighted:
        for n in entries or ():
            found[n] = found.get(n, 0.0) + w
    for n, mass in found.items():
        scores[n] = scores.get(n, 0.0) + weight * min(1.0, mass / needed)


def _score_variant(index: Index, text: str) -> dict[int, float]:
    scores: dict[int, float] = {}
    flat = text.replace(" ", "")
    if is_choseong_query(text):
        # 19 consonants make short 초성 grams collide everywhere: every word typed must be there.
        _coverage(index, "c", ngrams(flat, 2), scores, WEIGHTS["q"], ENOUGH_GRAMS)
        for n in list(scores):
            initials = choseong(index.question[n]) + " " + choseong(index.keyword[n])
            if not all(word in initials for word in text.split()):
                del scores[n]
            elif flat in initials:
                scores[n] += 2.0
        return scores
    _coverage(index, "q", ngrams(jamo(flat), 3), scores, WEIGHTS["q"], ENOUGH_GRAMS)
    _coverage(index, "k", ngrams(jamo(flat), 3), scores, WEIGHTS["k"], ENOUGH_GRAMS)
    hangul_pairs = {g for g in ngrams(flat, 2) if all(map(is_syllable, g))}
    _coverage(index, "a", word_stems(text.split()) | hangul_pairs, scores, WEIGHTS["a"], ENOUGH_STEMS)
    for n in scores:  # the whole query, spacing aside, found as it is
        for field, bonus in ((index.question, 2.0), (index.keyword, 1.5)):
            if flat in field[n]:
                scores[n] += bonus
    return scores


def search(index: Index, query: str, limit: int = 5, types: Sequence[str] | None = None,
           lang: Lang = "ko") -> list[Hit]:
    text = normalize(query[:MAX_QUERY])
    if not text:
        raise EmptyQuery(query)
    best: dict[int, float] = {}
    tried = variants(text, index.synonyms)
    for variant, weight in tried:
        for n, score in _score_variant(index, variant).items():
            best[n] = max(best.get(n, 0.0), score * weight)
    _answer_bonus(index, [v.replace(" ", "") for v, _ in tried], best)
    wanted = {n: s for n, s in best.items() if s >= MIN_SCORE and (not types or index.types[n] in types)}
    floor = max(wanted.values(), default=0.0) * RELATIVE_FLOOR
    ranked = sorted((n for n, s in wanted.items() if s >= floor), key=lambda n: (-best[n], n))
    shown = [v.replace(" ", "") for v, _ in tried] + [w for v, _ in tried for w in v.split()]
    hits = []
    for n in ranked[:limit]:
        entry = index.entry(n)
        hits.append(Hit(entry, round(best[n], 3), highlight(entry.question_in(lang), shown)))
    return hits


def _answer_bonus(index: Index, queries: Sequence[str], best: dict[int, float], top: int = 50) -> None:
    """The whole query found as it is in an answer: checked for the leading candidates only,
    since it means decoding their answers."""
    for n in sorted(best, key=lambda n: -best[n])[:top]:
        answer = compact(index.answer_text(2 * n) + index.answer_text(2 * n + 1))
        if any(q in answer for q in queries):
            best[n] += 0.5


def closest(index: Index, query: str, limit: int = 3) -> list[FaqEntry]:
    """Entries whose question looks most like the query, for when nothing matched well enough."""
    from rapidfuzz import fuzz, process  # only on this rare path: it costs a noticeable start-up

    text = jamo(compact(query[:MAX_QUERY]))
    if not text:
        return []
    found = process.extract(text, [jamo(q) for q in index.question], scorer=fuzz.partial_ratio, limit=limit,
                            score_cutoff=CLOSEST_CUTOFF)
    return [index.entry(n) for _, _, n in found]


def highlight(text: str, words: Sequence[str]) -> tuple[tuple[int, int], ...]:
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
