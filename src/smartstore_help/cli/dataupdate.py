"""`ss-help data update` and `ss-help data status`: newer signed data after install, and which data is in use.

Nothing here imports the network or the signature code at load time: `store.update` (urllib,
cryptography) is imported by `data update` alone.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo

import typer

from smartstore_help.cli.app import (
    DataDirOpt,
    JsonOpt,
    LangOpt,
    Settings,
    UserError,
    data_app,
    exclusive,
    settings,
)
from smartstore_help.core.i18n import t
from smartstore_help.core.model import Lang
from smartstore_help.store import data, installed

KST = ZoneInfo("Asia/Seoul")
ORIGIN_KEY = {"builtin": "origin.builtin", "update": "origin.update", "data-dir": "origin.data_dir"}


@data_app.command("update")
def data_update(
    ctx: typer.Context,
    source: Annotated[str | None, typer.Option("--from", metavar="URL|DIR")] = None,
    key: Annotated[Path | None, typer.Option("--key", metavar="FILE")] = None,
    rollback: Annotated[bool, typer.Option("--rollback")] = False,
    lang: LangOpt = None,
) -> None:
    cfg = settings(ctx, lang, None)
    exclusive(cfg.lang, **{"--rollback": rollback, "--from": source})
    exclusive(cfg.lang, **{"--rollback": rollback, "--key": key})
    from smartstore_help.store import update

    if rollback:
        back = update.rollback()
        if back is None:
            builtin = installed.release_of(data.builtin_dir())
            version, day = (builtin.version, builtin.date.isoformat()) if builtin else ("?", "?")
            cfg.io.write(t("update.rolled_back_builtin", cfg.lang, version=version, date=day))
        else:
            said = t("update.rolled_back", cfg.lang, version=back.release.version, date=back.release.date.isoformat())
            cfg.io.write(said)
        return
    if not (source or update.DEFAULT_URL):
        raise UserError(t("update.no_default", cfg.lang))
    from smartstore_help.ui.progress import DelayedBar

    now = cfg.io.now().astimezone(KST)
    with DelayedBar(cfg.io, t("update.progress", cfg.lang)) as bar:
        result = update.update(source or update.DEFAULT_URL, key, now, bar)
    release = result.installed.release
    if not result.changed:
        cfg.io.write(t("update.already", cfg.lang, version=release.version, date=release.date.isoformat()))
        return
    said = t(
        "update.installed",
        cfg.lang,
        version=release.version,
        date=release.date.isoformat(),
        origin=result.installed.origin,
    )
    cfg.io.write(said + "\n" + t("update.can_roll_back", cfg.lang))


@data_app.command("status")
def data_status(
    ctx: typer.Context, as_json: JsonOpt = False, lang: LangOpt = None, data_dir: DataDirOpt = None
) -> None:
    cfg = settings(ctx, lang, data_dir)
    report = status(cfg)
    if as_json:
        cfg.io.json(report)
        return
    cfg.io.write("\n".join(status_lines(report, cfg.lang)))


def _release(item: installed.Installed | None) -> dict[str, Any] | None:
    if item is None:
        return None
    return {
        "version": item.release.version,
        "date": item.release.date.isoformat(),
        "path": str(item.directory),
        "from": item.origin,
        "installed": item.installed,
    }


def status(cfg: Settings) -> dict[str, Any]:
    """Which data the commands use now, and why: the facts `data status` shows (its JSON as is)."""
    today = cfg.io.now().astimezone(KST).date()
    current, previous = installed.state()
    builtin = installed.release_of(data.builtin_dir())
    ignored: dict[str, str] | None = None
    active = installed.active(data.builtin_dir)
    if current is not None and active is None and current.directory.is_dir():
        ignored = {"reason": "older"}
    elif current is not None and active is not None:
        problem = _invalid(current.directory)
        if problem is not None:
            data.reject(current.directory / data.CHANNELS_FILE)
            ignored = {"reason": "invalid", "problem": problem}
    files = []
    for name in (data.CHANNELS_FILE, data.FAQ_FILE):
        path = data.data_file(name, cfg.data_dir)
        files.append({"name": name, "source": data.origin(path), "path": str(path)})
    origins = {f["source"] for f in files}
    version: str | None = None
    day: date | None = None
    if "data-dir" in origins:
        where, folder = "data-dir", str(cfg.data_dir.absolute() if cfg.data_dir else "")
    elif "update" in origins and current is not None:
        where, folder = "update", str(current.directory)
        version, day = current.release.version, current.release.date
    else:
        where, folder = "builtin", str(data.builtin_dir())
        if builtin is not None:
            version, day = builtin.version, builtin.date
    return {
        "source": where,
        "version": version,
        "date": day.isoformat() if day else None,
        "age_days": max(0, (today - day).days) if day else None,
        "path": folder,
        "files": files,
        "builtin": {
            "version": builtin.version if builtin else None,
            "date": builtin.date.isoformat() if builtin else None,
            "path": str(data.builtin_dir()),
        },
        "installed": _release(current),
        "previous": _release(previous),
        "ignored": ignored,
    }


def _invalid(directory: Path) -> str | None:
    """The first problem of an installed bundle under this version's validator (in English), if any."""
    try:
        data.channels_from_bytes(data.read_bytes(directory / data.CHANNELS_FILE), str(directory / data.CHANNELS_FILE))
        path = directory / data.FAQ_FILE
        data.faq_from_bytes(data.read_bytes(path), str(path), shipped=True)
    except data.DataError as error:
        return error.problems[0].render("en")
    return None


def status_lines(report: dict[str, Any], lang: Lang) -> list[str]:
    origin = t(ORIGIN_KEY[report["source"]], lang)
    if report["version"] is None:
        lines = [t("status.in_use_dir", lang, origin=origin)]
    else:
        lines = [
            t(
                "status.in_use",
                lang,
                origin=origin,
                version=report["version"],
                date=report["date"],
                age=report["age_days"],
            )
        ]
    lines += [
        "  " + t("status.file", lang, name=f["name"], path=f["path"], origin=t(ORIGIN_KEY[f["source"]], lang))
        for f in report["files"]
    ]
    if report["ignored"] is not None and report["installed"] is not None:
        item = report["installed"]
        if report["ignored"]["reason"] == "older":
            lines.append(t("status.ignored_older", lang, version=item["version"], date=item["date"]))
        else:
            lines.append(
                t("status.ignored_invalid", lang, version=item["version"], problem=report["ignored"]["problem"])
            )
    elif report["source"] == "update" and report["previous"] is not None:
        kept = report["previous"]
        lines.append(t("status.previous", lang, version=kept["version"], date=kept["date"]))
    return lines
