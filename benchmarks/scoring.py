"""The scorer's rows of ``make bench``'s table (benchmarks/table.py), each measured in one run.

    .venv/bin/python benchmarks/scoring.py          # about a minute
    .venv/bin/python benchmarks/scoring.py --quick

(a) ``score()`` on a prepared statement -- as in a session, where the statement is read once --
    against a bare ``rapidfuzz.process.extract(response, answers, scorer=token_set_ratio)``
    over the same ten model answers. Budget: 3.5x.
(b) The worst case over the fuzz corpus: 10 KB responses built from every phrase of every
    word list, run together with each separator, and known pathological shapes ("also," x
    2,000, stacked contractions); the slowest one's wall time, each input's best of three
    runs. Budget: 50 ms.

(Statements seen for the first time, as in ``score --batch`` rows that bring their own, are
benchmarks/batch_adhoc.py's: the whole command, against the same bare pass.)

Responses: the golden set's and the bundled library's calibration examples of 8 to 40 words,
each against its own statement, the statement's model answers topped up to ten from its
scenario. Times: CPU time of this process, best of several repeats; the two sides of a ratio
alternate, so load on the machine touches both alike.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from rapidfuzz import fuzz, process
from table import Row, markdown

from trainer.loader import load_library
from trainer.scoring import AdHocStatement, lexicons, score, words

sys.path.insert(0, str(Path(__file__).parent.parent / "tests" / "golden"))
import golden  # noqa: E402  (tests/golden is not a package)

Case = tuple[AdHocStatement, str]
SEPARATORS = (" ", ", ", "; ", ": ", ". ", "? ", " -- ", "\n")
WORST_SIZE = 10_000


def realistic_cases() -> list[Case]:
    """Responses of 8 to 40 words, each with its own statement and ten model answers."""
    library = load_library()
    rows, _ = golden.load()
    texts = {(r.scenario, r.turn): [] for r in rows}
    for r in rows:
        texts[(r.scenario, r.turn)].append(r.response)
    cases = []
    for scenario in library.scenarios:
        pooled = [a for t in scenario.turns for a in t.model_answers]
        for number, turn in enumerate(scenario.turns, 1):
            answers = tuple(dict.fromkeys([*turn.model_answers, *pooled]))[:10]
            statement = AdHocStatement(turn.client, answers, tuple(turn.feelings), tuple(turn.content))
            responses = [*texts.get((scenario.id, number), []), *(e.response for e in turn.examples)]
            cases += [(statement, text) for text in responses if 8 <= len(words(text)) <= 40]
    return cases


def cpu(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def alternating(repeats: int, ours: Callable[[], object], bare: Callable[[], object]) -> tuple[float, float]:
    """The best CPU time of each side over ``repeats`` alternating runs."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeats):
        times[0].append(cpu(ours))
        times[1].append(cpu(bare))
    return min(times[0]), min(times[1])


def bare_pass(cases: list[Case]) -> Callable[[], object]:
    return lambda: [
        process.extract(text, s.model_answers, scorer=fuzz.token_set_ratio, limit=None) for s, text in cases
    ]


def prepared_scoring(cases: list[Case], repeats: int) -> tuple[float, float]:
    """(a): microseconds per response, ours and bare."""
    for statement, text in cases:
        score(statement, text)  # each statement read once, as in a session
    ours, bare = alternating(repeats, lambda: [score(s, t) for s, t in cases], bare_pass(cases))
    return ours / len(cases) * 1e6, bare / len(cases) * 1e6


def worst_inputs() -> list[str]:
    """10 KB responses that stress the reader most."""
    phrases: list[str] = []
    waiting: list[object] = [lexicons.feelings(), lexicons.roadblocks(), lexicons.language()]
    while waiting:
        item = waiting.pop()
        if isinstance(item, str) and len(item) < 40:
            phrases.append(item)
        elif isinstance(item, dict):
            waiting += [*item, *item.values()]
        elif isinstance(item, list):
            waiting += item
    phrases = sorted(set(phrases))
    inputs = []
    for separator in SEPARATORS:
        text = separator.join(phrases)
        for start in range(0, len(text), WORST_SIZE):
            inputs.append(text[start : start + WORST_SIZE])
    inputs += ["also," * 2000, "I hear, " * 1250, "I" + "'d" * 5000, "you " * 2500, "." * WORST_SIZE]
    return inputs


def worst_case(repeats: int = 3) -> tuple[float, str]:
    """(b): the slowest input's wall time in milliseconds, and the input's start.

    What is timed is the reading of each input: the statement is prepared and every word list
    loaded first (the first input used to carry them, some 40 ms), and each input counts with
    its best of ``repeats`` runs, so that a collection of the whole heap, which lands on one
    input or another whatever they hold (10-35 ms in a process this size), is not taken for it."""
    statement = load_library().scenarios[0].turns[0]
    score(statement, "I amm not sure you you know what I mean, but it sounds lonly.")  # a slip, and unknown words
    slowest, which = 0.0, ""
    for text in worst_inputs():
        elapsed = min(wall(partial(score, statement, text)) for _ in range(repeats))
        if elapsed > slowest:
            slowest, which = elapsed, text[:30]
    return slowest * 1000, which


def wall(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def rows(quick: bool = False) -> list[Row]:
    """The table's rows."""
    cases = realistic_cases()
    ours, bare = prepared_scoring(cases, 3 if quick else 9)
    slowest, _ = worst_case()
    return [
        Row("score() on a prepared statement (CPU per response), vs a bare extract", ours, "us", 3.5, baseline=bare),
        Row("score() on the worst 10 KB input (wall)", slowest, "ms", 50, "ms"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    print(markdown(rows(parser.parse_args().quick)))


if __name__ == "__main__":
    main()
