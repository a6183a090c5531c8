"""Safe YAML reading: the C loader when present, no YAML 1.1 surprises, lines on demand."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import yaml

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# YAML 1.1 reads an unquoted 18:00 as the base-60 integer 1080 and `09:00` as text; drop the
# base-60 forms so every time of day arrives as the text the user wrote.
_INT = re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)


class DuplicateKeyError(yaml.YAMLError):
    def __init__(self, key: object, line: int) -> None:
        super().__init__(f"duplicate key {key!r}")
        self.key = key
        self.line = line


class Loader(_Base):  # type: ignore[misc]
    """Safe loader that refuses duplicate keys instead of silently keeping the last one."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = [k.value if isinstance(k, yaml.ScalarNode) else id(k) for k, _ in node.value]
        if len(set(keys)) != len(keys):  # rare: only then find which one, with its line
            seen: set[object] = set()
            for key, (key_node, _) in zip(keys, node.value, strict=True):
                if key in seen:
                    raise DuplicateKeyError(key, key_node.start_mark.line + 1)
                seen.add(key)
        result: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return result


# Dates stay text as well: the validator reads them and names the field when one is wrong,
# where the YAML constructor would fail with no line at all (`2026-31-11`).
Loader.yaml_implicit_resolvers = {
    first: [
        (tag, _INT if tag.endswith(":int") else _FLOAT if tag.endswith(":float") else rx)
        for tag, rx in resolvers
        if not tag.endswith(":timestamp")
    ]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}


class TooLarge(yaml.YAMLError):
    """Aliases that would expand into far more than the file holds (a "billion laughs")."""

    def __init__(self, nodes: int, limit: int, line: int) -> None:
        super().__init__(f"aliases expand to more than {limit} values")
        self.nodes = nodes
        self.limit = limit
        self.line = line


class ExplicitTag(yaml.YAMLError):
    """`!!timestamp 2026-02-30`, `!!int abc`, `!custom …`: the data files are plain text, numbers,
    true/false, lists and mappings; a tag asks the loader to build something else, and is refused."""

    def __init__(self, tag: str, line: int) -> None:
        shown = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag
        super().__init__(f"explicit tag {shown}")
        self.tag = shown
        self.line = line


class TooDeep(yaml.YAMLError):
    """Lists and mappings nested deeper than any data file needs (the validator walks them)."""

    def __init__(self, limit: int, line: int) -> None:
        super().__init__(f"nested more than {limit} levels deep")
        self.limit = limit
        self.line = line


class TooLong(yaml.YAMLError):
    """A number with more digits than any field can use (Python would refuse to convert it)."""

    def __init__(self, limit: int, line: int) -> None:
        super().__init__(f"a number of more than {limit} digits")
        self.limit = limit
        self.line = line


MAX_DEPTH = 100  # the data files nest about six levels; Python's recursion limit is 1,000
MAX_DIGITS = 30  # no field takes more than a few digits; the validator bounds each one


# An alias is a reference, so nine lines of `&b [*a, *a, …]` describe a billion values while the
# parser holds a few dozen nodes: building is cheap, but everything that walks the result (the
# validator, the search index) runs out of time and memory. So the document's size counted with
# every alias expanded is bounded before anything is built: a generous constant for files that
# use anchors as intended, and never less than ten times the nodes actually written.
EXPANDED_NODES = 1_000_000
EXPANSION_FACTOR = 10


def load(text: str) -> Any:
    """The document in `text`: built straight from the parser's events when it is plain data
    (several times faster on a large FAQ), by the full safe loader otherwise, which also gives
    the errors with their lines and bounds what aliases expand to (`TooLarge`)."""
    try:
        return _from_events(text)
    except (TooLarge, ExplicitTag, TooDeep, TooLong):
        raise
    except (_Unusual, yaml.YAMLError):
        pass
    _scan(text)  # what the event builder stopped before seeing
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        check_expansion(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def check_expansion(root: yaml.Node) -> None:
    """Raise TooLarge when the tree under `root`, aliases expanded, has too many nodes.

    Each distinct node is visited once (its expanded size is remembered), so this takes time in
    proportion to what was written, however much it would expand to. A node that contains
    itself expands without end and is refused too."""
    sizes: dict[int, int] = {}
    distinct = 0
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    on_path: set[int] = set()
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            on_path.discard(key)
            children = _children(node)
            sizes[key] = 1 + sum(sizes[id(child)] for child in children)
            limit = max(EXPANDED_NODES, EXPANSION_FACTOR * distinct)
            if sizes[key] > limit:
                raise TooLarge(sizes[key], limit, node.start_mark.line + 1)
            continue
        if key in sizes:
            continue
        if key in on_path:  # an alias of an enclosing node: infinite
            raise TooLarge(-1, EXPANDED_NODES, node.start_mark.line + 1)
        distinct += 1
        on_path.add(key)
        stack.append((node, True))
        for child in _children(node):
            if id(child) in on_path:
                raise TooLarge(-1, EXPANDED_NODES, child.start_mark.line + 1)
            if id(child) not in sizes:
                stack.append((child, False))


def _scan(text: str) -> None:
    """Refuse explicit tags, deep nesting and over-long numbers anywhere in `text` (a syntax error
    is left to the loader, which names it)."""
    parser = _Base(text)
    depth = 0
    try:
        while (event := parser.get_event()) is not None:
            _check_event(event, depth)
            if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                depth += 1
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                depth -= 1
    except yaml.YAMLError as error:
        if isinstance(error, ExplicitTag | TooDeep | TooLong):
            raise
    finally:
        parser.dispose()


def _check_event(event: yaml.Event, depth: int) -> None:
    """`depth`: the containers open around `event`."""
    line = event.start_mark.line + 1 if event.start_mark is not None else 1
    tag = getattr(event, "tag", None)
    if tag is not None:
        raise ExplicitTag(tag, line)
    if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent) and depth >= MAX_DEPTH:
        raise TooDeep(MAX_DEPTH, line)
    if isinstance(event, yaml.ScalarEvent) and not event.style and len(event.value) > MAX_DIGITS:
        value = event.value.replace("_", "")
        if value.lstrip("+-").isdigit() and len(value.lstrip("+-")) > MAX_DIGITS:
            raise TooLong(MAX_DIGITS, line)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


class _Unusual(Exception):
    """Something the event builder leaves to the full loader: tags, anchors, duplicate keys, …"""


_NULL = frozenset({"~", "null", "Null", "NULL", ""})
_BOOL = {
    word: flag
    for flag, words in (
        (True, "yes Yes YES true True TRUE on On ON"),
        (False, "no No NO false False FALSE off Off OFF"),
    )
    for word in words.split()
}
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_MAYBE_NOT_TEXT = frozenset("-+.0123456789~nNtTfFyYoO=<")  # first characters of the other implicit types
_MISSING = object()


def _plain(value: str) -> Any:
    """What the safe loader makes of a plain scalar, for the common cases; anything else is unusual."""
    if value and value[0] not in _MAYBE_NOT_TEXT:
        return value
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _DECIMAL.fullmatch(value):
        return int(value)
    if _INT.match(value) or _FLOAT.match(value) or value in ("=", "<<"):
        raise _Unusual(value)
    return value


def _from_events(text: str) -> Any:
    """The document built from the parser's events. Anchors and aliases are followed as the safe
    loader does (an alias is the same object), and what they expand to is counted on the way:
    `TooLarge` as soon as it passes the bound, so a bomb is stopped within the events it takes
    to write it."""
    parser = _Base(text)
    root: Any = _MISSING
    stack: list[list[Any]] = []  # [container, is_mapping, pending key, anchor, expanded size at start]
    anchors: dict[str, Any] = {}
    sizes: dict[str, int] = {}  # expanded node count of each finished anchor
    written = extra = 0  # nodes in the text; nodes more that aliases stand for

    def attach(value: Any) -> None:
        nonlocal root
        if not stack:
            if root is not _MISSING:
                raise _Unusual("a second document")
            root = value
            return
        frame = stack[-1]
        if not frame[1]:
            frame[0].append(value)
        elif frame[2] is _MISSING:
            if isinstance(value, dict | list) or value in frame[0]:
                raise _Unusual("complex or duplicate key")
            frame[2] = value
        else:
            frame[0][frame[2]] = value
            frame[2] = _MISSING

    def anchor(name: str | None, value: Any) -> None:
        if name:
            if name in anchors:  # the safe loader refuses a second one, with its lines
                raise _Unusual("duplicate anchor")
            anchors[name] = value

    try:
        while (event := parser.get_event()) is not None:
            kind = type(event)
            _check_event(event, len(stack))
            if kind is yaml.ScalarEvent:
                plain = not event.style and event.implicit[0]  # the C parser says "" for plain, not None
                value = _plain(event.value) if plain else event.value
                written += 1
                anchor(event.anchor, value)
                if event.anchor:
                    sizes[event.anchor] = 1
                attach(value)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                container: Any = {} if kind is yaml.MappingStartEvent else []
                written += 1
                anchor(event.anchor, container)
                attach(container)
                stack.append([container, kind is yaml.MappingStartEvent, _MISSING, event.anchor, written + extra])
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                if frame[3]:
                    sizes[frame[3]] = written + extra - frame[4] + 1
            elif kind is yaml.AliasEvent:
                name = event.anchor
                if name not in anchors:
                    raise _Unusual("undefined alias")  # the safe loader says so, with the line
                line = event.start_mark.line + 1
                if name not in sizes:  # an alias inside its own anchor: it never ends
                    raise TooLarge(-1, EXPANDED_NODES, line)
                written += 1
                extra += sizes[name] - 1
                limit = max(EXPANDED_NODES, EXPANSION_FACTOR * written)
                if written + extra > limit:
                    raise TooLarge(written + extra, limit, line)
                attach(anchors[name])
    finally:
        parser.dispose()
    return None if root is _MISSING else root


def error_line(error: yaml.YAMLError) -> int | None:
    if isinstance(error, DuplicateKeyError | TooLarge | ExplicitTag | TooDeep | TooLong):
        return error.line
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return None if mark is None else int(mark.line) + 1


def line_of(text: str, path: Sequence[str | int]) -> int:
    """Line (1-based) of the node at `path`, or of its deepest existing ancestor.

    Composed only when a problem is reported, so valid data never pays for it.
    """
    return lines_of(text, [path])[0]


def lines_of(text: str, paths: Sequence[Sequence[str | int]]) -> list[int]:
    """`line_of` for each of `paths`, the text composed once."""
    try:
        root: yaml.Node | None = yaml.compose(text, Loader=Loader)
    except yaml.YAMLError:
        return [1 for _ in paths]
    return [_line_in(root, path) for path in paths]


def _line_in(node: yaml.Node | None, path: Sequence[str | int]) -> int:
    line = 1 if node is None else node.start_mark.line + 1
    for step in path:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == str(step)), None)
            if match is None:
                return line
            line, node = match[0].start_mark.line + 1, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            if step >= len(node.value):
                return line
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            return line
    return line
