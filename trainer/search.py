"""Finding scenarios in the library by words and difficulty, as the learner types."""

from __future__ import annotations

from typing import Iterable

from trainer.model import Scenario


def _haystack(scenario: Scenario) -> str:
    """Everything a learner might remember a scenario by, in lowercase."""
    parts = [scenario.id, scenario.title, scenario.summary or "", scenario.persona.name or "",
             *scenario.skills, *scenario.content_warnings]
    return " ".join(parts).lower()


def search(scenarios: Iterable[Scenario], query: str = "", difficulty: str | None = None) -> list[Scenario]:
    """The scenarios at ``difficulty`` (None: any) in which every word of ``query`` appears."""
    terms = query.lower().split()
    return [
        s for s in scenarios
        if (difficulty is None or s.difficulty.value == difficulty)
        and all(term in _haystack(s) for term in terms)
    ]
