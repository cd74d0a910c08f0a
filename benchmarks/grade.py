"""How long ``trainer grade`` takes for a large class.

Writes exports for STUDENTS x RESPONSES attempts (default 200 x 500 = 100,000) against the
bundled scenarios, with responses varied enough that nearly all are distinct (so the
grader's memo of repeated responses does not flatter the figure), then times the whole
command as an instructor runs it, and the stages in-process.

    .venv/bin/python benchmarks/grade.py [--students 200] [--responses 500] [--seed 1]
"""

from __future__ import annotations

import argparse
import io
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from trainer.grading import class_report, grade, read_exports, write_gradebook
from trainer.loader import load_library

OPENERS = [
    "It sounds like",
    "You feel",
    "So you're feeling",
    "I hear that you feel",
    "You seem",
    "Part of you feels",
    "It seems you are",
    "You're",
]
FEELINGS = [
    "alone",
    "forgotten",
    "hurt",
    "lonely",
    "sad",
    "left out",
    "disappointed",
    "worthless",
    "ashamed",
    "angry",
    "confused",
    "invisible",
    "let down",
    "unimportant",
    "jealous",
]
LINKS = ["because", "when", "since", "after", "as if", "and"]
OTHERS = [
    "You should call your mom.",
    "Why didn't you remind them?",
    "Don't worry, it gets better.",
    "Have you tried joining a club?",
    "I know exactly how you feel, the same happened to me.",
    "Do you think they forgot?",
    "What happened next?",
    "That's not true, people love you!",
    "You need to stop checking your phone.",
    "Everyone feels like that in first year.",
]
FILLERS = ["", " really", " kind of", " a bit", " so", " quite"]
ENDS = [".", "?", "!", "...", ", right?", ", okay."]


def response(rng: random.Random, client: str) -> str:
    """A plausible trainee response: mostly reflections, some roadblocks and questions."""
    words = client.rstrip(".").split()
    start = rng.randrange(max(1, len(words) - 6))
    echo = " ".join(words[start : start + rng.randint(3, 8)]).lower()
    if rng.random() < 0.3:
        return f"{rng.choice(OTHERS)} You said{rng.choice(FILLERS)} {echo}{rng.choice(ENDS)}"
    second = rng.choice(["", f" and {rng.choice(FEELINGS)}", f", maybe{rng.choice(FILLERS)} {rng.choice(FEELINGS)}"])
    return f"{rng.choice(OPENERS)}{rng.choice(FILLERS)} {rng.choice(FEELINGS)}{second} {rng.choice(LINKS)} {echo}."


def write_exports(folder: Path, students: int, responses: int, seed: int) -> int:
    rng = random.Random(seed)
    scenarios = load_library().scenarios
    distinct = set()
    for n in range(students):
        attempts = []
        for i in range(responses):
            scenario = scenarios[i % len(scenarios)]
            turn = rng.randrange(len(scenario.turns))
            text = response(rng, scenario.turns[turn].client)
            distinct.add((scenario.id, turn, text))
            attempts.append(
                {
                    "scenario": scenario.id,
                    "turn": turn + 1,
                    "client": scenario.turns[turn].client,
                    "response": text,
                    "score": 0,
                    "band": "not_yet",
                    "kind": "other",
                    "checks": [],
                    "at": "2025-03-01T10:00:00+00:00",
                }
            )
        export = {"student": f"Student {n:04d}", "exported_at": "2025-03-10T09:00:00+00:00", "attempts": attempts}
        (folder / f"student-{n:04d}.json").write_text(json.dumps(export), encoding="utf-8")
    return len(distinct)


def timed(label: str, action):
    start = time.perf_counter()
    result = action()
    print(f"  {label:<28} {time.perf_counter() - start:6.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--responses", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    total = args.students * args.responses
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "exports"
        folder.mkdir()
        distinct = write_exports(folder, args.students, args.responses, args.seed)
        print(f"{args.students} students x {args.responses} responses = {total:,} ({distinct:,} distinct)")
        trainer = Path(sys.executable).with_name("trainer")
        command = [
            str(trainer),
            "grade",
            str(folder),
            "--output",
            str(Path(tmp) / "grades.csv"),
            "--report",
            str(Path(tmp) / "report.md"),
        ]
        start = time.perf_counter()
        subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
        whole = time.perf_counter() - start
        print(f"trainer grade, whole command: {whole:.2f} s ({total / whole:,.0f} responses/s)")
        print("stages, in-process:")
        library = timed("load the library", load_library)
        timed("read the exports", lambda: read_exports([folder]))
        grading = timed("read and score", lambda: grade([folder], library))
        timed("gradebook CSV", lambda: write_gradebook(grading, io.StringIO()))
        timed("class report", lambda: class_report(grading))


if __name__ == "__main__":
    main()
