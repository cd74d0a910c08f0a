"""The documentation stays true: its example scenario loads and scores as it says, and every
command the README lists exists."""

from __future__ import annotations

import re
from pathlib import Path

from trainer.cli import cli
from trainer.loader import load_file
from trainer.rubric import BAND_IDS
from trainer.scoring import score

DOCS = Path(__file__).resolve().parent.parent / "docs"
README = DOCS.parent / "README.md"


def yaml_blocks(markdown: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", markdown, flags=re.S)


def test_the_worked_example_validates_and_its_examples_agree(tmp_path):
    [example] = [b for b in yaml_blocks((DOCS / "authoring.md").read_text()) if "\nturns:" in b]
    path = tmp_path / "missed-appointments.yaml"
    path.write_text(example, encoding="utf-8")
    loaded = load_file(path)
    assert loaded.problems == ()
    scenario = loaded.scenario
    assert scenario.converses and scenario.turns[1].deeper is not None
    for turn in [*scenario.turns, *(t.deeper for t in scenario.turns if t.deeper)]:
        for ex in turn.examples:
            got = score(turn, ex.response, scenario.client_name).band
            assert abs(BAND_IDS.index(got) - BAND_IDS.index(ex.expect.value)) <= 1, (ex, got)


def test_every_command_in_the_readme_exists():
    documented = set(re.findall(r"^\| `trainer (\w[\w-]*)", README.read_text(), flags=re.M))
    assert {"new", "schema", "grade"} <= documented
    assert documented <= set(cli.list_commands(None))
