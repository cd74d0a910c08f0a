"""The bundled scenarios ship inside the wheel, so an installed trainer finds them anywhere."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCENARIO_IDS = {p.stem for p in (ROOT / "scenarios").glob("*.yaml")}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("wheels")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(folder), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = folder.glob("*.whl")
    return built


def test_the_wheel_carries_the_scenarios_the_data_and_the_styles(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"trainer/bundled_scenarios/{i}.yaml" for i in SCENARIO_IDS} <= names
    assert {"trainer/data/feelings.yaml", "trainer/data/roadblocks.yaml", "trainer/data/language.yaml"} <= names
    assert any(name.endswith(".tcss") for name in names)


def test_an_installed_copy_run_from_elsewhere_lists_the_bundled_scenarios(wheel, tmp_path):
    site, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    elsewhere.mkdir()
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
    )
    code = (
        "import trainer, trainer.cli\n"
        "from click.testing import CliRunner\n"
        "print(trainer.__file__)\n"
        "print(CliRunner().invoke(trainer.cli.cli, ['list', '--json']).stdout)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    installed_at, listing = result.stdout.split("\n", 1)
    assert installed_at.startswith(str(site))
    assert SCENARIO_IDS <= {row["id"] for row in json.loads(listing)}
