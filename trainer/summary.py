"""The summary at the end of a run (a scenario or a drill): scores, the best moment, what was
strong, one skill to work on -- and, in a conversation, how the client's openness moved.

Everything is derived from the rubric checks of the learner's best try at each statement, so
the summary says the same things the feedback said, added up; openness from the tries the
learner moved on with, as the conversation went. No Textual here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from trainer.conversation import DEEPER_AT_LEAST, asks_why, openness_words
from trainer.model import Scenario
from trainer.rubric import CHECK, KIND_WORDS
from trainer.scoring import lexicons
from trainer.session import StatementRecord, Try
from trainer.wording import statement_name

# A workable length is a condition of a reflection, not a listening skill worth praising.
_NOT_PRAISED = frozenset({"length"})
# Closeness to a model answer follows from the other skills; it is the skill to work on only
# when nothing more specific was missed.
_LAST_RESORT = "similarity"
MAX_STRENGTHS = 2


SNIPPET_WORDS = 8


@dataclass(frozen=True)
class OpennessStory:
    """How the client's openness moved over a conversation, and which responses moved it."""

    start: int
    end: int
    moves: tuple[str, ...]  # one sentence per response that moved openness, in order
    said_more: tuple[str, ...]  # the statements that led to a deeper one the learner heard
    more_to_say: bool  # a deeper statement was there, not yet heard

    def headline(self, name: str) -> str:
        """'Leo started wary ▮▮▮▯▯ and ended open ▮▮▮▮▮.'"""
        if self.start == self.end:
            return f"{name} started and ended {openness_words(self.end)}."
        return f"{name} started {openness_words(self.start)} and ended {openness_words(self.end)}."

    def ending(self, name: str) -> str:
        """What came of it: the client said more, had more to say, or nothing moved."""
        if self.said_more:
            return f"{name} opened up and said more after {_listed(self.said_more)}."
        if self.more_to_say:
            return (
                f"{name} had more to say, kept for when openness is {openness_words(DEEPER_AT_LEAST)} "
                "or higher after a statement."
            )
        return "" if self.moves else "No response moved openness this time."


def _listed(items: tuple[str, ...]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _snippet(text: str) -> str:
    words = text.split()
    return " ".join(words) if len(words) <= SNIPPET_WORDS else " ".join(words[:SNIPPET_WORDS]) + "…"


def _why_it_moved(attempt: Try, name: str) -> str:
    """What the response did to the client's trust, in the learner's words."""
    exchange, feedback = attempt.exchange, attempt.feedback
    if exchange.outcome == "reflected":
        return "your reflection landed"
    if exchange.outcome == "questioned" and asks_why(feedback.roadblocks):
        return f"a “why” question put {name} on the spot"
    if exchange.outcome == "self_focus":
        return "the focus turned to you"
    blocks = lexicons.roadblocks()
    first = feedback.roadblocks[0] if feedback.roadblocks else None
    what = blocks[first]["name"].lower() if first in blocks else KIND_WORDS[feedback.kind]
    return f"{what} closed {name} a little"


def openness_story(records: tuple[StatementRecord, ...], name: str) -> OpennessStory | None:
    """How openness moved over a conversation's ``records``; None outside a conversation."""
    reached = [r for r in records if r.openness is not None]
    if not reached:
        return None
    moves = []
    for record in reached:
        last = record.moved_on_with
        if last is not None and record.openness_after != record.openness:
            where = statement_name(record.statement_number, record.deeper).capitalize()
            moves.append(
                f"{where} (“{_snippet(last.response)}”): {_why_it_moved(last, name)} -- "
                f"{openness_words(record.openness)} → {openness_words(record.openness_after)}."
            )
    said_more = tuple(statement_name(r.statement_number) for r in reached if r.deeper)
    more_to_say = any(not r.deeper and r.statement.deeper is not None for r in reached)
    return OpennessStory(reached[0].openness, reached[-1].openness_after, tuple(moves), said_more, more_to_say)


@dataclass(frozen=True)
class RunSummary:
    scenario: Scenario | None  # None for a drill
    statements: tuple[StatementRecord, ...]
    client_name: str  # whom the learner listened to: "the client" in a drill across scenarios
    average: int | None  # of the best try at each answered statement; None when none was
    best_moment: Try | None
    best_moment_from: Scenario | None  # the scenario of the best moment's statement
    best_moment_why: str  # the first strength the feedback named for the best moment
    strengths: tuple[str, ...]
    work_on: str
    openness: OpennessStory | None = None  # None outside a conversation (drills, plain scenarios)

    @property
    def answered(self) -> int:
        return sum(1 for s in self.statements if s.attempts)


def _out_of(count: int, total: int) -> str:
    if total == 1:
        return ""
    if count == total:
        return " in every response"
    return f" in {count} of your {total} responses"


def _points(best: list[Try], passed: bool) -> Counter:
    """Per check: points earned (``passed``) or lost, summed over the best tries."""
    totals: Counter = Counter()
    for attempt in best:
        for c in attempt.feedback.checks:
            totals[c.id] += c.points if passed else c.max_points - c.points
    return totals


def _strong_checks(best: list[Try]) -> list[str]:
    """Checks met in at least half the responses, those that earned the most points first."""
    met = Counter(c.id for a in best for c in a.feedback.checks if c.passed and c.id in CHECK)
    earned = _points(best, passed=True)
    return sorted(
        (i for i, n in met.items() if i not in _NOT_PRAISED and 2 * n >= len(best)), key=lambda i: -earned[i]
    )[:MAX_STRENGTHS]


def _strengths(best: list[Try], strong: list[str], name: str) -> tuple[str, ...]:
    met = Counter(c.id for a in best for c in a.feedback.checks if c.passed)
    sentences = tuple(f"{CHECK[i].did.format(name=name)}{_out_of(met[i], len(best))}." for i in strong)
    return sentences or (f"You stayed with {name} and responded to what you heard -- that is where listening starts.",)


def _work_on(best: list[Try], strong: list[str], name: str) -> str:
    """The check missed most often (ties: the one that cost the most points), with a tip -- not
    one just named among the strengths, while another was missed."""
    missed = Counter(c.id for a in best for c in a.feedback.checks if not c.passed and c.id in CHECK)
    if not missed:
        return (
            "Every check was met. Next time, go one step deeper: reflect what this means "
            f"to {name}, or the feeling underneath."
        )
    for check_id in (*strong, _LAST_RESORT):
        if len(missed) > 1:
            missed.pop(check_id, None)
    lost = _points(best, passed=False)
    check_id = max(missed, key=lambda i: (missed[i], lost[i]))
    skill = CHECK[check_id]
    count, total = missed[check_id], len(best)
    who = "your response" if total == 1 else f"{count} of your {total} responses"
    return f"{skill.skill}: {who} {skill.gap.format(name=name)}. {skill.tip.format(name=name)}"


def _listened_to(scenario: Scenario | None, records: tuple[StatementRecord, ...]) -> str:
    """The client's name; in a drill across several clients, "the client"."""
    if scenario is not None:
        return scenario.client_name
    clients = {r.scenario.client_name for r in records if r.scenario is not None}
    return clients.pop() if len(clients) == 1 else "the client"


def summarise(scenario: Scenario | None, records: tuple[StatementRecord, ...]) -> RunSummary:
    """What the learner did in a run (``PracticeSession.records()``), specific and encouraging.

    ``scenario`` is the scenario of a scenario run, None for a drill.
    """
    name = _listened_to(scenario, records)
    answered = [r for r in records if r.best is not None]
    story = openness_story(records, name)
    if not answered:
        return RunSummary(
            scenario,
            records,
            name,
            None,
            None,
            None,
            "",
            (),
            "Respond to one statement next time -- even a short reflection is a start.",
            story,
        )
    best = [r.best for r in answered]
    strong = _strong_checks(best)
    moment = max(answered, key=lambda r: r.best.feedback.score)
    return RunSummary(
        scenario=scenario,
        statements=records,
        client_name=name,
        average=round(sum(a.feedback.score for a in best) / len(best)),
        best_moment=moment.best,
        best_moment_from=moment.scenario or scenario,
        best_moment_why=moment.best.feedback.strengths[0],
        strengths=_strengths(best, strong, name),
        work_on=_work_on(best, strong, name),
        openness=story,
    )
