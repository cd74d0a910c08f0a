"""Finding scenarios as the learner types."""

from __future__ import annotations

from trainer.search import search


def ids(found):
    return [s.id for s in found]


def test_an_empty_query_finds_everything(test_library):
    assert ids(search(test_library.scenarios)) == ids(test_library.scenarios)


def test_every_word_must_match_somewhere(test_library):
    scenarios = test_library.scenarios
    assert ids(search(scenarios, "nobody")) == ["lonely-birthday"]
    assert ids(search(scenarios, "MAYA remembered")) == ["lonely-birthday"]
    assert ids(search(scenarios, "domestic")) == ["warning-demo"]  # a content warning
    assert ids(search(scenarios, "reflect-feeling")) == ["lonely-birthday", "warning-demo"]
    assert search(scenarios, "maya sam") == []


def test_difficulty_filters(test_library):
    scenarios = test_library.scenarios
    assert ids(search(scenarios, difficulty="intermediate")) == ["warning-demo"]
    assert search(scenarios, "maya", difficulty="intermediate") == []
    assert search(scenarios, difficulty="advanced") == []


def test_the_gentlest_scenarios_come_first_then_by_title(test_library):
    newest_first = list(reversed(test_library.scenarios))
    assert [s.difficulty.value for s in search(newest_first)] == ["beginner", "intermediate"]
