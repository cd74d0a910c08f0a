"""Turning text into words, stems and sentences, the same way for responses and word lists.

Everything that compares text goes through these functions, so a phrase in a lexicon
("don't worry") and a trainee's "Do not worry!" always meet in the same form.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Generic, TypeVar

import snowballstemmer

from trainer.scoring import lexicons

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
# Matched on the text as typed (ASCII letters, any case), so each word keeps its place in it.
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*", re.IGNORECASE | re.ASCII)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
# A full stop after these does not end a sentence: "Why did Mr. Pruitt send you?"
_ABBREVIATIONS = frozenset(f"{a}." for a in ("mr", "mrs", "ms", "mx", "dr", "prof", "st", "sr", "jr", "vs", "etc"))
_CLAUSE = re.compile(r"[,;:()]|\s[-\u2013\u2014]+\s|\u2014")
_SUFFIXES = ("n't", "'re", "'ve", "'ll", "'d", "'m")


@cache
def _expansions() -> dict[str, tuple[str, ...]]:
    """Whole-word expansions ("won't" -> will not); filled further as new words are seen."""
    language = lexicons.language()
    table = {
        word: tuple(_TOKEN.findall(full))
        for word, full in language["contractions"].items()
        if not word.startswith(("'", "n'"))
    }
    for word in language["is_contractions"]:
        table[f"{word}'s"] = (word, "is")
    return table


def _split_contraction(token: str) -> tuple[str, ...]:
    """ "we'd've" -> we would have: suffixes are peeled off the end one by one, in a loop and
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


def _typed_words(plain: str, start: int = 0, end: int | None = None) -> Iterator[tuple[str, int, int]]:
    """Each word of ``plain[start:end]`` in lower case, with where it stands."""
    for match in _TOKEN.finditer(plain, start, len(plain) if end is None else end):
        yield match.group().lower(), match.start(), match.end()


def _expand(token: str) -> tuple[str, ...]:
    """A typed word as the words it stands for: "you're" -> ("you", "are")."""
    table = _expansions()
    expanded = table.get(token)
    if expanded is None:
        if "'" not in token:
            return (token,)
        expanded = table[token] = _split_contraction(token)
    return expanded


def words(text: str) -> list[str]:
    """Lower-case words with contractions expanded and punctuation dropped."""
    out: list[str] = []
    for token, _, _ in _typed_words(text.translate(_APOSTROPHES)):
        out.extend(_expand(token))
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


# "kind of" and "sort of" soften what follows ("you're kind of lost") unless they name a kind
# ("what kind of job", "a sort of game").
_HEDGE_HEADS = frozenset({"kind", "sort"})
_NAMING_A_KIND = frozenset(
    {
        "a",
        "an",
        "the",
        "what",
        "this",
        "that",
        "any",
        "some",
        "every",
        "no",
        "which",
        "same",
        "other",
        "one",
        "right",
        "wrong",
    }
)


def emphasis(tokens: Sequence[str]) -> list[bool]:
    """Which words only add emphasis or soften ("you really should", "you're kind of lost")."""
    listed = _intensifiers()
    marks = [t in listed for t in tokens]
    for i, token in enumerate(tokens):
        if (
            token in _HEDGE_HEADS
            and i + 1 < len(tokens)
            and tokens[i + 1] == "of"
            and (i == 0 or tokens[i - 1] not in _NAMING_A_KIND)
        ):
            marks[i] = marks[i + 1] = True
    return marks


def core_words(tokens: Sequence[str]) -> tuple[str, ...]:
    """The words without mere emphasis ("you really should" -> "you should"), for phrases."""
    return tuple(t for t, emphatic in zip(tokens, emphasis(tokens)) if not emphatic)


_MODALS = frozenset({"must", "should", "could", "would", "might"})
Correct = Callable[[str], str]  # a typed word -> the word meant ("lonly" -> "lonely")


@dataclass(slots=True)
class Sentence:
    """One sentence: its words, their stems, the words phrases are matched on, whether it
    ends in '?', and where each word was typed, so that it can be quoted as typed."""

    tokens: tuple[str, ...]
    stems: tuple[str, ...]
    core: tuple[str, ...]
    asks: bool
    clauses: tuple[int, ...] = (0,)  # where clauses start in ``core`` (after , ; : or a dash)
    spans: tuple[tuple[int, int], ...] = ()  # where each token was typed in ``text``
    core_tokens: tuple[int, ...] = ()  # the token each core word comes from
    text: str = ""  # the whole text the sentence is part of
    quoted: frozenset[int] = frozenset()  # tokens inside quotation marks: someone else's words

    def typed(self, start: int, end: int) -> str:
        """Tokens ``start`` to ``end`` as they were typed."""
        return self.text[self.spans[start][0] : self.spans[end - 1][1]]

    def typed_core(self, start: int, end: int) -> str:
        """Core words ``start`` to ``end`` as they were typed (with any emphasis between them)."""
        return self.typed(self.core_tokens[start], self.core_tokens[end - 1] + 1)


# Quotation marks: double ones, curly ones, and single ones that open after a space and close
# before one ("her quiet 'It's fine'" -- but not the apostrophe of "it's").
_QUOTED = re.compile(
    r'"[^"]*"|\u201c[^\u201d]*\u201d|(?<![\w\u2019\'])[\'\u2018][^\'\u2018\u2019]*?(?:\w\'\w[^\'\u2019]*?)*[\'\u2019](?!\w)'
)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTED.finditer(text)]


def _sentence(
    text: str, plain: str, start: int, end: int, correct: Correct | None, quotes: list[tuple[int, int]] = ()
) -> Sentence | None:
    """``text[start:end]`` as a sentence, its clauses found where commas, colons or dashes separate them."""
    tokens: list[str] = []
    spans: list[tuple[int, int]] = []
    clause_tokens = []  # where each clause starts in ``tokens``
    clause_start = start
    for separator in (*_CLAUSE.finditer(plain, start, end), None):
        clause_end = separator.start() if separator else end
        first = len(tokens)
        for token, a, b in _typed_words(plain, clause_start, clause_end):
            for word in _expand(correct(token) if correct else token):
                if word == "of" and tokens and tokens[-1] in _MODALS:
                    word = "have"  # "you must of felt" is "you must have felt" misheard
                tokens.append(word)
                spans.append((a, b))
        if len(tokens) > first:
            clause_tokens.append(first)
        if separator:
            clause_start = separator.end()
    if not tokens:
        return None
    core_tokens = [i for i, emphatic in enumerate(emphasis(tokens)) if not emphatic]
    clauses = tuple(bisect_left(core_tokens, first) for first in clause_tokens)
    quoted = frozenset(i for i, (a, _) in enumerate(spans) for q0, q1 in quotes if q0 < a < q1)
    return Sentence(
        tuple(tokens),
        stems(tokens),
        tuple(tokens[i] for i in core_tokens),
        text[start:end].rstrip().endswith("?"),
        clauses,
        tuple(spans),
        tuple(core_tokens),
        text,
        quoted,
    )


def _pieces(text: str) -> Iterator[tuple[int, int]]:
    """Where sentence-sized pieces of text start and end, not cut after an abbreviation such as "Mr."."""
    start = None
    last_word = ""
    for match in _SENTENCE.finditer(text):
        if start is None:
            start = match.start()
        piece = match.group()
        if piece.strip():
            last_word = piece.rsplit(None, 1)[-1]
        if last_word.lower() in _ABBREVIATIONS:
            continue
        yield start, match.end()
        start, last_word = None, ""
    if start is not None:
        yield start, len(text)


def sentences(text: str, correct: Correct | None = None) -> list[Sentence]:
    """Split on . ! ? and line breaks; empty pieces are dropped. ``correct`` mends typed words."""
    plain = text.translate(_APOSTROPHES)
    quotes = _quoted_spans(text) if any(q in text for q in "\"\u201c'\u2018") else []
    found = (_sentence(text, plain, start, end, correct, quotes) for start, end in _pieces(text))
    return [s for s in found if s is not None]


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

    def match_at(self, words: Sequence[str], i: int, end: int | None = None) -> tuple[int, P] | None:
        """The longest phrase starting at ``words[i]`` and ending by ``end``: (its length, its payload)."""
        if i >= len(words) or (words[i] not in self._root and self._ANY not in self._root):
            return None  # most lookups end here: no phrase starts with this word
        return self._longest(self._root, words, i, i, len(words) if end is None else end)

    def _longest(self, node: dict, words: Sequence[str], start: int, j: int, n: int) -> tuple[int, P] | None:
        found = None
        end, wild = self._END, self._wild
        while j < n:
            if wild and self._ANY in node:  # rare: follow the "any word" branch on its own
                deeper = self._longest(node[self._ANY], words, start, j + 1, n)
                if deeper and (found is None or deeper[0] > found[0]):
                    found = deeper
            node = node.get(words[j])
            if node is None:
                break
            j += 1
            if end in node and (found is None or j - start > found[0]):
                found = (j - start, node[end])
        return found

    def scan(self, words: Sequence[str], start: int = 0, end: int | None = None) -> list[tuple[int, int, P]]:
        """Non-overlapping matches in ``words[start:end]``, left to right: (start, end, payload)."""
        hits = []
        i, n, root = start, len(words) if end is None else end, self._root
        while i < n:
            if words[i] in root or (self._wild and self._ANY in root):
                found = self._longest(root, words, i, i, n)
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
    key = tuple(sorted((word, id(child) if word != PhraseIndex._END else child) for word, child in node.items()))
    return seen.setdefault(key, node)


def phrase(text: str, as_typed: bool = False) -> tuple[str, ...]:
    """A lexicon entry in the form responses are matched in ("*" stays a wildcard): on core
    words, or ``as_typed``, with emphasis kept ("not just")."""
    normal = words if as_typed else (lambda piece: core_words(words(piece)))
    return tuple(part for piece in text.split("*") for part in (*normal(piece), "*"))[:-1]


def feeling_phrase(text: str) -> tuple[str, ...]:
    """A feeling entry as the stems of its core words ("*" stays a wildcard): feelings are
    matched without emphasis, so "you feel kind of lost" meets "feel lost"."""
    return tuple(part for piece in text.split("*") for part in (*stems(core_words(words(piece))), "*"))[:-1]


def stemmed_phrase(text: str) -> tuple[str, ...]:
    """A lexicon entry as stems ("*" stays a wildcard): "at the end of * rope"."""
    return tuple(part for piece in text.split("*") for part in (*stems(words(piece)), "*"))[:-1]
