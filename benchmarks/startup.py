"""How fast the app shows its first screen, next to a minimal Textual app; and its memory.

Both apps are measured the same way, as a learner meets them: a fresh process per run, started
by this script in a pseudo-terminal (xterm-256color, 80x24), timed from starting the process
until its first screen has been written to the terminal (the first frame's text appears in
the terminal's output: "Hello" for the minimal app; for ours, both the home screen's header,
"Choose a scenario", and its footer's "Quit", so the frame spans the screen). Our side is the
real `trainer` command. For ours, the time until the
library is listed (the first scenario's preview, "Client:") is measured too: the home screen
appears first and fills in when the library, read in a worker, arrives. Runs alternate between
the two apps so that drift on the machine affects both alike. The budget (docs/performance.md): the home
screen within 1.5x the minimal app's time; memory under 80 MB.

Memory is the peak resident set size of the `trainer` process once its library is listed
(Linux), and of a headless run that answers six statements (any system), which also times
Enter -> feedback drawn. ``--history N`` first stores N scored responses, as years of practice
would leave (the app reads them all at start).

    .venv/bin/python benchmarks/startup.py [--runs 15] [--scenarios DIR] [--history 10000]
"""

from __future__ import annotations

import argparse
import json
import os
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESPONSE = "It sounds like you felt alone and forgotten when nobody called on your birthday."
MINIMAL_APP = """
from textual.app import App
from textual.widgets import Label

class Minimal(App):
    def compose(self):
        yield Label("Hello")

Minimal().run()
"""
HELLO, HEADER, FOOTER, LISTED = b"Hello", b"Choose a scenario", b"Quit", b"Client:"
DEADLINE = 60.0


def _peak_rss_mb(pid: int) -> float | None:
    """The peak resident memory of a running process, where the system says it (Linux)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _in_terminal(command: list[str], env: dict, marks: tuple[bytes, ...]) -> dict:
    """Start ``command`` in an 80x24 pseudo-terminal; seconds until each of ``marks`` is shown."""
    import fcntl
    import termios

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    child = subprocess.Popen(
        command, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT, start_new_session=True
    )
    os.close(slave)
    shown: dict[bytes, float] = {}
    output = b""
    try:
        while len(shown) < len(marks) and time.perf_counter() - start < DEADLINE:
            if not select.select([master], [], [], 0.5)[0]:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the process has gone
                break
            output += chunk
            now = time.perf_counter() - start
            shown.update({mark: now for mark in marks if mark not in shown and mark in output})
        rss = _peak_rss_mb(child.pid)
    finally:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        os.close(master)
    missing = [m.decode() for m in marks if m not in shown]
    if missing:
        raise SystemExit(f"{' '.join(command)}: never showed {missing}; its last output: {output[-400:]!r}")
    return {"shown": shown, "rss_mb": rss}


def _practice_child(scenario_dirs: list[str]) -> None:
    """Answer six statements headless; report Enter -> feedback times and memory as JSON."""
    import resource

    import trainer.cli  # noqa: F401 - the `trainer` command loads its CLI first; so do we
    from trainer.ui.app import make_app

    async def practise(pilot) -> None:
        from trainer.ui.widgets.response_box import ResponseBox

        app = pilot.app
        await app.wait_until_started()  # the library and the history, loaded after the first frame
        await pilot.pause()
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
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
        print(json.dumps({"feedback_ms": timings, "idle_pause_ms": idle, "rss_mb": peak}), flush=True)
        app.exit()

    make_app(scenario_dirs=scenario_dirs).run(headless=True, size=(80, 24), auto_pilot=practise)


def _practice(scenario_dirs: list[str], env: dict) -> dict:
    command = [sys.executable, __file__, "--practice-child"]
    for folder in scenario_dirs:
        command += ["--scenarios", folder]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=DEADLINE)
    if done.returncode != 0:
        raise SystemExit(f"the practice run failed:\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


def _fill_history(folder: str, count: int) -> None:
    """``count`` responses to the first scenario's statements, one every 2.5 hours, 8 a session."""
    from datetime import datetime, timedelta, timezone

    from trainer.loader import load_library
    from trainer.progress.store import open_store
    from trainer.scoring import score

    scenario = load_library().scenarios[0]
    answers = [
        (number, turn, score(turn, RESPONSE, scenario.client_name))
        for number, turn in enumerate(scenario.turns, start=1)
    ]
    moments = (datetime(2023, 1, 1, tzinfo=timezone.utc) + timedelta(hours=2.5 * n) for n in range(count))
    with open_store(Path(folder), clock=lambda: next(moments)) as store:
        for n in range(count):
            number, turn, feedback = answers[n % len(answers)]
            store.record(scenario.id, number, turn.client, RESPONSE, feedback, f"s{n // 8}")


def _median_ms(values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return f"{statistics.median(ms):6.0f} ms  ({min(ms):.0f}-{max(ms):.0f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--scenarios", action="append", default=[], metavar="DIR")
    parser.add_argument("--history", type=int, default=0, metavar="N", help="Store N responses first.")
    parser.add_argument("--practice-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.practice_child:
        _practice_child(args.scenarios)
        return

    trainer = [str(Path(sys.executable).parent / "trainer"), *(f"--scenarios={d}" for d in args.scenarios)]
    minimal = [sys.executable, "-c", MINIMAL_APP]
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "TERM": "xterm-256color", "TRAINER_HOME": home}
        _fill_history(home, args.history)
        _in_terminal(minimal, env, (HELLO,))  # warm the file cache for both before measuring
        _in_terminal(trainer, env, (HEADER, FOOTER, LISTED))
        times: dict[str, list[float]] = {"minimal": [], "home": [], "listed": []}
        rss: list[float] = []
        for _ in range(args.runs):
            times["minimal"].append(_in_terminal(minimal, env, (HELLO,))["shown"][HELLO])
            run = _in_terminal(trainer, env, (HEADER, FOOTER, LISTED))
            times["home"].append(max(run["shown"][HEADER], run["shown"][FOOTER]))
            times["listed"].append(run["shown"][LISTED])
            if run["rss_mb"] is not None:
                rss.append(run["rss_mb"])
        practice = _practice(args.scenarios, env)

    base = statistics.median(times["minimal"])
    print(
        f"Python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs; {args.runs} runs each, "
        f"alternating, in an 80x24 pseudo-terminal; {args.history} responses stored; medians (min-max):"
    )
    print(f"  minimal Textual app, first frame      {_median_ms(times['minimal'])}")
    print(f"  trainer, home screen's first frame    {_median_ms(times['home'])}")
    print(f"  trainer, library listed               {_median_ms(times['listed'])}")
    print(f"  ratio, first frame     {statistics.median(times['home']) / base:5.2f}x   (budget 1.5x)")
    print(f"  ratio, library listed  {statistics.median(times['listed']) / base:5.2f}x")
    if rss:
        print(f"  memory, home screen listed        {statistics.median(rss):5.1f} MB  (peak RSS; budget 80 MB)")
    print(f"  memory, after 6 scored responses  {practice['rss_mb']:5.1f} MB")
    first, *rest = practice["feedback_ms"]
    print(
        f"  Enter -> feedback drawn: first {first:.0f} ms, then median {statistics.median(rest):.0f} ms "
        f"(headless; the driver's wait alone takes {practice['idle_pause_ms']:.0f} ms)"
    )


if __name__ == "__main__":
    main()
