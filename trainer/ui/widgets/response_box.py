"""Where the learner types a response; Enter submits it."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input


class ResponseBox(Input):
    BINDINGS = [Binding("enter", "submit", "Submit", show=True)]

    def __init__(self, **kwargs):
        super().__init__(placeholder="Type your reflection, then press Enter", **kwargs)
