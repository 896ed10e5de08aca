"""A gentle end of the pause: the window stays after the last out-breath with the tip and a
focused Done, closes on Done, Enter, Esc or by itself; the stress meter then opens where the
pause was."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel

from stressbreak.core.breathing import PATTERNS, Phase
from stressbreak.core.model import PauseOutcome, PauseRecord
from stressbreak.ui.pause_window import CLOSING_S, PauseWindow
from stressbreak.ui.profile_dialog import ProfileDialog
from tests.fakes import TUESDAY_10, FakeClock, make_app

TIP = "Notice the automatic yes."


def finished_window(qtbot, **kwargs) -> PauseWindow:
    """A pause run to its end (two short breaths of the default pattern, seeked to the end)."""
    window = PauseWindow(PATTERNS["coherent"], duration_s=22.0, tip=TIP, **kwargs)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.start()
    with qtbot.waitSignal(window.finished) as blocker:
        window.seek(window.duration_s)
    assert blocker.args == [True, 22.0]
    return window


def test_the_window_stays_after_the_last_breath_with_the_tip_and_done(qtbot):
    window = finished_window(qtbot)
    assert window.isVisible()
    assert window.completed
    assert window.closing_s == CLOSING_S
    assert window.phase_label.text() == "That was your pause. Go on at your own pace."
    assert window.tip_label.isVisible() and window.tip_label.text() == TIP
    assert window.done_button.isVisible() and not window.end_button.isVisible()
    assert QApplication.focusWidget() is window.done_button
    assert not window.countdown_label.isVisible()
    # The last out-breath is finished: the circle is at rest, not at the next in-breath.
    assert window.pacer.state.fullness == pytest.approx(0.0, abs=1e-3)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape])
def test_enter_or_escape_closes_it_as_done(qtbot, key):
    window = finished_window(qtbot)
    with qtbot.waitSignal(window.closed) as blocker:
        qtbot.keyClick(window.done_button, key)
    completed, place = blocker.args
    assert completed is True
    assert isinstance(place, QRect) and place.isValid()


def test_enter_still_closes_it_when_the_focus_went_elsewhere(qtbot):
    window = finished_window(qtbot)
    window.favourite_button.setFocus()
    with qtbot.waitSignal(window.closed):
        qtbot.keyClick(window.favourite_button, Qt.Key.Key_Return)
    assert not window.favourite_button.isChecked()


def test_done_closes_it(qtbot):
    window = finished_window(qtbot)
    with qtbot.waitSignal(window.closed):
        qtbot.mouseClick(window.done_button, Qt.MouseButton.LeftButton)


def test_it_closes_by_itself_after_its_time(qtbot):
    window = finished_window(qtbot, closing_s=0.05)
    with qtbot.waitSignal(window.closed, timeout=2000) as blocker:
        pass
    assert blocker.args[0] is True


def test_enter_during_the_breathing_does_not_end_it(qtbot):
    window = PauseWindow(PATTERNS["coherent"], duration_s=60.0)
    qtbot.addWidget(window)
    ended: list[bool] = []
    window.finished.connect(lambda completed, _s: ended.append(completed))
    with qtbot.waitActive(window):
        window.start()
    qtbot.keyClick(window.end_button, Qt.Key.Key_Return)
    assert ended == [] and window.isVisible()
    window.seek(30.0)
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # Esc is still "End early"
    assert ended == [False]


def test_ending_early_closes_at_once(qtbot):
    window = PauseWindow(PATTERNS["coherent"], duration_s=60.0)
    qtbot.addWidget(window)
    window.start()
    window.seek(10.0)
    with qtbot.waitSignal(window.closed) as blocker:
        window.end_early()
    assert blocker.args[0] is False
    assert not window.isVisible()


@pytest.fixture
def app(qtbot, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(ProfileDialog, "offer", classmethod(lambda cls, parent=None: False))
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"native_notifications": False}))
    clock = FakeClock(TUESDAY_10)
    harness = make_app(data, clock, [], pause_duration_s=22.0)
    harness.start()
    yield harness
    harness.stop()


def records(harness):
    return harness.journal.records_between(TUESDAY_10 - timedelta(days=1),
                                           TUESDAY_10 + timedelta(days=1))


def expected_place(size, centre: QPoint, free: QRect) -> QRect:
    box = QRect(QPoint(), size)
    box.moveCenter(centre)
    left = max(free.left(), min(box.left(), free.right() + 1 - box.width()))
    top = max(free.top(), min(box.top(), free.bottom() + 1 - box.height()))
    return QRect(QPoint(left, top), size)


def test_a_finished_pause_is_recorded_when_the_breathing_ends_and_the_meter_opens_where_it_was(
        qtbot, app):
    app.pauses.start()
    window = app.pauses.window
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.move(40, 30)  # somewhere the window manager would not put the stress meter
    app.clock.advance(timedelta(seconds=22))
    with qtbot.waitSignal(window.finished):
        window.seek(window.duration_s)
    # The pause is over and recorded, though its window is still there.
    [record] = records(app)
    assert isinstance(record, PauseRecord) and record.outcome is PauseOutcome.COMPLETED
    assert record.ended_at == TUESDAY_10 + timedelta(seconds=22)
    assert app.pauses.window is None and app.pauses.closing_window is window
    assert "pause is under way" not in app.notices.status_text()
    assert app.checkins.dialog is None  # nothing opens over the closing moment

    app.clock.advance(timedelta(seconds=10))  # the user reads the tip, then presses Enter
    place = window.frameGeometry()
    qtbot.keyClick(window.done_button, Qt.Key.Key_Return)
    [record] = records(app)
    assert record.ended_at == TUESDAY_10 + timedelta(seconds=22)  # the breathing's end
    assert app.pauses.closing_window is None
    meter = app.checkins.dialog
    assert meter is not None and meter.isVisible()
    # Centred on the pause as far as the screen allows (move() places the frame's corner).
    free = meter.screen().availableGeometry()
    wanted = expected_place(meter.size(), place.center(), free)
    assert meter.frameGeometry().topLeft() == wanted.topLeft()
    if meter.height() <= free.height():
        assert abs(meter.geometry().center().y() - place.center().y()) <= 4
    assert meter.geometry().contains(place.center())


def test_a_pause_that_closes_by_itself_counts_as_completed(qtbot, app):
    app.pauses.closing_s = 0.05
    app.pauses.start()
    window = app.pauses.window
    with qtbot.waitSignal(app.pauses.window_closed, timeout=3000) as blocker:
        window.seek(window.duration_s)
    assert blocker.args[0] is True
    [record] = records(app)
    assert record.outcome is PauseOutcome.COMPLETED
    assert app.checkins.dialog is not None


def test_a_new_pause_replaces_the_closing_moment_without_the_meter(qtbot, app):
    app.pauses.start()
    first = app.pauses.window
    first.seek(first.duration_s)
    assert app.pauses.closing_window is first
    app.pauses.start()  # the tray clicked again within the closing seconds
    assert not first.isVisible()
    assert app.pauses.window is not None and app.pauses.window is not first
    assert app.checkins.dialog is None  # it follows the new pause instead
    app.pauses.window.end_early()


def test_quitting_closes_the_closing_window(qtbot, app):
    app.pauses.start()
    window = app.pauses.window
    window.seek(window.duration_s)
    app.pauses.end_early()
    assert not window.isVisible()
    assert app.checkins.dialog is None
    assert [r.outcome for r in records(app)] == [PauseOutcome.COMPLETED]


def test_box_breathing_ends_at_rest_not_in_a_hold(qtbot):
    window = PauseWindow(PATTERNS["box"], duration_s=32.0)
    qtbot.addWidget(window)
    window.start()
    window.seek(31.0)
    assert window.pacer.state.phase is Phase.HOLD_EMPTY  # the last step of its breath
    window.seek(window.duration_s)
    assert window.completed
    # The guide ring is no longer dashed: nothing is held any more.
    assert window.pacer.state.phase is Phase.IN
    assert window.pacer.state.fullness == 0.0


def test_the_window_is_never_so_small_that_lines_run_into_the_circle(qtbot):
    window = PauseWindow(PATTERNS["box"], duration_s=32.0, tip=TIP)
    qtbot.addWidget(window)
    window.resize(1, 1)
    window.show()
    window.seek(window.duration_s)
    labels = [w for w in window.findChildren(QLabel) if w.isVisible() and w.text()]
    for label in labels:
        needed = label.heightForWidth(label.width())
        assert label.height() >= needed, label.text()
        assert not label.geometry().intersects(window.pacer.geometry()), label.text()
