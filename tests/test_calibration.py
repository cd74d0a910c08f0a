"""The scorer grades the bundled library's calibration examples the way their authors do."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from trainer.calibration import calibrate
from trainer.cli import cli
from trainer.loader import load_library, load_paths

CONVERSATION = Path(__file__).parent / "fixtures" / "conversation"


def test_the_bundled_library_is_calibrated():
    report = calibrate(load_library())
    misses = [
        f"{d.scenario} {d.turn}: {d.response!r} expected {d.expected}, got {d.band} ({d.score})"
        for d in report.disagreements
        if d.distance > 1
    ]
    assert report.examples >= 240
    assert misses == [], "every example must land within one band of its expected band"
    assert report.exact >= 0.85, f"exact agreement {report.exact:.0%}"


def test_disagreements_carry_the_checks_that_drove_the_score(scenario_dir):
    report = calibrate(load_paths([scenario_dir]))
    assert report.examples == 15
    assert report.exact_matches + len(report.disagreements) == report.examples
    for miss in report.disagreements:
        assert miss.checks and all(": " in check for check in miss.checks)


def _example_at(path: str, line: int) -> str:
    return Path(path).read_text(encoding="utf-8").splitlines()[line - 1]


def test_each_disagreement_names_the_file_and_line_of_its_example():
    library = load_library()
    report = calibrate(library)
    assert report.disagreements, "the bundled library has a few disagreements to point at"
    for miss in report.disagreements:
        assert miss.path == str(library.paths[miss.scenario])
        assert "response:" in _example_at(miss.path, miss.line), miss
        assert miss.where == f"{miss.path}:{miss.line}"


def test_a_deeper_statements_example_is_found_too(tmp_path):
    scenario = (CONVERSATION / "drifting-apart.yaml").read_text(encoding="utf-8")
    deeper = scenario.index("    deeper:")
    strong = scenario.index("expect: strong", deeper)
    path = tmp_path / "drifting-apart.yaml"
    path.write_text(
        scenario[:strong] + "expect: not_yet" + scenario[strong + len("expect: strong") :], encoding="utf-8"
    )
    [miss] = [m for m in calibrate(load_paths([tmp_path])).disagreements if m.deeper]
    assert miss.expected == "not_yet" and miss.path == str(path)
    assert _example_at(miss.path, miss.line + 1).strip() == "expect: not_yet"


def test_the_command_prints_file_and_line_first(tmp_path):
    path = tmp_path / "off.yaml"
    path.write_text(
        "id: off\ntitle: Off\nturns:\n  - client: I'm tired.\n    model_answers: [You sound worn out.]\n"
        "    examples:\n      - response: You should sleep more.\n        expect: strong\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["calibrate", str(path), "--min-agreement", "0"])
    assert result.stdout.startswith(f"{path}:7: off statement 1: expected Strong, scored ")
    as_json = json.loads(CliRunner().invoke(cli, ["calibrate", str(path), "--json"]).stdout)
    assert (as_json["disagreements"][0]["path"], as_json["disagreements"][0]["line"]) == (str(path), 7)
