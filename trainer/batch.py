"""Scoring many responses from JSON Lines: the engine of ``trainer score --batch``.

Each input line names a statement either ad hoc (``client`` with optional
``model_answers``, ``feelings``, ``content``) or by ``scenario`` and 1-based ``turn`` (with
``"deeper": true`` for that statement's deeper statement). Each output carries the scorer's
verdict and how the response landed (``outcome``, by the rule the app uses).
A line that cannot be scored yields ``{"id", "error"}`` and the rest go on: a line that is
not standard JSON (``NaN``, a number too long to read, a lone surrogate, nesting deeper than
the parser's stack), an ``id`` too deeply nested to echo back, or a line over
``MAX_LINE_BYTES`` is such a line, never the end of the run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Annotated, BinaryIO, cast

from pydantic import BaseModel, BeforeValidator, ConfigDict, StrictBool, StrictInt, StrictStr, ValidationError

from trainer import jsonio
from trainer.conversation import outcome_of
from trainer.loader import Library
from trainer.scoring import AdHocStatement, Feedback, score

if TYPE_CHECKING:
    from trainer.model import DeeperStatement, Scenario, Statement

MAX_LINE_BYTES = 1_000_000  # one response and its statement; a real line is well under 10 KB
MAX_ID_DEPTH = 20  # an id is a number or a text; a list of them is echoed back too, up to this deep
_READ_CHUNK = 1 << 16


class RowError(ValueError):
    """A row that cannot be scored; the message says why in plain words."""


def _one_or_none(value: object) -> object:
    """A single text stands for a list of one; null for none."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else value


Texts = Annotated[tuple[StrictStr, ...], BeforeValidator(_one_or_none)]


class BatchRow(BaseModel):
    """A row of the batch format: a response, and the statement it answers. A row names the
    statement one of two ways (``ScenarioRow``, ``AdHocRow``); any other key is left alone."""

    model_config = ConfigDict(frozen=True)

    response: StrictStr


class ScenarioRow(BatchRow):
    """A row that names a statement of the library: ``scenario`` and ``turn`` (1-based), with
    ``deeper`` for that statement's deeper statement."""

    scenario: StrictStr
    turn: StrictInt
    deeper: StrictBool = False


class AdHocRow(BatchRow):
    """A row that brings its own statement: the ``client``'s words and what a reflection of them
    should hold (each list may be one text, or null)."""

    client: StrictStr
    model_answers: Texts = ()
    feelings: Texts = ()
    content: Texts = ()


# A row read: the response, the statement it answers, and the client's name when known.
Resolved = tuple[str, "Statement | DeeperStatement | AdHocStatement", "str | None"]

# What is wrong with a field of a row, in the order the fields are looked at.
ROW_PROBLEMS = {
    "response": "'response' is missing or not a string",
    "scenario": "'scenario' must be a scenario id (a string)",
    "turn": "'turn' must be a whole number (1 for the first statement)",
    "deeper": "'deeper' must be true or false",
    "client": "each row needs 'client' (the statement) or 'scenario' and 'turn'",
    **{key: f"'{key}' must be a list of strings" for key in ("model_answers", "feelings", "content")},
}


def _first_problem(err: ValidationError) -> str:
    """The field of the first problem, in the order the fields are looked at."""
    fields = [str(error["loc"][0]) for error in err.errors()]
    return min(fields, key=list(ROW_PROBLEMS).index)


def _scenario(library: Callable[[], Library], scenario_id: str, turn: int) -> Scenario:
    scenario = library().get(scenario_id)
    if scenario is None:
        raise RowError(f"no scenario with id '{scenario_id}' (see 'trainer list')")
    if not 1 <= turn <= len(scenario.turns):
        raise RowError(f"scenario '{scenario_id}' has statements 1 to {len(scenario.turns)}, not {turn}")
    return scenario


def _in_library(row: dict[str, object], library: Callable[[], Library]) -> Resolved:
    try:
        named = ScenarioRow.model_validate(row)
    except ValidationError as err:
        field = _first_problem(err)
        if field == "deeper":  # a scenario or statement that is not there is named first
            _scenario(library, cast(str, row["scenario"]), cast(int, row["turn"]))
        raise RowError(ROW_PROBLEMS[field]) from None
    scenario = _scenario(library, named.scenario, named.turn)
    statement = scenario.statement(named.turn, named.deeper)
    if statement is None:
        raise RowError(f"statement {named.turn} of scenario '{named.scenario}' has no deeper statement")
    return named.response, statement, scenario.client_name


def resolve(row: object, library: Callable[[], Library]) -> Resolved:
    """The response of a row, the statement it answers, and the client's name for the feedback."""
    if not isinstance(row, dict):
        raise RowError("each line must be a JSON object")
    if "scenario" in row:
        return _in_library(row, library)
    try:
        brought = AdHocRow.model_validate(row)
    except ValidationError as err:
        raise RowError(ROW_PROBLEMS[_first_problem(err)]) from None
    return (
        brought.response,
        AdHocStatement(brought.client, brought.model_answers, brought.feelings, brought.content),
        None,
    )


def score_row(row: object, library: Callable[[], Library]) -> dict[str, object]:
    response, statement, name = resolve(row, library)
    return verdict(score(statement, response, name))


def verdict(feedback: Feedback) -> dict[str, object]:
    """The output object of the batch contract: the feedback, with ``outcome`` after ``kind``."""
    data = feedback.to_dict()
    at = list(data).index("kind") + 1
    items = list(data.items())
    return dict([*items[:at], ("outcome", outcome_of(feedback)), *items[at:]])


def read_lines(stream: BinaryIO) -> Iterator[bytes]:
    """The lines of ``stream``; of a line longer than ``MAX_LINE_BYTES`` only its start (one byte
    over the limit, so it is still seen as too long), the rest skipped unread into memory."""
    while line := stream.readline(MAX_LINE_BYTES + 1):
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(_READ_CHUNK)) and not rest.endswith(b"\n"):
                pass
        yield line


def _row_id(row: object, number: int) -> object:
    """The id a row's output carries: its own, or its line number."""
    if not isinstance(row, dict) or "id" not in row:
        return number
    if jsonio.depth(row["id"]) > MAX_ID_DEPTH:
        raise RowError(f"'id' is nested more than {MAX_ID_DEPTH} levels deep; an id is a number or a text")
    return row["id"]


def score_lines(lines: Iterable[bytes], library: Callable[[], Library]) -> Iterator[tuple[dict[str, object], bool]]:
    """One output object per non-blank input line, in order, and whether it scored.

    Lines arrive as bytes so that one line that is not UTF-8 is reported on its own. Every
    object yielded can be written with ``jsonio.dumps``.
    """
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        row_id: object = number
        try:
            if len(raw) > MAX_LINE_BYTES:
                raise RowError(f"longer than {MAX_LINE_BYTES:,} bytes; a line holds one response")
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                raise RowError("not UTF-8 text") from None
            row = jsonio.parse(line)
            row_id = _row_id(row, number)
            yield {"id": row_id, **score_row(row, library)}, True
        except jsonio.JsonProblem as err:
            yield {"id": row_id, "error": f"line {number}: {err.message}"}, False
        except RowError as err:
            yield {"id": row_id, "error": f"line {number}: {err}"}, False
