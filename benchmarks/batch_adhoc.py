"""``trainer score --batch`` when every row brings its own statement, against a bare rapidfuzz pass.

Researchers and instructors' scripts send rows with their own ``client``, ten ``model_answers``,
``feelings`` and ``content``: each row's statement is one the scorer has not seen. The rows
are built from the bundled library's statements (each row's ten answers drawn from the
scenario's and others', so no two rows name the same statement) with trainee-like responses
(``trainee_responses``). Per row, in CPU time of this process, the median of ``--repeats``
runs, each on rows of its own (so no run finds the statements of another prepared):

- bare: one ``rapidfuzz.process.extract(response, answers, scorer=fuzz.token_set_ratio)``;
- the whole batch: the command's own loop -- ``score_lines`` (parse the line, read the row
  with its model, score, the verdict) and ``jsonio.dumps`` of every output object;
- ``score()`` alone on rows of the same kind: the scorer's share;
- the batch with ``score`` replaced by a look-up of its results, worked out beforehand: the
  cost outside the scorer -- parsing, the row model, serialising -- measured on its own.

    .venv/bin/python benchmarks/batch_adhoc.py [--rows 2000] [--repeats 5]

``rows()`` gives its rows of ``make bench``'s table (benchmarks/table.py).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import statistics
import time
from collections.abc import Callable
from functools import partial
from typing import Any
from unittest import mock

from rapidfuzz import fuzz, process
from table import Row, markdown
from trainee_responses import response

from trainer import batch, jsonio
from trainer.loader import Library, load_library
from trainer.scoring import AdHocStatement, Feedback, score

BUDGET = 8.0  # the design's budget: a statement seen for the first time, within 8x the bare pass
ANSWERS = 10


def make_rows(count: int, seed: int) -> list[dict[str, Any]]:
    """``count`` batch rows, each with a statement of its own."""
    rng = random.Random(seed)
    scenarios = load_library().scenarios
    everyone = [a for s in scenarios for t in s.turns for a in t.model_answers]
    rows = []
    for n in range(count):
        scenario = rng.choice(scenarios)
        turn = rng.choice(scenario.turns)
        nearby = [a for t in scenario.turns for a in t.model_answers if a not in turn.model_answers]
        pool = rng.sample(nearby, min(len(nearby), 4)) + rng.sample(everyone, ANSWERS)
        answers = list(dict.fromkeys([*turn.model_answers, *pool]))[:ANSWERS]
        rows.append(
            {
                "id": f"row-{seed}-{n}",
                "client": turn.client,
                "model_answers": answers,
                "feelings": list(turn.feelings),
                "content": list(turn.content),
                "response": response(rng, turn),
            }
        )
    return rows


def as_lines(rows: list[dict[str, Any]]) -> list[bytes]:
    return [json.dumps(row).encode() + b"\n" for row in rows]


def statement_of(row: dict[str, Any]) -> AdHocStatement:
    return AdHocStatement(row["client"], tuple(row["model_answers"]), tuple(row["feelings"]), tuple(row["content"]))


def cpu_per_row(work: Callable[[], object], rows: int) -> float:
    start = time.process_time()
    work()
    return (time.process_time() - start) / rows * 1e6


def no_library() -> Library:
    raise AssertionError("rows that bring their own statement need no library")


def whole_batch(lines: list[bytes]) -> None:
    """What ``trainer score --batch`` does with the lines, its output kept in memory."""
    out = io.StringIO()
    for row, _ in batch.score_lines(lines, no_library):
        out.write(jsonio.dumps(row) + "\n")


def bare_pass(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        process.extract(row["response"], row["model_answers"], scorer=fuzz.token_set_ratio, limit=None)


def scorer_alone(rows: list[dict[str, Any]]) -> Callable[[], object]:
    pairs = [(statement_of(row), row["response"]) for row in rows]
    return lambda: [score(statement, text) for statement, text in pairs]


def outside_the_scorer(rows: list[dict[str, Any]]) -> float:
    """The batch on ``rows``, every score looked up instead of worked out: the cost of parsing,
    the row model and serialising, per row."""
    known = {(statement_of(row), row["response"]): score(statement_of(row), row["response"]) for row in rows}

    def looked_up(statement: AdHocStatement, text: str, name: str | None = None) -> Feedback:
        return known[statement, text]

    lines = as_lines(rows)
    with mock.patch.object(batch, "score", looked_up):
        return cpu_per_row(lambda: whole_batch(lines), len(rows))


def measure(count: int = 2000, repeats: int = 5) -> dict[str, float]:
    """Microseconds per row of each measure, the median of ``repeats`` runs."""
    score(AdHocStatement("Warm up.", ("It sounds like you are warming up.",)), "You feel ready.")
    runs: dict[str, list[float]] = {"bare": [], "batch": [], "score": [], "outside": []}
    for repeat in range(repeats):
        rows = make_rows(count, seed=4 * repeat)
        lines = as_lines(rows)
        runs["bare"].append(cpu_per_row(partial(bare_pass, rows), count))
        runs["batch"].append(cpu_per_row(partial(whole_batch, lines), count))
        runs["score"].append(cpu_per_row(scorer_alone(make_rows(count, seed=4 * repeat + 1)), count))
        runs["outside"].append(outside_the_scorer(make_rows(count, seed=4 * repeat + 2)))
    return {name: statistics.median(times) for name, times in runs.items()}


def table_rows(measured: dict[str, float]) -> list[Row]:
    """The rows of ``make bench``'s table, in microseconds per row, against the bare pass."""
    bare = measured["bare"]
    return [
        Row(
            "score --batch, ad-hoc rows (CPU per row), vs a bare rapidfuzz pass",
            measured["batch"],
            "us",
            BUDGET,
            baseline=bare,
        ),
        Row("  of which score() (the scorer's share)", measured["score"], "us", None, baseline=bare),
        Row("  of which outside score(): parse, row model, JSON out", measured["outside"], "us", None, baseline=bare),
    ]


def rows(quick: bool = False) -> list[Row]:
    """The table's rows."""
    return table_rows(measure(1000, 3) if quick else measure())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    measured = measure(args.rows, args.repeats)
    print(f"{args.rows} ad-hoc rows x {args.repeats} runs, {ANSWERS} model answers each; CPU us per row, medians")
    print(markdown(table_rows(measured)))


if __name__ == "__main__":
    main()
