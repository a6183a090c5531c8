"""The cache's file format: data only, so that reading a cache file can never run code.

A pickle names the functions that rebuild it, so a pickle planted in the cache folder runs
code as the seller the moment it is read. This format can only describe values: JSON for
the structure, with a few tagged objects for what JSON lacks, and raw arrays for the bulk.

    b"SSHC" + u32 header length + u32 numbers length + u32 bytes length   (little-endian)
    header: UTF-8 JSON, then padding to a multiple of 4
    numbers: unsigned 32-bit integers in this machine's byte order (recorded in the header)
    bytes: raw bytes (the FAQ's answers, as one UTF-8 blob)

Tagged objects are `{"@": kind, "v": value}`: `date`, `time`, `set` (frozenset), `map`
(a mapping, as key-value pairs, so keys need not be text), `u32` (a slice of the numbers),
`bytes` (a slice of the bytes), `u32map` (text → slice of the numbers, for the search
index's postings: the keys as one string, the bounds as numbers, sliced lazily), `rows` (a
long tuple of tuples of text, kept in the bytes and decoded row by row when read), or the name
of one of the
record classes the caller allows (the model's NamedTuples, the search index): nothing else
can be built, and building one runs nothing but that class's own constructor. JSON lists
come back as tuples, which is what the model holds.

Why not marshal: it is faster to write but "not intended to be secure against erroneous or
maliciously constructed data" (its documentation) — a crafted file can crash the interpreter —
and it can hold code objects. Why not plain JSON: on the 10,000-entry FAQ (17 MB of cache) it
would build 1.4 million entry numbers and 110,000 strings as Python objects on every search,
about what the pickle cost (~45 ms). Here the postings, the answers and the keywords stay in
the file's buffer and a search decodes only what it reads. A file that does not
parse, or names a class that is not allowed, is simply rebuilt.
"""

from __future__ import annotations

import json
import sys
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, time
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import mmap
    from types import ModuleType

T = TypeVar("T")
MAGIC = b"SSHC"
KEY_SEPARATOR = "\x1f"  # between the keys of a u32map: never in a key (a map with one is stored plainly)
_HEAD_SIZE = 16  # MAGIC and three little-endian u32 lengths


class Unreadable(ValueError):
    """Not a cache file this version wrote."""


class U32Map(Mapping[str, Sequence[int]]):
    """Text → a run of numbers in the file's buffer, sliced only when asked for: the keys are
    sorted, key i's run lies between bounds[i] and bounds[i + 1], and a key is found by bisection
    (no dict of tens of thousands of keys to build on every start)."""

    __slots__ = ("_bounds", "_keys", "_numbers")

    def __init__(self, keys: list[str], bounds: Sequence[int], numbers: memoryview) -> None:
        if len(bounds) != len(keys) + 1:
            raise Unreadable("postings keys or bounds")
        self._keys = keys
        self._bounds = bounds
        self._numbers = numbers

    def _find(self, key: object) -> int:
        i = bisect_left(self._keys, key) if isinstance(key, str) else len(self._keys)
        return i if i < len(self._keys) and self._keys[i] == key else -1

    def __getitem__(self, key: str) -> Sequence[int]:
        i = self._find(key)
        if i < 0:
            raise KeyError(key)
        view: Sequence[int] = self._numbers[self._bounds[i] : self._bounds[i + 1]]
        return view

    def get(self, key: str, default: Any = None) -> Any:
        i = self._find(key)
        return default if i < 0 else self._numbers[self._bounds[i] : self._bounds[i + 1]]

    def __contains__(self, key: object) -> bool:
        return self._find(key) >= 0

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


class _Slices(Sequence[T]):
    """A long tuple whose item i lies between bounds[i] and bounds[i + 1] of something bigger,
    made only when read."""

    __slots__ = ("_bounds",)

    def __init__(self, bounds: Sequence[int]) -> None:
        self._bounds = bounds

    def _between(self, start: int, end: int) -> T:
        raise NotImplementedError

    def __len__(self) -> int:
        return len(self._bounds) - 1

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return tuple(self[j] for j in range(*i.indices(len(self))))
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._between(self._bounds[i], self._bounds[i + 1])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]


class Texts(_Slices[str]):
    """A long tuple of text kept as one UTF-8 run in the file's buffer; an item is decoded when read."""

    __slots__ = ("_blob",)

    def __init__(self, blob: memoryview, ends: Sequence[int]) -> None:
        super().__init__(ends)
        self._blob = blob

    def _between(self, start: int, end: int) -> str:
        return str(self._blob[start:end], "utf-8", "surrogatepass")


class TextRows(_Slices[tuple[str, ...]]):
    """A long tuple of tuples of text (keywords per entry), over one `Texts` of all their items."""

    __slots__ = ("_items",)

    def __init__(self, items: Texts, starts: Sequence[int]) -> None:
        super().__init__(starts)
        self._items = items

    def _between(self, start: int, end: int) -> tuple[str, ...]:
        return tuple(self._items[start:end])


# A tuple of tuples of text at least this long is kept as `TextRows` (the FAQ's keywords, read one
# entry at a time). A flat tuple of text is decoded at once: the search reads its compact questions
# tens of thousands of times a query, which a decode on every read would make twice as slow.
LAZY_LENGTH = 64


def records(module: ModuleType) -> list[type]:
    """The NamedTuple classes a module defines: the records a cached model may be built from."""
    return [v for v in vars(module).values() if isinstance(v, type) and issubclass(v, tuple) and hasattr(v, "_fields")]


def dumps(value: object) -> bytes:
    from array import array  # only on a cache miss

    numbers = array("I")
    blobs: list[bytes] = []  # joined once at the end: a 10,000-entry FAQ's answers are tens of MB
    blobs_len = 0

    def numbers_of(run: Sequence[int]) -> list[int]:
        start = len(numbers)
        numbers.extend(run)
        return [start, len(numbers)]

    def blob(data: bytes) -> list[int]:
        nonlocal blobs_len
        blobs.append(data)
        blobs_len += len(data)
        return [blobs_len - len(data), blobs_len]

    def texts(items: Sequence[str]) -> list[list[int]]:
        """[blob slice, numbers slice of the n + 1 offsets into it]"""
        encoded = [item.encode("utf-8", "surrogatepass") for item in items]
        ends = array("I", [0])
        for item in encoded:
            ends.append(ends[-1] + len(item))
        return [blob(b"".join(encoded)), numbers_of(ends)]

    def encode(v: object) -> Any:
        if v is None or isinstance(v, str | bool | int | float):
            return v
        if isinstance(v, tuple) and hasattr(v, "_fields"):
            return {"@": type(v).__name__, "v": [encode(x) for x in v]}
        fields = getattr(type(v), "__dataclass_fields__", None)  # without importing dataclasses (slow)
        if fields is not None:
            return {"@": type(v).__name__, "v": {name: encode(getattr(v, name)) for name in fields}}
        if isinstance(v, tuple | list):
            if len(v) >= LAZY_LENGTH and all(type(row) is tuple and all(type(x) is str for x in row) for row in v):
                starts = array("I", [0])
                for row in v:
                    starts.append(starts[-1] + len(row))
                return {"@": "rows", "v": [texts([x for row in v for x in row]), numbers_of(starts)]}
            return [encode(x) for x in v]
        if isinstance(v, array):
            start = len(numbers)
            numbers.extend(v)
            return {"@": "u32", "v": [start, len(numbers)]}
        if isinstance(v, bytes):
            return {"@": "bytes", "v": blob(v)}
        if isinstance(v, frozenset | set):
            return {"@": "set", "v": [encode(x) for x in v]}
        if isinstance(v, Mapping):
            if v and all(isinstance(k, str) and KEY_SEPARATOR not in k and isinstance(x, array) for k, x in v.items()):
                # the keys as one string and the runs' bounds as numbers: tens of thousands of keys
                # read back in a millisecond, where a JSON object of them took tens
                keys = sorted(v)
                bounds = array("I", [len(numbers)])
                for key in keys:
                    numbers.extend(v[key])
                    bounds.append(len(numbers))
                return {"@": "u32map", "v": [KEY_SEPARATOR.join(keys), numbers_of(bounds)]}
            return {"@": "map", "v": [[encode(k), encode(x)] for k, x in v.items()]}
        if isinstance(v, date):  # a datetime is never cached: it would lose its time zone here
            return {"@": "date", "v": v.isoformat()}
        if isinstance(v, time):
            return {"@": "time", "v": v.isoformat()}
        raise TypeError(f"cannot cache {type(v).__name__}")

    header = json.dumps(
        {"byteorder": sys.byteorder, "root": encode(value)}, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
    header += b" " * (-len(header) % 4)
    lengths = [n.to_bytes(4, "little") for n in (len(header), len(numbers) * numbers.itemsize, blobs_len)]
    return b"".join([MAGIC, *lengths, header, numbers, *blobs])


def loads(raw: bytes | mmap.mmap, allowed: Sequence[type]) -> object:
    """The value `dumps` wrote, built only from plain values and the `allowed` record classes."""
    if len(raw) < _HEAD_SIZE:
        raise Unreadable("too short")
    magic = raw[:4]
    head_len, numbers_len, blobs_len = (int.from_bytes(raw[i : i + 4], "little") for i in (4, 8, 12))
    start = _HEAD_SIZE
    if magic != MAGIC or start + head_len + numbers_len + blobs_len != len(raw) or numbers_len % 4:
        raise Unreadable("not a cache file, or cut short")
    view = memoryview(raw)
    numbers = view[start + head_len : start + head_len + numbers_len].cast("I")
    blobs = view[start + head_len + numbers_len :]
    classes = {cls.__name__: cls for cls in allowed}

    def tuples(v: Any) -> Any:
        if type(v) is not list:
            return v
        return tuple(map(tuples, v)) if list in map(type, v) else tuple(v)  # the test runs in C

    def build(obj: dict[str, Any]) -> Any:
        kind = obj.get("@")
        v: Any = obj.get("v")
        if len(obj) != 2 or not isinstance(kind, str):  # the document itself, or a u32map's slots
            return obj
        if kind == "u32":
            return numbers[v[0] : v[1]]
        if kind == "bytes":
            return blobs[v[0] : v[1]]
        if kind == "rows":
            ((b0, b1), (n0, n1)), (s0, s1) = v
            return TextRows(Texts(blobs[b0:b1], numbers[n0:n1]), numbers[s0:s1])
        if kind == "u32map":
            keys, (b0, b1) = v
            return U32Map(keys.split(KEY_SEPARATOR), numbers[b0:b1], numbers)
        if kind == "date":
            return date.fromisoformat(v)
        if kind == "time":
            return time.fromisoformat(v)
        if kind == "set":
            return frozenset(tuples(v))
        if kind == "map":
            return {tuples(k): tuples(x) for k, x in v}
        cls = classes.get(kind)
        if cls is None:
            raise Unreadable(f"unknown kind {kind!r}")
        if isinstance(v, dict):
            return cls(**{k: tuples(x) for k, x in v.items()})
        return cls(*tuples(v))

    try:
        document = json.loads(str(view[start : start + head_len], "utf-8"), object_hook=build)
        if document["byteorder"] != sys.byteorder:
            raise Unreadable("written on a machine of the other byte order")
        return document["root"]
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as error:
        raise Unreadable(str(error)) from None
