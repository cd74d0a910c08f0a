"""Reading a response: what each sentence does, and so what kind of response it is.

Each sentence is read by the rules of ``trainer.scoring.rules`` -- the rules a counselling
instructor applies by ear, tried in order over the sentence's features -- and then the
sentences are weighed against each other (``kind_of``).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain

from trainer.scoring.features import ClientWords, FeelingHit, RoadblockHit, SentenceFeatures
from trainer.scoring.rules import RULES, SentenceAct
from trainer.scoring.text import Correct, Sentence, sentences
from trainer.scoring.vocabulary import Vocabulary, vocabulary

# When sentences do different things, the response is named after the act that most shapes
# how the client will hear it: a roadblock outweighs a reflection that came before it, and a
# reflection a question; an empathic remark ("That's hard.") gives way to a question after
# it, and sympathy ("I'm sorry.") to anything but small talk.
_PRECEDENCE = (
    "information",
    "advice",
    "judgment",
    "self_disclosure",
    "reassurance",
    "withdrawing",  # a joke or a change of subject after a reflection: the kind is "other"
    "reflection",
    "open_question",
    "closed_question",
    "empathy",
    "acknowledgement",
    "other",
)

_EARLY_RULES = tuple(r for r in RULES if r.before_markers)
_LATER_RULES = tuple(r for r in RULES if not r.before_markers)


@dataclass(slots=True)
class SentenceReading:
    """One sentence read: its act, and what it said along the way."""

    act: SentenceAct
    roadblocks: list[RoadblockHit]
    disclosures: list[str]
    feelings: list[FeelingHit]
    depth: list[tuple[str, str]]
    inner_states: list[str]


@dataclass(slots=True)
class Reading:
    """Everything the checks need to know about a response, read once."""

    kind: str
    acts: tuple[SentenceAct, ...]
    roadblocks: tuple[RoadblockHit, ...]
    feelings: tuple[FeelingHit, ...]
    disclosures: tuple[str, ...]
    depth: tuple[tuple[str, str], ...]  # (how it goes beyond the client's words, the words)
    inner_states: tuple[str, ...]  # what the client wants or holds, as said of them
    tokens: tuple[str, ...]
    stems: tuple[str, ...]
    first_person: int
    second_person: int

    @property
    def has_reflection(self) -> bool:
        return any(a.reflective for a in self.acts)

    @property
    def question_shaped_reflection(self) -> bool:
        return any(a.act == "reflection" and a.question_shaped for a in self.acts)

    @property
    def question_after_reflection(self) -> bool:
        """A question follows the reflection, and takes the client's attention from it."""
        acts = [a for a in self.acts if a.act]
        first = next((i for i, a in enumerate(acts) if a.reflective), None)
        return first is not None and (
            acts[first].why == "reflection, then a question"
            or any(a.act in ("open_question", "closed_question") for a in acts[first + 1 :])
        )


def read_sentence(
    v: Vocabulary, sentence: Sentence, client: ClientWords, names: frozenset[str] = frozenset()
) -> SentenceReading:
    """The first rule that applies decides; the phrases the listener said are kept with it."""
    f = SentenceFeatures(v, sentence, client, names)
    for rule in _EARLY_RULES:
        act = rule.decide(f)
        if act:
            return SentenceReading(act, [], [], f.feelings, [], [])
    markers = f.markers
    for rule in _LATER_RULES:
        act = rule.decide(f)
        if act:
            break
    assert act is not None, "the last rule, 'default', decides every sentence"
    said = [*markers.roadblocks, *markers.acknowledgements, *([act.roadblock] if act.roadblock else [])]
    return SentenceReading(act, said, markers.disclosures, f.feelings, f.depth, f.inner_states)


def feelings_in(parts: list[Sentence]) -> list[FeelingHit]:
    """The feelings a text names (a model answer's, a client's), read as a response's are."""
    v = vocabulary()
    return [hit for s in parts for hit in SentenceFeatures(v, s, ClientWords()).feelings]


def _rank(act: SentenceAct) -> int:
    return _PRECEDENCE.index(act.ranks_as or act.act)


def kind_of(acts: list[SentenceAct]) -> str:
    """The act that ranks first; but a reflection only carries a response that says no more
    in the listener's own frame than it reflects -- otherwise the focus has moved to them."""
    named = [a for a in acts if a.act]
    if not named:
        return "other"
    kind = min(named, key=_rank).act or "other"  # every act in ``named`` is one
    if kind == "reflection":
        own = sum(a.listeners_frame for a in named)
        if own and own >= sum(a.reflective and a.act == "reflection" for a in named):
            return "other"
    return kind


NO_CLIENT = ClientWords()  # a response read on its own, with no client statement to compare


def read(
    text: str, client: ClientWords = NO_CLIENT, correct: Correct | None = None, names: frozenset[str] = frozenset()
) -> Reading:
    """Read a response once; every check works from this.

    ``client`` is what is known of the client's statement, so that a restatement of it in
    other words is recognised as a reflection, and its own words said back are not taken for
    the listener's. ``correct`` mends slips of the keyboard ("lonly"); ``names`` are the
    client's name, in lower case, so that "Oh Gloria, ..." is read past.
    """
    v = vocabulary()
    parts = sentences(text, correct)
    readings = [read_sentence(v, s, client, names) for s in parts]
    acts = [r.act for r in readings]
    tokens = tuple(chain.from_iterable(s.tokens for s in parts))
    kind = kind_of(acts)
    # Sympathy before a reflection only prefaces it ("I'm sorry. You must feel so alone."): no roadblock.
    roadblocks = [hit for r in readings for hit in r.roadblocks if not (hit.acknowledges and kind == "reflection")]
    return Reading(
        kind=kind,
        acts=tuple(acts),
        roadblocks=tuple(roadblocks),
        feelings=tuple(chain.from_iterable(r.feelings for r in readings)),
        disclosures=tuple(chain.from_iterable(r.disclosures for r in readings)),
        depth=tuple(chain.from_iterable(r.depth for r in readings)),
        inner_states=tuple(chain.from_iterable(r.inner_states for r in readings)),
        tokens=tokens,
        stems=tuple(chain.from_iterable(s.stems for s in parts)),
        first_person=sum(map(v.first_person.__contains__, tokens)),
        second_person=sum(map(v.second_person.__contains__, tokens)),
    )
