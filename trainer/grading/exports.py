"""Reading students' exports (the JSON of ``trainer export``) and checking their shape.

An export is ``{"student", "exported_at", "attempts": [{"scenario", "turn", "client",
"response", "score", "band", "kind", "checks", "at"}]}``. Grading needs only ``scenario``,
``turn`` and ``response`` of each attempt (everything is scored again), ``deeper`` when it
answered a deeper statement, and the student's name. A file that is not JSON, or not shaped
like an export, is reported by name and skipped whole: a damaged or hand-edited file cannot
be trusted in part.

Only the JSON export can be graded: the Markdown export is a transcript for people to read,
and the CSV one has no student. Either, handed in instead of the JSON, is a student's work
left ungraded -- a problem, named with the way out; beside the same student's JSON export it
is only a note. Any other file in a folder is skipped with a note that names it: nothing is
passed over in silence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from trainer import jsonio
from trainer.folders import files_under
from trainer.loader import Problem
from trainer.progress.export import CSV_FIELDS

EXPORT_SUFFIX = ".json"
# An export of 10,000 attempts is about 5 MB; anything far larger is not an export.
MAX_EXPORT_BYTES = 50_000_000
# The first line of a Markdown export (``trainer.progress.export.to_markdown``).
MARKDOWN_HEADING = "# Reflective listening practice"
HAND_IN = "ask for the JSON export: trainer export --student NAME --output NAME.json"
NOT_AN_EXPORT = "not an export (trainer grade reads the JSON of 'trainer export', *.json); file skipped"


@dataclass(frozen=True, slots=True)
class ExportedAttempt:
    """One response a student typed, and the statement it answered."""

    number: int  # 1-based position in the file's attempts, for messages
    scenario: str
    turn: int  # 1-based
    response: str
    client: str | None  # the statement as the student saw it, when the export has it
    deeper: bool = False  # an answer to statement ``turn``'s deeper statement


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


def _ungraded(path: Path, found: OtherFormat, exports: list[Export]) -> tuple[bool, Problem]:
    """A Markdown or CSV export: a note when the same student's JSON export is graded (the same
    name in its heading, or the same file name), else a problem -- their work went ungraded."""
    twin = next((e for e in exports if e.path.stem == path.stem or e.student == found.student), None)
    if twin is not None:
        return False, Problem(
            path,
            None,
            f"a {found.kind} export of '{twin.student}', who is graded from the JSON export {twin.path}; file skipped",
        )
    return True, Problem(
        path,
        None,
        f"a {found.kind} export of 'trainer export', which cannot be graded: this "
        f"student's work was not graded -- {HAND_IN}; file skipped",
    )


def _text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_EXPORT_BYTES:
            raise ExportError(
                f"the file is over {MAX_EXPORT_BYTES // 1_000_000} MB; an export of a whole course is a few MB"
            )
        return path.read_bytes().decode("utf-8-sig")
    except OSError as err:
        raise ExportError(f"cannot read the file: {err.strerror or err}") from None
    except UnicodeDecodeError:
        raise ExportError("this is not an export: the file is not UTF-8 text") from None


def _shown(value: object) -> str:
    """A value from a file, named briefly for a message: a list may hold megabytes."""
    if isinstance(value, (dict, list)):
        return "an object" if isinstance(value, dict) else "a list"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _required(raw: dict, key: str, where: str):
    if key not in raw:
        raise ExportError(f"{where}: '{key}' is missing")
    return raw[key]


def _attempt(number: int, raw: object) -> ExportedAttempt:
    where = f"attempt {number}"
    if not isinstance(raw, dict):
        raise ExportError(f"{where} is not an object with scenario, turn and response")
    scenario = _required(raw, "scenario", where)
    if not isinstance(scenario, str) or not scenario:
        raise ExportError(f"{where}: 'scenario' must be a scenario id, not {_shown(scenario)}")
    turn = _required(raw, "turn", where)
    if isinstance(turn, bool) or not isinstance(turn, int) or turn < 1:
        raise ExportError(f"{where}: 'turn' must be a whole number from 1 (the first statement), not {_shown(turn)}")
    response = _required(raw, "response", where)
    if not isinstance(response, str):
        raise ExportError(f"{where}: 'response' must be text, not {_shown(response)}")
    client = raw.get("client")
    deeper = raw.get("deeper", False)
    if not isinstance(deeper, bool):
        raise ExportError(f"{where}: 'deeper' must be true or false, not {deeper!r}")
    return ExportedAttempt(number, scenario, turn, response, client if isinstance(client, str) else None, deeper)


def parse_export(path: Path, text: str) -> Export:
    """The export in ``text``; raises ExportError saying what is wrong."""
    try:
        data = jsonio.parse(text)
    except jsonio.JsonProblem as err:
        raise ExportError(err.message, err.line) from None
    if not isinstance(data, dict) or "attempts" not in data:
        raise ExportError(
            'this is not an export of \'trainer export\': expected an object with "student" and "attempts"'
        )
    attempts = data["attempts"]
    if not isinstance(attempts, list):
        raise ExportError("'attempts' must be a list")
    student = data.get("student")
    if student is not None and not isinstance(student, str):
        raise ExportError(f"'student' must be a name (text), not {_shown(student)}")
    name = " ".join((student or "").split()) or path.stem
    return Export(path, name, tuple(_attempt(i, a) for i, a in enumerate(attempts, start=1)))


def read_exports(paths: Iterable[str | Path]) -> tuple[list[Export], list[Problem], list[Problem]]:
    """Every export under ``paths`` that reads; a problem for each that does not, or that is an
    export in another format without the student's JSON export beside it (their work left
    ungraded); and a note for every other file of the folders, skipped."""
    files, others, problems = export_files(paths)
    exports: list[Export] = []
    notes: list[Problem] = []
    unreadable: list[tuple[Path, OtherFormat]] = []
    for path in files:
        try:
            exports.append(parse_export(path, _text(path)))
        except ExportError as err:
            found = other_format(path)
            if found:
                unreadable.append((path, found))
            else:
                problems.append(Problem(path, err.line, f"{err.message}; file skipped"))
    for path in others:
        found = other_format(path)
        if found:
            unreadable.append((path, found))
        else:
            notes.append(Problem(path, None, NOT_AN_EXPORT))
    for path, found in unreadable:
        is_problem, problem = _ungraded(path, found, exports)
        (problems if is_problem else notes).append(problem)
    return exports, problems, notes
