"""What each screen looks like at 80x24, and the main ones at 60x20 (SVGs under
tests/__snapshots__, accepted by eye with ``pytest --snapshot-update``). Fixed theme, no clock,
test scenarios only. Each picture is taken once the app shows the state it is about (the
``snapshot`` fixture and ``drive``)."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, TEST_SCENARIOS
from drive import move_on, respond, try_again
from test_app_progress import added_up, injected_history, progress_shown

from trainer.loader import load_paths
from trainer.ui.dialogs.content_warning import ContentWarningDialog
from trainer.ui.dialogs.leave import LeaveDialog
from trainer.ui.screens.home import HomeScreen
from trainer.ui.screens.practice import PracticeScreen
from trainer.ui.screens.summary import SummaryScreen
from trainer.ui.widgets.feedback_panel import FeedbackPanel
from trainer.ui.widgets.response_box import FULL, ResponseBox

SMALL = (60, 20)
GOOD = "It sounds like you felt really forgotten when nobody called on your birthday."
WEAK = "That sounds lonely."


def typing(*responses: str):
    """A run_before that submits each response in turn (``r``: try again first)."""

    async def run_before(pilot):
        for response in responses:
            if response == "r":
                await try_again(pilot)
                continue
            await respond(pilot, response)

    return run_before


def front(screen_type: type):
    """``shown``: a screen of ``screen_type`` is in front."""
    return lambda app: isinstance(app.screen, screen_type)


def feedback_panel(app) -> FeedbackPanel | None:
    panels = app.screen.query(FeedbackPanel)
    return panels.first() if panels else None


@pytest.fixture
def practice_app(make_test_app):
    return lambda **kw: make_test_app(start_scenario="lonely-birthday", **kw)


def test_home(snapshot, make_test_app):
    assert snapshot(make_test_app(), shown=front(HomeScreen))


def test_home_with_problems(snapshot, make_test_app):
    library = load_paths([TEST_SCENARIOS, FIXTURES / "broken-scenarios"])
    assert snapshot(
        make_test_app(library=library),
        press=["down"],
        shown=lambda app: app.screen.query_one("#preview").border_title == "A Hard Week",
    )


def test_home_light_theme(snapshot, make_test_app):
    assert snapshot(make_test_app(theme="textual-light"), shown=front(HomeScreen))


def test_content_warning(snapshot, make_test_app):
    assert snapshot(make_test_app(start_scenario="warning-demo"), shown=front(ContentWarningDialog))


def test_practice_first_statement(snapshot, practice_app):
    assert snapshot(practice_app(), shown=front(PracticeScreen))


def test_practice_with_hint_and_transcript(snapshot, practice_app):
    async def run_before(pilot):
        await typing(GOOD)(pilot)
        await move_on(pilot)
        await pilot.press("ctrl+t")

    assert snapshot(practice_app(), run_before=run_before, shown=lambda app: app.screen.hint_shown)


def test_practice_response_box_full(snapshot, practice_app):
    """Grown to four lines, scrolled to the cursor, and saying it is full."""

    async def run_before(pilot):
        pilot.app.screen.query_one(ResponseBox).value = "It sounds like you felt forgotten. " * 60

    assert snapshot(
        practice_app(),
        run_before=run_before,
        shown=lambda app: app.screen.query_one(ResponseBox).border_subtitle == FULL,
    )


def test_feedback(snapshot, practice_app):
    assert snapshot(practice_app(), run_before=typing(WEAK))


def test_feedback_checklist(snapshot, practice_app):
    assert snapshot(
        practice_app(),
        run_before=typing(WEAK),
        press=["end"],
        shown=lambda app: feedback_panel(app).is_vertical_scroll_end,
    )


def test_feedback_light_theme(snapshot, practice_app):
    assert snapshot(practice_app(theme="textual-light"), run_before=typing(WEAK))


def test_try_again_improved(snapshot, practice_app):
    assert snapshot(practice_app(), run_before=typing(WEAK, "r", GOOD))


def other_answers_in_view(app) -> bool:
    panel = feedback_panel(app)
    others = panel.query_one("#other-answers")
    return panel.has_class("-others-shown") and panel.content_region.contains_point(others.region.offset)


def test_other_model_answers(snapshot, practice_app):
    assert snapshot(practice_app(), run_before=typing(GOOD), press=["m"], shown=other_answers_in_view)


def test_leave_dialog(snapshot, practice_app):
    assert snapshot(practice_app(), run_before=typing(GOOD), press=["escape"], shown=front(LeaveDialog))


def test_summary(snapshot, practice_app):
    async def run_before(pilot):
        await typing(WEAK, "r", GOOD)(pilot)
        await move_on(pilot)
        await move_on(pilot, "ctrl+s")
        await typing("You should stop checking your phone.")(pilot)
        await move_on(pilot)
        await typing("You're afraid people forget you because of who you are, and that hurts.")(pilot)
        await move_on(pilot)

    assert snapshot(practice_app(), run_before=run_before, shown=front(SummaryScreen))


# ---------------------------------------------------------------------------- at 60x20: usable


def test_home_small(snapshot, make_test_app):
    assert snapshot(make_test_app(), shown=front(HomeScreen), size=SMALL)


def test_practice_small(snapshot, practice_app):
    """The background folded to a line (ctrl+b opens it); the footer's keys all in sight."""
    assert snapshot(practice_app(), shown=front(PracticeScreen), size=SMALL)


def test_feedback_small(snapshot, practice_app):
    assert snapshot(practice_app(), run_before=typing(WEAK), size=SMALL)


# ---------------------------------------------------------------------------- progress and drills
# Built from fixed, injected attempts and a fixed clock: no live scoring, no "today".


def test_home_with_best_and_latest_scores(snapshot, make_test_app):

    assert snapshot(make_test_app(history=injected_history()), shown=front(HomeScreen))


def test_home_with_a_run_to_resume(snapshot, make_test_app):
    assert snapshot(
        make_test_app(history=injected_history()),
        press=["down"],
        shown=lambda app: app.screen.check_action("resume", ()),
    )


def test_progress_screen(snapshot, make_test_app):

    assert snapshot(make_test_app(history=injected_history()), press=["p"], shown=progress_shown)


@pytest.mark.parametrize("size", [(80, 24), SMALL], ids=["80x24", "60x20"])
def test_progress_screen_scrolled_to_the_bests(snapshot, make_test_app, size):
    async def run_before(pilot):
        await pilot.press("p")
        await added_up(pilot)

    assert snapshot(
        make_test_app(history=injected_history()),
        run_before=run_before,
        press=["end"],
        shown=lambda app: app.screen.query_one("#progress").is_vertical_scroll_end,
        size=size,
    )


def test_drill_statement(snapshot, make_test_app):
    from trainer.progress.schedule import DrillOptions

    app = make_test_app(history=injected_history(), start_drill=DrillOptions(count=3, only=("lonely-birthday",)))
    assert snapshot(app, shown=front(PracticeScreen))


def test_drill_content_warning(snapshot, make_test_app):
    assert snapshot(make_test_app(), press=["d"], shown=front(ContentWarningDialog))


def test_store_trouble_dialog(snapshot, make_test_app):
    from pathlib import Path

    from trainer.progress.store import StoreTrouble
    from trainer.ui.dialogs.store_trouble import StoreTroubleDialog

    trouble = StoreTrouble(
        Path("/home/ana/.local/share/active-listening-trainer/progress.sqlite3"), "damaged", "file is not a database"
    )

    async def run_before(pilot):
        await pilot.app.push_screen(StoreTroubleDialog(trouble))

    assert snapshot(make_test_app(), run_before=run_before, shown=front(StoreTroubleDialog))
