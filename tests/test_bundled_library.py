"""The bundled scenario library keeps the rules scenario writers follow.

The loader checks the format; these tests check the library's own conventions, which the
format leaves open: every statement can be practised (enough model answers) and calibrated
(examples across the bands), and files are named after their scenario.
"""

from __future__ import annotations

import pytest

from trainer.loader import bundled_scenarios_dir, load_library, scenario_files
from trainer.model import Band

# The listening skills a scenario may say it practises (see docs for scenario writers).
SKILLS = {
    "reflect-feeling", "reflect-content", "reflect-meaning", "double-sided-reflection",
    "reflect-ambivalence", "stay-with-anger", "reflect-minimising", "reflect-resistance",
    "reflect-silence",
}
PARTIAL = {Band.good, Band.developing}
CORE_REACTIONS = {"reflected", "partly", "questioned", "blocked"}  # what every reacting statement answers

LIBRARY = load_library()
SCENARIOS = LIBRARY.scenarios


def test_every_bundled_file_loads_without_problems():
    assert [str(p) for p in LIBRARY.problems] == []
    files, _ = scenario_files([bundled_scenarios_dir()])
    assert len(SCENARIOS) == len(files) > 0


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_file_is_named_after_its_scenario(scenario):
    assert LIBRARY.paths[scenario.id].stem == scenario.id


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_skills_come_from_the_shared_list(scenario):
    assert set(scenario.skills) <= SKILLS, set(scenario.skills) - SKILLS


def _statements(scenario):
    """Every statement with its name, each deeper statement after its own."""
    for number, turn in enumerate(scenario.turns, start=1):
        yield f"{scenario.id} statement {number}", turn
        if turn.deeper is not None:
            yield f"{scenario.id} statement {number} (deeper)", turn.deeper


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_every_statement_can_be_practised_and_calibrated(scenario):
    for where, turn in _statements(scenario):
        assert len(turn.model_answers) >= 3, f"{where}: fewer than 3 model answers"
        assert turn.feelings and turn.content and turn.hint, f"{where}: feelings, content and hint"
        bands = {example.expect for example in turn.examples}
        assert Band.strong in bands, f"{where}: no strong example"
        assert bands & PARTIAL, f"{where}: no good or developing example"
        assert Band.not_yet in bands, f"{where}: no not_yet example"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_a_deeper_statement_answers_back_like_its_statement(scenario):
    """A deeper statement is said to a listener who earned it; the client reacts to what comes next."""
    for number, turn in enumerate(scenario.turns, start=1):
        if turn.deeper is not None and turn.reactions:
            missing = CORE_REACTIONS - set(turn.deeper.reactions)
            assert not missing, f"{scenario.id} statement {number} (deeper): no reaction for {sorted(missing)}"
