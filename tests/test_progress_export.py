"""Exports: the JSON contract, a CSV row per attempt, a Markdown transcript to hand in."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta, timezone

from progress_factory import T0, days, make_attempt

from trainer.progress.export import to_csv, to_json, to_markdown

CONTRACT = {"scenario", "turn", "client", "response", "score", "band", "kind", "checks", "at"}

HISTORY = [
    make_attempt("beta", 2, 35, T0, met=("reflective_form",), missed=("feeling",), roadblocks=("advising",),
                 client="I lost the job.", response='You should "just" apply again,\nright away.'),
    make_attempt("alpha", 1, 85, T0 + days(1), met=("feeling", "reflective_form"), client="Nobody called."),
    make_attempt("beta", 2, 72, T0 + days(2), met=("feeling", "reflective_form"), session="s2",
                 client="I lost the job.", response="It sounds like losing the job shook you."),
    make_attempt("beta", 1, 60, T0 + days(2), met=("feeling",), session="s2", client="It was sudden."),
]


def test_json_follows_the_contract():
    document = json.loads(to_json(HISTORY, "Ana Diaz", T0 + days(3)))
    assert document["student"] == "Ana Diaz"
    assert document["exported_at"] == "2025-03-06T09:00:00+00:00"
    attempts = document["attempts"]
    assert len(attempts) == 4 and all(CONTRACT <= set(a) for a in attempts)
    first = attempts[0]
    assert (first["scenario"], first["turn"], first["score"], first["band"], first["kind"]) == (
        "beta", 2, 35, "not_yet", "reflection")
    assert first["at"] == "2025-03-03T09:00:00+00:00" and first["client"] == "I lost the job."
    assert first["checks"] == [
        {"id": "reflective_form", "passed": True, "points": 10, "max_points": 10, "message": "reflective_form was met."},
        {"id": "feeling", "passed": False, "points": 0, "max_points": 10, "message": "feeling was not met."}]
    assert first["roadblocks"] == ["advising"] and first["session"] == "s1"


def test_json_without_a_student_or_attempts():
    assert json.loads(to_json([], None, T0)) == {"student": None, "exported_at": "2025-03-03T09:00:00+00:00",
                                                 "attempts": []}


def test_csv_has_one_row_per_attempt_and_a_column_per_check():
    rows = list(csv.DictReader(io.StringIO(to_csv(HISTORY), newline="")))
    assert len(rows) == 4
    assert list(rows[0]) == ["scenario", "turn", "client", "response", "score", "band", "kind",
                             "feeling", "reflective_form", "roadblocks", "at", "session"]
    first = rows[0]
    assert first["response"] == 'You should "just" apply again,\nright away.'  # quoted, whole
    assert (first["feeling"], first["reflective_form"], first["roadblocks"]) == ("not met", "met", "advising")
    assert rows[3]["reflective_form"] == ""  # not part of that scoring
    assert [r["score"] for r in rows] == ["35", "85", "72", "60"]


def test_markdown_is_a_transcript_by_scenario_and_statement():
    text = to_markdown(HISTORY, "Ana Diaz", T0 + days(3), titles={"beta": "Losing Work"})
    assert text.startswith("# Reflective listening practice: Ana Diaz\n")
    assert "4 responses in 2 scenarios, 2025-03-03 to 2025-03-05; average score 63/100." in text
    # Scenarios in the order first practised; statements in order; tries of a statement together.
    order = [text.index(marker) for marker in (
        "## Losing Work (beta)", "### Statement 1", "> It was sudden.", "### Statement 2",
        "**Response 1** (2025-03-03 09:00 UTC)", "**Response 2** (2025-03-05 09:00 UTC)", "## alpha")]
    assert order == sorted(order)
    assert "> You should \"just\" apply again,\n> right away." in text
    assert "Score **35/100**: Not yet, a reflection." in text
    assert "- [x] Reflective form: reflective_form was met." in text
    assert "- [ ] Feelings named: feeling was not met." in text
    assert "Feedback:\n\n- A message." in text


def test_markdown_times_are_shown_in_the_exporters_time_zone():
    text = to_markdown(HISTORY[1:2], None, (T0 + days(3)).astimezone(timezone(timedelta(hours=-5), "EST")))
    assert text.startswith("# Reflective listening practice\n")
    assert "**Response** (2025-03-04 04:00 EST)" in text


def test_markdown_of_nothing_says_so():
    assert "No responses recorded yet." in to_markdown([], None, T0)
