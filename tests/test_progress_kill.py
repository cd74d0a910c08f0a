"""A process killed with SIGKILL mid-session loses none of the responses it had recorded."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap

import pytest

from trainer.progress.store import DB_NAME

# Answers statement after statement, as a learner in the app would, and tells the parent each
# time a response has been recorded; then goes on until it is killed.
SESSION = textwrap.dedent("""
    import itertools, sys
    from trainer.loader import load_file
    from trainer.progress.store import new_session_id, open_store
    from trainer.scoring import score

    scenario = load_file(sys.argv[1]).scenario
    responses = ["It sounds like you felt forgotten.", "You kept hoping someone would call.",
                 "You feel left out here.", "You should make more friends."]
    store = open_store()
    session = new_session_id()
    for number in itertools.count():
        statement_number = number % len(scenario.turns) + 1
        turn = scenario.turns[statement_number - 1]
        response = f"{responses[number % len(responses)]} ({number})"
        attempt = store.record(scenario.id, statement_number, turn.client, response,
                               score(turn, response, scenario.client_name), session)
        assert attempt.id is not None, store.notice
        print(response, flush=True)
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is a POSIX signal")
def test_every_response_recorded_before_a_sigkill_is_kept(scenario_dir, trainer_home):
    child = subprocess.Popen(
        [sys.executable, "-c", SESSION, str(scenario_dir / "lonely-birthday.yaml")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    acknowledged = [child.stdout.readline().rstrip("\n") for _ in range(3)]
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    child.stdout.close()
    stderr = child.stderr.read()
    child.stderr.close()
    assert child.returncode == -signal.SIGKILL, stderr
    assert all(acknowledged), stderr

    # What `trainer export --format json` lists after the kill: every acknowledged response.
    exported = subprocess.run(
        [sys.executable, "-m", "trainer", "export", "--format", "json"], capture_output=True, text=True, check=True
    )
    responses = [a["response"] for a in json.loads(exported.stdout)["attempts"]]
    assert responses[:3] == acknowledged  # and perhaps some recorded after the last one read

    database = trainer_home / DB_NAME
    assert stat.S_IMODE(os.stat(database).st_mode) == 0o600
    connection = sqlite3.connect(database)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()
