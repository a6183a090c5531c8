"""`ss-help faq search|show|list`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated
from zoneinfo import ZoneInfo

import typer

if TYPE_CHECKING:
    from smartstore_help.ui.term import Line

from smartstore_help.cli import completers
from smartstore_help.cli.app import (
    CONTEXT,
    DataDirOpt,
    JsonOpt,
    LangOpt,
    NoPagerOpt,
    Settings,
    UserError,
    app,
    holidays_for,
    paged,
    settings,
)
from smartstore_help.core import schedule
from smartstore_help.core.i18n import t
from smartstore_help.core.model import FAQ_TYPES, Channel
from smartstore_help.core.textin import clean

faq_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, context_settings=CONTEXT)
app.add_typer(faq_app, name="faq")

TypeOpt = Annotated[str | None, typer.Option("--type", "-t", metavar="TYPE", autocompletion=completers.faq_type)]


def _check_type(kind: str | None, cfg: Settings) -> None:
    if kind is not None and kind not in FAQ_TYPES:
        raise UserError(t("error.unknown_type", cfg.lang, value=kind, known=", ".join(FAQ_TYPES)))


@faq_app.command("search")
def faq_search(
    ctx: typer.Context,
    query: Annotated[list[str] | None, typer.Argument(metavar="QUERY")] = None,
    kind: TypeOpt = None,
    limit: Annotated[int, typer.Option("--limit", "-n", metavar="N")] = 5,
    as_json: JsonOpt = False,
    lang: LangOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    from smartstore_help.core import search
    from smartstore_help.ui import render

    cfg = settings(ctx, lang, data_dir)
    _check_type(kind, cfg)
    if limit < 1:
        raise UserError(t("error.bad_limit", cfg.lang))
    text = clean(" ".join(query or []))
    index = cfg.faq_index()
    try:
        hits = search.search(index, text, limit, [kind] if kind else None, cfg.lang)
    except search.EmptyQuery:
        raise UserError(t("error.empty_query", cfg.lang)) from None
    confident = search.confident(hits)
    if as_json:
        cfg.io.json(
            {
                "query": text,
                "confident": confident,
                "results": [
                    {
                        "id": h.entry.id,
                        "type": h.entry.type,
                        "question": h.entry.question_in(cfg.lang),
                        "score": h.score,
                    }
                    for h in hits
                ],
            }
        )
        return
    if confident:
        cfg.io.lines(render.search_view(text, hits, cfg.lang, cfg.io.columns))
        return
    near = [h.entry for h in hits] or search.closest(index, text)
    cfg.io.lines(render.no_results_view(text, near, _ask_instead(cfg), cfg.lang))


def _ask_instead(cfg: Settings) -> list[tuple[Channel, Line]]:
    """The channels a person answers on, with whether each is open right now."""
    from smartstore_help.ui.render import status_cells

    channels = cfg.channels()
    tz = ZoneInfo(channels.timezone)
    now = cfg.io.now().astimezone(tz)
    hol = holidays_for(now)
    rows: list[tuple[Channel, Line]] = []
    for channel in channels.channels:
        if channel.id == "faq":
            continue
        state, when = status_cells(
            channel,
            schedule.status(channel.schedule, now, hol, tz),
            now,
            tz,
            cfg.lang,
            schedule.answering(channel, now, hol, tz),
        )
        rows.append((channel, state.add("  ").extend(when)))
    return rows


@faq_app.command("show")
def faq_show(
    ctx: typer.Context,
    entry_id: Annotated[str, typer.Argument(metavar="ID", autocompletion=completers.faq_id)],
    as_json: JsonOpt = False,
    no_pager: NoPagerOpt = False,
    lang: LangOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    import difflib

    from smartstore_help.core import markup

    cfg = settings(ctx, lang, data_dir)
    index = cfg.faq_index()
    entry = index.find(entry_id.strip())
    if entry is None:
        close = difflib.get_close_matches(entry_id, index.ids, n=3)
        hint = t("error.unknown_faq_hint", cfg.lang, ids=", ".join(close)) if close else ""
        raise UserError(t("error.unknown_faq", cfg.lang, value=entry_id, hint=hint))
    if as_json:
        cfg.io.json(
            {
                "id": entry.id,
                "type": entry.type,
                "question": entry.question_in(cfg.lang),
                "answer": markup.plain(entry.answer_in(cfg.lang)),  # plain text: no marks
                "keywords": list(entry.keywords),
                "sources": [  # official pages first, as `faq show` lists them; published null: unknown
                    {
                        "url": s.url,
                        "title": s.title,
                        "kind": s.kind,
                        "published": s.published.isoformat() if s.published else None,
                        "checked": s.checked.isoformat(),
                    }
                    for s in entry.sources_in_order()
                ],
                "stale": entry.stale(cfg.io.now().astimezone(ZoneInfo("Asia/Seoul")).date()),
                "source": entry.note,
            }
        )
        return
    from smartstore_help.ui.render import faq_show_view

    channels = cfg.channels()
    today = cfg.io.now().astimezone(ZoneInfo(channels.timezone)).date()
    with paged(cfg, no_pager):
        cfg.io.show(faq_show_view(entry, cfg.lang, channels.help_center.url, today))


@faq_app.command("list")
def faq_list(
    ctx: typer.Context,
    kind: TypeOpt = None,
    as_json: JsonOpt = False,
    no_pager: NoPagerOpt = False,
    lang: LangOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    from smartstore_help.ui import render

    cfg = settings(ctx, lang, data_dir)
    _check_type(kind, cfg)
    entries = [e for e in cfg.faq_index().entries() if kind is None or e.type == kind]
    if as_json:
        cfg.io.json({"entries": [{"id": e.id, "type": e.type, "question": e.question_in(cfg.lang)} for e in entries]})
        return
    with paged(cfg, no_pager):
        cfg.io.lines(render.faq_list_view(entries, cfg.lang, cfg.io.columns))
