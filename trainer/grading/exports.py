"""Reading students' exports (the JSON of ``trainer export``) and checking their shape.

An export is ``{"student", "exported_at", "attempts": [{"scenario", "turn", "client",
"response", "score", "band", "kind", "checks", "at"}]}``. Grading needs only ``scenario``,
``turn`` and ``response`` of each attempt (everything is scored again), ``deeper`` when it
answered a deeper statement, and the student's name. A file that is not JSON, or not shaped
like an export, is reported by name and skipped whole: a damaged or hand-edited file cannot
be trusted in part.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from trainer import jsonio
from trainer.folders import files_under
from trainer.loader import Problem

EXPORT_SUFFIX = ".json"
# An export of 10,000 attempts is about 5 MB; anything far larger is not an export.
MAX_EXPORT_BYTES = 50_000_000


@dataclass(frozen=True, slots=True)
class Attempt:
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
    attempts: tuple[Attempt, ...]


class ExportError(ValueError):
    """Why a file cannot be graded, with the line when JSON itself is broken."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


def export_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Problem]]:
    """Files as given, and every ``*.json`` under each folder; each file once, in order. Links out
    of a folder and subfolders that cannot be read are problems: a student could go missing."""
    files: dict[Path, Path] = {}
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found, skipped = files_under(path, (EXPORT_SUFFIX,))
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
    return list(files.values()), problems


def _text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_EXPORT_BYTES:
            raise ExportError(f"the file is over {MAX_EXPORT_BYTES // 1_000_000} MB; "
                              "an export of a whole course is a few MB")
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


def _attempt(number: int, raw: object) -> Attempt:
    where = f"attempt {number}"
    if not isinstance(raw, dict):
        raise ExportError(f"{where} is not an object with scenario, turn and response")
    scenario = _required(raw, "scenario", where)
    if not isinstance(scenario, str) or not scenario:
        raise ExportError(f"{where}: 'scenario' must be a scenario id, not {_shown(scenario)}")
    turn = _required(raw, "turn", where)
    if isinstance(turn, bool) or not isinstance(turn, int) or turn < 1:
        raise ExportError(f"{where}: 'turn' must be a whole number from 1 (the first statement), "
                          f"not {_shown(turn)}")
    response = _required(raw, "response", where)
    if not isinstance(response, str):
        raise ExportError(f"{where}: 'response' must be text, not {_shown(response)}")
    client = raw.get("client")
    deeper = raw.get("deeper", False)
    if not isinstance(deeper, bool):
        raise ExportError(f"{where}: 'deeper' must be true or false, not {deeper!r}")
    return Attempt(number, scenario, turn, response, client if isinstance(client, str) else None, deeper)


def parse_export(path: Path, text: str) -> Export:
    """The export in ``text``; raises ExportError saying what is wrong."""
    try:
        data = jsonio.parse(text)
    except jsonio.JsonProblem as err:
        raise ExportError(err.message, err.line) from None
    if not isinstance(data, dict) or "attempts" not in data:
        raise ExportError("this is not an export of 'trainer export': "
                          "expected an object with \"student\" and \"attempts\"")
    attempts = data["attempts"]
    if not isinstance(attempts, list):
        raise ExportError("'attempts' must be a list")
    student = data.get("student")
    if student is not None and not isinstance(student, str):
        raise ExportError(f"'student' must be a name (text), not {_shown(student)}")
    name = " ".join((student or "").split()) or path.stem
    return Export(path, name, tuple(_attempt(i, a) for i, a in enumerate(attempts, start=1)))


def read_exports(paths: Iterable[str | Path]) -> tuple[list[Export], list[Problem]]:
    """Every export under ``paths`` that reads, and a problem for each that does not."""
    files, problems = export_files(paths)
    exports = []
    for path in files:
        try:
            exports.append(parse_export(path, _text(path)))
        except ExportError as err:
            problems.append(Problem(path, err.line, f"{err.message}; file skipped"))
    return exports, problems
