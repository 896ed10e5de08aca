"""What StressBreak does: when a reminder is due, a pause ends, a stress meter is saved.

Every collaborator is passed in (see `app.run`, which builds them). Windows are imported when
first opened, so start-up only pays for what the tray needs.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from stressbreak.core.breathing import (
    DEFAULT_PATTERN,
    PATTERNS,
    Pattern,
    Phase,
    choose_pattern,
    plan_pause,
)
from stressbreak.core.clock import Clock
from stressbreak.core.commands import COMMANDS, Reply, Request
from stressbreak.core.exercises import BREATHING, Exercise, choose_exercise
from stressbreak.core.messages import QT_TRANSLATE_NOOP, message_of
from stressbreak.core.model import CheckIn, CheckInOrigin, PauseOutcome, PauseRecord, Record
from stressbreak.core.prefs import Prefs
from stressbreak.core.presence import NaturalPause, hold_label
from stressbreak.core.profiles import tips_for
from stressbreak.core.schedule import (
    ScheduleState,
    checkin_wanted,
    in_working_hours,
    next_checkin_at,
    next_pause_at,
)
from stressbreak.core.settings import Settings, motion_is_reduced
from stressbreak.core.timeutil import add_real, at_local
from stressbreak.gate import ReminderGate
from stressbreak.services.autostart import Autostart
from stressbreak.services.files import write_atomic
from stressbreak.services.i18n import translate_message
from stressbreak.services.idle import IdleProbe
from stressbreak.services.journal import Journal, JournalError
from stressbreak.services.notify import Notifier
from stressbreak.services.prefs_store import PrefsStore
from stressbreak.services.presence import Backends
from stressbreak.services.scheduler import Scheduler
from stressbreak.services.settings_store import SettingsStore
from stressbreak.ui.tray import StatusText, Tray

if TYPE_CHECKING:
    from stressbreak.services.cues import Cues
    from stressbreak.services.idle import IdleProbe
    from stressbreak.services.presence import Backends
    from stressbreak.ui.checkin import Answers, CheckInDialog
    from stressbreak.ui.data_dialogs import ExportChoice
    from stressbreak.ui.overview import OverviewWindow, WeekView
    from stressbreak.ui.pause_window import PauseWindow
    from stressbreak.ui.profile_dialog import ProfileDialog
    from stressbreak.ui.reminder import ReminderWindow
    from stressbreak.ui.settings_dialog import SettingsDialog
    from stressbreak.ui.values_dialog import ValuesDialog

log = logging.getLogger(__name__)

_TRAY_WAIT_TRIES = 30  # at login the panel may come late: look every 2 s for a minute
_TRAY_WAIT_MS = 2000
_TAKEN = (PauseOutcome.COMPLETED, PauseOutcome.ENDED_EARLY)
TREND_WEEKS = 4  # the overview's trend: this week and the three before it
_TRIGGER_HISTORY = timedelta(days=92)  # suggestions come from about the last three months


class Controller(QObject):
    """What StressBreak does; every collaborator is passed in."""

    quit_requested = Signal()

    def __init__(
        self,
        *,
        clock: Clock,
        tz: tzinfo,
        settings_store: SettingsStore,
        journal: Journal,
        prefs_store: PrefsStore,
        scheduler: Scheduler,
        notifier: Notifier,
        cues: Cues,
        tray: Tray,
        pause_duration_s: float | None = None,
        idle: IdleProbe | None = None,
        presence: Backends | None = None,
        detect_sources: Callable[[], tuple[IdleProbe, Backends]] | None = None,
        autostart: Autostart | None = None,
        autostart_command: Sequence[str] = (),
        platform_reduces_motion: Callable[[], bool | None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._tz = tz
        self._settings_store = settings_store
        self._journal = journal
        self._prefs_store = prefs_store
        self.prefs = Prefs()
        self._scheduler = scheduler
        self._notifier = notifier
        self._cues = cues
        self.tray = tray
        self._pause_duration_override = pause_duration_s
        self._autostart = autostart
        self._autostart_command = list(autostart_command)
        # Asked as each pause opens, and only while reduced_motion follows the system.
        self._platform_reduces_motion = platform_reduces_motion or _no_motion_preference
        self._gate = ReminderGate(clock, lambda: self.settings, self._pause_seconds,
                                  idle=idle, presence=presence, detect=detect_sources,
                                  parent=self)
        self._gate.open.connect(self._open_reminder)
        self._gate.natural_pause.connect(self._on_natural_pause)
        self._gate.holds_changed.connect(self.reschedule)
        self._gate.call_ended.connect(self._on_call_ended)
        self.settings = Settings()
        self.state = ScheduleState(anchor=clock.now())
        self._status = StatusText(self)
        self.problems: list[str] = []  # told this session; `status` repeats them
        self._untold: list[str] = []  # waiting for a tray to show them
        self.reminder: ReminderWindow | None = None
        self.pause_window: PauseWindow | None = None
        self.checkin: CheckInDialog | None = None
        self.overview: OverviewWindow | None = None
        self.values_dialog: ValuesDialog | None = None
        self.profile_dialog: ProfileDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self._tip_index = 0
        self._pause_started_at: datetime | None = None
        self._pause_exercise = DEFAULT_PATTERN  # what the running pause records
        self._last_pattern: str | None = None  # for the rotation through breathing patterns
        self._last_exercise: str | None = None  # for the rotation through exercises
        self._tray_tries = 0

        self._connect(tray, scheduler)

    def _connect(self, tray: Tray, scheduler: Scheduler) -> None:
        tray.pause_requested.connect(self.start_pause)
        tray.checkin_requested.connect(lambda: self.open_checkin(CheckInOrigin.MANUAL, True))
        tray.overview_requested.connect(self.open_overview)
        tray.quiet_requested.connect(self.quiet_for)
        tray.quiet_until_tomorrow_requested.connect(self.quiet_until_tomorrow)
        tray.resume_requested.connect(self.resume)
        tray.values_requested.connect(self.open_values)
        tray.profile_requested.connect(self.open_profile)
        tray.settings_requested.connect(self.open_settings)
        tray.unhide_requested.connect(lambda: self._save_prefs(self.prefs.unhide_all()))
        tray.quit_requested.connect(self.quit_requested.emit)
        scheduler.pause_due.connect(self._on_pause_due)
        scheduler.checkin_due.connect(self._on_checkin_due)
        # After a clock jump every time computed before may be off by the jump.
        scheduler.clock_changed.connect(self.reschedule)

    # -- life cycle -----------------------------------------------------------------------

    def start(self) -> None:
        self._show_tray()
        self.settings = self._settings_store.load()
        self._show_tray_icon()
        self._notifier.enabled = self.settings.native_notifications
        self._cues.configure(self.settings.sound_cues, self.settings.spoken_cues)
        try:
            self._journal.start()
        except JournalError as exc:
            # Said in the tray, not only in a log nobody reads; reminders and pauses go on.
            self.tell(message_of(exc))
        self.prefs = self._prefs_store.load()
        self.tray.set_hidden_exercises(len(self.prefs.hidden))
        self.state = self._state_from_today()
        self._scheduler.start()
        self._gate.start()
        self.reschedule()

    def stop(self) -> None:
        if self.pause_window is not None:
            self.pause_window.end_early()  # recorded as ended early
        if self.reminder is not None:
            self.reminder.dismiss()
        self._scheduler.stop()
        self._gate.stop()
        self._journal.stop()
        self.tray.hide()

    def _show_tray(self) -> None:
        if Tray.available():
            self.tray.show()
            if self._untold:
                self.tray.tell(self.tr("StressBreak"), "\n".join(self._untold))
                self._untold.clear()
            return
        self._tray_tries += 1
        if self._tray_tries == 1:
            log.info("no system tray yet; waiting for one to appear")
        if self._tray_tries <= _TRAY_WAIT_TRIES:
            QTimer.singleShot(_TRAY_WAIT_MS, self._show_tray)
        else:
            log.warning(
                "no system tray found; StressBreak keeps running. Use `stressbreak pause`, "
                "`stressbreak checkin`, `stressbreak overview` or `stressbreak quit`."
            )

    def _state_from_today(self) -> ScheduleState:
        """Carry today over a restart: the interval counts from today's last pause or
        reminder, and a stress meter just answered is not asked again at once."""
        now = self._clock.now()
        midnight = at_local(now.date(), time(0), self._tz)
        try:
            records = self._journal.records_between(midnight, now + timedelta(seconds=1))
        except JournalError as exc:
            self.tell(message_of(exc))
            records = []
        pauses = [r for r in records if isinstance(r, PauseRecord)]
        ends = [r.ended_at for r in pauses]
        taken = [r.exercise for r in pauses if r.outcome in _TAKEN]
        for exercise in taken:  # oldest first, so the latest of each kind is kept
            self._remember_exercise(exercise)
        checkins = [r.at for r in records if isinstance(r, CheckIn)]
        return ScheduleState(
            anchor=max(ends) if ends else now,
            last_checkin=max(checkins) if checkins else None,
        )

    # -- schedule -------------------------------------------------------------------------

    def reschedule(self) -> None:
        now = self._clock.now()
        busy = (self.reminder is not None or self.pause_window is not None
                or self._gate.waiting)
        upcoming = next_pause_at(self.settings, self.state, now)
        self._scheduler.set_pause_at(None if busy else upcoming)
        after = max(now, self.state.quiet_until) if self.state.quiet_until else now
        self._scheduler.set_checkin_at(next_checkin_at(self.settings, after))
        text = self._status.describe(now, upcoming, self.state.quiet_until,
                                     self.pause_window is not None)
        holding = self.holding_reasons()
        if holding:
            text += "\n" + self.tr("A reminder waits because of {reasons}.").format(
                reasons="; ".join(holding))
        self.tray.set_status(text, quiet=self.state.is_quiet(now))

    def status_text(self) -> str:
        return "\n".join([self.tray.tooltip(), *self.problems])

    def _on_pause_due(self, slot: object) -> None:
        del slot
        now = self._clock.now()
        if self.reminder is not None or self.pause_window is not None:
            return
        # A job that fires late (after sleep) may land outside working hours or in a quiet
        # period; the rules then simply give the next time.
        if self.state.is_quiet(now) or not in_working_hours(self.settings, now):
            self.reschedule()
            return
        self._gate.reminder_due()  # it opens the reminder now, or when the moment is right
        self.reschedule()

    def _open_reminder(self, after_call: bool) -> None:
        now = self._clock.now()
        if self.reminder is not None or self.pause_window is not None:
            return
        if self.state.is_quiet(now) or not in_working_hours(self.settings, now):
            self.reschedule()  # the wait ran into a quiet time or the end of the day
            return
        self.show_reminder(after_call=after_call)

    def _on_call_ended(self) -> None:
        """Right after a call is when stress tends to peak: offer a pause, once, if the
        schedule allows one now (working hours, not quiet, nothing else on screen)."""
        now = self._clock.now()
        if (self.reminder is not None or self.pause_window is not None or self._gate.waiting
                or self.state.is_quiet(now) or not in_working_hours(self.settings, now)):
            return
        self.show_reminder(after_call=True)

    def _on_natural_pause(self, natural: NaturalPause) -> None:
        """Away from the desk for a pause's length: recorded, and the interval starts again."""
        self._record(PauseRecord(natural.started_at.astimezone(self._tz),
                                 natural.ended_at.astimezone(self._tz), PauseOutcome.NATURAL,
                                 exercise="away"))
        self.state = self.state.restart_interval(natural.ended_at)
        self.reschedule()

    def _show_tray_icon(self) -> None:
        from stressbreak.ui.icons import tray_icons  # noqa: PLC0415

        self.tray.set_icons(*tray_icons(self.settings.tray_icon, sys.platform))

    def _pause_seconds(self) -> float:
        if self._pause_duration_override is not None:
            return self._pause_duration_override
        return self.settings.pause_length_min * 60.0

    def holding_reasons(self) -> list[str]:
        """What keeps a due reminder back right now, in words (empty when nothing does)."""
        reasons = []
        for hold in self._gate.holds:
            text = translate_message(hold_label(hold))
            detail = self._gate.details.get(hold)
            reasons.append(f"{text} — {detail}" if detail else text)
        return reasons

    def _on_checkin_due(self, slot: object) -> None:
        assert isinstance(slot, datetime)
        now = self._clock.now()
        wanted = checkin_wanted(self.state, slot, now)
        if wanted and self.checkin is None and self.pause_window is None:
            self.open_checkin(CheckInOrigin.SCHEDULED, activate=False)
            self._notifier.notify(self.tr("Stress meter"),
                                  self.tr("Three short questions: how are you, really?"))
        self.reschedule()

    def quiet_for(self, minutes: int) -> None:
        self.state = self.state.quiet_for(self._clock.now(), minutes)
        self._gate.cancel()  # a reminder waiting for a call to end is not wanted now either
        self.reschedule()

    def quiet_until_tomorrow(self) -> None:
        self.state = self.state.quiet_until_tomorrow(self._clock.now())
        self._gate.cancel()
        self.reschedule()

    def resume(self) -> None:
        self.state = self.state.resume()
        self.reschedule()

    # -- reminder and pause ---------------------------------------------------------------

    def show_reminder(self, after_call: bool = False) -> None:
        from stressbreak.ui.reminder import ReminderWindow  # noqa: PLC0415

        shown_at = self._clock.now()
        reminder = ReminderWindow(self.settings.reminder_timeout_s, self.settings.snooze_min,
                                  followup=self.state.is_followup_due(shown_at),
                                  after_call=after_call)
        reminder.start_requested.connect(self._on_reminder_start)
        reminder.snooze_requested.connect(self._on_reminder_snooze)
        reminder.destroyed.connect(self._on_reminder_destroyed)
        reminder.skip_requested.connect(
            lambda: self._on_reminder_declined(shown_at, PauseOutcome.SKIPPED))
        reminder.timed_out.connect(
            lambda: self._on_reminder_declined(shown_at, PauseOutcome.MISSED))
        self.reminder = reminder
        reminder.show_near(self.tray.geometry() if self.tray.is_visible() else None)
        self._notifier.notify(self.tr("Time for a one-minute pause"),
                              self.tr("Click the StressBreak reminder to breathe along."))
        self.reschedule()

    def _on_reminder_destroyed(self) -> None:
        # Every way out of a reminder is handled by its signals; this only makes sure no
        # deleted window is ever taken for one still on screen.
        if self.reminder is not None and not isValid(self.reminder):
            self.reminder = None
            self.reschedule()

    def _on_reminder_start(self) -> None:
        self.reminder = None
        self.start_pause()

    def _on_reminder_snooze(self) -> None:
        self.reminder = None
        self.state = self.state.snooze(self._clock.now(), self.settings)
        self.reschedule()

    def _on_reminder_declined(self, shown_at: datetime, outcome: PauseOutcome) -> None:
        self.reminder = None
        now = self._clock.now()
        self._record(PauseRecord(started_at=shown_at, ended_at=now, outcome=outcome,
                                 exercise=self._next_exercise()[0]))
        self.state = self.state.restart_interval(now)
        self.reschedule()

    def _next_exercise(self) -> tuple[str, Exercise, Pattern]:
        """What the next pause does, and the id its record carries: the breathing pattern's
        id for breathing (so the rotation of patterns can go on), else the exercise's."""
        exercise = choose_exercise(self.settings.exercise, self.prefs.favourites,
                                   self.prefs.hidden, self._last_exercise)
        pattern = choose_pattern(self.settings.breathing_pattern, self._last_pattern)
        return (pattern.id if exercise.id == BREATHING else exercise.id), exercise, pattern

    def _remember_exercise(self, recorded_as: str) -> None:
        if recorded_as in PATTERNS:
            self._last_pattern = recorded_as
            self._last_exercise = BREATHING
        else:
            self._last_exercise = recorded_as

    def start_pause(self) -> None:
        if self.pause_window is not None:
            _bring_forward(self.pause_window)
            return
        self._gate.cancel()  # a pause taken by hand answers a reminder that waited
        if self.reminder is not None:
            self.reminder.dismiss()
            self.reminder = None
        from stressbreak.ui.pause_window import PauseWindow  # noqa: PLC0415

        recorded_as, exercise, pattern = self._next_exercise()
        duration_s = self._pause_duration_override
        if duration_s is None:
            wished_s = self.settings.pause_length_min * 60.0
            # Breathing ends on a whole out-breath; prompts simply share the time.
            duration_s = wished_s if exercise.steps else plan_pause(pattern, wished_s).duration_s
        reduced = motion_is_reduced(self.settings.reduced_motion, self._platform_reduces_motion)
        window = PauseWindow(
            pattern, duration_s, reduced_motion=reduced,
            exercise=exercise, values=self.prefs.values,
            favourite=exercise.id in self.prefs.favourites,
            tip=tips_for(self.prefs.profile_scores, self._tip_index),
        )
        self._tip_index += 1
        window.finished.connect(self._on_pause_finished)
        window.cue.connect(self._on_cue)
        window.favourite_toggled.connect(
            lambda eid: self._save_prefs(self.prefs.toggle_favourite(eid)))
        window.hide_requested.connect(lambda eid: self._save_prefs(self.prefs.hide(eid)))
        self._pause_exercise = recorded_as
        self.pause_window = window
        self._pause_started_at = self._clock.now()
        window.start()
        self.reschedule()

    def _on_cue(self, kind: str, words: str) -> None:
        if kind in (Phase.IN, Phase.OUT):
            self._cues.chime(rising=kind == Phase.IN)
        self._cues.say(words)

    def _on_pause_finished(self, completed: bool, elapsed_s: float) -> None:
        started = self._pause_started_at or self._clock.now()
        self.pause_window = None
        self._pause_started_at = None
        outcome = PauseOutcome.COMPLETED if completed else PauseOutcome.ENDED_EARLY
        self._record(PauseRecord(started_at=started,
                                 ended_at=add_real(started, timedelta(seconds=elapsed_s)),
                                 outcome=outcome, exercise=self._pause_exercise))
        self._remember_exercise(self._pause_exercise)
        self.state = self.state.restart_interval(self._clock.now())
        self.reschedule()
        if completed and self.settings.checkin_after_pause:
            self.open_checkin(CheckInOrigin.AFTER_PAUSE, activate=True)

    # -- stress meter and overview --------------------------------------------------------

    def open_checkin(self, origin: CheckInOrigin, activate: bool) -> None:
        if self.checkin is not None:
            if activate:
                _bring_forward(self.checkin)
            return
        from stressbreak.ui.checkin import CheckInDialog  # noqa: PLC0415

        dialog = CheckInDialog(self.prefs.values, self._trigger_suggestions())
        dialog.values_requested.connect(self.open_values)
        dialog.saved.connect(lambda answers: self._on_checkin_saved(origin, answers))
        dialog.finished.connect(self._on_checkin_closed)
        self.checkin = dialog
        dialog.open_for(activate)

    def _on_checkin_closed(self) -> None:
        self.checkin = None

    def _on_checkin_saved(self, origin: CheckInOrigin, answers: Answers) -> None:
        self.state = self.state.checked_in(self._clock.now(), answers.tension, self.settings)
        self.reschedule()
        if not self.prefs.profile_offered:
            # Offered once, right after the first stress meter: the user is already reflecting.
            self._save_prefs(self.prefs.offered_profile())
            QTimer.singleShot(0, self._offer_profile)
        self._record(
            CheckIn(
                at=self._clock.now(),
                origin=origin,
                breathing=answers.chips.get("breathing", ()),
                breathing_note=answers.notes.get("breathing", ""),
                body=answers.chips.get("body", ()),
                body_note=answers.notes.get("body", ""),
                need=answers.chips.get("need", ()),
                need_note=answers.notes.get("need", ""),
                tension=answers.tension,
                signals=answers.chips.get("signals", ()),
                trigger=answers.trigger,
                next_step=answers.next_step,
            )
        )

    def _offer_profile(self) -> None:
        from stressbreak.ui.profile_dialog import ProfileDialog  # noqa: PLC0415

        if ProfileDialog.offer():
            self.open_profile()

    def open_profile(self) -> None:
        if self.profile_dialog is not None:
            _bring_forward(self.profile_dialog)
            return
        from stressbreak.ui.profile_dialog import ProfileDialog  # noqa: PLC0415

        dialog = ProfileDialog(self.prefs.profile_scores or None)
        dialog.completed.connect(lambda scores: self._save_prefs(self.prefs.with_profile(scores)))
        dialog.finished.connect(self._on_profile_closed)
        self.profile_dialog = dialog
        _bring_forward(dialog)

    def _on_profile_closed(self) -> None:
        self.profile_dialog = None

    def _trigger_suggestions(self) -> list[str]:
        now = self._clock.now()
        try:
            records = self._journal.records_between(now - _TRIGGER_HISTORY, now)
        except JournalError:
            return []  # only suggestions: the stress meter works without them
        # Here, not at the top: the statistics are for the stress meter and the overview, and
        # the tray app sitting idle needs none of them.
        from stressbreak.core.stats import frequent_triggers  # noqa: PLC0415

        return frequent_triggers(r for r in records if isinstance(r, CheckIn))

    def open_settings(self) -> None:
        if self.settings_dialog is not None:
            _bring_forward(self.settings_dialog)
            return
        from stressbreak.ui.settings_dialog import SettingsDialog  # noqa: PLC0415

        shown = self.settings
        if self._autostart is not None:
            # The desktop's own startup settings may have switched it off meanwhile.
            with contextlib.suppress(OSError):
                shown = replace(shown, start_at_login=self._autostart.is_enabled())
        dialog = SettingsDialog(shown, self.unavailable_settings())
        from PySide6.QtCore import Qt  # noqa: PLC0415  (see services/scheduler.py, timerType)

        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.apply_settings)
        dialog.destroyed.connect(self._on_settings_closed)
        self.settings_dialog = dialog
        _bring_forward(dialog)

    def _on_settings_closed(self) -> None:
        self.settings_dialog = None

    def unavailable_settings(self) -> dict[str, str]:
        """Settings that cannot work on this desktop, each with the reason, translated."""
        self._gate.sources()  # found now if they were not yet
        reasons = _unavailable_reasons(self._gate.idle_probe, self._gate.presence)
        if self._autostart is None:
            reasons["start_at_login"] = self.tr("Starting at login isn't available on this system.")
        return {key: translate_message(text) for key, text in reasons.items()}

    def apply_settings(self, settings: Settings) -> None:
        """The settings window saved: keep, apply at once, and recompute the schedule."""
        before = self.settings
        try:
            self._settings_store.save(settings)
        except OSError as exc:
            self.tell(self.tr("Your settings could not be saved ({reason}); they apply until "
                              "StressBreak quits.").format(reason=exc.strerror or exc))
        self.settings = settings
        if settings.tray_icon != before.tray_icon:
            self._show_tray_icon()
        self._notifier.enabled = settings.native_notifications
        self._cues.configure(settings.sound_cues, settings.spoken_cues)
        if settings.start_at_login != before.start_at_login and self._autostart is not None:
            try:
                if settings.start_at_login:
                    self._autostart.enable(self._autostart_command)
                else:
                    self._autostart.disable()
            except OSError as exc:
                self.tell(self.tr("Start at login could not be changed ({reason}).").format(
                    reason=exc.strerror or exc))
        self._gate.settings_changed()
        self.reschedule()

    def open_values(self) -> None:
        if self.values_dialog is not None:
            _bring_forward(self.values_dialog)
            return
        from stressbreak.ui.values_dialog import ValuesDialog  # noqa: PLC0415

        # Above the stress meter when it asked for it (that one stays on top).
        dialog = ValuesDialog(self.prefs.values, parent=self.checkin)
        dialog.saved.connect(self._on_values_saved)
        dialog.finished.connect(self._on_values_closed)
        dialog.destroyed.connect(self._on_values_closed)  # also when the stress meter closes
        self.values_dialog = dialog
        _bring_forward(dialog)

    def _on_values_closed(self) -> None:
        self.values_dialog = None

    def _on_values_saved(self, values: list[str]) -> None:
        if self._save_prefs(self.prefs.with_values(values)) and self.checkin is not None:
            self.checkin.set_values(self.prefs.values)

    def _save_prefs(self, prefs: Prefs) -> bool:
        """Keep the new choices; on a disk error they still hold until StressBreak quits."""
        self.prefs = prefs
        self.tray.set_hidden_exercises(len(prefs.hidden))
        try:
            self._prefs_store.save(prefs)
        except OSError as exc:
            self.tell(self.tr("Your choices could not be saved ({reason}).").format(
                reason=exc.strerror or exc))
            return False
        return True

    def open_overview(self) -> None:
        if self.overview is not None:
            _bring_forward(self.overview)
            return
        from stressbreak.ui.overview import OverviewWindow  # noqa: PLC0415

        window = OverviewWindow(self.load_overview, self._today, self._tz)
        window.export_requested.connect(lambda choice: self.export_data(window, choice))
        window.import_requested.connect(lambda path: self.import_data(window, path))
        window.delete_all_requested.connect(lambda: self.delete_all_data(window))
        window.destroyed.connect(self._on_overview_closed)
        # The four weeks shown span at most two months; going back week by week reads the
        # month before them too.
        self._journal.keep_parsed_months(3)
        self.overview = window
        window.show_week(self._today())
        _bring_forward(window)

    def _on_overview_closed(self) -> None:
        self.overview = None
        self._journal.keep_parsed_months(0)  # the memory goes back when the window closes

    def _today(self) -> date:
        return self._clock.now().astimezone(self._tz).date()

    def load_overview(self, monday: date) -> WeekView:
        """The week of `monday` with its patterns and insights, and the four-week trend, from
        one read of the journal (four weeks are at most two monthly files)."""
        from stressbreak.core.stats import week_bounds  # noqa: PLC0415

        start, _ = week_bounds(monday - timedelta(weeks=TREND_WEEKS - 1), self._tz)
        _, end = week_bounds(monday, self._tz)
        try:
            records = self._journal.records_between(start, end)
        except JournalError as exc:
            self.tell(message_of(exc))
            records = []
        return build_week_view(records, monday, self._tz)

    def export_data(self, window: OverviewWindow, choice: ExportChoice) -> None:
        from stressbreak import __version__  # noqa: PLC0415
        from stressbreak.core.export import ExportFormat, export_bytes  # noqa: PLC0415

        start = at_local(choice.first, time(0), self._tz) if choice.first else None
        end = (at_local(choice.last + timedelta(days=1), time(0), self._tz)
               if choice.last else None)
        try:
            records = self._journal.all_records(start, end)
            # The same bytes as `stressbreak export` (CSV with a BOM, for spreadsheets).
            write_atomic(choice.path, export_bytes(
                records, ExportFormat(choice.format), exported_at=self._clock.now(),
                app_version=__version__))
        except JournalError as exc:
            window.show_status(translate_message(message_of(exc)))
            return
        except OSError as exc:
            window.show_status(self.tr("Nothing was exported: {file} could not be written "
                                       "({reason}).").format(
                file=choice.path, reason=exc.strerror or exc))
            return
        window.show_status(self.tr("Exported {count} entries to {file}.").format(
            count=len(records), file=choice.path))

    def import_data(self, window: OverviewWindow, path: Path) -> None:
        from stressbreak.core.export import ImportFileError, parse_import  # noqa: PLC0415

        try:
            result = parse_import(path.read_text(encoding="utf-8"))
            merged = self._journal.merge(result.records)
        except (ImportFileError, JournalError) as exc:
            window.show_status(translate_message(message_of(exc)))
            return
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else str(exc)
            window.show_status(self.tr("{file} could not be read ({reason}). Nothing was "
                                       "imported.").format(file=path, reason=reason or exc))
            return
        text = self.tr("Imported {added} new entries from {file}; {already} were already in "
                       "your journal.").format(added=merged.added, file=path,
                                               already=merged.already)
        if result.skipped:
            text += " " + self.tr("{skipped} entries could not be read and were left out "
                                  "(written by a newer StressBreak?).").format(
                skipped=result.skipped)
        window.refresh()
        window.show_status(text)

    def delete_all_data(self, window: OverviewWindow) -> None:
        """The journal files and what the user chose in the app; the settings stay."""
        try:
            self._journal.delete_all()
            self._prefs_store.delete_copies()
        except JournalError as exc:
            window.show_status(translate_message(message_of(exc)))
            return
        except OSError as exc:
            window.show_status(self.tr("Not everything could be deleted ({reason}).").format(
                reason=exc.strerror or exc))
            return
        deleted = self._save_prefs(Prefs())
        window.refresh()
        window.show_status(self.tr("All your data was deleted.") if deleted else self.tr(
            "Your journal was deleted. Your values and choices could not be reset; the "
            "message from the tray says why."))

    # -- journal and messages -------------------------------------------------------------

    def _record(self, record: Record) -> None:
        try:
            self._journal.append(record)
        except JournalError as exc:
            self.tell(message_of(exc))

    def tell(self, english: str) -> None:
        """A problem the user must hear about once: tray notice (now, or as soon as there is a
        tray), log (in English), and `status` — in the user's language where it is a Message."""
        log.warning("%s", english)
        message = translate_message(english)
        self.problems.append(message)
        if self.tray.is_visible():
            self.tray.tell(self.tr("StressBreak"), message)
        else:
            self._untold.append(message)

    # -- remote control -------------------------------------------------------------------

    def handle_command(self, request: Request) -> Reply:
        reply = COMMANDS[request.command].run(
            _CommandActions(self), request, lambda action: QTimer.singleShot(0, action))
        return replace(reply, message=translate_message(reply.message))

    def status_facts(self) -> dict[str, Any]:
        """What `stressbreak status --json` prints: times in ISO 8601 with their offset."""

        def iso(when: datetime | None) -> str | None:
            return None if when is None else when.astimezone(self._tz).isoformat()

        now = self._clock.now()
        quiet = self.state.quiet_until if self.state.is_quiet(now) else None
        return {
            "running": True,
            "now": iso(now),
            "next_pause": iso(self._scheduler.next_pause_at()),
            "next_checkin": iso(self._scheduler.next_checkin_at()),
            "quiet_until": iso(quiet),
            "pause_running": self.pause_window is not None,
            "holding": self.holding_reasons(),
            "problems": list(self.problems),
        }


def build_week_view(records: list[Record], monday: date, tz: tzinfo) -> WeekView:
    """What the overview shows for the week of `monday`, from the records of that week and
    the TREND_WEEKS - 1 weeks before it; insights in the user's language."""
    from stressbreak.core.stats import (  # noqa: PLC0415
        insights,
        summarise_week,
        week_patterns,
        week_trend,
    )
    from stressbreak.ui.overview import WeekView  # noqa: PLC0415

    mondays = [monday - timedelta(weeks=back) for back in range(TREND_WEEKS - 1, -1, -1)]
    weeks = [summarise_week(records, first, tz) for first in mondays]
    this_week, previous = weeks[-1], weeks[-2]
    return WeekView(
        summary=this_week,
        patterns=week_patterns(this_week, tz),
        insights=tuple(translate_message(m) for m in insights(this_week, previous, tz)),
        trend=tuple(week_trend(week) for week in weeks),
    )


class _CommandActions:
    def __init__(self, controller: Controller) -> None:
        self._c = controller

    def status_text(self) -> str:
        return self._c.status_text()

    def status_facts(self) -> dict[str, Any]:
        return self._c.status_facts()

    def look_again(self) -> None:
        self._c._gate.look()

    def quiet_for(self, minutes: int) -> datetime:
        self._c.quiet_for(minutes)
        until = self._c.state.quiet_until
        assert until is not None
        return until.astimezone(self._c._tz)

    def resume(self) -> None:
        self._c.resume()

    def start_pause(self) -> None:
        self._c.start_pause()

    def open_checkin(self) -> None:
        self._c.open_checkin(CheckInOrigin.MANUAL, True)

    def open_overview(self) -> None:
        self._c.open_overview()

    def open_settings(self) -> None:
        self._c.open_settings()

    def quit(self) -> None:
        self._c.quit_requested.emit()


def _no_motion_preference() -> bool | None:
    return None


def _unavailable_reasons(idle: IdleProbe | None, presence: Backends | None) -> dict[str, str]:
    """Settings that cannot work here (no source for what they need), each with the reason."""
    reasons: dict[str, str] = {}
    if idle is None or idle.source is None:
        why = idle.reason if idle is not None else QT_TRANSLATE_NOOP(
            "Controller", "Time away from the keyboard is not measured in this run.")
        reasons["natural_breaks"] = why
        reasons["gentle_timing"] = why
    if presence is None:
        why = QT_TRANSLATE_NOOP("Controller", "Not checked in this run.")
        return {**reasons, "dnd_fullscreen": why, "dnd_desktop": why, "meeting_aware": why}
    if presence.fullscreen is None:
        reasons["dnd_fullscreen"] = presence.reasons.get("fullscreen", "")
    if presence.desktop_dnd is None:
        reasons["dnd_desktop"] = presence.reasons.get("desktop-dnd", "")
    if presence.microphone is None and presence.camera is None:
        both = [presence.reasons.get(name, "").strip() for name in ("microphone", "camera")]
        # Two reasons, each said as a sentence of its own.
        reasons["meeting_aware"] = " ".join(
            reason if reason.endswith(".") else reason + "." for reason in both if reason)
    return reasons


def _bring_forward(window: QWidget) -> None:
    """Show a window the user asked for, in front, with the keyboard."""
    window.show()
    window.raise_()
    window.activateWindow()
