"""Guards against Qt bindings that leak references to None (PySide6 6.12.0 on Python 3.11).

Each call of a void C++ method there took one reference from None; the pause's animation makes
~700 such calls a second, and CPython aborts once None's count reaches zero.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel

CALLS = 20_000


def test_void_qt_calls_do_not_leak_references_to_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        label.update()
        label.setText("")
    lost = before - sys.getrefcount(None)
    # A faithful binding loses nothing; a leaking one loses one per call (40 000 here).
    assert lost < CALLS // 10, f"{lost} references to None lost in {2 * CALLS} calls"
