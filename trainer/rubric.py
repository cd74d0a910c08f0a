"""What the trainer talks about, each defined once: the bands, the kinds of response, how a
response lands in a conversation, and the rubric's checks -- points, labels, tips, order.

Every caller reads these tables: the scorer, the feedback, the summary, progress, grading,
the conversation and the screens. Nothing heavy is imported here, so a screen can name a band
without loading the scorer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

# A reflection is a sentence or two: the scorer reads a response up to this many characters
# (and says so past it), and the app's response box takes no more.
MAX_RESPONSE_CHARS = 2000


class Band(str, Enum):
    """The four score bands, highest first."""

    strong = "strong"
    good = "good"
    developing = "developing"
    not_yet = "not_yet"


BAND_FLOORS = {Band.strong: 80, Band.good: 60, Band.developing: 40, Band.not_yet: 0}
BAND_WORDS = {"strong": "Strong", "good": "Good", "developing": "Developing", "not_yet": "Not yet"}
BAND_IDS = tuple(band.value for band in Band)


def band_for(score: int) -> str:
    return next(band.value for band, floor in BAND_FLOORS.items() if score >= floor)


class Kind(str, Enum):
    """What a response does."""

    reflection = "reflection"
    open_question = "open_question"
    closed_question = "closed_question"
    advice = "advice"
    information = "information"
    reassurance = "reassurance"
    judgment = "judgment"
    self_disclosure = "self_disclosure"
    other = "other"


KINDS = tuple(kind.value for kind in Kind)
KIND_WORDS = {
    "reflection": "a reflection",
    "open_question": "an open question",
    "closed_question": "a closed question",
    "advice": "advice",
    "information": "information",
    "reassurance": "reassurance",
    "judgment": "a judgment",
    "self_disclosure": "self-disclosure",
    "other": "another kind of response",
}
QUESTION_KINDS = ("open_question", "closed_question")
ROADBLOCK_KINDS = ("advice", "information", "reassurance", "judgment")  # a client hears them as blocked


class Outcome(str, Enum):
    """How a response landed with the client (trainer/conversation.py decides)."""

    reflected = "reflected"
    partly = "partly"
    questioned = "questioned"
    blocked = "blocked"
    self_focus = "self_focus"
    other = "other"


# What each outcome means, as an author reads it.
OUTCOMES = {
    "reflected": "a reflection in the good or strong band",
    "partly": "a reflection in the developing or not_yet band",
    "questioned": "an open or closed question, a 'why' among them",
    "blocked": "advice, information, reassurance or judgment",
    "self_focus": "self-disclosure: the listener talked about themselves",
    "other": "anything else (small talk, humour, gibberish)",
}


@dataclass(frozen=True)
class CheckInfo:
    """One rubric check: its points, and how the feedback, progress and summary speak of it."""

    id: str
    points: int
    label: str  # progress: "Feelings named"
    skill: str  # summary: "Naming the feeling"
    did: str  # summary: "You named the feeling"
    gap: str  # summary, of some responses: "missed the feeling {name} expressed"
    tip: str  # one concrete thing to try next; may use {name}


# In the order progress lists them: the heart of the skill first.
CHECKS = (
    CheckInfo(
        "feeling",
        25,
        "Feelings named",
        "Naming the feeling",
        "You named the feeling",
        "missed the feeling {name} expressed",
        'Listen for the feeling under {name}\'s words and name it: "It sounds like you feel ...".',
    ),
    CheckInfo(
        "reflective_form",
        15,
        "Reflective form",
        "Reflecting as a statement",
        "You reflected as a statement from {name}'s side",
        "were not yet reflections",
        'Turn the question into a statement of what you hear: "It sounds like you ...".',
    ),
    CheckInfo(
        "no_roadblock",
        10,
        "Roadblocks avoided",
        "Listening without roadblocks",
        "You listened without fixing, judging or reassuring",
        'held a roadblock (advice, reassurance, judgment or a "why" question)',
        "Hold back advice and reassurance until {name} feels heard; reflect first.",
    ),
    CheckInfo(
        "content",
        10,
        "Content captured",
        "Saying what it is about",
        "You captured what it was about",
        "left out what it was about",
        'Add what the feeling is about: "... because ..." or "... when ...".',
    ),
    CheckInfo(
        "depth",
        15,
        "Beyond the words",
        "Going beyond the words",
        "You went beyond {name}'s words",
        "stayed with {name}'s own words",
        "Go one step deeper: what does this mean to {name}, or what is underneath it?",
    ),
    CheckInfo(
        "similarity",
        10,
        "Close to a model answer",
        "Coming close to a model answer",
        "Your words were close to the model answers",
        "were still far from the model answers",
        "Compare your words with the model answer below: what did it notice that you did not?",
    ),
    CheckInfo(
        "own_words",
        7,
        "In your own words",
        "Using your own words",
        "You put things in your own words",
        "repeated {name}'s words",
        "Say it in your own words, and add the feeling underneath what {name} said.",
    ),
    CheckInfo(
        "client_focus",
        5,
        "Focus on the client",
        "Keeping the focus on the client",
        "You kept the focus on {name}",
        "turned the focus to you",
        "Keep the spotlight on {name}: leave your own story out for now.",
    ),
    CheckInfo(
        "length",
        3,
        "A workable length",
        "A workable length",
        "Your responses were a workable length",
        "were very short or very long",
        "Give a full sentence or two: the feeling and what it is about.",
    ),
)
CHECK = {c.id: c for c in CHECKS}
MAX_POINTS = {c.id: c.points for c in CHECKS}
CHECK_LABELS = {c.id: c.label for c in CHECKS}
# Strengths are told in this order, at most two; the next step is the first failed check in
# its order.
STRENGTH_ORDER = (
    "feeling",
    "depth",
    "reflective_form",
    "content",
    "no_roadblock",
    "similarity",
    "own_words",
    "client_focus",
)
NEXT_STEP_ORDER = (
    "no_roadblock",
    "reflective_form",
    "feeling",
    "content",
    "depth",
    "own_words",
    "client_focus",
    "length",
    "similarity",
)
