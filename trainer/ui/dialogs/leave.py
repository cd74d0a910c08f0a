"""Asked before leaving a scenario or a drill part-way, so one stray Esc never ends a session."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from trainer.session import PracticeSession
from trainer.ui.dialogs.choice import ChoiceDialog
from trainer.wording import plural


class LeaveDialog(ChoiceDialog):
    """Dismissed with True to leave, False to keep practising."""

    BINDINGS = [Binding("escape", "decline", "Keep practising")]
    accept_label = "Leave"
    decline_label = "Keep practising"

    def __init__(self, session: PracticeSession):
        super().__init__()
        self.session = session
        self.heading = "Leave this drill?" if session.is_drill else "Leave this scenario?"

    def body(self) -> ComposeResult:
        session = self.session
        where = "this drill" if session.is_drill else f"“{session.scenario.title}”"
        yield Static(Content.from_markup(
            "You have responded to $done of $total in $where. You can come back to it any time.",
            done=str(session.responded), total=plural(session.total, "statement"), where=where))
