"""What can go wrong around the journal file, told by its real cause, one message each."""

from __future__ import annotations

import errno
import os
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from smartstore_help.core.errors import Failure

if TYPE_CHECKING:
    from smartstore_help.core.model import Lang


class JournalError(Failure):
    """The journal cannot be used. `kind` names the real cause, one message each:

    corrupt, foreign, newer (refused for writing), newer_read (refused for reading: its tables may
    have changed), permission (not allowed to read it), read_only (the file, its folder
    or the file system cannot be written), not_a_folder (the journal's folder is a file),
    not_a_file (a folder or special file where the journal should be), disk_full, file_limit
    (the process's file size limit, `ulimit -f`), busy, insecure (others may read it and it
    cannot be made owner-only), io (anything else). `path` names the file or folder at fault.
    """

    def __init__(self, kind: str, path: Path, detail: str = "") -> None:
        super().__init__(f"{kind}: {path} {detail}".strip())
        self.kind, self.path, self.detail = kind, path, detail

    def describe(self, lang: Lang) -> str:
        from smartstore_help.core.i18n import t

        return t(f"error.journal.{self.kind}", lang, path=self.path, detail=self.detail)


class UnknownCase(Failure, LookupError):
    def describe(self, lang: Lang) -> str:
        from smartstore_help.core.i18n import t

        return t("error.unknown_case", lang, id=self.args[0])


class DamagedCase(Failure, ValueError):
    """A stored case whose answers or details are not readable (edited by hand, half-restored)."""

    def describe(self, lang: Lang) -> str:
        from smartstore_help.core.i18n import t

        return t("error.damaged_case", lang, id=self.args[0])


_OS_KINDS = {
    errno.EACCES: "permission",
    errno.EPERM: "permission",
    errno.EROFS: "read_only",
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
    errno.EFBIG: "file_limit",
    errno.ENOTDIR: "not_a_folder",
    errno.EEXIST: "not_a_folder",
    errno.EISDIR: "not_a_file",
}
# SQLite's primary result codes: PERM, BUSY, LOCKED, READONLY, CORRUPT, FULL, CANTOPEN, AUTH, NOTADB
SQLITE_KINDS = {
    3: "permission",
    5: "busy",
    6: "busy",
    8: "read_only",
    11: "corrupt",
    13: "disk_full",
    14: "cannot_open",
    23: "permission",
    26: "corrupt",
}


def from_os_error(error: OSError, path: Path) -> JournalError:
    return JournalError(_OS_KINDS.get(error.errno or 0, "io"), path, error.strerror or str(error))


def _size_limited() -> bool:
    try:
        import resource
    except ImportError:  # Windows
        return False
    soft = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    return soft != resource.RLIM_INFINITY


def diagnose(path: Path, kind: str, write: bool) -> tuple[str, Path]:
    """SQLite says "disk I/O error" or "unable to open" for many causes; the file system knows which."""
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        return "not_a_folder", folder
    if path.exists() and not os.access(path, os.R_OK):
        return "permission", path
    if kind in ("io", "disk_full"):
        if _size_limited():
            return "file_limit", path
        with suppress(OSError):
            usage = os.statvfs(folder)
            if usage.f_bavail * usage.f_frsize < 1 << 20:
                return "disk_full", folder
        return kind, path
    if write and not os.access(folder, os.W_OK):
        return "read_only", folder
    if write and path.exists() and not os.access(path, os.W_OK):
        return "read_only", path
    return ("read_only" if kind == "read_only" else "io"), path
