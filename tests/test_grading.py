"""The grading core: reading exports, scoring again, the gradebook rows and the class report."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from trainer.grading import (
    class_report,
    grade,
    gradebook_columns,
    gradebook_rows,
    read_exports,
    student_labels,
    write_gradebook,
)
from trainer.grading.exports import NOT_AN_EXPORT
from trainer.grading.gradebook import reflection_to_question
from trainer.loader import load_paths
from trainer.progress.export import to_csv, to_markdown
from trainer.scoring import lexicons, score

EXPORTS = Path(__file__).parent / "fixtures" / "exports"


@pytest.fixture
def library(scenario_dir):
    return load_paths([scenario_dir])


def write_export(path: Path, attempts: list[tuple], student: str | None = "Dana") -> Path:
    """An export as 'trainer export' writes it; attempts are (scenario, turn, response) and
    optionally the client's statement as the student saw it."""
    data = {
        "exported_at": "2025-03-10T09:00:00+00:00",
        "attempts": [
            {
                "scenario": s,
                "turn": t,
                "client": client[0] if client else None,
                "response": r,
                "score": 0,
                "band": "not_yet",
                "kind": "other",
                "checks": [],
                "at": "2025-03-01T10:00:00+00:00",
            }
            for s, t, r, *client in attempts
        ],
    }
    if student is not None:
        data["student"] = student
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# ---------------------------------------------------------------------------- reading


def test_reads_the_students_name_or_else_the_file_name():
    exports, problems, notes = read_exports([EXPORTS / "alice.json", EXPORTS / "bob.json"])
    assert problems == notes == []
    assert [e.student for e in exports] == ["Alice Moreno", "bob"]
    assert len(exports[0].attempts) == 7
    first = exports[0].attempts[0]
    assert (first.number, first.scenario, first.turn) == (1, "lonely-birthday", 1)
    assert first.client.startswith("My birthday was on Saturday")


def test_a_folder_gives_its_json_files_in_order_and_each_file_once(tmp_path):
    a = write_export(tmp_path / "b.json", [], "B")
    write_export(tmp_path / "a.json", [], "A")
    (tmp_path / "notes.txt").write_text("not an export")
    exports, problems, notes = read_exports([tmp_path, a])
    assert problems == []
    assert [e.path.name for e in exports] == ["a.json", "b.json"]
    assert [(n.path.name, n.message) for n in notes] == [("notes.txt", NOT_AN_EXPORT)]


def test_a_file_that_is_not_json_is_named_with_its_line():
    exports, problems, _ = read_exports([EXPORTS / "broken.json"])
    assert exports == []
    [problem] = problems
    assert problem.path == EXPORTS / "broken.json"
    assert problem.line == 52
    assert "not valid JSON" in problem.message and "file skipped" in problem.message


@pytest.mark.parametrize(
    "content, expected",
    [
        ("[1, 2, 3]", "not an export of 'trainer export'"),
        ('{"student": "Kim"}', "not an export of 'trainer export'"),
        ('{"student": "Kim", "attempts": {}}', "'attempts' must be a list"),
        ('{"student": 7, "attempts": []}', "'student' must be a name (text), not 7"),
        ('{"attempts": ["hello"]}', "attempt 1 is not an object"),
        ('{"attempts": [{"turn": 1, "response": "x"}]}', "attempt 1: 'scenario' is missing"),
        ('{"attempts": [{"scenario": "a", "response": "x"}]}', "attempt 1: 'turn' is missing"),
        ('{"attempts": [{"scenario": "a", "turn": "2", "response": "x"}]}', "'turn' must be a whole number"),
        ('{"attempts": [{"scenario": "a", "turn": 0, "response": "x"}]}', "not 0"),
        ('{"attempts": [{"scenario": "a", "turn": true, "response": "x"}]}', "not True"),
        ('{"attempts": [{"scenario": "a", "turn": 1}]}', "attempt 1: 'response' is missing"),
        ('{"attempts": [{"scenario": "a", "turn": 1, "response": null}]}', "'response' must be text"),
        ('{"attempts": [{"scenario": "", "turn": 1, "response": "x"}]}', "'scenario' must be a scenario id"),
    ],
)
def test_a_file_of_the_wrong_shape_is_skipped_whole_with_the_reason(tmp_path, content, expected):
    path = tmp_path / "odd.json"
    path.write_text(content)
    exports, [problem], _ = read_exports([path])
    assert exports == []
    assert problem.path == path
    assert expected in problem.message


def test_a_file_that_is_not_text_is_reported(tmp_path):
    path = tmp_path / "photo.json"
    path.write_bytes(b"\xff\xd8\xff\xe0 binary")
    _, [problem], _ = read_exports([path])
    assert "not UTF-8 text" in problem.message


def test_a_missing_file_and_an_empty_folder_are_reported(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    exports, problems, _ = read_exports([tmp_path / "gone.json", empty])
    assert exports == []
    assert [(p.path, p.message) for p in problems] == [
        (tmp_path / "gone.json", "no such file or folder"),
        (empty, "no export files (*.json) in this folder"),
    ]


def other_exports(folder: Path) -> tuple[Path, Path]:
    """A Markdown and a CSV export as 'trainer export' writes them."""
    now = datetime(2025, 3, 10, 9, tzinfo=timezone.utc)
    markdown = folder / "ana.md"
    markdown.write_text(to_markdown([], "Ana Diaz", now), encoding="utf-8")
    spreadsheet = folder / "ana.csv"
    spreadsheet.write_text(to_csv([]), encoding="utf-8")
    return markdown, spreadsheet


def test_a_markdown_or_csv_export_in_a_folder_is_a_problem_that_says_what_to_hand_in(tmp_path):
    markdown, spreadsheet = other_exports(tmp_path)
    write_export(tmp_path / "bob.json", [], "Bob")
    exports, problems, notes = read_exports([tmp_path])
    assert [e.student for e in exports] == ["Bob"] and notes == []
    assert [(p.path, p.line) for p in problems] == [(spreadsheet, None), (markdown, None)]
    assert problems[1].message == (
        "a Markdown export of 'trainer export', which cannot be graded: this student's work was not graded -- "
        "ask for the JSON export: trainer export --student NAME --output NAME.json; file skipped"
    )
    assert problems[0].message.startswith("a CSV export of 'trainer export', which cannot be graded")


def test_a_markdown_export_named_on_the_command_line_gets_the_same_message(tmp_path):
    markdown, _ = other_exports(tmp_path)
    renamed = markdown.rename(tmp_path / "ana.json")  # a wrong extension does not hide what it is
    _, problems, _ = read_exports([renamed])
    assert [p.path for p in problems] == [renamed]
    assert problems[0].message.startswith("a Markdown export of 'trainer export'")


def test_a_markdown_or_csv_export_beside_the_students_json_is_only_a_note(tmp_path):
    markdown, spreadsheet = other_exports(tmp_path)
    markdown = markdown.rename(tmp_path / "transcript.md")  # found by the name in its heading
    json_export = write_export(tmp_path / "ana.json", [], "Ana Diaz")  # the CSV by its file name
    exports, problems, notes = read_exports([tmp_path])
    assert [e.student for e in exports] == ["Ana Diaz"] and problems == []
    assert [(n.path, n.message) for n in notes] == [
        (spreadsheet, f"a CSV export of 'Ana Diaz', who is graded from the JSON export {json_export}; file skipped"),
        (markdown, f"a Markdown export of 'Ana Diaz', who is graded from the JSON export {json_export}; file skipped"),
    ]


def test_every_other_file_of_a_folder_is_named_as_skipped(tmp_path):
    write_export(tmp_path / "bob.json", [], "Bob")
    for name in ("README.txt", "instructions.md", "grades.csv", ".DS_Store"):
        (tmp_path / name).write_text("student,scenario\n# Notes\n")
    exports, problems, notes = read_exports([tmp_path])
    assert len(exports) == 1 and problems == []
    assert sorted(n.path.name for n in notes) == [".DS_Store", "README.txt", "grades.csv", "instructions.md"]
    assert {n.message for n in notes} == {NOT_AN_EXPORT}


# ---------------------------------------------------------------------------- grading


def test_every_response_is_scored_again_with_the_scoring_function(library):
    grading = grade([EXPORTS / "alice.json"], library)
    assert grading.complete and grading.notes == []
    assert len(grading.responses) == 7
    for r in grading.responses:
        scenario = library.get(r.scenario)
        expected = score(scenario.turns[r.turn - 1], r.response, scenario.client_name)
        assert r.feedback == expected


def test_stored_scores_in_the_export_are_ignored(tmp_path, library):
    path = write_export(tmp_path / "dana.json", [("warning-demo", 1, "You should leave him.")])
    data = json.loads(path.read_text())
    data["attempts"][0].update(score=100, band="strong", kind="reflection")
    path.write_text(json.dumps(data))
    [response] = grade([path], library).responses
    assert response.feedback.band == "not_yet" and response.feedback.kind == "advice"


def test_unknown_scenarios_and_statements_are_skipped_and_the_rest_graded(tmp_path, library):
    path = write_export(
        tmp_path / "dana.json",
        [
            ("warning-demo", 1, "You felt scared when he shouted."),
            ("no-such-scenario", 1, "You felt alone."),
            ("no-such-scenario", 2, "You felt alone."),
            ("warning-demo", 3, "You felt unsure."),
            ("warning-demo", 9, "You felt unsure."),
        ],
    )
    grading = grade([path], library)
    assert [(r.scenario, r.turn) for r in grading.responses] == [("warning-demo", 1)]
    assert not grading.complete
    assert [str(p) for p in grading.problems] == [
        f"{path}: 2 responses to scenario 'no-such-scenario' skipped: no scenario with that id "
        "(add its folder with --scenarios DIR)",
        f"{path}: 2 responses to scenario 'warning-demo' skipped: it has statements 1 to 2, not 3, 9",
    ]


def test_a_statement_changed_since_the_student_answered_is_noted(tmp_path, library):
    path = write_export(tmp_path / "dana.json", [("warning-demo", 1, "You felt scared.", "He yelled at me yesterday.")])
    grading = grade([path], library)
    assert grading.complete and len(grading.responses) == 1
    [note] = grading.notes
    assert "scenario 'warning-demo', statement 1: the text has changed" in note.message


def test_the_same_text_with_other_line_breaks_is_not_a_change(tmp_path, library):
    path = write_export(
        tmp_path / "dana.json",
        [("warning-demo", 1, "You felt scared.", "He shouted at me again\nlast night and I just froze.  ")],
    )
    assert grade([path], library).notes == []


def test_two_files_with_one_student_name_stay_apart(tmp_path, library):
    write_export(tmp_path / "a.json", [("warning-demo", 1, "You felt scared.")], "Kim")
    write_export(tmp_path / "b.json", [("warning-demo", 1, "You felt scared.")], "Kim")
    grading = grade([tmp_path], library)
    assert grading.students == ["Kim", "Kim (b.json)"]
    assert [r.student for r in grading.responses] == ["Kim", "Kim (b.json)"]
    [note] = grading.notes
    assert "also in" in note.message and "graded as 'Kim (b.json)'" in note.message


def test_an_export_without_attempts_is_noted_not_skipped(tmp_path, library):
    write_export(tmp_path / "new.json", [], "Lee")
    grading = grade([tmp_path], library)
    assert grading.complete and grading.students == ["Lee"]
    assert "'Lee' has no attempts to grade" in grading.notes[0].message


# ---------------------------------------------------------------------------- gradebook


def test_the_gradebook_columns_follow_the_bands_and_the_roadblock_file():
    columns = gradebook_columns()
    assert columns[:6] == ["student", "scenario", "statements_answered", "responses", "mean_score", "mean_best_score"]
    assert columns[6:10] == ["band_strong", "band_good", "band_developing", "band_not_yet"]
    roadblock_ids = list(lexicons.roadblocks())
    end = 10 + len(roadblock_ids)
    assert columns[10:end] == [f"roadblock_{r}" for r in roadblock_ids]
    assert columns[end:] == [
        "reflections",
        "questions",
        "reflection_to_question",
        "mean_openness_change",
        "deeper_reached",
    ]


def test_one_row_per_student_and_scenario_with_the_counts(tmp_path, library):
    path = write_export(
        tmp_path / "dana.json",
        [
            ("warning-demo", 1, "It sounds like you felt scared and stuck when he shouted last night."),
            ("warning-demo", 1, "You should leave him."),
            ("warning-demo", 2, "Why are you telling me?"),
            ("lonely-birthday", 1, "Do you feel alone?"),
        ],
    )
    grading = grade([path], library)
    rows = {row["scenario"]: row for row in gradebook_rows(grading)}
    assert list(rows) == ["lonely-birthday", "warning-demo", "(overall)"]
    scores = [r.feedback.score for r in grading.responses]
    demo = rows["warning-demo"]
    assert demo["student"] == "Dana"
    assert (demo["statements_answered"], demo["responses"]) == (2, 3)
    assert demo["mean_score"] == f"{sum(scores[:3]) / 3:.1f}"
    assert demo["mean_best_score"] == f"{(max(scores[:2]) + scores[2]) / 2:.1f}"
    bands = [r.feedback.band for r in grading.responses[:3]]
    assert [demo[f"band_{b}"] for b in ("strong", "good", "developing", "not_yet")] == [
        bands.count(b) for b in ("strong", "good", "developing", "not_yet")
    ]
    assert demo["band_strong"] == 1 and demo["band_not_yet"] == 2
    assert demo["roadblock_advising"] == 1 and demo["roadblock_probing"] == 1
    assert sum(demo[f"roadblock_{r}"] for r in lexicons.roadblocks()) == 2
    assert (demo["reflections"], demo["questions"], demo["reflection_to_question"]) == (1, 1, "1.00")
    birthday = rows["lonely-birthday"]
    assert (birthday["reflections"], birthday["questions"], birthday["reflection_to_question"]) == (0, 1, "0.00")


def test_the_ratio_is_empty_when_there_are_no_questions(tmp_path, library):
    path = write_export(tmp_path / "dana.json", [("warning-demo", 1, "You felt scared.")])
    row, _overall = gradebook_rows(grade([path], library))
    assert (row["reflections"], row["questions"], row["reflection_to_question"]) == (1, 0, "")


def test_rows_are_sorted_by_student_then_scenario_each_student_ending_overall(library):
    rows = gradebook_rows(grade([EXPORTS], library))
    assert [(r["student"], r["scenario"]) for r in rows] == [
        ("Alice Moreno", "lonely-birthday"),
        ("Alice Moreno", "warning-demo"),
        ("Alice Moreno", "(overall)"),
        ("bob", "lonely-birthday"),
        ("bob", "warning-demo"),
        ("bob", "(overall)"),
    ]


def test_the_csv_has_the_header_and_a_row_per_student_and_scenario(library):
    out = io.StringIO()
    write_gradebook(grade([EXPORTS / "alice.json"], library), out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == gradebook_columns()
    assert [row[:4] for row in rows[1:]] == [
        ["Alice Moreno", "lonely-birthday", "4", "5"],
        ["Alice Moreno", "warning-demo", "2", "2"],
        ["Alice Moreno", "(overall)", "6", "7"],
    ]


def test_a_name_a_spreadsheet_would_run_as_a_formula_is_defused(tmp_path, library):
    path = write_export(
        tmp_path / "x.json", [("warning-demo", 1, "You felt scared.")], '=HYPERLINK("http://example.com")'
    )
    out = io.StringIO()
    write_gradebook(grade([path], library), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [row["student"] for row in rows] == ['\'=HYPERLINK("http://example.com")'] * 2


def test_the_overall_row_sums_up_every_scenario_of_the_student(tmp_path, library):
    path = write_export(
        tmp_path / "dana.json",
        [
            ("warning-demo", 1, "It sounds like you felt scared and stuck when he shouted last night."),
            ("warning-demo", 1, "You should leave him."),
            ("warning-demo", 2, "Why are you telling me?"),
            ("lonely-birthday", 1, "Do you feel alone?"),
            ("lonely-birthday", 2, "You felt forgotten."),
        ],
    )
    grading = grade([path], library)
    *scenarios, overall = gradebook_rows(grading)
    scores = [r.feedback.score for r in grading.responses]
    bests = [max(scores[0], scores[1]), scores[2], scores[3], scores[4]]
    assert (overall["student"], overall["scenario"]) == ("Dana", "(overall)")
    assert (overall["statements_answered"], overall["responses"]) == (4, 5)
    assert overall["mean_score"] == f"{sum(scores) / 5:.1f}"
    assert overall["mean_best_score"] == f"{sum(bests) / 4:.1f}"  # the grade an LMS takes
    for column in [
        "responses",
        "statements_answered",
        "band_strong",
        "band_not_yet",
        "roadblock_advising",
        "reflections",
        "questions",
        "deeper_reached",
    ]:
        assert overall[column] == sum(row[column] for row in scenarios), column
    assert overall["reflection_to_question"] == reflection_to_question(overall["reflections"], overall["questions"])


def test_a_student_with_nothing_graded_still_has_an_overall_row(tmp_path, library):
    write_export(tmp_path / "lee.json", [], "Lee")
    write_export(tmp_path / "kim.json", [("no-such-scenario", 1, "You felt alone.")], "Kim")
    rows = gradebook_rows(grade([tmp_path], library))
    assert [
        (r["student"], r["scenario"], r["responses"], r["mean_best_score"], r["mean_openness_change"]) for r in rows
    ] == [("Kim", "(overall)", 0, "", ""), ("Lee", "(overall)", 0, "", "")]


# ---------------------------------------------------------------------------- report


def test_labels_are_anonymous_stable_and_not_alphabetical():
    students = [f"Student name {i}" for i in range(30)]
    labels = student_labels(students, names=False)
    assert sorted(labels.values()) == sorted(
        f"Student {c}" for c in [*"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "AA", "AB", "AC", "AD"]
    )
    assert student_labels(list(reversed(students)), names=False) == labels
    assert [labels[s] for s in students] != [f"Student {c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"] + [
        "Student AA",
        "Student AB",
        "Student AC",
        "Student AD",
    ]
    assert student_labels(students, names=True) == {s: s for s in students}


def test_the_report_has_every_section(library):
    grading = grade([EXPORTS / "alice.json", EXPORTS / "bob.json"], library)
    report = class_report(grading)
    assert report.startswith("# Class report\n\n2 students, 2 scenarios, 11 responses graded; mean score ")
    for heading in (
        "## Score distribution",
        "## Most common roadblocks",
        "## Openness",
        "## Hardest statements",
        "## Strongest reflections",
    ):
        assert f"\n{heading}\n" in report
    assert "Strong (80-100)" in report and "Not yet (0-39)" in report and "90-100" in report
    assert "| Advising or giving solutions | 2 (18%) | 2 of 2 |" in report
    assert "> **Sam:** I don't even know why I'm telling you this." in report


def test_the_report_is_anonymous_unless_names_are_asked_for(library):
    grading = grade([EXPORTS / "alice.json", EXPORTS / "bob.json"], library)
    anonymous = class_report(grading)
    assert "Alice" not in anonymous and "bob" not in anonymous
    assert "**Student A**" in anonymous or "**Student B**" in anonymous
    named = class_report(grading, names=True)
    assert "**Alice Moreno**" in named and "Student A" not in named


def test_the_hardest_statement_comes_first(tmp_path, library):
    path = write_export(
        tmp_path / "dana.json",
        [
            ("warning-demo", 1, "It sounds like you felt scared and stuck when he shouted last night."),
            ("warning-demo", 2, "You should stop telling people things."),
        ],
    )
    report = class_report(grade([path], library))
    hardest = report.split("## Hardest statements")[1]
    assert hardest.index("statement 2") < hardest.index("statement 1")


def test_the_strongest_reflections_show_the_client_and_the_response(tmp_path, library):
    path = write_export(
        tmp_path / "dana.json",
        [
            ("warning-demo", 1, "It sounds like you felt scared and stuck when he shouted last night."),
            ("warning-demo", 1, "You felt a bit scared."),
            ("warning-demo", 2, "Why are you telling me?"),
        ],
    )
    strongest = class_report(grade([path], library)).split("## Strongest reflections")[1]
    assert "> **Response:** It sounds like you felt scared and stuck" in strongest
    assert "a bit scared" not in strongest  # one per statement: the best
    assert "Why are you telling me" not in strongest  # a question is not a reflection


SLIPPED = "It sounds like you felt scraed and stcuk when he shoutted last nigth."
CLEAN = "You felt scared."
TORN = "It sounds like you feel torn and unsure about what to do next."


def strongest_of(grading) -> list[str]:
    """The strongest-reflections section, as its numbered entries."""
    section = class_report(grading, names=True).split("## Strongest reflections")[1]
    return section.split("\n1. ", 1)[1].split("\n2. ") if "\n1. " in section else []


def test_the_strongest_reflection_shown_is_spelt_right_when_one_is(tmp_path, library):
    write_export(tmp_path / "ana.json", [("warning-demo", 1, SLIPPED)], "Ana")
    write_export(tmp_path / "bob.json", [("warning-demo", 1, CLEAN)], "Bob")
    grading = grade([tmp_path], library)
    slipped, clean = grading.responses
    assert slipped.feedback.score > clean.feedback.score  # the scorer forgives the slips
    [entry] = strongest_of(grading)
    assert f"**Bob**, score {clean.feedback.score}" in entry and "scraed" not in entry
    assert "Check the spelling" not in entry


def test_a_strongest_reflection_with_slips_is_marked_and_comes_after_clean_ones(tmp_path, library):
    write_export(tmp_path / "ana.json", [("warning-demo", 1, SLIPPED), ("warning-demo", 2, TORN)], "Ana")
    grading = grade([tmp_path], library)
    slipped, torn = grading.responses
    assert slipped.feedback.score > torn.feedback.score
    first, second = strongest_of(grading)
    assert "> **Response:** It sounds like you feel torn" in first and "Check the spelling" not in first
    assert f"> **Response:** {SLIPPED}" in second
    assert second.rstrip().endswith("Check the spelling before sharing: scraed, stcuk, shoutted, nigth.")


def test_the_clients_name_and_the_statements_words_are_not_slips(tmp_path, library):
    write_export(
        tmp_path / "ana.json",
        [("lonely-birthday", 1, "Maya, it sounds like you felt forgotten when nobody called on your birthday.")],
        "Ana",
    )
    [entry] = strongest_of(grade([tmp_path], library))
    assert "Check the spelling" not in entry


def test_student_text_cannot_break_the_markdown(tmp_path, library):
    path = write_export(
        tmp_path / "x.json",
        [
            ("warning-demo", 1, "You felt *scared* | <b>stuck</b>\t  when he shouted, # sadly."),
        ],
    )
    report = class_report(grade([path], library))
    assert r"You felt \*scared\* \| \<b\>stuck\</b\> when he shouted, \# sadly." in report


def test_the_report_names_skipped_files_only_with_names(library):
    grading = grade([EXPORTS], library)
    assert "broken.json" not in class_report(grading)
    assert "Not everything could be graded (1 problem)" in class_report(grading)
    assert "broken.json" in class_report(grading, names=True)


def test_a_report_of_nothing_says_so(tmp_path, library):
    path = write_export(tmp_path / "x.json", [], "Lee")
    report = class_report(grade([path], library))
    assert report == "# Class report\n\n1 student, 0 scenarios, 0 responses graded.\n"
