"""The quick check (``trainer.scenario_data``) builds exactly what the full check (the pydantic
models of ``trainer.scenario_format``) gives, and never accepts what the full check refuses; so
the loader's problems and scenarios are those of the full check, whichever way a file went."""

from __future__ import annotations

import dataclasses
import sys
import unicodedata

import pytest
import yaml
from conftest import FIXTURES
from format_keys import format_keys
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter, ValidationError

from trainer import model
from trainer.loader import bundled_scenarios_dir, load_file
from trainer.scenario_data import WHITE_SPACE, reaction_from_data, scenario_from_data
from trainer.scenario_format import NonEmptyText, Reaction, Scenario
from trainer.yaml_reading import parse

SCENARIO_FILES = sorted([*bundled_scenarios_dir().glob("*.yaml"), *FIXTURES.rglob("*.yaml")])
QUICK = settings(
    derandomize=True, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=400
)


def assert_same(built: object, checked: object, where: str = "scenario") -> None:
    """``built`` (plain classes) holds what ``checked`` (pydantic models) holds, field by field."""
    if isinstance(checked, BaseModel):
        assert dataclasses.is_dataclass(built), where
        names = {f.name for f in dataclasses.fields(built)}
        assert set(type(checked).model_fields) <= names, where
        for name in type(checked).model_fields:
            assert_same(getattr(built, name), getattr(checked, name), f"{where}.{name}")
        if "openness_given" in names:
            assert built.openness_given == ("openness" in checked.model_fields_set), where
    elif isinstance(checked, list):
        assert type(built) is list and len(built) == len(checked), where
        for n, (b, c) in enumerate(zip(built, checked)):
            assert_same(b, c, f"{where}[{n}]")
    elif isinstance(checked, dict):
        assert type(built) is dict and list(built) == list(checked), where
        for key in checked:
            assert_same(built[key], checked[key], f"{where}[{key!r}]")
    else:
        assert type(built) is type(checked) and built == checked, where


def full_check(data: object) -> Scenario | None:
    try:
        return Scenario.model_validate(data)
    except ValidationError:
        return None


def assert_agree(data: object) -> None:
    """What the quick check builds is what the full check gives; and what the full check gives
    (as the loader hands it back) the quick check always builds."""
    quick, full = scenario_from_data(data), full_check(data)
    if quick is not None:
        assert full is not None, "the quick check accepted what the format refuses"
        assert_same(quick, full)
    if full is not None:
        rebuilt = scenario_from_data(full.model_dump(mode="json", exclude_unset=True))
        assert rebuilt is not None
        assert_same(rebuilt, full)


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.name)
def test_every_scenario_we_have_is_built_as_the_full_check_gives_it(path):
    _, data = parse(path.read_text(encoding="utf-8-sig"))
    assert_agree(data)
    if full_check(data) is not None:
        assert scenario_from_data(data) is not None  # a valid file takes the quick way


def test_loading_the_bundled_library_needs_no_pydantic():
    import subprocess

    code = (
        "import sys; from trainer.loader import load_library; library = load_library(); "
        "assert library.scenarios and not library.problems; print('pydantic' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_the_white_space_stripped_is_pydantics():
    strip = TypeAdapter(NonEmptyText).validate_python
    candidates = [c for c in map(chr, range(0x3001)) if c.isspace() or unicodedata.category(c)[0] in "ZC"]
    candidates += ["\u205f", "\u3000", "\ufeff", "\u200b"]
    stripped = {c for c in candidates if not 0xD800 <= ord(c) <= 0xDFFF and strip(f"{c}x{c}") == "x"}
    assert stripped == set(WHITE_SPACE)


def test_a_reaction_reads_as_the_format_reads_it():
    for data in [{"say": " Yeah. ", "cue": "shrugs"}, {"say": "Hm."}, {"say": "Hm.", "cue": None}]:
        assert_same(reaction_from_data(data), Reaction.model_validate(data))
    for refused in [{"say": " "}, {"cue": "x"}, {"say": "x", "extra": 1}, "Yeah.", None, {"say": 5}]:
        assert reaction_from_data(refused) is None


# ---------------------------------------------------------------------------- mutations

BASE = parse((FIXTURES / "conversation" / "drifting-apart.yaml").read_text(encoding="utf-8"))[1]
VALUES = st.one_of(
    st.sampled_from(
        [
            None,
            "",
            " ",
            "x",
            " padded\n",
            "\u00a0nbsp\u3000",
            "\x1cfs",
            "19",
            "019",
            "+19",
            " 19",
            "1_9",
            "19.0",
            "0",
            "130",
            "131",
            "-1",
            "3",
            "6",
            "beginner",
            "Beginner",
            "strong",
            "not_yet",
            "reflected",
            "advising",
            "no-such-key",
            "Lonely-Birthday",
            "a-b",
            "a--b",
            "x" * 81,
            [],
            [""],
            ["x", " y "],
            [None],
            {},
            {"say": "x"},
            {"say": " "},
            {"say": "x", "cue": None},
            {"x": "y"},
            [{"response": "r", "expect": "good"}],
        ]
    ),
    st.text(max_size=6),
    st.integers(-2, 200),
    st.booleans(),
)
KEYS = st.sampled_from([*format_keys(), "extra"])  # and one the format does not have


@st.composite
def mutated(draw) -> dict:
    """The fixture's data with a few edits anywhere in it: a value changed, a key removed or added."""
    import copy

    data = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 3))):
        node = data
        while True:
            children = list(node) if isinstance(node, dict) else list(range(len(node)))
            if not children or draw(st.booleans()):
                break
            child = node[draw(st.sampled_from(children))]
            if not isinstance(child, (dict, list)):
                break
            node = child
        action = draw(st.sampled_from(["set", "remove", "add"]))
        if isinstance(node, dict):
            key = draw(KEYS if action == "add" or not node else st.sampled_from(list(node)))
            if action == "remove":
                node.pop(key, None)
            else:
                node[key] = copy.deepcopy(draw(VALUES))  # the pool's lists and mappings stay as they are
        elif node:
            index = draw(st.integers(0, len(node) - 1))
            if action == "remove":
                del node[index]
            else:
                node[index] = copy.deepcopy(draw(VALUES))
    return data


@QUICK
@given(mutated())
def test_the_quick_check_agrees_with_the_full_check_on_any_edit(data):
    assert_agree(data)


def test_the_yaml_reader_tells_null_from_text_as_yamls_own_resolver_does(tmp_path):
    """The reader's resolver knows only null, merge and value: every other plain scalar is text,
    as it was when YAML's resolver read it as a number, a date or a boolean."""
    words = ["", "~", "null", "Null", "NULL", "nULL", "<<", "=", "==", "yes", "No", "true", "19", "0x1F", "1e3",
             ".inf", "2024-01-01", "12:30", "-", "?x", "null ", "'null'"]  # fmt: skip
    for word in words:
        text = f"value: {word}\nlist: [{word}]\n"
        assert reads_alike(text), word


def reads_alike(text: str) -> bool:
    """Whether the reader tells the values of ``text`` apart as YAML's own resolver does (what
    YAML refuses is not asked)."""
    try:
        expected = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return True
    return [tag_of(n) for n in flat(parse_nodes(text))] == [tag_of(n) for n in flat(expected)]


def parse_nodes(text: str) -> yaml.Node:
    """The node tree as the scenario reader composes it."""
    from trainer.yaml_reading import _Loader

    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def flat(node):
    yield node
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from flat(item)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from flat(key)
            yield from flat(value)


def tag_of(node) -> str:
    """What the reader makes of a node's tag: null, merge, value, or text of some kind."""
    tag = node.tag.rsplit(":", 1)[-1]
    return tag if tag in ("null", "merge", "value", "seq", "map") else "text"


@QUICK
@given(st.text(alphabet=st.sampled_from("nulNUL~<=>-:#'\" .01yYeEsSoOtT\t"), max_size=6))
def test_any_plain_word_is_read_as_yamls_own_resolver_reads_it(word):
    assert reads_alike(f"a: {word}\n")


def test_a_loaded_file_is_the_same_scenario_either_way(tmp_path):
    """A file the quick check leaves to the full check (numbers written oddly, padded text)
    loads as the same scenario as its tidy twin."""
    tidy = (FIXTURES / "scenarios" / "lonely-birthday.yaml").read_text(encoding="utf-8")
    odd = tidy.replace("age: 19", 'age: "+19"').replace("title: Nobody Remembered", "title: ' Nobody Remembered '")
    assert odd.count("+19") == 1 and odd.count(" Nobody Remembered '") == 1
    (tmp_path / "odd.yaml").write_text(odd, encoding="utf-8")
    _, data = parse(odd)
    assert scenario_from_data(data) is None  # the full check decides
    loaded = load_file(tmp_path / "odd.yaml")
    assert loaded.problems == () and isinstance(loaded.scenario, model.Scenario)
    assert_same(loaded.scenario, Scenario.model_validate(data))
    assert (loaded.scenario.persona.age, loaded.scenario.title) == (19, "Nobody Remembered")


def test_data_that_is_no_mapping_is_left_to_the_full_check():
    assert scenario_from_data(None) is None and scenario_from_data([]) is None and scenario_from_data("id") is None
