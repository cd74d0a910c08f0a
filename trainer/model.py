"""A scenario as the trainer holds it: plain data classes, quick to build and light to keep.

Every file is checked against the scenario format (version 1) before it becomes one of these:
quickly, by ``trainer.scenario_data``, when the file is certainly valid, and otherwise in full
by the pydantic models of ``trainer.scenario_format``, which also publish the JSON Schema. So
the app lists the library without loading pydantic, and every problem is still reported the
one way the format describes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from functools import cache

from trainer.rubric import OUTCOMES, Band

# The client's trust, from 1 to 5, each level with the name the learner sees.
OPENNESS_NAMES = {1: "closed", 2: "guarded", 3: "wary", 4: "opening up", 5: "open"}
DEFAULT_OPENNESS = 3
# A scenario id: lowercase letters and digits, in words joined by single hyphens.
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_MAX_LENGTH = 80
AGE_RANGE = (0, 130)


class Difficulty(str, Enum):
    beginner = "beginner"
    intermediate = "intermediate"
    advanced = "advanced"


@cache
def reaction_keys() -> tuple[str, ...]:
    """The keys a statement's ``reactions`` may use: the outcomes, then every roadblock id of
    ``trainer/data/roadblocks.yaml`` (read from the lexicon, so a new roadblock is a new key)."""
    from trainer.scoring import lexicons

    return (*OUTCOMES, *lexicons.roadblocks())


@dataclass(slots=True, kw_only=True)
class Persona:
    name: str | None = None
    age: int | None = None
    background: str | None = None


@dataclass(slots=True, kw_only=True)
class Example:
    """A calibration example: a sample response and the band an instructor expects."""

    response: str
    expect: Band


@dataclass(slots=True, kw_only=True)
class Reaction:
    """What the client says back to a response, with an optional non-verbal cue."""

    say: str
    cue: str | None = None

    def as_data(self) -> dict[str, str | None]:
        """As it is stored and exported: ``{"say": ..., "cue": ...}``."""
        return {"say": self.say, "cue": self.cue}


@dataclass(slots=True, kw_only=True)
class _StatementBase:
    """What every statement has: the words, and what a good reflection of them contains."""

    client: str
    model_answers: list[str]
    cue: str | None = None
    feelings: list[str] = field(default_factory=list)
    content: list[str] = field(default_factory=list)
    hint: str | None = None
    examples: list[Example] = field(default_factory=list)
    reactions: dict[str, Reaction] = field(default_factory=dict)

    @property
    def wordings(self) -> tuple[str, ...]:
        """Every way the client may say this statement."""
        return (self.client,)


@dataclass(slots=True, kw_only=True)
class DeeperStatement(_StatementBase):
    """A statement the client adds only when openness is high: a full statement of its own,
    without a guarded version (openness is never low when it is said) or a deeper one."""


@dataclass(slots=True, kw_only=True)
class Statement(_StatementBase):
    """One client statement and what a good reflection of it contains."""

    guarded: str | None = None
    deeper: DeeperStatement | None = None

    @property
    def wordings(self) -> tuple[str, ...]:
        return (self.client, self.guarded) if self.guarded else (self.client,)


@dataclass(slots=True, kw_only=True)
class Scenario:
    """A simulated client and the statements a trainee responds to. ``openness_given`` says
    whether the author wrote a starting openness (else it is the default)."""

    id: str
    title: str
    turns: list[Statement]
    summary: str | None = None
    difficulty: Difficulty = Difficulty.beginner
    skills: list[str] = field(default_factory=list)
    content_warnings: list[str] = field(default_factory=list)
    persona: Persona = field(default_factory=Persona)
    openness: int = DEFAULT_OPENNESS
    openness_given: bool = False

    @property
    def client_name(self) -> str:
        """The persona's name, or a neutral word when the author gave none."""
        return self.persona.name or "the client"

    @property
    def converses(self) -> bool:
        """Whether the author wrote any of the conversation (reactions, guarded or deeper
        statements, a starting openness); a scenario without it plays exactly as before."""
        return self.openness_given or any(t.reactions or t.guarded or t.deeper for t in self.turns)

    def statement(self, number: int, deeper: bool = False) -> Statement | DeeperStatement | None:
        """Statement ``number`` (1-based), or its deeper statement; None when there is none."""
        if not 1 <= number <= len(self.turns):
            return None
        turn = self.turns[number - 1]
        return turn.deeper if deeper else turn
