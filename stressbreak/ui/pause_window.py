"""The one-minute pause: breathe along with the pacer; a countdown; End early."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6 import QtGui
from PySide6.QtCore import QEasingCurve, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QAccessible, QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from stressbreak.core.breathing import Pattern, Phase
from stressbreak.core.exercises import BREATHING, EXERCISES, Exercise
from stressbreak.core.profiles import CONTEXT as PROFILES_CONTEXT
from stressbreak.ui.pacer import Pacer
from stressbreak.ui.style import bold, quieter, translated

_TIP_SHOWN_S = 15.0  # the tip shows for the last quarter minute (or third of a short pause)
# Qt 6.8+ (AT-SPI "object:announcement", UIA notifications, NSAccessibility announcements).
_CAN_ANNOUNCE = hasattr(QtGui, "QAccessibleAnnouncementEvent")


class PauseWindow(QWidget):
    """One pause: the breathing pacer, or a guided exercise's prompts one after another."""

    # completed (ran to the end) and the seconds actually spent
    finished = Signal(bool, float)
    favourite_toggled = Signal(str)  # exercise id
    hide_requested = Signal(str)  # exercise id: never show this one again
    cue = Signal(str, str)  # a new phase or prompt began: (phase id or "prompt", its words)

    def __init__(
        self,
        pattern: Pattern,
        duration_s: float,
        *,
        reduced_motion: bool = False,
        exercise: Exercise = EXERCISES[BREATHING],
        values: Sequence[str] = (),
        favourite: bool = False,
        tip: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.exercise = exercise
        # Asked once here, not on every tick of the animation (60 a second).
        guided = self._guided = bool(exercise.steps)
        self.setWindowTitle(self.tr("StressBreak — a minute for you") if guided
                            else self.tr("StressBreak — a minute to breathe"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._duration_s = duration_s
        self._done = False

        title = bold(QLabel(translated(exercise.title, "exercises")))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro_text = translated(exercise.intro, "exercises")
        if not guided and reduced_motion:
            intro_text = self.tr("Breathe with the words; the ring fills once per breath step.")
        intro = QLabel(intro_text)
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pacer = Pacer(pattern, reduced_motion)
        self.phase_label = QLabel()
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase_label.setWordWrap(True)
        font = self.phase_label.font()
        font.setPointSizeF(font.pointSizeF() * (1.25 if guided else 1.6))
        self.phase_label.setFont(font)
        # Room for two lines from the start, so a longer prompt never resizes the circle.
        self.phase_label.setMinimumHeight(2 * self.phase_label.fontMetrics().lineSpacing() + 4)
        # No accessible name of its own: then the text itself is the name, and every change
        # ("Breathe in", "Breathe out", a new prompt) is announced to screen readers.
        self.phase_label.setAccessibleDescription(
            self.tr("Prompt") if guided else self.tr("Breathing phase"))
        self.values_label = self._build_values(exercise, values)
        self.tip_label = self._build_tip(tip, duration_s)
        self.countdown_label = QLabel()
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A label's own name would hide its text: a screen reader gets only the name (Qt's
        # labels have no text interface over AT-SPI). So the time is the name, and what it
        # is the description ("0:42, Time left").
        self.countdown_label.setAccessibleDescription(self.tr("Time left"))
        safety = QLabel(self.tr("Feeling light-headed? Stop and breathe as you normally do."))
        safety.setWordWrap(True)
        safety.setAlignment(Qt.AlignmentFlag.AlignCenter)
        safety.setVisible(not guided)
        quieter(safety)

        buttons = self._build_buttons(exercise, favourite)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.pacer, 1)
        layout.addWidget(self.phase_label)
        layout.addWidget(self.values_label)
        layout.addWidget(self.tip_label)
        layout.addWidget(self.countdown_label)
        layout.addWidget(safety)
        layout.addLayout(buttons)

        self._animation = self._build_animation(duration_s)
        self._text_shown: Phase | int | None = None
        self._seconds_shown = -1
        self._on_tick(0.0)
        self.resize(460, 560)

    def _build_values(self, exercise: Exercise, values: Sequence[str]) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if exercise.uses_values and values:
            label.setText(self.tr("Your values: {values}").format(values=" · ".join(values)))
        label.setVisible(bool(label.text()))
        return label

    def _build_tip(self, tip: str, duration_s: float) -> QLabel:
        """A tip to take along, shown near the end, when the breathing has settled."""
        label = QLabel(translated(tip, PROFILES_CONTEXT) if tip else "")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setAccessibleDescription(self.tr("A thought to take with you"))
        label.setVisible(False)
        # Its room is kept while hidden, so the circle does not shrink when it appears.
        policy = label.sizePolicy()
        policy.setRetainSizeWhenHidden(bool(tip))
        label.setSizePolicy(policy)
        self._tip_from_s = max(0.0, duration_s - min(_TIP_SHOWN_S, duration_s / 3))
        self._tip_waiting = bool(label.text())  # checked per tick: a flag, not a Qt call
        return label

    def _build_buttons(self, exercise: Exercise, favourite: bool) -> QGridLayout:
        self.favourite_button = QPushButton()
        self.favourite_button.setCheckable(True)
        self.favourite_button.setChecked(favourite)
        self.favourite_button.setAutoDefault(False)
        self._show_favourite(favourite)
        self.favourite_button.toggled.connect(self._on_favourite)
        self.end_button = QPushButton(self.tr("End early"))
        self.end_button.setToolTip(self.tr("Stop the pause now (Esc)"))
        self.end_button.clicked.connect(self.end_early)
        self.hide_button = QPushButton(self.tr("Don't show this one again"))
        self.hide_button.setAutoDefault(False)
        self.hide_button.setToolTip(
            self.tr("This exercise will not come back in the rotation"))
        self.hide_button.clicked.connect(self._on_hide)
        # Breathing is the one exercise that always stays available.
        self.hide_button.setVisible(exercise.id != BREATHING)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.end_early)

        # Three equal columns keep "End early" in the middle whatever sits beside it.
        buttons = QGridLayout()
        for column in range(3):
            buttons.setColumnStretch(column, 1)
        buttons.addWidget(self.favourite_button, 0, 0, Qt.AlignmentFlag.AlignLeft)
        buttons.addWidget(self.end_button, 0, 1, Qt.AlignmentFlag.AlignHCenter)
        buttons.addWidget(self.hide_button, 0, 2, Qt.AlignmentFlag.AlignRight)
        return buttons

    def _build_animation(self, duration_s: float) -> QVariantAnimation:
        # One animation drives the whole pause: it runs on Qt's animation timer (vsync-paced)
        # only while the pause is on screen, and it stops by itself at the end.
        animation = QVariantAnimation(self)
        animation.setStartValue(0.0)
        animation.setEndValue(float(duration_s))
        animation.setDuration(int(duration_s * 1000))
        animation.setEasingCurve(QEasingCurve.Type.Linear)
        animation.valueChanged.connect(self._on_tick)
        animation.finished.connect(lambda: self._finish(completed=True))
        return animation

    def start(self) -> None:
        screen = QGuiApplication.primaryScreen().availableGeometry()
        self.move(screen.center() - self.rect().center())
        self.show()
        self.raise_()
        self.activateWindow()
        self.end_button.setFocus()
        self._text_shown = None  # so the first phase is cued too, now that it is heard
        self._on_tick(0.0)
        self._animation.start()

    def elapsed_s(self) -> float:
        return self._animation.currentTime() / 1000.0

    def seek(self, elapsed_s: float) -> None:
        """Show the pause as it is `elapsed_s` into it, and go on from there (the end
        finishes it). Screenshots and tests show a moment this way without waiting."""
        self._animation.setCurrentTime(round(elapsed_s * 1000))

    @property
    def duration_s(self) -> float:
        return self._duration_s

    @property
    def tip_shown_from_s(self) -> float:
        """When the thought to take along appears (the last part of the pause)."""
        return self._tip_from_s

    def end_early(self) -> None:
        self._finish(completed=False)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the window is ending early; the journal hears about it either way.
        self._finish(completed=False)
        super().closeEvent(event)

    def _on_tick(self, elapsed: float) -> None:
        # Texts change a few times a minute; only touch them then (no relayout per frame).
        shown: Phase | int
        if self._guided:
            shown, progress = self.exercise.step_at(elapsed, self._duration_s)
            self.pacer.set_prompt_progress(progress)
        else:
            shown = self.pacer.set_elapsed(elapsed).phase
        if shown != self._text_shown:
            self._text_shown = shown
            text = (self._phase_text(shown) if isinstance(shown, Phase)
                    else translated(self.exercise.steps[shown], "exercises"))
            self.phase_label.setText(text)
            self._announce(text)
            self.cue.emit(shown if isinstance(shown, Phase) else "prompt", text)
        if self._tip_waiting and elapsed >= self._tip_from_s:
            self._tip_waiting = False
            self.tip_label.setVisible(True)
        left = max(0, math.ceil(self._duration_s - elapsed))
        if left != self._seconds_shown:
            self._seconds_shown = left
            self.countdown_label.setText(f"{left // 60}:{left % 60:02d}")

    def _announce(self, text: str) -> None:
        """Say the new phase or prompt to a screen reader. The label's name change alone is
        not enough: Orca speaks a changed name only for the object that has the focus, and
        the focus stays on End early. An announcement is spoken wherever the focus is."""
        if _CAN_ANNOUNCE and self.isVisible():  # not while built: start() says the first
            QAccessible.updateAccessibility(
                QtGui.QAccessibleAnnouncementEvent(self.phase_label, text))

    def _phase_text(self, phase: Phase) -> str:
        texts = {
            Phase.IN: self.tr("Breathe in"),
            Phase.TOP_UP: self.tr("A little more in"),
            Phase.HOLD_FULL: self.tr("Hold gently"),
            Phase.OUT: self.tr("Breathe out"),
            Phase.HOLD_EMPTY: self.tr("Rest"),
        }
        return texts[phase]

    def _show_favourite(self, on: bool) -> None:
        self.favourite_button.setText(self.tr("★ Favourite") if on else self.tr("☆ Favourite"))
        self.favourite_button.setAccessibleName(self.tr("Favourite exercise"))
        self.favourite_button.setToolTip(
            self.tr("When exercises take turns, only your favourites come"))

    def _on_favourite(self, on: bool) -> None:
        self._show_favourite(on)
        self.favourite_toggled.emit(self.exercise.id)

    def _on_hide(self) -> None:
        self.hide_button.setEnabled(False)
        self.hide_button.setText(self.tr("It won't come back"))
        self.favourite_button.setEnabled(False)
        self.hide_requested.emit(self.exercise.id)

    def _finish(self, completed: bool) -> None:
        if self._done:
            return
        self._done = True
        elapsed = self._duration_s if completed else self.elapsed_s()
        self._animation.stop()
        self.finished.emit(completed, elapsed)
        self.close()
