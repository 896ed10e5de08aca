"""Small text helpers shared by the windows."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtWidgets import QLabel

from stressbreak.core.content import CONTEXT
from stressbreak.core.messages import Message


def translated(text: str, context: str = CONTEXT) -> str:
    """A catalogue text from core (marked there for translation) in the user's language."""
    return QCoreApplication.translate(context, text)


def translated_message(text: str) -> str:
    """A core Message in the user's language, its parameters and count too (plain text stays
    as is). The same as services.i18n.translate_message, which a window may not import."""
    if not isinstance(text, Message):
        return text
    params = {key: translated_message(value) if isinstance(value, str) else value
              for key, value in text.params.items()}
    if text.n is None:
        return QCoreApplication.translate(text.context, text.template).format(**params)
    return QCoreApplication.translate(text.context, text.template, None, text.n).format(**params)


def wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


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


def heard_at(when: datetime, now: datetime) -> str:
    """When another computer was last heard of, in words: "today at 09:12", "yesterday at
    17:40", "on 28 Nov" (with the year when it is not this one), in `now`'s zone."""
    local = when.astimezone(now.tzinfo)
    day, today = local.date(), now.date()
    clock = f"{local:%H:%M}"
    if day >= today:  # a clock a little ahead on the other computer: today all the same
        return QCoreApplication.translate("Sharing", "today at {time}").format(time=clock)
    if day == today - timedelta(days=1):
        return QCoreApplication.translate("Sharing", "yesterday at {time}").format(time=clock)
    shown = QLocale().toString(QDate(day.year, day.month, day.day),
                               "d MMM" if day.year == today.year else "d MMM yyyy")
    return QCoreApplication.translate("Sharing", "on {date}").format(date=shown)
