"""Issue 4's "done means", as a learner would do it: ``trainer practice lonely-birthday`` runs as
a real process in a pseudo-terminal (xterm-256color, 80x24), three statements are answered by
keystrokes, the process is killed with SIGKILL, and ``trainer export --format json`` lists all
three; the database file's mode is 0600.

Every wait polls for what it waits for (the response box on screen, the row in the database)
with a generous deadline, so a slow machine makes the test slower, not flaky.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from trainer.progress.store import DB_NAME

termios = pytest.importorskip("termios", reason="pseudo-terminals are POSIX")
fcntl = pytest.importorskip("fcntl", reason="pseudo-terminals are POSIX")

DEADLINE = 60.0  # seconds for any one step; a step normally takes well under one
RESPONSE_BOX = b"ype your reflection"  # the box's placeholder (its first letter is under the cursor)
RESPONSES = [
    "It sounds like you felt forgotten on your birthday.",
    "You kept hoping someone would call.",
    "You feel left out when your roommate has people over.",
]


def _open_pty():
    try:
        return os.openpty()
    except OSError as err:  # e.g. a container without /dev/ptmx
        pytest.skip(f"no pseudo-terminal available here: {err}")


class Terminal:
    """The far end of the app's pseudo-terminal: keystrokes in, screen output collected."""

    def __init__(self, master: int):
        self.master = master
        self.output = bytearray()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # the app has gone
                return
            if not chunk:
                return
            with self._lock:
                self.output += chunk

    def mark(self) -> int:
        with self._lock:
            return len(self.output)

    def wait_for(self, text: bytes, since: int, what: str) -> None:
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline:
            with self._lock:
                if text in self.output[since:]:
                    return
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}; the screen's last output: {self.tail()!r}")

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def tail(self) -> bytes:
        with self._lock:
            return bytes(self.output[-1500:])


def _stored_responses(database: Path) -> list[str]:
    if not database.exists():
        return []
    try:
        connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            return [row[0] for row in connection.execute("SELECT response FROM attempts ORDER BY id")]
        finally:
            connection.close()
    except sqlite3.OperationalError:  # not created yet, or being created
        return []


def _wait_until_stored(database: Path, count: int, terminal: Terminal) -> None:
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        if len(_stored_responses(database)) >= count:
            return
        time.sleep(0.05)
    raise AssertionError(f"response {count} was not stored; the screen's last output: {terminal.tail()!r}")


def _trainer() -> list[str]:
    script = shutil.which("trainer", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "trainer"]


@pytest.mark.skipif(
    not hasattr(signal, "SIGKILL") or not hasattr(os, "openpty"), reason="SIGKILL and pseudo-terminals are POSIX"
)
def test_three_answers_in_the_app_survive_a_sigkill(trainer_home):
    master, slave = _open_pty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, b"\x18\x00\x50\x00\x00\x00\x00\x00")  # 24 rows, 80 columns
    env = {**os.environ, "TERM": "xterm-256color", "TRAINER_HOME": str(trainer_home)}
    env.pop("TEXTUAL", None)  # no devtools
    app = subprocess.Popen(
        [*_trainer(), "practice", "lonely-birthday"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
        close_fds=True,
    )
    os.close(slave)
    terminal = Terminal(master)
    database = trainer_home / DB_NAME
    try:
        since = 0
        for number, response in enumerate(RESPONSES, start=1):
            terminal.wait_for(RESPONSE_BOX, since, f"the response box of statement {number}")
            terminal.type(response + "\r")
            _wait_until_stored(database, number, terminal)
            since = terminal.mark()
            terminal.type("\r")  # on to the next statement
        os.killpg(app.pid, signal.SIGKILL)
        assert app.wait(timeout=DEADLINE) == -signal.SIGKILL
    finally:
        if app.poll() is None:
            os.killpg(app.pid, signal.SIGKILL)
            app.wait(timeout=DEADLINE)
        os.close(master)

    exported = subprocess.run(
        [*_trainer(), "export", "--format", "json"], env=env, capture_output=True, text=True, timeout=DEADLINE
    )
    assert exported.returncode == 0, exported.stderr
    attempts = json.loads(exported.stdout)["attempts"]
    assert [(a["scenario"], a["turn"], a["response"]) for a in attempts] == [
        ("lonely-birthday", number, response) for number, response in enumerate(RESPONSES, start=1)
    ]
    assert len({a["session"] for a in attempts}) == 1
    assert stat.S_IMODE(os.stat(database).st_mode) == 0o600
