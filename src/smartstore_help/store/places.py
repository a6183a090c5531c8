"""Where the cache and the case journal live: the XDG folders on Linux, the platform's elsewhere.

A missing or relative HOME (`HOME=''`, as some service managers leave it) would put them under
`/` or the current folder; the account's home from the password database is used instead. With
neither (a container's uid that has no passwd entry), the cache goes to a private folder in the
temporary folder, and the journal, which holds order numbers, is refused with `NoHome` until
HOME or SS_HELP_HOME says where it belongs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from smartstore_help.core.errors import Failure

if TYPE_CHECKING:
    from smartstore_help.core.model import Lang


class NoHome(Failure, OSError):
    """Neither HOME nor the password database says where the user's home folder is."""

    def describe(self, lang: Lang) -> str:
        from smartstore_help.core.i18n import t

        return t("error.no_home", lang)


def home() -> Path:
    value = os.environ.get("HOME", "")
    if os.path.isabs(value):
        return Path(value)
    try:
        import pwd

        return Path(pwd.getpwuid(os.getuid()).pw_dir)
    except (ImportError, KeyError):
        pass
    try:
        return Path.home()
    except (RuntimeError, KeyError, OSError):  # no HOME and no passwd entry
        raise NoHome() from None


def _xdg(variable: str, fallback: str) -> Path:
    value = os.environ.get(variable, "")
    return Path(value) if os.path.isabs(value) else home() / fallback


def cache_dir() -> Path:
    override = os.environ.get("SS_HELP_CACHE_DIR")
    if override:
        return Path(override)
    try:
        if sys.platform.startswith("linux"):  # the XDG rule, without importing platformdirs at start-up
            return _xdg("XDG_CACHE_HOME", ".cache") / "ss-help"
    except NoHome:  # only speed is lost: the cache is read only when it is the user's own and private
        import tempfile

        return Path(tempfile.gettempdir()) / f"ss-help-cache-{os.getuid() if hasattr(os, 'getuid') else 0}"
    import platformdirs

    return Path(platformdirs.user_cache_dir("ss-help", appauthor=False))


def data_dir() -> Path:
    """The folder of the case journal."""
    override = os.environ.get("SS_HELP_HOME")
    if override:
        return Path(override)
    if sys.platform.startswith("linux"):
        return _xdg("XDG_DATA_HOME", ".local/share") / "ss-help"
    import platformdirs

    return Path(platformdirs.user_data_dir("ss-help", appauthor=False))


JOURNAL_FILE = "cases.db"
UPDATES_DIR = "data-updates"  # installed data updates (see `installed`)
UPDATES_STATE = "state.json"


def updates_dir() -> Path:
    return data_dir().absolute() / UPDATES_DIR


def update_installed() -> bool:
    """Whether a data update may be installed: asking costs one stat, and no import of `installed`.
    With no home folder there is nowhere one could have been installed: the built-in data serves."""
    try:
        return (updates_dir() / UPDATES_STATE).is_file()
    except NoHome:
        return False


def journal_file() -> Path:
    """The case journal itself: asking whether it exists costs no sqlite3 (the reminder, history)."""
    return data_dir().absolute() / JOURNAL_FILE
