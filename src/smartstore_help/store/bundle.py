"""A data bundle: two data files, a manifest naming them with their SHA-256, and a detached
Ed25519 signature over the manifest's bytes.

    manifest.json       {"format": 1, "version": "2026.12.07", "date": "2026-12-07",
                         "files": {"channels.yaml": {"sha256": "…", "size": 123}, "faq.yaml": {…}}}
    manifest.json.sig   the 64-byte signature of manifest.json, in base64, on one line
    channels.yaml, faq.yaml

Only the manifest is signed; each file is bound to it by its hash, so one signature check and
one hash a file prove every byte came from the key's holder. The `cryptography` package is
imported only here, inside the functions that need it: no other command ever loads it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from smartstore_help.core.errors import UpdateFailed
from smartstore_help.store import data

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.sig"
FILES = (data.CHANNELS_FILE, data.FAQ_FILE)
MANIFEST_FORMAT = 1
MAX_MANIFEST_BYTES = 64 * 1024
MAX_SIGNATURE_BYTES = 1024
MAX_FILE_BYTES = 32 * 1024 * 1024  # the shipped FAQ is ~0.3 MB; a 10,000-entry one ~15 MB
PUBLIC_KEY = Path(__file__).parent / "keys" / "data-signing.pem"  # the project's own: see docs/DATA_UPDATES.md
_VERSION = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._+-]{0,63}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class Manifest(NamedTuple):
    version: str
    date: date
    files: Mapping[str, tuple[str, int]]  # name → (sha256 in hex, size in bytes)
    raw: bytes  # the bytes the signature covers

    def total_bytes(self) -> int:
        return sum(size for _, size in self.files.values())


def parse_manifest(raw: bytes) -> Manifest:
    """The manifest in `raw` (already verified: its signature is checked before it is read)."""

    def bad(why: str) -> UpdateFailed:
        return UpdateFailed("update.bad_manifest", why=why)

    try:
        doc: Any = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        raise bad(str(error)) from None
    if not isinstance(doc, dict) or doc.get("format") != MANIFEST_FORMAT:
        raise bad(f"format: expected {MANIFEST_FORMAT}")
    version, day, files = doc.get("version"), doc.get("date"), doc.get("files")
    if not isinstance(version, str) or not _VERSION.match(version):
        raise bad(f"version: {version!r}")
    try:
        published = date.fromisoformat(str(day))
    except ValueError:
        raise bad(f"date: {day!r}") from None
    if not isinstance(files, dict) or set(files) != set(FILES):
        raise bad(f"files: expected {', '.join(FILES)}")
    out: dict[str, tuple[str, int]] = {}
    for name in FILES:
        entry = files[name]
        digest = entry.get("sha256") if isinstance(entry, dict) else None
        size = entry.get("size") if isinstance(entry, dict) else None
        if not isinstance(digest, str) or not _SHA256.match(digest):
            raise bad(f"files.{name}.sha256")
        if not isinstance(size, int) or isinstance(size, bool) or not 0 < size <= MAX_FILE_BYTES:
            raise bad(f"files.{name}.size")
        out[name] = (digest, size)
    return Manifest(version, published, out, raw)


def make_manifest(files: Mapping[str, bytes], version: str, published: date) -> bytes:
    """The manifest of `files` (the maintainers' side: scripts/build_data_bundle.py)."""
    if not _VERSION.match(version):
        raise ValueError(f"version {version!r}: use letters, digits and . _ + - (up to 64)")
    body = {
        "format": MANIFEST_FORMAT,
        "version": version,
        "date": published.isoformat(),
        "files": {
            name: {"sha256": hashlib.sha256(files[name]).hexdigest(), "size": len(files[name])} for name in FILES
        },
    }
    return (json.dumps(body, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def check_file(manifest: Manifest, name: str, raw: bytes) -> None:
    """`raw` is the file the manifest names, byte for byte."""
    digest, size = manifest.files[name]
    if len(raw) != size or hashlib.sha256(raw).hexdigest() != digest:
        raise UpdateFailed("update.hash_mismatch", name=name)


def validate(files: Mapping[str, bytes]) -> None:
    """The files pass the same validator as the built-in data (sources with their dates, English)."""
    from smartstore_help.core.i18n import both
    from smartstore_help.core.model import Text
    from smartstore_help.core.problems import DataError

    try:
        data.channels_from_bytes(files[data.CHANNELS_FILE], data.CHANNELS_FILE)
        data.faq_from_bytes(files[data.FAQ_FILE], data.FAQ_FILE, shipped=True)
    except DataError as error:
        first = error.problems[0]
        more = len(error.problems) - 1
        said = Text(first.render("ko"), first.render("en"))
        rest = both("update.invalid_more", count=more) if more else Text("", "")
        raise UpdateFailed("update.invalid", problem=said, more=rest) from None


# --- keys and signatures ----------------------------------------------------------------------


def load_public_key(raw: bytes, where: str) -> Ed25519PublicKey:
    """An Ed25519 public key: PEM (SubjectPublicKeyInfo), or its 32 raw bytes as 64 hex digits."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    text = raw.strip()
    try:
        if re.fullmatch(rb"[0-9a-fA-F]{64}", text):
            return Ed25519PublicKey.from_public_bytes(bytes.fromhex(text.decode("ascii")))
        key = load_pem_public_key(text)
    except (ValueError, TypeError):
        raise UpdateFailed("update.bad_key", path=where) from None
    if not isinstance(key, Ed25519PublicKey):
        raise UpdateFailed("update.bad_key", path=where)
    return key


def verify(manifest_raw: bytes, signature: bytes, key: Ed25519PublicKey) -> None:
    from cryptography.exceptions import InvalidSignature

    try:
        sig = base64.b64decode(signature.strip(), validate=True)
        key.verify(sig, manifest_raw)
    except (InvalidSignature, binascii.Error, ValueError):
        raise UpdateFailed("update.bad_signature") from None


def sign(manifest_raw: bytes, private: Ed25519PrivateKey) -> bytes:
    return base64.b64encode(private.sign(manifest_raw)) + b"\n"


def load_private_key(raw: bytes) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    key = load_pem_private_key(raw, password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("not an Ed25519 private key")
    return key


def new_key_pair() -> tuple[bytes, bytes]:
    """A fresh key pair as PEM: (private, PKCS 8 unencrypted; public, SubjectPublicKeyInfo)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.generate()
    private_pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return private_pem, public_pem
