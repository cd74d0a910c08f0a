"""``trainer grade`` through the real entry point."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import datetime, timezone
from pathlib import Path

from click.testing import CliRunner

from trainer.cli import cli
from trainer.grading import gradebook_columns

EXPORTS = Path(__file__).parent / "fixtures" / "exports"


def run(scenario_dir, *args):
    return CliRunner().invoke(cli, ["--scenarios", str(scenario_dir), "grade", *map(str, args)])


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_two_students_and_a_broken_file(scenario_dir, tmp_path):
    """The issue's 'done means': a gradebook, a readable report, the broken file named, exit 1."""
    grades, report = tmp_path / "grades.csv", tmp_path / "report.md"
    result = run(scenario_dir, EXPORTS, "--output", grades, "--report", report)
    assert result.exit_code == 1
    assert f"{EXPORTS / 'broken.json'}:52: not valid JSON" in result.stderr
    assert "Graded 2 students: 11 responses to 2 scenarios; 1 problem above" in result.stderr
    assert result.stdout == ""
    with open(grades, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["student"], r["scenario"]) for r in rows] == [
        ("Alice Moreno", "lonely-birthday"),
        ("Alice Moreno", "warning-demo"),
        ("Alice Moreno", "(overall)"),
        ("bob", "lonely-birthday"),
        ("bob", "warning-demo"),
        ("bob", "(overall)"),
    ]
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# Class report\n\n2 students, 2 scenarios, 11 responses graded")
    for heading in ("Score distribution", "Most common roadblocks", "Hardest statements", "Strongest reflections"):
        assert f"\n## {heading}\n" in text
    assert "Alice" not in text


def test_the_gradebook_goes_to_standard_output_by_default(scenario_dir):
    result = run(scenario_dir, EXPORTS / "alice.json", EXPORTS / "bob.json")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == ",".join(gradebook_columns())
    rows = csv_rows(result.stdout)
    assert len(rows) == 6 and rows[0]["statements_answered"] == "4" and rows[0]["responses"] == "5"
    assert "Add --report report.md for the class report." in result.stderr


def test_the_report_can_go_to_standard_output_with_names(scenario_dir, tmp_path):
    result = run(scenario_dir, EXPORTS / "alice.json", "--output", tmp_path / "g.csv", "--report", "-", "--names")
    assert result.exit_code == 0
    assert result.stdout.startswith("# Class report\n")
    assert "**Alice Moreno**" in result.stdout
    assert (tmp_path / "g.csv").read_text().startswith("student,scenario,")


def test_output_and_report_cannot_share_a_place(scenario_dir, tmp_path):
    for output, report in (("-", "-"), (tmp_path / "x", tmp_path / "x")):
        result = run(scenario_dir, EXPORTS / "alice.json", "--output", output, "--report", report)
        assert result.exit_code == 2
        assert "--output and --report must go to different places" in result.stderr


def test_no_path_is_a_usage_error(scenario_dir):
    result = run(scenario_dir)
    assert result.exit_code == 2
    assert "Missing argument 'FILE|DIR...'" in result.stderr


def test_a_missing_file_is_named_and_the_rest_graded(scenario_dir, tmp_path):
    result = run(scenario_dir, tmp_path / "gone.json", EXPORTS / "bob.json")
    assert result.exit_code == 1
    assert f"{tmp_path / 'gone.json'}: no such file or folder" in result.stderr
    assert {r["student"] for r in csv_rows(result.stdout)} == {"bob"}


def test_an_empty_folder_is_named(scenario_dir, tmp_path):
    result = run(scenario_dir, tmp_path)
    assert result.exit_code == 1
    assert f"{tmp_path}: no export files (*.json) in this folder" in result.stderr
    assert result.stdout == ",".join(gradebook_columns()) + "\n"


def test_a_file_of_the_wrong_shape_is_named(scenario_dir, tmp_path):
    (tmp_path / "list.json").write_text("[]")
    result = run(scenario_dir, tmp_path / "list.json", EXPORTS / "alice.json")
    assert result.exit_code == 1
    assert f"{tmp_path / 'list.json'}: this is not an export of 'trainer export'" in result.stderr
    assert {r["student"] for r in csv_rows(result.stdout)} == {"Alice Moreno"}


def test_an_unknown_scenario_and_a_bad_statement_are_named(scenario_dir, tmp_path):
    path = tmp_path / "dana.json"
    path.write_text(
        '{"student": "Dana", "attempts": ['
        '{"scenario": "ghost", "turn": 1, "response": "You felt alone."},'
        '{"scenario": "warning-demo", "turn": 7, "response": "You felt alone."},'
        '{"scenario": "warning-demo", "turn": 1, "response": "You felt scared."}]}'
    )
    result = run(scenario_dir, path)
    assert result.exit_code == 1
    assert f"{path}: 1 response to scenario 'ghost' skipped: no scenario with that id" in result.stderr
    assert f"{path}: 1 response to scenario 'warning-demo' skipped: it has statements 1 to 2, not 7" in result.stderr
    row, overall = csv_rows(result.stdout)
    assert (row["student"], row["scenario"], row["responses"]) == ("Dana", "warning-demo", "1")
    assert (overall["scenario"], overall["responses"]) == ("(overall)", "1")


def test_an_unwritable_output_is_a_clear_message(scenario_dir, tmp_path):
    result = run(scenario_dir, EXPORTS / "alice.json", "--output", tmp_path / "no" / "such" / "g.csv")
    assert result.exit_code == 1
    assert (
        f"trainer grade: cannot write {tmp_path / 'no' / 'such' / 'g.csv'}: No such file or directory" in result.stderr
    )
    assert "Traceback" not in result.output


def test_a_markdown_export_is_named_with_what_to_hand_in_and_exit_1(scenario_dir, tmp_path):
    from trainer.progress.export import to_markdown

    shutil.copy(EXPORTS / "alice.json", tmp_path)
    markdown = tmp_path / "bob.md"
    markdown.write_text(to_markdown([], "bob", datetime(2025, 3, 10, tzinfo=timezone.utc)), encoding="utf-8")
    result = run(scenario_dir, tmp_path)
    assert result.exit_code == 1
    assert (
        f"{markdown}: a Markdown export of 'trainer export', which cannot be graded: this student's work "
        "was not graded -- ask for the JSON export: trainer export --student NAME --output NAME.json; "
        "file skipped"
    ) in result.stderr
    assert {r["student"] for r in csv_rows(result.stdout)} == {"Alice Moreno"}


def test_other_files_of_a_folder_are_named_but_leave_exit_0(scenario_dir, tmp_path):
    shutil.copy(EXPORTS / "alice.json", tmp_path)
    (tmp_path / "README.txt").write_text("Week 3 hand-ins")
    result = run(scenario_dir, tmp_path)
    assert result.exit_code == 0, result.output
    assert (
        f"{tmp_path / 'README.txt'}: not an export (trainer grade reads the JSON of 'trainer export', "
        "*.json); file skipped"
    ) in result.stderr
