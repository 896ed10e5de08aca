"""The one-minute pause: which exercise comes next, its window, its cues and its record."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, Signal

from stressbreak.app.choices import Choices
from stressbreak.app.ports import Cues
from stressbreak.app.records import Records
from stressbreak.app.windows import WindowSlot
from stressbreak.core.breathing import (
    DEFAULT_PATTERN,
    PATTERNS,
    Pattern,
    Phase,
    choose_pattern,
    plan_pause,
)
from stressbreak.core.clock import Clock
from stressbreak.core.exercises import BREATHING, Exercise, choose_exercise
from stressbreak.core.model import PauseOutcome, PauseRecord
from stressbreak.core.profiles import tips_for
from stressbreak.core.settings import Settings, motion_is_reduced
from stressbreak.core.timeutil import add_real

if TYPE_CHECKING:
    from stressbreak.app.heart import Heart
    from stressbreak.ui.pause_window import PauseWindow

TAKEN = (PauseOutcome.COMPLETED, PauseOutcome.ENDED_EARLY)


class Pauses(QObject):
    """Starts pauses and records how they ended. It knows nothing of reminders: those follow
    its signals."""

    starting = Signal()  # a pause is about to open: whatever reminded of it is answered
    started = Signal()
    finished = Signal(bool)  # completed; emitted once the pause is recorded
    # The pause's window has gone (after a completed pause it stays a moment): completed,
    # and where it was, so what follows can open there.
    window_closed = Signal(bool, QRect)

    def __init__(
        self,
        *,
        clock: Clock,
        settings: Callable[[], Settings],
        choices: Choices,
        records: Records,
        cues: Cues,
        platform_reduces_motion: Callable[[], bool | None],
        heart: Heart | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._settings = settings
        self._choices = choices
        self._records = records
        self._cues = cues
        # Asked as each pause opens, and only while reduced_motion follows the system.
        self._platform_reduces_motion = platform_reduces_motion
        self._heart = heart  # a heart-rate source's beats in the pause, when there is one
        # A fixed length instead of the setting's (tests and the benchmarks use a short one).
        self.duration_override_s: float | None = None
        # How long a finished pause's window stays (None: the window's own choice).
        self.closing_s: float | None = None
        self._slot: WindowSlot[PauseWindow] = WindowSlot(self)
        self._closing: PauseWindow | None = None  # breathing over, window still on screen
        self._tip_index = 0
        self._started_at: datetime | None = None
        self._recorded_as = DEFAULT_PATTERN  # what the running pause records
        self._breathed_per_min: float | None = None  # the running pause's breathing pace
        self._last_pattern: str | None = None  # for the rotation through breathing patterns
        self._last_exercise: str | None = None  # for the rotation through exercises

    @property
    def window(self) -> PauseWindow | None:
        """The pause under way (None once its breathing is over)."""
        return self._slot.window

    @property
    def closing_window(self) -> PauseWindow | None:
        """A pause's window that stays a moment after its breathing, with Done."""
        return self._closing

    def length_s(self) -> float:
        """How long a pause lasts (a natural pause must be this long too)."""
        if self.duration_override_s is not None:
            return self.duration_override_s
        return self._settings().pause_length_min * 60.0

    def next_exercise(self, asked: str | None = None) -> tuple[str, Exercise, Pattern]:
        """What the next pause does, and the id its record carries: the breathing pattern's
        id for breathing (so the rotation of patterns can go on), else the exercise's.
        `asked`: this exercise instead of the `exercise` setting's choice."""
        settings, prefs = self._settings(), self._choices.prefs
        exercise = choose_exercise(asked or settings.exercise, prefs.favourites, prefs.hidden,
                                   self._last_exercise)
        pattern = choose_pattern(settings.breathing_pattern, self._last_pattern)
        return (pattern.id if exercise.id == BREATHING else exercise.id), exercise, pattern

    def remember(self, recorded_as: str) -> None:
        """A pause of this kind was taken: the rotation goes on after it."""
        if recorded_as in PATTERNS:
            self._last_pattern = recorded_as
            self._last_exercise = BREATHING
        else:
            self._last_exercise = recorded_as

    def start(self, exercise_id: str | None = None) -> None:
        """Open the pause, or bring the running one forward. `exercise_id`: this exercise
        (the evening minute asks for the wind-down), whatever the `exercise` setting says."""
        def make() -> PauseWindow:
            return self._make_window(exercise_id)

        if self.window is not None:
            self._slot.open(make)
            return
        # A new pause replaces the last one's closing moment; what would have followed that
        # one (the stress meter) waits for the end of this one instead.
        self._close_quietly()
        self.starting.emit()
        self._slot.open(make, show=self._begin)
        self.started.emit()

    def end_early(self) -> None:
        """StressBreak quits: a running pause is recorded as ended early, and a finished
        one's window closes without anything following it."""
        if self.window is not None:
            self.window.end_early()
        self._close_quietly()

    def _close_quietly(self) -> None:
        closing, self._closing = self._closing, None
        if closing is not None:
            closing.closed.disconnect(self._on_window_closed)
            closing.close()

    def _make_window(self, exercise_id: str | None) -> PauseWindow:
        from stressbreak.ui.pause_window import PauseWindow  # noqa: PLC0415

        settings, prefs = self._settings(), self._choices.prefs
        recorded_as, exercise, pattern = self.next_exercise(exercise_id)
        duration_s = self.duration_override_s
        if duration_s is None:
            wished_s = settings.pause_length_min * 60.0
            # Breathing ends on a whole out-breath; prompts simply share the time.
            duration_s = wished_s if exercise.steps else plan_pause(pattern, wished_s).duration_s
        reduced = motion_is_reduced(settings.reduced_motion, self._platform_reduces_motion)
        window = PauseWindow(
            pattern, duration_s, reduced_motion=reduced,
            exercise=exercise, values=prefs.values,
            favourite=exercise.id in prefs.favourites,
            tip=tips_for(prefs.profile_scores, self._tip_index),
            closing_s=self.closing_s,
            heart=self._heart is not None and self._heart.prepare(),
        )
        self._tip_index += 1
        window.finished.connect(self._on_finished)
        window.closed.connect(self._on_window_closed)
        window.cue.connect(self._on_cue)
        window.favourite_toggled.connect(
            lambda eid: self._choices.save(self._choices.prefs.toggle_favourite(eid)))
        window.hide_requested.connect(
            lambda eid: self._choices.save(self._choices.prefs.hide(eid)))
        self._recorded_as = recorded_as
        # What the heart's wave is compared with: the pace of the breath (none for prompts).
        self._breathed_per_min = None if exercise.steps else 60 / pattern.cycle_s
        return window

    def _begin(self, window: PauseWindow) -> None:
        self._started_at = self._clock.now()
        window.start()
        if self._heart is not None:
            self._heart.begin(window, self._breathed_per_min)

    def _on_cue(self, kind: str, words: str) -> None:
        if kind in (Phase.IN, Phase.OUT):
            self._cues.chime(rising=kind == Phase.IN)
        self._cues.say(words)

    def _on_finished(self, completed: bool, elapsed_s: float) -> None:
        started = self._started_at or self._clock.now()
        # The pause is over now (its record ends here), though a completed one's window
        # stays a moment longer: it is the closing window until it goes.
        if completed:
            self._closing = self._slot.window
        self._slot.forget()
        heart = None if self._heart is None else self._heart.finish(completed)
        self._started_at = None
        outcome = PauseOutcome.COMPLETED if completed else PauseOutcome.ENDED_EARLY
        self._records.add(PauseRecord(started_at=started,
                                      ended_at=add_real(started, timedelta(seconds=elapsed_s)),
                                      outcome=outcome, exercise=self._recorded_as,
                                      heart=heart))
        self.remember(self._recorded_as)
        self.finished.emit(completed)

    def _on_window_closed(self, completed: bool, place: QRect) -> None:
        self._closing = None
        self.window_closed.emit(completed, place)
