"""The word lists: no entry stands in two lists unless the lists say why, and none is empty.

A phrase listed twice is matched by whichever index is tried first, so the other listing is
dead and the word list lies to the instructor who reads it. Lists of grammatical word
classes (stopwords, pronouns, auxiliaries...) describe words, not what a sentence does, and
may share words freely.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from trainer.scoring import lexicons
from trainer.scoring.text import phrase, words
from trainer.scoring.vocabulary import _combined, _roadblock_phrases

# Grammar, not decisions: a word may be a stopword, a pronoun and a question subject at once.
WORD_CLASSES = frozenset(
    {
        "contractions",
        "is_contractions",
        "intensifiers",
        "second_person",
        "first_person",
        "reported_speech",
        "open_question_words",
        "closed_question_words",
        "question_verbs",
        "elliptic_questions",
        "question_subjects",
        "client_states",
        "speaker_experiences",
        "speaker_adverbs",
        "speaker_stances",
        "stopwords",
        "helping_actions",
        "agreement",
        "pleasant_feeling_families",
        "vague_feelings",
        "listed_twice",
    }
)


def _deciding_lists() -> dict[str, list[tuple[str, ...]]]:
    """Every list whose entries decide something, by name, as the matcher sees its entries."""
    lists: dict[str, list[tuple[str, ...]]] = {}
    for name, value in lexicons.language().items():
        if name in WORD_CLASSES:
            continue
        groups = value.items() if isinstance(value, dict) else [(None, value)]
        for part, entries in groups:  # depth is matched with emphasis kept
            lists[f"{name}.{part}" if part else name] = [phrase(str(e), as_typed=name == "depth") for e in entries]
    for rid, data in lexicons.roadblocks().items():
        lists[rid] = [phrase(str(e)) for e in _roadblock_phrases(data)]
        for key in ("starts", "acknowledgements", "humour"):
            if data.get(key):
                lists[f"{rid}.{key}"] = [phrase(str(e)) for e in data[key]]
        if data.get("exact"):
            lists[f"{rid}.exact"] = [tuple(words(e)) for e in _combined(data["exact"])]
    for family, entries in lexicons.feelings().items():
        lists[f"feelings.{family}"] = [tuple(words(str(e))) for e in entries]
    return lists


def _declared() -> dict[tuple[str, ...], frozenset[str]]:
    return {
        phrase(str(entry)): frozenset(group["in"])
        for group in lexicons.language()["listed_twice"]
        for entry in group["entries"]
    }


def test_an_entry_in_two_lists_is_declared_with_its_reason():
    where: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for name, entries in _deciding_lists().items():
        for entry in entries:
            where[entry].add(name)
    declared = _declared()
    undeclared = {
        " ".join(entry): sorted(names)
        for entry, names in where.items()
        if len(names) > 1 and declared.get(entry) != names
    }
    assert undeclared == {}


def test_every_declared_overlap_still_exists():
    lists = _deciding_lists()
    stale = [
        (" ".join(entry), sorted(names))
        for entry, names in _declared().items()
        if any(name not in lists or entry not in lists[name] for name in names)
    ]
    assert stale == []


def test_every_group_of_declared_overlaps_says_why():
    assert all(group.get("why") for group in lexicons.language()["listed_twice"])


def _written_lists() -> dict[str, list[str]]:
    """The entries as written, list by list, in the order of ``_deciding_lists``."""
    lists: dict[str, list[str]] = {}
    for name, value in lexicons.language().items():
        if name in WORD_CLASSES or name == "depth":  # depth is matched as typed
            continue
        groups = value.items() if isinstance(value, dict) else [(None, value)]
        for part, entries in groups:
            lists[f"{name}.{part}" if part else name] = [str(e) for e in entries]
    for rid, data in lexicons.roadblocks().items():
        lists[rid] = [str(e) for e in _roadblock_phrases(data)]
        for key in ("starts", "acknowledgements", "humour"):
            if data.get(key):
                lists[f"{rid}.{key}"] = [str(e) for e in data[key]]
    return lists


@pytest.mark.parametrize("name", sorted(_written_lists()))
def test_no_entry_is_lost_to_normalising(name):
    # Emphasis words are dropped before matching: an entry made only of them ("really") matches
    # nothing, and one left with two words ("he probably just wants" -> "he wants") or a few
    # stopwords ("you are really just" -> "you are") matches almost anything -- unless that short
    # form is listed anyway.
    stopwords = set(lexicons.language()["stopwords"])
    written = _written_lists()[name]
    listed = {tuple(words(w)) for w in written}
    shrunk = [w for w in written if len(phrase(w)) < len(words(w)) and phrase(w) not in listed]
    lost = [w for w in written if not phrase(w)] + [
        w for w in shrunk if len(phrase(w)) <= 2 or (len(phrase(w)) <= 3 and set(phrase(w)) <= stopwords)
    ]
    assert lost == []
