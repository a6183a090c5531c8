"""The case journal: cases, timestamped notes and outcomes in a local SQLite file.

It holds order numbers, so the file is created owner-only (0600) in a private folder. Every
write is one transaction (an interrupted run leaves no half case), WAL mode and a busy timeout
let several processes write at once, and the schema carries its own version and an
application id so that a foreign or newer file is refused, never reset.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from zoneinfo import ZoneInfo

from smartstore_help.errors import Failure

if TYPE_CHECKING:
    from smartstore_help.model import Lang

APPLICATION_ID = 0x53534850  # "SSHP": marks the file as ours
DB_NAME = "cases.db"
BUSY_TIMEOUT_MS = 15_000
MIGRATIONS = (
    # 1: cases and their notes
    """
    CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        type TEXT NOT NULL,
        answers TEXT NOT NULL,
        details TEXT NOT NULL,
        recommended TEXT NOT NULL,
        chosen TEXT NOT NULL,
        draft TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        resolved INTEGER CHECK (resolved IN (0, 1)),
        rating INTEGER CHECK (rating BETWEEN 1 AND 5),
        feedback TEXT,
        closed_at TEXT
    );
    CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX notes_by_case ON notes (case_id);
    """,
    # 2: an agent's ticket or reference number on a note; a follow-up points at its first case
    """
    ALTER TABLE notes ADD COLUMN ref TEXT;
    ALTER TABLE cases ADD COLUMN follow_up_of INTEGER REFERENCES cases (id) ON DELETE SET NULL;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class JournalError(Failure):
    """The journal file cannot be used; `kind` picks the message, `path` names the file."""

    def __init__(self, kind: str, path: Path, detail: str = "") -> None:
        super().__init__(f"{kind}: {path} {detail}".strip())
        self.kind, self.path, self.detail = kind, path, detail

    def describe(self, lang: Lang) -> str:
        from smartstore_help.i18n import t

        return t(f"error.journal.{self.kind}", lang, path=self.path, detail=self.detail)


class UnknownCase(Failure, LookupError):
    def describe(self, lang: Lang) -> str:
        from smartstore_help.i18n import t

        return t("error.unknown_case", lang, id=self.args[0])


class Note(NamedTuple):
    id: int
    created_at: str
    text: str
    ref: str | None


class Case(NamedTuple):
    id: int
    created_at: str
    type: str
    answers: dict[str, Any]
    details: dict[str, str]
    recommended: str
    chosen: str
    draft: str
    status: str
    resolved: bool | None
    rating: int | None
    feedback: str | None
    closed_at: str | None
    follow_up_of: int | None
    notes: tuple[Note, ...] = ()

    def as_json(self) -> dict[str, Any]:
        out = self._asdict()
        out["notes"] = [n._asdict() for n in self.notes]
        return out


def home() -> Path:
    from smartstore_help.places import data_dir

    return data_dir()


class Journal:
    def __init__(self, path: Path | None = None, *, write: bool = True) -> None:
        self.path = path or home() / DB_NAME
        self.write = write
        self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        if not self.path.exists():
            if not self.write:
                return self._connect(":memory:", fresh=True)
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))  # owner-only before any data
        try:
            return self._connect(str(self.path), fresh=False)
        except sqlite3.DatabaseError as error:
            raise JournalError("corrupt", self.path, str(error)) from None

    def _connect(self, target: str, fresh: bool) -> sqlite3.Connection:
        db = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        db.row_factory = sqlite3.Row
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        app_id, version = (db.execute(f"PRAGMA {p}").fetchone()[0] for p in ("application_id", "user_version"))
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables and app_id != APPLICATION_ID:
            db.close()
            raise JournalError("foreign", self.path)
        if version > SCHEMA_VERSION:
            if self.write:
                db.close()
                raise JournalError("newer", self.path, f"{version} > {SCHEMA_VERSION}")
            return db
        if version < SCHEMA_VERSION and (self.write or fresh):
            db.execute("PRAGMA journal_mode = WAL")
            self._migrate(db, version)
        return db

    def _migrate(self, db: sqlite3.Connection, version: int) -> None:
        with self.transaction(db):
            current = db.execute("PRAGMA user_version").fetchone()[0]  # another process may have done it
            for number in range(current, SCHEMA_VERSION):
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        db.execute(statement)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def transaction(self, db: sqlite3.Connection | None = None) -> Iterator[sqlite3.Connection]:
        """One write, all or nothing; BEGIN IMMEDIATE waits its turn behind other writers."""
        conn = db or self.db
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    # --- writes ----------------------------------------------------------------------------

    def add_case(self, created_at: str, type_id: str, answers: Mapping[str, Any], details: Mapping[str, str],
                 recommended: str, chosen: str, draft: str, follow_up_of: int | None = None) -> int:
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO cases (created_at, type, answers, details, recommended, chosen, draft, follow_up_of)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (created_at, type_id, json.dumps(dict(answers), ensure_ascii=False),
                 json.dumps(dict(details), ensure_ascii=False), recommended, chosen, draft, follow_up_of))
            return int(cursor.lastrowid or 0)

    def add_note(self, case_id: int, created_at: str, text: str, ref: str | None = None) -> int:
        with self.transaction() as db:
            self._require(db, case_id)
            cursor = db.execute("INSERT INTO notes (case_id, created_at, text, ref) VALUES (?, ?, ?, ?)",
                                (case_id, created_at, text, ref))
            return int(cursor.lastrowid or 0)

    def close_case(self, case_id: int, closed_at: str, resolved: bool, rating: int | None,
                   feedback: str | None) -> None:
        with self.transaction() as db:
            self._require(db, case_id)
            db.execute("UPDATE cases SET status = 'closed', resolved = ?, rating = ?, feedback = ?, closed_at = ?"
                       " WHERE id = ?", (int(resolved), rating, feedback, closed_at, case_id))

    def delete_case(self, case_id: int) -> None:
        with self.transaction() as db:
            self._require(db, case_id)
            db.execute("DELETE FROM cases WHERE id = ?", (case_id,))

    @staticmethod
    def _require(db: sqlite3.Connection, case_id: int) -> None:
        if db.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone() is None:
            raise UnknownCase(case_id)

    # --- reads -----------------------------------------------------------------------------

    def _case(self, row: sqlite3.Row, notes: tuple[Note, ...] = ()) -> Case:
        return Case(row["id"], row["created_at"], row["type"], json.loads(row["answers"]),
                    json.loads(row["details"]), row["recommended"], row["chosen"], row["draft"], row["status"],
                    None if row["resolved"] is None else bool(row["resolved"]), row["rating"], row["feedback"],
                    row["closed_at"], row["follow_up_of"], notes)

    def cases(self, status: str | None = None, with_notes: bool = False) -> list[Case]:
        if not self._has_schema():
            return []
        rows = self.db.execute("SELECT * FROM cases WHERE ? IS NULL OR status = ? ORDER BY created_at DESC, id DESC",
                               (status, status)).fetchall()
        return [self._case(r, self._notes(r["id"]) if with_notes else ()) for r in rows]

    def case(self, case_id: int) -> Case:
        row = self.db.execute("SELECT * FROM cases WHERE id = ?", (case_id,)).fetchone() if self._has_schema() else None
        if row is None:
            raise UnknownCase(case_id)
        return self._case(row, self._notes(case_id))

    def note_count(self, case_id: int) -> int:
        return int(self.db.execute("SELECT count(*) FROM notes WHERE case_id = ?", (case_id,)).fetchone()[0])

    def _notes(self, case_id: int) -> tuple[Note, ...]:
        rows = self.db.execute("SELECT id, created_at, text, ref FROM notes WHERE case_id = ? ORDER BY id",
                               (case_id,)).fetchall()
        return tuple(Note(r["id"], r["created_at"], r["text"], r["ref"]) for r in rows)

    def _has_schema(self) -> bool:
        return bool(self.db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'cases'").fetchone()[0])


def stamp(moment: datetime) -> str:
    """Journal times are KST, to the second, as text that sorts."""
    return moment.astimezone(ZoneInfo("Asia/Seoul")).isoformat(timespec="seconds")


def save_case(now: datetime, type_id: str, answers: Mapping[str, Any], details: Mapping[str, str],
              recommended: str, chosen: str, text: str, follow_up_of: int | None = None) -> int:
    """Save one contact as a new case; its number."""
    journal = Journal()
    try:
        return journal.add_case(stamp(now), type_id, answers, details, recommended, chosen, text, follow_up_of)
    finally:
        journal.close()
