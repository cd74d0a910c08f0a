"""Property-based tests (hypothesis) over everything that reads outside input: the scorer, the
batch scorer, grading, the scenario loader, stored progress rows and what is printed (issue 13).

Hostile but fair input -- any text, the word lists' own phrases run together with separators,
stacked contractions, JSON with odd numbers and nesting and lone surrogates, damaged exports and
scenario files -- must never raise, and whatever is written back must be strict JSON or CSV.

Deterministic and bounded, so the suite never flakes: ``derandomize`` fixes the examples (the
same every run), no example database is kept, no deadline is timed, and each property tries a
fixed number of examples with inputs of bounded size. The sizes stay well under what the reader
handles in linear time today (see docs/performance.md); long inputs are the benchmarks' job.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from functools import cache
from pathlib import Path

import yaml
from click.testing import CliRunner
from format_keys import format_keys
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trainer import jsonio
from trainer.batch import score_lines
from trainer.cli import cli
from trainer.grading import class_report, grade, write_gradebook
from trainer.loader import load_file, load_paths
from trainer.progress.rows import DamagedRow, read_row
from trainer.rubric import KINDS, band_for
from trainer.scoring import AdHocStatement, lexicons, score
from trainer.terminal import CONTROLS, printable

FIXTURES = Path(__file__).parent / "fixtures"
FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@cache
def library():
    return load_paths([FIXTURES / "scenarios"])


@cache
def phrases() -> list[str]:
    """Every short text in the word lists: what the reader looks for, so what stresses it most."""
    found, waiting = set(), [lexicons.feelings(), lexicons.roadblocks(), lexicons.language()]
    while waiting:
        item = waiting.pop()
        if isinstance(item, str) and len(item) < 40:
            found.add(item)
        elif isinstance(item, dict):
            waiting.extend(item)
            waiting.extend(item.values())
        elif isinstance(item, list):
            waiting.extend(item)
    return sorted(found)


SEPARATORS = st.sampled_from([" ", ", ", "; ", ": ", ". ", "? ", "! ", " -- ", "\n", "... ", " (", ") "])
PHRASE_SALAD = st.lists(st.tuples(st.sampled_from(phrases()), SEPARATORS), max_size=40).map(
    lambda parts: "".join(p + s for p, s in parts)
)
SUFFIXES = st.sampled_from(["'d", "'ll", "n't", "'ve", "'re", "'s", "'m"])
STACKED = st.builds(
    lambda word, mixed, suffix, times: word + "".join(mixed) + suffix * times,
    st.sampled_from(["I", "we", "you", "it", "don", "they"]),
    st.lists(SUFFIXES, max_size=8),
    SUFFIXES,
    st.integers(min_value=0, max_value=3000),
)  # "I'd'd'd...": 2,000 once overflowed
ANY_TEXT = st.text(max_size=400)  # every code point, lone surrogates and control characters too
RESPONSES = st.one_of(ANY_TEXT, PHRASE_SALAD, STACKED, st.text(alphabet="'.,;:!? -\n\tAaIi", max_size=300))
SHORT_TEXTS = st.lists(st.one_of(st.text(max_size=60), st.sampled_from(phrases())), max_size=4).map(tuple)


def assert_sound(feedback) -> None:
    """A feedback anyone can rely on: a score in range, its band, a known kind, strict JSON."""
    assert 0 <= feedback.score <= 100 and feedback.band == band_for(feedback.score)
    assert feedback.kind in KINDS
    assert all(0 <= c.points <= c.max_points for c in feedback.checks)
    jsonio.dumps(feedback.to_dict())


# ---------------------------------------------------------------------------- score


@settings(FUZZ, max_examples=300)
@given(
    client=st.one_of(st.text(max_size=200), PHRASE_SALAD),
    answers=SHORT_TEXTS,
    feelings=SHORT_TEXTS,
    content=SHORT_TEXTS,
    response=RESPONSES,
)
def test_score_takes_any_text_and_gives_a_sound_feedback(client, answers, feelings, content, response):
    statement = AdHocStatement(client, answers, feelings, content)
    feedback = score(statement, response)
    assert_sound(feedback)
    assert score(statement, response) == feedback  # the same input, the same output


@settings(FUZZ, max_examples=60)
@given(response=RESPONSES, which=st.integers(min_value=0))
def test_score_takes_any_text_for_a_scenario_statement(response, which):
    statements = [(s, t) for s in library().scenarios for t in s.turns]
    scenario, turn = statements[which % len(statements)]
    assert_sound(score(turn, response, scenario.client_name))


# ---------------------------------------------------------------------------- score --batch

JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=30)
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12,
)
ROW_VALUES = st.one_of(JSON_VALUES, RESPONSES, st.lists(st.text(max_size=40), max_size=3))
ROWS = st.fixed_dictionaries(
    {},
    optional={
        "id": JSON_VALUES,
        "response": ROW_VALUES,
        "client": ROW_VALUES,
        "model_answers": ROW_VALUES,
        "feelings": ROW_VALUES,
        "content": ROW_VALUES,
        "scenario": st.one_of(st.sampled_from(["lonely-birthday", "warning-demo", "nope"]), JSON_VALUES),
        "turn": st.one_of(st.integers(min_value=-2, max_value=6), JSON_VALUES),
    },
)
HOSTILE_LINES = st.sampled_from(
    [
        '{"id": ' + "9" * 5000 + ', "client": "x", "response": "y"}',
        "[" * 20_000,
        '{"id": NaN}',
        '{"id": 1e999, "client": "x", "response": "y"}',
        '{"id": "\\ud800", "client": "x", "response": "y"}',
        '{"client": "x", "response": "\\udfff"}',
        "{not json",
        "\ufeff{}",
        "null",
        "[]",
        '"text"',
        "  ",
    ]
)
LINES = st.lists(st.one_of(ROWS.map(json.dumps), HOSTILE_LINES, st.text(max_size=80)), min_size=1, max_size=6)


def strict(text: str) -> object:
    def refuse(name):
        raise AssertionError(f"{name} is not JSON")

    return json.loads(text, parse_constant=refuse)


@settings(FUZZ, max_examples=200)
@given(lines=LINES)
def test_batch_scores_or_reports_every_line_and_writes_strict_json(lines):
    raw = [line.encode("utf-8", "surrogatepass") + b"\n" for line in lines]
    out = list(score_lines(raw, library))
    assert len(out) == sum(1 for line in raw if line.strip())
    for row, scored in out:
        text = jsonio.dumps(row)
        text.encode("utf-8")  # always encodable
        assert strict(text) == row and not CONTROLS.search(text)
        assert ("error" not in row) == scored


@settings(FUZZ, max_examples=25)
@given(lines=LINES)
def test_the_batch_command_never_stops_on_a_line(lines):
    data = b"".join(line.encode("utf-8", "surrogatepass") + b"\n" for line in lines)
    result = CliRunner().invoke(cli, ["--scenarios", str(FIXTURES / "scenarios"), "score", "--batch", "-"], input=data)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1)
    rows = [strict(line) for line in result.stdout_bytes.decode("utf-8").splitlines()]
    assert len(rows) == sum(1 for line in data.split(b"\n") if line.strip())


# ---------------------------------------------------------------------------- grade

ATTEMPTS = st.lists(
    st.one_of(
        st.fixed_dictionaries(
            {
                "scenario": st.sampled_from(["lonely-birthday", "warning-demo", "nope"]),
                "turn": st.integers(min_value=-1, max_value=6),
                "response": RESPONSES,
            },
            optional={"client": st.one_of(st.text(max_size=60), JSON_VALUES)},
        ),
        JSON_VALUES,
    ),
    max_size=5,
)
EXPORTS = st.one_of(
    st.fixed_dictionaries(
        {"attempts": ATTEMPTS}, optional={"student": st.one_of(st.text(max_size=30), JSON_VALUES)}
    ).map(json.dumps),
    JSON_VALUES.map(json.dumps),
    HOSTILE_LINES,
    st.text(max_size=200),
)


@settings(FUZZ, max_examples=100)
@given(files=st.lists(EXPORTS, min_size=1, max_size=4))
def test_grade_grades_or_reports_every_file(files):
    with tempfile.TemporaryDirectory() as folder:
        for n, text in enumerate(files):
            (Path(folder) / f"student-{n}.json").write_bytes(text.encode("utf-8", "surrogatepass"))
        grading = grade([folder], library())
        gradebook = io.StringIO()
        write_gradebook(grading, gradebook)
        report = class_report(grading, names=True)
    assert len(grading.students) + len({p.path for p in grading.problems if "file skipped" in p.message}) == len(files)
    rows = list(csv.DictReader(io.StringIO(gradebook.getvalue())))
    assert all(not row["student"].startswith(("=", "+", "-", "@")) for row in rows)
    gradebook.getvalue().encode("utf-8") and report.encode("utf-8")
    for problem in grading.problems + grading.notes:
        assert not CONTROLS.search(printable(str(problem)))


# ---------------------------------------------------------------------------- the loader

VALID_SCENARIO = (FIXTURES / "scenarios" / "lonely-birthday.yaml").read_text(encoding="utf-8")
YAML_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=40)),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=15,
)
SCENARIO_KEYS = st.sampled_from([*format_keys(), "titel"])  # and a slip
SCENARIO_LIKE = st.dictionaries(SCENARIO_KEYS, YAML_VALUES, max_size=8).map(
    lambda data: yaml.safe_dump(data, allow_unicode=True)
)


@st.composite
def damaged_scenarios(draw) -> str:
    """The bundled fixture with a few characters cut, inserted or swapped: near-misses of a real file."""
    text = VALID_SCENARIO
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        at = draw(st.integers(min_value=0, max_value=len(text)))
        cut = draw(st.integers(min_value=0, max_value=20))
        text = text[:at] + draw(st.text(alphabet=":-[]{}&*!|>'\"#\n \t\\e", max_size=4)) + text[at + cut :]
    return text


@settings(FUZZ, max_examples=200)
@given(text=st.one_of(damaged_scenarios(), SCENARIO_LIKE, st.text(max_size=300)))
def test_the_loader_loads_or_explains_any_file(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yaml"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        loaded = load_file(path)
    assert (loaded.scenario is None) == bool(loaded.problems)
    for problem in loaded.problems:
        assert problem.line is None or problem.line >= 1
        assert problem.message and not CONTROLS.search(printable(str(problem)))
    if loaded.scenario is not None:  # what loads can be shown and scored
        assert not any(CONTROLS.search(t.client) for t in loaded.scenario.turns)
        assert_sound(score(loaded.scenario.turns[0], "It sounds like you felt alone."))


# ---------------------------------------------------------------------------- stored rows and printing

GOOD_ROW = (
    7,
    "lonely-birthday",
    1,
    "Nobody called.",
    "You felt alone.",
    70,
    "good",
    "reflection",
    '[{"id": "feeling", "passed": true, "points": 25, "max_points": 25, "message": "Named."}]',
    '["advising"]',
    '["Well done."]',
    "2025-03-10T12:00:00+00:00",
    "s1",
    1,
    '{"say": "Yeah.", "cue": "looks up"}',
    3,
    4,
)
SQLITE_VALUES = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(),
    st.text(max_size=40),
    st.binary(max_size=20),
    JSON_VALUES.map(json.dumps),
    HOSTILE_LINES,
)


@settings(FUZZ, max_examples=200)
@given(damage=st.dictionaries(st.integers(min_value=1, max_value=len(GOOD_ROW) - 1), SQLITE_VALUES, max_size=3))
def test_a_stored_row_is_read_whole_or_skipped_as_damaged(damage):
    row = tuple(damage.get(i, value) for i, value in enumerate(GOOD_ROW))
    try:
        attempt = read_row(row)
    except DamagedRow as damaged:
        assert damaged.field
        return
    assert 0 <= attempt.score <= 100 and attempt.turn >= 1 and attempt.at.tzinfo is not None
    jsonio.dumps(attempt.to_dict())


@settings(FUZZ, max_examples=200)
@given(text=st.text())
def test_printable_leaves_no_control_character_and_changes_nothing_else(text):
    shown = printable(text)
    assert not CONTROLS.search(shown)
    if not CONTROLS.search(text):
        assert shown == text
