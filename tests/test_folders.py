"""Folders of scenarios and of exports (issue 13, items 8 and 9): links that leave the folder are
skipped with a one-line notice and their targets never read; a subfolder that cannot be read is
reported, never passed over."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_progress_store import _as_nobody, posix_only

import trainer.cli.grade_command  # noqa: F401  (imported here: a child as nobody cannot read the modules)
from trainer.cli import cli
from trainer.folders import OUTSIDE_FILE, OUTSIDE_FOLDER, files_under
from trainer.loader import load_paths

SECRET = "SECRET_KEY: hunter2\nDB_PASSWORD: swordfish\n"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def outside(tmp_path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.yaml").write_text(SECRET, encoding="utf-8")
    (folder / "secret.json").write_text('{"student": "SECRET_KEY hunter2", "attempts": 7}', encoding="utf-8")
    return folder


def test_links_that_leave_the_folder_are_skipped_and_links_inside_are_read(tmp_path, outside):
    folder = tmp_path / "scenarios"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "real.yaml").write_text("id: x\n")
    (folder / "inside.yaml").symlink_to(folder / "sub" / "real.yaml")
    (folder / "secret.yaml").symlink_to(outside / "secret.yaml")
    (folder / "elsewhere").symlink_to(outside)
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    (folder / "within").symlink_to(folder / "sub")
    found, skipped = files_under(folder, (".yaml",))
    assert found == [folder / "inside.yaml", folder / "sub" / "real.yaml"]
    assert skipped == [
        (folder / "elsewhere", OUTSIDE_FOLDER),
        (folder / "loop.yaml", OUTSIDE_FILE),
        (folder / "secret.yaml", OUTSIDE_FILE),
    ]


def test_validate_never_echoes_a_linked_file_outside_the_folder(tmp_path, outside, scenario_dir):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(scenario_dir / "lonely-birthday.yaml", folder)
    (folder / "notes.yaml").symlink_to(outside / "secret.yaml")
    result = CliRunner().invoke(cli, ["validate", str(folder)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"{folder / 'notes.yaml'}: {OUTSIDE_FILE}"
    assert "SECRET" not in result.output and "DB_PASSWORD" not in result.output
    assert "1 scenario valid" in result.stderr


def test_grade_never_echoes_a_linked_file_outside_the_folder(tmp_path, outside, scenario_dir):
    folder = tmp_path / "exports"
    folder.mkdir()
    shutil.copy(FIXTURES / "exports" / "alice.json", folder)
    (folder / "bob.json").symlink_to(outside / "secret.json")
    result = CliRunner().invoke(cli, ["--scenarios", str(scenario_dir), "grade", str(folder)])
    assert result.exit_code == 1
    assert f"{folder / 'bob.json'}: {OUTSIDE_FILE}" in result.stderr
    assert "SECRET" not in result.output and "Alice Moreno" in result.stdout


@pytest.fixture
def class_with_a_locked_folder(scenario_dir):
    """Two students' exports, one in a subfolder nobody but root can read, and their scenarios;
    reachable by nobody (the checkout may not be: a fresh clone in a private temporary folder)."""
    root = Path(tempfile.mkdtemp())
    os.chmod(root, 0o755)
    shutil.copytree(scenario_dir, root / "scenarios")
    exports = root / "exports"
    (exports / "locked").mkdir(parents=True)
    shutil.copy(FIXTURES / "exports" / "alice.json", exports)
    shutil.copy(FIXTURES / "exports" / "bob.json", exports / "locked")
    os.chmod(exports, 0o755)
    os.chmod(exports / "alice.json", 0o644)
    os.chmod(exports / "locked", 0o700)
    yield exports
    shutil.rmtree(root)


def as_user(args: list[str]) -> dict:
    """The command as a user whom permissions apply to (not root)."""

    def action():
        result = CliRunner().invoke(cli, args)
        return {
            "code": result.exit_code,
            "out": result.stdout,
            "err": result.stderr,
            "error": None if isinstance(result.exception, (SystemExit, type(None))) else repr(result.exception),
        }

    return _as_nobody(action) if os.geteuid() == 0 else action()


@posix_only
def test_grade_reports_a_subfolder_it_cannot_read(class_with_a_locked_folder):
    scenarios = class_with_a_locked_folder.parent / "scenarios"
    args = ["--scenarios", str(scenarios), "grade", str(class_with_a_locked_folder)]
    CliRunner().invoke(cli, args)  # the modules a child as nobody needs, imported now
    result = as_user(args)
    assert result["error"] is None, result
    assert result["code"] == 1
    locked = class_with_a_locked_folder / "locked"
    assert f"{locked}: cannot read this folder (Permission denied); the files in it were skipped" in result["err"]
    assert "Alice Moreno" in result["out"] and "bob" not in result["out"]


@posix_only
@pytest.mark.skipif(os.name == "posix" and os.geteuid() != 0, reason="needs root, to become another user")
def test_a_scenario_path_that_cannot_be_looked_at_is_a_problem_not_a_crash(class_with_a_locked_folder):
    hidden = class_with_a_locked_folder / "locked" / "scenarios"
    found = _as_nobody(lambda: {"problems": [str(problem) for problem in load_paths([hidden]).problems]})
    assert found == {"problems": [f"{hidden}: cannot read this (Permission denied); it was skipped"]}
