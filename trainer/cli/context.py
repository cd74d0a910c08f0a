"""What every command shares: the extra scenario folders, the library (loaded once), private mode."""

from __future__ import annotations

from functools import cached_property

import click

from trainer.loader import Library, load_library
from trainer.text import plural  # noqa: F401  (the commands' import point)


class AppContext:
    def __init__(self, scenario_dirs: tuple[str, ...] = (), no_save: bool = False):
        self.scenario_dirs = scenario_dirs
        self.no_save = no_save  # private mode: nothing answered is recorded

    @cached_property
    def library(self) -> Library:
        return load_library(self.scenario_dirs)


def report_problems(problems) -> None:
    """Problems go to stderr, one per line, as ``file:line: message``."""
    for problem in problems:
        click.echo(str(problem), err=True)


pass_app = click.make_pass_decorator(AppContext)
