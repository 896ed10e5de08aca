"""The breathing pacer's frames: what each one repaints, and that nothing stale stays on screen.

The pacer runs 60 times a second during a pause, so its cost per frame is a product goal
(docs/PERFORMANCE.md). These tests pin the behaviour that keeps it cheap (a frame repaints one
rectangle around the disc, a hold repaints nothing) and the correctness that must survive it:
the screen always equals a full repaint, in light and dark palettes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from stressbreak.core.breathing import PATTERNS
from stressbreak.ui.pacer import Pacer
from stressbreak.ui.pause_window import PauseWindow

FRAME_S = 1 / 60


class PaintRegions(QObject):
    """The region of every Paint event the watched widget receives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.regions: list[list[QRect]] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.regions.append(list(event.region()))  # type: ignore[attr-defined]
        return False


def _shown_pacer(qtbot, pattern: str = "coherent") -> Pacer:
    pacer = Pacer(PATTERNS[pattern])
    qtbot.addWidget(pacer)
    pacer.resize(320, 300)
    pacer.show()
    qtbot.waitExposed(pacer)
    return pacer


def _disc_box(pacer: Pacer) -> QRect:
    """Where the disc is now, with its antialiased edge (the centre ± the radius ± 3 px)."""
    radius = (min(pacer.width(), pacer.height()) / 2 - 6) * pacer.radius_share()
    cx, cy = pacer.width() / 2, pacer.height() / 2
    return QRect(int(cx - radius) - 3, int(cy - radius) - 3, int(2 * radius) + 7,
                 int(2 * radius) + 7)


def _screen(pacer: Pacer) -> QImage:
    return pacer.screen().grabWindow(pacer.winId()).toImage()


def test_a_frame_repaints_one_rectangle_around_the_disc_not_the_widget(qtbot):
    pacer = _shown_pacer(qtbot)
    pacer.set_elapsed(0.5)  # the first frame after showing may repaint everything
    qtbot.wait(30)
    watch = PaintRegions(pacer)
    widget_area = pacer.width() * pacer.height()
    t = 0.5
    while t < 10.5:  # a whole breath, in and out, frame by frame
        before = _disc_box(pacer)
        t += FRAME_S
        pacer.set_elapsed(t)
        QApplication.processEvents()  # in case the repaint was queued rather than done
        assert len(watch.regions) == 1, f"one repaint per frame, at t={t:.3f}"
        rects = watch.regions.pop()
        # One rectangle (each rectangle of a region is a paint and an X request of its own),
        # inside where the disc was and is now: the guide ring around it is left alone.
        assert len(rects) == 1
        assert before.united(_disc_box(pacer)).contains(rects[0]), f"t={t:.3f}"
        if pacer.radius_share() < 0.5:  # a small disc repaints a small part of the widget
            assert rects[0].width() * rects[0].height() < 0.4 * widget_area


def test_a_hold_repaints_nothing_until_the_breath_moves_again(qtbot):
    pacer = _shown_pacer(qtbot, "box")  # in 4 s, hold 4 s, out 4 s, hold 4 s
    pacer.set_elapsed(4.5)  # into the hold: the guide ring turns dashed, one repaint
    qtbot.wait(30)
    watch = PaintRegions(pacer)
    t = 4.5
    while t < 7.9:
        t += FRAME_S
        pacer.set_elapsed(t)
    qtbot.wait(30)
    assert watch.regions == []
    pacer.set_elapsed(8.5)  # breathing out: the ring is solid again and the disc moves
    qtbot.wait(30)
    assert watch.regions


def test_frame_by_frame_the_screen_equals_a_full_repaint(qtbot):
    # Every frame repaints only a box, paints over the window's background itself, and
    # may scale the disc without smoothing: none of that may leave a stale pixel behind.
    pacer = _shown_pacer(qtbot, "box")
    t = 0.0
    frame = 0
    while t < 16.0:  # in, hold, out, hold
        t += FRAME_S
        frame += 1
        pacer.set_elapsed(t)
        if frame % 45 == 0:
            qtbot.wait(20)
            on_screen = _screen(pacer)
            full = pacer.grab().toImage().convertToFormat(on_screen.format())
            assert on_screen == full, f"stale pixels on screen at t={t:.3f}"


def test_the_pacer_paints_the_windows_own_background_in_light_and_dark(qtbot):
    # The pacer paints its background itself (Qt no longer paints the window behind it
    # first), so it must follow the window's palette, also when that changes while shown.
    window = PauseWindow(PATTERNS["coherent"], duration_s=60)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for colour in (QColor(239, 239, 239), QColor(50, 50, 50), QColor(239, 239, 239)):
        palette = window.palette()
        palette.setColor(QPalette.ColorRole.Window, colour)
        window.setPalette(palette)
        qtbot.wait(30)
        shot = window.screen().grabWindow(window.winId()).toImage()
        corner = window.pacer.mapTo(window, window.pacer.rect().topLeft())
        # The pacer's corner (outside the guide ring) and the window beside it.
        assert shot.pixelColor(corner.x() + 2, corner.y() + 2) == colour
        assert shot.pixelColor(corner.x() + 2, corner.y() + 2) == shot.pixelColor(2, 2)
        # The disc itself is drawn, not only the background.
        centre = window.pacer.mapTo(window, window.pacer.rect().center())
        assert shot.pixelColor(centre) != colour
