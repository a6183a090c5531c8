"""Fit `search.confidence`: the weights of its signals and its bias, from the dev part of
tests/relevance, the FAQ's phrasings left out in rounds (see relevance.left_out) and its entries'
keywords searched alone (a seller's one-word query, which the sentences seldom are).

    python benchmarks/fit_confidence.py

A weighted logistic regression (Newton's method, a little L2), answerable sentences against
off-domain ones; the off-domain lines weigh as much as half the answerable ones, and a left-out
phrasing or a keyword a third of a dev sentence (they are written to be found, sellers' sentences
are not). The bias is then moved so that at most `ANSWERABLE_FLAGGED` of the dev part's answerable
sentences fall under 0.5: the goal is at most 5%, and cross-validation on the dev part puts unseen
sentences about two points above what the fit sees. The threshold is anchored on the answerable
sentences because the off-topic sentences of faq.yaml were written for the kinds of question the
dev part's off-domain lines showed missing, which makes those lines easier than unseen ones. The
held-out part is never read here. Paste the printed constants into core/search.py.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence

import relevance

from smartstore_help.core import search
from smartstore_help.store import data

ANSWERABLE_FLAGGED = 0.025  # the share of the dev part's answerable sentences the model may flag
WRITTEN_WEIGHT = 0.3  # a phrasing left out, or a keyword
OFF_DOMAIN_SHARE = 0.5
L2 = 0.01


def examples() -> tuple[list[tuple[list[float], int, float, bool]], int]:
    """(signals of the first hit, answerable?, weight, a dev line?), and how many dev answerable
    sentences are flagged whatever the model says: nothing found, or read as another marketplace or
    a buyer's purchase (never confident: not the model's to decide, so not among the examples)."""
    faq = data.load_faq()
    index = search.build_index(faq)
    dev: list[tuple[list[float], int, float, bool]] = []
    decided = 0
    for case in relevance.cases("dev"):
        hits = search.search(index, case.query, limit=1)
        if not hits or hits[0].elsewhere:
            decided += bool(case.ids)
        else:
            dev.append((list(search.signals(hits[0])), int(bool(case.ids)), 1.0, True))
    left_out = [
        (list(search.signals(hits[0])), 1, WRITTEN_WEIGHT, False)
        for _, hits in relevance.left_out(faq)
        if hits and not hits[0].elsewhere
    ]
    keywords = [
        (list(search.signals(hits[0])), 1, WRITTEN_WEIGHT, False)
        for entry in faq.entries
        for keyword in entry.keywords
        if (hits := search.search(index, keyword, limit=1)) and not hits[0].elsewhere
    ]
    out = dev + left_out + keywords
    answerable = sum(w for _, y, w, _ in out if y)
    off = sum(w for _, y, w, _ in out if not y)
    scale = OFF_DOMAIN_SHARE * answerable / off
    return [(x, y, w * scale if not y else w, dev_line) for x, y, w, dev_line in out], decided


def solve(a: list[list[float]], b: list[float]) -> list[float]:
    """a·x = b by Gaussian elimination with partial pivoting (a is small and well-conditioned)."""
    n = len(b)
    m = [[*row, b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(n):
            if r != col:
                f = m[r][col] / m[col][col]
                m[r] = [x - f * y for x, y in zip(m[r], m[col], strict=True)]
    return [m[i][n] / m[i][i] for i in range(n)]


def fit(rows: Sequence[tuple[list[float], int, float, bool]]) -> list[float]:
    """Weights, then the bias last."""
    k = len(rows[0][0]) + 1
    beta = [0.0] * k
    total = sum(w for _, _, w, _ in rows)
    for _ in range(50):
        grad = [0.0] * k
        hess = [[0.0] * k for _ in range(k)]
        for x, y, w, _ in rows:
            v = [*x, 1.0]
            p = 1 / (1 + math.exp(-sum(b * xi for b, xi in zip(beta, v, strict=True))))
            for i in range(k):
                grad[i] += w * (p - y) * v[i] / total
                for j in range(k):
                    hess[i][j] += w * p * (1 - p) * v[i] * v[j] / total
        for i in range(k - 1):  # the bias is not shrunk
            grad[i] += L2 * beta[i]
            hess[i][i] += L2
        step = solve(hess, grad)
        beta = [b - s for b, s in zip(beta, step, strict=True)]
        if max(map(abs, grad)) < 1e-10:
            break
    return beta


def main() -> int:
    rows, decided = examples()
    beta = fit(rows)
    margins = sorted(sum(b * xi for b, xi in zip(beta, [*x, 1.0], strict=True)) for x, y, _, dev in rows if dev and y)
    allowed = max(0, math.floor(ANSWERABLE_FLAGGED * (len(margins) + decided)) - decided)
    bias = beta[-1] - (margins[allowed] - 1e-3)  # the `allowed` lowest fall under 0.5, the next does not
    print(f"CONFIDENCE_WEIGHTS = ({', '.join(f'{b:.2f}' for b in beta[:-1])})")
    print(f"CONFIDENCE_BIAS = {bias:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
