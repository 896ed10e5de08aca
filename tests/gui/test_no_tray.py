"""A desktop without a system tray, in the real app: after the minute of looking for one, a note
says once how to reach StressBreak, `status` names it while there is none, and reminders come."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from stressbreak.core.commands import Request
from tests.fakes import TrayHere, wait_out_the_tray


def test_without_a_tray_a_note_comes_once_after_the_minute_of_looking(started, qtbot):
    app = started()
    assert app.notices.looks_for_tray_in_ms == 2000
    assert app.welcome.no_tray_window is None  # not while a late panel may still come
    wait_out_the_tray(app)
    note = app.welcome.no_tray_window
    assert note is not None and note.isVisible() and not note.isModal()
    assert app.prefs_store.load().told_no_tray
    commands = [note.commands.itemAtPosition(row, 0).widget().text()
                for row in range(note.commands.rowCount())]
    assert commands == ["stressbreak pause", "stressbreak checkin", "stressbreak overview",
                        "stressbreak settings", "stressbreak status", "stressbreak quiet 60",
                        "stressbreak quit"]
    qtbot.mouseClick(note.ok_button, Qt.MouseButton.LeftButton)
    assert app.welcome.no_tray_window is None
    app.stop()

    again = started()
    wait_out_the_tray(again)
    assert again.welcome.no_tray_window is None


def test_a_tray_that_comes_within_the_minute_gets_the_icon_and_no_note(started):
    tray = TrayHere(there=False)
    app = started(tray)
    for _ in range(5):
        app.notices.show_tray()  # the timer's looks, ten seconds of them
    tray.there = True  # the panel comes, late, at login
    app.notices.show_tray()
    assert tray.is_visible()
    assert app.notices.looks_for_tray_in_ms is None
    assert app.welcome.no_tray_window is None
    assert not app.prefs_store.load().told_no_tray


def test_a_tray_at_the_start_means_no_waiting_and_no_note(started):
    app = started(TrayHere(there=True))
    assert app.notices.looks_for_tray_in_ms is None
    assert app.welcome.no_tray_window is None
    assert not any("no system tray" in problem for problem in app.notices.problems)


def test_the_welcome_on_screen_says_it_already(started):
    app = started(welcome_new_user=True)
    assert app.welcome.window is not None
    wait_out_the_tray(app)
    assert app.welcome.no_tray_window is None
    assert app.prefs_store.load().told_no_tray  # the welcome said where StressBreak lives


def test_a_running_pause_keeps_the_keyboard(started):
    app = started(pause_duration_s=60)
    app.pauses.start()
    wait_out_the_tray(app)
    note = app.welcome.no_tray_window
    assert note is not None and note.isVisible()
    assert note.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)


def test_its_buttons_start_a_pause_and_open_the_settings(started, qtbot):
    app = started()
    wait_out_the_tray(app)
    qtbot.mouseClick(app.welcome.no_tray_window.pause_button, Qt.MouseButton.LeftButton)
    assert app.welcome.no_tray_window is None
    assert app.pauses.window is not None and app.pauses.window.isVisible()
    app.pauses.window.end_early()

    (started.data / "prefs.json").write_text(json.dumps({"version": 1}))  # as if never told
    again = started()
    wait_out_the_tray(again)
    qtbot.mouseClick(again.welcome.no_tray_window.settings_button, Qt.MouseButton.LeftButton)
    assert again.welcome.no_tray_window is None
    assert again.settings.dialog is not None and again.settings.dialog.isVisible()


def test_status_names_the_missing_tray_until_one_comes(started):
    tray = TrayHere(there=False)
    app = started(tray)
    wait_out_the_tray(app)
    [problem] = [p for p in app.notices.problems if "no system tray" in p]
    assert "stressbreak pause" in problem and "launcher" in problem
    assert problem in app.commands.handle(Request("status")).message
    assert problem in app.commands.status_facts()["problems"]

    app.welcome.no_tray_window.close()
    tray.there = True  # looked for again (a restart of the looking, as at a new start)
    app.notices.show_tray()
    assert not any("no system tray" in p for p in app.notices.problems)
    assert not any("no system tray" in p for p in app.commands.status_facts()["problems"])


def test_a_tray_that_comes_after_the_note_closes_it(started):
    app = started()
    wait_out_the_tray(app)
    assert app.welcome.no_tray_window is not None
    app.notices.tray_shown.emit()
    assert app.welcome.no_tray_window is None


def test_reminders_show_without_a_tray(started):
    app = started()
    wait_out_the_tray(app)
    app.welcome.no_tray_window.close()
    app.reminders.show()
    reminder = app.reminders.window
    assert reminder is not None and reminder.isVisible()
    screen = reminder.screen().availableGeometry()
    assert screen.contains(reminder.frameGeometry())

