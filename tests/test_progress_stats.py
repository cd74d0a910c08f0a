"""Progress statistics and scenario records: pure functions of the attempts and the moment passed in."""

from __future__ import annotations

from datetime import date, timedelta, timezone

from progress_factory import T0, days, make_attempt, make_run

from trainer.progress.records import CLEAN_RUN, WinTracker, personal_bests, scenario_records, small_wins
from trainer.progress.stats import daily_scores, skills, streak, summarise, totals

PLUS_TWO = timezone(timedelta(hours=2))


def test_totals_count_what_was_practised():
    history = [
        make_attempt("alpha", 1, 40, T0, session="a"),
        make_attempt("alpha", 1, 90, T0, session="a"),
        make_attempt("alpha", 2, 61, T0 + days(1), session="b"),
        make_attempt("beta", 1, 85, T0 + days(1), session="b"),
    ]
    t = totals(history, timezone.utc)
    assert (t.attempts, t.statements, t.scenarios, t.sessions, t.days) == (4, 3, 2, 2, 2)
    assert t.average == 69 and t.strong == 2
    assert totals([], timezone.utc).average is None


def test_the_skill_view_is_the_share_of_attempts_meeting_each_check():
    history = [make_attempt(met=("feeling", "no_roadblock"), missed=("reflective_form",))] * 3 + [
        make_attempt(met=("reflective_form",), missed=("feeling", "no_roadblock"))
    ]
    view = {s.check: s for s in skills(history, recent=2)}
    assert list(view) == ["feeling", "reflective_form", "no_roadblock"]  # a fixed order; unseen left out
    feeling = view["feeling"]
    assert (feeling.label, feeling.met, feeling.seen, feeling.share) == ("Feelings named", 3, 4, 0.75)
    assert (feeling.recent_met, feeling.recent_seen, feeling.recent_share) == (1, 2, 0.5)
    assert view["no_roadblock"].label == "Roadblocks avoided"
    assert view["reflective_form"].share == 0.25


def test_scores_over_time_are_grouped_by_the_learners_own_day():
    late = T0.replace(hour=23)  # 01:00 the next day at UTC+2
    history = [
        make_attempt(score=40, at=T0),
        make_attempt(score=60, at=late),
        make_attempt(score=90, at=late + days(1)),
    ]
    utc = daily_scores(history, timezone.utc)
    assert [(d.day, d.average, d.best, d.attempts) for d in utc] == [
        (date(2025, 3, 3), 50, 60, 2),
        (date(2025, 3, 4), 90, 90, 1),
    ]
    assert [d.day for d in daily_scores(history, PLUS_TWO)] == [date(2025, 3, 3), date(2025, 3, 4), date(2025, 3, 5)]


def test_a_streak_counts_days_in_a_row_and_lives_until_a_day_is_missed():
    practice = [
        T0 - days(10),
        T0 - days(9),
        T0 - days(8),
        T0 - days(7),  # four in a row, long ago
        T0 - days(2),
        T0 - days(1),
        T0,
    ]
    history = [make_attempt(at=moment) for moment in practice]
    assert streak(history, T0 + timedelta(hours=3)) == streak(history, T0)
    today = streak(history, T0)
    assert (today.current, today.longest, today.today) == (3, 4, True)
    tomorrow = streak(history, T0 + days(1))  # not practised yet today: the streak still stands
    assert (tomorrow.current, tomorrow.today) == (3, False)
    assert streak(history, T0 + days(2)).current == 0
    assert streak([], T0).current == 0 and streak([], T0).longest == 0


def test_personal_bests_keep_the_first_attempt_to_reach_the_top_score():
    first_top = make_attempt("alpha", 1, 80, T0 + days(1), row_id=2)
    history = [
        make_attempt("alpha", 1, 50, T0, row_id=1),
        first_top,
        make_attempt("alpha", 1, 80, T0 + days(2), row_id=3),
        make_attempt("beta", 2, 30, T0, row_id=4),
    ]
    bests = personal_bests(history)
    assert bests[("alpha", 1, False)] is first_top and bests[("beta", 2, False)].score == 30


def test_each_scenario_has_its_best_and_latest_finished_run():
    history = [
        make_attempt("alpha", 1, 40, T0, session="a"),
        make_attempt("alpha", 2, 60, T0, session="a"),
        make_attempt("alpha", 1, 90, T0 + days(1), session="b"),  # the best run
        make_attempt("alpha", 1, 30, T0 + days(2), session="c"),
        make_attempt("alpha", 1, 70, T0 + days(2.01), session="c"),  # the best try counts, not both
        make_attempt("alpha", 1, 100, T0 + days(3), session="left"),  # a run left part-way
        make_attempt("beta", 1, 55, T0, session="a2"),
    ]
    runs = [
        make_run("a", at=T0),
        make_run("b", at=T0 + days(1)),
        make_run("c", at=T0 + days(2.01)),
        make_run("left", moved_on=1, at=T0 + days(3)),
        make_run("a2", "beta", at=T0),
    ]
    records = scenario_records(history, runs)
    alpha = records["alpha"]
    assert (alpha.best, alpha.best_at, alpha.latest, alpha.runs) == (90, T0 + days(1), 70, 3)
    assert alpha.latest_at == T0 + days(2.01) and alpha.last_at == T0 + days(3)
    assert (alpha.left.session, alpha.left.next_statement, alpha.answers) == ("left", 2, 6)
    assert (records["beta"].best, records["beta"].latest) == (55, 55)


def test_drill_answers_and_answers_from_before_runs_are_no_runs():
    history = [
        make_attempt("alpha", 2, 100, T0, session="drill"),
        make_attempt("beta", 1, 80, T0, session="drill"),
        make_attempt("alpha", 1, 60, T0, session="before-runs-were-kept"),
    ]
    records = scenario_records(history, [make_run("drill", None, statements=2)])
    alpha = records["alpha"]
    assert (alpha.runs, alpha.best, alpha.latest, alpha.left) == (0, None, None, None)
    assert (alpha.answers, alpha.drill_answers, alpha.drill_best) == (2, 1, 100)
    assert alpha.describe() == "no finished run yet; 1 drill answer, best 100"


def test_a_finished_run_without_an_answer_is_no_run_and_a_skipped_statement_no_zero():
    history = [make_attempt("alpha", 1, 80, T0, session="half")]
    runs = [make_run("skipped-all", at=T0), make_run("half", statements=2, at=T0 + days(1))]
    alpha = scenario_records(history, runs)["alpha"]
    assert (alpha.runs, alpha.best) == (1, 80)
    assert alpha.describe() == "best 80, latest 80 (1 finished run)"


def test_only_the_latest_run_left_part_way_can_be_resumed():
    runs = [make_run("old", moved_on=1, at=T0), make_run("new", at=T0 + days(1))]
    history = [
        make_attempt("alpha", 1, 50, T0, session="old"),
        make_attempt("alpha", 1, 60, T0 + days(1), session="new"),
    ]
    assert scenario_records(history, runs)["alpha"].left is None
    left = scenario_records(history, runs[:1])["alpha"].left
    assert left.fits(2) and not left.fits(3)


def test_a_first_strong_reflection_is_noticed_once():
    history = [
        make_attempt(score=85, kind="open_question"),  # strong, but not a reflection
        make_attempt(turn=2, score=82),
        make_attempt(turn=3, score=95),
    ]
    wins = small_wins(history)
    assert [(w.kind, w.attempt.turn) for w in wins] == [("first_strong_reflection", 2)]
    assert "first strong reflection" in wins[0].message and "82" in wins[0].message


def test_a_new_personal_best_is_noticed_but_not_a_first_attempt():
    history = [make_attempt(turn=1, score=30), make_attempt(turn=1, score=25), make_attempt(turn=1, score=55)]
    wins = small_wins(history)
    assert [(w.kind, w.attempt.score) for w in wins] == [("personal_best", 55)]
    assert wins[0].message == "A new personal best on alpha, statement 1: 55, up from 30."


def test_a_roadblock_left_out_on_a_statement_where_it_fired_last_time():
    history = [
        make_attempt(turn=1, score=30, roadblocks=("advising",)),
        make_attempt(turn=2, score=30, roadblocks=("advising",)),
        make_attempt(turn=1, score=20),
    ]  # a lower score, but the advice is gone
    wins = small_wins(history)
    assert [(w.kind, w.attempt.turn) for w in wins] == [("roadblock_dropped", 1)]
    assert wins[0].message == (
        "On alpha, statement 1, advising or giving solutions crept in last time; this time you left it out."
    )


def test_a_roadblock_that_used_to_fire_and_no_longer_does_is_noticed_once():
    history = [make_attempt(turn=n, score=30, roadblocks=("reassuring",)) for n in (1, 2)]
    history += [make_attempt(turn=n, score=30) for n in range(10, 10 + CLEAN_RUN * 2)]
    wins = [w for w in small_wins(history) if w.kind == "roadblock_dropped"]
    assert len(wins) == 1 and wins[0].attempt is history[1 + CLEAN_RUN]
    assert wins[0].message == (
        "Reassuring, sympathising or consoling used to creep into your responses; "
        f"none of your last {CLEAN_RUN} had it."
    )


def test_the_tracker_continues_from_the_history_it_was_given():
    earlier = [make_attempt(turn=1, score=85)]
    tracker = WinTracker(earlier)
    assert tracker.observe(make_attempt(turn=2, score=90)) == []  # not the first strong one any more
    assert [w.kind for w in tracker.observe(make_attempt(turn=1, score=95))] == ["personal_best"]


def test_the_summary_holds_every_view_and_uses_the_clock_s_time_zone():
    history = [make_attempt("alpha", 1, 50, T0.replace(hour=23)), make_attempt("alpha", 1, 85, T0 + days(1))]
    summary = summarise(history, (T0 + days(1)).astimezone(PLUS_TWO), runs=[make_run("s1", statements=1)])
    # At UTC+2 both attempts fall on the 4th of March: one day of practice, not two.
    assert summary.totals.days == 1 and summary.streak.current == 1
    assert [d.day for d in summary.days] == [date(2025, 3, 4)]
    assert summary.bests[("alpha", 1, False)].score == 85
    assert summary.scenarios["alpha"].best == 85
    assert [w.kind for w in summary.wins] == ["first_strong_reflection", "personal_best"]
    assert [s.check for s in summary.skills] == []  # the made-up attempts carry no checks
