"""Messages for the user that core and services write without Qt, translated where shown.

A Message *is* its English text (a str), so logs, tests and string operations keep working;
it also carries its translation context, its English template (marked for Qt's tools with
QT_TRANSLATE_NOOP where it is written) and its named parameters, so the window that shows it
can translate it and fill it in — parameters that are Messages are translated too.
"""

from __future__ import annotations

from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for lupdate (it looks for this name) without importing Qt into core."""
    del context
    return text


class Message(str):
    context: str
    template: str
    params: dict[str, Any]

    def __new__(cls, context: str, template: str, **params: Any) -> Message:
        self = super().__new__(cls, template.format(**params))
        self.context = context
        self.template = template
        self.params = params
        return self


def message_of(error: Exception) -> str:
    """The message an exception was raised with (a Message survives; str() would flatten it)."""
    first = error.args[0] if error.args else ""
    return first if isinstance(first, str) else str(error)
