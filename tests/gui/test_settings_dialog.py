"""The settings window, driven by keyboard and mouse like a person would."""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import time

import pytest
from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox

from stressbreak.core.settings import SETTINGS_SPEC, Kind, Settings
from stressbreak.ui.settings_dialog import (
    BoolEditor,
    ChoiceEditor,
    DaysEditor,
    IntEditor,
    SettingsDialog,
    TimeEditor,
    TimesEditor,
)

IDLE_REASON = "No idle-time source on this desktop"


def _open(qtbot, settings: Settings | None = None, unavailable=None) -> SettingsDialog:
    dialog = SettingsDialog(settings or Settings(), unavailable)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


def _record(dialog: SettingsDialog) -> list[Settings]:
    got: list[Settings] = []
    dialog.saved.connect(got.append)
    return got


def _show_page_of(dialog: SettingsDialog, key: str) -> None:
    editor = dialog.editors[key]
    for index in range(dialog.tabs.count()):
        if dialog.tabs.widget(index).isAncestorOf(editor):
            dialog.tabs.setCurrentIndex(index)
            return
    raise AssertionError(f"{key} is on no page")


def _editor(dialog: SettingsDialog, key: str, kind: type):
    editor = dialog.editors[key]
    assert isinstance(editor, kind)
    return editor


def test_every_setting_has_a_control_that_shows_its_value(qtbot):
    custom = Settings(interval_min=45, work_days=(0, 3), work_start=time(8, 15),
                      checkin_times=(time(9, 0),), exercise="rotate", language="nl",
                      start_at_login=True, gentle_max_wait_s=0,
                      shared_folder="/home/anna/Sync", computer_name="Desk at home",
                      heart_sensor="A0:9E:1A:12:34:56 Polar H10")
    dialog = _open(qtbot, custom)
    assert set(dialog.editors) == {spec.key for spec in SETTINGS_SPEC}
    assert dialog.values() == asdict(custom)
    assert dialog.problems() == {}
    assert dialog.save_button.isEnabled()
    assert dialog.tabs.count() == 7
    for spec in SETTINGS_SPEC:
        assert type(dialog.editors[spec.key]).__name__.lower().startswith(
            {Kind.INT: "int", Kind.BOOL: "bool", Kind.TIME: "time", Kind.TIMES: "times",
             Kind.DAYS: "days", Kind.CHOICE: "choice", Kind.TEXT: "text",
             Kind.FOLDER: "folder", Kind.SENSOR: "sensor"}[spec.kind])


def test_saving_untouched_defaults_gives_the_defaults(qtbot):
    dialog = _open(qtbot)
    got = _record(dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert got == [Settings()]
    assert not dialog.isVisible()


def test_a_few_changes_by_keyboard_and_mouse_are_exactly_what_is_saved(qtbot):
    dialog = _open(qtbot)
    got = _record(dialog)

    interval = _editor(dialog, "interval_min", IntEditor).spin
    interval.setFocus()
    qtbot.keyClick(interval, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(interval, "45")

    days = _editor(dialog, "work_days", DaysEditor)
    qtbot.mouseClick(days.buttons[5], Qt.MouseButton.LeftButton)  # Saturday on
    days.buttons[0].setFocus()
    qtbot.keyClick(days.buttons[0], Qt.Key.Key_Space)  # Monday off

    _show_page_of(dialog, "exercise")
    combo = _editor(dialog, "exercise", ChoiceEditor).combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)  # the last choice: each exercise in turn

    _show_page_of(dialog, "start_at_login")
    login = _editor(dialog, "start_at_login", BoolEditor).check
    login.setFocus()
    qtbot.keyClick(login, Qt.Key.Key_Space)

    assert dialog.problems() == {}
    qtbot.keyClick(login, Qt.Key.Key_Return)  # Enter: the default button, Save
    assert got == [replace(Settings(), interval_min=45, work_days=(1, 2, 3, 4, 5),
                           exercise="rotate", start_at_login=True)]


def test_check_in_times_can_be_added_and_removed(qtbot):
    dialog = _open(qtbot)
    got = _record(dialog)
    times = _editor(dialog, "checkin_times", TimesEditor)
    qtbot.mouseClick(times.add_button, Qt.MouseButton.LeftButton)
    assert len(times.rows) == 4
    new_edit = times.rows[-1][1]
    assert dialog.focusWidget() is new_edit  # ready to type the new time
    new_edit.setTime(QTime(12, 0))
    qtbot.mouseClick(times.rows[0][2], Qt.MouseButton.LeftButton)  # remove 10:30
    assert dialog.problems() == {}
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert got[0].checkin_times == (time(12, 0), time(13, 30), time(16, 0))


def test_at_most_eight_check_in_times(qtbot):
    dialog = _open(qtbot)
    times = _editor(dialog, "checkin_times", TimesEditor)
    while times.add_button.isEnabled():
        qtbot.mouseClick(times.add_button, Qt.MouseButton.LeftButton)
    assert len(times.rows) == 8
    assert len(set(times.value())) == 8  # a new row never starts as a duplicate
    assert dialog.save_button.isEnabled()


def _assert_blocked(qtbot, dialog: SettingsDialog, key: str, words: str) -> None:
    label = dialog.problem_labels[key]
    assert not label.isHidden()
    assert words in label.text()
    assert set(dialog.problems()) == {key}
    assert not dialog.save_button.isEnabled()
    assert not dialog.summary_label.isHidden()
    got = _record(dialog)
    dialog.save_button.setFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    dialog.accept()  # even called directly, nothing wrong is saved
    assert got == []
    assert dialog.isVisible()


def test_no_working_day_cannot_be_saved(qtbot):
    dialog = _open(qtbot)
    days = _editor(dialog, "work_days", DaysEditor)
    for button in days.buttons:
        if button.isChecked():
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    _assert_blocked(qtbot, dialog, "work_days", "at least one working day")
    assert "Schedule" in dialog.summary_label.text()
    qtbot.mouseClick(days.buttons[2], Qt.MouseButton.LeftButton)
    assert dialog.problems() == {}
    assert dialog.problem_labels["work_days"].isHidden()
    assert dialog.save_button.isEnabled()
    assert dialog.summary_label.isHidden()


def test_an_end_before_the_start_cannot_be_saved(qtbot):
    dialog = _open(qtbot)
    end = _editor(dialog, "work_end", TimeEditor).edit
    end.setFocus()
    end.setTime(QTime(8, 0))
    _assert_blocked(qtbot, dialog, "work_end", "end after it starts (09:00)")
    _editor(dialog, "work_start", TimeEditor).edit.setTime(QTime(7, 0))
    assert dialog.problems() == {}


def test_a_time_twice_cannot_be_saved(qtbot):
    dialog = _open(qtbot)
    times = _editor(dialog, "checkin_times", TimesEditor)
    times.rows[1][1].setTime(QTime(10, 30))
    _assert_blocked(qtbot, dialog, "checkin_times", "10:30 is in the list twice")


def test_restore_defaults(qtbot):
    custom = Settings(interval_min=30, work_days=(5, 6), checkin_times=(), language="en",
                      sound_cues=True, followup_enabled=False)
    dialog = _open(qtbot, custom)
    got = _record(dialog)
    assert _editor(dialog, "checkin_times", TimesEditor).rows == []
    qtbot.mouseClick(dialog.defaults_button, Qt.MouseButton.LeftButton)
    assert dialog.values() == asdict(Settings())
    assert len(_editor(dialog, "checkin_times", TimesEditor).rows) == 3
    assert got == []  # nothing is saved until Save
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert got == [Settings()]


def test_unavailable_settings_say_why_and_cannot_be_changed(qtbot):
    dialog = _open(qtbot, Settings(natural_breaks=False), {"natural_breaks": IDLE_REASON})
    got = _record(dialog)
    _show_page_of(dialog, "natural_breaks")
    check = _editor(dialog, "natural_breaks", BoolEditor).check
    assert not check.isEnabled()
    reason = dialog.reason_labels["natural_breaks"]
    assert reason.text() == IDLE_REASON
    assert reason.isVisible()
    assert IDLE_REASON in check.accessibleDescription()
    assert set(dialog.reason_labels) == {"natural_breaks"}
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.defaults_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert got == [Settings(natural_breaks=False)]  # kept as it was


def test_a_setting_that_depends_on_another_follows_it(qtbot):
    dialog = _open(qtbot)
    wait = _editor(dialog, "gentle_max_wait_s", IntEditor)
    assert wait.isEnabled()
    _editor(dialog, "gentle_timing", BoolEditor).check.setChecked(False)
    assert not wait.isEnabled()


@pytest.mark.parametrize("how", ["cancel", "escape"])
def test_cancel_and_escape_change_nothing(qtbot, how: str):
    dialog = _open(qtbot)
    got = _record(dialog)
    _editor(dialog, "snooze_min", IntEditor).spin.setValue(20)
    if how == "cancel":
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
    assert got == []
    assert not dialog.isVisible()


def test_every_control_has_an_accessible_name(qtbot):
    dialog = _open(qtbot, Settings(checkin_times=(time(10, 0),)))
    fields = dialog.findChildren(QAbstractSpinBox) + dialog.findChildren(QComboBox)
    assert len(fields) >= 12
    assert [f for f in fields if not f.accessibleName()] == []
    buttons = dialog.findChildren(QAbstractButton)
    assert [b for b in buttons if not b.accessibleName() and not b.text()] == []
    times = _editor(dialog, "checkin_times", TimesEditor)
    assert times.rows[0][1].accessibleName() == "Stress meter at, time 1"
    assert times.rows[0][2].accessibleName() == "Remove 10:00"
    monday = QLocale().dayName(1, QLocale.FormatType.LongFormat)
    assert _editor(dialog, "work_days", DaysEditor).buttons[0].accessibleName() == monday


def test_tab_reaches_every_control_on_a_page(qtbot):
    dialog = _open(qtbot)
    spin = _editor(dialog, "interval_min", IntEditor).spin
    spin.setFocus()
    reached = set()
    for _ in range(30):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        reached.add(dialog.focusWidget())
    days = _editor(dialog, "work_days", DaysEditor).buttons
    assert set(days) <= reached
    assert _editor(dialog, "work_end", TimeEditor).edit in reached
    assert _editor(dialog, "checkin_times", TimesEditor).add_button in reached
    assert dialog.save_button in reached


def test_a_number_out_of_range_is_named_not_changed(qtbot):
    dialog = _open(qtbot)
    got = _record(dialog)
    spin = _editor(dialog, "interval_min", IntEditor).spin
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, "500")
    assert spin.value() == 500  # as typed: not refused, not put back
    assert dialog.problems() == {
        "interval_min": "Choose a value from 5 to 240 minutes. 500 is outside that range."}
    _assert_blocked(qtbot, dialog, "interval_min", "500 is outside")
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, "3")
    assert "3 is outside" in dialog.problems()["interval_min"]
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, "90")
    assert dialog.problems() == {}
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert got[-1].interval_min == 90


def test_the_arrows_stay_within_the_bounds(qtbot):
    dialog = _open(qtbot, Settings(snooze_min=60))
    spin = _editor(dialog, "snooze_min", IntEditor).spin
    _show_page_of(dialog, "snooze_min")
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert spin.value() == 60
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, "75")
    qtbot.keyClick(spin, Qt.Key.Key_Down)  # from a typed 75 back into the range
    assert spin.value() == 60
    assert dialog.problems() == {}


def test_a_problem_looks_like_one(qtbot):
    dialog = _open(qtbot)
    _editor(dialog, "work_end", TimeEditor).edit.setTime(QTime(8, 0))
    note = dialog.problem_labels["work_end"]
    assert note.isVisible()
    assert not note.icon.pixmap().isNull()  # the style's warning sign
    assert note.label.font().bold()
    assert not dialog.help_labels["work_end"].font().bold()
    window = dialog.palette().color(QPalette.ColorRole.Window)
    tint = note.palette().color(QPalette.ColorRole.Window)
    assert tint != window
    assert note.autoFillBackground()
    # Readable: the text keeps the palette's own colour, on a background close to the window's.
    text = note.palette().color(QPalette.ColorRole.WindowText)
    assert text == dialog.palette().color(QPalette.ColorRole.WindowText)
    assert abs(tint.lightness() - window.lightness()) < 40
    summary = dialog.summary_label
    assert summary.isVisible()
    assert not summary.icon.pixmap().isNull()


def test_a_problem_is_tinted_anew_for_a_dark_palette(qtbot):
    dialog = _open(qtbot)
    dark = QPalette(dialog.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor(40, 40, 40))
    dark.setColor(QPalette.ColorRole.WindowText, QColor(230, 230, 230))
    dialog.setPalette(dark)
    note = dialog.problem_labels["work_end"]
    tint = note.palette().color(QPalette.ColorRole.Window)
    assert tint.lightness() < 90  # still dark: the light text stays readable on it
    assert tint != QColor(40, 40, 40)
    assert note.palette().color(QPalette.ColorRole.WindowText) == QColor(230, 230, 230)
