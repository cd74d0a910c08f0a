"""Attempts written out for others: JSON for tools, CSV for spreadsheets, Markdown to hand in.

JSON follows the contract in DESIGN.md: ``{"student", "exported_at", "attempts": [{"scenario",
"turn", "client", "response", "score", "band", "kind", "checks", "at", ...}]}``.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import datetime

from trainer import jsonio
from trainer.progress.attempt import CHECK_LABELS, Attempt, iso
from trainer.scoring import BAND_WORDS, KIND_WORDS
from trainer.spreadsheet import SafeCsvWriter

FORMATS = ("json", "csv", "md")


def to_json(attempts: Sequence[Attempt], student: str | None, exported_at: datetime) -> str:
    document = {"student": student, "exported_at": iso(exported_at),
                "attempts": [a.to_dict() for a in attempts]}
    return jsonio.dumps(document, indent=2) + "\n"


CSV_FIELDS = ("scenario", "turn", "client", "response", "score", "band", "kind")


def to_csv(attempts: Sequence[Attempt]) -> str:
    """One row per attempt; each check a column of its own (met / not met, empty when not scored).
    Cells that a spreadsheet would run as a formula are neutralised."""
    checks = [c for c in CHECK_LABELS if any(a.check(c) for a in attempts)]
    out = io.StringIO(newline="")
    writer = SafeCsvWriter(out)
    writer.writerow([*CSV_FIELDS, *checks, "roadblocks", "at", "session"])
    for a in attempts:
        row = a.to_dict()
        marks = ["" if a.passed(c) is None else "met" if a.passed(c) else "not met" for c in checks]
        writer.writerow([*(row[f] for f in CSV_FIELDS), *marks, " ".join(a.roadblocks), row["at"], a.session])
    return out.getvalue()


def _quote(text: str) -> str:
    """Text as a Markdown block quote, every line of it."""
    return "\n".join(f"> {line}".rstrip() for line in text.splitlines() or [""])


def _when(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M} {moment.tzname() or ''}".rstrip()


def to_markdown(attempts: Sequence[Attempt], student: str | None, exported_at: datetime,
                titles: Mapping[str, str] | None = None) -> str:
    """A readable transcript with its feedback: scenario by scenario, statement by statement.

    Times are shown in ``exported_at``'s time zone. ``titles`` maps scenario ids to titles.
    """
    titles = titles or {}
    zone = exported_at.tzinfo
    heading = "# Reflective listening practice" + (f": {student}" if student else "")
    lines = [heading, ""]
    if not attempts:
        return "\n".join([*lines, f"Exported {_when(exported_at)}. No responses recorded yet.", ""])
    first, last = (a.at.astimezone(zone) for a in (attempts[0], attempts[-1]))
    scenarios: dict[str, dict[int, list[Attempt]]] = {}
    for a in attempts:
        scenarios.setdefault(a.scenario, {}).setdefault(a.turn, []).append(a)
    span = f"{first:%Y-%m-%d}" if first.date() == last.date() else f"{first:%Y-%m-%d} to {last:%Y-%m-%d}"
    average = round(sum(a.score for a in attempts) / len(attempts))
    responses = f"{len(attempts)} response" + ("s" if len(attempts) != 1 else "")
    in_scenarios = f"{len(scenarios)} scenario" + ("s" if len(scenarios) != 1 else "")
    lines += [f"Exported {_when(exported_at)}. {responses} in {in_scenarios}, {span}; "
              f"average score {average}/100.", ""]
    for scenario, turns in scenarios.items():
        title = titles.get(scenario)
        lines += [f"## {title} ({scenario})" if title else f"## {scenario}", ""]
        for turn, tries in sorted(turns.items()):
            lines += [f"### Statement {turn}", "", _quote(tries[-1].client), ""]
            for number, a in enumerate(tries, start=1):
                lines += _markdown_attempt(a, number if len(tries) > 1 else None, zone)
    return "\n".join(lines)


def _markdown_attempt(a: Attempt, number: int | None, zone) -> list[str]:
    label = f"Response {number}" if number else "Response"
    lines = [f"**{label}** ({_when(a.at.astimezone(zone))}):", "", _quote(a.response), "",
             f"Score **{a.score}/100**: {BAND_WORDS.get(a.band, a.band)}, {KIND_WORDS.get(a.kind, a.kind)}.", ""]
    lines += [f"- [{'x' if c.passed else ' '}] {CHECK_LABELS.get(c.id, c.id)}: {c.message}" for c in a.checks]
    if a.messages:
        lines += ["", "Feedback:", ""] + [f"- {m}" for m in a.messages]
    return [*lines, ""]
