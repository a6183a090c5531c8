"""The command line: parses flags and environment, calls the core, hands results to render.

The one place that reads the real clock and turns typed errors into a message and exit code.
"""

from __future__ import annotations

import functools
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, NoReturn, ParamSpec, TypeVar
from zoneinfo import ZoneInfo

import typer

from smartstore_help import __version__, data, schedule, timefmt
from smartstore_help.i18n import t
from smartstore_help.model import ChannelData, Lang

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


@dataclass
class Settings:
    lang: Lang
    data_dir: Path | None

    def channels(self) -> ChannelData:
        from smartstore_help import cache

        path = data.data_file(data.CHANNELS_FILE, self.data_dir)
        return cache.load(path, data.read_text(path), "channels", data.channels_from_text, ChannelData)


def clock() -> datetime:
    """The real now. Everything below the CLI receives it as a value."""
    return datetime.now(UTC)


def _console(stderr: bool = False) -> Any:
    from smartstore_help.render import make_console

    return make_console(stderr)


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    from smartstore_help.render import plain

    print(plain(message), file=sys.stderr)
    raise typer.Exit(code)


def _guess_lang() -> Lang:
    return "en" if "--lang=en" in sys.argv or (
        "--lang" in sys.argv[:-1] and sys.argv[sys.argv.index("--lang") + 1] == "en"
    ) or os.environ.get("SS_HELP_LANG") == "en" else "ko"


def handles_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Typed errors from the core become one clear line and exit 2; Ctrl-C becomes exit 130."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except data.DataError as error:
            lang = _guess_lang()
            prefix = t("error.prefix", lang)
            fail("\n".join(f"{prefix}: {p.render(lang)}" for p in error.problems))
        except UserError as error:
            fail(f"{t('error.prefix', _guess_lang())}: {error}")
        except KeyboardInterrupt:
            fail(t("interrupted", _guess_lang()), EXIT_INTERRUPTED)

    return wrapper


def settings(ctx: typer.Context, lang: str | None, data_dir: Path | None) -> Settings:
    parent: Settings | None = ctx.find_object(Settings)
    chosen = lang or (parent.lang if parent else None) or "ko"
    if chosen not in ("ko", "en"):
        raise UserError(t("error.bad_lang", "ko", value=chosen) + " / " + t("error.bad_lang", "en", value=chosen))
    return Settings(chosen, data_dir or (parent.data_dir if parent else None))  # type: ignore[arg-type]


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
        fail(t("error.bad_lang", "ko", value=lang) + " / " + t("error.bad_lang", "en", value=lang))


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


def pick_channel(cfg: ChannelData, channel_id: str, lang: Lang) -> Any:
    known = [c.id for c in cfg.channels]
    if channel_id not in known:
        raise UserError(t("error.unknown_channel", lang, value=channel_id, known=", ".join(known)))
    return cfg.channel(channel_id)


@app.command()
@handles_errors
def hours(
    ctx: typer.Context,
    at: AtOpt = None,
    channel: Annotated[str | None, typer.Option("--channel", "-c", metavar="ID",
                                                help="한 채널만 (chat, phone, faq, email) · One channel only.")] = None,
    week: Annotated[bool, typer.Option("--week", help="7일 운영 시간표 · A 7-day picture of the hours.")] = False,
    wait: Annotated[bool, typer.Option("--wait", help="열릴 때까지 카운트다운 후 알림 (기본 phone) · "
                                                      "Count down until it opens, then ring.")] = False,
    check: Annotated[str | None, typer.Option("--check", metavar="ID",
                                              help="열려 있으면 종료 코드 0, 아니면 1 · "
                                                   "Exit 0 if open now, 1 if not.")] = None,
    as_json: JsonOpt = False,
    lang: LangOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """지금 상담이 열려 있는지, 아니면 언제 열리는지 · Is support open now, and if not, when?"""
    cfg_ = settings(ctx, lang, data_dir)
    cfg, lng = cfg_.channels(), cfg_.lang
    tz = ZoneInfo(cfg.timezone)
    if wait and at is not None:
        raise UserError(t("error.wait_at", lng))
    now = moment(at, tz, lng)
    chosen = [pick_channel(cfg, i, lng) for i in (check, channel) if i is not None]
    channels = chosen[-1:] if chosen else list(cfg.channels)
    hol = holidays_for(now)

    def status_of(ch: Any) -> schedule.Status:
        return schedule.status(ch.schedule, now, hol, tz)

    if check is not None:
        ch = chosen[0]
        st = status_of(ch)
        from smartstore_help.render import status_cells

        state, when = status_cells(ch, st, now, tz, lng)
        why = " · ".join(part for part in (state.plain.split(" · ", 1)[-1], when.plain) if part)
        typer.echo(t("check.open" if st.state == "open" else "check.closed", lng, channel=ch.name(lng), why=why))
        raise typer.Exit(0 if st.state == "open" else 1)
    if wait:
        _wait(pick_channel(cfg, channel or "phone", lng), hol, tz, lng)
        return
    if as_json:
        from smartstore_help import jsonout

        rows = [(ch, status_of(ch)) for ch in channels]
        _print_json(jsonout.hours(now, cfg.timezone, rows, lng))
        return
    from smartstore_help import render, term

    if week:
        ch = channels[0] if channel else next((c for c in cfg.channels if c.id == "phone"), channels[0])
        term.write(render.week_view(ch, schedule.week(ch.schedule, now, hol, tz), now, tz, lng))
        return
    rows3 = [(ch, status_of(ch), schedule.status(ch.answered_during, now, hol, tz) if ch.answered_during else None)
             for ch in channels]
    term.write(render.hours_view(cfg, rows3, now, lng))


def _wait(channel: Any, hol: schedule.Holidays, tz: ZoneInfo, lang: Lang) -> None:
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    start = clock().astimezone(tz)
    status = schedule.status(channel.schedule, start, hol, tz)
    name = channel.name(lang)
    if status.state == "open":
        typer.echo(t("wait.already", lang, channel=name) + "\a")
        return
    if status.next_open is None:
        raise UserError(t("wait.never", lang, channel=name))
    target = status.next_open
    total = (target - start).total_seconds()
    when = timefmt.day_and_time(target, start, tz, lang)
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[left]}"),
                  TimeRemainingColumn(), console=_console(), transient=True) as bar:
        task = bar.add_task(t("wait.waiting", lang, channel=name, when=when), total=total,
                            left=timefmt.until(target, start, lang))
        while (now := clock().astimezone(tz)) < target:
            bar.update(task, completed=total - (target - now).total_seconds(),
                       left=timefmt.until(target, now, lang))
            time.sleep(min(1.0, max(0.05, (target - now).total_seconds())))
    typer.echo(t("wait.done", lang, channel=name) + "\a")


@app.command("channels")
@handles_errors
def channels_cmd(ctx: typer.Context, lang: LangOpt = None, data_dir: DataDirOpt = None) -> None:
    """채널 비교: 연락처, 운영 시간, 장단점 · The channels side by side."""
    cfg_ = settings(ctx, lang, data_dir)
    from smartstore_help import render

    _console().print(render.channels_view(cfg_.channels(), cfg_.lang))


@data_app.command("check")
@handles_errors
def data_check(ctx: typer.Context, lang: LangOpt = None, data_dir: DataDirOpt = None) -> None:
    """YAML 데이터를 검사해 모든 문제를 파일:줄 과 함께 보여 줍니다 · Validate the data files."""
    cfg_ = settings(ctx, lang, data_dir)
    problems: list[data.Problem] = []
    lines = []
    for name, loader in ((data.CHANNELS_FILE, data.load_channels), (data.FAQ_FILE, data.load_faq)):
        path = data.data_file(name, cfg_.data_dir)
        origin = t("data.builtin" if path.parent == data.builtin_dir() else "data.user", cfg_.lang)
        lines.append(f"  {path} ({origin})")
        problems += data.all_problems(functools.partial(loader, cfg_.data_dir))
    from smartstore_help import render, term

    if problems:
        term.write(render.problems_view(problems, cfg_.lang), sys.stderr)
        raise typer.Exit(EXIT_USAGE)
    typer.echo(t("data.valid", cfg_.lang) + ":\n" + "\n".join(lines))


def _print_json(payload: object) -> None:
    import json

    typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:  # pressed before a command took over (while starting up)
        print(t("interrupted", _guess_lang()), file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
