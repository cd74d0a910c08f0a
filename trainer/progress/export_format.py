"""The JSON of ``trainer export`` as one pydantic model: ``trainer export`` writes it, ``trainer
grade`` reads it.

The document is ``{"student", "exported_at", "attempts": [...]}`` (the README's contract). An attempt is
written in full (``ExportedAttemptInFull``): the statement it answered and the response, then
what the app made of it -- the verdict, the conversation, when and in which session. A reader
relies only on the first part (``ExportedAttempt``): grading scores every response again, so it
never trusts, or even looks at, a stored verdict, and an export written by hand with just
``scenario``, ``turn`` and ``response`` is as good as one the app wrote. What a reader can use
but need not have -- the ``client`` statement as the student saw it, ``exported_at`` -- is
None when it is missing or not text.

``model_dump()`` gives the keys in the order written, so an export is the same, byte for byte,
as before the format had a model.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PrivateAttr,
    SerializeAsAny,
    StrictBool,
    StrictInt,
    StrictStr,
    model_validator,
)
from typing_extensions import TypedDict

from trainer.model import Reaction
from trainer.progress.attempt import iso


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


# Text a reader can use when it is there: None when it is missing or not text.
OptionalText = Annotated[str | None, BeforeValidator(_text_or_none)]


class ExportedCheck(TypedDict):
    """One rubric check as exported (the scorer's tips for the messages are left out). A mapping,
    not a model: an export of years of practice holds a hundred thousand of them."""

    id: str
    passed: bool
    points: int
    max_points: int
    message: str


def _as_mapping(check: object) -> object:
    """A check as written: the scorer's or the store's ``Check``, taken by the names exported."""
    return check if isinstance(check, dict) else {name: getattr(check, name) for name in ExportedCheck.__annotations__}


class ExportedAttempt(BaseModel):
    """One response a student typed, and the statement it answered: the part of an exported
    attempt that every reader can rely on, and all that grading reads."""

    model_config = ConfigDict(frozen=True)

    scenario: Annotated[StrictStr, Field(min_length=1)]
    turn: Annotated[StrictInt, Field(ge=1)]  # 1-based
    deeper: StrictBool = False  # an answer to statement ``turn``'s deeper statement
    client: OptionalText = None  # the statement as the student saw it
    response: StrictStr
    _number: int = PrivateAttr(0)

    @property
    def number(self) -> int:
        """Its 1-based position among the export's attempts."""
        return self._number


class ExportedAttemptInFull(ExportedAttempt):
    """An attempt as ``trainer export`` writes it: the verdict it got when it was made (score,
    band, kind, checks, roadblocks, messages), how the client took it (outcome, reaction,
    openness before and after), when, and in which session.

    It is written from what the app kept (``SavedAttempt``), as kept: exporting never refuses
    anything, not even the empty scenario id of a damaged record, which a reader then names."""

    model_config = ConfigDict(from_attributes=True)

    scenario: str
    score: int
    band: str
    kind: str
    outcome: str
    checks: list[Annotated[ExportedCheck, BeforeValidator(_as_mapping)]]
    roadblocks: list[str]
    messages: list[str]
    reaction: Reaction | None
    openness_before: int | None
    openness_after: int | None
    at: Annotated[datetime, PlainSerializer(iso)]  # UTC ISO 8601, to the second
    session: str


class ExportDocument(BaseModel):
    """A whole export: whose it is, when it was made, and the attempts in the order made."""

    model_config = ConfigDict(frozen=True)

    student: StrictStr | None = None
    exported_at: OptionalText = None
    # Written in full, read as far as a reader relies on.
    attempts: list[SerializeAsAny[ExportedAttempt]]

    @model_validator(mode="after")
    def _number_the_attempts(self) -> ExportDocument:
        for number, attempt in enumerate(self.attempts, start=1):
            attempt._number = number
        return self
