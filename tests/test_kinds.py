"""What kind of response is it? Hand-written examples for every kind and for the hard cases.

Every example here was written for these tests -- none comes from a corpus. They pin down the
counselling semantics the reader follows (see docs/scoring.md): a reflection restates the
client in the client's frame, even as a question or after "I hear..."; advice stays advice
when dressed as a question; the roadblocks (Gordon's twelve) are found wherever the listener
says them, but not where the client's own voice is being reflected.
"""

from __future__ import annotations

import pytest

from trainer.rubric import KINDS
from trainer.scoring import AdHocStatement, lexicons, score

CLIENT = (
    "My sister promised she'd come to my birthday dinner and then she just didn't show up. "
    "She didn't even text. I sat there with her present like an idiot."
)


def read_as(text: str, client: str = CLIENT):
    return score(AdHocStatement(client), text)


KIND_EXAMPLES = {
    "reflection": [
        "It sounds like you felt let down when she didn't come.",
        "You're hurt that she broke her promise.",
        "You've been feeling really alone since the dinner.",
        "She didn't come, and now you're left wondering whether you matter to her.",
        "Part of you wants to forgive her, and part of you is still angry.",
        # MI style: a reflection needs no stem
        "You've been avoiding her calls since then.",
    ],
    "open_question": [
        "What happened after the dinner?",
        "How did that feel for you?",
        "Tell me more about your sister.",
        "What was it like, sitting there with her present?",
    ],
    "closed_question": [
        "Did she text you afterwards?",
        "Do you see her often?",
        "Is this the first time she's done this?",
    ],
    "advice": [
        "You should tell her how you feel.",
        "Why don't you call her tomorrow?",
        "Maybe write her a letter.",
        "Call her and tell her.",
        "It might help to tell her how you feel.",
        "I think you need to set some boundaries with her.",
    ],
    "information": [
        "Research shows that broken promises hurt more when they come from family.",
        "There are support groups for people whose families let them down.",
        "A counsellor can help you work through family conflict.",
    ],
    "reassurance": [
        "Don't worry, she probably just forgot.",
        "Everything will be fine.",
        "You're so strong.",
        "Many people feel the same way.",
        "I'm so sorry to hear that.",
    ],
    "judgment": [
        "You're overreacting.",
        "You shouldn't have expected so much from her.",
        "You're being too sensitive.",
    ],
    "self_disclosure": [
        "My sister did the same thing to me last year.",
        "I had a friend who never showed up for anything.",
        "I know exactly how you feel.",
        "When I was younger, my brother forgot my birthday too.",
    ],
    "other": [
        "Hi there!",
        "Have a good evening.",
        "The weather has been strange this week.",
    ],
}

HARD_CASES = [
    # question-shaped reflections: a statement offered tentatively
    ("So you felt let down?", "reflection"),
    ("You felt forgotten on your own birthday?", "reflection"),
    ("So you have to buy your own present now?", "reflection"),
    ("To make sure I understand, did she promise to come?", "reflection"),
    ("Are you saying that you don't trust her any more?", "reflection"),
    # advice dressed as a question
    ("Have you tried talking to her?", "advice"),
    ("Have you thought about telling her how you feel?", "advice"),
    ("Could you ask her to explain?", "advice"),
    ("Maybe a walk would help?", "advice"),
    # ... but asking what the client did is a question
    ("Have you talked to her since?", "closed_question"),
    # reflections that start with "I"
    ("I'm hearing that you felt let down by her.", "reflection"),
    ("I can tell how much that hurt.", "reflection"),
    ("I get the sense that you feel forgotten.", "reflection"),
    # empathic statements
    ("That must be so hard.", "reflection"),
    ("That sounds really painful.", "reflection"),
    ("You must be so disappointed.", "reflection"),
    # minimising
    # minimising is judging how big the problem may be
    ("At least she remembered last year.", "judgment"),
    ("At least you had your friends there.", "judgment"),
    # labels and diagnoses
    ("That's just anxiety.", "judgment"),
    ("That's just carer burnout.", "judgment"),
    ("She is a narcissist.", "judgment"),
    # sympathy or "I understand" alone do not show what was understood; sympathy that names
    # the client's state is an empathic remark
    ("I'm sorry you're going through this on your own.", "reflection"),
    ("I understand.", "reassurance"),
    ("I understand how you feel.", "reassurance"),
    # praise is a roadblock too, even after a filler
    ("Well done for telling her.", "reassurance"),
    # a hedged guess about a feeling is a tentative reflection, not a suggestion
    ("Maybe you feel torn between being angry and missing her.", "reflection"),
    # hedged advice is advice, however politely it is put
    ("I wonder if you could ask her what happened.", "advice"),
    ("It might be better to wait a few days before you call her.", "advice"),
    ("Is it possible for you to take a day for yourself?", "advice"),
    ("I think it could be helpful to write down what you want to say.", "advice"),
    ("Just do something you enjoy tonight.", "advice"),
    ("That's good, just start with one small step.", "advice"),
    # ... but an open question about what the client could do asks
    ("What do you think you could do about it?", "open_question"),
    ("What made you decide you need to talk to her?", "open_question"),
    # word order asks, even without a question mark or at the start
    ("If it were up to you how would you like things to go with her", "open_question"),
    ("I didn't get the question can you say it again?", "closed_question"),
    ("Sorry to hear that, if you don't mind me asking, when did it happen?", "closed_question"),
    # an opener cut off by a new clause only prefaces what follows
    ("I understand, is she older than you?", "closed_question"),
    # confidence in the client's future, agreement and thanks console; they reflect nothing
    ("You will do great.", "reassurance"),
    ("I know you'll get through this.", "reassurance"),
    ("That sounds like a plan.", "reassurance"),
    ("Thank you for sharing that with me.", "reassurance"),
    ("I have faith in you.", "reassurance"),
    # the listener's own experience after "I understand" or "I hear you" is self-disclosure
    ("I understand, I went through the same thing with my brother.", "self_disclosure"),
    ("I hear you, I lost my job last year and felt the same.", "self_disclosure"),
    ("I can relate to that.", "self_disclosure"),
    # findings and resources inform
    ("Exercise has been shown to ease stress.", "information"),
]

# Several sentences: the act that most shapes how the client hears the response names it.
MIXED = [
    ("It sounds like you felt let down. You should tell her.", "advice"),
    ("It sounds like you felt let down. Don't worry, she'll make it up to you.", "reassurance"),
    ("I'm sorry. It sounds like you felt really let down.", "reflection"),
    ("I'm sorry to hear that, it sounds like you felt really let down.", "reflection"),
    ("That must be so hard. What happened next?", "open_question"),
    ("I'm sorry you feel so alone. When did it start?", "closed_question"),  # a question for a fact
    ("It sounds like you felt forgotten. What happened next?", "reflection"),
    ("It sounds like you felt let down. My brother did the same to me once.", "self_disclosure"),
    ("Thanks for telling me. You felt forgotten.", "reflection"),
    # as much of the listener's own remarks as reflection: the focus has moved to them
    ("You felt let down. Families are complicated these days.", "other"),
    # an interjection is no remark of the listener's own
    ("Ugh. I'm so sorry. That must be so frustrating.", "reflection"),
    ("You're most welcome. Have a lovely evening!", "other"),
    # a joke or a change of subject after a reflection is what the client hears last
    ("That sounds so lonely. Let's talk about something else.", "other"),
    ("You felt let down. Sisters are the worst anyway lol", "other"),
]


def _cases(table):
    return [(text, kind) for kind, texts in table.items() for text in texts]


@pytest.mark.parametrize("text, expected", _cases(KIND_EXAMPLES))
def test_every_kind_is_recognised(text, expected):
    assert read_as(text).kind == expected


def test_the_examples_cover_every_kind():
    assert set(KIND_EXAMPLES) == set(KINDS)


@pytest.mark.parametrize("text, expected", HARD_CASES)
def test_hard_cases(text, expected):
    assert read_as(text).kind == expected


@pytest.mark.parametrize("text, expected", MIXED)
def test_sentences_combine_by_what_the_client_will_hear(text, expected):
    assert read_as(text).kind == expected


ROADBLOCK_EXAMPLES = {
    "ordering": "You have to stop thinking about her.",
    "warning": "If you don't talk to her, you'll regret it.",
    "moralising": "You ought to forgive her, she's family.",
    "advising": "You should call her tomorrow.",
    "persuading": "The fact is, people forget things.",
    "judging": "You're being a bit dramatic about one dinner.",
    "blaming": "You shouldn't have expected so much from her.",
    "minimising": "It's just one dinner, there will be others.",
    "mocking": "Boo hoo, a whole dinner alone.",
    "confirming": "Yeah, maybe you are a bit of an idiot for waiting.",
    "praising": "Good for you for saying something.",
    "name_calling": "Stop being such a drama queen.",
    "interpreting": "That's just anxiety.",
    "reassuring": "Don't worry, she'll make it up to you.",
    "probing": "Why did you expect her to come?",
    "withdrawing": "Let's talk about something else.",
}


def test_every_roadblock_family_has_an_example():
    assert set(ROADBLOCK_EXAMPLES) == set(lexicons.roadblocks())


@pytest.mark.parametrize("family, text", ROADBLOCK_EXAMPLES.items())
def test_each_roadblock_family_is_detected(family, text):
    feedback = read_as(text)
    assert family in feedback.roadblocks
    assert not feedback.check("no_roadblock").passed


# The client's own voice, reflected: phrases that would be roadblocks in the listener's mouth.
REFLECTED_VOICE = [
    "You feel you should have known she wouldn't come.",
    "You couldn't sleep after the dinner.",
    "Part of you wants to forgive her, and part of you wants her to feel bad.",
    "You think you have to keep the peace in the family.",
    "Your sister told you that you should let it go.",
    "It sounds like you need some time before you see her again.",
    "It's hard to stay positive when someone you love lets you down.",
    "You're struggling to get over it.",
    "So you have to buy your own present now?",
]


@pytest.mark.parametrize("text", REFLECTED_VOICE)
def test_reflections_of_the_clients_voice_are_not_roadblocks(text):
    feedback = read_as(text)
    assert feedback.roadblocks == ()
    assert feedback.kind == "reflection"


def test_a_roadblock_in_the_listeners_voice_next_to_a_reflection_is_still_found():
    feedback = read_as("You feel you should have known. You should talk to her.")
    assert feedback.roadblocks == ("advising",)


CARER = AdHocStatement(
    client="I've been looking after my dad every night since his stroke, and I haven't slept properly in weeks.",
    model_answers=(
        "You're exhausted from looking after your dad every night since his stroke.",
        "Caring for your dad every night has left you worn out and short of sleep.",
        "It sounds like you're running on empty from caring for your dad night after night.",
    ),
)
REFLECTION = "You're worn out from looking after your dad every night since his stroke."

# Each shares most of its words with the model answers, but is not a reflection.
NOT_REFLECTIONS = [
    ("You should find someone to look after your dad every night so you can sleep.", "advice"),
    ("Don't worry, your dad will get better after his stroke and you'll sleep again.", "reassurance"),
    ("At least your dad is still alive after his stroke.", "judgment"),
    ("You're so strong for looking after your dad every night since his stroke.", "reassurance"),
    ("It's your own fault you're exhausted, you should have asked for help with your dad.", "judgment"),
    ("That's just carer burnout from looking after your dad every night.", "judgment"),
    ("I looked after my dad every night after his stroke too, and I was exhausted.", "self_disclosure"),
    ("Research shows that looking after a parent every night after a stroke is exhausting.", "information"),
    ("Are you exhausted from looking after your dad every night since his stroke?", "closed_question"),
]


def test_the_reflection_scores_as_one():
    feedback = score(CARER, REFLECTION)
    assert feedback.kind == "reflection"
    assert feedback.band == "strong"


@pytest.mark.parametrize("text, expected", NOT_REFLECTIONS)
def test_a_non_reflection_scores_below_a_real_reflection(text, expected):
    feedback = score(CARER, text)
    assert feedback.kind == expected
    assert feedback.score < score(CARER, REFLECTION).score
    assert feedback.band in ("not_yet", "developing")


def test_the_score_says_why_it_was_capped():
    feedback = score(
        CARER,
        "You're exhausted from looking after your dad every night since his stroke. You should hire a night nurse.",
    )
    assert feedback.kind == "advice" and feedback.score == 59
    assert any(message.startswith("Score capped at") for message in feedback.messages)
