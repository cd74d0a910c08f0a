"""Attempts written out for others: JSON for tools, CSV for spreadsheets, Markdown to hand in.

JSON follows the README's contract (Exports): ``{"student", "exported_at", "attempts": [{"scenario",
"turn", "client", "response", "score", "band", "kind", "checks", "at", ...}]}``; each attempt
also carries the conversation: ``deeper``, ``outcome``, ``reaction`` and ``openness_before``
and ``openness_after``. The Markdown reads as the conversations they were, run by run.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import datetime

from trainer import jsonio
from trainer.conversation import openness_move
from trainer.progress.attempt import SavedAttempt, iso
from trainer.progress.export_format import ExportDocument, ExportedAttemptInFull
from trainer.rubric import BAND_WORDS, CHECK_LABELS, KIND_WORDS
from trainer.spreadsheet import SafeCsvWriter
from trainer.wording import statement_name

FORMATS = ("json", "csv", "md")


def to_json(attempts: Sequence[SavedAttempt], student: str | None, exported_at: datetime) -> str:
    """The export as ``trainer.progress.export_format.ExportDocument`` writes it, two spaces an indent."""
    document = ExportDocument(
        student=student,
        exported_at=iso(exported_at),
        attempts=[ExportedAttemptInFull.model_validate(a) for a in attempts],
    )
    return jsonio.dumps(document.model_dump(), indent=2) + "\n"


CSV_FIELDS = ("scenario", "turn", "client", "response", "score", "band", "kind", "outcome")
CONVERSATION_FIELDS = ("deeper", "reaction", "reaction_cue", "openness_before", "openness_after")


def _conversation_cells(a: SavedAttempt) -> list:
    """Empty cells where there is nothing: a spreadsheet skips them in averages."""
    reaction = a.reaction
    return [
        "yes" if a.deeper else "",
        reaction.say if reaction else "",
        (reaction and reaction.cue) or "",
        "" if a.openness_before is None else a.openness_before,
        "" if a.openness_after is None else a.openness_after,
    ]


def to_csv(attempts: Sequence[SavedAttempt]) -> str:
    """One row per attempt; each check a column of its own (met / not met, empty when not scored).
    Cells that a spreadsheet would run as a formula are neutralised."""
    checks = [c for c in CHECK_LABELS if any(a.check(c) for a in attempts)]
    out = io.StringIO(newline="")
    writer = SafeCsvWriter(out)
    writer.writerow([*CSV_FIELDS, *checks, "roadblocks", *CONVERSATION_FIELDS, "at", "session"])
    for a in attempts:
        row = a.to_dict()
        marks = ["" if a.passed(c) is None else "met" if a.passed(c) else "not met" for c in checks]
        writer.writerow(
            [
                *(row[f] for f in CSV_FIELDS),
                *marks,
                " ".join(a.roadblocks),
                *_conversation_cells(a),
                row["at"],
                a.session,
            ]
        )
    return out.getvalue()


def _quote(text: str) -> str:
    """Text as a Markdown block quote, every line of it."""
    return "\n".join(f"> {line}".rstrip() for line in text.splitlines() or [""])


def _when(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M} {moment.tzname() or ''}".rstrip()


def to_markdown(
    attempts: Sequence[SavedAttempt],
    student: str | None,
    exported_at: datetime,
    titles: Mapping[str, str] | None = None,
    clients: Mapping[str, str] | None = None,
) -> str:
    """A readable transcript with its feedback: scenario by scenario, each run (one sitting) as
    the conversation it was -- what the client said, each try, what the client said back.

    Times are shown in ``exported_at``'s time zone. ``titles`` maps scenario ids to titles,
    ``clients`` to the client's name.
    """
    titles, clients = titles or {}, clients or {}
    zone = exported_at.tzinfo
    heading = "# Reflective listening practice" + (f": {student}" if student else "")
    lines = [heading, ""]
    if not attempts:
        return "\n".join([*lines, f"Exported {_when(exported_at)}. No responses recorded yet.", ""])
    first, last = (a.at.astimezone(zone) for a in (attempts[0], attempts[-1]))
    scenarios: dict[str, dict[str, dict[tuple, list[SavedAttempt]]]] = {}
    for a in attempts:
        scenarios.setdefault(a.scenario, {}).setdefault(a.session, {}).setdefault(a.statement, []).append(a)
    span = f"{first:%Y-%m-%d}" if first.date() == last.date() else f"{first:%Y-%m-%d} to {last:%Y-%m-%d}"
    average = round(sum(a.score for a in attempts) / len(attempts))
    responses = f"{len(attempts)} response" + ("s" if len(attempts) != 1 else "")
    in_scenarios = f"{len(scenarios)} scenario" + ("s" if len(scenarios) != 1 else "")
    lines += [f"Exported {_when(exported_at)}. {responses} in {in_scenarios}, {span}; average score {average}/100.", ""]
    for scenario, runs in scenarios.items():
        title = titles.get(scenario)
        client = clients.get(scenario, "Client")
        lines += [f"## {title} ({scenario})" if title else f"## {scenario}", ""]
        for number, statements in enumerate(runs.values(), start=1):
            began = next(iter(statements.values()))[0].at.astimezone(zone)
            lines += [f"### Run {number} ({_when(began)})" if len(runs) > 1 else f"### {_when(began)}", ""]
            for tries in statements.values():
                lines += _markdown_statement(tries, client, zone)
    return "\n".join(lines)


def _markdown_statement(tries: list[SavedAttempt], client: str, zone) -> list[str]:
    """One statement of a run: the client's words, each try with its feedback, then the client's
    reaction to the last try (trying again replaces it) and how openness moved."""
    last = tries[-1]
    lines = [
        f"#### {statement_name(last.turn, last.deeper).capitalize()}",
        "",
        _quote(f"**{client}:** {last.client}"),
        "",
    ]
    for number, a in enumerate(tries, start=1):
        lines += _markdown_attempt(a, number if len(tries) > 1 else None, zone)
    if last.reaction is not None:
        cue = f" *({last.reaction.cue})*" if last.reaction.cue else ""
        lines += [_quote(f"**{client}:** {last.reaction.say}{cue}"), ""]
    if last.openness_before is not None and last.openness_after is not None:
        lines += [f"{openness_move(last.openness_before, last.openness_after)}.", ""]
    return lines


def _markdown_attempt(a: SavedAttempt, number: int | None, zone) -> list[str]:
    label = f"You, try {number}" if number else "You"
    lines = [
        _quote(f"**{label}** ({_when(a.at.astimezone(zone))}): {a.response}"),
        "",
        f"Score **{a.score}/100**: {BAND_WORDS.get(a.band, a.band)}, {KIND_WORDS.get(a.kind, a.kind)}.",
        "",
    ]
    lines += [f"- [{'x' if c.passed else ' '}] {CHECK_LABELS.get(c.id, c.id)}: {c.message}" for c in a.checks]
    if a.messages:
        lines += ["", "Feedback:", ""] + [f"- {m}" for m in a.messages]
    return [*lines, ""]
