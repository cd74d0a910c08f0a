"""The scenario cache: an unchanged library comes back as it loaded, without reading its YAML;
anything changed, broken or doubtful is read and checked afresh, with the same problems."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys

import pytest
from test_app_flows import run
from test_progress_store import posix_only
from test_remembered import forget_the_word_lists

from trainer import scenario_cache, yaml_reading
from trainer.loader import load_paths
from trainer.paths import SCENARIO_CACHE
from trainer.progress.store import DB_NAME, open_store
from trainer.scenario_cache import ScenarioCache
from trainer.scoring import lexicons
from trainer.ui.widgets.scenario_table import ScenarioTable

BROKEN = "id: broken\ntitle: Broken\nturns:\n  - client: Hi.\n    model_answer: [typo]\n"


@pytest.fixture
def library_dir(tmp_path, scenario_dir):
    folder = tmp_path / "library"
    shutil.copytree(scenario_dir, folder)
    (folder / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    return folder


def load_with_cache(folder, trainer_home):
    cache = ScenarioCache(trainer_home / SCENARIO_CACHE)
    library = load_paths([folder], cache)
    cache.save()
    return library


def no_yaml_read(monkeypatch) -> list:
    """Count the files whose YAML is read from now on."""
    read = []
    real = yaml_reading.parse
    monkeypatch.setattr(yaml_reading, "parse", lambda text: read.append(text) or real(text))
    return read


def test_an_unchanged_library_comes_back_as_it_loaded_without_reading_yaml(library_dir, trainer_home, monkeypatch):
    first = load_with_cache(library_dir, trainer_home)
    read = no_yaml_read(monkeypatch)
    again = load_with_cache(library_dir, trainer_home)
    assert again.scenarios == first.scenarios and again.paths == first.paths
    assert [str(p) for p in again.problems] == [str(p) for p in first.problems] != []
    assert len(read) == 1  # the broken file only: problems are found afresh every time
    assert again.scenarios == load_paths([library_dir]).scenarios


def test_a_changed_file_is_read_again(library_dir, trainer_home, monkeypatch):
    load_with_cache(library_dir, trainer_home)
    path = library_dir / "lonely-birthday.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Nobody Remembered", "Nobody Called"), encoding="utf-8")
    read = no_yaml_read(monkeypatch)
    library = load_with_cache(library_dir, trainer_home)
    assert library.get("lonely-birthday").title == "Nobody Called" and len(read) == 2


def test_a_changed_trainer_or_pydantic_or_yaml_forgets_everything(library_dir, trainer_home, monkeypatch):
    load_with_cache(library_dir, trainer_home)
    stamp = scenario_cache.fingerprint()
    monkeypatch.setattr(scenario_cache, "fingerprint", lambda: [*stamp[:-1], [stamp[-1][0], 1, 2]])
    read = no_yaml_read(monkeypatch)
    load_with_cache(library_dir, trainer_home)
    assert len(read) == 3


@pytest.mark.parametrize(
    "content",
    ["", "not json", "[]", '{"fingerprint": 1}', "garbage-that-is-long" * 100, "[" * 100_000],
    ids=["empty", "text", "list", "partial", "long", "deep"],
)
def test_a_damaged_cache_is_ignored_and_replaced(library_dir, trainer_home, content):
    trainer_home.mkdir()
    (trainer_home / SCENARIO_CACHE).write_text(content, encoding="utf-8")
    library = load_with_cache(library_dir, trainer_home)
    assert len(library.scenarios) == 2
    assert json.loads((trainer_home / SCENARIO_CACHE).read_text(encoding="utf-8"))["scenarios"]


def test_entries_that_are_not_scenarios_are_read_afresh(library_dir, trainer_home, monkeypatch):
    load_with_cache(library_dir, trainer_home)
    path = trainer_home / SCENARIO_CACHE
    stored = json.loads(path.read_text(encoding="utf-8"))
    stored["scenarios"] = {digest: {"scenario": {"id": "x"}, "id_line": "one"} for digest in stored["scenarios"]}
    path.write_text(json.dumps(stored), encoding="utf-8")
    read = no_yaml_read(monkeypatch)
    assert len(load_with_cache(library_dir, trainer_home).scenarios) == 2 and len(read) == 3


@posix_only
def test_the_cache_is_private_and_a_folder_that_cannot_be_written_is_no_trouble(library_dir, trainer_home):
    load_with_cache(library_dir, trainer_home)
    assert stat.S_IMODE((trainer_home / SCENARIO_CACHE).stat().st_mode) == 0o600
    unwritable = ScenarioCache(library_dir / "no-such-folder" / "file" / SCENARIO_CACHE)
    (library_dir / "no-such-folder").write_text("a file in the way")
    load_paths([library_dir], unwritable)
    unwritable.save()  # nothing written, nothing raised


@posix_only
def test_a_data_folder_holding_progress_and_the_cache_is_still_the_trainers_own(library_dir, trainer_home):
    trainer_home.mkdir(mode=0o755)
    os.chmod(trainer_home, 0o755)
    load_with_cache(library_dir, trainer_home)
    forget_the_word_lists()
    lexicons.language()  # and the word lists, read and remembered
    open_store().close()
    assert stat.S_IMODE(trainer_home.stat().st_mode) == 0o700
    assert {p.name for p in trainer_home.iterdir()} >= {DB_NAME, SCENARIO_CACHE, "word-lists.marshal"}


def test_a_cached_library_needs_neither_yaml_nor_pydantic(library_dir, trainer_home):
    code = (
        "import sys; from pathlib import Path; from trainer.loader import load_paths; "
        "from trainer.scenario_cache import ScenarioCache; "
        f"cache = ScenarioCache(Path({str(trainer_home / SCENARIO_CACHE)!r})); "
        f"library = load_paths([Path({str(library_dir / 'lonely-birthday.yaml')!r})], cache); cache.save(); "
        "print(len(library.scenarios), 'yaml' in sys.modules, 'pydantic' in sys.modules)"
    )
    command = [sys.executable, "-c", code]
    assert subprocess.run(command, capture_output=True, text=True, check=True).stdout.split() == ["1", "True", "False"]
    assert subprocess.run(command, capture_output=True, text=True, check=True).stdout.split() == ["1", "False", "False"]


def test_the_app_keeps_the_cache_but_not_in_private_mode(make_test_app, scenario_dir, trainer_home):
    async def listed(pilot):
        assert pilot.app.screen.query_one(ScenarioTable).row_count >= 2

    run(listed, make_test_app(library=None, history=None, scenario_dirs=[scenario_dir], no_save=True))
    assert not trainer_home.exists()
    run(listed, make_test_app(library=None, history=None, scenario_dirs=[scenario_dir]))
    assert (trainer_home / SCENARIO_CACHE).is_file()
