"""How a small window asks a tiling window manager to float it rather than tile it.

What the managers float by default (sway 1.7 `wants_floating`, i3, Hyprland alike): on Wayland
an xdg toplevel that has a parent, or whose minimum and maximum width (or height) are equal; on
X11 a window of dialog or utility type, or one of fixed size. Our windows open from the tray and
have no parent, and Wayland has no dialog type, so a fixed width is the one signal left. The
height stays free: longer texts (Dutch, large fonts) still fit, and the user can still make the
window taller.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def float_at_width(window: QWidget, width_px: int | None = None) -> None:
    """Fix the window's width at `width_px` (its natural width when None, never narrower than
    its content needs) and mark it as a dialog. Call once the window's layout is built."""
    if window.windowType() not in (Qt.WindowType.Dialog, Qt.WindowType.Tool):  # Tool floats too
        window.setWindowFlag(Qt.WindowType.Dialog)
    natural_px = window.sizeHint().width() if width_px is None else width_px
    window.setFixedWidth(max(natural_px, window.minimumSizeHint().width()))
