"""How long ``trainer grade`` takes for a large class, and how much memory it needs.

A class of STUDENTS exports of RESPONSES attempts each (default 200 x 500 = 100,000) is written
with the real writer of ``trainer export`` -- full exports, with every attempt's checks,
messages, reaction and openness, as students hand them in -- against the bundled library's
statements (deeper ones too), with trainee-like responses of 8 to 40 words, nine in ten
distinct (``trainee_responses``). Then:

- the whole command an instructor runs, ``trainer grade DIR --output grades.csv --report
  report.md``, in a child process: wall time, CPU time and peak resident memory (the child's
  own ``ru_maxrss``), interpreter start included; the best of ``--runs``;
- the baseline: ``trainer.scoring.score`` alone on every distinct response, in this process
  (CPU time) -- the scorer's share, which grading cannot go below;
- grading's own cost, apart from the scorer's: ``grade``, the gradebook and the report in this
  process with every score looked up (worked out beforehand) instead of worked out;
- the memory floor: a child that loads the library and scores one response -- what any
  command that scores holds before grading keeps anything.

    .venv/bin/python benchmarks/grade.py [--students 200] [--responses 500] [--runs 1] [--seed 1]

``rows()`` gives its rows of ``make bench``'s table (benchmarks/table.py).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import io
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from unittest import mock

from table import Row, compiled_as_installed, markdown
from trainee_responses import response

from trainer import conversation
from trainer.grading import class_report, grade, write_gradebook
from trainer.loader import Library, load_library
from trainer.model import DeeperStatement, Scenario, Statement
from trainer.progress.attempt import SavedAttempt
from trainer.progress.export import to_json
from trainer.scoring import Feedback, score

BUDGET_SECONDS = 12.0
BUDGET_MB = 150.0
START = datetime(2025, 2, 3, 9, 0, tzinfo=timezone.utc)
TRAINER = Path(sys.executable).with_name("trainer")


@dataclass(frozen=True)
class Graded:
    """One run of a command in a child process."""

    wall: float  # seconds
    cpu: float  # user + system seconds of the child
    peak_mb: float  # the child's peak resident set size


Said = Statement | DeeperStatement


def statements(scenarios: list[Scenario]) -> list[tuple[Scenario, int, bool, Said]]:
    """Every statement of the library, deeper ones too: (scenario, number, deeper, statement)."""
    found: list[tuple[Scenario, int, bool, Said]] = []
    for scenario in scenarios:
        for number, turn in enumerate(scenario.turns, start=1):
            found.append((scenario, number, False, turn))
            if turn.deeper is not None:
                found.append((scenario, number, True, turn.deeper))
    return found


def write_class(
    folder: Path, library: Library, students: int, responses: int, seed: int
) -> list[tuple[Said, str, str]]:
    """The class's exports in ``folder``; returns every distinct (statement, response, client name).

    The verdicts stored in the exports are each statement's first response's, real in shape and
    size (grading ignores them: it scores every response again).
    """
    rng = random.Random(seed)
    targets = statements(library.scenarios)
    stored: dict[tuple[str, int, bool], Feedback] = {}
    distinct: dict[tuple[str, int, bool, str], tuple[Said, str, str]] = {}
    for n in range(students):
        attempts, at = [], START
        for _ in range(responses):
            scenario, number, deeper, statement = rng.choice(targets)
            key = (scenario.id, number, deeper)
            text = response(rng, statement)
            feedback = stored.get(key) or stored.setdefault(key, score(statement, text, scenario.client_name))
            at += timedelta(minutes=rng.randint(2, 300))
            attempts.append(
                SavedAttempt.from_feedback(
                    scenario.id,
                    number,
                    statement.client,
                    text,
                    feedback,
                    f"session-{n}-{at:%Y%m%d}",
                    at,
                    deeper=deeper,
                    exchange=conversation.exchange(statement, feedback, 3),
                )
            )
            distinct.setdefault((*key, text), (statement, text, scenario.client_name))
        (folder / f"student-{n:04d}.json").write_text(
            to_json(attempts, f"Student {n:04d}", at + timedelta(days=1)), encoding="utf-8"
        )
    return list(distinct.values())


# The child is started from a small process of its own: a child started straight from this one
# (vfork, posix_spawn) would count this process's memory as its own peak.
LAUNCHER = """\
import os, sys
pid = os.fork()
if pid == 0:
    os.close(1), os.close(2), os.open(os.devnull, os.O_WRONLY), os.open(os.devnull, os.O_WRONLY)
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""


def run_child(command: list[str]) -> Graded:
    """Wall time, CPU time and peak memory of ``command``, its output thrown away."""
    start = time.perf_counter()
    launched = subprocess.run([sys.executable, "-c", LAUNCHER, *command], capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    code, cpu, peak_kb = launched.stdout.split()
    if int(code) not in (0, 1):
        raise SystemExit(f"{command[0]} failed with exit code {code}")
    return Graded(wall, float(cpu), int(peak_kb) / 1024)


def grade_command(folder: Path, runs: int) -> Graded:
    """The best of ``runs`` runs of the whole command (each figure its own best)."""
    out = folder.parent
    command = [str(TRAINER), "grade", str(folder), "--output", str(out / "grades.csv"), "--report", str(out / "r.md")]
    measured = [run_child(command) for _ in range(runs)]
    return Graded(min(m.wall for m in measured), min(m.cpu for m in measured), min(m.peak_mb for m in measured))


SCORER_FLOOR = """\
from trainer.loader import load_library
from trainer.scoring import score
scenario = load_library().scenarios[0]
score(scenario.turns[0], "It sounds like that really hurt.", scenario.client_name)
"""


def scorer_floor_mb() -> float:
    """Peak memory of a process that has loaded the library and the scorer, and scored once."""
    return run_child([sys.executable, "-c", SCORER_FLOOR]).peak_mb


def score_only(pairs: list[tuple[Said, str, str]]) -> float:
    """CPU seconds of ``score`` alone on every distinct response, keeping nothing (statements
    prepared first, as grading meets them again and again)."""
    for statement, text, name in pairs[:500]:
        score(statement, text, name)
    start = time.process_time()
    for statement, text, name in pairs:
        score(statement, text, name)
    return time.process_time() - start


def outside_the_scorer(folder: Path, library: Library, known: dict[tuple[int, str], Feedback]) -> float:
    """CPU seconds of grading in this process -- reading the exports, the tallies, the gradebook
    and the report -- with every score looked up instead of worked out: grading's own cost."""
    grading = importlib.import_module("trainer.grading.grade")

    def looked_up(statement: Said, text: str, name: str | None = None) -> Feedback:
        return known[id(statement), text]

    gc.freeze()  # the feedback looked up is this benchmark's, not grading's to walk
    try:
        with mock.patch.object(grading, "score", looked_up):
            start = time.process_time()
            graded = grade([folder], library)
            write_gradebook(graded, io.StringIO())
            class_report(graded)
            return time.process_time() - start
    finally:
        gc.unfreeze()


def measure(students: int = 200, responses: int = 500, seed: int = 1, runs: int = 1) -> dict[str, Any]:
    compiled_as_installed()
    library = load_library()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "exports"
        folder.mkdir()
        pairs = write_class(folder, library, students, responses, seed)
        size = sum(f.stat().st_size for f in folder.iterdir())
        graded = grade_command(folder, runs)
        score_cpu = score_only(pairs)
        known = {(id(statement), text): score(statement, text, name) for statement, text, name in pairs}
        outside = outside_the_scorer(folder, library, known)
    return {
        "responses": students * responses,
        "distinct": len(pairs),
        "exports_mb": size / 1e6,
        "graded": graded,
        "score_only": score_cpu,
        "outside": outside,
        "floor_mb": scorer_floor_mb(),
    }


def table_rows(measured: dict[str, Any]) -> list[Row]:
    """The rows of ``make bench``'s table: the whole command against its budgets, with score()
    alone beside it (what grading cannot go below), and grading's own share."""
    graded: Graded = measured["graded"]
    graded_class = f"trainer grade, {measured['responses']:,} responses"
    return [
        Row(f"{graded_class} (CPU), vs score() alone", graded.cpu, "s", BUDGET_SECONDS, "s", measured["score_only"]),
        Row("  of which outside score(), in-process", measured["outside"], "s", None, baseline=measured["score_only"]),
        Row(
            f"{graded_class}, peak memory, vs the scorer loaded",
            graded.peak_mb,
            "MB",
            BUDGET_MB,
            "MB",
            measured["floor_mb"],
        ),
    ]


def rows(quick: bool = False) -> list[Row]:
    """The table's rows -- the budget is for the whole class, so ``quick`` only runs the command once."""
    return table_rows(measure(runs=1 if quick else 2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--responses", type=int, default=500)
    parser.add_argument("--runs", type=int, default=1, help="runs of the whole command; the best is kept")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    m = measure(args.students, args.responses, args.seed, args.runs)
    graded: Graded = m["graded"]
    print(
        f"{args.students} exports x {args.responses} responses = {m['responses']:,} "
        f"({m['distinct']:,} distinct), {m['exports_mb']:.0f} MB of JSON"
    )
    print(
        f"trainer grade, whole command: {graded.wall:.2f} s wall, {graded.cpu:.2f} s CPU, "
        f"{graded.peak_mb:.0f} MB peak (budget {BUDGET_SECONDS:.0f} s, {BUDGET_MB:.0f} MB)"
    )
    print(
        f"score() alone on every distinct response: {m['score_only']:.2f} s CPU "
        f"({m['score_only'] / m['distinct'] * 1e6:.0f} us each)"
    )
    print(
        f"grading outside score(), in this process (read, tally, gradebook, report): {m['outside']:.2f} s CPU; "
        f"the command's start (interpreter, library, word lists) and the rest: "
        f"{graded.cpu - m['score_only'] - m['outside']:.2f} s"
    )
    print(f"a process with the library and the scorer loaded: {m['floor_mb']:.0f} MB peak")
    print(markdown(table_rows(m)))


if __name__ == "__main__":
    main()
