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
from typing import BinaryIO

from trainer import jsonio
from trainer.conversation import outcome_of
from trainer.loader import Library
from trainer.scoring import AdHocStatement, Feedback, score

MAX_LINE_BYTES = 1_000_000  # one response and its statement; a real line is well under 10 KB
MAX_ID_DEPTH = 20  # an id is a number or a text; a list of them is echoed back too, up to this deep
_READ_CHUNK = 1 << 16


class RowError(ValueError):
    """A row that cannot be scored; the message says why in plain words."""


def _text_list(row: dict, key: str) -> tuple[str, ...]:
    value = row.get(key, [])
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RowError(f"'{key}' must be a list of strings")
    return tuple(value)


def resolve(row: dict, library: Callable[[], Library]):
    """The statement a row names, and the client's name for the feedback."""
    if "scenario" in row:
        scenario_id, turn = row["scenario"], row.get("turn")
        if not isinstance(scenario_id, str):
            raise RowError("'scenario' must be a scenario id (a string)")
        if isinstance(turn, bool) or not isinstance(turn, int):
            raise RowError("'turn' must be a whole number (1 for the first statement)")
        scenario = library().get(scenario_id)
        if scenario is None:
            raise RowError(f"no scenario with id '{scenario_id}' (see 'trainer list')")
        if not 1 <= turn <= len(scenario.turns):
            raise RowError(f"scenario '{scenario_id}' has statements 1 to {len(scenario.turns)}, not {turn}")
        deeper = row.get("deeper", False)
        if not isinstance(deeper, bool):
            raise RowError("'deeper' must be true or false")
        statement = scenario.statement(turn, deeper)
        if statement is None:
            raise RowError(f"statement {turn} of scenario '{scenario_id}' has no deeper statement")
        return statement, scenario.client_name
    client = row.get("client")
    if not isinstance(client, str):
        raise RowError("each row needs 'client' (the statement) or 'scenario' and 'turn'")
    return AdHocStatement(
        client, _text_list(row, "model_answers"), _text_list(row, "feelings"), _text_list(row, "content")
    ), None


def score_row(row: object, library: Callable[[], Library]) -> dict:
    if not isinstance(row, dict):
        raise RowError("each line must be a JSON object")
    response = row.get("response")
    if not isinstance(response, str):
        raise RowError("'response' is missing or not a string")
    statement, name = resolve(row, library)
    return verdict(score(statement, response, name))


def verdict(feedback: Feedback) -> dict:
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


def score_lines(lines: Iterable[bytes], library: Callable[[], Library]) -> Iterator[tuple[dict, bool]]:
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
