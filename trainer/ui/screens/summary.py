"""The summary at the end of a scenario or a drill: scores, how the client opened up (in a
conversation), the best moment, strengths, one skill."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label, Static

from trainer.rubric import band_for
from trainer.summary import RunSummary
from trainer.ui.widgets.app_footer import AppFooter
from trainer.ui.widgets.app_header import AppHeader
from trainer.ui.widgets.feedback_panel import score_words
from trainer.ui.widgets.statement_scores import StatementScores
from trainer.wording import plural, statement_name


class SummaryScreen(Screen):
    CSS_PATH = Path(__file__).with_name("summary.tcss")  # read when the screen first opens
    SUB_TITLE = "Summary"
    BINDINGS = [
        Binding("enter", "home", "Home"),
        Binding("r", "again", "Practise again"),
        Binding("r", "another_drill", "Another drill"),
        Binding("escape", "home", "Home", show=False),
    ]

    def __init__(self, summary: RunSummary):
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        s = self.summary
        yield AppHeader()
        with VerticalScroll(id="summary"):
            yield Static(self._headline(), id="headline")
            yield StatementScores(s.statements, drill=s.scenario is None, id="scores")
            if s.openness is not None:
                yield Label(f"How {s.client_name} opened up", classes="heading")
                story = s.openness
                lines = [
                    story.headline(s.client_name),
                    *(f"• {move}" for move in story.moves),
                    story.ending(s.client_name),
                ]
                yield Static(Content("\n").join(Content(line) for line in lines if line), id="openness")
            if s.best_moment is not None:
                best = s.best_moment
                yield Label("Your best moment", classes="heading")
                where = statement_name(best.statement_number, best.deeper).capitalize()
                if s.scenario is None:
                    where = f"“{s.best_moment_from.title}”, {statement_name(best.statement_number, best.deeper)}"
                yield Static(
                    Content.from_markup(
                        "$where ($score): “$said”\n$why",
                        where=where,
                        score=score_words(best.feedback.score, best.feedback.band),
                        said=best.response,
                        why=s.best_moment_why,
                    ),
                    id="best-moment",
                )
            if s.strengths:
                yield Label("What was strong", classes="heading")
                yield Static(
                    Content("\n").join(Content.from_markup("• $s", s=line) for line in s.strengths), id="strengths"
                )
            yield Label("One skill to work on", classes="heading")
            yield Static(s.work_on, id="work-on", markup=False)
        yield AppFooter()

    def on_mount(self) -> None:
        self.title = "Drill" if self.summary.scenario is None else self.summary.scenario.title

    def _headline(self) -> Content:
        s = self.summary
        total = len(s.statements)
        if s.average is None:
            return Content(
                f"You did not respond to any of the {plural(total, 'statement')} this time. "
                "That is all right: come back when you are ready."
            )
        where = "in this drill" if s.scenario is None else f"with {s.client_name}"
        return Content.from_markup(
            "You responded to $done of $total $where. Average score: [b]$average[/b].",
            done=str(s.answered),
            total=plural(total, "statement"),
            where=where,
            average=score_words(s.average, band_for(s.average)),
        )

    def action_home(self) -> None:
        self.app.go_home()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``r`` practises the scenario again, or, after a drill, plans another."""
        if action in ("again", "another_drill"):
            return (action == "another_drill") == (self.summary.scenario is None)
        return True

    def action_again(self) -> None:
        self.app.practise(self.summary.scenario)

    def action_another_drill(self) -> None:
        self.app.drill()

    def palette_commands(self):
        if self.summary.scenario is None:
            yield SystemCommand("Another drill", "Planned afresh from your history", self.action_another_drill)
        else:
            yield SystemCommand("Practise this scenario again", self.summary.scenario.title, self.action_again)
