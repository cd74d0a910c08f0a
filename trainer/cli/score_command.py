"""``trainer score``: one response, readable or as JSON, or many with ``--batch``."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from trainer import jsonio
from trainer.cli.context import AppContext, echo, pass_app, scenarios_option

if TYPE_CHECKING:
    from trainer.scoring import Feedback


def render(feedback: Feedback) -> str:
    """Feedback as plain text for a terminal: score, checks, how it landed, then the messages."""
    from trainer.conversation import change, outcome_of
    from trainer.rubric import BAND_WORDS, KIND_WORDS, OUTCOMES

    landed = outcome_of(feedback)
    moves = change(landed, feedback.roadblocks)
    trust = f"openness {moves:+d}" if moves else "openness stays"
    lines = [
        f"Score {feedback.score}/100 - {BAND_WORDS[feedback.band]} - {KIND_WORDS[feedback.kind]}",
        f"Landed: {landed} -- {OUTCOMES[landed]}; in a conversation, {trust}",
        "",
    ]
    width = max(len(c.id) for c in feedback.checks)
    for c in feedback.checks:
        mark = "met    " if c.passed else "not met"
        lines.append(f"  {mark}  {c.id:<{width}}  {c.points:>2}/{c.max_points:<2}  {c.message}")
    lines.append("")
    lines.extend(f"- {m}" for m in feedback.messages)
    return "\n".join(lines)


@click.command("score")
@click.argument("response", required=False)
@click.option("--client", help="The client's statement to respond to.")
@click.option("--model", "models", multiple=True, metavar="TEXT", help="A model answer (repeatable).")
@click.option(
    "--feeling", "feelings", multiple=True, metavar="WORD", help="A feeling a reflection should name (repeatable)."
)
@click.option(
    "--content", "content", multiple=True, metavar="TEXT", help="A fact a reflection may capture (repeatable)."
)
@click.option("--scenario", "scenario_id", metavar="ID", help="Use a scenario's statement instead of --client.")
@click.option("--turn", type=int, metavar="N", help="With --scenario: the statement number (1 = first).")
@click.option("--deeper", is_flag=True, help="With --scenario and --turn: that statement's deeper statement.")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON object instead of text.")
@click.option(
    "--batch",
    type=click.File("rb"),
    metavar="FILE",
    help="Score JSON Lines from FILE ('-' for standard input); one JSON object out per line.",
)
@scenarios_option
@pass_app
def score_command(
    app: AppContext, response, client, models, feelings, content, scenario_id, turn, deeper, as_json, batch
) -> None:
    """Score RESPONSE to a client statement.

    \b
    trainer score --client "Nobody called on my birthday." "You felt forgotten."
    trainer score --scenario lonely-birthday --turn 1 "It sounds like you felt alone."
    trainer score --batch responses.jsonl > scores.jsonl
    """
    # The engine loads here, not when the CLI starts, so the app and `trainer list` start faster.
    from trainer.batch import RowError, read_lines, resolve, score_lines, verdict
    from trainer.scoring import score

    if batch is not None:
        if response or client or scenario_id:
            raise click.UsageError("--batch reads everything from the file; give no RESPONSE, --client or --scenario")
        ok = True
        out = sys.stdout
        for row, scored in score_lines(read_lines(batch), lambda: app.library):
            ok &= scored
            out.write(jsonio.dumps(row) + "\n")
        out.flush()
        raise SystemExit(0 if ok else 1)
    if response is None:
        raise click.UsageError("give the RESPONSE to score (or --batch FILE)")
    if jsonio.has_lone_surrogate([response, client, *models, *feelings, *content]):
        raise click.UsageError("the text given is not UTF-8 (is the terminal set to another encoding?)")
    if bool(client) == bool(scenario_id):
        raise click.UsageError("give either --client TEXT or --scenario ID --turn N")
    if scenario_id and turn is None:
        raise click.UsageError("--scenario needs --turn N (1 for the first statement)")
    if deeper and not scenario_id:
        raise click.UsageError("--deeper needs --scenario ID --turn N")
    row = {"client": client, "model_answers": list(models), "feelings": list(feelings), "content": list(content)}
    if scenario_id:
        row = {"scenario": scenario_id, "turn": turn, "deeper": deeper}
    try:
        _, statement, name = resolve({"response": response, **row}, lambda: app.library)
    except RowError as err:
        echo(f"trainer score: {err}", err=True)
        raise SystemExit(1) from None
    feedback = score(statement, response, name)
    echo(jsonio.dumps(verdict(feedback), indent=2) if as_json else render(feedback))
