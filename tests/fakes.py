"""Test doubles shared by the tests and the benchmarks."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal


class FakeTimeScheduler(QObject):
    """The scheduler's interface on fake time: it holds what the controller asked for, and a
    test fires the signals itself. (The real APScheduler one runs on the wall clock; it has its
    own tests in test_scheduler.py and runs in the system tests.)"""

    pause_due = Signal(object)
    checkin_due = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.pause_at: datetime | None = None
        self.checkin_at: datetime | None = None
        self.running = False

    def start(self) -> None:
        self.running = True

    def stop(self) -> None:
        self.running = False

    def set_pause_at(self, when: datetime | None) -> None:
        self.pause_at = when

    def set_checkin_at(self, when: datetime | None) -> None:
        self.checkin_at = when

    def next_pause_at(self) -> datetime | None:
        return self.pause_at

    def next_checkin_at(self) -> datetime | None:
        return self.checkin_at
