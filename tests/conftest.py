"""Shared fixtures: test scenarios and a throwaway data folder for every test."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
TEST_SCENARIOS = FIXTURES / "scenarios"


@pytest.fixture(autouse=True)
def trainer_home(tmp_path, monkeypatch) -> Path:
    """No test ever touches the real user's data folder; and an app in private mode (which
    tells the scorer to write nothing, for the rest of its process) stops at the test's end."""
    from trainer.scoring import remembered

    home = tmp_path / "trainer-home"
    monkeypatch.setenv("TRAINER_HOME", str(home))
    monkeypatch.setattr(remembered, "_writing", True)
    return home


@pytest.fixture
def scenario_dir() -> Path:
    return TEST_SCENARIOS


@pytest.fixture
def test_library():
    """The test scenarios only -- never the bundled library, which keeps growing."""
    from trainer.loader import load_paths

    return load_paths([TEST_SCENARIOS])


@pytest.fixture
def make_test_app(test_library):
    """Builds the app the way the CLI does, over the test scenarios, with the history in the
    throwaway TRAINER_HOME opened up front, so the app starts without a worker (deterministic).

    Pass ``library=None`` or ``history=None`` to have the app load them after its first frame.
    """
    from trainer.progress.history import History
    from trainer.ui.app import make_app

    def build(**kwargs):
        kwargs.setdefault("library", test_library)
        if "history" not in kwargs:
            kwargs["history"] = History.open(private=kwargs.get("no_save", False))
        return make_app(**kwargs)

    return build


@pytest.fixture
def opened_apps(monkeypatch):
    """The apps the commands would run, kept instead of run (the CLI's tests of opening the app)."""
    from trainer import opening
    from trainer.ui.app import TrainerApp

    started = []
    monkeypatch.setattr(opening, "interactive", lambda: True)
    monkeypatch.setattr(TrainerApp, "run", lambda self: started.append(self))
    return started


@pytest.fixture
def snapshot(snap_compare):
    """``snap_compare`` taken once the screen shows what the test is about, never after a time.

    ``run_before(pilot)`` drives the app (with the steps of ``drive``, which wait for what they
    do), then ``press`` is pressed and ``shown(app)``, when given, is waited for. Before the
    picture, start-up and every worker are done and the text cursors hold still.
    """
    from drive import hold_cursors_still, settle, until

    def compare(app, *, run_before=None, press=(), shown=None, size=(80, 24)) -> bool:
        async def drive(pilot):
            await settle(pilot)
            if run_before is not None:
                await run_before(pilot)
            await pilot.press(*press)
            if shown is not None:
                await until(pilot, lambda: shown(pilot.app), "what the snapshot shows")
            await settle(pilot)
            hold_cursors_still(pilot.app)
            await pilot.pause()  # drawn again, cursors held

        return snap_compare(app, run_before=drive, terminal_size=size)

    return compare
