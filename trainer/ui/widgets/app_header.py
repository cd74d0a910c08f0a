"""The header of every screen: the title, and whether what the learner answers is being saved.

"private" (private mode) or "unsaved" (the progress file cannot be used) follows the title, in
words, on every screen, so the learner always knows whether their answers are kept.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Header


class AppHeader(Header):
    def on_mount(self) -> None:
        self.watch(self.app, "saving_status", self._show_status, init=False)

    def format_title(self) -> Content:
        title = super().format_title()
        status = getattr(self.app, "saving_status", "")
        return Content.assemble(title, "  ", (f"[{status}]", "bold $text-warning")) if status else title

    def _show_status(self) -> None:
        self.query_one("HeaderTitle").update(self.format_title())
