"""Loading scenario files safely, with problems reported by file, line and plain English.

YAML is parsed by libyaml (CSafeLoader) into a node tree; a small builder turns the nodes
into plain data while refusing what a scenario never needs (object tags, merge keys,
duplicate keys, alias bombs, control characters such as ESC that a terminal would run). The
pydantic model then checks the shape, and every error is mapped back to the line it came from.
"""

from __future__ import annotations

import difflib
import typing
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from trainer.folders import files_under
from trainer.model import OPENNESS_NAMES, DeeperStatement, Scenario, reaction_keys
from trainer.terminal import CONTROLS, escaped
from trainer.yaml_hints import explain

try:  # libyaml is much faster; the pure-Python loader is the fallback.
    from yaml import CSafeLoader as _YamlLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _YamlLoader

MAX_FILE_BYTES = 1_000_000
# A real scenario has a few hundred values; an alias bomb expands to billions.
MAX_VALUES = 100_000
SCENARIO_SUFFIXES = (".yaml", ".yml")

_Y = "tag:yaml.org,2002:"
_NULL, _MAP, _SEQ, _MERGE = _Y + "null", _Y + "map", _Y + "seq", _Y + "merge"
_SCALAR_TAGS = {_Y + t for t in ("str", "int", "float", "bool", "null", "timestamp")}


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong with one file, at a line when it can be named."""

    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.message}"


class _FileError(Exception):
    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _tag_error(node: yaml.Node) -> _FileError:
    tag = node.tag.replace(_Y, "!!")
    message = f"the tag {tag} is not allowed: scenario files hold plain text, lists and keys"
    if isinstance(node, yaml.ScalarNode) and not node.tag.startswith(_Y):
        message += " (text that starts with ! must be in quotes)"
    return _FileError(_line(node), message)


def _plain_text(node: yaml.ScalarNode) -> str:
    """The scalar's text, refused when it holds a control character ("\\e]0;..." in a title
    would retitle the terminal of everyone who lists the library). YAML's reader refuses them
    as they are, so only the escapes of a double-quoted scalar can make one."""
    control = node.style == '"' and CONTROLS.search(node.value)
    if control:
        raise _FileError(
            _line(node),
            f"a control character ({escaped(control.group())}) in the text; "
            "scenario files hold plain text, with line breaks and tabs only",
        )
    return node.value


class _Builder:
    """Turns a YAML node tree into dicts, lists and strings.

    Plain scalars stay text (the model converts ``age: 19``), so a client who says
    ``No`` is not turned into ``False``.
    """

    def __init__(self, root: yaml.Node) -> None:
        self.root = root
        self.values = 0

    def build(self, node: yaml.Node):
        self.values += 1
        if self.values > MAX_VALUES:
            raise self._too_many(node)
        if isinstance(node, yaml.ScalarNode):
            if node.tag not in _SCALAR_TAGS:
                raise _tag_error(node)
            return None if node.tag == _NULL else _plain_text(node)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                raise _tag_error(node)
            return [self.build(item) for item in node.value]
        if node.tag != _MAP:
            raise _tag_error(node)
        result: dict = {}
        key_lines: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                raise _FileError(_line(key_node), "merge keys ('<<') are not supported; write the keys out")
            if not isinstance(key_node, yaml.ScalarNode):
                raise _FileError(_line(key_node), "a key must be a plain word, not a list or mapping")
            key = _plain_text(key_node)
            if key in key_lines:
                raise _FileError(
                    _line(key_node),
                    f"duplicate key '{key}' (first given on line {key_lines[key]}); keep one of them",
                )
            key_lines[key] = _line(key_node)
            result[key] = self.build(value_node)
        return result

    def _too_many(self, node: yaml.Node) -> _FileError:
        """Too many values: written out (a list of 166,000 items), or made by aliases that repeat
        a few values over and over (an "alias bomb") -- told apart by counting the distinct ones."""
        if _distinct_nodes(self.root, MAX_VALUES + 1) > MAX_VALUES:
            return _FileError(
                _line(node),
                f"the file holds more than {MAX_VALUES:,} values (texts, lists "
                "and keys); a real scenario has a few hundred -- split it up",
            )
        return _FileError(
            _line(node),
            f"the file expands to more than {MAX_VALUES:,} values through "
            "aliases (an 'alias bomb'); write the values out instead",
        )


def _distinct_nodes(root: yaml.Node, enough: int) -> int:
    """How many different nodes the tree has (an alias is the node it names), counted up to ``enough``."""
    seen: set[int] = set()
    waiting = [root]
    while waiting and len(seen) < enough:
        node = waiting.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            waiting.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            waiting.extend(part for pair in node.value for part in pair)
    return len(seen)


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
    except OSError as err:
        raise _FileError(None, f"cannot read the file: {err.strerror or err}") from None
    if size > MAX_FILE_BYTES:
        raise _FileError(
            None,
            f"the file is {size / 1_000_000:.1f} MB; scenario files are limited to "
            f"{MAX_FILE_BYTES // 1_000_000} MB (a real scenario is a few KB)",
        )
    try:
        data = path.read_bytes()
    except OSError as err:
        raise _FileError(None, f"cannot read the file: {err.strerror or err}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise _FileError(
            line,
            f"the file is not UTF-8 text (byte 0x{data[err.start]:02x} at position {err.start}); save it as UTF-8",
        ) from None


def _parse(text: str) -> tuple[yaml.Node, object]:
    loader = _YamlLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        explained = explain(text, err, _YamlLoader)
        raise _FileError(explained.line, explained.message) from None
    except yaml.YAMLError as err:
        raise _FileError(None, f"this is not valid YAML: {err}") from None
    finally:
        loader.dispose()
    if node is None:
        raise _FileError(None, "the file is empty; a scenario needs at least id, title and turns")
    data = _Builder(node).build(node)
    if not isinstance(data, dict):
        raise _FileError(_line(node), "a scenario file must be a mapping of keys such as id, title and turns")
    return node, data


# ---------------------------------------------------------------------------- errors


def _walk(root: yaml.Node, loc: tuple) -> list[tuple[yaml.Node, yaml.Node | None]]:
    """The nodes along ``loc``, as far as the file has them, each with the key node that names it."""
    steps: list[tuple[yaml.Node, yaml.Node | None]] = []
    node = root
    for part in loc:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            match = next((kv for kv in node.value if kv[0].value == part), None)
            if match is None:
                break
            key_node, node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node, key_node = node.value[part], None
        else:
            break
        steps.append((node, key_node))
    return steps


def _node_at(root: yaml.Node, loc: tuple) -> tuple[yaml.Node, yaml.Node | None]:
    """The deepest node along ``loc``, and the key node that names it (if any)."""
    steps = _walk(root, loc)
    return steps[-1] if steps else (root, None)


def _model_at(loc: tuple) -> type[BaseModel]:
    """The model class that holds the field named by the last part of ``loc``."""
    model: type[BaseModel] = Scenario
    for part in loc[:-1]:
        if not isinstance(part, str) or part not in model.model_fields:
            continue
        inner = _innermost_model(model.model_fields[part].annotation)
        if inner is None:
            break
        model = inner
    return model


def _innermost_model(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _innermost_model(arg)
        if found:
            return found
    return None


def _where(loc: tuple) -> str:
    """'turn 2, example 1: ' for ('turns', 1, 'examples', 0, ...); 'turn 1, deeper statement,
    reaction 'partly': ' for ('turns', 0, 'deeper', 'reactions', 'partly', ...)."""
    names = {"turns": "turn", "examples": "example"}
    parts, i = [], 0
    while i < len(loc) - 1:
        part, following = loc[i], loc[i + 1]
        if part in names and isinstance(following, int):
            parts.append(f"{names[part]} {following + 1}")
            i += 2
        elif part == "reactions" and isinstance(following, str) and i + 2 < len(loc):
            parts.append(f"reaction '{following}'")
            i += 2
        else:
            if part == "deeper":
                parts.append("deeper statement")
            i += 1
    return ", ".join(parts) + ": " if parts else ""


def _field_name(loc: tuple) -> str:
    strings = [p for p in loc if isinstance(p, str)]
    name = strings[-1] if strings else "value"
    if loc and isinstance(loc[-1], int):
        return f"entry {loc[-1] + 1} of '{name}'"
    return f"'{name}'"


def _nearest(key: str, valid) -> str:
    close = difflib.get_close_matches(key, valid, n=1, cutoff=0.6)
    return f" did you mean {close[0]}?" if close else f" valid keys here: {', '.join(valid)}"


def _describe(error: dict) -> str:
    loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    kind, where, name = error["type"], _where(loc), _field_name(loc)
    got = error.get("input")
    if kind == "reaction_key":
        return f"{_where(loc[:-2])}unknown reaction key '{got}':{_nearest(str(got), reaction_keys())}"
    if kind == "extra_forbidden" and _model_at(loc) is DeeperStatement and loc[-1] in _NOT_IN_DEEPER:
        return f"{where}{_NOT_IN_DEEPER[loc[-1]]}"
    if "reactions" in loc[-2:-1] and kind in ("model_type", "model_attributes_type"):
        return (
            f"{where}reaction '{loc[-1]}' must be a line of text, or a mapping with 'say' "
            "(the line) and an optional 'cue'"
        )
    if (
        loc
        and loc[-1] == "openness"
        and kind in ("greater_than_equal", "less_than_equal", "int_parsing", "int_type", "int_from_float")
    ):
        levels = ", ".join(f"{n} {word}" for n, word in OPENNESS_NAMES.items())
        return f"{where}'openness' is {got} but must be a whole number from 1 to 5 ({levels})"
    if kind == "extra_forbidden":
        key = str(loc[-1])
        valid = list(_model_at(loc).model_fields)
        return f"{where}unknown key '{key}':{_nearest(key, valid)}"
    if kind == "missing":
        return f"{where}missing required key {name}"
    if kind == "too_short" and isinstance(got, list):
        return f"{where}{name} needs at least one entry"
    if kind in ("string_too_short",) or (kind == "string_type" and got is None):
        return f"{where}{name} is empty; write some text"
    if kind == "string_pattern_mismatch":
        return f"{where}{name} is {got!r}: use only lowercase letters, digits and single hyphens, e.g. lonely-birthday"
    if kind == "string_too_long":
        return f"{where}{name} is too long ({len(got)} characters)"
    if kind == "enum":
        expected = error.get("ctx", {}).get("expected", "")
        options = [o.strip(" '") for o in expected.replace(" or ", ",").split(",") if o.strip(" '")]
        close = difflib.get_close_matches(str(got), options, n=1, cutoff=0.5)
        hint = f"; did you mean {close[0]}?" if close else ""
        return f"{where}{name} is {got!r} but must be one of {', '.join(options)}{hint}"
    if kind in ("list_type",):
        return f"{where}{name} must be a list, e.g. [first, second]"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"{where}{name} must be a mapping of keys"
    if kind == "string_type" and isinstance(got, dict):
        return (
            f"{where}{name} must be text, not a mapping -- a colon followed by a space inside text that is "
            "not in quotes reads as a key; wrap the whole text in quotes"
        )
    if kind == "string_type":
        return f"{where}{name} must be text, not {'a list' if isinstance(got, list) else type(got).__name__}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{where}{name} must be a whole number, not {got!r}"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"{where}{name} is {got!r}, which is out of range"
    return f"{where}{name}: {error['msg']}"


# Keys a deeper statement cannot have, and why, in words for the author.
_NOT_IN_DEEPER = {
    "deeper": "a deeper statement cannot have a deeper statement of its own",
    "guarded": (
        "a deeper statement has no 'guarded' text: it is said only when openness is high, "
        "so a guarded version would never be heard"
    ),
}


def _validation_problems(path: Path, root: yaml.Node, err: ValidationError) -> list[Problem]:
    problems = []
    for error in err.errors(include_url=False):
        node, key_node = _node_at(root, tuple(error["loc"]))
        on_key = error["type"] in ("extra_forbidden", "reaction_key")
        anchor = key_node if (key_node is not None and on_key) else node
        problems.append(Problem(path, _line(anchor), _describe(error)))
    return sorted(set(problems))


# ---------------------------------------------------------------------------- public


@dataclass(frozen=True)
class LoadedFile:
    """The outcome of loading one file: a scenario, or the problems that stopped it."""

    path: Path
    scenario: Scenario | None
    problems: tuple[Problem, ...] = ()
    id_line: int | None = None


def load_file(path: str | Path) -> LoadedFile:
    """Load and validate one scenario file; never raises for bad content."""
    path = Path(path)
    try:
        root, data = _parse(_read_text(path))
    except _FileError as err:
        return LoadedFile(path, None, (Problem(path, err.line, err.message),))
    except RecursionError:
        return LoadedFile(path, None, (Problem(path, None, "the file is nested too deeply"),))
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as err:
        return LoadedFile(path, None, tuple(_validation_problems(path, root, err)))
    id_node, _ = _node_at(root, ("id",))
    return LoadedFile(path, scenario, (), _line(id_node))


def lines_of(path: Path, places: typing.Iterable[tuple]) -> list[int | None]:
    """The line of each place in the file as it is now -- a place is a path of keys and indexes, as
    pydantic names them: ("turns", 0, "examples", 2) -- or None where the file no longer has it.

    The model keeps no lines (loading every file stays lean); a report that points into a file
    reads it again, once."""
    places = list(places)
    try:
        root, _ = _parse(_read_text(path))
    except (_FileError, RecursionError):
        return [None] * len(places)
    found = []
    for place in places:
        steps = _walk(root, place)
        found.append(_line(steps[-1][0]) if steps and len(steps) == len(place) else None)
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


def load_paths(paths: typing.Iterable[str | Path]) -> Library:
    """Load every scenario file under ``paths``; one bad file never stops the others."""
    files, problems = scenario_files(paths)
    library = Library(problems=problems, files_read=len(files))
    id_lines: dict[str, int | None] = {}
    for path in files:
        loaded = load_file(path)
        library.problems.extend(loaded.problems)
        scenario = loaded.scenario
        if scenario is None:
            continue
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
            continue
        library.scenarios.append(scenario)
        library.paths[scenario.id] = path
        id_lines[scenario.id] = loaded.id_line
    return library


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


def load_library(extra_dirs: typing.Iterable[str | Path] = ()) -> Library:
    """The bundled library plus any folders given with ``--scenarios``."""
    return load_paths([bundled_scenarios_dir(), *extra_dirs])
