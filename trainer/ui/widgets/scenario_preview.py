"""A closer look at the highlighted scenario: summary, client, level, warnings, your scores."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from trainer.ui.describe import level_line, persona_line
from trainer.ui.widgets.scenario_table import WARNING_MARK

if TYPE_CHECKING:
    from trainer.model import Scenario
    from trainer.progress.records import ScenarioRecord


def _scores(scenario: Scenario, record: ScenarioRecord | None) -> Content:
    """The learner's runs and drill answers on ``scenario``, and the run left part-way, if any."""
    if record is None:
        return Content.from_markup("[b]Your scores:[/b] not practised yet.")
    scores = Content.from_markup("[b]Your scores:[/b] $scores.", scores=record.describe())
    left = record.left
    if left is None:
        return scores
    if not left.fits(len(scenario.turns)):
        return Content("\n").join(
            [scores, Content("You left a run part-way, but the scenario has changed since: Enter starts it afresh.")]
        )
    return Content("\n").join(
        [
            scores,
            Content.from_markup(
                "[b]Left part-way[/b] at statement $next of $total: [b]r[/b] resumes it where you stopped, "
                "Enter starts afresh.",
                next=str(left.next_statement),
                total=str(left.statements),
            ),
        ]
    )


def _description(scenario: Scenario, record: ScenarioRecord | None) -> Content:
    if scenario.content_warnings:
        warning = Content.from_markup(
            f"[b]{WARNING_MARK} Content warning:[/b] $w", w=", ".join(scenario.content_warnings)
        )
    else:
        warning = Content("No content warnings.")
    return Content("\n").join(
        [
            Content.from_markup("$summary", summary=scenario.summary or "No summary given."),
            Content.from_markup("[b]Client:[/b] $who", who=persona_line(scenario)),
            Content.from_markup("[b]Level:[/b] $level", level=level_line(scenario)),
            warning,
            _scores(scenario, record),
        ]
    )


class ScenarioPreview(VerticalScroll):
    def __init__(self, scenario: Scenario | None = None, record: ScenarioRecord | None = None, **kwargs):
        """A preview that describes ``scenario`` from the start (its first frame has it)."""
        super().__init__(**kwargs)
        self._first = Content() if scenario is None else _description(scenario, record)
        self.border_title = "Preview" if scenario is None else scenario.title

    def compose(self):
        yield Static(self._first, id="preview-text")

    def show(self, scenario: Scenario | None, empty: str = "", record: ScenarioRecord | None = None) -> None:
        """Describe ``scenario`` and the learner's ``record`` on it; without one, say ``empty``."""
        text = self.query_one("#preview-text", Static)
        self.scroll_home(animate=False)
        if scenario is None:
            self.border_title = "Preview"
            text.update(Content(empty))
            return
        self.border_title = scenario.title
        text.update(_description(scenario, record))
