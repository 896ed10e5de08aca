"""*Find my breathing pace* (tray menu): the window, the heart-rate source, the analysis, and
the setting the user may keep.

The source comes from `source_factory`, asked each time Start is pressed (None: no strap is
set up); it is started then and stopped whenever the window goes, however it goes. Each
measurement's RR intervals are kept with the moment of the session they arrived at
(core/resonance.py's `Recording`); at the end the analysis suggests a pace, and "Use this
pace for my pauses" saves it as the breathing pattern. Nothing else is written, and closing
the window at any point changes nothing.

The heart's modules are imported only when the window opens: an app that never opens it
loads none of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from stressbreak.app.settings import AppSettings
from stressbreak.app.windows import WindowSlot
from stressbreak.core.breathing import paced_id
from stressbreak.core.settings import motion_is_reduced

if TYPE_CHECKING:
    from stressbreak.core.resonance import Recording
    from stressbreak.services.heart_source import HeartSource
    from stressbreak.ui.pace_finder import PaceFinderWindow


class PaceFinder(QObject):
    # The session's breathing began (True) or is over, however it ended (False): reminders
    # wait meanwhile, and the interval counts from its end, as after a pause.
    breathing = Signal(bool)

    def __init__(self, *, settings: AppSettings,
                 source_factory: Callable[[], HeartSource | None],
                 platform_reduces_motion: Callable[[], bool | None],
                 step_s: float | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._source_factory = source_factory
        self._platform_reduces_motion = platform_reduces_motion
        # Each pace's length; None: two minutes (core.resonance). Tests run it in seconds.
        self._step_s = step_s
        self._slot: WindowSlot[PaceFinderWindow] = WindowSlot(self)
        self._source: HeartSource | None = None
        self._recording: Recording | None = None  # while the breathing runs
        self._breathing = False  # between the breathing's start and its end (`breathing`)

    @property
    def window(self) -> PaceFinderWindow | None:
        return self._slot.window

    @property
    def source(self) -> HeartSource | None:
        """The source in use now (between Start and the window going)."""
        return self._source

    def open(self) -> None:
        self._slot.open(self._make_window)

    def stop(self) -> None:
        """StressBreak quits: the window closes, and with it the strap is let go."""
        window = self.window
        if window is not None:
            window.close()

    def _make_window(self) -> PaceFinderWindow:
        from stressbreak.core.resonance import session_plan  # noqa: PLC0415
        from stressbreak.ui.pace_finder import PaceFinderWindow  # noqa: PLC0415

        reduced = motion_is_reduced(self._settings.current.reduced_motion,
                                    self._platform_reduces_motion)
        plan = session_plan() if self._step_s is None else session_plan(self._step_s)
        window = PaceFinderWindow(plan, reduced_motion=reduced)
        window.start_requested.connect(self._start)
        window.breathing_done.connect(self._finish)
        window.use_requested.connect(self._use)
        window.closed.connect(self._on_closed)
        return window

    def _start(self) -> None:
        from stressbreak.core.heart import SensorState  # noqa: PLC0415

        window = self.window
        if window is None or self._source is not None:
            return
        source = self._source_factory()
        if source is None:
            window.show_no_sensor(None)
            return
        self._source = source
        source.measured.connect(self._on_measured)
        source.state_changed.connect(self._on_state)
        window.show_searching()
        source.start()
        if self._source is source and source.state is SensorState.RECEIVING:
            self._begin()

    def _begin(self) -> None:
        from stressbreak.core.resonance import Recording  # noqa: PLC0415

        window = self.window
        if self._recording is None and window is not None:
            self._recording = Recording(window.plan)
            self._breathing = True
            self.breathing.emit(True)
            window.begin()

    def _on_state(self, value: str) -> None:
        from stressbreak.core.heart import SensorState  # noqa: PLC0415

        window = self.window
        if window is None:
            return
        state = SensorState(value)
        # Before the breathing begins, these mean no strap will come: say so and stop.
        not_coming = (SensorState.ABSENT, SensorState.UNAVAILABLE, SensorState.LOST,
                      SensorState.ENDED)
        if state is SensorState.RECEIVING:
            self._begin()
        elif self._recording is None and state in not_coming:
            self._stop_source()
            window.show_no_sensor(state)
        elif self._recording is not None and state is not SensorState.SEARCHING:
            # Gone mid-session: the breathing goes on, and the steps without beats say so.
            window.set_heart_rate(None)

    def _on_measured(self, measurement: object) -> None:
        window, recording = self.window, self._recording
        if window is None or recording is None:
            return
        from stressbreak.core.heart import HeartRateMeasurement  # noqa: PLC0415

        if not isinstance(measurement, HeartRateMeasurement):
            return
        recording.add(window.elapsed_s(), measurement.rr_intervals)
        window.set_heart_rate(measurement.heart_rate or None)

    def _finish(self) -> None:
        from stressbreak.core.resonance import analyse  # noqa: PLC0415

        recording = self._recording
        self._stop_source()
        self._end_breathing()
        if recording is not None and self.window is not None:
            self.window.show_result(analyse(recording))

    def _use(self, pace: float) -> None:
        settings = self._settings.current
        self._settings.apply(replace(settings, breathing_pattern=paced_id(pace)))
        if self.window is not None:
            self.window.close()

    def _on_closed(self) -> None:
        self._stop_source()
        self._recording = None
        self._slot.forget()
        self._end_breathing()

    def _end_breathing(self) -> None:
        if self._breathing:
            self._breathing = False
            self.breathing.emit(False)

    def _stop_source(self) -> None:
        source, self._source = self._source, None
        if source is not None:
            source.measured.disconnect(self._on_measured)
            source.state_changed.disconnect(self._on_state)
            source.stop()
            # Parented before deleteLater: this may run inside the source's own signal, and
            # an unparented object would go with its last Python name, mid-emit.
            source.setParent(self)
            source.deleteLater()
