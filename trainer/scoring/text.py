"""Turning text into words, stems and sentences, the same way for responses and word lists.

Everything that compares text goes through these functions, so a phrase in a lexicon
("don't worry") and a trainee's "Do not worry!" always meet in the same form.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import Any, Generic, TypeVar

import snowballstemmer

from trainer.scoring import lexicons

# Curly and other apostrophes become "'", and ASCII capitals small: the text keeps its length,
# so every word found in it keeps its place in the text as typed.
_PLAIN = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"} | {chr(c): chr(c + 32) for c in range(65, 91)}
)
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*", re.ASCII)
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
    for token in _TOKEN.findall(text.translate(_PLAIN)):
        out.extend(_expand(token))
    return out


class Memo(dict):  # type: ignore[type-arg]
    """A dictionary that works a missing value out once, with ``work``: a look-up that finds
    its key stays in C, which matters for look-ups made for every word of every response."""

    __slots__ = ("work",)

    def __init__(self, work: Callable[[str], object]):
        super().__init__()
        self.work = work

    def __missing__(self, key: str) -> object:
        value = self[key] = self.work(key)
        return value


_STEMS = Memo(snowballstemmer.stemmer("english").stemWord)
stem: Callable[[str], str] = _STEMS.__getitem__  # the Snowball stem of one word ("worried" -> "worri")


def stems(tokens: Iterable[str]) -> tuple[str, ...]:
    return tuple(map(_STEMS.__getitem__, tokens))


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
    if "of" not in tokens or _HEDGE_HEADS.isdisjoint(tokens):
        return marks
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
    text: str, plain: str, start: int, end: int, correct: Correct | None, quotes: Sequence[tuple[int, int]] = ()
) -> Sentence | None:
    """``text[start:end]`` as a sentence, its clauses found where commas, colons or dashes
    separate them. ``plain`` is the text in lower case with plain apostrophes (``_PLAIN``).

    Every word of every response passes through here, so the work is done a list at a time
    (regular expressions, ``map``, comprehensions) rather than a word at a time."""
    matches = list(_TOKEN.finditer(plain, start, end))
    if not matches:
        return None
    typed = [m.group() for m in matches]
    if correct is not None:
        typed = list(map(correct, typed))
    table = _expansions()
    if table.keys().isdisjoint(typed) and "'" not in plain[start:end]:
        tokens, firsts, spans = typed, None, [m.span() for m in matches]
    else:
        expanded = [table.get(t) or ((t,) if "'" not in t else _expand(t)) for t in typed]
        tokens = [word for words_ in expanded for word in words_]
        counts = list(map(len, expanded))
        firsts = [0, *accumulate(counts)]  # the first token of each typed word
        spans = [m.span() for m, count in zip(matches, counts) for _ in range(count)]
    if "of" in tokens:
        for i in range(1, len(tokens)):
            if tokens[i] == "of" and tokens[i - 1] in _MODALS:
                tokens[i] = "have"  # "you must of felt" is "you must have felt" misheard
    # Each clause that has words starts at the first word after its separator (no word spans one).
    starts = [m.start() for m in matches]
    first_words = dict.fromkeys([0, *(bisect_left(starts, m.start()) for m in _CLAUSE.finditer(plain, start, end))])
    clause_tokens = [i if firsts is None else firsts[i] for i in first_words if i < len(matches)]
    marks = emphasis(tokens)
    if any(marks):
        core_tokens = [i for i, emphatic in enumerate(marks) if not emphatic]
        core = tuple(tokens[i] for i in core_tokens)
        clauses = tuple(bisect_left(core_tokens, first) for first in clause_tokens)
    else:
        core_tokens, core, clauses = list(range(len(tokens))), tuple(tokens), tuple(clause_tokens)
    quoted = (
        frozenset(i for i, (a, _) in enumerate(spans) for q0, q1 in quotes if q0 < a < q1) if quotes else frozenset()
    )
    return Sentence(
        tuple(tokens),
        stems(tokens),
        core,
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
    plain = text.translate(_PLAIN)
    quotes = _quoted_spans(text) if any(q in text for q in "\"\u201c'\u2018") else []
    found = (_sentence(text, plain, start, end, correct, quotes) for start, end in _pieces(text))
    return [s for s in found if s is not None]


P = TypeVar("P")
Trie = dict[str, Any]  # word -> the trie after it; "" -> the payload of a phrase ending here


class PhraseIndex(Generic[P]):
    """Finds listed phrases in a word sequence, the longest one at each position.

    The phrases are kept in a trie of dictionaries, so a lookup costs one dictionary probe
    per word matched, however many phrases are listed. A ``*`` in a phrase stands for any
    one word ("that is * anxiety").
    """

    _END = ""  # no word is empty, so this key marks "a phrase ends here"
    _ANY = "*"

    def __init__(self, phrases: Iterable[tuple[tuple[str, ...], P]]):
        self._wild = False  # no "*" anywhere: lookups skip the wildcard probe
        sharing = _Sharing()
        root: Trie = {}
        for number, (phrase_words, payload) in enumerate(phrases, 1):
            if not phrase_words:
                continue
            self._wild = self._wild or self._ANY in phrase_words
            node = root
            for word in phrase_words:
                node = sharing.private_child(node, word)
            node.setdefault(self._END, payload)  # the first listing of a phrase wins
            if number % _SHARE_EVERY == 0:  # the combinations of a list would make a big tree
                root = dict(sharing.share(root))
        self._root = sharing.share(root)

    def plain(self) -> tuple[Trie, bool]:
        """The index as plain data, to be kept and made an index again by ``from_plain``."""
        return self._root, self._wild

    @classmethod
    def from_plain(cls, plain: tuple[Trie, bool]) -> PhraseIndex[P]:
        index: PhraseIndex[P] = cls(())
        index._root, index._wild = plain
        return index

    def match_at(self, words: Sequence[str], i: int, end: int | None = None) -> tuple[int, P] | None:
        """The longest phrase starting at ``words[i]`` and ending by ``end``: (its length, its payload)."""
        if i >= len(words) or (words[i] not in self._root and self._ANY not in self._root):
            return None  # most lookups end here: no phrase starts with this word
        return self._longest(self._root, words, i, i, len(words) if end is None else end)

    def _longest(self, node: Trie, words: Sequence[str], start: int, j: int, n: int) -> tuple[int, P] | None:
        if self._wild:
            return self._longest_wild(node, words, start, j, n)
        found = None
        end = self._END
        while j < n:
            following = node.get(words[j])
            if following is None:
                break
            node = following
            j += 1
            if end in node:  # each phrase found is longer than the one before
                found = (j - start, node[end])
        return found

    def _longest_wild(self, node: Trie, words: Sequence[str], start: int, j: int, n: int) -> tuple[int, P] | None:
        """``_longest`` for a list with "*" in it: the "any word" branch is followed on its own."""
        found = None
        end = self._END
        while j < n:
            if self._ANY in node:
                deeper = self._longest_wild(node[self._ANY], words, start, j + 1, n)
                if deeper and (found is None or deeper[0] > found[0]):
                    found = deeper
            following = node.get(words[j])
            if following is None:
                break
            node = following
            j += 1
            if end in node and (found is None or j - start > found[0]):
                found = (j - start, node[end])
        return found

    def scan(self, words: Sequence[str], start: int = 0, end: int | None = None) -> list[tuple[int, int, P]]:
        """Non-overlapping matches in ``words[start:end]``, left to right: (start, end, payload)."""
        n, root = len(words) if end is None else end, self._root
        if self._wild and self._ANY in root:  # a phrase may start anywhere
            places: Iterable[int] = range(start, n)
        else:  # only where a phrase starts: one set probe per word, in C
            places = [i for i in range(start, n) if words[i] in root]
        hits = []
        after = start  # where the last match ended
        for i in places:
            if i < after:
                continue
            found = self._longest(root, words, i, i, n)
            if found:
                hits.append((i, i + found[0], found[1]))
                after = i + found[0]
        return hits


# Phrases read between two rounds of sharing branches: the tree never holds many more
# dictionaries than the shared one will (a list's combinations would make ~4 MB of them).
_SHARE_EVERY = 1000


class _Sharing:
    """One dictionary for every set of identical branches of a trie being built: the endings
    that a list's combinations give each of their leads are stored once, not once per lead.

    Branches are shared every few phrases, as the trie grows. A shared branch never changes
    (its identity is its key), so a phrase that goes on through one finds a copy of it there
    to change instead (``private_child``)."""

    def __init__(self) -> None:
        self._seen: dict[tuple[Any, ...], Trie] = {}
        self._shared: set[int] = set()  # ids of the dictionaries in _seen, which keeps them alive

    def private_child(self, node: Trie, word: str) -> Trie:
        """``node``'s branch for ``word``, which the caller may change."""
        child: Trie | None = node.get(word)
        if child is None:  # the word kept once however many branches it names (and once remembered)
            child = node[sys.intern(word)] = {}
        elif id(child) in self._shared:
            child = node[word] = dict(child)
        return child

    def share(self, node: Trie) -> Trie:
        if id(node) in self._shared:
            return node  # and everything under it
        for word, child in node.items():
            if word != PhraseIndex._END:
                node[word] = self.share(child)
        key = tuple(sorted((word, id(child) if word != PhraseIndex._END else child) for word, child in node.items()))
        shared = self._seen.setdefault(key, node)
        self._shared.add(id(shared))
        return shared


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
