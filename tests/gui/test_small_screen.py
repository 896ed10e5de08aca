"""Every window fits a 1024×768 screen in Dutch, the longer of our two languages.

A window whose layout needs more than the screen gets pushed off it by the window manager: its
right column or its buttons cannot be reached. Each window is opened the way the app opens it
(through its coordinator, on a journal with a realistic week), laid out at the size it asks for
within the screen, and every control that shows must lie inside it. Scroll areas may hold more
than they show; the scroll area itself must fit.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from stressbreak.core.model import CheckIn, CheckInOrigin, PauseOutcome, PauseRecord
from tests.fakes import AMS, TUESDAY_10, FakeClock, Harness, make_app

SCREEN = QSize(1024, 768)


def _records() -> Iterator[PauseRecord | CheckIn]:
    """Two weeks with every kind of entry, with long notes and triggers."""
    for day in range(9):
        morning = datetime(2026, 11, 16, 9, 30, tzinfo=AMS) + timedelta(days=day)
        for hour, outcome in enumerate((PauseOutcome.COMPLETED, PauseOutcome.SKIPPED,
                                        PauseOutcome.MISSED, PauseOutcome.ENDED_EARLY)):
            at = morning + timedelta(hours=2 * hour)
            yield PauseRecord(at, at + timedelta(minutes=1), outcome)
        yield CheckIn(morning + timedelta(minutes=20), CheckInOrigin.SCHEDULED,
                      breathing=("shallow", "held"), body=("tight_chest",), need=("rest",),
                      tension=day % 11, signals=("jaw", "shoulders"),
                      trigger="een lange vergadering over de planning van volgend kwartaal",
                      next_step="even naar buiten lopen", need_note="rust " * 20)


@pytest.fixture
def app(qtbot, tmp_path: Path, dutch) -> Iterator[Harness]:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"native_notifications": False}))
    harness = make_app(data, FakeClock(TUESDAY_10), [], pause_duration_s=60)
    harness.start()
    for record in _records():
        harness.journal.append(record)
    yield harness
    harness.stop()


def _reminder(app: Harness) -> QWidget | None:
    app.reminders.show()
    return app.reminders.window


def _pause(app: Harness) -> QWidget | None:
    app.pauses.start()
    return app.pauses.window


def _pause_end(app: Harness) -> QWidget | None:
    app.pauses.start()
    window = app.pauses.window
    assert window is not None
    window.seek(window.duration_s)  # the closing line, the tip and Done stay
    return window


def _stress_meter(app: Harness) -> QWidget | None:
    app.checkins.open_by_hand()
    return app.checkins.dialog


def _day_rating(app: Harness) -> QWidget | None:
    app.checkins.open_day_rating()
    return app.checkins.day_dialog


def _values(app: Harness) -> QWidget | None:
    app.checkins.open_values()
    return app.checkins.values_dialog


def _profile(app: Harness) -> QWidget | None:
    app.checkins.open_profile()
    return app.checkins.profile_dialog


def _overview(app: Harness) -> QWidget | None:
    app.data.open_overview()
    return app.data.overview


def _settings(app: Harness) -> QWidget | None:
    app.settings.open()
    return app.settings.dialog


def _welcome(app: Harness) -> QWidget | None:
    app.welcome.open()
    return app.welcome.window


def _why(app: Harness) -> QWidget | None:
    app.welcome.open_why()
    return app.welcome.why_page


def _no_tray(app: Harness) -> QWidget | None:
    app.welcome.tray_missing()  # as after a minute of looking for a tray that never came
    return app.welcome.no_tray_window


WINDOWS: dict[str, Callable[[Harness], QWidget | None]] = {
    "welcome": _welcome,
    "why this works": _why,
    "without a tray": _no_tray,
    "reminder": _reminder,
    "pause": _pause,
    "end of a pause": _pause_end,
    "stress meter": _stress_meter,  # the day's first: it begins with the day ratings
    "rate my day": _day_rating,
    "values": _values,
    "profile": _profile,
    "overview": _overview,
    "settings": _settings,
}


def _outside(window: QWidget) -> list[str]:
    """Controls that show but do not lie wholly inside the window."""
    inside = window.rect()
    found = []
    for child in window.findChildren(QWidget):
        if not child.isVisibleTo(window) or child.isWindow():
            continue
        if any(isinstance(parent, QAbstractScrollArea) and parent is not child
               for parent in _ancestors(child, window)):
            continue  # scrolled into view when needed
        place = QRect(child.mapTo(window, child.rect().topLeft()), child.size())
        if not inside.contains(place):
            name = child.objectName() or type(child).__name__
            text = getattr(child, "text", lambda: "")()
            found.append(f"{name} {text!r} at {place.getRect()} in {inside.getRect()}")
    return found


def _ancestors(child: QWidget, window: QWidget) -> Iterator[QWidget]:
    parent = child.parentWidget()
    while parent is not None and parent is not window:
        yield parent
        parent = parent.parentWidget()


@pytest.mark.parametrize("name", list(WINDOWS))
def test_every_window_fits_1024_by_768_in_dutch(app, qtbot, name):
    window = WINDOWS[name](app)
    assert window is not None
    qtbot.waitExposed(window)
    needed = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert needed.width() <= SCREEN.width() and needed.height() <= SCREEN.height(), (
        f"the {name} window needs {needed.width()}×{needed.height()}")
    window.resize(window.size().boundedTo(SCREEN))
    QApplication.processEvents()
    assert window.width() <= SCREEN.width() and window.height() <= SCREEN.height()
    assert _outside(window) == []


def test_the_check_sees_a_control_that_falls_outside(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(200, 100)
    stray = QWidget(window)
    stray.setGeometry(150, 10, 100, 20)
    window.show()
    assert len(_outside(window)) == 1
