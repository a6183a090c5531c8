from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from smartstore_help.core import schedule
from smartstore_help.core.model import ChannelData
from smartstore_help.store import data
from smartstore_help.store.holiday_table import korean_holidays

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Caches and the case journal live in a fresh folder per test, never in the real home."""
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SS_HELP_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("SS_HELP_HOME", str(base / "home"))
    for name in ("SS_HELP_DATA_DIR", "SS_HELP_LANG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(params=["Asia/Seoul", "UTC", "America/Los_Angeles"])
def machine_tz(request: pytest.FixtureRequest) -> Iterator[str]:
    """Runs the test as if the machine's own clock were set to another zone."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    try:
        yield request.param
    finally:
        if old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old
        time.tzset()


@pytest.fixture(scope="session")
def cfg() -> ChannelData:
    """The shipped channels.yaml."""
    return data.load_channels()


@pytest.fixture(scope="session")
def hol(tmp_path_factory: pytest.TempPathFactory) -> schedule.Holidays:
    """Korean public holidays of 2024-2028, from the holidays package."""
    return korean_holidays(range(2024, 2029), tmp_path_factory.mktemp("holidays"))
