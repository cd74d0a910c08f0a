"""``trainer list`` and ``trainer validate``."""

from __future__ import annotations

import click

from trainer import jsonio
from trainer.cli.context import AppContext, echo, pass_app, report_problems, scenarios_option
from trainer.loader import bundled_scenarios_dir, load_paths
from trainer.wording import plural


@click.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array instead of a table.")
@scenarios_option
@pass_app
def list_command(app: AppContext, as_json: bool) -> None:
    """List the scenarios that load; problems with other files go to stderr."""
    library = app.library
    rows = [
        {
            "id": s.id,
            "title": s.title,
            "difficulty": s.difficulty.value,
            "statements": len(s.turns),
            "skills": list(s.skills),
            "content_warnings": list(s.content_warnings),
            "summary": s.summary or "",
            "path": str(library.paths[s.id]),
        }
        for s in library.scenarios
    ]
    if as_json:
        echo(jsonio.dumps(rows, indent=2))
    elif not rows:
        echo("No scenarios found.")
    else:
        width = max(len(r["id"]) for r in rows)
        for r in rows:
            warning = "  (content warning: " + ", ".join(r["content_warnings"]) + ")" if r["content_warnings"] else ""
            echo(f"{r['id']:<{width}}  {r['difficulty']:<12} {r['statements']:>3} statements  {r['title']}{warning}")
    report_problems(library.problems)
    if library.problems:
        raise SystemExit(1)


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path())
@scenarios_option
@pass_app
def validate_command(app: AppContext, paths: tuple[str, ...]) -> None:
    """Check scenario files or folders (default: the bundled library and any --scenarios).

    Exit code 0 when every file is valid, 1 when problems were found.
    """
    library = load_paths(paths or (bundled_scenarios_dir(), *app.scenario_dirs))
    report_problems(library.problems)
    statements = sum(len(s.turns) for s in library.scenarios)
    bad_files = len({p.path for p in library.problems})
    if library.problems:
        echo(
            f"{plural(len(library.problems), 'problem')} in {plural(bad_files, 'file')}; "
            f"{plural(len(library.scenarios), 'scenario')} valid.",
            err=True,
        )
        raise SystemExit(1)
    echo(
        f"All {plural(library.files_read, 'scenario file')} valid "
        f"({plural(len(library.scenarios), 'scenario')}, {plural(statements, 'statement')})."
    )
