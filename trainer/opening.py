"""Opening the app from the command line: ``trainer`` alone, ``trainer practice`` and ``trainer
drill`` all come here. No click and no Textual at import time, so the console command stays
light; the app's modules load only when it opens.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.loader import Library
    from trainer.progress.schedule import DrillOptions

NEEDS_A_TERMINAL = (
    "trainer: the app needs an interactive terminal. In scripts, use a command such as "
    "trainer list or trainer score (trainer --help lists them)."
)


def interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def run_app(
    library: Library | None = None,
    scenario_dirs: Iterable[str] = (),
    start_scenario: str | None = None,
    start_drill: DrillOptions | None = None,
    no_save: bool = False,
) -> None:
    """Run the app; without a terminal, or with a TRAINER_HOME that cannot be used, say why and exit 2
    (a usage error)."""
    if not interactive():
        print(NEEDS_A_TERMINAL, file=sys.stderr)
        raise SystemExit(2)
    from trainer.paths import DataFolderError, data_dir
    from trainer.terminal import printable

    try:
        data_dir()
    except DataFolderError as err:
        print(printable(f"trainer: {err}"), file=sys.stderr)
        raise SystemExit(2) from None
    from trainer.ui.app import make_app

    app = make_app(library, scenario_dirs, start_scenario, start_drill=start_drill, no_save=no_save)
    _freeze_what_lasts()
    app.run()


def _freeze_what_lasts() -> None:
    """Keep the garbage collector off the objects that live as long as the app: the modules,
    classes and functions of Textual, Rich and the trainer, a few hundred thousand of them. A full
    collection scanned them all (~35 ms, just as the library was listed); frozen, it scans only
    what the app makes as it runs."""
    import gc

    gc.freeze()
