"""Scenario files that failed to load, each with its file, line and message."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from trainer.loader import Problem
from trainer.terminal import printable
from trainer.wording import plural


def _where(path: Path) -> str:
    """The path relative to the working folder when it is inside it: shorter to read."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class ProblemsPanel(VerticalScroll):
    def __init__(self, problems: list[Problem], **kwargs):
        super().__init__(**kwargs)
        self.problems = problems
        files = len({p.path for p in problems})
        self.border_title = f"{plural(files, 'file')} could not be loaded"
        self.border_subtitle = "trainer validate shows the same"

    def compose(self):
        lines = [
            Content.from_markup(
                "$where[b]:[/b] $message",
                where=printable(_where(p.path) + (f":{p.line}" if p.line else "")),
                message=printable(p.message),
            )
            for p in self.problems
        ]
        yield Static(Content("\n").join(lines))
