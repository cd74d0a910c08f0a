"""What the client says back to the learner's response, and how the client's openness moved:
the conversation going on, shown between the learner's words and the feedback."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from trainer.conversation import openness_move

if TYPE_CHECKING:
    from trainer.model import Reaction
    from trainer.session import Try


def reaction_words(name: str, reaction: Reaction) -> Content:
    """'Leo: “Yeah. Exactly.” (looks up)' -- in the client's voice, with the cue."""
    said = Content.from_markup("[b]$name:[/b] “$say”", name=name, say=reaction.say)
    if reaction.cue:
        said = Content(" ").join([said, Content.from_markup("[i]($cue)[/i]", cue=reaction.cue)])
    return said


class ClientReaction(Static):
    def show(self, attempt: Try, name: str) -> bool:
        """Show how the client took ``attempt``; returns whether there is anything to show."""
        exchange = attempt.exchange
        lines = []
        if exchange.reaction is not None:
            lines.append(reaction_words(name, exchange.reaction))
        if exchange.openness_before is not None:
            lines.append(Content(openness_move(exchange.openness_before, exchange.openness_after)))
        self.update(Content("\n").join(lines))
        return bool(lines)
