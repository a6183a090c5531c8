"""Korean particles that follow the sound of the word before them: `{id:을}` → `1을`, `2를`."""

from __future__ import annotations

import re

_PARTICLES = {"을": ("을", "를"), "이": ("이", "가"), "은": ("은", "는"), "과": ("과", "와"), "으로": ("으로", "로")}
_PARTICLE_SPEC = re.compile(r"\{(\w+):(을|이|은|과|으로)\}")


def has_final_consonant(word: str) -> bool:
    """Whether the last sound of `word` ends in a consonant (받침), as Korean particles need.
    Numbers are read as Sino-Korean: 1 일, 2 이, 10 십 …"""
    word = word.rstrip()
    if not word:
        return False
    last = word[-1]
    if last.isdigit():
        return last == "0" or last not in "2459"
    if "가" <= last <= "힣":
        return (ord(last) - 0xAC00) % 28 != 0
    return last.lower() in "lmnr"  # an English word: roughly how it is read aloud


def _with_particle(match: re.Match[str], values: dict[str, object]) -> str:
    word = str(values[match[1]])
    with_final, without = _PARTICLES[match[2]]
    if match[2] == "으로" and word and word[-1:] in "1789ㄹ":  # 1 일로, 7 칠로, 8 팔로: ㄹ takes 로
        return word + "로"
    return word + (with_final if has_final_consonant(word) else without)


def with_particles(template: str, values: dict[str, object]) -> str:
    """`template` with each `{name:을}` resolved against its value (braces escaped for str.format)."""
    return _PARTICLE_SPEC.sub(lambda m: _with_particle(m, values).replace("{", "{{").replace("}", "}}"), template)
