"""`ss-help hours`, `ss-help channels` and `ss-help data check`."""

from __future__ import annotations

import functools
import sys
import time
from typing import Annotated
from zoneinfo import ZoneInfo

import typer

from smartstore_help import data, schedule, timefmt
from smartstore_help.i18n import t
from smartstore_help.model import Channel, Lang
from smartstore_help.shell import (
    EXIT_USAGE,
    AtOpt,
    DataDirOpt,
    JsonOpt,
    LangOpt,
    UserError,
    app,
    clock,
    data_app,
    handles_errors,
    holidays_for,
    moment,
    pick_channel,
    print_json,
    settings,
)


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

    def status_of(ch: Channel) -> schedule.Status:
        return schedule.status(ch.schedule, now, hol, tz)

    if check is not None:
        ch = chosen[0]
        st = status_of(ch)
        from smartstore_help.render import reason_label, status_cells

        _, when = status_cells(ch, st, now, tz, lng)
        why = " · ".join(part for part in (reason_label(st, lng), when.plain) if part)
        typer.echo(t("check.open" if st.state == "open" else "check.closed", lng, channel=ch.name(lng), why=why))
        raise typer.Exit(0 if st.state == "open" else 1)
    if wait:
        _wait(pick_channel(cfg, channel or "phone", lng), hol, tz, lng)
        return
    if as_json:
        from smartstore_help import jsonout

        print_json(jsonout.hours(now, cfg.timezone, [(ch, status_of(ch)) for ch in channels], lng))
        return
    from smartstore_help import render, term

    if week:
        ch = channels[0] if channel else next((c for c in cfg.channels if c.id == "phone"), channels[0])
        term.write(render.week_view(ch, schedule.week(ch.schedule, now, hol, tz), now, tz, lng))
        return
    rows = [(ch, status_of(ch), schedule.answering(ch, now, hol, tz)) for ch in channels]
    term.write(render.hours_view(cfg, rows, now, lng))


def _wait(channel: Channel, hol: schedule.Holidays, tz: ZoneInfo, lang: Lang) -> None:
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    from smartstore_help.render import make_console

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
                  TimeRemainingColumn(), console=make_console(), transient=True) as bar:
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

    render.make_console().print(render.channels_view(cfg_.channels(), cfg_.lang))


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


