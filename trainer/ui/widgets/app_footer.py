"""The footer of every screen: the keys of the moment, drawn with the screen's first frame and
rebuilt only when they change.

Textual's footer waits for a first word that the bindings are ready, so its keys came a frame
after the rest of the screen; and it rebuilds its keys (a widget each) every time a screen says
its bindings may have changed -- on every change of focus, on every highlighted row -- once for
each time it was told. Starting the app told it seven times before the library was listed, for
the same keys: most of the work between the first frame and the listed library. This footer
draws the keys it has at once, compares what it would show with what it shows, and rebuilds
only for a difference.

On a terminal narrower than ``NARROW`` columns the line would be cut (and the palette's key,
docked right, would cover the last keys): there, the keys the command palette also offers give
way -- private mode, and the palette's own key (ctrl+p still opens it).
"""

from __future__ import annotations

from collections.abc import Hashable

from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer

from trainer.ui.sizes import NARROW

# Actions the palette offers too (see TrainerApp.get_system_commands).
IN_THE_PALETTE = frozenset({"toggle_private"})


class AppFooter(Footer):
    _shown: Hashable = None

    def __init__(self, *, compact: bool = True) -> None:
        super().__init__(compact=compact)
        self.set_reactive(Footer._bindings_ready, True)

    def _keys(self) -> Hashable:
        """Everything about the screen's active keys that the footer draws."""
        display = self.app.get_key_display
        return tuple(
            (b.key, display(b), b.description, b.action, b.show, b.group, enabled, tooltip)
            for _, b, enabled, tooltip in self.screen.active_bindings.values()
        )

    def compose(self) -> ComposeResult:
        self._shown = self._keys()
        for widget in super().compose():
            action = getattr(widget, "action", None)
            if action is not None:  # a key: its classes given before it is mounted, not restyled once it is
                widget.set_class(self.compact, "-compact", update=False)
                widget.set_class(action in IN_THE_PALETTE, "-in-palette", update=False)
            yield widget

    async def recompose(self) -> None:
        if self.is_attached and not self._pruning and self._keys() == self._shown:
            return  # (as Widget.recompose, nothing is compared while the footer is being removed)
        await super().recompose()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")
