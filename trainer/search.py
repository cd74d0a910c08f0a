"""Finding scenarios in the library by words and difficulty, as the learner types."""

from __future__ import annotations

from collections.abc import Iterable

from trainer.model import Difficulty, Scenario


def _haystack(scenario: Scenario) -> str:
    """Everything a learner might remember a scenario by, in lowercase."""
    parts = [
        scenario.id,
        scenario.title,
        scenario.summary or "",
        scenario.persona.name or "",
        *scenario.skills,
        *scenario.content_warnings,
    ]
    return " ".join(parts).lower()


_LEVELS = {level: rank for rank, level in enumerate(Difficulty)}


def search(scenarios: Iterable[Scenario], query: str = "", difficulty: str | None = None) -> list[Scenario]:
    """The scenarios at ``difficulty`` (None: any) in which every word of ``query`` appears,
    gentlest first, then by title: a new learner meets a beginner scenario at the top."""
    terms = query.lower().split()
    found = [
        s
        for s in scenarios
        if (difficulty is None or s.difficulty.value == difficulty) and all(term in _haystack(s) for term in terms)
    ]
    return sorted(found, key=lambda s: (_LEVELS[s.difficulty], s.title.lower()))
