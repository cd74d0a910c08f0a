"""Which statements a drill brings back, and why: Leitner boxes over the learner's own history.

Leitner boxes rather than SM-2, because a response here is a graded skill, not a recalled
fact: SM-2's ease factors are tuned to a 0-5 self-rating of memory, while boxes map plainly
onto the score bands, need nothing stored beyond the attempts themselves, and can be told to
a learner in one line ("box 3 of 5, back in a week").

The rules, replayed over each statement's attempts in order:
- a low score (developing or not yet; or the focused check not met) sends it to box 1, which
  is due at once;
- a strong score (or the focused check met) moves it up one box, but only when it was due:
  answering again early is practice, not proof;
- a good score keeps it where it is, and in box 2 at least.
Box n comes back ``INTERVALS[n - 1]`` after the last attempt; box 5 is mastered and comes back
only after three weeks. Never-attempted statements are mixed in. Everything is a pure
function of the history, the library and the moment passed in as ``now``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from trainer.model import Scenario
from trainer.progress.attempt import SavedAttempt
from trainer.rubric import CHECK_LABELS

INTERVALS = (timedelta(0), timedelta(days=1), timedelta(days=3), timedelta(days=7), timedelta(days=21))
BOXES = len(INTERVALS)
NEW_SHARE = 0.3  # the share of a drill kept for statements never tried, when there are some


@dataclass(frozen=True)
class Card:
    """Where one statement stands: its box, when it is due, how it went last time."""

    box: int
    due: datetime
    last_score: int
    last_note: str | None  # the focused check's message last time, when it was not met
    attempts: int


@dataclass(frozen=True)
class DrillItem:
    """One statement of a drill and why it was chosen (``reason`` is said to the learner)."""

    scenario: str
    turn: int
    client: str
    reason: str
    card: Card | None  # None for a statement never tried


@dataclass(frozen=True)
class Focus:
    """A skill to drill: a scenario skill (``reflect-feeling``) or a check id (``feeling``)."""

    skill: str | None = None
    check: str | None = None

    @classmethod
    def parse(cls, text: str | None, scenarios: Iterable[Scenario]) -> Focus:
        """Raises ValueError, naming what is known, for a focus no scenario or check has."""
        if not text:
            return cls()
        skills = sorted({skill for s in scenarios for skill in s.skills})
        if text in skills:
            return cls(skill=text)
        if text in CHECK_LABELS:
            return cls(check=text)
        raise ValueError(
            f"no skill or check called '{text}'; skills: {', '.join(skills) or 'none'}; "
            f"checks: {', '.join(CHECK_LABELS)}"
        )

    def admits(self, scenario: Scenario) -> bool:
        return self.skill is None or self.skill in scenario.skills


def _outcome(attempt: SavedAttempt, check: str | None) -> str | None:
    """'up', 'stay' or 'down' for one attempt; None when it says nothing about the check."""
    if check is not None:
        passed = attempt.passed(check)
        return None if passed is None else "up" if passed else "down"
    return {"strong": "up", "good": "stay"}.get(attempt.band, "down")


def cards(attempts: Iterable[SavedAttempt], check: str | None = None) -> dict[tuple[str, int, bool], Card]:
    """Each attempted statement's card, from its attempts replayed oldest first."""
    history: dict[tuple[str, int, bool], list[SavedAttempt]] = {}
    for attempt in sorted(attempts, key=lambda a: (a.at, a.id or 0)):
        history.setdefault(attempt.statement, []).append(attempt)
    found = {}
    for key, tries in history.items():
        box, due, last = 1, None, None
        for attempt in tries:
            outcome = _outcome(attempt, check)
            if outcome is None:
                continue
            if outcome == "down":
                box = 1
            elif outcome == "stay":
                box = max(box, 2)
            elif due is None or attempt.at >= due:
                box = min(box + 1, BOXES)
            due, last = attempt.at + INTERVALS[box - 1], attempt
        if last is not None:
            missed = last.check(check) if check else None
            note = missed.message if missed is not None and not missed.passed else None
            found[key] = Card(box, due, last.score, note, len(tries))
    return found


@dataclass(frozen=True)
class DrillOptions:
    """What the learner asked a drill for: how many statements, a skill focus, some scenarios."""

    count: int = 10
    focus: Focus = field(default_factory=Focus)
    only: tuple[str, ...] = ()


def plan_drill(
    scenarios: Sequence[Scenario],
    attempts: Iterable[SavedAttempt],
    now: datetime,
    *,
    count: int = 10,
    focus: Focus = Focus(),
    only: Collection[str] = (),
) -> list[DrillItem]:
    """Up to ``count`` statements: due ones (most urgent first) with new ones spread among them.

    When fewer are due and new than ``count``, the ones due soonest follow, as practice
    ahead. ``only`` limits the drill to those scenario ids; ``focus`` to a skill or a check.
    """
    chosen = [s for s in scenarios if (not only or s.id in only) and focus.admits(s)]
    known = cards(attempts, focus.check)
    due, ahead, new = [], [], []
    for index, scenario in enumerate(chosen):
        for number, turn in enumerate(scenario.turns, start=1):
            card = known.get((scenario.id, number, False))  # a deeper statement needs its conversation
            if card is None:
                new.append((number, index, scenario.id, turn.client))
            else:
                (due if card.due <= now else ahead).append((scenario.id, number, turn.client, card))
    due.sort(key=lambda item: (item[3].box, item[3].due))
    ahead.sort(key=lambda item: (item[3].due, item[3].box))
    new.sort()  # the first statement of every scenario, then the second...: a drill spans scenarios

    take_new = min(len(new), round(count * NEW_SHARE))
    picked_due = due[: count - take_new]
    picked_new = new[: count - len(picked_due)]
    picked_ahead = ahead[: count - len(picked_due) - len(picked_new)]
    return _spread(
        [DrillItem(s, n, c, _due_reason(card, now), card) for s, n, c, card in picked_due],
        [DrillItem(s, n, c, "new: not tried yet", None) for n, _, s, c in picked_new],
    ) + [DrillItem(s, n, c, _ahead_reason(card, now), card) for s, n, c, card in picked_ahead]


def _spread(first: list, second: list) -> list:
    """The two lists merged: the first leads, the second is spread evenly through it."""
    placed = [(i / len(first), 0, i) for i in range(len(first))]
    placed += [((j + 1) / (len(second) + 1), 1, j) for j in range(len(second))]
    return [(first, second)[group][index] for _, group, index in sorted(placed)]


def _days(delta: timedelta) -> str:
    days = delta.days
    return "today" if days == 0 else "1 day" if days == 1 else f"{days} days"


def _due_reason(card: Card, now: datetime) -> str:
    if card.box == 1:
        if card.last_note:
            return f"last time: {card.last_note}"
        return f"scored {card.last_score} last time: back for another try"
    late = now - card.due
    when = "due today" if late.days == 0 else f"overdue by {_days(late)}"
    return f"box {card.box} of {BOXES}, {when} (last score {card.last_score})"


def _ahead_reason(card: Card, now: datetime) -> str:
    wait = card.due - now
    when = "later today" if wait.days == 0 else f"in {_days(wait)}"
    return f"box {card.box} of {BOXES}, due {when}: practising ahead"
