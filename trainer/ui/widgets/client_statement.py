"""The client's current statement, with its non-verbal cue, under a "statement N of M" title."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from trainer.model import Turn


class ClientStatement(Static):
    def show(self, turn: Turn, name: str, number: int, total: int) -> None:
        self.border_title = f"Statement {number} of {total}"
        said = Content.from_markup("[b]$name:[/b] “$said”", name=name, said=turn.client)
        if turn.cue:
            said = Content("\n").join([said, Content.from_markup("[i]($cue)[/i]", cue=turn.cue)])
        self.update(said)
