"""The heart's answer in the pause: its rate as a slow line that rises on the in-breath and falls
on the out-breath, a quiet line of words, and after the pause one sentence with the figures
behind a small toggle.

Only shown when a heart-rate source is there (a strap, or a replayed recording); the pause
window without one has none of it. The line is the instantaneous rate at each beat (60 / RR),
drawn as a smooth curve through the beats of the last half minute and scrolling gently with the
pause's own clock. It costs little per frame, the pacer's rule (docs/PERFORMANCE.md): the
curve is built when beats arrive (once a second), and a frame only shifts it, repainted when it
has moved a whole pixel. With reduced motion there is no line, only the words.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from stressbreak.core.heart import NEIGHBOURS, plausible_beat
from stressbreak.ui.style import quieter

SPAN_S = 30.0  # the last half minute: about three slow breaths
# The line ends this long before now: a strap sends each second's beats up to a second after
# they were, so the newest part of the curve is always beats that have arrived.
DELAY_S = 1.0
_KEEP_S = SPAN_S + DELAY_S + 5.0  # beats older than this are off the left edge
_MIN_RANGE_BPM = 12.0  # a steady heart is not magnified into big waves
_LINE_HEIGHT_PX = 64
_LOOK_CHANGES = frozenset((QEvent.Type.PaletteChange, QEvent.Type.StyleChange))


class _Line(QWidget):
    """The scrolling curve of the heart rate (one point per beat)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFixedHeight(_LINE_HEIGHT_PX)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._beats: list[tuple[float, float]] = []  # (when it ended on the pause's clock, bpm)
        self._recent: list[float] = []  # the last RR values received, drawn or not
        self._offset: float | None = None  # pause clock minus the heart's own (sum of RR)
        self._heart_clock = 0.0
        self._now = 0.0
        self._shown_px: int | None = None
        self._path = QPainterPath()
        self._pen = QPen()
        self._look()

    def sizeHint(self) -> QSize:
        return QSize(320, _LINE_HEIGHT_PX)

    def add_beats(self, rr: Sequence[float], received_at_s: float) -> None:
        if not rr:
            return
        if self._offset is None:
            # The last beat of the first notification ended about when it came; from then on
            # the beats keep their own clock (the sum of the intervals), as the heart did.
            self._offset = received_at_s - sum(rr)
        for value in rr:
            self._heart_clock += value
            # A stray value (a slipping strap, an extra beat) is no spike in the line: the
            # figures leave it out too (core.heart.clean_rr); the clock keeps its time.
            if plausible_beat(value, self._recent):
                self._beats.append((self._heart_clock + self._offset, 60.0 / value))
            self._recent = [*self._recent[1 - NEIGHBOURS:], value]
        cut = self._now - _KEEP_S
        while self._beats and self._beats[0][0] < cut:
            del self._beats[0]
        self._build()

    def set_time(self, elapsed_s: float) -> None:
        self._now = elapsed_s
        px = round(self._left_edge() * self._px_per_s())
        if px != self._shown_px and len(self._beats) > 1:
            self._shown_px = px
            self.update()

    @property
    def beats(self) -> int:
        return len(self._beats)

    def _left_edge(self) -> float:
        return self._now - DELAY_S - SPAN_S

    def _px_per_s(self) -> float:
        return self.width() / SPAN_S

    def _build(self) -> None:
        """The curve through the beats, in the pause clock's pixels; shifted when painted."""
        path = QPainterPath()
        if len(self._beats) > 1:
            rates = [bpm for _, bpm in self._beats]
            low, high = min(rates), max(rates)
            middle = (low + high) / 2
            half = max(high - low, _MIN_RANGE_BPM) / 2
            top, usable = 4.0, self.height() - 8.0
            scale = self._px_per_s()
            points = [QPointF(t * scale, top + usable * (0.5 - (bpm - middle) / (2 * half)))
                      for t, bpm in self._beats]
            # Catmull-Rom through the beats: smooth, and through each beat's own rate.
            path.moveTo(points[0])
            for i in range(len(points) - 1):
                before = points[max(0, i - 1)]
                start, end = points[i], points[i + 1]
                after = points[min(len(points) - 1, i + 2)]
                path.cubicTo(start + (end - before) / 6, end - (after - start) / 6, end)
        self._path = path
        self._shown_px = None
        self.update()

    def _look(self) -> None:
        light = self.palette().window().color().lightnessF() > 0.5
        # The pacer's colours: the heart's line belongs with the breath's circle.
        self._pen = QPen(QColor("#3f9a95" if light else "#8cc9c1"))
        self._pen.setWidthF(2.0)
        self._pen.setCapStyle(Qt.PenCapStyle.RoundCap)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _LOOK_CHANGES:
            self._look()
            self.update()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._build()

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        if not self._path.isEmpty():
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(self._pen)
            painter.translate(-round(self._left_edge() * self._px_per_s()), 0)
            painter.drawPath(self._path)
        painter.end()


class HeartWave(QWidget):
    """The heart's part of the pause window (see the module docstring)."""

    figures_toggled = Signal(bool)

    def __init__(self, reduced_motion: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reduced_motion = reduced_motion
        self.line = _Line()
        self.line.setVisible(not reduced_motion)
        self.words_label = quieter(QLabel())
        self.words_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.words_label.setWordWrap(True)
        self.words_label.setAccessibleDescription(self.tr("Heart rate"))
        self.after_label = QLabel()
        self.after_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.after_label.setWordWrap(True)
        self.after_label.setVisible(False)
        self.figures_button = QPushButton(self.tr("Figures"))
        self.figures_button.setCheckable(True)
        self.figures_button.setAutoDefault(False)
        self.figures_button.setToolTip(self.tr("The heart's figures for this pause"))
        self.figures_button.setVisible(False)
        self.figures_button.toggled.connect(self._on_figures)
        self.figures_box = QWidget()
        self._figures_grid = QGridLayout(self.figures_box)
        self._figures_grid.setContentsMargins(0, 0, 0, 0)
        self.figures_box.setVisible(False)
        self.note_label = quieter(QLabel())
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note_label.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)  # a little air between the pacer and the words
        layout.addWidget(self.line)
        layout.addWidget(self.words_label)
        layout.addWidget(self.after_label)
        layout.addWidget(self.figures_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.figures_box)
        layout.addWidget(self.note_label)
        self.setAccessibleName(self.tr("Your heart"))

    def add_beats(self, rr: Sequence[float], received_at_s: float) -> None:
        """A notification's RR intervals (seconds), received `received_at_s` into the pause."""
        if not self.reduced_motion:
            self.line.add_beats(rr, received_at_s)

    def set_time(self, elapsed_s: float) -> None:
        """The pause's clock, each frame: the line scrolls with it."""
        if not self.reduced_motion:
            self.line.set_time(elapsed_s)

    def set_words(self, text: str) -> None:
        """The quiet line: the rate just now, or where the strap is. Said every few seconds,
        not every beat, so a screen reader hears it without a stream of numbers."""
        if text != self.words_label.text():
            self.words_label.setText(text)
            self.setAccessibleDescription(text)

    @property
    def words(self) -> str:
        return self.words_label.text()

    def show_after(self, sentence: str, rows: Sequence[tuple[str, str]], note: str) -> None:
        """The pause is over: the line stops, one sentence stays; the figures (if any)
        behind the toggle, with the note that this is no medical device."""
        self.line.setVisible(False)
        self.words_label.setVisible(False)
        self.after_label.setText(sentence)
        self.after_label.setVisible(True)
        for row, (what, value) in enumerate(rows):
            name = quieter(QLabel(what))
            shown = QLabel(value)
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._figures_grid.addWidget(name, row, 0)
            self._figures_grid.addWidget(shown, row, 1)
        self.figures_button.setVisible(bool(rows))
        self.note_label.setText(note)
        self.note_label.setVisible(True)
        self.setAccessibleDescription(sentence)

    def _on_figures(self, on: bool) -> None:
        self.figures_box.setVisible(on)
        self.figures_button.setText(self.tr("Hide figures") if on else self.tr("Figures"))
        self.figures_toggled.emit(on)
