"""`ss-help contact`: the wizard, or the same answers from flags when there is no terminal."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated
from zoneinfo import ZoneInfo

import typer

if TYPE_CHECKING:
    from smartstore_help.wizard import State

from smartstore_help import draft, rules, timefmt
from smartstore_help.i18n import t
from smartstore_help.model import Answer, ChannelData, Lang, Question
from smartstore_help.shell import (
    AtOpt,
    DataDirOpt,
    JsonOpt,
    LangOpt,
    Settings,
    UserError,
    app,
    handles_errors,
    holidays_for,
    moment,
    pick_channel,
    print_json,
    settings,
)

CLIPBOARD_TOOLS = (["wl-copy"], ["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"],
                   ["pbcopy"], ["clip.exe"])


def _flag_answers(cfg: ChannelData, type_id: str | None, urgent: bool | None, complex_: bool | None,
                  prefer: str | None, pairs: list[str], lang: Lang) -> dict[str, Answer]:
    """The answers the flags give, each checked against its question."""
    known: dict[str, Question] = {q.id: q for q in cfg.questions}
    for problem in cfg.problem_types:
        if type_id is None or problem.id == type_id:
            known.update({q.id: q for q in problem.questions})
    raw: dict[str, str | bool] = {}
    for name, value in (("urgent", urgent), ("complex", complex_), ("prefer", prefer)):
        if value is not None:
            raw[name] = value
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UserError(t("error.bad_answer", lang, value=pair, why=t("error.answer_form", lang)))
        raw[name.strip()] = value.strip()
    answers: dict[str, Answer] = {}
    for name, value in raw.items():
        question = known.get(name)
        if question is None:
            raise UserError(t("error.bad_answer", lang, value=f"{name}={value}",
                              why=t("error.answer_unknown", lang, known=", ".join(known))))
        if question.kind == "confirm" and isinstance(value, str):
            value = {"yes": True, "true": True, "y": True, "no": False, "false": False, "n": False}.get(
                value.lower(), value)
        if not question.accepts(value):
            allowed = "yes, no" if question.kind == "confirm" else ", ".join(c.value for c in question.choices)
            raise UserError(t("error.bad_answer", lang, value=f"{name}={value}",
                              why=t("error.answer_value", lang, known=allowed)))
        answers[name] = value
    return answers


def _write_output(path: Path, text: str, force: bool, interactive: bool, lang: Lang) -> None:
    """Write the draft in one piece (temporary file, then rename); never silently over a file."""
    if path.exists() and not force and not (interactive and _confirm_overwrite(path, lang)):
        raise UserError(t("error.output_exists", lang, path=path))
    from smartstore_help.cache import write_atomically

    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as error:
        raise UserError(t("error.output_failed", lang, path=path, why=error.strerror or error)) from None


def _confirm_overwrite(path: Path, lang: Lang) -> bool:
    from smartstore_help.wizard import ask_yes_no

    return ask_yes_no(lang, t("contact.overwrite", lang, path=path))


def copy_to_clipboard(text: str) -> bool:
    for command in CLIPBOARD_TOOLS:
        if shutil.which(command[0]):
            with contextlib.suppress(OSError, subprocess.SubprocessError):
                done = subprocess.run(command, input=text.encode("utf-8"), timeout=3, check=False,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                if done.returncode == 0:
                    return True
    return False


def _interactive(no_input: bool, as_json: bool) -> bool:
    return not (no_input or as_json) and sys.stdin.isatty() and sys.stdout.isatty()


@app.command()
@handles_errors
def contact(
    ctx: typer.Context,
    kind: Annotated[str | None, typer.Option("--type", "-t", metavar="TYPE",
                                             help="technical | payment | return_exchange | other")] = None,
    urgent: Annotated[bool | None, typer.Option("--urgent/--not-urgent", help="급한 문제인가요? · Urgent?")] = None,
    complex_: Annotated[bool | None, typer.Option("--complex/--simple",
                                                  help="복잡한 문제인가요? · Complex or simple?")] = None,
    prefer: Annotated[str | None, typer.Option("--prefer", metavar="CHANNEL",
                                               help="선호 채널 · Preferred channel (any, chat, phone, email).")] = None,
    answer: Annotated[list[str] | None, typer.Option("--answer", "-a", metavar="ID=VALUE",
                                                     help="그 밖의 질문에 답하기 · Answer any other question "
                                                          "(e.g. topic=settlement, has_evidence=yes).")] = None,
    description: Annotated[str | None, typer.Option("--description", "-d",
                                                    help="문제 한 줄 설명 · One-line description.")] = None,
    order_no: Annotated[str | None, typer.Option("--order-no", help="주문번호 · Order number (digits).")] = None,
    occurred_at: Annotated[str | None, typer.Option("--occurred-at", metavar="TIME",
                                                    help="발생 시각 (KST) · When it happened.")] = None,
    tried: Annotated[str | None, typer.Option("--tried", help="이미 해 본 것 · What you already tried.")] = None,
    store_id: Annotated[str | None, typer.Option("--store-id", help="스토어 ID · Your store ID.")] = None,
    at: AtOpt = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="질문하지 않기 · Never prompt; use the flags.")] = False,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE",
                                                help="문의 글을 파일로 저장 · Write the inquiry text to FILE.")] = None,
    force: Annotated[bool, typer.Option("--force", help="--output 파일 덮어쓰기 · Overwrite FILE.")] = False,
    copy: Annotated[bool | None, typer.Option("--copy/--no-copy",
                                              help="클립보드에 복사 (대화형에서는 기본) · Copy to the clipboard "
                                                   "(default when interactive).")] = None,
    open_url: Annotated[bool, typer.Option("--open", help="추천 채널 주소를 브라우저로 열기 · "
                                                          "Open the channel's page in the browser.")] = False,
    save: Annotated[bool | None, typer.Option("--save/--no-save",
                                              help="상담 기록으로 저장 (대화형에서는 물어봄) · Save the case "
                                                   "(asked when interactive).")] = None,
    chosen: Annotated[str | None, typer.Option("--chosen", metavar="CHANNEL",
                                               help="실제로 쓸 채널 (기본: 추천) · The channel you will use.")] = None,
    as_json: JsonOpt = False,
    lang: LangOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """상황에 맞는 상담 채널, 준비물, 문의 글 · The right channel now, what to prepare, the inquiry text."""
    cfg = settings(ctx, lang, data_dir)
    lng = cfg.lang
    data = cfg.channels()
    tz = ZoneInfo(data.timezone)
    now = moment(at, tz, lng)
    known_types = [p.id for p in data.problem_types]
    if kind is not None and kind not in known_types:
        raise UserError(t("error.unknown_problem_type", lng, value=kind, known=", ".join(known_types)))
    if chosen is not None:
        pick_channel(data, chosen, lng)
    given = _flag_answers(data, kind, urgent, complex_, prefer, answer or [], lng)
    details = _flag_details(description, order_no, occurred_at, tried, store_id, now, tz, lng)
    if details.get("order_no") and "has_order_no" not in given:
        given["has_order_no"] = True
    interactive = _interactive(no_input, as_json)
    if interactive:
        from smartstore_help.wizard import State

        state = _run_wizard(cfg, data, now, lng, State(kind, given, details))
        if state is None:
            return
        kind, given, details = state.type, state.answers, state.details
        faq_ids = state.faq_ids
    else:
        missing = ([] if kind else ["--type"]) + [
            f"--answer {q}=…" for q in (rules.missing_answers(data, kind, given) if kind else [])]
        if missing:
            raise UserError(t("error.missing_flags", lng, flags=", ".join(missing)))
        assert kind is not None
        faq_ids = _faq_for(cfg, data, kind, details.get("description", ""), lng)
    assert kind is not None
    answers = rules.complete_answers(data, kind, given)
    plan = rules.recommend(data, answers, now, holidays_for(now))
    when = timefmt.parse_at(details["occurred_at"], now, tz) if details.get("occurred_at") else now
    text = draft.compose(data, kind, answers, draft.Details(
        details.get("description", ""), details.get("order_no", ""), when, details.get("tried", ""),
        details.get("store_id", "")), lng)
    if as_json:
        from smartstore_help.jsonout import contact as contact_json

        print_json(contact_json(data, kind, answers, now, plan, draft.checklist(data, kind, answers), faq_ids,
                                text, lng))
    else:
        _show_result(data, kind, answers, plan, now, tz, faq_ids, cfg, text, interactive, lng)
    if output is not None:
        _write_output(output, text, force, interactive, lng)
        typer.echo(t("contact.written", lng, path=output))
    if copy if copy is not None else interactive:
        typer.echo(t("contact.copied" if copy_to_clipboard(text) else "contact.no_clipboard", lng),
                   err=as_json)
    if save is None and interactive:
        save, chosen = _offer_to_save(data, plan, chosen, lng)
    if save:
        from smartstore_help.cmd_case import save_case

        case_id = save_case(lng, now, kind, answers, details, plan.best.channel.id, chosen or plan.best.channel.id,
                            text)
        typer.echo(t("case.saved", lng, id=case_id), err=as_json)
    if open_url:
        import webbrowser

        url = plan.best.channel.url or data.help_center.url
        webbrowser.open(url)
        typer.echo(t("contact.opened", lng, url=url), err=as_json)


def _offer_to_save(data: ChannelData, plan: rules.Plan, chosen: str | None, lang: Lang) -> tuple[bool, str | None]:
    from smartstore_help.wizard import Back, QuestionaryPrompter, ask_yes_no

    if not ask_yes_no(lang, t("case.offer", lang), default=True):
        return False, chosen
    if chosen is None:
        prompter = QuestionaryPrompter(lang, print)
        choices = [(r.channel.id, r.channel.name(lang)) for r in plan.recommendations]
        picked = prompter.select(t("case.chosen", lang), choices, plan.best.channel.id, can_go_back=False)
        chosen = None if isinstance(picked, Back) else picked
    return True, chosen


def _flag_details(description: str | None, order_no: str | None, occurred_at: str | None, tried: str | None,
                  store_id: str | None, now: datetime, tz: ZoneInfo, lang: Lang) -> dict[str, str]:
    details = {k: v.strip() for k, v in (("description", description), ("tried", tried), ("store_id", store_id))
               if v is not None}
    if order_no is not None:
        try:
            details["order_no"] = draft.clean_order_no(order_no)
        except draft.BadOrderNumber:
            raise UserError(t("error.bad_order_no", lang, value=order_no)) from None
    if occurred_at is not None:
        try:
            details["occurred_at"] = f"{timefmt.parse_at(occurred_at, now, tz):%Y-%m-%d %H:%M}"
        except timefmt.BadTime:
            raise UserError(t("error.bad_at", lang, value=occurred_at)) from None
    return details


def _faq_for(cfg: Settings, data: ChannelData, kind: str, description: str, lang: Lang) -> list[str]:
    from smartstore_help import search

    problem = data.problem_type(kind)
    index = cfg.faq_index()
    for query in (description, f"{problem.name(lang)} {problem.hint(lang)}"):
        if query.strip():
            hits = search.search(index, query, 3, problem.faq_types, lang)
            if hits:
                return [h.entry.id for h in hits]
    return []


def _run_wizard(cfg: Settings, data: ChannelData, now: datetime, lang: Lang, preset: State) -> State | None:
    from smartstore_help.render import make_console, text
    from smartstore_help.wizard import QuestionaryPrompter, Wizard

    console = make_console()
    prompter = QuestionaryPrompter(lang, console.print)
    state = Wizard(data, cfg.faq_index(), now, holidays_for(now), lang, prompter, preset).run()
    if state.solved_by is not None:
        console.print(text(t("contact.solved", lang), "bold green"))
        return None
    return state


def _show_result(data: ChannelData, kind: str, answers: dict[str, Answer], plan: rules.Plan, now: datetime,
                 tz: ZoneInfo, faq_ids: list[str], cfg: Settings, text: str, interactive: bool, lang: Lang) -> None:
    """The plan and checklist (already shown by the wizard when interactive), then the draft."""
    from smartstore_help import render

    console = render.make_console()
    if not interactive:
        index = cfg.faq_index()
        entries = [e for e in (index.find(i) for i in faq_ids) if e is not None]
        if entries:
            console.print(render.faq_list_brief(entries, lang))
        console.print(render.plan_view(plan, now, tz, lang))
        console.print(render.checklist_view(data.problem_type(kind), draft.checklist(data, kind, answers), lang))
    console.print(render.draft_view(text, lang))

