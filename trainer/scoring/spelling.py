"""Mending slips of the keyboard, so a misspelt reflection is read as the reflection it is.

"Sonds like you felt realy lonly" is read as "sounds like you felt really lonely": a word
that is neither English nor in the client's statement nor in a word list, and is one slip
away (two for a long word) from a word the scorer looks for -- a feeling, an opener, a word of
the statement or of its model answers -- is read as that word. Real words are never changed
("tried" stays "tried", though "tired" is a feeling), nor is the first letter, which typists
rarely get wrong. The student's own spelling is kept for quoting back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from itertools import groupby

from rapidfuzz import process
from rapidfuzz.distance import OSA

from trainer.scoring import lexicons
from trainer.scoring.text import Memo, words

SHORTEST_SLIP = 4  # a shorter word one letter off is too often another real word
LONG_WORD = 8  # from this length, two slips are forgiven
_ENDINGS = ("s", "es", "ed", "d", "ing", "ly", "er", "est")


class WordList:
    """A long list of words that knows whether a word is in it, kept as one string per first
    three letters ("\\nable\\nably\\n...") -- an eighth of the memory of a set of their
    strings (0.6 MB, not 4.7, for the English words), for a look-up of under a microsecond."""

    def __init__(self, words: Iterable[str]):
        """``words`` are read one at a time, so a long list is never held as one string each."""
        self._by_start: dict[str, str] = {}
        for start, group in groupby(words, key=lambda word: word[:3]):
            self._by_start[start] = self._by_start.get(start, "\n") + "\n".join(group) + "\n"

    def __contains__(self, word: str) -> bool:
        return f"\n{word}\n" in self._by_start.get(word[:3], "")


@cache
def english() -> WordList:
    """The English words of ``data/english-words.txt`` (SCOWL), read when first needed."""
    with open(lexicons.DATA_DIR / "english-words.txt", encoding="utf-8") as handle:
        lines = (line.rstrip("\n") for line in handle)
        return WordList(line for line in lines if line and not line.startswith("#"))


def _entries(node: object) -> Iterable[str]:
    """Every string in a word list, however deeply nested."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _entries(value)
    elif isinstance(node, list):
        for item in node:
            yield from _entries(item)


@cache
def lexicon_words() -> frozenset[str]:
    """Every word of every word list: what the reader looks for, so what a slip is mended to."""
    found: set[str] = set()
    for lexicon in (lexicons.feelings(), lexicons.roadblocks(), lexicons.language()):
        for entry in _entries(lexicon):
            found.update(words(entry))
    return frozenset(w for w in found if w.isalpha())


def is_word(token: str, also: frozenset[str] = frozenset()) -> bool:
    """English, listed, said in the statement, or one of those with a common ending."""
    if token in also or token in lexicon_words() or not token.isalpha():
        return True
    known = english()
    return token in known or any(token.endswith(e) and token[: -len(e)] in known for e in _ENDINGS)


def _by_initial(targets: Iterable[str]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for word in sorted(targets):
        found.setdefault(word[0], []).append(word)
    return {initial: tuple(group) for initial, group in found.items()}


@cache
def _lexicon_targets() -> dict[str, tuple[str, ...]]:
    return _by_initial(lexicon_words())


class Speller:
    """Mends the slips in responses to one statement; ``statement_words`` are its own words."""

    def __init__(self, statement_words: Iterable[str]):
        self.statement_words = frozenset(filter(str.isalpha, statement_words))
        self._own_targets: dict[str, tuple[str, ...]] | None = None  # grouped when a slip first needs them
        # Each typed word is looked at once per statement; ``mend`` and ``unknown`` are the
        # look-ups, kept in C for the words seen before.
        self.mend: Callable[[str], str] = Memo(self._mend).__getitem__
        self.unknown: Callable[[str], bool] = Memo(lambda token: not is_word(token, self.statement_words)).__getitem__

    def _mend(self, token: str) -> str:
        if len(token) < SHORTEST_SLIP or is_word(token, self.statement_words):
            return token
        slips = 2 if len(token) >= LONG_WORD else 1
        if self._own_targets is None:
            self._own_targets = _by_initial(self.statement_words)
        for targets in (self._own_targets, _lexicon_targets()):  # the statement's own words first
            best = process.extractOne(token, targets.get(token[0], ()), scorer=OSA.distance, score_cutoff=slips)
            if best:
                return best[0]
        return token
