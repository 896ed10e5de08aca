"""A recording of RR intervals replayed in real time, as a heart-rate strap would send it.

For trying the heart view without a strap (`stressbreak pause --heart-rate-file rr.csv`), for
demonstrations and for tests. Like a strap, it sends one Heart Rate Measurement a second with
the RR intervals of the beats that ended in that second (none in a second without a beat),
the heart rate worked out from them, and contact detected; it is RECEIVING from the first one
and ENDED once the recording has run out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from stressbreak.core.heart import HeartRateMeasurement, SensorState, parse_rr_text
from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message
from stressbreak.services.heart_source import HeartSource

_CONTEXT = "heart"


class RecordingError(Exception):
    """A recording that cannot be replayed; args[0] is the Message to show."""


def read_recording(path: Path) -> list[float]:
    """The RR intervals (seconds) of a recording file; RecordingError naming the file (and the
    line, when one line is the trouble) otherwise."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise RecordingError(Message(_CONTEXT, QT_TRANSLATE_NOOP(
            "heart", "{file} could not be read ({reason})."), file=str(path),
            reason=reason)) from exc
    try:
        return parse_rr_text(text)
    except ValueError as exc:
        # parse_rr_text names the line; its reason stays English, as argparse's own do.
        raise RecordingError(Message(_CONTEXT, QT_TRANSLATE_NOOP(
            "heart", "{file} is not a heart-rate recording: {reason}. Expected one interval "
            "between beats a line, in seconds or milliseconds."), file=str(path),
            reason=str(exc))) from exc


def beats_by_second(rr: Sequence[float]) -> list[tuple[float, ...]]:
    """The RR intervals grouped by the second in which their beat ended: item n holds the
    beats that ended in (n, n + 1] seconds from the start, which a strap sends at n + 1."""
    seconds: list[list[float]] = []
    elapsed = 0.0
    for value in rr:
        elapsed += value
        # A beat that ends exactly on a second belongs to the notification sent then (within
        # what adding up floating-point intervals can drift).
        second = max(0, math.ceil(elapsed - 1e-9) - 1)
        while len(seconds) <= second:
            seconds.append([])
        seconds[second].append(value)
    return [tuple(group) for group in seconds]


class ReplaySource(HeartSource):
    """Replays RR intervals (seconds) one notification a second; `speed` > 1 only to make
    tests and demonstrations quicker, nothing else differs."""

    def __init__(self, rr: Sequence[float], *, speed: float = 1.0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        if speed <= 0:
            raise ValueError("speed must be positive")
        self._seconds = beats_by_second(rr)
        self._next = 0
        # What a strap says in a second without a beat: the rate it last worked out.
        self._rate = round(60 / rr[0]) if rr else 0
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, round(1000 / speed)))
        self._timer.timeout.connect(self._send)

    def start(self) -> None:
        if self._timer.isActive() or self.state is SensorState.ENDED:
            return
        self._set_state(SensorState.SEARCHING)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._set_state(SensorState.OFF)

    def _send(self) -> None:
        if self._next >= len(self._seconds):
            self._timer.stop()
            self._set_state(SensorState.ENDED)
            return
        beats = self._seconds[self._next]
        self._next += 1
        if beats:
            self._rate = round(60 * len(beats) / sum(beats))
        self._set_state(SensorState.RECEIVING)
        self.measured.emit(HeartRateMeasurement(
            heart_rate=self._rate, contact_supported=True, contact_detected=True,
            rr_intervals=beats))
