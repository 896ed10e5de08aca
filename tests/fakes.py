"""Test doubles and builders shared by the tests and the benchmarks."""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon

from stressbreak.controller import Controller
from stressbreak.core.clock import FakeClock
from stressbreak.services.cues import Cues
from stressbreak.services.journal import Journal
from stressbreak.services.notify import Notifier
from stressbreak.services.prefs_store import PrefsStore
from stressbreak.services.settings_store import SettingsStore
from stressbreak.ui.tray import Tray

AMS = ZoneInfo("Europe/Amsterdam")
TUESDAY_10 = datetime(2026, 11, 24, 10, 0, tzinfo=AMS)


class FakeTimeScheduler(QObject):
    """The scheduler's interface on fake time: it holds what the controller asked for, and a
    test fires the signals itself. (The real APScheduler one runs on the wall clock; it has its
    own tests in test_scheduler.py and runs in the system tests.)"""

    pause_due = Signal(object)
    checkin_due = Signal(object)
    clock_changed = Signal()  # a test emits it where the real one would notice a jump

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


def make_controller(data: Path, clock: FakeClock, told: list[str], tz: tzinfo = AMS,
                    **extra: Any) -> Controller:
    """A real Controller on fake time, with a short pause and no sound, speech or pop-ups.
    `extra` goes to the Controller as well (idle and presence sources, autostart)."""
    return Controller(
        clock=clock,
        tz=tz,
        settings_store=SettingsStore(data / "settings.json", told.append),
        journal=Journal(data, told.append),
        prefs_store=PrefsStore(data / "prefs.json", told.append),
        scheduler=FakeTimeScheduler(),  # type: ignore[arg-type]
        notifier=Notifier("StressBreak test", enabled=False),
        cues=Cues("en", which=lambda name: None),
        tray=Tray(QIcon()),
        pause_duration_s=0.5,
        **extra,
    )


class MotionPlatform:
    """The desktop's answer to "less motion?", counting how often it is asked."""

    def __init__(self, answer: bool | None) -> None:
        self.answer = answer
        self.asked = 0

    def __call__(self) -> bool | None:
        self.asked += 1
        return self.answer
