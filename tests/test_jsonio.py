"""Strict JSON: what Python's json reads but could not write back, or would take the stack, is refused."""

from __future__ import annotations

import pytest

from trainer import jsonio


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
