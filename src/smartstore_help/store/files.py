"""Writing a whole file safely: atomically, and only ever onto a regular file.

`contact --output PATH` replaces PATH by renaming a finished temporary file over it. Renaming
over something that is not a regular file would replace it: a named pipe another program
reads from, or (as root) `/dev/stdout` or a device. So only a new path or an existing regular
file is written. A symbolic link is written through: its target, if that is a regular file,
gets the new text and the link stays a link (what editors do), and a link pointing nowhere is
refused rather than creating a file wherever it points.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path


class NotRegularFile(Exception):
    """`path` exists and is not a regular file (`kind` says what it is), or is a link to nothing."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path}: {kind}")
        self.path = path
        self.kind = kind  # directory | fifo | device | socket | dangling


def output_target(path: Path) -> tuple[Path, bool]:
    """Where writing `path` really goes, and whether a file is there already."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return path, False
    if not stat.S_ISLNK(info.st_mode):
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(path, _kind(info.st_mode))
        return path, True
    try:
        info = os.stat(path)  # where the kernel's own walk lands: `/dev/stdout` reaches a pipe or a terminal
    except OSError:  # a link to nothing, or a loop of links
        raise NotRegularFile(path, "dangling") from None
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFile(path, _kind(info.st_mode))
    try:
        real = Path(os.path.realpath(path, strict=True))
        same = os.path.samefile(real, path)
    except OSError:
        same = False
    if not same:  # reached only through a name that is no path: an open file since deleted
        raise NotRegularFile(path, "dangling")
    return real, True


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "device"


def write_atomically(path: Path, payload: bytes) -> None:
    """`payload` as the whole of `path`, or `path` unchanged: written aside, then renamed over it.

    The temporary name `.NAME.PID.RANDOM.tmp` tells a later sweep whose it was (see `cache.sweep`).
    A new file is private (0600: drafts carry order numbers); one replaced keeps its permissions."""
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            if hasattr(os, "fchmod"):
                with contextlib.suppress(FileNotFoundError):
                    os.fchmod(out.fileno(), stat.S_IMODE(os.stat(path).st_mode))
            out.write(payload)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
