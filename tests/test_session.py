"""The practice flow without a terminal: submit, try again, skip, move on, hand attempts on."""

from __future__ import annotations

import pytest

from trainer.scoring import score
from trainer.session import PracticeSession

GOOD = "It sounds like you felt really forgotten when nobody called on your birthday."
WEAK = "That sounds lonely."


class ListRecorder:
    def __init__(self):
        self.calls = []
        self.moves = []

    def record(self, scenario, statement_number, client, response, feedback, **conversation):
        self.calls.append((scenario, statement_number, client, response, feedback, conversation))

    def moved_on(self, count):
        self.moves.append(count)


class BrokenRecorder(ListRecorder):
    def record(self, *args, **kwargs):
        raise OSError("disk full")


@pytest.fixture
def birthday(test_library):
    return test_library.get("lonely-birthday")


def test_a_new_session_starts_at_the_first_statement(birthday):
    session = PracticeSession.for_scenario(birthday)
    assert (session.number, session.total, session.finished) == (1, 4, False)
    assert session.statement is birthday.turns[0]
    assert session.transcript() == ()
    assert session.responded == 0


def test_submit_scores_with_the_one_scoring_function(birthday):
    session = PracticeSession.for_scenario(birthday)
    attempt = session.submit(f"  {GOOD}  ")
    assert attempt.response == GOOD
    assert attempt.statement_number == 1
    assert attempt.feedback == score(birthday.turns[0], GOOD, "Maya")
    assert session.tries == (attempt,)
    assert session.responded == 1


def test_an_empty_response_is_refused(birthday):
    with pytest.raises(ValueError):
        PracticeSession.for_scenario(birthday).submit("   ")


def test_try_again_knows_the_previous_score(birthday):
    session = PracticeSession.for_scenario(birthday)
    first = session.submit(WEAK)
    assert session.previous_score() is None
    second = session.submit(GOOD)
    assert session.previous_score() == first.feedback.score
    assert second.feedback.score > first.feedback.score
    record = session.records()[0]
    assert record.best is second and record.attempts == (first, second)


def test_the_best_try_is_the_first_of_equal_scores(birthday):
    session = PracticeSession.for_scenario(birthday)
    first = session.submit(GOOD)
    session.submit(GOOD)
    assert session.records()[0].best is first


def test_skip_marks_only_an_unanswered_statement_as_skipped(birthday):
    session = PracticeSession.for_scenario(birthday)
    session.skip()
    session.submit(WEAK)
    session.skip()  # answered, then moved on: not a skip
    records = session.records()
    assert [r.skipped for r in records] == [True, False, False, False]
    assert session.number == 3
    assert [r.number for r in session.transcript()] == [1, 2]


def test_the_session_finishes_after_the_last_statement(birthday):
    session = PracticeSession.for_scenario(birthday)
    for _ in range(4):
        session.next()
    assert session.finished
    with pytest.raises(RuntimeError):
        session.next()
    with pytest.raises(RuntimeError):
        session.submit(GOOD)


def test_every_attempt_is_handed_to_the_recorder(birthday):
    recorder = ListRecorder()
    session = PracticeSession.for_scenario(birthday, recorder)
    session.submit(WEAK)
    session.submit(GOOD)
    session.next()
    attempt = session.submit(WEAK)
    assert [(c[0], c[1], c[3]) for c in recorder.calls] == [
        ("lonely-birthday", 1, WEAK),
        ("lonely-birthday", 1, GOOD),
        ("lonely-birthday", 2, WEAK),
    ]
    assert recorder.calls[2][2] == birthday.turns[1].client
    assert recorder.calls[2][4] == attempt.feedback


def test_every_move_on_is_handed_to_the_recorder_up_to_the_end(birthday):
    recorder = ListRecorder()
    session = PracticeSession.for_scenario(birthday, recorder)
    session.submit(GOOD)
    session.next()
    session.skip()
    assert recorder.moves == [1, 2]
    session.skip()
    session.skip()
    assert recorder.moves == [1, 2, 3, 4] and session.finished


# ---------------------------------------------------------------------------- resuming


def test_a_resumed_run_is_back_where_it_stopped_with_its_answers_scored_again(birthday):
    recorder = ListRecorder()
    session = PracticeSession.resumed(
        birthday, recorder, [(1, False, WEAK), (1, False, GOOD), (3, False, WEAK)], moved_on=3
    )
    assert (session.number, session.responded, session.tries) == (4, 2, ())
    first, second, third, _ = session.records()
    assert [a.response for a in first.attempts] == [WEAK, GOOD]
    assert first.best.feedback == score(birthday.turns[0], GOOD, "Maya")  # the same scoring, the same feedback
    assert second.skipped and not second.attempts and not third.skipped
    assert [r.number for r in session.transcript()] == [1, 2, 3]
    assert recorder.calls == []  # nothing is recorded twice
    session.submit(GOOD)
    assert [(c[1], c[3]) for c in recorder.calls] == [(4, GOOD)]


def test_a_run_left_after_an_answer_resumes_on_that_statement_with_its_tries(birthday):
    session = PracticeSession.resumed(birthday, None, [(1, False, GOOD), (2, False, WEAK)], moved_on=1)
    assert session.number == 2 and [a.response for a in session.tries] == [WEAK]
    session.submit(GOOD)
    assert session.previous_score() == score(birthday.turns[1], WEAK, "Maya").score


def test_a_finished_run_cannot_be_resumed(birthday):
    with pytest.raises(ValueError):
        PracticeSession.resumed(birthday, None, [], moved_on=4)


def test_a_failing_recorder_never_stops_the_practice(birthday):
    session = PracticeSession.for_scenario(birthday, BrokenRecorder())
    attempt = session.submit(GOOD)
    assert attempt.save_problem == "disk full"
    assert session.tries == (attempt,)
