"""The scenario library as a table: one row a scenario; Enter starts the highlighted one."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from trainer.model import Scenario

WARNING_MARK = "⚠"
# Widths that fit 80 columns; the preview below shows everything in full.
COLUMNS = (("Title", 22), ("Level", 12), ("Skills", 16), ("Statements", 10), ("Warning", 7))


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


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

    def __init__(self, **kwargs):
        super().__init__(cursor_type="row", **kwargs)
        self._shown: dict[str, Scenario] = {}

    def on_mount(self) -> None:
        for label, width in COLUMNS:
            self.add_column(label, width=width, key=label.lower())

    def show(self, scenarios: list[Scenario]) -> None:
        """Replace the rows, keeping the cursor on the same scenario when it is still shown."""
        current = self.highlighted
        self.clear()
        self._shown = {s.id: s for s in scenarios}
        widths = dict(COLUMNS)
        for s in scenarios:
            self.add_row(_fit(s.title, widths["Title"]), s.difficulty.value.capitalize(),
                         _fit(", ".join(s.skills), widths["Skills"]),
                         Text(str(len(s.turns)), justify="right"),
                         f"{WARNING_MARK} yes" if s.content_warnings else "", key=s.id)
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
