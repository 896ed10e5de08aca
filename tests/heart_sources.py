"""Heartbeat sources for tests: they keep the `HeartSource` interface as a strap does.

- `HandSource`: the test says what happens: its state on start, and each measurement.
- `ReplaySource`: a recording from tests/data/heart/ replayed on a Qt timer, `speed` times
  faster than real time, each beat sent when it ends (one RR interval a measurement, the
  heart rate the strap would compute from it); LOST when the recording runs out.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QObject, QTimer

from stressbreak.core.heart import HeartRateMeasurement, SensorState, parse_rr_text
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


class ReplaySource(HeartSource):
    def __init__(self, rr: Sequence[float], speed: float = 1.0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rr = list(rr)
        self._speed = speed
        self._next = 0
        self._due_s = self._rr[0] if self._rr else 0.0
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._send_due)

    @classmethod
    def of(cls, name: str, speed: float = 1.0) -> ReplaySource:
        return cls(parse_rr_text((DATA / name).read_text(encoding="utf-8")), speed)

    def start(self) -> None:
        if self._timer.isActive():
            return
        self._clock.start()
        self._timer.start()
        self._set_state(SensorState.RECEIVING)

    def stop(self) -> None:
        self._timer.stop()
        self._set_state(SensorState.OFF)

    def _send_due(self) -> None:
        now_s = self._clock.elapsed() / 1000 * self._speed
        while self._next < len(self._rr) and self._due_s <= now_s:
            self.measured.emit(measurement(self._rr[self._next]))
            self._next += 1
            if self._next < len(self._rr):
                self._due_s += self._rr[self._next]
        if self._next >= len(self._rr):
            self._timer.stop()
            self._set_state(SensorState.LOST)
