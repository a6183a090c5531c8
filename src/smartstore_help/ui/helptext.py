"""Help in one language: the command tree's texts from `i18n`, laid out by display width.

Typer builds the Click command tree from the code; `localise` then fills every command's and
option's help from `i18n.HELP` in the chosen language (so the code carries no help strings and
the two languages never mix) and gives every command a context whose formatter measures Hangul
as two columns and translates Click's fixed words (`Usage:`, `Options` …). Asking for help ends
the run through `errors.Finished`, so the error boundary writes it like any other output.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from smartstore_help.core.errors import Finished
from smartstore_help.core.helptexts import CLICK_WORDS, help_text
from smartstore_help.core.model import Lang
from smartstore_help.ui.term import Line, width, wrap
from smartstore_help.ui.typer_hooks import HelpFormatter, click_core, translate_fixed_words

_LANG: list[Lang] = ["ko"]  # the language of the tree being shown (one tree per run)


def _word(text: str) -> str:
    """Click's and typer's own fixed words in the chosen language (typer marks them for gettext)."""
    pair = CLICK_WORDS.get(text.rstrip(": ").strip())
    if pair is None:
        return text
    said = pair[0] if _LANG[0] == "ko" else pair[1]
    return said + (":" if text.rstrip().endswith(":") else "")


class DisplayWidthFormatter(HelpFormatter):
    """Click's help layout, wrapped by display width so Korean lines fit the terminal."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        self.write(f"{_word('Usage:')} {prog} {args}".rstrip() + "\n")

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{_word(heading)}:\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        for line in inspect.cleandoc(text).splitlines():
            if not line.strip() or line.startswith(" "):  # blank lines and examples are kept as written
                self.write(f"{indent}{line}".rstrip() + "\n")
                continue
            for part in wrap(Line().add(line), max(20, self.width - self.current_indent)):
                self.write(f"{indent}{part.plain}".rstrip() + "\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first = min(max((width(a) for a, _ in rows), default=0), col_max) + col_spacing
        indent = self.current_indent
        for name, description in rows:
            description = _word(description)
            text_width = max(20, self.width - indent - first)
            wrapped = [w.plain for w in wrap(Line().add(" ".join(description.split())), text_width)] or [""]
            if width(name) + col_spacing <= first:
                lead = f"{'':>{indent}}{name}{' ' * (first - width(name))}"
            else:
                self.write(f"{'':>{indent}}{name}\n")
                lead = " " * (indent + first)
            self.write(f"{lead}{wrapped[0]}".rstrip() + "\n")
            for more in wrapped[1:]:
                self.write(f"{' ' * (indent + first)}{more}".rstrip() + "\n")

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        self.write_paragraph()
        self.write_heading(name)
        self.indent()
        try:
            yield
        finally:
            self.dedent()


class HelpContext(click_core.Context):
    formatter_class = DisplayWidthFormatter

    def get_help(self) -> str:
        raise Finished(super().get_help().rstrip("\n"))


def localise(command: Any, lang: Lang, path: str = "") -> None:
    """Every command's help and its options' help, from `i18n` in `lang`."""
    _LANG[0] = lang
    command.context_class = HelpContext
    command.help = help_text(path, lang)
    command.short_help = help_text(path, lang, short=True)
    command.epilog = None
    for param in command.params:
        param.help = help_text(path, lang, param=param.opts[0] if param.opts[0].startswith("-") else param.name)
        param.show_default = False  # defaults are said in the help text itself, in words
        param.show_envvar = False
    for name, sub in getattr(command, "commands", {}).items():
        localise(sub, lang, f"{path} {name}".strip())


translate_fixed_words(_word)
