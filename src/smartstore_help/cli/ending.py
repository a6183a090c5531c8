"""How a run ends when something outside the command ends it: SIGTERM and SIGHUP (the terminal
put back as it was), and a fault in ss-help itself (one line and a crash file). Loaded by the
error boundary in `main` only when a run starts, so the entry point itself stays small.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from smartstore_help.core.model import Lang
    from smartstore_help.ui.iostreams import IOStreams


class Say(Protocol):
    def __call__(self, message: str, io: IOStreams | None, *, err: bool, plain_text: bool = True) -> None: ...


# The terminal as it was when the program started (termios attributes of standard input), so that
# a run ended by a signal in the middle of a question puts echo and line editing back.
_terminal_at_start: list[Any] | None = None
_RESET_SCREEN = "\x1b[?2004l\x1b[?25h"  # bracketed paste off, cursor shown


def end_on_signals() -> dict[int, Any]:
    """SIGTERM and SIGHUP raise `Terminated` in the main thread, so they end the run through the
    boundary (terminal restored, transactions rolled back) instead of killing it mid-write."""
    import signal

    global _terminal_at_start
    previous: dict[int, Any] = {}
    try:
        if sys.stdin is not None and sys.stdin.isatty():
            import termios

            _terminal_at_start = termios.tcgetattr(sys.stdin.fileno())
    except (ImportError, OSError, ValueError):
        _terminal_at_start = None

    def ended(signum: int, frame: object) -> None:
        from smartstore_help.core.errors import Terminated

        # During a question the handler runs inside prompt_toolkit's event loop, which would catch
        # the exception and wait for Enter ("Press ENTER to continue..."): end the question instead,
        # and let it raise where the question was asked.
        current = sys.modules.get("prompt_toolkit.application.current")
        app = current.get_app_or_none() if current is not None else None
        if app is not None and app.is_running and not app.future.done():
            app.exit(exception=Terminated(signum))
            return
        raise Terminated(signum)

    import contextlib

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        # not in the main thread (an embedding program): the handlers are left as they are
        if number is not None:
            with contextlib.suppress(ValueError, OSError):
                previous[number] = signal.signal(number, ended)
    return previous


def restore_handlers(previous: dict[int, Any]) -> None:
    import contextlib
    import signal

    for number, handler in previous.items():
        with contextlib.suppress(ValueError, OSError, TypeError):
            signal.signal(number, handler)


def restore_terminal(io: IOStreams | None) -> None:
    """Echo, line editing and the cursor as they were, bracketed paste off: whatever a question or
    a progress bar was doing when the run was ended."""
    import contextlib

    if _terminal_at_start is not None and sys.stdin is not None:
        with contextlib.suppress(Exception):
            import termios

            termios.tcsetattr(sys.stdin.fileno(), termios.TCSANOW, _terminal_at_start)
    with contextlib.suppress(Exception):
        if io is not None:
            io.control(_RESET_SCREEN)
        elif sys.stdout is not None and sys.stdout.isatty():
            sys.stdout.write(_RESET_SCREEN)
            sys.stdout.flush()


def crashed(error: BaseException, lang: Lang, io: IOStreams | None, say: Say) -> int:
    """The last resort: a fault in ss-help itself. One line naming a crash file that holds the
    traceback (`SS_HELP_DEBUG=1` prints the traceback instead), and EX_SOFTWARE."""
    import contextlib
    import traceback

    from smartstore_help.core.errors import ExitCode
    from smartstore_help.core.i18n import t

    trace = "".join(traceback.format_exception(error))
    if os.environ.get("SS_HELP_DEBUG", "") not in ("", "0"):
        with contextlib.suppress(Exception):
            say(trace, io, err=True, plain_text=False)
        return ExitCode.SOFTWARE
    path = _crash_file(trace)
    message = t("error.unexpected", lang, path=path) if path else t("error.unexpected_no_file", lang)
    with contextlib.suppress(Exception):
        say(message, io, err=True)
    return ExitCode.SOFTWARE


# Words of the command line that are never the seller's own text: kept in a crash file, the rest is not.
_COMMAND_WORDS = frozenset(
    [
        "hours",
        "channels",
        "data",
        "check",
        "faq",
        "search",
        "list",
        "show",
        "contact",
        "case",
        "note",
        "close",
        "follow-up",
        "due",
        "stats",
        "export",
        "delete",
        "completion",
        "paths",
        "bash",
        "zsh",
        "fish",
        "powershell",
        "ko",
        "en",
    ]
)


def _crash_file(trace: str) -> str | None:
    """Write the traceback, the version, the command (without the seller's text) and the time to
    a new owner-only file in the cache folder; its path, or None when it cannot be written."""
    try:
        from datetime import UTC, datetime

        from smartstore_help import __version__
        from smartstore_help.store.places import cache_dir

        now = datetime.now(UTC)
        argv = [
            arg if arg in _COMMAND_WORDS or (arg.startswith("-") and "=" not in arg) else "…" for arg in sys.argv[1:]
        ]
        folder = cache_dir()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        for number in range(100):  # a new file each time, never through a link someone placed
            path = folder / f"crash-{now:%Y%m%d-%H%M%S}-{os.getpid()}{f'-{number}' if number else ''}.txt"
            try:
                descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                break
            except FileExistsError:
                continue
        else:
            return None
        with os.fdopen(descriptor, "w", encoding="utf-8", errors="backslashreplace") as file:
            file.write(
                f"ss-help {__version__}\npython {sys.version.split()[0]} on {sys.platform}\n"
                f"time {now.isoformat(timespec='seconds')}\ncommand ss-help {' '.join(argv)}\n\n{trace}"
            )
        return str(path)
    except Exception:  # nowhere to write it: the line says so
        return None
