"""The progress screen: totals, streak, scores over time, skills, bests and small wins.

Everything is added up in a worker from the history the app already holds (a long history
takes a moment), and shown when it is ready.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Label, Sparkline, Static

from trainer.progress.stats import RECENT, RUNS_EXPLAINED
from trainer.ui.widgets.app_footer import AppFooter
from trainer.ui.widgets.app_header import AppHeader
from trainer.ui.widgets.scenario_bests import ScenarioBests, StatementBests
from trainer.ui.widgets.skill_shares import SkillShares

if TYPE_CHECKING:
    from trainer.progress.history import History
    from trainer.progress.stats import ProgressSummary

RECENT_WINS = 5


def _mean(values) -> float:
    return sum(values) / len(values)


class ProgressScreen(Screen):
    CSS_PATH = Path(__file__).with_name("progress.tcss")  # read when the screen first opens
    SUB_TITLE = "Your progress"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("d", "app.drill", "Drill"),
    ]

    def __init__(self, history: History, titles: Mapping[str, str]):
        super().__init__()
        self.history = history
        self.titles = titles  # scenario id -> title

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with VerticalScroll(id="progress"):
            yield Static("Adding up your practice…", id="progress-note")
        yield AppFooter()

    def on_mount(self) -> None:
        self.query_one("#progress").focus()
        self._add_up()

    class AddedUp(Message):
        def __init__(self, summary: ProgressSummary, now: datetime):
            super().__init__()
            self.summary, self.now = summary, now

    @work(thread=True, group="progress")
    def _add_up(self) -> None:
        now = self.history.now()
        self.post_message(self.AddedUp(self.history.summary(now), now))  # dropped if the screen has gone

    def on_progress_screen_added_up(self, message: AddedUp) -> None:
        summary, now = message.summary, message.now
        note = self.query_one("#progress-note", Static)
        note.update(self._note(summary))
        if not summary.totals.attempts:
            return
        self.query_one("#progress").mount_all(self._sections(summary, now))

    def _note(self, summary: ProgressSummary) -> Content:
        """What the numbers are, or why there are none yet, and whether new answers are added."""
        history = self.history
        lines = []
        if summary.totals.attempts:
            lines += [summary.totals.describe(), summary.streak.describe()]
        else:
            lines.append(
                "No practice recorded yet. Every response you submit is kept the moment you "
                "submit it, on this computer only. Choose a scenario (esc), or press d for a drill."
            )
        if history.private:
            lines.append("Private mode is on: what you answer now is not added (ctrl+o turns it off).")
        elif history.cannot_save:
            lines.append(f"Not saving: {history.cannot_save}")
        elif history.path is not None:
            lines.append(f"Kept in {history.path}.")
        return Content("\n").join(Content(line) for line in lines)

    def _sections(self, summary: ProgressSummary, now: datetime):
        days = summary.days
        yield Label("Scores over time", classes="heading")
        scores = Sparkline([d.average for d in days], summary_function=_mean, id="days")
        scores.styles.width = min(max(2 * len(days), 2), 60)
        yield scores
        yield Static(
            f"One bar a day of practice: its average score. First day {days[0].average}, "
            f"latest {days[-1].average}, best day {max(d.average for d in days)}.",
            id="days-caption",
            classes="caption",
        )
        yield Label("Skills: how often your responses met each check", classes="heading")
        shares = SkillShares(id="skills")
        shares.show(summary.skills, RECENT, with_recent=summary.totals.attempts > RECENT)
        yield shares
        yield Label("Personal bests", classes="heading")
        yield ScenarioBests(summary.scenarios, self.titles, id="bests")
        yield Static(RUNS_EXPLAINED, classes="caption")
        yield Label("Best by statement", classes="heading")
        yield StatementBests(summary.scenarios, summary.bests, self.titles, id="statement-bests")
        if summary.wins:
            yield Label("Small wins", classes="heading")
            zone = now.tzinfo
            yield Static(
                Content("\n").join(
                    Content.from_markup(
                        "• [b]$day[/b]  $win", day=f"{w.attempt.at.astimezone(zone):%d %b}", win=w.message
                    )
                    for w in summary.wins[-RECENT_WINS:][::-1]
                ),
                id="wins",
            )

    def action_back(self) -> None:
        self.app.pop_screen()
