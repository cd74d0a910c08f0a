"""Who the client is, above the conversation: the persona line, whole -- or, on a short screen,
folded to the client's name and the key that opens it (ctrl+b). Never cut mid-sentence.

Folded or open follows the screen's height until the learner chooses; their choice then holds
for the rest of the run.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Static

from trainer.ui.sizes import SHORT

OPEN_KEY = "ctrl+b"


class ClientContext(Static):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(markup=False, **kwargs)
        self._where = self._who = self._background = ""
        self.short = False  # whether the screen is short
        self.chosen: bool | None = None  # folded (True) or open (False) by the learner; None: not chosen

    def show(self, who: str, background: str | None, where: str = "") -> None:
        """``who``: 'Maya, 19'; ``background``: a sentence or two; ``where``: what comes first
        (in a drill, the scenario and statement the statement is from)."""
        self._where, self._who, self._background = where, who, background or ""
        self._say()

    @property
    def can_fold(self) -> bool:
        return bool(self._background)

    @property
    def folded(self) -> bool:
        return self.can_fold and (self.short if self.chosen is None else self.chosen)

    def fit(self, height: int) -> None:
        """The screen is ``height`` rows tall: fold on a short one (the statement, the response box
        and some of the conversation need the room), unless the learner chose."""
        self.short = height < SHORT
        self._say()

    def toggle(self) -> None:
        """Open the background, or fold it: the learner's choice from now on."""
        self.chosen = not self.folded
        self._say()

    def _say(self) -> None:
        if self.folded:
            said = f"{self._who} · {OPEN_KEY.replace('ctrl+', '^')} shows the background"
        elif self._background:
            said = f"{self._who}. {self._background}"
        else:
            said = self._who
        self.update(f"{self._where}{said}")
        self.set_class(self.folded, "-folded")
