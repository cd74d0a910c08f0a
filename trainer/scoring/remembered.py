"""The word lists, read and compiled, remembered from one run to the next.

Reading the YAML word lists and compiling them into phrase indexes takes some 100 ms the first
time anything is scored, and while it runs some 3 MB more memory than its result keeps
(PyYAML, the parse, the tries being built). So the result is kept in the user's data folder,
beside the scenario cache, and read back in a few milliseconds while none of the files it was
made from has changed: the word lists, the modules that read and compile them, the libraries
they use, the Python that wrote it. Every value is plain data, kept with ``marshal``, which
keeps the tries' shared branches shared. Anything unreadable or out of date is made afresh;
a folder that cannot be written only means it is made again next time. Same word lists,
same values: the scores do not depend on whether they were remembered.
"""

from __future__ import annotations

import marshal
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from trainer.paths import REMEMBERED_SUFFIX, DataFolderError, data_dir, file_stamps, replace_privately

T = TypeVar("T")
_writing = True


def write_nothing() -> None:
    """For a run that leaves nothing on disk (the app's private mode): what was remembered is
    still read, but nothing new is written."""
    global _writing
    _writing = False


def remembered(name: str, made_from: Iterable[Path], make: Callable[[], T]) -> T:
    """What ``make()`` gives (plain data), remembered as ``name`` while the files it is made
    from stay as they are."""
    stamp = [sys.version, *file_stamps(made_from)]
    try:
        path = data_dir() / f"{name}{REMEMBERED_SUFFIX}"
    except DataFolderError:  # said where it matters (the app and every command check it first)
        return make()
    try:
        kept_stamp, value = marshal.loads(path.read_bytes())
        if kept_stamp == stamp:
            return value  # type: ignore[no-any-return]
    except (OSError, EOFError, ValueError, TypeError):  # missing, unreadable or not ours: afresh
        pass
    value = make()
    if _writing:
        try:
            replace_privately(path, marshal.dumps([stamp, value]))
        except (OSError, ValueError):  # nowhere to write it; or a value that is not plain data
            pass
    return value
