"""The day ratings (sleep, energy, focus): asked once a day in the first stress meter, skipped
with one key, used by keyboard alone, off with the setting, and alone from the tray menu."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from stressbreak.core.commands import Request
from stressbreak.core.helps import day_scores
from stressbreak.core.model import CheckIn, DayRating
from stressbreak.ui.checkin import DAY_STEP, CheckInDialog
from stressbreak.ui.day_rating import DayAnswers, DayRatingDialog
from stressbreak.ui.profile_dialog import ProfileDialog
from tests.fakes import AMS, TUESDAY_10, FakeClock, Harness, make_app
from tests.gui.test_stress_meter import Keyboard


def _start(tmp_path: Path, settings: dict[str, object]) -> Harness:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"native_notifications": False,
                                                    **settings}))
    harness = make_app(data, FakeClock(TUESDAY_10), [])
    harness.start()
    return harness


@pytest.fixture
def app(qtbot, tmp_path: Path, monkeypatch) -> Iterator[Harness]:
    monkeypatch.setattr(ProfileDialog, "offer", classmethod(lambda cls, parent=None: False))
    harness = _start(tmp_path, {})
    yield harness
    harness.stop()


def _meter(qtbot, app: Harness) -> CheckInDialog:
    app.tray.checkin_requested.emit()
    dialog = app.checkins.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _save(qtbot, dialog: CheckInDialog) -> None:
    with qtbot.waitSignal(dialog.finished, timeout=3000):
        dialog.save_button.click()


def _kinds(app: Harness) -> list[str]:
    return [record.KIND for record in app.journal.all_records()]


def test_the_ratings_by_keyboard_alone_are_saved_as_one_day_rating(qtbot, app):
    dialog = _meter(qtbot, app)
    keys = Keyboard(qtbot)
    assert dialog.step == DAY_STEP and dialog.day is not None
    assert keys.focus is dialog.day.rows["sleep"].buttons[0]
    assert dialog.next_button.text() == "Skip"
    keys.press(Qt.Key.Key_2)  # sleep: a digit chooses it
    assert dialog.next_button.text() == "Next"
    keys.press(Qt.Key.Key_Tab, Qt.Key.Key_End)  # energy: the highest
    keys.press(Qt.Key.Key_Tab, Qt.Key.Key_Right, Qt.Key.Key_Right,
               Qt.Key.Key_Delete)  # focus: chosen, then left open again
    keys.press(Qt.Key.Key_Return)  # Enter: on to the questions
    assert dialog.step == 0
    assert keys.focus is dialog.rows["breathing"].buttons["slow"]
    keys.press(Qt.Key.Key_Return, Qt.Key.Key_Return)
    with qtbot.waitSignal(dialog.saved, timeout=1000):
        keys.press(Qt.Key.Key_Return)  # after the third question Enter saves
    assert keys.tabs == 2  # one Tab stop per rating row
    records = app.journal.all_records()
    assert [type(r) for r in records] == [CheckIn, DayRating]
    rating = records[1]
    assert isinstance(rating, DayRating)
    assert (rating.sleep, rating.energy, rating.focus) == (2, 5, None)
    assert rating.at == app.clock.now()


def test_one_key_skips_them_nothing_is_kept_and_they_are_asked_once_a_day(qtbot, app, tmp_path):
    dialog = _meter(qtbot, app)
    Keyboard(qtbot).press(Qt.Key.Key_Return)  # Skip
    assert dialog.step == 0
    assert dialog.answers().day.given is False
    _save(qtbot, dialog)
    assert _kinds(app) == ["checkin"]

    app.clock.advance(timedelta(hours=3))
    later = _meter(qtbot, app)
    assert later.day is None and later.step == 0  # skipped still counts as asked today

    _save(qtbot, later)
    app.stop()
    # Started again the same day (a restart, a new login): still asked only once.
    again = make_app(tmp_path / "data", FakeClock(app.clock.now()), [])
    again.start()
    try:
        restarted = _meter(qtbot, again)
        assert restarted.day is None
        _save(qtbot, restarted)

        again.clock.advance(timedelta(days=1))
        tomorrow = _meter(qtbot, again)
        assert tomorrow.step == DAY_STEP
    finally:
        again.stop()


def test_esc_on_the_ratings_goes_on_to_the_questions_and_keeps_the_meter(qtbot, app):
    dialog = _meter(qtbot, app)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.step == 0
    keys.press(Qt.Key.Key_Right, Qt.Key.Key_Space)  # quick
    keys.press(Qt.Key.Key_Escape)  # on a question Esc closes, without saving, as before
    qtbot.waitUntil(lambda: app.checkins.dialog is None)
    assert _kinds(app) == []


def test_ratings_given_are_kept_when_the_questions_are_left_with_not_now(qtbot, app):
    # Offered once today: closing the questions must not take the ratings with it.
    dialog = _meter(qtbot, app)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_4)  # sleep
    keys.press(Qt.Key.Key_Return)  # on to the questions
    assert dialog.step == 0
    keys.press(Qt.Key.Key_Escape)  # "Not now"
    qtbot.waitUntil(lambda: app.checkins.dialog is None)
    [rating] = app.journal.all_records()
    assert isinstance(rating, DayRating)
    assert (rating.sleep, rating.energy, rating.focus) == (4, None, None)


def test_with_the_setting_off_they_are_never_asked(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(ProfileDialog, "offer", classmethod(lambda cls, parent=None: False))
    app = _start(tmp_path, {"day_ratings": False})
    try:
        dialog = _meter(qtbot, app)
        assert dialog.day is None and dialog.step == 0
        assert not dialog.back_button.isVisible()
        _save(qtbot, dialog)
        app.clock.advance(timedelta(days=1))
        assert _meter(qtbot, app).day is None
    finally:
        app.stop()


def test_rated_from_the_menu_they_are_not_asked_again_that_day(qtbot, app):
    menu = [action.text() for action in app.tray.menu.actions()]
    assert menu.index("Sleep, energy and focus…") == menu.index("Fill in the stress meter now") + 1
    app.tray.day_rating_requested.emit()
    window = app.checkins.day_dialog
    assert window is not None
    qtbot.waitUntil(window.isActiveWindow)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_4, Qt.Key.Key_Tab, Qt.Key.Key_3, Qt.Key.Key_Tab, Qt.Key.Key_1)
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.checkins.day_dialog is None)
    (rating,) = app.journal.all_records()
    assert isinstance(rating, DayRating)
    assert (rating.sleep, rating.energy, rating.focus) == (4, 3, 1)

    assert _meter(qtbot, app).day is None

    # From the menu again: today's ratings are there; unchanged, nothing new is kept.
    app.tray.day_rating_requested.emit()
    again = app.checkins.day_dialog
    assert again is not None
    assert again.panel.answers() == DayAnswers(sleep=4, energy=3, focus=1)
    again.save_button.click()
    QApplication.processEvents()
    assert _kinds(app) == ["day"]


def _from_menu(qtbot, app: Harness) -> DayRatingDialog:
    app.tray.day_rating_requested.emit()
    window = app.checkins.day_dialog
    assert window is not None
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _latest(app: Harness) -> tuple[int | None, int | None, int | None]:
    ratings = [r for r in app.journal.all_records() if isinstance(r, DayRating)]
    return ratings[-1].sleep, ratings[-1].energy, ratings[-1].focus


def test_all_left_open_from_the_menu_keeps_nothing(qtbot, app):
    window = _from_menu(qtbot, app)
    # Nothing to save on a day not rated yet: the button says so, and Enter writes nothing.
    assert window.save_button.text() == "Skip"
    assert not window.clears_label.isVisible()
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_3)
    assert window.save_button.text() == "Save"
    keys.press(Qt.Key.Key_Delete)  # chosen, then left open again
    assert window.save_button.text() == "Skip"
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.checkins.day_dialog is None)
    assert _kinds(app) == []
    assert _meter(qtbot, app).step == DAY_STEP  # nothing rated: the stress meter still asks


def test_clearing_all_three_from_the_menu_leaves_today_unrated(qtbot, app):
    keys = Keyboard(qtbot)
    _from_menu(qtbot, app)
    keys.press(Qt.Key.Key_4, Qt.Key.Key_Tab, Qt.Key.Key_3, Qt.Key.Key_Tab, Qt.Key.Key_1)
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.checkins.day_dialog is None)
    assert app.data.load_over_time(3).weeks[-1].sleep == 4

    app.clock.advance(timedelta(hours=2))
    again = _from_menu(qtbot, app)
    assert again.panel.answers() == DayAnswers(sleep=4, energy=3, focus=1)
    assert again.save_button.text() == "Save"
    keys.press(Qt.Key.Key_Delete, Qt.Key.Key_Tab, Qt.Key.Key_Delete)
    assert not again.clears_label.isVisible()  # focus is still given
    keys.press(Qt.Key.Key_Tab, Qt.Key.Key_Delete)
    assert again.clears_label.isVisible()
    assert again.clears_label.text() == "Saving now clears today's ratings."
    assert again.save_button.text() == "Save"
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.checkins.day_dialog is None)
    assert _kinds(app) == ["day", "day"]
    assert _latest(app) == (None, None, None)
    assert app.journal.all_records()[-1].at == app.clock.now()

    # Unrated everywhere: Over time, What helps me's days, and the windows that ask.
    week = app.data.load_over_time(3).weeks[-1]
    assert (week.sleep, week.energy, week.focus) == (None, None, None)
    assert day_scores(app.journal.all_records(), AMS) == {}
    fresh = _from_menu(qtbot, app)
    assert fresh.panel.answers() == DayAnswers()
    assert fresh.save_button.text() == "Skip"
    keys.press(Qt.Key.Key_Return)  # nothing more to clear: nothing written
    qtbot.waitUntil(lambda: app.checkins.day_dialog is None)
    assert _kinds(app) == ["day", "day"]
    # Not offered in a stress meter yet today, and unrated again: the first one asks.
    assert _meter(qtbot, app).step == DAY_STEP


def test_the_stress_meters_step_left_open_keeps_a_rating_given_meanwhile(qtbot, app):
    dialog = _meter(qtbot, app)
    assert dialog.step == DAY_STEP
    # While the stress meter waits on its first step, the user rates from the menu.
    _from_menu(qtbot, app)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_2, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.checkins.day_dialog is None)
    # The meter's step started open and stays open: a skip, not a clearing.
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.next_button.text() == "Skip"
    dialog.next_button.click()
    _save(qtbot, dialog)
    assert _kinds(app) == ["day", "checkin"]
    assert _latest(app) == (2, None, None)


def test_stressbreak_rate_opens_the_ratings_alone(qtbot, app):
    reply = app.commands.handle(Request("rate"))
    assert reply.ok and reply.message == "Sleep, energy and focus opened."
    qtbot.waitUntil(lambda: app.checkins.day_dialog is not None)
    assert app.checkins.dialog is None  # just that step, no stress meter
