"""Terminal escapes (issue 13, item 7): text from scenario files, exports and the progress file never
reaches the terminal with its control characters live -- ``ESC ] 0 ; ... BEL`` in a title once
retitled the window of everyone who ran ``trainer list``."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner
from test_app_flows import run as run_app
from test_app_flows import text
from textual import events
from textual.widgets import Static

from trainer.cli import cli
from trainer.loader import load_file, load_paths
from trainer.progress.store import DB_NAME, open_store
from trainer.scoring import score
from trainer.terminal import CONTROLS, printable
from trainer.ui.widgets.problems_panel import ProblemsPanel
from trainer.ui.widgets.response_box import ResponseBox

RETITLE = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J"
CSI = "\x9b31m"  # the one-byte form of ESC [


def live_controls(output: str) -> list[str]:
    return CONTROLS.findall(output)


def invoke(*args):
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def test_printable_shows_controls_as_escapes_and_keeps_line_breaks():
    assert printable(f"a{RETITLE}b{CLEAR}\r\nc\rd{CSI}\te") == "a\\x1b]0;pwned\\x07b\\x1b[2J\r\nc\\x0dd\\x9b31m\te"
    assert printable("Plain text, “quoted”, naïve.") == "Plain text, “quoted”, naïve."


@pytest.mark.parametrize(
    "yaml_text",
    [
        'id: esc\ntitle: "Evil \\e]0;pwned\\a"\nturns:\n  - client: Hi\n    model_answers: [You felt it.]\n',
        'id: esc\ntitle: Fine\nturns:\n  - client: "Hi \\e[2J there"\n    model_answers: [You felt it.]\n',
        'id: esc\ntitle: Fine\n"tit\\x9ble": x\nturns:\n  - client: Hi\n    model_answers: [You felt it.]\n',
    ],
)
def test_a_scenario_with_a_control_character_is_refused_at_its_line(tmp_path, yaml_text):
    path = tmp_path / "esc.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    [problem] = load_file(path).problems
    assert "a control character (\\x" in problem.message and problem.line in (2, 3, 4)
    for command in (["list"], ["list", "--json"], ["validate", str(tmp_path)], ["calibrate", str(tmp_path)]):
        result = invoke("--scenarios", str(tmp_path), *command)
        assert result.exit_code == 1 and "esc.yaml" in result.stderr
        assert live_controls(result.output) == []


def test_a_file_name_with_an_escape_is_printed_escaped(tmp_path):
    (tmp_path / f"bad{CLEAR}.yaml").write_text("id: bad\n", encoding="utf-8")
    result = invoke("validate", str(tmp_path))
    assert result.exit_code == 1 and "bad\\x1b[2J.yaml:1: missing required key" in result.stderr
    assert live_controls(result.output) == []


def test_grade_messages_gradebook_and_report_on_standard_output_are_escaped(tmp_path):
    export = {
        "student": f"Ana{RETITLE}",
        "attempts": [
            {"scenario": "lonely-birthday", "turn": 1, "response": f"It sounds like you felt forgotten{CLEAR}."},
            {"scenario": f"nope{CLEAR}", "turn": 1, "response": "x"},
        ],
    }
    for name in ("a.json", f"b{CSI}.json"):
        (tmp_path / name).write_text(json.dumps(export), encoding="utf-8")
    gradebook = invoke("grade", str(tmp_path))
    report = invoke("grade", str(tmp_path), "-o", str(tmp_path / "grades.csv"), "--report", "-", "--names")
    for result in (gradebook, report):
        assert result.exit_code == 1 and live_controls(result.output) == []
        assert "scenario 'nope\\x1b[2J'" in result.stderr and "b\\x9b31m.json" in result.stderr
    assert "Ana\\x1b]0;pwned\\x07" in gradebook.stdout
    assert "Ana\\x1b\\]0;pwned\\x07" in report.stdout and "forgotten\\x1b\\[2J." in report.stdout  # Markdown-escaped


@pytest.fixture
def hostile_history(scenario_dir):
    """One stored response full of escapes, to a statement whose stored text has them too."""
    scenario = load_paths([scenario_dir]).get("lonely-birthday")
    response = f"You felt forgotten{RETITLE}{CLEAR}{CSI}."
    with open_store() as store:
        store.record(f"lonely{CLEAR}", 1, f"Nobody called{RETITLE}", response, score(scenario.turns[0], response), "s1")


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--format", "md"],
        ["export", "--format", "csv"],
        ["export", "--format", "json"],
        ["progress"],
        ["progress", "--json"],
        ["drill", "--plan"],
        ["forget", "--yes"],
    ],
    ids=" ".join,
)
def test_stored_text_is_printed_escaped(hostile_history, command):
    result = invoke(*command)
    assert result.exit_code == 0
    assert live_controls(result.output) == []


def test_json_keeps_the_text_whole_as_json_escapes(hostile_history):
    [attempt] = json.loads(invoke("export").stdout)["attempts"]
    assert attempt["response"] == f"You felt forgotten{RETITLE}{CLEAR}{CSI}."


def test_an_export_written_to_a_file_keeps_the_text_as_it_was(hostile_history, tmp_path):
    target = tmp_path / "out.md"
    assert invoke("export", "-o", str(target)).exit_code == 0
    assert f"You felt forgotten{RETITLE}{CLEAR}{CSI}." in target.read_text(encoding="utf-8")


def test_batch_output_escapes_every_control_character():
    row = {"id": f"x{CSI}", "client": "Nobody called.", "response": f"You felt alone{RETITLE}."}
    result = CliRunner().invoke(cli, ["score", "--batch", "-"], input=json.dumps(row) + "\n")
    assert result.exit_code == 0 and live_controls(result.stdout) == []
    assert json.loads(result.stdout)["id"] == f"x{CSI}"


def test_the_app_shows_a_problem_file_name_escaped(make_test_app, tmp_path, scenario_dir):
    (tmp_path / f"bad{CLEAR}.yaml").write_text("id: bad\n", encoding="utf-8")
    library = load_paths([scenario_dir, tmp_path])

    async def body(pilot):
        shown = text(pilot.app.screen.query_one(ProblemsPanel).query_one(Static))
        assert "bad\\x1b[2J.yaml" in shown and live_controls(shown) == []

    run_app(body, make_test_app(library=library))


def test_a_pasted_response_loses_its_control_characters(make_test_app):
    async def body(pilot):
        await pilot.press("enter")  # the first scenario, straight to its first statement
        await pilot.pause()
        box = pilot.app.screen.query_one(ResponseBox)
        pilot.app.post_message(events.Paste(f"You felt{RETITLE} alone{CSI}\nsecond line"))  # as a terminal sends it
        await pilot.pause()
        assert box.value == "You felt]0;pwned alone31m second line"  # one paragraph: the line break a space

    run_app(body, make_test_app())


def test_a_stored_scenario_id_with_an_escape_does_not_stop_the_report(hostile_history, trainer_home):
    connection = sqlite3.connect(trainer_home / DB_NAME)
    assert connection.execute("SELECT count(*) FROM attempts").fetchone() == (1,)
    connection.close()
    assert "lonely\\x1b[2J" in invoke("progress").stdout
