"""The English words kept compactly (``spelling.WordList``) know exactly the words of the list."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from trainer.scoring import lexicons, spelling
from trainer.scoring.spelling import WordList

ENGLISH = sorted({"a", "able", "ably", "about", "abut", "lonely", "lone", "zoo", "it's"})


@given(st.text(alphabet="ablonetyzu's", max_size=7))
def test_a_word_list_knows_exactly_its_words(word):
    assert (word in WordList(ENGLISH)) == (word in set(ENGLISH))


def test_a_word_list_read_out_of_order_knows_every_word():
    shuffled = ["lone", "able", "zoo", "ably", "lonely", "a"]
    listed = WordList(shuffled)
    assert all(w in listed for w in shuffled) and "abl" not in listed and "lon" not in listed


def test_the_english_list_knows_its_file_words_and_no_others():
    text = (lexicons.DATA_DIR / "english-words.txt").read_text(encoding="utf-8")
    listed = [line for line in text.splitlines() if line and not line.startswith("#")]
    english = spelling.english()
    assert all(word in english for word in listed)
    assert not any(f"{word}q" in english for word in listed[::50])
