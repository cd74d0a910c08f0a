"""The ``trainer`` console command, and opening the app from the command line.

``trainer`` alone opens the app at once, without loading the command-line machinery (click
and every command's module): the home screen is on the screen sooner. Anything else -- a
command, an option, ``--help`` -- goes to the command line in ``trainer.cli``, which opens the
app through ``trainer.opening.run_app`` too. No click here.
"""

from __future__ import annotations

import sys

from trainer.opening import run_app


def main() -> None:
    """Console-script entry point."""
    try:
        if len(sys.argv) == 1:
            run_app()
        else:
            from trainer.cli import cli

            cli(prog_name="trainer")
    except KeyboardInterrupt:
        sys.exit(130)
