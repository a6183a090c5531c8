"""`ss-help case …`: the local journal of contacts, notes, outcomes and follow-ups."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any
from zoneinfo import ZoneInfo

import typer

if TYPE_CHECKING:
    from smartstore_help.core.history import Stats
    from smartstore_help.core.promises import Due
    from smartstore_help.core.records import Case, Note
    from smartstore_help.store.journal import Journal

from smartstore_help.cli import completers
from smartstore_help.cli.app import (
    CONTEXT,
    AtOpt,
    DataDirOpt,
    JsonOpt,
    LangOpt,
    NoPagerOpt,
    Settings,
    UserError,
    app,
    exclusive,
    holidays_for,
    paged,
    settings,
)
from smartstore_help.core import draft, rules, timeparse, timesay
from smartstore_help.core.i18n import t
from smartstore_help.core.model import ChannelData, Lang

case_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, context_settings=CONTEXT)
app.add_typer(case_app, name="case")

IdArg = Annotated[int, typer.Argument(metavar="ID", autocompletion=completers.case_id)]
KST = ZoneInfo("Asia/Seoul")  # every journal time is KST, whatever the data's other settings


MAX_NOTE_BYTES = 1024 * 1024  # a note is what an agent said, not a file: 1 MB is far beyond any
PAGE = 20  # `case list` shows this many of the most recent cases unless told otherwise


@contextmanager
def opened(*, write: bool, case_id: int | None = None) -> Iterator[Journal]:
    """The journal. A write to an existing case (`case_id`) never creates the file: with no
    journal there is no such case, and a failed command leaves nothing behind."""
    from smartstore_help.store.journal import Journal  # sqlite3: only when needed
    from smartstore_help.store.places import journal_file

    if write and case_id is not None:
        import os

        try:
            os.stat(journal_file())
        except FileNotFoundError:
            from smartstore_help.store.journal_faults import UnknownCase

            raise UnknownCase(case_id) from None
        except OSError:  # a file where a folder should be, no permission: the journal names the cause
            pass
    journal = Journal(write=write)
    try:
        yield journal
    finally:
        journal.close()


def _report_damaged(cfg: Settings, damaged: tuple[int, ...]) -> None:
    """Skipped rows are named on stderr: the listing goes on, and the seller still learns of them."""
    if damaged:
        cfg.io.write(t("case.skipped_damaged", cfg.lang, ids=", ".join(f"#{i}" for i in damaged)), err=True)


@case_app.command("list")
def case_list(
    ctx: typer.Context,
    status: Annotated[str | None, typer.Option("--status", metavar="open|closed")] = None,
    limit: Annotated[int, typer.Option("--limit", metavar="N")] = PAGE,
    show_all: Annotated[bool, typer.Option("--all")] = False,
    as_json: JsonOpt = False,
    no_pager: NoPagerOpt = False,
    lang: LangOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    cfg = settings(ctx, lang, data_dir)
    if status not in (None, "open", "closed"):
        raise UserError(t("error.unknown_type", cfg.lang, value=status, known="open, closed"))
    if limit < 1:
        raise UserError(t("error.bad_limit", cfg.lang))
    from smartstore_help.store.journal import MAX_ID

    page = None if show_all or limit > MAX_ID else limit  # more than SQLite can count is all of them
    damaged: list[int] = []
    with opened(write=False) as journal:
        total = journal.count(status)
        if as_json:
            _list_json(cfg, journal, status, page, total, damaged)
            _report_damaged(cfg, tuple(damaged))
            return
        # what the table shows, without the drafts and answers: --all on 50,000 cases stays small
        cases = [_slim(c) for c in journal.each_case(damaged, status, limit=page)]
        counts = journal.note_counts([c.id for c in cases])
    _report_damaged(cfg, tuple(damaged))
    from smartstore_help.ui import render

    if not cases:
        cfg.io.write(t("case.none", cfg.lang))
        return
    with paged(cfg, no_pager):
        cfg.io.lines(render.case_table(cases, counts, cfg.channels(), cfg.lang, cfg.io.columns))
        if len(cases) + len(damaged) < total:
            cfg.io.write(t("case.page", cfg.lang, shown=f"{len(cases):,}", total=f"{total:,}"))


def _slim(case: Case) -> Case:
    """What a listing shows of a case: its description, not its answers, other details or draft."""
    kept = {"description": case.details["description"]} if "description" in case.details else {}
    return case._replace(answers={}, details=kept, draft="")


def _list_json(
    cfg: Settings, journal: Journal, status: str | None, page: int | None, total: int, damaged: list[int]
) -> None:
    """`{"total", "cases": [… with "notes": count]}`, written in batches of cases."""
    batch: list[Case] = []

    def items() -> Iterator[dict[str, Any]]:
        for case in journal.each_case(damaged, status, limit=page):
            batch.append(case)
            if len(batch) == 500:
                yield from flush()
        yield from flush()

    def flush() -> Iterator[dict[str, Any]]:
        counts = journal.note_counts([c.id for c in batch])
        out = [{**c.as_json(), "notes": counts[c.id]} for c in batch]
        batch.clear()
        yield from out

    _stream_json(cfg, {"total": total}, "cases", items())


def _stream_json(cfg: Settings, before: dict[str, Any], key: str, items: Iterable[dict[str, Any]]) -> None:
    """Exactly what `io.json({**before, key: list(items)})` writes, an item at a time."""
    import json

    from smartstore_help.core.textin import escape_invisible

    cfg.io.remind = False  # a script is reading
    opening = "{\n" + "".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},\n" for k, v in before.items())
    opening += f"  {json.dumps(key)}: ["
    first = True
    for item in items:
        body = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        cfg.io.out.write((opening + "\n    " if first else ",\n    ") + escape_invisible(body))
        first = False
    cfg.io.write(opening + "]\n}" if first else "\n  ]\n}")


@case_app.command("show")
def case_show(
    ctx: typer.Context,
    case_id: IdArg,
    as_json: JsonOpt = False,
    no_pager: NoPagerOpt = False,
    lang: LangOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    cfg = settings(ctx, lang, data_dir)
    with opened(write=False) as journal:
        case = journal.case(case_id)
    if as_json:
        cfg.io.json(case.as_json())
        return
    from smartstore_help.ui import render

    with paged(cfg, no_pager):
        cfg.io.show(render.case_view(case, cfg.channels(), cfg.lang))


@case_app.command("note")
def case_note(
    ctx: typer.Context,
    case_id: IdArg,
    text: Annotated[str | None, typer.Argument(metavar="TEXT")] = None,
    ref: Annotated[str | None, typer.Option("--ref", metavar="REF")] = None,
    reply_within: Annotated[int | None, typer.Option("--reply-within", metavar="N")] = None,
    reply_by: Annotated[str | None, typer.Option("--reply-by", metavar="DATE")] = None,
    at: AtOpt = None,
    lang: LangOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    cfg = settings(ctx, lang, data_dir)
    exclusive(cfg.lang, **{"--reply-within": reply_within, "--reply-by": reply_by})
    now = cfg.moment(at, KST)
    due = _promise_due(cfg, now, reply_within, reply_by) if reply_within is not None or reply_by is not None else None
    if text is None:
        if cfg.io.interactive:
            from smartstore_help.ui.prompter import Back

            typed = cfg.io.prompter(cfg.lang).text(t("case.note_prompt", cfg.lang), multiline=True)
            text = "" if isinstance(typed, Back) else typed
        else:
            from smartstore_help.ui.iostreams import InputTooLong

            try:
                text = cfg.io.read_all(MAX_NOTE_BYTES)
            except InputTooLong:
                raise UserError(t("error.note_too_long", cfg.lang, limit="1 MB")) from None
    if len((text or "").encode("utf-8", "surrogatepass")) > MAX_NOTE_BYTES:
        raise UserError(t("error.note_too_long", cfg.lang, limit="1 MB"))
    from smartstore_help.core.textin import clean

    text = clean(text or "").strip()
    ref = clean(ref or "").strip() or None
    if not text and not ref and due is None:
        raise UserError(t("error.empty_note", cfg.lang))
    from smartstore_help.store.journal import stamp

    with opened(write=True, case_id=case_id) as journal:
        journal.add_note(case_id, stamp(now), text, ref, stamp(due) if due else None, reply_within)
    cfg.io.write(t("case.noted", cfg.lang, id=case_id))
    if due is not None:
        cfg.io.write(
            t(
                "promise.noted",
                cfg.lang,
                due=f"{timesay.stamp(due, KST, cfg.lang)} ({timesay.until(due, now, cfg.lang)})",
            )
        )


def _promise_due(cfg: Settings, now: datetime, within: int | None, by: str | None) -> datetime:
    """When a promised reply falls due, on the `business` schedule of the data."""
    import re
    from datetime import date

    from smartstore_help.core import business_days

    lang = cfg.lang
    try:
        schedule = business_days.business_schedule(cfg.channels())
    except business_days.NoBusinessDay:
        raise UserError(t("error.no_business_day", lang, schedule=business_days.BUSINESS)) from None
    if within is not None:
        if not 1 <= within <= business_days.MAX_DAYS:
            raise UserError(t("error.reply_days", lang, max=business_days.MAX_DAYS))
        try:
            return business_days.due_within(schedule, now, within, holidays_for(now), KST)
        except business_days.NoBusinessDay:
            raise UserError(t("error.no_business_day", lang, schedule=schedule.id)) from None
        except (OverflowError, ValueError):  # counted past the last date the calendar can hold
            raise UserError(t("error.promise_range", lang)) from None
    assert by is not None
    value = by.strip()
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            day = date.fromisoformat(value)
            if not timeparse.FIRST_YEAR <= day.year <= timeparse.LAST_YEAR:
                raise timeparse.TimeOutOfRange(by)
            due = business_days.due_by(schedule, day, holidays_for(datetime(day.year, 6, 1, tzinfo=KST)), KST)
        else:
            due = timeparse.parse_at(value, now, KST)
    except timeparse.TimeOutOfRange as error:
        raise UserError(
            t("error.option", lang, option="--reply-by", message=timeparse.explain(error, now, KST, lang))
        ) from None
    except (ValueError, OverflowError):
        raise UserError(t("error.reply_by", lang, value=by)) from None
    if due < now:
        raise UserError(t("error.reply_past", lang, value=by, now=timesay.stamp(now, KST, lang)))
    return due


@case_app.command("close")
def case_close(
    ctx: typer.Context,
    case_id: IdArg,
    resolved: Annotated[
        bool | None,
        typer.Option(
            "--resolved/--unresolved",
        ),
    ] = None,
    rating: Annotated[int | None, typer.Option("--rating", metavar="1-5")] = None,
    feedback: Annotated[str | None, typer.Option("--feedback", metavar="TEXT")] = None,
    at: AtOpt = None,
    lang: LangOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    cfg = settings(ctx, lang, data_dir)
    if rating is not None and not 1 <= rating <= 5:
        raise UserError(t("error.rating", cfg.lang))
    from smartstore_help.core.textin import clean
    from smartstore_help.store.journal import stamp

    with opened(write=True, case_id=case_id) as journal:
        journal.case(case_id)  # an unknown case is said before anything is asked
    if resolved is None:
        if not cfg.io.interactive:
            raise UserError(t("error.resolved_flag", cfg.lang))
        resolved, rating, feedback = _ask_outcome(cfg, rating, feedback)
    with opened(write=True, case_id=case_id) as journal:
        before = journal.close_case(
            case_id, stamp(cfg.moment(at, KST)), resolved, rating, clean(feedback or "").strip() or None
        )
    outcome = t("case.resolved" if resolved else "case.unresolved", cfg.lang)
    cfg.io.write(t("case.closed", cfg.lang, id=case_id, outcome=outcome))
    if before is not None:
        from smartstore_help.ui.render import outcome_text

        cfg.io.say(t("case.closed_again", cfg.lang, id=case_id, before=outcome_text(before, cfg.lang)))


def _ask_outcome(cfg: Settings, rating: int | None, feedback: str | None) -> tuple[bool, int | None, str | None]:
    """On a terminal, `case close ID` asks what --resolved/--unresolved, --rating and --feedback say."""
    from smartstore_help.ui.prompter import Back, ask_text

    lang = cfg.lang
    prompter = cfg.io.prompter(lang)
    picked = prompter.select(
        t("case.ask_outcome", lang),
        [("yes", t("case.resolved", lang)), ("no", t("case.unresolved", lang))],
        "yes",
        can_go_back=False,
    )
    resolved = picked == "yes"
    if rating is None:
        choices = [("skip", t("case.ask_rating_skip", lang))] + [(str(n), "★" * n) for n in range(5, 0, -1)]
        chosen = prompter.select(t("case.ask_rating", lang), choices, "skip", can_go_back=False)
        rating = None if isinstance(chosen, Back) or chosen == "skip" else int(chosen)
    if feedback is None:
        feedback = ask_text(prompter, t("case.ask_feedback", lang)) or None
    return resolved, rating, feedback


@case_app.command("follow-up")
def case_follow_up(
    ctx: typer.Context,
    case_id: IdArg,
    at: AtOpt = None,
    save: Annotated[bool, typer.Option("--save")] = False,
    as_json: JsonOpt = False,
    lang: LangOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    cfg = settings(ctx, lang, data_dir)
    data = cfg.channels()
    tz = ZoneInfo(data.timezone)
    now = cfg.moment(at, tz)
    from smartstore_help.cli.casebook import save_case

    with opened(write=False) as journal:
        case = journal.case(case_id)
    first = case.follow_up_of or case.id
    # a type since removed from the data: the follow-up still cites the case, with the answers it has
    answers = (
        rules.complete_answers(data, case.type, case.answers)
        if case.type in {p.id for p in data.problem_types}
        else {"type": case.type}
    )
    plan = rules.recommend(data, answers, now, holidays_for(now))
    # like the first inquiry, the follow-up is written in Korean for the help centre, with the
    # seller's own language beside it
    drafts = {
        lng: draft.follow_up(data, case.type, answers, _details(case), _earlier(case, data, now, lng), lng)
        for lng in ("ko", "en")
    }
    text = drafts["ko"]
    new_id = (
        save_case(now, case.type, answers, case.details, plan.best.channel.id, plan.best.channel.id, text, first)
        if save
        else None
    )
    if as_json:
        from smartstore_help.core import jsonout

        cfg.io.json(
            {
                "case": case.id,
                "draft": text,
                "draft_lang": "ko",
                "draft_en": drafts["en"],
                "saved_as": new_id,
                "now": jsonout.iso(now),
                "recommendations": jsonout.recommendations(plan, cfg.lang),
            }
        )
        return
    from smartstore_help.ui import render

    cfg.io.show(render.plan_view(plan, now, tz, cfg.lang))
    if cfg.lang == "ko":
        cfg.io.show(render.draft_view(text, cfg.lang, t("case.follow_up_title", cfg.lang)))
    else:
        cfg.io.show(render.draft_pair_view(text, "ko", drafts[cfg.lang], cfg.lang))
    if new_id is not None:
        cfg.io.write(t("case.saved", cfg.lang, id=new_id))


def _details(case: Case) -> draft.Details:
    d = case.details
    return draft.Details(
        d.get("description", ""), d.get("order_no", ""), None, d.get("tried", ""), d.get("store_id", "")
    )


def _earlier(case: Case, data: ChannelData, now: datetime, lang: Lang) -> draft.EarlierContact:
    names = {c.id: c.name(lang) for c in data.channels}
    promised = next((n for n in reversed(case.notes) if n.reply_due), None)
    due = _parse_stamp(promised.reply_due) if promised is not None and promised.reply_due else None
    return draft.EarlierContact(
        when=case.created_at.replace("T", " ")[:16] + " KST",
        channel=names.get(case.chosen, case.chosen),
        refs=tuple(n.ref for n in case.notes if n.ref),
        notes=_cited_notes(case, promised) + ((case.feedback,) if case.feedback else ()),
        promise=promised.text if promised is not None and due is not None else "",
        promise_due=timesay.stamp(due, KST, lang) if due is not None else "",
        promise_overdue=due is not None and now > due and case.status == "open",
    )


def _cited_notes(case: Case, promised: Note | None) -> tuple[str, ...]:
    """The notes a follow-up cites, the latest last. The note holding the promise is cited on the
    promise's own line, unless it is the only note: then it is cited here too, never "(none)"."""
    said = tuple(n.text for n in case.notes if n.text and n is not promised)
    return said or tuple(n.text for n in case.notes if n.text)


def _parse_stamp(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


@case_app.command("due")
def case_due(
    ctx: typer.Context,
    at: AtOpt = None,
    ics: Annotated[bool, typer.Option("--ics")] = False,
    as_json: JsonOpt = False,
    lang: LangOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    from smartstore_help.core import promises

    cfg = settings(ctx, lang, data_dir)
    exclusive(cfg.lang, **{"--ics": ics, "--json": as_json})
    cfg.io.remind = False  # this list is the reminder
    now = cfg.moment(at, KST)
    skipped: list[int] = []
    with opened(write=False) as journal:
        due = promises.due_list(journal.open_promises(skipped), now)
        chosen = {d.case_id: journal.case(d.case_id).chosen for d in due} if ics else {}
    if skipped:
        cfg.io.write(t("case.skipped_promises", cfg.lang, ids=", ".join(f"#{i}" for i in skipped)), err=True)
    if ics:
        _write_ics(cfg, due, chosen, now)
        return
    if as_json:
        from smartstore_help.core.jsonout import iso

        cfg.io.json(
            {
                "now": iso(now),
                "cases": [
                    {
                        "id": d.case_id,
                        "due": iso(d.due),
                        "overdue": d.overdue,
                        "promise": d.promise or _said(d, cfg.lang),
                        "follow_up": f"ss-help case follow-up {d.case_id}",
                    }
                    for d in due
                ],
            }
        )
        return
    if not due:
        cfg.io.write(t("due.none", cfg.lang))
        return
    from smartstore_help.ui import render

    shown = [d._replace(promise=d.promise or _said(d, cfg.lang)) for d in due]
    cfg.io.lines(render.due_view(shown, now, KST, cfg.lang, cfg.io.columns))


def _write_ics(cfg: Settings, due: list[Due], chosen: dict[int, str], now: datetime) -> None:
    """`case due --ics`: the open promises as calendar events, the file's bytes exactly (CRLF)."""
    from smartstore_help import __version__
    from smartstore_help.core import ical

    lang = cfg.lang
    names = {c.id: c.name(lang) for c in cfg.channels().channels}
    events = [
        ical.Event(
            uid=f"ss-help-case-{d.case_id}-{d.due.astimezone(KST):%Y%m%dT%H%M}@ss-help",
            start=d.due,
            summary=t("ics.summary", lang, id=d.case_id, channel=names.get(chosen[d.case_id], chosen[d.case_id])),
            description=t(
                "ics.description",
                lang,
                promise=d.promise or _said(d, lang),
                command=f"ss-help case follow-up {d.case_id}",
            ),
        )
        for d in due
    ]
    document = ical.calendar(events, now, f"-//ss-help//ss-help {__version__}//{lang.upper()}", t("ics.name", lang))
    cfg.io.write_bytes(document.encode("utf-8"))


def _said(due: Due, lang: Lang) -> str:
    """A promise recorded with no words of its own, described by its terms."""
    if due.days:
        return t("promise.within", lang, days=due.days)
    return t("promise.by", lang, date=timesay.stamp(due.due, KST, lang))


@case_app.command("stats")
def case_stats(ctx: typer.Context, as_json: JsonOpt = False, lang: LangOpt = None, data_dir: DataDirOpt = None) -> None:
    from smartstore_help.core import history

    cfg = settings(ctx, lang, data_dir)
    damaged: list[int] = []
    with opened(write=False) as journal:  # only what the statistics read: 50,000 cases stay small
        cases = [_slim(c) for c in journal.each_case(damaged)]
    _report_damaged(cfg, tuple(damaged))
    data = cfg.channels()
    by_channel = history.stats(cases, lambda c: c.chosen, {c.id: i for i, c in enumerate(data.channels)})
    by_type = history.stats(cases, lambda c: c.type, {p.id: i for i, p in enumerate(data.problem_types)})
    if as_json:
        cfg.io.json(
            {
                "channels": [_stats_json(s, "channel") for s in by_channel],
                "types": [_stats_json(s, "type") for s in by_type],
            }
        )
        return
    if not cases:
        cfg.io.write(t("stats.none", cfg.lang))
        return
    from smartstore_help.ui import render

    cfg.io.lines(render.stats_view(by_channel, by_type, data, cfg.lang))


def _stats_json(stats: Stats, key: str) -> dict[str, Any]:
    return {
        key: stats.key,
        "cases": stats.cases,
        "closed": stats.closed,
        "resolved": stats.resolved,
        "avg_rating": stats.avg_rating,
        "median_hours": stats.median_hours,
    }


@case_app.command("export")
def case_export(
    ctx: typer.Context,
    as_csv: Annotated[bool, typer.Option("--csv")] = False,
    as_json: JsonOpt = False,
    lang: LangOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    cfg = settings(ctx, lang, data_dir)
    exclusive(cfg.lang, **{"--csv": as_csv, "--json": as_json})
    damaged: list[int] = []
    with opened(write=False) as journal:
        if as_csv:
            _export_csv(cfg, journal, damaged)
        else:
            _export_json(cfg, journal, damaged)
    _report_damaged(cfg, tuple(damaged))


def _export_json(cfg: Settings, journal: Journal, damaged: list[int]) -> None:
    """`{"cases": [...]}`, a case at a time (50,000 cases never sit in memory together)."""
    _stream_json(cfg, {}, "cases", (case.as_json() for case in journal.each_case(damaged, with_notes=True)))


def _export_csv(cfg: Settings, journal: Journal, damaged: list[int]) -> None:
    """Two passes over the journal, neither holding every case: the columns (answers and details
    that any case has), then the rows, written in batches."""
    import csv
    import io

    from smartstore_help.core import export
    from smartstore_help.ui.render import plain

    # The stored text is the seller's own, but a terminal must never receive its escape sequences.
    clean = plain if cfg.io.out.isatty() else str
    layout = export.Layout.of(journal.each_case([]), cfg.channels(), cfg.lang)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write(export.BOM)
    writer.writerow(layout.header())
    for case in journal.each_case(damaged, with_notes=True):
        writer.writerow(layout.row(case, clean))
        if buffer.tell() > 1 << 16:
            cfg.io.write_bytes(buffer.getvalue().encode("utf-8"))
            buffer.seek(0)
            buffer.truncate()
    cfg.io.write_bytes(buffer.getvalue().encode("utf-8"))


@case_app.command("delete")
def case_delete(
    ctx: typer.Context,
    case_id: IdArg,
    yes: Annotated[bool, typer.Option("--yes", "-y")] = False,
    lang: LangOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    cfg = settings(ctx, lang, data_dir)
    import contextlib

    from smartstore_help.store.journal_faults import DamagedCase

    with opened(write=False) as journal, contextlib.suppress(DamagedCase):
        # a damaged case exists all the same: deleting it is how the seller gets rid of it
        journal.case(case_id)
    if not yes:
        if not cfg.io.interactive:
            raise UserError(t("error.delete_needs_yes", cfg.lang))
        from smartstore_help.ui.prompter import ask_yes_no

        if not ask_yes_no(cfg.io.prompter(cfg.lang), cfg.lang, _delete_question(cfg, case_id)):
            cfg.io.write(t("case.kept", cfg.lang))
            return
    with opened(write=True, case_id=case_id) as journal:
        journal.delete_case(case_id)
    cfg.io.write(t("case.deleted", cfg.lang, id=case_id))


def _delete_question(cfg: Settings, case_id: int) -> str:
    """`#1 (결제·정산 · 2026-09-23 15:00 · 정산 보류…) 상담 기록과 메모를 모두 삭제할까요?`: what #1 was,
    its description cut so that the question stays on one line of the terminal."""
    import contextlib

    from smartstore_help.store.journal_faults import DamagedCase
    from smartstore_help.ui.render import case_label
    from smartstore_help.ui.term import width

    with opened(write=False) as journal, contextlib.suppress(DamagedCase):
        case = journal.case(case_id)
        data, lang = cfg.channels(), cfg.lang
        short = t("case.delete_confirm_named", lang, id=case_id, what=case_label(case, data, lang, limit=0))
        room = cfg.io.columns - width(short) - 12  # "? " before it and the key hint after it
        return t("case.delete_confirm_named", lang, id=case_id, what=case_label(case, data, lang, limit=room))
    return t("case.delete_confirm", cfg.lang, id=case_id)
