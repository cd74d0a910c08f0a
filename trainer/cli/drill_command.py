"""``trainer drill``: a short session of statements chosen by the spaced-repetition schedule,
practised in the app -- or, with ``--plan``, the plan printed."""

from __future__ import annotations

import textwrap

import click

from trainer import jsonio
from trainer.cli.app_commands import open_app
from trainer.cli.context import AppContext, echo, no_save_option, pass_app, scenarios_option
from trainer.cli.progress_commands import end_with_skipped, stored_attempts
from trainer.progress.attempt import iso, local_now
from trainer.progress.schedule import DrillOptions, Focus, plan_drill
from trainer.wording import plural


@click.command("drill")
@click.option("--count", "-n", type=click.IntRange(1, 100), default=10, show_default=True, help="How many statements.")
@click.option(
    "--skill",
    metavar="SKILL",
    help="Focus on a scenario skill (e.g. reflect-feeling) or a check (e.g. feeling, no_roadblock).",
)
@click.option(
    "--scenario", "scenarios", multiple=True, metavar="ID", help="Only statements of this scenario (repeatable)."
)
@click.option("--plan", is_flag=True, help="Print the planned drill instead: each statement and why it was chosen.")
@click.option("--json", "as_json", is_flag=True, help="Print the plan as a JSON array (implies --plan).")
@scenarios_option
@no_save_option
@pass_app
def drill_command(
    app: AppContext, count: int, skill: str | None, scenarios: tuple[str, ...], plan: bool, as_json: bool
) -> None:
    """Practise a drill planned from your own history: statements you found hard come back
    sooner, mastered ones rarely, and new ones are mixed in (Leitner boxes).

    \b
    trainer drill
    trainer drill --count 5 --skill feeling
    trainer drill --plan --scenario lonely-birthday
    """
    library = app.library
    unknown = [s for s in scenarios if library.get(s) is None]
    if unknown:
        raise click.BadParameter(f"no scenario '{unknown[0]}' (see 'trainer list')", param_hint="--scenario")
    try:
        focus = Focus.parse(skill, library.scenarios)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--skill") from None
    if not plan and not as_json:
        # Without any history every matching statement is new: an empty plan means no match.
        if not plan_drill(library.scenarios, (), local_now(), count=1, focus=focus, only=scenarios):
            _nothing_matches()
        open_app(app, start_drill=DrillOptions(count, focus, scenarios))
        return
    attempts, skipped = stored_attempts(scenarios)
    items = plan_drill(library.scenarios, attempts, local_now(), count=count, focus=focus, only=scenarios)
    if as_json:
        echo(
            jsonio.dumps(
                [
                    {
                        "scenario": i.scenario,
                        "turn": i.turn,
                        "client": i.client,
                        "reason": i.reason,
                        "box": i.card.box if i.card else None,
                        "due": iso(i.card.due) if i.card else None,
                    }
                    for i in items
                ],
                indent=2,
            )
        )
    elif not items:
        _nothing_matches()
    else:
        echo(f"A drill of {plural(len(items), 'statement')}:")
        for number, item in enumerate(items, start=1):
            echo(f"\n{number:>2}. {item.scenario}, statement {item.turn} -- {item.reason}")
            echo(textwrap.indent(textwrap.shorten(item.client, 150, placeholder=" ..."), "    "))
    end_with_skipped(skipped)


def _nothing_matches() -> None:
    echo("No statements to drill: no scenario matches those options.", err=True)
    raise SystemExit(1)
