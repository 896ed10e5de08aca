"""The tray icon in its looks: in colour, or in one colour for panels (and the macOS menu bar)
that draw all their icons alike, each with a "reminders paused" variant.

Drawn from PNGs rendered from the SVG artwork (`packaging/make_icons.py`) in every size a
panel asks for, at @1x and @2x: an SVG icon would load Qt's SVG icon engine into the tray app
for the whole day (about 1.4 MB of resident memory) to draw a 22-pixel picture.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon

ICON_DIR = Path(__file__).resolve().parent.parent / "assets" / "icons"
PNG_DIR = ICON_DIR / "png"
PNG_SIZES = (16, 22, 24, 32, 44, 48, 64, 96, 128)  # as packaging/make_icons.py writes them
_SIZES = (16, 22, 24, 32, 48, 64)  # what panels ask for; scaled for high-DPI screens too


def icon_from_pngs(name: str) -> QIcon:
    """`name` ("stressbreak", "stressbreak-quiet", "stressbreak-symbolic"...) in all sizes."""
    icon = QIcon()
    for size in PNG_SIZES:
        icon.addFile(str(PNG_DIR / f"{name}-{size}.png"), QSize(size, size))
    return icon


def app_icon() -> QIcon:
    """The colour icon: windows, the tray, notifications."""
    return icon_from_pngs("stressbreak")


def tray_icons(style: str, platform: str) -> tuple[QIcon, QIcon]:
    """(normal, paused) icons for the tray in `style` ("colour", "light", "dark")."""
    if platform == "darwin":
        # A template image: macOS paints it to suit a light or dark menu bar.
        normal, paused = _one_colour(QColor("black")), _one_colour(QColor("black"), True)
        normal.setIsMask(True)
        paused.setIsMask(True)
        return normal, paused
    if style == "light":
        return _one_colour(QColor("white")), _one_colour(QColor("white"), paused=True)
    if style == "dark":
        return _one_colour(QColor("#202020")), _one_colour(QColor("#202020"), paused=True)
    return app_icon(), icon_from_pngs("stressbreak-quiet")


def _one_colour(colour: QColor, paused: bool = False) -> QIcon:
    # QPainter only here: importing it builds its enums, which the colour icon (the usual
    # one) never needs.
    from PySide6.QtGui import QPainter  # noqa: PLC0415

    source = icon_from_pngs("stressbreak-symbolic-quiet" if paused else "stressbreak-symbolic")
    icon = QIcon()
    for size in _SIZES:
        for ratio in (1, 2):
            pixmap = source.pixmap(QSize(size, size) * ratio)
            painter = QPainter(pixmap)
            # Keep the shape, replace its colour.
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
            painter.fillRect(pixmap.rect(), colour)
            painter.end()
            pixmap.setDevicePixelRatio(ratio)
            icon.addPixmap(pixmap, QIcon.Mode.Normal, QIcon.State.Off)
    return icon
