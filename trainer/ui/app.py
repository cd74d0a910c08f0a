"""The Textual app: a calm, keyboard-first room for practising reflections.

``make_app`` builds it (the CLI and the tests share it). The home screen appears first; what
was not handed in -- the library, the learner's history -- is then loaded in a worker, so
the first frame never waits for YAML or SQLite (and a library unchanged since the last start
comes from the scenario cache, without reading YAML at all). The app holds both for the whole
run: one progress store per run, one recorder (one session id) per practice run, and the
private-mode switch. ``wait_until_started`` tells when start-up is over, for whatever must
wait on it (tests, benchmarks) rather than guess with time.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen

from trainer.ui.describe import level_line
from trainer.ui.screens.home import HomeScreen

if TYPE_CHECKING:
    from trainer.loader import Library
    from trainer.model import Scenario
    from trainer.progress.history import History
    from trainer.progress.records import LeftRun
    from trainer.progress.schedule import DrillOptions
    from trainer.progress.store import StoreTrouble
    from trainer.session import StatementInRun

DEFAULT_THEME = "textual-dark"
PRIVATE, UNSAVED = "private", "unsaved"
NOT_SAVED_NOW = "Practice goes on, but what you answer now is not saved."


class LibraryLoaded(Message):
    def __init__(self, library: Library):
        super().__init__()
        self.library = library


class HistoryOpened(Message):
    """The history is ready -- or the file is in trouble, and the learner decides what to do."""

    def __init__(self, history: History | None, trouble: StoreTrouble | None):
        super().__init__()
        self.history, self.trouble = history, trouble


class TrainerApp(App[None]):
    TITLE = "Active-listening trainer"
    CSS_PATH = "app.tcss"
    BINDINGS = [Binding("ctrl+o", "toggle_private", "Private")]

    saving_status = reactive("")  # "private", "unsaved" or nothing: shown in every header

    def __init__(
        self,
        library: Library | None = None,
        *,
        scenario_dirs: Iterable[str | Path] = (),
        history: History | None = None,
        no_save: bool = False,
        start_scenario: Scenario | None = None,
        start_drill: DrillOptions | None = None,
        theme: str = DEFAULT_THEME,
        clock: Callable[[], datetime] | None = None,
    ):
        super().__init__()
        self.library = library
        self.history = history
        self.no_save = no_save  # private mode for the whole run: the switch stays on
        if no_save:  # nothing written: not even the word lists the scorer compiles
            from trainer.scoring import write_nothing

            write_nothing()
        self.private = no_save
        self._scenario_dirs = tuple(scenario_dirs)
        self._clock = clock
        self._start_scenario = start_scenario
        self._start_drill = start_drill
        self._last_drill = start_drill
        self._waiting: list[Callable[[], None]] = []  # asked for before the library and history were ready
        self._started = asyncio.Event()
        self.theme = theme

    # ------------------------------------------------------------------ start-up

    def get_default_screen(self) -> Screen:
        """The home screen is the app's first and last: every other screen is pushed on it."""
        return HomeScreen(self.library)

    def on_mount(self) -> None:
        if self._start_scenario is not None:
            self.practise(self._start_scenario)
        elif self._start_drill is not None:
            self.drill(self._start_drill)
        if self.history is not None:
            self._use_history(self.history)
        # After the first frame: the library, then (once it is shown) the history.
        if self.library is None:
            self.call_after_refresh(self._load_library)
        elif self.history is None:
            self.call_after_refresh(self._load_history)

    @work(thread=True, group="start-up")
    def _load_library(self) -> None:
        """The library -- at once, from the cache, when its files have not changed since the last start."""
        from trainer.loader import load_library
        from trainer.scenario_cache import ScenarioCache

        cache = ScenarioCache.in_data_folder()
        library = load_library(self._scenario_dirs, cache)
        if not self.no_save:  # private for the whole run: nothing is written
            cache.save()  # (only when a file was read afresh)
        self.post_message(LibraryLoaded(library))

    @work(thread=True, group="start-up")
    def _load_history(self) -> None:
        self.post_message(HistoryOpened(*self._open_history()))

    def _open_history(self) -> tuple[History | None, StoreTrouble | None]:
        from trainer.progress.history import History
        from trainer.progress.store import StoreTrouble

        try:
            return History.open(private=self.no_save, **self._history_options()), None
        except StoreTrouble as trouble:
            return None, trouble
        except Exception as err:  # the file system or SQLite failing in a way the store did not foresee
            return History.unsaved(
                f"Your progress could not be opened ({err}). {NOT_SAVED_NOW}", **self._history_options()
            ), None

    def _history_options(self) -> dict:
        """How the history is opened: with the scenario titles its small wins use (the library is
        loaded first), and the app's clock when it has one (tests fix it)."""
        options = {"names": {s.id: f"“{s.title}”" for s in self.library.scenarios}}
        return options if self._clock is None else {**options, "clock": self._clock}

    async def on_library_loaded(self, message: LibraryLoaded) -> None:
        self.library = message.library
        await self.home.show_library(message.library)
        if self.history is None:
            self.call_after_refresh(self._load_history)
        else:
            self._after_loading()

    async def on_history_opened(self, message: HistoryOpened) -> None:
        trouble = message.trouble
        if trouble is None:
            self._use_history(message.history)
        elif trouble.can_set_aside:
            from trainer.ui.dialogs.store_trouble import StoreTroubleDialog

            await self.push_screen(StoreTroubleDialog(trouble), partial(self._trouble_answered, trouble))
            self._started.set()  # start-up has done its part: the rest is the learner's answer
        else:
            self._use_unsaved(f"{trouble} {NOT_SAVED_NOW}")

    def _trouble_answered(self, trouble: StoreTrouble, start_fresh: bool | None) -> None:
        """Keep the file as a backup and start afresh, or practise without saving."""
        from trainer.progress.history import History
        from trainer.progress.store import StoreTrouble, set_aside

        if not start_fresh:
            self._use_unsaved(
                "Nothing you answer now is saved, and your progress file is left as it is. "
                "Later, trainer progress --start-fresh keeps it as a backup and starts afresh."
            )
            return
        try:
            backup = set_aside(trouble.path)
            history = History.open(private=self.no_save, **self._history_options())
        except (OSError, StoreTrouble) as err:
            self._use_unsaved(f"The file could not be set aside ({err}). {NOT_SAVED_NOW}")
            return
        self.notify(
            f"Your old progress file is kept as {backup}. A fresh one starts now.", title="A fresh start", timeout=12
        )
        self._use_history(history)

    def _use_unsaved(self, notice: str) -> None:
        from trainer.progress.history import History

        self._use_history(History.unsaved(notice, **self._history_options()))

    def _use_history(self, history: History) -> None:
        self.history = history
        history.private = self.private
        self._show_saving_status()
        if history.cannot_save and not self.private:
            self.notify(history.cannot_save, title="Not saving", severity="warning", timeout=12)
        if history.damaged:
            self.notify(history.damaged, title="Damaged responses left out", severity="warning", timeout=12)
        self.home.show_records(history.scenario_records())
        self._after_loading()

    def _after_loading(self) -> None:
        """Once the library and the history are both here: start-up is over, and what waited runs."""
        if self.library is None or self.history is None:
            return
        self._started.set()
        waiting, self._waiting = self._waiting, []
        for action in waiting:
            action()

    def _when_ready(self, action: Callable[[], None]) -> None:
        """Do ``action`` once the library and the history are ready (now, if they are)."""
        if self.library is not None and self.history is not None:
            action()
        else:
            self._waiting.append(action)

    async def wait_until_started(self) -> None:
        """Return once start-up has done all it does by itself: the library is listed and the
        learner's history is open -- or, when the progress file is in trouble, the question of
        what to do is on the screen (the rest waits for the learner's answer)."""
        await self._started.wait()

    def on_unmount(self) -> None:
        if self.history is not None:
            self.history.close()

    # ------------------------------------------------------------------ private mode

    def action_toggle_private(self) -> None:
        if self.no_save:
            self.notify("Private mode stays on: the trainer was started with --no-save.", title="Private mode")
            return
        self.private = not self.private
        if self.history is not None:
            self.history.private = self.private
        self._show_saving_status()
        if self.private:
            self.notify("Nothing you answer is saved until you turn it off (ctrl+o).", title="Private mode on")
        else:
            self.notify("Your responses are saved again.", title="Private mode off")

    def _show_saving_status(self) -> None:
        cannot_save = self.history is not None and self.history.cannot_save
        self.saving_status = PRIVATE if self.private else UNSAVED if cannot_save else ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_private" and isinstance(self.screen, ModalScreen):
            return False  # a dialog asks one question at a time
        return True

    # ------------------------------------------------------------------ where the learner goes

    @property
    def home(self) -> HomeScreen:
        return next(s for s in self.screen_stack if isinstance(s, HomeScreen))

    def go_home(self) -> None:
        """Back to the library, from wherever the learner is."""
        while not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    def practise(self, scenario: Scenario, left: LeftRun | None = None) -> None:
        """Start ``scenario`` -- or, with ``left``, go on with its run left part-way -- after its
        content-warning notice, if it has one."""
        self._when_ready(partial(self._practise_now, scenario, left))

    def _practise_now(self, scenario: Scenario, left: LeftRun | None) -> None:
        from trainer.session import scenario_steps

        self._begin_after_warnings(scenario_steps(scenario), scenario, left)

    def action_drill(self) -> None:
        self.drill()

    def drill(self, options: DrillOptions | None = None) -> None:
        """A drill planned from the learner's history (by default, like the last one asked for)."""
        self._when_ready(partial(self._drill_now, options or self._last_drill))

    def _drill_now(self, options: DrillOptions | None) -> None:
        from trainer.progress.schedule import DrillOptions
        from trainer.session import StatementInRun

        options = options or DrillOptions()
        self._last_drill = options
        items = self.history.plan_drill(self.library.scenarios, options)
        if not items:
            self.notify("No statements to drill: no scenario matches.", severity="warning")
            return
        self._begin_after_warnings([StatementInRun(self.library.get(i.scenario), i.turn, i.reason) for i in items])

    def _begin_after_warnings(
        self, steps: Sequence[StatementInRun], scenario: Scenario | None = None, left: LeftRun | None = None
    ) -> None:
        """Start a run (``scenario``'s, or a drill), after a notice of any content warnings."""
        from trainer.ui.dialogs.content_warning import ContentWarningDialog

        self.go_home()
        warned = list({s.scenario.id: s.scenario for s in steps if s.scenario.content_warnings}.values())
        begin = partial(self._begin, steps, scenario, left)
        if warned:
            self.push_screen(
                ContentWarningDialog(warned, drill=scenario is None), lambda start: begin() if start else None
            )
        else:
            begin()

    def _begin(self, steps: Sequence[StatementInRun], scenario: Scenario | None, left: LeftRun | None) -> None:
        from trainer.session import PracticeSession
        from trainer.ui.screens.practice import PracticeScreen

        recorder = self.history.recorder(scenario.id if scenario else None, len(steps), left)
        session = PracticeSession(steps, recorder, scenario=scenario)
        if left is not None:
            answers = [(a.turn, a.deeper, a.response) for a in self.history.answers_in(left)]
            try:
                session = PracticeSession.resumed(scenario, recorder, answers, left.moved_on)
            except ValueError as err:  # the scenario changed under the run: it starts afresh
                session = PracticeSession(steps, self.history.recorder(scenario.id, len(steps)), scenario=scenario)
                self.notify(
                    f"The run left part-way could not be resumed ({err}); it starts afresh.",
                    title="Starting afresh",
                    severity="warning",
                )
        self.push_screen(PracticeScreen(session))

    def action_show_progress(self) -> None:
        self._when_ready(self._show_progress)

    def _show_progress(self) -> None:
        from trainer.ui.screens.progress import ProgressScreen

        if not isinstance(self.screen, ProgressScreen):
            titles = {s.id: s.title for s in self.library.scenarios}
            self.push_screen(ProgressScreen(self.history, titles))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, HomeScreen):
            yield SystemCommand("Home", "Back to the scenario library", self.go_home)
        yield SystemCommand(
            "Progress", "Totals, skills, scores over time, streak and personal bests", self.action_show_progress
        )
        yield SystemCommand("Drill", "A short run of statements chosen from your own history", self.drill)
        if not self.no_save:
            yield SystemCommand(
                f"Private mode: turn {'off' if self.private else 'on'}",
                "While it is on, nothing you answer is saved",
                self.action_toggle_private,
            )
        for scenario in self.library.scenarios if self.library is not None else ():
            yield SystemCommand(f"Practise: {scenario.title}", level_line(scenario), partial(self.practise, scenario))
        palette_commands = getattr(screen, "palette_commands", None)
        if palette_commands is not None:
            yield from palette_commands()


def make_app(
    library: Library | None = None,
    scenario_dirs: Iterable[str | Path] = (),
    start_scenario: str | None = None,
    *,
    start_drill: DrillOptions | None = None,
    history: History | None = None,
    no_save: bool = False,
    theme: str = DEFAULT_THEME,
    clock: Callable[[], datetime] | None = None,
) -> TrainerApp:
    """Build the app over ``library`` and ``history``; what is not given (None) is loaded after
    the first frame: the bundled library plus ``scenario_dirs``; the stored history.

    ``start_scenario`` opens that scenario at once (an unknown id raises KeyError, so callers
    check it first and say so before any interface starts); ``start_drill`` opens a drill.
    ``no_save`` is private mode for the whole run. ``clock`` gives "now" (tests fix it).
    """
    scenario = None
    if start_scenario is not None:
        if library is None:
            from trainer.loader import load_library

            library = load_library(scenario_dirs)
        scenario = library.get(start_scenario)
        if scenario is None:
            raise KeyError(start_scenario)
    return TrainerApp(
        library,
        scenario_dirs=scenario_dirs,
        history=history,
        no_save=no_save,
        start_scenario=scenario,
        start_drill=start_drill,
        theme=theme,
        clock=clock,
    )
