"""The ``trainer`` command: a thin click shell over the core.

Exit codes: 0 success, 1 the input had problems (reported), 2 usage error.
"""

from __future__ import annotations

import sys

import click

from trainer import __version__
from trainer.cli.app_commands import open_app, practice_command
from trainer.cli.authoring_commands import new_command, schema_command
from trainer.cli.calibrate_command import calibrate_command
from trainer.cli.context import AppContext
from trainer.cli.drill_command import drill_command
from trainer.cli.export_command import export_command
from trainer.cli.grade_command import grade_command
from trainer.cli.library_commands import list_command, validate_command
from trainer.cli.progress_commands import forget_command, progress_command
from trainer.cli.score_command import score_command


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--scenarios", "scenario_dirs", multiple=True, metavar="DIR",
    type=click.Path(exists=True, file_okay=False, dir_okay=True),
    help="Add a folder of scenario files to the bundled library (repeatable).",
)
@click.option("--no-save", is_flag=True, help="Private mode: record nothing you answer.")
@click.version_option(__version__, prog_name="trainer")
@click.pass_context
def cli(ctx: click.Context, scenario_dirs: tuple[str, ...], no_save: bool) -> None:
    """Practise reflective listening: respond to simulated clients, get explainable feedback.

    Run without a command to open the app. Your progress is kept in one private file in
    your data folder (set TRAINER_HOME to move it); nothing leaves this machine.
    """
    ctx.obj = AppContext(scenario_dirs, no_save)
    if ctx.invoked_subcommand is None:
        open_app(ctx.obj)


cli.add_command(list_command)
cli.add_command(validate_command)
cli.add_command(score_command)
cli.add_command(practice_command)
cli.add_command(calibrate_command)
cli.add_command(export_command)
cli.add_command(forget_command)
cli.add_command(progress_command)
cli.add_command(drill_command)
cli.add_command(new_command)
cli.add_command(schema_command)
cli.add_command(grade_command)


def main() -> None:
    """Console-script entry point."""
    try:
        cli(prog_name="trainer")
    except KeyboardInterrupt:
        sys.exit(130)
