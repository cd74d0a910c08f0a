"""What every command shares: the extra scenario folders, the library (loaded once), private mode."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

import click

from trainer.terminal import printable

if TYPE_CHECKING:
    from trainer.loader import Library


class AppContext:
    def __init__(self, scenario_dirs: tuple[str, ...] = (), no_save: bool = False):
        self.scenario_dirs = tuple(scenario_dirs)
        self.no_save = False  # private mode: nothing answered is recorded, nothing at all written
        if no_save:
            self.go_private()

    def go_private(self) -> None:
        """Private mode, from before anything is read: the scorer does not even keep the word
        lists it compiles."""
        from trainer.scoring import write_nothing

        self.no_save = True
        write_nothing()

    @cached_property
    def library(self) -> Library:
        from trainer.loader import load_library

        return load_library(self.scenario_dirs)

    @property
    def loaded_library(self) -> Library | None:
        """The library if a command has loaded it already (the app loads it itself otherwise)."""
        return self.__dict__.get("library")


def echo(message: object = "", *, err: bool = False, nl: bool = True) -> None:
    """``click.echo`` for everything the commands print: text from scenario files, exports and
    the progress file reaches the terminal with its control characters shown as escapes."""
    click.echo(printable(str(message)), err=err, nl=nl)


def report_problems(problems) -> None:
    """Problems go to stderr, one per line, as ``file:line: message``."""
    for problem in problems:
        echo(problem, err=True)


pass_app = click.make_pass_decorator(AppContext)

# ---------------------------------------------------------------------------- shared options
# `--scenarios` and `--no-save` belong to `trainer` itself (`trainer --scenarios DIR list`), and may
# come after a command too (`trainer list --scenarios DIR`) with the same meaning: the folders
# given in either place are added up; `--no-save` in either place is private mode.

_SCENARIOS = {
    "multiple": True,
    "metavar": "DIR",
    "type": click.Path(exists=True, file_okay=False, dir_okay=True),
    "help": "Add a folder of scenario files to the bundled library (repeatable).",
}
_NO_SAVE = {"is_flag": True, "help": "Private mode: record nothing you answer."}


def global_options(group):
    """``--scenarios DIR`` and ``--no-save`` on ``trainer`` itself, passed to the group's function."""
    group = click.option("--no-save", **_NO_SAVE)(group)
    return click.option("--scenarios", "scenario_dirs", **_SCENARIOS)(group)


def _add_scenario_dirs(ctx: click.Context, _param, folders: tuple[str, ...]) -> None:
    app = ctx.ensure_object(AppContext)
    app.scenario_dirs = (*app.scenario_dirs, *folders)


def _private(ctx: click.Context, _param, no_save: bool) -> None:
    if no_save:
        ctx.ensure_object(AppContext).go_private()


def scenarios_option(command):
    """``--scenarios DIR`` after a command that reads the library: more folders, as before it."""
    return click.option("--scenarios", "scenario_dirs", expose_value=False, callback=_add_scenario_dirs, **_SCENARIOS)(
        command
    )


def no_save_option(command):
    """``--no-save`` after a command that opens the app: private mode, as before it."""
    return click.option("--no-save", "no_save", expose_value=False, callback=_private, **_NO_SAVE)(command)
