"""Small text helpers shared by the windows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from stressbreak.core.content import CONTEXT


def translated(text: str, context: str = CONTEXT) -> str:
    """A catalogue text from core (marked there for translation) in the user's language."""
    return QCoreApplication.translate(context, text)


def quieter(label: QLabel) -> QLabel:
    """Smaller type for a side remark. Not greyed out: disabled grey fails WCAG AA contrast."""
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    return label


def bold(label: QLabel) -> QLabel:
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
