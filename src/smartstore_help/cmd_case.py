"""`ss-help case …`: the local journal of contacts, notes, outcomes and follow-ups."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any
from zoneinfo import ZoneInfo

import typer

if TYPE_CHECKING:
    from smartstore_help.journal import Case, Journal

from smartstore_help import draft, rules
from smartstore_help.i18n import t
from smartstore_help.model import ChannelData, Lang
from smartstore_help.shell import (
    AtOpt,
    DataDirOpt,
    JsonOpt,
    LangOpt,
    UserError,
    app,
    clock,
    handles_errors,
    holidays_for,
    moment,
    print_json,
    settings,
)

case_app = typer.Typer(no_args_is_help=True, help="상담 기록: 메모, 피드백, 재문의 · The case journal.")
app.add_typer(case_app, name="case")

IdArg = Annotated[int, typer.Argument(metavar="ID", help="상담 기록 번호 · Case number.")]


def stamp(now: datetime | None = None) -> str:
    """Journal times are KST, to the second, as text that sorts."""
    return (now or clock()).astimezone(ZoneInfo("Asia/Seoul")).isoformat(timespec="seconds")


@contextmanager
def opened(lang: Lang, *, write: bool) -> Iterator[Journal]:
    from smartstore_help.journal import Journal, JournalError, UnknownCase  # sqlite3: only when needed

    try:
        journal = Journal(write=write)
    except JournalError as error:
        raise UserError(t(f"error.journal.{error.kind}", lang, path=error.path, detail=error.detail)) from None
    try:
        yield journal
    except UnknownCase as missing:
        raise UserError(t("error.unknown_case", lang, id=missing.args[0])) from None
    finally:
        journal.close()


def save_case(lang: Lang, now: datetime, type_id: str, answers: dict[str, Any], details: dict[str, str],
              recommended: str, chosen: str, text: str, follow_up_of: int | None = None) -> int:
    with opened(lang, write=True) as journal:
        return journal.add_case(stamp(now), type_id, answers, details, recommended, chosen, text, follow_up_of)


@case_app.command("list")
@handles_errors
def case_list(ctx: typer.Context,
              status: Annotated[str | None, typer.Option("--status", metavar="open|closed")] = None,
              as_json: JsonOpt = False, lang: LangOpt = None, data_dir: DataDirOpt = None) -> None:
    """상담 기록 목록, 최근 것부터 · The cases, newest first."""
    cfg = settings(ctx, lang, data_dir)
    if status not in (None, "open", "closed"):
        raise UserError(t("error.unknown_type", cfg.lang, value=status, known="open, closed"))
    with opened(cfg.lang, write=False) as journal:
        cases = journal.cases(status)
        counts = {c.id: journal.note_count(c.id) for c in cases}
    if as_json:
        print_json({"cases": [{**c.as_json(), "notes": counts[c.id]} for c in cases]})
        return
    from smartstore_help import render

    if not cases:
        typer.echo(t("case.none", cfg.lang))
        return
    render.make_console().print(render.case_table(cases, counts, cfg.channels(), cfg.lang))


@case_app.command("show")
@handles_errors
def case_show(ctx: typer.Context, case_id: IdArg, as_json: JsonOpt = False, lang: LangOpt = None,
              data_dir: DataDirOpt = None) -> None:
    """한 상담의 전체 기록: 답변, 문의 글, 메모, 결과 · One case, the whole story."""
    cfg = settings(ctx, lang, data_dir)
    with opened(cfg.lang, write=False) as journal:
        case = journal.case(case_id)
    if as_json:
        print_json(case.as_json())
        return
    from smartstore_help import render

    render.make_console().print(render.case_view(case, cfg.channels(), cfg.lang))


@case_app.command("note")
@handles_errors
def case_note(ctx: typer.Context, case_id: IdArg,
              text: Annotated[str | None, typer.Argument(help="메모 (없으면 표준 입력이나 입력 창) · Note.")] = None,
              ref: Annotated[str | None, typer.Option("--ref", help="상담사가 준 접수·참고번호 · "
                                                                    "The agent's ticket or reference number.")] = None,
              lang: LangOpt = None, data_dir: DataDirOpt = None) -> None:
    """메모 남기기 (시각 자동 기록) · Add a timestamped note."""
    cfg = settings(ctx, lang, data_dir)
    if text is None:
        if not sys.stdin.isatty():
            text = sys.stdin.read()
        else:
            import questionary

            text = questionary.text(t("case.note_prompt", cfg.lang), multiline=True, instruction="").unsafe_ask()
    if not (text or "").strip() and not (ref or "").strip():
        raise UserError(t("error.empty_note", cfg.lang))
    with opened(cfg.lang, write=True) as journal:
        journal.add_note(case_id, stamp(), (text or "").strip(), (ref or "").strip() or None)
    typer.echo(t("case.noted", cfg.lang, id=case_id))


@case_app.command("close")
@handles_errors
def case_close(ctx: typer.Context, case_id: IdArg,
               resolved: Annotated[bool | None, typer.Option("--resolved/--unresolved",
                                                             help="해결됐나요? · Was it solved?")] = None,
               rating: Annotated[int | None, typer.Option("--rating", metavar="1-5",
                                                          help="상담 만족도 · How was the support?")] = None,
               feedback: Annotated[str | None, typer.Option("--feedback", help="피드백 · Feedback.")] = None,
               lang: LangOpt = None, data_dir: DataDirOpt = None) -> None:
    """상담 종료: 해결 여부, 평점, 피드백 · Close a case with its outcome."""
    cfg = settings(ctx, lang, data_dir)
    if resolved is None:
        raise UserError(t("error.resolved_flag", cfg.lang))
    if rating is not None and not 1 <= rating <= 5:
        raise UserError(t("error.rating", cfg.lang))
    with opened(cfg.lang, write=True) as journal:
        journal.close_case(case_id, stamp(), resolved, rating, (feedback or "").strip() or None)
    typer.echo(t("case.closed", cfg.lang, id=case_id,
                 outcome=t("case.resolved" if resolved else "case.unresolved", cfg.lang)))


@case_app.command("follow-up")
@handles_errors
def case_follow_up(ctx: typer.Context, case_id: IdArg, at: AtOpt = None,
                   save: Annotated[bool, typer.Option("--save", help="새 상담 기록으로 저장 · "
                                                                    "Save it as a new case.")] = False,
                   as_json: JsonOpt = False, lang: LangOpt = None, data_dir: DataDirOpt = None) -> None:
    """다시 생긴 문제의 재문의 글 (이전 상담을 인용) + 지금 맞는 채널 · A follow-up citing the first contact."""
    cfg = settings(ctx, lang, data_dir)
    data = cfg.channels()
    tz = ZoneInfo(data.timezone)
    now = moment(at, tz, cfg.lang)
    with opened(cfg.lang, write=False) as journal:
        case = journal.case(case_id)
    first = case.follow_up_of or case.id
    answers = rules.complete_answers(data, case.type, case.answers) if case.type in {
        p.id for p in data.problem_types} else {}
    plan = rules.recommend(data, answers, now, holidays_for(now))
    text = draft.follow_up(data, case.type, answers, _details(case), _earlier(case, data, cfg.lang), cfg.lang)
    new_id = save_case(cfg.lang, now, case.type, answers, case.details, plan.best.channel.id,
                       plan.best.channel.id, text, first) if save else None
    if as_json:
        from smartstore_help import jsonout

        print_json({"case": case.id, "draft": text, "saved_as": new_id, "now": jsonout.iso(now),
                    "recommendations": jsonout.recommendations(plan, cfg.lang)})
        return
    from smartstore_help import render

    console = render.make_console()
    console.print(render.plan_view(plan, now, tz, cfg.lang))
    console.print(render.draft_view(text, cfg.lang, t("case.follow_up_title", cfg.lang)))
    if new_id is not None:
        typer.echo(t("case.saved", cfg.lang, id=new_id))


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
@handles_errors
def case_export(ctx: typer.Context,
                as_csv: Annotated[bool, typer.Option("--csv", help="CSV (한 줄에 한 상담) · One case a row.")] = False,
                as_json: Annotated[bool, typer.Option("--json", help="JSON (기본) · JSON (the default).")] = False,
                lang: LangOpt = None, data_dir: DataDirOpt = None) -> None:
    """모든 상담 기록 내보내기 · Export every case with its notes."""
    cfg = settings(ctx, lang, data_dir)
    with opened(cfg.lang, write=False) as journal:
        cases = journal.cases(with_notes=True)
    if not as_csv:
        print_json({"cases": [c.as_json() for c in cases]})
        return
    import csv
    import json

    columns = ["id", "created_at", "type", "status", "resolved", "rating", "feedback", "closed_at", "recommended",
               "chosen", "follow_up_of", "answers", "details", "draft", "notes"]
    writer = csv.DictWriter(sys.stdout, columns, lineterminator="\n")
    writer.writeheader()
    for case in cases:
        row = case.as_json()
        row["answers"] = json.dumps(case.answers, ensure_ascii=False)
        row["details"] = json.dumps(case.details, ensure_ascii=False)
        row["notes"] = json.dumps(row["notes"], ensure_ascii=False)
        writer.writerow({k: row[k] for k in columns})


@case_app.command("delete")
@handles_errors
def case_delete(ctx: typer.Context, case_id: IdArg,
                yes: Annotated[bool, typer.Option("--yes", "-y", help="묻지 않고 삭제 · Do not ask.")] = False,
                lang: LangOpt = None, data_dir: DataDirOpt = None) -> None:
    """상담 기록과 메모 삭제 (먼저 확인) · Delete a case and its notes (asks first)."""
    cfg = settings(ctx, lang, data_dir)
    with opened(cfg.lang, write=False) as journal:
        journal.case(case_id)
    if not yes:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise UserError(t("error.delete_needs_yes", cfg.lang))
        from smartstore_help.wizard import ask_yes_no

        if not ask_yes_no(cfg.lang, t("case.delete_confirm", cfg.lang, id=case_id)):
            typer.echo(t("case.kept", cfg.lang))
            return
    with opened(cfg.lang, write=True) as journal:
        journal.delete_case(case_id)
    typer.echo(t("case.deleted", cfg.lang, id=case_id))
