"""One practice run through a scenario, statement by statement, at the learner's pace.

The app drives a ``PracticeSession``; the session scores each response with the one scoring
function and hands every scored attempt to a ``Recorder`` -- the seam where the progress
store plugs in. No Textual here, so every rule of the flow is tested without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from trainer.model import Scenario, Turn
from trainer.scoring import Feedback, score


@dataclass(frozen=True)
class Attempt:
    """One scored response to one statement."""

    turn_number: int  # 1-based, as the learner sees it
    response: str
    feedback: Feedback
    save_problem: str | None = None  # why the recorder could not keep it, if it could not


class Recorder(Protocol):
    """Receives every scored attempt, e.g. to keep the learner's history."""

    def record(self, scenario: str, turn_number: int, client: str, response: str,
               feedback: Feedback) -> None:
        """``scenario`` is the scenario id; ``turn_number`` counts from 1."""


class NullRecorder:
    """Keeps nothing: the recorder until a progress store is plugged in."""

    def record(self, scenario: str, turn_number: int, client: str, response: str,
               feedback: Feedback) -> None:
        return None


@dataclass(frozen=True)
class StatementRecord:
    """What happened at one statement: every try, or a skip, or nothing yet."""

    number: int
    turn: Turn
    attempts: tuple[Attempt, ...]
    skipped: bool

    @property
    def best(self) -> Attempt | None:
        """The highest-scoring try (the first of equals): what the learner showed they can do."""
        return max(self.attempts, key=lambda a: a.feedback.score, default=None)


class PracticeSession:
    """The statements of one scenario in order; the learner may try again, skip or stop."""

    def __init__(self, scenario: Scenario, recorder: Recorder | None = None):
        self.scenario = scenario
        self.recorder: Recorder = recorder or NullRecorder()
        self.index = 0
        self._attempts: list[list[Attempt]] = [[] for _ in scenario.turns]
        self._skipped: set[int] = set()

    @property
    def total(self) -> int:
        return len(self.scenario.turns)

    @property
    def finished(self) -> bool:
        return self.index >= self.total

    @property
    def number(self) -> int:
        """The current statement, counting from 1."""
        return self.index + 1

    @property
    def turn(self) -> Turn:
        return self.scenario.turns[self.index]

    @property
    def tries(self) -> tuple[Attempt, ...]:
        """The attempts at the current statement so far."""
        return tuple(self._attempts[self.index])

    @property
    def responded(self) -> int:
        """How many statements have at least one response so far."""
        return sum(1 for tries in self._attempts if tries)

    def submit(self, response: str) -> Attempt:
        """Score a response to the current statement and hand it to the recorder."""
        text = response.strip()
        if not text:
            raise ValueError("an empty response cannot be scored")
        if self.finished:
            raise RuntimeError("the scenario is finished; there is no statement to respond to")
        turn = self.turn
        feedback = score(turn, text, self.scenario.client_name)
        try:
            self.recorder.record(self.scenario.id, self.number, turn.client, text, feedback)
            problem = None
        except Exception as err:  # whatever the store does wrong, the practice goes on
            problem = str(err) or type(err).__name__
        attempt = Attempt(self.number, text, feedback, problem)
        self._attempts[self.index].append(attempt)
        return attempt

    def previous_score(self) -> int | None:
        """The score of the try before the latest at this statement (for "Try again")."""
        tries = self._attempts[self.index]
        return tries[-2].feedback.score if len(tries) >= 2 else None

    def skip(self) -> None:
        """Move on; a statement with no attempt counts as skipped."""
        if not self._attempts[self.index]:
            self._skipped.add(self.index)
        self.next()

    def next(self) -> None:
        if self.finished:
            raise RuntimeError("the scenario is already finished")
        self.index += 1

    def records(self) -> tuple[StatementRecord, ...]:
        """Every statement of the scenario, reached or not, with what happened there."""
        return tuple(
            StatementRecord(i + 1, turn, tuple(self._attempts[i]), i in self._skipped)
            for i, turn in enumerate(self.scenario.turns)
        )

    def transcript(self) -> tuple[StatementRecord, ...]:
        """The statements already left behind, in order: the conversation so far."""
        return self.records()[: self.index]
