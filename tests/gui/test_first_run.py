"""The welcome on a new user's first start, and the "Why this works" page, in the real app."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import time, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTime
from PySide6.QtWidgets import QApplication

from stressbreak.core.commands import Request
from stressbreak.core.method import CONTEXT, SECTIONS
from stressbreak.core.model import PauseOutcome, PauseRecord
from stressbreak.core.settings import Settings
from stressbreak.ui.first_run import FirstRunWindow
from tests.fakes import TUESDAY_10, FakeClock, Harness, make_app


class Starts:
    """Starts real apps on fake time in one data folder (a new user's: empty at first), as
    many times as a test asks; with the welcome for a new user unless told otherwise."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.apps: list[Harness] = []

    def __call__(self, **options: Any) -> Harness:
        options.setdefault("welcome_new_user", True)
        app = make_app(self.data, FakeClock(TUESDAY_10), [], **options)
        app.start()
        self.apps.append(app)
        QCoreApplication.processEvents()  # the welcome comes from the running loop
        return app


@pytest.fixture
def started(qtbot, tmp_path: Path) -> Iterator[Starts]:
    (tmp_path / "data").mkdir()
    starts = Starts(tmp_path / "data")
    yield starts
    for app in starts.apps:
        for window in (app.welcome.window, app.welcome.why_page):
            if window is not None:
                window.close()
        app.stop()


def menu_action(app: Harness, text: str):
    return next(action for action in app.tray.menu.actions() if action.text() == text)


def test_a_new_user_is_welcomed_once_and_not_again_after_a_restart(started):
    first = started()
    window = first.welcome.window
    assert window is not None and window.isVisible()
    assert not window.isModal() and QApplication.activeModalWidget() is None
    assert first.prefs_store.load().welcomed
    window.close()
    first.stop()

    again = started()
    assert again.welcome.window is None


def test_the_tests_apps_welcome_nobody_unless_asked(started):
    app = started(welcome_new_user=False)
    assert app.welcome.window is None
    assert not (started.data / "prefs.json").exists()  # nothing written for it either


def test_someone_who_used_stressbreak_before_the_welcome_is_not_greeted(started):
    (started.data / "prefs.json").write_text(json.dumps({"version": 1, "values": ["calm"]}))
    assert started().welcome.window is None


def test_a_journal_means_stressbreak_is_in_use(started):
    app = started(welcome_new_user=False)
    app.journal.append(PauseRecord(
        started_at=TUESDAY_10 - timedelta(days=3), ended_at=TUESDAY_10 - timedelta(days=3),
        outcome=PauseOutcome.COMPLETED, exercise="coherent"))
    app.stop()
    journal_user = started()
    assert journal_user.welcome.window is None
    assert journal_user.prefs_store.load().welcomed  # asked once, not at every start


def test_own_settings_mean_stressbreak_is_in_use(started):
    (started.data / "settings.json").write_text(json.dumps({"interval_min": 45}))
    app = started()
    assert app.welcome.window is None
    assert app.prefs_store.load().welcomed


def test_it_asks_the_working_day_as_set_and_done_saves_it_so_the_schedule_follows(
        started, qtbot):
    app = started()
    window = app.welcome.window
    assert [box.isChecked() for box in window.days] == [True] * 5 + [False] * 2
    assert (window.start.time(), window.end.time()) == (QTime(9, 0), QTime(17, 30))
    assert window.interval.value() == 60
    assert app.scheduler.next_pause_at() == TUESDAY_10 + timedelta(minutes=60)

    window.days[0].setChecked(False)
    window.days[5].setChecked(True)
    window.start.setTime(QTime(8, 0))
    window.end.setTime(QTime(16, 0))
    window.interval.setValue(45)
    qtbot.mouseClick(window.done_button, Qt.MouseButton.LeftButton)

    assert app.welcome.window is None
    saved = app.settings_store.load()
    assert (saved.work_days, saved.work_start, saved.work_end, saved.interval_min) == (
        (1, 2, 3, 4, 5), time(8, 0), time(16, 0), 45)
    assert app.settings.current == saved
    assert app.scheduler.next_pause_at() == TUESDAY_10 + timedelta(minutes=45)


def test_enter_is_done_and_escape_closes_without_changing_anything(started, qtbot):
    app = started()
    window = app.welcome.window
    window.interval.setValue(30)
    window.interval.setFocus()
    qtbot.keyClick(window.interval, Qt.Key.Key_Escape)
    assert app.welcome.window is None
    assert app.settings_store.load() == app.settings.current == Settings()

    menu_action(app, "Welcome…").trigger()
    window = app.welcome.window
    window.interval.setValue(30)
    qtbot.keyClick(window.interval, Qt.Key.Key_Return)
    assert app.welcome.window is None
    assert app.settings_store.load().interval_min == 30


def test_done_is_off_while_the_schedule_cannot_be_kept_and_says_why(started, qtbot):
    window = started().welcome.window
    for box in window.days:
        box.setChecked(False)
    assert not window.done_button.isEnabled()
    assert window.problem_row.isVisibleTo(window)
    assert "at least one working day" in window.problem.text()
    qtbot.keyClick(window.interval, Qt.Key.Key_Return)
    assert window.isVisible()  # Enter keeps it open: the words say what to change
    window.days[2].setChecked(True)
    window.end.setTime(QTime(8, 0))
    assert "has to end after it starts" in window.problem.text()
    window.end.setTime(QTime(18, 0))
    assert window.done_button.isEnabled() and not window.problem_row.isVisibleTo(window)


def test_an_interval_typed_out_of_range_is_named_not_clamped(started, qtbot):
    window = started().welcome.window
    window.interval.lineEdit().selectAll()
    qtbot.keyClicks(window.interval.lineEdit(), "500")
    assert window.interval.value() == 500
    assert not window.done_button.isEnabled()
    assert "500" in window.problem.text() and "240" in window.problem.text()
    window.interval.stepBy(1)  # the arrows lead back within the bounds
    assert window.interval.value() == 240 and window.done_button.isEnabled()


def test_try_a_pause_now_starts_a_real_pause_and_the_welcome_waits_behind_it(started, qtbot):
    app = started()
    window = app.welcome.window
    qtbot.mouseClick(window.try_button, Qt.MouseButton.LeftButton)
    pause = app.pauses.window
    assert pause is not None and pause.isVisible()
    assert app.welcome.window is window and window.isVisible()
    with qtbot.waitSignal(pause.finished, timeout=5000):
        pass
    records = app.journal.all_records()
    assert [type(record) for record in records] == [PauseRecord]


def test_a_pause_running_at_the_first_start_keeps_the_keyboard(qtbot, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    app = make_app(data, FakeClock(TUESDAY_10), [], welcome_new_user=True)
    app.start()
    app.pauses.start()  # as `stressbreak pause` does, before the loop runs
    try:
        QCoreApplication.processEvents()
        window = app.welcome.window
        assert window is not None and window.isVisible()
        assert window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    finally:
        if app.welcome.window is not None:
            app.welcome.window.close()
        app.stop()


def test_where_it_lives_follows_whether_there_is_a_tray(started, qtbot):
    # Offscreen there is no tray: the app asks its tray and says how else to reach it.
    without = started().welcome.window
    assert "no tray icon" in without.where.text()
    assert "stressbreak pause" in without.where.text()
    with_tray = FirstRunWindow(Settings(), tray_available=True)
    qtbot.addWidget(with_tray)
    assert "lives in the tray" in with_tray.where.text()


def test_a_tray_that_comes_after_the_welcome_is_named_in_it(started):
    app = started()
    assert "no tray icon" in app.welcome.window.where.text()
    app.notices.tray_shown.emit()  # as Notices does when the panel comes late, at login
    assert "lives in the tray" in app.welcome.window.where.text()


def test_the_welcome_and_why_this_works_are_in_the_tray_menu(started):
    app = started(welcome_new_user=False)
    menu_action(app, "Welcome…").trigger()
    assert app.welcome.window is not None and app.welcome.window.isVisible()
    app.welcome.window.close()

    menu_action(app, "Why this works").trigger()
    page = app.welcome.why_page
    assert page is not None and page.isVisible()
    text = page.text.toPlainText()
    for section in SECTIONS:
        assert QCoreApplication.translate(CONTEXT, section.heading) in text
    assert "not a medical device" in text and "GP or a psychologist" in text


def test_without_a_tray_the_welcome_comes_back_with_a_command(started, qtbot):
    app = started(welcome_new_user=False)
    reply = app.commands.handle(Request("welcome"))
    assert reply.ok and reply.message == "Welcome opened."
    qtbot.waitUntil(lambda: app.welcome.window is not None, timeout=2000)
    assert app.welcome.window.isVisible()


def test_why_this_works_opens_from_the_welcome_and_escape_closes_it(started, qtbot):
    app = started()
    qtbot.mouseClick(app.welcome.window.why_button, Qt.MouseButton.LeftButton)
    page = app.welcome.why_page
    assert page is not None and page.isVisible()
    assert app.welcome.window is not None  # the welcome stays, to go on with after
    qtbot.keyClick(page.text, Qt.Key.Key_Escape)
    assert app.welcome.why_page is None

    app.welcome.open_why()
    page = app.welcome.why_page
    qtbot.keyClick(page.text, Qt.Key.Key_PageDown)  # the keys read on through the page
    assert page.isVisible()
    qtbot.keyClick(page.text, Qt.Key.Key_Return)  # and Enter closes it, as its one button
    assert app.welcome.why_page is None


@pytest.mark.parametrize("which", ["welcome", "why"])
def test_both_fit_a_1024_by_768_screen(started, which: str):
    app = started()
    if which == "why":
        app.welcome.open_why()
        window = app.welcome.why_page
    else:
        window = app.welcome.window
    window.adjustSize()
    hint = window.sizeHint().expandedTo(window.size())
    # Room left for the window's frame and a panel.
    assert hint.width() <= 1024 - 40 and hint.height() <= 768 - 80, hint
