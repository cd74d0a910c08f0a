"""The scoring engine: each check, feeling families, typos, the no-model-answer mode, caps
that keep non-reflections below reflections, the order of the messages, determinism."""

from __future__ import annotations

import random

import pytest

from trainer.rubric import band_for
from trainer.scoring import AdHocStatement, score

BIRTHDAY = AdHocStatement(
    client="My birthday was on Saturday and nobody even called. Not my mom, not my friends from home.",
    model_answers=(
        "It sounds like you felt alone and forgotten on a day that should have felt special.",
        "You were hurt that nobody from home called on your birthday.",
        "It sounds like the silence on your birthday left you feeling forgotten by the people who matter most.",
    ),
    feelings=("alone", "forgotten", "hurt"),
    content=("birthday", "nobody called"),
)
GOOD = "It sounds like you felt really lonely when nobody called on your birthday."
AD_HOC = AdHocStatement("My birthday was Saturday and nobody called.")


def checks(feedback) -> dict:
    return {c.id: c for c in feedback.checks}


def test_a_good_reflection_is_strong_and_meets_every_check_but_depth():
    feedback = score(BIRTHDAY, GOOD, "Maya")
    assert feedback.kind == "reflection" and feedback.band == "strong" and feedback.score >= 80
    assert all(c.passed for c in feedback.checks if c.id != "depth")
    depth = checks(feedback)["depth"]
    assert 0 < depth.points < depth.max_points and "Links the feeling to what happened" in depth.message
    assert feedback.roadblocks == ()


def test_a_complex_reflection_goes_beyond_the_words_and_outscores_a_simple_one():
    simple = score(BIRTHDAY, "You felt hurt that nobody called on your birthday.", "Maya")
    complex_ = score(
        BIRTHDAY,
        "It's not just the birthday, it's like the silence told you that you don't matter to the people you love.",
        "Maya",
    )
    depth = checks(complex_)["depth"]
    assert depth.passed and "what it means to Maya" in depth.message
    assert complex_.score > simple.score


def test_the_score_is_the_share_of_points_and_every_check_is_explained():
    feedback = score(BIRTHDAY, GOOD)
    assert sum(c.max_points for c in feedback.checks) == 100
    assert feedback.score == round(sum(c.points for c in feedback.checks))
    assert all(c.message for c in feedback.checks)
    assert [c.id for c in feedback.checks] == [
        "similarity",
        "feeling",
        "content",
        "reflective_form",
        "depth",
        "no_roadblock",
        "own_words",
        "client_focus",
        "length",
    ]


@pytest.mark.parametrize(
    "value, band",
    [
        (100, "strong"),
        (80, "strong"),
        (79, "good"),
        (60, "good"),
        (59, "developing"),
        (40, "developing"),
        (39, "not_yet"),
        (0, "not_yet"),
    ],
)
def test_bands_follow_the_design(value, band):
    assert band_for(value) == band


def test_a_word_of_the_same_feeling_family_is_credited():
    feeling = checks(score(BIRTHDAY, "You must have felt so isolated and left out on your birthday."))["feeling"]
    assert feeling.passed and feeling.message == 'Names the feeling: "isolated", a word for feeling alone.'


def test_another_painful_feeling_earns_most_of_the_points_and_a_word_for_the_expected_one():
    feeling = checks(score(BIRTHDAY, "It sounds like you were furious that nobody called on your birthday."))["feeling"]
    assert feeling.passed and 0 < feeling.points < feeling.max_points
    assert "alone, forgotten or hurt" in feeling.message


def test_a_feeling_of_the_other_kind_earns_only_a_part():
    feeling = checks(score(BIRTHDAY, "It sounds like you felt proud that nobody called on your birthday."))["feeling"]
    assert not feeling.passed and 0 < feeling.points < feeling.max_points


def test_a_general_word_for_how_hard_it_is_names_the_feeling_only_in_general_terms():
    vague = score(BIRTHDAY, "That sounds hard.", "Maya")
    assert not checks(vague)["feeling"].passed and "in general terms" in checks(vague)["feeling"].message
    assert vague.band == "developing"


def test_no_feeling_named_earns_nothing_and_says_what_to_listen_for():
    feeling = checks(score(BIRTHDAY, "Nobody called you on your birthday, not even your mom.", "Maya"))["feeling"]
    assert feeling.points == 0 and "alone, forgotten or hurt" in feeling.message


def test_typos_in_feeling_words_and_content_are_forgiven():
    clean = score(BIRTHDAY, "You feel lonely and forgotten because nobody called on your birthday.")
    typed = score(BIRTHDAY, "You feel lonley and forgoten because nobody caled on your birthdya.")
    assert checks(typed)["feeling"].passed and checks(typed)["content"].passed
    assert typed.band == clean.band == "strong"


def test_word_order_contractions_and_case_do_not_matter_to_similarity():
    answer = BIRTHDAY.model_answers[1]
    shuffled = "ON YOUR BIRTHDAY, nobody from home called, and you were hurt."
    assert score(BIRTHDAY, answer).best_match.similarity == 100
    assert score(BIRTHDAY, shuffled).best_match.similarity >= 75
    assert (
        score(BIRTHDAY, "You're hurt.").best_match.similarity == score(BIRTHDAY, "You are hurt.").best_match.similarity
    )


def test_the_best_match_is_the_closest_model_answer():
    feedback = score(BIRTHDAY, "You were hurt that nobody from home called you on your birthday.")
    assert feedback.best_match.answer == BIRTHDAY.model_answers[1]


def test_content_is_credited_for_any_word_of_a_content_item():
    assert checks(score(BIRTHDAY, "You feel forgotten on your birthday."))["content"].passed
    content = checks(score(BIRTHDAY, "You feel forgotten.", "Maya"))["content"]
    assert not content.passed and "birthday" in content.message


def test_a_question_is_not_reflective_form():
    form = checks(score(BIRTHDAY, "How did you feel when nobody called?"))["reflective_form"]
    assert not form.passed and form.points == 0


def test_a_reflection_asked_as_a_question_gets_part_of_the_form_points_and_cannot_be_strong():
    feedback = score(BIRTHDAY, "So you felt hurt and forgotten when nobody called on your birthday?")
    form = checks(feedback)["reflective_form"]
    assert feedback.kind == "reflection" and 0 < form.points < form.max_points
    assert feedback.band == "good"


def test_parroting_the_client_is_named_and_capped():
    feedback = score(BIRTHDAY, "Your birthday was on Saturday and nobody even called.", "Maya")
    own = checks(feedback)["own_words"]
    assert not own.passed and "Repeats Maya's words" in own.message
    assert feedback.score <= 50


def test_turning_the_focus_to_oneself_is_named():
    focus = checks(score(BIRTHDAY, "I know exactly how you feel, the same thing happened to me last year."))[
        "client_focus"
    ]
    assert not focus.passed and "focus to you" in focus.message


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("Sad.", "Very short (1 word)"),
        (" ".join(["It sounds like you felt alone"] * 15), "Long (90 words)"),
    ],
)
def test_length_outside_a_workable_range_is_named(text, fragment):
    length = checks(score(BIRTHDAY, text))["length"]
    assert not length.passed and fragment in length.message


def test_a_one_word_reply_is_not_yet():
    assert score(BIRTHDAY, "Lonely.").band == "not_yet"


def test_a_roadblock_is_named_with_its_words_and_why_it_blocks():
    feedback = score(BIRTHDAY, "You should just call them.", "Maya")
    roadblock = checks(feedback)["no_roadblock"]
    assert feedback.kind == "advice" and feedback.band == "not_yet"
    assert feedback.roadblocks == ("advising",)
    assert not roadblock.passed and 'Advising or giving solutions ("You should")' in roadblock.message


def test_the_students_words_are_quoted_as_typed():
    feedback = score(BIRTHDAY, "Don't be so hard on yourself, you just can't know that.", "Maya")
    assert '"Don\'t be so hard on yourself"' in checks(feedback)["no_roadblock"].message


@pytest.mark.parametrize(
    "other",
    [
        "You should call them and tell them you felt alone and forgotten on your birthday.",  # advice
        "Don't worry, they love you and did not forget your birthday, you are not alone.",  # reassurance
        "You are overreacting, it was only a birthday and nobody called, that is all.",  # judgment
        "I felt alone and forgotten on my birthday too, nobody called me either.",  # self-disclosure
        "Why did nobody call you on your birthday when you felt so alone?",  # probing
    ],
)
def test_a_non_reflection_scores_below_a_real_reflection_even_with_shared_words(other):
    assert score(BIRTHDAY, other).score < 40 <= score(BIRTHDAY, GOOD).score - 40


def test_a_reflection_spoiled_by_advice_is_developing_at_best():
    feedback = score(BIRTHDAY, GOOD + " You should call your mom.")
    assert feedback.kind == "advice" and feedback.band in ("developing", "not_yet")
    assert any("capped" in m for m in feedback.messages)


def test_messages_go_strengths_then_one_next_step_then_a_model_answer():
    feedback = score(BIRTHDAY, "It sounds like you felt lonely.", "Maya")
    *strengths, step, answer = feedback.messages
    assert strengths and strengths[0].startswith("You named the feeling")
    assert "what it is about" in step
    assert answer == f'A model answer to compare: "{feedback.best_match.answer}"'


def test_self_disclosure_is_first_asked_to_give_the_spotlight_back():
    # "I understand" is a roadblock too, but the listener's own story is what to change first
    feedback = score(BIRTHDAY, "I understand, I went through the same thing with my brother.", "Maya")
    *_, step, _ = feedback.messages
    assert feedback.kind == "self_disclosure"
    assert step.startswith("Keep the spotlight on Maya")


def test_without_model_answers_the_checks_that_need_them_are_left_out():
    feedback = score(AD_HOC, "It sounds like you felt forgotten on your birthday.")
    assert "similarity" not in checks(feedback) and feedback.best_match is None
    assert feedback.band == "strong" and feedback.kind == "reflection"
    assert sum(c.max_points for c in feedback.checks) < 100 and 0 <= feedback.score <= 100
    assert not any(m.startswith("A model answer") for m in feedback.messages)


def test_without_a_feeling_list_the_model_answers_say_which_feelings_are_expected():
    statement = AdHocStatement(AD_HOC.client, ("It sounds like you felt alone and forgotten.",))
    feeling = checks(score(statement, "You felt lonely on your birthday."))["feeling"]
    assert feeling.passed and "a word for feeling alone" in feeling.message


def test_the_same_input_always_gives_the_same_output():
    first = [score(BIRTHDAY, text).to_dict() for text in (GOOD, "You should call.", "ok", "")]
    again = [score(BIRTHDAY, text).to_dict() for text in (GOOD, "You should call.", "ok", "")]
    assert first == again


def test_an_empty_response_scores_zero():
    feedback = score(BIRTHDAY, "   ")
    assert feedback.score == 0 and feedback.band == "not_yet"


def test_any_text_at_all_gets_a_score_and_never_an_exception():
    rng = random.Random(7)
    alphabet = "abcdefghij klmnop?!.,'\"-\n\t\u00e9\u2019\U0001f600 YOU should why I"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        feedback = score(BIRTHDAY, text)
        assert 0 <= feedback.score <= 100 and feedback.band == band_for(feedback.score)


def test_the_dictionary_has_the_batch_contract_keys():
    data = score(BIRTHDAY, GOOD).to_dict()
    assert set(data) >= {"score", "band", "kind", "checks", "best_match", "messages"}
    assert set(data["checks"][0]) == {"id", "passed", "points", "max_points", "message"}
    assert set(data["best_match"]) == {"answer", "similarity"}
