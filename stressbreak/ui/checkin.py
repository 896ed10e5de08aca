"""The stress meter: three questions to notice, not to judge. Every answer is optional."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stressbreak.core.content import BODY_SIGNALS, QUESTIONS, Question
from stressbreak.ui.style import bold, quieter, translated

_CHIPS_PER_ROW = 4
# Chosen chips must be unmistakable in light and dark alike: the palette's highlight.
CHIP_STYLE = """
QPushButton[chip="true"] {
    border: 1px solid palette(mid); border-radius: 11px; padding: 3px 10px;
    background: palette(button); color: palette(button-text);
}
QPushButton[chip="true"][compact="true"] { padding: 3px 0px; min-width: 26px; }
QPushButton[chip="true"]:focus { border: 2px solid palette(highlight); }
QPushButton[chip="true"]:checked {
    background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight);
}
"""


@dataclass(frozen=True)
class Answers:
    """What the user chose: chip ids per question id (the three questions and the body
    signals), notes per question, the optional tension 0–10, a trigger and a next step."""

    chips: dict[str, tuple[str, ...]]
    notes: dict[str, str]
    tension: int | None
    trigger: str = ""
    next_step: str = ""


class ChipRow(QWidget):
    """Toggle buttons for one question; any number may be chosen, none is fine too."""

    def __init__(
        self, question: Question, per_row: int = _CHIPS_PER_ROW, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.question = question
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, chip in enumerate(question.chips):
            button = QPushButton(translated(chip.label))
            button.setCheckable(True)
            button.setProperty("chip", True)
            button.setAutoDefault(False)  # Enter always means Save; Space toggles a chip
            button.setAccessibleName(translated(chip.label))
            button.setAccessibleDescription(translated(question.text))
            grid.addWidget(button, index // per_row, index % per_row)
            self.buttons[chip.id] = button

    def chosen(self) -> tuple[str, ...]:
        return tuple(cid for cid, button in self.buttons.items() if button.isChecked())


class TensionRow(QWidget):
    """0–10, optional: a second press on the chosen number clears it again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.setSpacing(3)
        column.addLayout(row)
        self.buttons: list[QPushButton] = []
        for value in range(11):
            button = QPushButton(str(value))
            button.setCheckable(True)
            button.setProperty("chip", True)
            button.setProperty("compact", True)
            button.setAutoDefault(False)
            button.setAccessibleName(self.tr("Tension {value} of 10").format(value=value))
            button.toggled.connect(lambda on, v=value: self._on_toggled(v, on))
            row.addWidget(button)
            self.buttons.append(button)
        row.addStretch(1)
        hint = QLabel(self.tr("0 is completely calm, 10 the most tension you can imagine."))
        hint.setWordWrap(True)
        quieter(hint)
        column.addWidget(hint)

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
    """Two columns: the three questions on the left; body signals, tension, what set it off
    and a next step that fits the user's values on the right."""

    saved = Signal(object)  # Answers
    dismissed = Signal()
    values_requested = Signal()  # the user wants to write or change their values

    def __init__(
        self,
        values: Sequence[str] = (),
        trigger_suggestions: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("StressBreak — stress meter"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
        self.setStyleSheet(CHIP_STYLE)

        intro = QLabel(self.tr("Just notice what is there. Nothing needs to change, "
                               "and every question may stay open."))
        intro.setWordWrap(True)
        left = QVBoxLayout()
        self.rows: dict[str, ChipRow] = {}
        self.notes: dict[str, QLineEdit] = {}
        for question in QUESTIONS:
            self._add_question(left, question, with_note=True)
        left.addStretch(1)
        right = self._build_right_column(values, trigger_suggestions)

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(18)
        columns.addLayout(right, 1)

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

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns)
        layout.addLayout(buttons)

        self.save_button.clicked.connect(self.accept)
        self.not_now_button.clicked.connect(self.reject)

    def _build_right_column(
        self, values: Sequence[str], trigger_suggestions: Sequence[str]
    ) -> QVBoxLayout:
        right = QVBoxLayout()
        self._add_question(right, BODY_SIGNALS, with_note=False, per_row=3)

        right.addWidget(bold(QLabel(self.tr("Overall tension right now"))))
        self.tension = TensionRow()
        right.addWidget(self.tension)

        right.addWidget(bold(QLabel(self.tr("What set it off? (optional)"))))
        self.trigger = QLineEdit()
        self.trigger.setMaxLength(200)
        self.trigger.setPlaceholderText(self.tr("A moment, a message, a thought…"))
        self.trigger.setAccessibleName(self.tr("What set it off"))
        self.trigger.setAccessibleDescription(
            self.tr("Optional; earlier answers are suggested as you type"))
        if trigger_suggestions:
            completer = QCompleter(list(trigger_suggestions), self.trigger)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.trigger.setCompleter(completer)
        right.addWidget(self.trigger)

        right.addWidget(bold(QLabel(self.tr("What matters to me now? A small next step:"))))
        self.values_label = QLabel()
        self.values_label.setWordWrap(True)
        self.set_values(values)
        self.values_button = QPushButton(self.tr("My values…"))
        self.values_button.setAutoDefault(False)
        self.values_button.clicked.connect(self.values_requested.emit)
        values_row = QHBoxLayout()
        values_row.addWidget(self.values_label, 1)
        values_row.addWidget(self.values_button, 0, Qt.AlignmentFlag.AlignTop)
        right.addLayout(values_row)
        self.next_step = QLineEdit()
        self.next_step.setMaxLength(200)
        self.next_step.setPlaceholderText(self.tr("One small thing that fits, in your words"))
        self.next_step.setAccessibleName(self.tr("A small next step"))
        self.next_step.setAccessibleDescription(self.tr("Optional"))
        right.addWidget(self.next_step)
        right.addStretch(1)
        return right

    def set_values(self, values: Sequence[str]) -> None:
        if values:
            self.values_label.setText(
                self.tr("Your values: {values}").format(values=" · ".join(values)))
        else:
            self.values_label.setText(
                self.tr("You can write down what matters to you; it will show here."))

    def _add_question(
        self, layout: QVBoxLayout, question: Question, with_note: bool, per_row: int = 4
    ) -> None:
        label = bold(QLabel(translated(question.text)))
        layout.addWidget(label)
        chips = ChipRow(question, per_row)
        layout.addWidget(chips)
        label.setBuddy(chips.buttons[question.chips[0].id])
        self.rows[question.id] = chips
        if with_note:
            note = QLineEdit()
            note.setPlaceholderText(translated(question.note_hint))
            note.setAccessibleName(translated(question.text))
            note.setAccessibleDescription(self.tr("Optional note in your own words"))
            note.setMaxLength(500)
            layout.addWidget(note)
            layout.addSpacing(8)
            self.notes[question.id] = note

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
            trigger=self.trigger.text().strip(),
            next_step=self.next_step.text().strip(),
        )

    def accept(self) -> None:
        answers = self.answers()
        super().accept()
        self.saved.emit(answers)

    def reject(self) -> None:
        super().reject()
        self.dismissed.emit()
