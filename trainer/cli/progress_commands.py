"""``trainer progress`` and ``trainer forget``, and how every command reads stored progress."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import asdict
from datetime import date, datetime
from typing import TypeVar

import click

from trainer import jsonio
from trainer.cli.context import echo
from trainer.paths import data_dir
from trainer.progress.attempt import SavedAttempt, local_now
from trainer.progress.records import LeftRun
from trainer.progress.rows import SkippedRow
from trainer.progress.stats import RECENT, RUNS_EXPLAINED, ProgressSummary, summarise
from trainer.progress.store import (
    BACKUP_PREFIX,
    ProgressStore,
    StoreTrouble,
    forget,
    open_store,
    set_aside,
    store_path,
    stored_files,
)
from trainer.terminal import printable
from trainer.wording import plural, statement_name

START_FRESH = "trainer progress --start-fresh"
SKIPPED_SHOWN = 10  # damaged rows named one by one; the rest are counted
T = TypeVar("T")


def stored_attempts(
    scenarios: Collection[str] = (), since: datetime | None = None
) -> tuple[list[SavedAttempt], list[SkippedRow]]:
    """What is stored, oldest first, and the damaged rows left out (for ``end_with_skipped``).

    A file that cannot be used at all is explained, with the way out, and exit 1.
    """
    return reading_store(lambda store: (store.attempts(scenarios, since), store.skipped))


def reading_store(read: Callable[[ProgressStore], T]) -> T:
    """``read(store)`` from the stored progress; a file that cannot be used is explained, with the
    way out, and exit 1."""
    try:
        with open_store(saving=False) as store:
            return read(store)
    except StoreTrouble as trouble:
        way_out = f" To keep it as a backup and start a fresh one, run: {START_FRESH}" if trouble.can_set_aside else ""
        echo(f"trainer: {trouble}{way_out}", err=True)
        raise SystemExit(1) from None


def end_with_skipped(skipped: list[SkippedRow]) -> None:
    """After a command's output: the damaged rows it left out, on stderr, and exit 1 if there were any."""
    if not skipped:
        return
    for row in skipped[:SKIPPED_SHOWN]:
        echo(f"trainer: {row}", err=True)
    if len(skipped) > SKIPPED_SHOWN:
        echo(f"trainer: and {plural(len(skipped) - SKIPPED_SHOWN, 'more damaged row')}, skipped", err=True)
    echo(
        f"trainer: {plural(len(skipped), 'damaged row')} of {store_path()} left out; everything else was used.",
        err=True,
    )
    raise SystemExit(1)


_BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[int]) -> str:
    """Scores 0..100 as a line of block characters."""
    return "".join(_BARS[min(len(_BARS) - 1, value * len(_BARS) // 101)] for value in values)


def _percent(share: float) -> str:
    return f"{round(100 * share)}%"


def render_summary(summary: ProgressSummary) -> str:
    lines = [summary.totals.describe(), summary.streak.describe(), ""]
    width = max(len(k.label) for k in summary.skills)
    lines += [
        "Skills: the share of responses that met each check",
        f"  {'':<{width}}  {'all':>4}  {f'last {RECENT}':>7}",
    ]
    lines += [f"  {k.label:<{width}}  {_percent(k.share):>4}  {_percent(k.recent_share):>7}" for k in summary.skills]
    days = summary.days
    lines += [
        "",
        f"Scores by day: {sparkline([d.average for d in days])}  "
        f"(first day {days[0].average}, latest {days[-1].average})",
        "",
    ]
    lines += ["Scenarios:"]
    width = max(len(r.scenario) for r in summary.scenarios.values())
    lines += [f"  {r.scenario:<{width}}  {r.describe()}{_left(r.left)}" for r in summary.scenarios.values()]
    lines += [f"  ({RUNS_EXPLAINED})"]
    lines += ["", "Personal bests:"]
    width = max(len(scenario) for scenario, *_ in summary.bests)
    lines += [
        f"  {scenario:<{width}}  {statement_name(turn, deeper):<22} {best.score:>3}  ({best.at.astimezone():%Y-%m-%d})"
        for (scenario, turn, deeper), best in sorted(summary.bests.items())
    ]
    if summary.wins:
        lines += ["", "Recent small wins:"]
        lines += [f"  {w.attempt.at.astimezone():%Y-%m-%d}  {w.message}" for w in summary.wins[-5:]]
    return "\n".join(lines)


def _left(left: LeftRun | None) -> str:
    if left is None:
        return ""
    return (
        f"; left part-way at statement {left.next_statement} of {left.statements} "
        f"({left.at.astimezone():%Y-%m-%d}): r on the app's home screen resumes it"
    )


def _json_value(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"cannot put {type(value).__name__} in JSON")


def summary_json(summary: ProgressSummary) -> dict:
    return {
        "totals": asdict(summary.totals),
        "streak": asdict(summary.streak),
        "skills": [{**asdict(k), "share": k.share, "recent_share": k.recent_share} for k in summary.skills],
        "days": [asdict(d) for d in summary.days],
        "scenarios": [asdict(r) for r in summary.scenarios.values()],
        "bests": [
            {"scenario": a.scenario, "turn": a.turn, "deeper": a.deeper, "score": a.score, "at": a.at}
            for a in summary.bests.values()
        ],
        "wins": [
            {
                "kind": w.kind,
                "message": w.message,
                "scenario": w.attempt.scenario,
                "turn": w.attempt.turn,
                "at": w.attempt.at,
            }
            for w in summary.wins
        ],
    }


@click.command("progress")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object instead of text.")
@click.option(
    "--start-fresh",
    is_flag=True,
    help="Move a progress file that cannot be used (damaged, from a newer version, not the trainer's) "
    "to a backup and start afresh.",
)
def progress_command(as_json: bool, start_fresh: bool) -> None:
    """Your progress so far: totals, streak, skills, scores over time, bests and small wins."""
    if start_fresh:
        _start_fresh()
        return
    attempts, runs, skipped = reading_store(lambda store: (store.attempts(), store.runs(), store.skipped))
    summary = summarise(attempts, local_now(), runs=runs)
    if as_json:
        document = {"path": str(store_path()), **summary_json(summary)}
        echo(jsonio.dumps(document, indent=2, default=_json_value))
    elif not attempts:
        echo(f"No practice recorded yet. Every response you submit is kept in {store_path()}.")
    else:
        echo(render_summary(summary))
        echo(f"\nStored in {store_path()}.")
    end_with_skipped(skipped)


def _start_fresh() -> None:
    try:
        open_store(saving=False).close()
    except StoreTrouble as trouble:
        if not trouble.can_set_aside:
            echo(f"trainer: {trouble}", err=True)
            raise SystemExit(1) from None
        backup = set_aside(trouble.path)
        echo(f"{trouble}\nMoved it to {backup}; a fresh progress file starts with your next response.")
        return
    echo(f"Your progress file ({store_path()}) is fine; nothing was moved.")


@click.command("forget")
@click.option("--yes", "-y", is_flag=True, help="Do not ask first (for scripts).")
def forget_command(yes: bool) -> None:
    """Delete all stored progress: every response, and any backups of the progress file."""
    folder = data_dir()
    if not stored_files(folder):
        echo(f"Nothing to forget: no progress is stored in {folder}.")
        return
    parts = []
    if store_path(folder).exists():
        try:
            with open_store(folder, saving=False) as store:
                parts.append(plural(len(store.attempts()) + len(store.skipped), "stored response"))
        except StoreTrouble:
            parts.append("a progress file that cannot be read")
    backups = [f for f in stored_files(folder) if f.name.startswith(BACKUP_PREFIX)]
    if backups:
        parts.append(plural(len(backups), "backup"))
    what = " and ".join(parts) or "leftover progress files"
    if not yes:
        try:
            agreed = click.confirm(printable(f"Delete {what} from {folder}? This cannot be undone."), err=True)
        except click.Abort:
            echo("\nNothing was deleted (no answer; use --yes to delete without asking).", err=True)
            raise SystemExit(1) from None
        if not agreed:
            echo("Nothing was deleted.")
            return
    deleted, kept = forget(folder)
    if deleted:
        done = what if not kept else "what could be deleted"
        echo(f"Deleted {done}: {', '.join(f.name for f in deleted)} (in {folder}).")
    if kept:
        echo(
            (
                "Some progress is still stored; could not delete:"
                if deleted
                else f"Nothing was deleted from {folder}; could not delete:"
            ),
            err=True,
        )
        for path, why in kept:
            echo(f"  {path}: {why}", err=True)
        raise SystemExit(1)
