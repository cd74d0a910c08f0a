"""A gentle notice before hard material: start, or choose another.

Shown before a scenario with content warnings, and before a drill that brings back
statements from such scenarios (each named, with what it touches on).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from trainer.ui.dialogs.choice import ChoiceDialog
from trainer.wording import plural

if TYPE_CHECKING:
    from trainer.model import Scenario


class ContentWarningDialog(ChoiceDialog):
    """Dismissed with True to start, False to go back to the library."""

    BINDINGS = [Binding("escape", "decline", "Choose another")]
    heading = "Before you start"
    accept_label = "Start"
    decline_label = "Choose another"

    def __init__(self, scenarios: Sequence[Scenario], *, drill: bool = False):
        super().__init__()
        self.scenarios = tuple(scenarios)
        self.drill = drill

    def body(self) -> ComposeResult:
        if self.drill:  # one line for them all: a drill may draw on many scenarios
            warnings = dict.fromkeys(w for s in self.scenarios for w in s.content_warnings)
            yield Static(
                f"This drill includes statements from {plural(len(self.scenarios), 'scenario')} that touch on:"
            )
            lines = [Content.from_markup("• $w", w=", ".join(warnings))]
        else:
            [scenario] = self.scenarios
            yield Static(Content.from_markup("“$title” touches on:", title=scenario.title))
            lines = [Content.from_markup("• $w", w=w) for w in scenario.content_warnings]
        yield Static(Content("\n").join(lines), id="warnings")
        yield Static(
            "Take care of yourself. You can stop at any time with Esc, and come back when you are ready.",
            classes="dialog-note",
        )
