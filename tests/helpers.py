from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from smartstore_help.cli.main import run as cli_run
from smartstore_help.core import search
from smartstore_help.store import data
from smartstore_help.ui.iostreams import IOStreams, color_wanted

KST = ZoneInfo("Asia/Seoul")


@functools.cache
def shipped_index() -> search.Index:
    """The shipped FAQ's index, built once in a test process, by the first test that needs it
    (not at import: every worker imports every test module)."""
    return search.build_index(data.load_faq())


def kst(text: str) -> datetime:
    """`2026-11-24 10:00` as that moment in Korea."""
    return datetime.fromisoformat(text).replace(tzinfo=KST)


class Result(NamedTuple):
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


@contextmanager
def environment(env: dict[str, str] | None) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.update(env or {})
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def run(
    *args: str,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
    columns: int = 80,
    encoding: str | None = None,
    io: IOStreams | None = None,
) -> Result:
    """The whole program through its real entry point and error boundary, on streams in memory.

    A bug (an exception the boundary does not turn into a message) propagates into the test.
    SS_HELP_TEST_ENCODING runs it all on another code page (the front door tests do, with cp949)."""
    encoding = encoding or os.environ.get("SS_HELP_TEST_ENCODING", "utf-8")
    with environment(env):
        streams = io or IOStreams.test(
            stdin=stdin or "",
            columns=columns,
            encoding=encoding,
            color=color_wanted(is_tty=False),
            ascii_symbols=os.environ.get("SS_HELP_ASCII") == "1",
        )
        code = cli_run(list(args), streams)
    return Result(code, streams.written("out"), streams.written("err"))


def run_json(*args: str) -> Any:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)
