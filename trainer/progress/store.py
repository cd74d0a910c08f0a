"""The progress store: every submitted response, kept in one private SQLite file.

SQLite gives what progress needs without a server: one file, commits that survive a crash or
a SIGKILL, and safe sharing between two copies of the app (WAL mode lets readers and a writer
work at once; a busy writer waits, then tries again). Each response is written in its own
transaction the moment it is submitted, with ``synchronous=FULL``, so nothing already
submitted is lost.

Trouble never ends in a traceback. A damaged file, one written by a newer version of the
trainer, or one that is not the trainer's (another program's database, a folder) raises
``StoreTrouble``: its message says what happened, and ``set_aside`` keeps the file as a
timestamped backup so that a fresh one can start. A damaged row costs that row only: reading
skips it and lists it in ``skipped``. A folder that cannot be written gives a store that saves
nothing and says why in ``notice``, so practice goes on.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Collection
from contextlib import suppress
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from trainer.conversation import Exchange
from trainer.paths import data_dir, is_cache, make_private_folders
from trainer.progress.attempt import SavedAttempt, iso, utc_now
from trainer.progress.rows import BASE_COLUMNS, COLUMNS, DamagedRow, SkippedRow, read_row
from trainer.progress.run import Run
from trainer.scoring import Feedback

DB_NAME = "progress.sqlite3"
BACKUP_PREFIX = "progress-backup-"
# SQLite's companions of a database file: the write-ahead log, its index, a rollback journal.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")

# Migration i takes a file from schema version i to i + 1, in one transaction; the schema
# version (PRAGMA user_version) is the number of migrations applied.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE attempts (
            id INTEGER PRIMARY KEY,
            scenario TEXT NOT NULL,
            turn INTEGER NOT NULL,       -- the statement number, 1 for the first
            client TEXT NOT NULL,        -- the statement as it read when answered
            response TEXT NOT NULL,
            score INTEGER NOT NULL,
            band TEXT NOT NULL,
            kind TEXT NOT NULL,
            checks TEXT NOT NULL,        -- JSON: [{id, passed, points, max_points, message}]
            roadblocks TEXT NOT NULL,    -- JSON: [roadblock id]
            messages TEXT NOT NULL,      -- JSON: [feedback message]
            at TEXT NOT NULL,            -- UTC, ISO 8601
            session TEXT NOT NULL
        )""",
        "CREATE INDEX attempts_by_statement ON attempts (scenario, turn)",
        "CREATE INDEX attempts_by_time ON attempts (at)",
    ),
    (  # the conversation: rows kept before it read as deeper 0 and NULLs
        "ALTER TABLE attempts ADD COLUMN deeper INTEGER NOT NULL DEFAULT 0",  # 1: turn's deeper statement
        "ALTER TABLE attempts ADD COLUMN reaction TEXT",  # JSON: {say, cue}; NULL when none was said
        "ALTER TABLE attempts ADD COLUMN openness_before INTEGER",  # 1-5; NULL outside a conversation
        "ALTER TABLE attempts ADD COLUMN openness_after INTEGER",
    ),
    (  # Runs, so that a finished run, a run left part-way and a drill are told apart. Sessions
        # from before have no row: their answers count as answers, never as runs.
        """CREATE TABLE runs (
            session TEXT PRIMARY KEY,    -- the session of the run's attempts
            scenario TEXT,               -- the scenario run through; NULL for a drill
            statements INTEGER NOT NULL, -- how many statements the run has
            moved_on INTEGER NOT NULL,   -- statements moved on from (answered or skipped)
            started TEXT NOT NULL,       -- UTC, ISO 8601
            updated TEXT NOT NULL        -- UTC, ISO 8601: the learner's last step in it
        )""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)
RUNS_VERSION = 3  # the schema version that keeps runs; a file left older (read-only) has none

BUSY_SECONDS = 2.0  # how long SQLite itself waits for another copy's write to finish
TRIES = 4  # how many times a busy open or write is tried, with a growing pause between

PRIVATE_NOTICE = "Private mode: nothing you answer is saved."
# How a file still at schema version 1 (opened read-only, so not migrated) reads the columns of
# the conversation.
_BEFORE_CONVERSATION = {"deeper": "0", "reaction": "NULL", "openness_before": "NULL", "openness_after": "NULL"}


class StoreTrouble(Exception):
    """The progress file cannot be used as it is; nothing has been changed.

    ``reason`` is ``damaged``, ``newer`` (written by a newer version of the trainer), ``foreign``
    (not the trainer's: another program's database, a folder) or ``unreadable``; all but the
    last can be moved aside with ``set_aside``.
    """

    def __init__(self, path: Path, reason: str, detail: str):
        self.path, self.reason, self.detail = path, reason, detail
        super().__init__(self.explain())

    @property
    def can_set_aside(self) -> bool:
        return self.reason in ("damaged", "newer", "foreign")

    def explain(self) -> str:
        if self.reason == "damaged":
            what = f"is damaged and cannot be read ({self.detail})"
        elif self.reason == "newer":
            what = f"was written by a newer version of the trainer ({self.detail})"
        elif self.reason == "foreign":
            what = f"is not one the trainer wrote ({self.detail})"
        else:
            what = f"cannot be read ({self.detail})"
        return f"Your progress file {self.path} {what}. Nothing has been changed."


def new_session_id() -> str:
    """A fresh id for one sitting of practice; attempts of the same sitting share it."""
    return uuid.uuid4().hex[:16]


def store_path(folder: Path | None = None) -> Path:
    return (Path(folder) if folder is not None else data_dir()) / DB_NAME


class ProgressStore:
    """Records attempts and reads them back.

    ``saving`` says whether ``record`` writes; when it does not (private mode, a read-only
    folder) or a write failed, ``notice`` says why in words for the learner. ``skipped`` lists
    the damaged rows the last reading left out.
    """

    def __init__(
        self,
        path: Path,
        connection: sqlite3.Connection | None,
        *,
        saving: bool,
        notice: str = "",
        clock: Callable[[], datetime] = utc_now,
    ):
        self.path = path
        self.saving = saving
        self.notice = notice
        self._connection = connection
        self._clock = clock
        self._unsaved: list[SavedAttempt] = []  # failed writes, tried again before the next one
        self.skipped: list[SkippedRow] = []
        self._lock = threading.Lock()  # the app may record from a worker thread

    def record(
        self,
        scenario_id: str,
        statement_number: int,
        client: str,
        response: str,
        feedback: Feedback,
        session_id: str,
        *,
        deeper: bool = False,
        exchange: Exchange | None = None,
    ) -> SavedAttempt:
        """Keep one submitted response now, in its own transaction.

        Returns the attempt, with its row ``id`` when it was saved and ``id=None`` when not.
        """
        at = self._clock().astimezone(timezone.utc).replace(microsecond=0)  # as it is stored
        attempt = SavedAttempt.from_feedback(
            scenario_id, statement_number, client, response, feedback, session_id, at, deeper=deeper, exchange=exchange
        )
        if not self.saving:
            return attempt
        with self._lock:
            self._unsaved.append(attempt)
            saved = self._write_unsaved()
        return saved[-1] if not self._unsaved else attempt

    def _write_unsaved(self) -> list[SavedAttempt]:
        saved = []
        while self._unsaved:
            attempt = self._unsaved[0]
            try:
                row_id = _retrying(lambda attempt=attempt: self._insert(attempt))
            except sqlite3.Error as err:
                count = len(self._unsaved)
                self.notice = (
                    f"{count} response{'s' if count > 1 else ''} not saved yet ({err}); "
                    "saving is tried again with your next response."
                )
                return saved
            saved.append(replace(self._unsaved.pop(0), id=row_id))
        self.notice = ""
        return saved

    def _insert(self, a: SavedAttempt) -> int:
        # One INSERT in autocommit mode is one transaction: committed (and synced) on return.
        values = (
            a.scenario,
            a.turn,
            a.client,
            a.response,
            a.score,
            a.band,
            a.kind,
            json.dumps([c.to_dict() for c in a.checks], ensure_ascii=False),
            json.dumps(list(a.roadblocks)),
            json.dumps(list(a.messages), ensure_ascii=False),
            iso(a.at),
            a.session,
            int(a.deeper),
            None if a.reaction is None else json.dumps(a.reaction.as_data(), ensure_ascii=False),
            a.openness_before,
            a.openness_after,
        )
        cursor = self._connection.execute(
            f"INSERT INTO attempts ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})", values
        )
        return cursor.lastrowid

    def save_run(self, run: Run) -> bool:
        """Keep where ``run`` stands now (one row per run, replaced at each step); whether it was
        written. A failed write leaves the row as it was, and the run's next step writes it whole."""
        if not self.saving:
            return False
        values = (run.session, run.scenario, run.statements, run.moved_on, iso(run.started), iso(run.updated))
        try:
            with self._lock:
                _retrying(
                    lambda: self._connection.execute(
                        "INSERT INTO runs (session, scenario, statements, moved_on, started, updated) "
                        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (session) DO UPDATE SET "
                        "moved_on = excluded.moved_on, updated = excluded.updated",
                        values,
                    )
                )
        except sqlite3.Error:
            return False
        return True

    def runs(self) -> list[Run]:
        """Every stored run, in the order they started."""
        sql = "SELECT session, scenario, statements, moved_on, started, updated FROM runs ORDER BY started, session"
        with self._lock:
            if self._connection is None or _user_version(self._connection) < RUNS_VERSION:
                return []
            rows = self._connection.execute(sql).fetchall()
        return [run for run in map(_run, rows) if run is not None]

    def attempts(self, scenarios: Collection[str] = (), since: datetime | None = None) -> list[SavedAttempt]:
        """The stored attempts, oldest first; optionally only some scenarios, or from a moment on.

        Damaged rows are left out and listed in ``skipped``.
        """
        if self._connection is None:
            return []
        where, params = [], []
        if scenarios:
            where.append(f"scenario IN ({', '.join('?' * len(scenarios))})")
            params.extend(scenarios)
        if since is not None:
            where.append("at >= ?")
            params.append(iso(since))
        old = _user_version(self._connection) < 2
        columns = [_BEFORE_CONVERSATION.get(c, c) if old else c for c in COLUMNS]
        sql = f"SELECT id, {', '.join(columns)} FROM attempts"
        if where:
            sql += " WHERE " + " AND ".join(where)
        attempts, self.skipped = [], []
        with self._lock:  # row by row: years of history never sit in memory twice
            for row in self._connection.execute(sql + " ORDER BY at, id", params):
                try:
                    attempts.append(read_row(row))
                except DamagedRow as damage:
                    self.skipped.append(SkippedRow(row[0], damage.field))
        attempts.sort(key=lambda a: (a.at, a.id))  # text order is time order, unless a row was edited
        return attempts

    def close(self) -> None:
        """Try once more to save what could not be saved, then let go of the file."""
        with self._lock:
            if self.saving:
                self._write_unsaved()
                self.saving = False
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def _run(row) -> Run | None:
    """One stored row as a run; None for a row too damaged to say where its run stands (its
    answers still count as answers)."""
    session, scenario, statements, moved_on, started, updated = row
    try:
        return Run(
            session,
            scenario,
            int(statements),
            int(moved_on),
            datetime.fromisoformat(started),
            datetime.fromisoformat(updated),
        )
    except (TypeError, ValueError):
        return None


# ---------------------------------------------------------------------------- opening


def open_store(
    folder: Path | None = None, *, saving: bool = True, clock: Callable[[], datetime] = utc_now
) -> ProgressStore:
    """The progress store in ``folder`` (default: the user's data folder).

    With ``saving=False`` (private mode, or a command that only reads) nothing is created or
    recorded. Raises ``StoreTrouble`` for a file that cannot be used as it is.
    """
    path = store_path(folder)
    if path.exists() and not path.is_file():
        raise StoreTrouble(path, "foreign", "it is a folder, not a file" if path.is_dir() else "it is not a plain file")
    if not saving:
        return ProgressStore(path, _open_existing(path), saving=False, notice=PRIVATE_NOTICE, clock=clock)
    try:
        _create_private_file(path)
        connection = _retrying(lambda: _open_writable(path))
    except (OSError, sqlite3.OperationalError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        notice = (
            f"Your progress cannot be saved in {path.parent} ({reason}). "
            "Practice goes on, but what you answer now is not saved."
        )
        try:
            earlier = _open_existing(path)
        except StoreTrouble as trouble:
            if trouble.can_set_aside:
                raise
            earlier = None  # practice goes on without the history too
        return ProgressStore(path, earlier, saving=False, notice=notice, clock=clock)
    return ProgressStore(path, connection, saving=True, clock=clock)


def _create_private_file(path: Path) -> None:
    """The folder (0700) and an empty database file (0600), before SQLite opens it.

    SQLite gives its -wal and -shm files the database file's permissions. A folder that was
    there already is made 0700 too when it is the trainer's own -- it holds nothing but
    progress files and the scenario cache; one that holds other files (``TRAINER_HOME=~/course``)
    keeps its mode.
    """
    make_private_folders(path.parent)
    _keep_own_folder_private(path.parent)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        _keep_private(path)


def _keep_private(path: Path) -> None:
    """A progress file (not a folder in its place) readable by its owner only."""
    if os.name == "posix" and path.is_file() and path.stat().st_mode & 0o077:
        os.chmod(path, 0o600)


def _keep_own_folder_private(folder: Path) -> None:
    if os.name != "posix" or not folder.stat().st_mode & 0o077 or folder.stat().st_uid != os.geteuid():
        return
    stored = set(stored_files(folder))
    if all(path in stored or is_cache(path) for path in folder.iterdir()):
        os.chmod(folder, 0o700)


def _open_writable(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
    try:
        _check(connection, path)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        migrate(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def _open_existing(path: Path) -> sqlite3.Connection | None:
    """A connection for reading what is stored, even in a folder that cannot be written."""
    if not path.exists():
        return None
    try:
        return _retrying(lambda: _open_writable(path))
    except sqlite3.OperationalError as err:
        problem = err
    # Read-only: "immutable" skips locking, so it is right only when no write-ahead log is
    # waiting to be merged into the file.
    modes = ["mode=ro"] + ([] if Path(f"{path}-wal").exists() else ["immutable=1"])
    for mode in modes:
        try:
            connection = sqlite3.connect(
                f"{path.resolve().as_uri()}?{mode}", uri=True, timeout=BUSY_SECONDS, check_same_thread=False
            )
        except sqlite3.OperationalError as err:
            problem = err
            continue
        try:
            return _check(connection, path)
        except sqlite3.OperationalError as err:
            problem = err
            connection.close()
        except BaseException:
            connection.close()
            raise
    raise StoreTrouble(path, "unreadable", str(problem))


def _check(connection: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    """The connection, once the file is a sound database of the trainer's, in a format this
    version can read. Everything is read in one transaction: another copy of the app may be
    creating the file meanwhile, and its version and tables must be seen at one moment."""
    try:
        connection.execute("BEGIN")
        try:
            version = _user_version(connection)
            if version > SCHEMA_VERSION:
                raise StoreTrouble(
                    path,
                    "newer",
                    f"its format is version {version}; this version of the trainer reads up to {SCHEMA_VERSION}",
                )
            if version < 0:
                raise StoreTrouble(path, "damaged", f"its format is version {version}, which no trainer writes")
            verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                raise StoreTrouble(path, "damaged", verdict)
            foreign = _foreign_schema(connection, version)
        finally:
            if connection.in_transaction:
                with suppress(sqlite3.Error):
                    connection.execute("ROLLBACK")
    except sqlite3.OperationalError:
        raise
    except sqlite3.DatabaseError as err:  # not a database, or a malformed one
        raise StoreTrouble(path, "damaged", str(err)) from None
    if foreign:
        raise StoreTrouble(path, "foreign", foreign)
    return connection


def _foreign_schema(connection: sqlite3.Connection, version: int) -> str:
    """What shows that a sound database is another program's ("" when it is the trainer's):
    a new file has no tables yet, and one of ours has the table of attempts with its columns."""
    tables = sorted(
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    )
    if version == 0:
        return f"it is another program's database, with tables named {', '.join(tables)}" if tables else ""
    if "attempts" not in tables:
        return "it is another program's database, with no table of attempts"
    columns = {row[1] for row in connection.execute("PRAGMA table_info(attempts)")}
    missing = [c for c in ("id", *BASE_COLUMNS) if c not in columns]
    return f"its table of attempts has no {', '.join(missing)}" if missing else ""


def _user_version(connection: sqlite3.Connection) -> int:
    return connection.execute("PRAGMA user_version").fetchone()[0]


def migrate(connection: sqlite3.Connection, migrations=MIGRATIONS) -> int:
    """Bring the file up to the newest schema, one version per transaction; returns the version.

    A migration that fails is rolled back whole, leaving the file at the version before it.
    """
    for target in range(_user_version(connection) + 1, len(migrations) + 1):
        connection.execute("BEGIN IMMEDIATE")
        try:
            if _user_version(connection) < target:  # another copy may have migrated meanwhile
                for statement in migrations[target - 1]:
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {target}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    return _user_version(connection)


def _retrying(action):
    """``action()``, tried again after a pause while another copy of the app holds the lock."""
    for attempt in range(TRIES):
        try:
            return action()
        except sqlite3.OperationalError as err:
            busy = "locked" in str(err) or "busy" in str(err)
            if not busy or attempt == TRIES - 1:
                raise
            time.sleep(0.05 * 2**attempt)


# ---------------------------------------------------------------------------- the way out


def set_aside(path: Path, clock: Callable[[], datetime] = utc_now) -> Path:
    """Move a progress file that cannot be used to a timestamped backup beside it.

    The next ``open_store`` starts a fresh file. Returns where the backup is.
    """
    stamp = clock().astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    backup = path.with_name(f"{BACKUP_PREFIX}{stamp}.sqlite3")
    number = 2
    while backup.exists():
        backup = path.with_name(f"{BACKUP_PREFIX}{stamp}-{number}.sqlite3")
        number += 1
    path.rename(backup)
    _keep_private(backup)
    for suffix in SIDE_SUFFIXES:
        side = Path(f"{path}{suffix}")
        if side.exists():
            side.rename(f"{backup}{suffix}")
            _keep_private(Path(f"{backup}{suffix}"))
    return backup


def stored_files(folder: Path | None = None) -> list[Path]:
    """Every file that holds progress: the database, its companions and any backups."""
    path = store_path(folder)
    names = [path, *(Path(f"{path}{suffix}") for suffix in SIDE_SUFFIXES)]
    backups = sorted(path.parent.glob(f"{BACKUP_PREFIX}*")) if path.parent.is_dir() else []
    return [p for p in names if p.exists()] + backups


def forget(folder: Path | None = None) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Delete all stored progress: the files deleted, and those that could not be, with why.

    Only files are deleted: a folder that happens to have a progress file's name may hold
    anything, so it is named for the learner to look at, never emptied behind their back.
    """
    deleted, kept = [], []
    for path in stored_files(folder):
        if path.is_dir() and not path.is_symlink():
            kept.append((path, "it is a folder; look inside and delete it yourself if nothing in it is yours"))
            continue
        try:
            path.unlink(missing_ok=True)
        except OSError as err:
            kept.append((path, err.strerror or str(err)))
        else:
            deleted.append(path)
    return deleted, kept
