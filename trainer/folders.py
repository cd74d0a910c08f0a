"""The files under a folder the user named, found without straying out of it.

Scenario folders and folders of students' exports are often copied around or shared, and may
hold symbolic links. A link to a file outside the folder (``secrets.yaml -> ~/.config/...``)
would be read as if it were a scenario or an export, and its lines shown back in error
messages; so such a link is skipped with a one-line notice, and its target is never read. A
subfolder that cannot be read is reported too, never passed over in silence: a student whose
exports sit in it would otherwise go missing from the gradebook.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path

OUTSIDE_FILE = "a link to a file outside the folder; skipped, its target not read"
OUTSIDE_FOLDER = "a link to a folder outside the folder; skipped, its files not read"


def _inside(path: Path, root: Path) -> bool:
    """Whether ``path``, its links followed, is ``root`` or lies under it."""
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a link to itself, or a loop of links
        return False


def files_under(folder: Path, suffixes: Collection[str] | None) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Every file under ``folder`` whose suffix is one of ``suffixes`` (None: every file), sorted;
    and what was skipped, each as (path, why): links that leave the folder, and subfolders that
    cannot be read.

    Links inside the folder are fine: a linked file is read, a linked subfolder is not walked
    twice (its files are found where they really are).
    """
    root = folder.resolve()
    found: list[Path] = []
    skipped: list[tuple[Path, str]] = []

    def unreadable(err: OSError) -> None:
        skipped.append((Path(err.filename), f"cannot read this folder ({err.strerror}); the files in it were skipped"))

    for current, subfolders, names in os.walk(folder, onerror=unreadable):
        here = Path(current)
        for name in subfolders:
            if (here / name).is_symlink() and not _inside(here / name, root):
                skipped.append((here / name, OUTSIDE_FOLDER))
        for name in names:
            path = here / name
            if suffixes is not None and path.suffix not in suffixes:
                continue
            if path.is_symlink() and not _inside(path, root):
                skipped.append((path, OUTSIDE_FILE))
            elif path.is_file():
                found.append(path)
    return sorted(found), sorted(skipped)
