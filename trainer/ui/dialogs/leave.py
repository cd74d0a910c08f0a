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
    """Dismissed with True to leave, False to keep practising. ``kept``: whether answers are
    being saved (not in private mode, nor when the file cannot be written)."""

    BINDINGS = [Binding("escape", "decline", "Keep practising")]
    accept_label = "Leave"
    decline_label = "Keep practising"

    def __init__(self, session: PracticeSession, *, kept: bool):
        super().__init__()
        self.session = session
        self.kept = kept
        self.heading = "Leave this drill?" if session.is_drill else "Leave this scenario?"

    def body(self) -> ComposeResult:
        session = self.session
        where = "this drill" if session.is_drill else f"“{session.scenario.title}”"
        yield Static(
            Content.from_markup(
                "You have responded to $done of $total in $where. $after",
                done=str(session.responded),
                total=plural(session.total, "statement"),
                where=where,
                after=self._what_happens(),
            ),
            id="what-happens",
        )

    def _what_happens(self) -> str:
        """What leaving does to this run, as it is."""
        session = self.session
        if not self.kept:
            return "Your answers are not being saved, so this run ends here."
        if session.is_drill:
            return (
                "Your answers are kept and count toward each statement's best. A drill is not resumed: "
                "d on the home screen plans a new one."
            )
        if not (session.responded or session.index):
            return "Nothing has been answered yet, so there is nothing to come back to."
        return "Your answers are kept. To go on where you stopped, press r on the home screen."
