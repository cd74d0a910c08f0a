"""A damaged progress file (issue 13, crash 3): one bad row costs that row only, and a file that is
not the trainer's gets the same message and way out as a corrupt one. Never a traceback."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner
from test_app_flows import notifications
from test_app_flows import run as run_app

from trainer.cli import cli
from trainer.loader import load_paths
from trainer.progress.history import History
from trainer.progress.store import DB_NAME, StoreTrouble, open_store
from trainer.scoring import score

READING_COMMANDS = [
    ("progress",),
    ("progress", "--json"),
    ("export",),
    ("export", "--format", "csv"),
    ("export", "--format", "md"),
    ("drill", "--plan"),
    ("drill", "--plan", "--json"),
]

ROW_DAMAGE = {  # what is written into row 3 of 5, and the field the report names
    "bad JSON in checks": ("checks = '{bad'", "checks"),
    "a checks entry missing a key": ("""checks = '[{"id": "feeling", "passed": true}]'""", "checks"),
    "checks not a list": ("checks = '{}'", "checks"),
    "checks nested past the stack": ("checks = '" + "[" * 100_000 + "'", "checks"),
    "a bad at date": ("at = 'yesterday'", "time"),
    "an at without a time zone": ("at = '2025-03-10T12:00:00'", "time"),
    "roadblocks not a list": ("roadblocks = '5'", "roadblocks"),
    "messages of numbers": ("messages = '[1, 2]'", "messages"),
    "a turn that is text": ("turn = 'two'", "turn"),
    "a score out of range": ("score = 1000", "score"),
}


def run(scenario_dir, *args):
    result = CliRunner().invoke(cli, ["--scenarios", str(scenario_dir), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def five_rows(scenario_dir, trainer_home):
    """Five stored responses to the first statement of lonely-birthday (row ids 1 to 5)."""
    scenario = load_paths([scenario_dir]).get("lonely-birthday")
    turn = scenario.turns[0]
    with open_store() as store:
        for n in range(5):
            response = f"You felt forgotten, try {n + 1}."
            store.record(scenario.id, 1, turn.client, response, score(turn, response), "s1")
    return trainer_home / DB_NAME


def sql(path, *statements):
    connection = sqlite3.connect(path)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()


@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
@pytest.mark.parametrize("change, field", ROW_DAMAGE.values(), ids=ROW_DAMAGE.keys())
def test_one_damaged_row_costs_that_row_only(scenario_dir, five_rows, change, field, command):
    sql(five_rows, f"UPDATE attempts SET {change} WHERE id = 3")
    result = run(scenario_dir, *command)
    assert result.exit_code == 1
    assert f"row 3: unreadable {field}, skipped" in result.stderr
    assert "1 damaged row" in result.stderr and "everything else was used" in result.stderr
    if command == ("export",):
        responses = [a["response"] for a in json.loads(result.stdout)["attempts"]]
        assert responses == [f"You felt forgotten, try {n}." for n in (1, 2, 4, 5)]
    if command == ("progress", "--json"):
        assert json.loads(result.stdout)["totals"]["attempts"] == 4


def test_many_damaged_rows_are_counted_not_all_listed(scenario_dir, five_rows):
    sql(five_rows, "UPDATE attempts SET checks = 'x'")
    result = run(scenario_dir, "progress")
    assert result.exit_code == 1 and "5 damaged rows" in result.stderr
    assert "row 1: unreadable checks, skipped" in result.stderr


FILE_TROUBLE = {
    "negative user_version": lambda path: sql(path, "PRAGMA user_version = -1"),
    "another program's tables, version 0": lambda path: _foreign(path, 0),
    "another program's tables, version 1": lambda path: _foreign(path, 1),
    "attempts without its columns": lambda path: _foreign(path, 1, "CREATE TABLE attempts (id INTEGER, note TEXT)"),
    "a folder named progress.sqlite3": lambda path: (path.unlink(), path.mkdir()),
}


def _foreign(path, version, table="CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"):
    path.unlink()
    sql(
        path,
        table,
        "INSERT INTO notes VALUES (1, 'mine')" if "notes" in table else "SELECT 1",
        f"PRAGMA user_version = {version}",
    )


@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
@pytest.mark.parametrize("make", FILE_TROUBLE.values(), ids=FILE_TROUBLE.keys())
def test_a_file_that_cannot_be_used_is_explained_with_the_way_out(scenario_dir, five_rows, make, command):
    make(five_rows)
    result = run(scenario_dir, *command)
    assert result.exit_code == 1
    assert str(five_rows) in result.stderr and "Nothing has been changed" in result.stderr
    assert "To keep it as a backup and start a fresh one, run: trainer progress --start-fresh" in result.stderr


@pytest.mark.parametrize("make", FILE_TROUBLE.values(), ids=FILE_TROUBLE.keys())
def test_start_fresh_sets_such_a_file_aside_untouched(scenario_dir, five_rows, make, trainer_home):
    make(five_rows)
    before = sorted(p.name for p in trainer_home.iterdir())
    moved = run(scenario_dir, "progress", "--start-fresh")
    assert moved.exit_code == 0 and "Moved it to" in moved.stdout
    backups = [p for p in trainer_home.iterdir() if p.name.startswith("progress-backup-")]
    assert len(backups) == 1 and len(before) == len(list(trainer_home.iterdir()))
    assert run(scenario_dir, "progress").exit_code == 0


def test_a_foreign_database_is_never_migrated(five_rows):
    _foreign(five_rows, 0)
    for saving in (True, False):
        with pytest.raises(StoreTrouble) as raised:
            open_store(saving=saving)
        assert raised.value.reason == "foreign" and raised.value.can_set_aside
    connection = sqlite3.connect(five_rows)
    tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    connection.close()
    assert tables == ["notes"]


def test_the_app_history_leaves_a_damaged_row_out_and_says_so(five_rows, make_test_app):
    sql(five_rows, "UPDATE attempts SET checks = '{bad' WHERE id = 3")
    history = History.open()
    assert len(history.attempts()) == 4
    assert history.damaged == (
        "1 stored response could not be read and is left out "
        "(row 3: unreadable checks, skipped). Everything else is here."
    )

    async def body(pilot):
        assert history.damaged in notifications(pilot.app)

    run_app(body, make_test_app(history=history))


def test_a_history_without_damage_says_nothing(five_rows):
    assert History.open().damaged == ""


def test_forget_counts_damaged_rows_too(scenario_dir, five_rows):
    sql(five_rows, "UPDATE attempts SET at = 'never' WHERE id = 2")
    result = CliRunner().invoke(cli, ["forget", "--yes"])
    assert result.exit_code == 0 and "Deleted 5 stored responses" in result.stdout
