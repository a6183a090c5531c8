"""The entry point and the one error boundary.

`main` runs the command tree without Click's own error handling and turns whatever ends the run
into one line in the seller's language and an `ExitCode`: Click's usage errors (translated here
from their types, since the Click bundled in typer carries English strings only), our own
`Failure`s, Ctrl-C, SIGTERM and SIGHUP, a closed pipe or a full disk, running out of memory; and,
as the last resort, anything else (a fault in ss-help: one line naming a crash file, exit 70; see
`ending`). Nothing below this needs a try/except to keep a traceback off the screen. Imports
happen inside `main` so that even a Ctrl-C pressed while Python is still loading the program ends
cleanly with 130.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # not `from typing import …`: nothing here may be loaded before `main` can catch Ctrl-C
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any, NoReturn

    from smartstore_help.core.model import Lang
    from smartstore_help.ui.iostreams import IOStreams

PROG = "ss-help"


def requested_lang(args: Sequence[str]) -> Lang:
    """The language asked for on the command line or in SS_HELP_LANG, before anything is parsed:
    help and usage errors happen before the options are."""
    chosen = os.environ.get("SS_HELP_LANG", "")
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            chosen = args[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg.partition("=")[2]
    return "en" if chosen.strip().lower() == "en" else "ko"


def main(args: Sequence[str] | None = None) -> NoReturn:
    sys.exit(run(list(sys.argv[1:] if args is None else args)))


def run(args: list[str], io: IOStreams | None = None) -> int:
    lang = requested_lang(args)
    previous: dict[int, Any] = {}
    try:
        from smartstore_help.cli import ending

        previous = ending.end_on_signals()
        return _run(args, io, lang)
    except KeyboardInterrupt:  # pressed before the boundary was in place
        return 130
    finally:
        if previous:
            ending.restore_handlers(previous)


def _run(args: list[str], io: IOStreams | None, lang: Lang) -> int:
    try:
        from smartstore_help.cli import tree as commands
        from smartstore_help.ui.iostreams import IOStreams

        io = io or IOStreams.system()
        result = commands.build(lang, args).main(args, prog_name=PROG, standalone_mode=False, obj=io)
        code = result if isinstance(result, int) else 0
        if code == 130:  # typer turns Ctrl-C inside a command into Exit(130)
            return report(KeyboardInterrupt(), lang, io)
        if code == 0:
            from smartstore_help.cli.reminder import after_command

            after_command(io, lang)
        return code
    except BaseException as error:  # the boundary: everything ends here as one line and a code
        try:
            return report(error, lang, io, args)
        except KeyboardInterrupt:  # pressed again while the first ending was being said
            return 130
        except BaseException as again:  # saying it failed as well: the exit code is all that is left
            signum = getattr(again, "signum", None)
            return 128 + signum if isinstance(signum, int) else 70


def report(error: BaseException, lang: Lang, io: IOStreams | None, args: Sequence[str] = ()) -> int:
    """Say what ended the run, once, and give its exit code."""
    from smartstore_help.core.errors import ExitCode, Failure, Finished, OutputClosed, Terminated
    from smartstore_help.core.i18n import t

    if isinstance(error, Finished):  # help or the version: not an error at all
        try:
            if error.text:
                _say(error.text, io, err=False)
        except Failure as failed:  # a reader gone away, a full disk, a closed stdout
            return report(failed, lang, io)
        return ExitCode.OK
    if isinstance(error, SystemExit):
        return error.code if isinstance(error.code, int) else ExitCode.USAGE
    if isinstance(error, OutputClosed):
        _silence_stdout()
        return error.code
    prefix = t("error.prefix", lang)
    from smartstore_help.cli import ending

    if isinstance(error, Terminated):  # SIGTERM, SIGHUP: as Ctrl-C, with the signal's own code
        ending.restore_terminal(io)
        message, code = t("interrupted", lang), 128 + error.signum
    elif isinstance(error, KeyboardInterrupt | EOFError) or type(error).__name__ == "Abort":
        ending.restore_terminal(io)
        message, code = t("interrupted", lang), ExitCode.INTERRUPTED
    elif isinstance(error, Failure):
        message, code = error.describe(lang), error.code
        if code == ExitCode.USAGE:
            message = "\n".join(f"{prefix}: {line}" for line in message.splitlines())
    elif (usage := _usage_error(error, lang, args)) is not None:
        message, code = f"{prefix}: {usage}", ExitCode.USAGE
    elif isinstance(error, OSError):  # the surroundings: a folder we may not read, a device gone
        where = f"{error.filename}: " if error.filename else ""
        message, code = f"{prefix}: {where}{error.strerror or error}", ExitCode.USAGE
    elif isinstance(error, MemoryError):  # the surroundings too: a tight memory limit
        message, code = f"{prefix}: {t('error.memory', lang)}", ExitCode.USAGE
    else:
        return ending.crashed(error, lang, io, _say)
    import contextlib

    with contextlib.suppress(Exception):  # if even stderr is gone, there is nowhere left to complain to
        _say(message, io, err=True)
    return code


def _say(message: str, io: IOStreams | None, *, err: bool, plain_text: bool = True) -> None:
    from smartstore_help.ui.render import plain

    text = "\n".join(plain(line) if plain_text else line for line in message.splitlines())
    if io is not None:
        io.write(text, err=err)
        return
    stream = sys.stderr if err else sys.stdout
    if stream is not None:  # a stream closed before the program started is None
        print(text, file=stream, flush=True)


def _silence_stdout() -> None:
    """After the reader went away, the interpreter's last flush must not print a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # AttributeError: no stdout at all
        pass


def _usage_error(error: BaseException, lang: Lang, args: Sequence[str] = ()) -> str | None:
    """Click's usage errors, said in the seller's language."""
    import difflib
    import re

    from smartstore_help.core.i18n import t
    from smartstore_help.ui.typer_hooks import click_errors

    if not isinstance(error, click_errors.UsageError):
        return None
    ctx: Any = error.ctx
    where = ctx.command_path if ctx is not None else PROG
    helping = t("usage.help", lang, command=where)
    if isinstance(error, click_errors.NoSuchOption):
        close = difflib.get_close_matches(error.option_name, sorted(error.possibilities or ()) or _options(ctx), 1)
        hint = t("usage.did_you_mean", lang, value=close[0]) if close else ""
        return t("usage.no_such_option", lang, option=error.option_name, hint=hint) + " " + helping
    if isinstance(error, click_errors.BadOptionUsage):
        if "requires" not in error.message:
            return t("usage.takes_no_value", lang, option=error.option_name) + " " + helping
        where, values = _option_values(args, error.option_name, lang) if ctx is None else (where, [])
        helping = t("usage.help", lang, command=where)
        if values:
            return t("usage.needs_one_of", lang, option=error.option_name, values=", ".join(values)) + " " + helping
        return t("usage.needs_value", lang, option=error.option_name) + " " + helping
    if isinstance(error, click_errors.MissingParameter):
        return t("usage.missing", lang, param=_param_name(error)) + " " + helping
    if isinstance(error, click_errors.BadParameter):
        number = re.match(r"(.+?) is not a valid (?:int|integer)\b", error.message)
        if number:
            return t("usage.not_a_number", lang, param=_param_name(error), value=number[1]) + " " + helping
        return t("usage.bad_value", lang, param=_param_name(error), value=error.message) + " " + helping
    command = re.match(r"No such command '(.*?)'\.", error.message)
    if command and command[1] in POINTERS:  # a command people look for that lives elsewhere
        what, instead = POINTERS[command[1]]
        return t("usage.use_instead", lang, name=command[1], what=t(what, lang), command=instead)
    if command:
        names = sorted(getattr(ctx.command, "commands", {})) if ctx is not None else []
        close = difflib.get_close_matches(command[1], names, 1)
        hint = (
            t("usage.did_you_mean", lang, value=close[0])
            if close
            else t("usage.commands", lang, names=", ".join(names))
        )
        return t("usage.no_such_command", lang, name=command[1], hint=hint)
    extra = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", error.message)
    if extra:
        return t("usage.extra", lang, args=extra[1]) + " " + helping
    return f"{error.message} {helping}"


# Commands sellers type that do not exist, and the one that does what they want.
POINTERS = {
    name: ("usage.feedback", f'{PROG} case close ID --resolved|--unresolved --rating 1-5 --feedback "…"')
    for name in ("feedback", "rate", "rating", "review")
}


def _option_values(args: Sequence[str], option: str, lang: Lang) -> tuple[str, list[str]]:
    """The command an option missing its value belongs to (Click does not say when the value is
    missing at the end of the line), and the values it takes when they can be listed."""
    from smartstore_help.cli import tree

    command = tree.build(lang, args)
    path, skip = [PROG], False
    for word in args:
        if skip or word.startswith("-"):
            skip = word in tree.ROOT_OPTIONS_WITH_VALUE
            continue
        sub = getattr(command, "commands", {}).get(word)
        if sub is not None:
            command, path = sub, [*path, word]
    param = next((p for p in command.params if option in (*p.opts, *p.secondary_opts)), None)
    values: list[str] = []
    if param is not None:
        from smartstore_help.ui.typer_hooks import values_of

        try:
            values = values_of(param, command)
        except Exception:  # a completer that cannot answer here: the message simply lists no values
            values = []
    return " ".join(path), values


def _param_name(error: Any) -> str:
    param = error.param
    if param is None:
        return str(error.param_hint or "")
    return " / ".join(param.opts) if getattr(param, "param_type_name", "") == "option" else param.human_readable_name


def _options(ctx: Any) -> list[str]:
    if ctx is None:
        return []
    return sorted(
        opt
        for param in ctx.command.get_params(ctx)
        for opt in (*param.opts, *param.secondary_opts)
        if opt.startswith("-")
    )
