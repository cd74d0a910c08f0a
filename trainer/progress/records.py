"""What the learner has done on each scenario, and the small wins along the way: what the app
needs of the history as soon as it starts (the rest of what progress looks like is
``trainer.progress.stats``, read when the progress screen opens).

Pure functions over attempts, oldest first (as the store returns them).
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from trainer.progress.attempt import SavedAttempt
from trainer.progress.run import Run
from trainer.wording import plural, statement_name

CLEAN_RUN = 5  # a roadblock has been dropped once this many responses in a row are free of it


def average(scores: Iterable[int]) -> int | None:
    """The mean score, rounded; None for no scores."""
    scores = list(scores)
    return round(sum(scores) / len(scores)) if scores else None


def personal_bests(attempts: Iterable[SavedAttempt]) -> dict[tuple[str, int, bool], SavedAttempt]:
    """Each statement's best attempt (the first to reach the highest score)."""
    bests: dict[tuple[str, int, bool], SavedAttempt] = {}
    for attempt in attempts:
        best = bests.get(attempt.statement)
        if best is None or attempt.score > best.score:
            bests[attempt.statement] = attempt
    return bests


@dataclass(frozen=True)
class LeftRun:
    """A scenario's latest run, left part-way: it resumes at statement ``moved_on + 1``."""

    session: str
    moved_on: int  # statements moved on from (answered or skipped)
    statements: int
    at: datetime  # when the learner last moved on in it

    @property
    def next_statement(self) -> int:
        return self.moved_on + 1

    def fits(self, statements: int) -> bool:
        """Whether it can resume in a scenario of ``statements`` statements (the file may have changed)."""
        return statements == self.statements


@dataclass(frozen=True)
class ScenarioRecord:
    """What the learner has done on one scenario, each kind told as what it is.

    A run counts once it is finished -- the learner reached the end of the scenario -- with at
    least one answer; its score is the average of its best try at each statement answered (as
    the summary at its end says). Answers given in drills are drill answers, never runs. The
    latest run, when it was left part-way, is ``left``: it can be resumed.
    """

    scenario: str
    runs: int
    best: int | None  # the best finished run's score; None before the first
    best_at: datetime | None
    latest: int | None
    latest_at: datetime | None
    answers: int  # every answer to its statements: in runs, in drills, or from before runs were kept
    drill_answers: int
    drill_best: int | None
    left: LeftRun | None
    last_at: datetime  # the learner's last step on it, of any kind

    def describe(self) -> str:
        """'best 84, latest 80 (2 finished runs); 1 drill answer, best 100' -- what it holds, in words."""
        if self.runs:
            parts = [f"best {self.best}, latest {self.latest} ({plural(self.runs, 'finished run')})"]
        else:
            parts = ["no finished run yet"]
        if self.drill_answers:
            parts.append(f"{plural(self.drill_answers, 'drill answer')}, best {self.drill_best}")
        return "; ".join(parts)


def run_score(answers: Iterable[SavedAttempt]) -> int | None:
    """A run's score: the average of its best try at each statement answered."""
    best: dict[tuple[str, int, bool], int] = {}
    for attempt in answers:
        best[attempt.statement] = max(attempt.score, best.get(attempt.statement, 0))
    return average(best.values())


def scenario_records(attempts: Iterable[SavedAttempt], runs: Iterable[Run] = ()) -> dict[str, ScenarioRecord]:
    """What the learner has done on each scenario: finished runs, drill answers, a run left part-way.

    ``runs`` tells which session was a scenario's run and which a drill; an answer whose session
    has no run (kept before runs were) counts as an answer only.
    """
    runs_by_session = {run.session: run for run in runs}
    answers: dict[str, list[SavedAttempt]] = {}
    for attempt in attempts:
        answers.setdefault(attempt.scenario, []).append(attempt)
    own_runs: dict[str, list[Run]] = {}
    for run in runs_by_session.values():
        if not run.is_drill:
            own_runs.setdefault(run.scenario, []).append(run)
    return {
        scenario: _record(scenario, answers.get(scenario, []), own_runs.get(scenario, []), runs_by_session)
        for scenario in answers.keys() | own_runs.keys()
    }


def _record(scenario: str, answers: list[SavedAttempt], own_runs: list[Run], runs: Mapping[str, Run]) -> ScenarioRecord:
    by_run: dict[str, list[SavedAttempt]] = {}
    drill_scores = []
    for attempt in answers:
        run = runs.get(attempt.session)
        if run is not None and run.is_drill:
            drill_scores.append(attempt.score)
        elif run is not None:
            by_run.setdefault(run.session, []).append(attempt)
    finished = sorted(
        (run.updated, run_score(by_run[run.session])) for run in own_runs if run.finished and run.session in by_run
    )
    best_at, best = max(finished, key=lambda run: (run[1], -run[0].timestamp()), default=(None, None))
    latest_at, latest = finished[-1] if finished else (None, None)
    last_run = max(own_runs, key=lambda run: (run.updated, run.started), default=None)
    left = (
        LeftRun(last_run.session, last_run.moved_on, last_run.statements, last_run.updated)
        if last_run is not None and not last_run.finished
        else None
    )
    return ScenarioRecord(
        scenario,
        len(finished),
        best,
        best_at,
        latest,
        latest_at,
        len(answers),
        len(drill_scores),
        max(drill_scores, default=None),
        left,
        max([a.at for a in answers] + [run.updated for run in own_runs]),
    )


# ---------------------------------------------------------------------------- small wins


def _roadblock_name(roadblock: str) -> str:
    """How the learner reads a roadblock (the word lists are read only when one is named)."""
    from trainer.scoring import lexicons

    return lexicons.roadblock_name(roadblock)


@dataclass(frozen=True)
class Win:
    """A small step worth saying out loud. ``kind``: first_strong_reflection, personal_best,
    roadblock_dropped."""

    kind: str
    message: str
    attempt: SavedAttempt


class WinTracker:
    """Notices small wins as attempts come in, one at a time, oldest first.

    The app keeps one, fed with the history at start, and tells the learner what
    ``observe`` returns for each new response. ``names`` says how to call each scenario (the
    app gives titles); without it, or for a scenario it lacks, the id is used.
    """

    def __init__(self, earlier: Iterable[SavedAttempt] = (), names: Mapping[str, str] | None = None):
        self._names = names or {}
        self._strong_reflection = False
        self._best: dict[tuple[str, int, bool], int] = {}
        self._last_roadblocks: dict[tuple[str, int, bool], tuple[str, ...]] = {}
        self._fired: Counter = Counter()
        self._recent: deque[tuple[str, ...]] = deque(maxlen=CLEAN_RUN + 1)
        for attempt in earlier:
            self.observe(attempt)

    def observe(self, attempt: SavedAttempt) -> list[Win]:
        wins = []
        if attempt.band == "strong" and attempt.kind == "reflection" and not self._strong_reflection:
            self._strong_reflection = True
            wins.append(
                Win(
                    "first_strong_reflection",
                    f"Your first strong reflection ({attempt.score}/100): that is the skill itself.",
                    attempt,
                )
            )
        best = self._best.get(attempt.statement)
        if best is not None and attempt.score > best:
            where = statement_name(attempt.turn, attempt.deeper)
            wins.append(
                Win(
                    "personal_best",
                    f"A new personal best on {self._name(attempt)}, {where}: {attempt.score}, up from {best}.",
                    attempt,
                )
            )
        self._best[attempt.statement] = max(attempt.score, best or 0)

        self._recent.append(attempt.roadblocks)
        dropped = self._dropped_overall()
        for roadblock in dropped:
            wins.append(
                Win(
                    "roadblock_dropped",
                    f"{_roadblock_name(roadblock)} used to creep into your responses; "
                    f"none of your last {CLEAN_RUN} had it.",
                    attempt,
                )
            )
        before = self._last_roadblocks.get(attempt.statement, ())
        if not attempt.roadblocks:
            for roadblock in before:
                if roadblock not in dropped:
                    wins.append(
                        Win(
                            "roadblock_dropped",
                            f"On {self._name(attempt)}, {statement_name(attempt.turn, attempt.deeper)}, "
                            f"{_roadblock_name(roadblock).lower()} crept in last time; "
                            "this time you left it out.",
                            attempt,
                        )
                    )
        self._last_roadblocks[attempt.statement] = attempt.roadblocks
        self._fired.update(attempt.roadblocks)
        return wins

    def _name(self, attempt: SavedAttempt) -> str:
        return self._names.get(attempt.scenario, attempt.scenario)

    def _dropped_overall(self) -> list[str]:
        """Roadblocks that fired more than once, lastly just before the last CLEAN_RUN clean ones."""
        if len(self._recent) <= CLEAN_RUN:
            return []
        last_seen, *window = self._recent
        return [r for r in last_seen if self._fired[r] >= 2 and not any(r in roadblocks for roadblocks in window)]


def small_wins(attempts: Iterable[SavedAttempt], names: Mapping[str, str] | None = None) -> list[Win]:
    """Every small win in a history, in the order they happened."""
    tracker = WinTracker(names=names)
    return [win for attempt in attempts for win in tracker.observe(attempt)]
