"""Loading 1,000 scenario files, next to libyaml alone parsing them.

1,000 generated files (six statements each, with guarded wordings, reactions and a deeper
statement: a real scenario's size and shape)
are loaded and validated by ``load_paths``, and parsed by bare ``yaml.load(..., CSafeLoader)``,
the two alternating; the CPU time of each, medians. Budget (DESIGN.md): within 0.7x of the bare
parse.

    .venv/bin/python benchmarks/loading.py [--files 1000] [--repeats 7]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml
from table import Row

from trainer.loader import load_paths

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
    guarded: It doesn't matter. Whatever.
    hint: Two things are true at once.
    reactions:
      reflected: {{say: "Yeah. It does matter.", cue: looks up}}
      blocked: I've heard that before.
    examples:
      - response: It sounds like part of you is hurt, even if you tell yourself it doesn't matter.
        expect: strong
      - response: You should not let it get to you.
        expect: not_yet
"""
DEEPER = """\
    deeper:
      client: Honestly? Nobody has asked me how I am in months.
      feelings: [alone, unseen]
      model_answers: [It's been a long time since anyone noticed how you are.]
"""


def write_files(folder: Path, files: int) -> list[Path]:
    for n in range(files):
        text = SCENARIO.format(n=n, age=20 + n % 60) + "".join(
            TURN.format(n=n, t=t) + (DEEPER if t == 2 else "") for t in range(6)
        )
        (folder / f"generated-{n:04}.yaml").write_text(text, encoding="utf-8")
    return sorted(folder.glob("*.yaml"))


def cpu_time(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def measure(files: int, repeats: int) -> tuple[float, float]:
    """Median CPU seconds of (loading and validating, bare parsing) ``files`` files, alternating."""
    with tempfile.TemporaryDirectory() as folder:
        paths = write_files(Path(folder), files)

        def bare() -> None:
            for path in paths:
                yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

        def ours() -> None:
            library = load_paths([folder])
            assert len(library.scenarios) == files and not library.problems, library.problems[:3]

        ours(), bare()  # warm: the file cache, and whatever the loader builds on first use
        times: dict[str, list[float]] = {"ours": [], "bare": []}
        for _ in range(repeats):
            times["ours"].append(cpu_time(ours))
            times["bare"].append(cpu_time(bare))
    return statistics.median(times["ours"]), statistics.median(times["bare"])


def rows(quick: bool) -> list[Row]:
    ours, bare = measure(1000, 3 if quick else 7)
    return [
        Row("1,000 scenario files, load + validate (CPU), vs bare CSafeLoader parse", ours, "s", 0.7, baseline=bare)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    ours, bare = measure(args.files, args.repeats)
    print(
        f"{args.files} files, {args.repeats} alternating runs, CPU time medians: bare CSafeLoader {bare:.3f} s, "
        f"load + validate {ours:.3f} s -> {ours / bare:.2f}x (budget 0.7x)"
    )


if __name__ == "__main__":
    main()
