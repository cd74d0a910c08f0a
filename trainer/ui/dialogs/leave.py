"""Asked before leaving a scenario part-way, so one stray Esc never ends a session."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Label, Static

from trainer.cli.context import plural
from trainer.session import PracticeSession


class LeaveDialog(ModalScreen[bool]):
    """Dismissed with True to leave, False to keep practising."""

    BINDINGS = [Binding("escape", "stay", "Keep practising")]

    def __init__(self, session: PracticeSession):
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Leave this scenario?", classes="dialog-title")
            yield Static(Content.from_markup(
                "You have responded to $done of $total in “$title”. You can come back to it any time.",
                done=str(self.session.responded), total=plural(self.session.total, "statement"),
                title=self.session.scenario.title))
            with Horizontal(classes="dialog-buttons"):
                yield Button("Leave", id="leave", variant="primary")
                yield Button("Keep practising", id="stay")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#leave").focus()

    @on(Button.Pressed, "#leave")
    def _leave(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#stay")
    def action_stay(self) -> None:
        self.dismiss(False)
