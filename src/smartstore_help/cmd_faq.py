"""`ss-help faq search|show|list`."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated
from zoneinfo import ZoneInfo

import typer

if TYPE_CHECKING:
    from smartstore_help.term import Line

from smartstore_help import schedule
from smartstore_help.i18n import t
from smartstore_help.model import FAQ_TYPES, Channel
from smartstore_help.shell import (
    DataDirOpt,
    JsonOpt,
    LangOpt,
    Settings,
    UserError,
    app,
    clock,
    handles_errors,
    holidays_for,
    print_json,
    settings,
)

faq_app = typer.Typer(no_args_is_help=True, help="자주 묻는 질문 검색 · Search the seller FAQ.")
app.add_typer(faq_app, name="faq")

TypeOpt = Annotated[str | None, typer.Option("--type", "-t", metavar="TYPE",
                                             help="technical | payment | return_exchange | general")]


def _check_type(kind: str | None, cfg: Settings) -> None:
    if kind is not None and kind not in FAQ_TYPES:
        raise UserError(t("error.unknown_type", cfg.lang, value=kind, known=", ".join(FAQ_TYPES)))


@faq_app.command("search")
@handles_errors
def faq_search(
    ctx: typer.Context,
    query: Annotated[list[str] | None, typer.Argument(help="검색어 (띄어쓰기·초성·오타 허용) · Search words.")] = None,
    kind: TypeOpt = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="최대 결과 수 · At most this many results.")] = 5,
    as_json: JsonOpt = False,
    lang: LangOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """FAQ 검색: 띄어쓰기, 초성(ㅈㅅ ㅂㄹ), 오타에 강함 · Search the FAQ the way Koreans type."""
    from smartstore_help import render, search, term

    cfg = settings(ctx, lang, data_dir)
    _check_type(kind, cfg)
    if limit < 1:
        raise UserError(t("error.bad_limit", cfg.lang))
    text = " ".join(query or [])
    index = cfg.faq_index()
    try:
        hits = search.search(index, text, limit, [kind] if kind else None, cfg.lang)
    except search.EmptyQuery:
        raise UserError(t("error.empty_query", cfg.lang)) from None
    if as_json:
        print_json({"query": text, "results": [
            {"id": h.entry.id, "type": h.entry.type, "question": h.entry.question_in(cfg.lang), "score": h.score}
            for h in hits]})
        return
    columns = term.columns(sys.stdout)
    if hits:
        term.write(render.search_view(text, hits, cfg.lang, columns))
        return
    term.write(render.no_results_view(text, search.closest(index, text), _ask_instead(cfg), cfg.lang))


def _ask_instead(cfg: Settings) -> list[tuple[Channel, Line]]:
    """The channels a person answers on, with whether each is open right now."""
    from smartstore_help.render import status_cells

    channels = cfg.channels()
    tz = ZoneInfo(channels.timezone)
    now = clock().astimezone(tz)
    hol = holidays_for(now)
    rows: list[tuple[Channel, Line]] = []
    for channel in channels.channels:
        if channel.id == "faq":
            continue
        state, when = status_cells(channel, schedule.status(channel.schedule, now, hol, tz), now, tz, cfg.lang,
                                   schedule.answering(channel, now, hol, tz))
        rows.append((channel, state.add("  ").extend(when)))
    return rows


@faq_app.command("show")
@handles_errors
def faq_show(ctx: typer.Context, entry_id: Annotated[str, typer.Argument(metavar="ID")],
             as_json: JsonOpt = False, lang: LangOpt = None, data_dir: DataDirOpt = None) -> None:
    """FAQ 한 항목의 전체 답변 · The whole answer of one entry."""
    import difflib

    cfg = settings(ctx, lang, data_dir)
    index = cfg.faq_index()
    entry = index.find(entry_id.strip())
    if entry is None:
        close = difflib.get_close_matches(entry_id, index.ids, n=3)
        hint = t("error.unknown_faq_hint", cfg.lang, ids=", ".join(close)) if close else ""
        raise UserError(t("error.unknown_faq", cfg.lang, value=entry_id, hint=hint))
    if as_json:
        print_json({"id": entry.id, "type": entry.type, "question": entry.question_in(cfg.lang),
                    "answer": entry.answer_in(cfg.lang), "keywords": list(entry.keywords), "source": entry.source})
        return
    from smartstore_help.render import faq_show_view, make_console

    make_console().print(faq_show_view(entry, cfg.lang, cfg.channels().help_center.url))


@faq_app.command("list")
@handles_errors
def faq_list(ctx: typer.Context, kind: TypeOpt = None, as_json: JsonOpt = False, lang: LangOpt = None,
             data_dir: DataDirOpt = None) -> None:
    """유형별 FAQ 목록 · Every entry, grouped by type."""
    from smartstore_help import render, term

    cfg = settings(ctx, lang, data_dir)
    _check_type(kind, cfg)
    entries = [e for e in cfg.faq_index().entries() if kind is None or e.type == kind]
    if as_json:
        print_json({"entries": [{"id": e.id, "type": e.type, "question": e.question_in(cfg.lang)} for e in entries]})
        return
    term.write(render.faq_list_view(entries, cfg.lang, term.columns(sys.stdout)))
