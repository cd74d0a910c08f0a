"""The lexicons compiled into phrase indexes, once per process (and remembered between runs)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import astuple, dataclass, fields
from functools import cache
from itertools import chain
from pathlib import Path
from typing import Any, TypeVar

from trainer.paths import library_files
from trainer.scoring import lexicons, text
from trainer.scoring.remembered import remembered
from trainer.scoring.text import PhraseIndex, feeling_phrase, phrase, stemmed_phrase, words

P = TypeVar("P")
# What a listed phrase marks: ("roadblock", id), ("acknowledgement", id), ("humour", id),
# ("neutral", None), ("disclosure", None) or ("information", None).
Marker = tuple[str, str | None]


@dataclass(frozen=True)
class Roadblock:
    id: str
    name: str
    kind: str
    why: str
    instead: str


@dataclass(frozen=True)
class Vocabulary:
    roadblocks: dict[str, Roadblock]
    # Anywhere in a sentence: ("roadblock", id) | ("acknowledgement", id) | ("humour", id) | ("neutral", None)
    # | ("disclosure", None) | ("information", None)
    markers: PhraseIndex[Marker]
    # Matched on the words as typed, emphasis included: ("roadblock", id) | ("neutral", None)
    exact_markers: PhraseIndex[Marker]
    imperatives: PhraseIndex[str | None]  # roadblock "starts": id (None: not a roadblock)
    feelings: PhraseIndex[tuple[str, ...]]  # on stems: the families a feeling word belongs to
    feeling_families: dict[tuple[str, ...], tuple[str, ...]]  # stemmed phrase -> families
    fillers: PhraseIndex[bool]  # with the understanding checks
    understanding_checks: PhraseIndex[bool]
    reflective_stems: PhraseIndex[str]  # "reflection" (it sounds like...) | "empathy" (that must be hard)
    open_questions: PhraseIndex[bool]
    question_words: frozenset[str]  # the one-word openers of an open question: "what", "how"...
    closed_questions: PhraseIndex[bool]
    checking: PhraseIndex[bool]
    pleasantries: PhraseIndex[bool]
    softeners: PhraseIndex[bool]
    client_states: PhraseIndex[bool]
    question_subjects: frozenset[str]
    question_verbs: frozenset[str]
    elliptic_questions: frozenset[str]  # after a question word, they make a question without '?'
    suggestion_hedges: PhraseIndex[bool]
    experience_questions: PhraseIndex[bool]
    fact_questions: PhraseIndex[bool]
    # On the words as typed, emphasis included ("not just"): "meaning" | "both_sides" | "continuing",
    # where a reflection goes beyond the client's words.
    depth: PhraseIndex[str]
    speaker_adverbs: PhraseIndex[bool]
    speaker_experiences: frozenset[str]
    speaker_stances: frozenset[str]
    helping_actions: frozenset[str]  # stems
    pleasant_families: frozenset[str]
    reported_speech: frozenset[str]
    client_frames: PhraseIndex[bool]  # "to you", "in your eyes": the client's point of view
    second_person: frozenset[str]
    agreement: frozenset[str]
    vague_feelings: frozenset[tuple[str, ...]]  # stems
    inner_states: PhraseIndex[bool]
    first_person: frozenset[str]
    stopwords: frozenset[str]  # stems

    def plain(self) -> dict[str, Any]:
        """The vocabulary as plain data: dictionaries, tuples, sets and strings (``from_plain``)."""
        found = {f.name: getattr(self, f.name) for f in fields(self)}
        return found | {name: found[name].plain() for name in _INDEXES} | {"roadblocks": _plain_roadblocks(self)}

    @classmethod
    def from_plain(cls, plain: dict[str, Any]) -> Vocabulary:
        return cls(
            **plain
            | {name: PhraseIndex.from_plain(plain[name]) for name in _INDEXES}
            | {"roadblocks": {rid: Roadblock(*block) for rid, block in plain["roadblocks"].items()}}
        )


_INDEXES = tuple(f.name for f in fields(Vocabulary) if str(f.type).startswith("PhraseIndex"))


def _plain_roadblocks(v: Vocabulary) -> dict[str, tuple[str, ...]]:
    return {rid: astuple(block) for rid, block in v.roadblocks.items()}


def _index(entries: Iterable[tuple[str, P]]) -> PhraseIndex[P]:
    return PhraseIndex((phrase(text), payload) for text, payload in entries)


def _combined(combinations: list[dict[str, Any]], negated: bool = False) -> Iterator[str]:
    """Every lead + ending of each combination (those marked ``not: true`` when ``negated``)."""
    return (
        f"{lead} {ending}"
        for combination in combinations
        if combination.get("not", False) == negated
        for lead in combination["leads"]
        for ending in combination["endings"]
    )


def _roadblock_phrases(data: dict[str, Any]) -> Iterator[str]:
    """The listed phrases, then every lead + ending of each combination."""
    return chain(data.get("phrases", []), _combined(data.get("combinations", [])))


def _exact_index(blocks: dict[str, dict[str, Any]]) -> PhraseIndex[Marker]:
    """Phrases matched on the words as typed: emphasis is part of them ("it's just a")."""
    entries: list[tuple[tuple[str, ...], Marker]] = [
        (tuple(words(p)), ("roadblock", rid)) for rid, data in blocks.items() for p in _combined(data.get("exact", []))
    ]
    entries += [
        (tuple(words(p)), ("neutral", None))
        for data in blocks.values()
        for p in _combined(data.get("exact", []), negated=True)
    ]
    return PhraseIndex(entries)


@cache
def vocabulary() -> Vocabulary:
    """The word lists compiled, as remembered from an earlier run while nothing they are made from has changed."""
    made_from = [
        *lexicons.source_files(),
        Path(__file__),
        Path(text.__file__),
        *library_files("snowballstemmer", "Stemmer"),
    ]
    return Vocabulary.from_plain(remembered("phrase-indexes", made_from, lambda: compiled().plain()))


def compiled() -> Vocabulary:
    """The word lists compiled into phrase indexes, afresh."""
    blocks = lexicons.roadblocks()
    language = lexicons.language()
    markers: Iterator[tuple[str, Marker]] = chain(  # one at a time: ~12,000 phrases, most of them combined
        ((p, ("roadblock", rid)) for rid, data in blocks.items() for p in _roadblock_phrases(data)),
        ((p, ("acknowledgement", rid)) for rid, data in blocks.items() for p in data.get("acknowledgements", [])),
        ((p, ("humour", rid)) for rid, data in blocks.items() for p in data.get("humour", [])),
        ((p, ("neutral", None)) for p in language["not_roadblocks"]),
        ((p, ("disclosure", None)) for p in language["self_disclosure"]),
        ((p, ("information", None)) for p in language["information"]),
    )
    families: dict[tuple[str, ...], tuple[str, ...]] = {}
    for family, entries in lexicons.feelings().items():
        for word in entries:
            key = feeling_phrase(word)
            families[key] = (*families.get(key, ()), family)
    return Vocabulary(
        roadblocks={rid: Roadblock(rid, d["name"], d["kind"], d["why"], d["instead"]) for rid, d in blocks.items()},
        markers=_index(markers),
        exact_markers=_exact_index(blocks),
        imperatives=_index(
            [(p, rid) for rid, d in blocks.items() for p in d.get("starts", [])]
            + [(p, None) for p in language["not_roadblocks"]]
        ),
        feelings=PhraseIndex(families.items()),
        feeling_families=families,
        fillers=_index((p, True) for p in language["fillers"] + language["understanding_checks"]),
        understanding_checks=_index((p, True) for p in language["understanding_checks"]),
        reflective_stems=_index(
            [(p, "reflection") for p in language["reflective_stems"]]
            + [(p, "empathy") for p in language["empathic_stems"]]
        ),
        open_questions=_index((p, True) for p in language["open_question_words"]),
        closed_questions=_index((p, True) for p in language["closed_question_words"]),
        checking=_index((p, True) for p in language["checking"]),
        pleasantries=_index((p, True) for p in language["pleasantries"]),
        softeners=_index((p, True) for p in language["softeners"]),
        client_states=_index((p, True) for p in language["client_states"]),
        question_words=frozenset(p for p in language["open_question_words"] if " " not in p),
        question_subjects=frozenset(language["question_subjects"]),
        elliptic_questions=frozenset(language["elliptic_questions"]),
        question_verbs=frozenset(language["closed_question_words"] + language["question_verbs"]),
        suggestion_hedges=_index((p, True) for p in language["suggestion_hedges"]),
        experience_questions=_index((p, True) for p in language["experience_questions"]),
        fact_questions=_index((p, True) for p in language["fact_questions"]),
        depth=PhraseIndex(
            (phrase(p, as_typed=True), category) for category, phrases in language["depth"].items() for p in phrases
        ),
        speaker_adverbs=_index((p, True) for p in language["speaker_adverbs"]),
        speaker_experiences=frozenset(language["speaker_experiences"]),
        speaker_stances=frozenset(language["speaker_stances"]),
        helping_actions=frozenset(stemmed_phrase(" ".join(language["helping_actions"]))),
        pleasant_families=frozenset(language["pleasant_feeling_families"]),
        reported_speech=frozenset(language["reported_speech"]),
        client_frames=_index((p, True) for p in language["client_frames"]),
        second_person=frozenset(language["second_person"]),
        agreement=frozenset(language["agreement"]),
        vague_feelings=frozenset(feeling_phrase(w) for w in language["vague_feelings"]),
        inner_states=_index((p, True) for p in language["inner_states"]),
        first_person=frozenset(language["first_person"]),
        stopwords=frozenset(stemmed_phrase(" ".join(language["stopwords"]))),
    )
