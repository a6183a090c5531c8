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
from typing import TextIO

STYLES = {"bold": "1", "dim": "2", "italic": "3", "underline": "4", "reverse": "7", "red": "31", "green": "32",
          "yellow": "33", "blue": "34", "magenta": "35", "cyan": "36"}


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

    def render(self, color: bool) -> str:
        """The line for the terminal; trailing spaces (padding of a last column) are never sent."""
        parts = list(self.parts)
        while parts and not parts[-1][0].rstrip():
            parts.pop()
        if parts:
            parts[-1] = (parts[-1][0].rstrip(), parts[-1][1])
        if not color:
            return "".join(text for text, _ in parts)
        return "".join(f"\x1b[{';'.join(STYLES[s] for s in style.split())}m{text}\x1b[0m" if style else text
                       for text, style in parts)


def wrap(line: Line, limit: int, indent: int = 0) -> list[Line]:
    """Break a line at spaces (or anywhere in a long word) so no line is wider than `limit`."""
    out, current, used = [], Line(), 0
    for text, style in line.parts:
        for token in _tokens(text):
            w = width(token)
            if used + w > limit and used > indent and not token.isspace():
                out.append(current)
                current, used = Line().add(" " * indent), indent
            if token.isspace() and used == indent and out:
                continue
            while w > limit - indent:  # a word longer than the line: cut it
                head = _fit(token, limit - used)
                current.add(head, style)
                out.append(current)
                token = token[len(head):]
                current, used, w = Line().add(" " * indent), indent, width(token)
            current.add(token, style)
            used += w
    out.append(current)
    return out


def _tokens(text: str) -> Iterable[str]:
    word = ""
    for ch in text:
        if ch == " ":
            if word:
                yield word
            word = ""
            yield ch
        else:
            word += ch
    if word:
        yield word


def _fit(text: str, limit: int) -> str:
    used = 0
    for i, ch in enumerate(text):
        used += char_width(ch)
        if used > limit:
            return text[: max(i, 1)]
    return text


def table(headers: Sequence[str], rows: Sequence[Sequence[Line]], gap: int = 2) -> list[Line]:
    """Columns padded to their widest cell, a dim rule under bold headers; the last column is not padded."""
    cols = len(headers)
    widths = [max([width(headers[i]), *(row[i].width() for row in rows)]) for i in range(cols)]
    head = Line()
    for i, title in enumerate(headers):
        head.add(title, "bold")
        if i < cols - 1:
            head.pad(sum(widths[: i + 1]) + gap * (i + 1))
    out = [head, Line().add("─" * (sum(widths) + gap * (cols - 1)), "dim")]
    for row in rows:
        line = Line()
        for i, cell in enumerate(row):
            line.extend(Line(list(cell.parts)))
            if i < cols - 1:
                line.pad(sum(widths[: i + 1]) + gap * (i + 1))
        out.append(line)
    return out


def columns(stream: TextIO) -> int:
    try:
        return max(40, os.get_terminal_size(stream.fileno()).columns)
    except (OSError, ValueError, AttributeError):
        return int(os.environ.get("COLUMNS", "80")) if os.environ.get("COLUMNS", "").isdigit() else 80
