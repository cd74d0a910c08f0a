"""Hostile input to ``trainer score --batch`` and ``trainer grade`` (issue 13, crashes 1 and 2).

Each case is the exact class of input that once raised a traceback and stopped the run: now
the line (batch) or the file (grade) is reported and skipped, the rest go on, the exit code is
1, and what is written is always strict JSON that encodes as UTF-8.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from trainer import batch
from trainer.cli import cli

CLIENT = "My birthday was Saturday and nobody called."
GOOD = json.dumps({"id": "last", "client": CLIENT, "response": "You felt forgotten."})
STACKED = "I" + "'d" * 1000  # about 2 KB; once a RecursionError

HOSTILE_LINES = {
    "5,000-digit id": '{"id": ' + "1" * 5000 + ', "client": "x", "response": "y"}',
    "5,000-digit turn": '{"scenario": "lonely-birthday", "turn": ' + "1" * 5000 + ', "response": "y"}',
    "nested 100,000 deep": "[" * 100_000 + "]" * 100_000,
    "lone surrogate in id": '{"id": "\\ud800", "client": "x", "response": "y"}',
    "lone surrogate in student": '{"student": "\\ud800", "client": "x", "response": "y"}',
    "lone surrogate in model_answers": '{"client": "x", "response": "y", "model_answers": ["\\ud800"]}',
    "NaN id": '{"id": NaN, "client": "x", "response": "y"}',
    "1e999 id": '{"id": 1e999, "client": "x", "response": "y"}',
    "id nested too deep to echo": '{"id": ' + "[" * 500 + "]" * 500 + ', "client": "x", "response": "y"}',
}


def strict_lines(raw: bytes) -> list[dict]:
    """Every line decodes as UTF-8 and parses as standard JSON (no NaN, no Infinity)."""

    def refuse(name):
        raise AssertionError(f"{name} in the output")

    return [json.loads(line, parse_constant=refuse) for line in raw.decode("utf-8").splitlines()]


@pytest.mark.parametrize("line", HOSTILE_LINES.values(), ids=HOSTILE_LINES.keys())
def test_a_hostile_batch_line_is_reported_and_the_next_one_scored(line, scenario_dir):
    result = CliRunner().invoke(
        cli, ["--scenarios", str(scenario_dir), "score", "--batch", "-"], input=f"{line}\n{GOOD}\n"
    )
    assert result.exit_code == 1, result.output
    first, last = strict_lines(result.stdout_bytes)
    assert first["id"] == 1 and first["error"].startswith("line 1: ")
    assert last["id"] == "last" and last["kind"] == "reflection"


def test_stacked_contractions_are_scored_and_the_batch_goes_on():
    rows = [json.dumps({"id": 1, "client": CLIENT, "response": STACKED}), GOOD]
    result = CliRunner().invoke(cli, ["score", "--batch", "-"], input="\n".join(rows) + "\n")
    assert result.exit_code == 0
    first, last = strict_lines(result.stdout_bytes)
    assert "score" in first and last["id"] == "last"


def test_a_line_over_the_limit_is_skipped_unread(monkeypatch):
    monkeypatch.setattr(batch, "MAX_LINE_BYTES", 1000)
    long_line = json.dumps({"client": CLIENT, "response": "x" * 5000})
    lines = list(batch.read_lines(io.BytesIO(f"{long_line}\n{GOOD}\n".encode())))
    assert len(lines[0]) == 1001 and lines[1] == GOOD.encode() + b"\n"
    [(first, ok), (last, _)] = batch.score_lines(lines, lambda: None)
    assert not ok and first == {"id": 1, "error": "line 1: longer than 1,000 bytes; a line holds one response"}
    assert last["id"] == "last"


EXPORT = {
    "student": "Ana",
    "attempts": [{"scenario": "lonely-birthday", "turn": 1, "response": "You felt forgotten on your birthday."}],
}

HOSTILE_EXPORTS = {
    "5,000-digit turn": (
        '{"student": "B", "attempts": [{"scenario": "lonely-birthday", "turn": ' + "1" * 5000 + ', "response": "x"}]}'
    ),
    "nested 100,000 deep": '{"student": "C", "attempts": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "lone surrogate in student": '{"student": "\\ud800", "attempts": []}',
    "lone surrogate in response": (
        '{"student": "D", "attempts": [{"scenario": "lonely-birthday", "turn": 1, "response": "\\ud800"}]}'
    ),
    "NaN turn": '{"student": "E", "attempts": [{"scenario": "lonely-birthday", "turn": NaN, "response": "x"}]}',
    "1e999 turn": '{"student": "E", "attempts": [{"scenario": "lonely-birthday", "turn": 1e999, "response": "x"}]}',
}


@pytest.mark.parametrize("text", HOSTILE_EXPORTS.values(), ids=HOSTILE_EXPORTS.keys())
def test_a_hostile_export_is_reported_and_the_class_still_graded(text, tmp_path):
    (tmp_path / "ana.json").write_text(json.dumps(EXPORT), encoding="utf-8")
    (tmp_path / "hostile.json").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["grade", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{tmp_path / 'hostile.json'}: " in result.stderr and "file skipped" in result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8"))))
    assert [(r["student"], r["scenario"]) for r in rows] == [("Ana", "lonely-birthday"), ("Ana", "(overall)")]


def test_a_huge_wrong_value_is_named_briefly(tmp_path):
    export = {"student": "Ana", "attempts": [{"scenario": "lonely-birthday", "turn": "x" * 100_000, "response": "ok"}]}
    (tmp_path / "ana.json").write_text(json.dumps(export), encoding="utf-8")
    result = CliRunner().invoke(cli, ["grade", str(tmp_path)])
    assert result.exit_code == 1 and len(result.stderr) < 1000
    assert "'turn' must be a whole number from 1 (the first statement), not 'xxx" in result.stderr


def test_stacked_contractions_are_graded(tmp_path):
    export = {"student": "Ana", "attempts": [{"scenario": "lonely-birthday", "turn": 1, "response": STACKED}]}
    (tmp_path / "ana.json").write_text(json.dumps(export), encoding="utf-8")
    result = CliRunner().invoke(cli, ["grade", str(tmp_path)])
    assert result.exit_code == 0 and "Ana,lonely-birthday" in result.stdout


def test_a_response_argument_that_is_not_utf8_is_a_usage_error(tmp_path):
    """Bytes that are not UTF-8 on the command line arrive as lone surrogates; they would be written
    back as bytes that are not UTF-8 either."""
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "score", "--client", "x", "--json", b"you felt \xff"], capture_output=True
    )
    assert result.returncode == 2 and b"not UTF-8" in result.stderr and b"Traceback" not in result.stderr
