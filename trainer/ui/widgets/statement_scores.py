"""Each statement of a finished run with its score, or why it has none. A scenario's statements
keep their numbers in it, a deeper statement its own statement's with a plus (2+); a drill's
are numbered in the order they came."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.widgets import DataTable

from trainer.rubric import BAND_WORDS
from trainer.session import StatementRecord
from trainer.wording import plural

SNIPPET = 40  # characters of each statement, at most
HEADERS = ("#", "Statement", "Score", "Band", "Tries")
PADDING = 2  # a cell's, one on each side


def _snippet(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _cells(record: StatementRecord, drill: bool) -> tuple[str, str, str, str, str]:
    """A row's number, statement, score, band and tries, as text."""
    best = record.best
    if best is None:
        score, band = "", "skipped" if record.skipped else "not reached"
    else:
        score, band = f"{best.feedback.score}/100", BAND_WORDS[best.feedback.band]
    tries = plural(len(record.attempts), "try", "tries") if record.attempts else ""
    number = str(record.number if drill else record.statement_number) + ("+" if record.deeper else "")
    return number, record.words, score, band, tries


class StatementScores(DataTable[str | Text], can_focus=False):
    """As wide as the screen allows: the statements are cut shorter on a narrow one, so the
    scores and bands always stay in sight."""

    def __init__(self, records: tuple[StatementRecord, ...], *, drill: bool = False, **kwargs: Any) -> None:
        super().__init__(show_cursor=False, **kwargs)
        self.records = records
        self.cells = [_cells(record, drill) for record in records]
        self._width = 0  # of the statements shown

    def on_mount(self) -> None:
        self.add_columns(*HEADERS)

    def on_resize(self, event: events.Resize) -> None:
        others = sum(
            max([len(header), *(len(row[column]) for row in self.cells)]) + PADDING
            for column, header in enumerate(HEADERS)
            if header != "Statement"
        )
        width = max(min(SNIPPET, event.size.width - others - PADDING), 1)
        if width != self._width:
            self._width = width
            self.clear()
            for number, words, score, band, tries in self.cells:
                self.add_row(
                    Text(number, justify="right"),
                    _snippet(words, width),
                    Text(score, justify="right"),
                    band,
                    tries,
                )
