"""The confidence fit (benchmarks/fit_confidence.py) on data whose answer is known."""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import fit_confidence


def test_solve_answers_a_linear_system() -> None:
    x = fit_confidence.solve([[0.0, 2.0, 1.0], [1.0, 1.0, 0.0], [3.0, 0.0, 1.0]], [7.0, 3.0, 6.0])
    assert [round(v, 9) for v in x] == [1.0, 2.0, 3.0]  # (the first pivot is 0: rows must be swapped)


def test_the_fit_finds_the_weights_the_examples_were_drawn_with() -> None:
    rng = random.Random(7)
    truth = (2.0, -1.5, 0.5)  # two weights, then the bias
    rows = []
    for _ in range(3000):
        x = [rng.uniform(-2, 2), rng.uniform(-2, 2)]
        p = 1 / (1 + math.exp(-(truth[0] * x[0] + truth[1] * x[1] + truth[2])))
        rows.append((x, int(rng.random() < p), 1.0, False))
    first, second, bias = fit_confidence.fit(rows)
    # the L2 term shrinks the weights a little, alike: their ratio and the bias stay
    assert 1.4 < first < 2.1 and -1.6 < second < -1.0, (first, second)
    assert abs(first / second - truth[0] / truth[1]) < 0.2 and abs(bias - truth[2]) < 0.2, (first, second, bias)
