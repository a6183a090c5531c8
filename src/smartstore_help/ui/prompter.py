"""How the program asks: the `Prompter` every interactive flow talks through, and the real one.

Flows (the wizard, the journal's questions) ask only through a `Prompter`, so their logic is
tested with scripted answers; `QuestionaryPrompter` is the real terminal, the one module that
imports questionary and reaches into prompt_toolkit.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any, Protocol

from smartstore_help.core.i18n import t
from smartstore_help.core.model import Lang


class Screen(Protocol):
    """What the real prompter needs of the terminal (the I/O object is one)."""

    columns: int

    def show(self, content: Any) -> None: ...

    def control(self, sequence: str) -> None: ...


class Back:
    """What a prompt returns when the seller asks to go back."""


BACK = Back()
Matcher = Callable[[str], Collection[str]]  # what was typed into a menu → the values it matches
NO_MATCH = object()  # the value of the line a filtered menu shows when nothing matches


class Prompter(Protocol):
    def select(
        self,
        message: str,
        choices: Sequence[tuple[str, str]],
        default: str | None = None,
        *,
        can_go_back: bool = True,
        matcher: Matcher | None = None,
    ) -> str | Back: ...

    def text(
        self,
        message: str,
        default: str = "",
        validate: Callable[[str], str | None] | None = None,
        *,
        can_go_back: bool = True,
        multiline: bool = False,
    ) -> str | Back: ...

    def show(self, content: Any) -> None: ...


class QuestionaryPrompter:
    """The real terminal: questionary prompts, Esc or the back choice to go back, Ctrl-C to stop."""

    def __init__(self, lang: Lang, io: Screen) -> None:
        self.lang = lang
        self.io = io
        self.columns = io.columns  # the terminal's width: choices and hints are fitted to it
        # Lines taken by each answered question written since other content: going back erases
        # the answer being revisited, so the question is never on screen twice.
        self._answered: list[int] = []

    def show(self, content: Any) -> None:
        self._answered.clear()  # what is above is no longer only answered questions
        self.io.show(content)

    def _said(self, message: str, answer: str) -> None:
        """The answered question, written in place of questionary's own (which it erases)."""
        from rich.text import Text

        from smartstore_help.ui.render import plain
        from smartstore_help.ui.term import width

        line = Text("? ", style="bold cyan")
        line.append(plain(message), style="bold")
        line.append(" " + plain(answer), style="yellow")
        self.io.show(line)
        self._answered.append(max(1, -(-width(line.plain) // max(1, self.columns))))

    def _unsay(self) -> None:
        """Going back: the previous question's answered line(s) go, since it is asked again below."""
        if self._answered:
            self.io.control(f"\x1b[{self._answered.pop()}F\x1b[J")

    def _ask(
        self,
        question: Any,
        can_go_back: bool,
        matcher: Matcher | None = None,
        full_titles: dict[str, str] | None = None,
        escape_binding: bool = True,
    ) -> Any:
        from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
        from prompt_toolkit.keys import Keys
        from questionary.prompts.common import InquirerControl

        keys = KeyBindings()
        app = question.application

        if escape_binding:  # in a multi-line field Esc then Enter finishes the text instead

            @keys.add("escape", eager=True)
            def _back(event: Any) -> None:
                if can_go_back:  # on the first question Esc does nothing: there is nothing before it
                    event.app.exit(result=BACK)

        control = next((c for c in app.layout.find_all_controls() if isinstance(c, InquirerControl)), None)
        if matcher is not None and control is not None:
            _filter_through(control, matcher, t("contact.filter_none", self.lang))

            @keys.add(Keys.Any)
            def _type_to_filter(event: Any) -> None:  # questionary filters on ASCII keys only; sellers type Hangul
                if event.data.isprintable() and not event.data.isascii():
                    control.add_search_character(event.data)

            @keys.add(Keys.ControlM, eager=True)
            def _choose(event: Any) -> None:  # with nothing matching, Enter picks nothing
                if control.get_pointed_at().value is not NO_MATCH:
                    control.is_answered = True
                    event.app.exit(result=control.get_pointed_at().value)

        if full_titles and control is not None:
            _show_full_title(control, full_titles)
        if matcher is not None and control is not None:
            _show_filter(control, lambda typed: t("contact.filter_typed", self.lang, typed=typed))
        app.key_bindings = merge_key_bindings([app.key_bindings, keys])
        return question.unsafe_ask()  # Ctrl-C raises KeyboardInterrupt: the shell turns it into exit 130

    def _hint(self, message: str, key: str, default: str = "") -> str:
        """The key hint after the question, only if the line (with the text already typed) still fits:
        a line the terminal wraps breaks mid-word."""
        from smartstore_help.ui.term import width

        room = self.columns - width(f"? {message}  {default} ")
        for hint in (t(key, self.lang), t("contact.text_hint", self.lang) if "Esc" in t(key, self.lang) else ""):
            if width(hint) < room:
                return hint
        return " "  # not "": questionary would put its own English hint there

    def select(
        self,
        message: str,
        choices: Sequence[tuple[str, str]],
        default: str | None = None,
        *,
        can_go_back: bool = True,
        matcher: Matcher | None = None,
    ) -> str | Back:
        import questionary

        from smartstore_help.ui.term import truncate, width

        room = self.columns - 4  # " » " before each choice, and the last column left free
        fitted = [(value, truncate(title, room)) for value, title in choices]
        options = [questionary.Choice(short, value=value) for value, short in fitted]
        if can_go_back:
            options.append(questionary.Choice(t("contact.back", self.lang), value=BACK))
        chosen = next((o for o in options if o.value == default), None)
        hint = self._hint(
            message,
            "contact.filter_hint" if matcher else "contact.select_hint" if can_go_back else "contact.select_hint_first",
        )
        question = questionary.select(
            message,
            options,
            default=chosen,
            instruction=hint,
            use_search_filter=matcher is not None,
            use_jk_keys=matcher is None,
            use_shortcuts=False,
        )
        cut = {
            value: _rest(title, short, room)
            for (value, title), (_, short) in zip(choices, fitted, strict=True)
            if short != title
        }
        answer_room = self.columns - 1 - width(f"? {message} ")
        question.application.erase_when_done = True  # the answered line is written by _said (fitted to the line)
        answer: str | Back = self._ask(question, can_go_back, matcher, cut)
        if isinstance(answer, Back):
            self._unsay()
        else:
            self._said(message, truncate(dict(fitted).get(answer, ""), answer_room))
        return answer

    def text(
        self,
        message: str,
        default: str = "",
        validate: Callable[[str], str | None] | None = None,
        *,
        can_go_back: bool = True,
        multiline: bool = False,
    ) -> str | Back:
        import questionary

        def check(value: str) -> bool | str:
            problem = validate(value) if validate else None
            return True if problem is None else problem

        hint = "" if multiline else self._hint(message, "contact.text_hint", default) if can_go_back else None
        question = questionary.text(message, default=default, validate=check, multiline=multiline, instruction=hint)
        if multiline:
            answer: str | Back = self._ask(question, can_go_back, escape_binding=False)
            return answer
        question.application.erase_when_done = True
        answer = self._ask(question, can_go_back)
        if isinstance(answer, Back):
            self._unsay()
        else:
            self._said(message, answer)
        return answer


def _rest(title: str, short: str, room: int) -> str:
    """What a shortened choice did not show, wrapped at words: its hint (after " — "), else all of it."""
    from smartstore_help.ui.term import Line, wrap

    hint = title.split(" — ", 1)[1] if " — " in title and title.split(" — ", 1)[0] in short else title
    return "\n".join("   " + line.plain.strip() for line in wrap(Line().add(hint), room))


def _show_full_title(control: Any, full_titles: dict[str, str]) -> None:
    """Under the list, the whole text of the highlighted choice when it had to be shortened."""
    tokens = control.text

    def with_full_title() -> Any:
        out = list(tokens())
        try:
            pointed = control.get_pointed_at().value
        except IndexError:  # the filter matches nothing
            return out
        if pointed in full_titles:
            out += [("", "\n"), ("fg:ansibrightblack", full_titles[pointed])]
        return out

    control.text = with_full_title


def _show_filter(control: Any, said: Callable[[str], str]) -> None:
    """Under the menu, what has been typed to filter it (`검색: 정산`): with a Korean input method
    the letters being composed are otherwise nowhere on the screen."""
    tokens = control.text

    def with_filter() -> Any:
        out = list(tokens())
        if control.search_filter:
            out += [("", "\n"), ("class:instruction", said(control.search_filter))]
        return out

    control.text = with_filter


def _filter_through(control: Any, matcher: Matcher, nothing: str) -> None:
    """Make the menu's type-to-filter use `matcher` (the values it returns) instead of questionary's
    substring test; when none match, the list holds only a disabled line saying `nothing`
    (questionary would show every choice again, and Enter would pick one)."""
    from questionary import Choice
    from questionary.prompts.common import InquirerControl

    placeholder = Choice("", value=NO_MATCH, disabled=nothing)

    class Filtered(InquirerControl):
        @property
        def filtered_choices(self) -> list[Any]:
            if not self.search_filter:
                return list(self.choices)
            wanted = set(matcher(self.search_filter))
            found = [c for c in self.choices if c.value in wanted]
            self.found_in_search = bool(found)
            return found or [placeholder]

        def is_selection_valid(self) -> bool:  # questionary checks the unfiltered list here
            return self.get_pointed_at().value is not NO_MATCH

    control.__class__ = Filtered


def ask_yes_no(prompter: Prompter, lang: Lang, message: str, default: bool = False) -> bool:
    """A yes/no question in the product's language (questionary's confirm says `(y/N)`)."""
    choices = [("yes", t("contact.yes", lang)), ("no", t("contact.no", lang))]
    return prompter.select(message, choices, "yes" if default else "no", can_go_back=False) == "yes"


def ask_text(prompter: Prompter, message: str) -> str:
    """One line of text outside the wizard (nothing to go back to); surrounding spaces dropped."""
    answer = prompter.text(message, can_go_back=False)
    return answer.strip() if isinstance(answer, str) else ""
