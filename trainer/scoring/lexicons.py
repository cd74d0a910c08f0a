"""The word lists shipped as data files in ``trainer/data``, each read once.

Feeling families, Gordon's roadblocks and the language lists are data, not code, so an
instructor can read and extend them without touching the scorer.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent.parent / "data"

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


def _read(name: str) -> Any:
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_Loader)


@cache
def feelings() -> dict[str, list[str]]:
    """Feeling families: family name -> words and phrases."""
    data: dict[str, list[str]] = _read("feelings.yaml")
    return data


@cache
def roadblocks() -> dict[str, dict[str, Any]]:
    """Gordon's twelve roadblocks: id -> name, kind, why, instead, phrases, starts."""
    data: dict[str, dict[str, Any]] = _read("roadblocks.yaml")
    return data


def roadblock_name(roadblock: str) -> str:
    """How the learner reads a roadblock ("Advising or giving solutions"); an id the list does
    not know (from an older history), made readable."""
    found = roadblocks().get(roadblock)
    return str(found["name"]) if found else roadblock.replace("_", " ").capitalize()


@cache
def language() -> dict[str, Any]:
    """Contractions, fillers, reflective stems, question words and the other lists."""
    data: dict[str, Any] = _read("language.yaml")
    return data
