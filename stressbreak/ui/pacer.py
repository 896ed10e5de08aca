"""The breathing pacer: a soft circle that grows as you breathe in and shrinks as you breathe out.

It paints only when told the time (the pause window's animation drives it), so it has no timer
of its own and costs nothing when no pause is running.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QRadialGradient
from PySide6.QtWidgets import QSizePolicy, QWidget

from stressbreak.core.breathing import Pattern, Phase, PhaseState, phase_at

_MIN_SHARE = 0.38  # radius share when the lungs are empty: never a dot, never vanishing
_MAX_SHARE = 0.9  # full lungs stay inside the guide ring, so its dashes show a hold
_STILL_SHARE = 0.7  # the one size of the circle with reduced motion


def ease(fullness: float) -> float:
    """Slow at the turns of the breath, quicker in the middle (a sine ease in and out)."""
    return 0.5 - 0.5 * math.cos(math.pi * max(0.0, min(1.0, fullness)))


class Pacer(QWidget):
    """The circle grows with the in-breath; with reduced motion nothing grows: a ring fills
    calmly around a still circle instead, once per step, and the words carry the rhythm."""

    def __init__(
        self, pattern: Pattern, reduced_motion: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._pattern = pattern
        self.reduced_motion = reduced_motion
        self._state: PhaseState = phase_at(pattern, 0.0)
        self._progress = 0.0  # through the current breath step, or the current prompt
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 200)
        self.setAccessibleName(self.tr("Breathing pacer"))

    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    @property
    def state(self) -> PhaseState:
        return self._state

    def set_elapsed(self, elapsed_s: float) -> PhaseState:
        self._state = phase_at(self._pattern, elapsed_s)
        self._progress = self._state.progress
        self.update()
        return self._state

    def set_prompt_progress(self, progress: float) -> None:
        """For guided exercises: a still circle and a ring that fills once per prompt."""
        self.reduced_motion = True
        self._progress = progress
        self.update()

    def radius_share(self) -> float:
        if self.reduced_motion:
            return _STILL_SHARE
        return _MIN_SHARE + (_MAX_SHARE - _MIN_SHARE) * ease(self._state.fullness)

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = QPointF(self.width() / 2, self.height() / 2)
        outer = min(self.width(), self.height()) / 2 - 6
        accent = QColor("#3f9a95")

        # The guide ring must show on a light window as well as a dark one.
        light = self.palette().window().color().lightnessF() > 0.5
        guide = QPen(QColor("#5fa79e" if light else "#8cc9c1"))
        guide.setWidthF(2.0)
        if not self.reduced_motion and self._state.phase in (Phase.HOLD_FULL, Phase.HOLD_EMPTY):
            guide.setWidthF(3.0)
            guide.setStyle(Qt.PenStyle.DashLine)  # holds look different from movement
        painter.setPen(guide)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, outer, outer)

        radius = outer * self.radius_share()
        gradient = QRadialGradient(centre, radius)
        gradient.setColorAt(0.0, QColor("#bfe7df"))
        gradient.setColorAt(1.0, accent)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(gradient)
        painter.drawEllipse(centre, radius, radius)
        if self.reduced_motion:
            ring = QPen(accent)
            ring.setWidthF(6.0)
            ring.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            box = QRectF(centre.x() - outer, centre.y() - outer, 2 * outer, 2 * outer)
            # From twelve o'clock, clockwise (Qt counts 1/16 degrees, counter-clockwise).
            painter.drawArc(box, 90 * 16, -round(self._progress * 360 * 16))
        painter.end()
