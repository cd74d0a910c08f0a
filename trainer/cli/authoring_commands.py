"""``trainer new`` and ``trainer schema``: starting a scenario, and the schema editors use."""

from __future__ import annotations

from pathlib import Path

import click

from trainer.cli.context import AppContext, echo, pass_app, scenarios_option
from trainer.schema import scenario_schema_json, schema_reference
from trainer.template import default_title, is_valid_id, scenario_template, suggest_id


@click.command("new", short_help="Start a scenario from a commented template.")
@click.argument("scenario_id", metavar="ID")
@click.option("--title", help="The scenario's title (default: made from ID).")
@click.option(
    "--dir",
    "folder",
    default=".",
    show_default="the current folder",
    metavar="DIR",
    type=click.Path(file_okay=False),
    help="Where to write ID.yaml (created when missing).",
)
@click.option(
    "--schema",
    metavar="PATH|URL",
    help="Where the file's editor modeline points (default: this installation's schema).",
)
@click.option("--force", is_flag=True, help="Overwrite ID.yaml if it exists.")
@scenarios_option
@pass_app
def new_command(
    app: AppContext, scenario_id: str, title: str | None, folder: str, schema: str | None, force: bool
) -> None:
    """Write DIR/ID.yaml: a commented scenario that validates as written.

    Every key of the format is there once, with a comment, around a worked example;
    replace the example with your own client. The first line points your editor at the
    schema, for completion and checking while you type.

    \b
    trainer new grief-at-work --title "Back at Work" --dir course/scenarios
    """
    if not is_valid_id(scenario_id):
        raise click.BadParameter(
            f"'{scenario_id}' is not a scenario id: use lowercase letters, digits and single "
            f"hyphens, e.g. {suggest_id(scenario_id)}",
            param_hint="ID",
        )
    if title is not None and not title.strip():
        raise click.BadParameter("the title is empty", param_hint="--title")
    target = Path(folder) / f"{scenario_id}.yaml"
    if target.exists() and not force:
        echo(
            f"trainer new: {target} already exists; choose another ID or --dir, or add --force to overwrite it",
            err=True,
        )
        raise SystemExit(1)
    existing = app.library.paths.get(scenario_id)
    if existing is not None and existing.resolve() != target.resolve():
        echo(
            f"trainer new: the id '{scenario_id}' is already used by {existing}; ids must be unique, so choose another",
            err=True,
        )
        raise SystemExit(1)
    text = scenario_template(
        scenario_id, (title or default_title(scenario_id)).strip(), schema or schema_reference(folder)
    )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as err:
        echo(f"trainer new: cannot write {target}: {err.strerror or err}", err=True)
        raise SystemExit(1) from None
    echo(f"Wrote {target}. Replace the example with your client, then check it:\n  trainer validate {target}")


@click.command("schema", short_help="Print the JSON Schema of the scenario format.")
def schema_command() -> None:
    """Print the JSON Schema of the scenario format, for editors (see docs/authoring.md)."""
    echo(scenario_schema_json(), nl=False)
