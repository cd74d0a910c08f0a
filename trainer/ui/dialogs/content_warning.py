"""A gentle notice before a scenario with content warnings: start, or choose another."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from trainer.model import Scenario
from trainer.ui.dialogs.choice import ChoiceDialog


class ContentWarningDialog(ChoiceDialog):
    """Dismissed with True to start the scenario, False to go back to the library."""

    BINDINGS = [Binding("escape", "decline", "Choose another")]
    heading = "Before you start"
    accept_label = "Start"
    decline_label = "Choose another"

    def __init__(self, scenario: Scenario):
        super().__init__()
        self.scenario = scenario

    def body(self) -> ComposeResult:
        yield Static(Content.from_markup("“$title” touches on:", title=self.scenario.title))
        yield Static(Content("\n").join(Content.from_markup("• $w", w=w)
                                        for w in self.scenario.content_warnings), id="warnings")
        yield Static("Take care of yourself. You can stop at any time with Esc, "
                     "and come back when you are ready.", classes="dialog-note")
