"""The end-of-scenario summary, added up from the rubric checks of each best try."""

from __future__ import annotations

import pytest

from trainer.rubric import band_for
from trainer.scoring import BestMatch, Check, Feedback
from trainer.session import PracticeSession, StatementRecord, Try
from trainer.summary import summarise

WEIGHTS = {
    "similarity": 20,
    "feeling": 25,
    "content": 15,
    "reflective_form": 15,
    "no_roadblock": 10,
    "own_words": 8,
    "client_focus": 4,
    "length": 3,
}


def feedback(score: int, missed: set[str] = frozenset(), strength: str = "You named the feeling.") -> Feedback:
    checks = tuple(Check(i, i not in missed, 0 if i in missed else w, w, i) for i, w in WEIGHTS.items())
    return Feedback(
        score, band_for(score), "reflection", checks, BestMatch("A model.", 50), (strength,), "Next, try this."
    )


@pytest.fixture
def birthday(test_library):
    return test_library.get("lonely-birthday")


def records(scenario, *per_turn):
    """per_turn: a list of Feedback for each try, or None for a skipped statement."""
    out = []
    for i, turn in enumerate(scenario.turns):
        tries = per_turn[i] if i < len(per_turn) else []
        attempts = tuple(Try(i + 1, f"response {i + 1}.{n}", f) for n, f in enumerate(tries or ()))
        out.append(StatementRecord(i + 1, turn, attempts, tries is None))
    return tuple(out)


def test_scores_average_and_best_moment_use_each_statements_best_try(birthday):
    summary = summarise(
        birthday,
        records(
            birthday,
            [feedback(40), feedback(90, strength="You named it well.")],
            [feedback(60)],
            None,
            [feedback(71)],
        ),
    )
    assert summary.average == round((90 + 60 + 71) / 3)
    assert summary.answered == 3
    assert summary.best_moment.response == "response 1.1"
    assert summary.best_moment_why == "You named it well."
    assert [r.skipped for r in summary.statements] == [False, False, True, False]


def test_strengths_are_checks_met_in_at_least_half_the_responses_heaviest_first(birthday):
    summary = summarise(
        birthday,
        records(
            birthday,
            [feedback(80, missed={"content"})],
            [feedback(70, missed={"content", "reflective_form"})],
            [feedback(60, missed={"feeling"})],
        ),
    )
    # similarity earned 3 x 20 points, feeling 2 x 25, reflective form 2 x 15
    assert summary.strengths == (
        "Your words were close to the model answers in every response.",
        "You named the feeling in 2 of your 3 responses.",
    )


def test_a_workable_length_is_never_praised(birthday):
    everything_missed_but_length = set(WEIGHTS) - {"length"}
    summary = summarise(birthday, records(birthday, [feedback(10, missed=everything_missed_but_length)]))
    assert summary.strengths == (
        "You stayed with Maya and responded to what you heard -- that is where listening starts.",
    )


def test_the_skill_to_work_on_is_the_check_missed_most_often(birthday):
    summary = summarise(
        birthday,
        records(
            birthday,
            [feedback(50, missed={"content", "feeling"})],
            [feedback(50, missed={"content"})],
        ),
    )
    assert summary.work_on.startswith("Saying what it is about: 2 of your 2 responses left out what it was about.")


def test_ties_go_to_the_check_that_cost_more_points(birthday):
    summary = summarise(birthday, records(birthday, [feedback(50, missed={"content", "feeling"})]))
    assert summary.work_on.startswith("Naming the feeling: your response missed the feeling Maya expressed.")
    assert "Maya's words" in summary.work_on


def test_closeness_to_a_model_answer_is_the_skill_only_when_nothing_else_was_missed(birthday):
    both = summarise(
        birthday,
        records(birthday, [feedback(50, missed={"similarity"})], [feedback(50, missed={"similarity", "client_focus"})]),
    )
    assert both.work_on.startswith("Keeping the focus on the client")
    alone = summarise(birthday, records(birthday, [feedback(70, missed={"similarity"})]))
    assert alone.work_on.startswith("Coming close to a model answer")


def test_all_checks_met_suggests_going_deeper(birthday):
    summary = summarise(birthday, records(birthday, [feedback(100)]))
    assert summary.work_on.startswith("Every check was met.")
    assert summary.strengths[0] == "You named the feeling."  # one response: no count


def test_nothing_answered_is_said_kindly(birthday):
    summary = summarise(birthday, records(birthday, None, None))
    assert summary.average is None and summary.best_moment is None and summary.strengths == ()
    assert summary.work_on.startswith("Respond to one statement next time")


def test_a_real_session_adds_up(birthday):
    session = PracticeSession.for_scenario(birthday)
    session.submit("It sounds like you felt really forgotten when nobody called on your birthday.")
    session.next()
    session.submit("You should stop checking your phone.")
    session.next()
    summary = summarise(birthday, session.records())
    scores = [r.best.feedback.score for r in summary.statements if r.best]
    assert summary.average == round(sum(scores) / 2)
    assert summary.best_moment.statement_number == 1
    assert summary.best_moment_why.startswith("You named the feeling")


def test_the_skill_to_work_on_is_never_one_just_named_as_strong(birthday):
    # the feeling is met in two of four responses -- a strength -- and missed in the other two, as
    # often as content and form, and at the greater cost: it would be the skill, were it not a strength
    weak = {"feeling", "content", "reflective_form"}
    summary = summarise(
        birthday,
        records(
            birthday,
            [feedback(80)],
            [feedback(80)],
            [feedback(40, missed=weak)],
            [feedback(40, missed=weak)],
        ),
    )
    assert "You named the feeling in 2 of your 4 responses." in summary.strengths
    assert not summary.work_on.startswith("Naming the feeling")
