"""Asked before leaving a scenario part-way, so one stray Esc never ends a session."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from trainer.cli.context import plural
from trainer.session import PracticeSession
from trainer.ui.dialogs.choice import ChoiceDialog


class LeaveDialog(ChoiceDialog):
    """Dismissed with True to leave, False to keep practising."""

    BINDINGS = [Binding("escape", "decline", "Keep practising")]
    heading = "Leave this scenario?"
    accept_label = "Leave"
    decline_label = "Keep practising"

    def __init__(self, session: PracticeSession):
        super().__init__()
        self.session = session

    def body(self) -> ComposeResult:
        yield Static(Content.from_markup(
            "You have responded to $done of $total in “$title”. You can come back to it any time.",
            done=str(self.session.responded), total=plural(self.session.total, "statement"),
            title=self.session.scenario.title))
