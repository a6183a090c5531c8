"""Build and sign a data bundle for `ss-help data update` (the maintainers' side).

    python scripts/build_data_bundle.py --new-key DIR
        writes a fresh Ed25519 key pair: DIR/private.pem (PKCS 8, unencrypted, mode 0600: keep it
        out of every repository) and DIR/public.pem (SubjectPublicKeyInfo: what ss-help trusts)

    python scripts/build_data_bundle.py --key PRIVATE.pem --out DIR [--data-dir SRC] [--version V] [--date D]
        validates channels.yaml and faq.yaml of SRC (default: the repository's data/) exactly as
        `ss-help data update` will, then writes DIR/channels.yaml, DIR/faq.yaml, DIR/manifest.json
        (version, date, SHA-256 and size of each file) and DIR/manifest.json.sig (the Ed25519
        signature of manifest.json's bytes, in base64). Publish DIR as it is, at the address
        ss-help fetches (see docs/DATA_UPDATES.md). --version defaults to the date, YYYY.MM.DD;
        --date (YYYY-MM-DD) to today in Korea.

Exit 0 when done, 2 on any problem (one line on standard error).
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from smartstore_help.core.errors import UpdateFailed  # noqa: E402
from smartstore_help.store import bundle  # noqa: E402


def new_key(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    private, public = bundle.new_key_pair()
    private_path = directory / "private.pem"
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # never over an existing key
    with os.fdopen(fd, "wb") as out:
        out.write(private)
    (directory / "public.pem").write_bytes(public)
    print(f"wrote {private_path} (secret: keep it out of the repository) and {directory / 'public.pem'}")


def build(key: Path, out: Path, source: Path, version: str | None, day: date) -> None:
    files = {name: (source / name).read_bytes() for name in bundle.FILES}
    bundle.validate(files)
    private = bundle.load_private_key(key.read_bytes())
    manifest = bundle.make_manifest(files, version or day.strftime("%Y.%m.%d"), day)
    out.mkdir(parents=True, exist_ok=True)
    for name, raw in files.items():
        (out / name).write_bytes(raw)
    (out / bundle.MANIFEST).write_bytes(manifest)
    (out / bundle.SIGNATURE).write_bytes(bundle.sign(manifest, private))
    parsed = bundle.parse_manifest(manifest)
    print(f"wrote bundle {parsed.version} ({parsed.date}) to {out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--new-key", type=Path, metavar="DIR", help="write a new key pair into DIR and stop")
    parser.add_argument("--key", type=Path, metavar="PRIVATE", help="the private key (PEM) to sign with")
    parser.add_argument("--out", type=Path, metavar="DIR", help="where to write the bundle")
    parser.add_argument("--data-dir", type=Path, metavar="DIR", default=ROOT / "data", help="default: data/")
    parser.add_argument("--version", metavar="V", help="the bundle's version (default: the date, YYYY.MM.DD)")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="the bundle's date (default: today in Korea)")
    args = parser.parse_args(argv)
    try:
        if args.new_key is not None:
            new_key(args.new_key)
            return 0
        if args.key is None or args.out is None:
            parser.error("give --new-key DIR, or --key PRIVATE and --out DIR")
        day = date.fromisoformat(args.date) if args.date else datetime.now(ZoneInfo("Asia/Seoul")).date()
        build(args.key, args.out, args.data_dir, args.version, day)
    except UpdateFailed as error:
        print(f"error: {error.describe('en')}", file=sys.stderr)
        return 2
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
