"""Exit codes and the errors the command line reports as one line.

Everything that can go wrong for a user (a typo in a flag, a broken data file, an unwritable
folder, a closed pipe) is raised as a `Failure` somewhere below the command line and said once,
in the chosen language, by the error boundary in `cli`.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from smartstore_help.core.model import Lang


class ExitCode(IntEnum):
    OK = 0
    NO = 1  # a negative answer: `hours --check` found the channel closed
    USAGE = 2  # the user's input, the data or the surroundings are wrong
    SOFTWARE = 70  # a fault in ss-help itself (EX_SOFTWARE): the traceback is in a crash file
    INTERRUPTED = 130  # Ctrl-C
    PIPE_CLOSED = 141  # the reader of our output went away (128 + SIGPIPE, as POSIX shells report)


class Failure(Exception):
    """An error with a message for the seller; `describe(lang)` is what the boundary prints."""

    code = ExitCode.USAGE

    def describe(self, lang: Lang) -> str:
        return str(self)


class UserError(Failure):
    """A mistake in what the user typed or gave us; the message is already in their language."""


class OutputClosed(Failure):
    """Standard output was closed by its reader (`ss-help faq list | head -1`): nothing to say."""

    code = ExitCode.PIPE_CLOSED


class OutputFailed(Failure):
    """Standard output cannot be written (a full disk, /dev/full)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror or str(error))
        self.reason = error.strerror or str(error)

    def describe(self, lang: Lang) -> str:
        from smartstore_help.core.i18n import t

        return t("error.output", lang, why=self.reason)


class StreamClosed(Failure):
    """A standard stream that is not there at all (`ss-help hours >&-`, `case note 1 <&-`)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.stream = stream

    def describe(self, lang: Lang) -> str:
        from smartstore_help.core.i18n import t

        return t("error.stream_closed", lang, stream=self.stream)


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: the run ends as Ctrl-C ends it, with 128 + the signal's number.
    A BaseException, like KeyboardInterrupt, so that no `except Exception` holds it up."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class Finished(Exception):
    """The run is complete with `text` for standard output (help, the version)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class UpdateFailed(Failure):
    """`ss-help data update` could not fetch, verify or install a bundle: nothing changed.

    `key` is the message of `i18n` saying why; a value that is a `Text` is said in the run's language."""

    def __init__(self, key: str, /, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values

    def describe(self, lang: Lang) -> str:
        from smartstore_help.core.i18n import t
        from smartstore_help.core.model import Text

        said = {k: v(lang) if isinstance(v, Text) else v for k, v in self.values.items()}
        return t("update.failed", lang, why=t(self.key, lang, **said))
