"""Scoring every student's responses again with the one scoring function.

The scores stored in an export came from whatever version the student ran; grading calls
``trainer.scoring.score`` afresh against the scenario in the library, so every student is
graded the same way. Responses to a scenario the library does not have, or to a statement
number (or deeper statement) it does not have, cannot be scored: they are reported and
skipped, and the rest of that student's work is still graded.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from trainer.conversation import change, outcome_of
from trainer.grading.exports import Export, ExportReading
from trainer.loader import Library, Problem
from trainer.model import DeeperStatement, Scenario, Statement
from trainer.progress.export_format import ExportedAttempt
from trainer.scoring import Feedback, score
from trainer.wording import plural


@dataclass(frozen=True, slots=True)
class Verdict:
    """What grading keeps of a response's ``Feedback``: all that the gradebook and the report
    read. A Feedback, with its checks and messages, is some 2.5 KB; a class of 100,000 responses
    keeps these instead, and one of each that are alike."""

    score: int
    band: str
    kind: str
    roadblocks: tuple[str, ...]
    outcome: str  # how the response landed, by the rule the app uses
    # How far the response moves the client's openness by the conversation's rules (+1, 0 or
    # -1), before the 1-5 limits: what the response does to trust.
    openness_change: int

    @classmethod
    def of(cls, feedback: Feedback) -> Verdict:
        landed = outcome_of(feedback)
        return cls(
            feedback.score,
            feedback.band,
            feedback.kind,
            feedback.roadblocks,
            landed,
            change(landed, feedback.roadblocks),
        )


@dataclass(frozen=True, slots=True)
class GradedResponse:
    student: str
    scenario: str
    turn: int  # 1-based
    response: str
    verdict: Verdict  # of the fresh score
    answered: Statement | DeeperStatement  # the statement, as the library has it
    client_name: str
    deeper: bool = False  # an answer to statement ``turn``'s deeper statement

    @property
    def statement(self) -> tuple[str, int, bool]:
        return self.scenario, self.turn, self.deeper

    @property
    def outcome(self) -> str:
        return self.verdict.outcome

    @property
    def openness_change(self) -> int:
        return self.verdict.openness_change

    @property
    def feedback(self) -> Feedback:
        """The whole feedback, scored again: grading keeps only the verdict, and the scorer gives
        the same feedback for the same response, always."""
        return score(self.answered, self.response, self.client_name)


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
        self.verdicts: dict[tuple[str, int, bool], dict[str, Verdict]] = defaultdict(dict)  # by statement, response
        self.alike: dict[Verdict, Verdict] = {}
        self.wordings: dict[tuple[str, int, bool], dict[str, bool]] = defaultdict(dict)  # by statement, as seen

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
                grading.responses.append(self._graded(student, scenario, statement, attempt))
                if attempt.client is not None and self._changed(attempt, statement, attempt.client):
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

    def _changed(self, attempt: ExportedAttempt, statement: Statement | DeeperStatement, client: str) -> bool:
        """Whether the statement's text has changed since the student saw it as ``client``."""
        seen = self.wordings[attempt.scenario, attempt.turn, attempt.deeper]
        if client not in seen:
            seen[client] = not any(_same_text(client, text) for text in statement.wordings)
        return seen[client]

    def _graded(
        self, student: str, scenario: Scenario, statement: Statement | DeeperStatement, attempt: ExportedAttempt
    ) -> GradedResponse:
        seen = self.verdicts[scenario.id, attempt.turn, attempt.deeper]
        verdict = seen.get(attempt.response)
        if verdict is None:
            verdict = Verdict.of(score(statement, attempt.response, scenario.client_name))
            verdict = seen[attempt.response] = self.alike.setdefault(verdict, verdict)
        return GradedResponse(
            student,
            scenario.id,
            attempt.turn,
            attempt.response,
            verdict,
            statement,
            scenario.client_name,
            attempt.deeper,
        )


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Grading keeps a result for every response, and none is in a reference cycle: the cycle
    collector would walk them again and again and find next to nothing (some 5% of the time of
    grading a class of 100,000). It is paused meanwhile, then left as it was."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def grade(paths: Iterable[str | Path], library: Library) -> Grading:
    """Read the exports under ``paths`` and score every response against ``library``: one export
    at a time, each let go once graded."""
    reading = ExportReading(paths)
    grading = Grading()
    grader = _Grader(library)
    taken: dict[str, Path] = {}
    with _cycle_collector_paused():
        for export in reading:
            student = _unique_name(export, taken, grading.notes)
            grading.students.append(student)
            if not export.attempts:
                grading.notes.append(Problem(export.path, None, f"'{student}' has no attempts to grade"))
            grader.grade(export, student, grading)
    # What reading found is said first, as when every file was read before any was graded.
    grading.problems[:0] = reading.problems
    grading.notes[:0] = reading.notes
    return grading
