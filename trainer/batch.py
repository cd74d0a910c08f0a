"""Scoring many responses from JSON Lines: the engine of ``trainer score --batch``.

Each input line names a statement either ad hoc (``client`` with optional
``model_answers``, ``feelings``, ``content``) or by ``scenario`` and 1-based ``turn`` (with
``"deeper": true`` for that statement's deeper statement). Each output carries the scorer's
verdict and how the response landed (``outcome``, by the rule the app uses).
A line that cannot be scored yields ``{"id", "error"}`` and the rest go on.
"""

from __future__ import annotations

import json
from typing import Callable, Iterable, Iterator

from trainer.conversation import outcome_of
from trainer.loader import Library
from trainer.scoring import Feedback, Statement, score


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
    return Statement(client, _text_list(row, "model_answers"), _text_list(row, "feelings"),
                     _text_list(row, "content")), None


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


def score_lines(lines: Iterable[bytes], library: Callable[[], Library]) -> Iterator[tuple[dict, bool]]:
    """One output object per non-blank input line, in order, and whether it scored.

    Lines arrive as bytes so that one line that is not UTF-8 is reported on its own.
    """
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        row_id: object = number
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            yield {"id": row_id, "error": f"line {number}: not UTF-8 text"}, False
            continue
        try:
            row = json.loads(line)
            if isinstance(row, dict) and "id" in row:
                row_id = row["id"]
            yield {"id": row_id, **score_row(row, library)}, True
        except json.JSONDecodeError as err:
            yield {"id": row_id, "error": f"line {number}: not valid JSON ({err.msg})"}, False
        except RowError as err:
            yield {"id": row_id, "error": f"line {number}: {err}"}, False
