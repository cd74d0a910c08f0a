"""The app and the learner's progress, driven with Pilot at 80x24: every submitted response is
stored, private mode keeps nothing, a damaged file gets its dialog, the progress screen adds
up, drills run across scenarios, and the home screen shows best and latest scores."""

from __future__ import annotations

from drive import choose, move_on, notifications, on_screen, respond, small_wins_shown, text, try_again, until
from progress_factory import T0, days, make_attempt, make_run
from test_app_flows import run
from test_remembered import forget_the_word_lists

from trainer.progress.history import History
from trainer.progress.schedule import DrillOptions
from trainer.progress.store import DB_NAME, open_store
from trainer.ui.dialogs.content_warning import ContentWarningDialog
from trainer.ui.dialogs.leave import LeaveDialog
from trainer.ui.dialogs.store_trouble import StoreTroubleDialog
from trainer.ui.screens.home import HomeScreen
from trainer.ui.screens.practice import PracticeScreen
from trainer.ui.screens.progress import ProgressScreen
from trainer.ui.screens.summary import SummaryScreen
from trainer.ui.widgets.scenario_bests import ScenarioBests, StatementBests
from trainer.ui.widgets.scenario_table import ScenarioTable

GOOD = "It sounds like you felt really forgotten when nobody called on your birthday."
WEAK = "That sounds lonely."
NOW = T0 + days(3)


def stored(folder=None) -> list:
    with open_store(folder, saving=False) as store:
        return store.attempts()


def header_title(app) -> str:
    """The header's line as drawn."""
    return app.screen.query_one("AppHeader").render().plain.strip()


async def leave(pilot) -> str:
    """Esc on the practice screen, then Leave in the dialog that asks: back home. Returns what
    the dialog said leaving does."""
    await pilot.press("escape")
    await on_screen(pilot, LeaveDialog)
    said = text(pilot.app.screen.query_one("#what-happens"))
    await pilot.press("enter")
    await on_screen(pilot, HomeScreen)
    return said


async def added_up(pilot) -> None:
    """Wait until the progress screen shows what its worker added up."""
    await until(pilot, lambda: progress_shown(pilot.app), "the progress added up")
    await pilot.pause()


def progress_shown(app) -> bool:
    """The progress screen is in front, showing what its worker added up."""
    notes = app.screen.query("#progress-note") if isinstance(app.screen, ProgressScreen) else []
    return bool(notes) and "Adding up" not in text(notes.first())


# ---------------------------------------------------------------------------- recording


def test_every_submitted_response_is_stored_at_once_one_session_per_run(make_test_app):
    async def body(pilot):
        await choose(pilot, "Nobody Remembered")
        await respond(pilot, WEAK)
        assert [a.response for a in stored()] == [WEAK]  # at the moment of submission
        await try_again(pilot)
        await respond(pilot, GOOD)
        await move_on(pilot)
        await respond(pilot, "You kept checking your phone.")
        await leave(pilot)
        await choose(pilot, "Nobody Remembered")
        await respond(pilot, "You feel left out.")

    run(body, make_test_app())
    attempts = stored()
    assert [(a.scenario, a.turn, a.response) for a in attempts] == [
        ("lonely-birthday", 1, WEAK),
        ("lonely-birthday", 1, GOOD),
        ("lonely-birthday", 2, "You kept checking your phone."),
        ("lonely-birthday", 1, "You feel left out."),
    ]
    assert attempts[0].client.startswith("My birthday was on Saturday")
    assert len({a.session for a in attempts[:3]}) == 1 and attempts[3].session != attempts[0].session


def test_the_home_screen_shows_best_and_latest_after_a_finished_run(make_test_app):
    async def body(pilot):
        await choose(pilot, "Nobody Remembered")
        await respond(pilot, GOOD)
        await move_on(pilot)
        for _ in range(3):
            await move_on(pilot, "ctrl+s")
        await pilot.press("enter")  # from the summary, home
        await on_screen(pilot, HomeScreen)
        table = pilot.app.screen.query_one(ScenarioTable)
        row = table.get_row("lonely-birthday")
        [attempt] = stored()
        assert [str(row[4]), str(row[5])] == [str(attempt.score)] * 2
        assert [str(cell) for cell in table.get_row("warning-demo")[4:]] == ["–", "–"]
        preview = text(pilot.app.screen.query_one("#preview-text"))
        assert f"best {attempt.score}, latest {attempt.score} (1 finished run)" in preview
        assert "Left part-way" not in preview and not pilot.app.screen.check_action("resume", ())

    run(body, make_test_app())


def test_leaving_part_way_is_no_run_and_the_home_screen_offers_to_resume(make_test_app):
    async def body(pilot):
        await choose(pilot, "Nobody Remembered")
        await respond(pilot, GOOD)
        assert "press r on the home screen" in await leave(pilot)
        home = pilot.app.screen
        scores = home.query_one(ScenarioTable).get_row("lonely-birthday")[4:]
        assert [str(cell) for cell in scores] == ["–", "–"]
        preview = text(home.query_one("#preview-text"))
        assert "no finished run yet" in preview and "Left part-way at statement 1 of 4" in preview
        assert home.check_action("resume", ())
        await pilot.press("down")  # a scenario with nothing to resume: no Resume key
        await until(pilot, lambda: not home.check_action("resume", ()), "Resume gone for A Hard Week")

    run(body, make_test_app())


def test_a_resumed_run_goes_on_where_it_stopped_and_counts_once_finished(make_test_app):
    async def body(pilot):
        app = pilot.app
        await choose(pilot, "Nobody Remembered")
        await respond(pilot, GOOD)
        await move_on(pilot)
        await move_on(pilot, "ctrl+s")  # statement 2 skipped
        await respond(pilot, WEAK)  # statement 3 answered, then left
        await leave(pilot)

        await pilot.press("r")
        await on_screen(pilot, PracticeScreen)
        screen = app.screen
        assert screen.session.number == 3 and screen.mode == "reading"  # back on the feedback it was left on
        assert WEAK in text(screen.query_one("#your-response"))
        transcript = [text(w) for w in screen.query("#transcript Static")]
        assert any(GOOD in line for line in transcript) and "You skipped this one." in transcript
        await try_again(pilot)
        await respond(pilot, GOOD)
        await move_on(pilot)
        await respond(pilot, "You feel left out.")
        await move_on(pilot)
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert "You responded to 3 of 4 statements" in text(summary.query_one("#headline"))
        await pilot.press("enter")
        await on_screen(pilot, HomeScreen)
        preview = text(app.screen.query_one("#preview-text"))
        assert "(1 finished run)" in preview and "Left part-way" not in preview
        assert not app.screen.check_action("resume", ())

    run(body, make_test_app())
    attempts = stored()
    assert [(a.turn, a.response) for a in attempts] == [
        (1, GOOD),
        (3, WEAK),
        (3, GOOD),
        (4, "You feel left out."),
    ]  # nothing recorded twice
    assert len({a.session for a in attempts}) == 1  # one run, resumed


def test_a_drill_answer_shows_as_a_drill_answer_not_a_run(make_test_app):
    async def body(pilot):
        app = pilot.app
        await pilot.press("d")
        await on_screen(pilot, ContentWarningDialog)
        await pilot.press("enter")
        await on_screen(pilot, PracticeScreen)
        answered = app.screen.session.step.scenario
        await respond(pilot, GOOD)
        await leave(pilot)
        [attempt] = stored()
        row = app.screen.query_one(ScenarioTable).get_row(answered.id)
        assert [str(cell) for cell in row[4:]] == ["–", "–"]
        assert not app.screen.check_action("resume", ())  # a drill is not resumed
        if app.screen.query_one(ScenarioTable).highlighted.id != answered.id:
            await pilot.press("down")
        preview = app.screen.query_one("#preview-text")
        await until(pilot, lambda: f"1 drill answer, best {attempt.score}" in text(preview), "the drill answer shown")
        assert "no finished run yet" in text(preview)

    run(body, make_test_app())


def test_in_private_mode_leaving_says_nothing_is_kept_and_nothing_is_offered_to_resume(make_test_app):
    async def body(pilot):
        await pilot.press("ctrl+o")
        await until(pilot, lambda: pilot.app.private, "private mode on")
        await choose(pilot, "Nobody Remembered")
        await respond(pilot, GOOD)
        assert "not being saved, so this run ends here" in await leave(pilot)
        assert not pilot.app.screen.check_action("resume", ())

    run(body, make_test_app())


def test_small_wins_are_said_after_a_response(make_test_app):
    async def body(pilot):
        await choose(pilot, "Nobody Remembered")
        await respond(pilot, GOOD)
        assert small_wins_shown(pilot.app).startswith("★ Your first strong reflection")
        assert not any("strong reflection" in m for m in notifications(pilot.app))  # in the panel, not over it

    run(body, make_test_app())


def test_small_wins_call_scenarios_by_their_titles(make_test_app):
    async def body(pilot):  # the app opens the history itself, with the library's titles
        await choose(pilot, "Nobody Remembered")
        await respond(pilot, WEAK)
        await leave(pilot)
        await choose(pilot, "Nobody Remembered")
        await respond(pilot, GOOD)
        assert "★ A new personal best on “Nobody Remembered”, statement 1:" in small_wins_shown(pilot.app)

    run(body, make_test_app(history=None))


# ---------------------------------------------------------------------------- private mode


def test_private_mode_records_nothing_until_it_is_turned_off(make_test_app):
    async def body(pilot):
        app = pilot.app
        await pilot.press("ctrl+o")
        await until(pilot, lambda: "[private]" in header_title(app), "[private] in the header")
        assert app.saving_status == "private"
        await choose(pilot, "Nobody Remembered")
        assert "[private]" in header_title(app)  # on every screen
        await respond(pilot, WEAK)
        await try_again(pilot)
        await respond(pilot, GOOD)
        assert stored() == []
        # No small wins are counted in private mode; the change that worked is still said.
        assert "Your change worked" in text(app.screen.query_one("#change-line"))
        assert small_wins_shown(app) == ""
        await pilot.press("ctrl+o")
        await until(pilot, lambda: "private" not in header_title(app), "[private] gone from the header")
        assert app.saving_status == ""
        await move_on(pilot)
        await respond(pilot, "You kept checking your phone.")
        assert [a.response for a in stored()] == ["You kept checking your phone."]

    run(body, make_test_app())


def test_no_save_keeps_private_mode_on_and_creates_no_file(make_test_app, trainer_home):
    async def body(pilot):
        app = pilot.app
        assert app.saving_status == "private"
        await pilot.press("ctrl+o")
        await until(pilot, lambda: any("--no-save" in m for m in notifications(app)), "the notice on --no-save")
        assert app.saving_status == "private"
        assert "Private mode: turn off" not in [c.title for c in app.get_system_commands(app.screen)]
        await choose(pilot, "Nobody Remembered")
        await respond(pilot, GOOD)

    app = make_test_app(no_save=True)
    forget_the_word_lists()  # so that scoring compiles them, and would keep them but for private mode
    before = set(trainer_home.iterdir()) if trainer_home.exists() else set()
    run(body, app)
    assert not trainer_home.exists() or set(trainer_home.iterdir()) == before  # nothing written
    assert not (trainer_home / DB_NAME).exists()


def test_the_palette_turns_private_mode_on(make_test_app):
    async def body(pilot):
        app = pilot.app
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Private mode: turn on")
        command.callback()
        assert app.private and app.history.private

    run(body, make_test_app())


# ---------------------------------------------------------------------------- trouble


def damaged_file(trainer_home) -> bytes:
    trainer_home.mkdir(parents=True, exist_ok=True)
    junk = b"this is not a database " * 200
    (trainer_home / DB_NAME).write_bytes(junk)
    return junk


def test_a_damaged_file_can_be_kept_as_a_backup_and_practice_starts_fresh(make_test_app, trainer_home):
    junk = damaged_file(trainer_home)

    async def body(pilot):
        app = pilot.app
        assert isinstance(app.screen, StoreTroubleDialog)
        assert "is damaged" in text(app.screen.query_one("#trouble"))
        await pilot.press("enter")  # keep a backup and start fresh
        await on_screen(pilot, HomeScreen)
        [backup] = trainer_home.glob("progress-backup-*.sqlite3")
        assert backup.read_bytes() == junk
        assert any(str(backup) in m for m in notifications(app))
        assert app.saving_status == ""
        await choose(pilot, "Nobody Remembered")
        await respond(pilot, GOOD)

    run(body, make_test_app(history=None))
    assert [a.response for a in stored()] == [GOOD]


def test_a_damaged_file_can_be_left_alone_and_practice_goes_on_unsaved(make_test_app, trainer_home):
    junk = damaged_file(trainer_home)

    async def body(pilot):
        app = pilot.app
        await pilot.press("escape")  # practise without saving
        await on_screen(pilot, HomeScreen)
        assert app.saving_status == "unsaved"
        assert "[unsaved]" in header_title(app)
        await choose(pilot, "Nobody Remembered")
        await respond(pilot, GOOD)
        assert app.screen.mode == "reading"

    run(body, make_test_app(history=None))
    assert (trainer_home / DB_NAME).read_bytes() == junk
    assert list(trainer_home.glob("progress-backup-*")) == []


def test_a_practice_asked_for_at_start_waits_for_the_answer(make_test_app, trainer_home):
    damaged_file(trainer_home)

    async def body(pilot):
        app = pilot.app
        assert isinstance(app.screen, StoreTroubleDialog)
        await pilot.press("enter")
        await on_screen(pilot, PracticeScreen)

    run(body, make_test_app(history=None, start_scenario="lonely-birthday"))


def test_a_folder_that_cannot_be_written_gives_a_notice_and_practice_goes_on(make_test_app, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("TRAINER_HOME", str(blocker / "home"))

    async def body(pilot):
        app = pilot.app
        assert app.saving_status == "unsaved"
        assert any("cannot be saved" in m and "Practice goes on" in m for m in notifications(app))
        await choose(pilot, "Nobody Remembered")
        await respond(pilot, GOOD)
        assert app.screen.mode == "reading"
        assert not any("could not be saved" in m for m in notifications(app))  # said once, not per answer

    run(body, make_test_app(history=None))


# ---------------------------------------------------------------------------- start-up


def test_the_home_screen_comes_first_and_the_library_follows(make_test_app, scenario_dir):
    async def body(pilot):
        app = pilot.app
        assert app.library is not None and app.history is not None
        table = app.screen.query_one(ScenarioTable)
        assert table.row_count >= 2  # the bundled library plus the test folder
        assert "warning-demo" in [s.id for s in app.library.scenarios]

    run(body, make_test_app(library=None, history=None, scenario_dirs=[scenario_dir]))


# ---------------------------------------------------------------------------- progress screen


def earlier_practice() -> list:
    """Three days of practice on the test scenarios, fixed (no live scoring)."""
    both = ("feeling", "reflective_form", "no_roadblock", "content")
    return [
        make_attempt(
            "lonely-birthday",
            1,
            35,
            T0,
            kind="advice",
            met=("content",),
            missed=("feeling", "reflective_form", "no_roadblock"),
            roadblocks=("advising",),
            session="a",
        ),
        make_attempt(
            "lonely-birthday",
            2,
            62,
            T0 + days(0.01),
            met=("feeling", "reflective_form", "no_roadblock"),
            missed=("content",),
            session="a",
        ),
        make_attempt("lonely-birthday", 1, 84, T0 + days(1), met=both, session="b"),
        make_attempt(
            "warning-demo",
            1,
            71,
            T0 + days(2),
            met=("reflective_form", "no_roadblock", "content"),
            missed=("feeling",),
            session="c",
        ),
        make_attempt(
            "warning-demo",
            2,
            45,
            T0 + days(2.01),
            kind="open_question",
            met=("no_roadblock",),
            missed=("feeling", "reflective_form", "content"),
            session="c",
        ),
    ]


def earlier_runs() -> list:
    """Where those sittings stand: a run of "Nobody Remembered" finished, a drill, and a run of
    "A Hard Week" left part-way on its second (and last) statement, answered but not moved on from."""
    return [
        make_run("a", "lonely-birthday", 4, at=T0 + days(0.02)),
        make_run("b", None, 3, moved_on=1, at=T0 + days(1)),
        make_run("c", "warning-demo", 2, moved_on=1, at=T0 + days(2.01)),
    ]


def injected_history(attempts=None, runs=None) -> History:
    if attempts is None:
        attempts, runs = earlier_practice(), earlier_runs()
    return History(None, attempts, runs or (), clock=lambda: NOW)


def test_the_progress_screen_adds_up_the_history(make_test_app):
    async def body(pilot):
        app = pilot.app
        await pilot.press("p")
        await added_up(pilot)
        screen = app.screen
        note = text(screen.query_one("#progress-note"))
        assert "5 responses to 4 statements in 2 scenarios, on 3 days; average score 59, 1 strong." in note
        assert "Streak: 3 days in a row" in note
        assert screen.query_one("#days").data == [48, 84, 58]
        skills = text(screen.query_one("#skills"))
        assert "Feelings named" in skills and "40%" in skills and "Roadblocks avoided" in skills
        bests = screen.query_one(ScenarioBests)
        assert bests.row_count == 2 and bests.get_row_at(0)[0] == "A Hard Week"  # latest first
        hard_week, birthday = (list(map(str, bests.get_row_at(row))) for row in (0, 1))
        assert hard_week[1:] == ["–", "–", "0", "0"]  # left part-way: no run yet
        assert birthday[1:] == ["48", "48", "1", "1"]
        by_statement = [str(line) for line in screen.query_one(StatementBests).lines(76)]
        assert by_statement == ["A Hard Week  1: 71  2: 45", "Nobody Remembered  1: 84  2: 62"]  # the drill's 84 counts
        assert "first strong reflection" in text(screen.query_one("#wins"))
        await pilot.press("escape")
        await on_screen(pilot, HomeScreen)

    run(body, make_test_app(history=injected_history()))


def test_the_progress_screen_before_any_practice(make_test_app):
    async def body(pilot):
        app = pilot.app
        next(c for c in app.get_system_commands(app.screen) if c.title == "Progress").callback()
        await added_up(pilot)
        note = text(app.screen.query_one("#progress-note"))
        assert "No practice recorded yet" in note and DB_NAME in note
        assert not app.screen.query(ScenarioBests)

    run(body, make_test_app())


def test_the_progress_screen_in_private_mode_says_so(make_test_app):
    async def body(pilot):
        await pilot.press("ctrl+o", "p")
        await added_up(pilot)
        assert "Private mode is on" in text(pilot.app.screen.query_one("#progress-note"))

    run(body, make_test_app())


# ---------------------------------------------------------------------------- drills


def test_a_drill_from_home_warns_first_then_runs_across_scenarios_to_a_summary(make_test_app):
    async def body(pilot):
        app = pilot.app
        await pilot.press("d")
        await on_screen(pilot, ContentWarningDialog)
        dialog = app.screen
        assert dialog.drill
        assert "domestic conflict" in text(dialog.query_one("#warnings"))
        await pilot.press("enter")
        await on_screen(pilot, PracticeScreen)
        screen = app.screen
        assert screen.session.is_drill
        assert screen.session.total == 6  # every statement of the test library is new
        assert screen.title == "Drill"
        statement = screen.query_one("#statement")
        assert statement.border_title == "Statement 1 of 6" and statement.border_subtitle == "new: not tried yet"
        scenarios = {step.scenario.id for step in screen.session.steps}
        assert scenarios == {"lonely-birthday", "warning-demo"}
        first = screen.session.step
        assert text(screen.query_one("#context")).startswith(f"From “{first.scenario.title}”, statement 1.")
        await respond(pilot, GOOD)
        await move_on(pilot)
        for _ in range(5):
            await move_on(pilot, "ctrl+s")
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert "You responded to 1 of 6 statements in this drill" in text(summary.query_one("#headline"))
        assert f"“{first.scenario.title}”, statement 1" in text(summary.query_one("#best-moment"))
        await pilot.press("r")  # another drill
        await on_screen(pilot, ContentWarningDialog)

    run(body, make_test_app())
    [attempt] = stored()
    assert (attempt.response, attempt.turn) == (GOOD, 1)


def test_a_drill_brings_back_what_scored_low_first(make_test_app):
    async def body(pilot):
        assert isinstance(pilot.app.screen, ContentWarningDialog)
        await pilot.press("enter")
        await on_screen(pilot, PracticeScreen)
        session = pilot.app.screen.session
        assert [(s.scenario.id, s.number) for s in session.steps][:2] == [("lonely-birthday", 1), ("warning-demo", 2)]
        assert pilot.app.screen.query_one("#statement").border_subtitle == "scored 20 last time: back for another try"

    history = injected_history(
        [
            make_attempt("lonely-birthday", 1, 20, T0, missed=("feeling",), session="a"),
            make_attempt("warning-demo", 2, 30, T0, missed=("feeling",), session="a"),
            make_attempt("warning-demo", 1, 95, T0, met=("feeling",), session="a"),
        ]
    )
    options = DrillOptions(count=3, only=("lonely-birthday", "warning-demo"))
    run(body, make_test_app(history=history, start_drill=options))


def test_a_drill_asked_for_at_start_opens_on_it(make_test_app):
    async def body(pilot):
        screen = pilot.app.screen
        assert isinstance(screen, PracticeScreen) and screen.session.total == 2
        assert {s.scenario.id for s in screen.session.steps} == {"lonely-birthday"}
        await respond(pilot, WEAK)
        await pilot.press("escape")
        await on_screen(pilot, LeaveDialog)
        assert "Leave this drill?" in str(pilot.app.screen.query_one(".dialog-title").render())

    run(body, make_test_app(start_drill=DrillOptions(count=2, only=("lonely-birthday",))))


def test_a_drill_asked_for_before_the_library_is_read_waits_for_it(make_test_app, scenario_dir):
    async def body(pilot):  # the history was handed in; the library came after the first frame
        await on_screen(pilot, PracticeScreen)
        assert {s.scenario.id for s in pilot.app.screen.session.steps} == {"lonely-birthday"}

    run(
        body,
        make_test_app(
            library=None, scenario_dirs=[scenario_dir], start_drill=DrillOptions(count=2, only=("lonely-birthday",))
        ),
    )


def test_a_run_left_in_a_scenario_that_has_changed_since_is_started_afresh(make_test_app):
    history = injected_history(
        [make_attempt("warning-demo", 1, 71, T0, session="c")], [make_run("c", "warning-demo", 3, moved_on=1, at=T0)]
    )  # it had 3 statements then

    async def body(pilot):
        home = pilot.app.screen
        await pilot.press("down")
        await until(pilot, lambda: "has changed since" in text(home.query_one("#preview-text")), "the change said")
        assert not home.check_action("resume", ())

    run(body, make_test_app(history=history))
