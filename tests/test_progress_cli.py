"""``trainer export``, ``forget``, ``progress``, ``drill`` and ``--no-save`` through the real entry point."""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import datetime, timezone

import pytest
from click.testing import CliRunner

import trainer.cli
from trainer.cli import cli
from trainer.loader import load_paths
from trainer.progress.run import Run
from trainer.progress.store import DB_NAME, SCHEMA_VERSION, open_store
from trainer.scoring import score

WINTER = datetime(2025, 1, 10, 12, 0, tzinfo=timezone.utc)
SPRING = datetime(2025, 3, 10, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def library(scenario_dir):
    return load_paths([scenario_dir])


@pytest.fixture
def run(scenario_dir):
    def invoke(*args, input=None):
        result = CliRunner().invoke(cli, ["--scenarios", str(scenario_dir), *args], input=input)
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        return result

    return invoke


@pytest.fixture
def record(library):
    """Record responses as the app will: ``record(scenario_id, statement_number, response, at)``."""

    def save(scenario_id, number, response, at=SPRING, session="s1"):
        scenario = library.get(scenario_id)
        turn = scenario.turns[number - 1]
        with open_store(clock=lambda: at) as store:
            return store.record(
                scenario_id, number, turn.client, response, score(turn, response, scenario.client_name), session
            )

    return save


@pytest.fixture
def keep_run():
    """Keep where a run stands, as the app does: ``keep_run(session, scenario_id or None, statements, moved_on)``."""

    def save(session, scenario_id, statements, moved_on, at=SPRING):
        with open_store() as store:
            store.save_run(Run(session, scenario_id, statements, moved_on, at, at))

    return save


def damage(home):
    home.mkdir(exist_ok=True)
    (home / DB_NAME).write_bytes(b"not a database at all " * 100)


# ---------------------------------------------------------------------------- export


def test_export_json_lists_every_stored_response(run, record):
    record("lonely-birthday", 1, "It sounds like you felt forgotten on your birthday.", WINTER)
    record("warning-demo", 1, "You should leave him.", SPRING)
    result = run("export", "--student", "Ana Diaz")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["student"] == "Ana Diaz" and document["exported_at"].endswith("+00:00")
    attempts = document["attempts"]
    assert [(a["scenario"], a["turn"]) for a in attempts] == [("lonely-birthday", 1), ("warning-demo", 1)]
    assert attempts[1]["kind"] == "advice" and attempts[1]["band"] == "not_yet"
    assert attempts[1]["at"] == "2025-03-10T12:00:00+00:00"
    assert {"id", "passed", "points", "max_points", "message"} == set(attempts[0]["checks"][0])


def test_export_filters_by_scenario_and_date(run, record):
    record("lonely-birthday", 1, "You felt alone.", WINTER)
    record("lonely-birthday", 2, "You kept hoping.", SPRING)
    record("warning-demo", 1, "You were scared.", SPRING)
    by_scenario = json.loads(run("export", "--scenario", "warning-demo").stdout)["attempts"]
    assert [a["response"] for a in by_scenario] == ["You were scared."]
    since = json.loads(run("export", "--since", "2025-02-01").stdout)["attempts"]
    assert [a["response"] for a in since] == ["You kept hoping.", "You were scared."]
    both = json.loads(run("export", "--since", "2025-02-01", "--scenario", "lonely-birthday").stdout)
    assert [a["response"] for a in both["attempts"]] == ["You kept hoping."]


def test_a_bad_date_is_a_usage_error_naming_the_format(run):
    result = run("export", "--since", "10/03/2025")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr and "10/03/2025" in result.stderr


def test_export_to_a_file_takes_the_format_from_its_name(run, record, tmp_path):
    record("lonely-birthday", 1, "You felt alone.")
    record("lonely-birthday", 1, "You felt forgotten, really forgotten.")
    target = tmp_path / "practice.csv"
    result = run("export", "--output", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert f"Exported 2 responses to {target}." in result.stderr
    rows = list(csv.DictReader(target.open(newline="", encoding="utf-8")))
    assert [r["response"] for r in rows] == ["You felt alone.", "You felt forgotten, really forgotten."]
    assert rows[0]["feeling"] == "met"


def test_export_markdown_is_a_transcript_with_titles(run, record):
    record("warning-demo", 2, "You're not sure it's safe to talk about this.")
    result = run("export", "--format", "md", "--student", "Ana Diaz")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("# Reflective listening practice: Ana Diaz")
    assert "## A Hard Week (warning-demo)" in text and "#### Statement 2" in text
    assert "> **Sam:** I don't even know why I'm telling you this." in text
    assert "): You're not sure it's safe to talk about this." in text


def test_export_to_a_place_that_cannot_be_written_says_so(run, record, tmp_path):
    record("lonely-birthday", 1, "You felt alone.")
    result = run("export", "--output", str(tmp_path / "no-such-folder" / "out.json"))
    assert result.exit_code == 1 and "cannot write" in result.stderr


def test_export_of_nothing_is_an_empty_list(run, trainer_home):
    result = run("export")
    assert result.exit_code == 0 and json.loads(result.stdout)["attempts"] == []
    assert not trainer_home.exists()  # reading creates nothing


# ---------------------------------------------------------------------------- forget


def test_forget_with_nothing_stored(run):
    result = run("forget")
    assert result.exit_code == 0 and "Nothing to forget" in result.stdout


def test_forget_asks_and_keeps_everything_on_no(run, record, trainer_home):
    record("lonely-birthday", 1, "You felt alone.")
    result = run("forget", input="n\n")
    assert "Delete 1 stored response from" in result.stderr and "cannot be undone" in result.stderr
    assert result.exit_code == 0 and "Nothing was deleted." in result.stdout
    assert (trainer_home / DB_NAME).exists()


def test_forget_without_an_answer_deletes_nothing(run, record, trainer_home):
    record("lonely-birthday", 1, "You felt alone.")
    result = run("forget", input="")
    assert result.exit_code == 1 and "--yes" in result.stderr
    assert (trainer_home / DB_NAME).exists()


@pytest.mark.parametrize("args, answer", [(("forget",), "y\n"), (("forget", "--yes"), None)])
def test_forget_deletes_all_progress_and_says_what(run, record, trainer_home, args, answer):
    record("lonely-birthday", 1, "You felt alone.")
    record("lonely-birthday", 2, "You kept hoping.")
    result = run(*args, input=answer)
    assert result.exit_code == 0
    assert "Deleted 2 stored responses: progress.sqlite3" in result.stdout
    assert list(trainer_home.iterdir()) == []
    assert json.loads(run("export").stdout)["attempts"] == []


def test_forget_deletes_a_damaged_file_and_backups_too(run, trainer_home):
    damage(trainer_home)
    assert run("progress", "--start-fresh").exit_code == 0
    damage(trainer_home)
    result = run("forget", "--yes")
    assert "a progress file that cannot be read and 1 backup" in result.stdout
    assert list(trainer_home.iterdir()) == []


# ---------------------------------------------------------------------------- progress


def test_progress_before_any_practice(run):
    result = run("progress")
    assert result.exit_code == 0 and "No practice recorded yet" in result.stdout


def test_progress_summarises_the_history(run, record):
    record("lonely-birthday", 1, "You should call your mom.", WINTER)
    record("lonely-birthday", 1, "It sounds like you felt forgotten when nobody called on your birthday.", SPRING)
    result = run("progress")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("2 responses to 1 statement in 1 scenario, on 2 days;")
    assert "Streak:" in text and "Feelings named" in text and "Roadblocks avoided" in text
    assert "lonely-birthday" in text and "Personal bests:" in text
    assert "A new personal best on lonely-birthday, statement 1" in text


def test_progress_as_json(run, record, keep_run, trainer_home):
    record("warning-demo", 1, "It sounds like you felt scared when he shouted.", SPRING)
    keep_run("s1", "warning-demo", 2, 2)
    document = json.loads(run("progress", "--json").stdout)
    assert document["path"] == str(trainer_home / DB_NAME)
    assert document["totals"]["attempts"] == 1
    assert {s["check"] for s in document["skills"]} >= {"feeling", "reflective_form", "no_roadblock"}
    assert document["bests"][0]["scenario"] == "warning-demo"
    assert document["scenarios"][0]["best_at"] == "2025-03-10T12:00:00+00:00"


def test_progress_tells_runs_drill_answers_and_a_run_left_part_way_apart(run, record, keep_run):
    finished = record("warning-demo", 1, "It sounds like you felt scared when he shouted.", session="run")
    keep_run("run", "warning-demo", 2, 2)
    drilled = record("lonely-birthday", 2, "You kept hoping someone would call.", session="drill")
    keep_run("drill", None, 3, 1)
    record("lonely-birthday", 1, "You felt alone.", session="left")
    keep_run("left", "lonely-birthday", 4, 1)

    text = run("progress").stdout
    assert f"warning-demo     best {finished.score}, latest {finished.score} (1 finished run)" in text
    assert (
        f"lonely-birthday  no finished run yet; 1 drill answer, best {drilled.score}; "
        "left part-way at statement 2 of 4 (2025-03-10)"
    ) in text
    scenarios = {s["scenario"]: s for s in json.loads(run("progress", "--json").stdout)["scenarios"]}
    assert (scenarios["warning-demo"]["runs"], scenarios["warning-demo"]["best"]) == (1, finished.score)
    birthday = scenarios["lonely-birthday"]
    assert (birthday["runs"], birthday["best"], birthday["latest"]) == (0, None, None)
    assert (birthday["answers"], birthday["drill_answers"], birthday["drill_best"]) == (2, 1, drilled.score)
    assert birthday["left"] == {"session": "left", "moved_on": 1, "statements": 4, "at": "2025-03-10T12:00:00+00:00"}


# ---------------------------------------------------------------------------- trouble


@pytest.mark.parametrize("command", [("progress",), ("export",), ("drill", "--plan")])
def test_a_damaged_file_is_explained_with_the_way_out(run, trainer_home, command):
    damage(trainer_home)
    result = run(*command)
    assert result.exit_code == 1
    assert "is damaged" in result.stderr and "trainer progress --start-fresh" in result.stderr


def test_start_fresh_keeps_a_backup_and_says_where(run, record, trainer_home):
    damage(trainer_home)
    result = run("progress", "--start-fresh")
    assert result.exit_code == 0
    backups = list(trainer_home.glob("progress-backup-*.sqlite3"))
    assert len(backups) == 1 and str(backups[0]) in result.stdout
    assert backups[0].read_bytes() == b"not a database at all " * 100
    record("lonely-birthday", 1, "You felt alone.")
    assert len(json.loads(run("export").stdout)["attempts"]) == 1
    assert "is fine; nothing was moved" in run("progress", "--start-fresh").stdout


def test_a_file_from_a_newer_version_is_explained(run, record, trainer_home):
    record("lonely-birthday", 1, "You felt alone.")
    connection = sqlite3.connect(trainer_home / DB_NAME)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    connection.commit()
    connection.close()
    result = run("export")
    assert result.exit_code == 1 and "newer version of the trainer" in result.stderr


# ---------------------------------------------------------------------------- drill


def drill_plan(run, *args):
    result = run("drill", "--plan", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_first_drill_is_all_new_statements(run):
    items = drill_plan(run, "--scenario", "warning-demo")
    assert [(i["scenario"], i["turn"], i["box"]) for i in items] == [
        ("warning-demo", 1, None),
        ("warning-demo", 2, None),
    ]
    assert items[0]["reason"] == "new: not tried yet"


def test_a_low_scored_statement_leads_the_next_drill(run, record):
    record("warning-demo", 2, "You should leave him.", WINTER)
    items = drill_plan(run, "--count", "2")
    assert (items[0]["scenario"], items[0]["turn"], items[0]["box"]) == ("warning-demo", 2, 1)
    assert items[0]["reason"].startswith("scored ") and len(items) == 2


def test_the_drill_plan_as_text_says_why(run, record):
    record("warning-demo", 1, "Why did he shout?", WINTER)
    result = run("drill", "--plan", "--scenario", "warning-demo")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.startswith("A drill of 2 statements:")
    assert "warning-demo, statement 1 -- scored" in result.stdout
    assert "He shouted at me again last night" in result.stdout


def test_a_drill_focus_on_a_skill_or_check(run, record):
    both = ("--scenario", "lonely-birthday", "--scenario", "warning-demo")
    assert {i["scenario"] for i in drill_plan(run, "--skill", "reflect-content", *both)} == {"lonely-birthday"}
    record("warning-demo", 1, "It sounds like that was a lot.", WINTER)  # no feeling named
    items = drill_plan(run, "--skill", "feeling", "--count", "1")
    assert (items[0]["scenario"], items[0]["turn"]) == ("warning-demo", 1)
    assert items[0]["reason"].startswith("last time: No feeling named")


@pytest.mark.parametrize(
    "args, named", [(("--skill", "empathy"), "reflect-feeling"), (("--scenario", "nope"), "trainer list")]
)
def test_drill_options_that_match_nothing_are_usage_errors(run, args, named):
    result = run("drill", "--plan", *args)
    assert result.exit_code == 2 and named in result.stderr


def test_a_drill_without_plan_opens_the_app_on_the_drill(run, opened_apps):
    result = run("--no-save", "drill", "--count", "3", "--skill", "feeling", "--scenario", "warning-demo")
    assert result.exit_code == 0, result.output
    [app] = opened_apps
    drill = app._start_drill
    assert (drill.count, drill.focus.check, drill.only) == (3, "feeling", ("warning-demo",))
    assert app.no_save and app.library is not None


def test_a_drill_that_nothing_matches_says_so_before_the_app(run, opened_apps):
    result = run("drill", "--skill", "reflect-content", "--scenario", "warning-demo")
    assert result.exit_code == 1 and "no scenario matches" in result.stderr
    assert opened_apps == []


# ---------------------------------------------------------------------------- private mode


def test_no_save_is_kept_on_the_context_for_the_app(run, monkeypatch):
    seen = []

    class Recording(trainer.cli.AppContext):
        def __init__(self, *args):
            super().__init__(*args)
            seen.append(self)

    monkeypatch.setattr(trainer.cli, "AppContext", Recording)
    run("--no-save", "progress")
    run("progress")
    assert [context.no_save for context in seen] == [True, False]
