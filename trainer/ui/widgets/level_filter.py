"""The difficulty the library is filtered to: the ``l`` key (or a click) steps through the levels.

A plain label rather than a drop-down: it is one key to use, and it keeps the first frame light.
"""

from __future__ import annotations

from textual.events import Click
from textual.message import Message
from textual.widgets import Static

ALL_LEVELS = "all"


def _label(level: str) -> str:
    return f"Level: {'All levels' if level == ALL_LEVELS else level.capitalize()}"


class LevelFilter(Static):
    class Changed(Message):
        """The level changed."""

    def __init__(self, **kwargs):
        super().__init__(_label(ALL_LEVELS), **kwargs)
        self.level = ALL_LEVELS

    def cycle(self) -> None:
        """All, beginner, intermediate, advanced, all..."""
        from trainer.model import Difficulty

        levels = (ALL_LEVELS, *(d.value for d in Difficulty))
        self.level = levels[(levels.index(self.level) + 1) % len(levels)]
        self.update(_label(self.level))
        self.post_message(self.Changed())

    def on_click(self, event: Click) -> None:
        event.stop()
        self.cycle()
