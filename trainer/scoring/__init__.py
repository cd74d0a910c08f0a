"""The scoring engine: one pure function, ``score``, serves the app, the CLI and grading."""

from trainer.scoring.engine import Statement, score
from trainer.scoring.feedback import BAND_WORDS, KIND_WORDS, BestMatch, Check, Feedback, band_for
from trainer.scoring.reading import KINDS

__all__ = ["BAND_WORDS", "KINDS", "KIND_WORDS", "BestMatch", "Check", "Feedback", "Statement", "band_for",
           "score"]
