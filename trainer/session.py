"""One practice run, statement by statement, at the learner's pace: a scenario's, or a drill's.

The app drives a ``PracticeSession``; the session scores each response with the one scoring
function and hands every scored attempt, and every move on, to a ``Recorder`` -- the seam
where the progress store plugs in. A scenario run left part-way comes back with
``PracticeSession.resumed``. No Textual here, so every rule of the flow is tested without a
terminal.

A scenario run is a conversation (``trainer.conversation`` has the rules): each response gets
the client's reaction, and the client's openness moves once per statement, by the response the
learner moves on with (trying again replaces the statement's reaction; a skip or a hint moves
nothing). A statement that comes up while openness is low is said in its guarded version; a
deeper statement joins the run right after its statement when openness is high after it. A
drill takes statements out of their conversations: reactions, but no openness.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from trainer import conversation
from trainer.conversation import Exchange
from trainer.model import DeeperStatement, Scenario, Statement
from trainer.scoring import Feedback, score


@dataclass(frozen=True)
class StatementInRun:
    """One client statement to respond to: statement ``number`` (1-based) of ``scenario``, or
    the deeper statement that statement leads to."""

    scenario: Scenario
    number: int
    reason: str = ""  # why a drill brought it back, in words for the learner
    deeper: bool = False

    @property
    def statement(self) -> Statement | DeeperStatement:
        own = self.scenario.turns[self.number - 1]
        return own.deeper if self.deeper and own.deeper is not None else own

    def said(self, openness: int | None) -> str:
        """The words the client says when the statement comes up at ``openness``."""
        statement = self.statement
        if not self.deeper and statement.guarded and openness is not None and conversation.says_guarded(openness):
            return statement.guarded
        return statement.client


def scenario_steps(scenario: Scenario) -> tuple[StatementInRun, ...]:
    """Every statement of ``scenario``, in order."""
    return tuple(StatementInRun(scenario, number) for number in range(1, len(scenario.turns) + 1))


@dataclass(frozen=True)
class Try:
    """One scored response to one statement."""

    statement_number: int  # the statement's number in its scenario, 1-based, as the learner sees it
    response: str
    feedback: Feedback
    save_problem: str | None = None  # why the recorder could not keep it, if it could not
    wins: tuple[str, ...] = ()  # small wins the recorder noticed, to be said to the learner
    exchange: Exchange | None = None  # how the client took it (always set by a session)
    deeper: bool = False  # an answer to the deeper statement of statement ``statement_number``


class Recorder(Protocol):
    """Receives every scored attempt, e.g. to keep the learner's history."""

    def record(
        self,
        scenario: str,
        statement_number: int,
        client: str,
        response: str,
        feedback: Feedback,
        *,
        deeper: bool = False,
        exchange: Exchange | None = None,
    ) -> Sequence[str] | None:
        """``scenario`` is the scenario id; ``statement_number`` counts from 1, and ``deeper`` says
        it is that statement's deeper statement; ``client`` is what the client said (the
        guarded version when that was said); ``exchange`` is how the client took the response.

        Returns what is worth saying about the attempt (small wins), if anything; raises
        when the attempt could not be kept.
        """

    def moved_on(self, count: int) -> None:
        """The learner has left ``count`` statements behind (``PracticeSession.moved_on``)."""


class NullRecorder:
    """Keeps nothing: the recorder until a progress store is plugged in."""

    def record(
        self,
        scenario: str,
        statement_number: int,
        client: str,
        response: str,
        feedback: Feedback,
        *,
        deeper: bool = False,
        exchange: Exchange | None = None,
    ) -> None:
        return None

    def moved_on(self, count: int) -> None:
        return None


@dataclass(frozen=True)
class StatementRecord:
    """What happened at one statement of the run: every try, or a skip, or nothing yet."""

    number: int  # the position in the run, 1-based
    statement: Statement | DeeperStatement
    attempts: tuple[Try, ...]
    skipped: bool
    scenario: Scenario | None = None  # where the statement comes from
    deeper: bool = False  # the deeper statement of its scenario statement
    said: str = ""  # the words the client said (the guarded version, when that was said)
    openness: int | None = None  # the client's openness as the statement came up
    statement_number: int = 0  # its number in its scenario (a deeper statement: its statement's)

    @property
    def words(self) -> str:
        """What the client said: ``said``, or the statement's plain words when not given."""
        return self.said or self.statement.client

    @property
    def best(self) -> Try | None:
        """The highest-scoring try (the first of equals): what the learner showed they can do."""
        return max(self.attempts, key=lambda a: a.feedback.score, default=None)

    @property
    def moved_on_with(self) -> Try | None:
        """The last try: the response the conversation went on with, and the client reacted to."""
        return self.attempts[-1] if self.attempts else None

    @property
    def guarded(self) -> bool:
        """Whether the client said the guarded version of the statement."""
        return not self.deeper and self.statement.guarded is not None and self.words == self.statement.guarded

    @property
    def openness_after(self) -> int | None:
        """Openness once the learner moved on: moved by the last try, unchanged by a skip."""
        last = self.moved_on_with
        return last.exchange.openness_after if last is not None and last.exchange else self.openness


class PracticeSession:
    """Statements in order; the learner may try again, skip or stop.

    A scenario run (``for_scenario``) goes through one scenario and knows it as ``scenario``;
    a drill goes through statements of several, and its ``scenario`` is None.
    """

    def __init__(
        self, steps: Sequence[StatementInRun], recorder: Recorder | None = None, *, scenario: Scenario | None = None
    ):
        if not steps:
            raise ValueError("a practice run needs at least one statement")
        self._steps = list(steps)
        self.scenario = scenario
        self.recorder: Recorder = recorder or NullRecorder()
        self.index = 0
        self._attempts: list[list[Try]] = [[] for _ in self._steps]
        self._skipped: set[int] = set()
        # The client's trust, kept only in a scenario written as a conversation.
        self.openness: int | None = scenario.openness if scenario is not None and scenario.converses else None
        # The openness at which each statement came up (None: not yet reached, or no conversation).
        self._opened: list[int | None] = [self.openness] + [None] * (len(self._steps) - 1)

    @classmethod
    def for_scenario(cls, scenario: Scenario, recorder: Recorder | None = None) -> PracticeSession:
        return cls(scenario_steps(scenario), recorder, scenario=scenario)

    @classmethod
    def resumed(
        cls, scenario: Scenario, recorder: Recorder | None, answers: Iterable[tuple[int, bool, str]], moved_on: int
    ) -> PracticeSession:
        """A run of ``scenario`` left part-way, back where the learner stopped.

        ``answers`` are its responses so far, (statement number, to its deeper statement?,
        response), oldest first. The run is played again: each answer is scored by the one
        scoring function (so its feedback is what was shown) and the client takes it as before
        (the same answers make the same conversation); statements passed without an answer were
        skipped. Nothing is recorded again: ``recorder`` takes over once the run is back where
        it was, ``moved_on`` statements along. An answer the scenario has no place for now
        (the file changed) is left out.
        """
        session = cls.for_scenario(scenario)
        if not 0 <= moved_on < len(scenario.turns):
            raise ValueError(f"a run of {len(scenario.turns)} statements cannot resume after {moved_on}")
        for number, deeper, response in answers:
            while not session.finished and (session.step.number, session.step.deeper) < (number, deeper):
                session.skip()
            if not session.finished and (session.step.number, session.step.deeper) == (number, deeper):
                session.submit(response)
        while not session.finished and session.moved_on < moved_on:
            session.skip()
        if session.finished:
            raise ValueError(f"the answers kept go past statement {moved_on + 1}, where the run was left")
        session.recorder = recorder or NullRecorder()
        return session

    @property
    def steps(self) -> tuple[StatementInRun, ...]:
        """The statements of the run so far: a deeper statement joins when the client opens up."""
        return tuple(self._steps)

    @property
    def is_drill(self) -> bool:
        return self.scenario is None

    @property
    def converses(self) -> bool:
        """Whether the client's openness is kept (a scenario written as a conversation)."""
        return self.openness is not None

    @property
    def total(self) -> int:
        return len(self._steps)

    @property
    def finished(self) -> bool:
        return self.index >= self.total

    @property
    def number(self) -> int:
        """The current statement's place in the run, counting from 1."""
        return self.index + 1

    @property
    def place(self) -> tuple[int, int]:
        """Where the current statement is, as the learner is told: (3, 4) for "statement 3 of 4".
        A scenario counts its own statements (a deeper one has its statement's number); a
        drill counts the statements it brought."""
        if self.scenario is None:
            return self.number, self.total
        return self.step.number, len(self.scenario.turns)

    @property
    def step(self) -> StatementInRun:
        return self._steps[self.index]

    @property
    def statement(self) -> Statement | DeeperStatement:
        return self.step.statement

    @property
    def said(self) -> str:
        """What the client says now: the current statement, guarded when openness was low."""
        return self.step.said(self._opened[self.index])

    @property
    def client_name(self) -> str:
        """Who says the current statement."""
        return self.step.scenario.client_name

    @property
    def tries(self) -> tuple[Try, ...]:
        """The attempts at the current statement so far."""
        return tuple(self._attempts[self.index])

    @property
    def responded(self) -> int:
        """How many statements have at least one response so far."""
        return sum(1 for tries in self._attempts if tries)

    @property
    def is_last(self) -> bool:
        """Whether nothing follows the current statement, as things stand: no statement after
        it, and no deeper statement that the latest try would bring."""
        return self.index >= self.total - 1 and self._deeper_after() is None

    def submit(self, response: str) -> Try:
        """Score a response to the current statement and hand it to the recorder."""
        text = response.strip()
        if not text:
            raise ValueError("an empty response cannot be scored")
        if self.finished:
            raise RuntimeError("the run is finished; there is no statement to respond to")
        step = self.step
        feedback = score(step.statement, text, step.scenario.client_name)
        exchange = conversation.exchange(step.statement, feedback, self._opened[self.index])
        try:
            wins = tuple(
                self.recorder.record(
                    step.scenario.id, step.number, self.said, text, feedback, deeper=step.deeper, exchange=exchange
                )
                or ()
            )
            problem = None
        except Exception as err:  # whatever the store does wrong, the practice goes on
            wins, problem = (), str(err) or type(err).__name__
        attempt = Try(step.number, text, feedback, problem, wins, exchange, step.deeper)
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
        """Move on with the latest try: openness moves by it, and the deeper statement it
        brings, if any, comes next."""
        if self.finished:
            raise RuntimeError("the run is already finished")
        deeper = self._deeper_after()
        tries = self._attempts[self.index]
        if self.converses and tries:
            self.openness = tries[-1].exchange.openness_after
        if deeper is not None:
            self._steps.insert(self.index + 1, deeper)
            self._attempts.insert(self.index + 1, [])
            self._opened.insert(self.index + 1, None)
        self.index += 1
        if not self.finished:
            self._opened[self.index] = self.openness
        self.recorder.moved_on(self.moved_on)

    @property
    def moved_on(self) -> int:
        """How many statements the learner has left behind, answered or skipped. A scenario run
        counts its own statements, each once the deeper statement it brought, if any, is left
        too; a drill counts the statements it brought."""
        if self.scenario is None:
            return self.index
        return len(self.scenario.turns) if self.finished else self.step.number - 1

    def _deeper_after(self) -> StatementInRun | None:
        """The deeper statement that moving on with the latest try would bring, if any."""
        step, tries = self.step, self._attempts[self.index]
        if not self.converses or step.deeper or step.statement.deeper is None or not tries:
            return None
        if not conversation.opens_deeper(tries[-1].exchange.openness_after):
            return None
        return StatementInRun(step.scenario, step.number, step.reason, deeper=True)

    def records(self) -> tuple[StatementRecord, ...]:
        """Every statement of the run, reached or not, with what happened there."""
        return tuple(
            StatementRecord(
                i + 1,
                step.statement,
                tuple(self._attempts[i]),
                i in self._skipped,
                step.scenario,
                step.deeper,
                step.said(self._opened[i]),
                self._opened[i],
                step.number,
            )
            for i, step in enumerate(self._steps)
        )

    def transcript(self) -> tuple[StatementRecord, ...]:
        """The statements already left behind, in order: the conversation so far."""
        return self.records()[: self.index]
