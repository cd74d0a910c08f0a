"""The practice screen: one client statement at a time, a response, then feedback -- through
a scenario, or through a drill's statements from several scenarios (each says where it is from).

Two modes: responding (the response box is focused; Enter submits) and reading feedback
(the feedback is focused; Enter moves on). The footer shows only the keys of the mode.
"""

from __future__ import annotations

from pathlib import Path

from textual import events, on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from trainer.conversation import openness_line
from trainer.session import PracticeSession, Try
from trainer.summary import summarise
from trainer.ui.describe import persona_who
from trainer.ui.dialogs.leave import LeaveDialog
from trainer.ui.screens.summary import SummaryScreen
from trainer.ui.sizes import SHORT
from trainer.ui.widgets.app_footer import AppFooter
from trainer.ui.widgets.app_header import AppHeader
from trainer.ui.widgets.client_context import OPEN_KEY, ClientContext
from trainer.ui.widgets.client_reaction import ClientReaction
from trainer.ui.widgets.client_statement import ClientStatement
from trainer.ui.widgets.feedback_panel import FeedbackPanel
from trainer.ui.widgets.response_box import ResponseBox
from trainer.ui.widgets.transcript import Transcript

RESPONDING, READING = "responding", "reading"
SAID_SHOWN = 240  # characters of a response shown above its feedback (about three lines)
_MODE_ACTIONS = {
    RESPONDING: {"hint", "skip", "background"},
    READING: {"next", "finish", "try_again", "other_answers"},
}


def opening(response: str) -> str:
    """``response`` as shown above its feedback: whole, or, when long, its opening words and its
    length -- so the feedback stays in sight. (The transcript keeps it whole.)"""
    if len(response) <= SAID_SHOWN:
        return response
    start = response[:SAID_SHOWN].rsplit(" ", 1)[0]
    return f"{start} … ({len(response):,} characters in all)"


class PracticeScreen(Screen):
    CSS_PATH = Path(__file__).with_name("practice.tcss")  # read when the screen first opens
    VERTICAL_BREAKPOINTS = [(0, "-short"), (SHORT, "-tall")]  # practice.tcss packs a short screen tighter
    BINDINGS = [
        Binding("ctrl+t", "hint", "Hint"),
        Binding("ctrl+s", "skip", "Skip"),
        Binding(OPEN_KEY, "background", "Background"),
        Binding("enter", "next", "Next statement"),
        Binding("enter", "finish", "Summary"),
        Binding("r", "try_again", "Try again"),
        Binding("m", "other_answers", "Model answers"),
        Binding("escape", "leave", "Leave"),
    ]

    def __init__(self, session: PracticeSession):
        super().__init__()
        self.session = session
        self.mode = RESPONDING
        self.hint_shown = False
        self.reacted = False  # whether the client's reaction to the latest try has anything to show

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Vertical(id="practice"):
            yield ClientContext(id="context")
            yield Transcript(id="transcript")
            yield ClientStatement(id="statement")
            with Vertical(id="answer"):  # docked at the bottom: nothing above pushes it out of sight
                yield Static(id="hint")
                yield ResponseBox(id="response")
            yield Static(id="your-response")
            yield ClientReaction(id="reaction")
            yield FeedbackPanel(id="feedback")
        yield AppFooter()

    def on_mount(self) -> None:
        self.title = "Drill" if self.session.is_drill else self.session.scenario.title
        self.show_statement()
        if self.session.tries:  # a run resumed after an answer here: back to its feedback
            self._show_feedback(self.session.tries[-1])

    # ------------------------------------------------------------------ modes

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        for mode, actions in _MODE_ACTIONS.items():
            if action in actions and mode != self.mode:
                return False
        if action in ("next", "finish"):
            return (action == "finish") == self.session.is_last
        if action == "background":
            return self.query_one(ClientContext).can_fold
        return True

    def _set_mode(self, mode: str) -> None:
        """Show the widgets of ``mode``. (Each widget's display is set directly: a class on the
        screen would restyle every widget on it, which costs more than the scoring.)"""
        self.mode = mode
        reading = mode == READING
        for selector in ("#context", "#transcript", "#response"):
            self.query_one(selector).display = not reading
        for selector in ("#your-response", "#feedback"):
            self.query_one(selector).display = reading
        self.query_one("#reaction").display = reading and self.reacted
        self._show_hint(self.hint_shown and not reading)
        self.refresh_bindings()

    def _show_hint(self, shown: bool) -> None:
        self.query_one("#hint").display = shown

    def show_statement(self, prefill: str = "") -> None:
        """Responding mode: the current statement, and the response box focused and ready."""
        session = self.session
        step = session.step
        number, total = session.place
        self.sub_title = f"statement {number} of {total}"
        where = f"From “{step.scenario.title}”, statement {step.number}. " if session.is_drill else ""
        self.query_one(ClientContext).show(persona_who(step.scenario), step.scenario.persona.background, where)
        self.query_one(Transcript).show(session.transcript())
        beneath = openness_line(session.openness) if session.converses else step.reason
        self.query_one(ClientStatement).show(
            step.statement, session.client_name, number, total, why=beneath, words=session.said, says_more=step.deeper
        )
        self.hint_shown = False
        self._respond(prefill)

    def _respond(self, prefill: str) -> None:
        box = self.query_one(ResponseBox)
        box.value = prefill
        self._set_mode(RESPONDING)
        box.focus()

    # ------------------------------------------------------------------ responding

    @on(ResponseBox.Submitted)
    def submit(self, event: ResponseBox.Submitted) -> None:
        if not event.value.strip():
            self.notify("Type a response first -- there is no hurry.")
            return
        attempt = self.session.submit(event.value)
        if attempt.save_problem:
            self.notify(
                f"Your response was scored but could not be saved: {attempt.save_problem}",
                title="Not saved",
                severity="warning",
            )
        self._show_feedback(attempt)  # small wins and the change since the last try are said in it

    def _show_feedback(self, attempt: Try) -> None:
        """Reading mode: the feedback on ``attempt``, focused."""
        said = Content.from_markup("[b]You:[/b] $said", said=opening(attempt.response))
        self.query_one("#your-response", Static).update(said)
        self.reacted = self.query_one(ClientReaction).show(attempt, self.session.client_name)
        panel = self.query_one(FeedbackPanel)
        panel.show(attempt, self.session.statement, self.session.previous_score())
        self._set_mode(READING)
        panel.focus()

    def on_resize(self, event: events.Resize) -> None:
        self.query_one(ClientContext).fit(event.size.height)

    def action_background(self) -> None:
        """Open the client's background, or fold it away."""
        self.query_one(ClientContext).toggle()

    def action_hint(self) -> None:
        """Show the scenario's hint for this statement, or hide it again."""
        self.hint_shown = not self.hint_shown
        statement, name = self.session.statement, self.session.client_name
        text = statement.hint or f"This statement has no hint. Ask yourself: what is {name} feeling, and about what?"
        self.query_one("#hint", Static).update(Content.from_markup("[b]Hint:[/b] $hint", hint=text))
        self._show_hint(self.hint_shown)

    def action_skip(self) -> None:
        self.session.skip()
        self._after_statement()

    # ------------------------------------------------------------------ reading feedback

    def action_next(self) -> None:
        self.session.next()
        self._after_statement()

    def action_finish(self) -> None:
        self.action_next()

    def action_try_again(self) -> None:
        last = self.session.tries[-1]
        self._respond(last.response)

    def action_other_answers(self) -> None:
        self.query_one(FeedbackPanel).toggle_other_answers()

    def _after_statement(self) -> None:
        if self.session.finished:
            self.app.switch_screen(SummaryScreen(summarise(self.session.scenario, self.session.records())))
        else:
            self.show_statement()

    # ------------------------------------------------------------------ leaving

    def action_leave(self) -> None:
        """Leave at once when nothing would be lost; otherwise ask first."""
        if not self.session.responded and not self.query_one(ResponseBox).value.strip():
            self.app.go_home()
            return
        self.app.push_screen(LeaveDialog(self.session, kept=self.app.history.saving), self._leave_if)

    def _leave_if(self, leave: bool | None) -> None:
        if leave:
            self.app.go_home()

    def palette_commands(self):
        """This screen's entries in the command palette, for the mode it is in."""
        if self.mode == RESPONDING:
            yield SystemCommand("Show the hint", "The scenario's hint for this statement", self.action_hint)
            yield SystemCommand("Skip this statement", "Move on without responding", self.action_skip)
            if self.query_one(ClientContext).can_fold:
                yield SystemCommand(
                    "Open or fold the background", "Who the client is, above the conversation", self.action_background
                )
        else:
            yield SystemCommand("Try again", "Respond to the same statement again", self.action_try_again)
            yield SystemCommand(
                "Show the other model answers", "Every model answer for this statement", self.action_other_answers
            )
        yield SystemCommand(
            f"Leave this {'drill' if self.session.is_drill else 'scenario'}",
            "Back to the home screen",
            self.action_leave,
        )
