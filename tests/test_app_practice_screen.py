"""The practice screen as a learner reads it (issue 14): the client's background whole, or folded
on a short screen until opened -- never cut; a response box that grows to a few lines and holds
no more than the scorer reads (issue 13); small wins in the feedback panel, never laid over it;
and every screen usable at 60x20, readable at 80x24."""

from __future__ import annotations

from drive import choose, move_on, notifications, on_screen, respond, small_wins_shown, text, try_again, until
from test_app_flows import GOOD, WEAK, run
from test_app_progress import added_up, injected_history
from textual import events

from trainer.rubric import MAX_RESPONSE_CHARS
from trainer.ui.describe import persona_line
from trainer.ui.screens.home import HomeScreen
from trainer.ui.screens.practice import PracticeScreen
from trainer.ui.screens.summary import SummaryScreen
from trainer.ui.widgets.client_context import ClientContext
from trainer.ui.widgets.level_filter import LevelFilter
from trainer.ui.widgets.response_box import FULL, ResponseBox, one_paragraph
from trainer.ui.widgets.scenario_bests import ScenarioBests, StatementBests, flow
from trainer.ui.widgets.scenario_table import ScenarioTable
from trainer.ui.widgets.statement_scores import StatementScores

SMALL, READABLE = (60, 20), (80, 24)
FOLDED = "Maya, 19 · ^b shows the background"


def context(pilot) -> str:
    """The background line as shown -- whole: its height is all its text needs, nothing cut."""
    widget = pilot.app.screen.query_one(ClientContext)
    needed = widget.get_content_height(widget.parent.size, pilot.app.size, widget.content_size.width)
    assert widget.content_size.height == needed, "the background is cut"
    return text(widget)


# ---------------------------------------------------------------------------- the background


def test_the_background_is_shown_whole_and_folds_on_request(make_test_app, test_library):
    whole = persona_line(test_library.get("lonely-birthday"))

    async def body(pilot):
        await choose(pilot, "Nobody Remembered")
        assert context(pilot) == whole
        await pilot.press("ctrl+b")
        await until(pilot, lambda: context(pilot) == FOLDED, "the background folded")

    run(body, make_test_app())


def test_on_a_short_screen_the_background_is_folded_until_opened_and_stays_open(make_test_app, test_library):
    whole = persona_line(test_library.get("lonely-birthday"))

    async def body(pilot):
        await choose(pilot, "Nobody Remembered")
        assert context(pilot) == FOLDED
        assert pilot.app.screen.check_action("background", ())  # its key is in the footer
        await pilot.press("ctrl+b")
        await until(pilot, lambda: context(pilot) == whole, "the background opened")
        await respond(pilot, GOOD)
        await move_on(pilot)
        assert context(pilot) == whole  # the learner's choice holds for the run

    run(body, make_test_app(), size=SMALL)


def test_the_background_unfolds_when_the_screen_grows(make_test_app, test_library):
    whole = persona_line(test_library.get("lonely-birthday"))

    async def body(pilot):
        await choose(pilot, "Nobody Remembered")
        assert context(pilot) == FOLDED
        await pilot.resize_terminal(*READABLE)
        await until(pilot, lambda: context(pilot) == whole, "the whole background on a taller screen")

    run(body, make_test_app(), size=SMALL)


# ---------------------------------------------------------------------------- the response box


def box_height(pilot) -> int:
    return pilot.app.screen.query_one(ResponseBox).outer_size.height


def test_the_response_box_grows_to_a_few_lines_then_scrolls(make_test_app):
    async def body(pilot):
        await choose(pilot, "Nobody Remembered")
        box = pilot.app.screen.query_one(ResponseBox)
        assert box_height(pilot) == 3  # one line, between its borders
        box.value = "It sounds like " + "you felt forgotten, " * 6
        await until(pilot, lambda: box_height(pilot) == 4, "two lines of text")
        box.value = "It sounds like " + "you felt forgotten, " * 40
        await until(pilot, lambda: box_height(pilot) == 6, "four lines of text, at most")
        assert box.max_scroll_y > 0  # the rest scrolls, with the cursor in sight
        assert box.scroll_y == box.max_scroll_y

    run(body, make_test_app())


def test_enter_submits_and_a_pasted_line_break_becomes_a_space(make_test_app):
    async def body(pilot):
        await choose(pilot, "Nobody Remembered")
        box = pilot.app.screen.query_one(ResponseBox)
        await pilot.press(*"Sad")
        pilot.app.post_message(events.Paste(" and\r\n\n   alone,\tforgotten."))
        await until(pilot, lambda: box.value == "Sad and alone, forgotten.", "the paste in one paragraph")
        await pilot.press("enter")
        screen = pilot.app.screen
        await until(pilot, lambda: screen.session.tries, "the response scored")
        assert screen.session.tries[-1].response == "Sad and alone, forgotten."

    run(body, make_test_app())


def test_one_paragraph():
    assert one_paragraph("one\ntwo \r\n three\rfour\tfive\x1b[2J") == "one two three four five[2J"


def test_the_response_box_refuses_to_grow_past_its_limit_and_says_so(make_test_app):
    async def body(pilot):
        await choose(pilot, "Nobody Remembered")
        box = pilot.app.screen.query_one(ResponseBox)
        box.value = "You feel alone. " * 100  # 1,600 characters
        assert box.border_subtitle == ""
        pilot.app.post_message(events.Paste("And forgotten. " * 100))  # 1,500 more
        await until(pilot, lambda: len(box.value) == MAX_RESPONSE_CHARS, "the paste cut at the limit")
        assert box.value.startswith("You feel alone. " * 100 + "And forgotten. ")
        assert box.border_subtitle == FULL == "2,000 characters at most -- a reflection is shorter"
        await pilot.press("x")  # refused: the box is full
        await pilot.press("backspace")
        await until(pilot, lambda: len(box.value) == MAX_RESPONSE_CHARS - 1, "one character fewer")
        assert box.border_subtitle == ""  # room again
        box.value = "y" * 3000
        assert len(box.value) == MAX_RESPONSE_CHARS and box.border_subtitle == FULL
        await respond(pilot, "You feel alone. " * 200)  # what respond sets is held to the limit too
        assert len(pilot.app.screen.session.tries[-1].response) == MAX_RESPONSE_CHARS - 1  # its last space stripped

    run(body, make_test_app())


def test_a_long_response_leaves_its_feedback_in_sight(make_test_app):
    async def body(pilot):
        await choose(pilot, "Nobody Remembered")
        await respond(pilot, "You feel alone and forgotten. " * 66)  # 1,980 characters, stripped 1,979
        screen = pilot.app.screen
        said = text(screen.query_one("#your-response"))
        assert said.startswith("You: You feel alone and forgotten.") and said.endswith("(1,979 characters in all)")
        assert screen.query_one("#your-response").outer_size.height <= 4
        assert screen.query_one("#score-line").region.height == 1  # the verdict in sight

    run(body, make_test_app())


def test_try_again_fills_the_box_with_the_last_try_the_cursor_at_its_end(make_test_app):
    async def body(pilot):
        await choose(pilot, "Nobody Remembered")
        await respond(pilot, WEAK)
        await try_again(pilot)
        box = pilot.app.screen.query_one(ResponseBox)
        assert pilot.app.focused is box and box.value == WEAK
        assert box.cursor_location == (0, len(WEAK))

    run(body, make_test_app())


# ---------------------------------------------------------------------------- small wins


def test_small_wins_are_said_in_the_feedback_panel_and_never_over_it(make_test_app):
    async def body(pilot):
        await choose(pilot, "Nobody Remembered")
        await respond(pilot, GOOD)  # a first strong reflection
        wins = small_wins_shown(pilot.app)
        assert wins.startswith("★ Your first strong reflection")
        panel = pilot.app.screen.query_one("#feedback")
        assert panel.query_one("#wins").region.y < panel.query_one("#strengths").region.y  # in sight, on top
        assert notifications(pilot.app) == []  # no toast
        await try_again(pilot)
        await respond(pilot, WEAK)
        assert small_wins_shown(pilot.app) == ""  # nothing new: the line is gone

    run(body, make_test_app())


# ---------------------------------------------------------------------------- sizes


def footer_fits(app) -> bool:
    """Every key shown in the footer lies whole within the screen, none over another."""
    keys = [key for key in app.screen.query("AppFooter FooterKey") if key.display]
    spans = sorted((key.region.x, key.region.right) for key in keys)
    within = all(0 <= left and right <= app.size.width for left, right in spans)
    apart = all(before[1] <= after[0] for before, after in zip(spans, spans[1:], strict=False))
    return bool(keys) and within and apart


def palette_keys_shown(app) -> bool:
    return any(key.display for key in app.screen.query("AppFooter .-command-palette, AppFooter .-in-palette"))


async def every_screen(pilot, check) -> None:
    """``check(app)`` on home, a statement, its feedback, the summary and the progress screen."""
    app = pilot.app
    check(app)
    await choose(pilot, "Nobody Remembered")
    check(app)
    await respond(pilot, WEAK)
    check(app)
    while isinstance(app.screen, PracticeScreen):
        await move_on(pilot, "enter" if app.screen.mode == "reading" else "ctrl+s")
    await on_screen(pilot, SummaryScreen)
    check(app)
    await pilot.press("enter")
    await on_screen(pilot, HomeScreen)
    await pilot.press("p")
    await added_up(pilot)
    check(app)


def test_at_60_columns_every_footer_fits_leaving_out_what_the_palette_offers(make_test_app):
    def check(app):
        assert footer_fits(app) and not palette_keys_shown(app), type(app.screen).__name__

    async def body(pilot):
        await every_screen(pilot, check)

    run(body, make_test_app(), size=SMALL)


def test_at_80_columns_every_footer_fits_with_the_palette_and_private_mode(make_test_app):
    def check(app):
        assert footer_fits(app) and palette_keys_shown(app), type(app.screen).__name__

    async def body(pilot):
        await every_screen(pilot, check)

    run(body, make_test_app())


def test_every_level_fits_the_level_selector_at_80_columns(make_test_app):
    async def body(pilot):
        selector = pilot.app.screen.query_one(LevelFilter)
        seen = []
        for _ in range(4):
            label = text(selector)
            seen.append(label)
            assert len(label) <= selector.content_size.width, label
            await pilot.press("l")
            await until(pilot, lambda label=label: text(selector) != label, "the next level")
        assert "Level: Intermediate" in seen

    run(body, make_test_app())


def test_at_60_columns_no_table_hides_a_column(make_test_app):
    """The library, a run's scores and the personal bests all fit: nothing to scroll sideways."""

    async def body(pilot):
        app = pilot.app
        assert app.screen.query_one(ScenarioTable).max_scroll_x == 0
        await choose(pilot, "Nobody Remembered")
        while isinstance(app.screen, PracticeScreen):
            await move_on(pilot, "ctrl+s")
        scores = app.screen.query_one(StatementScores)
        assert scores.row_count == len(scores.records) and scores.max_scroll_x == 0
        await pilot.press("enter")
        await on_screen(pilot, HomeScreen)
        await pilot.press("p")
        await added_up(pilot)
        assert app.screen.query_one(ScenarioBests).max_scroll_x == 0
        by_statement = app.screen.query_one(StatementBests)
        assert by_statement.rows and by_statement.size.height == len(by_statement.lines(by_statement.size.width))

    run(body, make_test_app(history=injected_history()), size=SMALL)


def test_statement_bests_flow_over_lines_without_splitting_an_entry():
    entries = [
        f"{n}{plus}: {score}" for n, plus, score in [(1, "", 84), (1, "+", 80), *((n, "", 35) for n in range(2, 8))]
    ]
    lines = flow("Nobody Remembered", entries, 24)
    assert lines == [
        "Nobody Remembered  1: 84",
        "  1+: 80  2: 35  3: 35",
        "  4: 35  5: 35  6: 35",
        "  7: 35",
    ]
    assert all(len(line) <= 24 for line in lines)
    assert flow("A Hard Week", [], 24) == ["A Hard Week"]
