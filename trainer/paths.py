"""Where the user's data lives: ``TRAINER_HOME`` when set, else the platform's data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "active-listening-trainer"


def data_dir() -> Path:
    """The folder for the progress database (not created here)."""
    override = os.environ.get("TRAINER_HOME")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
