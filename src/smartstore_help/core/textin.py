"""Text from outside the program: read safely where it comes in, shown safely where it goes out.

It reaches us as bytes in an encoding nobody declared: a note piped from a Korean Windows
program (CP949, a superset of EUC-KR) or an argument the terminal sent undecodable, which
Python hands over as lone surrogates that SQLite, the clipboard and every UTF-8 stream refuse.
And it may carry control characters: an escape sequence (OSC, CSI) or a C1 control typed into a
description or stored in a case would drive the terminal the draft is later printed on, and
bidi overrides and zero-width marks make text read differently from what it is.

`clean` is for text a person gives us (argv, prompt answers, stdin): readable, composed (NFC),
without control characters. `visible` is for anything shown or written, whatever its origin
(stored text from older versions included): it drops the control characters, keeping newline
and tab. Pure. Lossless when the bytes are UTF-8 or CP949; otherwise the caller decides what to say.
"""

from __future__ import annotations

import functools
import re
import unicodedata

ENCODINGS = ("utf-8-sig", "cp949")


class Undecodable(ValueError):
    pass


def decode(raw: bytes) -> str:
    """UTF-8 (with or without a BOM), else CP949; composed Hangul (NFC) either way."""
    for encoding in ENCODINGS:
        try:
            return unicodedata.normalize("NFC", raw.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise Undecodable(raw[:40])


def from_argv(value: str) -> str:
    """An argument Python could not decode carries its bytes as lone surrogates, which SQLite and
    every encoder refuse: read those bytes again as UTF-8 or CP949, else mark them with U+FFFD."""
    try:
        value.encode("utf-8")
        return unicodedata.normalize("NFC", value)
    except UnicodeEncodeError:
        pass
    try:
        raw = value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that never was a byte (U+D800–U+DC7F): unreadable
        return unicodedata.normalize("NFC", value.encode("utf-16", "surrogatepass").decode("utf-16", "replace"))
    try:
        return decode(raw)
    except Undecodable:  # the reading that keeps more of it: a CP949 word beside one stray byte stays Hangul
        readings = (raw.decode("utf-8", "replace"), raw.decode("cp949", "replace"))
        return unicodedata.normalize("NFC", min(readings, key=lambda reading: reading.count("\ufffd")))


# C0 controls but tab and newline, DEL and C1, the Arabic letter mark, zero-width and direction marks,
# line/paragraph separators, bidi embeddings, overrides and isolates, word joiners, the BOM.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def visible(value: str) -> str:
    """`value` without control and invisible direction characters (newline and tab are kept)."""
    return _CONTROL.sub("", value)


# In JSON also the lone surrogates that stand for bytes that are not UTF-8 (a path, through
# surrogateescape): `\udcff` reads back as the same string, which os.fsencode turns into the byte.
@functools.cache
def _json_escaped() -> re.Pattern[str]:
    return re.compile(_CONTROL.pattern[:-1] + "\ud800-\udfff]")  # compiled on first use: ~0.5 ms


def escape_invisible(dumped: str) -> str:
    """JSON text with every character `visible` would drop written as a \\uXXXX escape: the same
    JSON to a program, nothing a terminal would act on (json.dumps escapes only C0 controls)."""
    return _json_escaped().sub(lambda match: f"\\u{ord(match[0]):04x}", dumped)


def clean(value: str) -> str:
    """Text a person gave us, ready to keep: readable, composed (NFC), no control characters."""
    return visible(from_argv(value))
