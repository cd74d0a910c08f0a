"""The home screen: the scenario library, filtered as you type, with a preview and problems."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Select

from trainer.loader import Library
from trainer.model import Difficulty
from trainer.search import search
from trainer.ui.widgets.problems_panel import ProblemsPanel
from trainer.ui.widgets.scenario_preview import ScenarioPreview
from trainer.ui.widgets.scenario_table import ScenarioTable
from trainer.ui.widgets.search_box import SearchBox

ALL_LEVELS = "all"
LEVELS = (ALL_LEVELS, *(d.value for d in Difficulty))


class HomeScreen(Screen):
    SUB_TITLE = "Choose a scenario"
    BINDINGS = [
        Binding("slash", "focus_search", "Search"),
        Binding("l", "cycle_level", "Level"),
        Binding("down", "focus_table", "Results", show=False),
        Binding("ctrl+q", "app.quit", "Quit", priority=True),
    ]

    def __init__(self, library: Library):
        super().__init__()
        self.library = library

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="filters"):
            yield SearchBox(id="search")
            yield Select([("All levels" if v == ALL_LEVELS else v.capitalize(), v) for v in LEVELS],
                         value=ALL_LEVELS, allow_blank=False, id="level")
        yield ScenarioTable(id="scenarios")
        yield ScenarioPreview(id="preview")
        if self.library.problems:
            yield ProblemsPanel(self.library.problems, id="problems")
        yield Footer()

    def on_mount(self) -> None:
        self.refilter()
        self.query_one(ScenarioTable).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While typing in the search box, "/" and "l" are letters, not keys: hide them."""
        if action in ("focus_search", "cycle_level") and isinstance(self.focused, SearchBox):
            return False
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    @property
    def level(self) -> str:
        return self.query_one("#level", Select).value

    def refilter(self) -> None:
        query = self.query_one(SearchBox).value
        level = self.level
        shown = search(self.library.scenarios, query, None if level == ALL_LEVELS else level)
        self.query_one(ScenarioTable).show(shown)

    @on(Input.Changed, "#search")
    @on(Select.Changed, "#level")
    def _filters_changed(self) -> None:
        self.refilter()

    @on(ScenarioTable.Highlighted)
    def _preview(self, event: ScenarioTable.Highlighted) -> None:
        if event.scenario is not None:
            self.query_one(ScenarioPreview).show(event.scenario)
        elif not self.library.scenarios:
            self.query_one(ScenarioPreview).show(
                None, "No scenarios were found. Add a folder of your own with: trainer --scenarios DIR")
        else:
            other_levels = " or another level (l)" if self.level != ALL_LEVELS else ""
            self.query_one(ScenarioPreview).show(
                None, f"No scenario matches. Try fewer words{other_levels}.")

    @on(ScenarioTable.Chosen)
    def _chosen(self, event: ScenarioTable.Chosen) -> None:
        self.app.practise(event.scenario)

    @on(Input.Submitted, "#search")
    def _start_highlighted(self) -> None:
        scenario = self.query_one(ScenarioTable).highlighted
        if scenario is None:
            self.notify("No scenario matches the search yet.", severity="warning")
        else:
            self.app.practise(scenario)

    def action_focus_search(self) -> None:
        self.query_one(SearchBox).focus()

    def action_focus_table(self) -> None:
        self.query_one(ScenarioTable).focus()

    def action_cycle_level(self) -> None:
        """Step through the levels: all, beginner, intermediate, advanced, all..."""
        select = self.query_one("#level", Select)
        select.value = LEVELS[(LEVELS.index(self.level) + 1) % len(LEVELS)]
