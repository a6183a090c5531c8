from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from smartstore_help.cli import app

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> Any:
    return runner.invoke(app, list(args), env=env, input=stdin)


def run_json(*args: str) -> Any:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)
