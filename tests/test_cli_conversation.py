"""The conversation on the command line: deeper statements in `trainer score` and its batch,
`trainer calibrate` and `trainer grade`; how a response landed in the readable score."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from conftest import FIXTURES
from test_grading import write_export
from test_session_conversation import ADVICE, REFLECT, WHY

from trainer.cli import cli
from trainer.grading import class_report, grade, gradebook_rows
from trainer.loader import load_paths

CONVERSATION = FIXTURES / "conversation"


def run(*args, input=None):
    return CliRunner().invoke(
        cli, ["--scenarios", str(CONVERSATION), *map(str, args)], input=input, catch_exceptions=False
    )


@pytest.fixture(scope="module")
def library():
    return load_paths([CONVERSATION])


def test_score_says_how_the_response_landed_and_what_it_does_to_openness():
    result = run("score", "--scenario", "drifting-apart", "--turn", "2", WHY)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == (
        "Landed: questioned -- an open or closed question, a 'why' among them; in a conversation, openness -1"
    )


def test_score_and_batch_reach_a_deeper_statement():
    single = json.loads(
        run("score", "--scenario", "drifting-apart", "--turn", "2", "--deeper", "--json", REFLECT[2]).stdout
    )
    assert (single["band"], single["outcome"]) == ("strong", "reflected")
    rows = [
        {"scenario": "drifting-apart", "turn": 2, "deeper": True, "response": REFLECT[2]},
        {"scenario": "drifting-apart", "turn": 1, "deeper": True, "response": REFLECT[0]},
        {"scenario": "drifting-apart", "turn": 2, "deeper": "yes", "response": REFLECT[2]},
    ]
    result = run("score", "--batch", "-", input="\n".join(map(json.dumps, rows)) + "\n")
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 1
    assert out[0]["score"] == single["score"]
    assert out[1]["error"] == "line 2: statement 1 of scenario 'drifting-apart' has no deeper statement"
    assert out[2]["error"] == "line 3: 'deeper' must be true or false"


def test_deeper_needs_a_scenario_statement():
    result = run("score", "--client", "x", "--deeper", "hello")
    assert result.exit_code == 2 and "--deeper needs --scenario ID --turn N" in result.stderr


def test_calibrate_scores_the_examples_of_deeper_statements_too(tmp_path):
    data = json.loads(run("calibrate", CONVERSATION, "--json").stdout)
    assert data["examples"] == 12  # three statements and one deeper statement, three examples each
    text = (CONVERSATION / "drifting-apart.yaml").read_text(encoding="utf-8")
    off = text.replace(
        "You felt like the extra one.\n          expect: developing",
        "You felt like the extra one.\n          expect: strong",
    )
    (tmp_path / "off.yaml").write_text(off, encoding="utf-8")
    result = CliRunner().invoke(cli, ["calibrate", str(tmp_path), "--min-agreement", "0"])
    assert "drifting-apart statement 2 (deeper): expected Strong" in result.stdout
    miss = json.loads(CliRunner().invoke(cli, ["calibrate", str(tmp_path), "--json"]).stdout)["disagreements"]
    assert [(m["turn"], m["deeper"]) for m in miss] == [(2, True)]


def test_grading_scores_a_deeper_statement_against_it_and_counts_it_reached(tmp_path, library):
    scenario = library.get("drifting-apart")
    path = write_export(
        tmp_path / "dana.json",
        [
            ("drifting-apart", 1, REFLECT[0]),
            ("drifting-apart", 2, REFLECT[1]),
            ("drifting-apart", 2, REFLECT[2], scenario.turns[1].deeper.client),
            ("drifting-apart", 3, ADVICE, scenario.turns[2].guarded),
        ],
    )  # the guarded text is no change
    data = json.loads(path.read_text(encoding="utf-8"))
    data["attempts"][2]["deeper"] = True
    path.write_text(json.dumps(data), encoding="utf-8")
    grading = grade([path], library)
    assert grading.problems == [] and grading.notes == []
    deeper = grading.responses[2]
    assert deeper.deeper and deeper.feedback.band == "strong" and deeper.outcome == "reflected"
    row, overall = gradebook_rows(grading)
    assert overall == {**row, "scenario": "(overall)"}  # one scenario: the overall row says the same
    assert row["statements_answered"] == 4 and row["deeper_reached"] == 1
    assert row["mean_openness_change"] == "0.50"  # +1 +1 +1 -1 over four responses
    report = class_report(grading)
    assert "| Student A | 4 | 0.50 | 1 |" in report
    assert "statement 2 (deeper)" in report


def test_grading_skips_an_answer_to_a_deeper_statement_that_is_not_there(tmp_path, library):
    path = write_export(tmp_path / "dana.json", [("drifting-apart", 1, REFLECT[0]), ("drifting-apart", 1, WHY)])
    data = json.loads(path.read_text(encoding="utf-8"))
    data["attempts"][1]["deeper"] = True
    path.write_text(json.dumps(data), encoding="utf-8")
    grading = grade([path], library)
    assert len(grading.responses) == 1
    assert [p.message for p in grading.problems] == [
        "1 response to scenario 'drifting-apart' skipped: statement 1 has no deeper statement (any more)"
    ]


def test_an_export_with_a_deeper_flag_that_is_not_true_or_false_is_skipped(tmp_path, library):
    path = write_export(tmp_path / "dana.json", [("drifting-apart", 2, REFLECT[2])])
    data = json.loads(path.read_text(encoding="utf-8"))
    data["attempts"][0]["deeper"] = "yes"
    path.write_text(json.dumps(data), encoding="utf-8")
    [problem] = grade([path], library).problems
    assert "attempt 1: 'deeper' must be true or false, not 'yes'; file skipped" in problem.message


def test_the_gradebook_csv_has_the_openness_columns(tmp_path):
    path = write_export(tmp_path / "dana.json", [("drifting-apart", 1, ADVICE), ("drifting-apart", 2, WHY)])
    result = run("grade", path)
    row, _overall = list(csv.DictReader(io.StringIO(result.stdout)))
    assert (row["mean_openness_change"], row["deeper_reached"]) == ("-1.00", "0")
