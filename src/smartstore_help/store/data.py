"""Find and load the YAML data files.

Validation itself lives in `validate`, imported only when a file must really be parsed; the
problems both report are in `problems`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from smartstore_help.core.model import ChannelData, Faq
from smartstore_help.core.problems import DataError, Problem, problem

__all__ = ["DataError", "Problem"]

CHANNELS_FILE = "channels.yaml"
FAQ_FILE = "faq.yaml"
# A data file larger than this is refused before it is read. A 10,000-entry FAQ (the benchmark's)
# is about 19 MB; four times that already needs more memory than many small machines give a tool.
MAX_BYTES = 25 * 1024 * 1024


def builtin_dir() -> Path:
    packaged = Path(__file__).parents[1] / "data"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[3] / "data"


def is_builtin(path: Path) -> bool:
    """Whether `path` is a file shipped with ss-help itself."""
    return path.parent == builtin_dir()


Origin = Literal["builtin", "update", "data-dir"]
_rejected: set[Path] = set()  # installed bundles found invalid in this run: the built-in data is used instead


def update_dir() -> Path | None:
    """The installed data update in use (see `installed.active`), if any."""
    from smartstore_help.store.places import update_installed

    if not update_installed():  # most runs: never one installed
        return None
    from smartstore_help.store import installed

    chosen = installed.active(builtin_dir)
    return None if chosen is None or chosen.directory in _rejected else chosen.directory


def origin(path: Path) -> Origin:
    """Where a data file comes from: the program, an installed update, or the seller's own folder."""
    if is_builtin(path):
        return "builtin"
    from smartstore_help.store.places import updates_dir

    return "update" if path.parent.parent == updates_dir() else "data-dir"


def is_shipped(path: Path) -> bool:
    """Whether `path` is ss-help's own data (built in or a signed update): held to a stricter
    standard than a seller's file (sources with their dates, English)."""
    return origin(path) != "data-dir"


def reject(path: Path) -> None:
    """The installed update holding `path` did not validate: use the built-in data for the rest of the run."""
    _rejected.add(path.parent)


def data_file(name: str, data_dir: Path | None) -> Path:
    """The user's file of that name in `data_dir` when there is one, else the installed update's,
    else the built-in one."""
    if data_dir is not None:
        if not data_dir.is_dir():
            raise DataError([problem(str(data_dir), 0, "", "data.no_folder")])
        if (data_dir / name).is_file():
            return data_dir / name
    update = update_dir()
    if update is not None and (update / name).is_file():
        return update / name
    return builtin_dir() / name


def read_bytes(path: Path) -> bytes:
    """The file's bytes; a file over `MAX_BYTES` (or a device that never ends) is refused, naming the limit."""
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise DataError([problem(str(path), 0, "", "data.no_file")]) from None
    except OSError as error:
        raise DataError([problem(str(path), 0, "", "data.unreadable", why=error.strerror)]) from None
    if len(raw) > MAX_BYTES:
        raise DataError([problem(str(path), 0, "", "data.file_too_big", limit=f"{MAX_BYTES // (1024 * 1024)} MB")])
    return raw


def decode(raw: bytes, file: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError([problem(file, line, "", "data.not_utf8")]) from None


def read_text(path: Path) -> str:
    return decode(read_bytes(path), str(path))


def parse_yaml(text: str, file: str) -> Any:
    import yaml  # only when the parsed-data cache misses: it is a good part of start-up

    from smartstore_help.core import yamlio

    try:
        return yamlio.load(text)
    except yamlio.TooLarge as error:
        raise DataError([problem(file, error.line, "", "data.yaml_too_large", limit=f"{error.limit:,}")]) from None
    except yamlio.ExplicitTag as error:
        raise DataError([problem(file, error.line, "", "data.yaml_tag", tag=error.tag)]) from None
    except yamlio.TooDeep as error:
        raise DataError([problem(file, error.line, "", "data.yaml_too_deep", limit=error.limit)]) from None
    except yamlio.TooLong as error:
        raise DataError([problem(file, error.line, "", "data.yaml_long_number", limit=error.limit)]) from None
    except yamlio.DuplicateKeyError as error:
        raise DataError([problem(file, error.line, str(error.key), "data.duplicate_key")]) from None
    except yaml.YAMLError as error:
        detail = str(getattr(error, "problem", None) or error).strip()
        raise DataError([problem(file, yamlio.error_line(error) or 1, "", "data.yaml_syntax", detail=detail)]) from None


def channels_from_bytes(raw: bytes, file: str) -> ChannelData:
    return channels_from_text(decode(raw, file), file)


def faq_from_bytes(raw: bytes, file: str, shipped: bool = False) -> Faq:
    return faq_from_text(decode(raw, file), file, shipped)


# The same text is parsed and validated once per process, whatever asks for it again (`data check`
# reads the FAQ for its problems and again for its warnings; a program calling `run` many times
# reads the same files each time). The results are immutable; a file that fails is never kept.
@lru_cache(maxsize=8)
def channels_from_text(text: str, file: str) -> ChannelData:
    from smartstore_help.core.validate import parse_channels

    return parse_channels(parse_yaml(text, file), file, text)


@lru_cache(maxsize=8)
def faq_from_text(text: str, file: str, shipped: bool = False) -> Faq:
    """`shipped`: the file is ss-help's own, so every entry must cite its sources (see `parse_faq`)."""
    from smartstore_help.core.validate import parse_faq

    return parse_faq(parse_yaml(text, file), file, text, shipped)


def load_channels(data_dir: Path | None = None) -> ChannelData:
    path = data_file(CHANNELS_FILE, data_dir)
    return channels_from_text(read_text(path), str(path))


def load_faq(data_dir: Path | None = None) -> Faq:
    path = data_file(FAQ_FILE, data_dir)
    return faq_from_text(read_text(path), str(path), is_shipped(path))


def faq_warnings(data_dir: Path | None = None) -> list[Problem]:
    """What `data check` warns about in the FAQ in use (it must be valid): see `validate.faq_warnings`."""
    from smartstore_help.core.validate import faq_warnings

    path = data_file(FAQ_FILE, data_dir)
    text = read_text(path)
    return faq_warnings(faq_from_text(text, str(path), is_shipped(path)), text)


def all_problems(load: Callable[[], object]) -> list[Problem]:
    try:
        load()
    except DataError as error:
        return list(error.problems)
    return []
