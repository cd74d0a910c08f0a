"""The learner's history as the app holds it: read once, then kept up to date as responses come in.

The app opens one ``History`` per run -- off the UI thread, since years of practice take a
moment to read -- gives each practice run a recorder of its own (one session id per run), and
asks the history for summaries, best and latest scores and drill plans without reading the
file again. Private mode is a switch here: while it is on, nothing is recorded, not even in
memory, and no small win is counted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.progress.attempt import Attempt, local_now
from trainer.progress.schedule import DrillItem, Focus, plan_drill
from trainer.progress.stats import ScenarioRecord, Summary, WinTracker, scenario_records, summarise
from trainer.progress.store import ProgressStore, new_session_id, open_store
from trainer.wording import plural

if TYPE_CHECKING:
    from trainer.conversation import Exchange
    from trainer.model import Scenario
    from trainer.scoring import Feedback


class NotSaved(Exception):
    """A response was scored but could not be written; the message says why, for the learner."""


@dataclass(frozen=True)
class DrillOptions:
    """What the learner asked a drill for: how many statements, a skill focus, some scenarios."""

    count: int = 10
    focus: Focus = field(default_factory=Focus)
    only: tuple[str, ...] = ()


class History:
    """Every stored attempt, oldest first, and the store that new ones go to.

    ``store`` is None when there is no file to use (the learner chose to practise without
    saving after the file could not be read; ``notice`` then says why), or for a history
    made up of ``attempts`` only. ``names`` maps scenario ids to how small wins call them.
    """

    def __init__(self, store: ProgressStore | None, attempts: Iterable[Attempt] = (), *,
                 private: bool = False, notice: str = "", clock: Callable[[], datetime] = local_now,
                 names: Mapping[str, str] | None = None):
        self.private = private
        self.names = names or {}
        self._store = store
        self._notice = notice
        self._clock = clock
        self._attempts = list(attempts)
        self._wins = WinTracker(self._attempts, self.names)
        self._records = scenario_records(self._attempts)
        self._changed: set[str] = set()  # scenarios whose record is out of date

    @classmethod
    def open(cls, folder: Path | None = None, *, private: bool = False,
             clock: Callable[[], datetime] = local_now, names: Mapping[str, str] | None = None) -> History:
        """The stored history (``folder``: default, the user's data folder).

        ``private`` (``--no-save``) only reads what is there and never creates a file.
        Raises ``StoreTrouble`` for a file that cannot be used as it is.
        """
        store = open_store(folder, saving=not private, clock=clock)
        return cls(store, store.attempts(), private=private, clock=clock, names=names)

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
        return (f"{plural(len(skipped), 'stored response')} could not be read and "
                f"{'is' if len(skipped) == 1 else 'are'} left out ({shown}). Everything else is here.")

    @property
    def saving(self) -> bool:
        """Whether a response submitted now is kept."""
        return not self.private and self._store is not None and self._store.saving

    def attempts(self) -> list[Attempt]:
        """A copy, safe to read in a worker thread while new responses come in."""
        return list(self._attempts)

    def recorder(self) -> RunRecorder:
        """The recorder for one practice run: its responses share a session id."""
        return RunRecorder(self, new_session_id())

    def record(self, session: str, scenario: str, turn_number: int, client: str, response: str,
               feedback: Feedback, *, deeper: bool = False, exchange: Exchange | None = None
               ) -> tuple[str, ...]:
        """Keep one response now, unless private; returns the small wins it makes, in words.

        Raises ``NotSaved`` when the store could not write it (it tries again with the next).
        """
        if not self.saving:
            return ()
        attempt = self._store.record(scenario, turn_number, client, response, feedback, session,
                                     deeper=deeper, exchange=exchange)
        if attempt.id is None:
            raise NotSaved(self._store.notice)
        earlier_best = self._best_so_far(attempt)
        self._attempts.append(attempt)
        self._changed.add(scenario)
        return tuple(win.message for win in self._wins.observe(attempt)
                     if not (win.kind == "personal_best" and earlier_best.session == session))

    def _best_so_far(self, attempt: Attempt) -> Attempt | None:
        """The best earlier answer to the same statement. A new best over a try of this same
        run is not said as a personal best: the feedback already shows the change."""
        earlier = (a for a in self._attempts if a.statement == attempt.statement)
        return max(earlier, key=lambda a: a.score, default=None)

    def scenario_records(self) -> dict[str, ScenarioRecord]:
        """Each practised scenario's best and latest run."""
        for scenario in self._changed:
            self._records.update(scenario_records(a for a in self._attempts if a.scenario == scenario))
        self._changed.clear()
        return dict(self._records)

    def now(self) -> datetime:
        """The moment by this history's clock, in the learner's time zone."""
        return self._clock()

    def summary(self, now: datetime | None = None) -> Summary:
        """Everything the progress screen shows; days are read in ``now``'s time zone."""
        return summarise(self.attempts(), now or self._clock(), self.names)

    def plan_drill(self, scenarios: Sequence[Scenario], options: DrillOptions) -> list[DrillItem]:
        return plan_drill(scenarios, self._attempts, self.now(), count=options.count,
                          focus=options.focus, only=options.only)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


@dataclass(frozen=True)
class RunRecorder:
    """Hands one practice run's responses to the history (the session's ``Recorder``)."""

    history: History
    session: str

    def record(self, scenario: str, turn_number: int, client: str, response: str,
               feedback: Feedback, *, deeper: bool = False, exchange: Exchange | None = None
               ) -> tuple[str, ...]:
        return self.history.record(self.session, scenario, turn_number, client, response, feedback,
                                   deeper=deeper, exchange=exchange)

