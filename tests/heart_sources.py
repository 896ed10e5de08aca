"""Heartbeat sources for tests: they keep the `HeartSource` interface as a strap does.

- `HandSource`: the test says what happens: its state on start, and each measurement.
A recording replayed as a strap sends it is the app's own `services.heart_replay.ReplaySource`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from stressbreak.core.heart import HeartRateMeasurement, SensorState
from stressbreak.services.heart_source import HeartSource

DATA = Path(__file__).resolve().parent / "data" / "heart"


def measurement(*rr: float) -> HeartRateMeasurement:
    return HeartRateMeasurement(heart_rate=round(60 / rr[-1]), contact_supported=True,
                                contact_detected=True, rr_intervals=tuple(rr))


class HandSource(HeartSource):
    def __init__(self, on_start: SensorState = SensorState.RECEIVING,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.on_start = on_start
        self.starts = 0
        self.stops = 0

    def start(self) -> None:
        self.starts += 1
        self._set_state(self.on_start)

    def stop(self) -> None:
        self.stops += 1
        self._set_state(SensorState.OFF)

    def become(self, state: SensorState) -> None:
        self._set_state(state)

    def send(self, *rr: float) -> None:
        self.measured.emit(measurement(*rr))
