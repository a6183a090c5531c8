"""What every command shares: the Typer app, global options, settings, the clock and errors.

The shell is the one place that reads the real clock and turns typed errors into a message
and an exit code; the commands themselves live in the `cmd_*` modules.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple, NoReturn, ParamSpec, TypeVar
from zoneinfo import ZoneInfo

import typer

from smartstore_help import __version__, data, schedule, timefmt
from smartstore_help.i18n import t
from smartstore_help.model import Channel, ChannelData, Lang

if TYPE_CHECKING:
    from smartstore_help.search import Index

P = ParamSpec("P")
R = TypeVar("R")
EXIT_USAGE, EXIT_INTERRUPTED = 2, 130

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="스마트스토어 판매자 고객센터 도우미 · SmartStore seller support helper.")
data_app = typer.Typer(no_args_is_help=True, help="데이터 파일 검사 · Validate the data files.")
app.add_typer(data_app, name="data")

LangOpt = Annotated[str | None, typer.Option("--lang", envvar="SS_HELP_LANG", metavar="ko|en",
                                             help="화면 언어 · Language (ko, en).")]
DataDirOpt = Annotated[Path | None, typer.Option("--data-dir", envvar="SS_HELP_DATA_DIR", metavar="DIR",
                                                 help="channels.yaml / faq.yaml 을 대신할 폴더 · "
                                                      "Folder whose YAML files replace the built-in ones.")]
AtOpt = Annotated[str | None, typer.Option("--at", metavar="TIME",
                                           help="다른 시각 기준 (KST, ISO 8601 또는 HH:MM) · "
                                                "Plan for another moment (KST, ISO 8601 or HH:MM).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="JSON 출력 · Print JSON for scripts.")]


class UserError(Exception):
    """A mistake in what the user typed or gave us: one line, exit 2."""


class Settings(NamedTuple):
    lang: Lang
    data_dir: Path | None

    def channels(self) -> ChannelData:
        from smartstore_help import cache

        path = data.data_file(data.CHANNELS_FILE, self.data_dir)
        return cache.load(path, data.read_bytes(path), "channels", data.channels_from_bytes, ChannelData)

    def faq_index(self) -> Index:
        from smartstore_help import cache
        from smartstore_help.search import Index, build_index

        def build(raw: bytes, file: str) -> Index:
            return build_index(data.faq_from_bytes(raw, file))

        path = data.data_file(data.FAQ_FILE, self.data_dir)
        return cache.load(path, data.read_bytes(path), "faq-index", build, Index)


def clock() -> datetime:
    """The real now. Everything below the CLI receives it as a value."""
    return datetime.now(UTC)


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    from smartstore_help.render import plain

    print(plain(message), file=sys.stderr)
    raise typer.Exit(code)


def guess_lang(kwargs: Mapping[str, object] | None = None) -> Lang:
    """The language to complain in, before (or without) validated settings."""
    ctx = (kwargs or {}).get("ctx")
    parent = ctx.find_object(Settings) if isinstance(ctx, typer.Context) else None
    chosen = (kwargs or {}).get("lang") or (parent.lang if parent else None) or os.environ.get("SS_HELP_LANG")
    return "en" if chosen == "en" else "ko"


def handles_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Typed errors from the core become one clear line and exit 2; Ctrl-C becomes exit 130."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except data.DataError as error:
            lang = guess_lang(kwargs)
            prefix = t("error.prefix", lang)
            fail("\n".join(f"{prefix}: {p.render(lang)}" for p in error.problems))
        except UserError as error:
            fail(f"{t('error.prefix', guess_lang(kwargs))}: {error}")
        except KeyboardInterrupt:
            fail(t("interrupted", guess_lang(kwargs)), EXIT_INTERRUPTED)

    return wrapper


def settings(ctx: typer.Context, lang: str | None, data_dir: Path | None) -> Settings:
    parent: Settings | None = ctx.find_object(Settings)
    chosen = lang or (parent.lang if parent else None) or "ko"
    if chosen not in ("ko", "en"):
        raise UserError(_bad_lang(chosen))
    return Settings(chosen, data_dir or (parent.data_dir if parent else None))  # type: ignore[arg-type]


def _bad_lang(value: str) -> str:
    """Said in both languages: the one asked for is the one that is not known."""
    return t("error.bad_lang", "ko", value=value) + " / " + t("error.bad_lang", "en", value=value)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ss-help {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    lang: LangOpt = None,
    data_dir: DataDirOpt = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="버전 · Show the version.")] = False,
) -> None:
    """스마트스토어 판매자 고객센터 도우미 · SmartStore seller support helper."""
    ctx.obj = Settings(lang if lang in ("ko", "en") else "ko", data_dir)  # type: ignore[arg-type]
    if lang is not None and lang not in ("ko", "en"):
        fail(_bad_lang(lang))


def moment(at: str | None, tz: ZoneInfo, lang: Lang) -> datetime:
    now = clock().astimezone(tz)
    if at is None:
        return now
    try:
        return timefmt.parse_at(at, now, tz)
    except timefmt.BadTime:
        raise UserError(t("error.bad_at", lang, value=at)) from None


def holidays_for(now: datetime) -> schedule.Holidays:
    from smartstore_help.holiday_table import korean_holidays

    return korean_holidays((now.year - 1, now.year, now.year + 1))


def pick_channel(cfg: ChannelData, channel_id: str, lang: Lang) -> Channel:
    known = [c.id for c in cfg.channels]
    if channel_id not in known:
        raise UserError(t("error.unknown_channel", lang, value=channel_id, known=", ".join(known)))
    return cfg.channel(channel_id)


def print_json(payload: object) -> None:
    import json

    typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))


