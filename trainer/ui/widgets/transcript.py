"""The conversation so far: what the client said, what the learner answered (the try they moved
on with), and what the client said back."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from trainer.session import StatementRecord
from trainer.ui.widgets.client_reaction import reaction_words


class Transcript(VerticalScroll, can_focus=False):
    def show(self, records: tuple[StatementRecord, ...]) -> None:
        """Show every statement left behind, with the response the learner moved on with and
        the client's reaction to it."""
        self.remove_children()
        if not records:
            self.mount(Static("The conversation starts here. Take your time.", classes="transcript-empty"))
            return
        lines = []
        for record in records:
            name = record.scenario.client_name
            lines.append(
                Static(
                    Content.from_markup("[b]$name:[/b] $said", name=name, said=record.words),
                    classes="transcript-client",
                )
            )
            last = record.moved_on_with
            answer = (
                Content.from_markup("[b]You:[/b] $said", said=last.response)
                if last
                else Content("You skipped this one.")
            )
            reaction = last.exchange.reaction if last and last.exchange else None
            lines.append(Static(answer, classes="transcript-you -reacted" if reaction else "transcript-you"))
            if reaction:
                lines.append(Static(reaction_words(name, reaction), classes="transcript-reaction"))
        self.mount_all(lines)
        self.call_after_refresh(self.scroll_end, animate=False)
