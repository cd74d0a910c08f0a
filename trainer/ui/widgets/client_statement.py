"""The client's current statement, with its non-verbal cue, under a "statement N of M" title
(and, in a drill, why the statement came back, beneath it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

if TYPE_CHECKING:
    from trainer.model import Turn


class ClientStatement(Static):
    def show(self, turn: Turn, name: str, number: int, total: int, why: str = "") -> None:
        self.border_title = f"Statement {number} of {total}"
        self.border_subtitle = why
        said = Content.from_markup("[b]$name:[/b] “$said”", name=name, said=turn.client)
        if turn.cue:
            said = Content("\n").join([said, Content.from_markup("[i]($cue)[/i]", cue=turn.cue)])
        self.update(said)
