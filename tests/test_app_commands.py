"""``trainer`` and ``trainer practice ID`` through the real entry point."""

from __future__ import annotations

from click.testing import CliRunner

from trainer.cli import app_commands, cli


def invoke(*args, scenario_dir):
    return CliRunner().invoke(cli, ["--scenarios", str(scenario_dir), *args])


def test_an_unknown_id_is_exit_1_naming_it_before_any_ui(scenario_dir, monkeypatch):
    monkeypatch.setattr(app_commands, "open_app", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    result = invoke("practice", "no-such-thing", scenario_dir=scenario_dir)
    assert result.exit_code == 1
    assert "no scenario with the id 'no-such-thing'" in result.stderr
    assert "trainer list" in result.stderr
    assert "Traceback" not in result.output


def test_a_near_miss_is_suggested(scenario_dir):
    result = invoke("practice", "lonely-birthdy", scenario_dir=scenario_dir)
    assert result.exit_code == 1
    assert "Did you mean lonely-birthday?" in result.stderr


def test_practice_opens_the_app_on_that_scenario(scenario_dir, monkeypatch):
    from trainer.ui.app import TrainerApp

    started = []
    monkeypatch.setattr("trainer.opening.interactive", lambda: True)
    monkeypatch.setattr(TrainerApp, "run", lambda self: started.append(self))
    result = invoke("practice", "warning-demo", scenario_dir=scenario_dir)
    assert result.exit_code == 0, result.output
    assert [app._start_scenario.id for app in started] == ["warning-demo"]


def test_no_command_opens_the_home_screen(scenario_dir, monkeypatch):
    from trainer.ui.app import TrainerApp

    started = []
    monkeypatch.setattr("trainer.opening.interactive", lambda: True)
    monkeypatch.setattr(TrainerApp, "run", lambda self: started.append(self))
    result = invoke(scenario_dir=scenario_dir)
    assert result.exit_code == 0, result.output
    assert len(started) == 1 and started[0]._start_scenario is None
    # The library is not read before the app starts: the app reads it after its first frame.
    assert started[0].library is None and started[0]._scenario_dirs == (str(scenario_dir),)
    assert not started[0].no_save


def test_without_a_terminal_the_app_says_what_to_use_instead(scenario_dir):
    result = invoke(scenario_dir=scenario_dir)
    assert result.exit_code == 2
    assert "needs an interactive terminal" in result.stderr and "trainer list" in result.stderr


def test_practice_help_says_where_ids_come_from():
    result = CliRunner().invoke(cli, ["practice", "--help"], terminal_width=100)
    assert result.exit_code == 0
    assert "ID is a scenario's id: the first column of 'trainer list'" in result.stdout
    assert "trainer practice lonely-birthday" in result.stdout
