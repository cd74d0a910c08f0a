"""Turning text into words, stems and sentences, the same way for responses and word lists.

Everything that compares text goes through these functions, so a phrase in a lexicon
("don't worry") and a trainee's "Do not worry!" always meet in the same form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Generic, Iterable, TypeVar

import snowballstemmer

from trainer import lexicons

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
_SUFFIXES = ("n't", "'re", "'ve", "'ll", "'d", "'m")


@cache
def _expansions() -> dict[str, tuple[str, ...]]:
    """Whole-word expansions ("won't" -> will not); filled further as new words are seen."""
    language = lexicons.language()
    table = {word: tuple(_TOKEN.findall(full)) for word, full in language["contractions"].items()
             if not word.startswith(("'", "n'"))}
    for word in language["is_contractions"]:
        table[f"{word}'s"] = (word, "is")
    return table


def _split_contraction(token: str) -> tuple[str, ...]:
    contractions = lexicons.language()["contractions"]
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) > len(suffix):
            head = token[: -len(suffix)]
            return (*_split_contraction(head), *_TOKEN.findall(contractions[suffix]))
    if token.endswith("'s"):
        return (token[:-2],)
    return tuple(part for part in token.split("'") if part)


def words(text: str) -> list[str]:
    """Lower-case words with contractions expanded and punctuation dropped."""
    table = _expansions()
    out: list[str] = []
    for token in _TOKEN.findall(text.lower().translate(_APOSTROPHES)):
        expanded = table.get(token)
        if expanded is None:
            if "'" not in token:
                out.append(token)
                continue
            expanded = table[token] = _split_contraction(token)
        out.extend(expanded)
    return out


_stemmer = snowballstemmer.stemmer("english")
_stem_cache: dict[str, str] = {}


def stem(word: str) -> str:
    """The Snowball stem of one word ("worried" -> "worri"), memoised."""
    found = _stem_cache.get(word)
    if found is None:
        found = _stem_cache[word] = _stemmer.stemWord(word)
    return found


def stems(tokens: Iterable[str]) -> tuple[str, ...]:
    return tuple(map(stem, tokens))


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a response: its words, their stems, and whether it ends in '?'."""

    tokens: tuple[str, ...]
    stems: tuple[str, ...]
    asks: bool


def sentences(text: str) -> list[Sentence]:
    """Split on . ! ? and line breaks; empty pieces are dropped."""
    found = []
    for match in _SENTENCE.finditer(text):
        piece = match.group()
        tokens = tuple(words(piece))
        if tokens:
            found.append(Sentence(tokens, stems(tokens), piece.rstrip().endswith("?")))
    return found


P = TypeVar("P")


class PhraseIndex(Generic[P]):
    """Finds listed phrases in a word sequence, the longest one at each position.

    Phrases are word tuples; lookup is one dictionary probe per word, so a few hundred
    phrases cost no more to search than a handful.
    """

    def __init__(self, phrases: Iterable[tuple[tuple[str, ...], P]]):
        by_first: dict[str, list[tuple[tuple[str, ...], P]]] = {}
        for phrase, payload in phrases:
            if phrase:
                by_first.setdefault(phrase[0], []).append((phrase, payload))
        for candidates in by_first.values():
            candidates.sort(key=lambda item: -len(item[0]))
        self._by_first = by_first

    def match_at(self, words: tuple[str, ...], i: int) -> tuple[int, P] | None:
        """The longest phrase starting at ``words[i]``: (its length, its payload)."""
        candidates = self._by_first.get(words[i]) if i < len(words) else None
        if candidates:
            for phrase, payload in candidates:
                n = len(phrase)
                if words[i:i + n] == phrase:
                    return n, payload
        return None

    def scan(self, words: tuple[str, ...]) -> list[tuple[int, int, P]]:
        """Non-overlapping matches, left to right: (start, end, payload)."""
        hits = []
        i, n = 0, len(words)
        by_first = self._by_first
        while i < n:
            if words[i] in by_first:
                found = self.match_at(words, i)
                if found:
                    hits.append((i, i + found[0], found[1]))
                    i += found[0]
                    continue
            i += 1
        return hits


def phrase(text: str) -> tuple[str, ...]:
    """A lexicon entry in the form responses are read in."""
    return tuple(words(text))


def stemmed_phrase(text: str) -> tuple[str, ...]:
    return stems(words(text))


def plural(count: int, word: str, words: str | None = None) -> str:
    """'1 file', '3 files'."""
    return f"{count} {word if count == 1 else (words or word + 's')}"
