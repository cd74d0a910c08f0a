"""How long progress takes: recording one response, opening a large history, the views over it.

Run by hand (``.venv/bin/python benchmarks/progress_store.py``); the figures go in
docs/performance.md. Uses a throwaway folder, never the user's data.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from trainer.loader import load_library
from trainer.progress.export import to_csv, to_json, to_markdown
from trainer.progress.schedule import plan_drill
from trainer.progress.stats import summarise
from trainer.progress.store import open_store
from trainer.scoring import score

HISTORY = 10_000  # about three years of a daily ten-minute habit
RESPONSES = [
    "It sounds like you felt forgotten.",
    "You should call your mom.",
    "Why didn't you say so?",
    "You kept hoping, and it hurt each time the phone stayed quiet.",
]


def timed(action, repeat: int = 5) -> float:
    """The median wall time of ``action()`` in milliseconds."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def main() -> None:
    library = load_library()
    scenario = library.scenarios[0]
    feedback = [
        (turn, response, score(turn, response, scenario.client_name))
        for turn in scenario.turns
        for response in RESPONSES
    ]
    start = datetime(2023, 1, 1, tzinfo=timezone.utc)
    with tempfile.TemporaryDirectory() as folder:
        moments = iter(start + timedelta(minutes=150 * n) for n in range(HISTORY + 1000))
        store = open_store(Path(folder), clock=lambda: next(moments))
        one = []
        for n in range(HISTORY):
            turn, response, result = feedback[n % len(feedback)]
            begin = time.perf_counter()
            store.record(scenario.id, scenario.turns.index(turn) + 1, turn.client, response, result, f"s{n // 8}")
            one.append((time.perf_counter() - begin) * 1000)
        store.close()
        print(
            f"record one response (synchronous=FULL, WAL): median {statistics.median(one):.2f} ms, "
            f"95th percentile {sorted(one)[int(len(one) * 0.95)]:.2f} ms"
        )
        print(
            f"open a store of {HISTORY} attempts (with quick_check): "
            f"{timed(lambda: open_store(Path(folder)).close()):.1f} ms"
        )
        with open_store(Path(folder), saving=False) as reader:
            print(f"read all {HISTORY} attempts: {timed(reader.attempts):.1f} ms")
            attempts = reader.attempts()
        now = start + timedelta(days=1100)
        print(f"summarise (every stat and small win): {timed(lambda: summarise(attempts, now)):.1f} ms")
        print(f"plan a drill of 10: {timed(lambda: plan_drill(library.scenarios, attempts, now)):.1f} ms")
        for name, export in (
            ("json", lambda: to_json(attempts, None, now)),
            ("csv", lambda: to_csv(attempts)),
            ("md", lambda: to_markdown(attempts, None, now)),
        ):
            print(f"export {name}: {timed(export, repeat=3):.1f} ms")


if __name__ == "__main__":
    main()
