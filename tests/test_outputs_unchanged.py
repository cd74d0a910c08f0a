"""What grading, batch scoring and exporting write, compared byte for byte with outputs recorded
before their insides were rebuilt (issues 15 and 16): the gradebook CSV, the class report (with
and without names), the problems and notes of grading, the batch JSON lines, and an export.

Inputs are fixed: a class of exports in ``fixtures/class`` (full exports as 'trainer export'
writes them, hand-made ones, every kind of file grading skips or reports), batch rows in
``fixtures/batch/rows.jsonl`` (ad-hoc and scenario rows, and every kind of row that cannot be
scored), and the attempts below. Only the test scenarios are read, never the bundled library.

A change of the scorer's verdicts changes these outputs too: after reviewing such a change,
record them again with ``.venv/bin/python tests/test_outputs_unchanged.py --update``.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from trainer import jsonio
from trainer.batch import read_lines, score_lines
from trainer.grading import class_report, grade, write_gradebook
from trainer.grading.report import _md as as_markdown
from trainer.loader import Library, load_paths
from trainer.model import Reaction
from trainer.progress.attempt import SavedAttempt
from trainer.progress.export import to_csv, to_json
from trainer.scoring import Check

FIXTURES = Path(__file__).parent / "fixtures"
EXPECTED = FIXTURES / "expected"
T0 = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)


def library() -> Library:
    return load_paths([FIXTURES / "scenarios", FIXTURES / "conversation"])


def grading_outputs() -> dict[str, str]:
    grading = grade([FIXTURES / "class"], library())
    gradebook = io.StringIO()
    write_gradebook(grading, gradebook)
    messages = [f"problem: {p}" for p in grading.problems] + [f"note: {n}" for n in grading.notes]
    outputs = {
        "gradebook.csv": gradebook.getvalue(),
        "report.md": class_report(grading),
        "report-names.md": class_report(grading, names=True),  # it names the files skipped
        "grading-messages.txt": "\n".join(messages) + "\n",
    }
    # Paths as the fixtures' folder names them, wherever the checkout is; the report writes them
    # in Markdown (a checkout in "/tmp/tmp_x1/" is "/tmp/tmp\_x1/" there).
    here = (as_markdown(str(FIXTURES)), str(FIXTURES))
    return {name: text.replace(here[0], "fixtures").replace(here[1], "fixtures") for name, text in outputs.items()}


def batch_output() -> dict[str, str]:
    scenarios = library()
    with open(FIXTURES / "batch" / "rows.jsonl", "rb") as rows:
        lines = [
            f"{jsonio.dumps(row)}  # {'scored' if ok else 'not scored'}"
            for row, ok in score_lines(read_lines(rows), lambda: scenarios)
        ]
    return {"batch.jsonl": "\n".join(lines) + "\n"}


def attempts() -> list[SavedAttempt]:
    """Attempts with everything an export carries: checks, roadblocks, messages, a deeper
    statement, reactions with and without a cue, openness, text that is not ASCII, a control
    character, a response left empty."""
    checks = (
        Check("similarity", True, 17, 20, "Close to a model answer (83% similar)."),
        Check("feeling", False, 0, 25, "No feeling named (alone, forgotten or hurt)."),
        Check("no_roadblock", True, 15, 15, "No roadblock."),
    )
    plain = dict(checks=checks, roadblocks=(), messages=("You named it.", "Next, name the feeling."))
    return [
        SavedAttempt(
            "lonely-birthday",
            1,
            "Nobody called.",
            "You felt forgotten.",
            88,
            "strong",
            "reflection",
            at=T0,
            session="s1",
            **plain,
        ),
        SavedAttempt(
            "lonely-birthday",
            2,
            "I checked my phone.",
            "You should call your mom \u2014 really.\n\u001b[31mNow.",
            21,
            "not_yet",
            "advice",
            checks[:1],
            ("advising", "ordering"),
            ("A message with \u00e9 and \u4e2d.",),
            T0 + timedelta(minutes=5),
            "s1",
            id=7,
            reaction=Reaction(say="Yeah, maybe.", cue="looks away"),
            openness_before=3,
            openness_after=2,
        ),
        SavedAttempt(
            "drifting-apart",
            2,
            "Honestly, I think I was the extra one.",
            "",
            0,
            "not_yet",
            "other",
            (),
            (),
            (),
            T0 + timedelta(days=1, hours=3),
            "s2",
            deeper=True,
            reaction=Reaction(say="Forget it."),
            openness_before=4,
            openness_after=4,
        ),
        SavedAttempt(
            "warning-demo",
            1,
            "He shouted.",
            'It sounds "scary", \\ and you froze.',
            64,
            "good",
            "reflection",
            at=datetime(2025, 3, 5, 23, 30, tzinfo=timezone(timedelta(hours=-5))),
            session="s3",
            **plain,
        ),
    ]


def export_outputs() -> dict[str, str]:
    return {
        "export.json": to_json(attempts(), "Ana D\u00edaz", T0 + timedelta(days=3)),
        "export-nobody.json": to_json([], None, T0),
        "export.csv": to_csv(attempts()),
    }


OUTPUTS: dict[str, Callable[[], dict[str, str]]] = {
    "grading": grading_outputs,
    "batch": batch_output,
    "export": export_outputs,
}


@pytest.mark.parametrize("outputs", OUTPUTS.values(), ids=OUTPUTS.keys())
def test_outputs_are_byte_for_byte_as_recorded(outputs):
    for name, text in outputs().items():
        expected = (EXPECTED / name).read_bytes().decode("utf-8")
        assert text == expected, f"{name} differs from {EXPECTED / name}"


def update() -> None:
    EXPECTED.mkdir(exist_ok=True)
    for outputs in OUTPUTS.values():
        for name, text in outputs().items():
            (EXPECTED / name).write_bytes(text.encode("utf-8"))
            print(f"wrote {EXPECTED / name}")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: tests/test_outputs_unchanged.py --update")
    update()
