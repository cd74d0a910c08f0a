"""Attempts made to order, for tests of the schedule, statistics and exports."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from trainer.model import Reaction
from trainer.progress.attempt import SavedAttempt
from trainer.progress.run import Run
from trainer.rubric import band_for
from trainer.scoring import Check

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)  # a Monday morning


def make_attempt(
    scenario: str = "alpha",
    turn: int = 1,
    score: int = 50,
    at: datetime = T0,
    *,
    kind: str = "reflection",
    met: tuple[str, ...] = (),
    missed: tuple[str, ...] = (),
    roadblocks: tuple[str, ...] = (),
    session: str = "s1",
    response: str = "You felt alone.",
    client: str = "Nobody called.",
    row_id: int | None = None,
    deeper: bool = False,
    reaction: Reaction | None = None,
    openness: tuple[int, int] | None = None,
) -> SavedAttempt:
    checks = tuple(Check(c, True, 10, 10, f"{c} was met.") for c in met) + tuple(
        Check(c, False, 0, 10, f"{c} was not met.") for c in missed
    )
    before, after = openness or (None, None)
    return SavedAttempt(
        scenario,
        turn,
        client,
        response,
        score,
        band_for(score),
        kind,
        checks,
        roadblocks,
        ("A message.",),
        at,
        session,
        row_id,
        deeper,
        reaction,
        before,
        after,
    )


def make_run(
    session: str, scenario: str | None = "alpha", statements: int = 2, moved_on: int | None = None, at: datetime = T0
) -> Run:
    """A run that started and last moved on at ``at``; finished unless ``moved_on`` says otherwise."""
    return Run(session, scenario, statements, statements if moved_on is None else moved_on, at, at)


def days(n: float) -> timedelta:
    return timedelta(days=n)
