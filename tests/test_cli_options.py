"""`--scenarios DIR` after the command (`trainer list --scenarios DIR`) means what it means before
it, for every command that reads the library; `--no-save` likewise for the commands that open
the app (issue 14, part 5). Through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_remembered import forget_the_word_lists

from trainer.cli import cli

# A folder whose only scenario is not in the bundled library, so it loads without a clash.
OWN = Path(__file__).parent / "fixtures" / "conversation"
OWN_ID = "drifting-apart"
READS_THE_LIBRARY = ["list", "validate", "score", "practice", "calibrate", "export", "drill", "new", "grade"]
OPENS_THE_APP = ["practice", "drill"]


def trainer(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def options_of(name: str) -> set[str]:
    command = cli.get_command(None, name)
    return {option for param in command.params for option in param.opts}


@pytest.mark.parametrize("name", sorted(cli.list_commands(None)))
def test_the_commands_that_read_the_library_take_scenarios_and_the_app_ones_no_save(name):
    assert ("--scenarios" in options_of(name)) == (name in READS_THE_LIBRARY)
    assert ("--no-save" in options_of(name)) == (name in OPENS_THE_APP)


def test_list_takes_scenarios_after_the_command():
    result = trainer("list", "--json", "--scenarios", OWN)
    assert result.exit_code == 0, result.output
    assert OWN_ID in [row["id"] for row in json.loads(result.stdout)]


def test_folders_before_and_after_the_command_add_up(scenario_dir):
    result = trainer("--scenarios", scenario_dir, "list", "--json", "--scenarios", OWN)
    ids = [row["id"] for row in json.loads(result.stdout)]
    assert OWN_ID in ids and "warning-demo" in ids


def test_a_folder_that_is_not_there_is_a_usage_error_in_either_place(tmp_path):
    for args in (["list", "--scenarios", tmp_path / "nope"], ["--scenarios", tmp_path / "nope", "list"]):
        result = trainer(*args)
        assert result.exit_code == 2
        assert "Invalid value for '--scenarios'" in result.stderr and "does not exist" in result.stderr


def test_validate_without_paths_checks_the_folder_given_after_it(tmp_path):
    (tmp_path / "bad.yaml").write_text("id: x\ntitle: Step 1: breathe\n", encoding="utf-8")
    result = trainer("validate", "--scenarios", tmp_path)
    assert result.exit_code == 1
    assert f"{tmp_path / 'bad.yaml'}:2: this is not valid YAML" in result.stderr


def test_score_finds_a_scenario_of_the_folder_given_after_it():
    result = trainer(
        "score", "--scenario", OWN_ID, "--turn", "1", "--json", "--scenarios", OWN, "It sounds like you felt left out."
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["kind"] == "reflection"


def test_calibrate_checks_the_folder_given_after_it():
    result = trainer("calibrate", "--json", "--min-agreement", "0", "--scenarios", OWN)
    own_only = trainer("calibrate", OWN, "--json", "--min-agreement", "0")
    bundled_only = trainer("calibrate", "--json", "--min-agreement", "0")
    examples = [json.loads(r.stdout)["examples"] for r in (result, own_only, bundled_only)]
    assert examples[0] == examples[1] + examples[2]


def test_drill_plans_from_the_folder_given_after_it():
    result = trainer("drill", "--plan", "--json", "--scenario", OWN_ID, "--scenarios", OWN)
    assert result.exit_code == 0, result.output
    assert {item["scenario"] for item in json.loads(result.stdout)} == {OWN_ID}


def test_new_knows_the_ids_of_the_folder_given_after_it(tmp_path):
    result = trainer("new", OWN_ID, "--dir", tmp_path, "--scenarios", OWN)
    assert result.exit_code == 1
    assert f"the id '{OWN_ID}' is already used by {OWN / (OWN_ID + '.yaml')}" in result.stderr


def test_grade_scores_against_the_folder_given_after_it(tmp_path):
    export = tmp_path / "leo.json"
    export.write_text(
        json.dumps({"student": "Ana", "attempts": [{"scenario": OWN_ID, "turn": 1, "response": "You felt left out."}]}),
        encoding="utf-8",
    )
    result = trainer("grade", export, "--scenarios", OWN)
    assert result.exit_code == 0, result.output
    assert f"Ana,{OWN_ID}," in result.stdout


def test_export_takes_scenarios_after_the_command():
    result = trainer("export", "--format", "md", "--scenario", OWN_ID, "--scenarios", OWN)
    assert result.exit_code == 0, result.output


def test_practice_takes_scenarios_and_no_save_after_the_command(opened_apps, trainer_home):
    forget_the_word_lists()  # read afresh as the library is, and (private mode) not kept
    result = trainer("practice", OWN_ID, "--scenarios", OWN, "--no-save")
    assert result.exit_code == 0, result.output
    [app] = opened_apps
    assert app._start_scenario.id == OWN_ID and app.no_save
    assert not trainer_home.exists() or list(trainer_home.iterdir()) == []  # nothing written


def test_drill_takes_no_save_after_the_command(opened_apps):
    result = trainer("drill", "--count", "2", "--no-save")
    assert result.exit_code == 0, result.output
    [app] = opened_apps
    assert app.no_save


def test_practice_saves_unless_asked_not_to(opened_apps):
    result = trainer("practice", OWN_ID, "--scenarios", OWN)
    assert result.exit_code == 0, result.output
    assert not opened_apps[0].no_save
