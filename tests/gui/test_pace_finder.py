"""*Find my breathing pace*: the tray's entry, the window's pages, the heart source, the
setting it may save. The heart comes from tests/fakes.py's FakeHeartSource (a strap's interface)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from stressbreak.app.pace_finder import PaceFinder
from stressbreak.core.heart import SensorState, parse_rr_text
from stressbreak.core.resonance import session_length_s, session_plan
from stressbreak.services.heart_replay import ReplaySource
from stressbreak.ui.pace_finder import PaceFinderWindow
from tests.fakes import FakeHeartSource, Harness
from tests.gui.conftest import Starts

DATA = Path(__file__).resolve().parents[1] / "data" / "heart"


def menu_item(app: Harness, text: str) -> QAction:
    return next(a for a in app.tray.menu.actions() if a.text() == text)


def open_finder(app: Harness) -> PaceFinderWindow:
    menu_item(app, "Find my breathing pace…").trigger()
    window = app.controller.pace_finder.window
    assert window is not None and window.isVisible()
    return window


def press(qtbot: QtBot, window: QWidget, expected: QPushButton) -> None:
    """The keyboard only: the focused button must be the one expected, and Space presses it."""
    focused = window.focusWidget()
    assert focused is expected, focused
    qtbot.keyClick(focused, Qt.Key.Key_Space)


def breathe_through(window: PaceFinderWindow, source: FakeHeartSource, rr: list[float]) -> None:
    """The session as a strap gives it: each beat arrives as it ends, on the window's time."""
    elapsed = 0.0
    for interval in rr:
        elapsed += interval
        if elapsed >= window.length_s:
            break
        window.seek(elapsed)
        source.send((interval,), heart_rate=round(60 / interval))
    window.seek(window.length_s)


def saved_pattern(app: Harness) -> str | None:
    path = app.settings_store.path
    if not path.exists():
        return None
    return str(json.loads(path.read_text(encoding="utf-8"))["breathing_pattern"])


def test_the_whole_session_by_keyboard_suggests_the_planted_pace_and_saves_it(
        started: Starts, qtbot: QtBot) -> None:
    source = FakeHeartSource(on_start=SensorState.RECEIVING)
    app = started(heart_source=lambda: source)
    window = open_finder(app)
    assert window.pages.currentWidget() is window.intro_page
    press(qtbot, window, window.start_button)
    assert source.started == 1
    assert window.pages.currentWidget() is window.session_page
    window.seek(130)
    assert window.step_label.text() == "Step 2 of 5: 6 breaths a minute"
    assert window.time_label.text() == "1:50 left at this pace"
    window.seek(0)

    breathe_through(window, source, parse_rr_text(
        (DATA / "rr-pace-finder.csv").read_text(encoding="utf-8")))

    assert window.pages.currentWidget() is window.result_page
    assert source.stopped == 1
    assert window.result_label.text().startswith(
        "Your heart rate rose and fell most, and most smoothly, at 5.5 breaths a minute.")
    assert [bar.share for bar in window.bars][2] == 1.0
    assert window.use_button is not None
    press(qtbot, window, window.use_button)
    assert app.settings.current.breathing_pattern == "pace-5.5"
    assert saved_pattern(app) == "pace-5.5"
    assert app.controller.pace_finder.window is None
    # The pauses breathe it from now on.
    assert app.pauses.next_exercise()[2].id == "pace-5.5"


def test_a_sped_up_recording_runs_the_session_in_seconds(started: Starts, qtbot: QtBot) -> None:
    app = started()
    plan = session_plan(step_s=0.6)
    finder = PaceFinder(settings=app.settings, platform_reduces_motion=lambda: None,
                        source_factory=lambda: ReplaySource(parse_rr_text(
                            (DATA / "rr-pace-finder.csv").read_text(encoding="utf-8")),
                            speed=200),
                        step_s=0.6, parent=app.controller)
    finder.open()
    window = finder.window
    assert window is not None and window.length_s == session_length_s(plan) == 3.0
    press(qtbot, window, window.start_button)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.result_page, timeout=30_000)
    assert "at 5.5 breaths a minute" in window.result_label.text()
    assert finder.source is None  # stopped at the end
    window.close()
    assert app.settings.current.breathing_pattern == "coherent"


def test_without_a_source_it_says_so_plainly(started: Starts, qtbot: QtBot) -> None:
    app = started()  # no heart source set up
    window = open_finder(app)
    press(qtbot, window, window.start_button)
    assert window.pages.currentWidget() is window.no_sensor_page
    assert window.no_sensor_label.text() == (
        "This needs a heart-rate strap, and none is set up for StressBreak yet.")
    press(qtbot, window, window.no_sensor_close)
    assert app.controller.pace_finder.window is None
    assert saved_pattern(app) == "coherent"


@pytest.mark.parametrize(("state", "words"), [
    (SensorState.ABSENT, "Your heart-rate strap was not found."),
    (SensorState.UNAVAILABLE, "Bluetooth is not available on this computer right now"),
])
def test_a_strap_that_does_not_come_is_said_and_let_go(
        started: Starts, qtbot: QtBot, state: SensorState, words: str) -> None:
    source = FakeHeartSource()
    app = started(heart_source=lambda: source)
    window = open_finder(app)
    press(qtbot, window, window.start_button)
    assert window.pages.currentWidget() is window.intro_page
    assert window.intro_status.text() == "Looking for your heart-rate strap…"
    assert not window.start_button.isEnabled()
    source.set(state)
    assert window.pages.currentWidget() is window.no_sensor_page
    assert window.no_sensor_label.text().startswith(words)
    assert source.stopped == 1
    assert app.controller.pace_finder.source is None
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert app.controller.pace_finder.window is None


def test_esc_stops_mid_session_and_nothing_is_saved(started: Starts, qtbot: QtBot) -> None:
    source = FakeHeartSource(on_start=SensorState.RECEIVING)
    app = started(heart_source=lambda: source)
    window = open_finder(app)
    press(qtbot, window, window.start_button)
    assert window.heart_label.text() == "Waiting for the first heartbeats…"
    window.seek(30)
    source.send((0.9, 0.92), heart_rate=65)
    assert window.heart_label.text() == "Your heart: 65 beats a minute"
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Escape)
    assert app.controller.pace_finder.window is None
    assert source.stopped == 1
    assert app.settings.current.breathing_pattern == "coherent"
    assert saved_pattern(app) == "coherent"
    # Opened again, it starts from the introduction with a new source.
    window = open_finder(app)
    assert window.pages.currentWidget() is window.intro_page


def test_a_strap_gone_mid_session_is_said_and_the_breathing_goes_on(
        started: Starts, qtbot: QtBot) -> None:
    source = FakeHeartSource(on_start=SensorState.RECEIVING)
    app = started(heart_source=lambda: source)
    window = open_finder(app)
    press(qtbot, window, window.start_button)
    source.send((0.9,), heart_rate=67)
    source.set(SensorState.LOST)
    assert window.pages.currentWidget() is window.session_page
    assert window.heart_label.text().startswith("Your heart rate is not coming through")
    window.seek(window.length_s)
    assert window.pages.currentWidget() is window.result_page
    assert window.result_label.text().startswith("The strap's signal was unclear")
    assert window.use_button is None
    press(qtbot, window, window.keep_button)
    assert app.controller.pace_finder.window is None
    assert saved_pattern(app) == "coherent"


def test_a_flat_heart_gets_no_suggestion_and_keeps_the_pattern(
        started: Starts, qtbot: QtBot) -> None:
    source = FakeHeartSource(on_start=SensorState.RECEIVING)
    app = started(heart_source=lambda: source)
    window = open_finder(app)
    press(qtbot, window, window.start_button)
    breathe_through(window, source, [0.9] * 700)
    assert window.result_label.text().startswith(
        "Your heart rate did not clearly rise and fall with your breath")
    assert window.use_button is None
    press(qtbot, window, window.keep_button)
    assert app.settings.current.breathing_pattern == "coherent"


def test_reduced_motion_is_respected(started: Starts, qtbot: QtBot) -> None:
    source = FakeHeartSource(on_start=SensorState.RECEIVING)
    app = started(heart_source=lambda: source)
    app.settings.apply(replace(app.settings.current, reduced_motion="on"))
    window = open_finder(app)
    assert window.pacer.reduced_motion
    press(qtbot, window, window.start_button)
    window.seek(1.0)
    still = window.pacer.radius_share()
    window.seek(3.0)
    assert window.pacer.radius_share() == still


def test_screen_reader_texts(started: Starts, qtbot: QtBot) -> None:
    source = FakeHeartSource(on_start=SensorState.RECEIVING)
    app = started(heart_source=lambda: source)
    window = open_finder(app)
    press(qtbot, window, window.start_button)
    assert window.step_label.accessibleDescription() == "Step"
    assert window.time_label.accessibleDescription() == "Time left"
    assert window.heart_label.accessibleDescription() == "Heart rate"
    assert window.phase_label.text() == "Breathe in"
    breathe_through(window, source, parse_rr_text(
        (DATA / "rr-pace-finder.csv").read_text(encoding="utf-8")))
    names = [bar.accessibleName() for bar in window.bars]
    assert names[2].startswith("5.5 breaths a minute: your heart rate rose and fell by ")
    assert names[2].endswith(" beats a minute")
    window.close()


def test_no_reminder_comes_during_the_session_and_the_interval_counts_from_its_end(
        started: Starts, qtbot: QtBot) -> None:
    source = FakeHeartSource(on_start=SensorState.RECEIVING)
    app = started(heart_source=lambda: source)
    assert app.scheduler.next_pause_at() is not None
    window = open_finder(app)
    press(qtbot, window, window.start_button)
    assert window.pages.currentWidget() is window.session_page
    assert app.scheduler.next_pause_at() is None  # ten minutes of breathing: nothing comes
    app.clock.advance(timedelta(hours=2))
    app.scheduler.pause_due.emit(app.clock.now())  # as a job already due would fire
    assert app.reminders.window is None and not app.reminders.gate.waiting
    breathe_through(window, source, parse_rr_text(
        (DATA / "rr-pace-finder.csv").read_text(encoding="utf-8")))
    assert window.pages.currentWidget() is window.result_page
    ended = app.clock.now()
    assert app.scheduler.next_pause_at() == ended + timedelta(hours=1)
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # closing the result changes nothing more
    assert app.scheduler.next_pause_at() == ended + timedelta(hours=1)


def test_stopped_mid_session_the_reminders_come_again(started: Starts, qtbot: QtBot) -> None:
    source = FakeHeartSource(on_start=SensorState.RECEIVING)
    app = started(heart_source=lambda: source)
    window = open_finder(app)
    press(qtbot, window, window.start_button)
    assert app.scheduler.next_pause_at() is None
    app.clock.advance(timedelta(minutes=4))
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Escape)
    assert app.scheduler.next_pause_at() == app.clock.now() + timedelta(hours=1)
