"""The rhythm follows the person across computers (issue 18): records another computer made
reach `Reminders.records_from_elsewhere` (the shared folder's news) and move this computer's
schedule as if they had happened here, through the real app on fake time."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from stressbreak.core.exercises import WIND_DOWN
from stressbreak.core.model import CheckIn, CheckInOrigin, PauseOutcome, PauseRecord
from stressbreak.services.idle import IdleProbe
from stressbreak.services.presence import Backends
from stressbreak.ui.profile_dialog import ProfileDialog
from tests.fakes import TUESDAY_10, FakeClock, make_app
from tests.gui.test_gate import FakeIdle


@pytest.fixture(autouse=True)
def no_modal_offer(monkeypatch):
    monkeypatch.setattr(ProfileDialog, "offer", classmethod(lambda cls, parent=None: False))


def _app(qtbot, tmp_path: Path, settings: dict[str, object] | None = None, **extra):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"native_notifications": False,
                                                    **(settings or {})}))
    clock = FakeClock(TUESDAY_10)
    app = make_app(data, clock, [], **extra)
    app.start()
    return app, clock


@pytest.fixture
def here(qtbot, tmp_path: Path):
    app, clock = _app(qtbot, tmp_path)
    yield app, clock
    app.stop()


def _pause(start_min: float, end_min: float, outcome=PauseOutcome.COMPLETED,
           exercise: str = "coherent") -> PauseRecord:
    return PauseRecord(TUESDAY_10 + timedelta(minutes=start_min),
                       TUESDAY_10 + timedelta(minutes=end_min), outcome, exercise)


def test_a_pause_on_another_computer_moves_the_next_reminder_here(here):
    app, clock = here
    assert app.scheduler.next_pause_at() == TUESDAY_10 + timedelta(hours=1)
    assert "next pause at 11:00" in app.tray.tooltip()
    clock.advance(timedelta(minutes=30))
    app.reminders.records_from_elsewhere([_pause(28, 29)])
    assert app.scheduler.next_pause_at() == TUESDAY_10 + timedelta(hours=1, minutes=29)
    assert "next pause at 11:29" in app.tray.tooltip()
    assert app.journal.all_records() == []  # the shared folder keeps it; nothing here adds it


def test_a_natural_pause_elsewhere_counts_and_the_latest_of_several_wins(here):
    app, clock = here
    clock.advance(timedelta(minutes=40))
    app.reminders.records_from_elsewhere([
        _pause(30, 38, PauseOutcome.NATURAL, "away"), _pause(10, 11)])
    assert app.scheduler.next_pause_at() == TUESDAY_10 + timedelta(hours=1, minutes=38)


def test_an_old_record_or_a_reminder_let_pass_elsewhere_changes_nothing(here):
    app, clock = here
    clock.advance(timedelta(minutes=30))
    before = app.reminders.state
    tooltip = app.tray.tooltip()
    app.reminders.records_from_elsewhere([
        _pause(-40, -39),  # before this computer's anchor (its start at 10:00)
        _pause(20, 21, PauseOutcome.SKIPPED),
        _pause(22, 23, PauseOutcome.MISSED),
    ])
    assert app.reminders.state == before
    assert app.scheduler.next_pause_at() == TUESDAY_10 + timedelta(hours=1)
    assert app.tray.tooltip() == tooltip


def test_a_clock_running_ahead_elsewhere_counts_as_now(here):
    app, clock = here
    clock.advance(timedelta(minutes=30))
    app.reminders.records_from_elsewhere([_pause(29.5, 30.5)])  # half a minute ahead
    assert app.reminders.state.anchor == clock.now()
    assert app.scheduler.next_pause_at() == TUESDAY_10 + timedelta(hours=1, minutes=30)


def test_a_reminder_on_screen_for_a_pause_taken_elsewhere_is_withdrawn_quietly(here):
    app, clock = here
    clock.advance(timedelta(hours=1))
    app.scheduler.pause_due.emit(clock.now())
    assert app.reminders.window is not None
    clock.advance(timedelta(minutes=2))
    app.reminders.records_from_elsewhere([_pause(60.5, 61.5)])
    assert app.reminders.window is None
    assert app.journal.all_records() == []  # not "let pass": the person had the pause
    assert app.scheduler.next_pause_at() == TUESDAY_10 + timedelta(hours=2, minutes=1.5)


def test_a_reminder_waiting_at_the_gate_is_withdrawn_too(qtbot, tmp_path: Path):
    clock = FakeClock(TUESDAY_10)
    idle = FakeIdle(clock)
    idle.type_now()  # last touched at 10:00: away from this desk since
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"native_notifications": False}))
    app = make_app(data, clock, [], idle=IdleProbe(idle, ""),
                   presence=Backends(None, None, None, None, {}))
    app.start()
    clock.advance(timedelta(hours=1))
    app.scheduler.pause_due.emit(clock.now())
    assert app.gate.waiting  # the person is not here
    app.reminders.records_from_elsewhere([_pause(58, 59)])
    assert not app.gate.waiting
    assert app.gate.looks_again_in_ms is None
    assert app.scheduler.next_pause_at() == TUESDAY_10 + timedelta(hours=1, minutes=59)
    app.stop()


def test_a_stress_meter_elsewhere_is_the_last_one_here(here):
    app, clock = here
    clock.set(TUESDAY_10.replace(minute=20))
    app.reminders.records_from_elsewhere([
        CheckIn(TUESDAY_10.replace(minute=15), CheckInOrigin.MANUAL, tension=3)])
    clock.set(TUESDAY_10.replace(minute=30))
    app.scheduler.checkin_due.emit(clock.now())
    assert app.checkins.dialog is None  # a quarter of an hour later would be nagging
    assert app.scheduler.next_pause_at() == TUESDAY_10 + timedelta(hours=1)


def test_an_older_stress_meter_elsewhere_changes_nothing(here):
    app, clock = here
    clock.set(TUESDAY_10.replace(minute=20))
    app.reminders.records_from_elsewhere([
        CheckIn(TUESDAY_10 - timedelta(hours=2), CheckInOrigin.MANUAL)])
    clock.set(TUESDAY_10.replace(minute=30))
    app.scheduler.checkin_due.emit(clock.now())
    assert app.checkins.dialog is not None


def test_the_evening_minute_done_elsewhere_counts_for_this_evening(qtbot, tmp_path: Path):
    app, clock = _app(qtbot, tmp_path, {"wind_down": True, "wind_down_at": "21:30"})
    evening = TUESDAY_10.replace(hour=21, minute=30)
    clock.set(evening)
    app.scheduler.wind_down_due.emit(evening)
    assert app.reminders.window is not None  # offered here too
    clock.advance(timedelta(minutes=3))
    app.reminders.records_from_elsewhere([PauseRecord(
        evening + timedelta(minutes=1), evening + timedelta(minutes=2),
        PauseOutcome.COMPLETED, WIND_DOWN)])
    assert app.reminders.window is None
    assert app.journal.all_records() == []
    assert app.scheduler.next_wind_down_at() == evening + timedelta(days=1)
    app.stop()


def test_a_pause_elsewhere_leaves_the_evening_minute_on_screen_here(qtbot, tmp_path: Path):
    app, clock = _app(qtbot, tmp_path, {"wind_down": True, "wind_down_at": "21:30"})
    evening = TUESDAY_10.replace(hour=21, minute=30)
    clock.set(evening)
    app.scheduler.wind_down_due.emit(evening)
    clock.advance(timedelta(minutes=3))
    app.reminders.records_from_elsewhere([PauseRecord(
        evening + timedelta(minutes=1), evening + timedelta(minutes=2),
        PauseOutcome.COMPLETED)])
    assert app.reminders.window is not None
    app.stop()
