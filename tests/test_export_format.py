"""The export format as one model (``trainer.progress.export_format``): what ``trainer export``
writes, ``trainer grade`` reads back; a reader relies on the statement and the response only,
and says what is wrong with the first thing it cannot use."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from progress_factory import T0, make_attempt

from trainer.grading.exports import ExportError, parse_export, read_exports
from trainer.model import Reaction
from trainer.progress.export import to_json
from trainer.progress.export_format import ExportDocument, ExportedAttempt, ExportedAttemptInFull


def read(document: object) -> object:
    """The export as grading reads it, or the message it gives."""
    try:
        return parse_export(Path("dana.json"), json.dumps(document))
    except ExportError as err:
        return err.message


def test_what_the_app_writes_grading_reads_back():
    written = [
        make_attempt("alpha", 1, client="Nobody called.", response="You felt alone."),
        make_attempt("beta", 2, deeper=True, reaction=Reaction(say="Yeah.", cue="nods"), openness=(3, 4)),
    ]
    export = parse_export(Path("ana.json"), to_json(written, "Ana", T0))
    assert export.student == "Ana"
    assert [(a.number, a.scenario, a.turn, a.deeper, a.client, a.response) for a in export.attempts] == [
        (1, "alpha", 1, False, "Nobody called.", "You felt alone."),
        (2, "beta", 2, True, "Nobody called.", "You felt alone."),
    ]


def test_every_key_written_is_a_field_of_the_model_in_the_order_written():
    attempt = make_attempt("alpha", 1, met=("feeling",), roadblocks=("advising",))
    assert list(attempt.to_dict()) == list(ExportedAttemptInFull.model_fields)
    assert list(ExportedAttemptInFull.model_fields)[: len(ExportedAttempt.model_fields)] == list(
        ExportedAttempt.model_fields
    )
    assert list(json.loads(to_json([attempt], "Ana", T0))) == list(ExportDocument.model_fields)


def test_a_damaged_record_is_still_written():
    """Exporting never refuses what the store kept; grading then names the empty id."""
    text = to_json([make_attempt("", 1)], None, T0)
    assert json.loads(text)["attempts"][0]["scenario"] == ""
    assert read(json.loads(text)) == "attempt 1: 'scenario' must be a scenario id, not ''"


MINIMAL = {"scenario": "alpha", "turn": 1, "response": "You felt alone."}


def test_a_reader_ignores_what_it_does_not_use_however_it_is_written():
    stored = {"score": "high", "band": 7, "checks": "none", "at": None, "reaction": [], "session": {}}
    export = read({"exported_at": 5, "attempts": [{**MINIMAL, **stored, "client": ["not", "text"]}], "other": 1})
    [attempt] = export.attempts
    assert (attempt.scenario, attempt.turn, attempt.response, attempt.client, attempt.deeper) == (
        "alpha",
        1,
        "You felt alone.",
        None,
        False,
    )
    assert export.student == "dana"


@pytest.mark.parametrize(
    "document, message",
    [
        ({"attempts": [{**MINIMAL, "deeper": "yes"}]}, "attempt 1: 'deeper' must be true or false, not 'yes'"),
        ({"attempts": [{**MINIMAL, "deeper": None}]}, "attempt 1: 'deeper' must be true or false, not None"),
        (
            {"attempts": [{**MINIMAL, "turn": 1.0}]},
            "attempt 1: 'turn' must be a whole number from 1 (the first statement), not 1.0",
        ),
        ({"attempts": [{**MINIMAL, "scenario": ["a"]}]}, "attempt 1: 'scenario' must be a scenario id, not a list"),
        ({"attempts": [{**MINIMAL, "response": {"a": 1}}]}, "attempt 1: 'response' must be text, not an object"),
        # The first problem is named, in the order an export is looked at: its shape, the list of
        # attempts, the student, then each attempt field by field (scenario, turn, response, deeper).
        ({"student": 7}, "this is not an export of 'trainer export'"),
        ({"student": 7, "attempts": "all"}, "'attempts' must be a list"),
        ({"student": 7, "attempts": ["x"]}, "'student' must be a name (text), not 7"),
        ({"attempts": [{"deeper": 1, "response": 2}, "x"]}, "attempt 1: 'scenario' is missing"),
        ({"attempts": [{"scenario": "a", "deeper": 1, "response": 2}]}, "attempt 1: 'turn' is missing"),
        ({"attempts": [{**MINIMAL, "deeper": 1, "response": 2}]}, "attempt 1: 'response' must be text, not 2"),
        ({"attempts": [{**MINIMAL, "deeper": 1}, {"turn": 0}]}, "attempt 1: 'deeper' must be true or false, not 1"),
        ({"attempts": [MINIMAL, "x", {"turn": 0}]}, "attempt 2 is not an object with scenario, turn and response"),
    ],
)
def test_a_reader_names_the_first_problem(document, message):
    assert str(read(document)).startswith(message)


def test_a_file_saved_with_a_byte_order_mark_reads_as_any_other(tmp_path):
    path = tmp_path / "ana.json"
    path.write_bytes(codecs.BOM_UTF8 + to_json([make_attempt("alpha", 1)], "Ana", T0).encode())
    [export], problems, _ = read_exports([path])
    assert problems == [] and export.student == "Ana" and export.attempts[0].scenario == "alpha"
