"""Where the user's data lives (``TRAINER_HOME`` when set, else the platform's data folder), and
making folders and files for it that only the user can read."""

from __future__ import annotations

import os
from collections.abc import Iterable
from contextlib import suppress
from importlib.util import find_spec
from pathlib import Path
from typing import TextIO

import platformdirs

APP_NAME = "active-listening-trainer"
# Beside the progress files: the scenarios the app last listed, checked (trainer.scenario_cache).
SCENARIO_CACHE = "scenario-cache.json"
# And the word lists as the scorer read and compiled them, "<name>.marshal" (trainer.scoring.remembered).
REMEMBERED_SUFFIX = ".marshal"


class DataFolderError(ValueError):
    """``TRAINER_HOME`` names a folder that cannot be worked out; the message says how to set it."""


def data_dir() -> Path:
    """The folder for the progress database (not created here)."""
    override = os.environ.get("TRAINER_HOME")
    if override:
        try:
            return Path(override).expanduser()
        except RuntimeError:  # "~nouser/x", or "~" with no home folder known
            head = override.split("/", 1)[0].split(os.sep, 1)[0]
            raise DataFolderError(
                f"TRAINER_HOME is {override!r}, but {head!r} is no home folder this machine knows; "
                "set TRAINER_HOME to a folder such as ~/trainer-data, or unset it"
            ) from None
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def make_private_folders(folder: Path) -> None:
    """``folder`` and every missing folder above it, each made 0700 whatever the umask: with
    ``mkdir(parents=True)`` the ones above would be 0777 under ``umask 000``."""
    missing = []
    while not folder.is_dir():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            if not path.is_dir():  # a file in the way; made meanwhile by another process is fine
                raise


def create_private(path: str | Path) -> TextIO:
    """``path`` opened to write text; a file it creates only its owner can read or write (0600)."""
    return open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8", newline="")


def is_cache(path: Path) -> bool:
    """One of the files the trainer keeps beside the progress file to start faster: nothing of the learner's."""
    return path.name == SCENARIO_CACHE or path.suffix == REMEMBERED_SUFFIX


def file_stamps(files: Iterable[Path]) -> list[list[object]]:
    """The size and time of change of each file (its name alone when it cannot be seen): what
    a cache keeps beside what it made from them, to know later whether they have changed."""
    stamps: list[list[object]] = []
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            stamps.append([str(path)])
        else:
            stamps.append([str(path), stat.st_size, stat.st_mtime_ns])
    return stamps


def library_files(*names: str) -> list[Path]:
    """Where the libraries named are installed (those that are), for ``file_stamps``."""
    found = (find_spec(name) for name in names)
    return [Path(spec.origin) for spec in found if spec is not None and spec.origin]


def replace_privately(path: Path, data: bytes) -> None:
    """``path`` made to hold ``data``, readable only by the user: written beside it first and
    then put in its place, so that a reader (another run of the app) never finds half of it.
    Raises OSError, having tidied up, when the folder cannot be written."""
    part = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        make_private_folders(path.parent)
        with open(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as handle:
            handle.write(data)
        os.replace(part, path)
    except OSError:
        with suppress(OSError):  # a part written, or nowhere to write it
            part.unlink(missing_ok=True)
        raise
