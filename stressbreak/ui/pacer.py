"""The breathing pacer: a soft circle that grows as you breathe in and shrinks as you breathe out.

It paints only when told the time (the pause window's animation drives it), so it has no timer
of its own and costs nothing when no pause is running.

A frame is cheap on purpose (docs/PERFORMANCE.md, issue 3): a pause ticks 60 times a second
and the process sleeps in between, so each tick runs with cold caches and every Qt call and
Python line in `set_elapsed` and `paintEvent` costs several times what a micro-benchmark says.
What depends only on the widget's size, palette and pixel ratio (the background with the guide
ring, the disc, the pens, the centre) is built when one of those changes, never per frame.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
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
# One pixel, not more: a pen no wider than a device pixel takes Qt's cosmetic-stroker fast
# path, several times cheaper than a wider antialiased stroke (1.5 px was the dearest part of
# a frame) and, over the disc's own darker rim, it looks the same. (On a 2x screen it is two
# device pixels and takes the general path: as correct, only dearer.)
_EDGE_PX = 1.0
_MARGIN_PX = 2  # around the disc's box: the antialiased edge reaches a pixel beyond it
_HOLDS = frozenset((Phase.HOLD_FULL, Phase.HOLD_EMPTY))
# What the cached background and disc depend on besides the size.
_LOOK_CHANGES = frozenset((QEvent.Type.PaletteChange, QEvent.Type.StyleChange,
                           QEvent.Type.DevicePixelRatioChange))


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
        # The disc's radius as a share of the guide ring's, kept with the state it follows.
        self._share = _MIN_SHARE + (_MAX_SHARE - _MIN_SHARE) * ease(self._state.fullness)
        self._progress = 0.0  # through the current breath step, or the current prompt
        # The pacer paints every pixel of itself (its background is in `_backgrounds`), so
        # Qt need not paint the window behind it first, 60 times a second.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._backgrounds: dict[bool, QPixmap] = {}  # dashed guide ring or not → pixmap
        self._disc: QPixmap | None = None
        self._disc_source = QRectF()
        # The disc's box (left, top, right, bottom) at the last repaint request.
        self._last_disc: tuple[int, int, int, int] | None = None
        self._edge = QPen(_ACCENT)
        self._edge.setWidthF(_EDGE_PX)
        self._ring = QPen(_ACCENT)
        self._ring.setWidthF(6.0)
        self._ring.setCapStyle(Qt.PenCapStyle.RoundCap)
        self._centre = QPointF()
        self._centre_x = self._centre_y = self._outer = 0.0
        self._measure()
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
        state = self._state = phase_at(self._pattern, elapsed_s)
        moved = state.fullness != before.fullness
        if moved:
            self._share = _MIN_SHARE + (_MAX_SHARE - _MIN_SHARE) * ease(state.fullness)
        if self.reduced_motion:
            self._set_progress(state.progress, force=state.phase != before.phase)
        elif (state.phase in _HOLDS) != (before.phase in _HOLDS):
            self.update()  # the guide ring changes style
        elif moved:
            self._repaint_disc()
        return state

    def _repaint_disc(self) -> None:
        # Only where the disc was or is now: the ring around it stays as it is, and
        # repainting less of the window per frame is most of the pacer's CPU cost. During
        # a hold nothing moves, so nothing is repainted. One rectangle, not a ring-shaped
        # region of many (tried, with a gradient that stays put so only the rim changes):
        # Qt paints through a many-rectangle clip several times slower per pixel and
        # sends every rectangle to the X server on its own, which cost more than it spared.
        radius = self._outer * self._share
        left = math.floor(self._centre_x - radius) - _MARGIN_PX
        top = math.floor(self._centre_y - radius) - _MARGIN_PX
        right = math.ceil(self._centre_x + radius) + _MARGIN_PX
        bottom = math.ceil(self._centre_y + radius) + _MARGIN_PX
        last = self._last_disc
        self._last_disc = (left, top, right, bottom)
        if last is None:
            self.update()  # first frame, or resized: where the old disc was is unknown
            return
        left, top = min(left, last[0]), min(top, last[1])
        self.update(left, top, max(right, last[2]) - left, max(bottom, last[3]) - top)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._measure()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _LOOK_CHANGES:
            self._measure()
            self.update()
        super().changeEvent(event)

    def _measure(self) -> None:
        """Geometry and cached pixmaps for the current size, palette and pixel ratio."""
        width, height = self.width(), self.height()
        self._centre_x, self._centre_y = width / 2, height / 2
        self._centre = QPointF(self._centre_x, self._centre_y)
        self._outer = min(width, height) / 2 - 6
        self._backgrounds.clear()
        self._disc = None
        self._last_disc = None

    def set_pattern(self, pattern: Pattern) -> None:
        """Breathe another pattern from now on (*Find my breathing pace* changes pace per
        step); the next `set_elapsed` counts from that pattern's start."""
        self._pattern = pattern

    def rest(self) -> None:
        """The breathing is over: empty lungs, no hold, no ring; nothing left to follow."""
        self.set_elapsed(0.0)
        self._set_progress(0.0, force=True)

    def set_prompt_progress(self, progress: float) -> None:
        """For guided exercises: a still circle and a ring that fills once per prompt."""
        self.reduced_motion = True
        self._set_progress(progress, force=progress < self._progress)

    def _set_progress(self, progress: float, force: bool) -> None:
        # The ring moves slowly: repaint when it has moved about a pixel, not every frame.
        if force or abs(progress - self._progress) >= _RING_STEP:
            self._progress = progress
            self.update()

    def radius_share(self) -> float:
        return _STILL_SHARE if self.reduced_motion else self._share

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        # Opaque, so a copy rather than a blend; Qt clips it to the region being repainted.
        hold = not self.reduced_motion and self._state.phase in _HOLDS
        painter.drawPixmap(0, 0, self._background(hold))

        # The soft disc is drawn once per size into a pixmap and only scaled per frame:
        # filling a radial gradient 60 times a second was most of the pause's CPU cost.
        # Scaled without smoothing (a quarter of the pacer's CPU; a soft gradient shows no
        # steps), so its edge is stroked again with antialiasing to stay round and crisp.
        # The pixmap ends half a pixel inside the stroke's outer rim, so the stroke covers
        # its unsmoothed edge (the gradient ends in the stroke's colour anyway).
        radius = self._outer * self.radius_share()
        inner = radius - 0.5
        disc = self._disc_pixmap()
        painter.drawPixmap(QRectF(self._centre_x - inner, self._centre_y - inner,
                                  2 * inner, 2 * inner), disc, self._disc_source)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)  # the edge and ring only
        painter.setPen(self._edge)  # a new painter has no brush: the stroke alone
        painter.drawEllipse(self._centre, radius - _EDGE_PX / 2, radius - _EDGE_PX / 2)
        if self.reduced_motion:
            painter.setPen(self._ring)
            outer = self._outer
            box = QRectF(self._centre_x - outer, self._centre_y - outer, 2 * outer, 2 * outer)
            # From twelve o'clock, clockwise (Qt counts 1/16 degrees, counter-clockwise).
            painter.drawArc(box, 90 * 16, -round(self._progress * 360 * 16))
        painter.end()

    def _background(self, dashed: bool) -> QPixmap:
        """The window's own background with the thin ring the circle grows towards (dashed
        during a hold), in one opaque pixmap; built per size, palette and pixel ratio."""
        cached = self._backgrounds.get(dashed)
        if cached is not None:
            return cached
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        painter = QPainter(pixmap)
        # What the window would have painted behind the pacer (its palette's window brush).
        painter.fillRect(QRectF(0, 0, self.width(), self.height()), self.palette().window())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # The ring must show on a light window as well as a dark one.
        light = self.palette().window().color().lightnessF() > 0.5
        guide = QPen(QColor("#5fa79e" if light else "#8cc9c1"))
        guide.setWidthF(3.0 if dashed else 2.0)
        if dashed:
            guide.setStyle(Qt.PenStyle.DashLine)  # holds look different from movement
        painter.setPen(guide)
        painter.drawEllipse(self._centre, self._outer, self._outer)
        painter.end()
        self._backgrounds[dashed] = pixmap
        return pixmap

    def _disc_pixmap(self) -> QPixmap:
        if self._disc is None:
            size = max(1, round(2 * self._outer * self.devicePixelRatioF()))
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
            self._disc_source = QRectF(pixmap.rect())
        return self._disc
