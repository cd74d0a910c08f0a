"""Loading scenario files safely, with problems reported by file, line and plain English.

A file is read (at most ``MAX_FILE_BYTES``, UTF-8), parsed into plain data by
``trainer.yaml_reading`` and checked against the scenario format: quickly by
``trainer.scenario_data`` when it is certainly valid, else in full by ``trainer.scenario_check``,
which names every problem at its line. A ``ScenarioCache`` (the app's) remembers the files checked
before, so a library that has not changed is listed without reading its YAML again. While files
load, garbage collection waits: they make thousands of short-lived objects and no cycles, and
collecting among them was a third of the time.
"""

from __future__ import annotations

import gc
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from trainer.folders import files_under
from trainer.model import Scenario
from trainer.scenario_data import scenario_from_data

if typing.TYPE_CHECKING:
    from trainer.scenario_cache import ScenarioCache
    from trainer.yaml_reading import Place

MAX_FILE_BYTES = 1_000_000
SCENARIO_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong with one file, at a line when it can be named."""

    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.message}"


class FileError(Exception):
    """What stops a file from being read, at a line when it can be named."""

    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as err:
        raise FileError(None, f"cannot read the file: {err.strerror or err}") from None
    if size > MAX_FILE_BYTES:
        raise FileError(
            None,
            f"the file is {size / 1_000_000:.1f} MB; scenario files are limited to "
            f"{MAX_FILE_BYTES // 1_000_000} MB (a real scenario is a few KB)",
        )
    try:
        return path.read_bytes()
    except OSError as err:
        raise FileError(None, f"cannot read the file: {err.strerror or err}") from None


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise FileError(
            line,
            f"the file is not UTF-8 text (byte 0x{data[err.start]:02x} at position {err.start}); save it as UTF-8",
        ) from None


@dataclass(frozen=True)
class LoadedFile:
    """The outcome of loading one file: a scenario, or the problems that stopped it."""

    path: Path
    scenario: Scenario | None
    problems: tuple[Problem, ...] = ()
    id_line: int | None = None


def load_file(path: str | Path, cache: ScenarioCache | None = None) -> LoadedFile:
    """Load and validate one scenario file; never raises for bad content. With ``cache``, a file
    checked before (the same bytes) is not read again, and a valid one is remembered."""
    path = Path(path)
    try:
        raw = _read_bytes(path)
        remembered = cache.get(raw) if cache is not None else None
        if remembered is not None:
            return LoadedFile(path, remembered.scenario, (), remembered.id_line)
        from trainer.yaml_reading import line_of, node_at, parse

        root, data = parse(_text(raw))
    except FileError as err:
        return LoadedFile(path, None, (Problem(path, err.line, err.message),))
    except RecursionError:
        return LoadedFile(path, None, (Problem(path, None, "the file is nested too deeply"),))
    scenario = scenario_from_data(data)
    if scenario is None:  # the quick check is not sure: the full check decides, and names the problems
        from trainer.scenario_check import check

        checked = check(path, root, data)
        if isinstance(checked, tuple):
            return LoadedFile(path, None, checked)
        data, scenario = checked, scenario_from_data(checked)
        if scenario is None:  # pragma: no cover - the quick check builds all that the full check gives
            raise AssertionError(f"{path}: the scenario format's own data could not be built")
    id_line = line_of(node_at(root, ("id",))[0])
    if cache is not None:
        cache.put(raw, data, id_line)
    return LoadedFile(path, scenario, (), id_line)


def lines_of(path: Path, places: typing.Iterable[Place]) -> list[int | None]:
    """The line of each place in the file as it is now -- a place is a path of keys and indexes, as
    pydantic names them: ("turns", 0, "examples", 2) -- or None where the file no longer has it.

    The model keeps no lines (loading every file stays lean); a report that points into a file
    reads it again, once."""
    from trainer.yaml_reading import line_of, parse, walk

    places = list(places)
    try:
        root, _ = parse(_text(_read_bytes(path)))
    except (FileError, RecursionError):
        return [None] * len(places)
    found = []
    for place in places:
        steps = walk(root, place)
        found.append(line_of(steps[-1][0]) if steps and len(steps) == len(place) else None)
    return found


def scenario_files(paths: typing.Iterable[str | Path]) -> tuple[list[Path], list[Problem]]:
    """Expand files and folders into scenario files, in a stable order; links out of a folder and
    subfolders that cannot be read are problems."""
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        try:
            is_folder, is_file = path.is_dir(), path.is_file()
        except PermissionError as err:
            problems.append(Problem(path, None, f"cannot read this ({err.strerror}); it was skipped"))
            continue
        if is_folder:
            found, skipped = files_under(path, SCENARIO_SUFFIXES)
            files.extend(found)
            problems.extend(Problem(where, None, why) for where, why in skipped)
        elif is_file:
            files.append(path)
        else:
            problems.append(Problem(path, None, "no such file or folder"))
    return files, problems


@dataclass
class Library:
    """Every scenario that loaded, where it came from, and the problems of the rest."""

    scenarios: list[Scenario] = field(default_factory=list)
    paths: dict[str, Path] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files_read: int = 0

    def get(self, scenario_id: str) -> Scenario | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)

    @property
    def ok(self) -> bool:
        return not self.problems


@contextmanager
def _collection_paused() -> Iterator[None]:
    """Garbage collection paused (unless it already was). Loading a file makes no reference
    cycles -- except a file whose aliases refer to themselves, which fails to load: the caller
    collects after a failure, so such garbage never piles up."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def load_paths(paths: typing.Iterable[str | Path], cache: ScenarioCache | None = None) -> Library:
    """Load every scenario file under ``paths``; one bad file never stops the others."""
    files, problems = scenario_files(paths)
    library = Library(problems=problems, files_read=len(files))
    id_lines: dict[str, int | None] = {}
    with _collection_paused():
        for path in files:
            _add(library, load_file(path, cache), id_lines)
    return library


def _add(library: Library, loaded: LoadedFile, id_lines: dict[str, int | None]) -> None:
    """One loaded file into the library: its scenario, unless the id is taken, or its problems."""
    path = loaded.path
    library.problems.extend(loaded.problems)
    if loaded.problems:
        gc.collect(0)
        return
    scenario = loaded.scenario
    if scenario is None:
        return
    if scenario.id in library.paths:
        first = library.paths[scenario.id]
        line = id_lines[scenario.id]
        library.problems.append(
            Problem(
                path,
                loaded.id_line,
                f"the scenario id '{scenario.id}' is already used by {first}:{line}; ids must be unique",
            )
        )
        return
    library.scenarios.append(scenario)
    library.paths[scenario.id] = path
    id_lines[scenario.id] = loaded.id_line


def bundled_scenarios_dir() -> Path:
    """The scenario library shipped with the package (or the checkout's, when run from source).
    A folder the user may not look into counts as there: reading it reports it, with its name."""
    packaged = Path(__file__).parent / "bundled_scenarios"
    try:
        if packaged.is_dir():
            return packaged
    except PermissionError:
        return packaged
    return Path(__file__).resolve().parent.parent / "scenarios"


def load_library(extra_dirs: typing.Iterable[str | Path] = (), cache: ScenarioCache | None = None) -> Library:
    """The bundled library plus any folders given with ``--scenarios``."""
    return load_paths([bundled_scenarios_dir(), *extra_dirs], cache)
