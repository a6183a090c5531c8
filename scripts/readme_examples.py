"""The README's examples are real output: run every `$ ss-help …` line of its console blocks.

    python scripts/readme_examples.py          # rewrite the examples in README.md from real runs
    python scripts/readme_examples.py --check  # exit 1 and show the difference if any is stale

Each block runs in a fresh folder with its own case journal, at COLUMNS=80, without colour, in
bash (so `; echo $?` and `> /dev/null` work); the commands carry their own `--at`, so the output
does not depend on the day. A `./mydata` folder with two mistakes is there for `data check`.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BLOCK = re.compile(r"^(?P<indent>[ ]*)```console\n(?P<body>.*?)^(?P=indent)```$", re.M | re.S)


def _environment(home: Path, cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SS_HELP_") and k not in ("NO_COLOR", "FORCE_COLOR")}
    bin_dir = str(Path(sys.executable).parent)
    env.update(
        {
            "COLUMNS": "80",
            "LINES": "24",
            "NO_COLOR": "1",
            "TERM": "dumb",
            "SS_HELP_HOME": str(home / "home"),
            "SS_HELP_CACHE_DIR": str(cache),
            "PATH": bin_dir + os.pathsep + env.get("PATH", ""),
            "PYTHONIOENCODING": "utf-8",
        }
    )
    return env


def _broken_data(folder: Path) -> None:
    """`./mydata/channels.yaml`: the shipped file with an impossible closing time and an unknown channel."""
    folder.mkdir()
    text = (ROOT / "data" / "channels.yaml").read_text(encoding="utf-8")
    text = re.sub(r'(close: )"?18:00"?', r'\g<1>"25:00"', text, count=1)
    head, rules = text.split("\nrules:\n", 1)
    text = head + "\nrules:\n" + re.sub(r"(- channel: )\w+", r"\g<1>fax", rules, count=1)
    (folder / "channels.yaml").write_text(text, encoding="utf-8")


def run_block(commands: list[str], cache: Path) -> list[str]:
    """The block as it should read: each command line followed by what it printed. Each block
    starts with no cases and no data of the seller's; the cache (what is built from the data, never
    seen in the output) is shared by all blocks, so only the first builds it."""
    out: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp)
        _broken_data(where / "mydata")
        env = _environment(where, cache)
        for command in commands:
            done = subprocess.run(
                ["bash", "-c", command],
                cwd=where,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                encoding="utf-8",
                timeout=60,
                check=False,
            )
            out += [f"$ {command}", *(line.rstrip() for line in done.stdout.rstrip("\n").splitlines())]
    return out


def blocks(text: str) -> Iterator[re.Match[str]]:
    for match in BLOCK.finditer(text):
        if any(line.strip().startswith("$ ss-help") for line in match["body"].splitlines()):
            yield match


def regenerate(text: str) -> str:
    pieces, last = [], 0
    with tempfile.TemporaryDirectory() as cache:
        for match in blocks(text):
            indent = match["indent"]
            commands = [line.strip()[2:] for line in match["body"].splitlines() if line.strip().startswith("$ ")]
            body = "".join(f"{indent}{line}".rstrip() + "\n" for line in run_block(commands, Path(cache) / "cache"))
            pieces += [text[last : match.start("body")], body]
            last = match.end("body")
    return "".join(pieces) + text[last:]


def main(argv: list[str]) -> int:
    if shutil.which("bash") is None:
        print("bash is needed to run the examples", file=sys.stderr)
        return 2
    current = README.read_text(encoding="utf-8")
    fresh = regenerate(current)
    if "--check" in argv:
        if fresh != current:
            sys.stdout.writelines(
                difflib.unified_diff(current.splitlines(True), fresh.splitlines(True), "README.md", "real output")
            )
            return 1
        return 0
    if fresh != current:
        README.write_text(fresh, encoding="utf-8")
        print("README.md: examples regenerated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
