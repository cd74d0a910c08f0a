"""The footer of every screen: the keys of the moment, in one compact line.

On a terminal narrower than ``NARROW`` columns the line would be cut (and the palette's key,
docked right, would cover the last keys): there, the keys the command palette also offers give
way -- private mode, and the palette's own key (ctrl+p still opens it).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from textual import events
from textual.widget import Widget
from textual.widgets import Footer

from trainer.ui.sizes import NARROW

# Actions the palette offers too (see TrainerApp.get_system_commands).
IN_THE_PALETTE = frozenset({"toggle_private"})


class AppFooter(Footer):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(compact=True, **kwargs)

    def compose(self) -> Iterator[Widget]:
        for widget in super().compose():
            if getattr(widget, "action", None) in IN_THE_PALETTE:  # a FooterKey
                widget.add_class("-in-palette")
            yield widget

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")
