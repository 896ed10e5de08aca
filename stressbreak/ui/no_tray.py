"""The note that StressBreak runs without a tray icon, and how to reach it instead: the
launcher's actions, the commands, and keys of the user's own. Shown once, by app/welcome.py.

Where the desktop binds keyboard shortcuts for apps (its GlobalShortcuts portal), the note
has a "Keyboard shortcut…" button and a line about the keys (`shortcut_note`); elsewhere
neither shows. The window only asks: `pause_requested`, `settings_requested` and
`shortcut_requested` go to the coordinator, which answers with `set_shortcut_note`. It is not
modal, and opened without the keyboard while a pause runs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stressbreak.ui.floating import float_at_width
from stressbreak.ui.style import bold, quieter, wrapped


class NoTrayWindow(QDialog):
    pause_requested = Signal()
    settings_requested = Signal()
    shortcut_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *,
                 shortcut_note: str | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Qt adds the app's name to the title itself.
        self.setWindowTitle(self.tr("Without a tray icon"))

        heading = QLabel(self.tr("StressBreak is running, without a tray icon"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        intro = wrapped(self.tr(
            "Your desktop has no system tray, so there is no icon to click. Reminders come "
            "all the same. To open StressBreak yourself:"))
        launcher = wrapped(self.tr(
            "Right-click StressBreak in your app launcher for a pause, the stress meter, the "
            "weekly overview, the settings or the welcome."))
        self.commands = self._commands()
        keys = wrapped(self.tr(
            "In your desktop's keyboard settings you can put a command on keys of your own, "
            "for example stressbreak pause."))
        status = quieter(wrapped(self.tr(
            "This note comes once; stressbreak status says it again whenever you ask.")))

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(4)
        layout.addWidget(bold(QLabel(self.tr("From the launcher"))))
        layout.addWidget(launcher)
        layout.addSpacing(4)
        layout.addWidget(bold(QLabel(self.tr("With a command, in a terminal or on a key"))))
        layout.addLayout(self.commands)
        layout.addWidget(keys)
        self.shortcut_note: QLabel | None = None
        self.shortcut_button: QPushButton | None = None
        if shortcut_note is not None:
            layout.addSpacing(4)
            layout.addWidget(bold(QLabel(self.tr("With a keyboard shortcut"))))
            layout.addLayout(self._shortcut_row(shortcut_note))
        layout.addSpacing(4)
        layout.addWidget(status)
        layout.addStretch(1)
        layout.addSpacing(6)
        layout.addLayout(self._buttons())

        # Short lines: narrow enough for a small screen in either language; a fixed width so
        # that a tiling window manager floats it (ui/floating.py).
        width = min(max(self.sizeHint().width(), 480), 560)
        float_at_width(self, width)
        # As tall as its wrapped lines need at that width, no taller.
        self.resize(self.width(), layout.totalHeightForWidth(self.width()))

    def _shortcut_row(self, note: str) -> QVBoxLayout:
        self.shortcut_note = wrapped(note)
        self.shortcut_note.setAccessibleName(note)
        self.shortcut_button = QPushButton(self.tr("Keyboard shortcut…"))
        self.shortcut_button.setAutoDefault(False)
        # Stays open: what the desktop answers is said here.
        self.shortcut_button.clicked.connect(self.shortcut_requested)
        button_row = QHBoxLayout()
        button_row.addWidget(self.shortcut_button)
        button_row.addStretch(1)
        column = QVBoxLayout()
        column.addWidget(self.shortcut_note)
        column.addLayout(button_row)
        return column

    def set_shortcut_note(self, text: str) -> None:
        """What the keys do now, or what the desktop answered."""
        if self.shortcut_note is not None:
            self.shortcut_note.setText(text)
            self.shortcut_note.setAccessibleName(text)

    def _commands(self) -> QGridLayout:
        """Each command beside what it does; the commands can be selected to copy."""
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        rows = (
            ("stressbreak pause", self.tr("a pause now")),
            ("stressbreak checkin", self.tr("the stress meter")),
            ("stressbreak overview", self.tr("your weekly overview")),
            ("stressbreak settings", self.tr("the settings")),
            ("stressbreak status", self.tr("when the next pause comes")),
            ("stressbreak quiet 60", self.tr("no reminders for an hour")),
            ("stressbreak quit", self.tr("stop StressBreak")),
        )
        grid = QGridLayout()
        grid.setContentsMargins(12, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        for row, (command, meaning) in enumerate(rows):
            shown = QLabel(command)
            shown.setFont(fixed)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(shown, row, 0)
            grid.addWidget(wrapped(meaning), row, 1)
        grid.setColumnStretch(1, 1)
        return grid

    def _buttons(self) -> QHBoxLayout:
        self.pause_button = QPushButton(self.tr("Start a pause now"))
        self.pause_button.clicked.connect(self._pause)
        self.settings_button = QPushButton(self.tr("Settings…"))
        self.settings_button.clicked.connect(self._settings)
        self.ok_button = QPushButton(self.tr("OK"))
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.settings_button)
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        return buttons

    def _pause(self) -> None:
        # The note has done its work once the user goes on to a pause or the settings.
        self.accept()
        self.pause_requested.emit()

    def _settings(self) -> None:
        self.accept()
        self.settings_requested.emit()

    def open_for(self, activate: bool) -> None:
        """Show it; take the keyboard only when nothing else should keep it (a pause)."""
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, not activate)
        self.show()
        if activate:
            self.raise_()
            self.activateWindow()
            self.ok_button.setFocus()
