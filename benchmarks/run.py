"""Scoring and loading against their budgets (docs/performance.md), measured in one run.

    .venv/bin/python benchmarks/run.py            # about a minute
    .venv/bin/python benchmarks/run.py --quick    # fewer repeats, for a first look

(a) Scoring: the full engine on one response against 10 model answers, against one bare
    ``rapidfuzz.fuzz.token_set_ratio`` pass over the same 10 answers. Budget: within 4x.
    The responses are the library's 360 calibration examples, each scored against its own
    statement (as in practice), with the statement's model answers topped up to ten.
(b) Batch: ``trainer score --batch`` work in-process (parse, score, serialise). Budget:
    at least 5,000 responses a second on one core.
(c) Loading: 1,000 generated scenario files loaded and validated, against bare libyaml
    (CSafeLoader) parsing of the same files. Budget: within 2x.

Times are CPU time of this process (``time.process_time``), the best of several repeats,
so other work on the machine disturbs them as little as possible.
"""

from __future__ import annotations

import argparse
import io
import json
import platform
import tempfile
import time
from pathlib import Path

import rapidfuzz
import yaml
from rapidfuzz import fuzz

from trainer.batch import score_lines
from trainer.loader import load_library, load_paths
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


SCENARIO = """\
id: generated-{n}
title: Generated scenario {n}
summary: A generated scenario for the loading benchmark.
difficulty: intermediate
skills: [reflect-feeling, reflect-content]
content_warnings: []
persona:
  name: Client {n}
  age: {age}
  background: Somebody who has a lot going on this week, number {n}.
turns:
"""
TURN = """\
  - client: >-
      Statement {t} of scenario {n}: I keep telling myself it doesn't matter, but it does.
    cue: looks away
    feelings: [hurt, disappointed, alone]
    content: [telling herself it does not matter, statement {t}]
    model_answers:
      - It sounds like it matters more than you let yourself say.
      - Part of you wants it not to matter, and part of you is hurt.
      - You're disappointed, even though you keep telling yourself it's fine.
    hint: Two things are true at once.
    examples:
      - response: It sounds like part of you is hurt, even if you tell yourself it doesn't matter.
        expect: strong
      - response: You should not let it get to you.
        expect: not_yet
"""


def bench_loading(repeats: int, files: int = 1000) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for n in range(files):
            text = SCENARIO.format(n=n, age=20 + n % 60) + "".join(TURN.format(n=n, t=t) for t in range(6))
            (root / f"generated-{n}.yaml").write_text(text, encoding="utf-8")
        paths = sorted(root.glob("*.yaml"))

        def bare():
            for path in paths:
                yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

        def ours():
            library = load_paths([root])
            assert len(library.scenarios) == files and not library.problems

        bare_cpu, ours_cpu = best_of(repeats, bare), best_of(repeats, ours)
    return {"files": files, "bare_s": bare_cpu, "ours_s": ours_cpu, "ratio": ours_cpu / bare_cpu}


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
    load = bench_loading(max(1, repeats // 2))
    print(
        f"(c) loading {load['files']} files: bare CSafeLoader {load['bare_s']:.2f} s, load + validate "
        f"{load['ours_s']:.2f} s -> {load['ratio']:.2f}x (budget 2x: {'met' if load['ratio'] <= 2 else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
