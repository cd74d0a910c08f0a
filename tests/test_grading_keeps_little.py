"""Grading a large class keeps only what the gradebook and the report read (issue 16): a verdict
per response, one of each that are alike, and one export in memory at a time."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest

from trainer.grading import exports as exports_module
from trainer.grading import grade
from trainer.grading.exports import ExportReading
from trainer.grading.grade import Verdict
from trainer.loader import load_paths

EXPORTS = Path(__file__).parent / "fixtures" / "exports"


@pytest.fixture
def library(scenario_dir):
    return load_paths([scenario_dir])


def test_a_graded_response_keeps_the_verdict_of_its_feedback(library):
    grading = grade([EXPORTS / "alice.json", EXPORTS / "bob.json"], library)
    for r in grading.responses:
        feedback = r.feedback
        assert r.verdict == Verdict.of(feedback)
        assert (r.verdict.score, r.verdict.band, r.verdict.kind, r.verdict.roadblocks) == (
            feedback.score,
            feedback.band,
            feedback.kind,
            feedback.roadblocks,
        )


def test_alike_verdicts_and_repeated_responses_are_kept_once(tmp_path, library):
    attempt = {"scenario": "lonely-birthday", "turn": 1, "response": "You should call your mom."}
    for name in ("a", "b"):
        (tmp_path / f"{name}.json").write_text(json.dumps({"student": name, "attempts": [attempt, attempt]}))
    responses = grade([tmp_path], library).responses
    assert len(responses) == 4 and len({id(r.verdict) for r in responses}) == 1


def test_exports_are_read_one_at_a_time(tmp_path, monkeypatch):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.json").write_text(json.dumps({"student": name, "attempts": []}))
    read = []
    contents = exports_module._contents
    monkeypatch.setattr(exports_module, "_contents", lambda path: read.append(path.name) or contents(path))
    reading = iter(ExportReading([tmp_path]))
    assert next(reading).student == "a" and read == ["a.json"]
    assert next(reading).student == "b" and read == ["a.json", "b.json"]


@pytest.mark.parametrize("collecting", [True, False])
def test_grading_leaves_the_cycle_collector_as_it_found_it(collecting, library):
    (gc.enable if collecting else gc.disable)()
    try:
        grade([EXPORTS / "alice.json"], library)
        assert gc.isenabled() is collecting
    finally:
        gc.enable()
