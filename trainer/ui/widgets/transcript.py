"""The conversation so far: what the client said and what the learner answered."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from trainer.session import StatementRecord


class Transcript(VerticalScroll, can_focus=False):
    def show(self, records: tuple[StatementRecord, ...]) -> None:
        """Show every statement left behind, with the learner's best response to each (the one that counts)."""
        self.remove_children()
        if not records:
            self.mount(Static("The conversation starts here. Take your time.", classes="transcript-empty"))
            return
        lines = []
        for record in records:
            lines.append(Static(Content.from_markup("[b]$name:[/b] $said", name=record.scenario.client_name,
                                                    said=record.turn.client),
                                classes="transcript-client"))
            answer = (Content.from_markup("[b]You:[/b] $said", said=record.best.response) if record.best
                      else Content("You skipped this one."))
            lines.append(Static(answer, classes="transcript-you"))
        self.mount_all(lines)
        self.call_after_refresh(self.scroll_end, animate=False)
