"""Choose your heart-rate strap: the straps a Bluetooth scan finds nearby, one to pick.

The window scans nothing itself: the app's scan tells it what was found (`add_found`), that
the scan ended (`scan_finished`) or could not run (`scan_failed`), and starts a new one when
"Look again" asks (`rescan_requested`). Choosing gives the setting's value, "ADDRESS Name".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stressbreak.ui.floating import float_at_width
from stressbreak.ui.style import quieter

_WIDTH_PX = 420


class SensorPicker(QDialog):
    """The straps found nearby; "Use this strap" accepts with `chosen` set."""

    rescan_requested = Signal()

    def __init__(self, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose your heart-rate strap"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._current_address = current.split(" ", 1)[0] if current else ""
        self.chosen = ""  # "ADDRESS Name" once accepted
        intro = QLabel(self.tr(
            "Put the strap on (moisten its contacts) so that it wakes up; it then shows here. "
            "A strap can be connected to one device at a time: disconnect it from your phone's "
            "app first."))
        intro.setWordWrap(True)
        self.status_label = quieter(QLabel())
        self.status_label.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Heart-rate straps nearby"))
        self.list.setAccessibleDescription(intro.text())
        # The current item, not the selection: a cleared list (Look again) has none either.
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.rescan_button = QPushButton(self.tr("Look again"))
        self.rescan_button.setAutoDefault(False)
        self.rescan_button.clicked.connect(self._rescan)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.use_button = QPushButton(self.tr("Use this strap"))
        self.use_button.setDefault(True)
        self.use_button.setEnabled(False)
        self.use_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.rescan_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.use_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self._searching()
        float_at_width(self, _WIDTH_PX)
        self.resize(_WIDTH_PX, 320)

    # --- what the scan tells ----------------------------------------------------------------

    def add_found(self, address: str, name: str) -> None:
        """A strap seen nearby (each address once, however often it is seen)."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == address:
                return
        shown = name or address
        item = QListWidgetItem(shown if shown == address else f"{shown}  ({address})")
        item.setData(Qt.ItemDataRole.UserRole, address)
        item.setData(Qt.ItemDataRole.UserRole + 1, name)
        self.list.addItem(item)
        # The strap already chosen, or the first one found, is ready to take with Enter.
        if address == self._current_address or self.list.currentItem() is None:
            self.list.setCurrentItem(item)
        self._say_found()

    def scan_finished(self) -> None:
        self.rescan_button.setEnabled(True)
        if self.list.count() == 0:
            self._say(self.tr("No strap found nearby. Put it on so that it wakes up, then "
                              "choose Look again."))
        else:
            self._say_found()

    def scan_failed(self, reason: str) -> None:
        """No scan is possible here (no Bluetooth adapter, Bluetooth off, no BlueZ)."""
        self.rescan_button.setEnabled(True)
        self._say(reason)

    # --- the user ---------------------------------------------------------------------------

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        address = str(item.data(Qt.ItemDataRole.UserRole))
        name = str(item.data(Qt.ItemDataRole.UserRole + 1) or "")
        self.chosen = f"{address} {name}".strip()
        super().accept()

    def _rescan(self) -> None:
        self.list.clear()
        self._searching()
        self.rescan_requested.emit()

    def _searching(self) -> None:
        self.rescan_button.setEnabled(False)
        self._say(self.tr("Looking for heart-rate straps nearby…"))

    def _say_found(self) -> None:
        self._say(self.tr("%n straps found. Choose yours.", "", self.list.count()))

    def _current_changed(self, current: QListWidgetItem | None, _before: object) -> None:
        self.use_button.setEnabled(current is not None)

    def _say(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setAccessibleName(text)
