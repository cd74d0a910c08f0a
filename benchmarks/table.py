"""Every performance budget of the design in one table: ``make bench``.

Each measure lives in its own module and gives one or more ``Row``s, each measured in one run
against its baseline (built in the same process or run alongside, interleaved). To add a
measure, write a function ``rows(quick: bool) -> list[Row]`` in a module of its own and list it
in ``MEASURES``; the table prints a row per measure:

    measure | ours | baseline | ratio | budget | met?

    .venv/bin/python benchmarks/table.py            # a few minutes on the 2-core machine
    .venv/bin/python benchmarks/table.py --quick    # fewer repeats, for a first look
    .venv/bin/python benchmarks/table.py loading    # only the measures whose module is named
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

RATIO = "x"
ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Row:
    """One measure: our figure, the baseline's (None when the budget is absolute), and the budget --
    a ratio to the baseline (``budget_unit`` "x") or a figure in ``unit``; None for a row that
    explains another (a share of its time, say) and has no budget of its own."""

    measure: str
    ours: float
    unit: str
    budget: float | None
    budget_unit: str = RATIO
    baseline: float | None = None

    @property
    def ratio(self) -> float | None:
        return None if self.baseline is None else self.ours / self.baseline

    @property
    def met(self) -> bool | None:
        if self.budget is None:
            return None
        judged = self.ratio if self.budget_unit == RATIO else self.ours
        return judged is not None and judged <= self.budget


def figure(value: float, unit: str) -> str:
    """A figure with as many digits as its size deserves: 0.53 s, 12.4 MB, 152 ms."""
    digits = 2 if abs(value) < 10 else 1 if abs(value) < 100 else 0
    return f"{value:,.{digits}f} {unit}"


def cells(row: Row) -> list[str]:
    return [
        row.measure,
        figure(row.ours, row.unit),
        "" if row.baseline is None else figure(row.baseline, row.unit),
        "" if row.ratio is None else f"{row.ratio:.2f}x",
        "" if row.budget is None else f"<= {figure(row.budget, row.budget_unit).replace(' x', 'x')}",
        {True: "yes", False: "NO", None: ""}[row.met],
    ]


def markdown(rows: list[Row]) -> str:
    """The table, as Markdown that reads well in a terminal and pastes into docs/performance.md."""
    table = [["measure", "ours", "baseline", "ratio", "budget", "met?"], *(cells(r) for r in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]

    def line(values: list[str]) -> str:
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths)) + " |"

    return "\n".join([line(table[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, table[1:])])


def compiled_as_installed() -> None:
    """The trainer's bytecode compiled, as an installation has it (pip compiles it as it
    installs; an editable install writes it on first run): commands started by a benchmark
    then load the trainer as a learner's machine does, instead of compiling every module from
    source at each start, as they would where PYTHONDONTWRITEBYTECODE is set (on this machine,
    it is) -- some 35 ms of CPU and 1.3 MB more for a start that scores."""
    compileall.compile_dir(ROOT / "trainer", quiet=1)


def machine() -> str:
    """What the figures were measured on, and how busy it was."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return f"Python {platform.python_version()} on {platform.system()}, {os.cpu_count()} CPUs ({cpu}); load {load}"


def measures() -> dict[str, Callable[[bool], list[Row]]]:
    """Each measure's module name and its ``rows`` function (imported here: a measure may import much)."""
    import batch_adhoc
    import grade
    import loading
    import scoring
    import startup

    return {
        "startup": startup.rows,
        "scoring": scoring.rows,
        "batch_adhoc": batch_adhoc.rows,
        "loading": loading.rows,
        "grade": grade.rows,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("only", nargs="*", metavar="MEASURE", help="run only these measures (module names)")
    args = parser.parse_args()
    chosen = {name: rows for name, rows in measures().items() if not args.only or name in args.only}
    print(f"before: {machine()}", file=sys.stderr)
    table: list[Row] = []
    for name, rows in chosen.items():
        print(f"measuring {name}...", file=sys.stderr, flush=True)
        table.extend(rows(args.quick))
    print(f"after:  {machine()}", file=sys.stderr)
    print(markdown(table))


if __name__ == "__main__":
    main()
