"""`ss-help hours`: is each channel open now (KST), and if not, why and when it opens."""

from __future__ import annotations

import time
from typing import Annotated, NamedTuple
from zoneinfo import ZoneInfo

import typer

from smartstore_help.cli import completers
from smartstore_help.cli.app import (
    AtOpt,
    DataDirOpt,
    JsonOpt,
    LangOpt,
    Settings,
    UserError,
    app,
    exclusive,
    holidays_for,
    pick_channel,
    settings,
)
from smartstore_help.core import schedule, timesay
from smartstore_help.core.errors import ExitCode
from smartstore_help.core.i18n import t
from smartstore_help.core.model import Channel, Lang


class HoursOptions(NamedTuple):
    at: str | None = None
    channel: str | None = None
    week: bool = False
    wait: bool = False
    check: str | None = None
    as_json: bool = False


@app.command()
def hours(
    ctx: typer.Context,
    at: AtOpt = None,
    channel: Annotated[
        str | None, typer.Option("--channel", "-c", metavar="ID", autocompletion=completers.channel)
    ] = None,
    week: Annotated[bool, typer.Option("--week")] = False,
    wait: Annotated[bool, typer.Option("--wait")] = False,
    check: Annotated[str | None, typer.Option("--check", metavar="ID", autocompletion=completers.channel)] = None,
    as_json: JsonOpt = False,
    lang: LangOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    cfg = settings(ctx, lang, data_dir)
    code = run_hours(cfg, HoursOptions(at, channel, week, wait, check, as_json))
    if code != ExitCode.OK:
        raise typer.Exit(code)


def run_hours(cfg: Settings, opts: HoursOptions) -> ExitCode:
    """Open now? For every channel, one (`--channel`), a week (`--week`) or as an exit code (`--check`)."""
    lng = cfg.lang
    if opts.wait and opts.at is not None:
        raise UserError(t("error.wait_at", lng))
    exclusive(lng, **{"--week": opts.week, "--check": opts.check, "--wait": opts.wait})
    exclusive(lng, **{"--wait": opts.wait, "--json": opts.as_json})
    if opts.check is not None and opts.channel is not None and opts.check != opts.channel:
        exclusive(lng, **{"--check": opts.check, "--channel": opts.channel})
    channels_data = cfg.channels()
    tz = ZoneInfo(channels_data.timezone)
    now = cfg.moment(opts.at, tz)
    chosen = [pick_channel(channels_data, i, lng) for i in (opts.check, opts.channel) if i is not None]
    channels = chosen[-1:] if chosen else list(channels_data.channels)
    hol = holidays_for(now)

    def status_of(ch: Channel) -> schedule.Status:
        return schedule.status(ch.schedule, now, hol, tz)

    if opts.check is not None:
        ch = chosen[0]
        st = status_of(ch)
        if opts.as_json:
            from smartstore_help.core import jsonout

            cfg.io.json(jsonout.hours(now, channels_data.timezone, [(ch, st)], lng))
        else:
            from smartstore_help.ui.render import reason_label, status_cells

            _, when = status_cells(ch, st, now, tz, lng)
            why = " · ".join(part for part in (reason_label(st, lng), when.plain) if part)
            cfg.io.write(t("check.open" if st.state == "open" else "check.closed", lng, channel=ch.name(lng), why=why))
        return ExitCode.OK if st.state == "open" else ExitCode.NO
    if opts.wait:
        _wait(cfg, pick_channel(channels_data, opts.channel or "phone", lng), hol, tz)
        return ExitCode.OK
    if opts.week:
        ch = channels[0] if opts.channel else next((c for c in channels_data.channels if c.id == "phone"), channels[0])
        days = schedule.week(ch.schedule, now, hol, tz)
        if opts.as_json:
            from smartstore_help.core import jsonout

            cfg.io.json(jsonout.week(now, channels_data.timezone, ch, days, lng))
            return ExitCode.OK
        from smartstore_help.ui import render

        cfg.io.lines(render.week_view(ch, days, now, tz, lng, cfg.io.columns))
        return ExitCode.OK
    if opts.as_json:
        from smartstore_help.core import jsonout

        cfg.io.json(jsonout.hours(now, channels_data.timezone, [(ch, status_of(ch)) for ch in channels], lng))
        return ExitCode.OK
    from smartstore_help.ui import render

    rows = [(ch, status_of(ch), schedule.answering(ch, now, hol, tz)) for ch in channels]
    cfg.io.lines(render.hours_view(channels_data, rows, now, lng, cfg.io.columns))
    return ExitCode.OK


def _wait(cfg: Settings, channel: Channel, hol: schedule.Holidays, tz: ZoneInfo) -> None:
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    lang: Lang = cfg.lang
    start = cfg.io.now().astimezone(tz)
    status = schedule.status(channel.schedule, start, hol, tz)
    name = channel.name(lang)
    if status.state == "open":
        cfg.io.write(t("wait.already", lang, channel=name) + "\a")
        return
    if status.next_open is None:
        raise UserError(t("wait.never", lang, channel=name))
    target = status.next_open
    total = (target - start).total_seconds()
    when = timesay.day_and_time(target, start, tz, lang)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[left]}"),
        TimeRemainingColumn(),
        console=cfg.io.console(),
        transient=True,
    ) as bar:
        task = bar.add_task(
            t("wait.waiting", lang, channel=name, when=when), total=total, left=timesay.until(target, start, lang)
        )
        while (now := cfg.io.now().astimezone(tz)) < target:
            bar.update(task, completed=total - (target - now).total_seconds(), left=timesay.until(target, now, lang))
            time.sleep(min(1.0, max(0.05, (target - now).total_seconds())))
    cfg.io.write(t("wait.done", lang, channel=name) + "\a")
