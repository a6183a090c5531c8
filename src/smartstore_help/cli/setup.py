"""`ss-help completion SHELL` and `ss-help paths`: fitting the tool into the seller's computer."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from smartstore_help.cli import completers
from smartstore_help.cli.app import DataDirOpt, JsonOpt, LangOpt, UserError, app, settings
from smartstore_help.core.i18n import t

SHELLS = completers.SHELLS


@app.command()
def completion(
    ctx: typer.Context,
    shell: Annotated[str, typer.Argument(metavar="bash|zsh|fish|powershell", autocompletion=completers.shell)],
    lang: LangOpt = None,
) -> None:
    cfg = settings(ctx, lang, None)
    if shell not in SHELLS:
        raise UserError(t("error.unknown_shell", cfg.lang, value=shell, known=", ".join(SHELLS)))
    from smartstore_help.cli.tree import COMPLETE_VAR
    from smartstore_help.ui.typer_hooks import completion_script

    cfg.io.write(completion_script(prog_name="ss-help", complete_var=COMPLETE_VAR, shell=shell))


@app.command()
def paths(ctx: typer.Context, as_json: JsonOpt = False, lang: LangOpt = None, data_dir: DataDirOpt = None) -> None:
    from smartstore_help.store import data, places

    cfg = settings(ctx, lang, data_dir)
    where = {
        "journal": str(places.journal_file()),
        "cache": str(places.cache_dir()),
        "channels": str(data.data_file(data.CHANNELS_FILE, cfg.data_dir)),
        "faq": str(data.data_file(data.FAQ_FILE, cfg.data_dir)),
    }
    if as_json:
        cfg.io.json(where)
        return
    # Bytes of a path that are not UTF-8 are shown as \\xff escapes, never as a `?` that hides them.
    shown = {name: os.fsencode(path).decode("utf-8", "backslashreplace") for name, path in where.items()}
    cfg.io.write("\n".join(f"{t(f'paths.{name}', cfg.lang)}: {path}" for name, path in shown.items()))
