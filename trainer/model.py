"""The scenario format (version 1) as pydantic models.

One model serves both validation of instructor files and the JSON Schema published for
editors, so the two can never disagree.
"""

from __future__ import annotations

from enum import Enum
from functools import cache
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from trainer.rubric import OUTCOMES, Band
from trainer.scoring import lexicons

NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ScenarioId = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=1, max_length=80),
]

# The client's trust, from 1 to 5, each level with the name the learner sees.
OPENNESS_NAMES = {1: "closed", 2: "guarded", 3: "wary", 4: "opening up", 5: "open"}
DEFAULT_OPENNESS = 3


class Difficulty(str, Enum):
    beginner = "beginner"
    intermediate = "intermediate"
    advanced = "advanced"


class _Strict(BaseModel):
    """Unknown keys are errors (they are usually typos); numbers written as text are accepted."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


class Persona(_Strict):
    name: NonEmptyText | None = Field(None, description="The client's name, used in feedback.")
    age: int | None = Field(None, ge=0, le=130, description="Age in years.")
    background: str | None = Field(None, description="A sentence or two of context.")


class Example(_Strict):
    """A calibration example: a sample response and the band an instructor expects."""

    response: NonEmptyText = Field(description="A response a trainee might type.")
    expect: Band = Field(description="The band it deserves: strong, good, developing or not_yet.")


class Reaction(_Strict):
    """What the client says back to a response, with an optional non-verbal cue."""

    say: NonEmptyText = Field(description="The client's line, in their own voice.")
    cue: str | None = Field(None, description="A few words of body language, e.g. shrugs.")


@cache
def reaction_keys() -> tuple[str, ...]:
    """The keys a statement's ``reactions`` may use: the outcomes, then every roadblock id of
    ``trainer/data/roadblocks.yaml`` (read from the lexicon, so a new roadblock is a new key)."""
    return (*OUTCOMES, *lexicons.roadblocks())


def _known_reaction_key(key: str) -> str:
    if key not in reaction_keys():
        raise PydanticCustomError("reaction_key", "unknown reaction key {key}", {"key": key})
    return key


def _text_as_reaction(value):
    """A plain line is short for ``{say: LINE}``."""
    return {"say": value} if isinstance(value, str) else value


class _TextOrReaction:
    """Tells the JSON Schema that a reaction is a line of text or a ``say``/``cue`` mapping."""

    @staticmethod
    def __get_pydantic_json_schema__(core_schema, handler) -> dict:
        return {"anyOf": [{"type": "string", "minLength": 1}, handler(core_schema)]}


def _reaction_properties(schema: dict) -> None:
    """Each valid key as a property of its own, so an editor completes and checks them."""
    value = schema.pop("additionalProperties")
    schema.pop("propertyNames", None)
    blocks = lexicons.roadblocks()
    schema["properties"] = {
        **{
            key: {**value, "description": f"When the response landed as {key}: {meaning}."}
            for key, meaning in OUTCOMES.items()
        },
        **{
            key: {
                **value,
                "description": f"Answers this roadblock in particular ({block['name']}), "
                "when it is the first one the response holds.",
            }
            for key, block in blocks.items()
        },
    }
    schema["additionalProperties"] = False


ReactionKey = Annotated[str, AfterValidator(_known_reaction_key)]
ReactionValue = Annotated[Reaction, BeforeValidator(_text_as_reaction), _TextOrReaction()]


class _StatementBase(_Strict):
    """What every statement has: the words, and what a good reflection of them contains."""

    client: NonEmptyText = Field(description="What the client says.")
    cue: str | None = Field(None, description="A non-verbal cue shown with the statement.")
    feelings: list[NonEmptyText] = Field(default_factory=list, description="Feelings a good reflection would name.")
    content: list[NonEmptyText] = Field(default_factory=list, description="Facts a reflection may capture.")
    model_answers: list[NonEmptyText] = Field(min_length=1, description="Good reflections written by the instructor.")
    hint: str | None = Field(None, description="A nudge shown on request.")
    examples: list[Example] = Field(default_factory=list, description="Calibration examples for `trainer calibrate`.")
    reactions: dict[ReactionKey, ReactionValue] = Field(
        default_factory=dict,
        description="What the client says back, keyed by how the response landed (reflected, partly, "
        "questioned, blocked, self_focus, other) or by a roadblock id answered in particular.",
        json_schema_extra=_reaction_properties,
    )

    @property
    def wordings(self) -> tuple[str, ...]:
        """Every way the client may say this statement."""
        return (self.client,)


class DeeperStatement(_StatementBase):
    """A statement the client adds only when openness is high: a full statement of its own,
    without a guarded version (openness is never low when it is said) or a deeper one."""


class Statement(_StatementBase):
    """One client statement and what a good reflection of it contains."""

    guarded: NonEmptyText | None = Field(
        None, description="Said instead of `client` when openness is low (2 or lower): shorter, holding back."
    )
    deeper: DeeperStatement | None = Field(
        None, description="Said right after this statement when openness is high (4 or higher) after the response."
    )

    @property
    def wordings(self) -> tuple[str, ...]:
        return (self.client, self.guarded) if self.guarded else (self.client,)


class Scenario(_Strict):
    """A simulated client and the statements a trainee responds to."""

    model_config = ConfigDict(
        title="Active-listening trainer scenario (format version 1)",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    id: ScenarioId = Field(description="Unique across all loaded files: lowercase letters, digits and hyphens.")
    title: NonEmptyText = Field(description="Shown in the library.")
    summary: str | None = Field(None, description="One or two sentences for the preview.")
    difficulty: Difficulty = Field(Difficulty.beginner, description="beginner, intermediate or advanced.")
    skills: list[NonEmptyText] = Field(default_factory=list, description="Skills practised, e.g. reflect-feeling.")
    content_warnings: list[NonEmptyText] = Field(
        default_factory=list, description="Shown before the scenario starts, e.g. self-harm."
    )
    persona: Persona = Field(default_factory=Persona, description="Who the client is.")
    turns: list[Statement] = Field(min_length=1, description="The client's statements, in order.")
    openness: int = Field(
        DEFAULT_OPENNESS,
        ge=1,
        le=5,
        description="Where the client's trust starts: 1 closed, 2 guarded, 3 wary, 4 opening up, 5 open.",
    )

    @property
    def client_name(self) -> str:
        """The persona's name, or a neutral word when the author gave none."""
        return self.persona.name or "the client"

    @property
    def converses(self) -> bool:
        """Whether the author wrote any of the conversation (reactions, guarded or deeper
        statements, a starting openness); a scenario without it plays exactly as before."""
        return "openness" in self.model_fields_set or any(t.reactions or t.guarded or t.deeper for t in self.turns)

    def statement(self, number: int, deeper: bool = False) -> Statement | DeeperStatement | None:
        """Statement ``number`` (1-based), or its deeper statement; None when there is none."""
        if not 1 <= number <= len(self.turns):
            return None
        turn = self.turns[number - 1]
        return turn.deeper if deeper else turn
