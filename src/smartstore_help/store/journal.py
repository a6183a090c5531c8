"""The case journal: cases, timestamped notes and outcomes in a local SQLite file.

It holds order numbers, so the file is created owner-only (0600) in a private folder. Every
write is one transaction (an interrupted run leaves no half case), WAL mode and a busy timeout
let several processes write at once, and the schema carries its own version and an
application id so that a foreign or newer file is refused, never reset.

Whatever goes wrong around the file (no permission, a read-only folder, a full disk, a folder
where the file should be, a damaged file) becomes a `JournalError` whose `kind` names the real
cause, found by asking the operating system rather than guessing from SQLite's message; the
file is never changed by a failed command. Readers never migrate or write: an older file is
read as it is. sqlite3 itself is imported only when a journal is opened, so the error types
and `journal_file()` cost nothing on the commands that never touch the journal.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar
from zoneinfo import ZoneInfo

from smartstore_help.core.records import Case, CaseList, Note, Outcome, Promise
from smartstore_help.core.timeparse import FIRST_YEAR, LAST_YEAR
from smartstore_help.store.journal_faults import (
    SQLITE_KINDS,
    DamagedCase,
    JournalError,
    UnknownCase,
    diagnose,
    from_os_error,
)
from smartstore_help.store.places import JOURNAL_FILE, journal_file

if TYPE_CHECKING:
    import sqlite3


APPLICATION_ID = 0x53534850  # "SSHP": marks the file as ours
DB_NAME = JOURNAL_FILE
BUSY_TIMEOUT_MS = 15_000
MAX_ID = 2**63 - 1  # SQLite's largest integer: a bigger case number cannot exist
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
    # 3: a note may record a promised reply: when it falls due and how many business days were promised
    """
    ALTER TABLE notes ADD COLUMN reply_due TEXT;
    ALTER TABLE notes ADD COLUMN reply_days INTEGER;
    CREATE INDEX notes_with_promise ON notes (case_id, id) WHERE reply_due IS NOT NULL;
    """,
    # 4: every close of a case, so that closing it again keeps the earlier outcome in its story
    """
    CREATE TABLE outcomes (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        closed_at TEXT NOT NULL,
        resolved INTEGER NOT NULL CHECK (resolved IN (0, 1)),
        rating INTEGER CHECK (rating BETWEEN 1 AND 5),
        feedback TEXT
    );
    CREATE INDEX outcomes_by_case ON outcomes (case_id);
    INSERT INTO outcomes (case_id, closed_at, resolved, rating, feedback)
        SELECT id, closed_at, resolved, rating, feedback FROM cases
        WHERE status = 'closed' AND closed_at IS NOT NULL AND resolved IS NOT NULL
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
INDEXES = "CREATE INDEX IF NOT EXISTS cases_by_time ON cases (created_at, id)"


P = ParamSpec("P")
R = TypeVar("R")


def _guarded(method: Callable[Concatenate[Journal, P], R]) -> Callable[Concatenate[Journal, P], R]:
    """Any SQLite or OS failure inside a journal operation becomes a JournalError naming its cause."""

    def wrapper(self: Journal, /, *args: P.args, **kwargs: P.kwargs) -> R:
        import sqlite3

        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as error:
            raise self.error_from(error) from None
        except OSError as error:
            raise from_os_error(error, self.path) from None

    wrapper.__doc__ = method.__doc__
    return wrapper


def _text(row: sqlite3.Row, key: str) -> Any:
    """A column that older schemas lack reads as None (readers never migrate)."""
    try:
        return row[key]
    except IndexError:
        return None


def _row_id(row: sqlite3.Row) -> int:
    value = row["id"]
    return value if isinstance(value, int) else 0


def _moment(value: object) -> bool:
    """Whether a stored time is one this version writes: ISO with its offset, within the years
    the calendar and the clock can count (a year 9999 would overflow the first sum)."""
    from datetime import datetime as moment

    if not isinstance(value, str):
        return False
    try:
        parsed = moment.fromisoformat(value)
    except ValueError:
        return False
    return parsed.tzinfo is not None and FIRST_YEAR <= parsed.year <= LAST_YEAR


def _valid_id(case_id: int) -> int:
    if not 0 < case_id <= MAX_ID:
        raise UnknownCase(case_id)
    return case_id


class Journal:
    def __init__(self, path: Path | None = None, *, write: bool = True, busy_ms: int = BUSY_TIMEOUT_MS) -> None:
        self.path = path or journal_file()
        self.write = write
        self.busy_ms = busy_ms
        self.db = self._open()

    def error_from(self, error: sqlite3.Error) -> JournalError:
        kind = SQLITE_KINDS.get(getattr(error, "sqlite_errorcode", 0) & 0xFF, "io")
        where = self.path
        if kind in ("io", "disk_full", "cannot_open", "read_only"):
            kind, where = diagnose(self.path, kind, self.write)
        return JournalError(kind, where, str(error))

    # --- opening ---------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        import sqlite3

        try:
            info: os.stat_result | None = os.stat(self.path)  # follows a symlink to what is really used
        except FileNotFoundError:
            info = None
        except OSError as error:  # ENOTDIR: the folder is a file; EACCES: the folder is closed to us
            raise from_os_error(error, self.path.parent if error.errno == errno.ENOTDIR else self.path) from None
        if info is not None and not stat.S_ISREG(info.st_mode):
            raise JournalError("not_a_file", self.path)
        if info is None:
            if not self.write:
                return self._connect(":memory:", fresh=True)
            self._create()
        self._check_access()
        if self.write:
            self._make_private()
        try:
            return self._connect(str(self.path), fresh=False)
        except sqlite3.Error as error:
            raise self.error_from(error) from None

    def _create(self) -> None:
        folder = self.path.parent
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as error:  # FileExistsError: a file has the folder's name
            raise from_os_error(error, folder) from None
        try:
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))  # owner-only before any data
        except OSError as error:
            raise from_os_error(error, self.path) from None

    def _check_access(self) -> None:
        """Ask the OS first: it tells "permission denied" from "read-only" where SQLite says "unable to open".
        Errors name the file really used, through any symlink."""
        real = Path(os.path.realpath(self.path))
        try:
            os.close(os.open(self.path, os.O_RDONLY))
        except OSError as error:
            raise from_os_error(error, real) from None
        if not self.write:
            return
        try:
            os.close(os.open(self.path, os.O_RDWR))
        except OSError as error:
            kind = "read_only" if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS) else None
            raise (JournalError(kind, real, error.strerror or "") if kind else from_os_error(error, real)) from None
        if not os.access(self.path.parent, os.W_OK):  # the write-ahead log is made beside the file
            raise JournalError("read_only", self.path.parent)

    def _make_private(self) -> None:
        """Order numbers live here: what is really written (through any symlink) is owner-only."""
        real = Path(os.path.realpath(self.path))
        for target in (real, *(real.with_name(real.name + s) for s in ("-wal", "-shm", "-journal"))):
            try:
                mode = stat.S_IMODE(os.stat(target).st_mode)
            except FileNotFoundError:
                continue
            except OSError as error:
                raise from_os_error(error, target) from None
            if mode & 0o077:
                try:
                    os.chmod(target, 0o600)
                except OSError as error:
                    raise JournalError("insecure", target, error.strerror or "") from None

    def _connect(self, target: str, fresh: bool) -> sqlite3.Connection:
        import sqlite3

        if fresh or self.write:
            db = sqlite3.connect(target, timeout=self.busy_ms / 1000, isolation_level=None)
        else:
            db = self._connect_read_only()
        db.row_factory = sqlite3.Row
        db.execute(f"PRAGMA busy_timeout = {self.busy_ms}")
        db.execute("PRAGMA foreign_keys = ON")
        app_id, version = (db.execute(f"PRAGMA {p}").fetchone()[0] for p in ("application_id", "user_version"))
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables and app_id != APPLICATION_ID:
            db.close()
            raise JournalError("foreign", self.path)
        if version > SCHEMA_VERSION:  # its tables may have changed in ways this version cannot know
            db.close()
            raise JournalError("newer" if self.write else "newer_read", self.path, f"{version} > {SCHEMA_VERSION}")
        if version < SCHEMA_VERSION and (self.write or fresh):
            if not fresh:
                db.execute("PRAGMA journal_mode = WAL")
            self._migrate(db)
        if self.write and not fresh:
            # Not a migration: any version reads a file with it, and none needs it to. It lets
            # `case list` read the newest page of 50,000 cases without reading them all.
            db.execute(INDEXES)
        return db

    def _connect_read_only(self) -> sqlite3.Connection:
        """Read without writing anything: `mode=ro`; where even that needs a write (the shared-memory
        file of a read-only folder, a tight file size limit) and no log is pending, read the file
        as immutable, which is exact when everything is in the main file."""
        import sqlite3

        uri = self.path.absolute().as_uri()
        db = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=self.busy_ms / 1000, isolation_level=None)
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return db
        except sqlite3.Error:
            db.close()
            wal = self.path.with_name(self.path.name + "-wal")
            if wal.exists() and wal.stat().st_size:
                raise
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)

    def _migrate(self, db: sqlite3.Connection) -> None:
        """Each step runs in order inside one transaction: a failed step leaves the file as it was."""
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
            conn.execute("COMMIT")
        except BaseException:
            with suppress(Exception):  # SQLite may already have rolled back (a full disk does that)
                conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        with suppress(Exception):
            self.db.close()

    # --- writes ----------------------------------------------------------------------------

    @_guarded
    def add_case(
        self,
        created_at: str,
        type_id: str,
        answers: Mapping[str, Any],
        details: Mapping[str, str],
        recommended: str,
        chosen: str,
        draft: str,
        follow_up_of: int | None = None,
    ) -> int:
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO cases (created_at, type, answers, details, recommended, chosen, draft, follow_up_of)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    created_at,
                    type_id,
                    json.dumps(dict(answers), ensure_ascii=False),
                    json.dumps(dict(details), ensure_ascii=False),
                    recommended,
                    chosen,
                    draft,
                    follow_up_of,
                ),
            )
            return int(cursor.lastrowid or 0)

    @_guarded
    def add_note(
        self,
        case_id: int,
        created_at: str,
        text: str,
        ref: str | None = None,
        reply_due: str | None = None,
        reply_days: int | None = None,
    ) -> int:
        with self.transaction() as db:
            self._require(db, case_id)
            cursor = db.execute(
                "INSERT INTO notes (case_id, created_at, text, ref, reply_due, reply_days) VALUES (?, ?, ?, ?, ?, ?)",
                (case_id, created_at, text, ref, reply_due, reply_days),
            )
            return int(cursor.lastrowid or 0)

    @_guarded
    def close_case(
        self, case_id: int, closed_at: str, resolved: bool, rating: int | None, feedback: str | None
    ) -> Outcome | None:
        """Close (or close again) a case. Every close is kept as an outcome of its own, so a second
        one never erases the first; a rating or feedback not given again carries over from the
        latest outcome. The outcome it replaces as the latest, if any."""
        with self.transaction() as db:
            self._require(db, case_id)
            row = db.execute(
                "SELECT closed_at, resolved, rating, feedback FROM cases WHERE id = ? AND status = 'closed'",
                (case_id,),
            ).fetchone()
            before = (
                Outcome(str(row[0] or ""), bool(row[1]), row[2], row[3])
                if row is not None and row[1] is not None
                else None
            )
            if before is not None:
                rating = rating if rating is not None else before.rating
                feedback = feedback if feedback is not None else before.feedback
            db.execute(
                "UPDATE cases SET status = 'closed', resolved = ?, rating = ?, feedback = ?, closed_at = ?"
                " WHERE id = ?",
                (int(resolved), rating, feedback, closed_at, case_id),
            )
            db.execute(
                "INSERT INTO outcomes (case_id, closed_at, resolved, rating, feedback) VALUES (?, ?, ?, ?, ?)",
                (case_id, closed_at, int(resolved), rating, feedback),
            )
            return before

    @_guarded
    def delete_case(self, case_id: int) -> None:
        with self.transaction() as db:
            self._require(db, case_id)
            db.execute("DELETE FROM cases WHERE id = ?", (case_id,))

    @staticmethod
    def _require(db: sqlite3.Connection, case_id: int) -> None:
        if db.execute("SELECT 1 FROM cases WHERE id = ?", (_valid_id(case_id),)).fetchone() is None:
            raise UnknownCase(case_id)

    # --- reads -----------------------------------------------------------------------------

    @staticmethod
    def _case(row: sqlite3.Row, notes: tuple[Note, ...] = ()) -> Case:
        """The case in `row`; DamagedCase when any stored value is not what this version writes
        (edited by hand, half-restored, or a time the calendar cannot hold)."""
        try:
            case_id = row["id"]
            answers, details = json.loads(row["answers"]), json.loads(row["details"])
            texts = (row["type"], row["recommended"], row["chosen"], row["draft"])
            resolved, rating, feedback, follow_up = (
                row["resolved"],
                row["rating"],
                row["feedback"],
                _text(row, "follow_up_of"),
            )
            sound = (
                isinstance(case_id, int)
                and isinstance(answers, dict)
                and isinstance(details, dict)
                and all(isinstance(v, str) for v in texts)
                and row["status"] in ("open", "closed")
                and isinstance(row["created_at"], str)
                and (row["closed_at"] is None or isinstance(row["closed_at"], str))
                and resolved in (None, 0, 1)
                and (rating is None or (isinstance(rating, int) and 1 <= rating <= 5))
                and (feedback is None or isinstance(feedback, str))
                and (follow_up is None or isinstance(follow_up, int))
            )
        except (TypeError, ValueError, IndexError, KeyError, RecursionError):
            raise DamagedCase(_row_id(row)) from None
        if not sound:
            raise DamagedCase(_row_id(row))
        shown = {str(k): v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for k, v in details.items()}
        return Case(
            case_id,
            row["created_at"],
            row["type"],
            answers,
            shown,
            row["recommended"],
            row["chosen"],
            row["draft"],
            row["status"],
            None if resolved is None else bool(resolved),
            rating,
            feedback,
            row["closed_at"],
            follow_up,
            notes,
        )

    def _query(self, status: str | None, type_id: str | None, limit: int | None) -> sqlite3.Cursor:
        """A page is chosen by the ids alone, then read: with the time index that is instant, and
        in a file written before the index it reads two columns of each row, not the drafts."""
        where = "(? IS NULL OR status = ?) AND (? IS NULL OR type = ?)"
        order = "ORDER BY created_at DESC, id DESC"
        if limit is None:
            return self.db.execute(f"SELECT * FROM cases WHERE {where} {order}", (status, status, type_id, type_id))
        return self.db.execute(
            f"SELECT * FROM cases WHERE id IN (SELECT id FROM cases WHERE {where} {order} LIMIT ?) {order}",
            (status, status, type_id, type_id, limit),
        )

    @_guarded
    def cases(
        self,
        status: str | None = None,
        with_notes: bool = False,
        *,
        type_id: str | None = None,
        limit: int | None = None,
    ) -> CaseList:
        """Newest first (at most `limit`); a row that cannot be read is skipped and named in
        `damaged`, never fatal."""
        damaged: list[int] = []
        good = list(self.each_case(damaged, status, with_notes, type_id=type_id, limit=limit))
        return CaseList(good, tuple(damaged))

    def each_case(
        self,
        damaged: list[int],
        status: str | None = None,
        with_notes: bool = False,
        *,
        type_id: str | None = None,
        limit: int | None = None,
    ) -> Iterator[Case]:
        """The cases one at a time, newest first, for an export that must not hold them all; the
        ids of rows that cannot be read are added to `damaged`."""
        import sqlite3

        try:
            if not self._has_schema():
                return
            for row in self._query(status, type_id, limit):
                try:
                    case = self._case(row, self._notes(row["id"]) if with_notes else ())
                    yield case._replace(outcomes=self._outcomes(row)) if with_notes else case
                except DamagedCase:
                    damaged.append(_row_id(row))
        except sqlite3.Error as error:
            raise self.error_from(error) from None
        except OSError as error:
            raise from_os_error(error, self.path) from None

    @_guarded
    def outcomes(self, type_id: str) -> list[Case]:
        """The closed cases of one problem type with only what the history of `contact` reads
        (channel chosen, whether resolved): no answers, details or drafts are decoded, so a
        journal of 50,000 cases costs `contact` a few milliseconds. Unreadable rows are left out."""
        if not self._has_schema():
            return []
        rows = self.db.execute(
            "SELECT id, chosen, resolved FROM cases WHERE status = 'closed' AND type = ?", (type_id,)
        ).fetchall()
        return [
            Case(
                r[0],
                "",
                type_id,
                {},
                {},
                "",
                r[1],
                "",
                "closed",
                None if r[2] is None else bool(r[2]),
                None,
                None,
                None,
                None,
            )
            for r in rows
            if isinstance(r[0], int) and isinstance(r[1], str) and r[2] in (None, 0, 1)
        ]

    @_guarded
    def count(self, status: str | None = None) -> int:
        if not self._has_schema():
            return 0
        row = self.db.execute("SELECT count(*) FROM cases WHERE ? IS NULL OR status = ?", (status, status)).fetchone()
        return int(row[0])

    @_guarded
    def note_counts(self, case_ids: list[int]) -> dict[int, int]:
        """How many notes each of these cases has (one query, by the notes' index)."""
        counts = dict.fromkeys(case_ids, 0)
        for start in range(0, len(case_ids), 500):
            chunk = case_ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for case_id, count in self.db.execute(
                f"SELECT case_id, count(*) FROM notes WHERE case_id IN ({marks}) GROUP BY case_id", chunk
            ):
                counts[case_id] = int(count)
        return counts

    @_guarded
    def case(self, case_id: int) -> Case:
        _valid_id(case_id)
        row = self.db.execute("SELECT * FROM cases WHERE id = ?", (case_id,)).fetchone() if self._has_schema() else None
        if row is None:
            raise UnknownCase(case_id)
        return self._case(row, self._notes(case_id))._replace(outcomes=self._outcomes(row))

    @_guarded
    def open_promises(self, damaged: list[int] | None = None) -> list[Promise]:
        """The latest promised reply of each open case (a later promise replaces an earlier one).
        A promise whose stored time cannot be read or lies outside the calendar is left out and
        its case added to `damaged`."""
        if not self._has_schema() or "reply_due" not in self._columns("notes"):
            return []
        rows = self.db.execute(
            "SELECT n.case_id, n.reply_due, n.text, n.created_at, n.reply_days FROM notes n"
            " JOIN cases c ON c.id = n.case_id"
            " WHERE c.status = 'open' AND n.id = (SELECT max(id) FROM notes WHERE case_id = c.id"
            " AND reply_due IS NOT NULL)"
        ).fetchall()
        out = []
        for case_id, due, text, written, days in rows:
            if isinstance(case_id, int) and _moment(due) and isinstance(text, str) and isinstance(written, str):
                out.append(Promise(case_id, due, text, written, days if isinstance(days, int) else None))
            elif damaged is not None:
                damaged.append(case_id if isinstance(case_id, int) else 0)
        return out

    def _outcomes(self, row: sqlite3.Row) -> tuple[Outcome, ...]:
        """Every close of the case, oldest first (a journal from before they were kept: its one)."""
        if "outcomes" in self._tables():
            rows = self.db.execute(
                "SELECT closed_at, resolved, rating, feedback FROM outcomes WHERE case_id = ? ORDER BY id",
                (row["id"],),
            ).fetchall()
            return tuple(Outcome(str(r[0]), bool(r[1]), r[2], r[3]) for r in rows)
        if row["status"] == "closed" and row["resolved"] is not None:
            return (Outcome(str(row["closed_at"] or ""), bool(row["resolved"]), row["rating"], row["feedback"]),)
        return ()

    def _tables(self) -> set[str]:
        return {str(r[0]) for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def _notes(self, case_id: int) -> tuple[Note, ...]:
        """The case's notes; a note that cannot be read makes its case a damaged one."""
        notes = []
        for r in self.db.execute("SELECT * FROM notes WHERE case_id = ? ORDER BY id", (case_id,)):
            ref, due, days = _text(r, "ref"), _text(r, "reply_due"), _text(r, "reply_days")
            if not (
                isinstance(r["id"], int)
                and isinstance(r["text"], str)
                and isinstance(r["created_at"], str)
                and (ref is None or isinstance(ref, str))
                and (due is None or _moment(due))
                and (days is None or isinstance(days, int))
            ):
                raise DamagedCase(case_id)
            notes.append(Note(r["id"], r["created_at"], r["text"], ref, due, days))
        return tuple(notes)

    def _columns(self, table: str) -> set[str]:
        return {r[1] for r in self.db.execute(f"PRAGMA table_info({table})")}

    def _has_schema(self) -> bool:
        return bool(self.db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'cases'").fetchone()[0])


def stamp(moment: datetime) -> str:
    """Journal times are KST, to the second, as text that sorts."""
    return moment.astimezone(ZoneInfo("Asia/Seoul")).isoformat(timespec="seconds")
