"""Which problem type a seller's own sentence is about, and why (pure: no I/O, no clock).

Two kinds of evidence vote for a problem type of channels.yaml:
- the FAQ entries the sentence matches, each by its score, for the problem type that lists the
  entry's FAQ type first in `faq_types` (an entry typed `payment` votes for `payment`); when the
  search is not confident these votes count half;
- the type's cue words (`problem_types[].cues`), matched as the search matches words (forms,
  synonyms, typos), each worth `CUE_VOTE`.
The type with the most votes is inferred when it holds at least `DECIDE_SHARE` of them all;
otherwise there is no inference, and the two likeliest types are still named.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from smartstore_help.core import search
from smartstore_help.core.hangul import choseong, compact, is_choseong_query, normalize, strip_ending
from smartstore_help.core.model import ChannelData

CUE_VOTE = 3.0  # about the score of a good FAQ match on one word
DECIDE_SHARE = 0.6
FAQ_SHOWN = 3
UNSURE_FAQ = 0.5


class Inference(NamedTuple):
    type: str | None  # the problem type, or None when the evidence is not clear enough
    likely: tuple[str, ...]  # the likeliest types, best first (at most two)
    cues: tuple[str, ...]  # cue words of the first likely type found in the sentence
    entries: tuple[str, ...]  # FAQ entries that pointed to it
    share: float  # the first likely type's share of all the votes (0-1)


NOTHING = Inference(None, (), (), (), 0.0)


def faq_type_owner(data: ChannelData, faq_type: str) -> str | None:
    """The problem type that lists `faq_type` first: `general` FAQ entries belong to `other`."""
    return next((p.id for p in data.problem_types if p.faq_types[:1] == (faq_type,)), None)


def cue_matches(index: search.Index, text: str, cues: Sequence[str], query: search.Query | None = None) -> list[str]:
    """The cues the text has, at most one for each word typed: a cue that is a form or synonym of
    the word, or a part of it (`환불해달래요` has `환불`); a cue of several words, as typed.
    `query` is the text already analysed, when the caller has it."""
    keys = {compact(c): c for c in cues if compact(c)}
    found: list[str] = []
    for word in (query or search.analyse(index, normalize(text))).words:
        forms = [form for form, _ in word.forms]
        hit = next((keys[f] for f in forms if f in keys), None) or next(
            (cue for key, cue in keys.items() if len(key) >= 2 and key in word.typed), None
        )
        if hit is not None and hit not in found:
            found.append(hit)
    flat = compact(text)
    found += [c for c in cues if " " in c.strip() and compact(c) in flat and c not in found]
    return found


def infer_type(index: search.Index, data: ChannelData, text: str) -> Inference:
    if not normalize(text):
        return NOTHING
    try:
        hits = search.search(index, text, FAQ_SHOWN)
    except search.EmptyQuery:
        return NOTHING
    sure = search.confident(hits)
    votes: dict[str, float] = {}
    pointing: dict[str, list[str]] = {}
    for hit in hits:
        owner = faq_type_owner(data, hit.entry.type)
        if owner is not None:
            votes[owner] = votes.get(owner, 0.0) + hit.score * (1.0 if sure else UNSURE_FAQ)
            pointing.setdefault(owner, []).append(hit.entry.id)
    found: dict[str, list[str]] = {}
    query = search.analyse(index, normalize(text[: search.MAX_QUERY]))
    for problem in data.problem_types:
        found[problem.id] = cue_matches(index, text, problem.cues, query)
        if found[problem.id]:
            votes[problem.id] = votes.get(problem.id, 0.0) + CUE_VOTE * len(found[problem.id])
    total = sum(votes.values())
    if not total:
        return NOTHING
    ranked = sorted(votes, key=lambda p: (-votes[p], [t.id for t in data.problem_types].index(p)))
    best = ranked[0]
    share = votes[best] / total
    decided = best if share >= DECIDE_SHARE and (sure or found[best]) else None
    return Inference(decided, tuple(ranked[:2]), tuple(found[best]), tuple(pointing.get(best, ())), round(share, 3))


def matching_types(index: search.Index, data: ChannelData, typed: str) -> tuple[str, ...]:
    """The problem types a filter typed into the type menu points to: through its name, hint and
    cues, compared as the search compares words (spacing, forms, synonyms, 초성, a typo), or
    because the FAQ infers that type from it. Nothing typed keeps every type."""
    text = normalize(typed)
    if not text:
        return tuple(p.id for p in data.problem_types)
    flat = text.replace(" ", "")
    inferred = None if is_choseong_query(text) else infer_type(index, data, text).type
    query = search.analyse(index, text)
    out = []
    for problem in data.problem_types:
        words = [
            *normalize(f"{problem.name.ko} {problem.name.en} {problem.hint.ko} {problem.hint.en}").split(),
            *problem.cues,
        ]
        keys = {compact(w) for w in words} | {strip_ending(compact(w)) for w in words}
        hay = "".join(sorted(keys))
        if is_choseong_query(text):
            found = flat in choseong(hay)
        else:
            found = flat in hay or problem.id == inferred or bool(cue_matches(index, text, sorted(keys), query))
        if found:
            out.append(problem.id)
    return tuple(out)
