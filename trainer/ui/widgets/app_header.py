"""The header of every screen: the title, and whether what the learner answers is being saved.

"private" (private mode) or "unsaved" (the progress file cannot be used) follows the title, in
words, on every screen, so the learner always knows whether their answers are kept.

It looks as Textual's ``Header`` does -- the palette's icon on the left, the title in the middle,
the clock's room on the right -- but is one widget drawing one line, not four widgets with four
sets of styles: the first frame of every screen comes ~10 ms sooner (CPU).
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget

ICON = "⭘"
ICON_WIDTH = 8  # as Textual's HeaderIcon: the icon, padded by one cell on each side
CLOCK_WIDTH = 10  # the room Textual's header keeps for a clock, kept so the title sits where it did


class AppHeader(Widget):
    DEFAULT_CSS = """
    AppHeader {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def on_mount(self) -> None:
        for node, name in ((self.app, "saving_status"), (self.app, "title"), (self.app, "sub_title")):
            self.watch(node, name, self.refresh, init=False)
        for name in ("title", "sub_title"):  # a screen's own, when it has one, come first
            self.watch(self.screen, name, self.refresh, init=False)
        if self.app.ENABLE_COMMAND_PALETTE:
            self.tooltip = "Click the icon, or press ctrl+p, for the command palette"

    def format_title(self) -> Content:
        """The screen's title and sub-title as the app formats them, and the saving status."""
        title = self.app.format_title(
            self.screen.title if self.screen.title is not None else self.app.title,
            self.screen.sub_title if self.screen.sub_title is not None else self.app.sub_title,
        )
        status = getattr(self.app, "saving_status", "")
        return Content.assemble(title, "  ", (f"[{status}]", "bold $text-warning")) if status else title

    def render(self) -> Content:
        middle = max(0, self.size.width - ICON_WIDTH - CLOCK_WIDTH)
        title = self.format_title().truncate(middle, ellipsis=True)
        left = (middle - title.cell_length) // 2  # centred as Textual centres content: any odd cell on the right
        return Content.assemble(
            Content(f" {ICON}").pad_right(ICON_WIDTH - 2),
            title.pad(left, middle - title.cell_length - left),
            " " * CLOCK_WIDTH,
        )

    async def on_click(self, event: events.Click) -> None:
        """The icon opens the command palette, as in Textual's header."""
        if event.x < ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
