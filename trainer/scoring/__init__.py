"""The scoring engine: one pure function, ``score``, serves the app, the CLI and grading."""

from trainer.scoring.engine import AdHocStatement, score
from trainer.scoring.feedback import BestMatch, Check, Feedback

__all__ = ["BestMatch", "Check", "Feedback", "Statement", "score"]
