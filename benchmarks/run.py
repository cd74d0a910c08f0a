"""Scoring and batch against their budgets (docs/performance.md), measured in one run. (Loading is
benchmarks/loading.py; ``make bench`` prints every budget in one table: benchmarks/table.py.)

    .venv/bin/python benchmarks/run.py            # about a minute
    .venv/bin/python benchmarks/run.py --quick    # fewer repeats, for a first look

(a) Scoring: the full engine on one response against 10 model answers, against one bare
    ``rapidfuzz.fuzz.token_set_ratio`` pass over the same 10 answers. Budget: within 4x.
    The responses are the library's 360 calibration examples, each scored against its own
    statement (as in practice), with the statement's model answers topped up to ten.
(b) Batch: ``trainer score --batch`` work in-process (parse, score, serialise). Budget:
    at least 5,000 responses a second on one core.

Times are CPU time of this process (``time.process_time``), the best of several repeats,
so other work on the machine disturbs them as little as possible.
"""

from __future__ import annotations

import argparse
import io
import json
import platform
import time

import rapidfuzz
import yaml
from rapidfuzz import fuzz

from trainer.batch import score_lines
from trainer.loader import load_library
from trainer.scoring import AdHocStatement, score


def best_of(repeats: int, work) -> float:
    """The smallest CPU time of ``repeats`` runs of ``work()``."""
    times = []
    for _ in range(repeats):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times)


def realistic_inputs() -> list[tuple[AdHocStatement, str]]:
    """Every calibration response of the bundled library, each paired with its own statement,
    given ten model answers: the statement's own, then those of the scenario's other
    statements."""
    pairs = []
    for scenario in load_library().scenarios:
        pooled = [a for t in scenario.turns for a in t.model_answers]
        for turn in scenario.turns:
            answers = tuple(dict.fromkeys([*turn.model_answers, *pooled]))[:10]
            statement = AdHocStatement(turn.client, answers, tuple(turn.feelings), tuple(turn.content))
            pairs.extend((statement, e.response) for e in turn.examples)
    return pairs


def bench_scoring(repeats: int) -> dict:
    pairs = realistic_inputs()
    assert all(len(s.model_answers) == 10 for s, _ in pairs)
    for statement, text in pairs:  # warm the caches the way a session does
        score(statement, text)
    bare = best_of(repeats, lambda: [[fuzz.token_set_ratio(r, a) for a in s.model_answers] for s, r in pairs])
    full = best_of(repeats, lambda: [score(s, r) for s, r in pairs])
    n = len(pairs)
    return {"responses": n, "bare_us": bare / n * 1e6, "engine_us": full / n * 1e6, "ratio": full / bare}


def bench_batch(repeats: int) -> dict:
    pairs = realistic_inputs() * 20
    rows = [
        json.dumps(
            {
                "id": i,
                "client": s.client,
                "model_answers": list(s.model_answers),
                "feelings": list(s.feelings),
                "content": list(s.content),
                "response": r,
            }
        ).encode()
        for i, (s, r) in enumerate(pairs)
    ]

    def run():
        out = io.StringIO()
        for row, _ in score_lines(rows, lambda: None):
            out.write(json.dumps(row) + "\n")

    cpu = best_of(repeats, run)
    return {"rows": len(rows), "per_second": len(rows) / cpu}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args()
    repeats = 3 if args.quick else 7
    print(
        f"Python {platform.python_version()}, rapidfuzz {rapidfuzz.__version__}, "
        f"PyYAML {yaml.__version__} (libyaml {'yes' if yaml.__with_libyaml__ else 'no'}), {platform.machine()}"
    )
    s = bench_scoring(repeats)
    print(
        f"(a) scoring, {s['responses']} responses x 10 model answers: bare token_set_ratio pass "
        f"{s['bare_us']:.1f} us, full engine {s['engine_us']:.1f} us per response -> {s['ratio']:.2f}x "
        f"(budget 4x: {'met' if s['ratio'] <= 4 else 'NOT met'})"
    )
    b = bench_batch(max(1, repeats // 2))
    print(
        f"(b) batch, {b['rows']} rows parsed, scored and serialised: {b['per_second']:,.0f} responses/s "
        f"on one core (budget 5,000: {'met' if b['per_second'] >= 5000 else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
