"""`ss-help data update` and `data status` against a real HTTP server on the loopback address.

Bundles are built and signed by the maintainers' own script (scripts/build_data_bundle.py) with
a key made for the test run; every failure must leave the data in use exactly as it was.
"""

from __future__ import annotations

import errno
import functools
import hashlib
import importlib.util
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from helpers import run

from smartstore_help.core import yamlio
from smartstore_help.store import bundle, data, installed, update
from smartstore_help.ui.iostreams import IOStreams

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "build_data_bundle.py"
TODAY = datetime.now(UTC).date()


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_data_bundle", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BUILD = _script()


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A fresh key pair, made by the script as a maintainer would: (private, public)."""
    folder = tmp_path_factory.mktemp("keys")
    assert BUILD.main(["--new-key", str(folder)]) == 0
    return folder / "private.pem", folder / "public.pem"


@pytest.fixture(scope="module")
def other_keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("other-keys")
    assert BUILD.main(["--new-key", str(folder)]) == 0
    return folder / "private.pem", folder / "public.pem"


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        if self.path.startswith("/redirect/"):  # off https: must be refused
            self.send_response(302)
            self.send_header("Location", "http://example.com/manifest.json")
            self.end_headers()
            return
        if self.path.startswith("/short/"):  # promises more than it sends, then hangs up
            self.send_response(200)
            self.send_header("Content-Length", "5000")
            self.end_headers()
            self.wfile.write(b'{"format": 1')
            self.close_connection = True
            return
        super().do_GET()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A folder served over HTTP on 127.0.0.1 (any free port), and its address."""
    root = tmp_path / "www"
    root.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    # (serve_forever checks for shutdown every poll_interval: half a second by default, per test)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    try:
        yield root, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def shipped() -> tuple[dict[str, Any], dict[str, Any]]:
    # (the program's own reader: PyYAML's pure-Python safe_load takes a second over the FAQ)
    channels = yamlio.load((data.builtin_dir() / "channels.yaml").read_text(encoding="utf-8"))
    faq = yamlio.load((data.builtin_dir() / "faq.yaml").read_text(encoding="utf-8"))
    return channels, faq


def phone_close(channels: dict[str, Any]) -> str:
    phone = next(c for c in channels["channels"] if c["id"] == "phone")
    return str(channels["schedules"][phone["schedule"]]["close"])


def minutes(clock: str, delta: int) -> str:
    moment = datetime(2026, 1, 1, int(clock[:2]), int(clock[3:])) + timedelta(minutes=delta)
    return f"{moment:%H:%M}"


def source_folder(where: Path, channels: dict[str, Any] | None = None, faq: dict[str, Any] | None = None) -> Path:
    """A data folder for the script: the shipped files, or these values written as YAML."""
    where.mkdir(parents=True, exist_ok=True)
    for name, value in (("channels.yaml", channels), ("faq.yaml", faq)):
        if value is None:
            (where / name).write_bytes((data.builtin_dir() / name).read_bytes())
        else:
            dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # the C emitter: the FAQ in a tenth of the time
            text = yaml.dump(value, Dumper=dumper, allow_unicode=True, sort_keys=False)
            (where / name).write_text(text, encoding="utf-8")
    return where


def build(out: Path, private: Path, version: str, day: date = TODAY, source: Path | None = None) -> Path:
    args = ["--key", str(private), "--out", str(out), "--version", version, "--date", day.isoformat()]
    assert BUILD.main([*args, *(["--data-dir", str(source)] if source else [])]) == 0
    return out


def changed_bundle(out: Path, work: Path, private: Path, version: str, close: str, word: str) -> tuple[str, str]:
    """A bundle whose phone closes at `close` and whose first FAQ question ends in `word`."""
    channels, faq = shipped()
    phone = next(c for c in channels["channels"] if c["id"] == "phone")
    channels["schedules"][phone["schedule"]]["close"] = close
    first = faq["entries"][0]
    first["question"] = f"{first['question']} {word}"
    build(out, private, version, source=source_folder(work, channels, faq))
    return first["id"], first["question"]


def status() -> dict[str, Any]:
    result = run("data", "status", "--json")
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def phone_state(at: str) -> str:
    doc = json.loads(run("hours", "--at", at, "--json").stdout)
    return str(next(c for c in doc["channels"] if c["id"] == "phone")["status"])


def left_in(root: Path) -> list[str]:
    """What an install leaves in the updates folder, but for the lock file that serialises installs."""
    return sorted(p.name for p in root.iterdir() if p.name != ".lock")


# A Tuesday that is no public holiday.
DAY = "2026-12-08"


def test_status_without_an_update_is_the_built_in_data() -> None:
    release = installed.release_of(data.builtin_dir())
    assert release is not None
    now = datetime(2027, 1, 6, 3, 0, tzinfo=UTC)  # 12:00 KST
    result = run("data", "status", "--json", io=IOStreams.test(now=now))
    doc = json.loads(result.stdout)
    assert doc["source"] == "builtin" and doc["path"] == str(data.builtin_dir())
    assert (doc["version"], doc["date"]) == (release.version, release.date.isoformat())
    assert doc["age_days"] == (date(2027, 1, 6) - release.date).days
    assert doc["installed"] is None and doc["previous"] is None and doc["ignored"] is None
    assert [f["source"] for f in doc["files"]] == ["builtin", "builtin"]
    said = run("data", "status", "--lang", "en", io=IOStreams.test(now=now)).stdout
    assert f"Data in use: built-in data · version {release.version} · {release.date}" in said


def test_status_names_a_data_dir_file_by_file(tmp_path: Path) -> None:
    (tmp_path / "faq.yaml").write_text(
        "version: 1\nentries:\n  - {id: own, type: general, question: 질문, answer: 답}\n", encoding="utf-8"
    )
    doc = json.loads(run("data", "status", "--json", "--data-dir", str(tmp_path)).stdout)
    assert doc["source"] == "data-dir" and doc["version"] is None and doc["age_days"] is None
    assert [(f["name"], f["source"]) for f in doc["files"]] == [("channels.yaml", "builtin"), ("faq.yaml", "data-dir")]


def test_a_bundle_served_on_loopback_installs_and_the_commands_use_it(
    served: tuple[Path, str], tmp_path: Path, keys: tuple[Path, Path]
) -> None:
    www, url = served
    close = phone_close(shipped()[0])
    earlier, asked = minutes(close, -30), minutes(close, -15)
    entry_id, question = changed_bundle(www, tmp_path / "src", keys[0], "2099.1", earlier, "얼룩말")
    assert phone_state(f"{DAY}T{asked}") == "open"
    assert json.loads(run("faq", "search", "얼룩말", "--json").stdout)["confident"] is False  # caches warm, too

    result = run("data", "update", "--from", url, "--key", str(keys[1]))
    assert result.exit_code == 0, result.output
    assert "2099.1" in result.stdout and url in result.stdout

    assert phone_state(f"{DAY}T{asked}") == "closed"  # the new closing time
    found = json.loads(run("faq", "search", "얼룩말", "--json").stdout)
    assert found["results"][0]["id"] == entry_id
    assert question in run("faq", "show", entry_id).stdout
    doc = status()
    assert doc["source"] == "update" and doc["version"] == "2099.1" and doc["date"] == TODAY.isoformat()
    assert doc["installed"]["from"] == url and Path(doc["path"]).is_dir()
    assert [f["source"] for f in doc["files"]] == ["update", "update"]
    assert all(Path(f["path"]).parent == Path(doc["path"]) for f in doc["files"])
    # a seller's own folder still wins, file by file
    own = tmp_path / "own"
    own.mkdir()
    (own / "channels.yaml").write_bytes((data.builtin_dir() / "channels.yaml").read_bytes())
    assert json.loads(run("hours", "--at", f"{DAY}T{asked}", "--json", "--data-dir", str(own)).stdout)
    mixed = json.loads(run("data", "status", "--json", "--data-dir", str(own)).stdout)
    assert [f["source"] for f in mixed["files"]] == ["data-dir", "update"]
    # the same bundle again changes nothing
    again = run("data", "update", "--from", url + "manifest.json", "--key", str(keys[1]))
    assert again.exit_code == 0 and "이미 설치된" in again.stdout


def test_a_local_folder_or_its_manifest_installs_too(tmp_path: Path, keys: tuple[Path, Path]) -> None:
    out = build(tmp_path / "bundle", keys[0], "2099.2")
    assert run("data", "update", "--from", str(out / "manifest.json"), "--key", str(keys[1])).exit_code == 0
    assert status()["version"] == "2099.2"
    out3 = build(tmp_path / "bundle3", keys[0], "2099.3")
    assert run("data", "update", "--from", str(out3), "--key", str(keys[1])).exit_code == 0
    assert status()["version"] == "2099.3" and status()["previous"]["version"] == "2099.2"


def _tamper_file(www: Path, url: str, keys: tuple[Path, Path], other: tuple[Path, Path]) -> list[str]:
    with (www / "faq.yaml").open("ab") as out:
        out.write(b"\n# one more line\n")
    return ["--from", url, "--key", str(keys[1])]


def _tamper_signature(www: Path, url: str, keys: tuple[Path, Path], other: tuple[Path, Path]) -> list[str]:
    (www / "manifest.json.sig").write_bytes(
        bundle.sign(b"something else", bundle.load_private_key(keys[0].read_bytes()))
    )
    return ["--from", url, "--key", str(keys[1])]


def _tamper_manifest(www: Path, url: str, keys: tuple[Path, Path], other: tuple[Path, Path]) -> list[str]:
    text = (www / "manifest.json").read_text(encoding="utf-8").replace('"version": "2099.9"', '"version": "2099.99"')
    (www / "manifest.json").write_text(text, encoding="utf-8")
    return ["--from", url, "--key", str(keys[1])]


def _wrong_key(www: Path, url: str, keys: tuple[Path, Path], other: tuple[Path, Path]) -> list[str]:
    return ["--from", url, "--key", str(other[1])]


def _shipped_key(www: Path, url: str, keys: tuple[Path, Path], other: tuple[Path, Path]) -> list[str]:
    return ["--from", url]  # signed by the test's key, not the project's


def _invalid_yaml(www: Path, url: str, keys: tuple[Path, Path], other: tuple[Path, Path]) -> list[str]:
    """A bundle correctly signed whose faq.yaml is broken: only the validator can catch it."""
    files = {name: (www / name).read_bytes() for name in bundle.FILES}
    files["faq.yaml"] = files["faq.yaml"].replace(b"entries:", b"entries: [", 1)
    manifest = bundle.make_manifest(files, "2099.9", TODAY)
    (www / "faq.yaml").write_bytes(files["faq.yaml"])
    (www / "manifest.json").write_bytes(manifest)
    (www / "manifest.json.sig").write_bytes(bundle.sign(manifest, bundle.load_private_key(keys[0].read_bytes())))
    return ["--from", url, "--key", str(keys[1])]


def _not_found(www: Path, url: str, keys: tuple[Path, Path], other: tuple[Path, Path]) -> list[str]:
    return ["--from", url + "nowhere/", "--key", str(keys[1])]


def _missing_file(www: Path, url: str, keys: tuple[Path, Path], other: tuple[Path, Path]) -> list[str]:
    (www / "channels.yaml").unlink()
    return ["--from", url, "--key", str(keys[1])]


def _plain_http(www: Path, url: str, keys: tuple[Path, Path], other: tuple[Path, Path]) -> list[str]:
    return ["--from", "http://example.com/bundle/", "--key", str(keys[1])]


def _redirect_off_https(www: Path, url: str, keys: tuple[Path, Path], other: tuple[Path, Path]) -> list[str]:
    return ["--from", url + "redirect/", "--key", str(keys[1])]


def _cut_short(www: Path, url: str, keys: tuple[Path, Path], other: tuple[Path, Path]) -> list[str]:
    return ["--from", url + "short/", "--key", str(keys[1])]


def _offline(www: Path, url: str, keys: tuple[Path, Path], other: tuple[Path, Path]) -> list[str]:
    return ["--from", "http://127.0.0.1:9/", "--key", str(keys[1])]  # the discard port: nobody listens


def _older(www: Path, url: str, keys: tuple[Path, Path], other: tuple[Path, Path]) -> list[str]:
    build(www, keys[0], "2000.1", date(2000, 1, 1))
    return ["--from", url, "--key", str(keys[1])]


def _not_a_key(www: Path, url: str, keys: tuple[Path, Path], other: tuple[Path, Path]) -> list[str]:
    return ["--from", url, "--key", str(www / "faq.yaml")]


def _private_key_as_key(www: Path, url: str, keys: tuple[Path, Path], other: tuple[Path, Path]) -> list[str]:
    return ["--from", url, "--key", str(keys[0])]


FAILURES = {
    "hash mismatch": (_tamper_file, "faq.yaml does not match the SHA-256"),
    "bad signature": (_tamper_signature, "bad signature"),
    "manifest edited": (_tamper_manifest, "bad signature"),
    "wrong key": (_wrong_key, "bad signature"),
    "the shipped key": (_shipped_key, "bad signature"),
    "invalid yaml": (_invalid_yaml, "the bundle's data is not valid: faq.yaml:"),
    "404": (_not_found, "HTTP 404"),
    "missing file": (_missing_file, "HTTP 404"),
    "http off loopback": (_plain_http, "only https://"),
    "redirect off https": (_redirect_off_https, "only https://"),
    "cut short": (_cut_short, "broke off"),
    "offline": (_offline, "cannot connect"),
    "older than in use": (_older, "older than the data in use"),
    "not a key": (_not_a_key, "not an Ed25519 public key"),
    "a private key": (_private_key_as_key, "not an Ed25519 public key"),
}


@pytest.mark.parametrize("case", FAILURES)
def test_every_failure_changes_nothing_and_says_why_in_one_line(
    case: str,
    served: tuple[Path, str],
    tmp_path: Path,
    keys: tuple[Path, Path],
    other_keys: tuple[Path, Path],
) -> None:
    www, url = served
    good = build(tmp_path / "good", keys[0], "2099.1")
    assert run("data", "update", "--from", str(good), "--key", str(keys[1])).exit_code == 0
    before = status()
    state_before = (installed.root() / installed.STATE_FILE).read_bytes()
    build(www, keys[0], "2099.9")
    tamper, words = FAILURES[case]
    args = tamper(www, url, keys, other_keys)
    result = run("data", "update", *args, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and words in result.stderr, result.stderr
    assert result.stderr.startswith("error: data not updated (the data in use is unchanged): ")
    assert (installed.root() / installed.STATE_FILE).read_bytes() == state_before
    assert status() == before
    assert left_in(installed.root()) == sorted(
        [installed.STATE_FILE, Path(before["path"]).name]
    )  # nothing half-written


def test_a_full_disk_changes_nothing(tmp_path: Path, keys: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    good = build(tmp_path / "good", keys[0], "2099.1")
    assert run("data", "update", "--from", str(good), "--key", str(keys[1])).exit_code == 0
    before = status()
    newer = build(tmp_path / "newer", keys[0], "2099.2")
    written: list[Path] = []

    def full(path: Path, raw: bytes) -> None:
        written.append(path)
        if len(written) == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        path.write_bytes(raw)

    monkeypatch.setattr(update, "_write_file", full)
    result = run("data", "update", "--from", str(newer), "--key", str(keys[1]), "--lang", "en")
    assert result.exit_code == 2 and "no space left on the disk" in result.stderr
    assert status() == before
    assert not [p for p in installed.root().iterdir() if p.name.startswith(".incoming-")]


def test_an_interrupted_install_changes_nothing(
    tmp_path: Path, keys: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    newer = build(tmp_path / "newer", keys[0], "2099.2")

    def interrupted(path: Path, raw: bytes) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(update, "_write_file", interrupted)
    result = run("data", "update", "--from", str(newer), "--key", str(keys[1]))
    assert result.exit_code == 130
    assert status()["source"] == "builtin"
    assert left_in(installed.root()) == []


def test_size_limits(tmp_path: Path, keys: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    out = build(tmp_path / "b", keys[0], "2099.1")
    monkeypatch.setattr(bundle, "MAX_MANIFEST_BYTES", 100)
    result = run("data", "update", "--from", str(out), "--key", str(keys[1]), "--lang", "en")
    assert result.exit_code == 2 and "manifest.json is too large (over 100 bytes)" in result.stderr
    assert status()["source"] == "builtin"


def test_rollback_goes_back_one_step_then_to_the_built_in_data(
    served: tuple[Path, str], tmp_path: Path, keys: tuple[Path, Path]
) -> None:
    www, url = served
    close = phone_close(shipped()[0])
    asked = minutes(close, -15)
    build(tmp_path / "first", keys[0], "2099.1")
    assert run("data", "update", "--from", str(tmp_path / "first"), "--key", str(keys[1])).exit_code == 0
    changed_bundle(www, tmp_path / "src", keys[0], "2099.2", minutes(close, -30), "얼룩말")
    assert run("data", "update", "--from", url, "--key", str(keys[1])).exit_code == 0
    assert phone_state(f"{DAY}T{asked}") == "closed"
    assert status()["previous"]["version"] == "2099.1"
    assert "이전 업데이트: 버전 2099.1" in run("data", "status").stdout

    back = run("data", "update", "--rollback")
    assert back.exit_code == 0 and "2099.1" in back.stdout
    assert phone_state(f"{DAY}T{asked}") == "open"
    assert status()["version"] == "2099.1" and status()["previous"] is None
    assert json.loads(run("faq", "search", "얼룩말", "--json").stdout)["confident"] is False

    to_builtin = run("data", "update", "--rollback", "--lang", "en")
    assert to_builtin.exit_code == 0 and "built-in data" in to_builtin.stdout
    assert status()["source"] == "builtin" and status()["installed"] is None
    assert left_in(installed.root()) == [installed.STATE_FILE]

    nothing = run("data", "update", "--rollback", "--lang", "en")
    assert nothing.exit_code == 2 and "no update to roll back" in nothing.stderr
    conflict = run("data", "update", "--rollback", "--from", url)
    assert conflict.exit_code == 2 and "--rollback" in conflict.stderr


def test_built_in_data_newer_than_the_installed_update_wins(
    tmp_path: Path, keys: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = build(tmp_path / "b", keys[0], "2099.1")
    assert run("data", "update", "--from", str(out), "--key", str(keys[1])).exit_code == 0
    assert status()["source"] == "update"
    newer_builtin = tmp_path / "builtin"
    newer_builtin.mkdir()
    for name in ("channels.yaml", "faq.yaml"):
        (newer_builtin / name).write_bytes((data.builtin_dir() / name).read_bytes())
    later = TODAY + timedelta(days=30)
    (newer_builtin / "release.json").write_text(json.dumps({"version": "9", "date": later.isoformat()}))
    monkeypatch.setattr(data, "builtin_dir", lambda: newer_builtin)
    doc = status()
    assert doc["source"] == "builtin" and doc["version"] == "9" and doc["ignored"] == {"reason": "older"}
    assert "older than the built-in data" in run("data", "status", "--lang", "en").stdout


def test_an_installed_update_that_no_longer_validates_is_set_aside(tmp_path: Path, keys: tuple[Path, Path]) -> None:
    out = build(tmp_path / "b", keys[0], "2099.1")
    assert run("data", "update", "--from", str(out), "--key", str(keys[1])).exit_code == 0
    current, _ = installed.state()
    assert current is not None
    faq = current.directory / "faq.yaml"  # as a stricter ss-help would read it
    faq.write_text(faq.read_text(encoding="utf-8").replace("published:", "publication:", 1), encoding="utf-8")
    shown = run("faq", "show", "phone-number")
    assert shown.exit_code == 0 and not shown.stderr  # from the built-in data
    assert run("faq", "search", "정산", "--json").exit_code == 0
    doc = status()
    assert doc["source"] == "builtin" and doc["ignored"]["reason"] == "invalid"
    assert "publication" in doc["ignored"]["problem"]


def test_the_hours_and_faq_search_paths_never_load_the_update_code(tmp_path: Path, keys: tuple[Path, Path]) -> None:
    out = build(tmp_path / "b", keys[0], "2099.1")
    assert run("data", "update", "--from", str(out), "--key", str(keys[1])).exit_code == 0
    banned = (
        "cryptography",
        "urllib.request",
        "http.client",
        "ssl",
        "smartstore_help.store.update",
        "smartstore_help.store.bundle",
        "smartstore_help.cli.dataupdate",
    )
    code = (
        "import sys\nfrom smartstore_help.cli.main import run\nrun(['hours'])\nrun(['faq', 'search', '정산'])\n"
        f"print(sorted(m for m in sys.modules if m.startswith({banned!r})), file=sys.stderr)"
    )
    env = {**os.environ}  # the installed update (SS_HELP_HOME) is in use in the child too
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60, check=True, env=env)
    assert done.stderr.decode().strip().splitlines()[-1] == "[]"


def test_the_script_makes_keys_and_refuses_to_overwrite_one(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(SCRIPT), "--new-key", str(tmp_path)], capture_output=True, timeout=60)
    assert done.returncode == 0
    assert (tmp_path / "private.pem").stat().st_mode & 0o777 == 0o600
    assert b"PRIVATE KEY" in (tmp_path / "private.pem").read_bytes()
    assert b"PUBLIC KEY" in (tmp_path / "public.pem").read_bytes()
    again = subprocess.run([sys.executable, str(SCRIPT), "--new-key", str(tmp_path)], capture_output=True, timeout=60)
    assert again.returncode == 2 and b"File exists" in again.stderr


def test_the_script_refuses_data_the_validator_refuses(tmp_path: Path, keys: tuple[Path, Path]) -> None:
    src = source_folder(tmp_path / "src")
    (src / "faq.yaml").write_text("version: 1\nentries: [\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--key", str(keys[0]), "--out", str(tmp_path / "out"), "--data-dir", str(src)],
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 2 and b"faq.yaml:" in done.stderr
    assert not (tmp_path / "out").exists()


def test_the_manifest_names_each_file_with_its_hash(tmp_path: Path, keys: tuple[Path, Path]) -> None:
    out = build(tmp_path / "b", keys[0], "2099.1", date(2099, 1, 2))
    manifest = json.loads((out / "manifest.json").read_bytes())
    assert manifest["version"] == "2099.1" and manifest["date"] == "2099-01-02" and manifest["format"] == 1
    for name in ("channels.yaml", "faq.yaml"):
        raw = (out / name).read_bytes()
        assert manifest["files"][name] == {"sha256": hashlib.sha256(raw).hexdigest(), "size": len(raw)}


def test_the_project_key_ships_in_the_package_and_no_private_key_is_committed() -> None:
    assert bundle.PUBLIC_KEY.is_file()
    bundle.load_public_key(bundle.PUBLIC_KEY.read_bytes(), str(bundle.PUBLIC_KEY))
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    private = re.compile(b"-----BEGIN [A-Z ]*" + b"PRIVATE KEY-----")  # split: this file is no key
    for name in listed:
        path = ROOT / name
        if path.is_file() and path.stat().st_size < 1_000_000:
            assert not private.search(path.read_bytes()), name


def test_a_raw_hex_public_key_is_trusted_too(tmp_path: Path, keys: tuple[Path, Path]) -> None:
    from cryptography.hazmat.primitives import serialization

    key = bundle.load_public_key(keys[1].read_bytes(), "pem")
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()
    (tmp_path / "key.hex").write_text(raw + "\n")
    out = build(tmp_path / "b", keys[0], "2099.1")
    assert run("data", "update", "--from", str(out), "--key", str(tmp_path / "key.hex")).exit_code == 0


def test_the_progress_bar_waits_a_moment_and_only_draws_on_a_terminal() -> None:
    from smartstore_help.ui.progress import DelayedBar

    io = IOStreams.test()
    ticks = iter([0.0, 0.1, 5.0])
    bar = DelayedBar(io, "x", delay=0.5, clock=lambda: next(ticks))
    bar(10, 100)
    assert bar.bar is None  # not a terminal: never drawn
    bar.enabled = True
    bar(20, 100)
    assert bar.bar is None  # not yet a moment
    bar(30, 100)
    assert bar.bar is not None
    with bar:
        bar(100, 100)
    assert bar.bar.finished


def test_two_installs_at_once_leave_a_consistent_state(tmp_path: Path, keys: tuple[Path, Path]) -> None:
    bundles = [build(tmp_path / f"b{i}", keys[0], f"2099.{i}") for i in (1, 2)]
    exe = Path(sys.executable).with_name("ss-help")
    children = [
        subprocess.Popen([str(exe), "data", "update", "--from", str(b), "--key", str(keys[1])], env=os.environ.copy())
        for b in bundles
    ]
    assert [child.wait(timeout=120) for child in children] == [0, 0]
    current, previous = installed.state()
    assert current is not None and previous is not None
    assert current.directory.is_dir() and previous.directory.is_dir()
    assert {current.release.version, previous.release.version} == {"2099.1", "2099.2"}
    assert left_in(installed.root()) == sorted([installed.STATE_FILE, current.directory.name, previous.directory.name])


def test_without_an_update_hours_costs_one_stat_more_and_no_module() -> None:
    code = (
        "import sys\nfrom smartstore_help.cli.main import run\nrun(['hours'])\n"
        "print('smartstore_help.store.installed' in sys.modules, file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, timeout=60, check=True, env=os.environ.copy()
    )
    assert done.stderr.decode().strip().splitlines()[-1] == "False"


def test_without_from_and_with_no_default_address_it_says_so_and_changes_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from smartstore_help.store import update

    monkeypatch.setattr(update, "DEFAULT_URL", "")
    result = run("data", "update", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "error: this copy has no default update address: name where to get the data with --from URL (or a folder)"
    ]
    assert json.loads(run("data", "status", "--json").stdout)["source"] == "builtin"
