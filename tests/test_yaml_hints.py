"""YAML's own messages come with the likely slip in plain English, on the line to look at: a colon
in text, a tab, a quote left open, a line that does not line up (issue 14, part 5)."""

from __future__ import annotations

import textwrap

import pytest
import yaml

from trainer.loader import load_file
from trainer.yaml_hints import explain, quote

START = textwrap.dedent("""\
    id: sample-one
    title: A Sample
    persona:
      name: Ada
    turns:
      - client: I lost my job today.
        feelings: [afraid]
        model_answers:
          - It sounds like losing your job has left you scared.
    """)


def with_line(number: int, text: str) -> str:
    """START with line ``number`` (1-based) replaced by ``text``."""
    lines = START.splitlines()
    lines[number - 1] = text
    return "\n".join(lines) + "\n"


# (the file, the line reported, words the message must hold)
SLIPS = {
    "a colon in a title": (
        with_line(2, "title: Step 1: breathe"),
        2,
        [
            "mapping values are not allowed",
            "a colon followed by a space inside text that is not in quotes",
            'wrap the whole text in quotes: title: "Step 1: breathe"',
        ],
    ),
    "a colon in a statement": (
        with_line(6, "  - client: I told her: no more."),
        6,
        ['wrap the whole text in quotes: - client: "I told her: no more."'],
    ),
    "a colon at the end of a text": (with_line(2, "title: Note:"), 2, ['title: "Note:"']),
    "a line indented further than its key": (
        with_line(4, "  name: Ada\n   age: 30"),
        5,
        [
            "line 5 ('age: 30') is read as more of the text of 'name' on line 4, because it is indented further",
            "start it in column 3 like 'name'",
        ],
    ),
    "a key without its space": (
        "id:sample-one\ntitle: A Sample\n",
        2,
        ["lines 1 to 2 read as one text", "put a space after its colon"],
    ),
    "a tab for indentation": (
        with_line(4, "\tname: Ada"),
        4,
        ["a tab in the indentation: YAML indents with spaces only"],
    ),
    "a tab before a statement's key": (with_line(7, "\t feelings: [afraid]"), 7, ["a tab in the indentation"]),
    "a quote never closed": (
        with_line(2, 'title: "A Sample'),
        2,
        ['the text that opens with " on line 2 is never closed; end it with another "'],
    ),
    "a quote closed lines later": (
        with_line(2, "title: 'A Sample") + "summary: 'More'\n",
        2,
        ["the text that opens with ' on line 2 runs on to the ' on line 10", "is the closing ' missing on line 2?"],
    ),
    "an apostrophe inside single quotes": (
        with_line(2, "title: 'I'm fine'"),
        2,
        ["text goes on after its closing quote", """title: "I'm fine\""""],
    ),
    "text after a closing quote": (with_line(2, 'title: "Nobody" came'), 2, ["""title: '"Nobody" came'"""]),
    "a key out of line": (
        with_line(4, "    name: Ada\n  age: 30"),
        5,
        [
            "line 5 starts in column 3, which lines up with nothing above it: 'name' (line 4) starts in "
            "column 5, 'persona' (line 3) in column 1"
        ],
    ),
    "a statement's key out of line": (
        with_line(7, "   feelings: [afraid]"),
        7,
        ["line 7 starts in column 4", "'client' (line 6) starts in column 5, '-' (line 6) in column 3"],
    ),
    "a list item on its key's line": (
        with_line(7, "    feelings: - afraid"),
        7,
        ["a list item ('- ') goes on a line of its own"],
    ),
    "a list item among keys": ("id: sample-one\n- a\n", 2, ["a list item ('- ') where the next key should be"]),
    "a list not closed": (with_line(7, "    feelings: [afraid, hurt"), 7, ["the [ on line 7 is not closed"]),
    "a list left open at the end": ("id: [\n", 1, ["the [ on line 1 is not closed"]),
    "a backslash in double quotes": (
        with_line(2, 'title: "C:\\notes\\day"'),
        2,
        ["inside double quotes a backslash starts an escape", "title: 'C:\\notes\\day'"],
    ),
    "text that starts with @": (
        with_line(2, "title: @home"),
        2,
        ['text that starts with @ must be in quotes: title: "@home"'],
    ),
    "text that starts with *": (with_line(2, "title: *sigh*"), 2, ["text that starts with * must be in quotes"]),
    "a key without a colon": (with_line(2, "title"), 2, ["line 2 ('title') has no colon"]),
    "a folded text that loses its indentation": (
        with_line(6, "  - client: >-\n        I lost my job\n      today."),
        8,
        ["line 8 is indented less than the text above it, which starts in column 9 on line 7"],
    ),
}


def problems(tmp_path, text: str) -> list[tuple[int | None, str]]:
    path = tmp_path / "slip.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_file(path)
    assert loaded.scenario is None
    return [(p.line, p.message) for p in loaded.problems]


def test_the_starting_file_is_valid(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text(START, encoding="utf-8")
    assert load_file(path).problems == ()


@pytest.mark.parametrize("slip", SLIPS)
def test_each_slip_is_named_on_its_line(tmp_path, slip):
    text, line, words = SLIPS[slip]
    [(reported, message)] = problems(tmp_path, text)
    assert reported == line, message
    assert message.startswith("this is not valid YAML: ")
    for expected in words:
        assert expected in message


@pytest.mark.parametrize(
    "slip",
    [
        "a colon in a title",
        "a tab for indentation",
        "a quote never closed",
        "a key out of line",
        "a list not closed",
        "an apostrophe inside single quotes",
    ],
)
def test_the_pure_python_parser_gets_the_same_hints(slip):
    """PyYAML without libyaml words its errors differently; the hints do not depend on the wording."""
    text, line, words = SLIPS[slip]
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        yaml.SafeLoader(text).get_single_node()
    explained = explain(text, caught.value, yaml.SafeLoader)
    assert explained.line == line
    assert words[-1] in explained.message


@pytest.mark.parametrize(
    "slip, broken, fixed",
    [
        ("a colon in a title", "title: Step 1: breathe", 'title: "Step 1: breathe"'),
        ("a colon in a statement", "  - client: I told her: no more.", '  - client: "I told her: no more."'),
        ("an apostrophe inside single quotes", "title: 'I'm fine'", 'title: "I\'m fine"'),
        ("text after a closing quote", 'title: "Nobody" came', "title: '\"Nobody\" came'"),
        ("a backslash in double quotes", 'title: "C:\\notes\\day"', "title: 'C:\\notes\\day'"),
        ("text that starts with @", "title: @home", 'title: "@home"'),
    ],
)
def test_the_fix_a_hint_shows_makes_the_file_load(tmp_path, slip, broken, fixed):
    text = SLIPS[slip][0]
    [(_, message)] = problems(tmp_path, text)
    assert message.endswith(fixed.strip())
    path = tmp_path / "fixed.yaml"
    path.write_text(text.replace(broken, fixed), encoding="utf-8")
    assert load_file(path).problems == ()


def test_a_colon_in_a_list_of_texts_is_explained_where_the_model_catches_it(tmp_path):
    """'- It sounds like: you felt alone' is valid YAML -- a mapping -- so the check comes from the model."""
    text = START.replace("      - It sounds like losing", "      - It sounds like: losing")
    [(line, message)] = problems(tmp_path, text)
    assert line == 9
    assert message == (
        "turn 1: entry 1 of 'model_answers' must be text, not a mapping -- a colon followed by a "
        "space inside text that is not in quotes reads as a key; wrap the whole text in quotes"
    )


def test_text_that_starts_with_an_exclamation_mark_is_told_to_go_in_quotes(tmp_path):
    [(line, message)] = problems(tmp_path, with_line(2, "title: !Important"))
    assert line == 2 and message.endswith("(text that starts with ! must be in quotes)")


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("Step 1: breathe", '"Step 1: breathe"'),
        ("I'm fine", '"I\'m fine"'),
        ('He said "no"', "'He said \"no\"'"),
        ('"No," I\'m told', "'\"No,\" I''m told'"),
        ("C:\\notes", "'C:\\notes'"),
    ],
)
def test_quoted_text_reads_back_as_the_same_text(text, quoted):
    assert quote(text) == quoted
    assert yaml.safe_load(f"title: {quoted}") == {"title": text}
