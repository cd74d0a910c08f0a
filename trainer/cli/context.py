"""What every command shares: the extra scenario folders, the library (loaded once), private mode."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

import click

from trainer.terminal import printable
from trainer.wording import plural  # noqa: F401  (the commands' import point)

if TYPE_CHECKING:
    from trainer.loader import Library


class AppContext:
    def __init__(self, scenario_dirs: tuple[str, ...] = (), no_save: bool = False):
        self.scenario_dirs = scenario_dirs
        self.no_save = no_save  # private mode: nothing answered is recorded

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
