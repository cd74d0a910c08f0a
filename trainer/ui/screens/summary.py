"""The summary at the end of a scenario: scores, the best moment, strengths, one skill."""

from __future__ import annotations

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from trainer.cli.context import plural
from trainer.scoring import band_for
from trainer.summary import Summary
from trainer.ui.widgets.feedback_panel import score_words
from trainer.ui.widgets.statement_scores import StatementScores


class SummaryScreen(Screen):
    SUB_TITLE = "Summary"
    BINDINGS = [
        Binding("enter", "home", "Home"),
        Binding("r", "again", "Practise again"),
        Binding("escape", "home", "Home", show=False),
    ]

    def __init__(self, summary: Summary):
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        s = self.summary
        yield Header()
        with VerticalScroll(id="summary"):
            yield Static(self._headline(), id="headline")
            yield StatementScores(s.statements, id="scores")
            if s.best_moment is not None:
                best = s.best_moment
                yield Label("Your best moment", classes="heading")
                yield Static(Content.from_markup(
                    "Statement $n ($score): “$said”\n$why",
                    n=str(best.turn_number), score=score_words(best.feedback.score, best.feedback.band),
                    said=best.response, why=s.best_moment_why), id="best-moment")
            if s.strengths:
                yield Label("What was strong", classes="heading")
                yield Static(Content("\n").join(Content.from_markup("• $s", s=line) for line in s.strengths),
                             id="strengths")
            yield Label("One skill to work on", classes="heading")
            yield Static(s.work_on, id="work-on", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.summary.scenario.title

    def _headline(self) -> Content:
        s = self.summary
        total = len(s.statements)
        if s.average is None:
            return Content(f"You did not respond to any of the {plural(total, 'statement')} this time. "
                           "That is all right: come back when you are ready.")
        return Content.from_markup(
            "You responded to $done of $total with $name. Average score: [b]$average[/b].",
            done=str(s.answered), total=plural(total, "statement"), name=s.client_name,
            average=score_words(s.average, band_for(s.average)))

    def action_home(self) -> None:
        self.app.go_home()

    def action_again(self) -> None:
        self.app.practise(self.summary.scenario)

    def palette_commands(self):
        yield SystemCommand("Practise this scenario again", self.summary.scenario.title, self.action_again)
