"""The word lists shipped as data files in ``trainer/data``, each read once.

Feeling families, Gordon's roadblocks and the language lists are data, not code, so an
instructor can read and extend them without touching the scorer. What was read is remembered
between runs (``trainer.scoring.remembered``): an unchanged list is not parsed again, and
PyYAML is not even imported.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from trainer.paths import library_files
from trainer.scoring.remembered import remembered

DATA_DIR = Path(__file__).parent.parent / "data"
_LISTS = ("feelings.yaml", "roadblocks.yaml", "language.yaml")


def _parse_all() -> dict[str, Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    lists = {}
    for name in _LISTS:
        with open(DATA_DIR / name, encoding="utf-8") as handle:
            lists[name] = yaml.load(handle, Loader=loader)
    return lists


def source_files() -> list[Path]:
    """The files the word lists are read from (and with): what anything made from them is made from."""
    return [*(DATA_DIR / name for name in _LISTS), Path(__file__), *library_files("yaml")]


@cache
def _all() -> dict[str, Any]:
    return remembered("word-lists", source_files(), _parse_all)


def feelings() -> dict[str, list[str]]:
    """Feeling families: family name -> words and phrases."""
    data: dict[str, list[str]] = _all()["feelings.yaml"]
    return data


def roadblocks() -> dict[str, dict[str, Any]]:
    """Gordon's twelve roadblocks: id -> name, kind, why, instead, phrases, starts."""
    data: dict[str, dict[str, Any]] = _all()["roadblocks.yaml"]
    return data


def roadblock_name(roadblock: str) -> str:
    """How the learner reads a roadblock ("Advising or giving solutions"); an id the list does
    not know (from an older history), made readable."""
    found = roadblocks().get(roadblock)
    return str(found["name"]) if found else roadblock.replace("_", " ").capitalize()


def language() -> dict[str, Any]:
    """Contractions, fillers, reflective stems, question words and the other lists."""
    data: dict[str, Any] = _all()["language.yaml"]
    return data
