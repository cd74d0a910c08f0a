"""The client's current statement, with its non-verbal cue, under a "statement N of M" title
(and beneath it, in a drill, why the statement came back; in a conversation, the client's
openness, in words and a symbol)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

if TYPE_CHECKING:
    from trainer.model import DeeperStatement, Statement


class ClientStatement(Static):
    def show(
        self,
        statement: Statement | DeeperStatement,
        name: str,
        number: int,
        total: int,
        why: str = "",
        *,
        words: str | None = None,
        says_more: bool = False,
    ) -> None:
        """``words``: what the client says, when not the plain statement (its guarded version);
        ``says_more``: a deeper statement; ``why``: the line beneath (drill reason, openness)."""
        self.border_title = f"Statement {number} of {total}" + (f" · {name} says more" if says_more else "")
        self.border_subtitle = why
        said = Content.from_markup("[b]$name:[/b] “$said”", name=name, said=words or statement.client)
        if statement.cue:
            said = Content("\n").join([said, Content.from_markup("[i]($cue)[/i]", cue=statement.cue)])
        self.update(said)
