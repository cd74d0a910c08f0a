"""The scoring engine's public face: one pure function, ``score``, serves the app, the CLI and
grading, and what else other packages need of the scorer is named here.

Each name loads on first use (PEP 562), so a caller that needs only ``Feedback`` or a word
list does not load the engine and rapidfuzz; the word lists themselves are the submodule
``lexicons`` (``from trainer.scoring import lexicons``).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.scoring.engine import AdHocStatement, score
    from trainer.scoring.feedback import BestMatch, Check, Feedback
    from trainer.scoring.remembered import write_nothing
    from trainer.scoring.spelling import is_word
    from trainer.scoring.text import words

_HOMES = {
    "AdHocStatement": "engine",
    "score": "engine",
    "BestMatch": "feedback",
    "Check": "feedback",
    "Feedback": "feedback",
    "is_word": "spelling",
    "words": "text",
    "write_nothing": "remembered",
}
__all__ = ["AdHocStatement", "BestMatch", "Check", "Feedback", "is_word", "score", "words", "write_nothing"]  # = _HOMES


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'trainer.scoring' has no attribute {name!r}")
    value = getattr(import_module(f"trainer.scoring.{home}"), name)
    globals()[name] = value
    return value
