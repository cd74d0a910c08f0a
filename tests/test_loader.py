"""Loading scenario files: every problem named by file, line and plain words; hostile files
do no harm; one bad file never stops the good ones."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from trainer.loader import MAX_FILE_BYTES, load_file, load_paths
from trainer.scenario_format import Scenario
from trainer.schema import scenario_schema

VALID = textwrap.dedent("""\
    id: sample-one
    title: A Sample
    difficulty: beginner
    persona:
      name: Ada
      age: 30
    turns:
      - client: I lost my job today.
        feelings: [afraid, ashamed]
        content: [lost job]
        model_answers:
          - It sounds like losing your job has left you scared.
        examples:
          - response: You should look for another one.
            expect: not_yet
    """)


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[tuple[int | None, str]]:
    loaded = load_file(path)
    assert loaded.scenario is None, "expected the file to be refused"
    return [(p.line, p.message) for p in loaded.problems]


def test_a_valid_file_loads(tmp_path):
    loaded = load_file(write(tmp_path, "ok.yaml", VALID))
    assert loaded.problems == ()
    scenario = loaded.scenario
    assert scenario.id == "sample-one" and scenario.persona.age == 30
    assert scenario.turns[0].examples[0].expect.value == "not_yet"


def test_plain_words_stay_text(tmp_path):
    """YAML 1.1 would read `No` as false and `19` as a number; a client saying "No" must stay "No"."""
    text = VALID.replace("I lost my job today.", "No").replace("title: A Sample", "title: 1984")
    scenario = load_file(write(tmp_path, "no.yaml", text)).scenario
    assert scenario.turns[0].client == "No" and scenario.title == "1984"


def test_an_unknown_key_is_named_with_the_nearest_valid_one(tmp_path):
    text = VALID.replace("    model_answers:", "    modle_answers:")
    found = problems_of(write(tmp_path, "typo.yaml", text))
    assert (11, "turn 1: unknown key 'modle_answers': did you mean model_answers?") in found
    assert any("missing required key 'model_answers'" in message for _, message in found)


def test_an_unknown_top_level_key_lists_the_valid_ones_when_nothing_is_close(tmp_path):
    found = problems_of(write(tmp_path, "extra.yaml", VALID + "zzz: 1\n"))
    assert found[0][0] == 16 and "unknown key 'zzz'" in found[0][1] and "valid keys here: id, title" in found[0][1]


def test_a_duplicate_key_names_both_lines(tmp_path):
    found = problems_of(write(tmp_path, "dup.yaml", VALID.replace("title: A Sample", "title: A\ntitle: B")))
    assert found == [(3, "duplicate key 'title' (first given on line 2); keep one of them")]


def test_the_same_id_in_two_files_names_both_places(tmp_path):
    first = write(tmp_path, "a.yaml", VALID)
    second = write(tmp_path, "b.yaml", VALID)
    library = load_paths([tmp_path])
    assert [s.id for s in library.scenarios] == ["sample-one"]
    assert library.paths["sample-one"] == first
    (problem,) = library.problems
    assert problem.path == second and problem.line == 1
    assert f"already used by {first}:1" in problem.message


def test_tags_that_build_python_objects_are_refused(tmp_path):
    text = VALID.replace("title: A Sample", 'title: !!python/object/apply:os.system ["echo pwned"]')
    found = problems_of(write(tmp_path, "evil.yaml", text))
    assert found == [
        (2, "the tag !!python/object/apply:os.system is not allowed: scenario files hold plain text, lists and keys")
    ]


def test_a_custom_tag_is_refused(tmp_path):
    found = problems_of(write(tmp_path, "tag.yaml", VALID.replace("title: A Sample", "title: !shout hello")))
    assert found[0][0] == 2 and "tag !shout is not allowed" in found[0][1]


def test_an_alias_bomb_is_rejected(tmp_path):
    """Nine levels of nine aliases would expand to 387 million values; the loader stops early."""
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    found = problems_of(write(tmp_path, "bomb.yaml", "\n".join(lines) + "\n"))
    assert len(found) == 1 and "alias bomb" in found[0][1]


def test_a_plain_list_of_too_many_items_is_named_for_what_it_is(tmp_path):
    """166,000 items written out, no alias (332 KB, under the size limit): too many values, no bomb."""
    text = VALID.replace("title: A Sample", "title: A Sample\nskills: [" + ",".join(["a"] * 166_000) + "]")
    found = problems_of(write(tmp_path, "long.yaml", text))
    assert len(found) == 1 and "alias" not in found[0][1]
    assert found[0][1].startswith("the file holds more than 100,000 values")


def test_a_bomb_among_many_plain_items_is_still_a_bomb(tmp_path):
    text = "a: &a [" + ", ".join(["x"] * 5_000) + "]\nb: [" + ", ".join(["*a"] * 30) + "]\n"
    [(_, message)] = problems_of(write(tmp_path, "bomb.yaml", text))
    assert "alias bomb" in message


def test_merge_keys_are_refused(tmp_path):
    text = "base: &base {title: A}\nid: x\n<<: *base\n"
    found = problems_of(write(tmp_path, "merge.yaml", text))
    assert found == [(3, "merge keys ('<<') are not supported; write the keys out")]


def test_a_huge_file_is_refused_with_its_size(tmp_path):
    path = write(tmp_path, "huge.yaml", VALID + "#" * MAX_FILE_BYTES)
    found = problems_of(path)
    assert found[0][0] is None and "limited to 1 MB" in found[0][1] and "1.0 MB" in found[0][1]


def test_bytes_that_are_not_utf8_get_a_message_with_the_line(tmp_path):
    data = VALID.encode("utf-8").replace(b"A Sample", b"Caf\xe9")
    found = problems_of(write(tmp_path, "latin1.yaml", data))
    assert found == [(2, "the file is not UTF-8 text (byte 0xe9 at position 25); save it as UTF-8")]


def test_a_bom_and_windows_line_endings_are_fine(tmp_path):
    data = b"\xef\xbb\xbf" + VALID.replace("\n", "\r\n").encode("utf-8")
    loaded = load_file(write(tmp_path, "windows.yaml", data))
    assert loaded.problems == () and loaded.scenario.title == "A Sample"


def test_invalid_yaml_names_the_line(tmp_path):
    found = problems_of(write(tmp_path, "broken.yaml", VALID.replace("difficulty: beginner", "difficulty: [beginner")))
    assert found[0][0] is not None and found[0][1].startswith("this is not valid YAML")


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "the file is empty; a scenario needs at least id, title and turns"),
        ("- just\n- a list\n", "a scenario file must be a mapping of keys such as id, title and turns"),
    ],
)
def test_an_empty_file_or_a_list_is_explained(tmp_path, text, message):
    assert problems_of(write(tmp_path, "odd.yaml", text))[0][1] == message


def test_a_bad_band_suggests_the_nearest(tmp_path):
    found = problems_of(write(tmp_path, "band.yaml", VALID.replace("expect: not_yet", "expect: stong")))
    assert found == [
        (
            15,
            "turn 1, example 1: 'expect' is 'stong' but must be one of strong, good, "
            "developing, not_yet; did you mean strong?",
        )
    ]


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("id: sample-one", "id: Sample One", "'id' is 'Sample One': use only lowercase letters"),
        ("  age: 30", "  age: thirty", "'age' must be a whole number, not 'thirty'"),
        ("    feelings: [afraid, ashamed]", "    feelings: afraid", "'feelings' must be a list"),
        (
            "    model_answers:\n      - It sounds like losing your job has left you scared.",
            "    model_answers: []",
            "'model_answers' needs at least one entry",
        ),
        ("title: A Sample", "title: ''", "'title' is empty"),
    ],
)
def test_wrong_values_are_explained(tmp_path, old, new, expected):
    assert old in VALID
    found = problems_of(write(tmp_path, "wrong.yaml", VALID.replace(old, new)))
    assert any(expected in message for _, message in found), found


def test_a_missing_required_key_is_named(tmp_path):
    found = problems_of(write(tmp_path, "short.yaml", VALID.replace("title: A Sample\n", "")))
    assert found == [(1, "missing required key 'title'")]


def test_one_bad_file_never_stops_the_good_ones(tmp_path):
    write(tmp_path, "a-good.yaml", VALID)
    write(tmp_path, "b-bad.yaml", "id: [")
    write(tmp_path, "c-good.yaml", VALID.replace("sample-one", "sample-two"))
    library = load_paths([tmp_path])
    assert [s.id for s in library.scenarios] == ["sample-one", "sample-two"]
    assert [p.path.name for p in library.problems] == ["b-bad.yaml"]


def test_a_missing_path_is_a_problem_not_a_crash(tmp_path):
    library = load_paths([tmp_path / "nowhere"])
    assert [str(p) for p in library.problems] == [f"{tmp_path / 'nowhere'}: no such file or folder"]


def test_problems_read_as_file_line_message(tmp_path):
    path = write(tmp_path, "dup.yaml", "id: a\nid: b\n")
    assert str(load_file(path).problems[0]) == f"{path}:2: duplicate key 'id' (first given on line 1); keep one of them"


def test_the_json_schema_comes_from_the_model():
    schema = scenario_schema()
    assert schema == Scenario.model_json_schema()
    assert set(schema["required"]) == {"id", "title", "turns"}
    assert schema["additionalProperties"] is False
    json.dumps(schema)  # serialisable, for editors
