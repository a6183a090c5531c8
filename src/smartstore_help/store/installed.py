"""Which installed data update, if any, the commands use: read on every run, so it costs one
small JSON file (and nothing at all when no update was ever installed).

`ss-help data update` (see `update`) keeps its bundles in the user data folder:

    <user data>/data-updates/state.json        which bundle is current, which one came before
    <user data>/data-updates/<name>/           manifest.json, manifest.json.sig, channels.yaml, faq.yaml

`state.json` is replaced in one rename, so a run sees the old bundle or the new one, never half.
An installed bundle is used unless the data built into this copy of ss-help is newer (a newer
release of the program ships newer data than an old update): see `active`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from smartstore_help.store.places import UPDATES_STATE, updates_dir

STATE_FILE = UPDATES_STATE
RELEASE_FILE = "release.json"  # beside the built-in data: its version and date
STATE_FORMAT = 1


class Release(NamedTuple):
    """A version of the data: a name (`2026.12.07`) and the day it was published."""

    version: str
    date: date


class Installed(NamedTuple):
    directory: Path
    release: Release
    origin: str  # where it was fetched from (an address or a folder)
    installed: str  # when, as ISO 8601


def root() -> Path:
    return updates_dir()


def _installed(value: Any, base: Path) -> Installed | None:
    """An entry of `state.json`, or None when it is missing or not in the shape written."""
    if not isinstance(value, dict):
        return None
    try:
        name, version, day = value["dir"], value["version"], date.fromisoformat(value["date"])
    except (KeyError, TypeError, ValueError):
        return None
    if (
        not (isinstance(name, str) and isinstance(version, str))
        or "/" in name
        or "\\" in name
        or name in ("", ".", "..")
    ):
        return None
    return Installed(base / name, Release(version, day), str(value.get("from", "")), str(value.get("installed", "")))


def state() -> tuple[Installed | None, Installed | None]:
    """The current and the previous installed bundle (None: none)."""
    base = root()
    try:
        raw = json.loads((base / STATE_FILE).read_bytes())
    except (OSError, ValueError):
        return None, None
    if not isinstance(raw, dict) or raw.get("format") != STATE_FORMAT:
        return None, None
    return _installed(raw.get("current"), base), _installed(raw.get("previous"), base)


def release_of(directory: Path) -> Release | None:
    """The version and date in `directory`'s release.json (the built-in data's), if readable."""
    try:
        raw = json.loads((directory / RELEASE_FILE).read_bytes())
        return Release(str(raw["version"]), date.fromisoformat(raw["date"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def newer(candidate: Release, than: Release | None) -> bool:
    """Whether data published as `candidate` should be used over `than`: a later date, or the same
    day (what the seller installed wins a tie). The version only names it."""
    return than is None or candidate.date >= than.date


def active(builtin: Callable[[], Path]) -> Installed | None:
    """The installed bundle to use instead of the built-in data (in the folder `builtin()` names:
    asked only when an update is installed, as finding it costs more than the rest), if any."""
    current, _ = state()
    if current is None or not current.directory.is_dir():
        return None
    return current if newer(current.release, release_of(builtin())) else None
