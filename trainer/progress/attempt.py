"""One submitted response and its feedback, as the progress store keeps it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from trainer import conversation
from trainer.model import Reaction
from trainer.scoring import Check, Feedback


def utc_now() -> datetime:
    """The default clock; everything that needs the time takes a clock or ``now`` instead."""
    return datetime.now(timezone.utc)


def local_now() -> datetime:
    """Now in the learner's own time zone: the clock for what counts days (streaks, drills)."""
    return datetime.now().astimezone()


def iso(moment: datetime) -> str:
    """A moment as UTC ISO 8601, to the second: how times are stored and exported."""
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)  # slots: a history of years holds many thousands of these
class SavedAttempt:
    """A response to one statement (``turn`` is 1-based), scored, at a moment, in a session.

    ``id`` is the store's row id, or None for a response that was not saved. ``deeper`` marks
    an answer to statement ``turn``'s deeper statement. ``reaction`` is what the client said
    back, and openness (1-5) is the client's trust before and after this response, None
    outside a conversation and in responses kept before the trainer had conversations.
    """

    scenario: str
    turn: int
    client: str
    response: str
    score: int
    band: str
    kind: str
    checks: tuple[Check, ...]
    roadblocks: tuple[str, ...]
    messages: tuple[str, ...]
    at: datetime
    session: str
    id: int | None = None
    deeper: bool = False
    reaction: Reaction | None = None
    openness_before: int | None = None
    openness_after: int | None = None

    @classmethod
    def from_feedback(
        cls,
        scenario: str,
        turn: int,
        client: str,
        response: str,
        feedback: Feedback,
        session: str,
        at: datetime,
        *,
        deeper: bool = False,
        exchange: conversation.Exchange | None = None,
    ) -> SavedAttempt:
        exchange = exchange or conversation.Exchange(conversation.outcome_of(feedback))
        return cls(
            scenario,
            turn,
            client,
            response,
            feedback.score,
            feedback.band,
            feedback.kind,
            tuple(Check(c.id, c.passed, c.points, c.max_points, c.message) for c in feedback.checks),
            feedback.roadblocks,
            feedback.messages,
            at,
            session,
            None,
            deeper,
            exchange.reaction,
            exchange.openness_before,
            exchange.openness_after,
        )

    @property
    def statement(self) -> tuple[str, int, bool]:
        """Which statement this answers: (scenario id, statement number, its deeper statement?)."""
        return self.scenario, self.turn, self.deeper

    @property
    def outcome(self) -> str:
        """How the response landed, by the same rule the app used (a pure function of the verdict)."""
        return conversation.outcome(self.kind, self.band)

    def check(self, check_id: str) -> Check | None:
        """The named check; None when it was not part of this scoring."""
        return next((c for c in self.checks if c.id == check_id), None)

    def passed(self, check_id: str) -> bool | None:
        """Whether the named check passed; None when it was not part of this scoring."""
        check = self.check(check_id)
        return None if check is None else check.passed

    def to_dict(self) -> dict:
        """The export form: the keys of DESIGN.md's contract, plus roadblocks, messages, session
        and the conversation (deeper, outcome, reaction, openness before and after)."""
        return {
            "scenario": self.scenario,
            "turn": self.turn,
            "deeper": self.deeper,
            "client": self.client,
            "response": self.response,
            "score": self.score,
            "band": self.band,
            "kind": self.kind,
            "outcome": self.outcome,
            "checks": [c.to_dict() for c in self.checks],
            "roadblocks": list(self.roadblocks),
            "messages": list(self.messages),
            "reaction": None if self.reaction is None else self.reaction.as_data(),
            "openness_before": self.openness_before,
            "openness_after": self.openness_after,
            "at": iso(self.at),
            "session": self.session,
        }
