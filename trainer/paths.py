"""Where the user's data lives: ``TRAINER_HOME`` when set, else the platform's data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "active-listening-trainer"


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
                "set TRAINER_HOME to a folder such as ~/trainer-data, or unset it") from None
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
