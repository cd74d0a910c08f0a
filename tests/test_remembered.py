"""The word lists remembered between runs: the same values whether read afresh or remembered,
made afresh when anything they come from changes or the kept file is damaged, and no trouble
when there is nowhere to keep them."""

from __future__ import annotations

import marshal
import os
import stat

import pytest
from test_progress_store import posix_only

from trainer.scoring import AdHocStatement, lexicons, score, spelling, vocabulary
from trainer.scoring.remembered import remembered
from trainer.scoring.vocabulary import Vocabulary, compiled


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "source.txt"
    path.write_text("one", encoding="utf-8")
    return path


def counting(value):
    made = []
    return made, lambda: made.append(1) or value


def test_a_value_is_made_once_and_then_remembered(trainer_home, source):
    made, make = counting({"words": ("a", "b"), "set": frozenset({"x"})})
    assert remembered("things", [source], make) == {"words": ("a", "b"), "set": frozenset({"x"})}
    assert remembered("things", [source], make) == {"words": ("a", "b"), "set": frozenset({"x"})}
    assert len(made) == 1
    assert stat.S_IMODE((trainer_home / "things.marshal").stat().st_mode) & 0o077 == 0 or os.name != "posix"


def test_a_changed_source_makes_it_afresh(trainer_home, source):
    made, make = counting([1, 2])
    remembered("things", [source], make)
    source.write_text("one more", encoding="utf-8")
    remembered("things", [source], make)
    source.unlink()
    remembered("things", [source], make)
    assert len(made) == 3


@pytest.mark.parametrize(
    "content", [b"", b"garbage", marshal.dumps([1]), marshal.dumps("text"), marshal.dumps([["stale"], {"a": 1}])]
)
def test_a_damaged_or_foreign_file_is_made_afresh_and_replaced(trainer_home, source, content):
    trainer_home.mkdir()
    (trainer_home / "things.marshal").write_bytes(content)
    made, make = counting({"fresh": True})
    assert remembered("things", [source], make) == {"fresh": True}
    assert remembered("things", [source], make) == {"fresh": True}
    assert len(made) == 1


@posix_only
def test_nowhere_to_keep_it_only_means_making_it_each_time(trainer_home, source):
    trainer_home.mkdir()
    trainer_home.chmod(0o500)
    try:
        made, make = counting("value")
        assert remembered("things", [source], make) == remembered("things", [source], make) == "value"
    finally:
        trainer_home.chmod(0o700)
    assert len(made) == 2 or os.geteuid() == 0  # root writes anyway
    assert [p.name for p in trainer_home.iterdir() if p.name.startswith(".")] == []  # no part left behind


def test_a_value_marshal_cannot_keep_is_still_given(trainer_home, source):
    made, make = counting(object)
    assert remembered("things", [source], make) is object


def test_the_vocabulary_is_the_same_remembered_or_compiled():
    fresh = compiled().plain()
    kept = marshal.loads(marshal.dumps(fresh))
    assert kept == fresh
    again = Vocabulary.from_plain(kept)
    assert again.plain() == fresh
    assert again.markers.scan(("you", "should", "talk", "to", "her")) == compiled().markers.scan(
        ("you", "should", "talk", "to", "her")
    )


def forget_the_word_lists():
    for cached in (lexicons._all, vocabulary.vocabulary, spelling.english, spelling.lexicon_words):
        cached.cache_clear()


def test_scores_are_the_same_with_the_word_lists_remembered(trainer_home, monkeypatch):
    statement = AdHocStatement("I moved here alone and nobody calls.", ("You feel lonely since the move.",))
    responses = ["It sounds like you feel realy alone.", "You should just call her.", "Why did you move?"]
    forget_the_word_lists()
    afresh = [score(statement, r) for r in responses]
    assert {p.name for p in trainer_home.iterdir()} == {"word-lists.marshal", "phrase-indexes.marshal"}
    forget_the_word_lists()
    for made_afresh in ((lexicons, "_parse_all"), (vocabulary, "compiled")):
        monkeypatch.setattr(*made_afresh, lambda: pytest.fail("made afresh, not remembered"))
    assert [score(statement, r) for r in responses] == afresh
