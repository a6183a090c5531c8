"""A parsed-data cache in the user's cache directory, trusted only as far as ssh trusts its files.

Parsing YAML is the slow part of every command (a 10,000-entry FAQ takes seconds), so what is
built from a data file is stored under a key made of the file's path, its length and the CRC-32
of its bytes: any edit, even one that keeps the modification time, is picked up on the next run.
(CRC-32 rather than a cryptographic hash: it catches every edit of a few bytes by construction,
and it is the cheapest content key measured. On the 10,000-entry FAQ benchmark (18.8 MB): CRC-32
of all the bytes 9.8 ms, Adler-32 6.8 ms (weaker on multi-byte edits), SHA-1 20.8 ms plus 7.5 ms
to import hashlib, BLAKE2b 37.5 ms; reading the file 1.7 ms. Size, modification time and a hash
of the first 64 KB take 0.04 ms but miss a same-length edit further down whose modification
time was put back, which tests/test_cli_hours.py checks is picked up; the warm 10k search stays
within its 15x budget with the whole-file CRC.)

What is stored is data only (`serial`: JSON and raw arrays, never pickle), so a file planted
in the folder can at worst be wrong, never run code. On top of that, as ssh does with
`~/.ssh`, the folder and each file are used only when they belong to the user (or root) and
no one else may write to them; anything else is ignored and the data is rebuilt in memory, and
nothing is written into a folder we do not trust. (On Windows, where permissions are ACLs and
the folder sits in the user's own profile, the owner check does not apply.)

Files are written to a temporary name and renamed, so two processes building at once never see
half a file. A temporary file left by a killed writer is swept by the next write: at once when
the process that wrote it is gone, otherwise once it is ten minutes old.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import mmap

from smartstore_help import __version__
from smartstore_help.store.places import cache_dir as cache_dir  # where it is; asked of `cache` by its callers

T = TypeVar("T")
FORMAT = 12  # bump when the shape of a cached object, the file format or what validation accepts changes
# (7: data-only files; 8: YAML tags, deep nesting and out-of-range rule numbers refused; 9: phrasings in the
# search index; 10: sources and facts dated; 11: postings keys as one string; 12: off-topic sentences)
SUFFIX = ".ssc"
STALE_TEMP_SECONDS = 600


def trusted(info: os.stat_result) -> bool:
    """Owned by the user (or root) and writable by no one else."""
    if not hasattr(os, "getuid"):
        return True
    return info.st_uid in (os.getuid(), 0) and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def trusted_dir(directory: Path) -> bool:
    try:
        info = os.stat(directory)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and trusted(info)


def read_trusted(path: Path) -> mmap.mmap | None:
    """The bytes of `path`, mapped, or None when it is missing, empty, unreadable or not to be trusted.

    Mapped rather than read: a 10,000-entry FAQ's index is tens of MB, of which a search touches
    a few pages (reading it all took ~25 ms). Our writers never change a file in place (they
    rename a new one over it), so a mapping never sees a file shrink under it."""
    import mmap

    if not trusted_dir(path.parent):
        return None
    try:
        # No following a link, and no waiting: a FIFO planted under the name would block an open.
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)  # the file really opened, not the name checked before
        if not (stat.S_ISREG(info.st_mode) and trusted(info)) or info.st_size == 0:
            return None
        return mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    finally:
        os.close(fd)


def write_private(path: Path, payload: bytes) -> bool:
    """Store `payload` in the cache, telling whether it was; a cache that cannot or must not be
    written only makes the next run slower."""
    from smartstore_help.store.files import write_atomically  # only on a miss: warm runs never write

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not trusted_dir(path.parent):
            return False
        sweep(path.parent)
        write_atomically(path, payload)
    except OSError:
        return False
    return True


def sweep(directory: Path, now: float | None = None) -> None:
    """Remove what killed writers left behind (`.NAME.PID.RANDOM.tmp`) and caches of older formats."""
    now = time.time() if now is None else now
    with contextlib.suppress(OSError), os.scandir(directory) as entries:
        for entry in entries:
            name = entry.name
            if name.endswith(".pickle") or (name.startswith(".") and name.endswith(".tmp") and _abandoned(entry, now)):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _abandoned(entry: os.DirEntry[str], now: float) -> bool:
    if now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP_SECONDS:
        return True
    parts = entry.name.rsplit(".", 3)  # [".NAME", PID, RANDOM, "tmp"]
    if os.name != "posix" or len(parts) != 4 or not parts[1].isdigit():  # os.kill(pid, 0) kills on Windows
        return False
    pid = int(parts[1])
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # alive, someone else's
        return False
    return False


def load(source: Path, raw: bytes, kind: str, build: Callable[[bytes, str], T], expected: type[T]) -> T:
    """`build(raw, file_name)` for the file `source` holding `raw`, cached until its bytes change.

    The cached value may be made of the model's records and of `expected` itself, nothing else."""
    from smartstore_help.core import model
    from smartstore_help.store import serial

    where = f"{zlib.crc32(str(source.resolve()).encode('utf-8', 'surrogateescape')):08x}"
    what = f"{len(raw):x}-{zlib.crc32(raw):08x}-{__version__}-{FORMAT}"
    directory = cache_dir()
    path = directory / f"{kind}-{where}-{what}{SUFFIX}"
    stored = read_trusted(path)
    if stored is not None:
        try:
            cached = serial.loads(stored, (*serial.records(model), expected))
        except serial.Unreadable:
            cached = None
        if isinstance(cached, expected):
            return cached
    value = build(raw, str(source))
    if write_private(path, serial.dumps(value)):  # TypeError here is a bug in `serial`: let the tests see it
        with contextlib.suppress(OSError):
            for stale in directory.glob(f"{kind}-{where}-*{SUFFIX}"):
                if stale != path:
                    stale.unlink(missing_ok=True)
    return value
