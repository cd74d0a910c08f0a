"""Scenarios from plain data, the quick way: for data that is certainly valid.

The loader reads a file into plain data (dicts, lists, text and None). Nearly every file in a
library is valid, and for those the plain ``trainer.model`` classes are built here directly,
with the rules of the scenario format checked as they go -- far quicker than the full check of
``trainer.scenario_format``, and without loading pydantic at all. Anything this check is not
sure of (a problem, but also text to convert such as ``age: "+19"``) makes it give up and
return None: the full check then decides, and names every problem. So what is built here is
always what the full check would give (tests compare the two on every scenario they have).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Any, TypeVar

from trainer.model import (
    AGE_RANGE,
    DEFAULT_OPENNESS,
    ID_MAX_LENGTH,
    ID_PATTERN,
    OPENNESS_NAMES,
    DeeperStatement,
    Difficulty,
    Example,
    Persona,
    Reaction,
    Scenario,
    Statement,
    reaction_keys,
)
from trainer.rubric import Band

T = TypeVar("T")

# What the format strips from both ends of a text: the characters with Unicode's White_Space
# property (pydantic's ``strip_whitespace``). Python's str.isspace() also counts \x1c-\x1f.
WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"  # noqa: E501
_ID = re.compile(ID_PATTERN.removeprefix("^").removesuffix("$"))
_DIFFICULTIES = {d.value: d for d in Difficulty}
_BANDS = {b.value: b for b in Band}
_OPENNESS = (min(OPENNESS_NAMES), max(OPENNESS_NAMES))


class _Unsure(Exception):
    """The quick check leaves this data to the full one."""


def scenario_from_data(data: object, known_reactions: Collection[str] | None = None) -> Scenario | None:
    """The scenario ``data`` describes, or None when only the full check can tell.

    ``known_reactions`` are the reaction keys allowed (by default ``model.reaction_keys()``).
    """
    try:
        return _scenario(_mapping(data), frozenset(reaction_keys() if known_reactions is None else known_reactions))
    except _Unsure:
        return None


def reaction_from_data(data: object) -> Reaction | None:
    """A reaction from ``{"say": ..., "cue": ...}``, or None when only the full check can tell."""
    try:
        return _reaction(_mapping(data))
    except _Unsure:
        return None


# ---------------------------------------------------------------------------- values


def _mapping(value: object) -> dict[str, Any]:
    if type(value) is not dict:
        raise _Unsure
    return value


def _list(value: object, item: Callable[[Any], T], at_least: int = 0) -> list[T]:
    if type(value) is not list or len(value) < at_least:
        raise _Unsure
    return [item(entry) for entry in value]


def _text(value: object) -> str:
    if type(value) is not str:
        raise _Unsure
    return value


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _words(value: object) -> str:
    """Text that is more than white space, stripped of it at both ends."""
    if type(value) is not str:
        raise _Unsure
    value = value.strip(WHITE_SPACE)
    if not value:
        raise _Unsure
    return value


def _word_list(value: object, at_least: int = 0) -> list[str]:
    """A list of ``_words`` (the commonest value of all, so checked in one go)."""
    if type(value) is not list or len(value) < at_least:
        raise _Unsure
    try:  # plain data holds no other kind of value with a strip()
        entries = [entry.strip(WHITE_SPACE) for entry in value]
    except AttributeError:  # an entry that is not text
        raise _Unsure from None
    if not all(entries):
        raise _Unsure
    return entries


def _optional_words(value: object) -> str | None:
    return None if value is None else _words(value)


def _whole(value: object, low: int, high: int) -> int:
    """A whole number in range, written plainly ("19") or already one."""
    if type(value) is str and value.isascii() and value.isdigit() and len(value) <= 4:
        value = int(value)
    if type(value) is not int or not low <= value <= high:
        raise _Unsure
    return value


def _choice(value: object, choices: dict[Any, T]) -> T:
    try:
        return choices[value]
    except (KeyError, TypeError):  # TypeError: a list or a mapping is no key
        raise _Unsure from None


def _fields(data: dict[str, Any], required: frozenset[str], allowed: frozenset[str]) -> dict[str, Any]:
    if not required <= data.keys() <= allowed:
        raise _Unsure
    return data


# ---------------------------------------------------------------------------- the parts

_PERSONA = frozenset({"name", "age", "background"})
_EXAMPLE = frozenset({"response", "expect"})
_REACTION, _SAY = frozenset({"say", "cue"}), frozenset({"say"})
_STATEMENT_REQUIRED = frozenset({"client", "model_answers"})
_DEEPER = frozenset({"client", "cue", "feelings", "content", "model_answers", "hint", "examples", "reactions"})
_STATEMENT = _DEEPER | {"guarded", "deeper"}
_SCENARIO_REQUIRED = frozenset({"id", "title", "turns"})
_SCENARIO = _SCENARIO_REQUIRED | {"summary", "difficulty", "skills", "content_warnings", "persona", "openness"}


def _persona(value: object) -> Persona:
    data = _fields(_mapping(value), frozenset(), _PERSONA)
    age = data.get("age")
    return Persona(
        name=_optional_words(data.get("name")),
        age=None if age is None else _whole(age, *AGE_RANGE),
        background=_optional_text(data.get("background")),
    )


def _example(value: object) -> Example:
    data = _fields(_mapping(value), _EXAMPLE, _EXAMPLE)
    return Example(response=_words(data["response"]), expect=_choice(data["expect"], _BANDS))


def _reaction(data: dict[str, Any]) -> Reaction:
    _fields(data, _SAY, _REACTION)
    return Reaction(say=_words(data["say"]), cue=_optional_text(data.get("cue")))


def _reactions(value: object, known: frozenset[str]) -> dict[str, Reaction]:
    reactions = {}
    for key, said in _mapping(value).items():
        if key not in known:
            raise _Unsure
        reactions[key] = Reaction(say=_words(said)) if type(said) is str else _reaction(_mapping(said))
    return reactions


def _statement_parts(data: dict[str, Any], known: frozenset[str]) -> dict[str, Any]:
    """What a statement and a deeper statement both have, checked."""
    return {
        "client": _words(data["client"]),
        "model_answers": _word_list(data["model_answers"], at_least=1),
        "cue": _optional_text(data.get("cue")),
        "feelings": _word_list(data.get("feelings", [])),
        "content": _word_list(data.get("content", [])),
        "hint": _optional_text(data.get("hint")),
        "examples": _list(data.get("examples", []), _example),
        "reactions": _reactions(data.get("reactions", {}), known),
    }


def _deeper(value: object, known: frozenset[str]) -> DeeperStatement | None:
    if value is None:
        return None
    return DeeperStatement(**_statement_parts(_fields(_mapping(value), _STATEMENT_REQUIRED, _DEEPER), known))


def _statement(value: object, known: frozenset[str]) -> Statement:
    data = _fields(_mapping(value), _STATEMENT_REQUIRED, _STATEMENT)
    return Statement(
        **_statement_parts(data, known),
        guarded=_optional_words(data.get("guarded")),
        deeper=_deeper(data.get("deeper"), known),
    )


def _scenario_id(value: object) -> str:
    if type(value) is not str or len(value) > ID_MAX_LENGTH or not _ID.fullmatch(value):
        raise _Unsure
    return value


def _scenario(data: dict[str, Any], known: frozenset[str]) -> Scenario:
    _fields(data, _SCENARIO_REQUIRED, _SCENARIO)
    return Scenario(
        id=_scenario_id(data["id"]),
        title=_words(data["title"]),
        turns=_list(data["turns"], lambda turn: _statement(turn, known), at_least=1),
        summary=_optional_text(data.get("summary")),
        difficulty=_choice(data.get("difficulty", Difficulty.beginner.value), _DIFFICULTIES),
        skills=_word_list(data.get("skills", [])),
        content_warnings=_word_list(data.get("content_warnings", [])),
        persona=_persona(data.get("persona", {})),
        openness=_whole(data["openness"], *_OPENNESS) if "openness" in data else DEFAULT_OPENNESS,
        openness_given="openness" in data,
    )
