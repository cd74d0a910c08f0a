"""Reading a response: what each sentence does, and so what kind of response it is.

The rules are those a counselling instructor applies by ear: a statement about the client
("It sounds like you...", "You feel...") is a reflection, even with a question mark; a
question opens with a question word or an auxiliary; advice, judgment and reassurance are
recognised by Gordon's roadblock phrases; talk about oneself by first-person markers.
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.scoring.vocabulary import Vocabulary, vocabulary
from trainer.text import Sentence, sentences

KINDS = (
    "reflection", "open_question", "closed_question", "advice", "information",
    "reassurance", "judgment", "self_disclosure", "other",
)
ROADBLOCK_KINDS = frozenset({"advice", "information", "reassurance", "judgment", "self_disclosure", "other"})

# When sentences do different things, the response is named after the act that most shapes
# how the client will hear it: advice or judgment outweighs a reflection that came before it.
_PRECEDENCE = (
    "advice", "judgment", "open_question", "closed_question", "reassurance",
    "information", "self_disclosure", "reflection", "other",
)

# The subject words of a statement about the listener.
_SELF_SUBJECTS = frozenset({"i", "my", "me"})
_WE = frozenset({"i", "we"})


@dataclass(frozen=True, slots=True)
class RoadblockHit:
    roadblock: str  # id in the roadblock lexicon
    said: str  # the words that fired it


@dataclass(frozen=True, slots=True)
class FeelingHit:
    said: str
    stems: tuple[str, ...]
    families: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SentenceAct:
    act: str | None  # one of KINDS, or None for fillers and checking tags
    reflective: bool  # opens like a reflection or speaks about "you"
    question_shaped: bool


@dataclass(frozen=True, slots=True)
class Reading:
    """Everything the checks need to know about a response, read once."""

    kind: str
    acts: tuple[SentenceAct, ...]
    roadblocks: tuple[RoadblockHit, ...]
    feelings: tuple[FeelingHit, ...]
    disclosures: tuple[str, ...]
    tokens: tuple[str, ...]
    stems: tuple[str, ...]
    first_person: int
    second_person: int

    @property
    def has_reflection(self) -> bool:
        return any(a.act == "reflection" or a.reflective for a in self.acts)

    @property
    def question_shaped_reflection(self) -> bool:
        return any(a.act == "reflection" and a.question_shaped for a in self.acts)


def _skip_fillers(v: Vocabulary, tokens: tuple[str, ...]) -> int:
    i = 0
    while i < len(tokens):
        found = v.fillers.match_at(tokens, i)
        if not found:
            break
        i += found[0]
    return i


def _voiced_by_client(v: Vocabulary, tokens: tuple[str, ...], start: int, lead: int) -> bool:
    """True when a roadblock phrase is reported speech: "you feel you should..."."""
    for j in range(max(lead, start - 3), start):
        if tokens[j] in v.reported_speech:
            return not (j > 0 and tokens[j - 1] in _WE)
    return False


def _read_sentence(v: Vocabulary, sentence: Sentence, roadblocks: list, disclosures: list) -> SentenceAct:
    tokens = sentence.tokens
    lead = _skip_fillers(v, tokens)
    if lead >= len(tokens):
        return SentenceAct(None, False, False)
    checking = v.checking.match_at(tokens, lead)
    if checking and lead + checking[0] == len(tokens):
        return SentenceAct(None, False, False)

    reflective_open = v.reflective_stems.match_at(tokens, lead)
    question_open = v.open_questions.match_at(tokens, lead) or v.closed_questions.match_at(tokens, lead)
    open_q = bool(v.open_questions.match_at(tokens, lead))
    asks = sentence.asks or (question_open is not None and not reflective_open)

    blocks = []
    disclosed = information = False
    for start, end, (category, detail) in v.markers.scan(tokens):
        if category == "roadblock":
            inside_opener = reflective_open and start < lead + reflective_open[0]
            if inside_opener or (start > lead and _voiced_by_client(v, tokens, start, lead)):
                continue
            blocks.append(RoadblockHit(detail, " ".join(tokens[start:end])))
        elif category == "disclosure":
            disclosed = True
            disclosures.append(" ".join(tokens[start:end]))
        elif category == "information":
            information = True
    imperative = v.imperatives.match_at(tokens, lead) if not blocks else None
    # A command only reads as one in a statement; "why" probes only in a question.
    if imperative and asks == (v.roadblocks[imperative[1]].kind == "open_question"):
        blocks.append(RoadblockHit(imperative[1], " ".join(tokens[lead:lead + imperative[0]])))
    roadblocks.extend(blocks)

    subject = tokens[lead]
    you_frame = subject in v.second_person or any(t in v.second_person for t in tokens[lead:lead + 3])
    reflective = bool(reflective_open) or (you_frame and not asks and not blocks)
    kinds = [v.roadblocks[b.roadblock].kind for b in blocks]
    statement_kind = next((k for k in kinds if k not in ("open_question",)), None)
    if statement_kind:
        return SentenceAct(statement_kind, reflective, asks)
    if asks:
        if (reflective_open or subject in v.second_person) and not question_open:
            return SentenceAct("reflection", True, True)
        if any(k == "open_question" for k in kinds) or open_q:
            return SentenceAct("open_question", False, True)
        return SentenceAct("closed_question", False, True)
    if disclosed and not reflective_open:
        return SentenceAct("self_disclosure", False, False)
    if information and not reflective_open and subject not in v.second_person:
        return SentenceAct("information", False, False)
    if reflective:
        return SentenceAct("reflection", True, False)
    if subject in _SELF_SUBJECTS:
        return SentenceAct("self_disclosure", False, False)
    if v.feelings.scan(sentence.stems):
        return SentenceAct("reflection", True, False)
    return SentenceAct("other", False, False)


def _feelings(v: Vocabulary, sentence: Sentence) -> list[FeelingHit]:
    return [FeelingHit(" ".join(sentence.tokens[s:e]), sentence.stems[s:e], families)
            for s, e, families in v.feelings.scan(sentence.stems)]


def kind_of(acts: list[SentenceAct]) -> str:
    present = {a.act for a in acts if a.act}
    return next((k for k in _PRECEDENCE if k in present), "other")


def read(text: str) -> Reading:
    """Read a response once; every check works from this."""
    v = vocabulary()
    parts = sentences(text)
    roadblocks: list[RoadblockHit] = []
    disclosures: list[str] = []
    acts = [_read_sentence(v, s, roadblocks, disclosures) for s in parts]
    feelings = [hit for s in parts for hit in _feelings(v, s)]
    tokens = tuple(t for s in parts for t in s.tokens)
    stems = tuple(t for s in parts for t in s.stems)
    return Reading(
        kind=kind_of(acts),
        acts=tuple(acts),
        roadblocks=tuple(roadblocks),
        feelings=tuple(feelings),
        disclosures=tuple(disclosures),
        tokens=tokens,
        stems=stems,
        first_person=sum(t in v.first_person for t in tokens),
        second_person=sum(t in v.second_person for t in tokens),
    )
