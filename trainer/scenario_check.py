"""The full check of a scenario file against the scenario format (pydantic), and its problems
in plain English, each at its line.

The loader comes here only for data that the quick check (``trainer.scenario_data``) is not
sure of -- nearly always a file with a problem -- so pydantic is loaded only then.
"""

from __future__ import annotations

import difflib
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from trainer.loader import Problem
from trainer.model import OPENNESS_NAMES, reaction_keys
from trainer.scenario_format import DeeperStatement, Scenario
from trainer.yaml_reading import Place, line_of, node_at


def check(path: Path, root: yaml.Node, data: dict[str, object]) -> dict[str, object] | tuple[Problem, ...]:
    """The file's data as the format reads it (texts stripped, numbers read, a reaction's line as
    ``{"say": ...}``; what the author left out stays out), or the problems found in it."""
    try:
        checked = Scenario.model_validate(data)
    except ValidationError as err:
        return tuple(_validation_problems(path, root, err))
    return checked.model_dump(mode="json", exclude_unset=True)


def _model_at(loc: Place) -> type[BaseModel]:
    """The model class that holds the field named by the last part of ``loc``."""
    holder: type[BaseModel] = Scenario
    for part in loc[:-1]:
        if not isinstance(part, str) or part not in holder.model_fields:
            continue
        inner = _innermost_model(holder.model_fields[part].annotation)
        if inner is None:
            break
        holder = inner
    return holder


def _innermost_model(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _innermost_model(arg)
        if found:
            return found
    return None


def _where(loc: Place) -> str:
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


def _field_name(loc: Place) -> str:
    strings = [p for p in loc if isinstance(p, str)]
    name = strings[-1] if strings else "value"
    if loc and isinstance(loc[-1], int):
        return f"entry {loc[-1] + 1} of '{name}'"
    return f"'{name}'"


def _nearest(key: str, valid: Sequence[str]) -> str:
    close = difflib.get_close_matches(key, valid, n=1, cutoff=0.6)
    return f" did you mean {close[0]}?" if close else f" valid keys here: {', '.join(valid)}"


def _describe(error: ErrorDetails) -> str:
    loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    kind, where, name = error["type"], _where(loc), _field_name(loc)
    got: Any = error.get("input")
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
        node, key_node = node_at(root, tuple(error["loc"]))
        on_key = error["type"] in ("extra_forbidden", "reaction_key")
        anchor = key_node if (key_node is not None and on_key) else node
        problems.append(Problem(path, line_of(anchor), _describe(error)))
    return sorted(set(problems))
