"""The progress store: recording, migrations, two writers, damaged and newer files, read-only folders."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import textwrap
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from trainer.loader import load_file
from trainer.progress import store as store_module
from trainer.progress.run import Run
from trainer.progress.store import (
    DB_NAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    StoreTrouble,
    forget,
    migrate,
    open_store,
    set_aside,
    stored_files,
)
from trainer.scoring import score

MOMENT = datetime(2025, 3, 3, 9, 30, tzinfo=timezone.utc)
posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes and users are POSIX")


def fixed_clock():
    return MOMENT


@pytest.fixture
def birthday(scenario_dir):
    return load_file(scenario_dir / "lonely-birthday.yaml").scenario


def record_answer(store, scenario, number, response, session="session-1"):
    turn = scenario.turns[number - 1]
    return store.record(
        scenario.id, number, turn.client, response, score(turn, response, scenario.client_name), session
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# ---------------------------------------------------------------------------- recording


def test_a_recorded_attempt_reads_back_whole(trainer_home, birthday):
    response = "It sounds like you felt forgotten when nobody called on your birthday."
    feedback = score(birthday.turns[0], response, birthday.client_name)
    with open_store(clock=fixed_clock) as store:
        attempt = store.record(birthday.id, 1, birthday.turns[0].client, response, feedback, "abc")
        assert store.saving and store.notice == ""
        stored = store.attempts()
    assert attempt.id == 1
    assert stored == [attempt]
    back = stored[0]
    assert (back.scenario, back.turn, back.response, back.session) == (birthday.id, 1, response, "abc")
    assert (back.score, back.band, back.kind) == (feedback.score, feedback.band, feedback.kind)
    assert [c.to_dict() for c in back.checks] == [c.to_dict() for c in feedback.checks]
    assert back.roadblocks == feedback.roadblocks and back.messages == feedback.messages
    assert back.at == MOMENT and back.at.tzinfo is not None


def test_each_attempt_is_committed_the_moment_it_is_recorded(trainer_home, birthday):
    store = open_store()
    record_answer(store, birthday, 1, "You felt alone.")
    # Another connection, as another process would, sees it before the store is closed.
    other = sqlite3.connect(trainer_home / DB_NAME)
    assert other.execute("SELECT count(*), max(response) FROM attempts").fetchone() == (1, "You felt alone.")
    record_answer(store, birthday, 2, "You kept hoping someone would call.")
    assert other.execute("SELECT count(*) FROM attempts").fetchone() == (2,)
    other.close()
    store.close()


def test_attempts_can_be_filtered_by_scenario_and_time(trainer_home, birthday):
    times = iter([MOMENT, MOMENT + timedelta(days=2)])
    with open_store(clock=lambda: next(times)) as store:
        first = record_answer(store, birthday, 1, "You felt alone.")
        second = record_answer(store, birthday, 2, "You were hoping.")
        assert store.attempts(scenarios=["other"]) == []
        assert store.attempts(scenarios=[birthday.id]) == [first, second]
        assert store.attempts(since=MOMENT + timedelta(days=1)) == [second]


@posix_only
def test_the_file_is_private_to_the_user(trainer_home, birthday):
    with open_store() as store:
        record_answer(store, birthday, 1, "You felt alone.")
        assert mode(trainer_home) == 0o700
        for file in trainer_home.iterdir():  # the database and its -wal and -shm companions
            assert mode(file) == 0o600, file.name


@posix_only
def test_an_existing_file_readable_by_others_is_made_private(trainer_home):
    trainer_home.mkdir()
    path = trainer_home / DB_NAME
    path.touch(mode=0o644)
    os.chmod(path, 0o644)
    open_store().close()
    assert mode(path) == 0o600


def test_private_mode_records_nothing_and_creates_nothing(trainer_home, birthday):
    with open_store(saving=False) as store:
        attempt = record_answer(store, birthday, 1, "You felt alone.")
        assert not store.saving and "Private" in store.notice
    assert attempt.id is None and attempt.response == "You felt alone."
    assert not trainer_home.exists()


def test_private_mode_still_reads_what_was_saved_before(trainer_home, birthday):
    with open_store() as store:
        saved = record_answer(store, birthday, 1, "You felt alone.")
    with open_store(saving=False) as store:
        record_answer(store, birthday, 2, "You were hoping.")
        assert store.attempts() == [saved]


def test_a_busy_database_keeps_the_response_and_saves_it_with_the_next(trainer_home, birthday, monkeypatch):
    monkeypatch.setattr(store_module, "BUSY_SECONDS", 0.01)
    store = open_store()
    blocker = sqlite3.connect(trainer_home / DB_NAME, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another copy of the app holds the write lock
    kept = record_answer(store, birthday, 1, "You felt alone.")
    assert kept.id is None
    assert "not saved yet" in store.notice and "locked" in store.notice
    blocker.execute("ROLLBACK")
    blocker.close()
    latest = record_answer(store, birthday, 2, "You were hoping.")
    assert latest.id is not None and store.notice == ""
    assert [a.response for a in store.attempts()] == ["You felt alone.", "You were hoping."]
    store.close()


# ---------------------------------------------------------------------------- migrations


def user_version(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA user_version").fetchone()[0]
    finally:
        connection.close()


def test_a_new_file_has_the_current_schema(trainer_home):
    open_store().close()
    assert user_version(trainer_home / DB_NAME) == SCHEMA_VERSION == len(MIGRATIONS)


def test_a_migration_is_applied_once_and_keeps_the_data(trainer_home, birthday):
    with open_store() as store:
        record_answer(store, birthday, 1, "You felt alone.")
    newer = (*MIGRATIONS, ("ALTER TABLE attempts ADD COLUMN note TEXT DEFAULT ''",))
    connection = sqlite3.connect(trainer_home / DB_NAME, isolation_level=None)
    assert migrate(connection, newer) == SCHEMA_VERSION + 1
    assert migrate(connection, newer) == SCHEMA_VERSION + 1  # nothing left to do
    assert connection.execute("SELECT response, note FROM attempts").fetchall() == [("You felt alone.", "")]
    connection.close()


def test_runs_are_kept_one_row_each_and_read_back(trainer_home):
    later = MOMENT + timedelta(minutes=5)
    with open_store() as store:
        assert store.save_run(Run("s1", "lonely-birthday", 4, 1, MOMENT, MOMENT))
        assert store.save_run(Run("s1", "lonely-birthday", 4, 4, MOMENT, later))  # the same run, moved on
        assert store.save_run(Run("d1", None, 3, 0, later, later))  # a drill
    with open_store(saving=False) as store:
        assert store.runs() == [Run("s1", "lonely-birthday", 4, 4, MOMENT, later), Run("d1", None, 3, 0, later, later)]
        assert not store.save_run(Run("s2", "lonely-birthday", 4, 1, later, later))  # reading only


def test_a_file_from_before_runs_is_migrated_and_keeps_its_answers(trainer_home, birthday):
    trainer_home.mkdir(parents=True)
    connection = sqlite3.connect(trainer_home / DB_NAME, isolation_level=None)
    migrate(connection, MIGRATIONS[:1])
    connection.execute(
        "INSERT INTO attempts (scenario, turn, client, response, score, band, kind, checks, "
        "roadblocks, messages, at, session) VALUES ('lonely-birthday', 1, 'c', 'You felt alone.', "
        "50, 'developing', 'reflection', '[]', '[]', '[]', '2025-03-03T09:30:00+00:00', 'old')"
    )
    assert store_module.ProgressStore(trainer_home / DB_NAME, connection, saving=False).runs() == []  # as it was
    connection.close()
    with open_store() as store:
        assert [a.response for a in store.attempts()] == ["You felt alone."] and store.runs() == []
    assert user_version(trainer_home / DB_NAME) == SCHEMA_VERSION


def test_a_damaged_run_row_is_passed_over(trainer_home):
    with open_store() as store:
        store.save_run(Run("s1", "lonely-birthday", 4, 1, MOMENT, MOMENT))
    connection = sqlite3.connect(trainer_home / DB_NAME, isolation_level=None)
    connection.execute("INSERT INTO runs VALUES ('s2', 'lonely-birthday', 4, 1, 'yesterday', 'today')")
    connection.close()
    with open_store(saving=False) as store:
        assert [run.session for run in store.runs()] == ["s1"]


def test_a_failing_migration_is_rolled_back_whole(trainer_home):
    open_store().close()
    broken = (*MIGRATIONS, ("CREATE TABLE half (x)", "THIS IS NOT SQL"))
    connection = sqlite3.connect(trainer_home / DB_NAME, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        migrate(connection, broken)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("SELECT name FROM sqlite_master WHERE name = 'half'").fetchall() == []
    connection.close()


# ---------------------------------------------------------------------------- two writers

WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from trainer.progress.store import open_store
    from trainer.scoring import AdHocStatement, score

    folder, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    (folder.parent / f"{name}.ready").touch()
    while len(list(folder.parent.glob("*.ready"))) < 2:  # start together
        time.sleep(0.001)
    statement = AdHocStatement("Nobody called on my birthday.", ("You felt forgotten.",))
    with open_store(folder) as store:
        for number in range(count):
            attempt = store.record("shared", number + 1, statement.client, f"{name} {number}",
                                   score(statement, f"You felt forgotten {number}"), name)
            assert attempt.id is not None, store.notice
""")


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    folder = tmp_path / "home"  # neither process finds a file: both create and migrate it
    count = 60
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(folder), name, str(count)], stderr=subprocess.PIPE, text=True
        )
        for name in ("one", "two")
    ]
    for writer in writers:
        assert writer.wait(timeout=120) == 0, writer.stderr.read()
        writer.stderr.close()
    with open_store(folder) as store:
        responses = [a.response for a in store.attempts()]
    assert sorted(responses) == sorted(f"{name} {n}" for name in ("one", "two") for n in range(count))
    connection = sqlite3.connect(folder / DB_NAME)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()


# ---------------------------------------------------------------------------- trouble


def test_a_file_that_is_not_a_database_is_reported_and_left_alone(trainer_home):
    trainer_home.mkdir()
    path = trainer_home / DB_NAME
    junk = b"this is not a database, just some words " * 200
    path.write_bytes(junk)
    with pytest.raises(StoreTrouble) as raised:
        open_store()
    trouble = raised.value
    assert trouble.reason == "damaged" and trouble.can_set_aside
    assert str(path) in str(trouble) and "damaged" in str(trouble) and "Nothing has been changed" in str(trouble)
    assert path.read_bytes() == junk


def test_a_database_damaged_inside_is_reported(trainer_home, birthday):
    with open_store() as store:
        for number in range(200):  # enough rows for several pages
            record_answer(store, birthday, 1 + number % 4, f"You felt alone, {number} times over. " * 5)
    path = trainer_home / DB_NAME
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    data[2 * page : 3 * page] = b"\xff" * page
    path.write_bytes(bytes(data))
    with pytest.raises(StoreTrouble) as raised:
        with open_store(saving=False) as store:
            store.attempts()
    assert raised.value.reason == "damaged"


def test_a_file_from_a_newer_version_is_reported(trainer_home):
    open_store().close()
    path = trainer_home / DB_NAME
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    for saving in (True, False):
        with pytest.raises(StoreTrouble) as raised:
            open_store(saving=saving)
        assert raised.value.reason == "newer" and raised.value.can_set_aside
        assert "newer version" in str(raised.value)
    assert user_version(path) == SCHEMA_VERSION + 1


def test_set_aside_keeps_a_timestamped_backup_and_a_fresh_start_follows(trainer_home, birthday):
    trainer_home.mkdir()
    path = trainer_home / DB_NAME
    path.write_bytes(b"garbage" * 100)
    backup = set_aside(path, clock=fixed_clock)
    assert backup == trainer_home / "progress-backup-20250303T093000Z.sqlite3"
    assert backup.read_bytes() == b"garbage" * 100 and not path.exists()
    path.write_bytes(b"more garbage" * 100)
    assert set_aside(path, clock=fixed_clock).name == "progress-backup-20250303T093000Z-2.sqlite3"
    with open_store() as store:
        assert store.attempts() == []
        assert record_answer(store, birthday, 1, "You felt alone.").id == 1


def _record_in(folder: Path, feedback, client: str) -> dict:
    store = open_store(folder)
    attempt = store.record("lonely-birthday", 2, client, "You were hoping.", feedback, "s")
    result = {
        "saving": store.saving,
        "notice": store.notice,
        "id": attempt.id,
        "earlier": [a.response for a in store.attempts()],
    }
    store.close()
    return result


def _as_nobody(action) -> dict:
    """``action()`` in a forked child that has given up root, so that permissions apply to it."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read)
        try:
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            payload = json.dumps(action())
        except BaseException as err:  # noqa: BLE001 - reported to the parent
            payload = json.dumps({"error": repr(err)})
        os.write(write, payload.encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        payload = pipe.read()
    os.waitpid(pid, 0)
    return json.loads(payload)


@posix_only
def test_a_read_only_folder_gives_a_notice_and_practice_goes_on_unsaved(birthday):
    root = Path(tempfile.mkdtemp())
    try:
        os.chmod(root, 0o755)  # reachable by the unprivileged child
        folder = root / "home"
        with open_store(folder) as store:
            record_answer(store, birthday, 1, "You felt alone.")
        os.chmod(folder / DB_NAME, 0o644)
        os.chmod(folder, 0o555)
        turn = birthday.turns[1]
        feedback = score(turn, "You were hoping.", birthday.client_name)
        action = lambda: _record_in(folder, feedback, turn.client)  # noqa: E731
        result = _as_nobody(action) if os.geteuid() == 0 else action()
    finally:
        os.chmod(root / "home", 0o755)
        shutil.rmtree(root)
    assert "error" not in result, result
    assert result["saving"] is False and result["id"] is None
    assert str(folder) in result["notice"] and "not saved" in result["notice"]
    assert result["earlier"] == ["You felt alone."]  # what was saved before is still shown


def test_a_data_folder_that_cannot_be_made_gives_a_notice(tmp_path, birthday):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with open_store(blocker / "home") as store:
        attempt = record_answer(store, birthday, 1, "You felt alone.")
        assert not store.saving and "cannot be saved" in store.notice
        assert store.attempts() == []
    assert attempt.id is None


# ---------------------------------------------------------------------------- forget


def test_forget_deletes_the_database_its_companions_and_backups(trainer_home, birthday):
    trainer_home.mkdir()
    (trainer_home / DB_NAME).write_bytes(b"junk" * 100)
    backup = set_aside(trainer_home / DB_NAME)
    store = open_store()
    record_answer(store, birthday, 1, "You felt alone.")
    (trainer_home / "notes.txt").write_text("not progress")
    files = stored_files()
    assert {f.name for f in files} == {DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", backup.name}
    store.close()
    deleted, kept = forget()
    assert set(deleted) <= set(files) and kept == []
    assert stored_files() == [] and (trainer_home / "notes.txt").exists()
