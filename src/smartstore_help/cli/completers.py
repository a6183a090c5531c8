"""Values the shell completes (bash, zsh, fish, PowerShell through typer's protocol): problem types,
channels, languages, shells, FAQ ids and the case numbers in the journal.

Each is a small function typer calls with what has been typed; nothing here is imported on a
normal run. The journal is only read, and only when its file already exists: completing never
creates it. A value that cannot be listed (damaged data, an unreadable journal) completes nothing
rather than printing an error into the seller's command line.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from smartstore_help.core.model import Lang

Completion = list[tuple[str, str]]


def _data_dir(ctx: Any) -> Path | None:
    """--data-dir as typed on this command or the root, else SS_HELP_DATA_DIR."""
    while ctx is not None:
        value = (getattr(ctx, "params", None) or {}).get("data_dir")
        if value:
            return Path(value)
        ctx = getattr(ctx, "parent", None)
    env = os.environ.get("SS_HELP_DATA_DIR")
    return Path(env) if env else None


def _lang(ctx: Any) -> Lang:
    while ctx is not None:
        value = (getattr(ctx, "params", None) or {}).get("lang")
        if value in ("ko", "en"):
            return "en" if value == "en" else "ko"
        ctx = getattr(ctx, "parent", None)
    return "en" if os.environ.get("SS_HELP_LANG", "").strip().lower() == "en" else "ko"


def _matching(pairs: Iterable[tuple[str, str]], incomplete: str) -> Completion:
    typed = incomplete.strip().lower()
    return [(value, said) for value, said in pairs if value.lower().startswith(typed)]


HELP_COLUMNS = 40  # typer wraps a longer description (fish, zsh) onto a line of its own


def _quietly(make: Callable[[], Completion]) -> Completion:
    from smartstore_help.ui.term import truncate

    try:
        found = make()
    except Exception:
        return []
    return [(value, truncate(" ".join(said.split()), HELP_COLUMNS)) for value, said in found]


def _channels(ctx: Any) -> Any:
    from smartstore_help.store import cache, data

    path = data.data_file(data.CHANNELS_FILE, _data_dir(ctx))
    from smartstore_help.core.model import ChannelData

    return cache.load(path, data.read_bytes(path), "channels", data.channels_from_bytes, ChannelData)


def _with_words(ids: Completion, words: dict[str, str], incomplete: str) -> Completion:
    """The ids that start with what was typed; typed in Hangul, the data's own words for them too."""
    found = _matching(ids, incomplete)
    if incomplete and not incomplete.isascii():
        said = dict(ids)
        typed = incomplete.strip().lower()
        found += [(w, said.get(v, v)) for w, v in words.items() if w.startswith(typed) and _one_word(w)]
    return found


def _one_word(word: str) -> bool:
    """A word a shell can complete to (no spaces or brackets)."""
    return " " not in word and "(" not in word


def problem_type(ctx: Any, incomplete: str) -> Completion:
    def make() -> Completion:
        from smartstore_help.core import labels

        data, lang = _channels(ctx), _lang(ctx)
        ids = [(p.id, p.name(lang)) for p in data.problem_types]
        return _with_words(ids, labels.type_words(data), incomplete)

    return _quietly(make)


def channel(ctx: Any, incomplete: str) -> Completion:
    def make() -> Completion:
        from smartstore_help.core import labels

        data, lang = _channels(ctx), _lang(ctx)
        ids = [(c.id, c.name(lang)) for c in data.channels]
        return _with_words(ids, labels.channel_words(data), incomplete)

    return _quietly(make)


def preference(ctx: Any, incomplete: str) -> Completion:
    def make() -> Completion:
        from smartstore_help.core import labels

        data, lang = _channels(ctx), _lang(ctx)
        prefer = labels.prefer_question(data)
        ids = [(c.value, c.label(lang)) for c in prefer.choices] if prefer else []
        return _with_words(ids, labels.channel_words(data), incomplete)

    return _quietly(make)


def faq_type(ctx: Any, incomplete: str) -> Completion:
    from smartstore_help.core.i18n import t
    from smartstore_help.core.model import FAQ_TYPES

    lang = _lang(ctx)
    return _matching([(k, t(f"faq.type.{k}", lang)) for k in FAQ_TYPES], incomplete)


def faq_id(ctx: Any, incomplete: str) -> Completion:
    def make() -> Completion:
        from smartstore_help.core.search import Index, build_index
        from smartstore_help.store import cache, data

        path = data.data_file(data.FAQ_FILE, _data_dir(ctx))

        def build(raw: bytes, file: str) -> Index:
            return build_index(data.faq_from_bytes(raw, file, data.is_builtin(path)))

        index = cache.load(path, data.read_bytes(path), "faq-index", build, Index)
        lang = _lang(ctx)
        found = []
        for entry_id in index.ids:
            if entry_id.startswith(incomplete):
                entry = index.find(entry_id)
                found.append((entry_id, entry.question_in(lang) if entry else ""))
        return found

    return _quietly(make)


def case_id(ctx: Any, incomplete: str) -> Completion:
    """The journal's case numbers, newest first, each with its type and description; read-only,
    and nothing at all when there is no journal yet (it is never created here)."""

    def make() -> Completion:
        from smartstore_help.store.places import journal_file

        if not journal_file().is_file():
            return []
        from smartstore_help.store.journal import Journal

        journal = Journal(write=False)
        try:
            cases = journal.cases().cases
        finally:
            journal.close()
        return [
            (str(c.id), " · ".join(p for p in (c.created_at[:10], c.type, c.details.get("description", "")) if p))
            for c in cases
            if str(c.id).startswith(incomplete)
        ]

    return _quietly(make)


def lang(incomplete: str) -> Completion:
    return _matching([("ko", "한국어"), ("en", "English")], incomplete)


SHELLS = ("bash", "zsh", "fish", "powershell")  # what `ss-help completion SHELL` writes scripts for


def shell(incomplete: str) -> Completion:
    return _matching([(s, s) for s in SHELLS], incomplete)
