"""Words, sentences and the phrase index every word list is matched with."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import trainer.scoring.text as text_module
from trainer.scoring import lexicons
from trainer.scoring.text import PhraseIndex, phrase, sentences, words


def index(*texts: str) -> PhraseIndex:
    return PhraseIndex((phrase(text), text) for text in texts)


def test_contractions_and_emphasis_meet_the_listed_form():
    assert words("You're NOT alone!") == ["you", "are", "not", "alone"]
    assert phrase("you really should") == ("you", "should")


@pytest.mark.parametrize("suffix, expansion", [("'d", "would"), ("'ll", "will"), ("n't", "not")])
def test_a_thousand_stacked_contractions_split_without_recursion(suffix, expansion):
    # A hostile response: "I'd'd'd..." (a few KB) once ran out of stack (RecursionError).
    assert words("I" + suffix * 5000) == ["i", *[expansion] * 5000]


def test_stacked_contractions_still_split_in_order():
    assert words("we'd've") == ["we", "would", "have"]
    assert words("it's'd") == ["it", "would"]


def test_the_longest_phrase_wins_at_a_position():
    found = index("you should", "you should have").match_at(tuple(words("you should have called")), 0)
    assert found == (3, "you should have")


def test_a_wildcard_stands_for_any_one_word():
    wishes = index("have a * day")
    assert wishes.match_at(tuple(words("Have a lovely day")), 0) == (4, "have a * day")
    assert wishes.match_at(tuple(words("Have a day")), 0) is None


def test_no_match_where_no_phrase_starts():
    assert index("don't worry").match_at(tuple(words("please don't worry")), 0) is None
    assert index("don't worry").match_at(tuple(words("please")), 1) is None


def test_scan_finds_phrases_left_to_right_without_overlap():
    found = index("at least", "least you").scan(tuple(words("at least you came")))
    assert found == [(0, 2, "at least")]


def test_sentences_keep_their_question_marks_and_clauses():
    first, second = sentences("I'm sorry, what happened? Tell me.")
    assert first.asks and not second.asks
    assert first.clauses == (0, 3)


def _list_items(node):
    """Every item of every list in a lexicon, however deeply nested."""
    if isinstance(node, dict):
        for value in node.values():
            yield from _list_items(value)
    elif isinstance(node, list):
        for item in node:
            yield from _list_items(item) if isinstance(item, (dict, list)) else (item,)


@pytest.mark.parametrize("lexicon", [lexicons.feelings, lexicons.roadblocks, lexicons.language])
def test_every_listed_phrase_is_text(lexicon):
    # YAML reads a bare `true`, `no` or `on` as a boolean: such a word must be quoted
    not_text = [item for item in _list_items(lexicon()) if not isinstance(item, str)]
    assert not_text == []


# As in the word lists: "*" (any one word) stands between words, never first or last.
PHRASES = st.lists(
    st.tuples(
        st.lists(st.sampled_from("a b c d *".split()), min_size=1, max_size=4)
        .map(tuple)
        .filter(lambda words_: "*" not in (words_[0], words_[-1])),
        st.integers(0, 3),
    ),
    max_size=60,
)


@pytest.fixture(scope="module")
def monkeypatch_share_every():
    """Shares branches every three phrases, so that small indexes go through every round."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(text_module, "_SHARE_EVERY", 3)
        yield


@settings(max_examples=300, deadline=None, derandomize=True)
@example(  # "a b" and "c b" end alike and are shared; "a b d" must then not make "c b d" a phrase
    phrases=[(("a", "b"), 1), (("c", "b"), 1), (("e",), 0), (("a", "b", "d"), 2)], sentence=["c", "b", "d"]
)
@given(phrases=PHRASES, sentence=st.lists(st.sampled_from("a b c d e".split()), max_size=8))
def test_an_index_finds_what_a_plain_list_of_its_phrases_gives(phrases, sentence, monkeypatch_share_every) -> None:
    """Branches shared while the index is built (every few phrases, here every 3) change no
    look-up: at each position, the longest phrase, with the payload it was first listed with."""
    first: dict[tuple[str, ...], int] = {}
    for words_, payload in phrases:
        first.setdefault(words_, payload)
    index = PhraseIndex(phrases)
    for i in range(len(sentence)):
        fits = {
            p: payload
            for p, payload in first.items()
            if i + len(p) <= len(sentence) and all(w in ("*", s) for w, s in zip(p, sentence[i:]))
        }
        found = index.match_at(sentence, i)
        if not fits:
            assert found is None
            continue
        longest = max(map(len, fits))
        assert found is not None and found[0] == longest
        assert found[1] in {payload for p, payload in fits.items() if len(p) == longest}
