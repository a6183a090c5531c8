"""Output: the one module that draws tables, grids and panels.

The instant commands (`hours`, `faq search`) draw with the small `term` writer; the richer
screens (channel cards, the wizard's panels) use rich, imported only when one is drawn.
Anything that came from data or from the user goes through `plain()` and is put into a
`Line` or a rich `Text`, never parsed as markup, so `[bold]` in it is shown as written and
control characters never reach the terminal.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from smartstore_help.core import timesay
from smartstore_help.core.i18n import t
from smartstore_help.core.model import (
    FAQ_TYPES,
    Channel,
    ChannelData,
    ChecklistItem,
    FaqEntry,
    Lang,
    ProblemType,
    Schedule,
)
from smartstore_help.core.problems import Problem
from smartstore_help.core.schedule import DayPlan, Status
from smartstore_help.core.textin import visible
from smartstore_help.ui.term import Column, Line, table, truncate, width, wrap

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.panel import Panel
    from rich.text import Text

    from smartstore_help.core.history import Stats
    from smartstore_help.core.promises import Due
    from smartstore_help.core.records import Case, Outcome
    from smartstore_help.core.rules import Plan, Recommendation
    from smartstore_help.core.search import Hit

STATE_STYLE = {"open": "bold green", "break": "bold yellow", "closed": "bold red"}
WEEK_CELL = {"open": ("█", "green"), "break": ("▒", "yellow"), "closed": ("·", "dim")}


def plain(value: str) -> str:
    """User or data text with control and invisible direction characters removed."""
    return visible(value)


def text(value: str, style: str = "") -> Text:
    from rich.text import Text

    return Text(plain(value), style=style)


def status_cells(
    channel: Channel, status: Status, now: datetime, tz: ZoneInfo, lang: Lang, answered: Status | None = None
) -> tuple[Line, Line]:
    """The status word and the `until …` / `opens …` line for one channel."""
    if channel.schedule.always_open:
        state = Line().add("● " + t("state.always", lang), STATE_STYLE["open"])
        if answered is None or (answered.state != "open" and answered.next_open is None):
            return state, Line()
        if answered.state == "open":
            return state, Line().add(t("answered_now", lang), "dim")
        assert answered.next_open is not None
        when = timesay.day_and_time(answered.next_open, now, tz, lang)
        why = closed_days_said(answered, lang)
        if why:
            return state, Line().add(t("answers_from_because", lang, when=when, why=why), "dim")
        return state, Line().add(t("answers_from", lang, when=when), "dim")
    label = " · ".join(part for part in (t(f"state.{status.state}", lang), reason_label(status, lang)) if part)
    state = Line().add("● " + plain(label), STATE_STYLE[status.state])
    if status.state == "open":
        if status.closes_at is None:
            return state, Line()
        return state, Line().add(
            t(
                "closes_at",
                lang,
                when=timesay.day_and_time(status.closes_at, now, tz, lang),
                left=timesay.duration(status.closes_at - now, lang),
            )
        )
    return state, Line().add(_opens(status, now, tz, lang))


def reason_label(status: Status, lang: Lang) -> str:
    """Why it is not open: the holiday's own name when there is one (`추석`), else the reason."""
    if status.reason is None:
        return ""
    return status.day_name(lang) if status.day_name else t(f"reason.{status.reason}", lang)


def _opens(status: Status, now: datetime, tz: ZoneInfo, lang: Lang) -> str:
    if status.next_open is None:
        return t("never_opens", lang)
    when = timesay.day_and_time(status.next_open, now, tz, lang)
    left = timesay.until(status.next_open, now, lang)
    why = closed_days_said(status, lang)
    if why:
        return t("opens_at_because", lang, when=when, why=why, left=left)
    return t("opens_at", lang, when=when, left=left)


def closed_days_said(status: Status, lang: Lang) -> str:
    """`1월 1일 신정연휴` for one named day that keeps a channel closed until it opens; for several,
    their names (`설날, 설날 다음날`, at most two, then `…`)."""
    days = status.closed_days
    if not days:
        return ""
    if len(days) == 1:
        return f"{timesay.short_date(days[0][0], lang)} {days[0][1](lang)}"
    names = list(dict.fromkeys(name(lang) for _, name in days))
    return ", ".join(names[:2]) + (", …" if len(names) > 2 else "")


def hours_view(
    data: ChannelData,
    rows: Sequence[tuple[Channel, Status, Status | None]],
    now: datetime,
    lang: Lang,
    columns: int = 80,
) -> list[Line]:
    tz = ZoneInfo(data.timezone)
    cells = [
        [Line().add(plain(channel.name(lang)), "bold"), *status_cells(channel, status, now, tz, lang, answered)]
        for channel, status, answered in rows
    ]
    headers = [t("col.channel", lang), t("col.status", lang), t("col.when", lang)]
    title = Line().add(t("title.hours", lang), "bold").add(" · " + timesay.stamp(now, tz, lang))
    return [
        *wrap(title, columns),
        Line(),
        *table(headers, cells, limit=columns),
        Line(),
        *checked_lines(data, lang, columns, [channel for channel, _, _ in rows]),
    ]


def checked_lines(
    data: ChannelData, lang: Lang, columns: int | None = None, shown: Sequence[Channel] | None = None
) -> list[Line]:
    """When the facts were checked, and where to confirm them: shown under every fact (the address
    on a line of its own, so it is never split)."""
    oldest = min([data.help_center.checked, *(c.checked for c in data.channels)])
    message = t("checked", lang, date=oldest.isoformat(), url=data.help_center.url)
    lines = [Line().add(plain(line), "dim") for line in message.splitlines()]
    lines += unconfirmed_lines(data, data.channels if shown is None else shown, lang)
    return lines if columns is None else [part for line in lines for part in wrap(line, columns)]


def unconfirmed_lines(data: ChannelData, channels: Iterable[Channel], lang: Lang) -> list[Line]:
    """How sure the facts shown are: those that rest on third-party pages only (`confirmed:
    third_party` in channels.yaml) are named, with the day they were checked."""
    names: list[str] = []
    days = []
    for channel in channels:
        if channel.unconfirmed():
            names.append(channel.name(lang))
            days.append(channel.checked)
            if channel.schedule.third_party and channel.schedule.checked is not None:
                days.append(channel.schedule.checked)
    if data.help_center.third_party:
        names.append(t("unconfirmed.help_center", lang))
        days.append(data.help_center.checked)
    if not names:
        return []
    said = t("unconfirmed", lang, facts=", ".join(names), date=min(days).isoformat())
    return [Line().add(plain(said), "yellow")]


CARD_GAP = 1  # columns between two cards side by side


def channels_view(data: ChannelData, lang: Lang, columns: int = 80) -> list[Line]:
    """One card per channel, laid side by side as far as the terminal is wide. Drawn and wrapped
    here, word by word by display width, so that no word is ever cut or dropped (rich's wrapping
    of Korean dropped a word at some widths)."""
    narrowest = max([38, *(width(c.url) + 4 for c in data.channels if c.url)])  # an address is never split
    per_row = max(1, min(len(data.channels), (columns + CARD_GAP) // (narrowest + CARD_GAP)))
    card_width = max(12, min(columns, (columns - CARD_GAP * (per_row - 1)) // per_row))
    cards = [_card(channel, lang, card_width) for channel in data.channels]
    out: list[Line] = []
    for start in range(0, len(cards), per_row):
        group = cards[start : start + per_row]
        height = max(len(card) for card in group)
        for i in range(height):
            row = Line()
            for j, card in enumerate(group):
                if j:
                    row.add(" " * CARD_GAP)
                cell = card[i] if i < len(card) else Line()
                row.extend(cell.pad(card_width) if j < len(group) - 1 else cell)
            out.append(row.rstrip())
    return out + [part for line in checked_lines(data, lang) for part in wrap(line, columns)]


def _card(channel: Channel, lang: Lang, card_width: int) -> list[Line]:
    inner = card_width - 4
    body: list[Line] = []

    def para(value: str, style: str = "", lead: str = "", lead_style: str = "") -> None:
        line = Line().add(lead, lead_style).add(plain(value), style) if lead else Line().add(plain(value), style)
        body.extend(wrap(line, inner, indent=width(lead)))

    for how, style in reach_lines(channel, lang):
        para(how, style)
    body.append(Line())
    para(timesay.schedule_summary(channel.schedule, lang), "", t("col.hours", lang) + ": ", "bold")
    if channel.answered_during:
        para(t("answered_during", lang) + f" ({timesay.schedule_summary(channel.answered_during, lang)})", "dim")
    if channel.pros:
        body.append(Line())
        for pro in channel.pros:
            para(pro(lang), "", "+ ", "green")
    if channel.cons:
        body.append(Line())
        for con in channel.cons:
            para(con(lang), "", "- ", "yellow")
    title = truncate(plain(channel.name(lang)), card_width - 6)
    top = Line().add("╭─ ", "dim").add(title, "bold").add(" " + "─" * (card_width - 5 - width(title)) + "╮", "dim")
    lines = [top]
    for line in body:
        lines.append(Line().add("│ ", "dim").extend(line.pad(inner)).add(" │", "dim"))
    lines.append(Line().add("╰" + "─" * (card_width - 2) + "╯", "dim"))
    return lines


def bullets(items: Iterable[str], mark: str = "• ", style: str = "", indent: int = 0) -> RenderableType:
    """One item a line; a long item wraps under its own first word, not under the mark."""
    from rich.console import Group

    return Group(*(hanging(" " * indent + mark, item, style) for item in items))


class Wrapped:
    """A styled line wrapped at render time by display width, at spaces: rich's own wrapping of
    Korean in a table cell can drop a word at some widths (`해결 … 한계`), this never does. Lines
    after the first are indented by `indent` columns."""

    def __init__(self, line: Line, indent: int = 0) -> None:
        self.line, self.indent = line, indent

    def __rich_console__(self, console: Any, options: Any) -> Iterator[Any]:
        from rich.text import Text

        for part in wrap(self.line, options.max_width, self.indent):
            out = Text(no_wrap=True, overflow="ignore")
            for chunk, style in part.parts:
                out.append(chunk, style)
            yield out

    def __rich_measure__(self, console: Any, options: Any) -> Any:
        from rich.measure import Measurement

        return Measurement(min(options.max_width, 2), min(options.max_width, self.line.width()))


def as_line(value: Text) -> Line:
    """A rich Text as a styled `Line` (its spans as the segments' styles)."""
    cuts = sorted({span.start for span in value.spans} | {span.end for span in value.spans})
    line = Line()
    for piece in value.divide(cuts):
        styles = [str(piece.style)] + [str(span.style) for span in piece.spans]
        line.add(piece.plain, " ".join(s for s in styles if s and s != "none"))
    return line


def hanging(lead: str, body: str | Text, style: str = "") -> RenderableType:
    """`lead` then `body`, the body's wrapped lines indented to start under its first character."""
    line = Line().add(plain(lead), style)
    line.extend(Line().add(plain(body), style) if isinstance(body, str) else as_line(body))
    return Wrapped(line, width(plain(lead)))


def week_view(
    channel: Channel, plans: Sequence[DayPlan], now: datetime, tz: ZoneInfo, lang: Lang, columns: int = 80
) -> list[Line]:
    """A 7-day picture: one row a day, one cell per half hour over the hours that matter."""
    first, last = _window(channel.schedule)
    half_hour = timedelta(minutes=30)
    slots = [first + half_hour * i for i in range((last - first) // half_hour)]
    local_now = now.astimezone(tz)
    pad = 14
    ruler = [" "] * len(slots)
    for i, slot in enumerate(slots):
        minutes = int(slot.total_seconds() // 60)
        if minutes % 120 == 0 and i + 1 < len(slots):
            ruler[i : i + 2] = f"{minutes // 60:02d}"
    lines = [
        Line().add(
            t("week.title", lang, channel=plain(channel.name(lang)), start=timesay.stamp(now, tz, lang)), "bold"
        ),
        Line(),
        Line().add(" " * pad + "".join(ruler), "dim"),
    ]
    for plan in plans:
        weekday = (
            timesay.WEEKDAYS_KO[plan.day.weekday()][0] if lang == "ko" else timesay.WEEKDAYS_EN[plan.day.weekday()][:3]
        )
        row = Line().add(f"{plan.day:%m-%d} ({weekday})", "bold" if plan.day == local_now.date() else "").pad(pad)
        for slot in slots:
            start = datetime.combine(plan.day, datetime.min.time(), tz) + slot
            if start <= local_now < start + half_hour:
                row.add("▼", "bold magenta")
                continue
            inside = any(a <= start < b for a, b in plan.periods)
            on_day = bool(plan.periods) and plan.periods[0][0] <= start < plan.periods[-1][1]
            row.add(*WEEK_CELL["open" if inside else "break" if on_day else "closed"])
        if plan.off_reason is not None:
            label = plan.name(lang) if plan.name else t(f"reason.{plan.off_reason}", lang)
            row.add("  " + truncate(plain(label), columns - row.width() - 2), "red" if plan.name else "dim")
        lines.append(row)
    return [*lines, Line(), Line().add(t("week.legend", lang), "dim")]


def _window(schedule: Schedule) -> tuple[timedelta, timedelta]:
    if schedule.always_open or schedule.opens is None or schedule.closes is None:
        return timedelta(0), timedelta(hours=24)
    first = max(0, schedule.opens.hour - 2)
    last = min(24, schedule.closes.hour + (3 if schedule.closes.minute else 2))
    return timedelta(hours=first), timedelta(hours=last)


def faq_type(kind: str, lang: Lang) -> str:
    return t(f"faq.type.{kind}", lang)


def preview(answer: str, limit: int) -> str:
    """The answer's first words as one line: marks and list markers dropped (a `>` in a menu path
    kept), cut at `limit` columns."""
    from smartstore_help.core.markup import one_line

    words = one_line(answer).split()
    out = ""
    for word in words:
        if width(out) + width(word) + 1 > limit:
            return out + "…"
        out = f"{out} {word}" if out else word
    return out


def search_view(query: str, hits: Sequence[Hit], lang: Lang, columns: int) -> list[Line]:
    lines = [Line().add(t("faq.results", lang, query=plain(query), count=len(hits)), "bold"), Line()]
    for rank, hit in enumerate(hits, 1):
        question = plain(hit.entry.question_in(lang))
        line = Line().add(f"{rank:>2}. ")
        cursor = 0
        for start, end in hit.spans:
            line.add(question[cursor:start]).add(question[start:end], "bold yellow")
            cursor = end
        line.add(question[cursor:]).add(f"  [{faq_type(hit.entry.type, lang)}]", "cyan").add(f"  {hit.entry.id}", "dim")
        lines.extend(wrap(line, columns, indent=4))
        lines.append(Line().add("    " + preview(plain(hit.entry.answer_in(lang)), columns - 6), "dim"))
    if hits:
        lines += [Line(), Line().add(t("faq.more", lang, id=hits[0].entry.id), "dim")]
    return lines


def no_results_view(
    query: str, closest: Sequence[FaqEntry], ask: Sequence[tuple[Channel, Line]], lang: Lang
) -> list[Line]:
    lines = [Line().add(t("faq.none", lang, query=plain(query)), "bold")]
    if closest:
        lines += [Line(), Line().add(t("faq.closest", lang))]
        lines += [Line().add(f"  • {plain(e.question_in(lang))}").add(f"  {e.id}", "dim") for e in closest]
    lines += [Line(), Line().add(t("faq.ask_instead", lang))]
    for channel, state in ask:
        lines.append(Line().add(f"  • {plain(channel.name(lang))}  ").extend(state))
    return lines


def faq_show_view(entry: FaqEntry, lang: Lang, help_url: str, today: date) -> RenderableType:
    """The whole answer, the pages it rests on (kind and date checked), and a note when the
    newest of them was checked long before `today`."""
    from urllib.parse import unquote

    from rich.console import Group

    parts: list[RenderableType] = [
        text(entry.question_in(lang), "bold"),
        text(f"[{faq_type(entry.type, lang)}] {entry.id}", "dim"),
        *answer_view(entry.answer_in(lang)),
    ]
    newest = entry.evidence()
    if newest is not None and entry.stale(today):
        parts.append(text(t("faq.stale", lang, date=newest.isoformat()), "dim yellow"))
    if entry.sources:
        parts.append(text(f"{t('faq.sources', lang)}:", "dim"))
        for source in entry.sources_in_order():  # official pages first
            published = (
                t("faq.published_on", lang, date=source.published.isoformat())
                if source.published
                else t("faq.published_unknown", lang)
            )
            when = t("faq.checked_on", lang, date=source.checked.isoformat())
            parts.append(text(f"  • {source.title}", "dim"))
            kind = t(f"faq.kind.{source.kind}", lang)
            parts.append(text(f"    {kind} · {published} · {when}", "dim"))
            # the address decoded (스마트스토어, not %ec%8a%a4…) on a line of its own, never folded:
            # longer than the terminal, it is left for the terminal to wrap, so it copies whole
            address = text(f"    {unquote(source.url)}", "dim")
            address.no_wrap, address.overflow = True, "ignore"
            parts.append(address)
    if entry.note:
        parts.append(text(f"{t('faq.source', lang)}: {entry.note}", "dim"))
    parts.append(text(t("faq.confirm", lang, url=help_url), "dim"))
    return Group(*parts)


MARK_STYLE = {"bold": "bold", "code": "cyan", "em": "italic"}


def answer_view(answer: str) -> list[RenderableType]:
    """An answer in the FAQ's markup (`core.markup`): bold as bold (or just without its marks when
    there is no colour), code in colour, list items hanging under their marker."""
    from smartstore_help.core.markup import parse

    out: list[RenderableType] = []
    previous = ""
    for block in parse(plain(answer)):
        body = Line()
        for span in block.spans:
            body.add(span.text, " ".join(MARK_STYLE[s] for s in sorted(span.styles)))
        if previous and (block.kind in ("para", "heading") or previous in ("para", "heading")):
            out.append(text(""))
        lead = {"bullet": "  • ", "number": f"  {block.marker} ", "quote": "  │ "}.get(block.kind, "")
        out.append(Wrapped(Line().add(lead, "dim").extend(body), width(lead)))
        previous = block.kind
    return out


def faq_list_view(entries: Sequence[FaqEntry], lang: Lang, columns: int) -> list[Line]:
    lines = [Line().add(t("faq.count", lang, count=len(entries)), "bold")]
    for kind in FAQ_TYPES:
        group = [e for e in entries if e.type == kind]
        if not group:
            continue
        lines += [Line(), Line().add(f"{faq_type(kind, lang)} ({len(group)})", "bold cyan")]
        # Questions line up after the longest id, unless that takes more than half the width:
        # then a longer id is simply followed by two spaces.
        pad = min(max(len(e.id) for e in group) + 4, max(columns // 2, 8))
        for entry in group:
            cell = Line().add(f"  {entry.id}", "dim")
            cell = cell.pad(pad) if cell.width() + 2 <= pad else cell.add("  ")
            lines.extend(wrap(cell.add(plain(entry.question_in(lang))), columns, indent=pad))
    return lines


def faq_hits_view(hits: Sequence[Hit], lang: Lang, today: date) -> RenderableType:
    return faq_list_brief([h.entry for h in hits], lang, today)


def faq_list_brief(entries: Sequence[FaqEntry], lang: Lang, today: date) -> RenderableType:
    """A few FAQ entries worth reading before waiting for an agent: question, id, first words,
    and whether the answer was checked long before `today`."""
    from rich.console import Group
    from rich.padding import Padding

    lines: list[RenderableType] = [text(t("contact.faq_title", lang), "bold")]
    for entry in entries:
        question = text(f"{entry.question_in(lang)}  ({entry.id})")
        if entry.stale(today):
            question.append(f"  {t('faq.stale_short', lang)}", "dim yellow")
        lines.append(hanging("  • ", question))
        first_words = text(preview(plain(entry.answer_in(lang)), 70), "dim")
        first_words.no_wrap, first_words.overflow = True, "ellipsis"
        lines.append(Padding(first_words, (0, 0, 0, 4)))
    return Group(*lines)


def _channel_line(rec: Recommendation, now: datetime, tz: ZoneInfo, lang: Lang) -> Text:
    state, when = status_cells(rec.channel, rec.status, now, tz, lang, rec.answered)
    return text(" · ".join(part for part in (state.plain, when.plain) if part), STATE_STYLE[rec.status.state])


def reach_lines(channel: Channel, lang: Lang) -> list[tuple[str, str]]:
    """How to reach a channel, each line with its style: the number (from the data) and the
    voice-menu path for the phone line; where to click and the address for the others."""
    out: list[tuple[str, str]] = []
    if channel.phone:
        out.append((t("reach.phone", lang, number=channel.phone), "bold"))
        if channel.ars:
            out.append((t("reach.ars", lang, path=channel.ars(lang)), ""))
    else:
        out.append((channel.contact(lang), "bold"))
    if channel.url:
        out.append((channel.url, "cyan"))
    return out


def plan_view(plan: Plan, now: datetime, tz: ZoneInfo, lang: Lang, data: ChannelData | None = None) -> RenderableType:
    """The recommended channel with its reasons and how to reach it, what to do meanwhile when it
    is closed, and the other channels ranked below, each with how to reach it too; with `data`, a
    footer saying when the facts were checked and which channels named rest on third-party pages."""
    from rich.console import Group
    from rich.padding import Padding

    best = plan.best
    body: list[RenderableType] = [_channel_line(best, now, tz, lang)]
    body += [text(line, style) for line, style in reach_lines(best.channel, lang)]
    if best.reasons:
        body += [text(""), text(t("contact.why", lang), "bold"), bullets(r(lang) for r in best.reasons)]
    parts: list[RenderableType] = [
        panel(
            Group(*body),
            t("contact.best", lang, channel=best.channel.name(lang)),
            "green" if best.available_now else "yellow",
        )
    ]
    if plan.meanwhile is not None:
        m = plan.meanwhile
        parts.append(
            panel(
                Group(*(text(line, style) for line, style in reach_lines(m.channel, lang))),
                t("contact.meanwhile", lang, channel=m.channel.name(lang)),
                "green",
            )
        )
    others: list[RenderableType] = [text(t("contact.others", lang), "bold")]
    for rank, rec in enumerate(plan.recommendations[1:], 2):
        line = text(rec.channel.name(lang), "bold")
        line.append("  ")
        line.append_text(_channel_line(rec, now, tz, lang))
        others.append(hanging(f"  {rank}. ", line))
        for how, style in reach_lines(rec.channel, lang):
            others.append(hanging("     ", how, style or "dim"))
        if rec.reasons:
            others.append(Padding(text(rec.reasons[-1](lang), "dim"), (0, 0, 0, 5)))
    for channel, _why in plan.excluded:
        others.append(hanging("  − ", t("contact.excluded", lang, channel=channel.name(lang)), "dim"))
    parts.append(Group(*others))
    if data is not None:
        named = [best.channel, *([plan.meanwhile.channel] if plan.meanwhile else [])]
        checked = min([data.help_center.checked, *(c.checked for c in named)])
        footer = [t("checked", lang, date=checked.isoformat(), url=data.help_center.url)]
        footer += [line.plain for line in unconfirmed_lines(data, named, lang)]
        parts += [text(""), *(text(plain(line), "dim") for said in footer for line in said.splitlines())]
    return Group(*parts)


def short_name(problem: ProblemType, lang: Lang) -> str:
    """`결제·정산` from `결제·정산 (정산 지연, 세금계산서, 계좌)`: the name without its examples."""
    return problem.name(lang).split(" (")[0]


def checklist_view(problem: ProblemType, items: Sequence[tuple[ChecklistItem, bool]], lang: Lang) -> RenderableType:
    from rich.console import Group

    lines: list[RenderableType] = [text(t("contact.checklist", lang, type=short_name(problem, lang)), "bold")]
    lines += [
        hanging(f"  {'[x]' if ready else '[ ]'} ", item.text(lang), "green" if ready else "") for item, ready in items
    ]
    return Group(*lines)


def draft_view(draft_text: str, lang: Lang, title: str | None = None) -> RenderableType:
    """The draft as plain lines under a rule: no border, so it copies cleanly from the terminal."""
    from rich.console import Group
    from rich.rule import Rule

    return Group(
        Rule(title or t("contact.draft_title", lang), align="left", style="cyan"),
        text(draft_text.rstrip()),
        Rule(style="cyan"),
    )


LANGUAGE_NAME = {"ko": "language.ko", "en": "language.en"}


def draft_pair_view(send: str, send_lang: Lang, other: str, lang: Lang) -> RenderableType:
    """The draft to send (in the help centre's language) and below it the same in the seller's
    language, dimmed: one under the other, so that selecting the first in a terminal copies it alone."""
    from rich.console import Group
    from rich.rule import Rule

    return Group(
        draft_view(send, lang, t("contact.draft_send", lang, language=t(LANGUAGE_NAME[send_lang], lang))),
        Rule(t("contact.draft_yours", lang, language=t(LANGUAGE_NAME[lang], lang)), align="left", style="dim"),
        text(other.rstrip(), "dim"),
    )


SUMMARY_LABELS = (
    "summary.channel",
    "summary.reach",
    "summary.when",
    "summary.meanwhile",
    "summary.call",
    "summary.draft",
    "summary.case",
)


def summary_view(
    plan: Plan, now: datetime, tz: ZoneInfo, draft_text: str, case_id: int | None, lang: Lang, columns: int = 80
) -> RenderableType:
    """The one screen the seller acts on, last on the screen and a few lines long: the channel, its
    number or address, open now or when it opens (the date, and why, when not today or tomorrow),
    what to do meanwhile, the draft's first line and the case number when saved."""
    from rich.console import Group
    from rich.rule import Rule

    best = plan.best
    reach = reach_lines(best.channel, lang)
    label_width = max(width(t(k, lang)) for k in SUMMARY_LABELS)

    def row(key: str, value: str, style: str = "") -> list[Line]:
        lead = Line().add(t(key, lang) if key else "", "bold").pad(label_width + 2)
        return wrap(lead.add(plain(value), style), columns, indent=label_width + 2)

    state, when = status_cells(best.channel, best.status, now, tz, lang, best.answered)
    lines = [*row("summary.channel", best.channel.name(lang), "bold")]
    for i, (how, style) in enumerate(reach):  # each on its own line: an address is never split
        lines += row("summary.reach" if i == 0 else "", how, "cyan" if style == "cyan" else "")
    lines += row(
        "summary.when", " · ".join(part for part in (state.plain, when.plain) if part), STATE_STYLE[best.status.state]
    )
    if plan.meanwhile is not None:
        m = plan.meanwhile
        lines += row("summary.meanwhile", f"{m.channel.name(lang)} · {reach_lines(m.channel, lang)[0][0]}")
    phone = next((r for r in plan.recommendations[1:] if r.channel.phone), None)
    if phone is not None:  # the number is always on the last screen, and when it answers
        p_state, p_when = status_cells(phone.channel, phone.status, now, tz, lang)
        said = " · ".join(
            part for part in (reach_lines(phone.channel, lang)[0][0], p_state.plain, p_when.plain) if part
        )
        lines += row("summary.call", said)
    first_line = next((line for line in draft_text.splitlines() if line.strip()), "")
    lines += row("summary.draft", first_line)
    if case_id is not None:
        lines += row("summary.case", t("summary.case_saved", lang, id=case_id))
    from rich.text import Text

    return Group(
        Rule(t("summary.title", lang), align="left", style="green"),
        *(Text.from_ansi(line.render(True)) if line.width() else text("") for line in lines),
        Rule(style="green"),
    )


def case_table(
    cases: Sequence[Case], notes: dict[int, int], data: ChannelData, lang: Lang, columns: int = 80
) -> list[Line]:
    """One case a line. Too narrow, the type and channel wrap at words; narrower still, the note
    count, the date, the channel and the status go in that order: the number and the type stay."""
    names = {c.id: c.name(lang) for c in data.channels}
    types = {p.id: short_name(p, lang) for p in data.problem_types}
    headers = [
        Column(t("case.col.id", lang), wraps=False),
        Column(t("case.col.created", lang), False, drop=2),
        Column(t("case.col.type", lang)),
        Column(t("case.col.channel", lang), drop=3),
        Column(t("case.col.status", lang), drop=4),
        Column(t("case.col.notes", lang), False, drop=1),
    ]
    rows: list[list[Line]] = []
    for case in cases:
        state = t(f"case.status.{case.status}", lang)
        if case.resolved is not None:
            state += " · " + t("case.resolved" if case.resolved else "case.unresolved", lang)
        rows.append(
            [
                Line().add(str(case.id), "bold"),
                Line().add(case.created_at.replace("T", " ")[:16]),
                Line().add(plain(types.get(case.type, case.type))),
                Line().add(plain(names.get(case.chosen, case.chosen))),
                Line().add(state, "green" if case.status == "open" else "dim"),
                Line().add(str(notes.get(case.id, 0))),
            ]
        )
    said = [plain(c.details.get("description", "")).replace("\n", " ").strip() or "—" for c in cases]
    shown = table(headers, rows, limit=columns)
    room = columns - max(line.width() for line in shown) - 2
    if room < 12:  # the other columns wrap to leave the description some room, but none of them goes
        narrower = table(headers, rows, limit=columns - 14)
        if _column_count(narrower) == _column_count(shown):
            shown, room = narrower, columns - max(line.width() for line in narrower) - 2
    if room < 8:
        return table(headers, rows, limit=columns)
    room = min(room, max(width(t("case.col.description", lang)), *(width(d) for d in said)))
    with_description = [[*row, Line().add(truncate(d, room), "dim")] for row, d in zip(rows, said, strict=True)]
    return table([*headers, Column(t("case.col.description", lang), False)], with_description, limit=columns)


def _column_count(lines: list[Line]) -> int:
    """How many columns a `table` kept: its bold headers."""
    return sum(1 for _, style in lines[0].parts if style == "bold") if lines else 0


def _answer_line(data: ChannelData, key: str, value: object, lang: Lang) -> str:
    """`지금 … 급한 문제인가요? 예` rather than `urgent: True`; unknown ids (older data) as they are."""
    from smartstore_help.core.export import answer_text, question_index

    question = question_index(data).get(key)
    if question is None:
        return f"{key}: {value}"
    return f"{question.prompt(lang)} {answer_text(question, value, lang)}"


def case_view(case: Case, data: ChannelData, lang: Lang) -> RenderableType:
    """The whole story of one case: answers, draft, every note with its time, the outcome."""
    from rich.console import Group

    names = {c.id: c.name(lang) for c in data.channels}
    kind = next((p.name(lang) for p in data.problem_types if p.id == case.type), case.type)
    head = text(f"#{case.id} · {kind} · {case.created_at.replace('T', ' ')[:16]} KST", "bold")
    if case.follow_up_of:
        head.append("  " + t("case.follow_up_of", lang, id=case.follow_up_of), style="dim")
    parts: list[RenderableType] = [
        head,
        text(
            f"{t('case.recommended', lang)}: {names.get(case.recommended, case.recommended)} · "
            f"{t('case.chosen_label', lang)}: {names.get(case.chosen, case.chosen)}"
        ),
        text(t("case.answers", lang), "bold"),
        bullets(_answer_line(data, k, v, lang) for k, v in case.answers.items() if k != "type"),
    ]
    details = {k: v for k, v in case.details.items() if v}
    if details:
        from smartstore_help.core.export import detail_label

        parts += [
            text(t("case.details", lang), "bold"),
            bullets(f"{detail_label(k, lang)}: {v}" for k, v in details.items()),
        ]
    parts.append(draft_view(case.draft, lang, t("case.draft", lang)))
    parts.append(text(t("case.notes", lang), "bold"))
    for note in case.notes:
        line = text(f"{note.created_at.replace('T', ' ')[:19]}  ", "dim")
        if note.ref:
            line.append(f"[{plain(note.ref)}] ", style="cyan")
        line.append(plain(note.text))
        if note.reply_due:
            line.append(
                "  (" + t("case.reply_due", lang, due=note.reply_due.replace("T", " ")[:16]) + ")", style="yellow"
            )
        parts.append(hanging("  ", line))
    from smartstore_help.core.records import Outcome

    outcomes = case.outcomes or (
        (Outcome(case.closed_at or "", bool(case.resolved), case.rating, case.feedback),)
        if case.status == "closed"
        else ()
    )
    if outcomes:
        parts.append(text(t("case.outcome", lang), "bold"))
        for i, outcome in enumerate(outcomes):
            said = f"  {outcome.closed_at.replace('T', ' ')[:16]}  {outcome_text(outcome, lang)}"
            if i < len(outcomes) - 1:
                said += "  (" + t("case.outcome_earlier", lang) + ")"
            parts.append(hanging("", said, "" if i == len(outcomes) - 1 else "dim"))
    return Group(*parts)


def outcome_text(outcome: Outcome, lang: Lang) -> str:
    """`해결됨 · 평점 4/5 · 친절했어요`."""
    said = t("case.resolved" if outcome.resolved else "case.unresolved", lang)
    if outcome.rating:
        said += " · " + t("case.rating", lang, rating=outcome.rating)
    if outcome.feedback:
        said += f" · {plain(outcome.feedback)}"
    return said


def case_label(case: Case, data: ChannelData, lang: Lang, limit: int = 40) -> str:
    """`결제·정산 · 2026-09-23 15:00 · 정산 보류 안내를 받았어요`: which case a number is."""
    kind = next((short_name(p, lang) for p in data.problem_types if p.id == case.type), case.type)
    description = plain(case.details.get("description", "")).replace("\n", " ").strip()
    parts = [kind, case.created_at.replace("T", " ")[:16]]
    if description and limit >= 6:  # too little room: the type and the date say enough
        parts.append(truncate(description, limit))
    return " · ".join(parts)


def due_view(due: Sequence[Due], now: datetime, tz: ZoneInfo, lang: Lang, columns: int) -> list[Line]:
    """Each promised reply: when it is due and how far off (or late), the promise, and the command
    that drafts the re-inquiry."""
    out = [Line().add(t("due.title", lang, now=timesay.stamp(now, tz, lang)), "bold"), Line()]
    for item in due:
        head = Line().add(f"#{item.case_id}", "bold").add("  " + timesay.stamp(item.due, tz, lang) + "  ")
        if item.overdue:
            head.add("● " + t("due.overdue", lang, late=timesay.duration(now - item.due, lang)), "bold red")
        else:
            head.add("● " + t("due.left", lang, left=timesay.duration(item.due - now, lang)), "yellow")
        out.append(head)
        out += wrap(Line().add("    " + plain(item.promise).replace("\n", " ")), max(20, columns), 4)
        out.append(Line().add("    → " + t("due.follow_up", lang, id=item.case_id), "cyan"))
    return out


def stats_view(by_channel: Sequence[Stats], by_type: Sequence[Stats], data: ChannelData, lang: Lang) -> list[Line]:
    names = {c.id: c.name(lang) for c in data.channels}
    kinds = {p.id: short_name(p, lang) for p in data.problem_types}
    out: list[Line] = []
    for title, key_title, rows, labels in (
        ("stats.by_channel", "stats.col.channel", by_channel, names),
        ("stats.by_type", "stats.col.type", by_type, kinds),
    ):
        headers = [
            t(k, lang)
            for k in (
                key_title,
                "stats.col.cases",
                "stats.col.closed",
                "stats.col.resolved",
                "stats.col.rating",
                "stats.col.hours",
            )
        ]
        cells = [
            [
                Line().add(plain(labels.get(s.key, s.key))),
                Line().add(str(s.cases)),
                Line().add(str(s.closed)),
                Line().add(str(s.resolved)),
                Line().add("—" if s.avg_rating is None else f"{s.avg_rating:.1f}"),
                Line().add("—" if s.median_hours is None else t("stats.hours", lang, hours=f"{s.median_hours:g}")),
            ]
            for s in rows
        ]
        out += [*([Line()] if out else []), Line().add(t(title, lang), "bold"), *table(headers, cells)]
    return out


def problems_view(problems: Sequence[Problem], lang: Lang) -> list[Line]:
    return [
        Line().add(t("data.invalid", lang, count=len(problems)), "bold red"),
        *(Line().add(plain(p.render(lang))) for p in problems),
    ]


def panel(body: RenderableType, title: str, style: str = "cyan") -> Panel:
    from rich.panel import Panel

    return Panel(body, title=plain(title), title_align="left", border_style=style, expand=False)
