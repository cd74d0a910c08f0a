"""What progress looks like: totals, skills, scores over time, streaks, bests and small wins
(the scenario records and small wins are ``trainer.progress.records``'s, which the home screen needs).

Pure functions over attempts, oldest first (as the store returns them). A day is the
learner's own day: moments are read in the time zone of the ``now`` (or ``tz``) passed in, so
the caller's clock decides and the same history always gives the same figures.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from trainer.progress.attempt import SavedAttempt
from trainer.progress.records import ScenarioRecord, Win, average, personal_bests, scenario_records, small_wins
from trainer.progress.run import Run
from trainer.rubric import CHECK_LABELS
from trainer.wording import plural

RECENT = 20  # the per-skill view also shows the share over the last this many attempts
RUNS_EXPLAINED = (
    "A run counts once you reach the end of the scenario; its score is the average of your best "
    "try at each statement. Answers in drills count toward each statement's best, never as runs."
)


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
        average=average(a.score for a in attempts),
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
    return [DayScore(day, average(scores), max(scores), len(scores)) for day, scores in sorted(by_day.items())]


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
