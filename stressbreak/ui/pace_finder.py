"""*Find my breathing pace*: one window for the whole session (docs/HEART.md).

Four pages, one at a time: the introduction (what it does, how long, what it needs, that it can
stop at any moment), the breathing (the pacer at each step's pace, the step and the time left
in words, the heart rate as the strap says it), the result (per pace a plain bar of how far
the heart rate rose and fell with each breath, one sentence, and the choice to use the pace),
and a page that says plainly when no strap can be reached. The window shows what it is given
and emits what the user asks; the coordinator (app/pace_finder.py) does the rest.

Keyboard: each page puts the focus on its main button; Esc stops and closes at any moment.
With reduced motion the circle stays still and a ring fills once per breath step.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6 import QtGui
from PySide6.QtCore import (
    QCoreApplication,
    QEasingCurve,
    QLocale,
    QRectF,
    QSize,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QAccessible,
    QCloseEvent,
    QColor,
    QKeyEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from stressbreak.core.breathing import Phase
from stressbreak.core.heart import SensorState
from stressbreak.core.resonance import (
    Outcome,
    PaceStep,
    SessionResult,
    session_length_s,
    step_at,
)
from stressbreak.ui.pacer import Pacer
from stressbreak.ui.style import bold, quieter, wrapped

_CAN_ANNOUNCE = hasattr(QtGui, "QAccessibleAnnouncementEvent")
_MIN_WIDTH_PX = 380
_ACCENT = QColor("#3f9a95")  # the pacer's colour: the bars show an amount, not a verdict


def pace_text(pace: float) -> str:
    """A pace as the user's language writes it: "6", "5.5" or "5,5"."""
    return QLocale().toString(pace, "g", 3)


class SwingBar(QWidget):
    """A plain horizontal bar: how far the heart rate rose and fell, against the largest."""

    def __init__(self, share: float | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.share = share  # 0–1, None: the signal was not clear enough at this pace
        self.setMinimumSize(120, 14)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(200, 16)

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        track = QRectF(0.5, 0.5, self.width() - 1.0, self.height() - 1.0)
        painter.setBrush(self.palette().mid())
        painter.setOpacity(0.35)
        painter.drawRoundedRect(track, 4, 4)
        painter.setOpacity(1.0)
        if self.share:
            painter.setBrush(_ACCENT)
            painter.drawRoundedRect(QRectF(track.left(), track.top(),
                                           max(track.height(), track.width() * self.share),
                                           track.height()), 4, 4)
        painter.end()


class PaceFinderWindow(QDialog):
    start_requested = Signal()  # Start on the introduction
    breathing_done = Signal()  # the last step has ended
    use_requested = Signal(float)  # the suggested pace, to become the pauses' pattern
    closed = Signal()  # the window has gone, at any point (Esc, Stop, Close, Keep, Use)

    def __init__(self, plan: Sequence[PaceStep], *, reduced_motion: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Find my breathing pace"))
        self._plan = tuple(plan)
        self._length_s = session_length_s(self._plan)
        self._reduced_motion = reduced_motion
        self._step_shown: PaceStep | None = None
        self._phase_shown: Phase | None = None
        self._seconds_shown = -1
        self._suggested: float | None = None

        self.pages = QStackedWidget()
        self.intro_page = self._build_intro()
        self.session_page = self._build_session()
        self.result_page = QWidget()
        self.result_page.setLayout(QVBoxLayout())
        self.no_sensor_page = self._build_no_sensor()
        for page in (self.intro_page, self.session_page, self.result_page, self.no_sensor_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(float(self._length_s))
        self._animation.setDuration(max(1, round(self._length_s * 1000)))
        self._animation.setEasingCurve(QEasingCurve.Type.Linear)
        self._animation.valueChanged.connect(self._on_tick)
        self._animation.finished.connect(self._on_finished)

        self.setMinimumWidth(_MIN_WIDTH_PX)
        self.resize(440, 600)
        self.start_button.setFocus()

    # --- the pages ----------------------------------------------------------------------------

    def _build_intro(self) -> QWidget:
        page = QWidget()
        minutes = max(1, round(self._length_s / 60))
        paces = ", ".join(pace_text(step.pace) for step in self._plan)
        title = bold(wrapped(self.tr("Find my breathing pace")))
        what = wrapped(self.tr(
            "Breathe along with the circle at {count} slow paces: {paces} breaths a minute. "
            "Your heart-rate strap shows at which pace your heart rate rises and falls most, "
            "and most smoothly, with your breath. That pace may suit your pauses best."
        ).format(count=len(self._plan), paces=paces))
        how = wrapped(self.tr(
            "It takes %n minutes and needs a heart-rate strap, worn and switched on. You can "
            "stop at any moment with Stop or Esc; nothing changes unless you choose it.",
            "", minutes))
        self.intro_status = wrapped("")
        self.intro_status.setAccessibleDescription(self.tr("Heart-rate strap"))
        care = quieter(wrapped(self.tr(
            "This is not a medical device. If you feel light-headed, stop and breathe as you "
            "normally do.")))
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._on_start)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        column = QVBoxLayout(page)
        for widget in (title, what, how, self.intro_status):
            column.addWidget(widget)
        column.addStretch(1)
        column.addWidget(care)
        column.addLayout(_row(self.start_button, close))
        return page

    def _build_session(self) -> QWidget:
        page = QWidget()
        self.step_label = bold(_centred(""))
        self.step_label.setAccessibleDescription(self.tr("Step"))
        self.pacer = Pacer(self._plan[0].pattern, self._reduced_motion)
        self.phase_label = _centred("")
        font = self.phase_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.phase_label.setFont(font)
        # No accessible name of its own: the text is the name, and each change is announced.
        self.phase_label.setAccessibleDescription(self.tr("Breathing phase"))
        self.time_label = _centred("")
        self.time_label.setAccessibleDescription(self.tr("Time left"))
        self.heart_label = _centred("")
        self.heart_label.setAccessibleDescription(self.tr("Heart rate"))
        hint = quieter(_centred(
            self.tr("Breathe with the words; the ring fills once per breath step.")
            if self._reduced_motion else self.tr("Breathe in as the circle grows, out as it "
                                                 "shrinks.")))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop now; nothing is changed"))
        self.stop_button.clicked.connect(self.close)
        column = QVBoxLayout(page)
        column.addWidget(self.step_label)
        column.addWidget(self.time_label)
        column.addWidget(self.pacer, 1)
        column.addWidget(self.phase_label)
        column.addWidget(hint)
        column.addWidget(self.heart_label)
        column.addLayout(_row(self.stop_button))
        return page

    def _build_no_sensor(self) -> QWidget:
        page = QWidget()
        self.no_sensor_label = wrapped("")
        unchanged = wrapped(self.tr("Nothing was changed."))
        self.no_sensor_close = QPushButton(self.tr("Close"))
        self.no_sensor_close.setDefault(True)
        self.no_sensor_close.clicked.connect(self.close)
        column = QVBoxLayout(page)
        column.addWidget(bold(wrapped(self.tr("No heart-rate strap"))))
        column.addWidget(self.no_sensor_label)
        column.addWidget(unchanged)
        column.addStretch(1)
        column.addLayout(_row(self.no_sensor_close))
        return page

    def _build_result(self, result: SessionResult) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(bold(wrapped(self.tr("What your heart did"))))
        column.addWidget(wrapped(self.tr(
            "How far your heart rate rose and fell with each breath, in beats a minute:")))
        grid = QGridLayout()
        swings = [s.swing_bpm for s in result.steps if s.swing_bpm is not None]
        largest = max(swings, default=0.0)
        self.bars: list[SwingBar] = []
        for row, step in enumerate(result.steps):
            pace = pace_text(step.pace)
            name = QLabel(self.tr("{pace} a minute").format(pace=pace))
            if step.poor or step.swing_bpm is None:
                bar = SwingBar(None)
                amount = QLabel(self.tr("unclear"))
                said = self.tr("{pace} breaths a minute: the strap's signal was unclear").format(
                    pace=pace)
            else:
                bar = SwingBar(step.swing_bpm / largest if largest else 0.0)
                amount = QLabel(f"{step.swing_bpm:.0f}")
                said = self.tr("{pace} breaths a minute: your heart rate rose and fell by "
                               "{amount} beats a minute").format(
                                   pace=pace, amount=f"{step.swing_bpm:.0f}")
            if step.pace == result.suggested:
                bold(name)
                bold(amount)
            bar.setAccessibleName(said)
            name.setAccessibleName(said)
            amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(name, row, 0)
            grid.addWidget(bar, row, 1)
            grid.addWidget(amount, row, 2)
            self.bars.append(bar)
        grid.setColumnStretch(1, 1)
        column.addLayout(grid)
        self.result_label = wrapped(self._sentence(result))
        column.addSpacing(8)
        column.addWidget(self.result_label)
        column.addStretch(1)
        self.keep_button = QPushButton(self.tr("Keep my current pattern"))
        self.keep_button.clicked.connect(self.close)
        self.use_button: QPushButton | None = None
        if result.suggested is not None:
            self.use_button = QPushButton(self.tr("Use this pace for my pauses"))
            self.use_button.setDefault(True)
            self.use_button.clicked.connect(self._on_use)
            column.addLayout(_row(self.use_button, self.keep_button))
        else:
            self.keep_button.setDefault(True)
            column.addLayout(_row(self.keep_button))
        return page

    def _sentence(self, result: SessionResult) -> str:
        if result.outcome is Outcome.SUGGESTED and result.suggested is not None:
            return self.tr(
                "Your heart rate rose and fell most, and most smoothly, at {pace} breaths a "
                "minute. That pace may suit your pauses best.").format(
                    pace=pace_text(result.suggested))
        if result.outcome is Outcome.POOR_SIGNAL:
            return self.tr(
                "The strap's signal was unclear at most paces, so there is no pace to suggest "
                "this time. Moistening the strap's contacts can help for another try.")
        if result.outcome is Outcome.NO_DIFFERENCE:
            return self.tr(
                "Your heart answered about the same at every pace, so no one pace stands out. "
                "Any of these slow paces can suit your pauses.")
        return self.tr(
            "Your heart rate did not clearly rise and fall with your breath this time, so "
            "there is no pace to suggest. That happens; another day it may show.")

    # --- what the coordinator tells ---------------------------------------------------------

    @property
    def plan(self) -> tuple[PaceStep, ...]:
        return self._plan

    @property
    def length_s(self) -> float:
        return self._length_s

    def show_searching(self) -> None:
        """Start was pressed and the strap is being looked for."""
        self.start_button.setEnabled(False)
        self.intro_status.setText(self.tr("Looking for your heart-rate strap…"))
        self.intro_status.setFocus()

    def begin(self) -> None:
        """Heartbeats arrive: the breathing starts."""
        self.pages.setCurrentWidget(self.session_page)
        self.heart_label.setText(self.tr("Waiting for the first heartbeats…"))
        self._on_tick(0.0)
        self.stop_button.setFocus()
        self._animation.start()
        self._announce(self.step_label.text())

    def elapsed_s(self) -> float:
        """Seconds into the breathing (0 before it began)."""
        return self._animation.currentTime() / 1000.0

    def seek(self, elapsed_s: float) -> None:
        """Jump to a moment of the breathing (tests, and a frozen clock)."""
        self._animation.setCurrentTime(round(elapsed_s * 1000))

    def set_heart_rate(self, beats_a_minute: int | None) -> None:
        """The latest heart rate the strap gave; None: none is coming through now."""
        if beats_a_minute:
            self.heart_label.setText(self.tr("Your heart: %n beats a minute", "",
                                             beats_a_minute))
        else:
            self.heart_label.setText(self.tr("Your heart rate is not coming through right "
                                             "now; just keep breathing along."))

    def show_no_sensor(self, state: SensorState | None) -> None:
        """No strap can be reached (None: none is set up); nothing more happens."""
        self._animation.stop()
        if state is SensorState.UNAVAILABLE:
            text = self.tr("Bluetooth is not available on this computer right now, so the "
                           "strap cannot be reached.")
        elif state is None:
            text = self.tr("This needs a heart-rate strap, and none is set up for "
                           "StressBreak yet.")
        else:
            text = self.tr("Your heart-rate strap was not found. Check that it is worn, its "
                           "contacts a little moist, and switched on; then try again.")
        self.no_sensor_label.setText(text)
        self.pages.setCurrentWidget(self.no_sensor_page)
        self.no_sensor_close.setFocus()
        self._announce(text)

    def show_result(self, result: SessionResult) -> None:
        self._animation.stop()
        page = self._build_result(result)
        self.pages.removeWidget(self.result_page)
        self.result_page.deleteLater()
        self.result_page = page
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        # Its buttons may ask for more room than the window had (Dutch's are long): a window
        # that is already shown does not grow by itself, it would cut their words.
        needed = self.minimumSizeHint().width()
        if self.width() < needed:
            self.resize(needed, self.height())
        self._suggested = result.suggested
        (self.use_button or self.keep_button).setFocus()
        self._announce(self.result_label.text())

    # --- inside ---------------------------------------------------------------------------

    def _on_start(self) -> None:
        self.start_requested.emit()

    def _on_use(self) -> None:
        if self._suggested is not None:
            self.use_requested.emit(self._suggested)

    def _on_finished(self) -> None:
        self.pacer.rest()
        self.breathing_done.emit()

    def _on_tick(self, elapsed: float) -> None:
        # Texts change a few times a minute; only touch them then (no relayout per frame).
        step = step_at(self._plan, min(elapsed, self._length_s - 0.001))
        if step is None:
            return
        if step is not self._step_shown:
            first = self._step_shown is None
            self._step_shown = step
            self.pacer.set_pattern(step.pattern)
            self.step_label.setText(self.tr("Step {number} of {count}: {pace} breaths a minute")
                                    .format(number=step.number, count=len(self._plan),
                                            pace=pace_text(step.pace)))
            if not first:
                self._announce(self.step_label.text())
        phase = self.pacer.set_elapsed(elapsed - step.start_s).phase
        if phase is not self._phase_shown:
            self._phase_shown = phase
            self.phase_label.setText(
                QCoreApplication.translate("PauseWindow", "Breathe in") if phase is Phase.IN
                else QCoreApplication.translate("PauseWindow", "Breathe out"))
        left = max(0, math.ceil(step.end_s - elapsed))
        if left != self._seconds_shown:
            self._seconds_shown = left
            self.time_label.setText(self.tr("{time} left at this pace").format(
                time=f"{left // 60}:{left % 60:02d}"))

    def _announce(self, text: str) -> None:
        # Spoken wherever the focus is (see PauseWindow._announce).
        if _CAN_ANNOUNCE and self.isVisible():
            QAccessible.updateAccessibility(
                QtGui.QAccessibleAnnouncementEvent(self.pages.currentWidget() or self, text))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc stops and closes on every page, as Stop and Close do (a dialog's own Esc only
        # hides it).
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._animation.stop()
        super().closeEvent(event)
        self.closed.emit()


def _centred(text: str) -> QLabel:
    label = wrapped(text)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def _row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row
