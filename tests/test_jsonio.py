"""Strict JSON: what Python's json reads but could not write back, or would take the stack, is refused."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer import jsonio
from trainer.terminal import CONTROLS


@pytest.mark.parametrize(
    "text, problem",
    [
        ('{"id": ' + "1" * 5000 + "}", "a number 5,000 digits long"),
        ('{"turn": -' + "9" * 101 + "}", "a number 101 digits long"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"id": "\\ud800"}', "lone surrogate"),
        ('{"student": "x\\uDFFF"}', "lone surrogate"),
        ('{"model_answers": ["fine", "\\udc80"]}', "lone surrogate"),
        ('{"\\ud800": 1}', "lone surrogate"),
        ('{"id": NaN}', "NaN is not a JSON number"),
        ('{"id": -Infinity}', "-Infinity is not a JSON number"),
        ('{"id": 1e999}', "the number 1e999 is too large"),
        ("{not json", "not valid JSON"),
    ],
)
def test_what_could_not_be_written_back_is_refused(text, problem):
    with pytest.raises(jsonio.JsonProblem) as caught:
        jsonio.parse(text)
    assert problem in caught.value.message


def test_plain_json_reads_as_always():
    text = '{"id": ' + "7" * 100 + ', "emoji": "\\ud83d\\ude00", "x": [1.5, -2, "\\\\ud800"]}'
    assert jsonio.parse(text) == {"id": int("7" * 100), "emoji": "\U0001f600", "x": [1.5, -2, "\\ud800"]}


def test_a_syntax_error_keeps_its_line():
    with pytest.raises(jsonio.JsonProblem) as caught:
        jsonio.parse('{\n"a": 1,\n}')
    assert caught.value.line == 3


def test_depth_counts_without_recursion():
    deep: list = []
    for _ in range(50_000):
        deep = [deep]
    assert jsonio.depth(deep) == 50_001
    assert jsonio.depth("text") == 0 and jsonio.depth({"a": [1, {"b": []}]}) == 4


def test_dumps_refuses_what_is_not_json():
    with pytest.raises(ValueError):
        jsonio.dumps({"id": float("nan")})
    assert jsonio.dumps({"name": "Zoë"}) == '{"name": "Zoë"}'


# ---------------------------------------------------------------------------- fast ways, same results

JSON_TEXT = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(value=JSON_TEXT, indent=st.sampled_from([None, 2]))
def test_dumps_escapes_every_control_character_as_it_always_did(value, indent):
    """json.dumps escapes the C0 controls itself; what is left to escape is what CONTROLS finds."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, indent=indent)
    assert jsonio.dumps(value, indent=indent) == CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    assert not CONTROLS.search(jsonio.dumps(value, indent=indent))


# Tokens that parse refuses or reads its own way, and a string that only looks like them.
SPECIAL = st.sampled_from(
    ["NaN", "-Infinity", "1e5", "2E-400", "1.5e+10", "1" * 101, "-" + "9" * 120, '"\\ud800"', '"NaN, 3e104"']
)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(value=JSON_TEXT, special=st.none() | SPECIAL)
def test_plain_text_reads_the_same_without_the_checks_of_every_number(value, special):
    """What ``is_plain`` lets through, a standard parser reads exactly as ``parse`` does; what
    ``parse`` refuses is never plain."""
    text = "[" + json.dumps(value, ensure_ascii=False) + ("" if special is None else f", {special}") + "]"
    try:
        parsed = jsonio.parse(text)
    except jsonio.JsonProblem:
        assert not jsonio.is_plain(text)
        return
    if jsonio.is_plain(text):
        assert json.loads(text) == parsed
