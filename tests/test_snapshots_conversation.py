"""What the conversation looks like at 80x24 (SVGs under tests/__snapshots__, accepted by eye with
``pytest --snapshot-update``): the client's reaction and the openness line on the practice
screen, a guarded statement, the summary's openness story."""

from __future__ import annotations

import pytest

from trainer.loader import load_paths

from conftest import FIXTURES
from test_session_conversation import ADVICE, MORE_ADVICE, REFLECT, WHY
from test_snapshots import typing


@pytest.fixture
def conversation_app(make_test_app):
    library = load_paths([FIXTURES / "conversation"])
    return lambda: make_test_app(library=library, start_scenario="drifting-apart")


def test_a_reaction_and_openness_after_a_reflection(snap_compare, conversation_app):
    assert snap_compare(conversation_app(), run_before=typing(REFLECT[0]), terminal_size=(80, 24))


def test_a_guarded_statement_after_advice(snap_compare, conversation_app):
    assert snap_compare(conversation_app(), run_before=typing(ADVICE), press=["enter"], terminal_size=(80, 24))


def test_the_deeper_statement(snap_compare, conversation_app):
    steps = typing(REFLECT[0])

    async def run_before(pilot):
        await steps(pilot)
        await pilot.press("enter")
        await typing(REFLECT[1])(pilot)
        await pilot.press("enter")
    assert snap_compare(conversation_app(), run_before=run_before, terminal_size=(80, 24))


def test_the_summary_tells_how_the_client_closed(snap_compare, conversation_app):
    async def run_before(pilot):
        for response in (ADVICE, WHY, MORE_ADVICE):
            await typing(response)(pilot)
            await pilot.press("enter")
    assert snap_compare(conversation_app(), run_before=run_before, terminal_size=(80, 24))
