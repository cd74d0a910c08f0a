"""The scenario format (version 1) as pydantic models.

One model serves both validation of instructor files and the JSON Schema published for
editors, so the two can never disagree.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ScenarioId = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=1, max_length=80),
]

BAND_IDS = ("strong", "good", "developing", "not_yet")


class Band(str, Enum):
    """The four score bands, highest first."""

    strong = "strong"
    good = "good"
    developing = "developing"
    not_yet = "not_yet"


class Difficulty(str, Enum):
    beginner = "beginner"
    intermediate = "intermediate"
    advanced = "advanced"


class _Strict(BaseModel):
    """Unknown keys are errors (they are usually typos); numbers written as text are accepted."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


class Persona(_Strict):
    name: Optional[NonEmptyText] = Field(None, description="The client's name, used in feedback.")
    age: Optional[int] = Field(None, ge=0, le=130, description="Age in years.")
    background: Optional[str] = Field(None, description="A sentence or two of context.")


class Example(_Strict):
    """A calibration example: a sample response and the band an instructor expects."""

    response: NonEmptyText = Field(description="A response a trainee might type.")
    expect: Band = Field(description="The band it deserves: strong, good, developing or not_yet.")


class Turn(_Strict):
    """One client statement and what a good reflection of it contains."""

    client: NonEmptyText = Field(description="What the client says.")
    cue: Optional[str] = Field(None, description="A non-verbal cue shown with the statement.")
    feelings: list[NonEmptyText] = Field(
        default_factory=list, description="Feelings a good reflection would name."
    )
    content: list[NonEmptyText] = Field(
        default_factory=list, description="Facts a reflection may capture."
    )
    model_answers: list[NonEmptyText] = Field(
        min_length=1, description="Good reflections written by the instructor."
    )
    hint: Optional[str] = Field(None, description="A nudge shown on request.")
    examples: list[Example] = Field(
        default_factory=list, description="Calibration examples for `trainer calibrate`."
    )


class Scenario(_Strict):
    """A simulated client and the statements a trainee responds to."""

    model_config = ConfigDict(
        title="Active-listening trainer scenario (format version 1)",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    id: ScenarioId = Field(
        description="Unique across all loaded files: lowercase letters, digits and hyphens."
    )
    title: NonEmptyText = Field(description="Shown in the library.")
    summary: Optional[str] = Field(None, description="One or two sentences for the preview.")
    difficulty: Difficulty = Field(Difficulty.beginner, description="beginner, intermediate or advanced.")
    skills: list[NonEmptyText] = Field(
        default_factory=list, description="Skills practised, e.g. reflect-feeling."
    )
    content_warnings: list[NonEmptyText] = Field(
        default_factory=list, description="Shown before the scenario starts, e.g. self-harm."
    )
    persona: Persona = Field(default_factory=Persona, description="Who the client is.")
    turns: list[Turn] = Field(min_length=1, description="The client's statements, in order.")

    @property
    def client_name(self) -> str:
        """The persona's name, or a neutral word when the author gave none."""
        return self.persona.name or "the client"
