"""How the Pilot and snapshot tests drive the app: every step waits for the state it leads to
(the screen it opens, the feedback it brings, the workers it starts), never for a time, so a
busy machine makes a test slower, not flaky."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Static, TextArea

# A bound on waiting, so that a state that never comes fails the test instead of hanging it.
# Each pause lasts until the app is idle (tens of milliseconds at least): this is minutes.
MAX_PAUSES = 3000


async def until(pilot, condition: Callable[[], object], what: str) -> None:
    """Pause until ``condition()`` holds; fail naming ``what`` if it never does."""
    for _ in range(MAX_PAUSES):
        if condition():
            return
        await pilot.pause()
    raise AssertionError(f"the app never reached this state: {what}")


async def settle(pilot) -> None:
    """Wait until start-up is over (the library and the history in place, or the learner asked
    about a damaged file), every worker is done, and what they brought is shown."""
    app = pilot.app
    await app.wait_until_started()
    await pilot.pause()
    while any(not worker.is_finished for worker in app.workers):
        await app.workers.wait_for_complete()
        await pilot.pause()
    await pilot.pause()


def hold_cursors_still(app) -> None:
    """Stop every text cursor blinking, drawn: a blink is a clock, not a state worth a snapshot.

    A TextArea keeps the lines it drew while its cursor blinked off, and a cursor held still
    finds them again (same cache key): they are dropped, so the cursor is drawn whatever the
    phase of the blink was."""
    for screen in app.screen_stack:
        for box in screen.query("Input, TextArea"):
            box.cursor_blink = False
            if isinstance(box, TextArea):
                box._line_cache.clear()
                box.refresh()


def text(widget: Static) -> str:
    return str(widget.render())


def notifications(app) -> list[str]:
    return [n.message for n in app._notifications]


def small_wins_shown(app) -> str:
    """The small wins the feedback panel shows, one a line ('' when it shows none)."""
    wins = app.screen.query_one("#wins")
    return text(wins) if wins.display else ""


async def on_screen(pilot, screen_type: type, what: str = "") -> None:
    """Wait until a screen of ``screen_type`` is the one in front."""
    await until(pilot, lambda: isinstance(pilot.app.screen, screen_type), what or f"{screen_type.__name__} in front")
    await pilot.pause()


# ---------------------------------------------------------------------------- steps of practice


async def choose(pilot, title: str) -> None:
    """From the home screen, move to the row of ``title`` and press Enter; wait for what opens."""
    from trainer.ui.screens.home import HomeScreen
    from trainer.ui.widgets.scenario_table import ScenarioTable

    home = pilot.app.screen
    table = home.query_one(ScenarioTable)
    while table.highlighted.title != title:
        row = table.cursor_row
        assert row < table.row_count - 1, f"no scenario titled {title!r} below the cursor"
        await pilot.press("down")
        await until(pilot, lambda row=row: table.cursor_row == row + 1, "the cursor one row down")
    await pilot.press("enter")
    await until(pilot, lambda: not isinstance(pilot.app.screen, HomeScreen), f"{title!r} opened")
    await pilot.pause()


async def respond(pilot, response: str) -> None:
    """Type ``response`` (set at once: each key press costs time) and submit it; wait for the feedback."""
    from trainer.ui.screens.practice import READING
    from trainer.ui.widgets.response_box import ResponseBox

    screen = pilot.app.screen
    before = len(screen.session.tries)
    screen.query_one(ResponseBox).value = response
    await pilot.press("enter")
    await until(
        pilot, lambda: len(screen.session.tries) > before and screen.mode == READING, f"the feedback on {response!r}"
    )
    await pilot.pause()


async def try_again(pilot) -> None:
    """``r`` on the feedback: wait for the response box, filled with the last try."""
    from trainer.ui.screens.practice import RESPONDING

    screen = pilot.app.screen
    await pilot.press("r")
    await until(pilot, lambda: screen.mode == RESPONDING, "the response box again")
    await pilot.pause()


async def move_on(pilot, key: str = "enter") -> None:
    """``enter`` on the feedback, or ``ctrl+s`` on a statement: wait for the next statement, or
    for the summary after the last."""
    screen = pilot.app.screen
    number = screen.session.number
    await pilot.press(key)
    await until(
        pilot,
        lambda: pilot.app.screen is not screen or screen.session.number > number,
        f"the statement after number {number}",
    )
    await pilot.pause()
