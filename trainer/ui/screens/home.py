"""The home screen: the scenario library, filtered as you type, with a preview and problems.

It appears before the library is read (the app loads it in a worker after the first frame):
its header, its keys and a calm word that the library is coming. The search box, the level,
the table and the preview -- which have nothing to show until then -- are built when the
library arrives, so the first frame is quick to make; the learner's best and latest scores
follow. A scenario whose latest run was left part-way can be resumed (r).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static

from trainer.ui.widgets.app_footer import AppFooter
from trainer.ui.widgets.app_header import AppHeader
from trainer.ui.widgets.level_filter import ALL_LEVELS, LevelFilter
from trainer.ui.widgets.search_box import SearchBox

if TYPE_CHECKING:
    from trainer.loader import Library
    from trainer.model import Scenario
    from trainer.progress.records import LeftRun, ScenarioRecord
    from trainer.ui.widgets.scenario_preview import ScenarioPreview
    from trainer.ui.widgets.scenario_table import ScenarioTable

LOADING = "Opening the scenario library…"
# Letter keys that are letters, not keys, while the learner types in the search box.
_LETTER_ACTIONS = frozenset({"focus_search", "cycle_level", "app.show_progress", "app.drill", "resume"})


class HomeScreen(Screen):
    SUB_TITLE = "Choose a scenario"
    BINDINGS = [
        Binding("r", "resume", "Resume"),
        Binding("slash", "focus_search", "Search", show=False),  # the search box shows its key
        Binding("l", "cycle_level", "Level"),
        Binding("p", "app.show_progress", "Progress"),
        Binding("d", "app.drill", "Drill"),
        Binding("down", "focus_table", "Results", show=False),
        Binding("ctrl+q", "app.quit", "Quit", priority=True),
    ]

    def __init__(self, library: Library | None = None):
        super().__init__()
        self.library = library
        self.records: dict[str, ScenarioRecord] = {}

    def compose(self) -> ComposeResult:
        yield AppHeader()
        if self.library is None:
            yield Static(LOADING, id="opening")
        else:
            yield from self._library_widgets()
        yield AppFooter()

    def on_mount(self) -> None:
        if self.library is not None:
            self._fill()

    async def show_library(self, library: Library) -> None:
        """Fill the screen with ``library`` (once it is loaded): its widgets take the place of
        the word that it was coming. (Not mounted yet, the screen is composed with them.)"""
        first = self.library is None
        self.library = library
        if self.is_mounted and first:
            with self.app.batch_update():  # one frame for all of it
                await self.query_one("#opening").remove()
                await self.mount_all(self._library_widgets(), before=self.query_one(AppFooter))
                self._fill()

    def _library_widgets(self) -> list[Widget]:
        """The search box and level, the table and the preview, built with the library in them (so
        the first frame that shows them has it all), when there is a library to show."""
        from trainer.search import search
        from trainer.ui.widgets.scenario_preview import ScenarioPreview
        from trainer.ui.widgets.scenario_table import ScenarioTable

        shown = search(self.library.scenarios)
        first = shown[0] if shown else None
        return [
            Horizontal(SearchBox(id="search"), LevelFilter(id="level"), id="filters"),
            ScenarioTable(shown, self.records, id="scenarios"),
            ScenarioPreview(first, first and self.records.get(first.id), id="preview"),
        ]

    def _fill(self) -> None:
        self.call_after_refresh(self.table.focus)  # the library drawn first, then its keys (Enter starts)
        if self.library.problems:
            from trainer.ui.widgets.problems_panel import ProblemsPanel

            self.mount(ProblemsPanel(self.library.problems, id="problems"), after=self.preview)

    @property
    def table(self) -> ScenarioTable:
        return self.query_one("#scenarios", Widget)  # type: ignore[return-value]

    @property
    def preview(self) -> ScenarioPreview:
        return self.query_one("#preview", Widget)  # type: ignore[return-value]

    def show_records(self, records: dict[str, ScenarioRecord]) -> None:
        """Each scenario's best and latest score, in the table and the preview."""
        self.records = records
        self.refilter()

    def on_screen_resume(self) -> None:
        """Back from practice: the best and latest scores may have changed."""
        history = getattr(self.app, "history", None)
        if history is not None:
            self.show_records(history.scenario_records())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While typing in the search box, letters are letters, not keys: hide those keys. Resume
        is there only for a scenario with a run left part-way."""
        if action in _LETTER_ACTIONS and isinstance(self.focused, SearchBox):
            return False
        if action == "resume":
            return self._left_run() is not None
        return True

    def _left_run(self) -> tuple[Scenario, LeftRun] | None:
        """The highlighted scenario and its run left part-way, when there is one to resume."""
        if not self.is_mounted or self.library is None:
            return None
        scenario = self.table.highlighted
        record = self.records.get(scenario.id) if scenario is not None else None
        left = record.left if record is not None else None
        return (scenario, left) if left is not None and left.fits(len(scenario.turns)) else None

    def refilter(self) -> None:
        if self.library is None or not self.is_mounted:
            return
        from trainer.search import search

        level = self.query_one(LevelFilter).level
        shown = search(self.library.scenarios, self.query_one(SearchBox).value, None if level == ALL_LEVELS else level)
        self.table.show(shown, self.records)

    @on(Input.Changed, "#search")
    @on(LevelFilter.Changed)
    def _filters_changed(self) -> None:
        self.refilter()

    # The table and the preview (a DataTable, slow to import) are built only when the library
    # arrives: the table's messages are handled by name.

    def on_scenario_table_highlighted(self, event: ScenarioTable.Highlighted) -> None:
        self.refresh_bindings()  # Resume follows the highlighted scenario
        preview = self.preview
        if event.scenario is not None:
            preview.show(event.scenario, record=self.records.get(event.scenario.id))
        elif not self.library.scenarios:
            preview.show(None, "No scenarios were found. Add a folder of your own with: trainer --scenarios DIR")
        else:
            other_levels = " or another level (l)" if self.query_one(LevelFilter).level != ALL_LEVELS else ""
            preview.show(None, f"No scenario matches. Try fewer words{other_levels}.")

    def on_scenario_table_chosen(self, event: ScenarioTable.Chosen) -> None:
        self.app.practise(event.scenario)

    @on(Input.Submitted, "#search")
    def _start_highlighted(self) -> None:
        scenario = self.table.highlighted
        if scenario is None:
            self.notify("No scenario matches the search yet.", severity="warning")
        else:
            self.app.practise(scenario)

    def action_resume(self) -> None:
        if (found := self._left_run()) is not None:
            self.app.practise(*found)

    def action_focus_search(self) -> None:
        if self.library is not None:
            self.query_one(SearchBox).focus()

    def action_focus_table(self) -> None:
        if self.library is not None:
            self.table.focus()

    def action_cycle_level(self) -> None:
        if self.library is not None:
            self.query_one(LevelFilter).cycle()
