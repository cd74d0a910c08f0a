"""Responses as trainees type them, for benchmarks: 8 to 40 words, varied, on a real statement.

Most are reflections of the statement's own feelings and content, in many shapes (one or two
sentences, tentative or plain, with a check at the end); the rest are what trainees also
write: questions, advice, reassurance, judgment, talk about themselves, a reflection spoilt
by a roadblock, a model answer nearly word for word. One in eight has a slip of the keyboard.
Nine in ten of a large class's responses are distinct: a little overlap, as in a real class,
and little for a memo of repeated responses to flatter.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from trainer.scoring.engine import StatementLike  # what a response is written to: the scorer's own

OPENERS = (
    "It sounds like",
    "It sounds as if",
    "You feel",
    "So you're feeling",
    "I'm hearing that you feel",
    "It seems you're",
    "Part of you feels",
    "You're",
    "I wonder if you're feeling",
    "So right now you feel",
)
SPARE_FEELINGS = ("upset", "let down", "overwhelmed", "alone", "hurt", "worried", "sad", "frustrated", "stuck")
FILLERS = ("", "", "really ", "kind of ", "a bit ", "so ", "quite ", "pretty ")
LINKS = ("because", "when", "since", "after", "now that", "and it seems like", "especially when")
SECOND = (
    "and part of you wonders whether it will ever change.",
    "and that is a lot to carry on your own.",
    "and it has been on your mind all week.",
    "and nobody seems to notice how much it matters to you.",
    "and you are not sure what to do with that.",
    "even though you keep telling yourself it's fine.",
)
CHECKS = ("Is that right?", "Does that fit?", "Am I getting that right?", "Is that close?")
QUESTIONS = (
    "What was that like for you when {content}?",
    "How did you feel when {content}?",
    "Can you tell me more about {content}?",
    "Did you talk to anyone about {content}?",
    "Why do you think {content} happened?",
    "What would help you most right now, with {content} on your mind?",
)
ROADBLOCKS = (
    "You should talk to them about {content} and tell them how you feel.",
    "Don't worry, things like {content} get better with time.",
    "Have you tried just moving on from {content}? It might help.",
    "I know exactly how you feel, the same thing happened to me last year with {content}.",
    "That's not really a big deal, everyone goes through {content} at some point.",
    "You need to stop thinking about {content} so much and focus on the good things.",
    "Honestly, you're overreacting a little about {content}.",
    "Research shows that {content} is very common and usually passes.",
)
PREFIXES = ("", "", "", "", "Hmm. ", "Okay. ", "I see. ", "Right. ", "Thank you for telling me. ", "Wow. ")
SPOILERS = (
    "but you should try to look on the bright side.",
    "but I'm sure it will all work out.",
    "so maybe you could just call them tomorrow.",
    "but why didn't you say something sooner?",
)


def _slip(rng: random.Random, text: str) -> str:
    """One word with two letters swapped, as fast typing does."""
    words = text.split(" ")
    long_words = [i for i, w in enumerate(words) if len(w) > 4 and w.isalpha()]
    if not long_words:
        return text
    i = rng.choice(long_words)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words)


def _echo(rng: random.Random, statement: StatementLike) -> str:
    """What it is about: one of the statement's content items, or a run of the client's words."""
    if statement.content and rng.random() < 0.6:
        return rng.choice(list(statement.content))
    words = statement.client.rstrip(".!?").split()
    start = rng.randrange(max(1, len(words) - 5))
    return " ".join(words[start : start + rng.randint(3, 7)]).lower()


def _feeling(rng: random.Random, statement: StatementLike) -> str:
    own = list(statement.feelings)
    return rng.choice(own) if own and rng.random() < 0.75 else rng.choice(SPARE_FEELINGS)


def _reflection(rng: random.Random, statement: StatementLike) -> str:
    first = f"{rng.choice(OPENERS)} {rng.choice(FILLERS)}{_feeling(rng, statement)}"
    if rng.random() < 0.4:
        first += f" and {_feeling(rng, statement)}"
    text = f"{first} {rng.choice(LINKS)} {_echo(rng, statement)}"
    if rng.random() < 0.45:
        text += f", {rng.choice(SECOND)}"
    else:
        text += "."
    if rng.random() < 0.2:
        text += f" {rng.choice(CHECKS)}"
    return text


def _question(rng: random.Random, statement: StatementLike) -> str:
    lead = f"That sounds {rng.choice(FILLERS)}{_feeling(rng, statement)}. " if rng.random() < 0.4 else ""
    return lead + rng.choice(QUESTIONS).format(content=_echo(rng, statement))


def _roadblock(rng: random.Random, statement: StatementLike) -> str:
    return rng.choice(PREFIXES) + rng.choice(ROADBLOCKS).format(content=_echo(rng, statement))


def _spoilt(rng: random.Random, statement: StatementLike) -> str:
    return f"{rng.choice(OPENERS)} {_feeling(rng, statement)} about {_echo(rng, statement)}, {rng.choice(SPOILERS)}"


def _near_model_answer(rng: random.Random, statement: StatementLike) -> str:
    answer = rng.choice(list(statement.model_answers)) if statement.model_answers else _reflection(rng, statement)
    return answer.replace("It sounds like", rng.choice(("It sounds like", "Sounds like", "It seems like")), 1)


SHAPES: tuple[tuple[float, Callable[[random.Random, StatementLike], str]], ...] = (
    (0.55, _reflection),
    (0.13, _question),
    (0.17, _roadblock),
    (0.08, _spoilt),
    (0.07, _near_model_answer),
)


def response(rng: random.Random, statement: StatementLike) -> str:
    """One trainee response to ``statement``: 8 to 40 words."""
    weights, makers = zip(*SHAPES)
    text = rng.choices(makers, weights)[0](rng, statement)
    if rng.random() < 0.3 and not text[0].islower():
        text = rng.choice(PREFIXES) + text
    while len(text.split()) < 8:
        text += f" {rng.choice(CHECKS)}"
    text = " ".join(text.split()[:40])
    return _slip(rng, text) if rng.random() < 0.125 else text
