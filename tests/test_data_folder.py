"""The data folder under odd conditions (issue 13): forget that cannot finish, a TRAINER_HOME
that cannot be expanded, and the permissions the README promises."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_progress_store import _as_nobody, posix_only

import trainer.cli.progress_commands  # noqa: F401  (imported here: a child as nobody cannot read them)
from trainer.cli import cli
from trainer.progress.store import DB_NAME, open_store


def forget_as_user():
    """``trainer forget --yes`` as a user whom permissions apply to (not root)."""

    def action():
        result = CliRunner().invoke(cli, ["forget", "--yes"])
        return {
            "code": result.exit_code,
            "out": result.stdout,
            "err": result.stderr,
            "error": None if isinstance(result.exception, (SystemExit, type(None))) else repr(result.exception),
        }

    return _as_nobody(action) if os.geteuid() == 0 else action()


@pytest.fixture
def shared_home(monkeypatch):
    """A data folder a non-root child can reach (pytest's own temporary folders are root's only)."""
    root = Path(tempfile.mkdtemp())
    os.chmod(root, 0o755)
    home = root / "home"
    monkeypatch.setenv("TRAINER_HOME", str(home))
    open_store().close()
    os.chmod(home / DB_NAME, 0o666)
    yield home
    os.chmod(home, 0o755)
    shutil.rmtree(root)


@posix_only
def test_forget_in_a_read_only_folder_says_nothing_was_deleted(shared_home):
    os.chmod(shared_home, 0o555)
    result = forget_as_user()
    assert result["error"] is None, result
    assert result["code"] == 1
    assert f"Nothing was deleted from {shared_home}; could not delete:" in result["err"]
    assert f"{shared_home / DB_NAME}: Permission denied" in result["err"]
    assert (shared_home / DB_NAME).exists()


def test_forget_never_empties_a_folder_named_like_a_backup(trainer_home):
    open_store().close()
    folder = trainer_home / "progress-backup-mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    result = CliRunner().invoke(cli, ["forget", "--yes"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1
    assert f"Deleted what could be deleted: {DB_NAME}" in result.stdout
    assert "Some progress is still stored; could not delete:" in result.stderr
    assert f"{folder}: it is a folder" in result.stderr
    assert (folder / "notes.txt").read_text() == "mine" and not (trainer_home / DB_NAME).exists()


NO_SUCH_HOME = "~nouser-of-this-machine/x"
DATA_COMMANDS = [
    ("progress",),
    ("progress", "--json"),
    ("progress", "--start-fresh"),
    ("export",),
    ("export", "--format", "csv"),
    ("forget", "--yes"),
    ("drill", "--plan"),
    ("--no-save", "progress"),
]


@pytest.mark.parametrize("command", DATA_COMMANDS, ids=" ".join)
def test_a_trainer_home_that_cannot_be_expanded_is_a_usage_error(command, monkeypatch):
    monkeypatch.setenv("TRAINER_HOME", NO_SUCH_HOME)
    result = CliRunner().invoke(cli, list(command))
    assert result.exit_code == 2, repr(result.exception)
    assert result.stderr.startswith(
        f"trainer: TRAINER_HOME is '{NO_SUCH_HOME}', but '~nouser-of-this-machine' "
        "is no home folder this machine knows; set TRAINER_HOME to a folder"
    )
    assert "Traceback" not in result.output


def test_commands_that_keep_no_data_still_work_with_such_a_trainer_home(monkeypatch):
    monkeypatch.setenv("TRAINER_HOME", NO_SUCH_HOME)
    assert CliRunner().invoke(cli, ["score", "--client", "x", "You felt alone."]).exit_code == 0


def test_the_app_is_not_opened_with_such_a_trainer_home():
    code = (
        "import sys\n"
        "sys.argv = ['trainer']\n"
        "import trainer.launch as launch\n"
        "from trainer.ui.app import TrainerApp\n"
        "import trainer.opening as opening\n"
        "opening.interactive = lambda: True\n"
        "TrainerApp.run = lambda app: print('the app ran')\n"
        "launch.main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, "TRAINER_HOME": NO_SUCH_HOME}
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"trainer: TRAINER_HOME is '{NO_SUCH_HOME}'") and "Traceback" not in result.stderr


# ---------------------------------------------------------------------------- permissions


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_an_existing_data_folder_of_the_trainers_own_is_made_private(trainer_home):
    trainer_home.mkdir(mode=0o755)
    os.chmod(trainer_home, 0o755)
    open_store().close()
    assert mode(trainer_home) == 0o700 and mode(trainer_home / DB_NAME) == 0o600


@posix_only
def test_a_data_folder_holding_other_files_keeps_its_mode_and_the_file_is_private(trainer_home):
    trainer_home.mkdir()
    os.chmod(trainer_home, 0o755)
    (trainer_home / "syllabus.txt").write_text("mine")
    open_store().close()
    assert mode(trainer_home) == 0o755 and mode(trainer_home / DB_NAME) == 0o600


@posix_only
def test_missing_folders_above_the_data_folder_are_private_whatever_the_umask(tmp_path, monkeypatch):
    home = tmp_path / "a" / "b" / "home"
    monkeypatch.setenv("TRAINER_HOME", str(home))
    old = os.umask(0)
    try:
        open_store().close()
    finally:
        os.umask(old)
    assert [mode(p) for p in (tmp_path / "a", tmp_path / "a" / "b", home)] == [0o700] * 3
    assert mode(home / DB_NAME) == 0o600


@posix_only
@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_an_export_written_to_a_file_is_private(tmp_path, fmt):
    open_store().close()
    target = tmp_path / f"export.{fmt}"
    old = os.umask(0)
    try:
        result = CliRunner().invoke(cli, ["export", "--output", str(target)])
    finally:
        os.umask(old)
    assert result.exit_code == 0 and mode(target) == 0o600


@posix_only
def test_a_gradebook_and_report_written_to_files_are_private(tmp_path, scenario_dir):
    grades, report = tmp_path / "grades.csv", tmp_path / "report.md"
    exports = Path(__file__).parent / "fixtures" / "exports" / "alice.json"
    result = CliRunner().invoke(
        cli, ["--scenarios", str(scenario_dir), "grade", str(exports), "-o", str(grades), "-r", str(report)]
    )
    assert result.exit_code == 0 and mode(grades) == 0o600 and mode(report) == 0o600


@posix_only
def test_a_backup_of_a_damaged_file_is_private(trainer_home):
    trainer_home.mkdir()
    damaged = trainer_home / DB_NAME
    damaged.write_bytes(b"not a database " * 100)
    os.chmod(damaged, 0o644)
    assert CliRunner().invoke(cli, ["progress", "--start-fresh"]).exit_code == 0
    [backup] = trainer_home.glob("progress-backup-*")
    assert mode(backup) == 0o600
