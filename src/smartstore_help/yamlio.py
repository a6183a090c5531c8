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


def load(text: str) -> Any:
    return yaml.load(text, Loader=Loader)


def error_line(error: yaml.YAMLError) -> int | None:
    if isinstance(error, DuplicateKeyError):
        return error.line
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return None if mark is None else int(mark.line) + 1


def line_of(text: str, path: Sequence[str | int]) -> int:
    """Line (1-based) of the node at `path`, or of its deepest existing ancestor.

    Composed only when a problem is reported, so valid data never pays for it.
    """
    try:
        node: yaml.Node | None = yaml.compose(text, Loader=Loader)
    except yaml.YAMLError:
        return 1
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
