"""Where the cache and the case journal live: the XDG folders on Linux, the platform's elsewhere.

A missing or relative HOME (`HOME=''`, as some service managers leave it) would put them under
`/` or the current folder; the account's home from the password database is used instead.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def home() -> Path:
    value = os.environ.get("HOME", "")
    if os.path.isabs(value):
        return Path(value)
    try:
        import pwd

        return Path(pwd.getpwuid(os.getuid()).pw_dir)
    except (ImportError, KeyError):
        return Path.home()


def _xdg(variable: str, fallback: str) -> Path:
    value = os.environ.get(variable, "")
    return Path(value) if os.path.isabs(value) else home() / fallback


def cache_dir() -> Path:
    override = os.environ.get("SS_HELP_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform.startswith("linux"):  # the XDG rule, without importing platformdirs at start-up
        return _xdg("XDG_CACHE_HOME", ".cache") / "ss-help"
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
    """Whether a data update may be installed: asking costs one stat, and no import of `installed`."""
    return (updates_dir() / UPDATES_STATE).is_file()


def journal_file() -> Path:
    """The case journal itself: asking whether it exists costs no sqlite3 (the reminder, history)."""
    return data_dir().absolute() / JOURNAL_FILE
