"""`ss-help data check`: the data files validated, every problem with its file and line."""

from __future__ import annotations

import functools

import typer

from smartstore_help.cli.app import DataDirOpt, JsonOpt, LangOpt, data_app, settings
from smartstore_help.core.errors import ExitCode
from smartstore_help.core.i18n import t
from smartstore_help.store import data


@data_app.command("check")
def data_check(ctx: typer.Context, as_json: JsonOpt = False, lang: LangOpt = None, data_dir: DataDirOpt = None) -> None:
    cfg = settings(ctx, lang, data_dir)
    problems: list[data.Problem] = []
    files = []
    for name, loader in ((data.CHANNELS_FILE, data.load_channels), (data.FAQ_FILE, data.load_faq)):
        path = data.data_file(name, cfg.data_dir)
        files.append((path, data.is_builtin(path)))
        problems += data.all_problems(functools.partial(loader, cfg.data_dir))
    if as_json:
        cfg.io.json(
            {
                "valid": not problems,
                "files": [{"path": str(path), "builtin": builtin} for path, builtin in files],
                "problems": [
                    {"file": p.file, "line": p.line, "field": p.field, "message": p.message(cfg.lang)} for p in problems
                ],
            }
        )
    elif problems:
        from smartstore_help.ui import render

        cfg.io.lines(render.problems_view(problems, cfg.lang), err=True)
    else:
        cfg.io.write(
            t("data.valid", cfg.lang)
            + ":\n"
            + "\n".join(
                f"  {path} ({t('data.builtin' if builtin else 'data.user', cfg.lang)})" for path, builtin in files
            )
        )
    if problems:
        raise typer.Exit(ExitCode.USAGE)
