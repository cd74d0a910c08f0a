"""Exports: the JSON contract, a CSV row per attempt, a Markdown transcript to hand in."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta, timezone

from progress_factory import T0, days, make_attempt

from trainer.model import Reaction
from trainer.progress.export import to_csv, to_json, to_markdown

CONTRACT = {"scenario", "turn", "client", "response", "score", "band", "kind", "checks", "at"}

HISTORY = [
    make_attempt(
        "beta",
        2,
        35,
        T0,
        met=("reflective_form",),
        missed=("feeling",),
        roadblocks=("advising",),
        client="I lost the job.",
        response='You should "just" apply again,\nright away.',
    ),
    make_attempt("alpha", 1, 85, T0 + days(1), met=("feeling", "reflective_form"), client="Nobody called."),
    make_attempt(
        "beta",
        2,
        72,
        T0 + days(2),
        met=("feeling", "reflective_form"),
        session="s2",
        client="I lost the job.",
        response="It sounds like losing the job shook you.",
    ),
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
        "beta",
        2,
        35,
        "not_yet",
        "reflection",
    )
    assert first["at"] == "2025-03-03T09:00:00+00:00" and first["client"] == "I lost the job."
    assert first["checks"] == [
        {
            "id": "reflective_form",
            "passed": True,
            "points": 10,
            "max_points": 10,
            "message": "reflective_form was met.",
        },
        {"id": "feeling", "passed": False, "points": 0, "max_points": 10, "message": "feeling was not met."},
    ]
    assert first["roadblocks"] == ["advising"] and first["session"] == "s1"


def test_json_without_a_student_or_attempts():
    assert json.loads(to_json([], None, T0)) == {
        "student": None,
        "exported_at": "2025-03-03T09:00:00+00:00",
        "attempts": [],
    }


def test_csv_has_one_row_per_attempt_and_a_column_per_check():
    rows = list(csv.DictReader(io.StringIO(to_csv(HISTORY), newline="")))
    assert len(rows) == 4
    assert list(rows[0]) == [
        "scenario",
        "turn",
        "client",
        "response",
        "score",
        "band",
        "kind",
        "outcome",
        "feeling",
        "reflective_form",
        "roadblocks",
        "deeper",
        "reaction",
        "reaction_cue",
        "openness_before",
        "openness_after",
        "at",
        "session",
    ]
    first = rows[0]
    assert first["response"] == 'You should "just" apply again,\nright away.'  # quoted, whole
    assert (first["feeling"], first["reflective_form"], first["roadblocks"]) == ("not met", "met", "advising")
    assert rows[3]["reflective_form"] == ""  # not part of that scoring
    assert [r["score"] for r in rows] == ["35", "85", "72", "60"]


def test_markdown_is_a_transcript_by_scenario_run_and_statement():
    text = to_markdown(HISTORY, "Ana Diaz", T0 + days(3), titles={"beta": "Losing Work"}, clients={"beta": "Sam"})
    assert text.startswith("# Reflective listening practice: Ana Diaz\n")
    assert "4 responses in 2 scenarios, 2025-03-03 to 2025-03-05; average score 63/100." in text
    # Scenarios in the order first practised; each run (session) in order; its statements as met.
    order = [
        text.index(marker)
        for marker in (
            "## Losing Work (beta)",
            "### Run 1 (2025-03-03 09:00 UTC)",
            "#### Statement 2",
            "> **Sam:** I lost the job.",
            "> **You** (2025-03-03 09:00 UTC): You should",
            "### Run 2 (2025-03-05 09:00 UTC)",
            "> **Sam:** It was sudden.",
            "## alpha",
            "> **Client:** Nobody called.",
        )
    ]
    assert order == sorted(order)
    assert '> **You** (2025-03-03 09:00 UTC): You should "just" apply again,\n> right away.' in text
    assert "Score **35/100**: Not yet, a reflection." in text
    assert "- [x] Reflective form: reflective_form was met." in text
    assert "- [ ] Feelings named: feeling was not met." in text
    assert "Feedback:\n\n- A message." in text


CONVERSATION = [
    make_attempt(
        "alpha",
        1,
        40,
        T0,
        client="Whatever.",
        response="Why?",
        kind="open_question",
        roadblocks=("probing",),
        reaction=Reaction(say="I don't know why."),
        openness=(2, 1),
    ),
    make_attempt(
        "alpha",
        1,
        85,
        T0,
        client="Whatever.",
        response="You felt forgotten.",
        reaction=Reaction(say="Yeah. Exactly.", cue="looks up"),
        openness=(2, 3),
    ),
    make_attempt(
        "alpha",
        1,
        90,
        T0 + timedelta(minutes=1),
        client="Mom forgot.",
        deeper=True,
        response="You're hurt your mom forgot.",
        openness=(4, 5),
    ),
]


def test_json_and_csv_carry_the_conversation():
    first, second, deeper = json.loads(to_json(CONVERSATION, None, T0))["attempts"]
    assert (first["outcome"], first["reaction"], first["openness_before"], first["openness_after"]) == (
        "questioned",
        {"say": "I don't know why.", "cue": None},
        2,
        1,
    )
    assert second["reaction"] == {"say": "Yeah. Exactly.", "cue": "looks up"} and second["outcome"] == "reflected"
    assert (first["deeper"], deeper["deeper"], deeper["reaction"]) == (False, True, None)
    rows = list(csv.DictReader(io.StringIO(to_csv(CONVERSATION), newline="")))
    assert [
        (r["outcome"], r["deeper"], r["reaction"], r["reaction_cue"], r["openness_before"], r["openness_after"])
        for r in rows
    ] == [
        ("questioned", "", "I don't know why.", "", "2", "1"),
        ("reflected", "", "Yeah. Exactly.", "looks up", "2", "3"),
        ("reflected", "yes", "", "", "4", "5"),
    ]
    old = list(csv.DictReader(io.StringIO(to_csv(HISTORY[:1]), newline="")))[0]
    assert (old["reaction"], old["openness_before"]) == ("", "")  # kept before conversations


def test_markdown_reads_as_the_conversation():
    text = to_markdown(CONVERSATION, None, T0, clients={"alpha": "Maya"})
    order = [
        text.index(marker)
        for marker in (
            "#### Statement 1",
            "> **Maya:** Whatever.",
            "> **You, try 1**",
            "> **You, try 2**",
            "> **Maya:** Yeah. Exactly. *(looks up)*",
            "Openness: guarded ▮▮▯▯▯ → wary ▮▮▮▯▯.",
            "#### Statement 1 (deeper)",
            "> **Maya:** Mom forgot.",
            "Openness: opening up ▮▮▮▮▯ → open ▮▮▮▮▮.",
        )
    ]
    assert order == sorted(order)
    assert "I don't know why." not in text  # trying again replaced that reaction


def test_markdown_times_are_shown_in_the_exporters_time_zone():
    text = to_markdown(HISTORY[1:2], None, (T0 + days(3)).astimezone(timezone(timedelta(hours=-5), "EST")))
    assert text.startswith("# Reflective listening practice\n")
    assert "> **You** (2025-03-04 04:00 EST)" in text


def test_markdown_of_nothing_says_so():
    assert "No responses recorded yet." in to_markdown([], None, T0)
