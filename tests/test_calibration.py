"""The scorer grades the bundled library's calibration examples the way their authors do."""

from __future__ import annotations

from trainer.calibration import calibrate
from trainer.loader import load_library, load_paths


def test_the_bundled_library_is_calibrated():
    report = calibrate(load_library())
    misses = [f"{d.scenario} {d.turn}: {d.response!r} expected {d.expected}, got {d.band} ({d.score})"
              for d in report.disagreements if d.distance > 1]
    assert report.examples >= 240
    assert misses == [], "every example must land within one band of its expected band"
    assert report.exact >= 0.85, f"exact agreement {report.exact:.0%}"


def test_disagreements_carry_the_checks_that_drove_the_score(scenario_dir):
    report = calibrate(load_paths([scenario_dir]))
    assert report.examples == 15
    assert report.exact_matches + len(report.disagreements) == report.examples
    for miss in report.disagreements:
        assert miss.checks and all(": " in check for check in miss.checks)
