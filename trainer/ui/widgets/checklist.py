"""The rubric checks of one response: a symbol and a word for met or not met, and why."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Static

from trainer.scoring import Check

MET, NOT_MET = "✓ met", "✗ not met"


class CheckRow(Horizontal):
    def __init__(self, check: Check):
        super().__init__(classes="check")
        self.check = check

    def compose(self) -> ComposeResult:
        yield Label(classes="check-mark")
        yield Static(classes="check-message", markup=False)
        yield Label(classes="check-points")

    def on_mount(self) -> None:
        self.show(self.check)

    def show(self, check: Check) -> None:
        self.check = check
        self.query_one(".check-mark", Label).update(MET if check.passed else NOT_MET)
        self.query_one(".check-message", Static).update(check.message)
        self.query_one(".check-points", Label).update(f"{check.points}/{check.max_points}")
        self.set_class(check.passed, "-met")
        self.set_class(not check.passed, "-not-met")


class Checklist(Vertical):
    """Rows are kept and updated in place, so the next response shows without mounting anew."""

    def show(self, checks: tuple[Check, ...]) -> None:
        rows = list(self.query_children(CheckRow))
        for row, check in zip(rows, checks):
            row.display = True
            row.show(check)
        for row in rows[len(checks) :]:
            row.display = False
        if len(checks) > len(rows):
            self.mount_all(CheckRow(check) for check in checks[len(rows) :])
