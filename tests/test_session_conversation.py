"""A scenario run as a conversation, without a terminal: openness moves once per statement by
the try the learner moves on with, guarded statements when it is low, the deeper statement
when it is high; skips and hints move nothing; a drill reacts but keeps no openness."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import FIXTURES
from test_session import ListRecorder

from trainer.loader import load_paths
from trainer.session import PracticeSession, StatementInRun
from trainer.summary import summarise

# Near-copies of the model answers, so that no change of the scorer can flip them.
REFLECT = [
    "It sounds like you felt hurt and left out when they moved in together without asking you.",
    "Part of you says you're too busy for them, but on Friday nights in your room you feel really lonely.",
    "It sounds like you're afraid you were never really wanted in the group, only tolerated as the extra one.",
    "You're not sure about the friendships, but you are sure you don't want to keep feeling this lonely every weekend.",
]
ADVICE = "You should message them and tell them how you feel."
WHY = "Why do you stay in your room on Fridays?"
MORE_ADVICE = "You should join a club so your weekends are busy."


@pytest.fixture(scope="module")
def drifting():
    return load_paths([FIXTURES / "conversation"]).get("drifting-apart")


@pytest.fixture(scope="module")
def birthday():
    return load_paths([FIXTURES / "scenarios"]).get("lonely-birthday")


def answer(session, response):
    attempt = session.submit(response)
    session.next()
    return attempt


def test_reflections_that_land_open_the_client_up_and_bring_the_deeper_statement(drifting):
    session = PracticeSession.for_scenario(drifting)
    assert (session.openness, session.said, session.place) == (3, drifting.turns[0].client, (1, 3))
    first = answer(session, REFLECT[0])
    assert first.exchange.reaction.say == "Yeah. Like I was never really part of it."
    assert session.openness == 4 and session.said == drifting.turns[1].client  # not guarded
    assert session.is_last is False
    answer(session, REFLECT[1])
    assert session.openness == 5 and session.step.deeper and session.total == 4
    assert session.said == drifting.turns[1].deeper.client and session.place == (2, 3)
    deeper = answer(session, REFLECT[2])
    assert deeper.deeper and deeper.statement_number == 2
    assert deeper.exchange.reaction.say == "Yeah. I've never said that out loud before."
    answer(session, REFLECT[3])
    assert session.finished
    records = session.records()
    assert [(r.statement_number, r.deeper, r.openness, r.openness_after) for r in records] == [
        (1, False, 3, 4),
        (2, False, 4, 5),
        (2, True, 5, 5),
        (3, False, 5, 5),
    ]
    assert not any(r.guarded for r in records)


def test_advice_and_why_close_the_client_who_then_guards_and_never_says_more(drifting):
    session = PracticeSession.for_scenario(drifting)
    advice = answer(session, ADVICE)
    assert advice.exchange.outcome == "blocked"
    assert advice.exchange.reaction.say == "I'm not going to beg them."  # the advising line, not blocked's
    assert session.openness == 2 and session.said == drifting.turns[1].guarded
    why = answer(session, WHY)
    assert (why.exchange.outcome, why.exchange.reaction.say) == ("questioned", "I don't know why. I just do.")
    assert session.openness == 1 and session.said == drifting.turns[2].guarded
    last = answer(session, MORE_ADVICE)
    assert last.exchange.reaction.say == "Yeah, I've heard that one."  # no advising line here: blocked's
    assert (last.exchange.openness_before, last.exchange.openness_after) == (1, 1)  # never below closed
    assert session.finished and session.total == 3
    assert [r.guarded for r in session.records()] == [False, True, True]


def test_try_again_replaces_the_reaction_and_openness_moves_once(drifting):
    recorder = ListRecorder()
    session = PracticeSession.for_scenario(drifting, recorder)
    session.submit(ADVICE)
    session.submit(ADVICE)
    better = session.submit(REFLECT[0])
    assert [a.exchange.openness_before for a in session.tries] == [3, 3, 3]  # every try from the same place
    assert better.exchange.openness_after == 4
    session.next()
    assert session.openness == 4  # moved once, by the try moved on with
    record = session.records()[0]
    assert record.moved_on_with is better and record.openness_after == 4
    assert [c[5]["exchange"].openness_after for c in recorder.calls] == [2, 2, 4]


def test_the_deeper_statement_follows_the_last_try_not_the_best(drifting):
    session = PracticeSession.for_scenario(drifting)
    answer(session, REFLECT[0])  # openness 4
    best = session.submit(REFLECT[1])
    assert best.exchange.openness_after == 5
    session.submit(WHY)  # the try moved on with brings openness back to 3
    session.next()
    assert not session.step.deeper and session.openness == 3 and session.total == 3
    assert session.records()[1].best is best


def test_a_skip_moves_nothing_and_a_skipped_statement_brings_no_deeper(drifting):
    session = PracticeSession.for_scenario(drifting)
    answer(session, REFLECT[0])
    session.skip()  # openness 4: high enough, but nothing was said to earn the deeper statement
    assert session.openness == 4 and not session.step.deeper and session.number == 3
    assert session.records()[1].skipped and session.records()[1].openness_after == 4


def test_is_last_knows_that_a_deeper_statement_would_follow(drifting):
    one = replace(drifting, turns=drifting.turns[1:2], openness=4)
    session = PracticeSession.for_scenario(one)
    assert session.is_last
    session.submit(REFLECT[1])
    assert not session.is_last  # openness 5 after it: the deeper statement comes next
    session.submit(WHY)
    assert session.is_last


def test_the_recorder_hears_what_the_client_said_and_how_they_took_it(drifting):
    recorder = ListRecorder()
    session = PracticeSession.for_scenario(drifting, recorder)
    answer(session, ADVICE)
    answer(session, WHY)
    _, statement_number, client, _, _, conversation = recorder.calls[1]
    assert (statement_number, client) == (2, drifting.turns[1].guarded)
    assert conversation["deeper"] is False and conversation["exchange"].openness_before == 2


def test_a_scenario_without_the_conversation_keeps_no_openness(birthday):
    session = PracticeSession.for_scenario(birthday)
    attempt = answer(session, "You should call your mom.")
    assert session.openness is None and not session.converses
    assert attempt.exchange.outcome == "blocked" and attempt.exchange.reaction is None
    assert attempt.exchange.openness_before is None
    assert summarise(birthday, session.records()).openness is None


def test_a_drill_reacts_but_keeps_no_openness(drifting):
    session = PracticeSession([StatementInRun(drifting, 2), StatementInRun(drifting, 1)])
    first = answer(session, WHY)
    assert first.exchange.reaction.say == "I don't know why. I just do."
    assert first.exchange.openness_before is None and session.openness is None
    assert session.said == drifting.turns[0].client  # never guarded
    answer(session, REFLECT[0])
    assert session.finished and session.total == 2  # never deeper


def test_the_same_answers_give_the_same_conversation(drifting):
    def play():
        session = PracticeSession.for_scenario(drifting)
        for response in (REFLECT[0], WHY, ADVICE):
            answer(session, response)
        return [(r.words, r.moved_on_with.exchange) for r in session.records()]

    assert play() == play()


def test_the_summary_tells_how_openness_moved_and_which_responses_moved_it(drifting):
    session = PracticeSession.for_scenario(drifting)
    for response in REFLECT:
        answer(session, response)
    story = summarise(drifting, session.records()).openness
    assert story.headline("Leo") == "Leo started wary ▮▮▮▯▯ and ended open ▮▮▮▮▮."
    assert [m.split(" (")[0] for m in story.moves] == ["Statement 1", "Statement 2"]
    assert "your reflection landed -- wary ▮▮▮▯▯ → opening up ▮▮▮▮▯." in story.moves[0]
    assert story.ending("Leo") == "Leo opened up and said more after statement 2."

    session = PracticeSession.for_scenario(drifting)
    for response in (ADVICE, WHY, MORE_ADVICE):
        answer(session, response)
    story = summarise(drifting, session.records()).openness
    assert story.headline("Leo") == "Leo started wary ▮▮▮▯▯ and ended closed ▮▯▯▯▯."
    assert "advising or giving solutions closed Leo a little" in story.moves[0]
    assert "a “why” question put Leo on the spot -- guarded ▮▮▯▯▯ → closed ▮▯▯▯▯." in story.moves[1]
    assert len(story.moves) == 2  # the last advice found Leo closed already
    assert story.ending("Leo").startswith("Leo had more to say")


def test_a_client_who_arrives_guarded_says_the_first_statement_guarded(drifting):
    wary = PracticeSession.for_scenario(replace(drifting, openness=2))
    assert wary.said == drifting.turns[0].guarded
    answer(wary, REFLECT[0])  # a reflection of the little that was said still lands: 3
    assert wary.openness == 3 and wary.said == drifting.turns[1].client
    assert wary.records()[0].guarded and wary.records()[0].words == drifting.turns[0].guarded


def test_a_resumed_conversation_is_played_again_openness_and_deeper_statement_too(drifting):
    recorder = ListRecorder()
    answers = [(1, False, REFLECT[0]), (2, False, REFLECT[1]), (2, True, REFLECT[2])]
    session = PracticeSession.resumed(drifting, recorder, answers, moved_on=1)
    # Left while reading the feedback on the deeper statement: back there, openness as it was.
    assert session.step.deeper and session.place == (2, 3) and session.openness == 5
    assert [a.response for a in session.tries] == [REFLECT[2]]
    assert session.tries[0].exchange.openness_before == 5
    assert recorder.calls == [] and recorder.moves == []  # nothing is kept twice
    session.next()
    assert session.place == (3, 3) and session.openness == 5 and recorder.moves == [2]


def test_a_run_moved_on_past_an_unanswered_deeper_statement_resumes_after_it(drifting):
    answers = [(1, False, REFLECT[0]), (2, False, REFLECT[1])]
    session = PracticeSession.resumed(drifting, None, answers, moved_on=2)
    assert session.place == (3, 3) and not session.tries
    assert [(r.statement_number, r.deeper, r.skipped) for r in session.transcript()] == [
        (1, False, False),
        (2, False, False),
        (2, True, True),
    ]


def test_an_answer_the_conversation_no_longer_reaches_is_left_out(drifting):
    # Advice first: the client closes up, so statement 2 brings no deeper statement this time.
    answers = [(1, False, ADVICE), (2, False, REFLECT[1]), (2, True, REFLECT[2])]
    session = PracticeSession.resumed(drifting, None, answers, moved_on=2)
    assert session.place == (3, 3) and session.responded == 2
