"""The scenario format (version 1) as pydantic models: the full check of a file, and the JSON
Schema published for editors, so the two can never disagree.

A file that passes becomes the plain ``trainer.model.Scenario`` the rest of the trainer uses
(``scenario_data``); the models here are loaded only to check a file that the quick check of
``trainer.scenario_data`` is not sure of, to describe its problems, and to write the schema.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from trainer.model import (
    AGE_RANGE,
    DEFAULT_OPENNESS,
    ID_MAX_LENGTH,
    ID_PATTERN,
    OPENNESS_NAMES,
    Difficulty,
    reaction_keys,
)
from trainer.rubric import OUTCOMES, Band
from trainer.scoring import lexicons

NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ScenarioId = Annotated[str, StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=ID_MAX_LENGTH)]


class _Strict(BaseModel):
    """Unknown keys are errors (they are usually typos); numbers written as text are accepted."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


class Persona(_Strict):
    name: NonEmptyText | None = Field(None, description="The client's name, used in feedback.")
    age: int | None = Field(None, ge=AGE_RANGE[0], le=AGE_RANGE[1], description="Age in years.")
    background: str | None = Field(None, description="A sentence or two of context.")


class Example(_Strict):
    """A calibration example: a sample response and the band an instructor expects."""

    response: NonEmptyText = Field(description="A response a trainee might type.")
    expect: Band = Field(description="The band it deserves: strong, good, developing or not_yet.")


class Reaction(_Strict):
    """What the client says back to a response, with an optional non-verbal cue."""

    say: NonEmptyText = Field(description="The client's line, in their own voice.")
    cue: str | None = Field(None, description="A few words of body language, e.g. shrugs.")


def _known_reaction_key(key: str) -> str:
    if key not in reaction_keys():
        raise PydanticCustomError("reaction_key", "unknown reaction key {key}", {"key": key})
    return key


def _text_as_reaction(value: object) -> object:
    """A plain line is short for ``{say: LINE}``."""
    return {"say": value} if isinstance(value, str) else value


class _TextOrReaction:
    """Tells the JSON Schema that a reaction is a line of text or a ``say``/``cue`` mapping."""

    @staticmethod
    def __get_pydantic_json_schema__(core_schema: Any, handler: Any) -> dict[str, Any]:
        return {"anyOf": [{"type": "string", "minLength": 1}, handler(core_schema)]}


def _reaction_properties(schema: dict[str, Any]) -> None:
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
    persona: Persona = Field(default_factory=Persona, description="Who the client is.")  # type: ignore[arg-type]
    turns: list[Statement] = Field(min_length=1, description="The client's statements, in order.")
    openness: int = Field(
        DEFAULT_OPENNESS,
        ge=min(OPENNESS_NAMES),
        le=max(OPENNESS_NAMES),
        description="Where the client's trust starts: 1 closed, 2 guarded, 3 wary, 4 opening up, 5 open.",
    )
