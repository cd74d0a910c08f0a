"""How fast the app shows its home screen and lists the library, next to a minimal Textual app;
and how much memory it takes at home and after one feedback.

Both apps are measured the same way, as a learner meets them: a fresh process per run, started
by this script in a pseudo-terminal (xterm-256color, 80x24). A screen counts as shown when its
text has been written to the terminal: "Hello" for the minimal app (one ``Label``); for ours --
the real ``trainer`` command -- the home screen's header ("Choose a scenario") and footer
("Quit") for its first frame, and the first scenario's preview ("Client:") for the library
listed (the home screen appears first and fills in when the library, read in a worker,
arrives). Then, as a learner would, the run presses Enter on the first scenario (and Start on
its content-warning notice, if any), pastes a response, presses Enter and waits for the
feedback ("Kind of response").

Each time is both the wall-clock time from starting the process and the CPU time the process
had used by then (all its threads, from /proc, to the nanosecond for the threads still
running); the budgets are judged on CPU time, which other work on the shared machine stretches
far less. Memory is the process's peak resident set size (VmHWM) once it has settled (no CPU
used for a while): at the home screen with the library and the history loaded, and after the
feedback; the minimal app's once it shows "Hello". Runs alternate between the two apps so that
drift on the machine affects both alike; medians. Linux only (/proc).

    .venv/bin/python benchmarks/startup.py [--runs 15] [--scenarios DIR] [--history 10000]
"""

from __future__ import annotations

import argparse
import os
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from table import Row, compiled_as_installed

ROOT = Path(__file__).resolve().parent.parent
# As a nervous student types it: a slip ("realy"), and words in no word list, so the scorer
# looks them up in its English dictionary as well.
RESPONSE = "It sounds like you felt realy alone and forgotten when nobody called, not even your best friend."
MINIMAL_APP = """
from textual.app import App
from textual.widgets import Label

class Minimal(App):
    def compose(self):
        yield Label("Hello")

Minimal().run()
"""
HELLO, HEADER, FOOTER, LISTED = b"Hello", b"Choose a scenario", b"Quit", b"Client:"
WARNING, RESPONDING, FEEDBACK = b"Before you start", b"Type your reflection", b"Kind of response"
ENTER, PASTE_START, PASTE_END = b"\r", b"\x1b[200~", b"\x1b[201~"
DEADLINE = 60.0
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
SETTLED_AFTER = 0.3  # seconds in which a process uses at most one clock tick of CPU


def _ticks(stat: str) -> int:
    """User and system time in clock ticks, from the text of a /proc stat file."""
    fields = stat.rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


class Terminal:
    """A command running in an 80x24 pseudo-terminal, watched and typed into as a learner would."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        import fcntl
        import termios

        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            command, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT, start_new_session=True
        )
        os.close(slave)
        self.output = b""

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:  # it has ended by itself
            pass
        self.process.wait()
        os.close(self.master)

    def cpu_seconds(self) -> float:
        """CPU time the process has used so far, all its threads (ended ones too): each living
        thread's to the nanosecond (schedstat), the ended ones' in the clock ticks of /proc/PID/stat."""
        root = f"/proc/{self.process.pid}"
        living_ns = living_ticks = 0
        for thread in os.listdir(f"{root}/task"):
            try:
                with open(f"{root}/task/{thread}/schedstat") as schedstat, open(f"{root}/task/{thread}/stat") as stat:
                    living_ns += int(schedstat.read().split()[0])
                    living_ticks += _ticks(stat.read())
            except (OSError, ValueError):  # the thread ended meanwhile: its time is in the process's
                pass
        with open(f"{root}/stat") as stat:
            ended_ticks = max(0, _ticks(stat.read()) - living_ticks)
        return living_ns / 1e9 + ended_ticks / TICKS

    def peak_rss_mb(self) -> float:
        with open(f"/proc/{self.process.pid}/status") as status:
            return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM:"))

    def wait_for(self, *marks: bytes) -> dict[bytes, tuple[float, float]]:
        """Read the terminal until any of ``marks`` appears in what was written since the last
        ``send``; each mark seen, with the wall-clock seconds since the start and the CPU seconds
        used by then."""
        seen: dict[bytes, tuple[float, float]] = {}
        while not seen and time.perf_counter() - self.started < DEADLINE:
            if not select.select([self.master], [], [], 0.5)[0]:
                continue
            try:
                self.output += os.read(self.master, 65536)
            except OSError:  # the process has gone
                break
            found = [mark for mark in marks if mark in self.output]
            if found:
                moment = (time.perf_counter() - self.started, self.cpu_seconds())
                seen = dict.fromkeys(found, moment)
        if not seen:
            raise SystemExit(f"{self.process.args}: never showed {marks}; its last output: {self.output[-400:]!r}")
        return seen

    def wait_for_all(self, *marks: bytes) -> dict[bytes, tuple[float, float]]:
        """Each of ``marks``, as it appears (in any order)."""
        seen: dict[bytes, tuple[float, float]] = {}
        while len(seen) < len(marks):
            seen.update(self.wait_for(*(mark for mark in marks if mark not in seen)))
        return seen

    def send(self, keys: bytes) -> None:
        self.output = b""
        os.write(self.master, keys)

    def settle(self) -> None:
        """Wait until the process is idle: at most one clock tick of CPU in ``SETTLED_AFTER`` seconds."""
        used = self.cpu_seconds()
        while time.perf_counter() - self.started < DEADLINE:
            time.sleep(SETTLED_AFTER)
            now = self.cpu_seconds()
            if now - used <= 1 / TICKS:
                return
            used = now


@dataclass
class Runs:
    """What the runs measured: (wall, CPU) seconds per screen, peak memory in MB per moment."""

    times: dict[str, list[tuple[float, float]]] = field(default_factory=dict)
    memory: dict[str, list[float]] = field(default_factory=dict)

    def time(self, name: str, moment: tuple[float, float]) -> None:
        self.times.setdefault(name, []).append(moment)

    def rss(self, name: str, terminal: Terminal) -> None:
        terminal.settle()
        self.memory.setdefault(name, []).append(terminal.peak_rss_mb())

    def median(self, name: str, cpu: bool = True) -> float:
        return statistics.median(moment[cpu] for moment in self.times[name])

    def median_rss(self, name: str) -> float:
        return statistics.median(self.memory[name])


def _minimal_run(runs: Runs, env: dict[str, str]) -> None:
    with Terminal([sys.executable, "-c", MINIMAL_APP], env) as minimal:
        runs.time("minimal", minimal.wait_for(HELLO)[HELLO])
        runs.rss("minimal", minimal)


def _trainer_run(runs: Runs, command: list[str], env: dict[str, str]) -> None:
    """Start ``trainer``, wait for its home screen and library; answer the first statement of the
    first scenario."""
    with Terminal(command, env) as trainer:
        frame = trainer.wait_for_all(HEADER, FOOTER)
        runs.time("first frame", max(frame.values()))
        runs.time("listed", trainer.wait_for(LISTED)[LISTED])
        runs.rss("home", trainer)
        trainer.send(ENTER)
        if WARNING in trainer.wait_for(WARNING, RESPONDING):
            trainer.send(ENTER)  # Start, after the content-warning notice
            trainer.wait_for(RESPONDING)
        trainer.send(PASTE_START + RESPONSE.encode() + PASTE_END)
        trainer.send(ENTER)
        sent = time.perf_counter() - trainer.started
        wall, cpu = trainer.wait_for(FEEDBACK)[FEEDBACK]
        runs.time("Enter -> feedback", (wall - sent, cpu))
        runs.rss("feedback", trainer)


def measure(count: int, scenario_dirs: list[str] = (), history: int = 0) -> Runs:
    """``count`` runs of each app, alternating, after one warm-up run of each (the file cache)."""
    trainer = [str(Path(sys.executable).parent / "trainer"), *(f"--scenarios={d}" for d in scenario_dirs)]
    compiled_as_installed()
    runs = Runs()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "TERM": "xterm-256color", "TRAINER_HOME": home}
        _fill_history(home, history)
        _minimal_run(Runs(), env)
        _trainer_run(Runs(), trainer, env)
        for _ in range(count):
            _minimal_run(runs, env)
            _trainer_run(runs, trainer, env)
    return runs


def rows(quick: bool) -> list[Row]:
    """The table's rows: start-up times (CPU) and memory, against the minimal app's."""
    runs = measure(5 if quick else 15)
    minimal_ms, minimal_mb = runs.median("minimal") * 1000, runs.median_rss("minimal")
    return [
        Row(
            "home screen, first frame (CPU), vs a minimal Textual app",
            runs.median("first frame") * 1000,
            "ms",
            1.2,
            baseline=minimal_ms,
        ),
        Row(
            "home screen, library listed (CPU), vs the same",
            runs.median("listed") * 1000,
            "ms",
            1.5,
            baseline=minimal_ms,
        ),
        Row(
            "memory at the home screen (peak RSS), vs the same",
            runs.median_rss("home"),
            "MB",
            45,
            "MB",
            baseline=minimal_mb,
        ),
        Row(
            "memory after one feedback (peak RSS), vs the same",
            runs.median_rss("feedback"),
            "MB",
            55,
            "MB",
            baseline=minimal_mb,
        ),
    ]


def _fill_history(folder: str, count: int) -> None:
    """``count`` responses to the first scenario's statements, one every 2.5 hours, 8 a session."""
    if not count:
        return
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


def _spread(runs: Runs, name: str) -> str:
    walls, cpus = ([m[i] * 1000 for m in runs.times[name]] for i in (0, 1))
    return (
        f"CPU {statistics.median(cpus):4.0f} ms ({min(cpus):.0f}-{max(cpus):.0f}), "
        f"wall {statistics.median(walls):4.0f} ms ({min(walls):.0f}-{max(walls):.0f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--scenarios", action="append", default=[], metavar="DIR")
    parser.add_argument("--history", type=int, default=0, metavar="N", help="Store N responses first.")
    args = parser.parse_args()
    runs = measure(args.runs, args.scenarios, args.history)
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}; {args.runs} runs "
        f"each, alternating, in an 80x24 pseudo-terminal; {args.history} responses stored; medians (min-max):"
    )
    print(f"  minimal Textual app, first frame   {_spread(runs, 'minimal')}")
    print(f"  trainer, home screen's first frame {_spread(runs, 'first frame')}")
    print(f"  trainer, library listed            {_spread(runs, 'listed')}")
    for name, budget in (("first frame", 1.2), ("listed", 1.5)):
        cpu, wall = (runs.median(name, cpu) / runs.median("minimal", cpu) for cpu in (True, False))
        print(f"  ratio, {name:12} CPU {cpu:.2f}x, wall {wall:.2f}x  (budget {budget}x)")
    for name, budget in (("minimal", None), ("home", 45), ("feedback", 55)):
        print(f"  memory, {name:9} {runs.median_rss(name):5.1f} MB" + (f"  (budget {budget} MB)" if budget else ""))
    walls = [m[0] * 1000 for m in runs.times["Enter -> feedback"]]
    print(f"  Enter -> feedback shown, first response: wall {statistics.median(walls):.0f} ms")


if __name__ == "__main__":
    main()
