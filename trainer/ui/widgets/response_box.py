"""Where the learner types a response; Enter submits it."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import Input

from trainer.terminal import CONTROLS


class ResponseBox(Input):
    BINDINGS = [Binding("enter", "submit", "Submit", show=True)]

    def __init__(self, **kwargs):
        super().__init__(placeholder="Type your reflection, then press Enter", **kwargs)

    def _on_paste(self, event: events.Paste) -> None:
        """Pasted text without its control characters: keys never type them, and a pasted ESC
        would reach the terminal when the response is shown. (Input's own handler, called next,
        inserts it.)"""
        event.text = CONTROLS.sub("", event.text)
