"""The conversation keys of the scenario format (reactions, guarded, deeper, openness): what
they load as, and every mistake named by file, line and plain words."""

from __future__ import annotations

import textwrap

import pytest
from test_loader import VALID, problems_of, write

from trainer.loader import load_file
from trainer.model import DEFAULT_OPENNESS, Reaction, reaction_keys
from trainer.schema import scenario_schema
from trainer.scoring import lexicons

# A statement written as a conversation, to be added to VALID's first turn (line 16 on).
CONVERSATION = textwrap.indent(
    textwrap.dedent("""\
    guarded: Lost my job. Whatever.
    reactions:
      reflected: {say: "Yeah. Out of nowhere.", cue: looks up}
      partly: Kind of.
      probing: I don't know why.
    deeper:
      client: I haven't told my wife yet.
      model_answers:
        - You're carrying this on your own for now, and that feels heavy.
      reactions:
        blocked: Forget it.
    """),
    "    ",
)


def conversation(text: str = CONVERSATION, top: str = "") -> str:
    return VALID.replace("turns:\n", f"{top}turns:\n") + text


def test_a_scenario_without_the_conversation_loads_as_before(tmp_path):
    scenario = load_file(write(tmp_path, "plain.yaml", VALID)).scenario
    turn = scenario.turns[0]
    assert (turn.reactions, turn.guarded, turn.deeper) == ({}, None, None)
    assert scenario.openness == DEFAULT_OPENNESS == 3 and not scenario.converses


def test_reactions_guarded_deeper_and_openness_load(tmp_path):
    scenario = load_file(write(tmp_path, "talk.yaml", conversation(top="openness: 2\n"))).scenario
    turn = scenario.turns[0]
    assert scenario.openness == 2 and scenario.converses
    assert turn.guarded == "Lost my job. Whatever."
    assert turn.reactions == {
        "reflected": Reaction(say="Yeah. Out of nowhere.", cue="looks up"),
        "partly": Reaction(say="Kind of."),
        "probing": Reaction(say="I don't know why."),
    }
    assert turn.deeper.client == "I haven't told my wife yet."
    assert turn.deeper.reactions["blocked"].say == "Forget it."
    assert scenario.statement(1, deeper=True) is turn.deeper and scenario.statement(2) is None
    assert turn.wordings == (turn.client, turn.guarded)


def test_an_openness_alone_makes_a_conversation(tmp_path):
    assert load_file(write(tmp_path, "open.yaml", conversation("", top="openness: 3\n"))).scenario.converses


def test_every_roadblock_of_the_lexicon_is_a_reaction_key():
    """Read from trainer/data/roadblocks.yaml, so a roadblock added there is a key at once."""
    assert reaction_keys() == (
        "reflected",
        "partly",
        "questioned",
        "blocked",
        "self_focus",
        "other",
        *lexicons.roadblocks(),
    )


@pytest.mark.parametrize(
    "old, new, line, message",
    [
        ("      reflected:", "      reflcted:", 18, "turn 1: unknown reaction key 'reflcted': did you mean reflected?"),
        (
            "      probing:",
            "      reasuring:",
            20,
            "turn 1: unknown reaction key 'reasuring': did you mean reassuring?",
        ),
        (
            "      partly: Kind of.",
            "      partly: [Kind of, Sort of]",
            19,
            "turn 1: reaction 'partly' must be a line of text, "
            "or a mapping with 'say' (the line) and an optional 'cue'",
        ),
        (
            "      partly: Kind of.",
            "      partly:",
            19,
            "turn 1: reaction 'partly' must be a line of text, "
            "or a mapping with 'say' (the line) and an optional 'cue'",
        ),
        (
            "      partly: Kind of.",
            "      partly: ''",
            19,
            "turn 1, reaction 'partly': 'say' is empty; write some text",
        ),
        (
            '{say: "Yeah. Out of nowhere.", cue: looks up}',
            "{cue: looks up}",
            18,
            "turn 1, reaction 'reflected': missing required key 'say'",
        ),
        (
            '{say: "Yeah. Out of nowhere.", cue: looks up}',
            '{says: "Yeah."}',
            18,
            "turn 1, reaction 'reflected': unknown key 'says': did you mean say?",
        ),
        ("    guarded: Lost my job. Whatever.", "    guarded: ''", 16, "turn 1: 'guarded' is empty; write some text"),
        (
            "    guarded: Lost my job. Whatever.",
            "    guarded: [a, b]",
            16,
            "turn 1: 'guarded' must be text, not a list",
        ),
        (
            "      client: I haven't told my wife yet.\n",
            "",
            22,
            "turn 1, deeper statement: missing required key 'client'",
        ),
        (
            "        - You're carrying this on your own for now, and that feels heavy.\n",
            "",
            23,
            "turn 1, deeper statement: 'model_answers' must be a list",
        ),
        (
            "        blocked: Forget it.",
            "        blokced: Forget it.",
            26,
            "turn 1, deeper statement: unknown reaction key 'blokced': did you mean blocked?",
        ),
        (
            "      client: I haven't told my wife yet.",
            "      client: I haven't told my wife yet.\n      guarded: No.",
            23,
            "turn 1, deeper statement: a deeper statement has no 'guarded' text: it is said only when openness "
            "is high, so a guarded version would never be heard",
        ),
        (
            "      client: I haven't told my wife yet.",
            "      client: I haven't told my wife yet.\n      deeper: {client: More., model_answers: [x]}",
            23,
            "turn 1, deeper statement: a deeper statement cannot have a deeper statement of its own",
        ),
        (
            "      reactions:\n        blocked",
            "      reaction:\n        blocked",
            25,
            "turn 1, deeper statement: unknown key 'reaction': did you mean reactions?",
        ),
    ],
)
def test_each_mistake_in_the_conversation_is_named_with_its_line(tmp_path, old, new, line, message):
    text = conversation()
    assert old in text
    found = problems_of(write(tmp_path, "talk.yaml", text.replace(old, new)))
    assert any(at == line and said.startswith(message) for at, said in found), found


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("    reactions: [Yeah., Kind of.]\n", 16, "turn 1: 'reactions' must be a mapping of keys"),
        ("    reactions: Yeah.\n", 16, "turn 1: 'reactions' must be a mapping of keys"),
        ("    deeper: Honestly, I never told anyone.\n", 16, "turn 1: 'deeper' must be a mapping of keys"),
        ("    deeper: [I never told anyone.]\n", 16, "turn 1: 'deeper' must be a mapping of keys"),
    ],
)
def test_reactions_and_deeper_of_the_wrong_shape_are_explained(tmp_path, text, line, message):
    assert (line, message) in problems_of(write(tmp_path, "shape.yaml", conversation(text)))


@pytest.mark.parametrize(
    "value, message",
    [
        (
            "0",
            "'openness' is 0 but must be a whole number from 1 to 5 "
            "(1 closed, 2 guarded, 3 wary, 4 opening up, 5 open)",
        ),
        ("6", "'openness' is 6 but must be a whole number from 1 to 5"),
        ("high", "'openness' is high but must be a whole number from 1 to 5"),
        ("2.5", "'openness' is 2.5 but must be a whole number from 1 to 5"),
    ],
)
def test_an_openness_out_of_range_names_the_levels(tmp_path, value, message):
    found = problems_of(write(tmp_path, "open.yaml", conversation(top=f"openness: {value}\n")))
    assert found[0][0] == 7 and found[0][1].startswith(message), found


def test_the_schema_lists_every_reaction_key_and_both_shapes():
    definitions = scenario_schema()["$defs"]
    reactions = definitions["Statement"]["properties"]["reactions"]
    assert list(reactions["properties"]) == list(reaction_keys()) and reactions["additionalProperties"] is False
    assert reactions["properties"]["reflected"]["anyOf"] == [
        {"type": "string", "minLength": 1},
        {"$ref": "#/$defs/Reaction"},
    ]
    assert set(definitions["Reaction"]["properties"]) == {"say", "cue"}
    turn_keys = set(definitions["Statement"]["properties"])
    assert set(definitions["DeeperStatement"]["properties"]) == turn_keys - {"guarded", "deeper"}
    assert scenario_schema()["properties"]["openness"]["minimum"] == 1
