"""Where the learner types a response: a box that grows with the text to a few lines, then
scrolls; Enter submits it.

A reflection is one paragraph, so the box holds no line breaks: a pasted one becomes a space.
It holds at most ``MAX_RESPONSE_CHARS`` characters -- what the scorer reads of a response -- and says so
under its text when it is full; what is typed or pasted past that is left out.
"""

from __future__ import annotations

import re
from typing import Any

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult

from trainer.rubric import MAX_RESPONSE_CHARS
from trainer.terminal import CONTROLS

FULL = f"{MAX_RESPONSE_CHARS:,} characters at most -- a reflection is shorter"
PLACEHOLDER = "Type your reflection, then press Enter"
_LINE_BREAKS = re.compile(r"\s*[\r\n]\s*")


def one_paragraph(text: str) -> str:
    """``text`` as the box holds it: each line break (with the spaces around it) and each tab
    a single space, and no other control character (a pasted ESC would reach the terminal when
    the response is shown)."""
    return CONTROLS.sub("", _LINE_BREAKS.sub(" ", text).replace("\t", " "))


class ResponseBox(TextArea):
    # Enter is taken in _on_key, in order with the keys typed before it (a binding would act
    # before the box had inserted them); the binding shows it in the footer.
    BINDINGS = [Binding("enter", "submit", "Submit")]

    class Submitted(Message):
        """Enter was pressed in the box."""

        def __init__(self, box: ResponseBox, value: str) -> None:
            super().__init__()
            self.box, self.value = box, value

        @property
        def control(self) -> ResponseBox:
            return self.box

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(placeholder=PLACEHOLDER, highlight_cursor_line=False, **kwargs)

    @property
    def value(self) -> str:
        return self.text

    @value.setter
    def value(self, text: str) -> None:
        """Put ``text`` in the box (made one paragraph, within the limit), the cursor at its end."""
        self.load_text(one_paragraph(text)[:MAX_RESPONSE_CHARS])
        self.move_cursor(self.document.end)
        self._say_if_full()

    @property
    def full(self) -> bool:
        return len(self.text) >= MAX_RESPONSE_CHARS

    def edit(self, edit: Edit) -> EditResult:
        """Every change typed, pasted or cut passes here: what it inserts is made one paragraph
        and, past the limit, left out."""
        replaced = len(self.get_text_range(edit.from_location, edit.to_location))
        room = MAX_RESPONSE_CHARS - (len(self.text) - replaced)
        edit.text = one_paragraph(edit.text)[: max(room, 0)]
        result = super().edit(edit)
        self._say_if_full()
        return result

    def _say_if_full(self) -> None:
        self.border_subtitle = FULL if self.full else ""
        self.set_class(self.full, "-full")

    async def _on_key(self, event: events.Key) -> None:
        """Enter submits (TextArea's own handler, which would break the line, is not called)."""
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.action_submit()

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self, self.value))
