"""`ss-help channels`: the channels side by side, with how to reach each and its hours."""

from __future__ import annotations

import typer

from smartstore_help.cli.app import DataDirOpt, JsonOpt, LangOpt, NoPagerOpt, app, paged, settings


@app.command("channels")
def channels_cmd(
    ctx: typer.Context,
    as_json: JsonOpt = False,
    no_pager: NoPagerOpt = False,
    lang: LangOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    cfg = settings(ctx, lang, data_dir)
    channels_data = cfg.channels()
    if as_json:
        from smartstore_help.core import jsonout

        cfg.io.json(jsonout.channels(channels_data, cfg.lang))
        return
    from smartstore_help.ui import render

    with paged(cfg, no_pager):
        cfg.io.lines(render.channels_view(channels_data, cfg.lang, cfg.io.columns))
