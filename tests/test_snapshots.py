"""What each screen looks like at 80x24 (SVGs under tests/__snapshots__, accepted by eye with
``pytest --snapshot-update``). Fixed theme, no clock, test scenarios only."""

from __future__ import annotations

import pytest

from trainer.loader import load_paths
from trainer.ui.widgets.response_box import ResponseBox

from conftest import FIXTURES, TEST_SCENARIOS, settle

GOOD = "It sounds like you felt really forgotten when nobody called on your birthday."
WEAK = "That sounds lonely."


def typing(*responses: str):
    """A run_before that submits each response in turn, pressing Enter after each."""
    async def run_before(pilot):
        await pilot.pause()
        for response in responses:
            if response == "r":
                await pilot.press("r")
                continue
            pilot.app.screen.query_one(ResponseBox).value = response
            await pilot.press("enter")
            await pilot.pause()
            pilot.app.clear_notifications()  # small wins depend on the scores; Pilot tests check them
    return run_before


@pytest.fixture
def practice_app(make_test_app):
    return lambda **kw: make_test_app(start_scenario="lonely-birthday", **kw)


def test_home(snap_compare, make_test_app):
    assert snap_compare(make_test_app(), terminal_size=(80, 24))


def test_home_with_problems(snap_compare, make_test_app):
    library = load_paths([TEST_SCENARIOS, FIXTURES / "broken-scenarios"])
    assert snap_compare(make_test_app(library=library), press=["down"], terminal_size=(80, 24))


def test_home_light_theme(snap_compare, make_test_app):
    assert snap_compare(make_test_app(theme="textual-light"), terminal_size=(80, 24))


def test_content_warning(snap_compare, make_test_app):
    assert snap_compare(make_test_app(start_scenario="warning-demo"), terminal_size=(80, 24))


def test_practice_first_statement(snap_compare, practice_app):
    assert snap_compare(practice_app(), terminal_size=(80, 24))


def test_practice_with_hint_and_transcript(snap_compare, practice_app):
    assert snap_compare(practice_app(), run_before=typing(GOOD), press=["enter", "ctrl+t"],
                        terminal_size=(80, 24))


def test_feedback(snap_compare, practice_app):
    assert snap_compare(practice_app(), run_before=typing(WEAK), terminal_size=(80, 24))


def test_feedback_checklist(snap_compare, practice_app):
    assert snap_compare(practice_app(), run_before=typing(WEAK), press=["end"], terminal_size=(80, 24))


def test_feedback_light_theme(snap_compare, practice_app):
    assert snap_compare(practice_app(theme="textual-light"), run_before=typing(WEAK),
                        terminal_size=(80, 24))


def test_try_again_improved(snap_compare, practice_app):
    assert snap_compare(practice_app(), run_before=typing(WEAK, "r", GOOD), terminal_size=(80, 24))


def test_other_model_answers(snap_compare, practice_app):
    assert snap_compare(practice_app(), run_before=typing(GOOD), press=["m"], terminal_size=(80, 24))


def test_leave_dialog(snap_compare, practice_app):
    assert snap_compare(practice_app(), run_before=typing(GOOD), press=["escape"], terminal_size=(80, 24))


def test_summary(snap_compare, practice_app):
    steps = typing(WEAK, "r", GOOD)

    async def run_before(pilot):
        await steps(pilot)
        await pilot.press("enter")
        await pilot.press("ctrl+s")
        await typing("You should stop checking your phone.")(pilot)
        await pilot.press("enter")
        await typing("You're afraid people forget you because of who you are, and that hurts.")(pilot)
        await pilot.press("enter")
    assert snap_compare(practice_app(), run_before=run_before, terminal_size=(80, 24))


# ---------------------------------------------------------------------------- progress and drills
# Built from fixed, injected attempts and a fixed clock: no live scoring, no "today".


def test_home_with_best_and_latest_scores(snap_compare, make_test_app):
    from test_app_progress import injected_history

    assert snap_compare(make_test_app(history=injected_history()), terminal_size=(80, 24))


def test_progress_screen(snap_compare, make_test_app):
    from test_app_progress import injected_history

    async def run_before(pilot):
        await pilot.press("p")
        await settle(pilot)
    assert snap_compare(make_test_app(history=injected_history()), run_before=run_before, terminal_size=(80, 24))


def test_progress_screen_scrolled_to_the_bests(snap_compare, make_test_app):
    from test_app_progress import injected_history

    async def run_before(pilot):
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("end")
    assert snap_compare(make_test_app(history=injected_history()), run_before=run_before, terminal_size=(80, 24))


def test_drill_statement(snap_compare, make_test_app):
    from test_app_progress import injected_history

    from trainer.progress.history import DrillOptions

    app = make_test_app(history=injected_history(), start_drill=DrillOptions(count=3, only=("lonely-birthday",)))
    assert snap_compare(app, run_before=settle, terminal_size=(80, 24))


def test_drill_content_warning(snap_compare, make_test_app):
    assert snap_compare(make_test_app(), press=["d"], terminal_size=(80, 24))


def test_store_trouble_dialog(snap_compare, make_test_app):
    from pathlib import Path

    from trainer.progress.store import StoreTrouble
    from trainer.ui.dialogs.store_trouble import StoreTroubleDialog

    trouble = StoreTrouble(Path("/home/ana/.local/share/active-listening-trainer/progress.sqlite3"),
                           "damaged", "file is not a database")

    async def run_before(pilot):
        await pilot.app.push_screen(StoreTroubleDialog(trouble))
    assert snap_compare(make_test_app(), run_before=run_before, terminal_size=(80, 24))
