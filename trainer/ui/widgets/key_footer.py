"""Textual's footer, drawn with the screen's first frame and rebuilt only when its keys change.

Textual's footer waits for a first word that the bindings are ready, so its keys came a frame
after the rest of the screen; and it rebuilds its keys (a widget each) every time a screen says
its bindings may have changed -- on every change of focus, on every highlighted row -- once for
each time it was told. Starting the app told it seven times before the library was listed, for
the same keys: most of the work between the first frame and the listed library. This footer
draws the keys it has at once, compares what it would show with what it shows, and rebuilds
only for a difference.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.widgets import Footer


class KeyFooter(Footer):
    _shown: Hashable = None

    def __init__(self, *, compact: bool = False) -> None:
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
        yield from super().compose()

    async def recompose(self) -> None:
        if self.is_attached and not self._pruning and self._keys() == self._shown:
            return  # (as Widget.recompose, nothing is compared while the footer is being removed)
        await super().recompose()
