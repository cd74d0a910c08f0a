"""Shared fixtures: test scenarios and a throwaway data folder for every test."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
TEST_SCENARIOS = FIXTURES / "scenarios"


@pytest.fixture(autouse=True)
def trainer_home(tmp_path, monkeypatch) -> Path:
    """No test ever touches the real user's data folder."""
    home = tmp_path / "trainer-home"
    monkeypatch.setenv("TRAINER_HOME", str(home))
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
    from trainer import launch
    from trainer.ui.app import TrainerApp

    started = []
    monkeypatch.setattr(launch, "interactive", lambda: True)
    monkeypatch.setattr(TrainerApp, "run", lambda self: started.append(self))
    return started


async def settle(pilot) -> None:
    """Wait until the app's workers (loading, adding up) are done and their results are shown."""
    await pilot.pause()
    while any(not worker.is_finished for worker in pilot.app.workers):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    await pilot.pause()
