"""One practice run, statement by statement, at the learner's pace: a scenario's, or a drill's.

The app drives a ``PracticeSession``; the session scores each response with the one scoring
function and hands every scored attempt, and every move on, to a ``Recorder`` -- the seam
where the progress store plugs in. A scenario run left part-way comes back with
``PracticeSession.resumed``. No Textual here, so every rule of the flow is tested without a
terminal.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from trainer.model import Scenario, Turn
from trainer.scoring import Feedback, score


@dataclass(frozen=True)
class Step:
    """One client statement to respond to: statement ``number`` (1-based) of ``scenario``."""

    scenario: Scenario
    number: int
    reason: str = ""  # why a drill brought it back, in words for the learner

    @property
    def turn(self) -> Turn:
        return self.scenario.turns[self.number - 1]


def scenario_steps(scenario: Scenario) -> tuple[Step, ...]:
    """Every statement of ``scenario``, in order."""
    return tuple(Step(scenario, number) for number in range(1, len(scenario.turns) + 1))


@dataclass(frozen=True)
class Attempt:
    """One scored response to one statement."""

    turn_number: int  # the statement's number in its scenario, 1-based, as the learner sees it
    response: str
    feedback: Feedback
    save_problem: str | None = None  # why the recorder could not keep it, if it could not
    wins: tuple[str, ...] = ()  # small wins the recorder noticed, to be said to the learner


class Recorder(Protocol):
    """Receives every scored attempt, e.g. to keep the learner's history."""

    def record(self, scenario: str, turn_number: int, client: str, response: str,
               feedback: Feedback) -> Sequence[str] | None:
        """``scenario`` is the scenario id; ``turn_number`` counts from 1.

        Returns what is worth saying about the attempt (small wins), if anything; raises
        when the attempt could not be kept.
        """

    def moved_on(self, count: int) -> None:
        """The learner has moved on from ``count`` statements of the run (answered or skipped)."""


class NullRecorder:
    """Keeps nothing: the recorder until a progress store is plugged in."""

    def record(self, scenario: str, turn_number: int, client: str, response: str,
               feedback: Feedback) -> None:
        return None

    def moved_on(self, count: int) -> None:
        return None


@dataclass(frozen=True)
class StatementRecord:
    """What happened at one statement of the run: every try, or a skip, or nothing yet."""

    number: int  # the position in the run, 1-based
    turn: Turn
    attempts: tuple[Attempt, ...]
    skipped: bool
    scenario: Scenario | None = None  # where the statement comes from

    @property
    def best(self) -> Attempt | None:
        """The highest-scoring try (the first of equals): what the learner showed they can do."""
        return max(self.attempts, key=lambda a: a.feedback.score, default=None)


class PracticeSession:
    """Statements in order; the learner may try again, skip or stop.

    A scenario run (``for_scenario``) goes through one scenario and knows it as ``scenario``;
    a drill goes through statements of several, and its ``scenario`` is None.
    """

    def __init__(self, steps: Sequence[Step], recorder: Recorder | None = None, *,
                 scenario: Scenario | None = None):
        if not steps:
            raise ValueError("a practice run needs at least one statement")
        self.steps = tuple(steps)
        self.scenario = scenario
        self.recorder: Recorder = recorder or NullRecorder()
        self.index = 0
        self._attempts: list[list[Attempt]] = [[] for _ in self.steps]
        self._skipped: set[int] = set()

    @classmethod
    def for_scenario(cls, scenario: Scenario, recorder: Recorder | None = None) -> PracticeSession:
        return cls(scenario_steps(scenario), recorder, scenario=scenario)

    @classmethod
    def resumed(cls, scenario: Scenario, recorder: Recorder | None, answers: Iterable[tuple[int, str]],
                moved_on: int) -> PracticeSession:
        """A run of ``scenario`` left part-way, back where the learner stopped.

        ``answers`` are its responses so far, (statement number, response), oldest first; each
        is scored again by the one scoring function (so its feedback is what was shown), and
        none is recorded again. The statements before ``moved_on`` without an answer were skipped.
        """
        session = cls.for_scenario(scenario, recorder)
        if not 0 <= moved_on < session.total:
            raise ValueError(f"a run of {session.total} statements cannot resume after {moved_on}")
        for number, response in answers:
            step = session.steps[number - 1]
            session._attempts[number - 1].append(Attempt(number, response, session._score(step, response)))
        session.index = moved_on
        session._skipped = {i for i in range(moved_on) if not session._attempts[i]}
        return session

    @property
    def is_drill(self) -> bool:
        return self.scenario is None

    @property
    def total(self) -> int:
        return len(self.steps)

    @property
    def finished(self) -> bool:
        return self.index >= self.total

    @property
    def number(self) -> int:
        """The current statement's place in the run, counting from 1."""
        return self.index + 1

    @property
    def step(self) -> Step:
        return self.steps[self.index]

    @property
    def turn(self) -> Turn:
        return self.step.turn

    @property
    def client_name(self) -> str:
        """Who says the current statement."""
        return self.step.scenario.client_name

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
            raise RuntimeError("the run is finished; there is no statement to respond to")
        step = self.step
        feedback = self._score(step, text)
        try:
            wins = tuple(self.recorder.record(step.scenario.id, step.number, step.turn.client, text,
                                              feedback) or ())
            problem = None
        except Exception as err:  # whatever the store does wrong, the practice goes on
            wins, problem = (), str(err) or type(err).__name__
        attempt = Attempt(step.number, text, feedback, problem, wins)
        self._attempts[self.index].append(attempt)
        return attempt

    @staticmethod
    def _score(step: Step, text: str) -> Feedback:
        return score(step.turn, text, step.scenario.client_name)

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
            raise RuntimeError("the run is already finished")
        self.index += 1
        self.recorder.moved_on(self.index)

    def records(self) -> tuple[StatementRecord, ...]:
        """Every statement of the run, reached or not, with what happened there."""
        return tuple(
            StatementRecord(i + 1, step.turn, tuple(self._attempts[i]), i in self._skipped, step.scenario)
            for i, step in enumerate(self.steps)
        )

    def transcript(self) -> tuple[StatementRecord, ...]:
        """The statements already left behind, in order: the conversation so far."""
        return self.records()[: self.index]
