"""Reading students' exports (the JSON of ``trainer export``) and checking their shape.

An export is ``{"student", "exported_at", "attempts": [{"scenario", "turn", "client",
"response", "score", "band", "kind", "checks", "at"}]}``, read with the model that writes it
(``trainer.progress.export_format``). Grading needs only ``scenario``, ``turn`` and ``response``
of each attempt (everything is scored again), ``deeper`` when it answered a deeper statement,
and the student's name. A file that is not JSON, or not shaped like an export, is reported by
name -- with the first thing wrong -- and skipped whole: a damaged or hand-edited file cannot be
trusted in part.

Only the JSON export can be graded: the Markdown export is a transcript for people to read,
and the CSV one has no student. Either, handed in instead of the JSON, is a student's work
left ungraded -- a problem, named with the way out; beside the same student's JSON export it
is only a note. Any other file in a folder is skipped with a note that names it: nothing is
passed over in silence.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from trainer import jsonio
from trainer.folders import files_under
from trainer.loader import Problem
from trainer.progress.export import CSV_FIELDS
from trainer.progress.export_format import ExportDocument, ExportedAttempt

EXPORT_SUFFIX = ".json"
# An export of 10,000 attempts, each with its stored feedback, is about 30 MB; anything far larger is not an export.
MAX_EXPORT_BYTES = 50_000_000
# The first line of a Markdown export (``trainer.progress.export.to_markdown``).
MARKDOWN_HEADING = "# Reflective listening practice"
HAND_IN = "ask for the JSON export: trainer export --student NAME --output NAME.json"
NOT_AN_EXPORT = "not an export (trainer grade reads the JSON of 'trainer export', *.json); file skipped"


@dataclass(frozen=True)
class Export:
    path: Path
    student: str  # the export's "student", else the file name without .json
    attempts: tuple[ExportedAttempt, ...]


class ExportError(ValueError):
    """Why a file cannot be graded, with the line when JSON itself is broken."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


def export_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path], list[Problem]]:
    """Files as given, and every ``*.json`` under each folder, each file once, in order; the other
    files of the folders; and the problems: links out of a folder and subfolders that cannot be
    read (a student could go missing), and folders without a ``*.json``."""
    files: dict[Path, Path] = {}
    others: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            everything, skipped = files_under(path, None)
            found = [f for f in everything if f.suffix == EXPORT_SUFFIX]
            others.extend(f for f in everything if f.suffix != EXPORT_SUFFIX)
            problems.extend(Problem(where, None, why) for where, why in skipped)
            if not found and not skipped:
                problems.append(Problem(path, None, "no export files (*.json) in this folder"))
        elif path.is_file():
            found = [path]
        else:
            problems.append(Problem(path, None, "no such file or folder"))
            continue
        for file in found:
            files.setdefault(file.resolve(), file)
    return list(files.values()), others, problems


@dataclass(frozen=True)
class OtherFormat:
    """An export of 'trainer export' in a format grading cannot read."""

    kind: str  # "Markdown" or "CSV"
    student: str | None = None  # the name in a Markdown export's heading


def other_format(path: Path) -> OtherFormat | None:
    """What ``path`` is when it is a Markdown or CSV export of 'trainer export', else None."""
    try:
        with path.open("rb") as handle:
            start = handle.read(4096).decode("utf-8-sig", errors="replace")
    except OSError:
        return None
    first = start.splitlines()[0] if start else ""
    if first.startswith(MARKDOWN_HEADING):
        name = " ".join(first[len(MARKDOWN_HEADING) :].removeprefix(":").split())
        return OtherFormat("Markdown", name or None)
    if first.split(",")[: len(CSV_FIELDS)] == list(CSV_FIELDS):
        return OtherFormat("CSV")
    return None


def _ungraded(path: Path, found: OtherFormat, read: list[tuple[Path, str]]) -> tuple[bool, Problem]:
    """A Markdown or CSV export: a note when the same student's JSON export is graded (the same
    name in its heading, or the same file name), else a problem -- their work went ungraded."""
    twin = next(((p, student) for p, student in read if p.stem == path.stem or student == found.student), None)
    if twin is not None:
        twin_path, twin_student = twin
        return False, Problem(
            path,
            None,
            f"a {found.kind} export of '{twin_student}', who is graded from the JSON export {twin_path}; file skipped",
        )
    return True, Problem(
        path,
        None,
        f"a {found.kind} export of 'trainer export', which cannot be graded: this "
        f"student's work was not graded -- {HAND_IN}; file skipped",
    )


def _contents(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_EXPORT_BYTES:
            raise ExportError(
                f"the file is over {MAX_EXPORT_BYTES // 1_000_000} MB; an export of a whole course is a few MB"
            )
        return path.read_bytes()
    except OSError as err:
        raise ExportError(f"cannot read the file: {err.strerror or err}") from None


def _text(contents: str | bytes) -> str:
    if isinstance(contents, str):
        return contents
    try:
        return contents.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExportError("this is not an export: the file is not UTF-8 text") from None


def _shown(value: object) -> str:
    """A value from a file, named briefly for a message: a list may hold megabytes."""
    if isinstance(value, (dict, list)):
        return "an object" if isinstance(value, dict) else "a list"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


NOT_THE_SHAPE = 'this is not an export of \'trainer export\': expected an object with "student" and "attempts"'
# What is wrong with an attempt's field, in the order the fields are looked at.
ATTEMPT_PROBLEMS = {
    "scenario": "'scenario' must be a scenario id, not {shown}",
    "turn": "'turn' must be a whole number from 1 (the first statement), not {shown}",
    "response": "'response' must be text, not {shown}",
    "deeper": "'deeper' must be true or false, not {value!r}",
}


def _problem(error: ErrorDetails) -> tuple[tuple[int, ...], str]:
    """Where ``error`` comes in the order an export is looked at -- its shape, its attempts
    list, the student, then each attempt in turn, field by field -- and what to say."""
    where, value = error["loc"], error["input"]
    if where == ("attempts",) and error["type"] != "missing":
        return (1,), "'attempts' must be a list"
    if where == ("student",):
        return (2,), f"'student' must be a name (text), not {_shown(value)}"
    if len(where) == 2:
        number = int(where[1]) + 1
        return (3, number, -1), f"attempt {number} is not an object with scenario, turn and response"
    if len(where) == 3:
        number, field = int(where[1]) + 1, str(where[2])
        order = list(ATTEMPT_PROBLEMS).index(field)
        if error["type"] == "missing":
            return (3, number, order), f"attempt {number}: '{field}' is missing"
        return (3, number, order), f"attempt {number}: " + ATTEMPT_PROBLEMS[field].format(
            shown=_shown(value), value=value
        )
    return (0,), NOT_THE_SHAPE


def _document(contents: str | bytes) -> ExportDocument:
    """The export document in ``contents``; raises ExportError naming the first problem.

    Plain JSON in UTF-8, as the app writes, is read by the model straight from the file: the
    verdicts stored with every attempt, which grading never reads, are not even built. Any other
    file, or one the model does not take as it is, is read the strict way, which names what is
    wrong."""
    if jsonio.is_plain(contents):
        try:
            return ExportDocument.model_validate_json(_without_bom(contents))
        except ValidationError:
            pass
    try:
        data = jsonio.parse(_text(contents))
    except jsonio.JsonProblem as err:
        raise ExportError(err.message, err.line) from None
    try:
        return ExportDocument.model_validate(data)
    except ValidationError as err:
        raise ExportError(min(map(_problem, err.errors()))[1]) from None


def _without_bom(contents: str | bytes) -> str | bytes:
    """A file's bytes without the byte order mark some editors put first, as ``utf-8-sig``
    reads them (text is taken as it is)."""
    return contents.removeprefix(codecs.BOM_UTF8) if isinstance(contents, bytes) else contents


def parse_export(path: Path, contents: str | bytes) -> Export:
    """The export in ``contents`` (the file's bytes, or its text); raises ExportError saying what
    is wrong (the first thing, when there are several)."""
    document = _document(contents)
    name = " ".join((document.student or "").split()) or path.stem
    return Export(path, name, tuple(document.attempts))


class ExportReading:
    """The exports under some paths, read one at a time as they are iterated (a class's exports
    need not all be in memory at once). Once all are read, ``problems`` holds a problem for
    each file that did not read, or that is an export in another format without the student's
    JSON export beside it (their work left ungraded), and ``notes`` a note for every other file
    of the folders, skipped."""

    def __init__(self, paths: Iterable[str | Path]):
        self.files, self.others, self.problems = export_files(paths)
        self.notes: list[Problem] = []
        self.read: list[tuple[Path, str]] = []  # each export read: its file, its student

    def __iter__(self) -> Iterator[Export]:
        unreadable: list[tuple[Path, OtherFormat]] = []
        for path in self.files:
            try:
                export = parse_export(path, _contents(path))
            except ExportError as err:
                found = other_format(path)
                if found:
                    unreadable.append((path, found))
                else:
                    self.problems.append(Problem(path, err.line, f"{err.message}; file skipped"))
                continue
            self.read.append((export.path, export.student))
            yield export
        for path in self.others:
            found = other_format(path)
            if found:
                unreadable.append((path, found))
            else:
                self.notes.append(Problem(path, None, NOT_AN_EXPORT))
        for path, found in unreadable:
            is_problem, problem = _ungraded(path, found, self.read)
            (self.problems if is_problem else self.notes).append(problem)


def read_exports(paths: Iterable[str | Path]) -> tuple[list[Export], list[Problem], list[Problem]]:
    """Every export under ``paths`` that reads, and the problems and notes of ``ExportReading``."""
    reading = ExportReading(paths)
    exports = list(reading)
    return exports, reading.problems, reading.notes
