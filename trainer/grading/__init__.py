"""Grading a class: students' exports scored again, a gradebook CSV and a class report.

No click and no Textual here; ``trainer grade`` is a thin shell over these functions.
"""

from trainer.grading.exports import read_exports
from trainer.grading.grade import GradedResponse, Grading, Verdict, grade
from trainer.grading.gradebook import gradebook_columns, gradebook_rows, write_gradebook
from trainer.grading.report import class_report, student_labels

__all__ = [
    "GradedResponse",
    "Grading",
    "Verdict",
    "class_report",
    "grade",
    "gradebook_columns",
    "gradebook_rows",
    "read_exports",
    "student_labels",
    "write_gradebook",
]
