"""The tray icon in its looks: in colour, or in one colour for panels (and the macOS menu bar)
that draw all their icons alike, each with a "reminders paused" variant. All from SVG, so
they stay crisp at any size and scale."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QPainter

ICON_DIR = Path(__file__).resolve().parent.parent / "assets" / "icons"
APP_ICON = ICON_DIR / "stressbreak.svg"
_SIZES = (16, 22, 24, 32, 48, 64)  # what panels ask for; scaled for high-DPI screens too


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
    return QIcon(str(APP_ICON)), QIcon(str(ICON_DIR / "stressbreak-quiet.svg"))


def _one_colour(colour: QColor, paused: bool = False) -> QIcon:
    name = "stressbreak-symbolic-quiet.svg" if paused else "stressbreak-symbolic.svg"
    source = QIcon(str(ICON_DIR / name))
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
