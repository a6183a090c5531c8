"""`ss-help contact`: the wizard, or the same answers from flags when there is no terminal."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple
from zoneinfo import ZoneInfo

import typer

if TYPE_CHECKING:
    from smartstore_help.core.history import History
    from smartstore_help.core.search import Index
    from smartstore_help.ui.iostreams import IOStreams
    from smartstore_help.ui.wizard import State

from smartstore_help.cli import completers
from smartstore_help.cli.app import (
    AtOpt,
    DataDirOpt,
    JsonOpt,
    LangOpt,
    Settings,
    UserError,
    app,
    holidays_for,
    pick_channel,
    settings,
)
from smartstore_help.core import draft, rules, timeparse, timesay
from smartstore_help.core.i18n import t
from smartstore_help.core.model import LANGS, Answer, ChannelData, ChecklistItem, Lang, Question
from smartstore_help.core.textin import clean


class ContactOptions(NamedTuple):
    """Every answer the flags can give, and what to do with the result."""

    kind: str | None = None
    urgent: bool | None = None
    complex_: bool | None = None
    prefer: str | None = None
    answers: tuple[str, ...] = ()
    description: str | None = None
    order_no: str | None = None
    occurred_at: str | None = None
    tried: str | None = None
    store_id: str | None = None
    at: str | None = None
    no_input: bool = False
    output: Path | None = None
    force: bool = False
    copy: bool | None = None
    open_url: bool = False
    save: bool | None = None
    chosen: str | None = None
    as_json: bool = False
    described: str | None = None  # the DESCRIPTION argument: the same as --description
    draft_lang: str | None = None  # the language of the draft to send (default Korean)


@app.command()
def contact(
    ctx: typer.Context,
    described: Annotated[str | None, typer.Argument(metavar="[DESCRIPTION]")] = None,
    kind: Annotated[
        str | None, typer.Option("--type", "-t", metavar="TYPE", autocompletion=completers.problem_type)
    ] = None,
    urgent: Annotated[bool | None, typer.Option("--urgent/--not-urgent")] = None,
    complex_: Annotated[bool | None, typer.Option("--complex/--simple")] = None,
    prefer: Annotated[
        str | None, typer.Option("--prefer", metavar="CHANNEL", autocompletion=completers.preference)
    ] = None,
    answer: Annotated[list[str] | None, typer.Option("--answer", "-a", metavar="ID=VALUE")] = None,
    description: Annotated[str | None, typer.Option("--description", "-d", metavar="TEXT")] = None,
    order_no: Annotated[str | None, typer.Option("--order-no", metavar="NUMBER")] = None,
    occurred_at: Annotated[str | None, typer.Option("--occurred-at", metavar="TIME")] = None,
    tried: Annotated[str | None, typer.Option("--tried", metavar="TEXT")] = None,
    store_id: Annotated[str | None, typer.Option("--store-id", metavar="ID")] = None,
    at: AtOpt = None,
    no_input: Annotated[bool, typer.Option("--no-input")] = False,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE")] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    copy: Annotated[bool | None, typer.Option("--copy/--no-copy")] = None,
    open_url: Annotated[bool, typer.Option("--open")] = False,
    save: Annotated[bool | None, typer.Option("--save/--no-save")] = None,
    chosen: Annotated[
        str | None, typer.Option("--chosen", metavar="CHANNEL", autocompletion=completers.channel)
    ] = None,
    draft_lang: Annotated[
        str | None, typer.Option("--draft-lang", metavar="ko|en", autocompletion=completers.lang)
    ] = None,
    as_json: JsonOpt = False,
    lang: LangOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    run_contact(
        settings(ctx, lang, data_dir),
        ContactOptions(
            kind,
            urgent,
            complex_,
            prefer,
            tuple(answer or ()),
            description,
            order_no,
            occurred_at,
            tried,
            store_id,
            at,
            no_input,
            output,
            force,
            copy,
            open_url,
            save,
            chosen,
            as_json,
            described,
            draft_lang,
        ),
    )


class Gathered(NamedTuple):
    """Every answer, asked or from the flags, and where they came from."""

    channels: ChannelData
    now: datetime
    tz: ZoneInfo
    kind: str
    type_source: str  # "given" (--type or the menu) or "inferred" (from the description)
    given: dict[str, Answer]
    details: dict[str, str]
    faq_ids: list[str]
    faq_confident: bool
    interactive: bool
    faq_index: Callable[[], Index]
    chosen: str | None = None  # --chosen, as an id
    before_typing: dict[str, Answer] | None = None  # the wizard's answers when it showed the checklist


class Planned(NamedTuple):
    """What the answers lead to: the plan, the checklist and the draft to send (with its translation)."""

    facts: draft.Facts
    plan: rules.Plan
    checklist: list[tuple[ChecklistItem, bool]]
    text: str  # the draft to send, in `draft_lang`
    draft_lang: Lang
    translation: str | None  # the same draft in the seller's language, when that is not `draft_lang`
    drafts: dict[Lang, str]  # the draft in each language


def run_contact(cfg: Settings, opts: ContactOptions) -> None:
    """Answers (asked, or from the flags) → the plan, the checklist and the draft; shown; then
    written, copied, saved and opened as asked; and last, one screen that sums it up."""
    gathered = _gather(cfg, opts)
    if gathered is None:  # an FAQ answer solved it
        return
    planned = _plan(cfg, gathered, opts)
    if opts.as_json:
        _show_json(cfg, gathered, planned)
    else:
        _show(cfg, gathered, planned)
    case_id = _side_effects(cfg, gathered, planned, opts)
    if not opts.as_json:
        from smartstore_help.ui import render

        cfg.io.show(
            render.summary_view(
                planned.plan, gathered.now, gathered.tz, planned.text, case_id, cfg.lang, cfg.io.columns
            )
        )


def _gather(cfg: Settings, opts: ContactOptions) -> Gathered | None:
    """The options checked, then the rest asked (on a terminal) or required from the flags."""
    lng = cfg.lang
    channels = cfg.channels()
    tz = ZoneInfo(channels.timezone)
    now = cfg.moment(opts.at, tz)
    index = functools.cache(cfg.faq_index)  # loaded once, and only if a step needs it
    from smartstore_help.core import labels

    kind = None if opts.kind is None else labels.problem_type(channels, opts.kind, lng)
    prefer = None if opts.prefer is None else labels.preference(channels, opts.prefer, lng)
    if opts.chosen is not None:
        opts = opts._replace(chosen=pick_channel(channels, labels.channel(channels, opts.chosen, lng), lng).id)
    if opts.draft_lang not in (None, "ko", "en"):
        raise UserError(t("error.bad_draft_lang", lng, value=opts.draft_lang))
    if (
        opts.described is not None
        and opts.description is not None
        and opts.described.strip() != opts.description.strip()
    ):
        raise UserError(t("error.two_descriptions", lng))
    if opts.description is None:
        opts = opts._replace(description=opts.described)
    type_source = "given"
    interactive = cfg.io.interactive and not (opts.no_input or opts.as_json)
    if kind is None and opts.description and opts.description.strip() and not interactive:
        kind, type_source = _inferred_type(cfg, index, channels, opts.description), "inferred"
    if opts.output is not None and str(opts.output) != "-":  # `-`: standard output
        _check_output(opts.output, opts.force, interactive, lng)
    given = _flag_answers(channels, kind, opts.urgent, opts.complex_, prefer, list(opts.answers), lng)
    details = _flag_details(opts, now, tz, lng)
    if details.get("order_no") and "has_order_no" not in given:
        given["has_order_no"] = True
    if interactive:
        from smartstore_help.ui.wizard import State

        state = _run_wizard(cfg, channels, now, State(kind, given, details))
        if state is None:
            return None
        assert state.type is not None
        return Gathered(
            channels,
            now,
            tz,
            state.type,
            type_source,
            state.plan_answers(),
            state.details,
            state.faq_ids,
            state.faq_confident,
            True,
            index,
            opts.chosen,
            state.plan_answers(),
        )
    missing = ([] if kind else ["--type"]) + [
        f"--answer {q}=…" for q in (rules.missing_answers(channels, kind, given) if kind else [])
    ]
    if missing:
        raise UserError(t("error.missing_flags", lng, flags=", ".join(missing)))
    assert kind is not None
    faq_ids, faq_confident = _faq_for(index, channels, kind, details.get("description", ""), lng)
    return Gathered(
        channels, now, tz, kind, type_source, given, details, faq_ids, faq_confident, False, index, opts.chosen
    )


def _plan(cfg: Settings, g: Gathered, opts: ContactOptions) -> Planned:
    """The plan, the checklist and the draft. The draft goes to the help centre, whose agents read
    Korean: it is Korean unless --draft-lang says otherwise, with the seller's own language beside it."""
    facts = draft.reconcile(rules.complete_answers(g.channels, g.kind, g.given), g.details)
    plan = rules.recommend(g.channels, facts.answers, g.now, holidays_for(g.now), _history(g.kind))
    when = timeparse.parse_at(g.details["occurred_at"], g.now, g.tz) if g.details.get("occurred_at") else g.now
    typed = draft.Details(
        g.details.get("description", ""),
        g.details.get("order_no", ""),
        when,
        g.details.get("tried", ""),
        g.details.get("store_id", ""),
    )
    draft_lang: Lang = "en" if opts.draft_lang == "en" else "ko"
    drafts = {lng: draft.compose(g.channels, g.kind, facts.answers, typed, lng) for lng in LANGS}
    translation = None if draft_lang == cfg.lang else drafts[cfg.lang]
    checklist = draft.checklist(g.channels, g.kind, facts.answers, facts.missing)
    return Planned(facts, plan, checklist, drafts[draft_lang], draft_lang, translation, drafts)


def _show_json(cfg: Settings, g: Gathered, p: Planned) -> None:
    from smartstore_help.core.jsonout import contact as contact_json

    doc = contact_json(
        g.channels,
        g.kind,
        g.type_source,
        p.facts,
        g.now,
        p.plan,
        p.checklist,
        g.faq_ids,
        g.faq_confident,
        p.text,
        cfg.lang,
    )
    doc["draft_lang"] = p.draft_lang
    doc["draft_ko"] = p.drafts["ko"]
    doc["draft_en"] = p.drafts["en"]
    cfg.io.json(doc)


def _show(cfg: Settings, g: Gathered, p: Planned) -> None:
    """The plan and checklist (already shown by the wizard when interactive, the checklist again if
    what was typed since changed it), then the draft to send and, beside it, its translation."""
    from smartstore_help.ui import render

    lang, io = cfg.lang, cfg.io
    if not g.interactive:
        entries = [e for e in map(g.faq_index().find, g.faq_ids) if e is not None] if g.faq_confident else []
        if entries:
            io.show(render.faq_list_brief(entries, lang, g.now.date()))
        io.show(render.plan_view(p.plan, g.now, g.tz, lang, g.channels))
    changed = g.before_typing is not None and p.checklist != draft.checklist(
        g.channels, g.kind, rules.complete_answers(g.channels, g.kind, g.before_typing)
    )
    if not g.interactive or changed:
        io.show(render.checklist_view(g.channels.problem_type(g.kind), p.checklist, lang))
    if p.translation is None:
        io.show(render.draft_view(p.text, lang))
    else:
        io.show(render.draft_pair_view(p.text, p.draft_lang, p.translation, lang))


def _side_effects(cfg: Settings, g: Gathered, p: Planned, opts: ContactOptions) -> int | None:
    """Write, copy, save and open as asked (asked about on a terminal); the saved case's number."""
    io, lng = cfg.io, cfg.lang
    if opts.output is not None:
        _write_output(io, opts.output, p.text, opts.force, g.interactive, lng)
    if opts.copy if opts.copy is not None else g.interactive:
        from smartstore_help.ui.clipboard import copy

        why = copy(p.text)
        io.say(
            t("contact.copied", lng) if why is None else t("contact.not_copied", lng, why=t(why, lng)), err=opts.as_json
        )
    save, chosen = opts.save, g.chosen
    if save is None and g.interactive:
        save, chosen = _offer_to_save(io, p.plan, chosen, lng)
    case_id = None
    if save:
        from smartstore_help.cli.casebook import save_case

        best = p.plan.best.channel.id
        case_id = save_case(g.now, g.kind, p.facts.answers, g.details, best, chosen or best, p.text)
        io.say(t("case.saved", lng, id=case_id), err=opts.as_json)
    if opts.open_url:
        import webbrowser

        url = p.plan.best.channel.url or g.channels.help_center.url
        webbrowser.open(url)
        io.say(t("contact.opened", lng, url=url), err=opts.as_json)
    return case_id


def _flag_answers(
    cfg: ChannelData,
    type_id: str | None,
    urgent: bool | None,
    complex_: bool | None,
    prefer: str | None,
    pairs: list[str],
    lang: Lang,
) -> dict[str, Answer]:
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
            raise UserError(
                t(
                    "error.bad_answer",
                    lang,
                    value=f"{name}={value}",
                    why=t("error.answer_unknown", lang, known=", ".join(known)),
                )
            )
        if question.kind == "confirm" and isinstance(value, str):
            value = {"yes": True, "true": True, "y": True, "no": False, "false": False, "n": False}.get(
                value.lower(), value
            )
        if not question.accepts(value):
            allowed = "yes, no" if question.kind == "confirm" else ", ".join(c.value for c in question.choices)
            raise UserError(
                t("error.bad_answer", lang, value=f"{name}={value}", why=t("error.answer_value", lang, known=allowed))
            )
        answers[name] = value
    return answers


def _write_output(io: IOStreams, path: Path, text: str, force: bool, interactive: bool, lang: Lang) -> None:
    """Write the draft in one piece (temporary file, then rename); never silently over a file, and
    never onto anything but a regular file: a FIFO, a device or `/dev/stdout` is refused, a
    symbolic link is written through to its regular target (see `files`).

    Interactive, a seller who declines to overwrite is asked for another name (Enter: no file,
    and the run goes on); without a terminal an existing file needs --force."""
    from smartstore_help.store.files import write_atomically

    if str(path) == "-":  # `--output -`: the draft alone, on standard output
        io.write(text)
        return
    while True:
        target, exists = _check_output(path, force, interactive, lang)
        if not exists or force:
            break
        from smartstore_help.ui.prompter import ask_text, ask_yes_no

        prompter = io.prompter(lang)
        if ask_yes_no(prompter, lang, t("contact.overwrite", lang, path=path)):
            break
        other = ask_text(prompter, t("contact.other_path", lang))
        if not other:
            io.write(t("contact.not_written", lang))
            return
        path = Path(other).expanduser()
    try:
        write_atomically(target, text.encode("utf-8"))
    except OSError as error:
        raise UserError(t("error.output_failed", lang, path=path, why=error.strerror or error)) from None
    io.write(t("contact.written", lang, path=path))


def _check_output(path: Path, force: bool, interactive: bool, lang: Lang) -> tuple[Path, bool]:
    """Where the draft would really go and whether something is there; refused (before anything is
    printed, and again when writing) when it cannot be written without a question no one can answer."""
    if not path.parent.is_dir():  # a typo in the folder: say so rather than create folders nobody asked for
        raise UserError(t("error.output_failed", lang, path=path, why=t("error.no_folder", lang)))
    target, exists = _output_target(path, lang)
    if exists and not force and not interactive:
        raise UserError(t("error.output_exists", lang, path=path))
    return target, exists


_FILE_KINDS = {"directory": "file.directory", "fifo": "file.fifo", "device": "file.device", "socket": "file.socket"}


def _output_target(path: Path, lang: Lang) -> tuple[Path, bool]:
    from smartstore_help.store.files import NotRegularFile, output_target

    try:
        return output_target(path)
    except NotRegularFile as error:
        if error.kind == "dangling":
            raise UserError(t("error.output_dangling", lang, path=path)) from None
        raise UserError(t("error.output_not_file", lang, path=path, kind=t(_FILE_KINDS[error.kind], lang))) from None
    except OSError as error:
        raise UserError(t("error.output_failed", lang, path=path, why=error.strerror or error)) from None


def _offer_to_save(io: IOStreams, plan: rules.Plan, chosen: str | None, lang: Lang) -> tuple[bool, str | None]:
    from smartstore_help.ui.prompter import Back, ask_yes_no

    prompter = io.prompter(lang)
    if not ask_yes_no(prompter, lang, t("case.offer", lang), default=True):
        return False, chosen
    if chosen is None:
        choices = [(r.channel.id, r.channel.name(lang)) for r in plan.recommendations]
        picked = prompter.select(t("case.chosen", lang), choices, plan.best.channel.id, can_go_back=False)
        chosen = None if isinstance(picked, Back) else picked
    return True, chosen


def _flag_details(opts: ContactOptions, now: datetime, tz: ZoneInfo, lang: Lang) -> dict[str, str]:
    details = {
        k: clean(v).strip()
        for k, v in (("description", opts.description), ("tried", opts.tried), ("store_id", opts.store_id))
        if v is not None
    }
    if opts.order_no is not None:
        try:
            details["order_no"] = draft.clean_order_no(opts.order_no)
        except draft.BadOrderNumber:
            raise UserError(t("error.bad_order_no", lang, value=opts.order_no)) from None
    if opts.occurred_at is not None:
        try:
            details["occurred_at"] = timesay.absolute(timeparse.parse_when(opts.occurred_at, now, tz), tz)
        except timeparse.BadTime as error:
            raise UserError(
                t("error.option", lang, option="--occurred-at", message=timeparse.explain(error, now, tz, lang))
            ) from None
    return details


def _inferred_type(cfg: Settings, index: Callable[[], Index], channels: ChannelData, description: str) -> str:
    """The problem type the description points to; without a terminal to ask on, an unclear one is
    the seller's to settle with --type (the two likeliest types named)."""
    from smartstore_help.core.classify import infer_type

    inferred = infer_type(index(), channels, description)
    if inferred.type is None:
        likely = inferred.likely or tuple(p.id for p in channels.problem_types)
        raise UserError(t("error.type_not_inferred", cfg.lang, likely=", ".join(likely)))
    return inferred.type


def _faq_for(
    index: Callable[[], Index], data: ChannelData, kind: str, description: str, lang: Lang
) -> tuple[list[str], bool]:
    """The FAQ entries for the seller's own words, the type favoured but not required, and
    whether they pass the relevance floor. Without a description there is nothing to match:
    entries found only through the type's name are not answers."""
    from smartstore_help.core import search

    if not description.strip():
        return [], False
    try:
        hits = search.search(index(), description, 3, lang=lang, prefer=data.problem_type(kind).faq_types[:1])
    except search.EmptyQuery:
        return [], False
    return [h.entry.id for h in hits], search.confident(hits)


def _run_wizard(cfg: Settings, channels: ChannelData, now: datetime, preset: State) -> State | None:
    from smartstore_help.ui.render import text
    from smartstore_help.ui.wizard import Wizard

    lang = cfg.lang
    wizard = Wizard(channels, cfg.faq_index(), now, holidays_for(now), lang, cfg.io.prompter(lang), preset)
    wizard.history = _history
    state = wizard.run()
    if state.solved_by is not None:
        cfg.io.show(text(t("contact.solved", lang), "bold green"))
        return None
    return state


def _history(type_id: str) -> dict[str, History]:
    """The seller's closed cases of this type per channel: read-only, and with no journal file
    nothing is loaded at all (no journal means no history, never an error)."""
    from smartstore_help.store.places import journal_file

    try:
        if not journal_file().is_file():
            return {}
    except OSError:  # no home folder to look in, or a folder we may not read: no history
        return {}
    from smartstore_help.cli.casebook import history_for

    return history_for(type_id)
