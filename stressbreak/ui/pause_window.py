"""The one-minute pause: breathe along with the pacer; a countdown; End early."""

from __future__ import annotations

import math

from PySide6.QtCore import QEasingCurve, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from stressbreak.core.breathing import Pattern, Phase
from stressbreak.ui.pacer import Pacer
from stressbreak.ui.style import quieter


class PauseWindow(QWidget):
    # completed (ran to the end) and the seconds actually spent
    finished = Signal(bool, float)

    def __init__(
        self,
        pattern: Pattern,
        duration_s: float,
        reduced_motion: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("StressBreak — a minute to breathe"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._duration_s = duration_s
        self._done = False

        intro = QLabel(self.tr("Breathe along with the circle. Nothing else needs you now."))
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pacer = Pacer(pattern, reduced_motion)
        self.phase_label = QLabel()
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.phase_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.phase_label.setFont(font)
        self.phase_label.setAccessibleName(self.tr("Breathing phase"))
        self.countdown_label = QLabel()
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown_label.setAccessibleName(self.tr("Time left"))
        safety = QLabel(self.tr("Feeling light-headed? Stop and breathe as you normally do."))
        safety.setWordWrap(True)
        safety.setAlignment(Qt.AlignmentFlag.AlignCenter)
        quieter(safety)
        self.end_button = QPushButton(self.tr("End early"))
        self.end_button.setToolTip(self.tr("Stop the pause now (Esc)"))
        self.end_button.clicked.connect(self.end_early)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.end_early)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.pacer, 1)
        layout.addWidget(self.phase_label)
        layout.addWidget(self.countdown_label)
        layout.addWidget(safety)
        layout.addWidget(self.end_button, 0, Qt.AlignmentFlag.AlignHCenter)

        # One animation drives the whole pause: it runs on Qt's animation timer (vsync-paced)
        # only while the pause is on screen, and it stops by itself at the end.
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(float(duration_s))
        self._animation.setDuration(int(duration_s * 1000))
        self._animation.setEasingCurve(QEasingCurve.Type.Linear)
        self._animation.valueChanged.connect(self._on_tick)
        self._animation.finished.connect(lambda: self._finish(completed=True))
        self._phase_shown: Phase | None = None
        self._seconds_shown = -1
        self._on_tick(0.0)
        self.resize(420, 520)

    def start(self) -> None:
        screen = QGuiApplication.primaryScreen().availableGeometry()
        self.move(screen.center() - self.rect().center())
        self.show()
        self.raise_()
        self.activateWindow()
        self.end_button.setFocus()
        self._animation.start()

    def elapsed_s(self) -> float:
        return self._animation.currentTime() / 1000.0

    def end_early(self) -> None:
        self._finish(completed=False)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the window is ending early; the journal hears about it either way.
        self._finish(completed=False)
        super().closeEvent(event)

    def _on_tick(self, value: object) -> None:
        elapsed = float(value)  # type: ignore[arg-type]
        state = self.pacer.set_elapsed(elapsed)
        # Texts change a few times a minute; only touch them then (no relayout per frame).
        if state.phase is not self._phase_shown:
            self._phase_shown = state.phase
            self.phase_label.setText(self._phase_text(state.phase))
        left = max(0, math.ceil(self._duration_s - elapsed))
        if left != self._seconds_shown:
            self._seconds_shown = left
            self.countdown_label.setText(f"{left // 60}:{left % 60:02d}")

    def _phase_text(self, phase: Phase) -> str:
        texts = {
            Phase.IN: self.tr("Breathe in"),
            Phase.TOP_UP: self.tr("A little more in"),
            Phase.HOLD_FULL: self.tr("Hold gently"),
            Phase.OUT: self.tr("Breathe out"),
            Phase.HOLD_EMPTY: self.tr("Rest"),
        }
        return texts[phase]

    def _finish(self, completed: bool) -> None:
        if self._done:
            return
        self._done = True
        elapsed = self._duration_s if completed else self.elapsed_s()
        self._animation.stop()
        self.finished.emit(completed, elapsed)
        self.close()
