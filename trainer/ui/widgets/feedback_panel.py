"""Feedback on one response: score and band, how it compares with the last try, any small win,
strengths first, one next step, a model answer, then the checklist -- and, on request, the other
model answers. Everything is said here, in the panel: nothing is laid over it."""

from __future__ import annotations

from collections.abc import Iterable

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from trainer.model import DeeperStatement, Statement
from trainer.rubric import BAND_WORDS, KIND_WORDS
from trainer.session import Try
from trainer.ui.widgets.checklist import Checklist


def score_words(score: int, band: str) -> str:
    """'72/100, Good': the number and the band in words, never a colour alone."""
    return f"{score}/100, {BAND_WORDS[band]}"


def change_words(previous: int, now: int) -> str:
    """How a new try compares with the last, said plainly and kindly."""
    if now > previous:
        return f"↑ Up {now - previous} points from your last try ({previous} → {now}). Your change worked."
    if now == previous:
        return f"= The same score as your last try ({now})."
    return f"↓ {previous} → {now} this time. Your best try is the one that counts."


WIN_MARK = "★"


def _bullets(lines: Iterable[str], mark: str = "•") -> Content:
    return Content("\n").join(Content.from_markup("$mark $line", mark=mark, line=line) for line in lines)


class FeedbackPanel(VerticalScroll):
    """Focused after Enter, so the arrow keys scroll it and Enter moves on."""

    def on_mount(self) -> None:
        self.border_title = "Feedback"

    def compose(self):
        yield Static(id="score-line")
        yield Static(id="change-line")
        yield Static(id="wins")
        yield Label("What went well", classes="heading")
        yield Static(id="strengths")
        yield Label("One thing to try next", classes="heading")
        yield Static(id="next-step")
        yield Label("Closest model answer", classes="heading")
        yield Static(id="closest")
        yield Label("Other model answers", classes="heading other-answers")
        yield Static(id="other-answers", classes="other-answers")
        yield Label("The checklist", classes="heading")
        yield Checklist()

    def show(self, attempt: Try, statement: Statement | DeeperStatement, previous_score: int | None) -> None:
        feedback = attempt.feedback
        self.query_one("#score-line", Static).update(
            Content.from_markup(
                "[b]$score[/b] · Kind of response: $kind",
                score=score_words(feedback.score, feedback.band),
                kind=KIND_WORDS[feedback.kind],
            )
        )
        change = self.query_one("#change-line", Static)
        change.display = previous_score is not None
        change.set_class(previous_score is not None and feedback.score > previous_score, "-improved")
        if previous_score is not None:
            change.update(change_words(previous_score, feedback.score))
        wins = self.query_one("#wins", Static)
        wins.display = bool(attempt.wins)
        wins.update(_bullets(attempt.wins, WIN_MARK))
        self.query_one("#strengths", Static).update(_bullets(feedback.strengths))
        self.query_one("#next-step", Static).update(_bullets((feedback.next_step, *feedback.notes)))
        closest = feedback.best_match.answer if feedback.best_match else statement.model_answers[0]
        self.query_one("#closest", Static).update(Content.from_markup("“$answer”", answer=closest))
        others = [a for a in statement.model_answers if a != closest]
        self.query_one("#other-answers", Static).update(
            _bullets(f"“{a}”" for a in others) if others else Content("This statement has one model answer.")
        )
        self.query_one(Checklist).show(feedback.checks)
        self.set_class(False, "-others-shown")
        self.scroll_home(animate=False)

    def toggle_other_answers(self) -> bool:
        """Show or hide the other model answers; returns whether they are now shown."""
        self.toggle_class("-others-shown")
        shown = self.has_class("-others-shown")
        if shown:
            self.call_after_refresh(self.scroll_to_widget, self.query_one("#other-answers"), animate=False)
        return shown
