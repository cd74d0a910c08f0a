"""Feedback is kept by role -- strengths, one next step, notes, a model answer -- and read in that order."""

from __future__ import annotations

from trainer.scoring import AdHocStatement, score


def test_strengths_step_and_model_answer(test_library):
    turn = test_library.get("lonely-birthday").turns[0]
    feedback = score(turn, "It sounds like you felt really forgotten when nobody called on your birthday.", "Maya")
    assert feedback.strengths and feedback.next_step and feedback.notes == ()
    assert feedback.messages == (
        *feedback.strengths,
        feedback.next_step,
        f'A model answer to compare: "{feedback.best_match.answer}"',
    )


def test_a_capped_score_says_why_in_a_note_of_its_own(test_library):
    turn = test_library.get("lonely-birthday").turns[0]
    feedback = score(turn, "Did you feel alone and forgotten when nobody called on your birthday?", "Maya")
    assert len(feedback.notes) == 1 and feedback.notes[0].startswith("Score capped at")
    assert not feedback.next_step.startswith("Score capped")


def test_an_open_question_that_explores_is_raised_to_a_start_and_says_so(test_library):
    turn = test_library.get("lonely-birthday").turns[0]
    feedback = score(turn, "What was that day like for you?", "Maya")
    assert feedback.kind == "open_question" and feedback.score == 40
    assert any(note.startswith("Score raised to 40") for note in feedback.notes)


def test_without_model_answers_there_is_no_model_answer():
    feedback = score(AdHocStatement("I failed my exam and I feel like a fraud."), "You should study harder next time.")
    assert feedback.best_match is None and feedback.model_answer_line is None
    assert feedback.messages == (*feedback.strengths, feedback.next_step, *feedback.notes)


def test_advice_is_never_praised_for_its_content_or_its_closeness_to_a_model_answer(test_library):
    turn = test_library.get("lonely-birthday").turns[0]
    feedback = score(
        turn, "You should call your mom and tell her you felt alone and forgotten on your birthday.", "Maya"
    )
    assert feedback.kind == "advice"
    assert feedback.strengths == ("You responded to Maya -- every try builds the skill.",)


def test_a_response_longer_than_any_reflection_is_read_up_to_the_limit_and_says_so():
    statement = AdHocStatement("My birthday was on Saturday and nobody called.")
    long = "It sounds like you felt forgotten. " + "And then there is more to say about it all. " * 100
    feedback = score(statement, long)
    assert any(note.startswith("Only the first") and "characters were scored" in note for note in feedback.notes)
    assert score(statement, long) == feedback
