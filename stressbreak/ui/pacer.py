"""The breathing pacer: a soft circle that grows as you breathe in and shrinks as you breathe out.

It paints only when told the time (the pause window's animation drives it), so it has no timer
of its own and costs nothing when no pause is running.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QRadialGradient,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from stressbreak.core.breathing import Pattern, Phase, PhaseState, phase_at

_ACCENT = QColor("#3f9a95")
_RING_STEP = 1 / 720  # half a degree of the progress ring
_MIN_SHARE = 0.38  # radius share when the lungs are empty: never a dot, never vanishing
_MAX_SHARE = 0.9  # full lungs stay inside the guide ring, so its dashes show a hold
_STILL_SHARE = 0.7  # the one size of the circle with reduced motion


def _is_hold(phase: Phase) -> bool:
    return phase in (Phase.HOLD_FULL, Phase.HOLD_EMPTY)


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
        self._guides: dict[tuple[int, int, float, bool, bool], QPixmap] = {}
        self._disc: QPixmap | None = None
        self._last_disc: QRect | None = None  # the disc's box at the last repaint request
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 200)
        self.setAccessibleName(self.tr("Breathing pacer"))

    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    @property
    def state(self) -> PhaseState:
        return self._state

    def set_elapsed(self, elapsed_s: float) -> PhaseState:
        before = self._state
        self._state = phase_at(self._pattern, elapsed_s)
        if self.reduced_motion:
            self._set_progress(self._state.progress, force=self._state.phase != before.phase)
        elif _is_hold(self._state.phase) != _is_hold(before.phase):
            self.update()  # the guide ring changes style
        elif self._state.fullness != before.fullness:
            # Only where the disc was or is now: the ring around it stays as it is, and
            # repainting less of the window per frame is most of the pacer's CPU cost.
            # During a hold nothing moves, so nothing is repainted.
            disc = self._disc_rect()
            if self._last_disc is None:
                self.update()  # first frame, or resized: where the old disc was is unknown
            else:
                self.update(disc.united(self._last_disc))
            self._last_disc = disc
        return self._state

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._last_disc = None
        super().resizeEvent(event)

    def set_prompt_progress(self, progress: float) -> None:
        """For guided exercises: a still circle and a ring that fills once per prompt."""
        self.reduced_motion = True
        self._set_progress(progress, force=progress < self._progress)

    def _set_progress(self, progress: float, force: bool) -> None:
        # The ring moves slowly: repaint when it has moved about a pixel, not every frame.
        if force or abs(progress - self._progress) >= _RING_STEP:
            self._progress = progress
            self.update()

    def _disc_rect(self) -> QRect:
        outer = min(self.width(), self.height()) / 2 - 6
        radius = outer * self.radius_share()
        centre = QPointF(self.width() / 2, self.height() / 2)
        return QRectF(centre.x() - radius, centre.y() - radius, 2 * radius,
                      2 * radius).toAlignedRect().adjusted(-2, -2, 2, 2)

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
        hold = not self.reduced_motion and _is_hold(self._state.phase)
        painter.drawPixmap(0, 0, self._guide_pixmap(dashed=hold))

        # The soft disc is drawn once per size into a pixmap and only scaled per frame:
        # filling a radial gradient 60 times a second was most of the pause's CPU cost.
        # Scaled without smoothing (a quarter of the pacer's CPU; a soft gradient shows no
        # steps), so its edge is stroked again with antialiasing to stay round and crisp.
        radius = outer * self.radius_share()
        disc = self._disc_pixmap(outer)
        painter.drawPixmap(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius,
                                  2 * radius), disc, QRectF(disc.rect()))
        edge = QPen(_ACCENT)
        edge.setWidthF(1.5)
        painter.setPen(edge)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, radius - 0.5, radius - 0.5)
        if self.reduced_motion:
            ring = QPen(_ACCENT)
            ring.setWidthF(6.0)
            ring.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            box = QRectF(centre.x() - outer, centre.y() - outer, 2 * outer, 2 * outer)
            # From twelve o'clock, clockwise (Qt counts 1/16 degrees, counter-clockwise).
            painter.drawArc(box, 90 * 16, -round(self._progress * 360 * 16))
        painter.end()

    def _guide_pixmap(self, dashed: bool) -> QPixmap:
        """The thin ring the circle grows towards, dashed during a hold; cached per size."""
        # The ring must show on a light window as well as a dark one.
        light = self.palette().window().color().lightnessF() > 0.5
        key = (self.width(), self.height(), self.devicePixelRatioF(), dashed, light)
        cached = self._guides.get(key)
        if cached is not None:
            return cached
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        guide = QPen(QColor("#5fa79e" if light else "#8cc9c1"))
        guide.setWidthF(3.0 if dashed else 2.0)
        if dashed:
            guide.setStyle(Qt.PenStyle.DashLine)  # holds look different from movement
        painter.setPen(guide)
        outer = min(self.width(), self.height()) / 2 - 6
        painter.drawEllipse(QPointF(self.width() / 2, self.height() / 2), outer, outer)
        painter.end()
        if len(self._guides) > 8:  # sizes change only when the window is resized
            self._guides.clear()
        self._guides[key] = pixmap
        return pixmap

    def _disc_pixmap(self, outer: float) -> QPixmap:
        size = max(1, round(2 * outer * self.devicePixelRatioF()))
        if self._disc is None or self._disc.width() != size:
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            middle = QPointF(size / 2, size / 2)
            gradient = QRadialGradient(middle, size / 2)
            gradient.setColorAt(0.0, QColor("#bfe7df"))
            gradient.setColorAt(1.0, _ACCENT)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(gradient)
            painter.drawEllipse(middle, size / 2, size / 2)
            painter.end()
            self._disc = pixmap
        return self._disc
