"""`ss-help data check`: the data files validated, every problem with its file and line, and
warnings about what is valid but weak (FAQ entries resting only on third-party pages)."""

from __future__ import annotations

import functools

import typer

from smartstore_help.cli.app import DataDirOpt, JsonOpt, LangOpt, data_app, settings
from smartstore_help.core.errors import ExitCode
from smartstore_help.core.i18n import t
from smartstore_help.store import data

LABEL = {"builtin": "data.builtin", "update": "data.update", "data-dir": "data.user"}


@data_app.command("check")
def data_check(ctx: typer.Context, as_json: JsonOpt = False, lang: LangOpt = None, data_dir: DataDirOpt = None) -> None:
    cfg = settings(ctx, lang, data_dir)
    problems: list[data.Problem] = []
    files = []
    for name, loader in ((data.CHANNELS_FILE, data.load_channels), (data.FAQ_FILE, data.load_faq)):
        path = data.data_file(name, cfg.data_dir)
        files.append((path, data.origin(path)))
        problems += data.all_problems(functools.partial(loader, cfg.data_dir))
    faq_path = files[1][0]
    warnings = [] if any(p.file == str(faq_path) for p in problems) else data.faq_warnings(cfg.data_dir)
    if as_json:
        cfg.io.json(
            {
                "valid": not problems,
                "files": [{"path": str(path), "builtin": where == "builtin", "origin": where} for path, where in files],
                "problems": [
                    {"file": p.file, "line": p.line, "field": p.field, "message": p.message(cfg.lang)} for p in problems
                ],
                "warnings": [
                    {"file": w.file, "line": w.line, "field": w.field, "message": w.message(cfg.lang)} for w in warnings
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
            + "\n".join(f"  {path} ({t(LABEL[where], cfg.lang)})" for path, where in files)
        )
    if warnings and not as_json and not problems:  # the errors first; the JSON has both
        from smartstore_help.ui.render import plain

        lines = [t("data.warnings", cfg.lang, count=len(warnings))]
        lines += [f"{t('data.warning', cfg.lang)}: {plain(w.render(cfg.lang))}" for w in warnings]
        cfg.io.write("\n".join(lines), err=True)
    if problems:
        raise typer.Exit(ExitCode.USAGE)
