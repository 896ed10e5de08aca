"""The day ratings: how did I sleep, how is my energy, how is my focus, 1 to 5 each with a word
beside every number. A panel the stress meter shows as its first step, and a small window of
its own for the tray menu's "Sleep, energy and focus…". Every rating may stay open."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stressbreak.ui.chips import CHIP_STYLE, RatingRow
from stressbreak.ui.floating import float_at_width
from stressbreak.ui.style import bold, quieter

DAY_RATINGS = ("sleep", "energy", "focus")  # the rows, in the order they are asked


@dataclass(frozen=True)
class DayAnswers:
    """The three ratings, each 1–5 or None when left open."""

    sleep: int | None = None
    energy: int | None = None
    focus: int | None = None

    @property
    def given(self) -> bool:
        return any(value is not None for value in (self.sleep, self.energy, self.focus))


class DayRatingPanel(QWidget):
    """Three rows, one Tab stop each: arrows or a digit choose, Delete leaves a row open."""

    changed = Signal()  # a rating was chosen or cleared

    def __init__(self, start: DayAnswers | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Words beside the numbers so that a number means the same on Monday as in March;
        # they describe, they do not grade: a scattered day is information, not a failure.
        questions = {
            "sleep": (self.tr("How did I sleep?"), (
                self.tr("hardly"), self.tr("restlessly"), self.tr("so-so"),
                self.tr("fairly well"), self.tr("well"))),
            "energy": (self.tr("How is my energy?"), (
                self.tr("low"), self.tr("a bit low"), self.tr("middling"),
                self.tr("fairly high"), self.tr("high"))),
            "focus": (self.tr("How is my focus?"), (
                self.tr("scattered"), self.tr("wandering"), self.tr("on and off"),
                self.tr("fairly clear"), self.tr("clear"))),
        }
        self.rows: dict[str, RatingRow] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        for key in DAY_RATINGS:
            question, words = questions[key]
            label = bold(QLabel(question))
            row = RatingRow(question, words)
            label.setBuddy(row)
            column.addWidget(label)
            column.addWidget(row)
            for button in row.buttons:
                button.toggled.connect(lambda _on: self.changed.emit())
            self.rows[key] = row
        hint = quieter(QLabel(self.tr("1 is the lowest, 5 the highest. Each may stay open.")))
        hint.setWordWrap(True)
        column.addWidget(hint)
        column.addStretch(1)
        if start is not None:
            for key in DAY_RATINGS:
                self.rows[key].set_value(getattr(start, key))

    @property
    def first(self) -> RatingRow:
        return self.rows[DAY_RATINGS[0]]

    def answers(self) -> DayAnswers:
        return DayAnswers(*(self.rows[key].value() for key in DAY_RATINGS))


class DayRatingDialog(QDialog):
    """The day ratings alone, from the tray menu, with today's when given (`start`). Enter
    saves, Esc closes without saving. Nothing chosen on an unrated day, the button says Skip:
    there is nothing to save. All three cleared after a rating, saving makes today unrated,
    and the window says so before."""

    saved = Signal(object)  # DayAnswers

    def __init__(self, start: DayAnswers | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sleep, energy and focus"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setStyleSheet(CHIP_STYLE)
        heading = QLabel(self.tr("How is your day?"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        self._start = start
        self.panel = DayRatingPanel(start)
        self.clears_label = quieter(QLabel(self.tr("Saving now clears today's ratings.")))
        self.clears_label.setWordWrap(True)
        self.not_now_button = QPushButton(self.tr("Not now"))
        self.not_now_button.setToolTip(self.tr("Close without saving (Esc)"))
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.not_now_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addSpacing(6)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.clears_label)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        self.not_now_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.accept)
        self.panel.changed.connect(self._name_save)
        self._name_save()
        float_at_width(self)

    def _name_save(self) -> None:
        answers = self.panel.answers()
        skips = self._start is None and not answers.given
        self.save_button.setText(self.tr("Skip") if skips else self.tr("Save"))
        self.save_button.setToolTip(
            self.tr("Leave them open and close (Enter)") if skips
            else self.tr("Save to your private journal (Enter)"))
        self.clears_label.setVisible(
            self._start is not None and self._start.given and not answers.given)

    def open_for_user(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()
        self.panel.first.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def accept(self) -> None:
        answers = self.panel.answers()
        super().accept()
        self.saved.emit(answers)
