"""The learner's bests, scenario by scenario: best and latest run, drill answers, and each
statement's best."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual.widgets import DataTable

from trainer.ui.widgets.scenario_table import number_cell

if TYPE_CHECKING:
    from trainer.progress.attempt import SavedAttempt
    from trainer.progress.stats import ScenarioRecord

TITLE_WIDTH = 24


class ScenarioBests(DataTable, can_focus=False):
    """One row per practised scenario, the most recently practised first: its finished runs,
    its answers in drills, and each statement's best answer (from runs or drills alike)."""

    def __init__(
        self,
        records: Mapping[str, ScenarioRecord],
        bests: Mapping[tuple[str, int, bool], SavedAttempt],
        titles: Mapping[str, str],
        **kwargs,
    ):
        super().__init__(show_cursor=False, **kwargs)
        self.records, self.bests, self.titles = records, bests, titles

    def on_mount(self) -> None:
        self.add_column("Scenario", width=TITLE_WIDTH)
        self.add_columns("Best run", "Latest", "Runs", "Drills", "Best by statement")
        for record in sorted(self.records.values(), key=lambda r: r.last_at, reverse=True):
            title = self.titles.get(record.scenario, record.scenario)
            if len(title) > TITLE_WIDTH:
                title = title[: TITLE_WIDTH - 1] + "…"
            statements = "  ".join(
                f"{turn}{'+' if deeper else ''}: {best.score}"
                for (scenario, turn, deeper), best in sorted(self.bests.items())
                if scenario == record.scenario
            )
            self.add_row(
                title, *map(number_cell, (record.best, record.latest, record.runs, record.drill_answers)), statements
            )
