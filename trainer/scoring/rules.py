"""The reading rules: a table, tried in order on each sentence; the first that applies decides.

Each rule has a name (kept as the act's ``why``, so every verdict can be traced to it), what
it decides, the features it reads (``SentenceFeatures`` attributes), and examples that a test
reads to check the rule fires on them. docs/scoring.md shows the same table, and a test keeps
the two in step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from trainer.scoring.features import DEICTIC, HEDGES, RoadblockHit, SentenceFeatures

FRAGMENT_WORDS = 2
SHORT_REMARK = 6  # a short painful remark about no one in general is about the client ("Home doesn't feel safe.")
# Subjects of general remarks, not of the client's world: "People get stressed about money."
_GENERAL_SUBJECTS = frozenset(
    {
        "people",
        "everyone",
        "everybody",
        "life",
        "we",
        "i",
        "my",
        "most",
        "many",
        "some",
        "a",
        "an",
        "it",
        "this",
        "that",
        "there",
        "anyone",
        "nobody",
        "no",
    }
)
_POINTING = frozenset({"that", "this"})  # later in a sentence, "that" points back at what the client said


@dataclass(slots=True)
class SentenceAct:
    """What one sentence does."""

    act: str | None  # a kind of response, or None for fillers and checking tags
    reflective: bool  # reflects the client, even if something else follows
    question_shaped: bool
    why: str = ""  # the rule that decided
    explores: bool = False  # a question about how the client feels or what it means to them
    # Ranks lower than ``act`` among the sentences of a response: "empathy" ("That must be
    # hard.") gives way to a question that follows, "acknowledgement" ("I'm sorry.", "I
    # understand.") to anything but small talk.
    ranks_as: str | None = None
    # A statement in the listener's own frame: an opinion, a general remark, their situation.
    listeners_frame: bool = False
    roadblock: RoadblockHit | None = None  # a roadblock the rule itself found


Decide = Callable[[SentenceFeatures], "SentenceAct | None"]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    decides: str  # in words, for the table in the docs
    reads: tuple[str, ...]  # the features it looks at
    decide: Decide
    examples: tuple[str, ...]  # sentences it decides (with the example client statement of the tests)
    before_markers: bool = False  # decides before any phrase is looked for: nothing is said here


def _act(
    kind: str | None, why: str, reflective: bool = False, question_shaped: bool = False, **extra: Any
) -> SentenceAct:
    return SentenceAct(kind, reflective, question_shaped, why, **extra)


# ---------------------------------------------------------------------------- before the phrases


def _nothing(f: SentenceFeatures) -> SentenceAct | None:
    if f.lead >= len(f.words) or f.only_a_checking_tag or f.agreement_only:
        return _act(None, "filler or checking tag")
    return None


def _small_talk(f: SentenceFeatures) -> SentenceAct | None:
    return _act("other", "small talk") if f.start >= len(f.words) else None


# ---------------------------------------------------------------------------- questions


def _roadblock(f: SentenceFeatures) -> SentenceAct | None:
    kind = f.roadblock_kind
    if not kind:
        return None
    # A change of subject or a joke is a roadblock too, though it makes no kind of its own.
    ranks_as = "withdrawing" if kind == "other" else None
    return _act(kind, "roadblock", bool(f.opener) or f.reflects_before_roadblock, f.asks, ranks_as=ranks_as)


def _reflection_then_question(f: SentenceFeatures) -> SentenceAct | None:
    opener = f.opener
    if f.asks and (
        (opener and opener.kind == "reflection" and opener.start < f.question_form[2])
        or (f.asks_by_form and f.reflects_before_asking)
    ):
        return _act("reflection", "reflection, then a question", True, True)
    return None


def _hedged_suggestion(f: SentenceFeatures) -> SentenceAct | None:
    if f.asks:
        applies = not f.asks_by_form and not f.probing and f.words[f.start] in HEDGES
    else:
        applies = not f.opener and not f.painful and not f.listener_is_subject
    if applies and f.suggestion:
        return _act("advice", "hedged suggestion", question_shaped=f.asks, roadblock=f.suggestion)
    return None


def _declarative_question(f: SentenceFeatures) -> SentenceAct | None:
    if f.asks and not f.asks_by_form and not f.probing and (f.mentions_the_client or "so" in f.sentence.tokens[:2]):
        return _act("reflection", "declarative question", True, True)
    return None


def _option_offered(f: SentenceFeatures) -> SentenceAct | None:
    if f.asks_by_form and not f.open_form and f.option_offered:
        return _act("advice", "an option offered as a question", question_shaped=True, roadblock=f.option_offered)
    return None


def _understanding_checked(f: SentenceFeatures) -> SentenceAct | None:
    if f.asks and f.checks_understanding and not f.open_form and not f.probing:
        return _act("reflection", "understanding checked", True, True)
    return None


def _question(f: SentenceFeatures) -> SentenceAct | None:
    if not f.asks:
        return None
    if f.probing or (f.open_form and not f.asks_for_a_fact):  # an open question about the client invites more
        about_the_client = f.explores or not f.v.second_person.isdisjoint(f.words)
        return _act("open_question", "question", question_shaped=True, explores=about_the_client and not f.probing)
    return _act("closed_question", "question", question_shaped=True, explores=f.explores)


# ---------------------------------------------------------------------------- statements


def _disclosure_marker(f: SentenceFeatures) -> SentenceAct | None:
    return _act("self_disclosure", "disclosure marker") if f.markers.disclosures else None


def _own_story(f: SentenceFeatures) -> SentenceAct | None:
    return _act("self_disclosure", "speaker's own experience") if f.tells_own_story else None


def _sympathy_alone(f: SentenceFeatures) -> SentenceAct | None:
    """Sympathy with no feeling reflected: "I'm so sorry you have to deal with all that."."""
    if f.markers.acknowledgements and not f.painful and not f.opener and not f.restates and not f.says_the_client_feels:
        return _act("reassurance", "sympathy alone", ranks_as="acknowledgement")
    return None


def _empathic_opener(f: SentenceFeatures) -> SentenceAct | None:
    """ "That sounds hard" gives way to a question after it; "That sounds infuriating" does not."""
    if f.opener and f.opener.kind == "empathy":
        return _act("reflection", "empathic opener", True, ranks_as=None if f.names_a_feeling else "empathy")
    return None


def _reflective_opener(f: SentenceFeatures) -> SentenceAct | None:
    return _act("reflection", "reflective opener", True) if f.opener or f.checks_understanding else None


def _sympathy_for_the_client(f: SentenceFeatures) -> SentenceAct | None:
    if f.about_the_client and f.markers.acknowledgements:
        return _act("reflection", "sympathy for the client's state", True, ranks_as="empathy")
    return None


def _about_the_client(f: SentenceFeatures) -> SentenceAct | None:
    return _act("reflection", "statement about the client", True) if f.about_the_client else None


def _empathic_statement(f: SentenceFeatures) -> SentenceAct | None:
    later = [f.skip(f.v.fillers, c) for c in f.clause_starts(f.start)[1:]]  # "..., that's a lot to hold"
    if f.painful and (
        f.words[f.start] in DEICTIC
        or f.feeling_attributed
        or any(c < len(f.words) and f.words[c] in _POINTING for c in later)
        or any(f.words[c : c + 2] in (("it", "hurts"), ("it", "stings")) for c in later)
    ):
        return _act("reflection", "empathic statement", True, ranks_as=None if f.names_a_feeling else "empathy")
    return None


def _information(f: SentenceFeatures) -> SentenceAct | None:
    return _act("information", "information marker") if f.markers.informs else None


def _restatement(f: SentenceFeatures) -> SentenceAct | None:
    return _act("reflection", "restatement", True) if not f.speaker and f.restates else None


def _acknowledgement(f: SentenceFeatures) -> SentenceAct | None:
    if f.markers.acknowledgements:
        return _act("reassurance", "acknowledgement", ranks_as="acknowledgement")
    return None


def _speaker_subject(f: SentenceFeatures) -> SentenceAct | None:
    return _act("other", "speaker subject", listeners_frame=True) if f.speaker else None


def _about_the_clients_world(f: SentenceFeatures) -> SentenceAct | None:
    """The client's world, with how it feels, what it means or what they talked about."""
    if not f.v.second_person.isdisjoint(f.words) and (f.painful or f.means_something or f.restates_one):
        return _act("reflection", "about the client's world", True)
    short = len(f.words) - f.start <= SHORT_REMARK
    if (
        f.painful
        and f.names_a_feeling
        and (f.restates_one or short)
        and not f.only_feelings
        and f.words[f.start] not in _GENERAL_SUBJECTS
    ):
        return _act("reflection", "about the client's world", True)  # "Proving it over and over has become exhausting"
    return None


def _summary(f: SentenceFeatures) -> SentenceAct | None:
    return _act("reflection", "summary", True) if "so" in f.sentence.tokens[:2] else None


def _feeling_alone(f: SentenceFeatures) -> SentenceAct | None:
    return _act("reflection", "a feeling named alone", True) if f.only_feelings and f.painful else None


def _default(f: SentenceFeatures) -> SentenceAct | None:
    """Anything else is the listener's own remark -- but a fragment of a few words ("Three
    days...") is no remark of the listener's own."""
    return _act("other", "default", listeners_frame=len(f.words) - f.start > FRAGMENT_WORDS)


RULES: tuple[Rule, ...] = (
    Rule(
        "filler or checking tag",
        "nothing",
        ("lead", "only_a_checking_tag", "agreement_only"),
        _nothing,
        ("Okay.", "Is that right?", "Yes it is."),
        before_markers=True,
    ),
    Rule("small talk", "other", ("start",), _small_talk, ("Hi there!", "Have a lovely evening."), before_markers=True),
    Rule(
        "roadblock",
        "the roadblock's kind",
        ("markers", "roadblock_kind", "asks_by_form", "reflects_before_roadblock"),
        _roadblock,
        ("You should call her.", "Don't worry, she probably forgot.", "Have you tried talking to her?"),
    ),
    Rule(
        "reflection, then a question",
        "reflection",
        ("asks", "opener", "question_form", "reflects_before_asking"),
        _reflection_then_question,
        (
            "It sounds like you're hurt, what happened next?",
            "It sounds like you felt let down, is that what hurts most?",
            "You're furious with her -- what would you want to say to her?",
        ),
    ),
    Rule(
        "hedged suggestion",
        "advice",
        ("asks", "asks_by_form", "probing", "opener", "painful", "listener_is_subject", "suggestion"),
        _hedged_suggestion,
        ("Maybe a lawyer?", "Journaling might be an option.", "Perhaps some journaling."),
    ),
    Rule(
        "declarative question",
        "reflection",
        ("asks", "asks_by_form", "probing", "mentions_the_client"),
        _declarative_question,
        ("So you felt let down?", "You were hurt that she didn't come?"),
    ),
    Rule(
        "an option offered as a question",
        "advice",
        ("asks_by_form", "open_form", "option_offered"),
        _option_offered,
        ("Do you have friends you could talk to?", "Is there a group you can join?"),
    ),
    Rule(
        "understanding checked",
        "reflection",
        ("asks", "checks_understanding", "open_form", "probing"),
        _understanding_checked,
        ("To make sure I understand, did she promise to come?", "If I understand you right, did she promise?"),
    ),
    Rule(
        "question",
        "open or closed question",
        ("asks", "open_form", "probing", "asks_for_a_fact", "explores"),
        _question,
        (
            "What happened after the dinner?",
            "Did she text you afterwards?",
            "Why didn't you call her?",
            "How long have you been sisters?",
        ),
    ),
    Rule(
        "disclosure marker",
        "self_disclosure",
        ("markers",),
        _disclosure_marker,
        ("The same thing happened to me last year.", "When I was your age my sister did that too."),
    ),
    Rule(
        "speaker's own experience",
        "self_disclosure",
        ("tells_own_story", "opener"),
        _own_story,
        ("I moved across the country last year.", "I hear you, I moved away from home at nineteen."),
    ),
    Rule(
        "sympathy alone",
        "reassurance (acknowledgement)",
        ("markers", "painful", "opener", "restates", "says_the_client_feels"),
        _sympathy_alone,
        ("I'm so sorry you have to deal with all that.", "I'm sorry you're going through this."),
    ),
    Rule(
        "empathic opener",
        "reflection (empathy)",
        ("opener", "names_a_feeling"),
        _empathic_opener,
        ("That must be so hard.", "That sounds really painful."),
    ),
    Rule(
        "reflective opener",
        "reflection",
        ("opener", "checks_understanding"),
        _reflective_opener,
        ("It sounds like you felt let down.", "I'm hearing that you felt let down."),
    ),
    Rule(
        "sympathy for the client's state",
        "reflection (empathy)",
        ("about_the_client", "markers"),
        _sympathy_for_the_client,
        ("I'm sorry you're going through this on your own.", "I'm so sorry you feel so alone."),
    ),
    Rule(
        "statement about the client",
        "reflection",
        ("about_the_client",),
        _about_the_client,
        ("You're hurt that she broke her promise.", "You've been avoiding her calls since then."),
    ),
    Rule(
        "empathic statement",
        "reflection (empathy)",
        ("painful", "names_a_feeling", "feeling_attributed", "start"),
        _empathic_statement,
        ("That's awful.", "How painful.", "Sitting there all night with her present must have felt humiliating."),
    ),
    Rule(
        "information marker",
        "information",
        ("markers",),
        _information,
        ("There are support groups for people in your situation.", "Statistics show that siblings fight a lot."),
    ),
    Rule(
        "restatement",
        "reflection",
        ("speaker", "restates"),
        _restatement,
        ("Sitting at the birthday dinner with her present.", "A birthday dinner and no sister."),
    ),
    Rule(
        "acknowledgement",
        "reassurance (acknowledgement)",
        ("markers",),
        _acknowledgement,
        ("I am sorry about the dinner and her present.", "I understand, the birthday dinner and the present."),
    ),
    Rule(
        "speaker subject",
        "other (the listener's frame)",
        ("speaker",),
        _speaker_subject,
        ("I think families are complicated.", "My view is that dinners are overrated."),
    ),
    Rule(
        "about the client's world",
        "reflection",
        ("painful", "means_something", "restates_one", "names_a_feeling", "only_feelings"),
        _about_the_clients_world,
        ("A sad thing for you.", "A painful night for you.", "Something that mattered to you."),
    ),
    Rule("summary", "reflection", (), _summary, ("So money is going to be tight.", "So she had other plans.")),
    Rule("a feeling named alone", "reflection", ("only_feelings",), _feeling_alone, ("Lonely.", "Hurt and let down.")),
    Rule(
        "default",
        "other (the listener's frame)",
        (),
        _default,
        ("Life is a journey.", "The economy is bad everywhere."),
    ),
)
