"""The conversation in the app, driven with Pilot at 80x24: the same scenario played twice --
once with strong reflections, once with advice and "why" questions -- gives different
reactions, openness, guarded statements, and the deeper statement only to the listener."""

from __future__ import annotations

import asyncio

import pytest
from conftest import FIXTURES
from test_session_conversation import ADVICE, MORE_ADVICE, REFLECT, WHY
from textual.widgets import Static

from trainer.loader import load_paths
from trainer.progress.history import History
from trainer.ui.screens.practice import READING, RESPONDING, PracticeScreen
from trainer.ui.screens.summary import SummaryScreen
from trainer.ui.widgets.client_statement import ClientStatement
from trainer.ui.widgets.feedback_panel import FeedbackPanel
from trainer.ui.widgets.response_box import ResponseBox
from trainer.ui.widgets.transcript import Transcript

SIZE = (80, 24)
PATIENCE = 200  # pauses to wait for a state before the test gives up


@pytest.fixture
def library():
    return load_paths([FIXTURES / "conversation"])


@pytest.fixture
def drifting(library):
    return library.get("drifting-apart")


def play(app, body):
    async def go():
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(pilot.app.screen, PracticeScreen), "the practice screen")
            await body(pilot)

    asyncio.run(go())


async def until(pilot, condition, what: str) -> None:
    """Wait for a state of the app, never for a time."""
    for _ in range(PATIENCE):
        if condition():
            return
        await pilot.pause()
    raise AssertionError(f"the app never reached {what}")


def text(widget: Static) -> str:
    return str(widget.render())


async def respond(pilot, response: str) -> PracticeScreen:
    screen = pilot.app.screen
    screen.query_one(ResponseBox).value = response
    await pilot.press("enter")
    await until(pilot, lambda: screen.mode == READING, "the feedback")
    return screen


async def move_on(pilot) -> None:
    screen = pilot.app.screen
    before = screen.session.index if isinstance(screen, PracticeScreen) else None
    await pilot.press("enter")
    await until(
        pilot,
        lambda: (
            not isinstance(pilot.app.screen, PracticeScreen)
            or (pilot.app.screen.session.index != before and pilot.app.screen.mode == RESPONDING)
        ),
        "the next statement",
    )


def statement(screen) -> ClientStatement:
    return screen.query_one(ClientStatement)


def test_a_listener_who_reflects_hears_the_client_open_up_and_say_more(make_test_app, library, drifting):
    async def body(pilot):
        screen = pilot.app.screen
        assert statement(screen).border_subtitle == "Openness: wary ▮▮▮▯▯"
        assert drifting.turns[0].client in text(statement(screen))

        await respond(pilot, REFLECT[0])
        reaction = text(screen.query_one("#reaction"))
        assert "Leo: “Yeah. Like I was never really part of it.” (puts the phone down)" in reaction
        assert "Openness: wary ▮▮▮▯▯ → opening up ▮▮▮▮▯" in reaction
        panel = screen.query_one(FeedbackPanel)
        assert panel.children[0].id == "score-line" and "Strong" in text(panel.children[0])  # verdict on top

        await move_on(pilot)
        assert statement(screen).border_subtitle == "Openness: opening up ▮▮▮▮▯"
        assert drifting.turns[1].client in text(statement(screen))  # not the guarded version
        said = [text(line) for line in screen.query_one(Transcript).query(Static)]
        assert "Leo: “Yeah. Like I was never really part of it.” (puts the phone down)" in said

        await respond(pilot, REFLECT[1])
        reaction = text(screen.query_one("#reaction"))
        assert "Leo: “Yeah. Friday's the worst. Everyone's out.” (nods slowly)" in reaction
        await move_on(pilot)
        assert statement(screen).border_title == "Statement 2 of 3 · Leo says more"
        assert drifting.turns[1].deeper.client in text(statement(screen))
        assert statement(screen).border_subtitle == "Openness: open ▮▮▮▮▮"

        await respond(pilot, REFLECT[2])
        assert "I've never said that out loud before." in text(screen.query_one("#reaction"))
        await move_on(pilot)
        await respond(pilot, REFLECT[3])
        assert screen.check_action("finish", ()) and not screen.check_action("next", ())
        await move_on(pilot)
        await until(pilot, lambda: isinstance(pilot.app.screen, SummaryScreen), "the summary")
        story = text(pilot.app.screen.query_one("#openness"))
        assert "Leo started wary ▮▮▮▯▯ and ended open ▮▮▮▮▮." in story
        assert "Leo opened up and said more after statement 2." in story
        scores = pilot.app.screen.query_one("#scores")
        assert scores.row_count == 4 and str(scores.get_row_at(2)[0]) == "2+"

    play(make_test_app(library=library, start_scenario="drifting-apart"), body)
    kept = History.open().attempts()
    assert [(a.turn, a.deeper, a.openness_before, a.openness_after) for a in kept] == [
        (1, False, 3, 4),
        (2, False, 4, 5),
        (2, True, 5, 5),
        (3, False, 5, 5),
    ]
    assert kept[0].reaction.say == "Yeah. Like I was never really part of it." and kept[0].outcome == "reflected"


def test_a_listener_who_advises_and_asks_why_meets_a_guarded_client(make_test_app, library, drifting):
    async def body(pilot):
        screen = pilot.app.screen
        await respond(pilot, ADVICE)
        reaction = text(screen.query_one("#reaction"))
        assert "Leo: “I'm not going to beg them.” (jaw tightens)" in reaction
        assert "Openness: wary ▮▮▮▯▯ → guarded ▮▮▯▯▯" in reaction

        await move_on(pilot)
        assert statement(screen).border_subtitle == "Openness: guarded ▮▮▯▯▯"
        assert f"“{drifting.turns[1].guarded}”" in text(statement(screen))
        assert drifting.turns[1].client not in text(statement(screen))
        await pilot.press("ctrl+t")  # a hint moves nothing
        await until(pilot, lambda: screen.query_one("#hint").display, "the hint")
        await respond(pilot, WHY)
        reaction = text(screen.query_one("#reaction"))
        assert "Leo: “I don't know why. I just do.” (arms crossed)" in reaction
        assert "Openness: guarded ▮▮▯▯▯ → closed ▮▯▯▯▯" in reaction

        await move_on(pilot)
        assert statement(screen).border_title == "Statement 3 of 3"  # no deeper statement
        assert f"“{drifting.turns[2].guarded}”" in text(statement(screen))
        assert statement(screen).border_subtitle == "Openness: closed ▮▯▯▯▯"
        await respond(pilot, MORE_ADVICE)
        reaction = text(screen.query_one("#reaction"))
        assert "Leo: “Yeah, I've heard that one.” (shrugs)" in reaction
        assert "Openness: closed ▮▯▯▯▯ (unchanged)" in reaction
        await move_on(pilot)
        await until(pilot, lambda: isinstance(pilot.app.screen, SummaryScreen), "the summary")
        story = text(pilot.app.screen.query_one("#openness"))
        assert "Leo started wary ▮▮▮▯▯ and ended closed ▮▯▯▯▯." in story
        assert "Leo had more to say" in story and "said more" not in story
        assert pilot.app.screen.query_one("#scores").row_count == 3

    play(make_test_app(library=library, start_scenario="drifting-apart"), body)
    kept = History.open().attempts()
    assert [(a.client, a.deeper, a.openness_before, a.openness_after) for a in kept] == [
        (drifting.turns[0].client, False, 3, 2),
        (drifting.turns[1].guarded, False, 2, 1),
        (drifting.turns[2].guarded, False, 1, 1),
    ]


def test_try_again_replaces_the_reaction(make_test_app, library):
    async def body(pilot):
        screen = await respond(pilot, ADVICE)
        assert "beg them" in text(screen.query_one("#reaction"))
        await pilot.press("r")
        await until(pilot, lambda: screen.mode == RESPONDING, "the response box")
        await respond(pilot, REFLECT[0])
        assert "never really part of it" in text(screen.query_one("#reaction"))
        await move_on(pilot)
        said = " ".join(text(line) for line in screen.query_one(Transcript).query(Static))
        assert "never really part of it" in said and "beg them" not in said
        assert statement(screen).border_subtitle == "Openness: opening up ▮▮▮▮▯"

    play(make_test_app(library=library, start_scenario="drifting-apart"), body)


def test_a_scenario_without_the_conversation_shows_neither_reaction_nor_openness(make_test_app):
    async def body(pilot):
        screen = pilot.app.screen
        assert statement(screen).border_subtitle == ""
        await respond(pilot, "You should call your mom.")
        assert not screen.query_one("#reaction").display

    play(make_test_app(start_scenario="lonely-birthday"), body)
