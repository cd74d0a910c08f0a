"""A batch row read through its model (``trainer.batch``): what it may hold, and the one message
for the first thing wrong, in the order the fields are looked at."""

from __future__ import annotations

import pytest
from conftest import TEST_SCENARIOS

from trainer.batch import RowError, resolve
from trainer.loader import load_paths
from trainer.scoring import AdHocStatement

CLIENT = "I lost my job."


@pytest.fixture(scope="module")
def library():
    return load_paths([TEST_SCENARIOS])


def read(row: object, library) -> object:
    try:
        return resolve(row, lambda: library)
    except RowError as err:
        return str(err)


@pytest.mark.parametrize(
    "row, statement",
    [
        ({"client": CLIENT, "response": "r"}, AdHocStatement(CLIENT)),
        (
            {"client": CLIENT, "response": "r", "feelings": "lost", "content": None},
            AdHocStatement(CLIENT, (), ("lost",)),
        ),
        (
            {"client": CLIENT, "response": "r", "model_answers": ["a", "b"], "id": {"any": ["thing"]}},
            AdHocStatement(CLIENT, ("a", "b")),
        ),
        # The way not taken is not looked at.
        ({"client": CLIENT, "response": "r", "turn": "junk", "deeper": 3}, AdHocStatement(CLIENT)),
    ],
)
def test_a_row_brings_its_own_statement(row, statement, library):
    assert read(row, library) == ("r", statement, None)


def test_a_row_names_a_statement_of_the_library(library):
    response, statement, name = read(
        {"scenario": "lonely-birthday", "turn": 2, "response": "r", "model_answers": 5}, library
    )
    scenario = library.get("lonely-birthday")
    assert (response, statement, name) == ("r", scenario.turns[1], scenario.client_name)


@pytest.mark.parametrize(
    "row, message",
    [
        ([CLIENT], "each line must be a JSON object"),
        ({"client": CLIENT}, "'response' is missing or not a string"),
        ({"client": 5, "response": None}, "'response' is missing or not a string"),
        ({"response": "r"}, "each row needs 'client' (the statement) or 'scenario' and 'turn'"),
        ({"client": CLIENT, "response": "r", "feelings": {"a": 1}}, "'feelings' must be a list of strings"),
        ({"client": CLIENT, "response": "r", "content": ["a", 1], "feelings": [2]}, "'feelings' must be a list"),
        ({"scenario": None, "client": CLIENT, "response": "r"}, "'scenario' must be a scenario id (a string)"),
        ({"scenario": "lonely-birthday", "turn": True, "response": "r"}, "'turn' must be a whole number"),
        ({"scenario": "lonely-birthday", "turn": 1.0, "response": "r"}, "'turn' must be a whole number"),
        ({"scenario": "nope", "turn": "1", "response": "r"}, "'turn' must be a whole number"),
        ({"scenario": "nope", "turn": 1, "response": "r"}, "no scenario with id 'nope'"),
        (
            {"scenario": "lonely-birthday", "turn": 9, "response": "r"},
            "scenario 'lonely-birthday' has statements 1 to 4",
        ),
        # A scenario or statement that is not there is named before a 'deeper' that is not true or false.
        ({"scenario": "nope", "turn": 1, "deeper": "yes", "response": "r"}, "no scenario with id 'nope'"),
        (
            {"scenario": "lonely-birthday", "turn": 1, "deeper": "yes", "response": "r"},
            "'deeper' must be true or false",
        ),
        ({"scenario": "lonely-birthday", "turn": 1, "deeper": True, "response": "r"}, "statement 1 of scenario"),
    ],
)
def test_the_first_problem_of_a_row_is_named(row, message, library):
    assert str(read(row, library)).startswith(message)
