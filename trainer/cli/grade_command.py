"""``trainer grade``: students' exports in, a gradebook CSV and a class report out."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

import click

from trainer.cli.context import AppContext, echo, pass_app, report_problems, scenarios_option
from trainer.grading import class_report, grade, write_gradebook
from trainer.paths import create_private
from trainer.terminal import printable
from trainer.wording import plural


class _Printable:
    """Standard output for what students wrote: their control characters shown, not run."""

    def write(self, text: str) -> int:
        return sys.stdout.write(printable(text))


@contextmanager
def _opened(target: str):
    """Standard output for '-', else the file (as written), with a plain message when it cannot be written."""
    if target == "-":
        yield _Printable()
        sys.stdout.flush()
        return
    try:
        with create_private(target) as handle:
            yield handle
    except OSError as err:
        echo(f"trainer grade: cannot write {target}: {err.strerror or err}", err=True)
        raise SystemExit(1) from None


def _same_target(a: str, b: str) -> bool:
    if "-" in (a, b):
        return a == b
    return Path(a).resolve() == Path(b).resolve()


@click.command("grade", short_help="Grade a class: exports in, a gradebook and a class report out.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(), metavar="FILE|DIR...")
@click.option(
    "--output",
    "-o",
    default="-",
    metavar="FILE",
    show_default="standard output",
    help="Write the gradebook CSV here: a row per student and scenario, and an (overall) row per "
    "student, whose mean_best_score is the grade to give an LMS.",
)
@click.option("--report", "-r", metavar="FILE", help="Write the Markdown class report here ('-' for standard output).")
@click.option("--names", is_flag=True, help="Show students' names in the report instead of Student A, B...")
@scenarios_option
@pass_app
def grade_command(app: AppContext, paths: tuple[str, ...], output: str, report: str | None, names: bool) -> None:
    """Grade a class from students' exports (the JSON of 'trainer export').

    Every response is scored again with the current scoring, so every student is graded
    the same way. FILE|DIR: export files, or folders searched for *.json. Files that cannot
    be read, Markdown or CSV exports handed in instead of the JSON one (they cannot be
    graded: ask for the JSON export), and responses to scenarios or statements the library
    does not have, are reported and skipped; the rest are graded, and the exit code is then
    1. Any other file in a folder, and a Markdown or CSV export beside the same student's
    JSON export, is named as skipped and leaves the exit code alone.

    \b
    trainer grade exports/ > grades.csv
    trainer grade exports/ --output grades.csv --report report.md
    trainer --scenarios course/ grade alice.json bob.json -o grades.csv -r - --names
    """
    if report is not None and _same_target(report, output):
        raise click.UsageError("--output and --report must go to different places")
    grading = grade(paths, app.library)
    with _opened(output) as handle:
        write_gradebook(grading, handle)
    if report is not None:
        with _opened(report) as handle:
            handle.write(class_report(grading, names=names))
    report_problems(grading.problems)
    report_problems(grading.notes)
    responses = len(grading.responses)
    summary = (
        f"Graded {plural(len(grading.students), 'student')}: {plural(responses, 'response')} "
        f"to {plural(len(grading.scenarios), 'scenario')}"
    )
    if grading.problems:
        summary += f"; {plural(len(grading.problems), 'problem')} above, so not everything was graded"
    if report is None:
        summary += ". Add --report report.md for the class report"
    echo(summary + ".", err=True)
    raise SystemExit(0 if grading.complete else 1)
