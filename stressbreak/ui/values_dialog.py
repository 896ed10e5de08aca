"""Writing down one's own values: up to five short phrases, in the user's own words."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stressbreak.core.content import MAX_VALUE_CHARS, MAX_VALUES
from stressbreak.ui.floating import float_at_width


class ValuesDialog(QDialog):
    saved = Signal(list)  # the values as typed (Prefs.with_values trims and de-duplicates)

    def __init__(self, values: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("My values"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        intro = QLabel(self.tr(
            "What matters to you, in how you work and live? Write one to five short "
            "phrases, such as “being honest”, “curiosity” or “time for my family”. "
            "They come back in the stress meter, to help you choose a next step."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self.fields: list[QLineEdit] = []
        for index in range(MAX_VALUES):
            field = QLineEdit(values[index] if index < len(values) else "")
            field.setMaxLength(MAX_VALUE_CHARS)
            field.setPlaceholderText(self.tr("Value {number}").format(number=index + 1))
            field.setAccessibleName(self.tr("Value {number}").format(number=index + 1))
            layout.addWidget(field)
            self.fields.append(field)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.accept)
        float_at_width(self, 460)
        self.resize(460, self.sizeHint().height())

    def accept(self) -> None:
        values = [field.text() for field in self.fields]
        super().accept()
        self.saved.emit(values)
