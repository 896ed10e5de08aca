"""The stress meter: three questions to notice, not to judge, one calm step each; then one
optional step with the rest. Every answer is optional, and Save is there at every step."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from stressbreak.core.content import BODY_SIGNALS, QUESTIONS, Question
from stressbreak.ui.chips import CHIP_STYLE, ChipRow, TensionRow
from stressbreak.ui.day_rating import DayAnswers, DayRatingPanel
from stressbreak.ui.floating import float_at_width
from stressbreak.ui.style import bold, quieter, translated

# Long enough to read "Saved" and a thank-you, short enough not to wait on the user.
THANKS_MS = 1500
_MORE = len(QUESTIONS)  # the optional step's index, after the three questions
# The day ratings come before the questions, not after them: how the night was and how the
# energy is are easy, factual questions, a gentle way in before noticing the body now; after
# the third question Enter saves, and a step there would stand between the user and Save.
DAY_STEP = -1


@dataclass(frozen=True)
class Answers:
    """What the user chose: chip ids per question id (the three questions and the body
    signals), notes per question, the optional tension 0–10, a trigger and a next step."""

    chips: dict[str, tuple[str, ...]]
    notes: dict[str, str]
    tension: int | None
    trigger: str = ""
    next_step: str = ""
    day: DayAnswers = field(default_factory=DayAnswers)  # the day ratings, when asked


class CheckInDialog(QDialog):
    """One step per question (its chips and a line for own words), then one optional step
    with body signals, tension, what set it off and a next step that fits the user's values.
    Save ends it from any step; a short thank-you shows before the window closes."""

    saved = Signal(object)  # Answers
    dismissed = Signal()
    # The day ratings as they stand when the meter is left with "Not now" (ui.day_rating
    # DayAnswers): offered once a day, they are kept even if the questions are not.
    day_left = Signal(object)
    values_requested = Signal()  # the user wants to write or change their values

    def __init__(
        self,
        values: Sequence[str] = (),
        trigger_suggestions: Sequence[str] = (),
        parent: QWidget | None = None,
        *,
        ask_day: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Stress meter"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
        self.setStyleSheet(CHIP_STYLE)
        self._answered = False

        self.heading = QLabel(self.tr("Just notice"))
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        lead = QLabel(self.tr("Noticing without judging already helps your body settle. "
                              "Every question may stay open."))
        lead.setWordWrap(True)
        self.step_label = quieter(QLabel())

        self.rows: dict[str, ChipRow] = {}
        self.notes: dict[str, QLineEdit] = {}
        self.pages = QStackedWidget()
        self.day: DayRatingPanel | None = None
        if ask_day:
            self.day = DayRatingPanel()
            self.day.changed.connect(self._name_next)
            self.pages.addWidget(self.day)
        for question in QUESTIONS:
            self.pages.addWidget(self._question_page(question))
        self.pages.addWidget(self._more_page(values, trigger_suggestions))
        self.thanks = QLabel(self.tr("Saved. Thank you for noticing."))
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks.setFont(font)
        self.thanks.setWordWrap(True)
        # It takes the keyboard while it shows, so a screen reader reads it out.
        self.thanks.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pages.addWidget(self.thanks)

        self.buttons = self._button_bar()

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(lead)
        layout.addSpacing(6)
        layout.addWidget(self.step_label)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)

        self.save_button.clicked.connect(self._save_and_thank)
        self.not_now_button.clicked.connect(self.reject)
        self.back_button.clicked.connect(self._back)
        self.next_button.clicked.connect(self._next)
        self._thanks_timer = QTimer(self)
        self._thanks_timer.setSingleShot(True)
        self._thanks_timer.setInterval(THANKS_MS)
        self._thanks_timer.timeout.connect(self.accept)
        self.show_step(DAY_STEP if ask_day else 0)
        float_at_width(self)

    def _button_bar(self) -> QWidget:
        self.not_now_button = QPushButton(self.tr("Not now"))
        self.not_now_button.setToolTip(self.tr("Close without saving (Esc)"))
        self.back_button = QPushButton(self.tr("Back"))
        self.next_button = QPushButton()
        self.save_button = QPushButton(self.tr("Save"))
        bar = QWidget()
        buttons = QHBoxLayout(bar)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.not_now_button)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.save_button):
            buttons.addWidget(button)
        for button in (self.not_now_button, self.back_button, self.next_button,
                       self.save_button):
            button.setAutoDefault(False)  # Enter goes to the default button of the step
        return bar

    def _question_page(self, question: Question) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        label = bold(QLabel(translated(question.text)))
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        label.setFont(font)
        column.addWidget(label)
        chips = ChipRow(question)
        column.addWidget(chips)
        label.setBuddy(chips)
        self.rows[question.id] = chips
        note = QLineEdit()
        note.setPlaceholderText(translated(question.note_hint))
        note.setAccessibleName(translated(question.text))
        note.setAccessibleDescription(self.tr("Optional note in your own words"))
        note.setMaxLength(500)
        column.addWidget(note)
        column.addStretch(1)
        self.notes[question.id] = note
        return page

    def _more_page(self, values: Sequence[str], trigger_suggestions: Sequence[str]) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        signals_label = bold(QLabel(translated(BODY_SIGNALS.text)))
        column.addWidget(signals_label)
        signals = ChipRow(BODY_SIGNALS, per_row=3)
        signals_label.setBuddy(signals)
        column.addWidget(signals)
        self.rows[BODY_SIGNALS.id] = signals

        tension_label = bold(QLabel(self.tr("Overall tension right now")))
        column.addWidget(tension_label)
        self.tension = TensionRow()
        tension_label.setBuddy(self.tension)
        column.addWidget(self.tension)

        trigger_label = bold(QLabel(self.tr("What set it off? (optional)")))
        column.addWidget(trigger_label)
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
        trigger_label.setBuddy(self.trigger)
        column.addWidget(self.trigger)

        column.addWidget(bold(QLabel(self.tr("What matters to me now? A small next step:"))))
        self.values_label = QLabel()
        self.values_label.setWordWrap(True)
        self.set_values(values)
        self.values_button = QPushButton(self.tr("My values…"))
        self.values_button.clicked.connect(self.values_requested.emit)
        values_row = QHBoxLayout()
        values_row.addWidget(self.values_label, 1)
        values_row.addWidget(self.values_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(values_row)
        self.next_step = QLineEdit()
        self.next_step.setMaxLength(200)
        self.next_step.setPlaceholderText(self.tr("One small thing that fits, in your words"))
        self.next_step.setAccessibleName(self.tr("A small next step"))
        self.next_step.setAccessibleDescription(self.tr("Optional"))
        column.addWidget(self.next_step)
        column.addStretch(1)
        return page

    @property
    def step(self) -> int:
        """DAY_STEP: the day ratings; 0–2: the three questions; 3: the optional step."""
        return self.pages.currentIndex() - (1 if self.day is not None else 0)

    @property
    def first_step(self) -> int:
        return DAY_STEP if self.day is not None else 0

    def show_step(self, step: int) -> None:
        """Go to a step; the keyboard goes to its first control."""
        self.pages.setCurrentIndex(step + (1 if self.day is not None else 0))
        questions = len(QUESTIONS)
        if step == DAY_STEP:
            self.step_label.setText(self.tr("First, your day so far, only if you like"))
        elif step < _MORE:
            self.step_label.setText(self.tr("Question {number} of {count}").format(
                number=step + 1, count=questions))
        else:
            self.step_label.setText(self.tr("A little more, only if you like"))
        self.back_button.setVisible(step > self.first_step)
        self.next_button.setVisible(step < _MORE)
        self._name_next()
        # Enter moves on through the questions; after the third it saves.
        saves = step >= questions - 1
        self.next_button.setDefault(not saves)
        self.save_button.setDefault(saves)
        self.save_button.setToolTip(self.tr("Save to your private journal (Enter)") if saves
                                    else self.tr("Save to your private journal"))
        self._first_control().setFocus(Qt.FocusReason.TabFocusReason)

    def _first_control(self) -> QWidget:
        step = self.step
        if step == DAY_STEP and self.day is not None:
            return self.day.first
        return self.rows[QUESTIONS[step].id if step < _MORE else BODY_SIGNALS.id]

    def _name_next(self) -> None:
        step = self.step
        if step == DAY_STEP and self.day is not None:
            # Nothing chosen: the same button (and Enter) skips the step in one press.
            rated = self.day.answers().given
            self.next_button.setText(self.tr("Next") if rated else self.tr("Skip"))
            self.next_button.setToolTip(
                self.tr("On to the three questions (Enter)") if rated else
                self.tr("Leave these open and go on to the three questions (Enter or Esc)"))
            return
        last_question = step == len(QUESTIONS) - 1
        self.next_button.setText(self.tr("A little more…") if last_question else self.tr("Next"))
        self.next_button.setToolTip(
            self.tr("Body signals, tension, what set it off and a next step; all optional")
            if last_question else self.tr("The next question (Enter)"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc on the day ratings goes on to the questions: the stress meter itself was not
        # declined, only this step ("Not now" still closes it all).
        if (event.key() == Qt.Key.Key_Escape and self.step == DAY_STEP
                and not self._answered):
            self._next()
            return
        super().keyPressEvent(event)

    def _back(self) -> None:
        self.show_step(self.step - 1)

    def _next(self) -> None:
        self.show_step(self.step + 1)

    def set_values(self, values: Sequence[str]) -> None:
        if values:
            self.values_label.setText(
                self.tr("Your values: {values}").format(values=" · ".join(values)))
        else:
            self.values_label.setText(
                self.tr("You can write down what matters to you; it will show here."))

    def open_for(self, activate: bool) -> None:
        """Show it; take the keyboard only when the user asked for it (not on a timer)."""
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, not activate)
        self.show()
        if activate:
            self.raise_()
            self.activateWindow()
            self._first_control().setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def answers(self) -> Answers:
        return Answers(
            chips={qid: row.chosen() for qid, row in self.rows.items()},
            notes={qid: edit.text().strip() for qid, edit in self.notes.items()},
            tension=self.tension.value(),
            trigger=self.trigger.text().strip(),
            next_step=self.next_step.text().strip(),
            day=self.day.answers() if self.day is not None else DayAnswers(),
        )

    def _save_and_thank(self) -> None:
        """Save at once, say so, and close a moment later (Esc or closing closes at once)."""
        if self._answered:
            return
        self._answered = True
        answers = self.answers()
        self.pages.setCurrentWidget(self.thanks)
        self.step_label.hide()
        self.buttons.hide()
        self.thanks.setFocus()
        self._thanks_timer.start()
        self.saved.emit(answers)

    def accept(self) -> None:
        """Save (unless saved already) and close now."""
        answered, self._answered = self._answered, True
        answers = self.answers()
        super().accept()
        if not answered:
            self.saved.emit(answers)

    def reject(self) -> None:
        if self._answered:  # the thank-you is showing: closing it loses nothing
            self.accept()
            return
        day = self.day.answers() if self.day is not None else None
        super().reject()
        if day is not None:
            self.day_left.emit(day)
        self.dismissed.emit()
