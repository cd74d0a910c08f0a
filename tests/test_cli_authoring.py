"""``trainer new`` and ``trainer schema`` through the real entry point, and the template."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from trainer.cli import cli
from trainer.loader import load_file
from trainer.rubric import BAND_IDS
from trainer.scenario_format import Scenario as ScenarioFormat
from trainer.schema import SCHEMA_FILE, scenario_schema_json, schema_reference
from trainer.scoring import score
from trainer.template import default_title, scenario_template, suggest_id

REPO = Path(__file__).resolve().parent.parent


def run(*args):
    return CliRunner().invoke(cli, [*map(str, args)])


def modeline_target(path: Path) -> Path:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    return (path.parent / first[len(prefix) :]).resolve()


# ---------------------------------------------------------------------------- schema


def test_the_committed_schema_is_the_generated_one():
    """Regenerate with: trainer schema > trainer/data/scenario.schema.json"""
    assert SCHEMA_FILE.read_text(encoding="utf-8") == scenario_schema_json()


def test_trainer_schema_prints_the_json_schema():
    result = run("schema")
    assert result.exit_code == 0
    assert result.stdout == scenario_schema_json()
    schema = json.loads(result.stdout)
    assert schema["required"] == ["id", "title", "turns"]
    assert schema["additionalProperties"] is False


# ---------------------------------------------------------------------------- new


def test_new_writes_a_template_that_validates_as_written(tmp_path):
    result = run("new", "grief-at-work", "--dir", tmp_path)
    assert result.exit_code == 0, result.output
    path = tmp_path / "grief-at-work.yaml"
    assert f"Wrote {path}" in result.stdout and f"trainer validate {path}" in result.stdout
    loaded = load_file(path)
    assert loaded.problems == ()
    scenario = loaded.scenario
    assert (scenario.id, scenario.title) == ("grief-at-work", "Grief at work")
    assert run("validate", path).exit_code == 0


def test_the_template_shows_every_key_of_the_format(tmp_path):
    run("new", "every-key", "--dir", tmp_path)
    scenario = ScenarioFormat.model_validate(yaml.safe_load((tmp_path / "every-key.yaml").read_text()))
    assert scenario.model_fields_set == set(type(scenario).model_fields)
    assert scenario.persona.model_fields_set == set(type(scenario.persona).model_fields)
    first = scenario.turns[0]
    assert first.model_fields_set == set(type(first).model_fields)
    assert first.deeper.model_fields_set == set(type(first.deeper).model_fields)
    assert any(r.cue for r in first.reactions.values()) and any(not r.cue for r in first.reactions.values())


def test_the_template_keeps_the_librarys_conventions(tmp_path):
    """Three model answers, feelings, content, a hint, and strong, partial and not_yet examples."""
    run("new", "conventions", "--dir", tmp_path)
    scenario = load_file(tmp_path / "conventions.yaml").scenario
    for turn in [*scenario.turns, *(t.deeper for t in scenario.turns if t.deeper)]:
        assert len(turn.model_answers) >= 3 and turn.feelings and turn.content and turn.hint
        assert [e.expect.value for e in turn.examples] == ["strong", "developing", "not_yet"]


def test_the_templates_examples_land_within_one_band_of_what_they_expect(tmp_path):
    run("new", "calibrated", "--dir", tmp_path)
    scenario = load_file(tmp_path / "calibrated.yaml").scenario
    for turn in [*scenario.turns, *(t.deeper for t in scenario.turns if t.deeper)]:
        for example in turn.examples:
            got = score(turn, example.response, scenario.client_name).band
            assert abs(BAND_IDS.index(got) - BAND_IDS.index(example.expect.value)) <= 1, example


def test_the_modeline_points_at_the_schema_file(tmp_path):
    run("new", "outside", "--dir", tmp_path)
    assert modeline_target(tmp_path / "outside.yaml") == SCHEMA_FILE.resolve()


def test_inside_the_project_the_modeline_is_relative():
    assert schema_reference(REPO / "scenarios") == "../trainer/data/scenario.schema.json"
    assert schema_reference(REPO / "scenarios" / "course") == "../../trainer/data/scenario.schema.json"


def test_the_modeline_can_point_elsewhere(tmp_path):
    run("new", "shared", "--dir", tmp_path, "--schema", "./scenario.schema.json")
    first = (tmp_path / "shared.yaml").read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=./scenario.schema.json"


def test_new_creates_the_folder_and_takes_a_title(tmp_path):
    folder = tmp_path / "course" / "week-1"
    result = run("new", "placement-1", "--dir", folder, "--title", "Doubts: week #1")
    assert result.exit_code == 0
    scenario = load_file(folder / "placement-1.yaml").scenario
    assert scenario.title == "Doubts: week #1"


@pytest.mark.parametrize("title", ["No", "123", 'It\'s "fine"', "- a list?", "Ça va"])
def test_any_title_reads_back_unchanged(tmp_path, title):
    """In the trainer's loader and in any YAML tool (where a plain No would be false)."""
    path = tmp_path / "t.yaml"
    path.write_text(scenario_template("t", title, "x.json"), encoding="utf-8")
    assert load_file(path).scenario.title == title
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["title"] == title


def test_new_writes_to_the_current_folder_by_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("new", "here").exit_code == 0
    assert load_file(tmp_path / "here.yaml").problems == ()


def test_new_refuses_to_overwrite_without_force(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("my work")
    result = run("new", "mine", "--dir", tmp_path)
    assert result.exit_code == 1
    assert f"trainer new: {path} already exists" in result.stderr and "--force" in result.stderr
    assert path.read_text() == "my work"
    assert run("new", "mine", "--dir", tmp_path, "--force").exit_code == 0
    assert load_file(path).problems == ()


def test_a_bad_id_is_a_usage_error_with_a_suggestion(tmp_path):
    result = run("new", "Grief at Work!", "--dir", tmp_path)
    assert result.exit_code == 2
    assert "'Grief at Work!' is not a scenario id" in result.stderr
    assert "e.g. grief-at-work" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_empty_title_is_a_usage_error(tmp_path):
    assert run("new", "x", "--dir", tmp_path, "--title", "  ").exit_code == 2


def test_an_id_the_library_already_uses_is_refused(tmp_path, scenario_dir):
    result = run("--scenarios", scenario_dir, "new", "warning-demo", "--dir", tmp_path)
    assert result.exit_code == 1
    assert "the id 'warning-demo' is already used by" in result.stderr
    assert not (tmp_path / "warning-demo.yaml").exists()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Grief at Work!", "grief-at-work"),
        ("Café--crème", "cafe-creme"),
        ("___", "my-scenario"),
        ("x" * 100, "x" * 80),
    ],
)
def test_suggested_ids(text, expected):
    assert suggest_id(text) == expected


def test_default_title():
    assert default_title("grief-at-work") == "Grief at work"
