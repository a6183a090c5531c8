"""`ss-help hours`, `ss-help channels` and `ss-help data check`."""

from __future__ import annotations

import functools
import time
from typing import Annotated, NamedTuple
from zoneinfo import ZoneInfo

import typer

from smartstore_help import data, schedule, timefmt
from smartstore_help.errors import ExitCode
from smartstore_help.i18n import t
from smartstore_help.model import Channel, Lang
from smartstore_help.shell import (
    AtOpt,
    DataDirOpt,
    JsonOpt,
    LangOpt,
    Settings,
    UserError,
    app,
    data_app,
    exclusive,
    holidays_for,
    pick_channel,
    settings,
)


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
    channel: Annotated[str | None, typer.Option("--channel", "-c", metavar="ID")] = None,
    week: Annotated[bool, typer.Option("--week")] = False,
    wait: Annotated[bool, typer.Option("--wait")] = False,
    check: Annotated[str | None, typer.Option("--check", metavar="ID")] = None,
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
            from smartstore_help import jsonout

            cfg.io.json(jsonout.hours(now, channels_data.timezone, [(ch, st)], lng))
        else:
            from smartstore_help.render import reason_label, status_cells

            _, when = status_cells(ch, st, now, tz, lng)
            why = " · ".join(part for part in (reason_label(st, lng), when.plain) if part)
            cfg.io.write(t("check.open" if st.state == "open" else "check.closed", lng, channel=ch.name(lng),
                           why=why))
        return ExitCode.OK if st.state == "open" else ExitCode.NO
    if opts.wait:
        _wait(cfg, pick_channel(channels_data, opts.channel or "phone", lng), hol, tz)
        return ExitCode.OK
    if opts.week:
        ch = channels[0] if opts.channel else next((c for c in channels_data.channels if c.id == "phone"), channels[0])
        days = schedule.week(ch.schedule, now, hol, tz)
        if opts.as_json:
            from smartstore_help import jsonout

            cfg.io.json(jsonout.week(now, channels_data.timezone, ch, days, lng))
            return ExitCode.OK
        from smartstore_help import render

        cfg.io.lines(render.week_view(ch, days, now, tz, lng, cfg.io.columns))
        return ExitCode.OK
    if opts.as_json:
        from smartstore_help import jsonout

        cfg.io.json(jsonout.hours(now, channels_data.timezone, [(ch, status_of(ch)) for ch in channels], lng))
        return ExitCode.OK
    from smartstore_help import render

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
    when = timefmt.day_and_time(target, start, tz, lang)
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[left]}"),
                  TimeRemainingColumn(), console=cfg.io.console(), transient=True) as bar:
        task = bar.add_task(t("wait.waiting", lang, channel=name, when=when), total=total,
                            left=timefmt.until(target, start, lang))
        while (now := cfg.io.now().astimezone(tz)) < target:
            bar.update(task, completed=total - (target - now).total_seconds(),
                       left=timefmt.until(target, now, lang))
            time.sleep(min(1.0, max(0.05, (target - now).total_seconds())))
    cfg.io.write(t("wait.done", lang, channel=name) + "\a")


@app.command("channels")
def channels_cmd(ctx: typer.Context, as_json: JsonOpt = False, lang: LangOpt = None,
                 data_dir: DataDirOpt = None) -> None:
    cfg = settings(ctx, lang, data_dir)
    channels_data = cfg.channels()
    if as_json:
        from smartstore_help import jsonout

        cfg.io.json(jsonout.channels(channels_data, cfg.lang))
        return
    from smartstore_help import render

    cfg.io.show(render.channels_view(channels_data, cfg.lang))


@data_app.command("check")
def data_check(ctx: typer.Context, as_json: JsonOpt = False, lang: LangOpt = None,
               data_dir: DataDirOpt = None) -> None:
    cfg = settings(ctx, lang, data_dir)
    problems: list[data.Problem] = []
    files = []
    for name, loader in ((data.CHANNELS_FILE, data.load_channels), (data.FAQ_FILE, data.load_faq)):
        path = data.data_file(name, cfg.data_dir)
        files.append((path, data.is_builtin(path)))
        problems += data.all_problems(functools.partial(loader, cfg.data_dir))
    if as_json:
        cfg.io.json({"valid": not problems,
                     "files": [{"path": str(path), "builtin": builtin} for path, builtin in files],
                     "problems": [{"file": p.file, "line": p.line, "field": p.field, "message": p.message(cfg.lang)}
                                  for p in problems]})
    elif problems:
        from smartstore_help import render

        cfg.io.lines(render.problems_view(problems, cfg.lang), err=True)
    else:
        cfg.io.write(t("data.valid", cfg.lang) + ":\n" + "\n".join(
            f"  {path} ({t('data.builtin' if builtin else 'data.user', cfg.lang)})" for path, builtin in files))
    if problems:
        raise typer.Exit(ExitCode.USAGE)
