"""The evening wind-down minute through the real app on fake time: off by default; when on,
offered once each evening through the reminder window; a click starts the wind-down pause
and records it; a clock jump neither repeats nor loses it; calls and full screen hold it."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from stressbreak.core.exercises import WIND_DOWN
from stressbreak.core.model import PauseOutcome, PauseRecord
from stressbreak.services.idle import IdleProbe
from stressbreak.services.presence import Backends
from stressbreak.ui.profile_dialog import ProfileDialog
from tests.fakes import AMS, TUESDAY_10, FakeClock, Harness, make_app
from tests.gui.test_gate import FakeIdle, FakeSource

EVENING = TUESDAY_10.replace(hour=21, minute=30)
WEDNESDAY_EVENING = EVENING + timedelta(days=1)


@pytest.fixture(autouse=True)
def no_modal_offer(monkeypatch):
    monkeypatch.setattr(ProfileDialog, "offer", classmethod(lambda cls, parent=None: False))


def _app(tmp_path: Path, clock: FakeClock, settings: dict[str, object], **extra) -> Harness:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    (data / "settings.json").write_text(json.dumps({"native_notifications": False,
                                                    **settings}))
    return make_app(data, clock, [], **extra)


@pytest.fixture
def evening(qtbot, tmp_path: Path):
    clock = FakeClock(TUESDAY_10)
    app = _app(tmp_path, clock, {"wind_down": True, "wind_down_at": "21:30"})
    app.start()
    yield app, clock
    app.stop()


def _records(app: Harness) -> list[PauseRecord]:
    found = app.journal.records_between(TUESDAY_10 - timedelta(days=1),
                                        TUESDAY_10 + timedelta(days=3))
    return [r for r in found if isinstance(r, PauseRecord)]


def _fire(app: Harness, clock: FakeClock, at: datetime) -> None:
    """What the real scheduler does at `at`: a date job runs once."""
    clock.set(at)
    app.scheduler.wind_down_at = None
    app.scheduler.wind_down_due.emit(at)


def _texts(widget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel))


def test_off_by_default_nothing_is_scheduled_in_the_evening(qtbot, tmp_path: Path):
    clock = FakeClock(TUESDAY_10)
    app = _app(tmp_path, clock, {})
    app.start()
    try:
        assert app.scheduler.next_wind_down_at() is None
        clock.set(EVENING)
        app.scheduler.clock_changed.emit()
        assert app.scheduler.next_wind_down_at() is None
        assert app.reminders.window is None
    finally:
        app.stop()


def test_offered_once_at_the_evening_time_and_a_click_starts_the_wind_down(qtbot, evening):
    app, clock = evening
    assert app.scheduler.next_wind_down_at() == EVENING
    _fire(app, clock, EVENING)
    reminder = app.reminders.window
    assert reminder is not None and reminder.isVisible()
    assert "let the day go" in _texts(reminder)
    assert app.scheduler.next_wind_down_at() is None  # nothing else while it shows

    qtbot.mouseClick(reminder, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    pause = app.pauses.window
    assert pause is not None and pause.exercise.id == WIND_DOWN
    with qtbot.waitSignal(pause.finished, timeout=5000):
        pass
    [record] = _records(app)
    assert (record.outcome, record.exercise) == (PauseOutcome.COMPLETED, WIND_DOWN)
    assert record.started_at == EVENING
    assert app.checkins.dialog is None  # the day ends calmly: no stress meter after it
    assert app.scheduler.next_wind_down_at() == WEDNESDAY_EVENING
    # The daytime pauses go on as they were.
    assert app.settings.current.exercise == "breathing"
    app.pauses.start()
    assert app.pauses.window is not None and app.pauses.window.exercise.id == "breathing"


def test_skipped_it_is_recorded_and_does_not_come_again_that_evening(qtbot, evening):
    app, clock = evening
    _fire(app, clock, EVENING)
    app.reminders.window.skip_button.click()
    [record] = _records(app)
    assert (record.outcome, record.exercise) == (PauseOutcome.SKIPPED, WIND_DOWN)
    assert app.reminders.window is None
    assert app.scheduler.next_wind_down_at() == WEDNESDAY_EVENING


def test_snoozed_it_comes_back_once(qtbot, evening):
    app, clock = evening
    _fire(app, clock, EVENING)
    app.reminders.window.snooze_button.click()
    later = EVENING + timedelta(minutes=5)
    assert app.scheduler.next_wind_down_at() == later
    assert _records(app) == []
    _fire(app, clock, later)
    assert app.reminders.window is not None
    assert "let the day go" in _texts(app.reminders.window)
    app.reminders.window.skip_button.click()
    assert app.scheduler.next_wind_down_at() == WEDNESDAY_EVENING


def test_snoozed_past_midnight_it_lets_that_evening_go_and_keeps_the_next(qtbot, tmp_path):
    clock = FakeClock(TUESDAY_10)
    app = _app(tmp_path, clock, {"wind_down": True, "wind_down_at": "23:58",
                                 "snooze_min": 10})
    app.start()
    try:
        late = TUESDAY_10.replace(hour=23, minute=58)
        _fire(app, clock, late)
        app.reminders.window.snooze_button.click()
        after_midnight = late + timedelta(minutes=10)
        assert app.scheduler.next_wind_down_at() == after_midnight
        _fire(app, clock, after_midnight)
        assert app.reminders.window is None  # not after midnight
        # Wednesday evening's minute is still Wednesday's.
        assert app.scheduler.next_wind_down_at() == late + timedelta(days=1)
    finally:
        app.stop()


def test_declining_it_leaves_the_days_rhythm_as_it_was(qtbot, evening):
    app, clock = evening
    before = app.reminders.state
    _fire(app, clock, EVENING)
    app.reminders.window.skip_button.click()
    assert app.reminders.state.anchor == before.anchor
    assert app.reminders.state.snoozed_until == before.snoozed_until


def test_a_clock_set_back_after_it_came_does_not_repeat_it(qtbot, evening):
    app, clock = evening
    _fire(app, clock, EVENING)
    app.reminders.window.skip_button.click()
    clock.set(EVENING - timedelta(hours=1))  # the clock is set back an hour
    app.scheduler.clock_changed.emit()
    assert app.reminders.window is None
    assert app.scheduler.next_wind_down_at() == WEDNESDAY_EVENING
    clock.set(EVENING + timedelta(minutes=1))
    app.scheduler.clock_changed.emit()
    assert app.reminders.window is None
    assert len(_records(app)) == 1


def test_a_jump_past_the_evening_time_offers_it_once_the_same_evening(qtbot, evening):
    app, clock = evening
    clock.set(EVENING + timedelta(hours=1))  # the laptop slept from 10:00 to 22:30
    app.scheduler.clock_changed.emit()
    reminder = app.reminders.window
    assert reminder is not None and "let the day go" in _texts(reminder)
    assert app.checkins.dialog is None  # not the morning's stress meter beside it as well
    reminder.skip_button.click()
    app.scheduler.clock_changed.emit()  # the next wake-up sees nothing new
    assert app.reminders.window is None
    assert app.scheduler.next_wind_down_at() == WEDNESDAY_EVENING


def test_a_jump_past_midnight_lets_that_evening_pass(qtbot, evening):
    app, clock = evening
    clock.set(datetime(2026, 11, 25, 7, 0, tzinfo=AMS))  # asleep until the next morning
    app.scheduler.clock_changed.emit()
    assert app.reminders.window is None
    assert app.scheduler.next_wind_down_at() == WEDNESDAY_EVENING


def test_a_later_time_set_after_it_came_waits_for_tomorrow(qtbot, evening):
    app, clock = evening
    _fire(app, clock, EVENING)
    app.reminders.window.skip_button.click()
    app.settings.current = replace(app.settings.current, wind_down_at=time(22, 0))
    app.reminders.reschedule()  # what a saved settings change does
    assert app.scheduler.next_wind_down_at() == WEDNESDAY_EVENING.replace(hour=22, minute=0)


def test_a_restart_after_it_came_keeps_it_from_coming_again(qtbot, tmp_path: Path):
    clock = FakeClock(EVENING)
    app = _app(tmp_path, clock, {"wind_down": True, "wind_down_at": "21:30"})
    app.start()
    _fire(app, clock, EVENING)
    app.reminders.window.skip_button.click()
    app.stop()
    clock.advance(timedelta(minutes=5))
    # Restarted with the evening minute moved later: still once an evening.
    again = _app(tmp_path, clock, {"wind_down": True, "wind_down_at": "22:00"})
    again.start()
    try:
        assert again.scheduler.next_wind_down_at() == WEDNESDAY_EVENING.replace(hour=22,
                                                                                minute=0)
    finally:
        again.stop()


def test_a_full_screen_film_holds_it_until_it_ends(qtbot, tmp_path: Path):
    clock = FakeClock(TUESDAY_10)
    idle = FakeIdle(clock)
    sources = {name: FakeSource(name) for name in
               ("fullscreen", "desktop-dnd", "microphone", "camera")}
    presence = Backends(sources["fullscreen"], sources["desktop-dnd"], sources["microphone"],
                        sources["camera"], {})
    app = _app(tmp_path, clock, {"wind_down": True, "wind_down_at": "21:30"},
               idle=IdleProbe(idle, ""), presence=presence)
    app.start()
    try:
        sources["fullscreen"].active = True
        sources["fullscreen"].detail = "a film"
        idle.last_input = EVENING - timedelta(seconds=10)
        _fire(app, clock, EVENING)
        assert app.reminders.window is None
        assert app.gate.waiting and "fullscreen" in app.gate.holds
        sources["fullscreen"].active = False
        clock.advance(timedelta(minutes=20))
        idle.last_input = clock.now() - timedelta(seconds=10)
        app.gate.look()  # what its timer does
        reminder = app.reminders.window
        assert reminder is not None and "let the day go" in _texts(reminder)
        reminder.start_button.click()
        assert app.pauses.window is not None and app.pauses.window.exercise.id == WIND_DOWN
    finally:
        app.stop()


def test_quiet_until_tomorrow_lets_the_evening_pass(qtbot, evening):
    app, clock = evening
    clock.set(EVENING - timedelta(hours=2))
    app.reminders.quiet_until_tomorrow()
    assert app.scheduler.next_wind_down_at() == WEDNESDAY_EVENING
