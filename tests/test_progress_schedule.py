"""The drill schedule: Leitner boxes from the history, a clock passed in, the same answer every time."""

from __future__ import annotations

import random

import pytest
from progress_factory import T0, days, make_attempt

from trainer.model import Scenario, Statement
from trainer.progress.schedule import BOXES, Focus, cards, plan_drill
from trainer.rubric import CHECK_LABELS, MAX_POINTS


def scenario(scenario_id: str, statements: int, skills=("reflect-feeling",)) -> Scenario:
    return Scenario(
        id=scenario_id,
        title=scenario_id.title(),
        skills=list(skills),
        turns=[
            Statement(client=f"{scenario_id} says {n}", model_answers=["You feel it."])
            for n in range(1, statements + 1)
        ],
    )


LIBRARY = [scenario("alpha", 3), scenario("beta", 2, skills=("reflect-content",))]


def picked(items):
    return [(i.scenario, i.turn) for i in items]


def test_the_check_labels_name_every_scoring_check():
    assert set(CHECK_LABELS) == set(MAX_POINTS)


def test_without_history_new_statements_come_first_turns_across_scenarios():
    items = plan_drill(LIBRARY, [], T0, count=4)
    assert picked(items) == [("alpha", 1), ("beta", 1), ("alpha", 2), ("beta", 2)]
    assert all(i.reason == "new: not tried yet" and i.card is None for i in items)
    assert items[0].client == "alpha says 1"


def test_a_low_score_comes_back_at_once_with_its_reason():
    history = [make_attempt("alpha", 2, 35, T0)]
    items = plan_drill(LIBRARY, history, T0 + days(0.01), count=1)
    assert picked(items) == [("alpha", 2)]
    assert items[0].card.box == 1
    assert items[0].reason == "scored 35 last time: back for another try"


def test_a_strong_statement_waits_a_day_then_returns():
    history = [make_attempt("alpha", 1, 90, T0)]
    assert cards(history)[("alpha", 1, False)].box == 2
    not_yet = plan_drill(LIBRARY, history, T0 + days(0.9), count=4)
    assert ("alpha", 1) not in picked(not_yet)
    due = plan_drill(LIBRARY, history, T0 + days(1), count=4)
    assert picked(due)[0] == ("alpha", 1) and due[0].reason.startswith("box 2 of 5, due today")


def test_strong_answers_when_due_climb_the_boxes_and_mastered_ones_come_back_rarely():
    moments = [T0, T0 + days(1), T0 + days(4), T0 + days(11)]
    history = [make_attempt("alpha", 1, 95, moment) for moment in moments]
    card = cards(history)[("alpha", 1, False)]
    assert card.box == BOXES and card.due == T0 + days(11 + 21)
    three_weeks_less = plan_drill(LIBRARY, history, T0 + days(31), count=4)
    assert ("alpha", 1) not in picked(three_weeks_less)


def test_answering_again_before_it_is_due_is_practice_not_promotion():
    history = [make_attempt("alpha", 1, 95, T0), make_attempt("alpha", 1, 95, T0 + days(0.1))]
    assert cards(history)[("alpha", 1, False)].box == 2


def test_a_good_score_holds_and_a_low_one_sends_it_back_to_the_first_box():
    history = [make_attempt("alpha", 1, 70, T0)]
    assert cards(history)[("alpha", 1, False)].box == 2
    history += [make_attempt("alpha", 1, 95, T0 + days(1)), make_attempt("alpha", 1, 95, T0 + days(4))]
    assert cards(history)[("alpha", 1, False)].box == 4
    history.append(make_attempt("alpha", 1, 65, T0 + days(11)))
    assert cards(history)[("alpha", 1, False)].box == 4
    history.append(make_attempt("alpha", 1, 20, T0 + days(12)))
    assert cards(history)[("alpha", 1, False)].box == 1


def test_due_statements_lowest_box_first_and_new_ones_mixed_in():
    library = [scenario("alpha", 8), scenario("beta", 2)]
    history = [make_attempt("alpha", n, 30 if n <= 3 else 90, T0 + days(n / 100)) for n in range(1, 9)]
    items = plan_drill(library, history, T0 + days(2), count=6)
    # Box 1 before box 2; 30% of the drill is kept for new statements, spread among the rest.
    assert picked(items) == [("alpha", 1), ("alpha", 2), ("beta", 1), ("alpha", 3), ("beta", 2), ("alpha", 4)]


def test_when_little_is_due_the_drill_practises_ahead_soonest_first():
    library = [scenario("alpha", 2)]
    history = [
        make_attempt("alpha", 1, 95, T0),
        make_attempt("alpha", 2, 70, T0 + days(1)),
        make_attempt("alpha", 2, 95, T0 + days(2.5)),
    ]
    items = plan_drill(library, history, T0 + days(2.6), count=5)
    assert picked(items) == [("alpha", 1), ("alpha", 2)]  # box 2 due since day 1; box 3 due day 5.5
    assert "practising ahead" in items[1].reason and "in 2 days" in items[1].reason


def test_the_same_history_in_any_order_gives_the_same_plan():
    history = [
        make_attempt(s, t, score, T0 + days(i / 3), row_id=i)
        for i, (s, t, score) in enumerate(
            [("alpha", 1, 40), ("alpha", 2, 85), ("beta", 1, 65), ("alpha", 1, 90), ("beta", 2, 20), ("alpha", 3, 55)]
        )
    ]
    now = T0 + days(3)
    expected = plan_drill(LIBRARY, history, now, count=5)
    shuffled = history[:]
    random.Random(7).shuffle(shuffled)
    assert plan_drill(LIBRARY, shuffled, now, count=5) == expected
    assert plan_drill(LIBRARY, history, now, count=5) == expected


def test_count_and_scenarios_limit_the_drill():
    assert len(plan_drill(LIBRARY, [], T0, count=2)) == 2
    assert {s for s, _ in picked(plan_drill(LIBRARY, [], T0, count=10, only={"beta"}))} == {"beta"}
    assert len(plan_drill(LIBRARY, [], T0, count=10)) == 5


def test_a_scenario_skill_focus_keeps_the_scenarios_that_practise_it():
    focus = Focus.parse("reflect-content", LIBRARY)
    assert focus == Focus(skill="reflect-content")
    assert {s for s, _ in picked(plan_drill(LIBRARY, [], T0, focus=focus))} == {"beta"}


def test_a_check_focus_brings_back_statements_where_the_check_was_missed():
    history = [
        make_attempt("alpha", 1, 85, T0, met=("reflective_form",), missed=("feeling",)),
        make_attempt("alpha", 2, 40, T0, met=("feeling",), missed=("reflective_form",)),
    ]
    focus = Focus.parse("feeling", LIBRARY)
    assert focus == Focus(check="feeling")
    items = plan_drill(LIBRARY, history, T0 + days(0.5), count=2, focus=focus)
    assert picked(items)[0] == ("alpha", 1)  # strong overall, but no feeling named
    assert items[0].reason == "last time: feeling was not met."
    assert ("alpha", 2) not in picked(items)  # the feeling was named there


def test_an_unknown_focus_names_what_there_is():
    with pytest.raises(ValueError) as raised:
        Focus.parse("empathy", LIBRARY)
    message = str(raised.value)
    assert "'empathy'" in message and "reflect-content" in message and "no_roadblock" in message
