"""The rubric checks of one response: a symbol and a word for met or not met, and why."""

from __future__ import annotations

from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Static

from trainer.scoring import Check

MET, NOT_MET = "✓ met", "✗ not met"


class Checklist(Vertical):
    def show(self, checks: tuple[Check, ...]) -> None:
        self.remove_children()
        rows = []
        for check in checks:
            row = Horizontal(
                Label(MET if check.passed else NOT_MET, classes="check-mark"),
                Static(check.message, classes="check-message", markup=False),
                Label(f"{check.points}/{check.max_points}", classes="check-points"),
                classes="check -met" if check.passed else "check -not-met",
            )
            rows.append(row)
        self.mount_all(rows)
