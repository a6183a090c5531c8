"""The small markup FAQ answers are written in, read the same way by every view.

    **굵게**        bold (shown bold on a terminal with colour, the marks dropped otherwise)
    `ss-help hours` code (a command or a value to type)
    *기울임*        emphasis (shown plain)
    - 항목 / * 항목  a list item; `1. 항목` a numbered one
    # 제목          a heading line (shown bold)
    > 인용          a quoted line (shown indented)
    \\*             a mark written literally

A `>` inside a line is text: `정산관리 > 정산 내역` is a menu path and stays as written. Marks pair
up left to right whatever surrounds them: unlike CommonMark, `**정산관리 > 정산 내역(일별/건별)**에서`
is bold up to the particle (CommonMark's flanking rules leave its asterisks on the screen). A mark
with no partner is dropped, so no view ever shows a stray `**` or backtick.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

Style = Literal["", "bold", "code", "em"]
Kind = Literal["para", "bullet", "number", "heading", "quote"]


class Span(NamedTuple):
    text: str
    styles: frozenset[str] = frozenset()


class Block(NamedTuple):
    kind: Kind
    spans: tuple[Span, ...]
    marker: str = ""  # "1." for a numbered item


_ITEM = re.compile(r"\s*(?:([-*+])|(\d{1,3})[.)])\s+(.*)")
_HEADING = re.compile(r"\s*#{1,6}\s+(.*?)\s*#*\s*")
_QUOTE = re.compile(r"\s*>\s?(.*)")
_ESCAPABLE = "\\*`_#>-+."


def inline(text: str, outer: frozenset[str] = frozenset()) -> list[Span]:
    """Spans of one line: `**…**` bold, `` `…` `` code, `*…*` emphasis; unpaired marks dropped."""
    out: list[Span] = []
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            out.append(Span("".join(buffer), outer))
            buffer.clear()

    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n and text[i + 1] in _ESCAPABLE:
            buffer.append(text[i + 1])
            i += 2
            continue
        if ch == "`":
            end = text.find("`", i + 1)
            if end > i + 1:
                flush()
                out.append(Span(text[i + 1 : end], outer | {"code"}))
                i = end + 1
            else:
                i += 1  # an unpaired backtick (or an empty pair) is dropped
            continue
        if text.startswith("**", i):
            end = text.find("**", i + 2)
            if end > i + 2:
                flush()
                out.extend(inline(text[i + 2 : end], outer | {"bold"}))
                i = end + 2
            else:
                i += 2  # unpaired: dropped
            continue
        if ch == "*" and i + 1 < n and not text[i + 1].isspace():
            end = text.find("*", i + 1)
            if end > i + 1 and not text[end - 1].isspace():
                flush()
                out.extend(inline(text[i + 1 : end], outer | {"em"}))
                i = end + 1
                continue
        buffer.append(ch)
        i += 1
    flush()
    return [s for s in out if s.text]


def parse(text: str) -> list[Block]:
    """Blocks of an answer: list items, headings and quotes a line each; other lines next to each
    other join into one paragraph (with a space), a blank line ends it."""
    blocks: list[Block] = []
    paragraph: list[str] = []

    def end_paragraph() -> None:
        if paragraph:
            blocks.append(Block("para", tuple(inline(" ".join(paragraph)))))
            paragraph.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            end_paragraph()
            continue
        item = _ITEM.fullmatch(raw)
        if item and not (item[1] == "*" and item[3].count("*") % 2):  # "* item", not "*emphasis* …"
            end_paragraph()
            kind: Kind = "bullet" if item[1] else "number"
            blocks.append(Block(kind, tuple(inline(item[3])), f"{item[2]}." if item[2] else ""))
            continue
        heading = _HEADING.fullmatch(raw)
        if heading:
            end_paragraph()
            blocks.append(Block("heading", tuple(inline(heading[1], frozenset({"bold"})))))
            continue
        quote = _QUOTE.fullmatch(raw)
        if quote and raw.lstrip().startswith("> "):
            end_paragraph()
            blocks.append(Block("quote", tuple(inline(quote[1]))))
            continue
        paragraph.append(line)
    end_paragraph()
    return blocks


def block_text(block: Block) -> str:
    return "".join(s.text for s in block.spans)


def plain(text: str) -> str:
    """The answer as plain text (for JSON and for copying): no marks, list items as `- ` and `1. `
    lines, paragraphs apart by a blank line."""
    out: list[str] = []
    previous: Kind | None = None
    for block in parse(text):
        body = block_text(block)
        if previous is not None and (block.kind in ("para", "heading") or previous in ("para", "heading")):
            out.append("")
        if block.kind == "bullet":
            out.append(f"- {body}")
        elif block.kind == "number":
            out.append(f"{block.marker} {body}")
        elif block.kind == "quote":
            out.append(f"  {body}")
        else:
            out.append(body)
        previous = block.kind
    return "\n".join(out)


def one_line(text: str) -> str:
    """Every block's words on one line, marks and list markers dropped (`>` in a menu path kept)."""
    return " ".join(" ".join(block_text(b) for b in parse(text)).split())
