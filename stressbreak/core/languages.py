"""The interface languages: tiny on purpose, because it is read before the tray icon shows."""

from __future__ import annotations

from typing import Any

from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message

LANGUAGES = ("system", "nl", "en")  # the `language` setting: follow the desktop, or one of ours
DEFAULT_LANGUAGE = "system"


def parse_language(value: Any) -> str:
    """The `language` setting's value; ValueError with a readable reason otherwise."""
    if not isinstance(value, str) or value.lower() not in LANGUAGES:
        raise ValueError(Message("settings", QT_TRANSLATE_NOOP(
            "settings", "unknown language {value}; choose one of {choices}"),
            value=repr(value), choices=", ".join(LANGUAGES)))
    return value.lower()
