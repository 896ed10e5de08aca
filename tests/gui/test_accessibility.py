"""Every window: controls have accessible names, and text meets WCAG AA contrast (4.5:1)
against its background in a light and in a dark palette."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QTableWidget,
    QWidget,
)

from stressbreak.app.your_data import build_week_view
from stressbreak.core.breathing import PATTERNS
from stressbreak.core.exercises import EXERCISES
from stressbreak.ui.checkin import CheckInDialog
from stressbreak.ui.day_rating import DayAnswers, DayRatingDialog
from stressbreak.ui.overview import OverviewWindow
from stressbreak.ui.pause_window import PauseWindow
from stressbreak.ui.profile_dialog import ProfileDialog
from stressbreak.ui.reminder import ReminderWindow
from stressbreak.ui.values_dialog import ValuesDialog

AMS = ZoneInfo("Europe/Amsterdam")


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#e8e8e8"),
        (QPalette.ColorRole.Base, "#1f1f1f"), (QPalette.ColorRole.Text, "#e8e8e8"),
        (QPalette.ColorRole.Button, "#3a3a3a"), (QPalette.ColorRole.ButtonText, "#e8e8e8"),
        (QPalette.ColorRole.PlaceholderText, "#a0a0a0"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _overview() -> OverviewWindow:
    window = OverviewWindow(lambda monday: build_week_view([], monday, AMS),
                            lambda: date(2026, 11, 25), AMS)
    window.show_week(date(2026, 11, 25))
    return window


def _checkin_step(step: int) -> CheckInDialog:
    dialog = CheckInDialog(values=("play",), trigger_suggestions=("deadline",))
    dialog.show_step(step)
    return dialog


def _checkin_thanks() -> CheckInDialog:
    dialog = CheckInDialog()
    dialog.save_button.click()
    return dialog


WINDOWS: dict[str, Callable[[], QWidget]] = {
    "reminder": lambda: ReminderWindow(60, 5),
    "pause": lambda: PauseWindow(PATTERNS["coherent"], 60),
    "guided": lambda: PauseWindow(PATTERNS["coherent"], 60, exercise=EXERCISES["values"],
                                  values=("play",)),
    "checkin": lambda: CheckInDialog(values=("play",)),
    **{f"checkin_step{step + 1}": lambda step=step: _checkin_step(step)
       for step in range(1, 4)},
    "checkin_thanks": _checkin_thanks,
    "checkin_day_ratings": lambda: CheckInDialog(ask_day=True),
    "rate_my_day": lambda: DayRatingDialog(DayAnswers(sleep=3, focus=5)),
    "values": lambda: ValuesDialog(("play",)),
    "overview": _overview,
    "profile": lambda: ProfileDialog({"pleaser": 9}),
}


def widgets(window: QWidget) -> Iterator[QWidget]:
    """Our visible widgets (Qt's internal helpers, named qt_*, are Qt's business)."""
    yield from (w for w in window.findChildren(QWidget)
                if w.isVisibleTo(window) and not w.objectName().startswith("qt_"))


@pytest.mark.parametrize("name", list(WINDOWS))
def test_every_control_has_an_accessible_name(qtbot, name: str):
    window = WINDOWS[name]()
    qtbot.addWidget(window)
    nameless = []
    for widget in widgets(window):
        if isinstance(widget, QAbstractButton):
            label = widget.accessibleName() or widget.text()
        elif isinstance(widget, (QLineEdit, QTableWidget)):
            label = widget.accessibleName()
        else:
            continue
        if not label.strip():
            nameless.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert nameless == []


@pytest.mark.parametrize("palette_name", ["light", "dark"])
@pytest.mark.parametrize("name", list(WINDOWS))
def test_text_meets_wcag_aa_contrast(qtbot, name: str, palette_name: str):
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = app.palette()
    if palette_name == "dark":
        app.setPalette(dark_palette())
    try:
        window = WINDOWS[name]()
        qtbot.addWidget(window)
        low = []
        for label in (w for w in widgets(window) if isinstance(w, QLabel) and w.text()):
            group = (QPalette.ColorGroup.Active if label.isEnabled()
                     else QPalette.ColorGroup.Disabled)
            palette = label.palette()
            text = palette.color(group, label.foregroundRole())
            background = palette.color(group, label.backgroundRole())
            ratio = contrast(text, background)
            if ratio < 4.5:
                low.append(f"{label.text()[:40]!r}: {ratio:.2f}")
        assert low == []
    finally:
        app.setPalette(saved)


def test_the_breathing_phase_is_announced_as_text(qtbot):
    from PySide6.QtGui import QAccessible

    window = PauseWindow(PATTERNS["coherent"], 60)
    qtbot.addWidget(window)
    window.show()
    label = window.phase_label
    # With no name of its own, a label's text is its accessible name, and Qt sends a
    # NameChanged event to screen readers whenever the text changes.
    assert label.accessibleName() == ""
    assert label.accessibleDescription() == "Breathing phase"
    interface = QAccessible.queryAccessibleInterface(label)
    assert interface.text(QAccessible.Text.Name) == "Breathe in"
    window.seek(6.0)
    assert interface.text(QAccessible.Text.Name) == "Breathe out"
