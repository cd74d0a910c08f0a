"""A small question over the screen with two answers: Enter takes the first, Esc the second."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from trainer.ui.widgets.app_footer import AppFooter


class ChoiceDialog(ModalScreen[bool]):
    """Dismissed with True for the first answer (focused), False for the second or Esc.

    Subclasses give the heading, the answers, the body, and an ``escape`` binding to
    ``decline`` whose description says what Esc does.
    """

    heading = ""
    accept_label = ""
    decline_label = ""
    CSS_PATH = Path(__file__).with_name("dialogs.tcss")  # read when the first dialog opens

    def body(self) -> ComposeResult:
        yield from ()

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.heading, classes="dialog-title")
            yield from self.body()
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.accept_label, id="accept", variant="primary")
                yield Button(self.decline_label, id="decline")
        yield AppFooter(compact=False)

    def on_mount(self) -> None:
        self.query_one("#accept").focus()

    @on(Button.Pressed, "#accept")
    def _accept(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#decline")
    def action_decline(self) -> None:
        self.dismiss(False)
