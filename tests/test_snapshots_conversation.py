"""What the conversation looks like at 80x24 (SVGs under tests/__snapshots__, accepted by eye with
``pytest --snapshot-update``): the client's reaction and the openness line on the practice
screen, a guarded statement, the summary's openness story."""

from __future__ import annotations

import pytest
from conftest import FIXTURES
from drive import move_on
from test_session_conversation import ADVICE, MORE_ADVICE, REFLECT, WHY
from test_snapshots import front, typing

from trainer.loader import load_paths
from trainer.ui.screens.summary import SummaryScreen


@pytest.fixture
def conversation_app(make_test_app):
    library = load_paths([FIXTURES / "conversation"])
    return lambda: make_test_app(library=library, start_scenario="drifting-apart")


def test_a_reaction_and_openness_after_a_reflection(snapshot, conversation_app):
    assert snapshot(conversation_app(), run_before=typing(REFLECT[0]), shown=lambda app: app.screen.reacted)


def test_a_guarded_statement_after_advice(snapshot, conversation_app):
    async def run_before(pilot):
        await typing(ADVICE)(pilot)
        await move_on(pilot)

    assert snapshot(conversation_app(), run_before=run_before, shown=lambda app: app.screen.session.number == 2)


def test_the_deeper_statement(snapshot, conversation_app):
    async def run_before(pilot):
        for response in REFLECT[:2]:
            await typing(response)(pilot)
            await move_on(pilot)

    assert snapshot(conversation_app(), run_before=run_before, shown=lambda app: app.screen.session.step.deeper)


def test_the_summary_tells_how_the_client_closed(snapshot, conversation_app):
    async def run_before(pilot):
        for response in (ADVICE, WHY, MORE_ADVICE):
            await typing(response)(pilot)
            await move_on(pilot)

    assert snapshot(conversation_app(), run_before=run_before, shown=front(SummaryScreen))
