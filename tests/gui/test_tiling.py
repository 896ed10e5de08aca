"""Good manners with tiling window managers (issue 16, item 6).

What sway 1.7 floats by default (`wants_floating` in sway/desktop/xdg_shell.c and xwayland.c):
an xdg toplevel with a parent, or whose minimum and maximum width or height are equal (both
minimums above 0); an X11 window of dialog, utility, toolbar or splash type, a modal one, or one
of fixed size. i3 floats dialogs and utility windows alike. Our small windows have no parent
(they open from the tray), so each must carry both signals: a fixed width for Wayland and a
dialog (or tool) type for X11. The overview may tile: in a third of a screen it scrolls, and
nothing in it is cut or squeezed.

Titles: Qt appends the application display name to every window title that does not already
end with it (QPlatformWindow::formatWindowTitle, used by the xcb and wayland platforms), so a
title that starts with the name shows it twice.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QMessageBox,
    QScrollArea,
    QWidget,
)

from stressbreak.app.your_data import build_week_view
from stressbreak.ui.data_dialogs import DeleteAllDialog, ExportDialog
from stressbreak.ui.overview import OverviewWindow
from tests.fakes import AMS, TUESDAY_10, FakeClock, Harness, make_app
from tests.gui.test_overview import busy_week
from tests.gui.test_small_screen import WINDOWS

APP_NAME = "StressBreak"  # the display name app/startup.py gives the application
# A third of a 1280×720 screen, side by side (sway's default split) or one above the other,
# less sway's borders and title bars.
TILES = [QSize(1280 // 3 - 4, 720 - 30), QSize(1280 - 4, 720 // 3 - 30)]

SMALL_WINDOWS = [name for name in WINDOWS if name != "overview"]


@pytest.fixture
def app(qtbot, tmp_path: Path) -> Iterator[Harness]:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"native_notifications": False}))
    harness = make_app(data, FakeClock(TUESDAY_10), [], pause_duration_s=60)
    harness.start()
    yield harness
    harness.stop()


def _data_dialogs() -> dict[str, Callable[[], QWidget]]:
    monday = date(2026, 11, 23)
    return {
        "export": lambda: ExportDialog((monday, date(2026, 11, 29)), TUESDAY_10.date()),
        "delete all": DeleteAllDialog,
    }


def _floats_on_a_tiling_manager(window: QWidget) -> list[str]:
    """What sway, i3 and Hyprland would tile this window for (empty: it floats)."""
    handle = window.windowHandle()
    assert handle is not None, "shown windows have a native window"
    low, high = handle.minimumSize(), handle.maximumSize()
    reasons = []
    if not (low.width() > 0 and low.height() > 0
            and (low.width() == high.width() or low.height() == high.height())):
        reasons.append(f"Wayland: neither width nor height fixed ({low.toTuple()} to "
                       f"{high.toTuple()})")
    if window.windowType() not in (Qt.WindowType.Dialog, Qt.WindowType.Tool):
        reasons.append(f"X11: a {window.windowType().name} window, not a dialog")
    return reasons


def _shown_title(title: str) -> str:
    """The title as the window manager shows it (Qt's rule, see the module's docstring)."""
    if title.endswith(APP_NAME):
        return title
    return f"{title} — {APP_NAME}" if title else APP_NAME


@pytest.mark.parametrize("name", SMALL_WINDOWS)
def test_small_windows_float_at_their_natural_size(app, qtbot, name):
    window = WINDOWS[name](app)
    assert window is not None
    qtbot.waitExposed(window)
    assert _floats_on_a_tiling_manager(window) == []
    # Floating at its own size: what it asks for is what it needs, nothing is cut.
    assert window.width() >= window.minimumSizeHint().width()


@pytest.mark.parametrize("name", list(_data_dialogs()))
def test_data_dialogs_float_too(qtbot, name):
    window = _data_dialogs()[name]()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert _floats_on_a_tiling_manager(window) == []


@pytest.mark.parametrize("name", list(WINDOWS))
def test_titles_name_the_app_once(app, qtbot, name):
    window = WINDOWS[name](app)
    assert window is not None
    title = window.windowTitle()
    assert title.strip(), "a window without a title shows only the app's name"
    assert _shown_title(title).count(APP_NAME) == 1, _shown_title(title)


def test_data_dialog_titles_name_the_app_once(qtbot):
    for make in _data_dialogs().values():
        window = make()
        qtbot.addWidget(window)
        assert _shown_title(window.windowTitle()).count(APP_NAME) == 1


def test_the_title_rule_is_qts():
    # Qt leaves a title alone that already ends with the name (a message box titled with it).
    assert _shown_title(APP_NAME) == APP_NAME
    assert _shown_title("Welcome to StressBreak") == "Welcome to StressBreak"
    assert _shown_title("Your week") == "Your week — StressBreak"
    box = QMessageBox()
    assert box.windowType() == Qt.WindowType.Dialog


def test_a_tiled_window_is_told_apart_from_a_floating_one(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert len(_floats_on_a_tiling_manager(window)) == 2


@pytest.mark.parametrize("tile", TILES, ids=["third across", "third down"])
@pytest.mark.parametrize("tab", [0, 1, 2])
def test_the_overview_tiled_in_a_third_of_a_screen_scrolls_and_cuts_nothing(qtbot, tile, tab):
    records = busy_week()
    window = OverviewWindow(lambda monday: build_week_view(records, monday, AMS),
                            lambda: date(2026, 11, 28), AMS)
    qtbot.addWidget(window)
    window.show_week(date(2026, 11, 23))
    # A tiling manager gives the window its tile whatever it asks for; a window that insists
    # on more is cut off by the compositor, so its minimum must fit the tile.
    assert window.minimumSize().expandedTo(window.minimumSizeHint()).boundedTo(tile) == \
        window.minimumSize().expandedTo(window.minimumSizeHint())
    window.resize(tile)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentIndex(tab)
    QApplication.processEvents()
    assert window.size() == tile
    # Everything the page holds can be scrolled to, and nothing on it is cut or squeezed.
    area = window.findChild(QScrollArea)
    assert area is not None
    page = area.widget()
    viewport = area.viewport()
    assert page.width() <= viewport.width() + area.horizontalScrollBar().maximum()
    assert page.height() <= viewport.height() + area.verticalScrollBar().maximum()
    assert _cut(window, page) == []


def _cut(window: QWidget, page: QWidget) -> list[str]:
    """Controls and texts that lie outside what can be seen or scrolled to, or that got less
    room than their text needs."""
    problems = []
    for widget in window.findChildren(QWidget):
        if (widget is page or not widget.isVisibleTo(window)
                or widget.objectName().startswith("qt_")):
            continue
        holder = page if page.isAncestorOf(widget) else window
        box = QRect(widget.mapTo(holder, QPoint(0, 0)), widget.size())
        if not holder.rect().contains(box) and not _scrolled_within(widget, holder):
            problems.append(f"{type(widget).__name__} {box.getRect()} outside "
                            f"{holder.rect().getRect()}")
        if isinstance(widget, QAbstractButton) and widget.width() < widget.sizeHint().width():
            problems.append(f"{widget.text()!r} squeezed: {widget.width()} px")
        if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
            need = widget.heightForWidth(widget.width())
            if need > widget.height():
                problems.append(f"{widget.text()[:30]!r} cut: {widget.height()} < {need} px")
    return problems


def _scrolled_within(widget: QWidget, holder: QWidget) -> bool:
    """Inside a scroll area of its own on the page (a table): scrolled into view there."""
    parent = widget.parentWidget()
    while parent is not None and parent is not holder:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


@pytest.mark.parametrize("tab", [0, 1, 2])
def test_the_overview_in_half_a_screen_across_needs_no_sideways_scrolling(qtbot, tab):
    # sway's first split: two windows side by side on a 1280 px screen, borders taken off.
    records = busy_week()
    window = OverviewWindow(lambda monday: build_week_view(records, monday, AMS),
                            lambda: date(2026, 11, 28), AMS)
    qtbot.addWidget(window)
    window.show_week(date(2026, 11, 23))
    window.resize(QSize(636, 688))
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentIndex(tab)
    QApplication.processEvents()
    area = window.findChild(QScrollArea)
    assert area is not None
    assert area.horizontalScrollBar().maximum() == 0, area.widget().minimumSizeHint()
    assert _cut(window, area.widget()) == []
