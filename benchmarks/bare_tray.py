"""The reference: a bare PySide6 tray app (QApplication + QSystemTrayIcon with an icon, shown).

Nothing else: no menu, no timers, no files. The icon is a plain filled pixmap, so no image
plugin is loaded. The benchmark harness runs it next to StressBreak and reports each figure of
StressBreak relative to this one.

    QT_QPA_PLATFORM=xcb DISPLAY=:90 python benchmarks/bare_tray.py
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon


def main() -> int:
    app = QApplication(sys.argv)
    app.setQuitOnLastWindowClosed(False)
    pixmap = QPixmap(22, 22)
    pixmap.fill(QColor("#3f9a95"))
    tray = QSystemTrayIcon(QIcon(pixmap))
    tray.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
