"""The app's memory of scenario files it has checked, so an unchanged library is listed at once.

Reading YAML and checking it is most of the time between the app's first frame and its library
listed. A file's bytes name it (a BLAKE2 digest): a file read before, unchanged, is rebuilt from
the data its check gave (plain JSON) without YAML or pydantic. Only files that loaded are
remembered, so every problem is found and described afresh each time. What the check does
depends on the trainer's code and word lists and on PyYAML and pydantic: when any of those
files changes (an upgrade, an edit), everything remembered is forgotten.

The cache is a file in the user's data folder (beside the progress file), readable only by
them; it holds scenarios, never answers. It is never trusted further than that: anything
unreadable in it is ignored, and a file that cannot be written only means the next start reads
the YAML again.
"""

from __future__ import annotations

import json
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from trainer.model import Scenario, reaction_keys
from trainer.paths import SCENARIO_CACHE, data_dir, file_stamps, library_files, replace_privately
from trainer.scenario_data import scenario_from_data

_TRAINER = Path(__file__).parent
# What decides how a file is read and checked: when one of these changes, the cache is stale.
_OWN_FILES = (
    "loader.py",
    "yaml_reading.py",
    "scenario_data.py",
    "scenario_format.py",
    "scenario_check.py",
    "scenario_cache.py",
    "model.py",
    "rubric.py",
    "terminal.py",
    "data/roadblocks.yaml",
)
_LIBRARIES = ("yaml", "pydantic", "pydantic_core")


@dataclass(frozen=True)
class Remembered:
    scenario: Scenario
    id_line: int | None


try:  # hashlib's own BLAKE2, without the OpenSSL that importing hashlib loads (~0.6 MB)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b


def _digest(raw: bytes) -> str:
    return blake2b(raw, digest_size=20).hexdigest()


def fingerprint() -> list[list[object]]:
    """The size and time of change of every file that decides what a check gives."""
    return file_stamps([*(_TRAINER / name for name in _OWN_FILES), *library_files(*_LIBRARIES)])


class ScenarioCache:
    """Scenario files checked before, by their bytes; ``save`` keeps those of this load."""

    def __init__(self, path: Path):
        """The cache kept in ``path`` (by default, in the user's data folder)."""
        self.path = path
        self._stamp = fingerprint()
        self._entries, self._reactions = self._read()
        self._kept: dict[str, dict[str, object]] = {}
        self._added = False

    @classmethod
    def in_data_folder(cls) -> ScenarioCache:
        return cls(data_dir() / SCENARIO_CACHE)

    def _read(self) -> tuple[dict[str, dict[str, object]], list[str] | None]:
        try:
            with open(self.path, encoding="utf-8") as handle:
                stored = json.load(handle)
            if stored["fingerprint"] == self._stamp:
                return dict(stored["scenarios"]), list(stored["reaction_keys"])
        except (OSError, ValueError, KeyError, TypeError, RecursionError):  # missing, unreadable, not ours: afresh
            pass
        return {}, None

    def get(self, raw: bytes) -> Remembered | None:
        """The scenario a file with these bytes held, when it was checked before."""
        digest = _digest(raw)
        entry = self._entries.get(digest)
        if entry is None or self._reactions is None:
            return None
        try:
            scenario = scenario_from_data(entry["scenario"], self._reactions)
            id_line = entry["id_line"]
        except (KeyError, TypeError):
            return None
        if scenario is None or not (id_line is None or type(id_line) is int):
            return None
        self._kept[digest] = entry
        return Remembered(scenario, id_line)

    def put(self, raw: bytes, data: dict[str, object], id_line: int | None) -> None:
        """Remember a file that loaded: its bytes, the data it gave, the line of its id."""
        self._kept[_digest(raw)] = {"scenario": data, "id_line": id_line}
        self._added = True

    def save(self) -> None:
        """Keep what this load used, when it added anything; a folder that cannot be written is
        no trouble (the next start reads the files again)."""
        if not self._added:
            return
        stored = {"fingerprint": self._stamp, "reaction_keys": list(reaction_keys()), "scenarios": self._kept}
        with suppress(OSError):
            replace_privately(self.path, json.dumps(stored, ensure_ascii=False, separators=(",", ":")).encode())
