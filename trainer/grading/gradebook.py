"""The gradebook: one row per student and scenario, then one ``(overall)`` row per student, ready
for a spreadsheet -- and for a learning management system, which takes one number per student.

The ``(overall)`` row (its ``scenario`` cell; no scenario id has brackets) sums up all of the
student's graded responses with the same columns: its ``mean_best_score`` is the mean of the
best score of every statement the student answered, in any scenario -- the grade an LMS can
take. Statements not answered do not count against it (``statements_answered`` says how much
was done). Every student whose export was read has one, even with nothing graded: then its
means are empty and its counts 0.

Columns, in order:

- ``student``, ``scenario``;
- ``statements_answered``: how many of the scenario's statements the student answered;
- ``responses``: how many responses that took (a retry is a second response);
- ``mean_score``: the mean of all responses; ``mean_best_score``: the mean of each
  statement's best response, which does not hold practice against a student (both empty
  when nothing was graded);
- ``band_<id>``: responses per band (strong, good, developing, not_yet);
- ``roadblock_<id>``: responses with each of Gordon's roadblocks, in the order of
  ``trainer/data/roadblocks.yaml``;
- ``reflections``, ``questions`` (open and closed), and ``reflection_to_question``: the
  MITI R:Q ratio, reflections / questions, to two decimals -- left empty when there are no
  questions, because the ratio is then undefined (spreadsheets skip empty cells in averages);
- ``mean_openness_change``: the mean, over the responses, of how far each moves the client's
  openness by the conversation's rules (+1 a reflection that landed; -1 advice, information,
  reassurance, judgment, a "why" question or self-focus; 0 otherwise), from its fresh score,
  to two decimals: what the student's responses do to the client's trust;
- ``deeper_reached``: how many deeper statements the student answered -- each is said only
  when the client has opened up.

Names come from students' own files: every cell is written through the shared
``SafeCsvWriter``, so none can run as a formula.
"""

from __future__ import annotations

from collections import defaultdict
from statistics import fmean
from typing import TextIO

from trainer.grading.grade import GradedResponse, Grading
from trainer.rubric import BAND_IDS, QUESTION_KINDS
from trainer.scoring import lexicons
from trainer.spreadsheet import SafeCsvWriter


def gradebook_columns() -> list[str]:
    return [
        "student",
        "scenario",
        "statements_answered",
        "responses",
        "mean_score",
        "mean_best_score",
        *(f"band_{b}" for b in BAND_IDS),
        *(f"roadblock_{r}" for r in lexicons.roadblocks()),
        "reflections",
        "questions",
        "reflection_to_question",
        "mean_openness_change",
        "deeper_reached",
    ]


def reflection_to_question(reflections: int, questions: int) -> str:
    """MITI's R:Q to two decimals; empty when there are no questions to divide by."""
    return f"{reflections / questions:.2f}" if questions else ""


def mean_openness_change(responses: list[GradedResponse]) -> str:
    return f"{fmean(r.openness_change for r in responses):.2f}"


def deeper_reached(responses: list[GradedResponse]) -> int:
    return len({r.statement for r in responses if r.deeper})


OVERALL = "(overall)"


def _mean(values) -> str:
    values = list(values)
    return f"{fmean(values):.1f}" if values else ""


def _row(student: str, scenario: str, responses: list[GradedResponse]) -> dict:
    best: dict[tuple[str, int, bool], int] = {}
    bands: dict[str, int] = defaultdict(int)
    roadblocks: dict[str, int] = defaultdict(int)
    kinds: dict[str, int] = defaultdict(int)
    for r in responses:
        f = r.verdict
        best[r.statement] = max(best.get(r.statement, 0), f.score)
        bands[f.band] += 1
        kinds[f.kind] += 1
        for roadblock in f.roadblocks:
            roadblocks[roadblock] += 1
    questions = sum(kinds[k] for k in QUESTION_KINDS)
    return {
        "student": student,
        "scenario": scenario,
        "statements_answered": len(best),
        "responses": len(responses),
        "mean_score": _mean(r.verdict.score for r in responses),
        "mean_best_score": _mean(best.values()),
        **{f"band_{b}": bands[b] for b in BAND_IDS},
        **{f"roadblock_{r}": roadblocks[r] for r in lexicons.roadblocks()},
        "reflections": kinds["reflection"],
        "questions": questions,
        "reflection_to_question": reflection_to_question(kinds["reflection"], questions),
        "mean_openness_change": mean_openness_change(responses) if responses else "",
        "deeper_reached": deeper_reached(responses),
    }


def gradebook_rows(grading: Grading) -> list[dict]:
    """By student (every student whose export was read), each scenario in id order, then the
    student's ``(overall)`` row."""
    by_student: dict[str, dict[str, list[GradedResponse]]] = {s: defaultdict(list) for s in grading.students}
    for r in grading.responses:
        by_student[r.student][r.scenario].append(r)
    rows = []
    for student in sorted(by_student, key=lambda s: (s.casefold(), s)):
        scenarios = by_student[student]
        rows += [_row(student, scenario, scenarios[scenario]) for scenario in sorted(scenarios)]
        rows.append(_row(student, OVERALL, [r for scenario in sorted(scenarios) for r in scenarios[scenario]]))
    return rows


def write_gradebook(grading: Grading, handle: TextIO) -> None:
    columns = gradebook_columns()
    writer = SafeCsvWriter(handle, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([row[column] for column in columns] for row in gradebook_rows(grading))
