"""Each statement of a finished run with its score, or why it has none. A scenario's statements
keep their numbers in it, a deeper statement its own statement's with a plus (2+); a drill's
are numbered in the order they came."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from trainer.rubric import BAND_WORDS
from trainer.session import StatementRecord
from trainer.wording import plural

SNIPPET = 40


def _snippet(text: str) -> str:
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1].rstrip() + "…"


class StatementScores(DataTable, can_focus=False):
    def __init__(self, records: tuple[StatementRecord, ...], *, drill: bool = False, **kwargs):
        super().__init__(show_cursor=False, **kwargs)
        self.records = records
        self.drill = drill

    def on_mount(self) -> None:
        self.add_columns("#", "Statement", "Score", "Band", "Tries")
        for record in self.records:
            best = record.best
            if best is None:
                score, band = "", "skipped" if record.skipped else "not reached"
            else:
                score, band = f"{best.feedback.score}/100", BAND_WORDS[best.feedback.band]
            tries = plural(len(record.attempts), "try", "tries") if record.attempts else ""
            number = str(record.number if self.drill else record.turn_number) + ("+" if record.deeper else "")
            self.add_row(
                Text(number, justify="right"), _snippet(record.words), Text(score, justify="right"), band, tries
            )
