"""The stress meter: three questions to notice, not to judge. Every answer is optional."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stressbreak.core.content import CONTEXT, QUESTIONS, Question

_CHIPS_PER_ROW = 4


@dataclass(frozen=True)
class Answers:
    """What the user chose; chip ids per question id, notes, and the optional tension 0–10."""

    chips: dict[str, tuple[str, ...]]
    notes: dict[str, str]
    tension: int | None


def translated(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class ChipRow(QWidget):
    """Toggle buttons for one question; any number may be chosen, none is fine too."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, chip in enumerate(question.chips):
            button = QPushButton(translated(chip.label))
            button.setCheckable(True)
            button.setAutoDefault(False)  # Enter always means Save; Space toggles a chip
            button.setAccessibleName(translated(chip.label))
            button.setAccessibleDescription(translated(question.text))
            grid.addWidget(button, index // _CHIPS_PER_ROW, index % _CHIPS_PER_ROW)
            self.buttons[chip.id] = button

    def chosen(self) -> tuple[str, ...]:
        return tuple(cid for cid, button in self.buttons.items() if button.isChecked())


class TensionRow(QWidget):
    """0–10, optional: a second press on the chosen number clears it again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("0 calm")))
        self.buttons: list[QPushButton] = []
        for value in range(11):
            button = QPushButton(str(value))
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setMaximumWidth(34)
            button.setAccessibleName(self.tr("Tension {value} of 10").format(value=value))
            button.toggled.connect(lambda on, v=value: self._on_toggled(v, on))
            row.addWidget(button)
            self.buttons.append(button)
        row.addWidget(QLabel(self.tr("10 most tense")))

    def _on_toggled(self, value: int, on: bool) -> None:
        if on:
            for other, button in enumerate(self.buttons):
                if other != value and button.isChecked():
                    button.setChecked(False)

    def value(self) -> int | None:
        for value, button in enumerate(self.buttons):
            if button.isChecked():
                return value
        return None


class CheckInDialog(QDialog):
    saved = Signal(object)  # Answers
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("StressBreak — stress meter"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Just notice what is there. Nothing needs to change, "
                               "and every question may stay open."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.rows: dict[str, ChipRow] = {}
        self.notes: dict[str, QLineEdit] = {}
        for question in QUESTIONS:
            label = QLabel(translated(question.text))
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            layout.addWidget(label)
            chips = ChipRow(question)
            layout.addWidget(chips)
            note = QLineEdit()
            note.setPlaceholderText(translated(question.note_hint))
            note.setAccessibleName(translated(question.text))
            note.setAccessibleDescription(self.tr("Optional note in your own words"))
            note.setMaxLength(500)
            layout.addWidget(note)
            label.setBuddy(chips.buttons[question.chips[0].id])
            self.rows[question.id] = chips
            self.notes[question.id] = note

        tension_label = QLabel(self.tr("Overall tension right now (optional)"))
        layout.addWidget(tension_label)
        self.tension = TensionRow()
        layout.addWidget(self.tension)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.not_now_button = QPushButton(self.tr("Not now"))
        self.not_now_button.setAutoDefault(False)
        self.not_now_button.setToolTip(self.tr("Close without saving (Esc)"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save to your private journal (Enter)"))
        buttons.addWidget(self.not_now_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

        self.save_button.clicked.connect(self.accept)
        self.not_now_button.clicked.connect(self.reject)

    def open_for(self, activate: bool) -> None:
        """Show it; take the keyboard only when the user asked for it (not on a timer)."""
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, not activate)
        self.show()
        if activate:
            self.raise_()
            self.activateWindow()
            first = next(iter(self.rows.values()))
            next(iter(first.buttons.values())).setFocus()

    def answers(self) -> Answers:
        return Answers(
            chips={qid: row.chosen() for qid, row in self.rows.items()},
            notes={qid: edit.text().strip() for qid, edit in self.notes.items()},
            tension=self.tension.value(),
        )

    def accept(self) -> None:
        answers = self.answers()
        super().accept()
        self.saved.emit(answers)

    def reject(self) -> None:
        super().reject()
        self.dismissed.emit()
