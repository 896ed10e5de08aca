"""Test doubles and builders shared by the tests and the benchmarks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon

from stressbreak.app.checkins import CheckIns
from stressbreak.app.choices import Choices
from stressbreak.app.commands import CommandDesk
from stressbreak.app.controller import Controller
from stressbreak.app.gate import ReminderGate
from stressbreak.app.notices import Notices
from stressbreak.app.pauses import Pauses
from stressbreak.app.ports import Collaborators
from stressbreak.app.reminders import Reminders
from stressbreak.app.settings import AppSettings
from stressbreak.app.shortcuts import KeyShortcuts
from stressbreak.app.welcome import Welcome
from stressbreak.app.your_data import YourData
from stressbreak.core.heart import HeartRateMeasurement, SensorState
from stressbreak.services.cues import Cues
from stressbreak.services.heart_source import HeartSource
from stressbreak.services.journal import Journal
from stressbreak.services.notify import Notifier
from stressbreak.services.prefs_store import PrefsStore
from stressbreak.services.settings_store import SettingsStore
from stressbreak.services.shortcuts import NotBound, Shortcut
from stressbreak.ui.tray import Tray

AMS = ZoneInfo("Europe/Amsterdam")
TUESDAY_10 = datetime(2026, 11, 24, 10, 0, tzinfo=AMS)


class FakeClock:
    """A clock for tests and simulations: it only moves when told to."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start time")
        self._now = start

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        # Real elapsed time: add in UTC so a DST change is crossed correctly.
        tz = self._now.tzinfo
        self._now = (self._now.astimezone(UTC) + delta).astimezone(tz)

    def set(self, when: datetime) -> None:
        if when.tzinfo is None:
            raise ValueError("FakeClock needs timezone-aware times")
        self._now = when


class FakeTimeScheduler(QObject):
    """The scheduler port on fake time: it holds what the app asked for, and a test fires the
    signals itself. (The real APScheduler one runs on the wall clock; it has its own tests in
    test_scheduler.py and runs in the system tests.)"""

    pause_due = Signal(object)
    checkin_due = Signal(object)
    wind_down_due = Signal(object)
    clock_changed = Signal()  # a test emits it where the real one would notice a jump

    def __init__(self) -> None:
        super().__init__()
        self.pause_at: datetime | None = None
        self.checkin_at: datetime | None = None
        self.wind_down_at: datetime | None = None
        self.running = False

    def start(self) -> None:
        self.running = True

    def stop(self) -> None:
        self.running = False

    def set_pause_at(self, when: datetime | None) -> None:
        self.pause_at = when

    def set_checkin_at(self, when: datetime | None) -> None:
        self.checkin_at = when

    def set_wind_down_at(self, when: datetime | None) -> None:
        self.wind_down_at = when

    def next_pause_at(self) -> datetime | None:
        return self.pause_at

    def next_wind_down_at(self) -> datetime | None:
        return self.wind_down_at

    def next_checkin_at(self) -> datetime | None:
        return self.checkin_at


class TrayHere(Tray):
    """The real tray menu and tooltip, on a desktop that has a tray or not as the test says
    (offscreen Qt has none): `there` may change while the app runs, as a panel that comes
    late. Shown, the icon is only noted: offscreen Qt cannot show one."""

    def __init__(self, there: bool = False) -> None:
        super().__init__(QIcon())
        self.there = there
        self.shown = False

    def available(self) -> bool:
        return self.there

    def show(self) -> None:
        self.shown = True

    def hide(self) -> None:
        self.shown = False

    def is_visible(self) -> bool:
        return self.shown


def wait_out_the_tray(app: Harness) -> None:
    """Run the app's minute of looking for a tray at once: each look the timer would make."""
    while app.notices.looks_for_tray_in_ms is not None:
        app.notices.show_tray()


@dataclass
class Harness:
    """A real app (the Controller and its coordinators) with the collaborators a test holds:
    the fake clock and scheduler, the real journal and stores in a temporary folder."""

    controller: Controller
    clock: FakeClock
    scheduler: FakeTimeScheduler
    journal: Journal
    settings_store: SettingsStore
    prefs_store: PrefsStore
    tray: Tray
    cues: Cues

    def start(self) -> None:
        self.controller.start()

    def stop(self) -> None:
        self.controller.stop()

    @property
    def reminders(self) -> Reminders:
        return self.controller.reminders

    @property
    def pauses(self) -> Pauses:
        return self.controller.pauses

    @property
    def checkins(self) -> CheckIns:
        return self.controller.checkins

    @property
    def data(self) -> YourData:
        return self.controller.data

    @property
    def settings(self) -> AppSettings:
        return self.controller.settings

    @property
    def choices(self) -> Choices:
        return self.controller.choices

    @property
    def notices(self) -> Notices:
        return self.controller.notices

    @property
    def commands(self) -> CommandDesk:
        return self.controller.commands

    @property
    def gate(self) -> ReminderGate:
        return self.controller.gate

    @property
    def welcome(self) -> Welcome:
        return self.controller.welcome

    @property
    def shortcuts(self) -> KeyShortcuts:
        return self.controller.shortcuts


def make_app(data: Path, clock: FakeClock, told: list[str], *,
             pause_duration_s: float | None = 0.5, journal_dir: Path | None = None,
             tell_problems: bool = False, cues: Cues | None = None, tray: Tray | None = None,
             welcome_new_user: bool = False, notifier: Notifier | None = None,
             **extra: Any) -> Harness:
    """A real app on fake time, with a short pause and no sound, speech or pop-ups.

    The stores' problems go to `told`, or with `tell_problems` to the app's notices (tray,
    log and status) as app/startup.py wires them. The journal lives in `journal_dir` (default
    `data`). No welcome for a new user unless `welcome_new_user`: it would stand in front of
    what most tests look at. `extra` goes to the Collaborators as well (idle and presence
    sources, autostart, motion)."""
    built: list[Controller] = []

    def on_problem(message: str) -> None:
        if tell_problems and built:
            built[0].notices.tell(message)
        else:
            told.append(message)

    scheduler = FakeTimeScheduler()
    extra.setdefault("data_dir", data)  # where a shared folder's computer id is kept
    tray = tray if tray is not None else Tray(QIcon())
    journal = Journal(data if journal_dir is None else journal_dir, on_problem)
    cues = cues if cues is not None else Cues("en", which=lambda name: None)
    settings_store = SettingsStore(data / "settings.json", on_problem, clock=clock)
    prefs_store = PrefsStore(data / "prefs.json", on_problem)
    controller = Controller(Collaborators(
        clock=clock,
        settings_store=settings_store,
        journal=journal,
        prefs_store=prefs_store,
        scheduler=scheduler,
        notifier=notifier if notifier is not None else Notifier(
            "StressBreak test", enabled=False, unavailable=lambda: None),
        cues=cues,
        tray=tray,
        welcome_new_user=welcome_new_user,
        **extra,
    ))
    built.append(controller)
    controller.pauses.duration_override_s = pause_duration_s
    return Harness(controller, clock, scheduler, journal, settings_store, prefs_store, tray,
                   cues)


class FakeShortcutPortal(QObject):
    """The desktop's GlobalShortcuts portal as the app sees it (`ShortcutPortal`): `offered`
    is its version (None: the desktop has none); the test answers a bind with `answer` and
    presses keys with `press`. Each bind and configure is kept."""

    activated = Signal(str)
    bound = Signal(object)
    changed = Signal(object)
    not_bound = Signal(object)

    def __init__(self, offered: int | None = 2) -> None:
        super().__init__()
        self.offered = offered
        self.binds: list[tuple[list[tuple[str, str, str]], str]] = []
        self.configured: list[str] = []
        self.stopped = False

    def version(self) -> int | None:
        return self.offered

    def bind(self, shortcuts: Any, parent_window: str = "") -> None:
        self.binds.append((list(shortcuts), parent_window))

    def configure(self, parent_window: str = "") -> bool:
        if self.offered is None or self.offered < 2:
            return False
        self.configured.append(parent_window)
        return True

    def stop(self) -> None:
        self.stopped = True

    def answer(self, outcome: NotBound | dict[str, str]) -> None:
        """The desktop's answer to the last bind: why not, or id -> the keys it bound."""
        if isinstance(outcome, NotBound):
            self.not_bound.emit(outcome)
            return
        descriptions = {shortcut_id: text for shortcut_id, text, _ in self.binds[-1][0]}
        self.bound.emit(tuple(Shortcut(shortcut_id, descriptions[shortcut_id], keys)
                              for shortcut_id, keys in outcome.items()))

    def press(self, shortcut_id: str) -> None:
        self.activated.emit(shortcut_id)


class MotionPlatform:
    """The desktop's answer to "less motion?", counting how often it is asked."""

    def __init__(self, answer: bool | None) -> None:
        self.answer = answer
        self.asked = 0

    def __call__(self) -> bool | None:
        self.asked += 1
        return self.answer


class FakeHeartSource(HeartSource):
    """A heart-rate source the test drives: `start` looks for the strap (SEARCHING, or the
    state `on_start` says), `send` delivers one notification's RR intervals (RECEIVING), `set`
    says where it is."""

    def __init__(self, on_start: SensorState = SensorState.SEARCHING) -> None:
        super().__init__()
        self.on_start = on_start
        self.started = 0
        self.stopped = 0

    def start(self) -> None:
        self.started += 1
        self._set_state(self.on_start)

    def stop(self) -> None:
        self.stopped += 1
        self._set_state(SensorState.OFF)

    def send(self, rr: tuple[float, ...], heart_rate: int | None = None) -> None:
        self._set_state(SensorState.RECEIVING)
        rate = heart_rate if heart_rate is not None else (
            round(60 * len(rr) / sum(rr)) if rr else 0)
        self.measured.emit(HeartRateMeasurement(heart_rate=rate, contact_supported=True,
                                                contact_detected=True, rr_intervals=rr))

    def set(self, state: SensorState) -> None:
        self._set_state(state)
