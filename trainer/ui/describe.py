"""Short plain-text descriptions of scenarios, shared by the screens (no Textual here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from trainer.wording import plural

if TYPE_CHECKING:
    from trainer.model import Scenario


def persona_line(scenario: Scenario) -> str:
    """'Maya, 19. First-generation college student...' -- who the learner is listening to."""
    persona = scenario.persona
    who = scenario.client_name.capitalize() if persona.name is None else persona.name
    if persona.age is not None:
        who += f", {persona.age}"
    return f"{who}. {persona.background}" if persona.background else who


def level_line(scenario: Scenario) -> str:
    """'Beginner · 4 statements · reflect-feeling, reflect-content'."""
    parts = [scenario.difficulty.value.capitalize(), plural(len(scenario.turns), "statement")]
    if scenario.skills:
        parts.append(", ".join(scenario.skills))
    return " · ".join(parts)
