"""The word lists shipped as data files in ``trainer/data``, each read once.

Feeling families, Gordon's roadblocks and the language lists are data, not code, so an
instructor can read and extend them without touching the scorer.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent.parent / "data"

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader


def _read(name: str):
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_Loader)


@cache
def feelings() -> dict[str, list[str]]:
    """Feeling families: family name -> words and phrases."""
    return _read("feelings.yaml")


@cache
def roadblocks() -> dict[str, dict]:
    """Gordon's twelve roadblocks: id -> name, kind, why, instead, phrases, starts."""
    return _read("roadblocks.yaml")


def roadblock_name(roadblock: str) -> str:
    """How the learner reads a roadblock ("Advising or giving solutions"); an id the list does
    not know (from an older history), made readable."""
    found = roadblocks().get(roadblock)
    return found["name"] if found else roadblock.replace("_", " ").capitalize()


@cache
def language() -> dict:
    """Contractions, fillers, reflective stems, question words and the other lists."""
    return _read("language.yaml")
