"""The learner's history as the app holds it: read once, then kept up to date as responses come in.

The app opens one ``History`` per run -- off the UI thread, since years of practice take a
moment to read -- gives each practice run a recorder of its own (one session id per run, and
where the run stands: finished, left part-way, or a drill), and asks the history for
summaries, best and latest scores, runs to resume and drill plans without reading the file
again. Private mode is a switch here: while it is on, nothing is recorded, not even in
memory, and no small win is counted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.progress.attempt import SavedAttempt, local_now
from trainer.progress.records import LeftRun, ScenarioRecord, WinTracker, scenario_records
from trainer.progress.run import Run
from trainer.progress.store import ProgressStore, new_session_id, open_store
from trainer.wording import plural

if TYPE_CHECKING:
    from trainer.conversation import Exchange
    from trainer.model import Scenario
    from trainer.progress.schedule import DrillItem, DrillOptions
    from trainer.progress.stats import ProgressSummary
    from trainer.scoring import Feedback


class NotSaved(Exception):
    """A response was scored but could not be written; the message says why, for the learner."""


class History:
    """Every stored attempt, oldest first, every stored run, and the store that new ones go to.

    ``store`` is None when there is no file to use (the learner chose to practise without
    saving after the file could not be read; ``notice`` then says why), or for a history
    made up of ``attempts`` and ``runs`` only. ``names`` maps scenario ids to how small wins
    call them.
    """

    def __init__(
        self,
        store: ProgressStore | None,
        attempts: Iterable[SavedAttempt] = (),
        runs: Iterable[Run] = (),
        *,
        private: bool = False,
        notice: str = "",
        clock: Callable[[], datetime] = local_now,
        names: Mapping[str, str] | None = None,
    ):
        self.private = private
        self.names = names or {}
        self._store = store
        self._notice = notice
        self._clock = clock
        self._attempts = list(attempts)
        self._runs = {run.session: run for run in runs}
        self._wins = WinTracker(self._attempts, self.names)
        self._records = scenario_records(self._attempts, self._runs.values())
        self._changed: set[str] = set()  # scenarios whose record is out of date

    @classmethod
    def open(
        cls,
        folder: Path | None = None,
        *,
        private: bool = False,
        clock: Callable[[], datetime] = local_now,
        names: Mapping[str, str] | None = None,
    ) -> History:
        """The stored history (``folder``: default, the user's data folder).

        ``private`` (``--no-save``) only reads what is there and never creates a file.
        Raises ``StoreTrouble`` for a file that cannot be used as it is.
        """
        store = open_store(folder, saving=not private, clock=clock)
        return cls(store, store.attempts(), store.runs(), private=private, clock=clock, names=names)

    @classmethod
    def unsaved(cls, notice: str, **options) -> History:
        """No history and no saving: practice goes on when the file cannot be used."""
        return cls(None, notice=notice, **options)

    @property
    def path(self) -> Path | None:
        return None if self._store is None else self._store.path

    @property
    def cannot_save(self) -> str:
        """Why nothing could be saved even outside private mode (a read-only folder, a file
        that could not be used), in words for the learner; empty when saving works."""
        if self._store is None:
            return self._notice
        return "" if self._store.saving else self._store.notice

    @property
    def damaged(self) -> str:
        """The stored responses left out because their rows are damaged, in words for the learner;
        empty when every row could be read."""
        skipped = self._store.skipped if self._store is not None else []
        if not skipped:
            return ""
        shown = "; ".join(map(str, skipped[:3])) + ("; ..." if len(skipped) > 3 else "")
        return (
            f"{plural(len(skipped), 'stored response')} could not be read and "
            f"{'is' if len(skipped) == 1 else 'are'} left out ({shown}). Everything else is here."
        )

    @property
    def saving(self) -> bool:
        """Whether a response submitted now is kept."""
        return not self.private and self._store is not None and self._store.saving

    def attempts(self) -> list[SavedAttempt]:
        """A copy, safe to read in a worker thread while new responses come in."""
        return list(self._attempts)

    def recorder(self, scenario: str | None, statements: int, left: LeftRun | None = None) -> RunRecorder:
        """The recorder for one practice run of ``statements`` statements, through ``scenario``
        (None: a drill); its responses share a session id. With ``left``, the run left part-way
        goes on: same session, from where it stopped."""
        if left is None:
            return RunRecorder(self, new_session_id(), scenario, statements)
        return RunRecorder(self, left.session, scenario, statements, left.moved_on)

    def answers_in(self, left: LeftRun) -> list[SavedAttempt]:
        """The answers given so far in a run left part-way, oldest first."""
        return [a for a in self._attempts if a.session == left.session]

    def keep_run(self, session: str, scenario: str | None, statements: int, moved_on: int) -> None:
        """Keep where a run stands, unless private: from its first step (an answer, a skip), and
        each time the learner moves on."""
        if not self.saving:
            return
        earlier = self._runs.get(session)
        if earlier is not None and earlier.moved_on == moved_on:
            return
        now = self._clock().replace(microsecond=0)
        run = Run(session, scenario, statements, moved_on, earlier.started if earlier else now, now)
        self._store.save_run(run)  # a write that fails is made whole by the run's next step
        self._runs[session] = run
        if scenario is not None:
            self._changed.add(scenario)

    def record(
        self,
        session: str,
        scenario: str,
        statement_number: int,
        client: str,
        response: str,
        feedback: Feedback,
        *,
        deeper: bool = False,
        exchange: Exchange | None = None,
    ) -> tuple[str, ...]:
        """Keep one response now, unless private; returns the small wins it makes, in words.

        Raises ``NotSaved`` when the store could not write it (it tries again with the next).
        """
        if not self.saving:
            return ()
        attempt = self._store.record(
            scenario, statement_number, client, response, feedback, session, deeper=deeper, exchange=exchange
        )
        if attempt.id is None:
            raise NotSaved(self._store.notice)
        earlier_best = self._best_so_far(attempt)
        self._attempts.append(attempt)
        self._changed.add(scenario)
        return tuple(
            win.message
            for win in self._wins.observe(attempt)
            if not (win.kind == "personal_best" and earlier_best.session == session)
        )

    def _best_so_far(self, attempt: SavedAttempt) -> SavedAttempt | None:
        """The best earlier answer to the same statement. A new best over a try of this same
        run is not said as a personal best: the feedback already shows the change."""
        earlier = (a for a in self._attempts if a.statement == attempt.statement)
        return max(earlier, key=lambda a: a.score, default=None)

    def scenario_records(self) -> dict[str, ScenarioRecord]:
        """Each practised scenario's runs, drill answers and run left part-way."""
        for scenario in self._changed:
            runs = [run for run in self._runs.values() if run.is_drill or run.scenario == scenario]
            self._records[scenario] = scenario_records((a for a in self._attempts if a.scenario == scenario), runs)[
                scenario
            ]
        self._changed.clear()
        return dict(self._records)

    def now(self) -> datetime:
        """The moment by this history's clock, in the learner's time zone."""
        return self._clock()

    def summary(self, now: datetime | None = None) -> ProgressSummary:
        """Everything the progress screen shows; days are read in ``now``'s time zone."""
        from trainer.progress.stats import summarise  # read when the progress screen first opens

        return summarise(self.attempts(), now or self._clock(), self.names, list(self._runs.values()))

    def plan_drill(self, scenarios: Sequence[Scenario], options: DrillOptions) -> list[DrillItem]:
        from trainer.progress.schedule import plan_drill  # read when the first drill is planned

        return plan_drill(
            scenarios, self._attempts, self.now(), count=options.count, focus=options.focus, only=options.only
        )

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


class RunRecorder:
    """Hands one practice run's responses, and how far it has got, to the history (the
    session's ``Recorder``)."""

    def __init__(self, history: History, session: str, scenario: str | None, statements: int, moved_on: int = 0):
        self.history, self.session = history, session
        self.scenario, self.statements = scenario, statements
        self._moved_on = moved_on

    def record(
        self,
        scenario: str,
        statement_number: int,
        client: str,
        response: str,
        feedback: Feedback,
        *,
        deeper: bool = False,
        exchange: Exchange | None = None,
    ) -> tuple[str, ...]:
        wins = self.history.record(
            self.session, scenario, statement_number, client, response, feedback, deeper=deeper, exchange=exchange
        )
        self.history.keep_run(self.session, self.scenario, self.statements, self._moved_on)
        return wins

    def moved_on(self, count: int) -> None:
        self._moved_on = count
        self.history.keep_run(self.session, self.scenario, self.statements, count)
