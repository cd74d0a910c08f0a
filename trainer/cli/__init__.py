"""The ``trainer`` command: a thin click shell over the core.

Exit codes: 0 success, 1 the input had problems (reported), 2 usage error.

Each command's module is imported only when that command runs (or ``--help`` lists them).
The console command itself is ``trainer.launch.main``: ``trainer`` alone opens the app without
coming here at all.
"""

from __future__ import annotations

import importlib

import click

from trainer import __version__
from trainer.cli.app_commands import open_app
from trainer.cli.context import AppContext, echo, global_options
from trainer.paths import DataFolderError

# name -> "module:attribute" of each command.
COMMANDS = {
    "list": "trainer.cli.library_commands:list_command",
    "validate": "trainer.cli.library_commands:validate_command",
    "score": "trainer.cli.score_command:score_command",
    "practice": "trainer.cli.app_commands:practice_command",
    "calibrate": "trainer.cli.calibrate_command:calibrate_command",
    "export": "trainer.cli.export_command:export_command",
    "forget": "trainer.cli.progress_commands:forget_command",
    "progress": "trainer.cli.progress_commands:progress_command",
    "drill": "trainer.cli.drill_command:drill_command",
    "new": "trainer.cli.authoring_commands:new_command",
    "schema": "trainer.cli.authoring_commands:schema_command",
    "grade": "trainer.cli.grade_command:grade_command",
}


class DataFolderProblem(click.ClickException):
    """TRAINER_HOME cannot be used: a usage error (exit 2), said in one line, whatever the command."""

    exit_code = 2

    def show(self, file=None) -> None:
        echo(f"trainer: {self.format_message()}", err=True)


class LazyGroup(click.Group):
    """A group whose commands are imported on first use (click's documented lazy-loading pattern)."""

    def __init__(self, *args, lazy_commands: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy_commands = lazy_commands

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in self.lazy_commands:
            module, attribute = self.lazy_commands[name].split(":")
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return super().get_command(ctx, name)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except DataFolderError as err:
            raise DataFolderProblem(str(err)) from None


@click.group(
    cls=LazyGroup,
    lazy_commands=COMMANDS,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@global_options
@click.version_option(__version__, prog_name="trainer")
@click.pass_context
def cli(ctx: click.Context, scenario_dirs: tuple[str, ...], no_save: bool) -> None:
    """Practise reflective listening: respond to simulated clients, get explainable feedback.

    Run without a command to open the app. Your progress is kept in one private file in
    your data folder (set TRAINER_HOME to move it); nothing leaves this machine.

    --scenarios DIR may also come after a command that reads the library (trainer list
    --scenarios DIR), and --no-save after practice or drill.
    """
    ctx.obj = AppContext(scenario_dirs, no_save)
    if ctx.invoked_subcommand is None:
        open_app(ctx.obj)
