"""What every command shares: the Typer app, the global options and the settings made from them.

The commands themselves live in the other modules of `cli`; the error boundary is in `cli.main`.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple, TypeVar
from zoneinfo import ZoneInfo

import typer

from smartstore_help import __version__
from smartstore_help.cli import completers
from smartstore_help.core import schedule
from smartstore_help.core.errors import Finished, UserError
from smartstore_help.core.i18n import t
from smartstore_help.core.model import Channel, ChannelData, Lang
from smartstore_help.store import data

if TYPE_CHECKING:
    from smartstore_help.core.search import Index
    from smartstore_help.ui.iostreams import IOStreams

__all__ = ["UserError"]
T = TypeVar("T")

# Help texts come from i18n (see helptext.localise); -h works everywhere.
CONTEXT = {"help_option_names": ["-h", "--help"]}
app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings=CONTEXT,
)
data_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, context_settings=CONTEXT)
app.add_typer(data_app, name="data")

LangOpt = Annotated[
    str | None, typer.Option("--lang", envvar="SS_HELP_LANG", metavar="ko|en", autocompletion=completers.lang)
]
DataDirOpt = Annotated[Path | None, typer.Option("--data-dir", envvar="SS_HELP_DATA_DIR", metavar="DIR")]
AtOpt = Annotated[str | None, typer.Option("--at", metavar="TIME")]
JsonOpt = Annotated[bool, typer.Option("--json")]
NoPagerOpt = Annotated[bool, typer.Option("--no-pager")]


class Settings(NamedTuple):
    lang: Lang
    data_dir: Path | None
    io: IOStreams

    def channels(self) -> ChannelData:
        return self._load(data.CHANNELS_FILE, "channels", lambda path: data.channels_from_bytes, ChannelData)

    def faq_index(self) -> Index:
        from smartstore_help.core.search import Index, build_index

        def builder(path: Path) -> Callable[[bytes, str], Index]:
            return lambda raw, file: build_index(data.faq_from_bytes(raw, file, data.is_shipped(path)))

        return self._load(data.FAQ_FILE, "faq-index", builder, Index)

    def _load(self, name: str, kind: str, builder: Callable[[Path], Callable[[bytes, str], T]], expected: type[T]) -> T:
        """The data file `name` in use, built (through the cache) into `expected`. An installed
        update that no longer validates (this version of ss-help is stricter) is set aside for the
        built-in file; `data status` says so."""
        from smartstore_help.store import cache

        path = data.data_file(name, self.data_dir)
        try:
            return cache.load(path, data.read_bytes(path), kind, builder(path), expected)
        except data.DataError:
            if data.origin(path) != "update":
                raise
        data.reject(path)
        path = data.data_file(name, self.data_dir)
        return cache.load(path, data.read_bytes(path), kind, builder(path), expected)

    def moment(self, at: str | None, tz: ZoneInfo) -> datetime:
        """Now in `tz`, or the moment `--at` names."""
        now = self.io.now().astimezone(tz)
        if at is None:
            return now
        from smartstore_help.core import timeparse  # its patterns cost a start that asks no time

        try:
            return timeparse.parse_at(at, now, tz)
        except timeparse.TimeOutOfRange as error:
            raise UserError(
                t("error.option", self.lang, option="--at", message=timeparse.explain(error, now, tz, self.lang))
            ) from None
        except timeparse.BadTime:
            raise UserError(t("error.bad_at", self.lang, value=at)) from None


def settings(ctx: typer.Context, lang: str | None, data_dir: Path | None) -> Settings:
    """The validated global options, from this command's flags or the root's."""
    parent: Settings | None = ctx.find_object(Settings)
    chosen = lang or (parent.lang if parent else None) or "ko"
    if chosen not in ("ko", "en"):
        raise UserError(_bad_lang(chosen))
    assert parent is not None
    return Settings(chosen, data_dir or parent.data_dir, parent.io)  # type: ignore[arg-type]


def paged(cfg: Settings, no_pager: bool) -> AbstractContextManager[None]:
    """Long output through the pager on a terminal, unless this command's --no-pager says not."""
    if no_pager:
        cfg.io.use_pager = False
    return cfg.io.paged()


def exclusive(lang: Lang, **flags: object) -> None:
    """Two flags that contradict each other are an error naming both, never a silent choice."""
    given = [name for name, value in flags.items() if value not in (None, False)]
    if len(given) > 1:
        raise UserError(t("error.conflict", lang, flags=", ".join(given)))


def _bad_lang(value: str) -> str:
    """Said in both languages: the one asked for is the one that is not known."""
    return t("error.bad_lang", "ko", value=value) + " / " + t("error.bad_lang", "en", value=value)


def _version(value: bool) -> None:
    if value:
        raise Finished(f"ss-help {__version__}")


@app.callback()
def root(
    ctx: typer.Context,
    lang: LangOpt = None,
    data_dir: DataDirOpt = None,
    ascii_only: Annotated[bool, typer.Option("--ascii")] = False,
    no_pager: NoPagerOpt = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
) -> None:
    from smartstore_help.ui.iostreams import IOStreams

    io = ctx.obj if isinstance(ctx.obj, IOStreams) else IOStreams.system()
    if ascii_only:
        io.draw_ascii_symbols()
    if no_pager:
        io.use_pager = False
    if lang is not None and lang not in ("ko", "en"):
        raise UserError(_bad_lang(lang))
    ctx.obj = Settings(lang or "ko", data_dir, io)  # type: ignore[arg-type]


def holidays_for(now: datetime) -> schedule.Holidays:
    from smartstore_help.store.holiday_table import korean_holidays

    return korean_holidays((now.year - 1, now.year, now.year + 1))


def pick_channel(cfg: ChannelData, channel_id: str, lang: Lang) -> Channel:
    known = [c.id for c in cfg.channels]
    if channel_id not in known:
        raise UserError(t("error.unknown_channel", lang, value=channel_id, known=", ".join(known)))
    return cfg.channel(channel_id)
