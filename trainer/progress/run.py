"""One practice run as the progress store keeps it: which scenario (or a drill), and how far the
learner got -- what tells a finished run from one left part-way, and where that one resumes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Run:
    """A practice run; its responses are the attempts with the same ``session``.

    ``scenario`` is the scenario run through, or None for a drill. ``moved_on`` counts the
    statements the learner has moved on from (answered or skipped), so a run is finished when
    it reaches ``statements`` and otherwise resumes at statement ``moved_on + 1``.
    """

    session: str
    scenario: str | None
    statements: int
    moved_on: int
    started: datetime
    updated: datetime  # the learner's last step in it

    @property
    def is_drill(self) -> bool:
        return self.scenario is None

    @property
    def finished(self) -> bool:
        return self.moved_on >= self.statements
