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
