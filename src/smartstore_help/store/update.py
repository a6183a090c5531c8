"""`ss-help data update`: fetch a signed data bundle (see `bundle`), verify it, install it.

A bundle is a folder holding manifest.json, manifest.json.sig, channels.yaml and faq.yaml,
given as an https:// address (http:// only on this machine's loopback, for tests), as a local
folder, or as the path or address of its manifest.json. Every step happens before anything is
replaced: the files are fetched into memory (within size limits and time-outs), the manifest's
signature is checked against the trusted key, each file against the manifest's SHA-256, both
files against the validator; only then are they written into a new folder of the user data
folder and `state.json` is renamed over the old one. Any failure raises `UpdateFailed` and
leaves the data in use as it was. The bundle replaced is kept for `--rollback`.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from smartstore_help.core.errors import UpdateFailed
from smartstore_help.store import bundle, data, installed
from smartstore_help.store.files import write_atomically

if TYPE_CHECKING:
    from urllib.request import OpenerDirector

# Where `ss-help data update` looks when no --from is given: the one setting (docs/DATA_UPDATES.md).
# Empty until the project publishes signed bundles at an address of its own: an address nobody
# serves would only fail later and less clearly.
DEFAULT_URL = ""
TIMEOUT_SECONDS = 15.0  # to connect, and between two reads
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
CHUNK = 64 * 1024
Progress = Callable[[int, int], None]  # (bytes fetched so far, bytes in all)


class Result(NamedTuple):
    installed: installed.Installed
    replaced: installed.Installed | None
    changed: bool  # False: that very bundle was installed already


# --- fetching -------------------------------------------------------------------------------


class _Place(NamedTuple):
    url: str | None  # the folder's address, ending in "/"
    folder: Path | None

    def describe(self) -> str:
        return self.url if self.url is not None else str(self.folder)


def _place(location: str) -> _Place:
    from urllib.parse import urlsplit

    if "://" not in location:
        path = Path(location).expanduser()
        if path.is_file() or path.name == bundle.MANIFEST:
            path = path.parent
        if not path.is_dir():
            raise UpdateFailed("update.no_folder", path=location)
        return _Place(None, path.absolute())
    parts = urlsplit(location)
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    if (scheme == "https" and host) or (scheme == "http" and host in LOOPBACK):
        pass
    else:
        raise UpdateFailed("update.not_https", url=location)
    url = location
    if url.endswith("/" + bundle.MANIFEST):
        url = url[: -len(bundle.MANIFEST)]
    elif not url.endswith("/"):
        url += "/"
    return _Place(url, None)


def _opener(url: str) -> OpenerDirector:
    from urllib.parse import urlsplit
    from urllib.request import HTTPRedirectHandler, ProxyHandler, build_opener

    class HttpsOnly(HTTPRedirectHandler):
        """A redirect may not leave https (or the loopback address a test serves on)."""

        def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
            _place(newurl)
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    handlers: list[Any] = [HttpsOnly()]
    if (urlsplit(url).hostname or "").lower() in LOOPBACK:
        handlers.append(ProxyHandler({}))  # a proxy set for the machine must not see the loopback
    return build_opener(*handlers)


class _Fetcher:
    """Reads the files of one bundle, from its address or its folder, each within a size limit."""

    def __init__(self, place: _Place, progress: Progress | None) -> None:
        self.place = place
        self.progress = progress
        self.done = 0
        self.total = 0

    def get(self, name: str, limit: int, counted: bool = False) -> bytes:
        """The file `name`; more than `limit` bytes is refused. For a data file (`counted`) the
        limit is the size its signed manifest gives: a byte more is not the file signed."""
        try:
            if self.place.folder is not None:
                return self._read_file(self.place.folder / name, limit, counted)
            assert self.place.url is not None
            return self._download(self.place.url + name, limit, counted)
        except UpdateFailed as error:
            if counted and error.key == "update.too_large":
                raise UpdateFailed("update.hash_mismatch", name=name) from None
            raise

    def _tick(self, size: int, counted: bool) -> None:
        if counted:
            self.done += size
            if self.progress is not None:
                self.progress(self.done, self.total)

    def _read_file(self, path: Path, limit: int, counted: bool) -> bytes:
        try:
            with path.open("rb") as handle:
                raw = handle.read(limit + 1)
        except FileNotFoundError:
            raise UpdateFailed("update.missing_file", name=path.name, place=str(path.parent)) from None
        except OSError as error:
            raise UpdateFailed("update.read_failed", path=str(path), why=error.strerror or str(error)) from None
        if len(raw) > limit:
            raise UpdateFailed("update.too_large", name=path.name, limit=f"{limit:,}")
        self._tick(len(raw), counted)
        return raw

    def _download(self, url: str, limit: int, counted: bool) -> bytes:
        import http.client
        import socket
        import urllib.error

        name = url.rsplit("/", 1)[-1]
        try:
            with _opener(url).open(url, timeout=TIMEOUT_SECONDS) as response:
                declared = response.headers.get("Content-Length")
                if declared is not None and declared.isdigit() and int(declared) > limit:
                    raise UpdateFailed("update.too_large", name=name, limit=f"{limit:,}")
                chunks, size = [], 0
                while chunk := response.read(CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise UpdateFailed("update.too_large", name=name, limit=f"{limit:,}")
                    chunks.append(chunk)
                    self._tick(len(chunk), counted)
                if declared is not None and declared.isdigit() and size != int(declared):
                    raise UpdateFailed("update.cut_short", url=url)
                return b"".join(chunks)
        except urllib.error.HTTPError as error:
            raise UpdateFailed("update.http_status", url=url, status=error.code) from None
        except urllib.error.URLError as error:
            reason = error.reason
            if isinstance(reason, TimeoutError | socket.timeout):
                raise UpdateFailed("update.timeout", url=url, seconds=int(TIMEOUT_SECONDS)) from None
            why = getattr(reason, "strerror", None) or str(reason)
            raise UpdateFailed("update.unreachable", url=url, why=why) from None
        except TimeoutError:
            raise UpdateFailed("update.timeout", url=url, seconds=int(TIMEOUT_SECONDS)) from None
        except (http.client.HTTPException, ConnectionError) as error:
            raise UpdateFailed("update.cut_short", url=url) from error
        except OSError as error:
            raise UpdateFailed("update.unreachable", url=url, why=error.strerror or str(error)) from None


def fetch(
    location: str, key_file: Path | None, progress: Progress | None = None
) -> tuple[bundle.Manifest, dict[str, bytes]]:
    """The verified bundle at `location`: its manifest and every file it names (the manifest and
    its signature included), checked against the signature, the hashes and the validator."""
    place = _place(location)
    key = _trusted_key(key_file)
    fetcher = _Fetcher(place, progress)
    manifest_raw = fetcher.get(bundle.MANIFEST, bundle.MAX_MANIFEST_BYTES)
    signature = fetcher.get(bundle.SIGNATURE, bundle.MAX_SIGNATURE_BYTES)
    bundle.verify(manifest_raw, signature, key)
    manifest = bundle.parse_manifest(manifest_raw)
    fetcher.total = manifest.total_bytes()
    files = {bundle.MANIFEST: manifest_raw, bundle.SIGNATURE: signature}
    for name, (_, size) in manifest.files.items():
        files[name] = fetcher.get(name, size, counted=True)
        bundle.check_file(manifest, name, files[name])
    bundle.validate(files)
    return manifest, files


def _trusted_key(key_file: Path | None) -> Any:
    path = key_file or bundle.PUBLIC_KEY
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise UpdateFailed("update.no_key", path=str(path), why=error.strerror or str(error)) from None
    return bundle.load_public_key(raw, str(path))


# --- installing -----------------------------------------------------------------------------


def in_use_release() -> installed.Release | None:
    """The version of the data the commands use now, without a --data-dir: the installed update
    when it is used, else the built-in data's."""
    chosen = installed.active(data.builtin_dir)
    return chosen.release if chosen is not None else installed.release_of(data.builtin_dir())


def update(location: str, key_file: Path | None, now: datetime, progress: Progress | None = None) -> Result:
    """Fetch, verify and install the bundle at `location`; the data in use is unchanged on any failure."""
    manifest, files = fetch(location, key_file, progress)
    current, _ = installed.state()
    name = _folder_name(manifest)
    if current is not None and current.directory.name == name and current.directory.is_dir():
        return Result(current, None, False)
    in_use = in_use_release()
    if in_use is not None and manifest.date < in_use.date:
        raise UpdateFailed(
            "update.older", version=manifest.version, date=manifest.date.isoformat(), in_use=in_use.date.isoformat()
        )
    return install(files, manifest, _place(location).describe(), now)


def _folder_name(manifest: bundle.Manifest) -> str:
    return f"{manifest.version}-{hashlib.sha256(manifest.raw).hexdigest()[:12]}"


def _write_file(path: Path, raw: bytes) -> None:
    with path.open("xb") as out:
        out.write(raw)
        out.flush()
        os.fsync(out.fileno())


def _entry(item: installed.Installed | None) -> dict[str, str] | None:
    if item is None:
        return None
    return {
        "dir": item.directory.name,
        "version": item.release.version,
        "date": item.release.date.isoformat(),
        "from": item.origin,
        "installed": item.installed,
    }


def _write_state(current: installed.Installed | None, previous: installed.Installed | None) -> None:
    body = {"format": installed.STATE_FORMAT, "current": _entry(current), "previous": _entry(previous)}
    write_atomically(installed.root() / installed.STATE_FILE, (json.dumps(body, indent=2) + "\n").encode("utf-8"))


def _failed_to_write(error: OSError) -> UpdateFailed:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return UpdateFailed("update.disk_full", path=str(installed.root()))
    return UpdateFailed(
        "update.write_failed", path=str(error.filename or installed.root()), why=error.strerror or str(error)
    )


@contextlib.contextmanager
def _locked(root: Path) -> Iterator[None]:
    """One install or rollback at a time (two at once could each remove the other's folder)."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks here; installs there are one seller's own
        yield
        return
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    with (root / ".lock").open("a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield


def install(files: Mapping[str, bytes], manifest: bundle.Manifest, origin: str, now: datetime) -> Result:
    """Write the verified `files` into a folder of their own, then switch `state.json` to it in one rename."""
    try:
        with _locked(installed.root()):
            return _install(files, manifest, origin, now)
    except OSError as error:
        raise _failed_to_write(error) from None


def _install(files: Mapping[str, bytes], manifest: bundle.Manifest, origin: str, now: datetime) -> Result:
    import tempfile

    root = installed.root()
    current, _ = installed.state()
    target = root / _folder_name(manifest)
    staging: Path | None = None
    try:
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        _sweep(root)
        staging = Path(tempfile.mkdtemp(prefix=".incoming-", dir=root))
        for name in (bundle.MANIFEST, bundle.SIGNATURE, *bundle.FILES):
            _write_file(staging / name, files[name])
        if target.exists():  # the same bundle, installed before and still kept: this verified copy replaces it
            shutil.rmtree(target)
        os.replace(staging, target)
        staging = None
        chosen = installed.Installed(
            target, installed.Release(manifest.version, manifest.date), origin, now.isoformat(timespec="seconds")
        )
        kept = current if current is not None and current.directory != target else None
        _write_state(chosen, kept)
    except OSError as error:
        raise _failed_to_write(error) from None
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    _remove_unused(root, {target, *(k.directory for k in (kept,) if k is not None)})
    return Result(chosen, kept, True)


def rollback() -> installed.Installed | None:
    """Go back to the bundle installed before the current one (None: to the built-in data)."""
    if installed.state()[0] is None:
        raise UpdateFailed("update.nothing_to_roll_back")
    try:
        with _locked(installed.root()):
            return _rollback()
    except OSError as error:
        raise _failed_to_write(error) from None


def _rollback() -> installed.Installed | None:
    current, previous = installed.state()
    if current is None:
        raise UpdateFailed("update.nothing_to_roll_back")
    if previous is not None and not previous.directory.is_dir():
        previous = None
    try:
        _write_state(previous, None)
    except OSError as error:
        raise _failed_to_write(error) from None
    shutil.rmtree(current.directory, ignore_errors=True)
    return previous


def _sweep(root: Path) -> None:
    """Folders of installs that were killed half-way (an hour old: never one being written now)."""
    with contextlib.suppress(OSError):
        for entry in root.iterdir():
            if entry.name.startswith(".incoming-") and time.time() - entry.stat().st_mtime > 3600:
                shutil.rmtree(entry, ignore_errors=True)


def _remove_unused(root: Path, keep: set[Path]) -> None:
    with contextlib.suppress(OSError):
        for entry in root.iterdir():
            if entry.is_dir() and not entry.name.startswith(".") and entry not in keep:
                shutil.rmtree(entry, ignore_errors=True)
