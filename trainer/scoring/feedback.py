"""The result of scoring, and how it is said: strengths first, one next step, a model answer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from trainer.rubric import CHECK, NEXT_STEP_ORDER, STRENGTH_ORDER

# The result types below are plain (not frozen) dataclasses: several are built for every
# response scored, frozen ones cost four times as much to build, and nothing changes them
# after construction.


@dataclass(slots=True)
class Check:
    """One named rubric check. ``strength`` and ``next_step`` feed the messages."""

    id: str
    passed: bool
    points: int
    max_points: int
    message: str
    strength: str = ""
    next_step: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "passed": self.passed,
            "points": self.points,
            "max_points": self.max_points,
            "message": self.message,
        }


@dataclass(slots=True)
class BestMatch:
    answer: str
    similarity: int

    def to_dict(self) -> dict[str, Any]:
        return {"answer": self.answer, "similarity": self.similarity}


@dataclass(slots=True)
class Feedback:
    """A scored response. The feedback is kept by role -- what went well, one thing to try
    next, notes on how the score was bounded, the model answer to compare -- and each display
    puts the roles where it wants them; ``messages`` reads them in that order."""

    score: int
    band: str
    kind: str
    checks: tuple[Check, ...]
    best_match: BestMatch | None
    strengths: tuple[str, ...]
    next_step: str
    notes: tuple[str, ...] = ()  # why the score was capped or raised, or what part of the response was read
    roadblocks: tuple[str, ...] = ()

    def check(self, check_id: str) -> Check | None:
        return next((c for c in self.checks if c.id == check_id), None)

    @property
    def model_answer_line(self) -> str | None:
        return f'A model answer to compare: "{self.best_match.answer}"' if self.best_match else None

    @property
    def messages(self) -> tuple[str, ...]:
        """Strengths first, then the next step, the notes, then a model answer to compare."""
        line = self.model_answer_line
        return (*self.strengths, self.next_step, *self.notes, *([line] if line else []))

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "band": self.band,
            "kind": self.kind,
            "checks": [c.to_dict() for c in self.checks],
            "best_match": self.best_match.to_dict() if self.best_match else None,
            "messages": list(self.messages),
            "roadblocks": list(self.roadblocks),
        }


# The check that says what made a response this kind leads, when it is not the roadblock one:
# "I understand, I went through the same" needs the spotlight back on the client first.
_KIND_STEP = {"self_disclosure": "client_focus"}
# Strengths are said only of what counts toward the skill: a reflection's, or the feeling a
# question names. Advice is never praised for its content or its closeness to a model answer.
_STRENGTHS_BY_KIND = {"reflection": STRENGTH_ORDER, "open_question": ("feeling",), "closed_question": ("feeling",)}


def strengths_and_step(checks: tuple[Check, ...], name: str, band: str, kind: str) -> tuple[tuple[str, ...], str]:
    """What went well (at most two), and one concrete next step."""
    by_id = {c.id: c for c in checks}
    allowed = _STRENGTHS_BY_KIND.get(kind, ())
    strengths = [by_id[i].strength for i in allowed if i in by_id and by_id[i].passed and by_id[i].strength][:2]
    if not strengths:
        strengths = [f"You responded to {name} -- every try builds the skill."]
    order = (_KIND_STEP[kind], *NEXT_STEP_ORDER) if kind in _KIND_STEP else NEXT_STEP_ORDER
    step = next((by_id[i].next_step for i in order if i in by_id and not by_id[i].passed and by_id[i].next_step), "")
    if not step:
        tip = CHECK["depth"].tip if band == "strong" else CHECK["length"].tip  # nothing missed: the next stretch
        step = "Next, " + tip[0].lower() + tip[1:].format(name=name)
    return tuple(strengths), step
