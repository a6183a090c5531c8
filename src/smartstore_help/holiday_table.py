"""Korean public holidays from the `holidays` package, kept in a small per-year cache.

Importing the package's South Korea calendar costs far more than the rest of `ss-help hours`,
so its answer is stored as JSON per year, keyed by the package version: an upgrade of
`holidays` (a new 임시공휴일, a corrected date) invalidates the cache by itself.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable
from datetime import date
from importlib import metadata
from pathlib import Path

from smartstore_help.model import Text
from smartstore_help.schedule import Holidays


def cache_dir() -> Path:
    override = os.environ.get("SS_HELP_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("ss-help", appauthor=False))


def _compute(year: int) -> dict[str, list[str]]:
    import holidays

    names: dict[str, list[str]] = {}
    for lang in ("ko", "en_US"):
        for day, name in holidays.country_holidays("KR", years=year, language=lang).items():
            names.setdefault(day.isoformat(), []).append(name)
    return names


def _write_atomically(path: Path, payload: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(payload, out, ensure_ascii=False)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _usable(year: object) -> bool:
    """A cached year is trusted only if every entry has the shape this module writes."""
    if not isinstance(year, dict):
        return False
    try:
        return all(date.fromisoformat(day) and isinstance(names, list) and names
                   and all(isinstance(n, str) for n in names) for day, names in year.items())
    except (TypeError, ValueError):
        return False


def _read(path: Path) -> dict[str, dict[str, list[str]]]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in raw.items() if _usable(v)} if isinstance(raw, dict) else {}


def korean_holidays(years: Iterable[int], directory: Path | None = None) -> Holidays:
    """Public holidays of South Korea for `years`, with Korean and English names."""
    years = sorted(set(years))
    path = (directory or cache_dir()) / f"holidays-kr-{metadata.version('holidays')}.json"
    table = _read(path)
    missing = [y for y in years if str(y) not in table]
    if missing:
        table.update({str(y): _compute(y) for y in missing})
        # A read-only or full cache dir must not stop the answer; it is only slower next time.
        with contextlib.suppress(OSError):
            _write_atomically(path, table)
    return {
        date.fromisoformat(day): Text(names[0], names[-1])
        for year in years
        for day, names in table[str(year)].items()
    }
