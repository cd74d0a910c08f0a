"""Short plain-text descriptions of scenarios, shared by the screens (no Textual here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from trainer.wording import plural

if TYPE_CHECKING:
    from trainer.model import Scenario


def persona_who(scenario: Scenario) -> str:
    """'Maya, 19' -- the client's name (or a neutral word) and age, when given."""
    persona = scenario.persona
    who = scenario.client_name.capitalize() if persona.name is None else persona.name
    return who if persona.age is None else f"{who}, {persona.age}"


def persona_line(scenario: Scenario) -> str:
    """'Maya, 19. First-generation college student...' -- who the learner is listening to."""
    who, background = persona_who(scenario), scenario.persona.background
    return f"{who}. {background}" if background else who


def level_line(scenario: Scenario) -> str:
    """'Beginner · 4 statements · reflect-feeling, reflect-content'."""
    parts = [scenario.difficulty.value.capitalize(), plural(len(scenario.turns), "statement")]
    if scenario.skills:
        parts.append(", ".join(scenario.skills))
    return " · ".join(parts)
