"""Small text helpers shared by the windows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from stressbreak.core.content import CONTEXT
from stressbreak.core.messages import Message


def translated(text: str, context: str = CONTEXT) -> str:
    """A catalogue text from core (marked there for translation) in the user's language."""
    return QCoreApplication.translate(context, text)


def translate_message(text: str) -> str:
    """A Message (core.messages) in the user's language, its parameters too; other text as is."""
    if not isinstance(text, Message):
        return text
    params = {key: translate_message(value) if isinstance(value, str) else value
              for key, value in text.params.items()}
    return QCoreApplication.translate(text.context, text.template).format(**params)


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
