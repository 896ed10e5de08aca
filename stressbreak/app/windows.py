"""One window of a kind at a time: made when first asked for, brought forward when asked again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QPoint, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

W = TypeVar("W", bound=QWidget)


def bring_forward(window: QWidget) -> None:
    """Show a window the user asked for, in front, with the keyboard."""
    window.show()
    window.raise_()
    window.activateWindow()


def centre_on(window: QWidget, place: QRect) -> None:
    """Move a window not yet shown so it is centred on `place`, as far as the screen there
    allows (a larger window is kept inside the screen's free area, its top left first)."""
    window.adjustSize()  # the size it will show at
    screen = QGuiApplication.screenAt(place.center()) or window.screen()
    free = screen.availableGeometry()
    box = QRect(QPoint(), window.size())
    box.moveCenter(place.center())
    left = max(free.left(), min(box.left(), free.right() + 1 - box.width()))
    top = max(free.top(), min(box.top(), free.bottom() + 1 - box.height()))
    window.move(left, top)


class WindowSlot(QObject, Generic[W]):
    """Holds the one open window of a kind, and forgets it when it is gone.

    The window is made by `make` only when none is open (its module is imported there, so the
    tray app pays for a window only once it is opened); otherwise the open one comes forward.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        # A QObject, so that windows' signals reach it as a receiver Qt knows: PySide6 keeps
        # a weak reference for each connection to a plain Python object's method (one per
        # window ever opened, measured in the simulated month).
        super().__init__(parent)
        self.window: W | None = None

    def open(self, make: Callable[[], W], *, show: Callable[[W], None] = bring_forward,
             forward: bool = True) -> W:
        """The open window (brought forward unless `forward` is False), or a new one shown
        with `show`."""
        if self.window is not None and isValid(self.window):
            if forward:
                bring_forward(self.window)
            return self.window
        window = make()
        # A deleted window (also one deleted with its parent) is forgotten here; a dialog
        # that is only hidden when it closes calls `forget` from its `finished`.
        window.destroyed.connect(self._forget_deleted)
        self.window = window
        show(window)
        return window

    def forget(self) -> None:
        """The window is done (it said so); a new one is made next time."""
        self.window = None

    def _forget_deleted(self) -> None:
        # The signal comes as the window is deleted; a newer window in its place stays.
        if self.window is not None and not isValid(self.window):
            self.window = None
