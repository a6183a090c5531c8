from __future__ import annotations

import compileall
import inspect
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import smartstore_help
from smartstore_help.core import schedule
from smartstore_help.core.model import ChannelData
from smartstore_help.store import data
from smartstore_help.store.holiday_table import korean_holidays

REPO = Path(__file__).resolve().parents[1]

# pytest keeps the test modules whose asserts it rewrites as bytecode only when the interpreter may
# write bytecode. Where PYTHONDONTWRITEBYTECODE is set (this machine sets it), every worker of every
# run would rewrite them all again (~1.5 s of CPU each); the suite writes them, as it compiles the
# package below.
sys.dont_write_bytecode = False


def pytest_configure(config: pytest.Config) -> None:
    """Compile the package once before any test starts a child process: with
    PYTHONDONTWRITEBYTECODE set, every child would otherwise compile it afresh (~100 ms a start).
    The package the tests import, that is: src/ in an editable install, site-packages otherwise
    (where pip has compiled it already, so this only checks)."""
    if not hasattr(config, "workerinput"):  # once, in the process that hands out the tests
        compileall.compile_dir(Path(smartstore_help.__file__).parent, quiet=1)
        # and the warm cache, for every worker (they start after this and inherit the variable)
        folder = Path(tempfile.mkdtemp(prefix="ss-help-warm-"))
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
        _build_warm_cache(folder / "cache")
        os.environ[WARM_CACHE] = str(folder / "cache")


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: one worker more than there are cores. Many tests spend much of their time
    waiting on a child process or a terminal, and a third worker on two cores fills that time
    (on this suite: 57 s rather than 63 s on two cores)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return cores + 1


CODE_PAGE_RERUN = "test_cli_*.py", "test_journal.py"  # run once more with the streams in cp949
CHILD = re.compile(r"\bsubprocess\.|\bsys\.executable\b|\bpexpect\.")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """In CI (`CI` set, as `.ci/run` and CI services do), every command line test also runs with
    the streams in cp949, a Korean Windows console's code page (the symbols cp949 lacks become
    ASCII): `code_page` below sets it for `helpers.run`. Locally the loop stays short; set CI=1 to
    include them, or SS_HELP_TEST_ENCODING=cp949 to run everything that way."""
    if os.environ.get("CI") and any(Path(metafunc.definition.path).match(p) for p in CODE_PAGE_RERUN):
        # (a test that starts child processes runs once: what it is about happens in their real streams)
        children = CHILD.search(inspect.getsource(metafunc.function))
        metafunc.parametrize("code_page", ["utf-8"] if children else ["utf-8", "cp949"], indirect=True)


@pytest.fixture(autouse=True)
def code_page(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    encoding: str = getattr(request, "param", "utf-8")
    if encoding != "utf-8":
        monkeypatch.setenv("SS_HELP_TEST_ENCODING", encoding)
    return encoding


WARM_CACHE = "SS_HELP_TEST_WARM_CACHE"


def _build_warm_cache(folder: Path) -> None:
    """A cache folder holding the built-in channels, the FAQ index and the holiday table of the
    years the tests name."""
    from smartstore_help.cli.app import Settings
    from smartstore_help.ui.iostreams import IOStreams

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SS_HELP_CACHE_DIR", str(folder))
        patch.delenv("SS_HELP_DATA_DIR", raising=False)
        settings = Settings("ko", None, IOStreams.test())
        settings.channels()
        settings.faq_index()
        korean_holidays(range(2020, 2031))
    assert len(list(folder.iterdir())) == 3, list(folder.iterdir())


@pytest.fixture(scope="session")
def warm_cache() -> Path:
    """The warm cache, built once for the whole run by `pytest_configure`."""
    return Path(os.environ[WARM_CACHE])


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system
        shutil.copy2(source, target)


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """Caches and the case journal live in a fresh folder per test, never in the real home.

    The cache folder starts with the files of `warm_cache` (a child process then starts in ~80 ms
    rather than ~220 ms), except for tests marked `cold_cache`, which see it empty. The files are
    hard links, not copies (the FAQ index is over a megabyte, and every test starts this way):
    the program only ever replaces a cache file whole, so a link is never written through. A test
    that alters a cache file in place must be marked `cold_cache`."""
    base = tmp_path_factory.mktemp("home")
    if request.node.get_closest_marker("cold_cache") is None:
        shutil.copytree(request.getfixturevalue("warm_cache"), base / "cache", copy_function=_link_or_copy)
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
