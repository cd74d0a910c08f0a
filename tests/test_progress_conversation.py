"""The conversation in the progress store: each attempt keeps its deeper flag, the client's
reaction and openness; files from before the conversation migrate, or still read when they
cannot be written."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

from trainer.conversation import Exchange
from trainer.model import Reaction
from trainer.progress.store import DB_NAME, MIGRATIONS, ProgressStore, migrate, open_store
from trainer.scoring import AdHocStatement, score

MOMENT = datetime(2025, 3, 3, 9, 30, tzinfo=timezone.utc)
CLIENT = "Nobody called on my birthday."


def feedback(response: str = "You felt forgotten."):
    return score(AdHocStatement(CLIENT, ("You felt forgotten.",), ("forgotten",)), response)


def test_an_attempt_keeps_its_reaction_openness_and_deeper_flag(trainer_home):
    reaction = Reaction(say="Yeah. Exactly.", cue="looks up")
    with open_store(clock=lambda: MOMENT) as store:
        kept = store.record(
            "alpha",
            2,
            CLIENT,
            "You felt forgotten.",
            feedback(),
            "s1",
            deeper=True,
            exchange=Exchange("reflected", reaction, 3, 4),
        )
        plain = store.record("alpha", 1, CLIENT, "Why?", feedback("Why?"), "s1")
        back, back_plain = store.attempts()
    assert back == kept and back_plain == plain
    assert (back.deeper, back.reaction, back.openness_before, back.openness_after) == (True, reaction, 3, 4)
    assert back.statement == ("alpha", 2, True)
    assert (back_plain.deeper, back_plain.reaction, back_plain.openness_before) == (False, None, None)
    assert back_plain.outcome == "questioned"  # derived from the verdict, like the app's


def _version_one_file(folder) -> None:
    """A progress file as the trainer wrote it before the conversation, with one answer in it."""
    folder.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    migrate(connection, MIGRATIONS[:1])
    connection.execute(
        "INSERT INTO attempts (scenario, turn, client, response, score, band, kind, checks, roadblocks, "
        "messages, at, session) VALUES ('alpha', 1, ?, 'You felt alone.', 70, 'good', 'reflection', '[]', "
        "'[]', '[]', '2025-03-01T09:00:00+00:00', 'old')",
        (CLIENT,),
    )
    connection.close()


def test_a_file_from_before_the_conversation_is_migrated_and_keeps_its_answers(trainer_home):
    _version_one_file(trainer_home)
    with open_store() as store:
        (old,) = store.attempts()
        store.record(
            "alpha", 1, CLIENT, "You felt forgotten.", feedback(), "new", exchange=Exchange("reflected", None, 3, 4)
        )
        assert [(a.response, a.deeper, a.reaction, a.openness_after) for a in store.attempts()] == [
            ("You felt alone.", False, None, None),
            ("You felt forgotten.", False, None, 4),
        ]
    assert (old.response, old.outcome) == ("You felt alone.", "reflected")


def test_a_file_from_before_the_conversation_reads_even_when_it_cannot_be_migrated(trainer_home):
    _version_one_file(trainer_home)
    path = trainer_home / DB_NAME
    read_only = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    store = ProgressStore(path, read_only, saving=False)
    try:
        (old,) = store.attempts()
    finally:
        store.close()
    assert (old.response, old.deeper, old.reaction, old.openness_before) == ("You felt alone.", False, None, None)
