"""The scenario library as a table: one row a scenario, with the learner's best and latest
score; Enter starts the highlighted one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from trainer.ui.sizes import NARROW

if TYPE_CHECKING:
    from trainer.model import Scenario
    from trainer.progress.records import ScenarioRecord

WARNING_MARK = "⚠"
NOT_YET = "–"
# Widths that fit 80 columns; the preview below shows everything in full. Under 80, the count of
# statements is left to the preview and a warning is its mark alone: the scores stay in sight.
COLUMNS = (("Title", 24), ("Level", 12), ("Statements", 10), ("Warning", 7), ("Best", 4), ("Latest", 6))
NARROW_COLUMNS = (("Title", 24), ("Level", 12), (WARNING_MARK, 1), ("Best", 4), ("Latest", 6))


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def number_cell(value: int | None) -> Text:
    """A number for a table cell, right-aligned; a dash for none yet."""
    return Text(NOT_YET if value is None else str(value), justify="right")


def text_cell(text: str) -> Text:
    """Text for a table cell, as it is: the table would read a plain string as markup ("[draft]"
    would vanish, ":smile:" would turn into an emoji) and load Rich's emoji table to do so."""
    return Text(text, no_wrap=True, end="")


class ScenarioTable(DataTable):
    BINDINGS = [Binding("enter", "select_cursor", "Start", show=True)]

    class Highlighted(Message):
        """The row under the cursor changed (None: the table is empty)."""

        def __init__(self, scenario: Scenario | None):
            super().__init__()
            self.scenario = scenario

    class Chosen(Message):
        """The learner chose a scenario to practise."""

        def __init__(self, scenario: Scenario):
            super().__init__()
            self.scenario = scenario

    def __init__(self, scenarios: Sequence[Scenario] = (), records: dict[str, ScenarioRecord] | None = None, **kwargs):
        """A table that shows ``scenarios`` from the start (its first frame has them)."""
        super().__init__(cursor_type="row", **kwargs)
        self._shown: dict[str, Scenario] = {}
        self._first = (scenarios, records or {})
        self._records: dict[str, ScenarioRecord] | None = None  # None: nothing shown yet
        self._columns = COLUMNS

    def on_mount(self) -> None:
        self._add_columns(self.app.size.width)  # the table is as wide as the terminal
        self.show(*self._first)

    def on_resize(self, event: events.Resize) -> None:
        if self._add_columns(event.size.width) and self._records is not None:
            self.show(list(self._shown.values()), self._records)

    def _add_columns(self, width: int) -> bool:
        """The columns that fit ``width`` (when they are not those shown): whether they changed."""
        columns = NARROW_COLUMNS if width < NARROW else COLUMNS
        if columns is self._columns and self.columns:
            return False
        self._columns = columns
        self.clear(columns=True)
        for label, size in columns:
            self.add_column(Text(label), width=size)
        return True

    def show(self, scenarios: Sequence[Scenario], records: dict[str, ScenarioRecord]) -> None:
        """Replace the rows, keeping the cursor on the same scenario when it is still shown.

        ``records`` holds the best and latest score of each scenario practised so far.
        """
        current = self.highlighted
        self.clear()
        self._shown, self._records = {s.id: s for s in scenarios}, records
        narrow = self._columns is NARROW_COLUMNS
        for s in scenarios:
            record = records.get(s.id)
            cells = [text_cell(_fit(s.title, self._columns[0][1])), text_cell(s.difficulty.value.capitalize())]
            if not narrow:
                cells.append(Text(str(len(s.turns)), justify="right"))
            warning = WARNING_MARK if narrow else f"{WARNING_MARK} yes"
            cells += [
                text_cell(warning if s.content_warnings else ""),
                number_cell(record and record.best),
                number_cell(record and record.latest),
            ]
            self.add_row(*cells, key=s.id)
        if current is not None and current.id in self._shown:
            self.move_cursor(row=self.get_row_index(current.id))
        self.post_message(self.Highlighted(self.highlighted))

    @property
    def highlighted(self) -> Scenario | None:
        if not self._shown or not self.is_valid_row_index(self.cursor_row):
            return None
        key = self.coordinate_to_cell_key((self.cursor_row, 0)).row_key.value
        return self._shown.get(key)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.post_message(self.Highlighted(self.highlighted))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if (scenario := self.highlighted) is not None:
            self.post_message(self.Chosen(scenario))
