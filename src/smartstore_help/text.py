"""Text from outside the program, made safe once where it comes in, and again where it goes out.

What a seller types reaches us as argv, prompt answers or stdin, and later leaves as a draft on
screen, in a file, on the clipboard and in the journal (SQLite). Two things in it break or
abuse what comes after:

- bytes that are not UTF-8: Python hands undecodable argv bytes over as lone surrogates
  (U+DC80–U+DCFF), which SQLite, the clipboard and every UTF-8 stream refuse with an exception.
  `clean` turns them back into the bytes they were and decodes those as UTF-8, else as CP949
  (the legacy Korean encoding of older Windows consoles and EUC-KR terminals: `정산` typed
  there is still `정산` here), else with U+FFFD for what cannot be read;
- control characters: an escape sequence (OSC, CSI) or a C1 control stored in a case or typed
  into a description would drive the terminal the draft is later printed on, and the bidi
  overrides and zero-width marks make text read differently from what it is. `visible` drops
  them all except newline and tab.

`clean` is for text coming in (it also composes NFD Hangul from macOS into NFC, so a stored
draft reads the same everywhere); `visible` is for anything shown or written, whatever its
origin, stored text from older versions included.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls but tab and newline, DEL and C1, the Arabic letter mark, zero-width and direction marks,
# line/paragraph separators, bidi embeddings, overrides and isolates, word joiners, the BOM.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)


def visible(value: str) -> str:
    """`value` without control and invisible direction characters (newline and tab are kept)."""
    return _CONTROL.sub("", value)


def decode(raw: bytes) -> str:
    """Bytes from outside as text: UTF-8, else CP949, else whichever of the two reads more of it,
    with U+FFFD for what is unreadable."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp949")
    except UnicodeDecodeError:
        pass
    readings = (raw.decode("utf-8", "replace"), raw.decode("cp949", "replace"))
    return min(readings, key=lambda reading: reading.count("\ufffd"))


def repair(value: str) -> str:
    """`value` with no lone surrogates: undecodable bytes Python smuggled in are decoded again."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        pass
    try:
        return decode(value.encode("utf-8", "surrogateescape"))
    except UnicodeEncodeError:  # a surrogate that never was a byte (U+D800–U+DC7F): unreadable
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def clean(value: str) -> str:
    """Text a person gave us, ready to keep: readable, composed (NFC), no control characters."""
    return visible(unicodedata.normalize("NFC", repair(value)))
