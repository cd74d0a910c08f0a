"""The Textual app: a calm, keyboard-first room for practising reflections.

``make_app`` builds it (the CLI and the tests share it); the app holds the library, loaded
once, and the recorder that every scored attempt is handed to.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.screen import Screen

from trainer.loader import Library, load_library
from trainer.model import Scenario
from trainer.ui.describe import level_line
from trainer.ui.dialogs.content_warning import ContentWarningDialog
from trainer.ui.screens.home import HomeScreen

if TYPE_CHECKING:
    from trainer.session import Recorder

DEFAULT_THEME = "textual-dark"


class TrainerApp(App[None]):
    TITLE = "Active-listening trainer"
    CSS_PATH = "app.tcss"

    def __init__(self, library: Library, *, start_scenario: Scenario | None = None,
                 recorder: Recorder | None = None, theme: str = DEFAULT_THEME):
        super().__init__()
        self.library = library
        self.recorder = recorder
        self._start_scenario = start_scenario
        self.theme = theme

    def on_mount(self) -> None:
        self.push_screen(HomeScreen(self.library))
        if self._start_scenario is not None:
            self.practise(self._start_scenario)

    def go_home(self) -> None:
        """Back to the library, from wherever the learner is."""
        while len(self.screen_stack) > 2:
            self.pop_screen()

    def practise(self, scenario: Scenario) -> None:
        """Start ``scenario`` from the library: its content-warning notice first, if it has one."""
        self.go_home()
        if scenario.content_warnings:
            self.push_screen(ContentWarningDialog(scenario), partial(self._begin_if, scenario))
        else:
            self._begin(scenario)

    def _begin_if(self, scenario: Scenario, start: bool | None) -> None:
        if start:
            self._begin(scenario)

    def _begin(self, scenario: Scenario) -> None:
        # Imported here, so the home screen never waits for the scoring engine to load.
        from trainer.session import PracticeSession
        from trainer.ui.screens.practice import PracticeScreen

        self.push_screen(PracticeScreen(PracticeSession(scenario, self.recorder)))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, HomeScreen):
            yield SystemCommand("Home", "Back to the scenario library", self.go_home)
        for scenario in self.library.scenarios:
            yield SystemCommand(f"Practise: {scenario.title}",
                                level_line(scenario),
                                partial(self.practise, scenario))
        palette_commands = getattr(screen, "palette_commands", None)
        if palette_commands is not None:
            yield from palette_commands()


def make_app(library: Library | None = None, scenario_dirs: Iterable[str | Path] = (),
             start_scenario: str | None = None, recorder: Recorder | None = None,
             theme: str = DEFAULT_THEME) -> TrainerApp:
    """Build the app over ``library`` (default: the bundled library plus ``scenario_dirs``).

    ``start_scenario`` opens that scenario at once; an unknown id raises KeyError, so callers
    check it first and say so before any interface starts.
    """
    if library is None:
        library = load_library(scenario_dirs)
    scenario = None
    if start_scenario is not None:
        scenario = library.get(start_scenario)
        if scenario is None:
            raise KeyError(start_scenario)
    return TrainerApp(library, start_scenario=scenario, recorder=recorder, theme=theme)
