"""The one object that knows the terminal: streams, prompting, colour, width, encoding and the clock.

It is made once by the command line (`IOStreams.system()`) and handed to every command, so no
command checks `isatty`, reads `NO_COLOR` or guesses an encoding on its own; tests make one with
`IOStreams.test()` and read back what was written.

Writing never fails on an encoding: a character the stream cannot encode (a cp949 or ascii
console) is drawn with an ASCII equivalent from `SYMBOLS`, anything else as `?`. On Windows, or
with `SS_HELP_ASCII=1` / `--ascii`, the symbols are drawn in ASCII even when they could be
encoded: Korean-font consoles draw these ambiguous-width characters two columns wide, which
breaks every table and box. A reader that goes away, or a full disk, ends the run with one line
(`OutputClosed`, `OutputFailed`) instead of a traceback.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TextIO

from smartstore_help.core.errors import OutputClosed, OutputFailed, StreamClosed

if TYPE_CHECKING:
    from rich.console import Console

    from smartstore_help.core.model import Lang
    from smartstore_help.ui.prompter import Prompter
    from smartstore_help.ui.term import Line

# Symbols the screens use, and how each is drawn in ASCII (same width: tables stay aligned).
SYMBOLS = {
    "●": "*",
    "•": "*",
    "·": "/",
    "─": "-",
    "━": "-",
    "│": "|",
    "┃": "|",
    "╭": "+",
    "╮": "+",
    "╰": "+",
    "╯": "+",
    "┌": "+",
    "┐": "+",
    "└": "+",
    "┘": "+",
    "├": "+",
    "┤": "+",
    "┬": "+",
    "┴": "+",
    "┼": "+",
    "█": "#",
    "▒": "+",
    "▼": "v",
    "▲": "^",
    "←": "<",
    "→": ">",
    "…": ".",
    "–": "-",
    "—": "-",
    "✓": "v",
    "✔": "v",
    "×": "x",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "\u00a0": " ",
    "❯": ">",
    "»": ">",
}
_ASCII_TABLE = str.maketrans(SYMBOLS)
_TRAILING_SPACE = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


def _replace_unencodable(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: each character the stream cannot encode becomes its ASCII symbol, or
    `?` (`??` for a wide character, so columns stay aligned)."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    from smartstore_help.ui.term import char_width

    bad = error.object[error.start : error.end]
    return "".join(SYMBOLS.get(ch) or "?" * max(1, char_width(ch)) for ch in bad), error.end


codecs.register_error("ss-help-symbols", _replace_unencodable)


def to_ascii_symbols(text: str) -> str:
    """`● 닫힘 · 추석` → `* 닫힘 - 추석`: a separating dot reads as a dash, a joining one as a slash."""
    return text.replace(" · ", " - ").translate(_ASCII_TABLE)


@contextmanager
def _said_as_failures() -> Iterator[None]:
    """A reader gone away or a full disk, as the errors the boundary says in one line."""
    try:
        yield
    except BrokenPipeError:
        raise OutputClosed() from None
    except OSError as error:
        raise OutputFailed(error) from None


class SafeWriter:
    """A text stream wrapper that writes what the stream can encode and turns write failures
    into `OutputClosed` / `OutputFailed`. Rich writes through it too."""

    def __init__(self, stream: TextIO, ascii_symbols: bool) -> None:
        self.stream = stream
        self.ascii_symbols = ascii_symbols
        self.encoding = (getattr(stream, "encoding", None) or "utf-8").lower()

    def fit(self, text: str) -> str:
        if text.isascii():
            return text
        if self.ascii_symbols:
            text = to_ascii_symbols(text)
        try:
            text.encode(self.encoding)
        except UnicodeEncodeError:  # a cp949 or ascii stream, or lone surrogates from undecodable input
            text = text.encode(self.encoding, "ss-help-symbols").decode(self.encoding, "replace")
        except LookupError:
            pass
        return text

    def write(self, text: str) -> int:
        with _said_as_failures():
            return self.stream.write(self.fit(text))

    def flush(self) -> None:
        with _said_as_failures():
            self.stream.flush()

    def isatty(self) -> bool:
        try:
            return self.stream.isatty()
        except (OSError, ValueError):
            return False

    def fileno(self) -> int:
        return self.stream.fileno()


class InputTooLong(Exception):
    """More on standard input than the command takes (`limit` bytes)."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


class ClosedStream(io.TextIOBase):
    """Stands for a standard stream that was closed before the program started (Python gives
    None for it: `ss-help hours >&-`, `case note 1 <&-`). Reading it, or writing to it when it is
    standard output, ends the run with `StreamClosed`; what goes to a closed standard error is
    dropped, as there is nowhere left to say it."""

    encoding = "utf-8"

    def __init__(self, name: str, *, fail_writes: bool) -> None:
        super().__init__()
        self.stream_name = name
        self.fail_writes = fail_writes

    def read(self, size: int | None = -1) -> str:
        raise StreamClosed(self.stream_name)

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        raise StreamClosed(self.stream_name)

    def write(self, text: str) -> int:
        if self.fail_writes:
            raise StreamClosed(self.stream_name)
        return len(text)

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(9, "Bad file descriptor")


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "") not in ("", "0")


class IOStreams:
    def __init__(
        self,
        stdin: TextIO,
        stdout: TextIO,
        stderr: TextIO,
        *,
        interactive: bool,
        color: bool,
        columns: int,
        ascii_symbols: bool,
        clock: Callable[[], datetime],
        prompter: Prompter | None = None,
    ) -> None:
        self.stdin = stdin
        self.out = SafeWriter(stdout, ascii_symbols)
        self.err = SafeWriter(stderr, ascii_symbols)
        self.interactive = interactive  # a person at a terminal on both ends: we may ask questions
        self.color = color
        self.columns = columns
        self.ascii_symbols = ascii_symbols
        self._clock = clock
        self._prompter = prompter
        # whether a line about overdue promised replies may follow the command (not after JSON,
        # nor after `case due`, which is that list)
        self.remind = True
        self.use_pager = True  # --no-pager turns it off

    @classmethod
    def system(cls) -> IOStreams:
        from smartstore_help.ui import term

        def tty(stream: TextIO) -> bool:
            try:
                return stream.isatty()
            except (OSError, ValueError, AttributeError):
                return False

        stdin: Any = sys.stdin or ClosedStream("stdin", fail_writes=True)
        out: Any = sys.stdout or ClosedStream("stdout", fail_writes=True)
        err: Any = sys.stderr or ClosedStream("stderr", fail_writes=False)
        return cls(
            stdin,
            out,
            err,
            interactive=tty(stdin) and tty(out),
            color=color_wanted(tty(out)),
            columns=term.columns(out),
            ascii_symbols=sys.platform == "win32" or _env_flag("SS_HELP_ASCII"),
            clock=lambda: datetime.now(UTC),
        )

    @classmethod
    def test(
        cls,
        *,
        stdin: str = "",
        interactive: bool = False,
        color: bool = False,
        columns: int = 80,
        encoding: str = "utf-8",
        ascii_symbols: bool = False,
        now: datetime | Callable[[], datetime] | None = None,
        prompter: Prompter | None = None,
    ) -> IOStreams:
        """Streams in memory (read them back with `written()`), a fixed clock if given, a scripted prompter."""

        def memory() -> TextIO:
            return io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="strict", newline="\n")

        fixed = now
        clock = fixed if callable(fixed) else (lambda: fixed) if fixed else (lambda: datetime.now(UTC))
        return cls(
            io.StringIO(stdin),
            memory(),
            memory(),
            interactive=interactive,
            color=color,
            columns=columns,
            ascii_symbols=ascii_symbols,
            clock=clock,
            prompter=prompter,
        )

    # --- paging ------------------------------------------------------------------------------

    def pager_command(self) -> list[str] | None:
        """The pager the way git chooses one: SS_HELP_PAGER, then PAGER, else `less -FRX` when it is
        installed; none when stdout is not a terminal, with --no-pager, or when it is set to "" or `cat`."""
        if not self.use_pager or not self.out.isatty():
            return None
        import shlex
        import shutil

        for name in ("SS_HELP_PAGER", "PAGER"):
            if name in os.environ:
                chosen = os.environ[name].strip()
                if not chosen or chosen == "cat":
                    return None
                try:
                    return shlex.split(chosen, posix=sys.platform != "win32")
                except ValueError:
                    return None
        return ["less", "-FRX"] if shutil.which("less") else None

    @contextmanager
    def paged(self) -> Iterator[None]:
        """Long output through the pager on a terminal (less -F quits at once when it fits on one
        screen); the reader quitting the pager early ends the output quietly, not with an error."""
        command = self.pager_command()
        if command is None:
            yield
            return
        import subprocess

        env = dict(os.environ)
        env.setdefault("LESS", "FRX")
        env.setdefault("LV", "-c")
        try:
            process = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
        except OSError:  # a pager that cannot be started: the output as it is
            yield
            return
        assert process.stdin is not None
        terminal = self.out.stream
        self.out.stream = io.TextIOWrapper(process.stdin, encoding=self.out.encoding, errors="replace")
        try:
            yield
            self.out.stream.flush()
        except OutputClosed:
            pass  # the seller quit the pager before the end
        finally:
            with suppress(OSError):
                self.out.stream.close()
            self.out.stream = terminal
            try:
                process.wait()
            except KeyboardInterrupt:
                process.wait()

    def draw_ascii_symbols(self) -> None:
        self.ascii_symbols = self.out.ascii_symbols = self.err.ascii_symbols = True

    def written(self, stream: str = "out") -> str:
        """What a test stream holds, as the bytes decoded."""
        wrapper = (self.out if stream == "out" else self.err).stream
        wrapper.flush()
        buffer: Any = wrapper.buffer
        return bytes(buffer.getvalue()).decode(self.out.encoding)

    # --- time --------------------------------------------------------------------------------

    def now(self) -> datetime:
        """The real now (UTC-aware): the one place below the entry point that reads the clock."""
        return self._clock()

    # --- writing -------------------------------------------------------------------------------

    def write(self, text: str, *, err: bool = False) -> None:
        stream = self.err if err else self.out
        stream.write(text if text.endswith("\n") else text + "\n")
        stream.flush()

    def say(self, text: str, *, err: bool = False) -> None:
        """A message wrapped at spaces to the terminal's width: a long Korean sentence that the
        terminal itself wrapped would break in the middle of a word (`직/접`)."""
        from smartstore_help.ui.term import Line, wrap

        self.write(
            "\n".join(part.plain for line in text.splitlines() for part in wrap(Line().add(line), self.columns)),
            err=err,
        )

    def lines(self, lines: Iterable[Line], *, err: bool = False) -> None:
        """`term.Line`s, styled only when colour is on."""
        color = self.color and not err
        self.write("".join(line.render(color) + "\n" for line in lines), err=err)

    def control(self, sequence: str) -> None:
        """A terminal control sequence (moving the cursor, erasing), sent only to a terminal."""
        if self.out.isatty():
            self.out.write(sequence)
            self.out.flush()

    def write_bytes(self, data: bytes) -> None:
        """A file format written exactly as given (the CSV export: UTF-8 with a BOM whatever the
        console's code page), failing the way text writes do."""
        stream: Any = self.out.stream
        self.out.flush()
        target = getattr(stream, "buffer", None)
        with _said_as_failures():
            if target is None:  # a text-only stream: the closest it can take
                stream.write(data.decode("utf-8"))
                stream.flush()
                return
            target.write(data)
            target.flush()

    def json(self, payload: object) -> None:
        import json

        from smartstore_help.core.textin import escape_invisible

        self.remind = False  # a script is reading
        self.write(escape_invisible(json.dumps(payload, ensure_ascii=False, indent=2)))

    def console(self, *, err: bool = False) -> Console:
        """A rich console on our stream: no styles at all without colour, our width, no markup guessing."""
        from rich.console import Console

        stream: Any = self.err if err else self.out  # a text stream in all but name
        return Console(
            file=stream,
            force_terminal=self.color,
            no_color=not self.color,
            color_system="auto" if self.color else None,
            width=self.columns,
            highlight=False,
            emoji=False,
            legacy_windows=False,
            soft_wrap=False,
        )

    def show(self, renderable: Any) -> None:
        """A rich renderable, without the spaces rich pads lines with (they break copy and paste)."""
        console = self.console()
        with console.capture() as captured:
            # not cropped: what is laid out never passes the width, but for an address longer than
            # the terminal, left whole on its own line for the terminal to wrap (it copies whole)
            console.print(renderable, crop=False)
        text = captured.get()
        self.out.write(_TRAILING_SPACE.sub(r"\1", text))
        self.out.flush()

    def read_all(self, limit: int | None = None) -> str:
        """Everything on standard input as text: UTF-8, or the Korean Windows code page (cp949, a
        superset of EUC-KR) when it is not UTF-8; bytes that are neither become U+FFFD. With a
        `limit` (in bytes), more than that raises `InputTooLong` as soon as it is read, so an
        endless input (`yes | …`) ends at once."""
        buffer = getattr(self.stdin, "buffer", None)
        if buffer is None:
            text = self.stdin.read() if limit is None else self.stdin.read(limit + 1)
            if limit is not None and len(text.encode("utf-8", "surrogatepass")) > limit:
                raise InputTooLong(limit)
            return text
        raw = buffer.read() if limit is None else buffer.read(limit + 1)
        if limit is not None and len(raw) > limit:
            raise InputTooLong(limit)
        for encoding in ("utf-8-sig", "cp949"):
            try:
                return str(raw.decode(encoding))
            except UnicodeDecodeError:
                continue
        return str(raw.decode("utf-8", "replace"))

    # --- asking --------------------------------------------------------------------------------

    def prompter(self, lang: Lang) -> Prompter:
        """Every question goes through this; tests hand in a scripted one."""
        if self._prompter is None:
            from smartstore_help.ui.prompter import QuestionaryPrompter

            self._prompter = QuestionaryPrompter(lang, self)
        return self._prompter


def color_wanted(is_tty: bool) -> bool:
    """NO_COLOR wins, then FORCE_COLOR, then a dumb terminal, then whether we write to a terminal."""
    if os.environ.get("NO_COLOR"):
        return False
    if _env_flag("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return is_tty
