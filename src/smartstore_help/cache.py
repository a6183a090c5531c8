"""A parsed-data cache beside the user's cache directory.

Parsing YAML is the slow part of every command (a 10,000-entry FAQ takes seconds), so what is
built from a data file is pickled under a key made of the file's path, its length and the CRC-32
of its bytes: any edit, even one that keeps the modification time, is picked up on the next run.
(CRC-32 rather than a cryptographic hash: it catches every edit of a few bytes by construction,
runs twice as fast on a 10 MB file, and spares loading OpenSSL at start-up.) Files are
written to a temporary name and renamed, so two processes building at once never see half a
file, and anything unreadable is rebuilt, never trusted.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from smartstore_help import __version__
from smartstore_help.places import cache_dir

T = TypeVar("T")
FORMAT = 6  # bump when the shape of a cached object changes


def write_atomically(path: Path, payload: bytes) -> None:
    import tempfile

    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(payload)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def read_pickle(path: Path) -> object | None:
    """What `path` holds, or None when it is missing, truncated or from another version."""
    try:
        with path.open("rb") as cached:
            value: object = pickle.load(cached)  # our own file, in the user's private cache directory
            return value
    except Exception:  # any unreadable cache is simply rebuilt
        return None


def write_pickle(path: Path, value: object) -> None:
    with contextlib.suppress(OSError):  # a read-only cache only makes the next run slower
        write_atomically(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def load(source: Path, raw: bytes, kind: str, build: Callable[[bytes, str], T], expected: type[T]) -> T:
    """`build(raw, file_name)` for the file `source` holding `raw`, cached until its bytes change."""
    where = f"{zlib.crc32(str(source.resolve()).encode()):08x}"
    what = f"{len(raw):x}-{zlib.crc32(raw):08x}-{__version__}-{FORMAT}"
    directory = cache_dir()
    path = directory / f"{kind}-{where}-{what}.pickle"
    cached = read_pickle(path)
    if isinstance(cached, expected):
        return cached
    value = build(raw, str(source))
    write_pickle(path, value)
    with contextlib.suppress(OSError):
        for stale in directory.glob(f"{kind}-{where}-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    return value
