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


def QT_TRANSLATE_N_NOOP(context: str, text: str) -> str:
    """Marks a plural text ("%n days") for the translations build, which tells lupdate."""
    del context
    return text


class Message(str):
    context: str
    template: str
    params: dict[str, Any]
    n: int | None  # the count of a plural text (see `counted`)

    def __new__(cls, context: str, template: str, **params: Any) -> Message:
        return cls._made(context, template, None, params)

    @classmethod
    def counted(cls, context: str, template: str, n: int, **params: Any) -> Message:
        """A plural text ("%n days", marked with QT_TRANSLATE_N_NOOP): `%n` becomes `n` and
        the translation picks the form for it."""
        return cls._made(context, template, n, params)

    @classmethod
    def _made(cls, context: str, template: str, n: int | None,
              params: dict[str, Any]) -> Message:
        text = template if n is None else template.replace("%n", str(n))
        self = super().__new__(cls, text.format(**params))
        self.context = context
        self.template = template
        self.params = params
        self.n = n
        return self


def message_of(error: Exception) -> str:
    """The message an exception was raised with (a Message survives; str() would flatten it)."""
    first = error.args[0] if error.args else ""
    return first if isinstance(first, str) else str(error)
