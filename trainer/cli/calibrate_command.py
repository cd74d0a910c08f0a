"""``trainer calibrate``: how well the scorer agrees with the instructors' examples."""

from __future__ import annotations

import click

from trainer import jsonio
from trainer.calibration import calibrate
from trainer.cli.context import AppContext, echo, pass_app, report_problems, scenarios_option
from trainer.loader import bundled_scenarios_dir, load_paths
from trainer.rubric import BAND_WORDS
from trainer.wording import plural, statement_name


@click.command("calibrate")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option(
    "--min-agreement",
    type=click.FloatRange(0, 1),
    default=0.9,
    show_default=True,
    help="Exit 1 when within-one-band agreement is below this share.",
)
@scenarios_option
@pass_app
def calibrate_command(app: AppContext, paths: tuple[str, ...], as_json: bool, min_agreement: float) -> None:
    """Score every calibration example and compare with the band its author expects.

    Reports exact agreement and agreement within one band, and lists each disagreement,
    as file:line of its example, with the checks that drove the score. Default: the bundled
    library and any --scenarios.
    """
    library = load_paths(paths or (bundled_scenarios_dir(), *app.scenario_dirs))
    report_problems(library.problems)
    report = calibrate(library)
    if as_json:
        echo(jsonio.dumps(report.to_dict(), indent=2))
    else:
        for d in report.disagreements:
            where = f"{d.where}: " if d.where else ""
            echo(
                f"{where}{d.scenario} {statement_name(d.turn, d.deeper)}: expected {BAND_WORDS[d.expected]}, "
                f"scored {d.score} ({BAND_WORDS[d.band]}, {d.kind})"
            )
            echo(f'    "{d.response}"')
            for check in d.checks:
                echo(f"    - {check}")
        echo(
            f"{plural(report.examples, 'example')}: {report.exact_matches} in the expected band "
            f"({report.exact:.1%}), {report.within_one_matches} within one band ({report.within_one:.1%})."
        )
    if report.within_one < min_agreement:
        echo(f"Within-one-band agreement {report.within_one:.0%} is below {min_agreement:.0%}.", err=True)
        raise SystemExit(1)
    if library.problems:
        raise SystemExit(1)
