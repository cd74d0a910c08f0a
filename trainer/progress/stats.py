"""What progress looks like: totals, skills, scores over time, streaks, bests and small wins.

Pure functions over attempts, oldest first (as the store returns them). A day is the
learner's own day: moments are read in the time zone of the ``now`` (or ``tz``) passed in, so
the caller's clock decides and the same history always gives the same figures.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from statistics import mean

from trainer.progress.attempt import SavedAttempt
from trainer.progress.run import Run
from trainer.rubric import CHECK_LABELS
from trainer.wording import plural, statement_name

RECENT = 20  # the per-skill view also shows the share over the last this many attempts
RUNS_EXPLAINED = (
    "A run counts once you reach the end of the scenario; its score is the average of your best "
    "try at each statement. Answers in drills count toward each statement's best, never as runs."
)
CLEAN_RUN = 5  # a roadblock has been dropped once this many responses in a row are free of it


def _average(scores: Iterable[int]) -> int | None:
    scores = list(scores)
    return round(mean(scores)) if scores else None


@dataclass(frozen=True)
class Totals:
    attempts: int
    statements: int  # different statements answered
    scenarios: int
    sessions: int
    days: int  # days with practice
    average: int | None  # mean score, None before the first attempt
    strong: int  # attempts in the strong band

    def describe(self) -> str:
        """'12 responses to 8 statements in 2 scenarios, on 3 days; average score 64, 4 strong.'"""
        return (
            f"{plural(self.attempts, 'response')} to {plural(self.statements, 'statement')} in "
            f"{plural(self.scenarios, 'scenario')}, on {plural(self.days, 'day')}; "
            f"average score {self.average}, {self.strong} strong."
        )


def totals(attempts: Sequence[SavedAttempt], tz: tzinfo) -> Totals:
    return Totals(
        attempts=len(attempts),
        statements=len({a.statement for a in attempts}),
        scenarios=len({a.scenario for a in attempts}),
        sessions=len({a.session for a in attempts}),
        days=len({a.at.astimezone(tz).date() for a in attempts}),
        average=_average(a.score for a in attempts),
        strong=sum(a.band == "strong" for a in attempts),
    )


@dataclass(frozen=True)
class SkillShare:
    """How often one check was met, over all attempts and over the recent ones."""

    check: str
    label: str
    met: int
    seen: int
    recent_met: int
    recent_seen: int

    @property
    def share(self) -> float:
        return self.met / self.seen

    @property
    def recent_share(self) -> float:
        return self.recent_met / self.recent_seen


def skills(attempts: Sequence[SavedAttempt], recent: int = RECENT) -> list[SkillShare]:
    """The share of attempts meeting each check (feelings named, reflective form...)."""

    def tally(group: Sequence[SavedAttempt]) -> tuple[Counter, Counter]:
        met, seen = Counter(), Counter()
        for attempt in group:
            for check in attempt.checks:
                seen[check.id] += 1
                met[check.id] += check.passed
        return met, seen

    met, seen = tally(attempts)
    recent_met, recent_seen = tally(attempts[-recent:])
    return [
        SkillShare(check, label, met[check], seen[check], recent_met[check], recent_seen[check])
        for check, label in CHECK_LABELS.items()
        if seen[check]
    ]


@dataclass(frozen=True)
class DayScore:
    day: date
    average: int
    best: int
    attempts: int


def daily_scores(attempts: Sequence[SavedAttempt], tz: tzinfo) -> list[DayScore]:
    """Scores over time: one point per day of practice, oldest first."""
    by_day: dict[date, list[int]] = {}
    for attempt in attempts:
        by_day.setdefault(attempt.at.astimezone(tz).date(), []).append(attempt.score)
    return [DayScore(day, _average(scores), max(scores), len(scores)) for day, scores in sorted(by_day.items())]


@dataclass(frozen=True)
class Streak:
    current: int  # days in a row up to today, or up to yesterday when today is still open
    longest: int
    today: bool  # whether there was practice today

    def describe(self) -> str:
        """'Streak: 3 days in a row (practised today); longest 5 days.'"""
        return (
            f"Streak: {plural(self.current, 'day')} in a row{' (practised today)' if self.today else ''}; "
            f"longest {plural(self.longest, 'day')}."
        )


def streak(attempts: Sequence[SavedAttempt], now: datetime) -> Streak:
    """Practice days in a row; a streak stays alive until a whole day passes without practice."""
    days = sorted({a.at.astimezone(now.tzinfo).date() for a in attempts})
    longest = run = 0
    for index, day in enumerate(days):
        run = run + 1 if index and days[index - 1] == day - timedelta(days=1) else 1
        longest = max(longest, run)
    today = now.date()
    practised = set(days)
    current = 0
    day = today if today in practised else today - timedelta(days=1)
    while day in practised:
        current += 1
        day -= timedelta(days=1)
    return Streak(current, longest, today in practised)


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
    return _average(best.values())


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


# ---------------------------------------------------------------------------- everything


@dataclass(frozen=True)
class ProgressSummary:
    """All that the progress screen and ``trainer progress`` show."""

    totals: Totals
    skills: list[SkillShare]
    days: list[DayScore]
    streak: Streak
    bests: dict[tuple[str, int, bool], SavedAttempt]
    scenarios: dict[str, ScenarioRecord]
    wins: list[Win]


def summarise(
    attempts: Sequence[SavedAttempt], now: datetime, names: Mapping[str, str] | None = None, runs: Iterable[Run] = ()
) -> ProgressSummary:
    """Everything at once; days are read in ``now``'s time zone (``names``: as for ``WinTracker``;
    ``runs``: as for ``scenario_records``)."""
    return ProgressSummary(
        totals(attempts, now.tzinfo),
        skills(attempts),
        daily_scores(attempts, now.tzinfo),
        streak(attempts, now),
        personal_bests(attempts),
        scenario_records(attempts, runs),
        small_wins(attempts, names),
    )
