"""Calibration: does the scorer grade the instructors' examples the way they expect?

Every calibration example of every statement (deeper statements too) is scored with the one scoring function; the
result is the share of examples that land in the expected band (exact) or next to it
(within one band), and the disagreements with the checks that drove each score.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field

from trainer.loader import Library
from trainer.model import BAND_IDS, DeeperTurn, Scenario, Turn
from trainer.scoring import score


@dataclass(frozen=True)
class Disagreement:
    scenario: str
    turn: int
    response: str
    expected: str
    band: str
    score: int
    kind: str
    checks: list[str]  # the checks that were not met, with their messages
    deeper: bool = False  # an example of statement ``turn``'s deeper statement

    @property
    def distance(self) -> int:
        return abs(BAND_IDS.index(self.expected) - BAND_IDS.index(self.band))


@dataclass
class CalibrationReport:
    examples: int = 0
    exact_matches: int = 0
    within_one_matches: int = 0
    disagreements: list[Disagreement] = field(default_factory=list)

    @property
    def exact(self) -> float:
        return self.exact_matches / self.examples if self.examples else 1.0

    @property
    def within_one(self) -> float:
        return self.within_one_matches / self.examples if self.examples else 1.0

    def to_dict(self) -> dict:
        return {
            "examples": self.examples,
            "exact": round(self.exact, 4),
            "within_one": round(self.within_one, 4),
            "disagreements": [asdict(d) for d in self.disagreements],
        }


def _statements(scenario: Scenario) -> Iterator[tuple[int, bool, Turn | DeeperTurn]]:
    """Every statement of ``scenario``, each deeper statement right after its own."""
    for number, turn in enumerate(scenario.turns, start=1):
        yield number, False, turn
        if turn.deeper is not None:
            yield number, True, turn.deeper


def calibrate(library: Library) -> CalibrationReport:
    report = CalibrationReport()
    for scenario in library.scenarios:
        for number, deeper, turn in _statements(scenario):
            for example in turn.examples:
                feedback = score(turn, example.response, scenario.client_name)
                expected = example.expect.value
                report.examples += 1
                if feedback.band == expected:
                    report.exact_matches += 1
                    continue
                miss = Disagreement(
                    scenario.id, number, example.response, expected, feedback.band,
                    feedback.score, feedback.kind,
                    [f"{c.id}: {c.message}" for c in feedback.checks if not c.passed], deeper,
                )
                report.within_one_matches += miss.distance <= 1
                report.disagreements.append(miss)
    report.within_one_matches += report.exact_matches
    return report
