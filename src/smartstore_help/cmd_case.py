"""`ss-help case …`: the local journal of contacts, notes, outcomes and follow-ups."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated
from zoneinfo import ZoneInfo

import typer

if TYPE_CHECKING:
    from smartstore_help.journal import Case, Journal

from smartstore_help import draft, rules
from smartstore_help.i18n import t
from smartstore_help.model import ChannelData, Lang
from smartstore_help.shell import (
    CONTEXT,
    AtOpt,
    DataDirOpt,
    JsonOpt,
    LangOpt,
    UserError,
    app,
    exclusive,
    holidays_for,
    settings,
)

case_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, context_settings=CONTEXT)
app.add_typer(case_app, name="case")

IdArg = Annotated[int, typer.Argument(metavar="ID")]


@contextmanager
def opened(*, write: bool) -> Iterator[Journal]:
    from smartstore_help.journal import Journal  # sqlite3: only when needed

    journal = Journal(write=write)
    try:
        yield journal
    finally:
        journal.close()


@case_app.command("list")
def case_list(ctx: typer.Context,
              status: Annotated[str | None, typer.Option("--status", metavar="open|closed")] = None,
              as_json: JsonOpt = False, lang: LangOpt = None, data_dir: DataDirOpt = None) -> None:
    cfg = settings(ctx, lang, data_dir)
    if status not in (None, "open", "closed"):
        raise UserError(t("error.unknown_type", cfg.lang, value=status, known="open, closed"))
    with opened(write=False) as journal:
        cases = journal.cases(status)
        counts = {c.id: journal.note_count(c.id) for c in cases}
    if as_json:
        cfg.io.json({"cases": [{**c.as_json(), "notes": counts[c.id]} for c in cases]})
        return
    from smartstore_help import render

    if not cases:
        cfg.io.write(t("case.none", cfg.lang))
        return
    cfg.io.lines(render.case_table(cases, counts, cfg.channels(), cfg.lang, cfg.io.columns))


@case_app.command("show")
def case_show(ctx: typer.Context, case_id: IdArg, as_json: JsonOpt = False, lang: LangOpt = None,
              data_dir: DataDirOpt = None) -> None:
    cfg = settings(ctx, lang, data_dir)
    with opened(write=False) as journal:
        case = journal.case(case_id)
    if as_json:
        cfg.io.json(case.as_json())
        return
    from smartstore_help import render

    cfg.io.show(render.case_view(case, cfg.channels(), cfg.lang))


@case_app.command("note")
def case_note(ctx: typer.Context, case_id: IdArg,
              text: Annotated[str | None, typer.Argument(metavar="TEXT")] = None,
              ref: Annotated[str | None, typer.Option("--ref", metavar="REF")] = None,
              lang: LangOpt = None, data_dir: DataDirOpt = None) -> None:
    cfg = settings(ctx, lang, data_dir)
    if text is None:
        if cfg.io.interactive:
            from smartstore_help.wizard import Back

            typed = cfg.io.prompter(cfg.lang).text(t("case.note_prompt", cfg.lang), multiline=True)
            text = "" if isinstance(typed, Back) else typed
        else:
            text = cfg.io.read_all()
    if not (text or "").strip() and not (ref or "").strip():
        raise UserError(t("error.empty_note", cfg.lang))
    from smartstore_help.journal import stamp

    with opened(write=True) as journal:
        journal.add_note(case_id, stamp(cfg.io.now()), (text or "").strip(), (ref or "").strip() or None)
    cfg.io.write(t("case.noted", cfg.lang, id=case_id))


@case_app.command("close")
def case_close(ctx: typer.Context, case_id: IdArg,
               resolved: Annotated[bool | None, typer.Option("--resolved/--unresolved",
)] = None,
               rating: Annotated[int | None, typer.Option("--rating", metavar="1-5")] = None,
               feedback: Annotated[str | None, typer.Option("--feedback", metavar="TEXT")] = None,
               lang: LangOpt = None, data_dir: DataDirOpt = None) -> None:
    cfg = settings(ctx, lang, data_dir)
    if resolved is None:
        raise UserError(t("error.resolved_flag", cfg.lang))
    if rating is not None and not 1 <= rating <= 5:
        raise UserError(t("error.rating", cfg.lang))
    from smartstore_help.journal import stamp

    with opened(write=True) as journal:
        journal.close_case(case_id, stamp(cfg.io.now()), resolved, rating, (feedback or "").strip() or None)
    cfg.io.write(t("case.closed", cfg.lang, id=case_id,
                 outcome=t("case.resolved" if resolved else "case.unresolved", cfg.lang)))


@case_app.command("follow-up")
def case_follow_up(ctx: typer.Context, case_id: IdArg, at: AtOpt = None,
                   save: Annotated[bool, typer.Option("--save")] = False,
                   as_json: JsonOpt = False, lang: LangOpt = None, data_dir: DataDirOpt = None) -> None:
    cfg = settings(ctx, lang, data_dir)
    data = cfg.channels()
    tz = ZoneInfo(data.timezone)
    now = cfg.moment(at, tz)
    from smartstore_help.journal import save_case

    with opened(write=False) as journal:
        case = journal.case(case_id)
    first = case.follow_up_of or case.id
    answers = rules.complete_answers(data, case.type, case.answers) if case.type in {
        p.id for p in data.problem_types} else {}
    plan = rules.recommend(data, answers, now, holidays_for(now))
    text = draft.follow_up(data, case.type, answers, _details(case), _earlier(case, data, cfg.lang), cfg.lang)
    new_id = save_case(now, case.type, answers, case.details, plan.best.channel.id,
                       plan.best.channel.id, text, first) if save else None
    if as_json:
        from smartstore_help import jsonout

        cfg.io.json({"case": case.id, "draft": text, "saved_as": new_id, "now": jsonout.iso(now),
                    "recommendations": jsonout.recommendations(plan, cfg.lang)})
        return
    from smartstore_help import render

    cfg.io.show(render.plan_view(plan, now, tz, cfg.lang))
    cfg.io.show(render.draft_view(text, cfg.lang, t("case.follow_up_title", cfg.lang)))
    if new_id is not None:
        cfg.io.write(t("case.saved", cfg.lang, id=new_id))


def _details(case: Case) -> draft.Details:
    d = case.details
    return draft.Details(d.get("description", ""), d.get("order_no", ""), None, d.get("tried", ""),
                         d.get("store_id", ""))


def _earlier(case: Case, data: ChannelData, lang: Lang) -> draft.EarlierContact:
    names = {c.id: c.name(lang) for c in data.channels}
    return draft.EarlierContact(
        when=case.created_at.replace("T", " ")[:16] + " KST",
        channel=names.get(case.chosen, case.chosen),
        refs=tuple(n.ref for n in case.notes if n.ref),
        notes=tuple(n.text for n in case.notes if n.text) + ((case.feedback,) if case.feedback else ()),
    )


@case_app.command("export")
def case_export(ctx: typer.Context,
                as_csv: Annotated[bool, typer.Option("--csv")] = False,
                as_json: JsonOpt = False,
                lang: LangOpt = None, data_dir: DataDirOpt = None) -> None:
    cfg = settings(ctx, lang, data_dir)
    exclusive(cfg.lang, **{"--csv": as_csv, "--json": as_json})
    with opened(write=False) as journal:
        cases = journal.cases(with_notes=True)
    if not as_csv:
        cfg.io.json({"cases": [c.as_json() for c in cases]})
        return
    import csv
    import json

    columns = ["id", "created_at", "type", "status", "resolved", "rating", "feedback", "closed_at", "recommended",
               "chosen", "follow_up_of", "answers", "details", "draft", "notes"]
    writer = csv.DictWriter(cfg.io.out, columns, lineterminator="\n")
    writer.writeheader()
    for case in cases:
        row = case.as_json()
        row["answers"] = json.dumps(case.answers, ensure_ascii=False)
        row["details"] = json.dumps(case.details, ensure_ascii=False)
        row["notes"] = json.dumps(row["notes"], ensure_ascii=False)
        writer.writerow({k: row[k] for k in columns})


@case_app.command("delete")
def case_delete(ctx: typer.Context, case_id: IdArg,
                yes: Annotated[bool, typer.Option("--yes", "-y")] = False,
                lang: LangOpt = None, data_dir: DataDirOpt = None) -> None:
    cfg = settings(ctx, lang, data_dir)
    with opened(write=False) as journal:
        journal.case(case_id)
    if not yes:
        if not cfg.io.interactive:
            raise UserError(t("error.delete_needs_yes", cfg.lang))
        from smartstore_help.wizard import ask_yes_no

        if not ask_yes_no(cfg.io.prompter(cfg.lang), cfg.lang, t("case.delete_confirm", cfg.lang, id=case_id)):
            cfg.io.write(t("case.kept", cfg.lang))
            return
    with opened(write=True) as journal:
        journal.delete_case(case_id)
    cfg.io.write(t("case.deleted", cfg.lang, id=case_id))
