"""How fast the app shows its first screen, next to a minimal Textual app; and its memory.

Both apps are measured the same way: a fresh Python process per run, started by this script,
running the app headless; the time is from starting the process until the app has displayed
its first screen (Textual's ready callback, then a pause until every pending message --
composing, mounting, filling the scenario table, the first refresh -- is done). Runs alternate
between the two apps so that drift on the machine affects both alike. The budget (DESIGN.md):
the home screen within 1.5x the minimal app's time; memory under 80 MB.

    .venv/bin/python benchmarks/startup.py [--runs 15] [--scenarios DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESPONSE = "It sounds like you felt alone and forgotten when nobody called on your birthday."


def _rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KB, macOS bytes)."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def _child(kind: str, scenario_dirs: list[str]) -> None:
    """Run one app headless; report on stdout as one JSON line when its first screen is up."""
    from textual.app import App
    from textual.pilot import Pilot

    if kind == "minimal":
        from textual.widgets import Label

        class Minimal(App):
            def compose(self):
                yield Label("Hello")

        app = Minimal()
    else:
        import trainer.cli  # noqa: F401 - the `trainer` command loads its CLI first; so do we
        from trainer.ui.app import make_app

        app = make_app(scenario_dirs=scenario_dirs)

    async def measure(pilot: Pilot) -> None:
        await pilot.pause()
        report = {"ready": time.time(), "rss_mb": _rss_mb()}
        if kind == "practice":
            report.update(await _practise(pilot))
        print(json.dumps(report), flush=True)
        pilot.app.exit()

    app.run(headless=True, size=(80, 24), auto_pilot=measure)


async def _practise(pilot) -> dict:
    """Open the first scenario and time Enter -> feedback on screen for a few responses."""
    from trainer.ui.widgets.response_box import ResponseBox

    app = pilot.app
    await pilot.press("enter")
    await pilot.pause()
    if not isinstance(app.focused, ResponseBox):  # a content-warning notice: start
        await pilot.press("enter")
        await pilot.pause()
    timings = []
    for _ in range(6):
        box = app.screen.query_one(ResponseBox)
        box.value = RESPONSE
        start = time.perf_counter()
        await box.action_submit()  # what Enter does
        await pilot.pause()  # until the feedback is laid out and drawn
        timings.append((time.perf_counter() - start) * 1000)
        await pilot.press("r")
    start = time.perf_counter()
    await pilot.pause()
    idle = (time.perf_counter() - start) * 1000
    return {"feedback_ms": timings, "idle_pause_ms": idle, "rss_after_practice_mb": _rss_mb()}


def _run_once(kind: str, scenario_dirs: list[str], env: dict) -> dict:
    command = [sys.executable, __file__, "--child", kind]
    for folder in scenario_dirs:
        command += ["--scenarios", folder]
    start = time.time()
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT) as child:
        line = child.stdout.readline()
        child.wait(timeout=60)
    if child.returncode != 0 or not line:
        raise SystemExit(f"the {kind} app did not start (exit code {child.returncode})")
    report = json.loads(line)
    report["seconds"] = report["ready"] - start
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--scenarios", action="append", default=[], metavar="DIR")
    parser.add_argument("--child", choices=["minimal", "trainer", "practice"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.scenarios)
        return

    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "TRAINER_HOME": home}
        _run_once("minimal", [], env)  # warm the file cache for both before measuring
        _run_once("trainer", args.scenarios, env)
        times: dict[str, list[float]] = {"minimal": [], "trainer": []}
        rss: list[float] = []
        for _ in range(args.runs):
            times["minimal"].append(_run_once("minimal", [], env)["seconds"])
            report = _run_once("trainer", args.scenarios, env)
            times["trainer"].append(report["seconds"])
            rss.append(report["rss_mb"])
        practice = _run_once("practice", args.scenarios, env)

    minimal, ours = (statistics.median(times[k]) * 1000 for k in ("minimal", "trainer"))
    print(f"Python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs; "
          f"{args.runs} runs each, alternating; medians (min-max):")
    for kind, label in (("minimal", "minimal Textual app"), ("trainer", "trainer home screen")):
        ms = [t * 1000 for t in times[kind]]
        print(f"  {label:<22} {statistics.median(ms):6.0f} ms  ({min(ms):.0f}-{max(ms):.0f})")
    print(f"  ratio                   {ours / minimal:6.2f}x   (budget 1.5x)")
    print(f"  memory, home screen    {statistics.median(rss):6.1f} MB  (peak RSS; budget 80 MB)")
    print(f"  memory, after 6 scored responses {practice['rss_after_practice_mb']:.1f} MB")
    first, *rest = practice["feedback_ms"]
    print(f"  Enter -> feedback drawn: first {first:.0f} ms, then median {statistics.median(rest):.0f} ms "
          f"(headless; the driver's wait alone takes {practice['idle_pause_ms']:.0f} ms)")


if __name__ == "__main__":
    main()
