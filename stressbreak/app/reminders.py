"""When to remind, and the reminder itself: the schedule's state, the gate a due reminder
passes (calls, full screen, time away), the reminder window, quiet times and the tooltip.

The evening wind-down minute (off unless the user asks for it) comes the same way as a pause
reminder, through the same gate and window, once an evening; clicked, it starts the pause with
the wind-down exercise.

With a shared folder (issue 18) the rhythm follows the person, not the computer:
`records_from_elsewhere` takes the records other computers made, as the shared folder
delivers them, and lets them move this computer's schedule as if they had happened here:

- a pause taken (completed or ended early) or natural that ended after this computer's
  interval anchor moves the anchor to its end, so the next reminder here counts from it; a
  reminder waiting at the gate or on screen for a pause is withdrawn quietly (nothing recorded:
  the person did not let it pass, they had the pause);
- a stress meter answered there counts as the last one here (no scheduled one right after it;
  the follow-up pause after a tense one is that computer's to offer);
- this evening's wind-down minute offered there (taken or not) has come for this evening
  here too, and its reminder here is withdrawn;
- a skipped or missed reminder elsewhere, and anything older than what this computer knows,
  changes nothing. A time from a computer whose clock runs ahead counts as now.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from shiboken6 import isValid

from stressbreak.app.checkins import CheckIns
from stressbreak.app.gate import ReminderGate
from stressbreak.app.pauses import TAKEN, Pauses
from stressbreak.app.ports import Notifier, Scheduler, Tray
from stressbreak.app.records import Records
from stressbreak.core.clock import Clock
from stressbreak.core.exercises import WIND_DOWN
from stressbreak.core.model import CheckIn, PauseOutcome, PauseRecord, Record
from stressbreak.core.presence import NaturalPause, hold_label
from stressbreak.core.schedule import (
    ScheduleState,
    checkin_wanted,
    in_working_hours,
    next_checkin_at,
    next_pause_at,
    next_wind_down_at,
    wind_down_wanted,
)
from stressbreak.core.settings import Settings
from stressbreak.core.timeutil import add_real, at_local
from stressbreak.services.i18n import translate_message
from stressbreak.ui.tray import StatusText

if TYPE_CHECKING:
    from stressbreak.ui.reminder import ReminderWindow


class Reminders(QObject):
    def __init__(
        self,
        *,
        clock: Clock,
        settings: Callable[[], Settings],
        scheduler: Scheduler,
        tray: Tray,
        notifier: Notifier,
        gate: ReminderGate,
        pauses: Pauses,
        checkins: CheckIns,
        records: Records,
        here: Callable[[], str | None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # This computer's id in the shared folder (None: nothing shared): which of the
        # journal's records are this computer's own.
        self._here = here
        self._clock = clock
        self._settings = settings
        self._scheduler = scheduler
        self._tray = tray
        self._notifier = notifier
        self.gate = gate
        self._pauses = pauses
        self._checkins = checkins
        self._records = records
        self.state = ScheduleState(anchor=clock.now())
        self.window: ReminderWindow | None = None
        # The evening minute's slot while it waits at the gate or its reminder shows (the
        # gate holds one due reminder: this says that it is the evening one).
        self._evening: datetime | None = None
        # The pause on screen, or the last one, is the evening minute (no stress meter after it).
        self.evening_pause = False
        self._in_session = False  # *Find my breathing pace* is breathing (session_breathing)
        self._status = StatusText(self)
        gate.open.connect(self._open_reminder)
        gate.natural_pause.connect(self._on_natural_pause)
        gate.holds_changed.connect(self.reschedule)
        gate.call_ended.connect(self._on_call_ended)
        scheduler.pause_due.connect(self._on_pause_due)
        scheduler.checkin_due.connect(self._on_checkin_due)
        scheduler.wind_down_due.connect(self._on_wind_down_due)
        scheduler.clock_changed.connect(self._on_clock_changed)
        pauses.starting.connect(self._on_pause_starting)
        pauses.started.connect(self.reschedule)
        pauses.finished.connect(self._on_pause_finished)
        checkins.saved.connect(self._on_checked_in)

    def start(self) -> None:
        self.state = self._state_from_today()
        self._scheduler.start()
        self.gate.start()
        self.reschedule()

    def stop(self) -> None:
        if self.window is not None:
            self.window.dismiss()
        self._scheduler.stop()
        self.gate.stop()
        self._evening = None

    def _state_from_today(self) -> ScheduleState:
        """Carry today over a restart: the interval counts from today's last pause or
        reminder, and a stress meter just answered is not asked again at once.

        "Today" reaches back two intervals before midnight for whoever works past it (a
        pause at 23:45 still counts at 00:30): enough for the pause that decides the next
        one (an interval ago, or just overdue), as it would at any other hour."""
        now = self._clock.now()
        midnight = at_local(now.date(), time(0), now.tzinfo)
        since = min(midnight,
                    add_real(now, -2 * timedelta(minutes=self._settings().interval_min)))
        found = self._records.between(since, now + timedelta(seconds=1))
        # Today's records of other computers (a shared folder's) count as they did when
        # they arrived: a reminder let pass there does not move the rhythm here.
        # Asked only when a record says where it was made (reading the id costs a file).
        here = self._here() if any(r.computer is not None for r in found) else None
        records = [r for r in found if r.computer is None or r.computer == here]
        elsewhere = [r for r in found if r.computer is not None and r.computer != here]
        pauses = [r for r in records if isinstance(r, PauseRecord)]
        ends = [r.ended_at for r in pauses]
        for pause in pauses:  # oldest first, so the latest of each kind is kept
            if pause.outcome in TAKEN:
                self._pauses.remember(pause.exercise)
        checkins = [r.at for r in records if isinstance(r, CheckIn)]
        # Yesterday's evening minute is not tonight's.
        evening = any(pause.exercise == WIND_DOWN and pause.started_at >= midnight
                      for pause in pauses)
        state = ScheduleState(
            anchor=max(ends) if ends else now,
            last_checkin=max(checkins) if checkins else None,
            wind_down_day=now.date() if evening else None,
        )
        return self._with_elsewhere(state, elsewhere)[0]

    # -- the schedule ---------------------------------------------------------------------

    def reschedule(self) -> None:
        now = self._clock.now()
        settings = self._settings()
        in_pause = self._pauses.window is not None or self._in_session
        busy = self.window is not None or in_pause or self.gate.waiting
        upcoming = next_pause_at(settings, self.state, now)
        self._scheduler.set_pause_at(None if busy else upcoming)
        after = max(now, self.state.quiet_until) if self.state.quiet_until else now
        self._scheduler.set_checkin_at(next_checkin_at(settings, after))
        self._scheduler.set_wind_down_at(
            None if self._evening is not None else next_wind_down_at(settings, self.state, now))
        text = self._status.describe(now, upcoming, self.state.quiet_until, in_pause,
                                     due_since=self.gate.due_since)
        holding = self.holding_reasons()
        if holding:
            text += "\n" + self.tr("A reminder waits because of {reasons}.").format(
                reasons="; ".join(holding))
        self._tray.set_status(text, quiet=self.state.is_quiet(now))

    def holding_reasons(self) -> list[str]:
        """What keeps a due reminder back right now, in words (empty when nothing does)."""
        reasons = []
        for hold in self.gate.holds:
            text = translate_message(hold_label(hold))
            detail = self.gate.details.get(hold)
            reasons.append(f"{text} — {detail}" if detail else text)
        return reasons

    def quiet_for(self, minutes: int) -> None:
        self.state = self.state.quiet_for(self._clock.now(), minutes)
        self._cancel_waiting()  # a reminder waiting for a call to end is not wanted now either
        self.reschedule()

    def quiet_until_tomorrow(self) -> None:
        self.state = self.state.quiet_until_tomorrow(self._clock.now())
        self._cancel_waiting()
        self.reschedule()

    def resume(self) -> None:
        self.state = self.state.resume()
        self.reschedule()

    def _may_remind(self, now: datetime) -> bool:
        return not self.state.is_quiet(now) and in_working_hours(self._settings(), now)

    def _on_pause_due(self, slot: object) -> None:
        del slot
        if self.window is not None or self._pauses.window is not None or self._in_session:
            return
        # A job that fires late (after sleep) may land outside working hours or in a quiet
        # period; the rules then simply give the next time.
        if self._may_remind(self._clock.now()):
            self.gate.reminder_due()  # it opens the reminder now, or when the moment is right
        self.reschedule()

    def _cancel_waiting(self) -> None:
        self.gate.cancel()
        self._evening = None

    def _open_reminder(self, after_call: bool) -> None:
        if self.window is not None or self._pauses.window is not None or self._in_session:
            return
        if self._evening is not None:
            self._open_evening_reminder(self._evening, after_call)
            return
        if not self._may_remind(self._clock.now()):
            self.reschedule()  # the wait ran into a quiet time or the end of the day
            return
        self.show(after_call=after_call)

    def _on_call_ended(self) -> None:
        """Right after a call is when stress tends to peak: offer a pause, once, if the
        schedule allows one now (working hours, not quiet, nothing else on screen)."""
        if (self.window is not None or self._pauses.window is not None or self.gate.waiting
                or self._in_session or not self._may_remind(self._clock.now())):
            return
        self.show(after_call=True)

    def _on_natural_pause(self, natural: NaturalPause) -> None:
        """Away from the desk for a pause's length: recorded, and the interval starts again."""
        self._evening = None  # away from the desk: the evening minute lets this evening pass
        zone = self._clock.now().tzinfo
        self._records.add(PauseRecord(natural.started_at.astimezone(zone),
                                      natural.ended_at.astimezone(zone),
                                      PauseOutcome.NATURAL, exercise="away"))
        self.state = self.state.restart_interval(natural.ended_at)
        self.reschedule()

    def records_from_elsewhere(self, records: Sequence[Record]) -> None:
        """Records other computers made: they move this computer's schedule as if they had
        happened here (the rules are in the module's docstring)."""
        state, paused, evening_came = self._with_elsewhere(self.state, records)
        if state == self.state:
            return
        self.state = state
        evening = self._evening is not None
        if (paused and not evening) or (evening_came and evening):
            self._withdraw()
        self.reschedule()

    def _with_elsewhere(self, state: ScheduleState,
                        records: Sequence[Record]) -> tuple[ScheduleState, bool, bool]:
        """`state` moved by other computers' records, whether a pause among them moved it,
        and whether the evening minute came there."""
        now = self._clock.now()
        paused = evening_came = False
        pauses = sorted((r for r in records if isinstance(r, PauseRecord)),
                        key=lambda r: r.ended_at.astimezone(UTC))
        for pause in pauses:
            ended = min(pause.ended_at.astimezone(UTC), now.astimezone(UTC)).astimezone(
                now.tzinfo)
            if pause.exercise == WIND_DOWN and ended.date() == now.date():
                state = state.wind_down_came(now.date())
                evening_came = True
            had_pause = pause.outcome in TAKEN or pause.outcome is PauseOutcome.NATURAL
            if had_pause and ended.astimezone(UTC) > state.anchor.astimezone(UTC):
                state = state.restart_interval(ended)
                paused = True
                if pause.outcome in TAKEN:
                    self._pauses.remember(pause.exercise)
        for checkin in (r for r in records if isinstance(r, CheckIn)):
            answered = min(checkin.at.astimezone(UTC), now.astimezone(UTC)).astimezone(
                now.tzinfo)
            last = state.last_checkin
            if last is None or answered.astimezone(UTC) > last.astimezone(UTC):
                state = replace(state, last_checkin=answered)
        return state, paused, evening_came

    def _withdraw(self) -> None:
        """The reminder waiting or on screen is answered elsewhere: gone, nothing recorded."""
        self._cancel_waiting()
        if self.window is not None:
            window, self.window = self.window, None
            window.dismiss()

    def _on_clock_changed(self) -> None:
        """The clock jumped (set by hand, or the laptop woke): every time computed before may
        be off by the jump. A stress meter whose time the jump passed is offered now, once,
        as a reminder would be (the same day only, see checkin_wanted); so is an evening minute
        whose time it passed (see wind_down_wanted); the rest are not."""
        # Both still the ones from before the jump: read before either reschedules.
        missed = self._scheduler.next_checkin_at()
        evening = self._scheduler.next_wind_down_at()
        now = self._clock.now().astimezone(UTC)
        if evening is not None and evening.astimezone(UTC) <= now:
            self._on_wind_down_due(evening)  # it reschedules
        # The evening minute offered ends the day: no stress meter from earlier beside it.
        if missed is not None and missed.astimezone(UTC) <= now and self._evening is None:
            self._on_checkin_due(missed)  # it reschedules
            return
        self.reschedule()

    def _on_checkin_due(self, slot: object) -> None:
        assert isinstance(slot, datetime)
        if checkin_wanted(self.state, slot, self._clock.now()) and self._pauses.window is None:
            self._checkins.ask_as_scheduled()
        self.reschedule()

    def _on_wind_down_due(self, slot: object) -> None:
        """The evening minute's time came: offered once, through the gate like a reminder
        (so a call or full-screen film holds it), unless something else is on screen or
        waits already. Either way this evening's minute has come."""
        assert isinstance(slot, datetime)
        now = self._clock.now()
        wanted = wind_down_wanted(self.state, slot, now)
        self.state = self.state.wind_down_came(slot.astimezone(now.tzinfo).date())
        busy = (self.window is not None or self._pauses.window is not None
                or self.gate.waiting or self._evening is not None)
        if wanted and not busy:
            self._evening = slot
            self.gate.reminder_due()  # opens the reminder now, or when the moment is right
        self.reschedule()

    def _open_evening_reminder(self, slot: datetime, after_call: bool) -> None:
        # A gate that held it past midnight, or into a quiet time, lets it pass.
        now = self._clock.now()
        if now.date() != slot.astimezone(now.tzinfo).date() or self.state.is_quiet(now):
            self._evening = None
            self.reschedule()
            return
        self.show(after_call=after_call, evening=True)

    def _on_checked_in(self, at: datetime, tension: int | None) -> None:
        self.state = self.state.checked_in(at, tension, self._settings())
        self.reschedule()

    # -- the reminder ---------------------------------------------------------------------

    def show(self, after_call: bool = False, *, evening: bool = False) -> None:
        """The reminder window; `evening`: the evening minute's (the wind-down)."""
        from stressbreak.ui.reminder import ReminderWindow  # noqa: PLC0415

        shown_at = self._clock.now()
        settings = self._settings()
        reminder = ReminderWindow(settings.reminder_timeout_s, settings.snooze_min,
                                  followup=not evening and self.state.is_followup_due(shown_at),
                                  after_call=after_call, wind_down=evening)
        reminder.destroyed.connect(self._on_destroyed)
        if evening:
            reminder.start_requested.connect(self._on_start_evening)
            reminder.snooze_requested.connect(self._on_snooze_evening)
            declined_exercise: str | None = WIND_DOWN
        else:
            reminder.start_requested.connect(self._on_start)
            reminder.snooze_requested.connect(self._on_snooze)
            declined_exercise = None  # what the next pause would have been, when declined
        reminder.skip_requested.connect(
            lambda: self._on_declined(shown_at, PauseOutcome.SKIPPED, declined_exercise))
        reminder.timed_out.connect(
            lambda: self._on_declined(shown_at, PauseOutcome.MISSED, declined_exercise))
        self.window = reminder
        reminder.show_near(self._tray.geometry() if self._tray.is_visible() else None)
        if evening:
            self._notifier.notify(self.tr("An evening minute to wind down"),
                                  self.tr("Click the StressBreak reminder to let the day go."))
        else:
            self._notifier.notify(self.tr("Time for a one-minute pause"),
                                  self.tr("Click the StressBreak reminder to breathe along."))
        self.reschedule()

    def _on_destroyed(self) -> None:
        # Every way out of a reminder is handled by its signals; this only makes sure no
        # deleted window is ever taken for one still on screen.
        if self.window is not None and not isValid(self.window):
            self.window = None
            self._evening = None
            self.reschedule()

    def _on_start(self) -> None:
        self.window = None
        self._pauses.start()

    def _on_start_evening(self) -> None:
        self.window = None
        self._pauses.start(WIND_DOWN)  # its `starting` clears what waited
        self.evening_pause = self._pauses.window is not None

    def _on_snooze(self) -> None:
        self.window = None
        self.state = self.state.snooze(self._clock.now(), self._settings())
        self.reschedule()

    def _on_snooze_evening(self) -> None:
        self.window = None
        self._evening = None
        self.state = self.state.snooze_wind_down(self._clock.now(), self._settings())
        self.reschedule()

    def _on_declined(
        self, shown_at: datetime, outcome: PauseOutcome, exercise: str | None
    ) -> None:
        self.window = None
        self._evening = None
        now = self._clock.now()
        if exercise is None:
            exercise = self._pauses.next_exercise()[0]
        self._records.add(PauseRecord(started_at=shown_at, ended_at=now, outcome=outcome,
                                      exercise=exercise))
        if exercise != WIND_DOWN:  # the evening minute declined leaves the day's rhythm be
            self.state = self.state.restart_interval(now)
        self.reschedule()

    def _on_pause_starting(self) -> None:
        # A pause taken by hand answers a reminder that waited, the evening's one too.
        self._cancel_waiting()
        self.evening_pause = False
        if self.window is not None:
            self.window.dismiss()
            self.window = None

    def _on_pause_finished(self, completed: bool) -> None:
        del completed
        self.state = self.state.restart_interval(self._clock.now())
        self.reschedule()

    def session_breathing(self, breathing: bool) -> None:
        """*Find my breathing pace* breathes for ten minutes: no reminder meanwhile (one on
        screen or waiting is answered by it), and the interval counts from its end, as after
        a pause."""
        self._in_session = breathing
        if breathing:
            self._on_pause_starting()
            self.reschedule()
        else:
            self._on_pause_finished(True)
