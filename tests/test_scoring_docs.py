"""docs/scoring.md shows the reading rules as the code has them: the table between its markers
is built from ``trainer.scoring.rules.RULES``. Run this file to print the table to paste."""

from __future__ import annotations

from pathlib import Path

from trainer.scoring.rules import RULES

SCORING = Path(__file__).resolve().parent.parent / "docs" / "scoring.md"
START, END = "<!-- rules: generated from trainer/scoring/rules.py -->", "<!-- end of rules -->"


def rules_table() -> str:
    lines = ["| # | rule (`why`) | decides | reads | examples |", "|---|---|---|---|---|"]
    for number, rule in enumerate(RULES, start=1):
        reads = ", ".join(f"`{name}`" for name in rule.reads) or "--"
        examples = " / ".join(f'"{example}"' for example in rule.examples[:2])
        lines.append(f"| {number} | {rule.name} | {rule.decides} | {reads} | {examples} |")
    return "\n".join(lines)


def test_the_rule_table_in_the_docs_is_the_codes():
    text = SCORING.read_text(encoding="utf-8")
    documented = text[text.index(START) + len(START) : text.index(END)].strip()
    assert documented == rules_table(), "paste the output of `python tests/test_scoring_docs.py` into docs/scoring.md"


if __name__ == "__main__":
    print(START, rules_table(), END, sep="\n")
