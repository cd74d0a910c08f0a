"""The history the app holds: read once, kept up to date, private when asked, wins said once."""

from __future__ import annotations

import sqlite3

import pytest
from progress_factory import T0, days

from trainer.progress.history import DrillOptions, History, NotSaved
from trainer.progress.store import DB_NAME, open_store
from trainer.scoring import score

GOOD = "It sounds like you felt really forgotten when nobody called on your birthday."
WEAK = "You should call your mom."


@pytest.fixture
def birthday(test_library):
    return test_library.get("lonely-birthday")


def answer(recorder, scenario, number: int, response: str):
    turn = scenario.turns[number - 1]
    return recorder.record(scenario.id, number, turn.client, response, score(turn, response, scenario.client_name))


def test_a_run_records_under_one_session_and_the_history_keeps_up(birthday):
    history = History.open(clock=lambda: T0)
    run = history.recorder()
    answer(run, birthday, 1, WEAK)
    answer(run, birthday, 2, GOOD)
    answer(history.recorder(), birthday, 1, GOOD)
    history.close()
    with open_store(saving=False) as store:
        stored = store.attempts()
    assert [(a.turn, a.response) for a in stored] == [(1, WEAK), (2, GOOD), (1, GOOD)]
    assert stored[0].session == stored[1].session != stored[2].session
    assert [a.response for a in History.open().attempts()] == [WEAK, GOOD, GOOD]


def test_private_mode_records_nothing_not_even_in_memory(birthday, trainer_home):
    history = History.open()
    history.private = True
    assert not history.saving and answer(history.recorder(), birthday, 1, GOOD) == ()
    assert history.attempts() == [] and history.scenario_records() == {}
    history.close()
    with open_store(saving=False) as store:
        assert store.attempts() == []


def test_no_save_reads_what_is_there_and_creates_nothing(birthday, trainer_home):
    history = History.open(private=True)
    assert history.private and not (trainer_home / DB_NAME).exists()
    assert answer(history.recorder(), birthday, 1, GOOD) == ()
    assert not (trainer_home / DB_NAME).exists()


def test_small_wins_are_said_but_a_best_over_a_try_of_the_same_run_is_not(birthday):
    history = History.open(clock=lambda: T0)
    first = history.recorder()
    answer(first, birthday, 1, WEAK)
    same_run = answer(first, birthday, 1, GOOD)
    assert any("first strong reflection" in w for w in same_run)
    assert not any("personal best" in w for w in same_run)
    answer(history.recorder(), birthday, 2, WEAK)
    later = history.recorder()
    answer(later, birthday, 2, GOOD.replace("birthday", "birthday, and you kept checking your phone"))
    records = history.scenario_records()
    assert records["lonely-birthday"].runs == 3


def test_a_write_that_fails_is_reported(birthday, monkeypatch):
    def fail(attempt):
        raise sqlite3.OperationalError("disk I/O error")

    history = History.open()
    monkeypatch.setattr(history._store, "_insert", fail)
    with pytest.raises(NotSaved, match="disk I/O error"):
        answer(history.recorder(), birthday, 1, GOOD)
    assert history.attempts() == []


def test_an_unsaved_history_says_why_and_keeps_nothing(birthday):
    history = History.unsaved("The file could not be used.")
    assert history.cannot_save == "The file could not be used." and not history.saving
    assert answer(history.recorder(), birthday, 1, GOOD) == ()
    assert history.path is None


def test_drills_and_summaries_come_from_the_history_in_memory(test_library, birthday):
    history = History.open(clock=lambda: T0 + days(2))
    answer(history.recorder(), birthday, 3, WEAK)
    items = history.plan_drill(test_library.scenarios, DrillOptions(count=2, only=("lonely-birthday",)))
    assert (items[0].scenario, items[0].turn) == ("lonely-birthday", 3)
    summary = history.summary()
    assert summary.totals.attempts == 1 and summary.totals.statements == 1
