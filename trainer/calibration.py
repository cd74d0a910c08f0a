"""Calibration: does the scorer grade the instructors' examples the way they expect?

Every calibration example of every statement (deeper statements too) is scored with the one scoring function; the
result is the share of examples that land in the expected band (exact) or next to it
(within one band), and the disagreements with the checks that drove each score -- each with
the file and the line of its example, so an editor can jump there.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from trainer.loader import Library, lines_of
from trainer.model import DeeperStatement, Scenario, Statement
from trainer.rubric import BAND_IDS
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
    path: str | None = None  # the scenario file
    line: int | None = None  # the line of the example in it

    @property
    def where(self) -> str:
        """``file:line`` of the example, as far as it is known."""
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line else self.path

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


def _statements(scenario: Scenario) -> Iterator[tuple[int, bool, Statement | DeeperStatement, tuple]]:
    """Every statement of ``scenario``, each deeper statement right after its own, with its place
    in the file."""
    for number, turn in enumerate(scenario.turns, start=1):
        yield number, False, turn, ("turns", number - 1)
        if turn.deeper is not None:
            yield number, True, turn.deeper, ("turns", number - 1, "deeper")


def calibrate(library: Library) -> CalibrationReport:
    report = CalibrationReport()
    for scenario in library.scenarios:
        misses: list[tuple[Disagreement, tuple]] = []
        for number, deeper, turn, place in _statements(scenario):
            for index, example in enumerate(turn.examples):
                feedback = score(turn, example.response, scenario.client_name)
                expected = example.expect.value
                report.examples += 1
                if feedback.band == expected:
                    report.exact_matches += 1
                    continue
                miss = Disagreement(
                    scenario.id,
                    number,
                    example.response,
                    expected,
                    feedback.band,
                    feedback.score,
                    feedback.kind,
                    [f"{c.id}: {c.message}" for c in feedback.checks if not c.passed],
                    deeper,
                )
                report.within_one_matches += miss.distance <= 1
                misses.append((miss, (*place, "examples", index)))
        report.disagreements.extend(_located(misses, library.paths.get(scenario.id)))
    report.within_one_matches += report.exact_matches
    return report


def _located(misses: list[tuple[Disagreement, tuple]], path: Path | None) -> list[Disagreement]:
    """The disagreements of one scenario with the file and the line of each example (one reading
    of the file, and only when something disagreed)."""
    if not misses or path is None:
        return [miss for miss, _ in misses]
    lines = lines_of(path, [place for _, place in misses])
    return [replace(miss, path=str(path), line=line) for (miss, _), line in zip(misses, lines)]
