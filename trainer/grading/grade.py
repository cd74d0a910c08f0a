"""Scoring every student's responses again with the one scoring function.

The scores stored in an export came from whatever version the student ran; grading calls
``trainer.scoring.score`` afresh against the scenario in the library, so every student is
graded the same way. Responses to a scenario the library does not have, or to a statement
number (or deeper statement) it does not have, cannot be scored: they are reported and
skipped, and the rest of that student's work is still graded.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from trainer.conversation import change, outcome_of
from trainer.grading.exports import Export, ExportedAttempt, read_exports
from trainer.loader import Library, Problem
from trainer.model import Scenario
from trainer.scoring import Feedback, score
from trainer.wording import plural


@dataclass(frozen=True, slots=True)
class GradedResponse:
    student: str
    scenario: str
    turn: int  # 1-based
    response: str
    feedback: Feedback
    deeper: bool = False  # an answer to statement ``turn``'s deeper statement

    @property
    def statement(self) -> tuple[str, int, bool]:
        return self.scenario, self.turn, self.deeper

    @property
    def outcome(self) -> str:
        """How the response landed, by the rule the app uses, from the fresh score."""
        return outcome_of(self.feedback)

    @property
    def openness_change(self) -> int:
        """How far the response moves the client's openness by the conversation's rules
        (+1, 0 or -1), before the 1-5 limits: what the response does to trust."""
        return change(self.outcome, self.feedback.roadblocks)


@dataclass
class Grading:
    """Everything graded, in input order, and what was skipped or worth a note."""

    responses: list[GradedResponse] = field(default_factory=list)
    students: list[str] = field(default_factory=list)  # every student whose file was read
    scenarios: dict[str, Scenario] = field(default_factory=dict)  # the ones answered
    problems: list[Problem] = field(default_factory=list)  # something was skipped
    notes: list[Problem] = field(default_factory=list)  # graded, but worth knowing

    @property
    def complete(self) -> bool:
        return not self.problems


def _same_text(a: str, b: str) -> bool:
    return a.split() == b.split()


def _numbers(values: Iterable[int]) -> str:
    return ", ".join(str(v) for v in sorted(set(values)))


def _unique_name(export: Export, taken: dict[str, Path], notes: list[Problem]) -> str:
    """Two files with one name stay apart (a re-export would otherwise count twice)."""
    name = export.student
    if name in taken:
        renamed = f"{name} ({export.path.name})"
        notes.append(
            Problem(export.path, None, f"the student '{name}' is also in {taken[name]}; graded as '{renamed}'")
        )
        name = renamed
    taken[name] = export.path
    return name


class _Grader:
    """Scores attempts, each distinct (scenario, statement, response) once."""

    def __init__(self, library: Library):
        self.scenarios = {s.id: s for s in library.scenarios}
        self.cache: dict[tuple[str, int, bool, str], Feedback] = {}

    def grade(self, export: Export, student: str, grading: Grading) -> None:
        unknown: dict[str, int] = defaultdict(int)
        out_of_range: dict[str, list[int]] = defaultdict(list)
        no_deeper: dict[str, list[int]] = defaultdict(list)
        changed: dict[str, list[int]] = defaultdict(list)
        for attempt in export.attempts:
            scenario = self.scenarios.get(attempt.scenario)
            if scenario is None:
                unknown[attempt.scenario] += 1
            elif attempt.turn > len(scenario.turns):
                out_of_range[attempt.scenario].append(attempt.turn)
            elif (statement := scenario.statement(attempt.turn, attempt.deeper)) is None:
                no_deeper[attempt.scenario].append(attempt.turn)
            else:
                grading.scenarios.setdefault(scenario.id, scenario)
                grading.responses.append(self._score(student, scenario, attempt))
                if attempt.client is not None and not any(
                    _same_text(attempt.client, text) for text in statement.wordings
                ):
                    changed[scenario.id].append(attempt.turn)
        for scenario_id, count in unknown.items():
            grading.problems.append(
                Problem(
                    export.path,
                    None,
                    f"{plural(count, 'response')} to scenario '{scenario_id}' skipped: "
                    "no scenario with that id (add its folder with --scenarios DIR)",
                )
            )
        for scenario_id, turns in out_of_range.items():
            size = len(self.scenarios[scenario_id].turns)
            grading.problems.append(
                Problem(
                    export.path,
                    None,
                    f"{plural(len(turns), 'response')} to scenario '{scenario_id}' "
                    f"skipped: it has statements 1 to {size}, not {_numbers(turns)}",
                )
            )
        for scenario_id, turns in no_deeper.items():
            grading.problems.append(
                Problem(
                    export.path,
                    None,
                    f"{plural(len(turns), 'response')} to scenario '{scenario_id}' skipped: statement "
                    f"{_numbers(turns)} has no deeper statement (any more)",
                )
            )
        for scenario_id, turns in changed.items():
            grading.notes.append(
                Problem(
                    export.path,
                    None,
                    f"scenario '{scenario_id}', statement {_numbers(turns)}: the text has changed since "
                    "the student answered; graded against the current text",
                )
            )

    def _score(self, student: str, scenario: Scenario, attempt: ExportedAttempt) -> GradedResponse:
        key = (scenario.id, attempt.turn, attempt.deeper, attempt.response)
        feedback = self.cache.get(key)
        if feedback is None:
            feedback = self.cache[key] = score(
                scenario.statement(attempt.turn, attempt.deeper), attempt.response, scenario.client_name
            )
        return GradedResponse(student, scenario.id, attempt.turn, attempt.response, feedback, attempt.deeper)


def grade(paths: Iterable[str | Path], library: Library) -> Grading:
    """Read the exports under ``paths`` and score every response against ``library``."""
    exports, problems, notes = read_exports(paths)
    grading = Grading(problems=problems, notes=notes)
    grader = _Grader(library)
    taken: dict[str, Path] = {}
    for export in exports:
        student = _unique_name(export, taken, grading.notes)
        grading.students.append(student)
        if not export.attempts:
            grading.notes.append(Problem(export.path, None, f"'{student}' has no attempts to grade"))
        grader.grade(export, student, grading)
    return grading
