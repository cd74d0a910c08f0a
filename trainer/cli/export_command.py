"""``trainer export``: stored responses as JSON (the file to hand in: ``trainer grade`` reads it), CSV,
or a Markdown transcript to read."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from trainer.cli.context import AppContext, echo, pass_app, scenarios_option
from trainer.cli.progress_commands import end_with_skipped, stored_attempts
from trainer.paths import create_private
from trainer.progress.attempt import local_now
from trainer.progress.export import FORMATS, to_csv, to_json, to_markdown
from trainer.wording import plural

FORMAT_OF_SUFFIX = {".json": "json", ".csv": "csv", ".md": "md", ".markdown": "md"}


class LocalDate(click.ParamType):
    """A calendar day, YYYY-MM-DD, meaning its first moment in the local time zone."""

    name = "date"

    def convert(self, value, param, ctx) -> datetime:
        if isinstance(value, datetime):
            return value
        try:
            return datetime.strptime(value, "%Y-%m-%d").astimezone()
        except ValueError:
            self.fail(f"'{value}' is not a date; expected YYYY-MM-DD, for example 2025-03-01", param, ctx)


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="json (the default, and the file to hand in), csv (one row per response) or md (a transcript "
    "with feedback, to read); without it, the extension of --output decides.",
)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False), metavar="FILE", help="Write to FILE instead of standard output."
)
@click.option("--scenario", "scenarios", multiple=True, metavar="ID", help="Only this scenario (repeatable).")
@click.option("--since", type=LocalDate(), metavar="YYYY-MM-DD", help="Only responses from this day on.")
@click.option("--student", metavar="NAME", help="Your name, put at the top of the export.")
@scenarios_option
@pass_app
def export_command(
    app: AppContext,
    fmt: str | None,
    output: str | None,
    scenarios: tuple[str, ...],
    since: datetime | None,
    student: str | None,
) -> None:
    """Export your stored responses and their feedback.

    To hand in your practice, hand in the JSON export (the default): it is the file
    'trainer grade' reads. The Markdown transcript is for reading (keep it, or add it
    alongside); grading cannot use it, nor the CSV.

    \b
    trainer export --student "Ana Diaz" -o ana-diaz.json   # the file to hand in
    trainer export --format md --student "Ana Diaz" -o practice.md
    trainer export --format csv --since 2025-03-01 > march.csv
    """
    if fmt is None:
        fmt = FORMAT_OF_SUFFIX.get(Path(output).suffix.lower(), "json") if output else "json"
    attempts, skipped = stored_attempts(scenarios, since)
    now = local_now()
    if fmt == "json":
        text = to_json(attempts, student, now)
    elif fmt == "csv":
        text = to_csv(attempts)
    else:
        titles = {s.id: s.title for s in app.library.scenarios}
        clients = {s.id: s.client_name.capitalize() for s in app.library.scenarios}
        text = to_markdown(attempts, student, now, titles, clients)
    if output is None:
        echo(text, nl=False)
        if not attempts:
            echo("No stored responses match; the export is empty.", err=True)
        end_with_skipped(skipped)
        return
    try:
        with create_private(output) as handle:
            handle.write(text)
    except OSError as err:
        echo(f"trainer export: cannot write {output}: {err.strerror or err}", err=True)
        raise SystemExit(1) from None
    echo(f"Exported {plural(len(attempts), 'response')} to {output}.", err=True)
    end_with_skipped(skipped)
