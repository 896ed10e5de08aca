"""Where heartbeats come from: a strap over Bluetooth, or a recording replayed in real time.

Every source is a `HeartSource`: started when a pause (or *Find my breathing pace*) opens,
stopped when it closes; it hands over each Heart Rate Measurement as the strap sent it
(`measured`, a core.heart.HeartRateMeasurement with its RR intervals in seconds) and says
where it is (`state_changed`, a core.heart.SensorState value). A source never raises into the
app and never blocks the GUI thread: every failure is a state. What the figures are, and what
the user is told, is core/heart.py's and the app's business, not the source's.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from stressbreak.core.heart import SensorState


class HeartSource(QObject):
    """The interface every heartbeat source keeps (see the module docstring)."""

    measured = Signal(object)  # core.heart.HeartRateMeasurement
    state_changed = Signal(str)  # core.heart.SensorState

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = SensorState.OFF

    @property
    def state(self) -> SensorState:
        return self._state

    def start(self) -> None:
        """Begin looking for (or replaying) beats; safe to call when already started."""
        raise NotImplementedError

    def stop(self) -> None:
        """Let go of the strap (or the recording); safe to call at any time, never blocks."""
        raise NotImplementedError

    def _set_state(self, state: SensorState) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state.value)
