"""One stored row read back as an attempt -- or, when the row is damaged, why not.

The progress file is the learner's own, and rows can be damaged by a disk, a crash of an old
version or a hand edit. One damaged row must cost that row only: ``read_row`` checks every
field it reads and raises ``DamagedRow`` naming the first one it cannot use, and the store
skips that row and says so (``row 412: unreadable checks, skipped``).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from trainer.model import OPENNESS_NAMES, Reaction
from trainer.progress.attempt import SavedAttempt
from trainer.scenario_data import reaction_from_data
from trainer.scoring import Check

# The columns of a stored attempt after its row id, in the order ``read_row`` takes them: those
# of every version of the file, then those the conversation added (schema version 2).
BASE_COLUMNS = (
    "scenario",
    "turn",
    "client",
    "response",
    "score",
    "band",
    "kind",
    "checks",
    "roadblocks",
    "messages",
    "at",
    "session",
)
CONVERSATION_COLUMNS = ("deeper", "reaction", "openness_before", "openness_after")
COLUMNS = (*BASE_COLUMNS, *CONVERSATION_COLUMNS)
_CHECK_FIELDS = (("id", str), ("passed", bool), ("points", int), ("max_points", int), ("message", str))


class DamagedRow(ValueError):
    """A stored row that cannot be read; ``field`` names the first column that could not be used."""

    def __init__(self, field: str):
        super().__init__(field)
        self.field = field


@dataclass(frozen=True, slots=True)
class SkippedRow:
    """A stored row left out because it is damaged."""

    row: int
    field: str

    def __str__(self) -> str:
        return f"row {self.row}: unreadable {self.field}, skipped"


def _text(value: object, field: str) -> str:
    if not isinstance(value, str):
        raise DamagedRow(field)
    return value


def _shared(value: object, field: str) -> str:
    """A text that repeats across a history, kept once (``sys.intern``) so that a long one stays small."""
    return sys.intern(_text(value, field))


def _whole(value: object, field: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise DamagedRow(field)
    return value


def _json_list(value: object, field: str) -> list:
    try:
        items = json.loads(value) if isinstance(value, str) else None
    except (ValueError, RecursionError):
        items = None
    if not isinstance(items, list):
        raise DamagedRow(field)
    return items


def _texts(value: object, field: str) -> tuple[str, ...]:
    return tuple(_shared(item, field) for item in _json_list(value, field))


@lru_cache(maxsize=4096)
def _stored_check(check_id: str, passed: bool, points: int, max_points: int, message: str) -> Check:
    """Checks are immutable and repeat a lot across a history: each distinct one is made once."""
    return Check(check_id, passed, points, max_points, message)


def _checks(value: object) -> tuple[Check, ...]:
    checks = []
    for item in _json_list(value, "checks"):
        if not isinstance(item, dict) or not all(type(item.get(key)) is kind for key, kind in _CHECK_FIELDS):
            raise DamagedRow("checks")
        checks.append(_stored_check(*(item[key] for key, _ in _CHECK_FIELDS)))
    return tuple(checks)


def _moment(value: object) -> datetime:
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:  # stored times are always UTC, with their offset
        raise DamagedRow("time")
    return moment


@lru_cache(maxsize=4096)
def _stored_reaction(text: str) -> Reaction:
    """The client's reactions repeat across a history as much as the checks do. What the store
    wrote reads quickly; anything else is left to the scenario format, as ever."""
    try:
        reaction = reaction_from_data(json.loads(text))
    except (ValueError, RecursionError):  # not JSON, or nested beyond reason: the format says why
        reaction = None
    if reaction is None:
        from trainer.scenario_format import Reaction as ReactionFormat

        checked = ReactionFormat.model_validate_json(text)  # raises ValueError (a ValidationError)
        reaction = Reaction(say=checked.say, cue=checked.cue)
    return reaction


def _reaction(value: object) -> Reaction | None:
    if value is None:
        return None
    try:
        return _stored_reaction(_text(value, "reaction"))
    except ValueError:  # pydantic's ValidationError is one
        raise DamagedRow("reaction") from None


def _openness(value: object, field: str) -> int | None:
    return None if value is None else _whole(value, field, min(OPENNESS_NAMES), max(OPENNESS_NAMES))


def read_row(row: tuple) -> SavedAttempt:
    """One row (its id, then ``COLUMNS``) as an attempt; raises ``DamagedRow`` for a row that
    cannot be used."""
    (
        row_id,
        scenario,
        turn,
        client,
        response,
        score,
        band,
        kind,
        checks,
        roadblocks,
        messages,
        at,
        session,
        deeper,
        reaction,
        openness_before,
        openness_after,
    ) = row
    return SavedAttempt(
        _shared(scenario, "scenario"),
        _whole(turn, "turn", 1, sys.maxsize),
        _shared(client, "client"),
        _text(response, "response"),
        _whole(score, "score", 0, 100),
        _shared(band, "band"),
        _shared(kind, "kind"),
        _checks(checks),
        _texts(roadblocks, "roadblocks"),
        _texts(messages, "messages"),
        _moment(at),
        _shared(session, "session"),
        row_id,
        bool(_whole(deeper, "deeper", 0, 1)),
        _reaction(reaction),
        _openness(openness_before, "openness"),
        _openness(openness_after, "openness"),
    )
