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
# A full stop after these does not end a sentence: "Why did Mr. Pruitt send you?"
_ABBREVIATIONS = frozenset(f"{a}." for a in ("mr", "mrs", "ms", "mx", "dr", "prof", "st", "sr", "jr",
                                              "vs", "etc"))
_CLAUSE = re.compile(r"[,;:()]|\s[-\u2013\u2014]+\s|\u2014")
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
    """"we'd've" -> we would have: suffixes are peeled off the end one by one, in a loop and
    without copying the token, so a word with a thousand suffixes stacked on it costs no more
    than its length (a recursion would run out of stack)."""
    contractions = lexicons.language()["contractions"]
    peeled: list[str] = []
    end = len(token)
    while suffix := next((s for s in _SUFFIXES if end > len(s) and token.endswith(s, 0, end)), None):
        peeled.append(suffix)
        end -= len(suffix)
    head = token[:end]
    if head.endswith("'s"):
        lead: tuple[str, ...] = (head[:-2],)
    else:
        lead = tuple(part for part in head.split("'") if part)
    return (*lead, *(word for suffix in reversed(peeled) for word in _TOKEN.findall(contractions[suffix])))


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


@cache
def _intensifiers() -> frozenset[str]:
    return frozenset(lexicons.language()["intensifiers"])


def core_words(tokens: Iterable[str]) -> tuple[str, ...]:
    """The words without mere emphasis ("you really should" -> "you should"), for phrases."""
    emphasis = _intensifiers()
    return tuple(t for t in tokens if t not in emphasis)


@dataclass(slots=True)
class Sentence:
    """One sentence: its words, their stems, the words phrases are matched on, and whether
    it ends in '?'."""

    tokens: tuple[str, ...]
    stems: tuple[str, ...]
    core: tuple[str, ...]
    asks: bool
    clauses: tuple[int, ...] = (0,)  # where clauses start in ``core`` (after , ; : or a dash)


def _sentence(piece: str) -> Sentence | None:
    """One sentence, its clauses found where commas, colons or dashes separate them."""
    tokens: list[str] = []
    core: list[str] = []
    starts = []
    for clause in _CLAUSE.split(piece):
        clause_words = words(clause)
        if clause_words:
            starts.append(len(core))
            tokens.extend(clause_words)
            core.extend(core_words(clause_words))
    if not tokens:
        return None
    return Sentence(tuple(tokens), stems(tokens), tuple(core), piece.rstrip().endswith("?"), tuple(starts))


def _pieces(text: str):
    """Sentence-sized pieces of text, not cut after an abbreviation such as "Mr."."""
    pending = ""
    for match in _SENTENCE.finditer(text):
        piece = pending + match.group()
        last_word = piece.rsplit(None, 1)[-1] if piece.strip() else ""
        if last_word.lower() in _ABBREVIATIONS:
            pending = piece
            continue
        pending = ""
        yield piece
    if pending:
        yield pending


def sentences(text: str) -> list[Sentence]:
    """Split on . ! ? and line breaks; empty pieces are dropped."""
    return [s for s in map(_sentence, _pieces(text)) if s is not None]


P = TypeVar("P")


class PhraseIndex(Generic[P]):
    """Finds listed phrases in a word sequence, the longest one at each position.

    The phrases are kept in a trie of dictionaries, so a lookup costs one dictionary probe
    per word matched, however many phrases are listed. A ``*`` in a phrase stands for any
    one word ("that is * anxiety").
    """

    _END = ""  # no word is empty, so this key marks "a phrase ends here"
    _ANY = "*"

    def __init__(self, phrases: Iterable[tuple[tuple[str, ...], P]]):
        root: dict = {}
        self._wild = False  # no "*" anywhere: lookups skip the wildcard probe
        for phrase_words, payload in phrases:
            if not phrase_words:
                continue
            self._wild = self._wild or self._ANY in phrase_words
            node = root
            for word in phrase_words:
                node = node.setdefault(word, {})
            node.setdefault(self._END, payload)  # the first listing of a phrase wins
        self._root = _share_branches(root, {})


    def match_at(self, words: tuple[str, ...], i: int) -> tuple[int, P] | None:
        """The longest phrase starting at ``words[i]``: (its length, its payload)."""
        if i >= len(words) or (words[i] not in self._root and self._ANY not in self._root):
            return None  # most lookups end here: no phrase starts with this word
        return self._longest(self._root, words, i, i)

    def _longest(self, node: dict, words: tuple[str, ...], start: int, j: int) -> tuple[int, P] | None:
        found = None
        n, end, wild = len(words), self._END, self._wild
        while j < n:
            if wild and self._ANY in node:  # rare: follow the "any word" branch on its own
                deeper = self._longest(node[self._ANY], words, start, j + 1)
                if deeper and (found is None or deeper[0] > found[0]):
                    found = deeper
            node = node.get(words[j])
            if node is None:
                break
            j += 1
            if end in node and (found is None or j - start > found[0]):
                found = (j - start, node[end])
        return found

    def scan(self, words: tuple[str, ...]) -> list[tuple[int, int, P]]:
        """Non-overlapping matches, left to right: (start, end, payload)."""
        hits = []
        i, n, root = 0, len(words), self._root
        while i < n:
            if words[i] in root or (self._wild and self._ANY in root):
                found = self._longest(root, words, i, i)
                if found:
                    hits.append((i, i + found[0], found[1]))
                    i += found[0]
                    continue
            i += 1
        return hits




def _share_branches(node: dict, seen: dict) -> dict:
    """One dictionary for every set of identical branches: the endings that a list's
    combinations give each of their leads are stored once, not once per lead. Safe because
    the trie never changes after it is built."""
    for word, child in node.items():
        if word != PhraseIndex._END:
            node[word] = _share_branches(child, seen)
    key = tuple(sorted((word, id(child) if word != PhraseIndex._END else child)
                       for word, child in node.items()))
    return seen.setdefault(key, node)

def phrase(text: str) -> tuple[str, ...]:
    """A lexicon entry in the form responses are matched in ("*" stays a wildcard)."""
    return tuple(part for piece in text.split("*") for part in (*core_words(words(piece)), "*"))[:-1]


def stemmed_phrase(text: str) -> tuple[str, ...]:
    return stems(words(text))
