"""The conversation's rules without a terminal: how a response landed, how openness moves, and
which line the client says back."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.conversation import (
    HIGHEST,
    LOWEST,
    Exchange,
    change,
    exchange,
    moved,
    openness_bar,
    openness_line,
    openness_move,
    opens_deeper,
    outcome,
    reaction_to,
    says_guarded,
)
from trainer.model import OPENNESS_NAMES, Reaction, Statement
from trainer.rubric import BAND_IDS, KINDS, OUTCOMES
from trainer.scoring import AdHocStatement, lexicons, score


@pytest.mark.parametrize(
    "kind, band, expected",
    [
        ("reflection", "strong", "reflected"),
        ("reflection", "good", "reflected"),
        ("reflection", "developing", "partly"),
        ("reflection", "not_yet", "partly"),
        ("open_question", "not_yet", "questioned"),
        ("closed_question", "developing", "questioned"),
        ("advice", "not_yet", "blocked"),
        ("information", "not_yet", "blocked"),
        ("reassurance", "developing", "blocked"),
        ("judgment", "not_yet", "blocked"),
        ("self_disclosure", "not_yet", "self_focus"),
        ("other", "not_yet", "other"),
    ],
)
def test_the_outcome_follows_the_kind_and_band(kind, band, expected):
    assert outcome(kind, band) == expected


def test_every_kind_and_band_lands_somewhere_an_author_can_write_for():
    assert {outcome(kind, band) for kind in KINDS for band in BAND_IDS} == set(OUTCOMES)


@pytest.mark.parametrize(
    "landed, roadblocks, expected",
    [
        ("reflected", (), 1),
        ("partly", (), 0),
        ("questioned", (), 0),
        ("questioned", ("probing",), -1),  # a "why" question
        ("blocked", ("advising",), -1),
        ("self_focus", (), -1),
        ("other", ("withdrawing",), 0),
    ],
)
def test_openness_moves_by_the_outcome_and_a_why_question_lowers_it(landed, roadblocks, expected):
    assert change(landed, roadblocks) == expected


def test_a_why_is_the_roadblock_the_lexicon_counts_as_a_question():
    question_roadblocks = [
        r for r, block in lexicons.roadblocks().items() if block["kind"] in ("open_question", "closed_question")
    ]
    assert question_roadblocks == ["probing"]


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.integers(LOWEST, HIGHEST), st.lists(st.sampled_from(list(OUTCOMES)), max_size=30), st.booleans())
def test_openness_never_leaves_one_to_five(start, outcomes, why):
    level = start
    for landed in outcomes:
        level = moved(level, change(landed, ("probing",) if why else ()))
        assert LOWEST <= level <= HIGHEST


def test_openness_is_said_in_words_and_a_symbol():
    assert [openness_line(level) for level in (1, 3, 5)] == [
        "Openness: closed ▮▯▯▯▯",
        "Openness: wary ▮▮▮▯▯",
        "Openness: open ▮▮▮▮▮",
    ]
    assert all(openness_bar(level).count("▮") == level for level in OPENNESS_NAMES)
    assert openness_move(3, 4) == "Openness: wary ▮▮▮▯▯ → opening up ▮▮▮▮▯"
    assert openness_move(5, 5) == "Openness: open ▮▮▮▮▮ (unchanged)"


def test_guarded_at_two_or_lower_and_deeper_at_four_or_higher():
    assert [says_guarded(level) for level in range(1, 6)] == [True, True, False, False, False]
    assert [opens_deeper(level) for level in range(1, 6)] == [False, False, False, True, True]


def turn(**reactions) -> Statement:
    """A statement with ``reactions``, each a line or a ``say``/``cue`` mapping, as a file writes them."""
    return Statement(
        client="Nobody called on my birthday.",
        model_answers=["You felt forgotten."],
        feelings=["forgotten"],
        reactions={k: Reaction(say=v) if isinstance(v, str) else Reaction(**v) for k, v in reactions.items()},
    )


def test_the_first_roadblocks_own_line_wins_over_the_outcomes():
    statement = turn(
        blocked="Yeah, maybe.", advising={"say": "I've tried that.", "cue": "shrugs"}, reassuring="Everyone says that."
    )
    assert reaction_to(statement, "blocked", ("advising", "reassuring")) == Reaction(
        say="I've tried that.", cue="shrugs"
    )
    assert reaction_to(statement, "blocked", ("reassuring", "advising")).say == "Everyone says that."
    assert reaction_to(statement, "blocked", ("judging", "advising")).say == "Yeah, maybe."  # only the first


def test_a_reflection_with_a_roadblock_alongside_hears_the_roadblock():
    statement = turn(reflected="Yeah. Exactly.", probing="I don't know why.")
    assert reaction_to(statement, "reflected", ("probing",)).say == "I don't know why."
    assert reaction_to(statement, "reflected", ()).say == "Yeah. Exactly."


def test_self_focus_and_other_borrow_the_partly_line_the_rest_say_nothing():
    statement = turn(partly="Kind of.")
    assert reaction_to(statement, "self_focus", ()).say == "Kind of."
    assert reaction_to(statement, "other", ("withdrawing",)).say == "Kind of."
    assert reaction_to(statement, "blocked", ("advising",)) is None
    assert reaction_to(statement, "reflected", ()) is None
    assert reaction_to(turn(), "other", ()) is None  # no reactions at all: as before


def test_an_exchange_is_the_outcome_the_line_and_openness_before_and_after():
    statement = turn(reflected="Yeah. Exactly.", probing={"say": "I don't know why.", "cue": "arms crossed"})
    why = score(statement, "Why didn't you remind them?")
    assert exchange(statement, why, 2) == Exchange(
        "questioned", Reaction(say="I don't know why.", cue="arms crossed"), 2, 1
    )
    good = score(statement, "It sounds like you felt forgotten when nobody called on your birthday.")
    assert exchange(statement, good, 5) == Exchange("reflected", Reaction(say="Yeah. Exactly."), 5, 5)
    assert exchange(statement, good, None) == Exchange("reflected", Reaction(say="Yeah. Exactly."), None, None)


def test_the_outcome_of_an_ad_hoc_statement_needs_no_scenario():
    feedback = score(AdHocStatement("Nobody called."), "You should call them.")
    assert exchange(Statement(client="Nobody called.", model_answers=["x"]), feedback, 3).outcome == "blocked"
