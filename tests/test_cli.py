"""The command line through its real entry point: list, validate, score, batch, calibrate.
Exit codes: 0 success, 1 the input had problems, 2 usage errors; never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from trainer.cli import cli

CLIENT = "My birthday was Saturday and nobody called."


@pytest.fixture
def run(scenario_dir):
    """Run `trainer --scenarios <test scenarios> ARGS`; bundled scenarios are loaded too."""

    def invoke(*args, input=None, own=True):
        prefix = ("--scenarios", str(scenario_dir)) if own else ()
        return CliRunner().invoke(cli, [*prefix, *args], input=input, catch_exceptions=False)

    return invoke


def test_list_as_json_has_the_contract_fields(run):
    result = run("list", "--json", own=False)
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and {"id", "title", "difficulty", "statements", "content_warnings", "path"} <= set(rows[0])
    birthday = next(r for r in rows if r["id"] == "lonely-birthday")
    assert birthday["statements"] == 4 and birthday["path"].endswith("lonely-birthday.yaml")


def test_list_reports_problems_on_stderr_and_still_lists(run, tmp_path):
    (tmp_path / "bad.yaml").write_text("id: [\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--scenarios", str(tmp_path), "list"])
    assert result.exit_code == 1
    assert "lonely-birthday" in result.stdout
    assert (
        "bad.yaml:1: this is not valid YAML: did not find expected node content -- the [ on line 1 is not closed"
        in result.stderr
    )


def test_validate_is_clean_on_good_files_and_names_each_problem(run, tmp_path, scenario_dir):
    ok = run("validate", str(scenario_dir / "warning-demo.yaml"))
    assert ok.exit_code == 0 and "All 1 scenario file valid" in ok.stdout
    (tmp_path / "typo.yaml").write_text("id: x\ntitel: X\nturns: []\n", encoding="utf-8")
    bad = run("validate", str(tmp_path))
    assert bad.exit_code == 1
    assert "typo.yaml:2: unknown key 'titel': did you mean title?" in bad.stderr
    assert "typo.yaml:3: 'turns' needs at least one entry" in bad.stderr


def test_validate_without_paths_checks_the_bundled_library(run):
    result = run("validate", own=False)
    assert result.exit_code == 0 and result.stdout.startswith("All ")


def test_score_reads_like_feedback(run):
    result = run(
        "score",
        "--client",
        CLIENT,
        "--model",
        "It sounds like you felt alone and forgotten.",
        "You felt so lonely that day.",
    )
    assert result.exit_code == 0
    first_line = result.stdout.splitlines()[0]
    assert first_line.startswith("Score ") and first_line.endswith(("Good - a reflection", "Strong - a reflection"))
    assert 'Names the feeling: "lonely", a word for feeling alone.' in result.stdout
    assert "A model answer to compare" in result.stdout


def test_score_names_advice_as_a_roadblock(run):
    result = run(
        "score",
        "--client",
        CLIENT,
        "--model",
        "It sounds like you felt alone and forgotten.",
        "--json",
        "You should just call them.",
    )
    data = json.loads(result.stdout)
    assert (data["kind"], data["band"], data["roadblocks"]) == ("advice", "not_yet", ["advising"])


def test_score_a_scenario_statement(run):
    result = run(
        "score",
        "--scenario",
        "warning-demo",
        "--turn",
        "1",
        "--json",
        "It sounds like you felt scared and stuck when he shouted last night.",
    )
    data = json.loads(result.stdout)
    assert data["band"] == "strong" and data["best_match"]["answer"]


@pytest.mark.parametrize(
    "args, code, message",
    [
        (("score",), 2, "give the RESPONSE"),
        (("score", "--client", "x", "--scenario", "warning-demo", "--turn", "1", "hi"), 2, "either --client"),
        (("score", "--scenario", "warning-demo", "hi"), 2, "--scenario needs --turn"),
        (("score", "--scenario", "nope", "--turn", "1", "hi"), 1, "no scenario with id 'nope'"),
        (("score", "--scenario", "warning-demo", "--turn", "9", "hi"), 1, "statements 1 to 2, not 9"),
        (("score", "--turn", "x", "--client", "c", "hi"), 2, "is not a valid integer"),
    ],
)
def test_score_usage_and_input_errors(run, args, code, message):
    result = run(*args)
    assert result.exit_code == code and message in result.stderr


def test_batch_scores_each_line_in_order_and_keeps_going_after_a_bad_one(run):
    lines = [
        json.dumps({"id": "a", "client": CLIENT, "response": "You felt forgotten on your birthday."}),
        "{not json",
        json.dumps({"response": "Why?"}),
        "",
        json.dumps({"scenario": "warning-demo", "turn": 2, "response": "You're not sure it's safe to say."}),
        json.dumps({"client": CLIENT, "response": "ok", "model_answers": "You felt alone."}),
        json.dumps(["a list"]),
    ]
    result = run("score", "--batch", "-", input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", 2, 3, 5, 6, 7]
    assert rows[0]["kind"] == "reflection" and rows[0]["best_match"] is None
    assert rows[1]["error"].startswith("line 2: not valid JSON")
    assert rows[2]["error"] == "line 3: each row needs 'client' (the statement) or 'scenario' and 'turn'"
    assert rows[3]["band"] in ("strong", "good") and rows[4]["band"] == "not_yet"
    assert rows[5]["error"] == "line 7: each line must be a JSON object"


# The batch output contract (README): these keys, in this order.
BATCH_KEYS = ["id", "score", "band", "kind", "outcome", "checks", "best_match", "messages", "roadblocks"]


def test_batch_output_follows_the_contract_with_how_each_response_landed(run):
    from trainer.conversation import outcome

    model = "It sounds like you felt alone and forgotten on your birthday."
    responses = [
        "It sounds like you felt alone and forgotten when nobody called on your birthday.",
        "You're upset.",
        "Why didn't you call them?",
        "You should call your mom.",
        "I know exactly how you feel, my birthday was forgotten too.",
        "lol",
    ]
    lines = [json.dumps({"client": CLIENT, "model_answers": [model], "response": r}) for r in responses]
    result = run("score", "--batch", "-", input="\n".join(lines) + "\n")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(list(row) == BATCH_KEYS for row in rows)
    assert [r["outcome"] for r in rows] == ["reflected", "partly", "questioned", "blocked", "self_focus", "other"]
    assert all(r["outcome"] == outcome(r["kind"], r["band"]) for r in rows)  # the app's rule
    assert set(json.loads(run("score", "--client", CLIENT, "--json", responses[3]).stdout)) == set(BATCH_KEYS) - {"id"}


def test_batch_from_a_file_with_every_line_good_exits_zero(run, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"client": CLIENT, "response": "You felt alone."}) + "\n", encoding="utf-8")
    result = run("score", "--batch", str(path))
    assert result.exit_code == 0 and json.loads(result.stdout)["id"] == 1


def test_batch_refuses_a_response_argument(run):
    result = run("score", "--batch", "-", "hello", input="")
    assert result.exit_code == 2


def test_a_missing_scenarios_folder_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["--scenarios", str(tmp_path / "nowhere"), "list"])
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_calibrate_reports_agreement_as_json(run, scenario_dir):
    result = run("calibrate", str(scenario_dir), "--json")
    data = json.loads(result.stdout)
    assert result.exit_code == 0
    assert data["examples"] == 15 and 0 <= data["exact"] <= data["within_one"] <= 1
    for miss in data["disagreements"]:
        assert {"scenario", "turn", "response", "expected", "band", "score", "kind", "checks"} <= set(miss)


def test_calibrate_fails_below_the_threshold(run, tmp_path):
    (tmp_path / "s.yaml").write_text(
        "id: off\ntitle: Off\nturns:\n  - client: I'm tired.\n    model_answers: [You sound worn out.]\n"
        "    examples:\n      - response: You should sleep more.\n        expect: strong\n",
        encoding="utf-8",
    )
    result = run("calibrate", str(tmp_path), "--min-agreement", "0.5")
    assert result.exit_code == 1
    assert "off statement 1: expected Strong" in result.stdout and "below 50%" in result.stderr


def test_python_dash_m_trainer_runs_the_same_command():
    result = subprocess.run([sys.executable, "-m", "trainer", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("trainer, version ")


def test_garbage_input_never_prints_a_traceback(tmp_path):
    garbage = tmp_path / "garbage.jsonl"
    garbage.write_bytes(b'\xff\xfe\x00garbage\n{"response": 5}\n')
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "score", "--batch", str(garbage)], capture_output=True, text=True
    )
    assert "Traceback" not in result.stderr
    assert result.returncode in (1, 2)
