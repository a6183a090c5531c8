"""Text that reaches us as bytes in an encoding nobody declared: a note piped from a Korean
Windows program (CP949, a superset of EUC-KR) or an argument the terminal sent undecodable.

Pure. Lossless when the bytes are UTF-8 or CP949; otherwise the caller decides what to say.
"""

from __future__ import annotations

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
    except UnicodeEncodeError:  # a surrogate that never was a byte
        raw = value.encode("utf-8", "replace")
    try:
        return decode(raw)
    except Undecodable:
        return unicodedata.normalize("NFC", raw.decode("utf-8", "replace"))
