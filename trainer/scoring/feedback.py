"""The result of scoring, and how it is said: strengths first, one next step, a model answer."""

from __future__ import annotations

from dataclasses import dataclass

# The result types below are plain (not frozen) dataclasses: several are built for every
# response scored, frozen ones cost four times as much to build, and nothing changes them
# after construction.
BANDS = (("strong", 80), ("good", 60), ("developing", 40), ("not_yet", 0))
BAND_WORDS = {"strong": "Strong", "good": "Good", "developing": "Developing", "not_yet": "Not yet"}
KIND_WORDS = {
    "reflection": "a reflection",
    "open_question": "an open question",
    "closed_question": "a closed question",
    "advice": "advice",
    "information": "information",
    "reassurance": "reassurance",
    "judgment": "a judgment",
    "self_disclosure": "self-disclosure",
    "other": "another kind of response",
}


def band_for(score: int) -> str:
    return next(band for band, floor in BANDS if score >= floor)


@dataclass(slots=True)
class Check:
    """One named rubric check. ``strength`` and ``next_step`` feed the messages."""

    id: str
    passed: bool
    points: int
    max_points: int
    message: str
    strength: str = ""
    next_step: str = ""

    def to_dict(self) -> dict:
        return {"id": self.id, "passed": self.passed, "points": self.points,
                "max_points": self.max_points, "message": self.message}


@dataclass(slots=True)
class BestMatch:
    answer: str
    similarity: int

    def to_dict(self) -> dict:
        return {"answer": self.answer, "similarity": self.similarity}


@dataclass(slots=True)
class Feedback:
    score: int
    band: str
    kind: str
    checks: tuple[Check, ...]
    best_match: BestMatch | None
    messages: tuple[str, ...]
    roadblocks: tuple[str, ...] = ()

    def check(self, check_id: str) -> Check | None:
        return next((c for c in self.checks if c.id == check_id), None)

    def to_dict(self) -> dict:
        return {
            "score": self.score,
            "band": self.band,
            "kind": self.kind,
            "checks": [c.to_dict() for c in self.checks],
            "best_match": self.best_match.to_dict() if self.best_match else None,
            "messages": list(self.messages),
            "roadblocks": list(self.roadblocks),
        }


# Strengths are told in this order, at most two; the next step is the first failed check.
_STRENGTH_ORDER = ("feeling", "reflective_form", "content", "no_roadblock", "similarity",
                   "own_words", "client_focus")
_NEXT_STEP_ORDER = ("no_roadblock", "reflective_form", "feeling", "content", "own_words",
                    "client_focus", "length", "similarity")
# The check that says what made a response this kind leads, when it is not the roadblock one:
# "I understand, I went through the same" needs the spotlight back on the client first.
_KIND_STEP = {"self_disclosure": "client_focus"}


# Praise for how one listened only rings true when the response was a reflection.
_STRENGTHS_OF_ANY_KIND = ("feeling", "content", "similarity")


def compose_messages(checks: tuple[Check, ...], best: BestMatch | None, name: str, band: str,
                     kind: str) -> tuple[str, ...]:
    """Strengths first, then one concrete next step, then a model answer to compare."""
    by_id = {c.id: c for c in checks}
    allowed = _STRENGTH_ORDER if kind == "reflection" else _STRENGTHS_OF_ANY_KIND
    strengths = [by_id[i].strength for i in allowed
                 if i in by_id and by_id[i].passed and by_id[i].strength][:2]
    if not strengths:
        strengths = [f"You responded to {name} -- every try builds the skill."]
    order = (_KIND_STEP[kind], *_NEXT_STEP_ORDER) if kind in _KIND_STEP else _NEXT_STEP_ORDER
    step = next((by_id[i].next_step for i in order
                 if i in by_id and not by_id[i].passed and by_id[i].next_step), "")
    if not step:
        step = (f"Next, try going one step deeper: reflect what this means to {name}, "
                "or the feeling underneath." if band == "strong" else
                "Next, name the feeling and what it is about in one sentence: \"It sounds like you feel ... because ...\".")
    messages = [*strengths, step]
    if best is not None:
        messages.append(f"A model answer to compare: \"{best.answer}\"")
    return tuple(messages)


@dataclass(frozen=True, slots=True)
class MessageParts:
    """The messages of a Feedback by role, for displays that give each role a heading."""

    strengths: tuple[str, ...]
    next_step: str
    notes: tuple[str, ...]  # why a score was capped, when it was
    model_answer: str | None


CAPPED_PREFIX = "Score capped at"


def message_parts(feedback: Feedback) -> MessageParts:
    """Split ``feedback.messages`` back into the roles ``compose_messages`` put them in.

    The order is: strengths, the one next step, any cap note, then the model answer line
    when there is a best match.
    """
    rest = list(feedback.messages)
    if feedback.best_match is not None:
        rest.pop()
    notes = []
    while rest and rest[-1].startswith(CAPPED_PREFIX):
        notes.insert(0, rest.pop())
    step = rest.pop()
    return MessageParts(tuple(rest), step, tuple(notes),
                        feedback.best_match.answer if feedback.best_match else None)
