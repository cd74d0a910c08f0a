"""The bundled scenario library keeps the rules scenario writers follow.

The loader checks the format; these tests check the library's own conventions, which the
format leaves open: every statement can be practised (enough model answers) and calibrated
(examples across the bands), files are named after their scenario, and every scenario is a
conversation (issue 12): the client answers back, most statements can be said guarded, and
enough scenarios hold a deeper statement that a student who listens can reach.
"""

from __future__ import annotations

import pytest

from trainer.conversation import CHANGE, moved, opens_deeper, says_guarded
from trainer.loader import bundled_scenarios_dir, load_library, scenario_files
from trainer.rubric import Band

# The listening skills a scenario may say it practises (see docs for scenario writers).
SKILLS = {
    "reflect-feeling",
    "reflect-content",
    "reflect-meaning",
    "double-sided-reflection",
    "reflect-ambivalence",
    "stay-with-anger",
    "reflect-minimising",
    "reflect-resistance",
    "reflect-silence",
}
PARTIAL = {Band.good, Band.developing}
CORE_REACTIONS = {"reflected", "partly", "questioned", "blocked"}  # what every statement, deeper too, answers
GUARDED_SHARE = 0.5  # at least half of all statements have a guarded version
DEEPER_SCENARIOS = 6  # at least this many scenarios hold a deeper statement
LONGEST_REACTION = 25  # words: a reaction is a line or two, never a speech
LONGEST_CUE = 12  # words: a cue is a few words of body language

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
def test_the_client_answers_back_to_every_statement(scenario):
    """Deeper statements too: one is said to a listener who earned it, and the client reacts to what comes next."""
    for where, turn in _statements(scenario):
        missing = CORE_REACTIONS - set(turn.reactions)
        assert not missing, f"{where}: no reaction for {sorted(missing)}"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_reactions_are_short_lines(scenario):
    for where, turn in _statements(scenario):
        for key, reaction in turn.reactions.items():
            assert len(reaction.say.split()) <= LONGEST_REACTION, f"{where}, reaction {key!r}: a speech"
            assert len((reaction.cue or "").split()) <= LONGEST_CUE, f"{where}, reaction {key!r}: a long cue"


def test_at_least_half_the_statements_can_be_said_guarded():
    turns = [turn for scenario in SCENARIOS for turn in scenario.turns]
    guarded = [turn for turn in turns if turn.guarded]
    assert len(guarded) >= GUARDED_SHARE * len(turns), f"{len(guarded)} of {len(turns)} statements guarded"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_a_guarded_version_holds_back(scenario):
    for number, turn in enumerate(scenario.turns, start=1):
        if turn.guarded:
            assert len(turn.guarded) < len(turn.client), f"{scenario.id} statement {number}: guarded is no shorter"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_a_client_who_arrives_guarded_has_a_guarded_first_statement(scenario):
    if says_guarded(scenario.openness):
        assert scenario.turns[0].guarded, f"{scenario.id} starts at openness {scenario.openness}"


def test_enough_scenarios_hold_a_deeper_statement():
    with_deeper = [s.id for s in SCENARIOS if any(_is_full(t.deeper) for t in s.turns)]
    assert len(with_deeper) >= DEEPER_SCENARIOS, with_deeper


def _is_full(deeper) -> bool:
    """A deeper statement held to the rules of any statement: three model answers, three examples."""
    return deeper is not None and len(deeper.model_answers) >= 3 and len(deeper.examples) >= 3


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_every_deeper_statement_is_full(scenario):
    for number, turn in enumerate(scenario.turns, start=1):
        if turn.deeper is not None:
            assert _is_full(turn.deeper), f"{scenario.id} statement {number} (deeper): 3 model answers, 3 examples"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_every_deeper_statement_can_be_reached(scenario):
    """A student who reflects well from the first statement on opens the client enough to hear it."""
    openness = scenario.openness
    for number, turn in enumerate(scenario.turns, start=1):
        openness = moved(openness, CHANGE["reflected"])
        if turn.deeper is not None:
            assert opens_deeper(openness), f"{scenario.id} statement {number} (deeper): never said"
