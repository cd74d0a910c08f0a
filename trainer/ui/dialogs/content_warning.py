"""A gentle notice before a scenario with content warnings: start, or choose another."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Label, Static

from trainer.model import Scenario


class ContentWarningDialog(ModalScreen[bool]):
    """Dismissed with True to start the scenario, False to go back to the library."""

    BINDINGS = [Binding("escape", "choose_another", "Choose another")]

    def __init__(self, scenario: Scenario):
        super().__init__()
        self.scenario = scenario

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Before you start", classes="dialog-title")
            yield Static(Content.from_markup("“$title” touches on:", title=self.scenario.title))
            yield Static(Content("\n").join(Content.from_markup("• $w", w=w)
                                            for w in self.scenario.content_warnings), id="warnings")
            yield Static("Take care of yourself. You can stop at any time with Esc, "
                         "and come back when you are ready.", classes="dialog-note")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Start", id="start", variant="primary")
                yield Button("Choose another", id="choose-another")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#start").focus()

    @on(Button.Pressed, "#start")
    def _start(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#choose-another")
    def action_choose_another(self) -> None:
        self.dismiss(False)
