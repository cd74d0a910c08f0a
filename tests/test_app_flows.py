"""Every flow of the app, driven with Pilot at 80x24: choose, warning, respond, feedback,
next, summary; hint; skip; try again; leave -- and the home screen's search and problems."""

from __future__ import annotations

import asyncio

from drive import (
    choose,
    move_on,
    notifications,
    on_screen,
    respond,
    settle,
    small_wins_shown,
    text,
    try_again,
    until,
)
from textual.command import CommandList, CommandPalette
from textual.widgets import Input, Static

from trainer.loader import load_paths
from trainer.scoring import score
from trainer.ui.dialogs.content_warning import ContentWarningDialog
from trainer.ui.dialogs.leave import LeaveDialog
from trainer.ui.screens.home import HomeScreen
from trainer.ui.screens.practice import READING, RESPONDING, PracticeScreen
from trainer.ui.screens.summary import SummaryScreen
from trainer.ui.widgets.checklist import MET, NOT_MET
from trainer.ui.widgets.feedback_panel import FeedbackPanel
from trainer.ui.widgets.problems_panel import ProblemsPanel
from trainer.ui.widgets.response_box import ResponseBox
from trainer.ui.widgets.scenario_table import ScenarioTable

SIZE = (80, 24)
GOOD = "It sounds like you felt really forgotten when nobody called on your birthday."
WEAK = "That sounds lonely."


def run(body, app, size=SIZE):
    """Run ``body(pilot)`` against ``app`` (at 80x24 unless told) with notifications kept, once it has started."""

    async def go():
        async with app.run_test(size=size, notifications=True) as pilot:
            await settle(pilot)
            await body(pilot)

    asyncio.run(go())


# ---------------------------------------------------------------------------- home


def row_ids(table: ScenarioTable) -> list[str]:
    return [table.coordinate_to_cell_key((row, 0)).row_key.value for row in range(table.row_count)]


def test_home_lists_the_library_and_previews_the_highlighted_scenario(make_test_app):
    async def body(pilot):
        screen = pilot.app.screen
        assert isinstance(screen, HomeScreen)
        table = screen.query_one(ScenarioTable)
        assert table.row_count == 2 and pilot.app.focused is table
        assert "Maya, 19" in text(screen.query_one("#preview-text"))
        await pilot.press("down")
        await until(pilot, lambda: "Sam, 34" in text(screen.query_one("#preview-text")), "the second preview")
        preview = text(screen.query_one("#preview-text"))
        assert "Content warning: domestic conflict" in preview and "Sam, 34" in preview
        assert not screen.query(ProblemsPanel)

    run(body, make_test_app())


def test_the_header_shows_the_title_and_its_icon_opens_the_command_palette(make_test_app):
    async def body(pilot):
        header = pilot.app.screen.query_one("AppHeader")
        line = header.render().plain
        assert len(line) == 80 and line.startswith(" ⭘ ") and "Choose a scenario" in line
        await pilot.click("AppHeader", offset=(30, 0))  # the title: nothing happens
        await settle(pilot)
        assert isinstance(pilot.app.screen, HomeScreen)
        await pilot.click("AppHeader", offset=(1, 0))
        await on_screen(pilot, CommandPalette)

    run(body, make_test_app())


def test_search_filters_as_you_type_and_enter_starts_the_match(make_test_app):
    async def body(pilot):
        screen = pilot.app.screen
        table = screen.query_one(ScenarioTable)
        search = screen.query_one("#search", Input)
        await pilot.press("slash")
        await until(pilot, lambda: pilot.app.focused is search, "the search box focused")
        await pilot.press("m", "a", "y", "a")
        await until(pilot, lambda: search.value == "maya" and table.row_count == 1, "one match for 'maya'")
        assert table.highlighted.id == "lonely-birthday"
        await pilot.press("x")
        await until(pilot, lambda: "No scenario matches" in text(screen.query_one("#preview-text")), "no match")
        assert table.row_count == 0
        await pilot.press("backspace", "enter")
        await on_screen(pilot, PracticeScreen)

    run(body, make_test_app())


def test_the_level_key_steps_through_the_difficulties(make_test_app):
    async def body(pilot):
        table = pilot.app.screen.query_one(ScenarioTable)

        async def level(shown: list) -> None:
            await pilot.press("l")
            await until(pilot, lambda: row_ids(table) == shown, f"only {shown} shown")

        await level(["lonely-birthday"])  # beginner
        assert table.highlighted.id == "lonely-birthday"
        await level(["warning-demo"])  # intermediate
        assert table.highlighted.id == "warning-demo"
        await level([])  # advanced
        await level(["lonely-birthday", "warning-demo"])  # all again
        assert table.row_count == 2

    run(body, make_test_app())


def test_files_that_failed_to_load_are_shown_not_crashed_on(make_test_app, tmp_path, scenario_dir):
    (tmp_path / "broken.yaml").write_text("id: broken\ntitle: Broken\nturns: []\ncolour: blue\n")
    library = load_paths([scenario_dir, tmp_path])

    async def body(pilot):
        panel = pilot.app.screen.query_one(ProblemsPanel)
        shown = text(panel.query_one(Static))
        assert "broken.yaml:3" in shown and "needs at least one entry" in shown
        assert "unknown key 'colour'" in shown
        assert panel.border_title == "1 file could not be loaded"
        assert pilot.app.screen.query_one(ScenarioTable).row_count == 2

    run(body, make_test_app(library=library))


# ---------------------------------------------------------------------------- practice


def test_choose_respond_feedback_next_and_summary_then_home(make_test_app, test_library):
    birthday = test_library.get("lonely-birthday")

    async def body(pilot):
        app = pilot.app
        await choose(pilot, "Nobody Remembered")
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        assert isinstance(app.focused, ResponseBox)
        assert screen.query_one("#statement").border_title == "Statement 1 of 4"
        assert "My birthday was on Saturday" in text(screen.query_one("#statement"))
        assert "looks at the floor" in text(screen.query_one("#statement"))

        await respond(pilot, GOOD)
        expected = score(birthday.turns[0], GOOD, "Maya")
        panel = screen.query_one(FeedbackPanel)
        assert app.focused is panel and screen.mode == READING
        assert panel.display and not screen.query_one(ResponseBox).display
        assert text(panel.query_one("#score-line")).startswith(f"{expected.score}/100, Strong")
        assert "Kind of response: a reflection" in text(panel.query_one("#score-line"))
        marks = [str(label.render()) for label in panel.query(".check-mark")]
        assert marks == [MET if c.passed else NOT_MET for c in expected.checks]
        assert expected.best_match.answer in text(panel.query_one("#closest"))

        await move_on(pilot)
        assert screen.query_one("#statement").border_title == "Statement 2 of 4"
        assert isinstance(app.focused, ResponseBox) and app.focused.value == ""
        transcript = " ".join(text(w) for w in screen.query("#transcript Static"))
        assert GOOD in transcript and "nobody even called" in transcript

        for response in ("You kept checking your phone.", "You feel left out.", "You feel sad."):
            await respond(pilot, response)
            await move_on(pilot)
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert "You responded to 4 of 4 statements with Maya" in text(summary.query_one("#headline"))
        assert summary.query_one("#scores").row_count == 4
        assert GOOD in text(summary.query_one("#best-moment"))
        assert text(summary.query_one("#work-on"))

        await pilot.press("enter")
        await on_screen(pilot, HomeScreen)

    run(body, make_test_app())


def test_a_content_warning_comes_first_and_choose_another_goes_back(make_test_app):
    async def body(pilot):
        app = pilot.app
        await choose(pilot, "A Hard Week")
        assert isinstance(app.screen, ContentWarningDialog)
        assert "domestic conflict" in text(app.screen.query_one("#warnings"))
        await pilot.press("escape")
        await on_screen(pilot, HomeScreen)
        await pilot.press("enter")
        await on_screen(pilot, ContentWarningDialog)
        await pilot.press("enter")  # Start is focused
        await on_screen(pilot, PracticeScreen)
        assert app.screen.session.scenario.id == "warning-demo"
        assert isinstance(app.focused, ResponseBox)

    run(body, make_test_app())


def test_hint_shows_and_hides_on_request(make_test_app):
    async def body(pilot):
        await choose(pilot, "Nobody Remembered")
        screen = pilot.app.screen
        hint = screen.query_one("#hint")
        assert not hint.display
        await pilot.press("ctrl+t")
        await until(pilot, lambda: hint.display, "the hint shown")
        assert "wait all day for a call" in text(hint)
        assert isinstance(pilot.app.focused, ResponseBox)  # typing goes on
        await pilot.press("ctrl+t")
        await until(pilot, lambda: not hint.display, "the hint hidden")

    run(body, make_test_app())


def test_skip_moves_on_and_the_summary_says_skipped(make_test_app):
    async def body(pilot):
        app = pilot.app
        await choose(pilot, "Nobody Remembered")
        await move_on(pilot, "ctrl+s")
        assert app.screen.query_one("#statement").border_title == "Statement 2 of 4"
        assert "You skipped this one." in [text(w) for w in app.screen.query("#transcript Static")]
        await move_on(pilot, "ctrl+s")
        await move_on(pilot, "ctrl+s")
        await respond(pilot, "You feel sad.")
        await move_on(pilot)
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        bands = [summary.query_one("#scores").get_row_at(i)[3] for i in range(4)]
        assert bands[:3] == ["skipped"] * 3
        assert "You responded to 1 of 4 statements" in text(summary.query_one("#headline"))

    run(body, make_test_app())


def test_skipping_everything_gives_a_kind_summary(make_test_app):
    async def body(pilot):
        await choose(pilot, "A Hard Week")
        await pilot.press("enter")
        await on_screen(pilot, PracticeScreen)
        await move_on(pilot, "ctrl+s")
        await move_on(pilot, "ctrl+s")
        assert isinstance(pilot.app.screen, SummaryScreen)
        assert "You did not respond to any of the 2 statements" in text(pilot.app.screen.query_one("#headline"))
        assert not pilot.app.screen.query("#best-moment")

    run(body, make_test_app())


def test_try_again_shows_the_change_and_celebrates_an_improvement(make_test_app):
    async def body(pilot):
        app = pilot.app
        await choose(pilot, "Nobody Remembered")
        await respond(pilot, WEAK)
        first = app.screen.session.tries[-1].feedback.score
        assert not app.screen.query_one("#change-line").display
        await try_again(pilot)
        assert isinstance(app.focused, ResponseBox) and app.focused.value == WEAK
        await respond(pilot, GOOD)
        second = app.screen.session.tries[-1].feedback.score
        change = app.screen.query_one("#change-line")
        assert change.display and change.has_class("-improved")
        assert text(change) == (
            f"↑ Up {second - first} points from your last try ({first} → {second}). Your change worked."
        )
        # A first strong reflection is a small win worth saying, in the panel; a best over a try
        # of this same run is not said again as a personal best (the change line says it).
        wins = small_wins_shown(app)
        assert "★ Your first strong reflection" in wins
        assert "A new personal best" not in wins
        assert not any("change worked" in m or "strong reflection" in m for m in notifications(app))  # no toast
        await try_again(pilot)
        await respond(pilot, WEAK)
        assert not app.screen.query_one("#change-line").has_class("-improved")
        assert "Your best try is the one that counts" in text(app.screen.query_one("#change-line"))

    run(body, make_test_app())


def test_other_model_answers_on_request(make_test_app):
    async def body(pilot):
        await choose(pilot, "Nobody Remembered")
        await respond(pilot, GOOD)
        panel = pilot.app.screen.query_one(FeedbackPanel)
        others = panel.query_one("#other-answers")
        assert not others.display or not panel.has_class("-others-shown")
        await pilot.press("m")
        await until(pilot, lambda: panel.has_class("-others-shown"), "the other model answers shown")
        assert others.display
        closest = score(pilot.app.screen.session.statement, GOOD, "Maya").best_match.answer
        shown = text(others)
        assert closest not in shown and shown.count("•") == 2

    run(body, make_test_app())


def test_an_empty_response_is_not_scored(make_test_app):
    async def body(pilot):
        await choose(pilot, "Nobody Remembered")
        pilot.app.screen.query_one(ResponseBox).value = "   "
        await pilot.press("enter")
        await until(
            pilot,
            lambda: any("Type a response first" in m for m in notifications(pilot.app)),
            "the notice to type a response first",
        )
        assert pilot.app.screen.mode == RESPONDING
        assert pilot.app.screen.session.tries == ()

    run(body, make_test_app())


def test_leave_at_once_when_nothing_would_be_lost(make_test_app):
    async def body(pilot):
        await choose(pilot, "Nobody Remembered")
        await pilot.press("escape")
        await on_screen(pilot, HomeScreen)

    run(body, make_test_app())


def test_leave_asks_first_once_there_is_work(make_test_app):
    async def body(pilot):
        app = pilot.app
        await choose(pilot, "Nobody Remembered")
        await respond(pilot, GOOD)
        await pilot.press("escape")
        await on_screen(pilot, LeaveDialog)
        await pilot.press("escape")  # keep practising
        await on_screen(pilot, PracticeScreen)
        assert app.screen.mode == READING
        await pilot.press("escape")
        await on_screen(pilot, LeaveDialog)
        await pilot.press("enter")  # Leave is focused
        await on_screen(pilot, HomeScreen)

    run(body, make_test_app())


def test_practise_again_from_the_summary(make_test_app):
    async def body(pilot):
        app = pilot.app
        await choose(pilot, "A Hard Week")
        await pilot.press("enter")
        await on_screen(pilot, PracticeScreen)
        await move_on(pilot, "ctrl+s")
        await move_on(pilot, "ctrl+s")
        await on_screen(pilot, SummaryScreen)
        await pilot.press("r")  # practise again: the warning first, as always
        await on_screen(pilot, ContentWarningDialog)
        assert [type(s) for s in app.screen_stack] == [HomeScreen, ContentWarningDialog]  # the summary is gone

    run(body, make_test_app())


# ---------------------------------------------------------------------------- start-up and seams


def test_start_scenario_opens_straight_on_the_first_statement(make_test_app):
    async def body(pilot):
        assert isinstance(pilot.app.screen, PracticeScreen)
        assert isinstance(pilot.app.focused, ResponseBox)
        await pilot.press("escape")
        await on_screen(pilot, HomeScreen)

    run(body, make_test_app(start_scenario="lonely-birthday"))


def test_start_scenario_with_a_warning_shows_the_notice_first(make_test_app):
    async def body(pilot):
        assert isinstance(pilot.app.screen, ContentWarningDialog)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(pilot.app.focused, ResponseBox), "the response box focused")

    run(body, make_test_app(start_scenario="warning-demo"))


def test_an_unknown_start_scenario_is_refused_before_the_app_runs(make_test_app):
    import pytest

    with pytest.raises(KeyError):
        make_test_app(start_scenario="no-such-scenario")


def test_a_save_failure_is_told_and_the_practice_goes_on(make_test_app, monkeypatch):
    from trainer.progress.history import History, NotSaved

    def fail(*args, **kwargs):
        raise NotSaved("1 response not saved yet (database is locked)")

    monkeypatch.setattr(History, "record", fail)

    async def body(pilot):
        await choose(pilot, "Nobody Remembered")
        await respond(pilot, GOOD)
        assert pilot.app.screen.mode == READING
        assert any(
            "could not be saved: 1 response not saved yet (database is locked)" in m for m in notifications(pilot.app)
        )

    run(body, make_test_app())


def test_the_command_palette_offers_the_main_actions(make_test_app):
    async def body(pilot):
        app = pilot.app
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Practise: Nobody Remembered" in titles and "Practise: A Hard Week" in titles
        assert "Theme" in titles and "Home" not in titles
        await choose(pilot, "Nobody Remembered")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Home", "Show the hint", "Skip this statement", "Leave this scenario"} <= set(titles)
        await respond(pilot, GOOD)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Try again", "Show the other model answers"} <= set(titles)
        assert "Show the hint" not in titles
        practise = next(c for c in app.get_system_commands(app.screen) if c.title == "Practise: A Hard Week")
        practise.callback()
        await on_screen(pilot, ContentWarningDialog)

    run(body, make_test_app())


def test_the_palette_opens_and_runs_a_command_by_keyboard(make_test_app):
    async def body(pilot):
        await pilot.press("ctrl+p")
        await on_screen(pilot, CommandPalette)
        palette = pilot.app.screen
        await pilot.press(*"practise nobody")
        await until(pilot, lambda: palette.query_one(Input).value == "practise nobody", "the words typed")
        await settle(pilot)  # the palette searches in a worker

        def first_hit() -> str:
            option = palette.query_one(CommandList).highlighted_option
            return "" if option is None else str(getattr(option.prompt, "plain", option.prompt))

        await until(pilot, lambda: "Practise: Nobody Remembered" in first_hit(), "the scenario offered first")
        await pilot.press("enter")
        await on_screen(pilot, PracticeScreen)

    run(body, make_test_app())


def test_a_light_theme_can_be_chosen(make_test_app):
    async def body(pilot):
        assert pilot.app.theme == "textual-light"
        assert not pilot.app.current_theme.dark

    run(body, make_test_app(theme="textual-light"))
