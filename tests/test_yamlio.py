"""The fast event-built YAML load gives exactly what the full safe loader gives."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from smartstore_help.core import yamlio
from smartstore_help.store import data

EDGES = [
    "a: 1\nb: -60\nc: +3\nd: 0\n",
    "a: 0x1F\nb: 1_000\nc: 017\nd: 0b101\n",
    "a: 1.5\nb: .inf\nc: -.5e+3\n",
    "a: yes\nb: No\nc: on\nd: OFF\ne: true\n",
    "a: ~\nb: null\nc:\n",
    "a: =\n",
    "a: 18:00\nb: 09:00\nc: '18:00'\n",
    "a: 2026-11-29\nb: 2026-31-11\n",
    "a: &x [1, 2]\nb: *x\n",
    "<<: {a: 1}\n",
    "a: 1\na: 2\n",
    "---\na: 1\n---\nb: 2\n",
    "",
    "# only a comment\n",
    "[1, [2, [3]]]\n",
    "? [a]\n: 1\n",
    "a: |\n  block\n  text\n",
    "a: >\n  folded\n  text\n",
    "a: \"quoted \\u00e9\"\nb: 'single'\n",
    "- {x: 1}\n- [y]\n- z\n",
    "정산: 보류\n",
    "a: [1,\n",
]


def full(text: str) -> object:
    return yaml.load(text, Loader=yamlio.Loader)


@pytest.mark.parametrize("text", EDGES)
def test_edge_cases_match_the_full_loader(text: str) -> None:
    try:
        expected = full(text)
    except yaml.YAMLError as error:
        with pytest.raises(type(error)):
            yamlio.load(text)
        return
    assert yamlio.load(text) == expected


def test_shipped_files_match() -> None:
    for name in (data.CHANNELS_FILE, data.FAQ_FILE):
        text = (data.builtin_dir() / name).read_text(encoding="utf-8")
        assert yamlio._from_events(text) == full(text)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=1 - 10**yamlio.MAX_DIGITS, max_value=10**yamlio.MAX_DIGITS - 1),  # longer: refused
    st.text(max_size=20),
    st.sampled_from(["yes", "no", "~", "1_0", "0x10", "18:00", "2026-01-01", "1.5", "=", "<<"]),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(documents, st.booleans())
def test_any_dumped_document_matches(document: object, flow: bool) -> None:
    text = yaml.safe_dump(document, allow_unicode=True, default_flow_style=flow)
    assert yamlio.load(text) == full(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: !!str 1\n",
        "a: !!python/object/apply:os.system ['echo hi']\n",
        "a: !!timestamp 2026-02-30\n",
        "a: !!int abc\n",
        "a: !!bool maybe\n",
        "a: !!map [a]\n",
        "a: ! 12\n",
        "a: !custom x\n",
        "x: &anchor 1\ny: *anchor\na: !!int abc\n",  # past what the event builder leaves to the full loader
    ],
)
def test_explicit_tags_are_refused_with_their_line(text: str) -> None:
    with pytest.raises(yamlio.ExplicitTag) as caught:
        yamlio.load(text)
    assert caught.value.line == text.count("\n") and caught.value.tag.startswith("!")


@pytest.mark.parametrize("prefix", ["", "x: &a 1\ny: *a\n"])
def test_nesting_is_bounded_well_below_the_recursion_limit(prefix: str) -> None:
    ok = prefix + "a: " + "[" * (yamlio.MAX_DEPTH - 1) + "]" * (yamlio.MAX_DEPTH - 1) + "\n"
    assert yamlio.load(ok) is not None
    for depth in (yamlio.MAX_DEPTH + 1, 990, 997):
        with pytest.raises(yamlio.TooDeep) as caught:
            yamlio.load(prefix + "a: " + "[" * depth + "]" * depth + "\n")
        assert caught.value.line == prefix.count("\n") + 1


def test_numbers_too_long_to_convert_are_refused() -> None:
    with pytest.raises(yamlio.TooLong):
        yamlio.load("a: " + "9" * 5000 + "\n")
    assert yamlio.load("a: '" + "9" * 5000 + "'\n") == {"a": "9" * 5000}
    assert yamlio.load("a: 2026120712345678\n") == {"a": 2026120712345678}
