"""How the client takes a response: how it landed, what the client says back, how open they are.

The rules of docs/authoring.md's "The conversation", in one place, with no Textual and no
state: the session, the CLI, exports and grading all ask here, so they can never disagree.

- The **outcome** is a pure function of the scorer's verdict (kind and band).
- **Openness** (the client's trust, 1 closed .. 5 open) moves by the outcome: +1 a reflection
  that landed, -1 a roadblock, a "why" question or self-focus, 0 otherwise; it never leaves 1..5.
- The **reaction** is the author's line for the first roadblock the response holds, when
  there is one, else the line for the outcome; ``self_focus`` and ``other`` borrow the
  ``partly`` line when they have none of their own (a half-answer fits a response that
  missed); otherwise the client says nothing back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from trainer.model import OPENNESS_NAMES, Reaction
from trainer.rubric import QUESTION_KINDS, ROADBLOCK_KINDS

if TYPE_CHECKING:
    from trainer.model import DeeperStatement, Statement
    from trainer.scoring import Feedback

REFLECTED_BANDS = ("strong", "good")
_OUTCOME_OF_KIND = {
    **dict.fromkeys(QUESTION_KINDS, "questioned"),
    **dict.fromkeys(ROADBLOCK_KINDS, "blocked"),
    "self_disclosure": "self_focus",
}
CHANGE = {"reflected": 1, "partly": 0, "questioned": 0, "blocked": -1, "self_focus": -1, "other": 0}
WHY_CHANGE = -1  # a "why" question asks the client to justify themselves
LOWEST, HIGHEST = min(OPENNESS_NAMES), max(OPENNESS_NAMES)
GUARDED_AT_MOST = 2  # the statement comes in its guarded version at this openness or lower
DEEPER_AT_LEAST = 4  # the deeper statement is said at this openness or higher
BORROWS_PARTLY = ("self_focus", "other")
FULL, EMPTY = "\u25ae", "\u25af"  # ▮ ▯


def outcome(kind: str, band: str) -> str:
    """How a response of this kind and band landed: one of ``trainer.model.OUTCOMES``."""
    if kind == "reflection":
        return "reflected" if band in REFLECTED_BANDS else "partly"
    return _OUTCOME_OF_KIND.get(kind, "other")


def outcome_of(feedback: Feedback) -> str:
    return outcome(feedback.kind, feedback.band)


def asks_why(roadblocks: Sequence[str]) -> bool:
    """Whether the response holds a roadblock that the lexicon counts as a question ("why")."""
    from trainer.scoring import lexicons  # (read when a response is scored: not before the app's first screens)

    blocks = lexicons.roadblocks()
    return any(blocks.get(r, {}).get("kind") in QUESTION_KINDS for r in roadblocks)


def change(landed: str, roadblocks: Sequence[str]) -> int:
    """How far a response that ``landed`` so moves openness, before the 1..5 limits."""
    if landed == "questioned" and asks_why(roadblocks):
        return WHY_CHANGE
    return CHANGE[landed]


def moved(openness: int, by: int) -> int:
    return max(LOWEST, min(HIGHEST, openness + by))


def openness_name(level: int) -> str:
    return OPENNESS_NAMES[level]


def openness_bar(level: int) -> str:
    """'▮▮▯▯▯' for 2: the level as a symbol, so it never rests on colour alone."""
    return FULL * level + EMPTY * (HIGHEST - level)


def openness_words(level: int) -> str:
    """'guarded ▮▮▯▯▯': the name and the symbol together."""
    return f"{openness_name(level)} {openness_bar(level)}"


def openness_line(level: int) -> str:
    """'Openness: guarded ▮▮▯▯▯'."""
    return f"Openness: {openness_words(level)}"


def openness_move(before: int, after: int) -> str:
    """'Openness: wary ▮▮▮▯▯ → opening up ▮▮▮▮▯', or '... (unchanged)'."""
    if before == after:
        return f"{openness_line(after)} (unchanged)"
    return f"{openness_line(before)} → {openness_words(after)}"


def says_guarded(openness: int) -> bool:
    """Whether a statement that comes up at this openness is said in its guarded version."""
    return openness <= GUARDED_AT_MOST


def opens_deeper(openness: int) -> bool:
    """Whether openness after a response is high enough for the deeper statement."""
    return openness >= DEEPER_AT_LEAST


def reaction_to(statement: Statement | DeeperStatement, landed: str, roadblocks: Sequence[str]) -> Reaction | None:
    """What the client says back (see the module's docstring); None when the author wrote nothing that fits."""
    lines = statement.reactions
    if roadblocks and roadblocks[0] in lines:
        return lines[roadblocks[0]]
    if landed in lines:
        return lines[landed]
    return lines.get("partly") if landed in BORROWS_PARTLY else None


@dataclass(frozen=True, slots=True)
class Exchange:
    """How the client took one response. Openness is None outside a conversation (a drill, or
    a scenario written without one): there the response lands and may get a reaction, but trust
    is not kept."""

    outcome: str
    reaction: Reaction | None = None
    openness_before: int | None = None
    openness_after: int | None = None


def exchange(statement: Statement | DeeperStatement, feedback: Feedback, openness: int | None) -> Exchange:
    """How the client takes ``feedback``'s response to ``statement`` at ``openness``."""
    landed = outcome_of(feedback)
    after = None if openness is None else moved(openness, change(landed, feedback.roadblocks))
    return Exchange(landed, reaction_to(statement, landed, feedback.roadblocks), openness, after)
