"""A problem found in a data file, with its file, line and field, and the error that carries them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from smartstore_help.core.errors import Failure
from smartstore_help.core.i18n import both
from smartstore_help.core.model import Lang, Text

Path_ = tuple[str | int, ...]


class Problem(NamedTuple):
    file: str
    line: int
    field: str
    message: Text

    def render(self, lang: Lang) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file  # a whole file or folder: no line 0
        return f"{where}: {self.field}: {self.message(lang)}" if self.field else f"{where}: {self.message(lang)}"


class DataError(Failure):
    """One or more problems in the data; `problems` holds each with its file and line."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(problems[0].render("en"))
        self.problems = tuple(problems)

    def describe(self, lang: Lang) -> str:
        return "\n".join(problem.render(lang) for problem in self.problems)


def problem(file: str, line: int, field: str, key: str, /, **values: object) -> Problem:
    """A problem saying the message `key` of `i18n`, in both languages."""
    return Problem(file, line, field, both(key, **values))


def format_path(path: Path_) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else step)
    return out
