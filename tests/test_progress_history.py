"""The history the app holds: read once, kept up to date, private when asked, wins said once."""

from __future__ import annotations

import sqlite3

import pytest
from progress_factory import T0, days

from trainer.progress.history import History, NotSaved
from trainer.progress.schedule import DrillOptions
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
    run = history.recorder("lonely-birthday", 4)
    answer(run, birthday, 1, WEAK)
    answer(run, birthday, 2, GOOD)
    answer(history.recorder("lonely-birthday", 4), birthday, 1, GOOD)
    history.close()
    with open_store(saving=False) as store:
        stored = store.attempts()
    assert [(a.turn, a.response) for a in stored] == [(1, WEAK), (2, GOOD), (1, GOOD)]
    assert stored[0].session == stored[1].session != stored[2].session
    assert [a.response for a in History.open().attempts()] == [WEAK, GOOD, GOOD]


def test_private_mode_records_nothing_not_even_in_memory(birthday, trainer_home):
    history = History.open()
    history.private = True
    assert not history.saving and answer(history.recorder("lonely-birthday", 4), birthday, 1, GOOD) == ()
    assert history.attempts() == [] and history.scenario_records() == {}
    history.close()
    with open_store(saving=False) as store:
        assert store.attempts() == []


def test_no_save_reads_what_is_there_and_creates_nothing(birthday, trainer_home):
    history = History.open(private=True)
    assert history.private and not (trainer_home / DB_NAME).exists()
    assert answer(history.recorder("lonely-birthday", 4), birthday, 1, GOOD) == ()
    assert not (trainer_home / DB_NAME).exists()


def test_small_wins_are_said_but_a_best_over_a_try_of_the_same_run_is_not(birthday):
    history = History.open(clock=lambda: T0)
    first = history.recorder("lonely-birthday", 4)
    answer(first, birthday, 1, WEAK)
    same_run = answer(first, birthday, 1, GOOD)
    assert any("first strong reflection" in w for w in same_run)
    assert not any("personal best" in w for w in same_run)
    answer(history.recorder("lonely-birthday", 4), birthday, 2, WEAK)
    later = history.recorder("lonely-birthday", 4)
    said = answer(later, birthday, 2, GOOD.replace("birthday", "birthday, and you kept checking your phone"))
    assert any("personal best" in w for w in said)  # over another run's answer: said


def test_a_write_that_fails_is_reported(birthday, monkeypatch):
    def fail(attempt):
        raise sqlite3.OperationalError("disk I/O error")

    history = History.open()
    monkeypatch.setattr(history._store, "_insert", fail)
    with pytest.raises(NotSaved, match="disk I/O error"):
        answer(history.recorder("lonely-birthday", 4), birthday, 1, GOOD)
    assert history.attempts() == []


def test_an_unsaved_history_says_why_and_keeps_nothing(birthday):
    history = History.unsaved("The file could not be used.")
    assert history.cannot_save == "The file could not be used." and not history.saving
    assert answer(history.recorder("lonely-birthday", 4), birthday, 1, GOOD) == ()
    assert history.path is None


def test_drills_and_summaries_come_from_the_history_in_memory(test_library, birthday):
    history = History.open(clock=lambda: T0 + days(2))
    answer(history.recorder("lonely-birthday", 4), birthday, 3, WEAK)
    items = history.plan_drill(test_library.scenarios, DrillOptions(count=2, only=("lonely-birthday",)))
    assert (items[0].scenario, items[0].turn) == ("lonely-birthday", 3)
    summary = history.summary()
    assert summary.totals.attempts == 1 and summary.totals.statements == 1


# ---------------------------------------------------------------------------- runs


def finish(recorder, scenario, responses: dict[int, str]) -> None:
    """Answer some statements of ``scenario``, skip the others, and move on to its end."""
    for number in range(1, len(scenario.turns) + 1):
        if number in responses:
            answer(recorder, scenario, number, responses[number])
        recorder.moved_on(number)


def test_a_run_counts_once_finished_and_its_score_is_its_best_tries_averaged(birthday):
    history = History.open(clock=lambda: T0)
    run = history.recorder("lonely-birthday", 4)
    answer(run, birthday, 1, WEAK)
    finish(run, birthday, {1: GOOD, 2: GOOD})
    [finished] = history.scenario_records().values()
    scores = [score(birthday.turns[n - 1], GOOD, "Maya").score for n in (1, 2)]
    assert (finished.runs, finished.best, finished.latest) == (1, round(sum(scores) / 2), round(sum(scores) / 2))
    assert finished.left is None and finished.answers == 3


def test_a_drill_answer_is_a_drill_answer_never_a_run(birthday):
    history = History.open(clock=lambda: T0)
    drill = history.recorder(None, 3)
    answer(drill, birthday, 2, GOOD)
    drill.moved_on(1)
    record = history.scenario_records()["lonely-birthday"]
    assert (record.runs, record.best, record.latest, record.left) == (0, None, None, None)
    assert (record.drill_answers, record.drill_best) == (1, score(birthday.turns[1], GOOD, "Maya").score)
    assert record.describe() == f"no finished run yet; 1 drill answer, best {record.drill_best}"


def test_a_run_left_part_way_is_no_run_and_can_be_resumed_where_it_stopped(birthday):
    history = History.open(clock=lambda: T0)
    run = history.recorder("lonely-birthday", 4)
    answer(run, birthday, 1, GOOD)
    run.moved_on(1)
    run.moved_on(2)  # statement 2 skipped
    answer(run, birthday, 3, WEAK)  # answered, not yet moved on from
    history.close()

    reopened = History.open(clock=lambda: T0 + days(1))
    record = reopened.scenario_records()["lonely-birthday"]
    assert record.runs == 0 and record.best is None
    left = record.left
    assert (left.session, left.next_statement, left.statements) == (run.session, 3, 4)
    assert [(a.turn, a.response) for a in reopened.answers_in(left)] == [(1, GOOD), (3, WEAK)]

    going_on = reopened.recorder("lonely-birthday", 4, left)  # the same run, from where it stopped
    for number in (3, 4):
        going_on.moved_on(number)
    record = reopened.scenario_records()["lonely-birthday"]
    assert (record.runs, record.left) == (1, None)
    with open_store(saving=False) as store:
        assert {a.session for a in store.attempts()} == {run.session}
        [stored] = store.runs()
    assert (stored.moved_on, stored.finished, stored.started) == (4, True, T0)


def test_only_the_latest_run_is_offered_to_resume(birthday):
    history = History.open(clock=lambda: T0)
    left_behind = history.recorder("lonely-birthday", 4)
    answer(left_behind, birthday, 1, WEAK)
    history._clock = lambda: T0 + days(1)
    finish(history.recorder("lonely-birthday", 4), birthday, {1: GOOD})
    assert history.scenario_records()["lonely-birthday"].left is None  # a fresh run was finished since


def test_a_file_from_before_runs_were_kept_is_read_and_its_answers_count_as_answers(birthday, trainer_home):
    from trainer.progress.store import MIGRATIONS, migrate

    trainer_home.mkdir(parents=True)
    connection = sqlite3.connect(trainer_home / DB_NAME, isolation_level=None)
    migrate(connection, MIGRATIONS[:1])  # the file as the trainer before runs left it
    connection.close()
    with open_store() as old:
        old.record("lonely-birthday", 1, "Nobody called.", GOOD, score(birthday.turns[0], GOOD, "Maya"), "old")
    history = History.open()
    record = history.scenario_records()["lonely-birthday"]
    assert (record.answers, record.runs, record.drill_answers, record.left) == (1, 0, 0, None)
    assert history.attempts()[0].session == "old"


def test_private_mode_keeps_no_run(birthday):
    history = History.open()
    history.private = True
    run = history.recorder("lonely-birthday", 4)
    finish(run, birthday, {1: GOOD})
    assert history.scenario_records() == {}
    history.close()
    with open_store(saving=False) as store:
        assert store.runs() == []
