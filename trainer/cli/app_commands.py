"""``trainer`` (the app on its home screen) and ``trainer practice ID``: the commands that open the
app (``trainer drill`` opens it too).

Textual is imported only inside these commands, so ``trainer score``, ``trainer list`` and the
core never load it.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

import click

from trainer.cli.context import AppContext, echo, no_save_option, pass_app, scenarios_option
from trainer.opening import run_app
from trainer.wording import plural

if TYPE_CHECKING:
    from trainer.progress.schedule import DrillOptions


def open_app(app: AppContext, start_scenario: str | None = None, start_drill: DrillOptions | None = None) -> None:
    """Run the app: over the library if this command loaded it already; the app loads it otherwise."""
    run_app(app.loaded_library, app.scenario_dirs, start_scenario, start_drill, app.no_save)


def _unknown_scenario(app: AppContext, scenario_id: str) -> str:
    library = app.library
    message = f"trainer practice: there is no scenario with the id '{scenario_id}'."
    close = difflib.get_close_matches(scenario_id, [s.id for s in library.scenarios], n=1)
    if close:
        message += f" Did you mean {close[0]}?"
    message += " Run trainer list to see the ids."
    if library.problems:
        files = len({p.path for p in library.problems})
        message += f" ({plural(files, 'scenario file')} could not be loaded; trainer validate says why.)"
    return message


@click.command("practice")
@click.argument("scenario_id", metavar="ID")
@scenarios_option
@no_save_option
@pass_app
def practice_command(app: AppContext, scenario_id: str) -> None:
    """Open the app straight on scenario ID (after its content-warning notice, if any).

    ID is a scenario's id: the first column of 'trainer list' (the "id" of 'trainer list
    --json'). Your own scenarios need their folder: add --scenarios DIR to both.

    \b
    trainer list
    trainer practice lonely-birthday
    trainer practice grief-at-work --scenarios course/scenarios
    """
    if app.library.get(scenario_id) is None:
        echo(_unknown_scenario(app, scenario_id), err=True)
        raise SystemExit(1)
    open_app(app, scenario_id)
