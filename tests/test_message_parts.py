"""Feedback messages split back into their roles, in the order the engine composes them."""

from __future__ import annotations

from trainer.scoring import Statement, message_parts, score


def test_strengths_step_and_model_answer(test_library):
    turn = test_library.get("lonely-birthday").turns[0]
    feedback = score(turn, "It sounds like you felt really forgotten when nobody called on your birthday.", "Maya")
    parts = message_parts(feedback)
    assert parts.strengths and all(s in feedback.messages for s in parts.strengths)
    assert parts.next_step == feedback.messages[len(parts.strengths)]
    assert parts.notes == ()
    assert parts.model_answer == feedback.best_match.answer
    assert feedback.messages[-1].endswith(f'"{parts.model_answer}"')


def test_a_capped_score_keeps_its_note_apart_from_the_next_step(test_library):
    turn = test_library.get("lonely-birthday").turns[0]
    feedback = score(turn, "Did you feel alone and forgotten when nobody called on your birthday?", "Maya")
    parts = message_parts(feedback)
    assert len(parts.notes) == 1 and parts.notes[0].startswith("Score capped at")
    assert not parts.next_step.startswith("Score capped")
    assert len(parts.strengths) + 1 + len(parts.notes) + 1 == len(feedback.messages)


def test_without_model_answers_there_is_no_model_answer():
    statement = Statement("I failed my exam and I feel like a fraud.")
    feedback = score(statement, "You should study harder next time.")
    parts = message_parts(feedback)
    assert parts.model_answer is None
    assert (*parts.strengths, parts.next_step, *parts.notes) == feedback.messages
