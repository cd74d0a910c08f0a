"""When the progress file cannot be used: say what is wrong, calmly, and offer the two ways on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from trainer.ui.dialogs.choice import ChoiceDialog

if TYPE_CHECKING:
    from trainer.progress.store import StoreTrouble


class StoreTroubleDialog(ChoiceDialog):
    """Dismissed with True to keep a backup and start fresh, False to practise without saving."""

    BINDINGS = [Binding("escape", "decline", "Practise without saving")]
    heading = "Your progress file needs attention"
    accept_label = "Keep a backup and start fresh"
    decline_label = "Practise without saving"

    def __init__(self, trouble: StoreTrouble):
        super().__init__()
        self.trouble = trouble

    def body(self) -> ComposeResult:
        yield Static(self.trouble.explain(), id="trouble", markup=False)
        yield Static(
            "Keep a backup and start fresh: the file is moved aside, with the date in its name, "
            "and a new one starts. Practise without saving: the file stays as it is, and "
            "nothing you answer now is kept.",
            classes="dialog-note",
        )
