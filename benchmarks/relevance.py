"""How well `faq search` finds the right entry, on the dev set and on the held-out set.

    python benchmarks/relevance.py             # both parts, by kind, and the confusion pairs
    python benchmarks/relevance.py --misses    # also every miss, dev part only

tests/relevance/dev.tsv is the part the ranking may be tuned on. tests/relevance/heldout.tsv
was written before tuning from how sellers phrase problems in public posts, and is never tuned
on: its misses are not printed here, so that nobody is tempted. A held-out line that is ever used
to fix something moves to dev.tsv and a new, unseen line takes its place.

Phrasings are scored leave-one-out: each entry's phrasing must find its entry with that one
phrasing taken out of the index.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from smartstore_help.core import classify, search
from smartstore_help.core.model import ChannelData, Faq, FaqEntry
from smartstore_help.store import data

ROOT = Path(__file__).resolve().parents[1]
PARTS = {"dev": ROOT / "tests" / "relevance" / "dev.tsv", "heldout": ROOT / "tests" / "relevance" / "heldout.tsv"}


class Case(NamedTuple):
    query: str
    ids: frozenset[str]  # empty: the FAQ must not answer it
    types: frozenset[str]
    kind: str  # sentence, paraphrase, short, english, real-post, offdomain (dev lines: "dev")


class Figures(NamedTuple):
    answerable: int
    off_domain: int
    top1: float
    top3: float
    off_domain_flagged: float
    wrongly_flagged: float
    wrong_but_confident: int  # answerable lines whose first answer is wrong yet marked confident
    wrong_first: int
    type_decided: float
    type_correct: float
    by_kind: dict[str, tuple[int, int, int]]  # kind → (lines, right first, right in the first 3)
    confusions: Counter[tuple[str, str]]  # (wanted, got first) → times
    misses: list[str]


def cases(part: str) -> list[Case]:
    out = []
    for line in PARTS[part].read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        query, ids, types, *kind = line.split("\t")
        wanted = frozenset() if ids == "-" else frozenset(ids.split(","))
        out.append(
            Case(
                query,
                wanted,
                frozenset() if types == "-" else frozenset(types.split(",")),
                kind[0] if kind else ("dev" if wanted else "offdomain"),
            )
        )
    return out


def measure(part: str, index: search.Index | None = None, channels: ChannelData | None = None) -> Figures:
    index = index or search.build_index(data.load_faq())
    channels = channels or data.load_channels()
    known = set(index.ids)
    top1 = top3 = flagged_off = flagged_wrong = decided = right = wrong_confident = wrong_first = 0
    every = cases(part)
    answerable = [c for c in every if c.ids]
    off = [c for c in every if not c.ids]
    by_kind: dict[str, list[int]] = {}
    confusions: Counter[tuple[str, str]] = Counter()
    misses = []
    for case in answerable:
        assert case.ids <= known, f"unknown ids in {part}: {case.ids - known}"
        hits = search.search(index, case.query, limit=3)
        got = [h.entry.id for h in hits]
        first, in_three = bool(got) and got[0] in case.ids, bool(case.ids & set(got))
        top1 += first
        top3 += in_three
        tally = by_kind.setdefault(case.kind, [0, 0, 0])
        tally[0] += 1
        tally[1] += first
        tally[2] += in_three
        sure = search.confident(hits)
        if not sure:
            flagged_wrong += 1
            misses.append(f"not confident: {case.query} → {got} {[h.score for h in hits]}")
        if not first:
            wrong_first += 1
            wrong_confident += sure
            confusions[(sorted(case.ids)[0], got[0] if got else "(nothing)")] += 1
            misses.append(f"{'top-3' if in_three else 'MISSED'}: {case.query} → {got} (want {sorted(case.ids)})")
        guess = classify.infer_type(index, channels, case.query)
        if guess.type is not None:
            decided += 1
            right += guess.type in case.types
            if guess.type not in case.types:
                misses.append(f"wrong type: {case.query} → {guess.type} (want {sorted(case.types)})")
    for case in off:
        hits = search.search(index, case.query, limit=3)
        if search.confident(hits):
            misses.append(f"confident off-domain: {case.query} → {[h.entry.id for h in hits]}")
        else:
            flagged_off += 1
    n = len(answerable) or 1
    return Figures(
        len(answerable),
        len(off),
        top1 / n,
        top3 / n,
        flagged_off / (len(off) or 1),
        flagged_wrong / n,
        wrong_confident,
        wrong_first,
        decided / n,
        right / decided if decided else 0.0,
        {k: (v[0], v[1], v[2]) for k, v in sorted(by_kind.items())},
        confusions,
        misses,
    )


def left_out(faq: Faq, every: int = 1) -> Iterator[tuple[FaqEntry, list[search.Hit]]]:
    """Each phrasing's entry, and the first 3 hits of the phrasing searched with itself taken out
    of the index; `every` takes every n-th phrasing only. They are taken out in rounds, at most
    one of each entry a round, so that one index serves a round rather than each phrasing its own."""
    rounds: list[dict[int, int]] = []  # entry → the phrasing of it taken out in that round
    pairs = [(n, k) for n, entry in enumerate(faq.entries) for k in range(len(entry.phrasings))]
    for n, k in pairs[::every]:
        free = next((taken for taken in rounds if n not in taken), None)
        if free is None:
            rounds.append(free := {})
        free[n] = k
    for taken in rounds:
        entries = tuple(
            e._replace(phrasings=e.phrasings[: taken[n]] + e.phrasings[taken[n] + 1 :]) if n in taken else e
            for n, e in enumerate(faq.entries)
        )
        index = search.build_index(faq._replace(entries=entries))
        for n, k in taken.items():
            yield faq.entries[n], search.search(index, faq.entries[n].phrasings[k], limit=3)


def leave_one_out(faq: Faq, every: int = 1) -> tuple[int, int, int]:
    """(phrasings, found first, found in the first 3), each searched with itself left out."""
    total = first = three = 0
    for entry, hits in left_out(faq, every):
        got = [h.entry.id for h in hits]
        total += 1
        first += bool(got) and got[0] == entry.id
        three += entry.id in got
    return total, first, three


def report(part: str, f: Figures) -> str:
    lines = [
        f"{part}: {f.answerable} answerable, {f.off_domain} off-domain",
        f"  right first {f.top1:.1%}, in the first 3 {f.top3:.1%}",
        f"  off-domain flagged {f.off_domain_flagged:.1%}, answerable wrongly flagged {f.wrongly_flagged:.1%}",
        f"  wrong first answers marked confident: {f.wrong_but_confident} of {f.wrong_first}",
        f"  type decided {f.type_decided:.1%}, right where decided {f.type_correct:.1%}",
    ]
    for kind, (count, first, three) in f.by_kind.items():
        lines.append(f"  {kind:<11} {count:>4}: first {first / count:.1%}, first 3 {three / count:.1%}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--misses", action="store_true", help="print every miss of the dev part")
    parser.add_argument("--phrasings", action="store_true", help="also score every phrasing leave-one-out")
    args = parser.parse_args(argv)
    faq = data.load_faq()
    index, channels = search.build_index(faq), data.load_channels()
    for part in PARTS:
        figures = measure(part, index, channels)
        print(report(part, figures))
        pairs = ", ".join(f"{want}→{got} ×{n}" for (want, got), n in figures.confusions.most_common(12))
        print(f"  confusion pairs (wanted→got first): {pairs or 'none'}")
        if args.misses and part == "dev":
            print("\n".join("    " + m for m in figures.misses))
    if args.phrasings:
        total, first, three = leave_one_out(faq)
        print(f"phrasings, leave-one-out: {total}, first {first / total:.1%}, first 3 {three / total:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
