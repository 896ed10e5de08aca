"""The clickable reminder: a small window near the tray that never takes the keyboard away.

Native notifications can't report a click on every platform (plyer has no callback), so this
window is the reminder people act on; clicking anywhere on its body starts the pause.

It asks not to be activated, which X11 window managers honour. On Wayland the compositor alone
decides, and tiling ones (sway, Hyprland) give every new window the keyboard (README says
which rule keeps it off). So the keys that decide do nothing for a moment after
it appears: a key already on its way from the user's typing never decides for them.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QElapsedTimer,
    QEvent,
    QObject,
    QPoint,
    QRect,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from stressbreak.ui.floating import float_at_width

_MARGIN_PX = 12
KEY_GUARD_MS = 1500  # keys do nothing this long after the reminder appears (see above)


class ReminderWindow(QFrame):
    start_requested = Signal()
    snooze_requested = Signal()
    skip_requested = Signal()
    timed_out = Signal()

    def __init__(
        self,
        timeout_s: int,
        snooze_min: int,
        followup: bool = False,
        after_call: bool = False,
        parent: QWidget | None = None,
        *,
        wind_down: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reminder")
        self.setWindowFlags(
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        # Shown without activation so typing elsewhere goes on; a click or Alt+Tab
        # can still give it focus for keyboard use.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setWindowTitle(self.tr("Pause reminder"))
        self.setAccessibleName(self.tr("Pause reminder"))
        self.setAccessibleDescription(
            self.tr("Click to start a one-minute breathing pause, or snooze or skip it.")
        )

        heading, line = self._words(followup=followup, after_call=after_call,
                                    wind_down=wind_down)
        title = QLabel(heading)
        body = QLabel(line)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        title.setFont(font)
        body.setWordWrap(True)

        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setDefault(True)
        self.snooze_button = QPushButton(self.tr("Snooze {minutes} min").format(minutes=snooze_min))
        self.skip_button = QPushButton(self.tr("Skip"))
        self.start_button.setToolTip(self.tr("Start the pause (Enter)"))
        self.snooze_button.setToolTip(self.tr("Remind me a little later (Esc)"))
        self.skip_button.setToolTip(
            self.tr("Not this evening") if wind_down
            else self.tr("Not this one; the next comes one interval from now"))
        for button in (self.start_button, self.snooze_button, self.skip_button):
            button.setCursor(Qt.CursorShape.ArrowCursor)
            button.installEventFilter(self)  # Space on a focused button is a key too
        self.start_button.clicked.connect(lambda: self._decide(self.start_requested))
        self.snooze_button.clicked.connect(lambda: self._decide(self.snooze_requested))
        self.skip_button.clicked.connect(lambda: self._decide(self.skip_requested))

        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.snooze_button)
        buttons.addWidget(self.skip_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(body)
        layout.addLayout(buttons)
        float_at_width(self)

        self._decided = False
        self._shown = QElapsedTimer()
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.setInterval(timeout_s * 1000)
        self._timeout.timeout.connect(self.time_out)

    def _words(self, *, followup: bool, after_call: bool, wind_down: bool) -> tuple[str, str]:
        """The title and the line below it: why this reminder comes now."""
        if wind_down:
            # The evening minute the user switched on: an invitation to end the day.
            return (self.tr("A minute to let the day go"),
                    self.tr("Breathe out slowly, and leave what can wait until tomorrow. "
                            "Click here to begin."))
        if after_call:
            # Held back during a call; right after one is when stress tends to peak.
            return (self.tr("Your call just ended"),
                    self.tr("A minute to breathe? Click here to breathe along."))
        if followup:
            # Offered after a tense check-in: say why this one comes early, without judging.
            return (self.tr("An extra minute for you"),
                    self.tr("Earlier you noticed quite a bit of tension. "
                            "Click here to breathe along for a minute."))
        return (self.tr("Time for a one-minute pause"),
                self.tr("Click here to breathe along for a minute."))

    def show_near(self, tray_geometry: QRect | None) -> None:
        """Show in the corner nearest the tray icon (bottom right when that is unknown)."""
        self.adjustSize()
        self.move(self._corner(tray_geometry))
        self.show()
        self._shown.start()
        self._timeout.start()

    @property
    def guarding_keys(self) -> bool:
        """Just appeared: keys do nothing yet (KEY_GUARD_MS)."""
        return not self._shown.isValid() or self._shown.elapsed() < KEY_GUARD_MS

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        keys = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)
        if event.type() in keys and self.guarding_keys:
            return True
        return super().eventFilter(watched, event)

    def _corner(self, tray_geometry: QRect | None) -> QPoint:
        screen = QGuiApplication.primaryScreen()
        # Under XEmbed trays Qt may report the icon at (0, 0), relative to its embedder;
        # that says nothing about where the panel is.
        if tray_geometry is not None and tray_geometry.topLeft() == QPoint(0, 0):
            tray_geometry = None
        if tray_geometry is not None and tray_geometry.isValid():
            found = QGuiApplication.screenAt(tray_geometry.center())
            screen = found or screen
        area = screen.availableGeometry()
        size = self.size()
        x = area.right() - size.width() - _MARGIN_PX
        y = area.bottom() - size.height() - _MARGIN_PX
        if tray_geometry is not None and tray_geometry.isValid():
            if tray_geometry.center().y() < area.center().y():
                y = area.top() + _MARGIN_PX  # the panel is at the top
            if tray_geometry.center().x() < area.center().x():
                x = area.left() + _MARGIN_PX
        return QPoint(x, y)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._decide(self.start_requested)
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.guarding_keys:
            event.accept()  # typed before the reminder was there: not meant for it
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._decide(self.start_requested)
        elif event.key() == Qt.Key.Key_Escape:
            self._decide(self.snooze_requested)
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closed some other way (Alt+F4, the window manager): as if it had been left alone.
        if not self._decided:
            self._decided = True
            self._timeout.stop()
            self.timed_out.emit()
        super().closeEvent(event)

    def dismiss(self) -> None:
        """Close without a decision (another pause started some other way)."""
        self._decided = True
        self._timeout.stop()
        self.close()

    def _decide(self, signal: SignalInstance) -> None:
        if self._decided:
            return
        self._decided = True
        self._timeout.stop()
        self.close()
        signal.emit()

    def time_out(self) -> None:
        """Nobody answered in time (its timer calls this): recorded as missed."""
        self._decide(self.timed_out)
