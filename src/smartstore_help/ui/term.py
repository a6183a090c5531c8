"""Styled lines for the commands that must start instantly (`hours`, `faq search`).

Importing rich costs more than everything else those commands do, so their output is built
from `Line`s of styled segments here: display width that counts Hangul as two columns, and
text that has already been stripped of control characters by the caller. Whether the styles
are sent is the I/O object's decision (`IOStreams.lines`).
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Sequence
from typing import NamedTuple, TextIO

STYLES = {
    "bold": "1",
    "dim": "2",
    "italic": "3",
    "underline": "4",
    "reverse": "7",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "blue": "34",
    "magenta": "35",
    "cyan": "36",
}


def char_width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def width(text: str) -> int:
    return sum(char_width(ch) for ch in text) if not text.isascii() else len(text)


class Line:
    """One line of output as (text, style) segments; style is space-separated STYLES names."""

    __slots__ = ("parts",)

    def __init__(self, parts: list[tuple[str, str]] | None = None) -> None:
        self.parts = parts if parts is not None else []

    def add(self, text: str, style: str = "") -> Line:
        if text:
            self.parts.append((text, style))
        return self

    def extend(self, other: Line) -> Line:
        self.parts.extend(other.parts)
        return self

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.parts)

    def width(self) -> int:
        return sum(width(text) for text, _ in self.parts)

    def pad(self, target: int) -> Line:
        return self.add(" " * max(0, target - self.width()))

    def rstrip(self) -> Line:
        """Without trailing blanks: no output line ends in spaces."""
        while self.parts and not self.parts[-1][0].rstrip():
            self.parts.pop()
        if self.parts:
            text, style = self.parts[-1]
            self.parts[-1] = (text.rstrip(), style)
        return self

    def render(self, color: bool) -> str:
        """The line for the terminal; trailing spaces (padding of a last column) are never sent."""
        parts = list(self.parts)
        while parts and not parts[-1][0].rstrip():
            parts.pop()
        if parts:
            parts[-1] = (parts[-1][0].rstrip(), parts[-1][1])
        if not color:
            return "".join(text for text, _ in parts)
        return "".join(
            f"\x1b[{';'.join(STYLES[s] for s in style.split())}m{text}\x1b[0m" if style else text
            for text, style in parts
        )


def wrap(line: Line, limit: int, indent: int = 0) -> list[Line]:
    """Break a line at spaces (or inside a word longer than a line) so no line is wider than `limit`.

    Lines after the first start with `indent` spaces. An indent that would leave less than half
    the line, or less than one wide character, for the text is cut down to that (a 78-character
    FAQ id at 80 columns); a limit under 2 counts as 2, the width of one Hangul syllable. Every
    line then takes at least one character, so wrapping always ends, whatever the width.
    """
    limit = max(2, limit)
    indent = max(0, min(indent, limit // 2, limit - 2))
    out: list[Line] = []
    current, used, fresh = Line(), 0, True  # fresh: nothing but the indent on the line yet

    def next_line() -> None:
        nonlocal current, used, fresh
        out.append(current.rstrip())
        current, used, fresh = Line().add(" " * indent), indent, True

    for text, style in line.parts:
        for token in _tokens(text):
            w = width(token)
            if token.isspace():
                if used + w > limit:  # spacing at the end of a line is where it breaks
                    next_line()
                elif not (fresh and out):  # no spacing at the start of a continued line
                    current.add(token, style)
                    used += w
                continue
            if used + w > limit and not fresh:
                next_line()
            while used + w > limit:  # a word longer than the line: cut it
                head = _fit(token, limit - used)
                current.add(head, style)
                token = token[len(head) :]
                w = width(token)
                next_line()
            if token:
                current.add(token, style)
                used += w
                fresh = False
    out.append(current)
    return out


def truncate(text: str, limit: int) -> str:
    """`text` if it fits in `limit` columns, else its first words and "…" (a single overlong word is cut)."""
    if width(text) <= limit:
        return text
    out = ""
    for word in text.split(" "):
        candidate = f"{out} {word}" if out else word
        if width(candidate) + 1 > limit:
            break
        out = candidate
    out = out.rstrip(" —-·,:(")
    return (out or _fit(text, limit - 1)) + "…"


def _tokens(text: str) -> Iterable[str]:
    """Words and the spaces between them; a number keeps the word after it ("3 d", "12 min")."""
    word = ""
    for ch in text:
        if ch == " " and word.isdigit():
            word += ch
        elif ch == " ":
            if word:
                yield word
            word = ""
            yield ch
        else:
            word += ch
    if word:
        yield word


def _fit(text: str, limit: int) -> str:
    """The longest start of `text` at most `limit` columns wide (empty when not even one character fits)."""
    used = 0
    for i, ch in enumerate(text):
        used += char_width(ch)
        if used > limit:
            return text[:i]
    return text


class Column(NamedTuple):
    """A table column: whether its cells may wrap at words, and its turn to be dropped when even
    wrapped the table is too wide (lower drops first; None: never dropped)."""

    header: str
    wraps: bool = True
    drop: int | None = None


def table(
    headers: Sequence[str | Column], rows: Sequence[Sequence[Line]], gap: int = 2, limit: int | None = None
) -> list[Line]:
    """Columns padded to their widest cell, a dim rule under bold headers.

    With `limit`, a table too wide for it first wraps its wrapping columns at words, widest first;
    if even words on their own lines don't fit, the droppable columns go, least useful first."""
    cols = [c if isinstance(c, Column) else Column(c) for c in headers]
    keep = list(range(len(cols)))
    widths = [max([width(cols[i].header), *(row[i].width() for row in rows)]) for i in keep]
    if limit is not None:
        least = [
            widths[i]
            if not cols[i].wraps
            else max([_longest_word(cols[i].header), *(_longest_word(row[i].plain) for row in rows)])
            for i in keep
        ]

        def room(kept: list[int]) -> int:
            return limit - gap * (len(kept) - 1)

        droppable = sorted((c.drop, i) for i, c in enumerate(cols) if c.drop is not None)
        while sum(least[i] for i in keep) > room(keep) and droppable:
            keep.remove(droppable.pop(0)[1])
        shrink_to_fit(widths, least, keep, rows, room(keep))
    out = [
        _row([Line().add(cols[i].header, "bold") for i in keep], [widths[i] for i in keep], gap),
        Line().add("─" * (sum(widths[i] for i in keep) + gap * (len(keep) - 1)), "dim"),
    ]
    for row in rows:
        cells = [wrap(Line(list(row[i].parts)), widths[i]) for i in keep]
        for n in range(max(len(c) for c in cells)):
            out.append(_row([c[n] if n < len(c) else Line() for c in cells], [widths[i] for i in keep], gap))
    return out


def shrink_to_fit(
    widths: list[int], least: Sequence[int], keep: Sequence[int], rows: Sequence[Sequence[Line]], room: int
) -> None:
    """Narrow the kept columns until they fit in `room` with the fewest lines in all.

    Only the narrowest width giving each pattern of wrapped lines matters for a column, so the
    search tries every combination of those (a handful per column); wide tables with many rows
    fall back to narrowing the widest column."""

    def heights(i: int, w: int) -> tuple[int, ...]:
        return tuple(len(wrap(row[i], w)) for row in rows)

    options: list[list[tuple[int, tuple[int, ...]]]] = []
    for i in keep:
        found: dict[tuple[int, ...], int] = {}
        for w in range(widths[i], least[i] - 1, -1):
            found[heights(i, w)] = w  # narrower widths overwrite: the narrowest for each pattern
        options.append([(w, h) for h, w in found.items()])
    combinations = 1
    for column in options:
        combinations *= len(column)
    if combinations <= 4096:
        import itertools

        best: tuple[int, int, tuple[int, ...]] | None = None
        for choice in itertools.product(*options):
            total = sum(w for w, _ in choice)
            if total > room:
                continue
            lines = sum(max(per_row) for per_row in zip(*(h for _, h in choice), strict=True)) if rows else 0
            if best is None or (lines, -total) < best[:2]:
                best = (lines, -total, tuple(w for w, _ in choice))
        if best is not None:
            for i, w in zip(keep, best[2], strict=True):
                widths[i] = w
            return
    while sum(widths[i] for i in keep) > room:
        shrinkable = [i for i in keep if widths[i] > least[i]]
        if not shrinkable:
            return
        widths[max(shrinkable, key=lambda i: widths[i])] -= 1


def _row(cells: Sequence[Line], widths: Sequence[int], gap: int) -> Line:
    line = Line()
    for i, cell in enumerate(cells):
        line.extend(Line(list(cell.parts)))
        if i < len(cells) - 1:
            line.pad(sum(widths[: i + 1]) + gap * (i + 1))
    return line.rstrip()


def _longest_word(text: str) -> int:
    return max((width(word.strip()) for word in _tokens(text)), default=0)


# The width every screen is laid out to. Below 20 columns not even a numbered Hangul question fits
# beside its indent, so narrower is drawn as 20 and simply overflows; above 240 no line is
# readable any more, and the cap keeps anything sized by the width (rules, padding) small when
# COLUMNS says 10**9. Unknown, 0 or negative means the classic 80.
MIN_COLUMNS, MAX_COLUMNS, DEFAULT_COLUMNS = 20, 240, 80


def clamp_columns(n: int | None) -> int:
    """A width to lay out to, from whatever the terminal or `COLUMNS` claims."""
    if n is None or n <= 0:
        return DEFAULT_COLUMNS
    return min(max(n, MIN_COLUMNS), MAX_COLUMNS)


def env_columns(value: str | None) -> int | None:
    """`COLUMNS` as a number (ASCII digits only), or None when it is unset or not a number."""
    value = (value or "").strip()
    if not (value.isascii() and value.isdigit()):
        return None
    return int(value) if len(value) <= 6 else MAX_COLUMNS  # int() of 5,000 digits raises


def columns(stream: TextIO) -> int:
    try:
        size: int | None = os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        size = env_columns(os.environ.get("COLUMNS"))
    return clamp_columns(size)
