"""The learner's bests, scenario by scenario: a table of best and latest run and drill answers,
then each statement's best, as many to a line as fit the width (an entry is never split)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.text import Text
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import DataTable

from trainer.ui.widgets.scenario_table import number_cell

if TYPE_CHECKING:
    from trainer.progress.attempt import SavedAttempt
    from trainer.progress.records import ScenarioRecord

TITLE_WIDTH = 22  # with the four numbers, the table fits 60 columns
GAP = "  "
INDENT = "  "


def latest_first(records: Mapping[str, ScenarioRecord]) -> list[ScenarioRecord]:
    return sorted(records.values(), key=lambda r: r.last_at, reverse=True)


def _fit_title(title: str) -> str:
    return title if len(title) <= TITLE_WIDTH else title[: TITLE_WIDTH - 1] + "…"


class ScenarioBests(DataTable[str | Text], can_focus=False):
    """One row per practised scenario, the most recently practised first: its best and latest
    finished run, how many runs, and its answers in drills."""

    def __init__(self, records: Mapping[str, ScenarioRecord], titles: Mapping[str, str], **kwargs: Any) -> None:
        super().__init__(show_cursor=False, **kwargs)
        self.records, self.titles = records, titles

    def on_mount(self) -> None:
        self.add_column("Scenario", width=TITLE_WIDTH)
        self.add_columns("Best run", "Latest", "Runs", "Drills")
        for record in latest_first(self.records):
            title = _fit_title(self.titles.get(record.scenario, record.scenario))
            self.add_row(title, *map(number_cell, (record.best, record.latest, record.runs, record.drill_answers)))


def flow(lead: str, parts: Iterable[str], width: int) -> list[str]:
    """``lead`` then ``parts`` in lines of at most ``width`` cells, never splitting a part: a part
    that does not fit goes on the next line, indented."""
    lines, line = [], lead
    for part in parts:
        longer = f"{line}{GAP}{part}"
        if cell_len(longer) <= width:
            line = longer
        else:
            lines.append(line)
            line = f"{INDENT}{part}"
    return [*lines, line]


class StatementBests(Widget):
    """Each practised scenario's best answer to each statement ('1: 84', '1+: 80' for the deeper
    statement), from runs or drills alike."""

    DEFAULT_CSS = "StatementBests { height: auto; }"

    def __init__(
        self,
        records: Mapping[str, ScenarioRecord],
        bests: Mapping[tuple[str, int, bool], SavedAttempt],
        titles: Mapping[str, str],
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.rows: list[tuple[str, list[str]]] = [
            (
                titles.get(record.scenario, record.scenario),
                [
                    f"{turn}{'+' if deeper else ''}: {best.score}"
                    for (scenario, turn, deeper), best in sorted(bests.items())
                    if scenario == record.scenario
                ],
            )
            for record in latest_first(records)
        ]

    def lines(self, width: int) -> list[Content]:
        laid_out = []
        for title, parts in self.rows:
            first, *rest = flow(title, parts, width)
            laid_out += [Content(first).stylize("bold", 0, len(title)), *map(Content, rest)]
        return laid_out

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.content_size.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))
