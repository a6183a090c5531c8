"""Korean public holidays from the `holidays` package, kept in a small per-year cache.

Importing the package's South Korea calendar costs far more than the rest of `ss-help hours`,
so its answer is stored per year, keyed by the package version: an upgrade of
`holidays` (a new 임시공휴일, a corrected date) invalidates the cache by itself. The file is
data only and read only when trusted, like every cache (see `cache`).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from datetime import date
from importlib.machinery import PathFinder
from pathlib import Path

from smartstore_help.core.model import Text
from smartstore_help.core.schedule import Holidays
from smartstore_help.store import serial
from smartstore_help.store.cache import FORMAT, SUFFIX, read_trusted, write_private
from smartstore_help.store.places import cache_dir


def holidays_version() -> str:
    """The installed `holidays` release, read from its dist-info name (importlib.metadata is slow)."""
    spec = PathFinder.find_spec("holidays")
    if spec is not None and spec.origin is not None:
        site = Path(spec.origin).parent.parent
        with contextlib.suppress(OSError):
            for entry in os.scandir(site):
                if entry.name.startswith("holidays-") and entry.name.endswith(".dist-info"):
                    return entry.name[len("holidays-") : -len(".dist-info")]
    from importlib import metadata

    return metadata.version("holidays")


def _compute(year: int) -> dict[date, tuple[str, str]]:
    import holidays

    ko = holidays.country_holidays("KR", years=year, language="ko")
    en = holidays.country_holidays("KR", years=year, language="en_US")
    return {day: (name, en.get(day, name)) for day, name in ko.items()}


def _usable(year: object) -> bool:
    """A cached year is trusted only if every entry has the shape this module writes."""
    return isinstance(year, dict) and all(
        isinstance(day, date)
        and isinstance(names, tuple)
        and len(names) == 2
        and all(isinstance(n, str) for n in names)
        for day, names in year.items()
    )


def korean_holidays(years: Iterable[int], directory: Path | None = None) -> Holidays:
    """Public holidays of South Korea for `years`, with Korean and English names."""
    years = sorted(set(years))
    path = (directory or cache_dir()) / f"holidays-kr-{holidays_version()}-{FORMAT}{SUFFIX}"
    stored = read_trusted(path)
    cached: object = None
    if stored is not None:
        with contextlib.suppress(serial.Unreadable):
            cached = serial.loads(stored, ())
    table = {y: v for y, v in cached.items() if _usable(v)} if isinstance(cached, dict) else {}
    missing = [y for y in years if y not in table]
    if missing:
        table.update({y: _compute(y) for y in missing})
        write_private(path, serial.dumps(table))
    return {day: Text(*names) for year in years for day, names in table[year].items()}
